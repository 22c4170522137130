"""The PDFs made by scripts/pdf.py, checked with poppler's pdfinfo, pdftotext, pdffonts and pdftohtml.

The issue asks for A4 pages with page numbers, a PDF outline from the headings, extractable
text, and outline fonts only: no Type 3 font (Chromium turns CFF-in-.ttc CJK fonts such as Noto
Sans CJK into Type 3, which is why scripts/pdf.py runs Chromium on TrueType fonts only).
The site is the session's shared build (tests/conftest.py), the PDFs are made once per module.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = ("zh-cn", "zh-tw")
#: Words of the Incheon landing section in each script, and the article's title per variant.
WORDS = {"zh-cn": ("仁川", "登陆", "朝鲜战争"), "zh-tw": ("仁川", "登陸", "韓戰")}
PAGE_LABEL = {"zh-cn": "第 {n} 页", "zh-tw": "第 {n} 頁"}
A4_PTS = (595.28, 841.89)

pytestmark = [pytest.mark.slow]

for tool in ("pdfinfo", "pdftotext", "pdffonts", "pdftohtml"):
    if not shutil.which(tool):
        pytestmark.append(pytest.mark.skip(reason=f"{tool} missing: apt-get install poppler-utils"))
        break
if not shutil.which("chromium"):
    pytestmark.append(pytest.mark.skip(reason="chromium missing: apt-get install chromium"))


@pytest.fixture(scope="module")
def pdfs(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    site = built_site
    out = tmp_path_factory.mktemp("pdf")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts/pdf.py"), "--site", str(site), "--out", str(out), "--name", "kw",
         "--variants", " ".join(VARIANTS), "--build-dir", str(out / "build")],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    if "skipped" in proc.stdout:
        pytest.skip(proc.stdout.strip())
    return site, {v: out / f"kw-{v}.pdf" for v in VARIANTS}


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def _section_titles(print_html: Path) -> list[str]:
    src = print_html.read_text(encoding="utf-8")
    return [html.unescape(re.sub(r"<[^>]+>", "", t)).strip()
            for t in re.findall(r'<h1 id="print-[^"]+-title">(.*?)</h1>', src, re.S)]


@pytest.mark.parametrize("variant", VARIANTS)
def test_a4_pages(pdfs, variant: str) -> None:
    info = _run("pdfinfo", str(pdfs[1][variant]))
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert abs(w - A4_PTS[0]) < 2 and abs(h - A4_PTS[1]) < 2, info
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 30  # the article is long


@pytest.mark.parametrize("variant", VARIANTS)
def test_text_extracts_with_page_numbers(pdfs, variant: str) -> None:
    pdf = pdfs[1][variant]
    text = _run("pdftotext", "-enc", "UTF-8", str(pdf), "-")
    assert "\ufffd" not in text
    assert len(re.findall(r"[\u4e00-\u9fff]", text)) > 20000
    for word in WORDS[variant]:
        assert word in text, word
    assert "CC BY-SA 4.0" in text
    # Page numbers in Chinese, on the pages after the cover.
    pages = text.split("\f")
    def label(n: int) -> re.Pattern[str]:  # pdftotext may drop the spaces around the number
        before, after = (part.strip() for part in PAGE_LABEL[variant].split("{n}"))
        return re.compile(rf"{re.escape(before)}\s*{n}\s*{re.escape(after)}")

    assert label(3).search(pages[2]), pages[2][-200:]
    assert label(len(pages) - 1).search(text)
    assert not label(1).search(pages[0])  # the cover has no number
    # Every section of the print page is in the PDF.
    for title in _section_titles(pdfs[0] / variant / "print.html"):
        assert title in text, title


@pytest.mark.parametrize("variant", VARIANTS)
def test_outline_from_headings(pdfs, variant: str) -> None:
    xml = _run("pdftohtml", "-xml", "-i", "-stdout", "-q", str(pdfs[1][variant]))
    items = [html.unescape(re.sub(r"<[^>]+>", "", i)).strip() for i in re.findall(r"<item[^>]*>(.*?)</item>", xml, re.S)]
    titles = _section_titles(pdfs[0] / variant / "print.html")
    assert titles and all(t in items for t in titles), (titles, items[:20])


@pytest.mark.parametrize("variant", VARIANTS)
def test_fonts_embedded_no_type3(pdfs, variant: str) -> None:
    out = _run("pdffonts", str(pdfs[1][variant]))
    rows = out.splitlines()[2:]
    assert rows, out
    assert not any(" Type 3 " in r for r in rows), out
    # name type encoding emb sub uni object-id: every font embedded.
    assert all(r.split()[-5] == "yes" for r in rows), out
