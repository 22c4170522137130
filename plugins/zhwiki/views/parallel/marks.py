"""Mark insertion: put ``<mark>`` spans into the text nodes of one pair, never into tags or URLs.

Each difference gets one id, shared by its mark in the left and in the right column (``data-d``),
so the page can highlight both ends of a difference together.
"""

from __future__ import annotations

from .diff import diff_texts
from .pairs import Pair
from .tree import Text

#: Rule spans of both columns: ``{"left"|"right": {text node index: [(start, end), …]}}``.
RuleRegions = dict[str, dict[int, list[tuple[int, int]]]]


def mark_pair(pair: Pair, rules: RuleRegions, next_id: list[int]) -> None:
    """Diff every pair of text nodes in *pair*, mark both sides and record the places in ``pair.ops``.

    *next_id* is a one-item counter shared by all pages, so mark ids are unique in the view and
    given in document order.
    """
    lt, rt = pair.left.texts(), pair.right.texts()
    if len(lt) != len(rt):  # shapes differ (never on the seed): compare the unit's whole text instead
        la, ra = Text(pair.left.plain()), Text(pair.right.plain())
        lt, rt = [la], [ra]
        pair.left.children, pair.right.children = [la], [ra]
    for a, b in zip(lt, rt, strict=True):
        ops = diff_texts(a.text, b.text, rules["left"].get(a.index, ()), rules["right"].get(b.index, ()))
        for op in ops:
            did = next_id[0]
            next_id[0] += 1
            if op.l1 > op.l0:
                a.marks.append((op.l0, op.l1, op.cls, did))
            if op.r1 > op.r0:
                b.marks.append((op.r0, op.r1, op.cls, did))
        if ops:
            pair.ops.append((a, b, ops))
