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


def test_rp_pages_backlinks_and_print_urls_leave_the_indexed_text() -> None:
    html = ('<p>的警察<sup id="fnref:59"><a class="footnote-ref" href="#fn:59">59</a></sup><sup class="rp">:11</sup>。</p>'
            '<li id="fn:59"><p><span class="cite-backlinks"><span class="cite-caret">^</span> '
            '<a class="footnote-backref cite-backref" href="#fnref:59">a</a> '
            '<a class="footnote-backref cite-backref" href="#fnref2:59">b</a></span> '
            '<a class="cite-title" href="http://e.org/x">书名</a><span class="print-url"> http://e.org/x</span>.</p></li>')
    html += ('<p class="wiki-note" id="note-2"><a class="note-back footnote-backref cite-backref" '
             'href="index.html#noteref-2" title="返回正文">&#94;</a> <span class="note-label">&#91;注2&#93;</span> '
             '<span class="note-text">入朝。</span></p>')
    out = search.without_markers(html)
    assert "的警察。" in out and "书名" in out and "&#91;注2&#93;" in out and "入朝。" in out
    assert "&#94;" not in out
    assert ":11" not in out and "^" not in out and ">a<" not in out and "http://e.org/x</span>" not in out


def test_alt_field_has_the_other_variants_words_in_the_own_script() -> None:
    tw = _conv("zh-tw")
    # zh-tw text 北韓 (a page rule's word): 朝鲜 from zh-cn, and 朝鮮 typed in Traditional
    state = search.snapshot()
    try:
        search.learn_words("<p>北韓軍隊後撤</p>", _conv("zh-cn").convert_run)  # as the plugin does per page
        alt = search.alt_text("北韓\u200b軍隊", _conv("zh-cn").convert_run,
                              lambda w: tw.convert_run(w, rules=False)).split("\u200b")
    finally:
        search.restore(state)
    assert "朝鲜" in alt and "朝鮮" in alt
    cn = _conv("zh-cn")
    alt = search.alt_text("朝鲜\u200b军队", tw.convert_run, lambda w: cn.convert_run(w, rules=False)).split("\u200b")
    assert "北韓" in alt  # (the zh-cn base table itself writes 北韓 as 朝鲜, so no 北韩 is added)


def test_the_worker_fix_lets_the_segmenting_loop_reach_the_runs_end(tmp_path) -> None:
    workers = tmp_path / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    loop = "for(let s=0;s<t.length;s++)for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);"
    (workers / "search.abc.min.js").write_text("x;" + loop + "y;", encoding="utf-8")
    assert search.fix_worker(tmp_path) == [workers / "search.abc.min.js"]
    fixed = (workers / "search.abc.min.js").read_text(encoding="utf-8")
    assert fixed == "x;" + loop.replace("o<t.length", "o<=t.length") + "y;"
    assert search.fix_worker(tmp_path) == []  # already fixed: nothing to change
