"""The PDF step's speed fixes change no byte: pydyf's page references read once per page count (pdf.py)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

pydyf = pytest.importorskip("pydyf")

from zhwiki.outputs import pdf as pdfstep  # noqa: E402


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

    doc = '<ol start="59"><li>甲</li></ol><ol><li value="7">乙</li><li>丙</li></ol><ol start="x"><li>丁</li></ol>'
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
    assert numbers[1] == [59, 7, 8, 1]
    assert numbers[0] != numbers[1]  # WeasyPrint alone (no presentational hints) numbers them 1, 1, 2, 1


def test_merged_tables_leave_the_two_column_table_of_pairs() -> None:
    """A merged table (div.lc-both) of the 简繁对照 view takes the page's width on paper; the pairs keep their order."""
    doc = ('<html><body><div class="lc-pairs"><div class="lc-pair" data-u="1">甲</div>\n'
           '<div class="lc-pair lc-kind-table"><div class="lc-both"><table><thead><tr><th>乙</th></tr></thead>'
           '<tbody><tr><td><table><tr><td>丙</td></tr></table></td></tr></tbody></table></div></div>\n'
           '<div class="lc-pair">丁</div>\n<div class="lc-pair">戊</div></div>'
           '<div class="lc-pairs"><div class="lc-pair"><div class="lc-both"><table><tr><td>己</td></tr></table></div></div></div>'
           '</body></html>')
    out = pdfstep.full_width_tables(doc)
    body = lxml_html.document_fromstring(out).body
    shape = [(el.get("class"), re.sub(r"\s+", "", el.text_content())) for el in body]
    assert shape == [("lc-pairs", "甲"), ("lc-both", "乙丙"), ("lc-pairs", "丁戊"), ("lc-both", "己")]
    assert not body.xpath('//div[@class="lc-pairs"]//div[@class="lc-both"]')
    assert pdfstep.full_width_tables("<p>无表</p>") == "<p>无表</p>"
    assert pdfstep.paper_parallel(doc).count('class="lc-both"') == 2
