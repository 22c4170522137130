"""outputs/pdf_notes.py on small print pages: each source once, at the end of its first marker's chapter, with its web number."""

from __future__ import annotations

import re

from lxml import html as lxml_html

from zhwiki.outputs.pdf_notes import LABELS, chapter_notes


def _marker(section: str, sid: str, n: str, k: int = 1) -> str:
    return f'<sup id="{section}--fnref{k if k > 1 else ""}:{sid}"><a class="footnote-ref" href="#ref-{sid}">{n}</a></sup>'


def _doc(body: str, refs: str) -> str:
    return (f'<!DOCTYPE html><html lang="zh-Hans-CN"><body><div class="print-page">{body}'
            f'<section class="print-section" id="print-references"><h1>参考文献</h1>'
            f'<div class="reference-list"><ol>{refs}</ol></div><ul><li>书目甲</li></ul></section></div></body></html>')


REFS = ('<li id="ref-1">甲书，第1页。</li><li id="ref-2"><p>乙报</p><p>第二段</p></li>'
        '<li id="ref-3">丙刊 <a href="https://c.example/">网页</a><span class="print-url"> https://c.example/</span></li>'
        '<li>无人引用的丁书</li>')


def _count(doc: str, text: str) -> int:
    return lxml_html.document_fromstring(doc).text_content().count(text)


def _chapter(sid: str, body: str) -> str:
    return f'<section class="print-section" id="print-{sid}"><h1>{sid}</h1>{body}</section>'


def _notes_of(out: str, sid: str) -> list[tuple[str, str]]:
    """(id, value) of the notes printed at the end of chapter *sid*."""
    chapter = lxml_html.document_fromstring(out).xpath(f'//section[@id="print-{sid}"]')[0]
    box = chapter[-1]
    assert box.get("class") == "print-chapter-notes", lxml_html.tostring(chapter)
    return [(li.get("id"), li.get("value")) for li in box.xpath('./ol[@class="print-notes"]/li')]


def test_each_source_prints_once_at_the_end_of_its_first_chapter() -> None:
    body = (_chapter("s01", f'<p>正文{_marker("s01", "2", "2")}在前，再引{_marker("s01", "1", "1")}。</p>')
            + _chapter("s02", f'<p>又引{_marker("s02", "1", "1", 2)}与{_marker("s02", "3", "3")}。</p>'))
    out, placed = chapter_notes(_doc(body, REFS), "hans")
    assert placed == 3
    for text in ("甲书", "乙报", "第二段", "丙刊", "https://c.example/", "无人引用的丁书", "书目甲"):
        assert _count(out, text) == 1, text
    # Chapter 1 cites 2 then 1: its notes list them in number order, after its text; chapter 2 only its new source 3.
    assert _notes_of(out, "s01") == [("ref-1", "1"), ("ref-2", "2")]
    assert _notes_of(out, "s02") == [("ref-3", "3")]
    assert LABELS["hans"]["chapter_notes"] in out
    # A source's paragraphs stay paragraphs; its link is text, its printed address stays.
    assert re.search(r'<li id="ref-2" value="2"><p>乙报</p><p>第二段</p></li>', out), out
    assert '<li id="ref-3" value="3">丙刊 网页 https://c.example/</li>' in out
    assert out.count('href="#ref-1"') == 3  # both markers and the index entry point at the one entry
    # The list keeps the source no marker cites, with its own number; the others become an index of pages.
    index = out[out.index('class="print-fn-index"'):]
    assert re.findall(r'<li><span class="print-fn-index-no">(\d+)\.</span><a href="#ref-(\d+)"></a></li>', index) == [
        ("1", "1"), ("2", "2"), ("3", "3")]
    assert '<li value="4">无人引用的丁书</li>' in out
    assert LABELS["hans"]["footnote_index"] in out


def test_a_marker_in_a_table_or_infobox_prints_its_source_at_the_chapter_end() -> None:
    body = _chapter("index", '<div class="infobox"><table><tr><td>兵力' + _marker("index", "1", "1") + '</td></tr></table>'
                    '<dl><dd>日期' + _marker("index", "2", "2") + '</dd></dl></div><p>导言' + _marker("index", "3", "3") + '。</p>')
    out, placed = chapter_notes(_doc(body, REFS), "hant")
    assert placed == 3
    assert _notes_of(out, "index") == [("ref-1", "1"), ("ref-2", "2"), ("ref-3", "3")]
    assert LABELS["hant"]["chapter_notes"] in out and LABELS["hant"]["footnote_index"] in out
    for text in ("甲书", "乙报", "丙刊"):
        assert _count(out, text) == 1, text


def test_a_marker_outside_every_chapter_prints_its_source_with_the_list() -> None:
    out, placed = chapter_notes(_doc(f'<p>封面{_marker("cover", "1", "1")}</p>', REFS), "hans")
    assert placed == 1
    assert _notes_of(out, "references") == [("ref-1", "1")]
    assert _count(out, "甲书") == 1


def test_pages_without_a_list_or_without_markers_are_unchanged() -> None:
    plain = '<!DOCTYPE html><html><body><p>正文<sup><a class="footnote-ref" href="#ref-1">1</a></sup></p></body></html>'
    assert chapter_notes(plain, "hans") == (plain, 0)
    uncited = _doc("<p>无注</p>", REFS)
    assert chapter_notes(uncited, "hans") == (uncited, 0)


def test_same_input_same_output() -> None:
    doc = _doc(f'<p>甲{_marker("s01", "1", "1")}乙{_marker("s01", "3", "3")}</p>', REFS)
    assert chapter_notes(doc, "hans") == chapter_notes(doc, "hans")


def test_a_source_prints_as_text_keeping_what_prints_marks() -> None:
    """Links and the screen's spans of a source become its text (fewer inline boxes to break into lines); italics,
    quotations, line breaks and any span whose class is not known to be plain keep their elements, and no word is lost."""
    refs = ('<li id="ref-1"><span class="citation"><a class="cite-title" href="https://a.example/"><i>题名</i></a>'
            '<span class="print-url"> https://a.example/</span>. <q>引语</q><br>'
            '<span class="lang-label">（英语）</span><span class="cite-error">错</span>'
            '<span class="unknown-style">留</span> <a href="https://zh.wikipedia.org/wiki/X">条目</a></span></li>')
    out, placed = chapter_notes(_doc(_chapter("s01", f'<p>正文{_marker("s01", "1", "1")}。</p>'), refs), "hans")
    assert placed == 1
    li = lxml_html.document_fromstring(out).xpath('//li[@id="ref-1"]')[0]
    assert [el.tag for el in li.iter()] == ["li", "i", "q", "br", "span"]
    assert li.xpath("./span")[0].get("class") == "unknown-style"
    assert re.sub(r"\s+", "", li.text_content()) == "题名https://a.example/.引语（英语）错留条目"
