"""Search that finds what the page holds (issue 13), on top of Material's search plugin.

Material segments Han text with jieba at build time and segments a query in the browser by the
index's own vocabulary.  Three additions, all made before or after Material builds its entries:

* Traditional variants: jieba's dictionary is Simplified, so 隨後發動 stays one token.  Before a
  page is indexed, its text is converted to Simplified with the other variant's converter; where
  the conversion keeps every character in place, jieba's cut of the Simplified text gives the
  Traditional words, which are added to jieba's dictionary (a user dictionary made from the
  article's own converted words) for this build only (``restore`` puts the dictionary back).
* Each entry gets a hidden field ``alt`` (searched, never shown): the sub-words of its long words
  (停战协定 → 停战 协定), its text in the other variant's vocabulary (朝鲜 ↔ 北韓), and those words
  in the entry's own script (朝鮮 in zh-tw, 北韩 in zh-cn), so a reader finds a place by either
  variant's word typed in either script.
* Footnote markers, their page numbers (``{{rp}}``: ``:11``), the back-links of the footnote
  lists (^ a b) and the print-only URLs are left out of the indexed text, so snippets show no
  "414243" and no "^ a b".
* Material's search worker cuts a Han query by the words of the index, but never tries the whole
  run as one word (its inner loop stops one character short), so 北韓 is searched as 北 and
  鴨綠江 as 鴨.  :func:`fix_worker` lets that loop reach the run's end in the built worker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_NOTE_SUP = re.compile(r'<sup\b[^>]*>\s*<a\b[^>]*\bclass="[^"]*\b(?:footnote-ref|note-link)\b[^"]*"[^>]*>.*?</a>\s*</sup>', re.S)
#: A citation's page number after its marker (templates/references.py ``_rp``).
_RP_SUP = re.compile(r'<sup\b[^>]*\bclass="[^"]*\brp\b[^"]*"[^>]*>[^<]*</sup>')
#: The ^ a b back-links of a footnote list item (footnotes.py) and a citation's print-only URL.
_BACKLINKS = re.compile(r'<span\b[^>]*\bclass="[^"]*\bcite-backlinks\b[^"]*"[^>]*>'
                        r'(?:\s+|<span\b[^>]*>[^<]*</span>|<a\b[^>]*>[^<]*</a>|[^<]+)*</span>')
#: Any other back-link (a note's ^ in the notes list: templates/references.py ``notes_list``).
_BACKREF = re.compile(r'<a\b[^>]*\bclass="[^"]*\bfootnote-backref\b[^"]*"[^>]*>[^<]*</a>')
_PRINT_URL = re.compile(r'<span\b[^>]*\bclass="[^"]*\bprint-url\b[^"]*"[^>]*>[^<]*</span>')
_TAG = re.compile(r"<[^>]+>")
ALT_FIELD = "alt"


def without_markers(content: str) -> str:
    """*content* (a page's HTML) as the index should hold it: no footnote or note markers, no
    ``{{rp}}`` page numbers, no ^ a b back-links, no print-only URLs."""
    for pattern in (_NOTE_SUP, _RP_SUP, _BACKLINKS, _BACKREF, _PRINT_URL):
        content = pattern.sub("", content)
    return content


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


def alt_text(text: str, to_other: Callable[[str], str], to_own_script: Callable[[str], str] | None = None) -> str:
    """The hidden ``alt`` field of an entry: sub-words of long words and the other variant's words.

    *text* is the entry's title and text as Material indexes them (words split by U+200B);
    *to_other* converts a Han run to the other variant (its page rules included: 北韓 → 朝鲜);
    *to_own_script*, when given, converts a word of the other variant to the entry's own script
    by the base table alone (朝鲜 → 朝鮮 in zh-tw).  Returns the words joined by U+200B, each
    once, none of them a word of *text* itself.

    The other variant's words are cut where the own words are cut (the conversion keeps characters
    in place for most runs: 朝鲜 ↔ 北韓); otherwise the other run is cut by jieba alone.
    """
    j = _jieba()
    own = set(text.split("\u200b"))
    seen: dict[str, None] = {}

    def add(w: str) -> None:
        if len(w) >= 2 and w not in own:
            seen.setdefault(w, None)

    def add_other(w: str) -> None:
        add(w)
        if to_own_script is not None and len(w) >= 2:
            add(to_own_script(w))

    for run in _HAN.findall(text.replace("\u200b", "")):
        other = to_other(run)
        aligned = len(other) == len(run)
        for w, start, end in j.tokenize(run, mode="search", HMM=False):
            add(w)
            if aligned:
                add_other(other[start:end])
        if not aligned:
            for w in j.cut_for_search(other, HMM=False):
                add_other(w)
    return "\u200b".join(seen)


#: The inner loop of Material's query segmenter (``segment`` in its search worker, minified):
#: ``for(let o=s+1;o<t.length;o++)t.slice(s,o)in e`` never tries the slice that ends the run.
_SEGMENT_LOOP = re.compile(r"(for\(let (\w+)=(\w+)\+1;\2)<(\w+)\.length(;\2\+\+\)\4\.slice\(\3,\2\)in )")


def fix_worker(site_dir: str | Path) -> list[Path]:
    """Let Material's search worker in *site_dir* try a whole Han run of a query as one word.

    Material for MkDocs 9.x segments each Han run of a query greedily by the words of the index,
    but its inner loop stops one character short of the run's end, so a two-character query
    becomes its first character (北韓 → 北*, which finds every word starting with 北) and a longer
    one loses its last word.  This rewrites ``<`` to ``<=`` in that one loop of the built
    ``assets/javascripts/workers/search.*.min.js``; returns the files changed.  A worker whose
    loop is not found (a Material release that changed it) is left as it is.
    """
    changed = []
    for path in sorted(Path(site_dir).glob("assets/javascripts/workers/search.*.min.js")):
        code = path.read_text(encoding="utf-8")
        fixed, n = _SEGMENT_LOOP.subn(r"\1<=\4.length\5", code, count=1)
        if n:
            path.write_text(fixed, encoding="utf-8")
            changed.append(path)
    return changed
