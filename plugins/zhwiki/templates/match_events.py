"""Minute marks in match result boxes: ``{{goal|28|45+1}}`` → 28'、45+1'; ``{{og|18}}`` → 18'（乌龙球）.

zh.wikipedia's Template:Goal lists the minutes a player scored (a code such as ``pen`` after a
minute marks a penalty kick); Template:Og and Template:Pen mark own goals and penalties.  Names
and words live in ``data/match_events.json``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from .registry import REGISTRY, name_of, positional, register

_DATA: dict[str, Any] = json.loads((Path(__file__).parent / "data" / "match_events.json").read_text(encoding="utf-8"))
_MINUTE = re.compile(r"\d+(\+\d+)?")


def minutes(node: Template, ctx: RenderContext) -> str:
    """The minutes given, each with 「'」, a code after a minute as its word in （）, joined with 、."""
    note = _DATA["templates"][name_of(node)]
    out: list[str] = []
    for v in positional(node):
        if not v:
            continue
        if _MINUTE.fullmatch(v):
            out.append(f"{v}'" + (f"（{note}）" if note else ""))
        elif v.lower() in _DATA["codes"] and out:
            out[-1] += f"（{_DATA['codes'][v.lower()]}）"
        else:
            out.append(v)
    if not out and note:
        return escape.text(f"（{note}）")
    return escape.text("、".join(out))


register("formatting", *(n for n in _DATA["templates"] if n not in REGISTRY))(minutes)
