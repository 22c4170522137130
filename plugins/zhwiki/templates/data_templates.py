"""Figures zh.wikipedia reads from its monthly data pages (``{{ROCCPD|subdivision=桃園市}}`` …).

No offline source holds them, so each call shows nothing and is noted in the build, naming what was
asked for; names and words in ``data/data_templates.json``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from mwparserfromhell.nodes import Template

from ..render.context import RenderContext
from .registry import arg, register


@lru_cache(maxsize=1)
def table() -> dict:
    """``data/data_templates.json``: the names and the note."""
    return json.loads(resources.files(__package__).joinpath("data", "data_templates.json").read_text(encoding="utf-8"))


@register("formatting", *table()["names"])
def left_out(node: Template, ctx: RenderContext) -> str:
    """Nothing, noted with the subdivision (or the field, ``TXT=date``) the call asks for."""
    what = arg(node, "subdivision", 1, "TXT") or "a figure"
    ctx.defect("data template", table()["note"].format(name=" ".join(str(node.name).split()), what=what), node)
    return ""
