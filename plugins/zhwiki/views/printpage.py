"""One print page per variant: cover, contents, every section in order, footnotes per section.

Why not mkdocs-print-site-plugin: its id-prefixing regex skips every second footnote in a run
such as ``[^1][^2]`` (most back-links dangle), it renders with the 404 page's absolute ``base``
(search breaks offline) and its page labels are English.  Here every page's Markdown is rendered
on its own with the site's own Markdown extensions, so each section keeps its footnotes at its
end, numbered from 1 like chapter endnotes.  Every id of a section is then prefixed with the
section's slug and every link rewritten to match, so the one document has unique ids and working
links in both directions.

The plugin assembles the page from the HTML MkDocs has already rendered for each page
(:func:`assemble`, called from ``on_env``), so the article's Markdown is converted once per
build, not twice.

External links get their URL printed after the link text, like MediaWiki's print style does for
``a.external``: links to zh.wikipedia articles are wiki links and stay as they are, links whose
text already is the URL are not repeated, and citation titles already carry a ``print-url`` span.

Paper is not a screen (:func:`for_paper`): each source's text is printed once, in the 参考文献
list, and every footnote marker links to its entry there (a section keeps only the footnotes the
list lacks); back-link arrows, the hover hint and source line numbers of the 用词对照 page are left
out.  Figures arrive as the site shows them (figures.py): the image when the edition has it, else
one caption line.  Sections and their headings carry the numbers of :mod:`zhwiki.numbering` (3,
3.2, 3.2.1): the pages' headings and toc bring theirs, the chapter number comes with each page, so
the text, the contents, the PDF outline and the web pages show the same numbers.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..conversion.variants import html_lang
from ..numbering import secno_html
from .about import LICENCE_NAME, LICENCE_URL, EditionFacts, labels, script_of, variant_label

#: Front matter of the generated print page: its own template, kept out of the search index.
FRONT_MATTER = "---\ntitle: {title}\ntemplate: print.html\nsearch:\n  exclude: true\nhide:\n  - navigation\n  - toc\n---\n\n"


@dataclass
class SectionHTML:
    """One page of the article rendered to HTML, without its ``<h1>``, with its headings."""

    path: str
    kind: str
    title: str
    html: str
    toc: list[tuple[int, str, str]] = field(default_factory=list)  # (level, id, text), ids as on the page
    number: str = ""  # the chapter number (numbering.py); the headings in ``html`` carry theirs already


@dataclass
class _Rendered:
    slug: str
    title: str
    html: str
    toc: list[tuple[int, str, str]] = field(default_factory=list)  # (level, id, text)
    number: str = ""  # "3" for the third chapter; lead and back matter have none


_ID = re.compile(r'\bid="([^"]*)"')
_HREF = re.compile(r'\bhref="([^"]*)"')
_EXT_LINK = re.compile(r'<a\b[^>]*?\bhref="(https?://[^"]+)"[^>]*>((?:(?!</a>).)*)</a>(?!<span class="print-url">)', re.S)
_TAGS = re.compile(r"<[^>]+>")
_FOOTNOTE_DIV = '<div class="footnote">'


def slug_of(path: str) -> str:
    """``s03.md`` → ``s03`` (page paths are ASCII and unique, so slugs are too)."""
    return path.removesuffix(".md").replace("/", "-")


def _rewrite_ids(body: str, slug: str, slugs: set[str]) -> str:
    """Prefix every id with the section slug and point every in-edition link at the new ids."""
    body = _ID.sub(lambda m: f'id="{slug}--{m.group(1)}"', body)

    def href(m: re.Match[str]) -> str:
        url = html.unescape(m.group(1))
        if url.startswith("#"):
            return f'href="#{slug}--{html.escape(url[1:], quote=True)}"'
        if "://" in url or url.startswith(("mailto:", "/", "../")):
            return m.group(0)
        page, _, frag = url.partition("#")
        if frag.startswith(":~:"):  # a URL text fragment (用词对照's review links) is no id: the page's start
            frag = ""
        target = slug_of(page) if page.endswith(".md") else slug_of(page[:-5]) if page.endswith(".html") else None
        if target not in slugs:
            return m.group(0)
        anchor = f"{target}--{frag}" if frag else f"print-{target}"
        return f'href="#{html.escape(anchor, quote=True)}"'

    return _HREF.sub(href, body)


def _is_wiki_link(url: str) -> bool:
    return re.match(r"https?://zh\.wikipedia\.org/(wiki|zh-[a-z]+)/", url) is not None


def add_print_urls(body: str) -> str:
    """Print each external link's URL after its text (not for wiki links or bare URLs)."""

    def one(m: re.Match[str]) -> str:
        url = html.unescape(m.group(1))
        text = html.unescape(_TAGS.sub("", m.group(2))).strip()
        if _is_wiki_link(url) or text.rstrip("/") == url.rstrip("/") or not text:
            return m.group(0)
        return f'{m.group(0)}<span class="print-url"> {html.escape(url)}</span>'

    return _EXT_LINK.sub(one, body)


def _prefixed(sec: SectionHTML, slugs: set[str], heading: str) -> _Rendered:
    slug = slug_of(sec.path)
    toc = [(level, f"{slug}--{i}", text) for level, i, text in sec.toc]
    return _Rendered(slug, heading, add_print_urls(_rewrite_ids(sec.html, slug, slugs)), toc)


_LEADING_H1 = re.compile(r"\A\s*<h1\b[^>]*>.*?</h1>\s*", re.S)


def strip_title_html(body: str) -> str:
    """Drop a page's leading ``<h1>``: the print page writes each section's own."""
    return _LEADING_H1.sub("", body, count=1)


def assemble(sections: Sequence[SectionHTML], *, variant: str, site_name: str, facts: EditionFacts) -> str:
    """The print page's HTML content (goes inside the theme's ``<article>``) from rendered pages."""
    t = labels(variant)
    slugs = {slug_of(s.path) for s in sections}
    rendered = [_prefixed(s, slugs, t["lead"] if s.kind == "lead" else s.title) for s in sections]
    for s, r in zip(sections, rendered, strict=True):
        r.number = s.number
    parts = [_page_style(t), f'<div class="print-page" lang="{html.escape(html_lang(variant))}">',
             _cover(site_name, variant, facts), _contents(rendered, t)]
    for r in rendered:
        body = r.html.replace(_FOOTNOTE_DIV, f'{_FOOTNOTE_DIV}<p class="print-footnotes-title">{t["footnotes"]}</p>', 1)
        num = secno_html(r.number) if r.number else ""
        parts.append(
            f'<section class="print-section" id="print-{r.slug}">\n'
            f'<h1 id="print-{r.slug}-title">{num}{html.escape(r.title)}</h1>\n{body}\n</section>'
        )
    parts.append("</div>")
    return for_paper(_relink("\n".join(parts)))


# --- paper -----------------------------------------------------------------------------------

_BACKREF = re.compile(r'\s*<a\b[^>]*\bclass="(?:[^"]*\s)?(?:footnote-backref|note-back)(?:\s[^"]*)?"[^>]*>.*?</a>', re.S)
#: The 参考文献 list's labelled back-links (``^ a b c``, pipeline._backlinks_md): screen-only.
_BACKLINKS = re.compile(r'<span class="cite-backlinks[^"]*">(?:<span class="cite-caret">[^<]*</span>|<a\b[^>]*>[^<]*</a>|\s)*</span>\s?')
#: Material's heading permalinks (¶): screen-only.
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>[^<]*</a>')
_PRINT_BACK = re.compile(r'<p class="print-back">.*?</p>\n?', re.S)
_HOVER_HINT = re.compile(r"[^。<>]*(?:悬停|懸停)即可[^。<>]*。")
_LINE_NO = re.compile(r"\s*第\s*\d+\s*行")
_FOOTNOTE_BLOCK = re.compile(r'<div class="footnote">.*?</ol>\s*</div>', re.S)
_FOOTNOTE_LI = re.compile(r'<li id="[^"]*?fn:([^"]+)">.*?</li>\n?', re.S)
_REF_LIST = re.compile(r'<div class="reference-list">\s*<ol>(.*?)</ol>', re.S)
_LIST_LI = re.compile(r"<li>(.*?)</li>", re.S)
_CITED_ON = re.compile(r'href="#[^"]*?fnref\d*:([^"]+)"')
_MARKER = re.compile(r'(<a\b[^>]*\bclass="footnote-ref"[^>]*\bhref=")#[^"]*?fn:([^"]+)(")')
_INFOBOX_SIDES = re.compile(r'<div class="infobox-sides">.*?</table>|<details class="infobox-row">.*?</table>', re.S)


def for_paper(doc: str) -> str:
    """The print page's HTML with what only a screen needs taken out (see the module docstring).

    Each source's text stays exactly once: entries of the 参考文献 list get ``id="ref-<id>"``,
    markers point there, and a section's footnote list keeps only the sources the list lacks.
    """
    doc = _HEADERLINK.sub("", doc)
    doc = _PRINT_BACK.sub("", doc)
    doc = _HOVER_HINT.sub("", doc)
    doc = re.sub(r"(<td>[^<]*?)" + _LINE_NO.pattern, r"\1", doc)  # 行内对照 第26行 → 行内对照
    doc = _INFOBOX_SIDES.sub(lambda m: _run_on(m.group(0)), doc)
    listed: set[str] = set()

    def ref_list(m: re.Match[str]) -> str:
        def item(li: re.Match[str]) -> str:
            ids = _CITED_ON.findall(li.group(1))
            if not ids or ids[0] in listed:
                return li.group(0)
            listed.add(ids[0])
            return f'<li id="ref-{html.escape(ids[0], quote=True)}">{li.group(1)}</li>'

        return m.group(0).replace(m.group(1), _LIST_LI.sub(item, m.group(1)), 1)

    doc = _REF_LIST.sub(ref_list, doc, count=1)  # reads the back-links' targets: before they go
    if listed:
        doc = _MARKER.sub(lambda m: f"{m.group(1)}#ref-{m.group(2)}{m.group(3)}" if m.group(2) in listed else m.group(0), doc)

        def block(m: re.Match[str]) -> str:
            kept = _FOOTNOTE_LI.sub(lambda li: "" if li.group(1) in listed else li.group(0), m.group(0))
            return "" if not _FOOTNOTE_LI.search(kept) else kept

        doc = _FOOTNOTE_BLOCK.sub(block, doc)
    return _BACKREF.sub("", _BACKLINKS.sub("", doc))


def _run_on(table: str) -> str:
    """The infobox's side-by-side table with its one-item lines run on (· between items), so it fits on paper."""
    table = re.sub(r"<br\s*/?>\s*•\s*", " •\u00a0", table)  # a bullet keeps its item on its line
    return re.sub(r"<br\s*/?>", '<span class="print-sep"> · </span>', table)


def _relink(doc: str) -> str:
    """Point a link whose anchor is missing in its own section at the one section that has it.

    Some pages link to anchors that live on another page under a bare ``#id`` (the notes list
    links back to the note markers in the text); once every id carries its section's prefix, the
    anchor can be found by its unprefixed name when exactly one section defines it.
    """
    ids = set(_ID.findall(doc))
    by_bare: dict[str, list[str]] = {}
    for i in ids:
        by_bare.setdefault(i.partition("--")[2], []).append(i)

    def fix(m: re.Match[str]) -> str:
        target = html.unescape(m.group(1))
        if target in ids or "--" not in target:
            return m.group(0)
        found = by_bare.get(target.partition("--")[2], [])
        return f'href="#{html.escape(found[0], quote=True)}"' if len(found) == 1 else m.group(0)

    return re.sub(r'\bhref="#([^"]*)"', fix, doc)


def _page_style(t: dict[str, str]) -> str:
    """A4 pages numbered in Chinese by CSS page-margin boxes (so the PDF needs no header template)."""
    before, _, after = t["page"].partition("{n}")
    return (
        "<style>@page { size: A4; margin: 16mm 15mm 18mm; "
        f'@bottom-center {{ content: "{before}" counter(page) "{after}"; font-size: 9pt; }} }}'
        "@page :first { @bottom-center { content: none; } }</style>"
    )


def _cover(site_name: str, variant: str, facts: EditionFacts) -> str:
    t = labels(variant)
    src = html.escape(facts.source_url)
    lic = html.escape(LICENCE_URL[script_of(variant)])
    return (
        '<section class="print-cover">\n'
        f'<p class="print-back"><a href="index.html">← {t["back"]}</a></p>\n'
        f'<p class="print-cover-kind">{t["cover_kind"]}</p>\n'
        f'<h1 class="print-cover-title" id="print-cover">{html.escape(site_name)}</h1>\n'
        f'<p class="print-cover-variant">{html.escape(variant_label(variant))}（{html.escape(variant)}）</p>\n'
        '<dl class="print-cover-facts">\n'
        f'<dt>{t["source"]}</dt><dd>{t["wikipedia"]}「{html.escape(facts.title)}」<br>'
        f'<a href="{src}">{src}</a></dd>\n'
        f'<dt>{t["licence"]}</dt><dd><a href="{lic}">{LICENCE_NAME}</a>'
        f'<span class="print-url"> {lic}</span></dd>\n'
        f'<dt>{t["date"]}</dt><dd>{html.escape(facts.build_date)}</dd>\n'
        "</dl>\n</section>"
    )


def _contents(rendered: list[_Rendered], t: dict[str, str]) -> str:
    items = []
    for r in rendered:
        subs = "".join(
            f'<li><a href="#{html.escape(i)}">{html.escape(text)}</a></li>' for level, i, text in r.toc if level == 2
        )
        sub = f"<ol>{subs}</ol>" if subs else ""
        title = f"{r.number} {r.title}" if r.number else r.title
        items.append(f'<li><a href="#print-{r.slug}">{html.escape(title)}</a>{sub}</li>')
    return (
        '<nav class="print-toc" aria-label="' + t["contents"] + '">\n'
        f'<h1 id="print-contents">{t["contents"]}</h1>\n<ol>\n' + "\n".join(items) + "\n</ol>\n</nav>"
    )


def toc_entries(toc: Iterable[Any]) -> list[tuple[int, str, str]]:
    """(level, id, text) of every heading in a MkDocs page's ``toc`` (AnchorLink objects), in order."""
    out: list[tuple[int, str, str]] = []
    for link in toc:
        out.append((link.level, link.id, html.unescape(_TAGS.sub("", link.title))))
        out.extend(toc_entries(link.children))
    return out
