"""One number per source for the whole edition (issue 13): references.py numbering, footnotes.py display."""

from __future__ import annotations

import re

import markdown

from zhwiki import pipeline
from zhwiki.footnotes import backlink_label
from zhwiki.views.edition import convert_edition

SRC = (
    "导言甲<ref name=b>乙书</ref>，再引<ref name=a/>。\n"
    "== 一 ==\n"
    "正文<ref name=a>甲书</ref>又<ref name=b/>{{noteTag|说明<ref>丙书</ref>}}。\n"
    "== 二 ==\n"
    "再引甲<ref name=a/>与甲<ref name=a/>。\n"
    "== 注释 ==\n{{NoteFoot}}\n"
    "== 参考文献 ==\n{{reflist}}\n"
)


def _edition(variant: str) -> dict[str, str]:
    article = pipeline.analyse(SRC, pipeline.Options(title="测试"))
    return {p.path: p.markdown for p in convert_edition(article, variant).pages}


def _html(md_text: str) -> str:
    md = markdown.Markdown(extensions=["footnotes", "attr_list", "md_in_html", "zhwiki.footnotes"],
                           extension_configs={"footnotes": {"BACKLINK_TITLE": "返回正文"}})
    return md.convert(md_text)


def test_numbers_follow_first_citation_and_are_the_same_on_every_page_and_variant() -> None:
    cn, tw = _edition("zh-cn"), _edition("zh-tw")
    # 乙书 is cited first (in the lead), then 甲书 (named use before its definition), then 丙书 in the note.
    assert "[^1]: 乙书" in cn["index.md"] and "[^2]: 甲书" in cn["index.md"]
    assert "正文[^2]又[^1]" in cn["s01.md"] and "[^3]: 丙书" in cn["s01.md"]
    assert "再引甲[^2]与甲[^2]" in cn["s02.md"]
    for path in cn:
        assert re.findall(r"\[\^(\d+)\]", cn[path]) == re.findall(r"\[\^(\d+)\]", tw[path]), path


def test_reference_list_is_in_number_order_with_a_back_link_per_citing_place() -> None:
    refs = _edition("zh-cn")["references.md"]
    items = [ln for ln in refs.splitlines() if ln.startswith("1. ")]
    assert [i.rsplit("</span> ", 1)[-1] for i in items] == ["乙书", "甲书", "丙书"]
    # 甲书: lead once, 一 once, 二 twice → ^ a b c d, each to its own marker id.
    hrefs = re.findall(r"\]\(([^ )]+)", items[1])
    assert hrefs == ["index.md#fnref:2", "s01.md#fnref:2", "s02.md#fnref:2", "s02.md#fnref2:2"]
    assert [m for m in re.findall(r"\[([a-z]+)\]\(", items[1])] == ["a", "b", "c", "d"]
    html = _html(refs)
    assert "↩" not in html and "&#8617;" not in html


def test_page_footnotes_show_the_edition_number_and_labelled_back_links() -> None:
    html = _html(_edition("zh-cn")["s02.md"])
    assert re.findall(r'class="footnote-ref" href="#fn:2">(\d+)<', html) == ["2", "2"]
    item = re.search(r'<li id="fn:2" value="2">(.*?)</li>', html, re.S)
    assert item, html
    links = re.findall(r'<a class="footnote-backref cite-backref" href="([^"]+)"[^>]*>([^<]+)</a>', item.group(1))
    assert links == [("#fnref:2", "a"), ("#fnref2:2", "b")]
    assert "&#8617;" not in html and "&#160;" not in item.group(1)
    single = _html(_edition("zh-cn")["index.md"])
    assert re.search(r'<li id="fn:1" value="1">\s*<p><span class="cite-backlinks"><a [^>]*href="#fnref:1"[^>]*>\^</a>', single)


def test_note_labels_follow_the_variant() -> None:
    cn, tw = _edition("zh-cn"), _edition("zh-tw")
    assert "&#91;注1&#93;" in cn["s01.md"] and "&#91;注1&#93;" in cn["notes.md"]
    assert "&#91;註1&#93;" in tw["s01.md"] and "&#91;註1&#93;" in tw["notes.md"] and "注1" not in tw["s01.md"]
    assert tw["notes.md"].count("註") >= 1


def test_other_labels_are_left_to_the_footnotes_extension() -> None:
    html = _html("甲[^x]乙[^7]\n\n[^x]: 一\n[^7]: 二")
    assert 'href="#fn:x">1<' in html and 'href="#fn:7">7<' in html and 'value="7"' in html


def test_back_link_letters_continue_after_z() -> None:
    assert [backlink_label(k) for k in (0, 1, 25, 26, 27, 51, 52)] == ["a", "b", "z", "aa", "ab", "az", "ba"]
