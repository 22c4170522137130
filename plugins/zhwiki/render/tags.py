"""HTML and wiki-markup tags: lists, rules, refs, tables, code, and the sanitizer's allow-list."""

from __future__ import annotations

import html as _html
import re

from mwparserfromhell.nodes import Tag

from .. import markers as M
from ..references import norm_name
from . import escape
from . import html as H
from .context import RenderContext

_STASH_RE = re.compile(f"{M.STASH_OPEN}(\\d+){M.STASH_CLOSE}")
#: A -{…}- block's marker (source.py masks them inside <code> and <pre> too).
_LC_MARK_RE = re.compile(f"[{M.BLOCK_OPEN}{M.SPAN_OPEN}{M.BREAK}]")


def render_tag(node: Tag, ctx: RenderContext) -> str:
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
        return code_block(node, name, ctx)
    if name == "math":
        return math(node, ctx)
    if name in H.SHOW_AS_TEXT:
        # MediaWiki's Sanitizer escapes a tag it does not allow: the reader sees the markup as text.
        ctx.defect("unsafe markup", f"<{name}> shown as text, not run", node)
        return escape.text(str(node))
    if name in H.DROP_WITH_CONTENT:
        ctx.defect("unsafe markup", f"<{name}> removed with its content", node)
        return ""
    if name == "code" or name == "kbd" or name == "samp":
        inner = escape.text(str(contents or ""))
        if _LC_MARK_RE.search(inner):
            # MediaWiki protects <code>…</code> only when one text piece holds both tags; a -{…}-
            # inside splits the pieces, so the text around it is converted (<code>氣-{}-气</code>
            # shows 氣氣 in zh-hant).  The blocks themselves are resolved as anywhere.
            return f"<code>{inner}</code>"
        return M.noconv(f"<code>{inner}</code>")
    if name == "langconvert":
        return langconvert(node, ctx)
    if name == "poem":
        return poem(node, ctx)
    if name == "blockquote":
        inner = ctx.block(contents) if contents is not None else ""
        return ctx.stash_block(f'<blockquote markdown="1">\n\n{inner}\n</blockquote>')
    if name == "gallery":
        return gallery(node, ctx)
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


#: Language names <syntaxhighlight lang=…> may carry into a class (Pygments lexer names).
_LANG_RE = re.compile(r"^[A-Za-z0-9_+#.-]{1,32}$")


def code_block(node: Tag, name: str, ctx: RenderContext) -> str:
    """``<pre>``, ``<syntaxhighlight>``, ``<source>`` as an HTML ``<pre><code>`` block.

    Raw HTML rather than a Markdown fence: fences need an extension the edition does not load,
    and pymdownx.tilde would read ``~~`` itself.  The text is HTML-escaped, so wikitext, Markdown
    and Jinja syntax inside the code all show literally; NOCONV keeps the converter out.
    ``<pre>`` decodes entities first (MediaWiki treats its content like nowiki).
    """
    body = str(node.contents or "").strip("\n")
    if name == "pre":
        body = escape.unescape(body)
    lang = _attr(node, "lang") if name != "pre" else ""
    cls = f' class="language-{lang.lower()}"' if lang and _LANG_RE.match(lang) else ""
    inline = name != "pre" and node.has("inline")
    code = _html.escape(body, quote=False)
    if inline:
        return M.noconv(f"<code{cls}>{code}</code>")
    html = f'<pre class="wiki-code"><code{cls}>{code}</code></pre>'
    # <pre> with -{…}- inside: converted around the blocks, as <code> (see render_tag).
    return ctx.stash_block(html if name == "pre" and _LC_MARK_RE.search(code) else M.noconv(html))


def math(node: Tag, ctx: RenderContext) -> str:
    """``<math>`` as TeX in pymdownx.arithmatex's generic form, typeset in the browser by KaTeX.

    Every character that Markdown, its extensions (caret, tilde, footnotes) or HTML could read is
    a character reference, so the TeX reaches the page exactly as written, and the delimiters
    ``\\( \\)`` / ``\\[ \\]`` are what the renderer looks for.  Without JavaScript (print, PDF
    fallback) the reader sees the TeX source.
    """
    tex = str(node.contents or "").strip()
    if not tex:
        ctx.defect("empty math", "an empty <math> was left out", node)
        return ""
    body = escape.text(tex)
    chem = node.has("chem")
    if chem:
        body = "&#92;ce&#123;" + body + "&#125;"
    if _attr(node, "display") == "block":
        return ctx.stash_block(M.noconv(f'<div class="arithmatex">&#92;&#91;{body}&#92;&#93;</div>'))
    return M.noconv(f'<span class="arithmatex">&#92;({body}&#92;)</span>')


def poem(node: Tag, ctx: RenderContext) -> str:
    """``<poem>``: the text as wikitext with every line break kept, as MediaWiki's Poem extension does.

    The content is rendered from its own nodes (refs inside a poem are found by node identity)
    and cut into lines afterwards; leading spaces become no-break spaces.
    """
    from . import blocks
    from .nodes import render_nodes

    imd = render_nodes(node.contents.nodes, ctx) if node.contents is not None else ""
    lines = []
    for raw in imd.strip("\n").split("\n"):
        lead = len(raw) - len(raw.lstrip(" "))
        line = blocks.inline(raw)
        lines.append("&nbsp;" * lead + line)
    text = "<br>\n".join(lines)
    text = _STASH_RE.sub(lambda m: ctx.stash[int(m.group(1))].replace("\n", " "), text)
    return ctx.stash_block('<div class="poem" markdown="1">\n\n' + text + "\n\n</div>")


def gallery(node: Tag, ctx: RenderContext) -> str:
    """``<gallery>``: one figure per line (``File:Name|caption``) inside a gallery block."""
    from mwparserfromhell.nodes import Wikilink

    from .nodes import render_file

    figures = []
    for line in str(node.contents or "").split("\n"):
        line = line.strip()
        if not line:
            continue
        fname, _, cap = line.partition("|")
        if ":" not in fname:
            fname = "File:" + fname
        if not fname.split(":", 1)[1].strip():
            ctx.defect("malformed gallery", "a gallery line without a file name was left out", node)
            continue
        placeholder = render_file(Wikilink(fname, cap or None), ctx)
        m = _STASH_RE.search(placeholder)
        if m:
            figures.append(ctx.stash[int(m.group(1))])
    if not figures:
        return ""
    return ctx.stash_block('<div class="wiki-gallery" markdown="1">\n\n' + "\n\n".join(figures) + "\n\n</div>")


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


__all__ = ["render_tag", "render_ref"]

from .nodes import render_nodes  # noqa: E402  (nodes imports this module last)


def langconvert(node: Tag, ctx: RenderContext) -> str:
    """``<langconvert from="zh-hans" to="zh-hant">气</langconvert>``: the text in the *to* variant's
    table, the same in every edition (Extension tag of MediaWiki core, parser test "Langconvert tag").

    Both codes must be Chinese variants (``zh`` is no target); otherwise the text is kept and the
    fault reported, as MediaWiki shows an error there.
    """
    from ..conversion.tables import base_table
    from ..conversion.variants import normalize_variant

    src, dst = normalize_variant(_attr(node, "from")), normalize_variant(_attr(node, "to"))
    if node.self_closing or node.contents is None:
        return ""
    inner = render_nodes(node.contents.nodes, ctx)
    if not src or not dst or dst == "zh":
        ctx.defect("malformed conversion", "<langconvert> needs from= and to= Chinese variant codes; text kept", node)
        return inner
    return M.noconv(base_table(dst).convert(inner))
