"""Issue 12 §4: every rule hit is listed with its context; suspicious hits are flagged."""

from __future__ import annotations

import re

from zhwiki import pipeline
from zhwiki.conversion.engine import RuleHit
from zhwiki.views.edition import convert_edition
from zhwiki.views.review import clean, display_origin, flags, source_names

NOTE = "{{noteTA|G1=Military|1=zh-cn:朝鲜; zh-tw:北韓;|2=zh-hans:朝鲜半岛; zh-hant:朝鮮半島;|3=zh-cn:韩国; zh-tw:南韓;}}\n"


def _edition(src: str, variant: str) -> pipeline.VariantEdition:
    opts = pipeline.Options(title="测试")
    art = pipeline.analyse(src, opts)
    return convert_edition(art, variant, opts)


def _glossary(ed: pipeline.VariantEdition) -> str:
    return next(p.markdown for p in ed.pages if p.path == "glossary.md")


def test_repeat_is_flagged() -> None:
    f = flags(RuleHit("朝鲜", "北韓", "noteTA 1", "促请北", "当局即将"))
    assert [(x.kind, x.word) for x in f] == [("repeat", "北北韓")]
    f = flags(RuleHit("朝鲜", "北韓", "noteTA 1", "", "北部"))  # no repeat of 北 after the output
    assert all(x.kind != "repeat" for x in f)
    assert flags(RuleHit("朝鲜", "北韓", "noteTA 1", "进入", "境内")) == []


def test_word_cut_by_jieba_and_by_article_names() -> None:
    f = flags(RuleHit("朝鲜", "北韓", "noteTA 1", "彭德怀", "语翻译的"))
    assert [(x.kind, x.word) for x in f] == [("cut", "朝鲜语")]
    names = source_names("与[[韩国光复军|光复军]]和{{about|甲|乙|朝鮮之役}}")
    assert {"韩国光复军", "朝鲜之役"} <= names
    f = flags(RuleHit("韩国", "南韓", "noteTA 3", "出身自", "光复军。"), names)
    assert [(x.kind, x.word) for x in f] == [("cut", "韩国光复军")]
    f = flags(RuleHit("朝鮮", "北韓", "noteTA 1", "请见「", "之役」"), names)
    assert [(x.kind, x.word) for x in f] == [("cut", "朝鮮之役")]


def test_context_is_cleaned_for_readers() -> None:
    assert clean("[朝韩\x1e非军事区\n建立") == "朝韩 非军事区 建立"
    assert display_origin("-{…}- 第26行", "zh-cn") == "行内规则"
    assert display_origin("override 2", "zh-tw") == "編者規則 2"


def test_glossary_lists_hits_with_context_and_flags() -> None:
    src = NOTE + "== 经过 ==\n联合国要求北朝鲜部队撤回，朝鲜半岛南部的韩国军队后退。\n"
    ed = _edition(src, "zh-tw")
    g = _glossary(ed)
    assert "## 規則改寫之處" in g
    assert "### ⚠ 可疑之處" in g and "北北韓" in g
    assert '??? note "noteTA 1：朝鲜 → 北韓（1 處）"' in g
    assert '??? note "noteTA 3：韩国 → 南韓（1 處）"' in g
    # source and each built variant, with the page linked
    assert "要求北【朝鲜】部队撤回" in g and "要求北【北韓】部隊撤回" in g
    assert 'href="s01.html#:~:text=' in g
    # protective rule labelled, missing group named, no source line numbers anywhere
    assert "| noteTA 2 | 朝鲜半岛 | 朝鮮半島 | 保護規則（1 處） |" in g
    assert "「Military」" in g
    assert not re.search(r"第\d+行|line \d+", g)
    # zh-cn: the rules write what the base table writes, so no place is listed
    assert "本版没有被规则改写的词语。" in _glossary(_edition(src, "zh-cn"))


def test_suspicious_hits_reach_the_build_summary() -> None:
    src = NOTE + "促请北朝鲜当局。\n"
    opts = pipeline.Options(title="测试")
    art = pipeline.analyse(src, opts)
    convert_edition(art, "zh-tw", opts)
    msgs = [str(d) for d in art.diag.defects if d.kind == "suspicious rule hit"]
    assert len(msgs) == 1 and "北北韓" in msgs[0] and "noteTA 1" in msgs[0]


def test_contexts_read_as_plain_sentences_without_footnote_markers() -> None:
    """用词对照's contexts showed ``^61``, ``:27`` (a page after the marker), ``&amp;#`` (a [注1] cut at the
    edge), ``###`` and table pipes: each context reads as the sentence a reader sees, markers left out."""
    src = (NOTE + "== 经过 ==\n"
           "苏联向朝鲜提供支持<ref>甲书。</ref>。乙方求援<ref>乙书。</ref>{{rp|27}}。朝鲜随后撤退。其后韩国军队后退。\n"
           "部队返回朝鲜加入人民军。{{NoteTag|注释甲。}}其后又有部队返回。\n"
           "=== 朝鲜与中国 ===\n"
           "{| class=\"wikitable\"\n! 甲 !! 乙\n|-\n| 韩国 || 朝鲜\n|}\n"
           "{{notelist}}\n== 参考文献 ==\n{{reflist}}\n")
    g = _glossary(_edition(src, "zh-tw"))
    contexts = re.findall(r"\| ([^|]*【[^|]*) \|", g)
    assert contexts, g
    for c in contexts:
        assert not re.search(r"\^|&#94;|&amp;|&#|\[|\]|注\d|:\d|#|&#124;|!!!", c), c
    assert "苏联向【朝鲜】提供支持。乙" in contexts, contexts  # the marker between 支持 and 。 left out
    assert any(c.startswith("。【") and "撤退" in c for c in contexts), contexts  # ``…2]:27。`` cut, page left out
    # on its own: markers whole or cut at either edge, the rp page after a marker, block markup
    assert clean("^61]。其后") == "。其后" and clean("提供支持[^6") == "提供支持"
    assert clean("请求援助[^64]\x1e:27\x1e。朝鲜") == "请求援助 。朝鲜"
    assert clean("人民军。\x1e\x1e&#91;注1&#93;\x1e其后") == "人民军。 其后" and clean("人民军。\x1e&#") == "人民军。"
    assert clean("91;注1&#93;\x1e其后") == "其后"
    assert clean("问题\n\n### ") == "问题" and clean("\x1e• 古巴\x1e | [") == "• 古巴"
    assert clean("与中国 \x1e\n\n!!! note") == "与中国" and clean("变更\n:   • [") == "变更 •"
