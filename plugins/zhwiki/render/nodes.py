"""Node-type → handler table: every mwparserfromhell node becomes IMD text.

Handlers return IMD (markers.py).  Inline structure stays on its line; anything that must be a
Markdown block of its own (headings, figures, tables, quotes) goes to the context's stash and
leaves a placeholder line, so the line passes in blocks.py never touch its inside.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from urllib.parse import quote

import mwparserfromhell
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from .. import markers as M
from .. import templates
from ..conversion.tables import fold_char
from . import blocks, escape, tags
from . import html as H
from .context import RenderContext
from .html import wiki_href

FILE_NS = ("file", "image", "media", "文件", "檔案", "档案", "图像", "圖像", "图片", "圖片")
CATEGORY_NS = ("category", "分类", "分類")
#: Image options that are not captions (MediaWiki's image parameters, English and zh aliases).
IMAGE_OPTIONS = re.compile(
    r"^(thumb|thumbnail|frame|framed|frameless|border|left|right|center|centre|none|upright"
    r"|baseline|sub|super|top|text-top|middle|bottom|text-bottom|缩略图|縮略圖|有框|无框|無框"
    r"|左|右|居中|无|無|\d+(x\d+)?px|x\d+px|upright=.*|upright\s+[\d.]+|右上_?[\d.]*|link=.*|alt=.*|page=.*|lang=.*"
    r"|class=.*)$",
    re.I,
)
INTERLANG = re.compile(r"^[a-z]{2,3}(-[a-z]+)?$")
COMMONS_URL = "https://commons.wikimedia.org/wiki/File:"
_APOS_RE = re.compile(r"'{2,}")
_MAGIC_RE = re.compile(r"__[A-Z]{2,}__")


def fold(s: str) -> str:
    """Plain text folded to one script and without spaces, for matching headings and titles."""
    return "".join(fold_char(c) for c in M.strip_markers(s) if not c.isspace()).lower()


# -- text ---------------------------------------------------------------------------------
def render_text(s: str, ctx: RenderContext, node: Node | None = None) -> str:
    """Escape source text; apostrophe runs become quote markers; leftover markup is repaired."""
    if not s:
        return ""
    if _MAGIC_RE.search(s):
        s = _MAGIC_RE.sub("", s)
    if "<" in s:
        s = _drop_stray_tags(s, ctx, node)
    if "{{" in s or "}}" in s or "[[" in s or "]]" in s:
        return _repair(s, ctx, node)
    return _apostrophes(s)


#: Tag names whose unparsed leftovers (an unclosed ``<b>``, a stray ``</div>``) are markup, not
#: prose: MediaWiki's HTML cleanup closes or drops them, so they never show as text there.
_KNOWN_TAGS = (
    H.INLINE_TAGS | H.BLOCK_TAGS | H.DROP_WITH_CONTENT | H.SHOW_AS_TEXT
    | {"ref", "references", "nowiki", "pre", "math", "gallery", "syntaxhighlight", "source", "br", "hr",
       "table", "tr", "td", "th", "caption", "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "wbr",
       "tbody", "thead", "tfoot", "section", "onlyinclude", "includeonly", "noinclude", "chem", "ce",
       "score", "timeline", "graph", "mapframe", "maplink", "imagemap", "hiero", "inputbox", "categorytree",
       "templatedata", "templatestyles", "indicator", "charinsert", "langconvert", "big", "center", "font"}
)
_TAGLIKE_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>|<(?=[A-Za-z/]+(?:\s|$))")


def _line_at(ctx: RenderContext, node: Node | None, s: str, pos: int) -> int | None:
    """Source line of offset *pos* in text *s* that belongs to *node* (or is found in the section)."""
    whole = str(node) if node is not None else s
    start = whole.find(s)
    base = ctx.line_of(whole)
    if base is None:
        return None
    return base + whole[: max(start, 0) + pos].count("\n")


def _drop_stray_tags(s: str, ctx: RenderContext, node: Node | None) -> str:
    """Remove tag-shaped text the parser could not pair (``<b>`` never closed, ``</span>`` alone)."""

    def sub(m: re.Match[str]) -> str:
        name = (m.group(1) or "").lower()
        if name in _KNOWN_TAGS:
            ctx.diag.defect("malformed markup", f"unpaired <{name}> removed (its text is kept)",
                            _line_at(ctx, node, s, m.start()), ctx.section)
            return ""
        return m.group(0)

    return _TAGLIKE_RE.sub(sub, s)


def _apostrophes(s: str) -> str:
    def run(m: re.Match[str]) -> str:
        n = len(m.group(0))
        if n == 2:
            return M.QUOTE2
        if n == 3:
            return M.QUOTE3
        if n == 4:
            return "&#39;" + M.QUOTE3
        return "&#39;" * (n - 5) + M.QUOTE5

    parts = _APOS_RE.split(s)
    runs = _APOS_RE.findall(s)
    out = [escape.text(parts[0])]
    for r, p in zip(runs, parts[1:], strict=True):
        out.append(run(re.match(r".*", r, re.S)))  # type: ignore[arg-type]
        out.append(escape.text(p))
    return "".join(out)


_UNCLOSED_TPL = re.compile(r"\{\{\s*([^{}|\n]+?)\s*(\|[^\n]*)?$", re.S)


def _repair(s: str, ctx: RenderContext, node: Node | None) -> str:
    """Leftover ``{{``, ``}}``, ``[[``, ``]]`` in text: never shown raw, always reported."""
    out: list[str] = []
    base = _line_at(ctx, node, s, 0)
    for line_no, line in enumerate(s.split("\n")):
        if line_no:
            out.append("\n")
        here = base + line_no if base is not None else None
        i = line.find("{{")
        if i >= 0:
            m = _UNCLOSED_TPL.match(line[i:])
            head = line[:i]
            out.append(_repair_brackets(head, ctx, here))
            if m:
                from .. import templates

                ctx.diag.defect("malformed markup", f"template {{{{{m.group(1)}}}}} is never closed; rendered as if closed",
                                here, ctx.section)
                from ..source import parse

                code = parse(line[i:] + "}}")
                out.append(render_nodes(code.nodes, ctx) if code.filter_templates() else templates.plain(line[i + 2:], ctx))
            else:
                ctx.diag.defect("malformed markup", "stray {{ removed", here, ctx.section)
                out.append(_repair_brackets(line[i + 2:], ctx, here))
            continue
        out.append(_repair_brackets(line, ctx, here))
    return "".join(out)


#: ``[[…]]`` whose target holds ``{`` or ``}``: not a valid title, so MediaWiki shows it as text.
_INVALID_LINK_RE = re.compile(r"(\[\[[^\[\]\n|]*[{}][^\[\]\n]*\]\])")


def _repair_brackets(s: str, ctx: RenderContext, line: int | None) -> str:
    if "[[" in s and _INVALID_LINK_RE.search(s):
        parts = _INVALID_LINK_RE.split(s)
        return "".join(escape.text(p) if k % 2 else _repair_brackets(p, ctx, line) for k, p in enumerate(parts))
    for tok, what in (("}}", "stray }}"), ("]]", "stray ]]"), ("[[", "unclosed [[")):
        if tok in s:
            ctx.diag.defect("malformed markup", f"{what} removed", line, ctx.section)
            s = s.replace(tok, "")
    return _apostrophes(s)


# -- dispatcher ---------------------------------------------------------------------------
def render_nodes(nodes: list[Node], ctx: RenderContext) -> str:
    """Render a node list to IMD, repairing damaged image captions (quirk Q3) on the way."""
    out: list[str] = []
    i = 0
    n = len(nodes)
    while i < n:
        node = nodes[i]
        if isinstance(node, Text) and "{{" in node.value:
            split = _page_property_split(nodes, i, ctx)
            if split is not None:
                before, rest_node, i = split
                out.append(render_text(before, ctx, node))
                if rest_node is not None:
                    out.append(render_text(rest_node, ctx, nodes[i - 1]))
                continue
        if isinstance(node, Wikilink) and _namespace(str(node.title)) in FILE_NS:
            tail_end, tail = _damaged_caption(nodes, i)
            if tail_end is not None:
                ctx.defect("damaged caption", f"image caption after [[{str(node.title).strip()}]] repaired", node)
                caption = blocks.inline(render_nodes(tail, ctx))
                out.append(render_file(node, ctx, extra_caption=caption))
                rest = nodes[tail_end]
                assert isinstance(rest, Text)
                line = rest.value
                cut = line.find("\n")
                first, after = (line, "") if cut < 0 else (line[:cut], line[cut:])
                k = first.rfind("]]")
                out.append(render_text(first[k + 2:] + after, ctx, rest))  # the caption part went into the figure
                i = tail_end + 1
                continue
        if isinstance(node, Template):
            folded = templates.fold_adjacent(nodes, i, ctx)  # {{cite…}}{{en}}, {{flagicon}} + name
            if folded is not None:
                out.append(folded[0])
                i = folded[1]
                continue
        out.append(render_node(node, ctx))
        i += 1
    return "".join(out)


_PAGE_PROP_OPEN = re.compile(r"\{\{\s*(DISPLAYTITLE|DEFAULTSORT)\s*:[^{}|]*$", re.I)


def _page_property_split(nodes: list[Node], i: int, ctx: RenderContext) -> tuple[str, str | None, int] | None:
    """``{{DISPLAYTITLE:<i>标题</i>}}``: markup inside the title keeps the parser from seeing a
    template, so the call arrives as text and tags.  It is a page property with no output: the
    text before it is returned, the title (plain text) is kept, and rendering goes on after ``}}``.
    Returns (text before, text after, index of the next node) or None when this is no such call.
    """
    node = nodes[i]
    assert isinstance(node, Text)
    m = _PAGE_PROP_OPEN.search(node.value)
    if m is None:
        return None
    inner = [node.value[m.end():]]
    for j in range(i + 1, min(len(nodes), i + 40)):
        nd = nodes[j]
        if isinstance(nd, Text) and "}}" in nd.value:
            head, _, after = nd.value.partition("}}")
            inner.append(head)
            if m.group(1).upper() == "DISPLAYTITLE":
                ctx.display_title = re.sub(r"<[^>]*>|'{2,}", "", "".join(inner)).strip()
            return node.value[: m.start()], after, j + 1
        if isinstance(nd, Text) and ("\n" in nd.value or "{{" in nd.value):
            return None
        inner.append(M.strip_markers(str(nd.contents)) if isinstance(nd, Tag) and nd.contents is not None else "")
    return None


def _damaged_caption(nodes: list[Node], i: int) -> tuple[int | None, list[Node]]:
    """Find ``]]`` later on the same line after a file link: the seed's damaged caption."""
    tail: list[Node] = []
    for j in range(i + 1, len(nodes)):
        nd = nodes[j]
        if isinstance(nd, Text):
            first = nd.value.split("\n", 1)[0]
            if "]]" in first:
                k = first.rfind("]]")
                if "[[" in first[:k]:
                    return None, []
                tail.append(Text(first[:k]))
                return j, tail
            if "\n" in nd.value:
                return None, []
        tail.append(nd)
    return None, []


def render_node(node: Node, ctx: RenderContext) -> str:
    handler = HANDLERS.get(type(node))
    if handler is None:  # a node type we do not know: keep its plain text
        ctx.defect("unknown markup", f"{type(node).__name__} shown as text", node)
        return escape.text(str(node))
    return handler(node, ctx)


def render_block(code: Wikicode | str, ctx: RenderContext) -> str:
    """Render wikitext as Markdown blocks (paragraphs, lists, stashed blocks)."""
    nodes = _nodes(code)
    return blocks.blockify(render_nodes(nodes, ctx), ctx.stash)


def render_inline(code: Wikicode | str, ctx: RenderContext) -> str:
    """Render wikitext as one line of inline IMD (list items joined by breaks)."""
    nodes = _nodes(code)
    imd = blocks.inline(render_nodes(nodes, ctx))
    stash_re = re.compile(f"{M.STASH_OPEN}(\\d+){M.STASH_CLOSE}")
    return stash_re.sub(lambda m: ctx.stash[int(m.group(1))].replace("\n", " "), imd).strip()


def _nodes(code: Wikicode | str | None) -> list[Node]:
    if code is None:
        return []
    if isinstance(code, str):
        from ..source import parse

        return parse(code).nodes
    return code.nodes


# -- node handlers ------------------------------------------------------------------------
def h_text(node: Text, ctx: RenderContext) -> str:
    return render_text(node.value, ctx, node)


def h_comment(node: Comment, ctx: RenderContext) -> str:
    return ""


def _valid_codepoint(cp: int) -> bool:
    """MediaWiki's Sanitizer::validateCodepoint: what a numeric character reference may name."""
    return cp in (0x09, 0x0A, 0x0D) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD or 0x10000 <= cp <= 0x10FFFF


def h_entity(node: HTMLEntity, ctx: RenderContext) -> str:
    """A character reference.  Invalid code points show as written (as on zh.wikipedia); control
    characters never reach the page, and private-use characters stay references so they can never
    be mistaken for the IMD markers (markers.py)."""
    try:
        ch = node.normalize()
    except (ValueError, OverflowError):
        return escape.text(str(node))
    if len(ch) != 1:
        return escape.text(ch)
    cp = ord(ch)
    if not _valid_codepoint(cp) or (0x7F <= cp <= 0x9F):
        return escape.text(str(node))
    if ch == "\xa0":
        return "&nbsp;"
    if 0xE000 <= cp <= 0xF8FF or cp in (0x0A, 0x0D, 0x09):
        return f"&#{cp};"
    return escape.text(ch)


def h_argument(node: Argument, ctx: RenderContext) -> str:
    """``{{{1|默认值}}}`` on an article page shows its default, as MediaWiki does; one without a
    default would show as raw ``{{{1}}}`` there: it is left out and reported."""
    if node.default is not None:
        return render_nodes(node.default.nodes, ctx)
    ctx.defect("malformed markup", f"template parameter {{{{{{{str(node.name).strip()}}}}}}} without a default "
               "outside a template; left out", node)
    return ""


def h_template(node: Template, ctx: RenderContext) -> str:
    return templates.render(node, ctx)


def h_heading(node: Heading, ctx: RenderContext) -> str:
    ctx.in_heading += 1
    try:
        title = render_inline(node.title, ctx)
    finally:
        ctx.in_heading -= 1
    anchor = f"{ctx.page.removesuffix('.md')}-{len(ctx.heading_anchors) + 1}"
    ctx.heading_anchors.append(anchor)
    if not M.strip_markers(title).strip():
        ctx.defect("empty heading", "a heading renders empty; a placeholder is shown", node)
        title = "（无标题）"
    level = max(2, min(6, node.level - 1))
    return ctx.stash_block(f"{'#' * level} {title} {{ #{anchor} }}")


def h_wikilink(node: Wikilink, ctx: RenderContext) -> str:
    title = str(node.title).strip()
    ns = _namespace(title)
    if ns in FILE_NS:
        return render_file(node, ctx)
    if ns in CATEGORY_NS and not title.startswith(":"):
        return ""
    if ns and INTERLANG.match(ns) and not title.startswith(":"):
        return ""  # interlanguage link: MediaWiki shows it in the sidebar, not in the text
    label = render_inline(node.text, ctx) if node.text is not None else render_text(title.lstrip(":"), ctx)
    if not label.replace(M.BREAK, "").strip():  # a label that is a -{…}- map is not empty
        label = render_text(title.lstrip(":"), ctx)
    if ctx.in_heading:
        return label
    target, _, fragment = title.lstrip(":").partition("#")
    if not target or fold(target) in ctx.self_titles:
        dest = ctx.sections.get(fold(fragment)) if fragment else None
        if dest is not None:
            href = dest.page + (f"#{dest.anchor}" if dest.anchor else "")
            return f"[{label}]({_rel(href, ctx)})"
        if not target:
            ctx.defect("broken link", f"link to section «{fragment}» which this article does not have", node)
            return label
    return f"[{label}]({escape.url(wiki_href(target, fragment))})"


def _rel(href: str, ctx: RenderContext) -> str:
    if href.startswith(ctx.page + "#"):
        return href[len(ctx.page):]
    return href


def h_external(node: ExternalLink, ctx: RenderContext) -> str:
    url = str(node.url).strip()
    label_code = node.title
    first = next((i for i, nd in enumerate(node.url.nodes) if not isinstance(nd, Text)), None)
    if first:
        # ``[http://example.org/a{{deadlink}} ]``: MediaWiki expands the template first, and its
        # output (``<sup>…``) ends the URL, so the output and the title become the link's label
        url = "".join(str(nd) for nd in node.url.nodes[:first]).strip()
        label_code = mwparserfromhell.parse("".join(str(nd) for nd in node.url.nodes[first:])
                                            + (" " + str(node.title) if node.title is not None else ""))
    if not H.safe_url(url):
        ctx.defect("unsafe link", f"external link with a disallowed scheme dropped: {url[:40]}", node)
        return render_inline(label_code, ctx) if label_code is not None else escape.text(url)
    if url.startswith("//"):
        url = "https:" + url
    if label_code is None or not str(label_code).strip():
        label = M.noconv(escape.text(url)) if not node.brackets else f"[{len(ctx.stash)}]"
        if node.brackets:
            label = "&#91;链接&#93;"
    elif label_code.filter_wikilinks(recursive=False) and not ctx.in_heading:
        return _external_around_wikilinks(url, label_code, ctx)
    else:
        label = render_inline(label_code, ctx)
        if re.match(r"^[a-z]+://", str(label_code).strip()):
            label = M.noconv(label)
    if ctx.in_heading:
        return label
    return f"[{label}]({escape.url(url)}){{ .external }}"


def _external_around_wikilinks(url: str, label_code: Wikicode, ctx: RenderContext) -> str:
    """``[http://example.org 大道上的[[雕像]]列表]``: as MediaWiki renders it (parser test "wiki
    links within external link", bug 3695), the external link covers the text before and after,
    and the wikilink stays its own link, since links cannot nest."""
    out: list[str] = []
    run: list[Node] = []

    def flush() -> None:
        text = render_nodes(run, ctx) if run else ""
        if text.strip():
            out.append(f"[{text}]({escape.url(url)}){{ .external }}")
        else:
            out.append(text)
        run.clear()

    for nd in label_code.nodes:
        if isinstance(nd, Wikilink):
            flush()
            out.append(render_node(nd, ctx))
        else:
            run.append(nd)
    flush()
    return "".join(out)


def h_tag(node: Tag, ctx: RenderContext) -> str:
    return tags.render_tag(node, ctx)


# -- files --------------------------------------------------------------------------------
def _namespace(title: str) -> str:
    t = title.strip().lstrip(":")
    if ":" not in t:
        return ""
    return t.split(":", 1)[0].strip().lower()


def render_file(node: Wikilink, ctx: RenderContext, extra_caption: str = "") -> str:
    """An image as a figure: its caption and a link to the file's page on Commons."""
    title = str(node.title).strip().lstrip(":")
    name = title.split(":", 1)[1].strip()
    caption = ""
    alt = ""
    if node.text is not None:
        parts = _split_pipes(str(node.text))
        for p in parts:
            ps = p.strip()
            if ps.lower().startswith("alt="):
                alt = ps[4:]
            elif ps and not IMAGE_OPTIONS.match(ps):
                caption = p
    cap = render_inline(caption, ctx) if caption else ""
    if extra_caption:
        cap = f"{cap}{extra_caption}" if cap else extra_caption
    href = COMMONS_URL + quote(name.replace(" ", "_"))
    # The tooltip shows the file name as MediaWiki does (spaces); Markdown's inline characters left in
    # it are character references, or Python-Markdown reads `,_London_…_` as emphasis in the attr list.
    alt_attr = "".join(c if c not in "_*`[]{}\\|~^$" else f"&#{ord(c)};"
                       for c in escape.attr(escape.unescape(alt or name.replace("_", " "))))
    if not extra_caption and node.text is not None and _is_icon(_split_pipes(str(node.text))):
        # a small inline image (a medal or flag icon in a list item or a sentence) stays in its line
        if ctx.in_heading:
            return ""
        shown = escape.text(escape.unescape(alt)) if alt else M.noconv(escape.text(name.rsplit(".", 1)[0]))
        return f'[{shown}]({escape.url(href)}){{ .wiki-file .wiki-icon title="{alt_attr}" }}'

    if ctx.in_heading:
        return ""
    # One compact line 图：caption（维基共享资源）; the converter writes 圖/維基共享資源 in Traditional
    # variants.  The plugin glue (figures.py) adds the image when images_dir holds the file.  A figure
    # without a caption has no caption text of its own (MediaWiki shows none, never the file name):
    # 图（维基共享资源）, the source line a reader needs.
    shown = f"：{cap}" if cap and not blocks.shows_nothing(cap) else ""
    width = _width(_split_pipes(str(node.text))) if node.text is not None else None
    wattr = f' data-width="{width}"' if width else ""
    parts = [
        f'<figure class="wiki-figure" tabindex="0"{wattr} markdown="1">',
        f'<figcaption markdown="span">图{shown}'
        f'（[维基共享资源]({escape.url(href)}){{ .wiki-file title="{alt_attr}" }}）</figcaption>',
        "</figure>",
    ]
    return ctx.stash_block("\n".join(parts))


_FRAMED = re.compile(r"^(thumb|thumbnail|frame|framed|缩略图|縮略圖|有框)$", re.I)
#: Options that show the image at the default thumbnail width when no size is given.
_DEFAULT_WIDTH = re.compile(r"^(thumb|thumbnail|frame|framed|frameless|缩略图|縮略圖|有框|无框|無框)$", re.I)
_SIZE = re.compile(r"^(?:(\d+)(?:x(\d+))?|x(\d+))\s*px$", re.I)
#: ``upright``, ``upright=N``, ``upright N`` and zh.wikipedia's ``右上``, ``右上N``, ``右上_N``.
UPRIGHT = re.compile(r"^(?:upright|右上)(?:\s*=\s*|\s+|_)?([\d.]*)$", re.I)
#: MediaWiki's default thumbnail width ($wgThumbLimits, user option thumbsize) in px.
THUMB_WIDTH = 220
#: MediaWiki's $wgThumbUpright: the factor of a bare ``upright``.
THUMB_UPRIGHT = 0.75


def _width(parts: list[str]) -> int | None:
    """The width in px the wikitext asks for, as MediaWiki's Linker::makeImageLink computes it.

    An explicit ``NNNpx`` (or ``NNNxMMMpx``) wins.  Otherwise a thumbnail, frame or frameless image is
    220 px (THUMB_WIDTH), scaled by ``upright=N`` (a bare ``upright``, ``upright=0`` or a value that is
    not a number up to 10: 0.75, $wgThumbUpright) and rounded to the nearest 10 px, halves up, as PHP's
    ``round(…, -1)``.  A plain image without a size: None (its own width).
    """
    thumb = False
    factor = None
    for p in parts:
        ps = p.strip()
        m = _SIZE.match(ps)
        if m and (m.group(1) or m.group(3)):
            return int(m.group(1) or m.group(3))
        thumb = thumb or bool(_DEFAULT_WIDTH.match(ps))
        u = UPRIGHT.match(ps)
        if u:
            try:
                factor = float(u.group(1) or 0)
            except ValueError:  # 1.2.3
                factor = 0.0
            factor = factor if 0 < factor <= 10 else THUMB_UPRIGHT
    if not thumb:
        return None
    if factor is None:
        return THUMB_WIDTH
    return max(10, math.floor(THUMB_WIDTH * factor / 10 + 0.5) * 10)


def _is_icon(parts: list[str]) -> bool:
    """An image without a frame whose size is at most 50 px: MediaWiki shows it inline."""
    size = None
    for p in parts:
        ps = p.strip()
        if _FRAMED.match(ps):
            return False
        m = _SIZE.match(ps)
        if m:
            size = max(int(g) for g in m.groups() if g)
    return size is not None and size <= 50


def _split_pipes(s: str) -> list[str]:
    """Split image options at ``|`` outside links and templates."""
    out, depth, cur = [], 0, []
    i = 0
    while i < len(s):
        two = s[i:i + 2]
        if two in ("[[", "{{"):
            depth += 1
            cur.append(two)
            i += 2
            continue
        if two in ("]]", "}}"):
            depth = max(0, depth - 1)
            cur.append(two)
            i += 2
            continue
        if s[i] == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(s[i])
        i += 1
    out.append("".join(cur))
    return out


HANDLERS: dict[type, Callable[..., str]] = {
    Text: h_text,
    Comment: h_comment,
    HTMLEntity: h_entity,
    Argument: h_argument,
    Template: h_template,
    Heading: h_heading,
    Wikilink: h_wikilink,
    ExternalLink: h_external,
    Tag: h_tag,
}

__all__ = ["render_block", "render_inline", "render_nodes", "fold", "wiki_href"]
