"""``{{File|zh-hant=甲（繁）.png|zh-hans=甲（简）.png|280px}}``: one image drawn in each script.

zh.wikipedia's Template:File picks the file of the reader's variant (maps whose labels are written
in simplified or traditional characters).  The text of the article is rendered once for every
variant, so the edition shows the simplified file's figure (or the only one given): the picture is
the same map, and its name is kept in the figure's credit line.
"""

from __future__ import annotations

from mwparserfromhell.nodes import Template, Wikilink

from ..render.context import RenderContext
from .registry import arg, positional, register


@register("media", "file")
def variant_file(node: Template, ctx: RenderContext) -> str:
    """The figure of the ``zh-hans`` file (else ``zh``, ``zh-cn``, ``zh-hant`` …), at the size given."""
    name = arg(node, "zh-hans", "zh", "zh-cn", "zh-sg", "zh-hant", "zh-tw", "zh-hk", 1)
    if not name:
        return ""
    opts = [v for v in positional(node) if v and v != name]
    return ctx.file(Wikilink(f"File:{name}", "|".join(opts) if opts else None))
