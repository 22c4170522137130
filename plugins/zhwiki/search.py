"""Search that finds what the page holds (issue 13), on top of Material's search plugin.

Material segments Han text with jieba at build time and segments a query in the browser by the
index's own vocabulary.  Three additions, all made before or after Material builds its entries:

* Traditional variants: jieba's dictionary is Simplified, so 隨後發動 stays one token.  Before a
  page is indexed, its text is converted to Simplified with the other variant's converter; where
  the conversion keeps every character in place, jieba's cut of the Simplified text gives the
  Traditional words, which are added to jieba's dictionary (a user dictionary made from the
  article's own converted words) for this build only (``restore`` puts the dictionary back).
* Each entry gets a hidden field ``alt`` (searched, never shown): the sub-words of its long words
  (停战协定 → 停战 协定) and its text in the other variant's vocabulary (朝鲜 ↔ 北韓).
* Footnote markers are left out of the indexed text, so snippets show no "414243".
"""

from __future__ import annotations

import re
from collections.abc import Callable

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_NOTE_SUP = re.compile(r'<sup\b[^>]*>\s*<a\b[^>]*\bclass="[^"]*\b(?:footnote-ref|note-link)\b[^"]*"[^>]*>.*?</a>\s*</sup>', re.S)
_TAG = re.compile(r"<[^>]+>")
ALT_FIELD = "alt"


def without_markers(content: str) -> str:
    """*content* without footnote and note markers (the index's text only)."""
    return _NOTE_SUP.sub("", content)


def _jieba():
    import jieba

    jieba.initialize()
    return jieba


def snapshot() -> tuple[dict, int]:
    j = _jieba()
    return dict(j.dt.FREQ), j.dt.total


def restore(state: tuple[dict, int]) -> None:
    j = _jieba()
    j.dt.FREQ, j.dt.total = dict(state[0]), state[1]


def learn_words(html: str, to_simplified: Callable[[str], str]) -> list[str]:
    """Add the Traditional words of *html* to jieba, found by cutting its Simplified form; returns them."""
    j = _jieba()
    added: list[str] = []
    for run in _HAN.findall(_TAG.sub(" ", html)):
        if len(run) < 2:
            continue
        simp = to_simplified(run)
        if len(simp) != len(run):
            continue
        for w, start, end in j.tokenize(simp, mode="search", HMM=False):  # words and their sub-words
            trad = run[start:end]
            if len(w) >= 2 and trad != w and j.dt.FREQ.get(trad, 0) == 0 and j.dt.FREQ.get(w, 0) > 0:
                j.add_word(trad, j.dt.FREQ[w])
                added.append(trad)
    return added


def alt_text(text: str, to_other: Callable[[str], str]) -> str:
    """The hidden ``alt`` field of an entry: sub-words of long words and the other variant's words.

    The other variant's words are cut where the own words are cut (the conversion keeps characters
    in place for most runs: 朝鲜 ↔ 北韓); otherwise the other run is cut by jieba alone.
    """
    j = _jieba()
    own = set(text.split("\u200b"))
    seen: dict[str, None] = {}

    def add(w: str) -> None:
        if len(w) >= 2 and w not in own:
            seen.setdefault(w, None)

    for run in _HAN.findall(text.replace("\u200b", "")):
        other = to_other(run)
        aligned = len(other) == len(run)
        for w, start, end in j.tokenize(run, mode="search", HMM=False):
            add(w)
            if aligned:
                add(other[start:end])
        if not aligned:
            for w in j.cut_for_search(other, HMM=False):
                add(w)
    return "\u200b".join(seen)
