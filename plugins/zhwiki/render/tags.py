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
        inner = ctx.nodes(contents.nodes) if contents is not None else ""
        attrs = H.clean_attrs([(str(a.name), str(a.value) if a.value is not None else "") for a in node.attributes])
        if node.self_closing:
            return ""
        return f"<{name}{attrs}>{inner}</{name}>"
    if name in H.BLOCK_TAGS:
        inner = ctx.nodes(contents.nodes) if contents is not None else ""
        return f"\n{inner}\n"
    if name in ("onlyinclude", "includeonly", "section", "mapframe", "maplink", "graph", "timeline",
                "templatedata", "indicator", "categorytree", "inputbox", "charinsert", "score", "chem", "ce"):
        if name in ("chem", "ce"):
            return M.noconv(f"<code>{escape.text(str(contents or ''))}</code>")
        inner = ctx.nodes(contents.nodes) if contents is not None and name in ("onlyinclude", "section") else ""
        if name not in ("onlyinclude", "includeonly", "section", "templatedata", "indicator"):
            ctx.defect("unsupported tag", f"<{name}> cannot be shown offline and was left out", node)
        return inner
    ctx.defect("unknown tag", f"<{name}> is not allowed; its text is kept", node)
    return ctx.nodes(contents.nodes) if contents is not None else ""


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


#: Environments that MediaWiki's math renderer sets as a block: shown as display math.
_DISPLAY_ENV = re.compile(r"\\begin\{(align|aligned|alignat|gather|gathered|equation|multline|eqnarray|cases|split)\*?\}")
_MATH_RE = re.compile(r"<math(\s[^>]*)?>(.*?)</math\s*>", re.S | re.I)
_TEX_COMMENT = re.compile(r"(?<!\\)%[^\n]*")


def tex_of(raw: str) -> str:
    """The TeX of a ``<math>`` as typeset: comments removed, line breaks as spaces (TeX reads
    them so), ``align`` as ``aligned`` (which MediaWiki's renderer also does, and which KaTeX
    accepts in every mode)."""
    tex = _TEX_COMMENT.sub("", raw).replace("\r", "")
    tex = " ".join(part.strip() for part in tex.split("\n") if part.strip())
    return re.sub(r"\\(begin|end)\{align\*?\}", r"\\\1{aligned}", tex)


def is_display(raw: str, attrs: str, prefix: str, after: str) -> bool:
    """Display math: ``display="block"``, a formula written over several lines, an align/cases
    environment, or a formula alone on a ``:``-indented line (*prefix* and *after* are the text
    before and after it on its source line)."""
    if re.search(r"display\s*=\s*[\"']?block", attrs or "", re.I):
        return True
    if "\n" in raw.strip() or _DISPLAY_ENV.search(raw):
        return True
    return bool(re.fullmatch(r"\s*:+\s*", prefix)) and not re.sub(r"[\s，。,.;；:：]", "", after)


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start:start], text[end:line_end if line_end >= 0 else len(text)]


def _article_formulas(ctx: RenderContext) -> tuple[tuple[str, bool], ...]:
    """Every formula of the article, as (TeX, display), for one KaTeX run."""
    cached = ctx.__dict__.get("_math_formulas")
    if cached is None:
        found = []
        for m in _MATH_RE.finditer(ctx.prep.text):
            raw = m.group(2)
            if not raw.strip():
                continue
            prefix, after = _context(ctx.prep.text, m.start(), m.end())
            found.append((tex_of(raw), is_display(raw, m.group(1) or "", prefix, after)))
        cached = tuple(dict.fromkeys(found))
        ctx.__dict__["_math_formulas"] = cached
    return cached


def _katex_error(ctx: RenderContext, tex: str, display: bool) -> str | None:
    from . import mathcheck

    formulas = _article_formulas(ctx)
    if (tex, display) not in formulas:
        formulas = ((tex, display),)
    errors = mathcheck.check(formulas)
    if errors is None:
        if not ctx.__dict__.get("_math_unchecked"):
            ctx.__dict__["_math_unchecked"] = True
            ctx.defect("math unchecked", "formulas were not checked: node or the vendored KaTeX "
                       "(make katex) is missing")
        return None
    return errors.get((tex, display))


def math(node: Tag, ctx: RenderContext) -> str:
    """``<math>`` as TeX in pymdownx.arithmatex's generic form, typeset in the browser by KaTeX.

    Every character that Markdown, its extensions (caret, tilde, footnotes) or HTML could read is
    a character reference, so the TeX reaches the page exactly as written, and the delimiters
    ``\\( \\)`` / ``\\[ \\]`` are what the renderer looks for; a formula written over several
    lines stays one span.  Display math (see :func:`is_display`) uses ``\\[ \\]``, inside its list
    item or paragraph.  A formula the vendored KaTeX cannot typeset is reported with its line
    and shown as its TeX source in code style.  Without JavaScript (PDF fallback) the reader sees
    the TeX source.
    """
    raw = str(node.contents or "")
    if not raw.strip():
        ctx.defect("empty math", "an empty <math> was left out", node)
        return ""
    chem = node.has("chem")
    tex = tex_of(raw)
    if chem:
        tex = "\\ce{" + tex + "}"
    src = str(node)
    text = ctx.section_text
    i = text.find(src)
    prefix, after = _context(text, i, i + len(src)) if i >= 0 else ("", "")
    attrs = "".join(str(a) for a in node.attributes)
    display = is_display(raw, attrs, prefix, after)
    error = None if chem else _katex_error(ctx, tex, display)
    body = escape.text(tex)
    if error is not None:
        ctx.defect("math", f"KaTeX cannot typeset «{tex[:80]}»: {error.splitlines()[0][:160]}; shown as TeX source", node)
        return M.noconv(f'<code class="tex-source">{body}</code>')
    if _attr(node, "display") == "block":
        return ctx.stash_block(M.noconv(f'<div class="arithmatex">&#92;&#91;{body}&#92;&#93;</div>'))
    if display:
        return M.noconv(f'<span class="arithmatex">&#92;&#91;{body}&#92;&#93;</span>')
    return M.noconv(f'<span class="arithmatex">&#92;({body}&#92;)</span>')


def poem(node: Tag, ctx: RenderContext) -> str:
    """``<poem>``: the text as wikitext with every line break kept, as MediaWiki's Poem extension does.

    The content is rendered from its own nodes (refs inside a poem are found by node identity)
    and cut into lines afterwards; leading spaces become no-break spaces.
    """
    from . import blocks
    imd = ctx.nodes(node.contents.nodes) if node.contents is not None else ""
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
        placeholder = ctx.file(Wikilink(fname, cap or None))
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
    inner = ctx.nodes(node.contents.nodes)
    if not src or not dst or dst == "zh":
        ctx.defect("malformed conversion", "<langconvert> needs from= and to= Chinese variant codes; text kept", node)
        return inner
    return M.noconv(base_table(dst).convert(inner))
