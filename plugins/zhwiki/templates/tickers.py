"""Stock-listing templates: ``{{HKEX|0021}}`` → 港交所：0021, the code linked to the listing.

zh.wikipedia's exchange templates (Template:HKEX, Template:SEHK, Template:NYSE …) show the exchange's
short name, a colon and the code, the code linking to the exchange's page of the listing.  The
names, the short names and the URL patterns live in ``data/stock_exchanges.json``; this module only
holds the structure.  A call without a code shows nothing and is reported.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from .media import print_url, safe_url
from .registry import arg, normalize, register

_DATA: dict[str, Any] = json.loads((Path(__file__).parent / "data" / "stock_exchanges.json").read_text(encoding="utf-8"))
#: One entry per exchange: names, label (simplified), url with ``{id}``.
EXCHANGES: list[dict[str, Any]] = _DATA["exchanges"]


def _handler(exchange: dict[str, Any]):
    def handler(node: Template, ctx: RenderContext) -> str:
        """「交易所：代码」, the code linked to the listing (``{{HKEX|0021}}`` → 港交所：0021)."""
        code = arg(node, 1, "code", "id").strip()
        if not code:
            ctx.defect("bad template", f"{{{{{exchange['names'][0]}}}}} without a stock code; nothing shown", node)
            return ""
        label = escape.text(exchange["label"] + "：")
        url = exchange["url"].replace("{id}", quote(code, safe=""))
        if ctx.in_heading or not safe_url(url):
            return label + escape.text(code)
        return f"{label}[{escape.text(code)}]({escape.url(url)}){{ .external }}{print_url(url)}"

    return handler


for _exchange in EXCHANGES:
    register("links", *dict.fromkeys(normalize(n) for n in _exchange["names"]))(_handler(_exchange))
