"""External-link templates (``{{IMDb title}}``, ``{{douban}}``, ``{{Official website}}``, ``{{Twitter}}`` …).

Each is a URL pattern and a label, kept in ``data/external_links.json``: the handler fills the
pattern with the page's id on the site (URL-quoted) and shows the label as a link, so a reader
never sees a bare id.  ``{title}`` in a label is the given title or name, else the article's page
name, as zh.wikipedia's templates default to ``{{PAGENAME}}``.  A call without an id shows its
label unlinked and is reported.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from .media import print_url, safe_url
from .registry import arg, arg_code, normalize, register

_DATA: dict[str, Any] = json.loads((Path(__file__).parent / "data" / "external_links.json").read_text(encoding="utf-8"))
#: One entry per site (see the data file for its fields).
SITES: list[dict[str, Any]] = _DATA["templates"]


def site_url(site: dict[str, Any], node: Template) -> str | None:
    """The link of a call: the pattern filled with its id (a full URL for ``{{Official website}}``)."""
    for key in site["id"]:
        value = arg(node, key)
        if not value:
            continue
        if site["url"] == "{id}":
            if value.startswith(("http://", "https://", "//")):
                return value
            if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value):
                return None  # another scheme (javascript:, data: …) is never linked
            return "https://" + value.lstrip("/")
        strip = site.get("strip", "")
        if strip and value.startswith(strip):
            value = value[len(strip):]
        prefix = site.get("prefix", {}).get(key, "")
        return site["url"].replace("{id}", prefix + quote(value.strip(), safe="/@"))
    return None


def _handler(site: dict[str, Any]):
    def handler(node: Template, ctx: RenderContext) -> str:
        """The site's label, linked to the page the call names."""
        title_code = None
        for key in site["title"]:
            title_code = arg_code(node, key)
            if title_code is not None:
                break
        title = ctx.inline(title_code) if title_code is not None else escape.text(ctx.page_title)
        template = site.get("label_with_title") if title_code is not None and "label_with_title" in site else site["label"]
        before, _, after = template.partition("{title}")
        label = escape.text(before) + (title + escape.text(after) if _ else "")
        url = site_url(site, node)
        if url is None:
            ctx.defect("external link", f"{{{{{site['names'][0]}}}}} without a usable id or URL; its label is shown unlinked", node)
            return label
        if ctx.in_heading or not safe_url(url):
            return label
        return f"[{label}]({escape.url(url)}){{ .external }}{print_url(url)}"

    return handler


for _site in SITES:
    register("links", *dict.fromkeys(normalize(n) for n in _site["names"]))(_handler(_site))


@register("links", "url")
def url(node: Template, ctx: RenderContext) -> str:
    """``{{URL|http://www.example.com/}}`` → www.example.com, linked; a second argument is the text shown."""
    value = arg(node, 1, "url", "URL")
    if not value:
        return ""
    target = value if re.match(r"(https?:)?//", value) else "https://" + value
    shown_code = arg_code(node, 2)
    shown = ctx.inline(shown_code) if shown_code is not None else escape.text(
        re.sub(r"^(https?:)?//", "", value).rstrip("/"))
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value) and not value.startswith(("http:", "https:")):
        return shown  # another scheme (javascript:, data: …) is never linked
    if ctx.in_heading or not safe_url(target):
        return shown
    return f"[{shown}]({escape.url(target)}){{ .external }}{print_url(target)}"
