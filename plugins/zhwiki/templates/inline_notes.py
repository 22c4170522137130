"""Inline annotations: a name's readings (``{{標音}}``), access notes after a citation
(``{{Subscription required}}``) and the hand-numbered note pair ``{{ref label}}`` / ``{{note}}``.

* ``{{標音|繁=趙頊|简=赵顼|拼音=Zhào Xū|注音=ㄓㄠˋ ㄒㄩ|音=照须}}`` → 繁体：趙頊，简体：赵顼，拼音：Zhào Xū，
  注音：ㄓㄠˋ ㄒㄩ，音同「照须」 (Template:標音): the forms and readings as written (never converted).
* ``{{Subscription required}}`` → （需要订阅）: how a cited source can be read.
* ``{{ref label|driving|2}}`` → a superscript 「[2]」 (the label, else the id); ``{{note|driving}}`` marks
  where that note's text begins and has no text of its own.

Labels and words live in ``data/inline_notes.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mwparserfromhell.nodes import Template

from .. import markers as M
from ..render import escape
from ..render.context import RenderContext
from .registry import arg, arg_code, name_of, register

_DATA: dict[str, Any] = json.loads((Path(__file__).parent / "data" / "inline_notes.json").read_text(encoding="utf-8"))
ACCESS: dict[str, str] = _DATA["access"]


@register("formatting", "標音", "标音")
def pronunciation(node: Template, ctx: RenderContext) -> str:
    """The forms and readings of a name, labelled, joined with 「，」; ``音`` reads 音同「…」."""
    parts = []
    for key, label in _DATA["pronunciation"]:
        v = arg_code(node, key)
        if v is None:
            continue
        text = M.noconv(ctx.inline(v))
        parts.append(f"{label}「{text}」" if key == "音" else f"{label}：{text}")
    return "，".join(parts)


@register("maintenance", *ACCESS)
def access(node: Template, ctx: RenderContext) -> str:
    """``{{Subscription required}}`` → （需要订阅）, small, after the citation."""
    return f'<small class="access-note">（{escape.text(ACCESS[name_of(node)])}）</small>'


@register("references", "ref label")
def ref_label(node: Template, ctx: RenderContext) -> str:
    """``{{ref label|id|2}}``: the hand-numbered marker 「[2]」 (its label, else its id)."""
    label = arg(node, 2) or arg(node, 1)
    return f'<sup class="ref-label">&#91;{escape.text(label)}&#93;</sup>' if label else ""


@register("references", "note", "note label")
def note_anchor(node: Template, ctx: RenderContext) -> str:
    """``{{note|id}}``: where a hand-numbered note's text begins (its text follows in the article)."""
    return ""
