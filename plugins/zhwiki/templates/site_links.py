"""Link templates whose address is built from several arguments (``data/site_links.json``).

``{{Gnis|885318|City of New Brunswick}}`` → City of New Brunswick, linked to its GNIS record;
``{{drugs.com|monograph|chlorpromazine-hydrochloride}}`` → Drugs.com：chlorpromazine-hydrochloride, linked.
The operator's station pages ``{{外部連結/京成電鐵車站|shim-mikawashima|新三河島}}`` (one template per
operator, matched by the name's prefix) show 京成電鐵：新三河島站 unlinked, since their address
patterns are zh.wikipedia's template data; each is noted in the build.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from urllib.parse import quote

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from .media import print_url, safe_url
from .registry import PATTERNS, REGISTRY, Spec, normalize, register


@lru_cache(maxsize=1)
def table() -> dict:
    """``data/site_links.json``: sites (names, URL and label patterns) and the station-page family."""
    return json.loads(resources.files(__package__).joinpath("data", "site_links.json").read_text(encoding="utf-8"))


def _pos(node: Template) -> list[str]:
    return [str(p.value).strip() for p in node.params if not p.showkey]


def _fill(pattern: str, values: list[str], quote_it: bool) -> str | None:
    """*pattern* with ``{n}`` → the n-th value; None when a needed value is missing."""
    missing = False

    def sub(m: re.Match) -> str:
        nonlocal missing
        k = int(m.group(1)) - 1
        if k >= len(values) or not values[k]:
            missing = True
            return ""
        return quote(values[k], safe="") if quote_it else values[k]

    out = re.sub(r"\{(\d+)\}", sub, pattern)
    return None if missing else out


def _site_handler(site: dict):
    def handler(node: Template, ctx: RenderContext) -> str:
        """The label, linked to the address the arguments make."""
        values = _pos(node)
        label = _fill(site["label"], values, False) or _fill(site["fallback_label"], values, False) or ""
        url = _fill(site["url"], values, True)
        if url is None:
            ctx.defect("external link", f"{{{{{site['names'][0]}}}}} without the arguments of its address; its label is shown unlinked", node)
            return escape.text(label)
        if ctx.in_heading or not safe_url(url):
            return escape.text(label)
        return f"[{escape.text(label)}]({escape.url(url)}){{ .external }}{print_url(url)}"

    return handler


for _site in table()["sites"]:
    register("links", *dict.fromkeys(normalize(n) for n in _site["names"]))(_site_handler(_site))


def station_page(node: Template, ctx: RenderContext) -> str:
    """``{{外部連結/京成電鐵車站|…|新三河島}}`` → 京成電鐵：新三河島站 (unlinked; noted)."""
    data = table()["station_pages"]
    name = " ".join(str(node.name).split())
    operator = name.split("/", 1)[1] if "/" in name else name
    for s in data["strip"]:
        if operator.endswith(s) and len(operator) > len(s):
            operator = operator[: -len(s)]
            break
    values = [v for v in _pos(node) if v]
    station = values[-1] if values and re.search(r"[\u3400-\u9fff]", values[-1]) else ""
    ctx.defect("external link", table()["station_note"].format(name=name), node)
    label = data["label"].format(operator=operator, station=station) if station else data["label_plain"].format(operator=operator)
    return escape.text(label)


def prefixed(node: Template, ctx: RenderContext) -> str:
    """``{{SIbrochure9th}}`` → the BIPM's SI Brochure, 9th edition, linked (the edition is the name's digits)."""
    name = " ".join(str(node.name).split())
    for site in table()["prefixed"]:
        if name.lower().startswith(site["prefix"].lower()):
            digits = re.sub(r"\D", "", name[len(site["prefix"]):])
            label = site["label"].format(edition=site["edition"].format(n=digits) if digits else "")
            url = site["url"]
            if ctx.in_heading or not safe_url(url):
                return escape.text(label)
            return f"[{escape.text(label)}]({escape.url(url)}){{ .external }}{print_url(url)}"
    return ""


def _station_pattern(key: str) -> Spec | None:
    if normalize(key) in REGISTRY:
        return None
    if any(key.lower().startswith(site["prefix"].lower()) for site in table()["prefixed"]):
        return Spec("citations", prefixed)
    if not key.startswith(tuple(table()["station_pages"]["prefixes"])):
        return None
    return Spec("links", station_page)


PATTERNS.append(_station_pattern)
