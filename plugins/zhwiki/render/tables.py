"""Wikitables (``{| … |}``) as HTML tables whose cells keep their Markdown (md_in_html)."""

from __future__ import annotations

from mwparserfromhell.nodes import Tag

from . import html as H
from .context import RenderContext

_CELL_ATTRS = ("rowspan", "colspan", "scope")


def _attrs(tag: Tag) -> str:
    out = []
    for a in tag.attributes:
        n = str(a.name).strip().lower()
        v = str(a.value).strip().strip('"') if a.value is not None else ""
        if n in _CELL_ATTRS and v.isdigit() or (n == "scope" and v in ("row", "col")):
            out.append(f' {n}="{v}"')
    return "".join(out) + H.clean_attrs([(str(a.name), str(a.value) if a.value is not None else "") for a in tag.attributes])


def render_table(node: Tag, ctx: RenderContext) -> str:
    from .nodes import render_inline

    rows: list[str] = []
    caption = ""
    pending: list[str] = []
    for child in node.contents.nodes if node.contents is not None else []:
        if not isinstance(child, Tag):
            continue
        name = str(child.tag).lower()
        if name == "caption":
            caption = render_inline(child.contents, ctx)
        elif name == "tr":
            cells = []
            for cell in child.contents.nodes if child.contents is not None else []:
                if isinstance(cell, Tag) and str(cell.tag).lower() in ("td", "th"):
                    t = str(cell.tag).lower()
                    cells.append(f'<{t}{_attrs(cell)} markdown="span">{render_inline(cell.contents, ctx)}</{t}>')
            rows.append("<tr>" + "".join(cells) + "</tr>")
        elif name in ("td", "th"):  # cells before the first |- belong to an implicit row
            pending.append(f'<{name}{_attrs(child)} markdown="span">{render_inline(child.contents, ctx)}</{name}>')
    if pending:
        rows.insert(0, "<tr>" + "".join(pending) + "</tr>")
    parts = ['<table class="wikitable" markdown="1">']
    if caption:
        parts.append(f'<caption markdown="span">{caption}</caption>')
    parts += rows
    parts.append("</table>")
    return ctx.stash_block("\n".join(parts))
