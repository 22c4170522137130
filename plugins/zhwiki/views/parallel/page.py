"""Page HTML: one parallel page as raw HTML that Python-Markdown passes through untouched.

Shape of the result: ``div.lc-parallel`` holding the script toggle, the two back links to the
variant pages and ``div.lc-pairs`` with one ``div.lc-pair`` per :class:`.pairs.Pair`: two
``div.lc-col`` columns (``lang`` set per side), or, for a table of the same shape on both sides,
one table whose every cell shows the left text above the right.  Ids stay in the left column only,
so anchors are unique; links to ``*.md`` are written as ``*.html`` (the page is raw HTML, which
MkDocs does not rewrite).
"""

from __future__ import annotations

import html as _html
import re

from ...conversion.variants import NAMES, html_lang, is_traditional
from .pairs import Pair
from .tree import VOID, Element, skeleton

_ID_ATTR = re.compile(r'\s+id="[^"]*"')
_MD_HREF = re.compile(r'(\bhref=")([A-Za-z0-9_\-./]+)\.md((?:#[^"]*)?")')


def variant_label(v: str) -> str:
    """The variant's name in its own script (简体/繁體 forms from conversion/variants.py)."""
    return NAMES[v]["hant" if is_traditional(v) else "hans"]


def _side_html(el: Element, drop_ids: bool) -> str:
    text = el.html()
    if drop_ids:  # ids live in the left column only, so anchors stay unique
        text = _ID_ATTR.sub("", text)
    return _MD_HREF.sub(lambda m: f"{m.group(1)}{m.group(2)}.html{m.group(3)}", text)


def _merged_table(pair: Pair, llang: str, rlang: str) -> str | None:
    """A table whose every cell shows the left text above the right one (same shape on both sides)."""
    if skeleton(pair.left) != skeleton(pair.right):
        return None

    def walk(le: Element, re_: Element) -> str:
        parts: list[str] = []
        for lc, rc in zip(le.children, re_.children, strict=True):
            if isinstance(lc, Element) and isinstance(rc, Element):
                if lc.tag in ("td", "th"):
                    inner = (f'<div class="lc-cell lc-l" lang="{llang}">{lc.inner()}</div>'
                             f'<div class="lc-cell lc-r" lang="{rlang}">{_ID_ATTR.sub("", rc.inner())}</div>')
                    parts.append(f"{lc.start}{inner}</{lc.tag}>")
                else:
                    parts.append(lc.start if lc.tag in VOID else f"{lc.start}{walk(lc, rc)}</{lc.tag}>")
            else:
                parts.append(lc.html())
        return "".join(parts)

    body = f'{pair.left.start}{walk(pair.left, pair.right)}</table>'
    return _MD_HREF.sub(lambda m: f"{m.group(1)}{m.group(2)}.html{m.group(3)}", body)


def page_html(path: str, pairs: list[Pair], left: str, right: str, title_l: str, title_r: str) -> str:
    """The body of the parallel page for article page *path* (its pairs already marked)."""
    llang, rlang = html_lang(left), html_lang(right)
    url = path.removesuffix(".md") + ".html"
    rows: list[str] = []
    for k, p in enumerate(pairs, 1):
        ctx = " ".join(p.context)
        diff = " lc-differs" if p.ops else ""
        attrs = f'class="lc-pair lc-kind-{p.kind}{diff}" data-u="{k}"' + (f' data-ctx="{_html.escape(ctx)}"' if ctx else "")
        if p.kind == "table":
            merged = _merged_table(p, llang, rlang)
            if merged is not None:
                rows.append(f'<div {attrs}><div class="lc-both">{merged}</div></div>')
                continue
        lh = p.wrap[0] + _side_html(p.left, False) + p.wrap[1]
        rh = p.wrap[0] + _side_html(p.right, True) + p.wrap[1]
        rows.append(f'<div {attrs}><div class="lc-col lc-l" lang="{llang}">{lh}</div>'
                    f'<div class="lc-col lc-r" lang="{rlang}">{rh}</div></div>')
    head = (
        '<div class="lc-head">'
        f'<a class="lc-back lc-back-l" href="../{left}/{url}" lang="{llang}" hreflang="{llang}">'
        f'{_html.escape(variant_label(left))}：{_html.escape(title_l)}</a>'
        f'<a class="lc-back lc-back-r" href="../{right}/{url}" lang="{rlang}" hreflang="{rlang}">'
        f'{_html.escape(variant_label(right))}：{_html.escape(title_r)}</a></div>'
    )
    toggle = (
        '<input type="checkbox" class="lc-toggle" id="lc-hide-script">'
        '<label class="lc-toggle-label" for="lc-hide-script">只看词汇差异（隐藏字形差异）</label>'
        '<span class="lc-legend"><mark class="lc-vocab">词汇</mark> <mark class="lc-script">字形</mark></span>'
    )
    body = "\n".join(rows)
    # Raw HTML without blank lines, so Python-Markdown passes the block through untouched.
    doc = (f'<div class="lc-parallel" data-left="{left}" data-right="{right}">\n{toggle}\n{head}\n'
           f'<div class="lc-pairs">\n{body}\n</div>\n</div>\n')
    return re.sub(r"\n\s*\n", "\n", doc)
