"""``{{#invoke:Infobox …|function|…}}``: a module that builds an information box.

zh.wikipedia's number articles call ``{{#invoke:Infobox number|infobox|number=6|factorization=2 × 3|…}}``
instead of a template; the box is the same as ``{{Infobox number|…}}``.  Any ``#invoke`` of a module
named ``Infobox …`` shows as the generic information box of its named parameters (the function name,
the first argument, is not a row); labels come from the infobox tables.
"""

from __future__ import annotations

from mwparserfromhell.nodes import Template

from ..render.context import RenderContext
from . import infobox
from .registry import PATTERNS, REGISTRY, Spec, normalize


def module_box(node: Template, ctx: RenderContext) -> str:
    """The named parameters of the call as a generic information box."""
    box = Template(node.name)
    for p in node.params:
        if p.showkey:
            box.add(p.name, p.value, preserve_spacing=False)
    box.__dict__["_zhwiki_src"] = node.__dict__.get("_zhwiki_src") or str(node)
    return infobox.generic(box, ctx)


def _invoke_pattern(key: str) -> Spec | None:
    k = normalize(key)
    if k in REGISTRY or not k.startswith("#invoke:infobox"):
        return None
    return Spec("infobox", module_box)


PATTERNS.append(_invoke_pattern)
