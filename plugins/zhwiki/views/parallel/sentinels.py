"""Rule-written spans, carried from the converted Markdown through rendering into the HTML text nodes.

Rule-written spots are found without touching the engine: each column is converted a second time
with no page rules (:class:`.converters.NoRulesConverter`) and compared line by line, widened to
the whole rule output (the converter's hits), and map text (``-{zh-cn:…;zh-tw:…}-``) arrives
wrapped by :class:`.converters.TracingConverter`.  Private-use sentinels mark those spans in the
Markdown (:func:`with_rule_sentinels`); after rendering they are taken out of the tree again
(:func:`take_rule_regions`), leaving ``{text node index: [(start, end), …]}``.
"""

from __future__ import annotations

from collections.abc import Iterable

from .diff import changed_regions
from .tree import Element

#: Sentinels around the words a rule rewrote, put into the Markdown before rendering and taken out
#: of the HTML after (private use, never in source text: source.py strips that range on read).
RULE_OPEN = "\ue070"
RULE_CLOSE = "\ue071"
#: Sentinels TracingConverter puts around map text (turned into rule sentinels before rendering).
MAP_OPEN = "\ue072"
MAP_CLOSE = "\ue073"
_SENTINELS = str.maketrans("", "", RULE_OPEN + RULE_CLOSE + MAP_OPEN + MAP_CLOSE)


def with_rule_sentinels(full: str, base: str, outputs: Iterable[str] = ()) -> str:
    """*full* with every stretch that differs from *base* (the no-rules conversion) wrapped in sentinels.

    Conversion never changes line breaks, so the two are compared line by line and then character
    by character: fast, and a difference can never be matched against another paragraph.  A
    character diff can leave part of a rule's word outside (南韓 against 韓國 differs only in 南),
    so a stretch is widened to the whole of a rule output (the converter's hits) found right
    there in the text and overlapping it.
    """
    fl, bl = full.split("\n"), base.split("\n")
    if len(fl) != len(bl):
        return full.translate(_SENTINELS)
    words = sorted({o for o in outputs if o}, key=lambda w: (-len(w), w))  # ties in a fixed order: deterministic
    out = []
    for f, b in zip(fl, bl, strict=True):
        f, maps = _take_map_regions(f)
        if f == b and not maps:
            out.append(f)
            continue
        found = changed_regions(f, b) if f != b else []
        regions: list[tuple[int, int]] = []
        for i1, i2 in sorted(found + maps):
            for w in words:
                for st in range(max(0, i1 - len(w) + 1), min(i2, len(f) - len(w) + 1)):
                    if f.startswith(w, st):
                        i1, i2 = min(i1, st), max(i2, st + len(w))
                        break
            if regions and i1 <= regions[-1][1]:
                regions[-1] = (regions[-1][0], max(i2, regions[-1][1]))
            else:
                regions.append((i1, i2))
        parts, pos = [], 0
        for i1, i2 in regions:
            parts += [f[pos:i1], RULE_OPEN, f[i1:i2], RULE_CLOSE]
            pos = i2
        parts.append(f[pos:])
        out.append("".join(parts))
    return "\n".join(out)


def _take_map_regions(line: str) -> tuple[str, list[tuple[int, int]]]:
    """Drop TracingConverter's map sentinels from one line; return it and the map spans."""
    if MAP_OPEN not in line:
        return line.translate(_SENTINELS), []
    clean: list[str] = []
    spans: list[tuple[int, int]] = []
    depth = start = 0
    for ch in line:
        if ch == MAP_OPEN:
            if depth == 0:
                start = len(clean)
            depth += 1
        elif ch == MAP_CLOSE:
            depth = max(0, depth - 1)
            if depth == 0 and len(clean) > start:
                spans.append((start, len(clean)))
        elif ch not in (RULE_OPEN, RULE_CLOSE):
            clean.append(ch)
    return "".join(clean), spans


def take_rule_regions(root: Element) -> dict[int, list[tuple[int, int]]]:
    """Remove the sentinels from a rendered tree; return the rule-rewritten spans per text node."""
    out: dict[int, list[tuple[int, int]]] = {}
    inside = False
    for t in root.texts():
        if not inside and RULE_OPEN not in t.text:
            continue
        clean: list[str] = []
        regions: list[tuple[int, int]] = []
        start = 0
        n = 0
        for ch in t.text:
            if ch == RULE_OPEN:
                inside, start = True, n
            elif ch == RULE_CLOSE:
                if inside and n > start:
                    regions.append((start, n))
                inside = False
            else:
                clean.append(ch)
                n += 1
        if inside and n > start:
            regions.append((start, n))
        t.text = "".join(clean)
        if regions:
            out[t.index] = regions
    _strip_sentinel_attrs(root)
    return out


def _strip_sentinel_attrs(el: Element) -> None:
    for c in el.children:
        if isinstance(c, Element):
            if RULE_OPEN in c.start or RULE_CLOSE in c.start:
                c.start = c.start.translate(_SENTINELS)
                c.attrs = {k: (v.translate(_SENTINELS) if v else v) for k, v in c.attrs.items()}
            _strip_sentinel_attrs(c)
