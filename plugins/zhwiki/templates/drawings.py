"""Templates that draw rather than write: route diagrams, division maps, image overlays, stacked
pictures and the digit spacer ``{{0}}``.

* a route diagram (``{{東武鐵道RDT/東上本線}}``, ``{{Routemap}}``) or a clickable division map
  (``{{湖北省行政区划图}}``) is a picture built from hundreds of small images; it is not drawn here, and
  each call is listed among the problems in the source so that an editor knows what is missing;
* ``{{Superimpose|base=MRT map CC.svg|base_caption=環線|…}}`` (a marker over a map) shows its base map;
* ``{{Vertical images list|1=A.jpg|2=说明|3=B.jpg|4=说明}}`` shows each picture with its caption;
* ``{{0}}`` is an invisible digit that aligns numbers in a column: a figure space (U+2007).

Names and name shapes are data (``data/drawings.json``).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from mwparserfromhell.nodes import Template

from ..render.context import RenderContext
from .media import figure, file_name
from .registry import PATTERNS, REGISTRY, Spec, arg, normalize, register


@lru_cache(maxsize=1)
def table() -> dict:
    """``data/drawings.json``: names and name shapes of the drawing templates."""
    return json.loads(resources.files(__package__).joinpath("data", "drawings.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _diagram_shapes() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in table()["diagram_patterns"]))


def diagram(node: Template, ctx: RenderContext) -> str:
    """A route diagram or a division map: not drawn; noted in the build."""
    ctx.defect("diagram", table()["diagram_note"].format(name=" ".join(str(node.name).split())), node)
    return ""


@register("media", *table()["overlays"])
def overlay(node: Template, ctx: RenderContext) -> str:
    """The base map of an overlay, as a figure with the base caption (the marker is drawing)."""
    base = arg(node, *table()["overlay_image"])
    if not base:
        return ""
    return figure(ctx, file_name(base), arg(node, *table()["overlay_caption"]))


@register("media", *table()["image_lists"])
def image_list(node: Template, ctx: RenderContext) -> str:
    """``1=`` file, ``2=`` caption, ``3=`` file … (named or positional): each picture as a figure."""
    numbered = sorted((int(str(p.name).strip()), str(p.value).strip()) for p in node.params
                      if str(p.name).strip().isdigit())
    values = dict(numbered)
    out = []
    for k in sorted(values):
        if k % 2 == 1 and values[k]:
            out.append(figure(ctx, file_name(values[k]), values.get(k + 1, "")))
    return "".join(out)


@register("formatting", *table()["spacers"])
def spacer(node: Template, ctx: RenderContext) -> str:
    """``{{0}}``: a digit's width of blank space (``{{0|00}}`` two of them)."""
    n = len(arg(node, 1)) or 1
    return "\u2007" * n


def _diagram_pattern(key: str) -> Spec | None:
    if normalize(key) in REGISTRY or not _diagram_shapes().search(key):
        return None
    return Spec("media", diagram)


PATTERNS.append(_diagram_pattern)
