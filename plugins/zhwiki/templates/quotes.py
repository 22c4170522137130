"""Quotations: ``{{Cquote}}``, ``{{Quote}}``, ``{{Quote box}}``.

zh.wikipedia shows ``{{Cquote}}`` as a centred quotation with large quotation marks and
``{{Quote box}}`` as a floated, framed quote with a right-aligned source line.  A study edition
keeps them as block quotes (floats do not print well); footnote markers inside stay inside.
"""

from __future__ import annotations

from mwparserfromhell.nodes import Template

from ..render.context import RenderContext
from .registry import arg_code, name_of, register


def _source_line(ctx: RenderContext, *parts) -> str:
    shown = [ctx.inline(p) for p in parts if p is not None]
    shown = [s for s in shown if s.strip()]
    return f'<p class="quote-source" markdown="span">——{"，".join(shown)}</p>' if shown else ""


@register("quotes", "cquote", "quote", "blockquote", "quotation", "centered pull quote", "rquote", "cquote2", "引用",
          "bquote", "Quote without source")
def cquote(node: Template, ctx: RenderContext) -> str:
    """``{{Cquote|引文|||作者|来源}}``: the author is the 4th positional, the source the 5th."""
    name = name_of(node)
    body = arg_code(node, "text", "quote", 1)
    if name in ("cquote", "cquote2", "rquote", "centered pull quote"):
        who, src = arg_code(node, "author", 4, 2 if name == "rquote" else "_"), arg_code(node, "source", 5)
    else:  # {{Quote|text|author|source}}
        who, src = arg_code(node, "author", "sign", 2), arg_code(node, "source", "title", 3)
    text = ctx.block(body) if body is not None else ""
    if not text.strip():
        return ""
    tail = _source_line(ctx, who, src)
    cls = "cquote" if name.startswith("cquote") or name in ("rquote", "centered pull quote") else "quote"
    return ctx.stash_block(f'<blockquote class="{cls}" markdown="1">\n\n{text}\n\n{tail}\n\n</blockquote>')


@register("quotes", "quote box", "quotebox", "quote frame", "quote box2")
def quote_box(node: Template, ctx: RenderContext) -> str:
    body = arg_code(node, "quote", "text", 1)
    title = arg_code(node, "title")
    parts = []
    if title is not None:
        parts.append(f'<p class="quote-title" markdown="span">{ctx.inline(title)}</p>')
    if body is not None:
        parts.append(ctx.block(body))
    parts.append(_source_line(ctx, arg_code(node, "source", "author", "sign")))
    inner = "\n\n".join(p for p in parts if p.strip())
    if not inner.strip():
        return ""
    return ctx.stash_block(f'<blockquote class="quote-box" markdown="1">\n\n{inner}\n\n</blockquote>')
