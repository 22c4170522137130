"""Where two columns differ, character by character, and why: the words (``lc-vocab``) or only the script (``lc-script``).

Per pair of text nodes the two texts are compared after folding every character to its simplified
form (:func:`fold`, the fold the converter uses for mixed-script rule keys).  Where the folded texts
differ, the words differ: ``lc-vocab``.  Where they agree but the characters differ, only the
script differs: ``lc-script`` — unless a rule wrote that spot (the rule spans found by
:mod:`.sentinels`), in which case the cause is the rule: ``lc-vocab``.

Shapes: :func:`opcodes` gives difflib's ``(tag, i1, i2, j1, j2)``; :func:`diff_texts` gives
:class:`DiffOp` places ``left[l0:l1]`` against ``right[r0:r1]``; :func:`boundary_map` maps the
left text's boundaries onto the right text (for the statistics' word pairs).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from ...conversion.tables import fold_char

VOCAB = "lc-vocab"
SCRIPT = "lc-script"

#: The base table's quote pairs (tables.py: corner brackets for traditional, curly for simplified).
_FOLD_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})
_CLAUSE_RE = re.compile(r"[^，。；！？、,.;!?\n]*[，。；！？、,.;!?\n]?")


def fold(text: str) -> str:
    """Every character in simplified form, one for one (so positions stay the same).

    Corner brackets fold to curly quotes too: that pair is part of the base table (tables.py).
    """
    return "".join(fold_char(c) for c in text).translate(_FOLD_QUOTES)


def opcodes(a: str, b: str) -> list[tuple[str, int, int, int, int]]:
    """difflib opcodes for two long, mostly equal texts, computed piecewise for speed.

    The common prefix and suffix are cut off; what is left is compared clause by clause first
    and character by character only inside clauses that differ.  Every ``equal`` op is truly
    equal, so marks built from these never cover equal text by construction of the op list.
    """
    n = min(len(a), len(b))
    p = 0
    while p < n and a[p] == b[p]:
        p += 1
    q = 0
    while q < n - p and a[len(a) - 1 - q] == b[len(b) - 1 - q]:
        q += 1
    ma, mb = a[p:len(a) - q], b[p:len(b) - q]
    out: list[tuple[str, int, int, int, int]] = []
    if p:
        out.append(("equal", 0, p, 0, p))
    if ma or mb:
        out.extend((t, i1 + p, i2 + p, j1 + p, j2 + p) for t, i1, i2, j1, j2 in _middle(ma, mb))
    if q:
        out.append(("equal", len(a) - q, len(a), len(b) - q, len(b)))
    return out


def _middle(a: str, b: str) -> list[tuple[str, int, int, int, int]]:
    if not a or not b or len(a) * len(b) <= 40000:
        return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    ca = [m.group(0) for m in _CLAUSE_RE.finditer(a) if m.group(0)]
    cb = [m.group(0) for m in _CLAUSE_RE.finditer(b) if m.group(0)]
    if len(ca) < 2 and len(cb) < 2:
        return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    oa = [0]
    for c in ca:
        oa.append(oa[-1] + len(c))
    ob = [0]
    for c in cb:
        ob.append(ob[-1] + len(c))
    out: list[tuple[str, int, int, int, int]] = []
    for t, i1, i2, j1, j2 in SequenceMatcher(None, ca, cb, autojunk=False).get_opcodes():
        x1, x2, y1, y2 = oa[i1], oa[i2], ob[j1], ob[j2]
        if t == "equal":
            out.append(("equal", x1, x2, y1, y2))
        else:
            out.extend((tt, k1 + x1, k2 + x1, l1 + y1, l2 + y1) for tt, k1, k2, l1, l2 in opcodes(a[x1:x2], b[y1:y2]))
    return out


def changed_regions(full: str, base: str) -> list[tuple[int, int]]:
    """Spans of *full* that differ from *base* (where a rule, not the base table, decided)."""
    if full == base:
        return []
    return [(i1, i2) for tag, i1, i2, _, _ in opcodes(full, base) if tag != "equal" and i2 > i1]


def _overlaps(regions: Sequence[tuple[int, int]], s: int, e: int) -> bool:
    return any(rs < e and s < re_ for rs, re_ in regions)


@dataclass
class DiffOp:
    """One place where the columns differ: left[l0:l1] against right[r0:r1], of class ``cls`` (VOCAB or SCRIPT)."""

    l0: int
    l1: int
    r0: int
    r1: int
    cls: str


def diff_texts(a: str, b: str, rules_a: Sequence[tuple[int, int]] = (), rules_b: Sequence[tuple[int, int]] = ()
               ) -> list[DiffOp]:
    """Where *a* and *b* differ, each place classified (see the module docstring).

    *rules_a*/*rules_b* are the spans a rule wrote in each text.  Adjacent places of the same
    class are merged, so a word such as 朝鲜战争 ↔ 韓戰 is one mark even though 战 and 戰 fold to
    the same character.
    """
    if a == b:
        return []
    fa, fb = fold(a), fold(b)
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in opcodes(fa, fb):
        if tag != "equal":
            ops.append(DiffOp(i1, i2, j1, j2, VOCAB))
            continue
        k, n = 0, i2 - i1
        while k < n:
            if a[i1 + k] == b[j1 + k]:
                k += 1
                continue
            s = k
            while k < n and a[i1 + k] != b[j1 + k]:
                k += 1
            rule = _overlaps(rules_a, i1 + s, i1 + k) or _overlaps(rules_b, j1 + s, j1 + k)
            ops.append(DiffOp(i1 + s, i1 + k, j1 + s, j1 + k, VOCAB if rule else SCRIPT))
    merged: list[DiffOp] = []
    for op in ops:
        last = merged[-1] if merged else None
        if last and last.cls == op.cls and last.l1 == op.l0 and last.r1 == op.r0:
            last.l1, last.r1 = op.l1, op.r1
        else:
            merged.append(op)
    return merged


def boundary_map(a_len: int, ops: Sequence[DiffOp]) -> tuple[list[int], list[int]]:
    """For each boundary of the left text, where a word starting (lo) or ending (hi) there falls on the right.

    Outside the diff places both texts advance together; a boundary inside a place maps to the
    whole place, so a word cut through a difference takes all of it.
    """
    lo = list(range(a_len + 1))
    hi = list(lo)
    shift, prev = 0, 0
    for op in sorted(ops, key=lambda o: (o.l0, o.l1)):
        for q in range(prev, op.l0 + 1):
            lo[q] = hi[q] = q + shift
        same = op.l1 - op.l0 == op.r1 - op.r0
        for q in range(op.l0 + 1, op.l1):
            lo[q], hi[q] = (op.r0 + q - op.l0,) * 2 if same else (op.r0, op.r1)
        lo[op.l0] = op.r0
        hi[op.l1] = op.r1
        if op.l1 > op.l0:
            lo[op.l1] = op.r1
        shift = op.r1 - op.l1
        prev = op.l1 + 1
    for q in range(prev, a_len + 1):
        lo[q] = hi[q] = q + shift
    return lo, hi
