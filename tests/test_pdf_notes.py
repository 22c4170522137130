"""outputs/pdf_notes.py on small print pages: each source once, at its first marker, with its web number."""

from __future__ import annotations

import re

from lxml import html as lxml_html

from zhwiki.outputs.pdf_notes import LABELS, page_footnotes


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


def test_first_marker_gets_the_footnote_later_ones_link_to_it() -> None:
    body = (f'<section id="print-s01"><p>正文{_marker("s01", "2", "2")}在前，再引{_marker("s01", "1", "1")}。</p></section>'
            f'<section id="print-s02"><p>又引{_marker("s02", "1", "1", 2)}与{_marker("s02", "3", "3")}。</p></section>')
    out, placed = page_footnotes(_doc(body, REFS), "hans")
    assert placed == 3
    for text in ("甲书", "乙报", "第二段", "丙刊", "https://c.example/", "无人引用的丁书", "书目甲"):
        assert _count(out, text) == 1, text
    # Source 2 is cited first: its footnote follows that marker, numbered as on the web, in one inline run.
    assert re.search(r'>2</a></sup><span class="print-fn" id="ref-2"><span class="print-fn-no">2</span> '
                     r'<span>乙报</span><span>第二段</span></span>在前', out), out
    first = out.index('id="ref-1"')
    assert out.index("再引") < first < out.index("又引")
    assert out.count('href="#ref-1"') == 3  # both markers and the index entry point at the one footnote
    # The list keeps the source no marker cites, with its own number; the others become an index of pages.
    index = out[out.index('class="print-fn-index"'):]
    assert re.findall(r'<li value="(\d+)"><a href="#ref-(\d+)"></a></li>', index) == [("1", "1"), ("2", "2"), ("3", "3")]
    assert '<li value="4">无人引用的丁书</li>' in out
    assert LABELS["hans"]["footnote_index"] in out


def test_a_marker_in_a_table_or_infobox_prints_its_source_after_it() -> None:
    body = ('<div class="infobox"><table><tr><td>兵力' + _marker("index", "1", "1") + '</td></tr></table>'
            '<dl><dd>日期' + _marker("index", "2", "2") + '</dd></dl></div><p>导言' + _marker("index", "3", "3") + '。</p>')
    out, placed = page_footnotes(_doc(body, REFS), "hant")
    assert placed == 3
    notes = re.search(r'</div><div class="print-table-notes">(.*?)</div><p>导言', out, re.S)
    assert notes, out
    assert re.findall(r'<span class="print-table-note" id="ref-(\d+)"><span class="print-fn-no">(\d+)</span>', notes.group(1)) == [
        ("1", "1"), ("2", "2")]
    assert '<span class="print-fn" id="ref-3">' in out
    assert LABELS["hant"]["footnote_index"] in out
    for text in ("甲书", "乙报", "丙刊"):
        assert _count(out, text) == 1, text


def test_pages_without_a_list_or_without_markers_are_unchanged() -> None:
    plain = '<!DOCTYPE html><html><body><p>正文<sup><a class="footnote-ref" href="#ref-1">1</a></sup></p></body></html>'
    assert page_footnotes(plain, "hans") == (plain, 0)
    uncited = _doc("<p>无注</p>", REFS)
    assert page_footnotes(uncited, "hans") == (uncited, 0)


def test_same_input_same_output() -> None:
    doc = _doc(f'<p>甲{_marker("s01", "1", "1")}乙{_marker("s01", "3", "3")}</p>', REFS)
    assert page_footnotes(doc, "hans") == page_footnotes(doc, "hans")
