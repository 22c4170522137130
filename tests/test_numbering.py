"""Section numbers (issue 13): one numbering (numbering.py) for the nav, the page headings and
toc, both variants, the 简繁对照 view and the print page the PDFs are made from; anchor ids unchanged."""

from __future__ import annotations

import re
from pathlib import Path

from zhwiki.numbering import number_headings, number_pages

PAGES = [
    ("index.md", "lead", "lead text\n\n## 导言小节 { #index-1 }\n"),
    ("s01.md", "section", "text\n"),
    ("s02.md", "section",
     "### 先于二级 { #s02-1 }\n\n## 甲 { #s02-2 }\n\n### 甲一 { #s02-3 }\n\n#### 甲一子 { #s02-4 }\n\n"
     "### 甲二 { #s02-5 }\n\n## 乙 { #s02-6 }\n\n### 乙一 { #s02-7 }\n"),
    ("notes.md", "back", "## 说明 { #notes-1 }\n"),
    ("s04.md", "section", "## [仁川登陆](x.md) <i>i</i> { #s04-1 }\n"),
]


def test_chapters_and_headings_are_numbered_in_document_order() -> None:
    n = number_pages(PAGES)
    assert n.chapters == {"s01.md": "1", "s02.md": "2", "s04.md": "3"}  # lead and back matter unnumbered
    assert n.headings == {"s02-1": "2.0.1", "s02-2": "2.1", "s02-3": "2.1.1", "s02-5": "2.1.2",
                          "s02-6": "2.2", "s02-7": "2.2.1", "s04-1": "3.1"}  # #### and below: no number
    assert n.label("s04.md", "停战") == "3 停战"
    assert n.label("notes.md", "注释") == "注释" and n.label("index.md", "导言") == "导言"


def test_numbers_go_in_front_of_the_heading_text_and_ids_stay() -> None:
    n = number_pages(PAGES)
    out = number_headings(PAGES[2][2], n)
    assert '## <span class="secno">2.1</span> 甲 { #s02-2 }' in out
    assert '### <span class="secno">2.1.1</span> 甲一 { #s02-3 }' in out
    assert "#### 甲一子 { #s02-4 }" in out
    assert number_headings(PAGES[4][2], n) == '## <span class="secno">3.1</span> [仁川登陆](x.md) <i>i</i> { #s04-1 }\n'
    # a page's own text that merely looks like a heading id of another page is left alone
    assert number_headings("## 说明 { #notes-1 }\n", n) == "## 说明 { #notes-1 }\n"


_HEADING = re.compile(r'<h([123])(?: id="([^"]*)")?[^>]*>(.*?)</h\1>', re.S)
_TAGS = re.compile(r"<[^>]+>")


def _headings(page: str) -> list[tuple[str, str]]:
    """(id, shown number) of every numbered heading in a built page."""
    out = []
    for m in _HEADING.finditer(page):
        no = re.search(r'<span class="secno">([\d.]+)</span>', m.group(3))
        if no:
            out.append((m.group(2) or "", no.group(1)))
    return out


def _nav(page: str) -> list[str]:
    labels = re.findall(r'<a href="[^"#]*" class="md-nav__link[^"]*">(.*?)</a>', page, re.S)
    return [" ".join(_TAGS.sub(" ", x).split()) for x in labels]


def test_built_site_numbers_agree_everywhere(built_site: Path) -> None:
    cn = (built_site / "zh-cn" / "s03.html").read_text(encoding="utf-8")
    tw = (built_site / "zh-tw" / "s03.html").read_text(encoding="utf-8")
    lc = (built_site / "parallel" / "s03.html").read_text(encoding="utf-8")
    # headings: numbers and ids identical in both variants; ids are the renderer's own s03-N
    h_cn, h_tw = _headings(cn), _headings(tw)
    assert h_cn == h_tw and len(h_cn) == 24
    assert [i for i, _ in h_cn] == [f"s03-{k}" for k in range(1, 25)]
    assert h_cn[:3] == [("s03-1", "3.1"), ("s03-2", "3.2"), ("s03-3", "3.2.1")]
    assert ("s03-7", "3.3.1") in h_cn  # 仁川登陆 under 联合国军反击
    assert re.search(r'<h3 id="s03-7"><span class="secno">3\.3\.1</span> 仁川登陆', cn)
    assert re.search(r'<h3 id="s03-7"><span class="secno">3\.3\.1</span> 仁川登陸', tw)
    # the parallel view: both columns carry the same numbers, in the same order
    lc_numbers = [no for _, no in _headings(lc)]
    assert lc_numbers[::2] == lc_numbers[1::2] == [no for _, no in h_cn]
    # page heading and nav: chapter numbers; lead and back matter have none
    assert "<h1>3 经过</h1>" in cn and "<h1>3 經過</h1>" in tw and "<h1>3 经过 · 經過</h1>" in lc
    nav_cn, nav_tw = _nav(cn), _nav(tw)
    assert nav_cn[:4] == ["导言", "1 名称", "2 背景", "3 经过"] and nav_tw[:4] == ["導言", "1 名稱", "2 背景", "3 經過"]
    assert [x.split()[0] for x in nav_cn[1:10]] == [str(k) for k in range(1, 10)]
    assert "注释" in nav_cn and "参考文献" in nav_cn
    assert [x.split()[0] for x in _nav(lc)[1:10]] == [str(k) for k in range(1, 10)]
    # the page toc (Material's sidebar) lists the numbered headings
    toc = re.findall(r'<a href="#(s03-\d+)" class="md-nav__link">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', cn, re.S)
    assert ("s03-7", "3.3.1 仁川登陆") in [(i, " ".join(t.split())) for i, t in toc]


def test_print_page_shows_the_web_numbers(built_site: Path) -> None:
    for variant in ("zh-cn", "zh-tw"):
        printed = (built_site / variant / "print.html").read_text(encoding="utf-8")
        for path in ("s03", "s06", "s08"):
            web = (built_site / variant / f"{path}.html").read_text(encoding="utf-8")
            on_paper = [(i.removeprefix(f"{path}--"), no) for i, no in _headings(printed) if i.startswith(f"{path}--")]
            assert on_paper == _headings(web) and on_paper, (variant, path)
        chapters = re.findall(r'<h1 id="print-(s\d+)-title"><span class="secno">(\d+)</span>', printed)
        assert chapters == [(f"s{k:02d}", str(k)) for k in range(1, 10)]
        assert not re.search(r'print-(?:index|notes|references)-title"><span class="secno"', printed)
        # numbers are never doubled (the print page adds none of its own)
        assert not re.search(r'secno">[\d.]+</span>\s*<span class="secno"', printed)
        assert not re.search(r"\b(\d+(?:\.\d+)*) \1 ", re.sub(r"<[^>]+>", "", printed))
