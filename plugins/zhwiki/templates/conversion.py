"""``{{noteTA}}`` and conversion-group templates: they show nothing and feed the converter.

Module:NoteTA emits, in this order, ``-{T|…}-`` for ``T=``, then each group's rules, then the
numbered rules 1…30 as ``-{H|…}-`` (conversion-semantics.md §6).  We collect the same rules as
data in ``ctx.page_rules`` with their origin, so the 用词对照 page can say where each came from.
"""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Template

from .. import markers as M
from ..conversion.rules import parse_rule
from ..render.context import RenderContext
from .registry import register

_NUM_RE = re.compile(r"^\d+$")
_GROUP_RE = re.compile(r"^G(\d+)$", re.I)


@register("conversion", "noteta", "notetag/ta", "noteta/multi")
def noteta(node: Template, ctx: RenderContext) -> str:
    numbered: list[tuple[int, str]] = []
    groups: list[tuple[int, str]] = []
    for p in node.params:
        key = str(p.name).strip()
        value = _unmasked(str(p.value), ctx).strip()
        if not value:
            continue
        if key == "T":
            ctx.title_rule = parse_rule(value)
        elif _NUM_RE.match(key):
            numbered.append((int(key), value))
        elif _GROUP_RE.match(key):
            groups.append((int(_GROUP_RE.match(key).group(1)), value))  # type: ignore[union-attr]
    for _, name in sorted(groups):
        ctx.page_rules.append(("group", name, None))
    for num, value in sorted(numbered):
        rule = parse_rule(value)
        if not rule.has_entries:
            # |1=种 (no code:) means "never convert 种": -{H|种}- (Template:NoteTA/doc example 5)
            rule = parse_rule(value)
        ctx.page_rules.append(("noteTA", f"noteTA {num}", rule))
    return ""


def _unmasked(value: str, ctx: RenderContext) -> str:
    """A parameter's text with each masked ``-{…}-`` put back as its inner text.

    Source masking (source.py) replaces every ``-{…}-`` by markers before parsing; inside a
    noteTA rule the block is part of the rule's own text (``朝-{}-鲜`` reads 朝鲜), so no
    marker may reach the rule, the converter or the 用词对照 page.  Opaque blocks give back
    their body; breaks and the edges of transparent spans are dropped, their text kept.
    """
    def inner(m: re.Match[str]) -> str:
        block = ctx.prep.blocks.get(int(m.group(1)))
        return block.rule.body if block is not None else ""

    return M.strip_markers(M.BLOCK_RE.sub(inner, value))


@register("conversion", "cgroup", "cgroup/military")
def cgroup(node: Template, ctx: RenderContext) -> str:
    return ""
