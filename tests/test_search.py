"""search.py (issue 13): Traditional words learnt from the article, sub-words and the other variant's words."""

from __future__ import annotations

import jieba

from zhwiki import pipeline, search
from zhwiki.conversion.engine import Converter  # noqa: F401  (the type of the converters below)

SRC = "导言。\n== 谈判 ==\n签署停战协定，战线大致恢复。-{H|zh-hans:朝鲜;zh-hant:北韓;}-朝鲜军队后撤。\n"


def _conv(variant: str):
    return pipeline.convert_edition(pipeline.analyse(SRC, pipeline.Options(title="t")), variant).converter


def test_traditional_words_are_learnt_then_forgotten() -> None:
    state = search.snapshot()
    try:
        assert "發動" not in list(jieba.cut("隨後發動", HMM=False))
        added = search.learn_words("<p>隨後發動攻勢，戰線恢復。</p>", _conv("zh-cn").convert_run)
        assert "發動" in added and "恢復" in added
        assert list(jieba.cut("隨後發動", HMM=False)) == ["隨後", "發動"]
    finally:
        search.restore(state)
    assert jieba.dt.FREQ.get("發動", 0) == 0


def test_alt_field_has_sub_words_and_the_other_variants_words() -> None:
    alt = search.alt_text("签署\u200b停战协定\u200b朝鲜\u200b军队", _conv("zh-tw").convert_run).split("\u200b")
    assert "协定" in alt and "停战" in alt  # inside 停战协定
    assert "北韓" in alt and "停戰協定" in alt  # the zh-tw words
    assert "签署" not in alt  # the own tokens are in the text already


def test_footnote_markers_leave_the_indexed_text() -> None:
    html = ('<p>后撤。<sup id="fnref:a"><a class="footnote-ref" href="#fn:a">41</a></sup>'
            '<sup id="fnref:b"><a class="footnote-ref" href="#fn:b">42</a></sup></p>')
    assert search.without_markers(html) == "<p>后撤。</p>"
