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


def _listing(code: str, name: str, exchange: dict[str, Any], ctx: RenderContext) -> str:
    """One code, linked to its listing when the exchange has a URL pattern, then its listed name in （）."""
    shown = escape.text(code)
    url = exchange.get("url", "").replace("{id}", quote(code, safe=""))
    if url and not ctx.in_heading and safe_url(url):
        shown = f"[{shown}]({escape.url(url)}){{ .external }}{print_url(url)}"
    return shown + (f"（{escape.text(name)}）" if name else "")


def _handler(exchange: dict[str, Any]):
    def handler(node: Template, ctx: RenderContext) -> str:
        """「交易所：代码」, each code linked to the listing (``{{HKEX|0021}}`` → 港交所：0021);
        a second listing (``codeB=`` …) and listed names (``name=``, ``nameB=`` …) follow."""
        code = arg(node, 1, "code", "id").strip()
        if not code:
            ctx.defect("bad template", f"{{{{{exchange['names'][0]}}}}} without a stock code; nothing shown", node)
            return ""
        codes = [(code, arg(node, _DATA["names"][0]).strip())]
        for extra, name_key in zip(_DATA["extra_codes"], _DATA["names"][1:], strict=False):
            if more := arg(node, extra).strip():
                codes.append((more, arg(node, name_key).strip()))
        listings = _DATA["separator"].join(_listing(c, n, exchange, ctx) for c, n in codes)
        return escape.text(exchange["label"] + "：") + listings

    return handler


for _exchange in EXCHANGES:
    register("links", *dict.fromkeys(normalize(n) for n in _exchange["names"]))(_handler(_exchange))
