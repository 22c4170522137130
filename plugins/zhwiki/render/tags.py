"""HTML and wiki-markup tags: lists, rules, refs, tables, code, and the sanitizer's allow-list."""

from __future__ import annotations

from mwparserfromhell.nodes import Tag

from .. import markers as M
from ..references import NOTE_GROUP, norm_name
from . import escape
from . import html as H
from .context import RenderContext


def render_tag(node: Tag, ctx: RenderContext) -> str:
    from .nodes import render_inline, render_nodes

    name = H.tag_name(str(node.tag))
    if node.wiki_markup and name in ("li", "dt", "dd"):
        return f"{M.LIST_OPEN}{node.wiki_markup}{M.LIST_CLOSE}"
    if name == "hr":
        return ctx.stash_block("<hr>")
    if name == "ref":
        return render_ref(node, ctx)
    if name == "references":
        from ..templates.references import reference_list

        return reference_list(ctx, group=_attr(node, "group"))
    if name == "br":
        return "<br>"
    if name == "table":
        from .tables import render_table

        return render_table(node, ctx)
    contents = node.contents
    if name == "nowiki":
        return M.noconv(escape.text(str(contents or "")))
    if name in ("pre", "syntaxhighlight", "source"):
        lang = _attr(node, "lang") if name != "pre" else ""
        body = str(contents or "").strip("\n")
        if name == "pre":
            body = escape.unescape(body)
        fence = "~~~~" if "~~~" not in body else "~~~~~~"
        return ctx.stash_block(M.noconv(f"{fence}{lang if lang.isalnum() else ''}\n{body}\n{fence}"))
    if name == "math":
        tex = str(contents or "").strip()
        display = _attr(node, "display") == "block"
        body = escape.attr(tex)  # arithmatex-style markup kept literal, not converted
        if display:
            return ctx.stash_block(M.noconv(f'<div class="arithmatex">\\[{body}\\]</div>'))
        return M.noconv(f'<span class="arithmatex">\\({body}\\)</span>')
    if name in H.DROP_WITH_CONTENT:
        ctx.defect("unsafe markup", f"<{name}> removed with its content", node)
        return ""
    if name == "code" or name == "kbd" or name == "samp":
        return M.noconv(f"<code>{escape.text(str(contents or ''))}</code>")
    if name == "poem":
        text = str(contents or "").strip("\n")
        lines = [render_inline(ln, ctx) for ln in text.split("\n")]
        return ctx.stash_block('<div class="poem" markdown="1">\n\n' + "<br>\n".join(lines) + "\n\n</div>")
    if name == "blockquote":
        inner = ctx.block(contents) if contents is not None else ""
        return ctx.stash_block(f'<blockquote markdown="1">\n\n{inner}\n</blockquote>')
    if name == "gallery":
        from .nodes import render_file
        from mwparserfromhell.nodes import Wikilink

        out = []
        for line in str(contents or "").split("\n"):
            line = line.strip()
            if not line:
                continue
            fname, _, cap = line.partition("|")
            if ":" not in fname:
                fname = "File:" + fname
            out.append(render_file(Wikilink(fname, cap or None), ctx))
        return "".join(out)
    if name in H.INLINE_TAGS:
        inner = render_nodes(contents.nodes, ctx) if contents is not None else ""
        attrs = H.clean_attrs([(str(a.name), str(a.value) if a.value is not None else "") for a in node.attributes])
        if node.self_closing:
            return ""
        return f"<{name}{attrs}>{inner}</{name}>"
    if name in H.BLOCK_TAGS:
        inner = render_nodes(contents.nodes, ctx) if contents is not None else ""
        return f"\n{inner}\n"
    if name in ("onlyinclude", "includeonly", "section", "mapframe", "maplink", "graph", "timeline",
                "templatedata", "indicator", "categorytree", "inputbox", "charinsert", "score", "chem", "ce"):
        if name in ("chem", "ce"):
            return M.noconv(f"<code>{escape.text(str(contents or ''))}</code>")
        inner = render_nodes(contents.nodes, ctx) if contents is not None and name in ("onlyinclude", "section") else ""
        if name not in ("onlyinclude", "includeonly", "section", "templatedata", "indicator"):
            ctx.defect("unsupported tag", f"<{name}> cannot be shown offline and was left out", node)
        return inner
    ctx.defect("unknown tag", f"<{name}> is not allowed; its text is kept", node)
    return render_nodes(contents.nodes, ctx) if contents is not None else ""


def _attr(node: Tag, name: str) -> str:
    if node.has(name):
        v = node.get(name).value
        return norm_name(str(v)) if v is not None else ""
    return ""


def render_ref(node: Tag, ctx: RenderContext) -> str:
    """A ``<ref>`` becomes a footnote marker (or a note marker for a group)."""
    if ctx.in_heading:
        ctx.defect("ref in heading", "a <ref> in a heading was moved out of it", node)
    group = _attr(node, "group")
    if group:
        from ..templates.references import note_marker

        body = node.contents if node.contents is not None and str(node.contents).strip() else None
        return note_marker(ctx, node, group, body, _attr(node, "name") or None)
    fn = ctx.refs.for_node(node)
    if fn is None:
        if node.has("name"):
            ctx.defect("undefined ref", f"ref «{_attr(node, 'name')}» has no definition", node)
        return ""
    if ctx.in_footnote:
        ctx.defect("nested ref", "a <ref> inside another footnote is shown as its own footnote", node)
    return ctx.refs.use(fn.id)


__all__ = ["render_tag", "render_ref", "NOTE_GROUP"]
