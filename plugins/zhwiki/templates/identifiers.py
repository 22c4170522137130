"""Identifier templates: ``{{ISBN|1-59784-054-8}}`` → ISBN 1-59784-054-8.

zh.wikipedia's Template:ISBN (and ISSN, OCLC, Doi, PMID …) prints the identifier's name before each
value, as a citation does; the labels live in ``data/identifiers.json`` and match the ones
citations.py writes inside CS1 citations, so an identifier reads the same in both places.
"""

from __future__ import annotations

import json
from pathlib import Path

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from .registry import REGISTRY, name_of, positional, register

#: Normalised template name → the label written before each value.
LABELS: dict[str, str] = json.loads(
    (Path(__file__).parent / "data" / "identifiers.json").read_text(encoding="utf-8"))["labels"]


def identifier(node: Template, ctx: RenderContext) -> str:
    """Each value after the identifier's label, joined with 、 (``{{ISBN|A|B}}`` → ISBN A、ISBN B)."""
    label = LABELS[name_of(node)]
    values = [v for v in positional(node) if v]
    return "、".join(escape.text(label + v) for v in values)


register("citations", *(n for n in LABELS if n not in REGISTRY))(identifier)
