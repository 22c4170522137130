"""The 用词对照 page: every conversion rule in force, with the word in each built variant.

A study aid: the article's editors chose these words deliberately (``{{noteTA}}``, conversion
groups, inline ``-{A|…}-``/``-{H|…}-`` rules and ``-{…}-`` maps), and a reader comparing the
editions wants them side by side.  The page is generated per variant after conversion (its table
cells are each variant's own spelling, so nothing here goes through the converter again).

Cells follow MediaWiki's semantics (conversion-semantics.md §2, §5): a two-way rule gives every
regional variant its own or borrowed text, but zh-hans/zh-hant take no two-way rules, so for them
the cell shows what the base table makes of the rule's text, marked †.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .. import markers as M
from ..conversion.engine import Converter, RenderedBlock, rule_texts
from ..conversion.rules import ConvRule
from ..conversion.tables import base_table, fold
from ..conversion.variants import BIDIRECTIONAL, NAMES, is_traditional, pick
from ..render import escape
from .review import display_origin

#: Page texts in both scripts (the page is written directly in the variant's script).
_TEXT = {
    "page": ("用词对照", "用詞對照"),
    "intro": (
        "本页列出本条目中生效的全部字词转换规则（noteTA 模板、公共转换组、行内转换规则与行内对照），"
        "以及每条规则在本次构建的各个版本中给出的写法。正文中由规则（而非逐字转换）改写的词语带有提示，悬停即可看到它在其他版本中的写法。",
        "本頁列出本條目中生效的全部字詞轉換規則（noteTA 模板、公共轉換組、行內轉換規則與行內對照），"
        "以及每條規則在本次建置的各個版本中給出的寫法。正文中由規則（而非逐字轉換）改寫的詞語帶有提示，懸停即可看到它在其他版本中的寫法。",
    ),
    "dagger": (
        "† 按 MediaWiki 的规定，双向规则不作用于 zh-hans 与 zh-hant；此处为该版本逐字转换的结果。",
        "† 按 MediaWiki 的規定，雙向規則不作用於 zh-hans 與 zh-hant；此處為該版本逐字轉換的結果。",
    ),
    "rules": ("转换规则", "轉換規則"),
    "maps": ("行内对照", "行內對照"),
    "origin": ("来源", "來源"),
    "hits": ("本版替换次数", "本版替換次數"),
    "uses": ("出现次数", "出現次數"),
    "removed": ("（取消转换）", "（取消轉換）"),
    "none": ("本条目没有字词转换规则。", "本條目沒有字詞轉換規則。"),
    "template": ("模板中的对照", "模板中的對照"),
    "inline": ("行内规则", "行內規則"),
    "inline_map": ("行内对照", "行內對照"),
    "title": ("标题（T）", "標題（T）"),
    "protective": ("保护规则", "保護規則"),
    "kept": ("{n} 处", "{n} 處"),
    "missing_group": (
        "本条目请求的公共转换组「{g}」在本次构建中不可用，其规则未应用（可在 groups_dir 中提供 {g}.txt）。",
        "本條目請求的公共轉換組「{g}」在本次建置中不可用，其規則未套用（可在 groups_dir 中提供 {g}.txt）。",
    ),
}


def _t(key: str, variant: str) -> str:
    return _TEXT[key][1 if is_traditional(variant) else 0]


def _cell(s: str) -> str:
    """A table cell: one line, no unescaped pipe."""
    return " ".join(s.split()).replace("|", "&#124;") or "—"


def rule_row(rule: ConvRule, built: Sequence[str], conv: Converter) -> list[str]:
    """The word each built variant gets from *rule*."""
    texts = rule_texts(rule)
    first = next(iter(rule.entries.values()), rule.body.strip())
    cells = []
    for v in built:
        if "-" in rule.flags:
            cells.append(_t("removed", v))
            continue
        if not rule.has_entries:  # -{H|word}-: the word is protected in the regional variants
            if v in BIDIRECTIONAL:
                cells.append(escape.text(first))
            else:
                cells.append(escape.text(base_table(v).convert(first)) + " †")
            continue
        if v in BIDIRECTIONAL and v in texts:
            cells.append(escape.text(texts[v]))
            continue
        oneway = [f"{escape.text(o.source)} ⇒ {escape.text(o.target)}" for o in rule.oneway if o.variant == v]
        if oneway:
            cells.append("；".join(oneway))
        elif rule.entries and v != "zh":
            # The rule is inert here: show what the base table makes of the word as the source
            # most likely spells it (the zh: text, else the simplified one).
            source = rule.entries.get("zh") or pick(rule.entries, "zh-hans") or first
            cells.append(escape.text(base_table(v).convert(source)) + " †")
        else:
            cells.append("—")
    return cells


def is_protective(rule: ConvRule) -> bool:
    """A rule whose forms are only script conversions of each other (``zh-hans:朝鲜半岛;
    zh-hant:朝鮮半島;``): it changes no word, it keeps a shorter rule's key from matching inside
    the longer word.  Labelled 保护规则 on the page instead of a count of replacements."""
    if not rule.has_entries or rule.oneway or "-" in rule.flags:
        return False
    return len({fold(t) for t in rule.entries.values()}) == 1


def build_page(conv: Converter, blocks: dict[int, RenderedBlock], built: Sequence[str],
               title_rule: ConvRule | None = None, missing_groups: Sequence[str] = (),
               review: str = "") -> str:
    """Markdown of the 用词对照 page for *conv*'s variant (call after the whole article is converted).

    *missing_groups*: conversion groups the article asks for but the build lacks (named on the
    page); *review*: the rule-hit review section (review.py), appended at the end.
    """
    v = conv.variant
    built = list(dict.fromkeys(built))
    head = [_t("origin", v), *(f"{NAMES[b]['hant' if is_traditional(b) else 'hans']}<br>`{b}`" for b in built), _t("hits", v)]
    lines = [escape.text(_t("intro", v)), ""]
    hits = Counter(h.rule for h in conv.hits)
    seen: set[tuple] = set()
    rows = []
    dagger = False
    for rule, origin in conv.rules_seen:
        key = (tuple(sorted(rule.entries.items())), tuple(rule.oneway), rule.flags, rule.body if not rule.has_entries else "")
        if key in seen:
            continue
        seen.add(key)
        cells = rule_row(rule, built, conv)
        dagger = dagger or any(c.endswith("†") for c in cells)
        if is_protective(rule) and not hits.get(origin):
            n = conv.matches.get(origin, 0)
            count = _t("protective", v) + (f"（{_t('kept', v).format(n=n)}）" if n else "")
        else:
            count = str(hits.get(origin, 0))
        rows.append([escape.text(display_origin(origin, v)), *cells, count])
    if title_rule is not None and title_rule.entries:
        cells = [escape.text(title_rule.entries.get("zh", "—") if b == "zh" else (pick(title_rule.entries, b) or "—"))
                 for b in built]
        rows.insert(0, [_t("title", v), *cells, "—"])
    if rows:
        lines += [f"## {_t('rules', v)}", "", _row(head), _row(["---"] * len(head)), *(_row(r) for r in rows), ""]
    uses: Counter[tuple] = Counter()
    first_block: dict[tuple, RenderedBlock] = {}
    for bid, _shown in conv.maps_seen:
        b = blocks.get(bid)
        if b is None:
            continue
        key = tuple(sorted(b.entries.items())) + tuple(b.oneway)
        uses[key] += 1
        first_block.setdefault(key, b)
    if first_block:
        mhead = [_t("origin", v), *head[1:-1], _t("uses", v)]
        lines += [f"## {_t('maps', v)}", "", _row(mhead), _row(["---"] * len(mhead))]
        for key, b in first_block.items():
            cells = []
            for bv in built:
                text = pick(b.entries, bv) if bv != "zh" else b.entries.get("zh", pick(b.entries, "zh"))
                if text is None:
                    text = next((t for _s, ov, t in b.oneway if ov == bv), None)
                cells.append(conv._walk_str(text, "raw").replace(M.VARIANT, bv) if text is not None else "—")
            origin = _t("inline_map", v) if b.line else _t("template", v)
            lines.append(_row([escape.text(origin), *(_cell(c) for c in cells), str(uses[key])]))
        lines.append("")
    if not rows and not first_block:
        lines += [_t("none", v), ""]
    for g in missing_groups:
        lines += [escape.text(_t("missing_group", v).format(g=g)), ""]
    if dagger:
        lines += [escape.text(_t("dagger", v)), ""]
    if review:
        lines += [review, ""]
    return "\n".join(lines)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def page_title(variant: str) -> str:
    """The page's nav label in the variant's script."""
    return _t("page", variant)
