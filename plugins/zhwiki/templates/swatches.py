"""Colour keys, party colours and seat counts in history, politics and election articles.

zh.wikipedia draws a coloured square before a key's text (``{{colorbox|#9E9|自民党}}``), colours
table cells and boxes with a party's colour (``{{Party meta/color/民主進步黨}}`` returns ``#1B9431``),
and shows a party's seats as a bar with 「61 / 113」 under it (``{{Infobox political party/seats|61|113}}``,
``{{Composition bar|151|2148}}``).  The edition keeps what a reader reads: the key's text, the party's
name and the numbers; a colour on its own has no text form and shows nothing (as ``{{legend}}``).
The template names live in ``data/swatches.json``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from .registry import PATTERNS, REGISTRY, Spec, arg, arg_code, exact_key, name_of, normalize, register

_DATA: dict[str, Any] = json.loads((Path(__file__).parent / "data" / "swatches.json").read_text(encoding="utf-8"))
#: Swatch template (normalised name) → the positional parameter holding its text (1-based).
TEXT_PARAM: dict[str, int] = _DATA["text"]
VALUE_PREFIXES: tuple[str, ...] = tuple(_DATA["value_prefixes"])
NAME_PREFIXES: tuple[str, ...] = tuple(_DATA["name_prefixes"])


@register("formatting", *TEXT_PARAM)
def swatch(node: Template, ctx: RenderContext) -> str:
    """``{{colorbox|#9E9|自民党}}`` → 自民党: the key's text; a bare colour shows nothing."""
    text = arg_code(node, TEXT_PARAM.get(name_of(node), 2), "text")
    return ctx.inline(text) if text is not None else ""


def _number(value: str) -> str:
    """A count as zh.wikipedia's bars print it: digits grouped by thousands (2148 → 2,148)."""
    v = value.strip().replace(",", "")
    return f"{int(v):,}" if re.fullmatch(r"\d+", v) else value.strip()


@register("formatting", *_DATA["seats"])
def seats(node: Template, ctx: RenderContext) -> str:
    """``{{Composition bar|151|2148|hex=…}}`` → 151 / 2,148: the numbers under the bar (the bar and
    its colour are drawing).  Without a total, the count alone."""
    n, total = arg(node, 1), arg(node, 2)
    if not n:
        return ""
    return escape.text(_number(n) + (f" / {_number(total)}" if total else ""))


@register("formatting", "party colour value (any party)")
def party_value(node: Template, ctx: RenderContext) -> str:
    """``{{Party meta/color/民主進步黨}}``: a style value (a colour); it has no text."""
    return ""


@register("formatting", "party name (any party)")
def party_name(node: Template, ctx: RenderContext) -> str:
    """``{{Party meta/shortname/中國國民黨}}``: the party named in the template's title."""
    key = normalize(str(node.name))
    prefix = next((p for p in NAME_PREFIXES if key.startswith(p)), "")
    title = exact_key(str(node.name))[len(prefix):].strip()
    return escape.text(title)


def _party_pattern(key: str) -> Spec | None:
    """Every ``Party meta/color/…`` and ``Party meta/shortname/…`` page, one per party."""
    low = normalize(key)
    if low.startswith(VALUE_PREFIXES):
        return REGISTRY.get("party colour value (any party)")
    if low.startswith(NAME_PREFIXES) and len(low) > len(next(p for p in NAME_PREFIXES if low.startswith(p))):
        return REGISTRY.get("party name (any party)")
    return None


PATTERNS.append(_party_pattern)
