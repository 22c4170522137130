"""Digit padding and book identifiers: ``{{0}}``, ``{{ISBN|…}}``, ``{{ISSN|…}}``.

``{{0}}`` (Template:0) pads a number in a statistics column with an invisible digit so that the
columns line up (``{{0}}{{0}}4 {{0}}(0)`` in a footballer's caps); MediaWiki draws a transparent
``0``.  Here it is one FIGURE SPACE (U+2007, as wide as a digit) per character of its argument,
one when it has none; a reader never sees a ``0`` that is not in the numbers.

``{{ISBN|978-4847046322}}`` shows ``ISBN 978-4847046322``, as the CS1 citations here show an
``isbn=`` (the book-sources link of zh.wikipedia needs the wiki).  Registered only where no other
family has claimed the name.
"""

from __future__ import annotations

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from .registry import arg, register_missing

#: U+2007 FIGURE SPACE: the width of one digit, blank.
FIGURE_SPACE = "\u2007"


def pad(node: Template, ctx: RenderContext) -> str:
    """``{{0}}`` → one figure space; ``{{0|00}}`` → two (one per character of the argument)."""
    width = len(arg(node, 1)) or 1
    return FIGURE_SPACE * min(width, 20)


def identifier(node: Template, ctx: RenderContext) -> str:
    """``{{ISBN|978-…}}`` → ``ISBN 978-…`` (several numbers are joined with 、; none shows nothing)."""
    label = str(node.name).strip().upper()
    numbers = [str(p.value).strip() for p in node.params if not p.showkey and str(p.value).strip()]
    return "、".join(f"{label} {escape.text(n)}" for n in numbers)


register_missing("formatting", ["0"], pad)
register_missing("formatting", ["isbn", "issn"], identifier)
