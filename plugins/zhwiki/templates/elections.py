"""Election result boxes: the ``{{Election box begin}}`` … ``{{Election box end}}`` series as one table.

zh.wikipedia's election articles (from en.wikipedia) list each candidate with ``{{Election box
candidate with party link|party=|candidate=|votes=|percentage=|change=}}`` and close with summary
rows (``{{Election box majority}}``, ``{{Election box turnout}}``, ``{{Election box hold with party
link|winner=}}`` …).  The series is one table 政党 | 候选人 | 得票 | 得票率 | ±, the winner's row in
bold, a summary row's label in the first two columns and a hold or gain as a sentence.  Names,
columns and words live in ``data/elections.json``; alone (no begin call before it) a row is one line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import mwparserfromhell
from mwparserfromhell.nodes import Node, Template

from ..render import escape
from ..render.context import RenderContext
from .lists import cell
from .registry import arg, arg_code, name_of, register, series

_DATA: dict[str, Any] = json.loads((Path(__file__).parent / "data" / "elections.json").read_text(encoding="utf-8"))
STARTS = frozenset(_DATA["starts"])
ENDS = frozenset(_DATA["ends"])
WORDS: dict[str, str] = _DATA["words"]


def row_kind(name: str) -> str | None:
    """The kind of a row template (``election box candidate with party link no change`` → candidate)."""
    base = re.sub(r" (with|without) party link| no change| with party link no change", "", name)
    return _DATA["rows"].get(base)


def _num(text: str) -> str:
    v = text.replace(",", "").strip()
    return f"{int(v):,}" if re.fullmatch(r"\d+", v) else text


def _pct(ctx: RenderContext, node: Template, key: str) -> str:
    v = cell(ctx, arg_code(node, key))
    return v + ("%" if v and re.fullmatch(r"[\d.]+", v) else "")


def _party(ctx: RenderContext, node: Template, key: str) -> str:
    """A party cell; the 「with party link」 forms link the party's article, shown without its
    disambiguation (``民主党 (美国)`` → [民主党](民主党 (美国)))."""
    value = arg(node, key)
    if " with party link" not in name_of(node) or not value or "[[" in value or "{{" in value:
        return cell(ctx, arg_code(node, key))
    shown = re.sub(r"\s*[（(][^()（）]*[)）]$", "", value) or value
    return ctx.inline(mwparserfromhell.parse(f"[[{value}|{shown}]]"))


def row(node: Template, ctx: RenderContext) -> list[str]:
    """One table row (five cells) of a row template."""
    kind = row_kind(name_of(node)) or "candidate"
    votes = escape.text(_num(arg(node, "votes")))
    pct, change = _pct(ctx, node, "percentage"), cell(ctx, arg_code(node, "change"))
    if kind in ("candidate", "winner"):
        cells = [_party(ctx, node, "party"), cell(ctx, arg_code(node, "candidate")), votes, pct, change]
        return [f"**{c}**" if c and kind == "winner" else c for c in cells]
    if kind in ("hold", "gain", "new seat"):
        text = WORDS[kind].format(winner=_party(ctx, node, "winner"), loser=_party(ctx, node, "loser"))
        swing = cell(ctx, arg_code(node, "swing"))
        return [text, "", "", f"{WORDS['swing']} {swing}" if swing else "", ""]
    return [WORDS[kind], "", votes, pct, change]


def _table(ctx: RenderContext, title: str, rows: list[list[str]]) -> str:
    cols = _DATA["columns"]
    lines = [f'<p class="election-title" markdown="span">{title}</p>', ""] if title else []
    lines += ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(c or " " for c in r) + " |" for r in rows]
    return ctx.stash_block('<div class="election-box" markdown="1">\n\n' + "\n".join(lines) + "\n\n</div>")


def fold(nodes: list[Node], i: int, ctx: RenderContext) -> tuple[str, int] | None:
    """The series from ``nodes[i]`` (an ``{{Election box begin}}``) as one table; returns (IMD, index
    after its end call).  Blank text between the calls is skipped; anything else ends the series."""
    node = nodes[i]
    title = cell(ctx, arg_code(node, "title"))
    calls, end, closed = series(nodes, i, lambda n: row_kind(n) is not None, ENDS)
    rows: list[list[str]] = []
    for nd in calls:
        ctx.diag.template("formatting")
        rows.append(row(nd, ctx))
    if closed:
        ctx.diag.template("formatting")
    ctx.diag.template("formatting")
    return _table(ctx, title, rows), end


@register("formatting", *STARTS)
def begin_alone(node: Template, ctx: RenderContext) -> str:
    """A begin call with no rows after it: its title only."""
    return _table(ctx, cell(ctx, arg_code(node, "title")), [])


@register("formatting", *ENDS)
def end_alone(node: Template, ctx: RenderContext) -> str:
    return ""


def _row_alone(node: Template, ctx: RenderContext) -> str:
    """A row outside a series: its cells as one line."""
    text = "　".join(c for c in row(node, ctx) if c)
    return ctx.stash_block(f'<p class="election-row" markdown="span">{text}</p>') if text else ""


_NAMES = [f"{base}{link}{nc}" for base in _DATA["rows"] for link in ("", " with party link", " without party link")
          for nc in ("", " no change")]
register("formatting", *_NAMES)(_row_alone)
