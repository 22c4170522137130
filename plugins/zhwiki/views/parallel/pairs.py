"""Pair alignment: cut two HTML trees of the same shape into rows of the parallel page.

Because conversion never changes structure (:mod:`.columns`), the k-th paragraph, list item,
heading, table cell or footnote of one column comes from the same source text as the k-th of the
other.  :func:`pair_up` walks both trees together and returns :class:`Pair` units; containers
(``div``, lists, ``section``) that hold blocks are descended into, and their classes kept as the
pair's ``context``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .diff import DiffOp
from .tree import Element, Raw, Text

#: Elements whose children become pairs of their own (when they hold block-level children).
_DESCEND = frozenset({"div", "ol", "ul", "dl", "section"})
_BLOCKS = frozenset({"p", "div", "ul", "ol", "li", "dl", "dt", "dd", "table", "h1", "h2", "h3", "h4", "h5", "h6",
                     "figure", "blockquote", "hr", "details", "pre", "section"})


@dataclass
class Pair:
    """One row of the parallel page: the same unit in both variants.

    ``ops`` (filled by :func:`.marks.mark_pair`) lists, per pair of differing text nodes, the two
    nodes and the places they differ.
    """

    kind: str  # p, h2, li, dd, table, figure, …
    left: Element
    right: Element
    wrap: tuple[str, str] = ("", "")  # markup around each side (<ol start=…> for list items)
    context: tuple[str, ...] = ()  # classes of the containers it came from
    ops: list[tuple[Text, Text, list[DiffOp]]] = field(default_factory=list)


def _classes(el: Element) -> tuple[str, ...]:
    cls = el.attrs.get("class") or ""
    return tuple(cls.split()) or (el.tag,)


def _has_block_children(el: Element) -> bool:
    return any(isinstance(c, Element) and c.tag in _BLOCKS for c in el.children)


def pair_up(left: Element, right: Element, context: tuple[str, ...] = ()) -> list[Pair]:
    """Walk two trees of the same shape together and cut them into pairs of units."""
    out: list[Pair] = []
    lkids = [c for c in left.children if not (isinstance(c, Text) and not c.text.strip())]
    rkids = [c for c in right.children if not (isinstance(c, Text) and not c.text.strip())]
    counter = 0
    start = 1
    if left.tag == "ol":
        try:
            start = int(left.attrs.get("start") or 1)
        except ValueError:
            start = 1
    for lc, rc in zip(lkids, rkids, strict=False):
        if isinstance(lc, Raw) or isinstance(rc, Raw):
            continue
        if isinstance(lc, Text) or isinstance(rc, Text):
            lw, rw = Element("p", "<p>", {}), Element("p", "<p>", {})
            lw.children, rw.children = [lc], [rc]
            out.append(Pair("p", lw, rw, context=context))
            continue
        assert isinstance(lc, Element) and isinstance(rc, Element)
        if lc.tag == "hr":
            continue
        if lc.tag in _DESCEND and _has_block_children(lc):
            out.extend(pair_up(lc, rc, context + _classes(lc)))
            continue
        wrap = ("", "")
        if left.tag == "ol" and lc.tag == "li":
            wrap = (f'<ol start="{start + counter}">', "</ol>")
        elif left.tag == "ul" and lc.tag == "li":
            wrap = ("<ul>", "</ul>")
        elif left.tag == "dl" and lc.tag in ("dt", "dd"):
            wrap = ("<dl>", "</dl>")
        if lc.tag == "li":
            counter += 1
        out.append(Pair(lc.tag, lc, rc, wrap, context))
    return out
