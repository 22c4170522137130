"""``{{Taxobox}}``, ``{{Speciesbox}}``, ``{{Automatic taxobox}}`` and ``{{fossil range}}``.

zh.wikipedia's 生物分类框: the name, the picture, 化石时期, 保护状况 (the category in words with
its system: ``EN`` + ``IUCN3.1`` → 濒危（IUCN 3.1）), 科学分类 (one row per rank the box gives,
with its authority), 二名法 (the name in italics, then the authority), 异名 as a list, and the
range map as a second figure.  Rank labels, status words and field labels are data:
``data/taxobox.json``.  A Speciesbox names the genus and species; its 二名法 is built from them.
An automatic box takes its ranks from taxonomy templates that are not available offline, so
only the taxon it names is shown under 科学分类.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

from ..render import escape
from ..render.context import RenderContext
from . import infobox_data as D
from .infobox import box_markdown, cell, figure, file_name
from .registry import arg, arg_code, name_of, positional, register


@lru_cache(maxsize=1)
def table() -> dict:
    """The parsed ``taxobox.json`` (ranks, unranked, status_systems, status, labels, hidden)."""
    return json.loads(resources.files(__package__).joinpath("data", "taxobox.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _hidden() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in table()["hidden"]))


def status_text(code: str, system: str) -> str:
    """``("EN", "IUCN3.1")`` → ``濒危（IUCN 3.1）``; an unknown code is shown as written."""
    data = table()
    words = data["status"].get(code.strip().upper(), code.strip())
    sys_name = data["status_systems"].get(system.strip().lower().replace(" ", ""), system.strip())
    return f"{words}（{sys_name}）" if sys_name else words


def _italic(ctx: RenderContext, code: Wikicode | None) -> str:
    if code is None:
        return ""
    text = cell(ctx, code)
    if not text.strip():
        return ""
    return text if ("<i>" in text or "<em>" in text) else f"<i>{text}</i>"


def _with_authority(ctx: RenderContext, node: Template, value: str, *keys: str) -> str:
    auth = arg_code(node, *keys)
    return value + (f"<br><small>{cell(ctx, auth)}</small>" if auth is not None and cell(ctx, auth).strip() else "")


@register("infobox", "taxobox", "speciesbox", "automatic taxobox", "subspeciesbox", "infraspeciesbox", "hybridbox",
          "ichnobox", "oobox", "virusbox", "生物分类框", "生物分類框", "物种信息框", "物種資訊框", "taxobox/core")
def taxobox(node: Template, ctx: RenderContext) -> str:
    data = table()
    kind = name_of(node)
    genus_raw = re.sub(r"^''|''$", "", arg(node, "genus")).strip()
    species_raw = arg(node, "species").strip()
    taxon_parts = re.sub(r"''", "", arg(node, "taxon")).split()
    if kind in ("speciesbox", "subspeciesbox") and not genus_raw and len(taxon_parts) >= 2:
        genus_raw, species_raw = taxon_parts[0], " ".join(taxon_parts[1:])
    title_code = arg_code(node, "name")
    head = ['<div class="infobox infobox-taxobox" markdown="1">', ""]
    if title_code is not None:
        head += [f'<p class="infobox-title" markdown="span">{cell(ctx, title_code)}</p>', ""]
    elif kind in ("speciesbox", "subspeciesbox") and genus_raw and species_raw:
        head += [f'<p class="infobox-title" markdown="span"><i>{escape.text(genus_raw)} {escape.text(species_raw)}</i></p>', ""]
    elif arg_code(node, "taxon") is not None:
        head += [f'<p class="infobox-title" markdown="span">{_italic(ctx, arg_code(node, "taxon"))}</p>', ""]
    figures = []
    for img, cap in (("image", "image_caption"), ("image2", "image2_caption"), ("range_map", "range_map_caption"),
                     ("range_map2", "range_map2_caption")):
        name = arg(node, img)
        if name:
            figures.append(figure(ctx, file_name(name), arg(node, cap, "caption" if img == "image" else cap),
                                  arg(node, f"{img}_alt")).strip())
    rows: list[tuple[str, str]] = []
    fossil = arg_code(node, "fossil_range")
    if fossil is not None and cell(ctx, fossil).strip():
        rows.append((data["labels"]["fossil_range"], cell(ctx, fossil)))
    statuses = [(arg(node, f"{s}"), arg(node, f"{s}_system"), arg_code(node, f"{s}_ref")) for s in ("status", "status2")]
    statuses = [s for s in statuses if s[0]]
    if statuses:
        rows.append((data["labels"]["status"], ""))
        for code, system, ref in statuses:
            rows.append(("", escape.text(status_text(code, system)) + (cell(ctx, ref) if ref is not None else "")))
    trend = arg(node, "trend").lower()
    if trend:
        rows.append((data["labels"]["trend"], escape.text(data["trend"].get(trend, trend))))
    ranks = []
    for key, label in data["ranks"]:
        code = arg_code(node, key)
        if code is None:
            continue
        value = cell(ctx, code)
        if key in ("genus", "species", "subgenus", "subspecies") and "<i>" not in value and "[" not in str(code):
            value = f"<i>{value}</i>"
        if kind in ("speciesbox", "subspeciesbox") and key == "species" and genus_raw:
            value = f"<i>{escape.text(genus_raw[:1])}. {escape.text(species_raw)}</i>"
        ranks.append((label, _with_authority(ctx, node, value, f"{key}_authority")))
    for p in node.params:
        k = str(p.name).strip()
        m = re.fullmatch(r"unranked_(\w+?)(\d*)", k)
        if m and str(p.value).strip() and not k.endswith("_authority"):
            ranks.append((data["unranked"], cell(ctx, p.value)))
    taxon = arg_code(node, "taxon")
    if taxon is not None and not ranks and kind in ("speciesbox", "subspeciesbox") and genus_raw and species_raw:
        ranks.append(("属", f"<i>{escape.text(genus_raw)}</i>"))
        ranks.append(("种", f"<i>{escape.text(genus_raw[:1])}. {escape.text(species_raw)}</i>"))
    elif taxon is not None and not ranks:
        ranks.append(("分类单元", _with_authority(ctx, node, _italic(ctx, taxon), "authority")))
    if ranks:
        rows.append(("科学分类", ""))
        rows += ranks
    binomial = arg_code(node, "binomial")
    bin_text = _italic(ctx, binomial)
    if not bin_text and kind in ("speciesbox",) and genus_raw and species_raw:
        bin_text = f"<i>{escape.text(genus_raw)} {escape.text(species_raw)}</i>"
    if bin_text:
        rows.append((data["labels"]["binomial"], ""))
        rows.append(("", _with_authority(ctx, node, bin_text, "binomial_authority", "authority")))
    trinomial = _italic(ctx, arg_code(node, "trinomial"))
    if trinomial:
        rows.append((data["labels"]["trinomial"], ""))
        rows.append(("", _with_authority(ctx, node, trinomial, "trinomial_authority")))
    for key in ("type_species", "type_genus"):
        code = arg_code(node, key)
        if code is not None:
            rows.append((data["labels"][key], _with_authority(ctx, node, _italic(ctx, code), f"{key}_authority")))
    sub = arg_code(node, "subdivision")
    if sub is not None and cell(ctx, sub).strip():
        header = arg_code(node, "subdivision_ranks")
        rows.append((cell(ctx, header) if header is not None else data["labels"]["subdivision_ranks"], ""))
        rows.append(("", cell(ctx, sub)))
    syn = arg_code(node, "synonyms")
    if syn is not None and cell(ctx, syn).strip():
        rows.append((data["labels"]["synonyms"], ""))
        ref = arg_code(node, "synonyms_ref")
        rows.append(("", cell(ctx, syn) + (cell(ctx, ref) if ref is not None else "")))
    rank_keys = {k for k, _ in data["ranks"]}
    for p in node.params:
        k = str(p.name).strip()
        if (not p.showkey or k in rank_keys or k in data["labels"] or _hidden().search(k) or D.is_layout(k)
                or D.is_caption(k) or not str(p.value).strip()):
            continue
        value = cell(ctx, p.value)
        if value.strip():
            ctx.diag.unlabelled_param(kind, k)
            rows.append((D.readable(k), value))
    return box_markdown(ctx, head, figures, rows)


@register("infobox", "fossil range", "fossilrange", "化石範圍", "化石范围")
def fossil_range(node: Template, ctx: RenderContext) -> str:
    """``{{fossil range|66|0}}`` → 66–0 百万年前; ``{{fossil range|晚中新世|现代}}`` → 晚中新世–现代.

    The coloured time bar of zh.wikipedia is not drawn; the text it labels is kept.
    """
    pos = [p for p in positional(node) if p]
    if not pos:
        return ""
    if all(re.fullmatch(r"\d+(?:\.\d+)?", p) for p in pos[:2]):
        span = "–".join(pos[:2])
        text = f"{span} 百万年前" if span != "0" else "现代"
        return escape.text(text)
    return "–".join(ctx.inline(p) for p in pos[:2])


@register("citations", "iucn", "iucn2008", "iucn2010", "iucn 2010", "cite iucn")
def iucn_citation(node: Template, ctx: RenderContext) -> str:
    """``{{IUCN|assessors=…|year=1998|id=32353|title=Ginkgo biloba|version=1998|downloaded=…}}``: the
    Red List entry a species box's status cites, as a web citation (author, title, list and version,
    publisher, year, the entry's address by id, the access date).  Words are ``iucn_citation`` in
    ``data/taxobox.json``; the citation itself is formatted by citations.py."""
    import mwparserfromhell

    from .citations import cite

    words = table()["iucn_citation"]
    new = mwparserfromhell.nodes.Template("cite web")
    mapping = {"author": ("assessors", "assessor", "author"), "title": ("title",), "year": ("year",),
               "access-date": ("downloaded", "access-date", "accessdate")}
    for target, sources in mapping.items():
        value = arg(node, *sources)
        if value:
            new.add(target, value)
    version = arg(node, "version")
    new.add("work", words["work"] + (f"（{words['version'].format(version=version)}）" if version else ""))
    new.add("publisher", words["publisher"])
    taxon_id = arg(node, "id")
    if taxon_id.isdigit():
        new.add("url", words["url"].format(id=taxon_id))
    return cite(new, ctx)
