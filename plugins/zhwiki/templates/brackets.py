"""Tournament brackets: ``{{Round16}}`` and ``{{16TeamBracket}}`` families as a table of matches.

zh.wikipedia draws a bracket; the edition lists its matches, round by round, in a table 轮次 |
日期 | 选手 | 比分 | 选手 | 比分, so that every name and score a bracket shows is read.

* ``{{Round16|日期|甲|胜|乙|…}}`` (Round4 … Round64 and their ``-without third`` / ``-with play-offs``
  forms): five positional values per match (date or place, team 1, score 1, team 2, score 2), the
  first round's matches first; matches after the final are play-offs.
* ``{{8TeamBracket|RD1=…|RD1-team01=甲|RD1-score01=3|RD1-team02=乙|…}}`` (4TeamBracket …
  64TeamBracket): teams 01 and 02 of a round meet, then 03 and 04 …; ``RDn`` names the round.

Round names and the table head live in ``data/brackets.json``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from .lists import cell
from .registry import PATTERNS, REGISTRY, Spec, arg, arg_code, normalize, param_names, register

_DATA: dict[str, Any] = json.loads((Path(__file__).parent / "data" / "brackets.json").read_text(encoding="utf-8"))
_ROUND = re.compile(r"round ?(4|8|16|32|64)(?:[- ].*)?")
_TEAM_BRACKET = re.compile(r"(\d+) ?team ?bracket(?:[- ].*)?")


def _round_name(teams: int) -> str:
    return _DATA["rounds"].get(str(teams), f"{teams}强")


def _table(ctx: RenderContext, rows: list[list[str]]) -> str:
    if not rows:
        return ""
    cols = _DATA["columns"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(c or " " for c in r) + " |" for r in rows]
    return ctx.stash_block('<div class="bracket" markdown="1">\n\n' + "\n".join(lines) + "\n\n</div>")


@register("formatting", "round bracket (any size)")
def round_bracket(node: Template, ctx: RenderContext) -> str:
    """``{{Round16-without third|日期|甲|胜|乙||…}}``: its matches, five values each, round by round."""
    m = _ROUND.fullmatch(normalize(str(node.name)))
    teams = int(m.group(1)) if m else 16
    values = [p.value for p in node.params if not p.showkey]
    matches = [values[k:k + 5] for k in range(0, len(values), 5)]
    rows: list[list[str]] = []
    size, left = teams, teams // 2
    pending = ""  # a round's date written on a match with no teams (a bye) goes to its next match
    for match in matches:
        cells = [cell(ctx, v) for v in match] + [""] * (5 - len(match))
        label = _round_name(size) if size >= 2 else _DATA["extra"]
        if any(cells[1:]):
            if not cells[0]:
                cells[0], pending = pending, ""
            rows.append([label, *cells])
        elif cells[0]:
            pending = cells[0]
        left -= 1
        if left == 0:
            size //= 2
            left = max(size // 2, 1)
            pending = ""
    return _table(ctx, rows)


def _side(node: Template, ctx: RenderContext, rd: int, k: int) -> tuple[str, str]:
    """Team *k* of round *rd* (its seed before it) and its score."""
    seed = arg(node, f"RD{rd}-seed{k:02d}", f"RD{rd}-seed{k}")
    team = cell(ctx, arg_code(node, f"RD{rd}-team{k:02d}", f"RD{rd}-team{k}"))
    score = cell(ctx, arg_code(node, f"RD{rd}-score{k:02d}", f"RD{rd}-score{k}"))
    return (f"（{escape.text(seed)}）" if seed and team else "") + team, score


@register("formatting", "team bracket (any size)")
def team_bracket(node: Template, ctx: RenderContext) -> str:
    """``{{8TeamBracket|RD1=半决赛|RD1-team01=甲|RD1-score01=3|RD1-team02=乙|RD1-score02=1|…}}``: each
    pair of teams of each round as one match."""
    found: dict[int, set[int]] = {}
    for name in param_names(node):
        m = re.fullmatch(r"RD(\d+)-(?:team|score|seed)(\d+)", name, re.I)
        if m:
            found.setdefault(int(m.group(1)), set()).add(int(m.group(2)))
    rows: list[list[str]] = []
    total = int(_TEAM_BRACKET.fullmatch(normalize(str(node.name))).group(1))  # type: ignore[union-attr]
    for rd in sorted(found):
        label = cell(ctx, arg_code(node, f"RD{rd}")) or _round_name(total >> (rd - 1))
        last = max(found[rd])
        for a in range(1, last + 1, 2):
            t1, s1 = _side(node, ctx, rd, a)
            t2, s2 = _side(node, ctx, rd, a + 1)
            if t1 or t2 or s1 or s2:
                rows.append([label, "", t1, s1, t2, s2])
    return _table(ctx, rows)


def _bracket_pattern(key: str) -> Spec | None:
    """Every ``RoundN…`` and ``NTeamBracket…`` template."""
    low = normalize(key)
    if _ROUND.fullmatch(low):
        return REGISTRY.get("round bracket (any size)")
    if _TEAM_BRACKET.fullmatch(low):
        return REGISTRY.get("team bracket (any size)")
    return None


PATTERNS.append(_bracket_pattern)
