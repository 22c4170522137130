"""Wikitables (``{| … |}``) as HTML tables whose cells keep their Markdown.

Python-Markdown's md_in_html processes Markdown inside raw HTML only when *every* level carries a
``markdown`` attribute: ``<table markdown="1">``, ``<tr markdown="1">`` and then
``<td markdown="span">`` (one-line cells) or ``<td markdown="block">`` (cells with paragraphs,
lists or a nested table).  With that chain, links, bold/italic and footnote markers (``[^c1]``)
inside cells are registered like any others; without the ``<tr>`` attribute they stay literal
(measured with Markdown 3.11).  Pipe tables cannot express rowspan/colspan, so they are not used.

``<caption>`` is not one of Python-Markdown's block-level tags (it would be wrapped in ``<p>``
and its Markdown left alone), so a caption becomes the ``<figcaption>`` of a ``<figure>`` around
the table.  mwparserfromhell reads ``|+`` as a ``td`` whose text starts with ``+``; that is
recognised here.

Only structural attributes survive (rowspan, colspan, scope); ``style`` is dropped like any other
CSS, so nothing the article's authors wrote can inject CSS or script through a table.
"""

from __future__ import annotations

from mwparserfromhell.nodes import Tag, Text
from mwparserfromhell.wikicode import Wikicode

from .. import markers as M
from . import html as H
from .context import RenderContext

#: MediaWiki's Sanitizer clamps colspan to 1000 and rowspan to 65534.
_SPAN_MAX = {"colspan": 1000, "rowspan": 65534}
#: Table classes from the source that the edition's stylesheet knows.
_TABLE_CLASSES = ("wikitable", "sortable", "plainrowheaders", "infobox", "navbox")


def _cell_attrs(tag: Tag) -> str:
    out = []
    for a in tag.attributes:
        n = str(a.name).strip().lower()
        v = str(a.value).strip().strip('"').strip("'").strip() if a.value is not None else ""
        if n in _SPAN_MAX:
            digits = "".join(ch for ch in v if ch.isdigit())[:6]
            if digits and int(digits) > 1:
                out.append(f' {n}="{min(int(digits), _SPAN_MAX[n])}"')
        elif n == "scope" and v.lower() in ("row", "col", "rowgroup", "colgroup"):
            out.append(f' scope="{v.lower()}"')
    pairs = [(str(a.name), str(a.value) if a.value is not None else "") for a in tag.attributes]
    return "".join(out) + H.clean_attrs(pairs)


def _table_class(tag: Tag) -> str:
    classes = []
    if tag.has("class"):
        for c in str(tag.get("class").value).split():
            c = c.strip().strip('"').lower()
            if c in _TABLE_CLASSES and c not in classes:
                classes.append(c)
    return " ".join(classes) or "wiki-table"


def _is_caption(cell: Tag) -> bool:
    return str(cell).lstrip().startswith("|+")


def _caption_code(cell: Tag) -> Wikicode | str:
    """The text of a ``|+`` caption: mwparserfromhell leaves the ``+`` in its attributes or text."""
    attrs = [str(a).strip() for a in cell.attributes]
    if attrs and attrs[0].startswith("+"):
        return cell.contents if cell.contents is not None else ""
    nodes = list(cell.contents.nodes) if cell.contents is not None else []
    # Keep the original nodes (refs are resolved by node identity); only the "+" is cut.
    if nodes and isinstance(nodes[0], Text) and nodes[0].value.lstrip().startswith("+"):
        nodes[0] = Text(nodes[0].value.lstrip()[1:])
    return Wikicode(nodes)


def _needs_block(code: Wikicode | None) -> bool:
    """A cell needs block Markdown when it has more than one line or a nested table."""
    if code is None:
        return False
    s = str(code).strip()
    return "\n" in s or "{|" in s


def render_cell(cell: Tag, ctx: RenderContext) -> str:
    """One ``<td>``/``<th>`` with its content as span or block Markdown."""
    t = "th" if str(cell.tag).lower() == "th" else "td"
    attrs = _cell_attrs(cell)
    if _needs_block(cell.contents):
        inner = ctx.block(cell.contents).strip("\n")
        return f'<{t}{attrs} markdown="block">\n\n{inner}\n\n</{t}>'
    inner = ctx.inline(cell.contents) if cell.contents is not None else ""
    return f'<{t}{attrs} markdown="span">{inner}</{t}>'


def _template_rows(node, ctx: RenderContext, episodes) -> list[str] | None:
    """The rows a row template between table rows writes (``{{Episode list}}``); None for anything else."""
    from mwparserfromhell.nodes import Template

    if not isinstance(node, Template):
        return None
    made = episodes.rows(node, ctx)
    if made is not None:
        ctx.diag.template("formatting")
    return made


def render_table(node: Tag, ctx: RenderContext) -> str:
    """A wikitable as stashed HTML+Markdown; stray text between rows goes before the table."""
    rows: list[list[str] | str] = []  # cells of a written row, or a whole <tr> line a row template made
    captions: list[str] = []
    before: list[str] = []
    current: list[str] | None = None
    from ..templates import episodes  # rows written by a template ({{Episode list}}): imported late, it imports render

    for child in node.contents.nodes if node.contents is not None else []:
        if not isinstance(child, Tag):
            if isinstance(child, Text) and not child.value.strip():
                continue
            made = _template_rows(child, ctx, episodes)
            if made is not None:
                rows += made  # whole <tr> lines, in their place among the written rows
                continue
            text = ctx.inline(Wikicode([child]))
            if M.strip_markers(text).strip():
                ctx.defect("malformed table", "text between table rows was moved before the table", child)
                before.append(text)
            continue
        name = str(child.tag).lower()
        if name == "caption" or (name == "td" and _is_caption(child)):
            cap = ctx.inline(child.contents if name == "caption" else _caption_code(child))
            if cap:
                captions.append(cap)
        elif name == "tr":
            current = []
            rows.append(current)
            for cell in child.contents.nodes if child.contents is not None else []:
                if isinstance(cell, Tag) and str(cell.tag).lower() in ("td", "th"):
                    if _is_caption(cell):
                        cap = ctx.inline(_caption_code(cell))
                        if cap:
                            captions.append(cap)
                        continue
                    current.append(render_cell(cell, ctx))
                elif (made := _template_rows(cell, ctx, episodes)) is not None:
                    rows += made  # {{Episode list}} right after |-: its own rows, in place
                elif not (isinstance(cell, Text) and not cell.value.strip()):
                    text = ctx.inline(Wikicode([cell]))
                    if M.strip_markers(text).strip():
                        ctx.defect("malformed table", "text outside a table cell was moved before the table", cell)
                        before.append(text)
        elif name in ("td", "th"):  # cells before the first |- belong to an implicit row
            if current is None:
                current = []
                rows.append(current)
            current.append(render_cell(child, ctx))
        else:
            text = ctx.inline(Wikicode([child]))
            if M.strip_markers(text).strip():
                before.append(text)
    rows = [r for r in rows if r]
    parts: list[str] = []
    if before:
        parts.append(ctx.stash_block(" ".join(before)))
    if not rows and not captions:
        ctx.defect("malformed table", "a table with no cells was left out", node)
        return "".join(parts)
    # No class on the table itself: Material styles (and scroll-wraps) only ``table:not([class])``.
    table = ['<table markdown="1">']
    table += [r if isinstance(r, str) else '<tr markdown="1">' + "".join(r) + "</tr>" for r in rows]
    table.append("</table>")
    if captions:
        table = (
            [f'<figure class="wiki-table {_table_class(node)}" markdown="1">', f'<figcaption markdown="span">{" ".join(captions)}</figcaption>']
            + table
            + ["</figure>"]
        )
    parts.append(ctx.stash_block("\n".join(table)))
    return "".join(parts)
