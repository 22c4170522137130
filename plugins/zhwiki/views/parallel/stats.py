"""差异统计: per-page counts, rule hits and the most frequent differing words of the view.

Words are cut by jieba (which Material's search already depends on) in the left column, one
clause at a time around a difference; the right word is the text the diff aligns with it
(:func:`.diff.boundary_map`).
"""

from __future__ import annotations

import html as _html
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from ...conversion.variants import html_lang
from .diff import SCRIPT, VOCAB, DiffOp, boundary_map
from .edition import PageStats, ParallelPage
from .page import variant_label
from .pairs import Pair

#: How many differing words the statistics page lists.
TOP_WORDS = 50

#: Where a clause ends: words are cut within the clause around a difference, not the whole text.
_CLAUSE_END = set(" \t\n，。、；：？！（）「」『』“”‘’《》〈〉,.;:?!()[]/·—")


def page_stats(path: str, title: str, pairs: list[Pair]) -> PageStats:
    """Count the units of one page and the differences marked in them."""
    s = PageStats(path, title, units=len(pairs))
    for p in pairs:
        if p.ops:
            s.units_differing += 1
        for _, _, ops in p.ops:
            for op in ops:
                if op.cls == SCRIPT:
                    s.script_chars += op.l1 - op.l0
                else:
                    s.vocab_marks += 1
                    s.vocab_chars_left += op.l1 - op.l0
                    s.vocab_chars_right += op.r1 - op.r0
    return s


def _segmenter() -> Callable[[str], Iterator[tuple[str, int, int]]]:
    """jieba's word cutter (Material's search already depends on it), quiet."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.tokenize


def _clauses(text: str, ops: Sequence[DiffOp]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for op in sorted(ops, key=lambda o: o.l0):
        s, e = op.l0, op.l1
        while s > 0 and text[s - 1] not in _CLAUSE_END:
            s -= 1
        while e < len(text) and text[e] not in _CLAUSE_END:
            e += 1
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(e, spans[-1][1]))
        else:
            spans.append((s, e))
    return spans


def differing_words(pages: Iterable[ParallelPage]) -> Counter[tuple[str, str, str]]:
    """(left word, right word, class) → count, for every left word that contains a difference.

    Words are cut by jieba in the left column, one clause at a time (only clauses that hold a
    difference); the right word is the text the diff aligns with it.
    """
    tokenize = _segmenter()
    cache: dict[str, list[tuple[str, int, int]]] = {}
    words: Counter[tuple[str, str, str]] = Counter()
    for page in pages:
        for pair in page.pairs:
            for a, b, ops in pair.ops:
                lo, hi = boundary_map(len(a.text), ops)
                for cs, ce in _clauses(a.text, ops):
                    clause = a.text[cs:ce]
                    if clause not in cache:
                        cache[clause] = list(tokenize(clause))
                    for word, s0, e0 in cache[clause]:
                        s, e = cs + s0, cs + e0
                        hit = [op for op in ops if (op.l0 < e and s < op.l1) or (op.l0 == op.l1 and s < op.l0 < e)]
                        if not hit or not word.strip():
                            continue
                        cls = VOCAB if any(op.cls == VOCAB for op in hit) else SCRIPT
                        words[(word, b.text[lo[s]:hi[e]], cls)] += 1
    return words


def _md_cell(text: str) -> str:
    return _html.escape(text, quote=False).replace("|", "\\|") or "∅"


def stats_markdown(pages: Sequence[ParallelPage], left: str, right: str, hits_l: Sequence[Any], hits_r: Sequence[Any]) -> str:
    """The 差异统计 page: per-section counts, rule hits, the most frequent differing words."""
    ln, rn = variant_label(left), variant_label(right)
    lines = [
        f"本页统计「{ln}」（{left}）与「{rn}」（{right}）两个版本的差异。"
        "**词汇差异**指转换规则（noteTA、转换组或 `-{…}-`）造成的不同用词，"
        "**字形差异**指仅由简繁字表造成的不同字形。",
        "",
        "## 各章节",
        "",
        "| 章节 | 单元 | 有差异的单元 | 字形差异（字） | 词汇差异（处） | 词汇差异字数（左 / 右） |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    tot = PageStats("", "合计")
    for p in pages:
        s = p.stats
        link = f"[{_md_cell(p.title)}]({p.path})"
        lines.append(f"| {link} | {s.units} | {s.units_differing} | {s.script_chars} | {s.vocab_marks} | "
                     f"{s.vocab_chars_left} / {s.vocab_chars_right} |")
        for f in ("units", "units_differing", "script_chars", "vocab_marks", "vocab_chars_left", "vocab_chars_right"):
            setattr(tot, f, getattr(tot, f) + getattr(s, f))
    lines.append(f"| **合计** | {tot.units} | {tot.units_differing} | {tot.script_chars} | {tot.vocab_marks} | "
                 f"{tot.vocab_chars_left} / {tot.vocab_chars_right} |")
    lines += ["", "## 转换规则命中次数", "",
              "规则改变了基础字表结果的次数（规则输出与字表输出相同时不计）。", ""]
    lines += ["| 规则 | 原文 → 结果 | " + f"{ln} | {rn} |", "|---|---|---:|---:|"]
    per_rule: dict[tuple[str, str, str], list[int]] = {}
    order: list[tuple[str, str, str]] = []
    for side, hits in ((0, hits_l), (1, hits_r)):
        for h in hits:
            key = (h.rule, h.source, h.output)
            if key not in per_rule:
                per_rule[key] = [0, 0]
                order.append(key)
            per_rule[key][side] += 1
    by_rule: Counter[str] = Counter()
    for (rule, _, _), counts in per_rule.items():
        by_rule[rule] += sum(counts)
    for key in sorted(order, key=lambda k: (-by_rule[k[0]], k[0], -sum(per_rule[k]))):
        rule, src, out = key
        c = per_rule[key]
        lines.append(f"| {_md_cell(rule)} | {_md_cell(src)} → {_md_cell(out)} | {c[0]} | {c[1]} |")
    if not order:
        lines.append("| （无） | | 0 | 0 |")
    lines += ["", f"## 最常见的 {TOP_WORDS} 个差异词", "",
              f"| # | {ln} | {rn} | 类别 | 次数 |", "|---:|---|---|---|---:|"]
    words = differing_words(pages)
    for k, ((lw, rw, cls), n) in enumerate(words.most_common(TOP_WORDS), 1):
        kind = "词汇" if cls == VOCAB else "字形"
        lines.append(f'| {k} | <span lang="{html_lang(left)}">{_md_cell(lw)}</span> | '
                     f'<span lang="{html_lang(right)}">{_md_cell(rw)}</span> | {kind} | {n} |')
    return "\n".join(lines) + "\n"
