"""The PDF step's speed fixes change no byte: pydyf's page references read once per page count (pdf.py)."""

from __future__ import annotations

import pytest

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
