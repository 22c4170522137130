"""The home page's layout: the lead's first paragraph beside the infobox, long infobox lists folded.

Both steps work on the rendered HTML of the lead page (plugin.py, ``on_page_content``) and only
move or re-tag what is there; no text is added or dropped.

* :func:`wrap_lead_top` puts the infobox and the paragraph after it in ``<div class="lead-top">``.
  On wide screens (≥ 76.25em, Material's breakpoint for the table of contents, 1220 px) the
  infobox floats right beside the lead, as on zh.wikipedia; on narrower screens edition.css
  shows the paragraph first (zh.wikipedia's mobile order), so the first sentence is on the first screen.
* :func:`fold_lists` turns each titled list of an infobox cell (``span.collapsible-list``, the
  rendering of ``{{Collapsible list}}`` / ``{{Plainlist}}`` with a title) into a closed
  ``<details>`` whose ``<summary>`` is the title, as zh.wikipedia collapses them.
* :func:`fold_sides_rows` keeps the belligerents (the side table's head row) open and puts every
  further row (commanders, strength, losses …) in a closed ``<details>`` titled by the row's own
  label, so the seed's infobox is about one screen tall instead of four (issue 13).
"""

from __future__ import annotations

import re

_INFOBOX_OPEN = re.compile(r'<div class="infobox\b[^"]*"[^>]*>')
_DIV_TAG = re.compile(r"<(/?)div\b[^>]*>")
_PARAGRAPH = re.compile(r"\s*<p>.*?</p>", re.S)
_LIST_OPEN = re.compile(r'<span class="collapsible-list"><b class="list-title">(.*?)</b>(?:<br\s*/?>)?', re.S)
_SPAN_TAG = re.compile(r"<(/?)span\b[^>]*>")


def _matching_end(html: str, start: int, tag: re.Pattern[str]) -> int | None:
    """Index just after the close tag matching the open tag that starts at *start* (None if unbalanced)."""
    depth = 0
    for m in tag.finditer(html, start):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end()
    return None


def wrap_lead_top(html: str) -> str:
    """Wrap the first infobox and the paragraph right after it in ``<div class="lead-top">``.

    Returns *html* unchanged when there is no infobox, it is unbalanced, or no paragraph follows.
    """
    m = _INFOBOX_OPEN.search(html)
    if not m:
        return html
    end = _matching_end(html, m.start(), _DIV_TAG)
    if end is None:
        return html
    p = _PARAGRAPH.match(html, end)
    if not p:
        return html
    return (html[: m.start()] + '<div class="lead-top">' + html[m.start(): end] + p.group(0)
            + "</div>" + html[p.end():])


def fold_lists(html: str) -> str:
    """Each ``<span class="collapsible-list"><b class="list-title">T</b><br>…</span>`` becomes
    ``<details class="collapsible-list"><summary>T</summary>…</details>`` (unbalanced spans stay)."""
    out: list[str] = []
    pos = 0
    for m in _LIST_OPEN.finditer(html):
        if m.start() < pos:
            continue  # inside a list already folded
        end = _matching_end(html, m.start(), _SPAN_TAG)
        if end is None:
            continue
        inner = html[m.end(): end - len("</span>")]
        out.append(html[pos: m.start()])
        out.append(f'<details class="collapsible-list"><summary>{m.group(1)}</summary>'
                   f'<div class="collapsible-list__items">{inner}</div></details>')
        pos = end
    out.append(html[pos:])
    return "".join(out)


_SIDES = re.compile(r'(<div class="infobox-sides">\s*)(<table>.*?</table>)', re.S)
_TBODY = re.compile(r"\s*<tbody>(.*?)</tbody>\s*", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<td\b[^>]*>(.*?)</td>", re.S)


def _fold_table(m: re.Match[str]) -> str:
    table = m.group(2)
    body = _TBODY.search(table)
    if not body:
        return m.group(0)
    rows = [_CELL.findall(r) for r in _ROW.findall(body.group(1))]
    if not rows or any(len(cells) < 2 for cells in rows):
        return m.group(0)
    head = table[: body.start()] + "\n" + table[body.end():]
    folded = []
    for label, *sides in rows:
        cells = "".join(f"<td>{c}</td>" for c in sides)
        folded.append(f'<details class="infobox-row"><summary>{label}</summary>\n'
                      f"<table>\n<tbody>\n<tr>{cells}</tr>\n</tbody>\n</table>\n</details>")
    return m.group(1) + head + "\n" + "\n".join(folded)


def fold_sides_rows(html: str) -> str:
    """In each ``div.infobox-sides`` table, every body row becomes a closed ``<details>``: its first
    cell is the summary, the other cells (one per side) a one-row table.  Tables of another shape stay."""
    return _SIDES.sub(_fold_table, html)


def lead_page(html: str) -> str:
    """All three steps, for the home page's HTML."""
    return wrap_lead_top(fold_sides_rows(fold_lists(html)))
