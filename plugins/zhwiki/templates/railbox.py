"""Succession boxes of stations and interchanges: ``{{Start rail box}}`` … ``{{End box}}``.

The older form zh.wikipedia keeps in thousands of railway-station articles writes one cell per call,
on lines of their own, rows separated by a ``|-`` line::

    {{Start rail box|[[中国铁路]]}}
    {{s-inop|[[马辛庄站]]|{{站|大同}}方向}}
    {{s-line|[[大秦铁路]]<br />← 13km 湖东站 17km →}}
    {{s-inop|[[大同县站]]}}
    |-
    {{terminus}}
    {{s-line|[[湖大铁路]]}}
    {{s-inop|[[解家庄站]]}}
    {{End box}}

zh.wikipedia draws a table whose rows are 前一站 | 路线 | 后一站; here the series is folded into the
same Markdown pipe table, the start call's title (the railway system) as a bold line above it.
Expressway interchanges (``{{Start expwy box}}``, ``{{S-expwy IC|前一交流道|往 …}}``, ``{{S-line|{{Jct…}}|224k|#9B0D15}}``)
fold the same way.  Names and words are data (``data/railbox.json``); a cell outside a series shows
as text.  The newer ``{{s-line|system=…|line=…|left=…}}`` form is ``{{Adjacent stations}}`` (stations.py).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from mwparserfromhell.nodes import Node, Template, Text

from ..render.context import RenderContext
from .infobox import cell
from .registry import arg_code, name_of, normalize, register
from .stations import adjacent_stations


@lru_cache(maxsize=1)
def table() -> dict:
    """``data/railbox.json``: the names of the calls of a series, column headings and words."""
    return json.loads(resources.files(__package__).joinpath("data", "railbox.json").read_text(encoding="utf-8"))


def _names(kind: str) -> frozenset[str]:
    return frozenset(normalize(n) for n in table()[kind])


#: Normalised names of the calls that open a series (fold_adjacent checks them first).
STARTS = _names("starts")


def _positional(node: Template) -> list:
    return [p.value for p in node.params if not p.showkey and str(p.value).strip()]


def station_cell(node: Template, ctx: RenderContext) -> str:
    """``{{s-inop|[[马辛庄站]]|{{站|大同}}方向}}`` → 马辛庄站（大同站方向）: the station, then its note."""
    pos = _positional(node)
    if not pos:
        return ""
    out = cell(ctx, pos[0])
    notes = [cell(ctx, v) for v in pos[1:]]
    notes = [n for n in notes if n.strip()]
    return out + "".join(table()["note"].format(note=n) for n in notes)


def line_cell(node: Template, ctx: RenderContext) -> str:
    """``{{s-line|[[大秦铁路]]}}`` → 大秦铁路; ``{{S-line|{{Jct…}}|224k|#9B0D15}}`` → 台61線（224k）
    (a colour is the bar's, not text).  A call with named line parameters is the newer form."""
    if any(p.showkey and str(p.name).strip() in ("line", "system", "left", "right", "line1")
           for p in node.params):
        return adjacent_stations(node, ctx)
    pos = _positional(node)
    if not pos:
        return ""
    out = cell(ctx, pos[0])
    for v in pos[1:]:
        if re.fullmatch(r"#?[0-9A-Fa-f]{3,6}|[a-z]+", str(v).strip()):
            continue  # a colour
        note = cell(ctx, v)
        if note.strip():
            out += table()["note"].format(note=note)
    return out


def _row_cells(cells: list[str]) -> list[str]:
    """A row's cells placed under 前一站 | 路线 | 后一站 (three cells in order; fewer stay left to right)."""
    return (cells + ["", "", ""])[:3] if len(cells) <= 3 else [cells[0], "；".join(cells[1:-1]), cells[-1]]


def _table(title: str, rows: list[list[str]]) -> str:
    cols = table()["columns"]
    lines = ['<div class="succession-box" markdown="1">', ""]
    if title:
        lines += [f'<p class="succession-title" markdown="span"><b>{title}</b></p>', ""]
    if rows:
        lines += ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        lines += ["| " + " | ".join(_row_cells(r)) + " |" for r in rows]
        lines.append("")
    lines.append("</div>")
    return "\n".join(lines)


def fold(nodes: list[Node], i: int, ctx: RenderContext) -> tuple[str, int] | None:
    """The series that starts at ``nodes[i]`` as one table; returns (IMD, index after it).

    Blank text and ``|-`` lines between the calls are row breaks or nothing; other text or another
    template ends the series there, and the rest renders as usual."""
    node = nodes[i]
    if not isinstance(node, Template) or name_of(node) not in STARTS:
        return None
    stations, lines, termini, ends = _names("stations"), _names("lines"), _names("termini"), _names("ends")
    title_code = arg_code(node, 1, "title")
    title = cell(ctx, title_code) if title_code is not None else ""
    rows: list[list[str]] = [[]]
    j = end = i + 1
    while j < len(nodes):
        nd = nodes[j]
        if isinstance(nd, Text):
            rest = nd.value.strip()
            if rest in ("", "|-") or re.fullmatch(r"(\|-\s*)+", rest):
                if "|-" in rest and rows[-1]:
                    rows.append([])
                j += 1
                continue
            break
        if not isinstance(nd, Template):
            break
        n = name_of(nd)
        ctx.diag.template("formatting")
        if n in stations:
            rows[-1].append(station_cell(nd, ctx))
        elif n in lines:
            rows[-1].append(line_cell(nd, ctx))
        elif n in termini:
            rows[-1].append(table()["terminus"])
        elif n in ends:
            j += 1
            end = j
            break
        else:
            break
        j += 1
        end = j
    ctx.diag.template("formatting")
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows and not title:
        return "", end
    return ctx.stash_block(_table(title, rows)), end


@register("formatting", *table()["stations"])
def lone_station(node: Template, ctx: RenderContext) -> str:
    """A station cell outside a series: the station and its note as text."""
    return station_cell(node, ctx)


@register("formatting", *table()["termini"])
def lone_terminus(node: Template, ctx: RenderContext) -> str:
    return table()["terminus"]


@register("formatting", *[n for n in table()["starts"]])
def lone_start(node: Template, ctx: RenderContext) -> str:
    """A start call that begins no series (nothing after it): its title as a bold line."""
    title_code = arg_code(node, 1, "title")
    title = cell(ctx, title_code) if title_code is not None else ""
    return ctx.stash_block(_table(title, [])) if title else ""
