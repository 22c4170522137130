"""Film-origin templates: ``{{美國電影產地}}``, ``{{中國大陸電影產地}}``, ``{{英国电影}}`` ….

zh.wikipedia fills a film infobox's 产地 with one such template per country: it shows the flag
and the place's name and files the film in a category.  Offline the name is what carries the
meaning, so a call shows the place's name (a country in the current script as CLDR names it).
A name counts as one of these only when its ending (``data/film_origin.json``) follows a place
the data or CLDR knows, so that ``{{张艺谋电影}}`` (a director's navigation box) is never taken
for a country.
"""

from __future__ import annotations

import json
from pathlib import Path

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from .countries import _CHINESE_NAMED, cldr_country
from .registry import PATTERNS, REGISTRY, Spec, exact_key, register, variant_text

_DATA: dict = json.loads((Path(__file__).parent / "data" / "film_origin.json").read_text(encoding="utf-8"))
#: Name endings, longest first (``電影產地`` before ``電影``).
ENDINGS: tuple[str, ...] = tuple(sorted(_DATA["endings"], key=len, reverse=True))
PLACES: frozenset[str] = frozenset(_DATA["places"])


def place_of(name: str) -> str | None:
    """The place a film-origin template name stands for (``美國電影產地`` → ``美國``), or None."""
    for ending in ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            place = name[: -len(ending)]
            if place in PLACES or place in _CHINESE_NAMED:
                return place
    return None


@register("countries", "film origin (any place)")
def film_origin(node: Template, ctx: RenderContext) -> str:
    """``{{美國電影產地}}`` → 美国 / 美國: the place's name (a country as CLDR names it per variant)."""
    place = place_of(exact_key(str(node.name))) or ""
    code = _CHINESE_NAMED.get(place)
    rule = cldr_country(code) if code else None
    return variant_text(ctx, rule) if rule else escape.text(place)


def _pattern(key: str) -> Spec | None:
    return REGISTRY.get("film origin (any place)") if place_of(key) is not None else None


PATTERNS.append(_pattern)
