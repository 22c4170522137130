"""Stock exchange templates in company boxes: ``{{SZSE|000725|codeB=200725}}`` → 深交所：000725、200725.

The exchange's short name comes first, then the ticker codes the call gives (a company listed with
A and B shares has two), each followed by its listed name when the call gives one
(``name=京东方A``).  Exchange names are data (``data/exchanges.json``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from .registry import arg, name_of, register


@lru_cache(maxsize=1)
def table() -> dict:
    """``data/exchanges.json``: exchange names by template name, extra code and name parameters."""
    return json.loads(resources.files(__package__).joinpath("data", "exchanges.json").read_text(encoding="utf-8"))


@register("formatting", *table()["exchanges"])
def ticker(node: Template, ctx: RenderContext) -> str:
    """``{{NYSE|IBM}}`` → 纽约证券交易所：IBM; extra codes and listed names follow in the call's order."""
    data = table()
    exchange = data["exchanges"][name_of(node)]
    codes = [(arg(node, 1), arg(node, "name"))]
    for extra, name_key in zip(data["extra_codes"], data["names"][1:], strict=False):
        codes.append((arg(node, extra), arg(node, name_key)))
    parts = [escape.text(c) + (f"（{escape.text(n)}）" if n else "") for c, n in codes if c]
    if not parts:
        return escape.text(exchange)
    return f"{escape.text(exchange)}：{data['separator'].join(parts)}"
