"""Two converter subclasses that let the view see which words a conversion rule wrote.

Comparing the real conversion with :class:`NoRulesConverter`'s shows the words a noteTA, group or
``-{H|…}-``/``-{A|…}-`` rule rewrote; :class:`TracingConverter` wraps what a ``-{…}-`` map shows,
which that comparison cannot see.  Neither changes the engine (conversion/engine.py).
"""

from __future__ import annotations

from typing import Any

from ...conversion.engine import Converter
from ...conversion.rules import ConvRule
from .sentinels import MAP_CLOSE, MAP_OPEN


class NoRulesConverter(Converter):
    """A converter that never takes on a rule: every text run goes to the base table alone.

    ``-{…}-`` maps still show their own entries (they are text, not rules); noteTA, group and
    ``-{H|…}-``/``-{A|…}-`` rules are ignored.  Comparing its output with the real one tells which
    words a rule rewrote.
    """

    def apply_rule(self, rule: ConvRule, origin: str) -> None:  # noqa: D102 - see class docstring
        return None


class TracingConverter(Converter):
    """The real converter, except that what a ``-{…}-`` map shows is wrapped in sentinels.

    A map's text is the same with or without page rules, so comparing with the no-rules output
    cannot see it; yet the words it puts in place are a conversion rule's (``-{zh-cn:李奇微;
    zh-tw:李奇威}-``).
    """

    def display(self, block: Any, *args: Any, **kwargs: Any) -> str:
        shown = super().display(block, *args, **kwargs)
        return f"{MAP_OPEN}{shown}{MAP_CLOSE}" if shown else shown
