"""External-link templates of people, films, music, books, games and sport (``{{Tcmdb name}}``,
``{{Find a Grave}}``, ``{{Nfteams}}``, ``{{Metacritic film}}`` …).

The sites are data (``data/external_links_people.json``, the form of ``external_links.json``);
the handler is weblinks.py's: the site's label linked to the page the id names.  A name another
table already claims keeps that table's handler.
"""

from __future__ import annotations

import json
from pathlib import Path

from .registry import REGISTRY, normalize, register
from .weblinks import _handler

SITES: list[dict] = json.loads(
    (Path(__file__).parent / "data" / "external_links_people.json").read_text(encoding="utf-8"))["templates"]

for _site in SITES:
    _free = [n for n in dict.fromkeys(normalize(n) for n in _site["names"]) if n not in REGISTRY]
    if _free:
        register("links", *_free)(_handler(_site))
