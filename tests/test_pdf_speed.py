"""The PDF step's speed work (issue 14): pydyf's page references read once per page count (no byte changes),
links paper cannot follow printed as text, the 简繁对照 references printed once, the print fonts' coverage kept."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

pydyf = pytest.importorskip("pydyf")

from zhwiki.outputs import pdf as pdfstep  # noqa: E402
from zhwiki.outputs import pdf_parallel  # noqa: E402


def _pdf_with_pages(n: int):  # noqa: ANN202 (pydyf.PDF)
    pdf = pydyf.PDF()
    for _ in range(n):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    return pdf


def test_page_references_are_the_same_and_follow_added_pages() -> None:
    plain = _pdf_with_pages(3)
    expected = tuple(f"{n} 0 R".encode() for n in plain.pages["Kids"][::3])
    assert pdfstep.cache_page_references() is True
    assert pdfstep.cache_page_references() is True  # a second call patches nothing more
    pdf = _pdf_with_pages(3)
    first = pdf.page_references
    assert first == expected and pdf.page_references is first  # read once, then the same tuple
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert len(pdf.page_references) == 4 and pdf.page_references[:3] == expected
    other = _pdf_with_pages(2)
    assert other.page_references == expected[:2]  # one cache per PDF


def test_list_numbers_from_start_and_value_print(tmp_path: Path) -> None:
    """A list item of the 简繁对照 view keeps its number on paper (it printed as 1. before)."""
    weasyprint = pytest.importorskip("weasyprint")

    # The last list is a section's sources in the 简繁对照 view: its place in the section, then each source's web number.
    doc = ('<ol start="59"><li>甲</li></ol><ol><li value="7">乙</li><li>丙</li></ol><ol start="x"><li>丁</li></ol>'
           '<ol start="12"><li id="s07--fn:200" value="200">戊</li></ol>')
    paper = pdfstep.list_numbers(doc)
    assert "start=" not in paper.replace('start="x"', "") and "value=" not in paper
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext missing")
    texts = []
    for html in (doc, paper):
        out = tmp_path / f"{len(texts)}.pdf"
        weasyprint.HTML(string=f'<html lang="zh"><body>{html}</body></html>').write_pdf(out)
        texts.append(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout)
    numbers = [[int(n) for n in re.findall(r"(\d+)\.", t)] for t in texts]
    assert numbers[1] == [59, 7, 8, 1, 200]
    assert numbers[0] != numbers[1]  # WeasyPrint alone (no presentational hints) numbers them 1, 1, 2, 1, 1


def test_merged_tables_leave_the_two_column_table_of_pairs() -> None:
    """A merged table (div.lc-both) of the 简繁对照 view takes the page's width on paper; the pairs keep their order."""
    doc = ('<html><body><div class="lc-pairs"><div class="lc-pair" data-u="1">甲</div>\n'
           '<div class="lc-pair lc-kind-table"><div class="lc-both"><table><thead><tr><th>乙</th></tr></thead>'
           '<tbody><tr><td><table><tr><td>丙</td></tr></table></td></tr></tbody></table></div></div>\n'
           '<div class="lc-pair">丁</div>\n<div class="lc-pair">戊</div></div>'
           '<div class="lc-pairs"><div class="lc-pair"><div class="lc-both"><table><tr><td>己</td></tr></table></div></div></div>'
           '</body></html>')
    out = pdf_parallel.paper_parallel(doc)
    body = lxml_html.document_fromstring(out).body
    shape = [(el.get("class"), re.sub(r"\s+", "", el.text_content())) for el in body]
    assert shape == [("lc-pairs", "甲"), ("lc-both", "乙丙"), ("lc-pairs", "丁戊"), ("lc-both", "己")]
    assert not body.xpath('//div[@class="lc-pairs"]//div[@class="lc-both"]')
    assert pdf_parallel.paper_parallel("<p>无表</p>") == "<p>无表</p>"
    assert out.count('class="lc-both"') == 2


def test_paper_links_keep_only_links_paper_can_follow() -> None:
    """On paper a link to another article is its text (760 of them cost 2.6 CPU s per variant); a link whose
    address is printed after it, one inside the document and one with a class or title stay links."""
    doc = ('<p><a href="https://zh.wikipedia.org/zh-cn/%E6%B1%89%E5%9F%8E">汉城</a>与<a href="../zh-cn/x.html">别页</a>，'
           '<a href="https://b.example/">网站</a><span class="print-url"> https://b.example/</span>，'
           '<a href="#print-s03">第3章</a>，<a class="external" href="https://c.example/">外链</a>，'
           '<a href="https://d.example/" title="图">图</a><sup><a class="footnote-ref" href="#ref-1">1</a></sup></p>')
    out = pdfstep.paper_links(doc + '<a class="lc-back lc-back-l" href="../zh-cn/index.html" lang="zh-Hans-CN">大陆简体：导言</a>')
    assert out.endswith('<a class="lc-back lc-back-l" lang="zh-Hans-CN">大陆简体：导言</a>')  # a site file: no file:// path
    out = out[:out.index("<a class=\"lc-back")]
    assert out == ('<p>汉城与别页，<a href="https://b.example/">网站</a><span class="print-url"> https://b.example/</span>，'
                   '<a href="#print-s03">第3章</a>，<a class="external" href="https://c.example/">外链</a>，'
                   '<a href="https://d.example/" title="图">图</a><sup><a class="footnote-ref" href="#ref-1">1</a></sup></p>')


def _pair(ctx: str, left: str, right: str) -> str:
    return (f'<div class="lc-pair lc-kind-li" data-ctx="{ctx}"><div class="lc-col lc-l" lang="zh-Hans-CN">{left}</div>'
            f'<div class="lc-col lc-r" lang="zh-Hant-TW">{right}</div></div>')


def _notes(section: str, numbers: list[int]) -> str:
    return "".join(_pair("footnote ol", f'<ol start="{n}"><li id="{section}--fn:{n}" value="{n}">来源{n}<mark class="lc-vocab">词</mark></li></ol>',
                         f'<ol start="{n}"><li value="{n}">來源{n}</li></ol>') for n in numbers)


def _marker(section: str, n: int) -> str:
    return f'<sup><a class="footnote-ref" href="#{section}--fn:{n}">{n}</a></sup>'


def test_parallel_sources_print_once_at_the_first_section_citing_them() -> None:
    """The 简繁对照 PDF printed each source four times (after each section and in 参考文献, both scripts): now
    once, after the first section citing it, in the left column's script, two to a row; a later marker points
    at that entry, and 参考文献 keeps only what no section printed, after a note."""
    head = ('<div class="lc-head"><a class="lc-back lc-back-l" href="#">大陆简体：一</a>'
            '<a class="lc-back lc-back-r" href="#">臺灣正體：一</a></div>')

    def section(sid: str, body: str) -> str:
        return f'<section id="print-{sid}"><div class="lc-parallel">{head}<div class="lc-pairs">{body}</div></div></section>'

    refs = "".join(_pair("reference-list ol", f'<ol start="{n}"><li>来源{n}</li></ol>', f'<ol start="{n}"><li>來源{n}</li></ol>')
                   for n in range(1, 7))
    doc = ("<html><body>"
           + section("s01", _pair("", f"<p>甲{_marker('s01', 1)}{_marker('s01', 2)}{_marker('s01', 3)}</p>", "<p>甲</p>") + _notes("s01", [1, 2, 3])
                     + _pair("page-notes wiki-notes", '<p class="wiki-note">注一</p>', '<p class="wiki-note">註一</p>'))
           + section("s02", _pair("", f"<p>乙{_marker('s02', 2)}{_marker('s02', 4)}</p>", "<p>乙</p>") + _notes("s02", [2, 4]))
           + section("references", _pair("", "<h2>引用</h2>", "<h2>引用</h2>") + refs + _pair("ul", "<ul><li>书目</li></ul>", "<ul><li>書目</li></ul>"))
           + "</body></html>")
    out = pdf_parallel.paper_parallel(doc)
    body = lxml_html.document_fromstring(out).body
    text = re.sub(r"\s+", "", body.text_content())
    assert "來源" not in text and [int(n) for n in re.findall(r"来源(\d)", text)] == [1, 2, 3, 4, 5, 6]
    for kept in ("注一", "註一", "书目", "書目", "甲", "乙"):  # content notes, the bibliography and the text stay pairs
        assert kept in text, kept
    onces = body.xpath('//div[contains(@class, "lc-once")]')
    rows = [[[re.sub(r"\s+", "", c.text_content()) for c in row] for row in t] for t in onces]
    assert rows == [[["来源1词", "来源2词"], ["来源3词"]], [["来源4词"]], [["来源5", "来源6"]]]
    assert not body.xpath('//div[contains(@class, "lc-once")]//mark')
    # Section 2's marker of source 2 points at the entry printed after section 1.
    assert body.xpath('//section[@id="print-s02"]//a[@class="footnote-ref"]/@href') == ["#s01--fn:2", "#s02--fn:4"]
    ids = set(body.xpath("//@id"))
    assert all(h[1:] in ids for h in body.xpath('//a[@class="footnote-ref"]/@href'))
    notes = [(next(n.iterancestors("section")).get("id"), n.text) for n in body.xpath('//p[@class="lc-once-note"]')]
    assert [sid for sid, _ in notes] == ["print-s01", "print-references"]
    assert "大陆简体" in notes[0][1] and "臺灣正體" in notes[0][1]
    assert pdf_parallel.sources_once(lxml_html.document_fromstring("<p>无</p>")) == 0


def test_font_coverage_is_kept_per_font_set(tmp_path: Path) -> None:
    """The character maps are read once per set of print fonts; a changed set is read again."""
    fonts = sorted(Path("/usr/share/fonts/truetype/dejavu").glob("DejaVuSans*.ttf"))[:2]
    if len(fonts) < 2:
        pytest.skip("fonts-dejavu-core missing")
    first = pdfstep.covered_codepoints(fonts[:1], cache_dir=tmp_path)
    assert first == pdfstep.covered_codepoints(fonts[:1]) and ord("A") in first
    [kept] = tmp_path.glob("coverage-*.u32")
    assert pdfstep.covered_codepoints(fonts[:1], cache_dir=tmp_path) == first
    both = pdfstep.covered_codepoints(fonts, cache_dir=tmp_path)
    assert both == pdfstep.covered_codepoints(fonts) and len(list(tmp_path.glob("coverage-*.u32"))) == 2
    kept.write_bytes(b"")  # the kept set is what is read
    assert pdfstep.covered_codepoints(fonts[:1], cache_dir=tmp_path) == set()
