"""references.py + the reference templates: two-pass resolution, ids, notes (quirks Q5–Q10)."""

from __future__ import annotations

import re

from zhwiki import pipeline
from zhwiki.views.edition import convert_edition


def build(src: str, variant: str = "zh-cn") -> tuple[pipeline.Article, dict[str, str]]:
    article = pipeline.analyse(src, pipeline.Options(title="测试"))
    ed = convert_edition(article, variant)
    return article, {p.path: p.markdown for p in ed.pages}


def test_named_ref_used_before_its_definition_shares_one_footnote() -> None:
    src = "甲<ref name=a/>乙<ref name=\"a\">来源甲</ref>丙<ref name = a />"
    art, pages = build(src)
    md = pages["index.md"]
    assert md.count("[^1]") == 4  # three markers + one definition
    assert "[^1]: 来源甲" in md
    assert len(art.refs.footnotes) == 1


def test_definition_in_another_section_is_emitted_on_every_page_that_cites_it() -> None:
    src = "导言<ref name=x>定义</ref>\n== 一 ==\n引用<ref name=x/>\n== 二 ==\n无"
    _, pages = build(src)
    assert "[^1]: 定义" in pages["index.md"] and "[^1]: 定义" in pages["s01.md"]
    assert "[^1]" not in pages["s02.md"]


def test_list_defined_refs_and_r_template_with_pages() -> None:
    src = ("正文{{r|甲|乙|page=12}}。\n== 参考文献 ==\n{{reflist|refs=\n<ref name=\"甲\">书甲</ref>\n"
           "<ref name=\"乙\">书乙</ref>\n}}")
    _, pages = build(src)
    md = pages["index.md"]
    assert re.search(r"\[\^1\]\[\^2\]<sup class=\"rp\">:12</sup>", md)
    assert "[^1]: 书甲" in md and "[^2]: 书乙" in md
    assert "书甲" in pages["references.md"] and "书乙" in pages["references.md"]


def test_undefined_ref_gets_a_visible_placeholder_and_shifts_nothing() -> None:
    src = "一<ref>来源一</ref>二<ref name=缺/>三<ref>来源三</ref>"
    art, pages = build(src)
    md = pages["index.md"]
    assert "来源缺失（缺）" in md
    # Numbered by first citation, as Cite does: the missing source is the second cited.
    assert "[^1]: 来源一" in md and "[^3]: 来源三" in md and "二[^2]" in md
    assert any(d.kind == "undefined ref" and d.line == 1 for d in art.diag.defects)


def test_same_name_two_contents_keeps_the_first_and_warns() -> None:
    art, pages = build("一<ref name=a>甲</ref>二<ref name=a>乙</ref>")
    assert "[^1]: 甲" in pages["index.md"] and "乙" not in pages["index.md"]
    assert any(d.kind == "ref conflict" for d in art.diag.defects)


def test_identical_sfn_calls_merge() -> None:
    _, pages = build("一{{sfn|Stokesbury|1990|p=67}}二{{sfn|Stokesbury|1990|p=67}}三{{sfn|Zhang|1995|p=257}}")
    md = pages["index.md"]
    assert md.count("[^1]") == 3 and "[^1]: Stokesbury 1990，第67页" in md
    assert "[^2]: Zhang 1995，第257页" in md


def test_notes_are_their_own_series_and_their_refs_are_footnotes() -> None:
    src = ("甲{{noteTag|说明一<ref name=s>出处</ref>}}乙{{noteTag|说明二{{r|s}}}}丙<ref>普通</ref>\n"
           "== 注释 ==\n{{NoteFoot}}")
    art, pages = build(src)
    md = pages["index.md"]
    assert "&#91;注1&#93;" in md and "&#91;注2&#93;" in md
    assert "[^1]: 出处" in md and "[^2]: 普通" in md
    assert len(art.refs.notes) == 2
    notes_page = pages["notes.md"]
    assert "说明一" in notes_page and "说明二" in notes_page and "[^1]: 出处" in notes_page


def test_footnote_ids_are_stable_ascii_in_both_variants() -> None:
    src = "一<ref name=\"朝鲜\">来源</ref>二<ref name=朝鲜/>"
    _, cn = build(src, "zh-cn")
    _, tw = build(src, "zh-tw")
    ids_cn = re.findall(r"\[\^([^\]]+)\]", cn["index.md"])
    ids_tw = re.findall(r"\[\^([^\]]+)\]", tw["index.md"])
    assert ids_cn == ids_tw and all(i.isascii() for i in ids_cn)


def test_title_is_guessed_from_the_lead_when_not_configured() -> None:
    src = "{{Infobox|name='''不是这个'''}}\n'''-{zh-hans:勾股定理;zh-hant:畢氏定理}-'''，又称[[毕达哥拉斯|毕氏]]定理。\n== 证明 ==\n"
    assert pipeline.guess_title(src) == "勾股定理"
    assert pipeline.guess_title("'''[[静夜思|静夜思]]'''是李白的诗。") == "静夜思"
    assert pipeline.guess_title("没有粗体。") == ""
