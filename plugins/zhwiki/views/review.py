"""Every rule hit, reviewable: context, suspicious hits and the review section of 用词对照.

Issue 12 §4.  A *hit* is a place where a page rule (noteTA, conversion group, ``-{H|…}-``,
``-{A|…}-`` or an editor's rule) wrote something other than the base table would have written
(``engine.RuleHit``).  For each hit the review shows about ten characters of the source on either
side, the same span in every built variant, and a link to its page.

Two kinds of hit are flagged as *suspicious*, on the page and in the build summary:

* **repeat** — the rule's output repeats the text next to it: with the rule 朝鲜 → 北韓,
  「北朝鲜」 becomes 「北北韓」 (the output's 北 is already in the source before the key);
* **word cut** — the key cuts across a word of the source as segmented by jieba (the dictionary
  Material's search already uses) together with the article's own link targets, which name things
  jieba does not know (朝鲜王朝, 韩国光复军): the key 朝鲜 inside 朝鲜语 or 朝鮮王朝.

Both tests run on text folded to simplified characters (``tables.fold``), since jieba's dictionary
is simplified.  The section is written in the variant's script by hand; the contexts are the
variants' own text, so nothing here goes through the converter again.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from .. import markers as M
from ..conversion.engine import Converter, RuleHit, word_in
from ..conversion.rules import ConvRule
from ..conversion.tables import base_table, fold
from ..conversion.variants import NAMES, is_traditional
from ..render import escape

log = logging.getLogger("mkdocs.plugins.zhwiki.review")

#: Labels of the section, per script (simplified, traditional).
_TEXT = {
    "head": ("规则改写之处", "規則改寫之處"),
    "intro": (
        "下面按规则列出正文中每一处由规则（而非逐字转换）改写的词语，附原文与各版本中前后约十个字的上下文，"
        "并链接到所在页面。【】内是该规则给出的词，前后文按逐字转换显示。"
        "标 ⚠ 的是可疑之处：规则的输出重复了相邻的文字，或规则的词切断了原文中的一个词（按 jieba 分词及条目链接的页面名判断）。",
        "下面按規則列出正文中每一處由規則（而非逐字轉換）改寫的詞語，附原文與各版本中前後約十個字的上下文，"
        "並連結到所在頁面。【】內是該規則給出的詞，前後文按逐字轉換顯示。"
        "標 ⚠ 的是可疑之處：規則的輸出重複了相鄰的文字，或規則的詞切斷了原文中的一個詞（按 jieba 分詞及條目連結的頁面名判斷）。",
    ),
    "suspicious": ("可疑之处", "可疑之處"),
    "source": ("原文", "原文"),
    "where": ("位置", "位置"),
    "rule": ("规则", "規則"),
    "inline": ("行内规则", "行內規則"),
    "override": ("编者规则", "編者規則"),
    "why": ("说明", "說明"),
    "places": ("{n} 处", "{n} 處"),
    "repeat": ("输出重复相邻的「{w}」", "輸出重複相鄰的「{w}」"),
    "cut": ("切断了「{w}」", "切斷了「{w}」"),
    "none": ("本版没有被规则改写的词语。", "本版沒有被規則改寫的詞語。"),
}

_LINK_RE = re.compile(r"\[\[\s*([^\[\]|#{}<>\n]+?)\s*(?:#[^\[\]|\n]*)?(?:\|([^\[\]\n]*?))?\]\]")
#: A positional template parameter that is nothing but Han characters (hatnotes name pages so:
#: ``{{about|…|…|朝鮮之役}}``).
_PARAM_NAME_RE = re.compile(r"\|\s*([\u3400-\u9fff]{3,12})\s*(?=\||\}\})")
_CLEAN_RE = re.compile("[\x00-\x1f\ue000-\uf8ff]")
#: A footnote marker ``[^61]`` with the page number after it (``{{rp|27}}`` → ``:27``), whole or cut
#: at the edge of the context (``…[^6`` at its end, ``^61]`` or ``1]`` at its start).
_FOOTNOTE_RE = re.compile(r"\[\^[A-Za-z0-9_.:-]*\](?:[\x1e\s]*:[\w\u2013,.-]+)?"
                          r"|\[\^?[A-Za-z0-9_.:-]*$|^\^?[A-Za-z0-9_.:-]*\](?:[\x1e\s]*:[\w\u2013,.-]+)?")
#: A character reference cut at the edge of the context (``…&#9`` at its end, ``91;`` at its start).
_ENTITY_EDGE_RE = re.compile(r"&#?[A-Za-z0-9]*$|^#?[A-Za-z0-9]{0,6};")
#: A note marker ``[注2]``/``[註2]``, whole or cut at the edge of the context.
_NOTE_RE = re.compile(r"\[[注註]\s*\d*\]|\[[注註]?\s*\d*$|^[注註]?\s*\d*\]")
#: Markdown block markup at the start of a line: headings, definition and list items, quotes, admonitions
#: (``!!! note``, ``??? note``); and table pipes.
_BLOCK_MARK_RE = re.compile(r"^[ \t\x1e]*(?:#{1,6}(?=[ \t\x1e]|$)|:(?=[ \t])|[*+-](?=[ \t\x1e]|$)|\d+\.(?=[ \t])|>"
                            r"|(?:!!!|\?\?\?\+?)(?:[ \t]+[A-Za-z][\w-]*)?)", re.M)
_TABLE_PIPE_RE = re.compile(r"(?:(?<=[ \t\x1e])|^)\|(?=[ \t\x1e]|$)", re.M)


def _t(key: str, variant: str) -> str:
    return _TEXT[key][1 if is_traditional(variant) else 0]


@dataclass(frozen=True)
class Flag:
    """Why a hit is suspicious: ``kind`` is ``repeat`` or ``cut``; ``word`` the text concerned."""

    kind: str
    word: str

    def label(self, variant: str) -> str:
        return _t(self.kind, variant).format(w=self.word)


def source_names(text: str) -> frozenset[str]:
    """Folded page names in *text* (wikitext), three characters or more: the targets of its
    ``[[…]]`` links and positional template parameters written only in Han characters.

    Each names an article on zh.wikipedia, so it is one word for the word-cut test (link labels
    are not: a label is often a phrase, 「一举攻占韩国首都汉城」).
    """
    names: set[str] = set()
    for m in _LINK_RE.finditer(text):
        target = m.group(1).strip()
        if len(target) >= 3 and ":" not in target:
            names.add(fold(target))
    names.update(fold(m.group(1)) for m in _PARAM_NAME_RE.finditer(text))
    return frozenset(names)


def clean(text: str) -> str:
    """Context text read as a plain sentence: no markers, holes, line breaks or link brackets (the
    run's Markdown ``[label`` leaves a ``[``), no footnote or note markers (``[^61]:27``, ``[注2]``)
    and no Markdown block markup (``###``, ``:``, ``*``, table ``|``), whole or cut at the context's
    edge; entities decoded, spaces collapsed."""
    text = M.strip_markers(text)
    text = _TABLE_PIPE_RE.sub(" ", _BLOCK_MARK_RE.sub(" ", text))
    text = _ENTITY_EDGE_RE.sub("", _FOOTNOTE_RE.sub("", text))
    text = _NOTE_RE.sub("", escape.unescape(_CLEAN_RE.sub(" ", text)))
    return " ".join(text.replace("[", " ").replace("]", " ").split())


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def _cut_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each jieba word of *text* (dictionary only, no HMM guessing)."""
    spans, i = [], 0
    for w in _jieba().cut(text, HMM=False):
        spans.append((i, i + len(w)))
        i += len(w)
    return spans


def flags(hit: RuleHit, names: Iterable[str] = ()) -> list[Flag]:
    """The suspicious-hit flags of *hit* (empty: nothing suspicious).

    *names*: extra words of the source (``source_names``), folded.
    """
    before, after = clean(hit.before), clean(hit.after)
    src, out = fold(hit.source), fold(hit.output)
    fb, fa = fold(before), fold(after)
    found: list[Flag] = []
    # repeat: a head of the output that the key does not start with, already just before it
    for k in range(len(out), 0, -1):
        head = out[:k]
        if fb.endswith(head) and not src.startswith(head):
            found.append(Flag("repeat", hit.before[-k:] + hit.output))
            break
    else:
        for k in range(len(out), 0, -1):
            tail = out[-k:]
            if fa.startswith(tail) and not src.endswith(tail):
                found.append(Flag("repeat", hit.output + hit.after[:k]))
                break
    if found:
        return found
    # word cut, on the segmented context (see ``_cuts``)
    ctx = fb + src + fa
    a, b = len(fb), len(fb) + len(src)
    shown = before + hit.source + after
    for s, e in _cuts(ctx, a, b, names):
        found.append(Flag("cut", shown[s:e]))
        break
    return found


def _cuts(ctx: str, a: int, b: int, names: frozenset[str] | Iterable[str]) -> list[tuple[int, int]]:
    """Spans of *ctx* (folded) that the key at ``[a, b)`` cuts:

    * a jieba word of three or more characters that a key boundary splits without the word
      holding the whole key (two-character crossings such as 上|朝 are mostly segmentation noise);
    * a jieba word that is the key plus one character (朝鲜 + 语, 朝鲜 + 族, 朝鲜 + 人): a
      compound the rule's word does not stand for on its own;
    * a name the article links to (``source_names``) that holds the key with more around it
      (朝鲜王朝, 韩国光复军): jieba does not know most proper names.
    """
    out = []
    for s, e in _cut_spans(ctx):
        inside = s <= a and b <= e
        if not inside and ((s < a < e) or (s < b < e)) and e - s >= 3:
            out.append((s, e))
        elif inside and e - s == b - a + 1:
            out.append((s, e))
    for name in names:
        if len(name) <= b - a or ctx[a:b] not in name:
            continue
        i = ctx.find(name, max(0, b - len(name)))
        while 0 <= i <= a:
            if i + len(name) >= b:
                out.append((i, i + len(name)))
                break
            i = ctx.find(name, i + 1)
    return sorted(out)


def _rules_by_origin(conv: Converter) -> dict[str, ConvRule]:
    out: dict[str, ConvRule] = {}
    for rule, origin in conv.rules_seen:
        out.setdefault(origin, rule)
    return out


def context_in(hit: RuleHit, variant: str, rule: ConvRule | None, current: str) -> str:
    """The hit with its context as *variant* writes it (the built output for *current*)."""
    table = base_table(variant)
    word = hit.output if variant == current else word_in(rule, hit.source, variant)
    return f"{table.convert(clean(hit.before))}【{word}】{table.convert(clean(hit.after))}"


_HAN_TAIL_RE = re.compile(r"[\u3400-\u9fff]{1,4}$")
#: Holes (tag edges), spaces and a link's opening ``[`` at the end of a context: nothing a reader sees.
_EDGE_HOLES_RE = re.compile(r"[\x1e\s\[]+$")


def _page_link(place: str, word: str, prefix: str, label: str) -> str:
    """A link to the hit's page.  A URL text fragment (``#:~:text=前文-,词``) lets browsers that
    support it scroll to this occurrence; others open the page at its top."""
    page = place.removesuffix(".md") + ".html" if place else "index.html"
    frag = ""
    if word:
        m = _HAN_TAIL_RE.search(prefix)
        frag = "#:~:text=" + (quote(m.group(0), safe="") + "-," if m else "") + quote(word, safe="")
    return f'<a href="{escape.attr(page + frag)}">{escape.text(label)}</a>'


def _cell(s: str) -> str:
    return escape.text(" ".join(s.split())) or "—"


def review_section(conv: Converter, built: Sequence[str], names: Iterable[str] = (),
                   pages: dict[str, str] | None = None) -> tuple[str, list[tuple[RuleHit, list[Flag]]]]:
    """Markdown of the review section for *conv*'s variant, and the suspicious hits found.

    *pages* maps a page path to its nav label (the 位置 column); *names* are ``source_names``.
    """
    v = conv.variant
    built = list(dict.fromkeys(built))
    rules = _rules_by_origin(conv)
    names = frozenset(names)
    pages = pages or {}
    lines = [f"## {_t('head', v)}", "", escape.text(_t("intro", v)), ""]
    if not conv.hits:
        return "\n".join([*lines, escape.text(_t("none", v)), ""]), []
    head = [_t("source", v), *(NAMES[b]["hant" if is_traditional(b) else "hans"] for b in built), _t("where", v)]

    def row(hit: RuleHit, extra: str = "") -> list[str]:
        rule = rules.get(hit.rule)
        cells = [_cell(f"{clean(hit.before)}【{hit.source}】{clean(hit.after)}")]
        cells += [_cell(context_in(hit, b, rule, v)) for b in built]
        # the text fragment's prefix must stand right before the word on the page: not when a
        # footnote marker, which the cleaned context leaves out, stands between them
        shown_before = _EDGE_HOLES_RE.sub("", M.strip_markers(hit.before))
        prefix = base_table(v).convert(clean(hit.before)) if _HAN_TAIL_RE.search(shown_before) else ""
        where = _page_link(hit.place, hit.output, prefix, pages.get(hit.place, hit.place.removesuffix(".md") or "—"))
        return [*cells, where, *([extra] if extra else [])]

    def table(header: list[str], rows: list[list[str]], indent: str = "") -> list[str]:
        out = [indent + "| " + " | ".join(escape.text(h) for h in header) + " |",
               indent + "|" + " --- |" * len(header)]
        out += [indent + "| " + " | ".join(r) + " |" for r in rows]
        return out

    flagged: list[tuple[RuleHit, list[Flag]]] = []
    for hit in conv.hits:
        f = flags(hit, names)
        if f:
            flagged.append((hit, f))
    if flagged:
        lines += [f"### ⚠ {_t('suspicious', v)}", ""]
        rows = [[escape.text(display_origin(h.rule, v)), *row(h, _cell("；".join(x.label(v) for x in f)))] for h, f in flagged]
        lines += table([_t("rule", v), *head, _t("why", v)], rows)
        lines.append("")
    by_rule: dict[str, list[RuleHit]] = {}
    for hit in conv.hits:
        by_rule.setdefault(hit.rule, []).append(hit)
    suspicious = {id(h) for h, _ in flagged}
    for origin, hits in by_rule.items():
        words = "、".join(dict.fromkeys(f"{h.source} → {h.output}" for h in hits))
        title = f"{display_origin(origin, v)}：{words}（{_t('places', v).format(n=len(hits))}）"
        lines += [f'??? note "{escape.attr(title)}"', ""]
        rows = [row(h) for h in hits]
        for r, h in zip(rows, hits, strict=True):
            if id(h) in suspicious:
                r[0] = "⚠ " + r[0]
        lines += table(head, rows, indent="    ")
        lines.append("")
    return "\n".join(lines), flagged


_LINE_RE = re.compile(r"\s*第\d+行$")


def display_origin(origin: str, variant: str) -> str:
    """A rule's origin as readers see it: no source line numbers (issue 12 §4); the engine's
    ``-{…}- 第N行`` becomes 行内规则, the pipeline's ``override N`` 编者规则 N."""
    if origin.startswith("-{…}-"):
        return _t("inline", variant)
    if origin.startswith("override "):
        return f"{_t('override', variant)} {origin.removeprefix('override ')}"
    return _LINE_RE.sub("", origin)
