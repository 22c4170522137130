"""Athlete infoboxes (``{{Infobox football biography}}``, ``{{Football player infobox}}``, the
volleyball and badminton player boxes …): the generic box, with the career as tables.

zh.wikipedia shows a footballer's career as column groups under headers (青年队, 职业俱乐部,
国家队, 执教球队): one line per club with its years, caps and goals.  The box writes them as
numbered parameters (``years1``, ``clubs1``, ``caps1``, ``goals1`` …) or, in the older form, as
``<br>``-separated lists in ``years`` / ``clubs`` / ``caps(goals)``.  Here each group becomes a
small table under its header, and the totals a row of their own; every other parameter is a row of
the generic box under its label (``data/infobox/zz_athletes.json``).  The groups, their columns and
the parameters that give the title or are hidden are data (``data/athlete_box.json``).
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import mwparserfromhell
from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

from ..render.context import RenderContext
from . import infobox
from . import infobox_data as D
from .registry import REGISTRY, name_of, register

DATA: dict = json.loads((Path(__file__).parent / "data" / "athlete_box.json").read_text(encoding="utf-8"))
_BR = re.compile(r"<br\s*/?>", re.I)


def _numbered(params: dict[str, Wikicode], base: str) -> dict[int, Wikicode]:
    out = {}
    for k, v in params.items():
        m = re.fullmatch(re.escape(base) + r" ?(\d+)", k)
        if m and str(v).strip():
            out[int(m.group(1))] = v
    return out


def _pieces(code: Wikicode | None) -> list[Wikicode]:
    if code is None:
        return []
    return [mwparserfromhell.parse(p.strip()) for p in _BR.split(str(code)) if p.strip()]


def _joined(ctx: RenderContext, first: Wikicode | None, second: Wikicode | None) -> str:
    a, b = infobox.cell(ctx, first), infobox.cell(ctx, second)
    return f"{a} ({b})" if a and b else a or (f"({b})" if b else "")


def _table(title: str, heads: list[str], rows: list[list[str]]) -> str:
    used = [i for i in range(len(heads)) if any(r[i].strip() for r in rows)]
    lines = [f'<p class="infobox-header">{title}</p>', "",
             "| " + " | ".join(heads[i] for i in used) + " |", "|" + "---|" * len(used)]
    lines += ["| " + " | ".join(r[i] for i in used) + " |" for r in rows]
    return "\n".join(lines)


def career_tables(ctx: RenderContext, params: dict[str, Wikicode]) -> tuple[list[str], set[str]]:
    """The career groups of a box as tables, and the parameter keys they used."""
    tables: list[str] = []
    used: set[str] = set()
    for group in DATA["groups"]:
        cols = group["columns"]
        other = [b for col in cols[1:] for b in col[1]]
        numbered = {b: _numbered(params, b) for col in cols for b in col[1]}
        singles = group.get("single", {})
        rows: list[list[str]] = []
        if any(numbered[b] for b in other):
            nums = sorted({n for b in numbered for n in numbered[b]})
            for n in nums:
                row = []
                for col in cols:
                    vals = [numbered[b].get(n) for b in col[1]]
                    row.append(_joined(ctx, vals[0], vals[1]) if col[2:] == ["pair"]
                               else next((infobox.cell(ctx, v) for v in vals if v is not None), ""))
                if any(x.strip() for x in row):
                    rows.append(row)
            used |= {k for k in params for b in numbered if re.fullmatch(re.escape(b) + r" ?\d+", k)}
        elif any(str(params.get(b, "")).strip() for b in [*other, *singles]):
            # the older form: one ``<br>`` line per club in years / clubs / caps(goals)
            columns = []
            for col in cols:
                key = next((b for b in col[1] if str(params.get(b, "")).strip()), None)
                if key is None:
                    key = next((s for s in singles if str(params.get(s, "")).strip()), None)
                columns.append(_pieces(params.get(key)) if key else [])
                used |= {key} if key else set()
            for i in range(max(len(c) for c in columns)):
                row = [infobox.cell(ctx, c[i]) if i < len(c) else "" for c in columns]
                if any(x.strip() for x in row):
                    rows.append(row)
        if not rows:
            continue
        total = group.get("total")
        if total and any(str(params.get(t, "")).strip() for t in total):
            rows.append([DATA["total_label"], *[""] * (len(cols) - 2), _joined(ctx, params.get(total[0]), params.get(total[1]))])
            used |= set(total)
        tables.append(_table(group["title"], [col[0] for col in cols], rows))
    return tables, used


def athlete_box(node: Template, ctx: RenderContext) -> str:
    """The box: its title, the generic rows of every other parameter, then the career tables."""
    params: dict[str, Wikicode] = {}
    for p in node.params:
        if p.showkey:
            params[D.key(str(p.name))] = p.value
    slug = re.sub(r"[^a-z0-9]+", "-", name_of(node)).strip("-") or "athlete"
    lines = [f'<div class="infobox infobox-{slug}" markdown="1">', ""]
    title_key = next((k for k in DATA["title"] if str(params.get(k, "")).strip()), None)
    if title_key:
        lines += [f'<p class="infobox-title" markdown="span">{infobox.cell(ctx, params[title_key])}</p>', ""]
    tables, used = career_tables(ctx, params)
    drop = used | set(DATA["hidden"]) | ({title_key} if title_key else set())
    rest = copy.deepcopy(node)
    for p in list(rest.params):
        if p.showkey and D.key(str(p.name)) in drop:
            rest.remove(p)
    box = infobox._Box()
    infobox._collect(rest, ctx, box, None)
    return infobox.box_markdown(ctx, lines, box.figures, box.rows, box.tables + tables)


_NAMES = [n for n in ("infobox football biography", "infobox football biography 2", "football player infobox",
                      "infobox football official", "infobox 排球選手", "infobox 排球选手", "infobox 羽球選手",
                      "infobox 羽球选手", "infobox 乒乓球運動員", "infobox 乒乓球运动员") if n not in REGISTRY]
if _NAMES:
    register("infobox", *_NAMES)(athlete_box)
