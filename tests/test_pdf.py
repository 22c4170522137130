"""The PDFs made by zhwiki.outputs.pdf (WeasyPrint), checked with poppler's pdfinfo, pdftotext, pdffonts and pdftohtml.

Issue 14: contents whose page numbers are the pages where the headings start, an outline with the
same entries, no page without body text but the cover, Noto Serif CJK SC for zh-cn and TC for
zh-tw with no Type 3 font, rare characters printed (or listed), no screen-only marks, each source
printed once, at the end of the chapter citing it first, with the web's number, at most 3 MB per variant, and a landscape 简繁对照 PDF with both variants on each page.
The site is the session's shared build (tests/conftest.py); the PDFs are made once per module.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
from zhwiki.outputs import pdf as pdfstep  # noqa: E402

VARIANTS = ("zh-cn", "zh-tw")
#: Words of the Incheon landing section in each script, and the article's title per variant.
WORDS = {"zh-cn": ("仁川", "登陆", "朝鲜战争"), "zh-tw": ("仁川", "登陸", "韓戰")}
PAGE_LABEL = {"zh-cn": "第 {n} 页", "zh-tw": "第 {n} 頁"}
FACE = {"zh-cn": ("Noto-Serif-CJK-SC", "Noto-Serif-CJK-TC"), "zh-tw": ("Noto-Serif-CJK-TC", "Noto-Serif-CJK-SC")}
A4_PTS = (595.28, 841.89)
RARE = "鿔 鿭 𫓧 𬭛"

pytestmark = [pytest.mark.slow]

for tool in ("pdfinfo", "pdftotext", "pdffonts", "pdftohtml"):
    if not shutil.which(tool):
        pytestmark.append(pytest.mark.skip(reason=f"{tool} missing: apt-get install poppler-utils"))
        break
try:
    import weasyprint  # noqa: F401
except ImportError:
    pytestmark.append(pytest.mark.skip(reason="weasyprint missing: make setup"))
if pdfstep.missing_fonts():
    pytestmark.append(pytest.mark.skip(reason=f"fonts missing: apt-get install {' '.join(pdfstep.missing_fonts())}"))


def _make(site: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zhwiki.outputs.pdf", "--site", str(site), "--out", str(out), "--name", "kw",
         "--build-dir", str(out / "build"), *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=900, env={**__import__("os").environ, "SOURCE_DATE_EPOCH": "1700000000"},
    )


@pytest.fixture(scope="module")
def pdfs(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path], str]:
    out = tmp_path_factory.mktemp("pdf")
    proc = _make(built_site, out, "--variants", " ".join(VARIANTS))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    if "skipped" in proc.stdout:
        pytest.skip(proc.stdout.strip())
    files = {v: out / f"kw-{v}.pdf" for v in VARIANTS}
    files["parallel"] = out / "kw-parallel.pdf"
    return built_site, files, proc.stdout


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def _pages(pdf: Path, *opts: str) -> list[str]:
    return _run("pdftotext", "-enc", "UTF-8", *opts, str(pdf), "-").split("\f")[:-1]


def _expanded(data: bytes) -> bytes:
    """A PDF's bytes followed by its Flate streams inflated (the catalog sits in an object stream)."""
    parts = [data]
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            parts.append(zlib.decompress(m.group(1)))
        except zlib.error:
            pass
    return b"".join(parts)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _contents(pages: list[str]) -> tuple[list[tuple[str, int]], int]:
    """(title, page) of every contents line (title, dot leader, number), and the last contents page."""
    entries: list[tuple[str, int]] = []
    last = 0
    for n, text in enumerate(pages[1:6], start=2):
        found = [(t.strip(), int(p)) for t, p in re.findall(r"^(.*?)\s*(?:\.\s)+\.?\s*(\d+)\s*$", text, re.M)]
        if not found:
            break
        entries += found
        last = n
    return entries, last


@pytest.mark.parametrize("variant", VARIANTS)
def test_a4_pages_tagged_with_metadata(pdfs, variant: str) -> None:
    pdf = pdfs[1][variant]
    info = _run("pdfinfo", str(pdf))
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert abs(w - A4_PTS[0]) < 2 and abs(h - A4_PTS[1]) < 2, info
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 30  # the article is long
    assert re.search(r"Tagged:\s+yes", info), info
    assert re.search(r"Title:\s+" + WORDS[variant][2], info), info
    assert re.search(r"Author:\s+中文維?维?基百科", info), info
    assert "2023-11-14" in _run("pdfinfo", "-isodates", str(pdf))  # SOURCE_DATE_EPOCH, not today
    data = _expanded(pdf.read_bytes())
    assert {"zh-cn": b"/Lang (zh-Hans-CN)", "zh-tw": b"/Lang (zh-Hant-TW)"}[variant] in data
    assert b"CC BY-SA 4.0" in data  # the licence in the document information
    assert pdf.stat().st_size <= 3 * 1024 * 1024, pdf.stat().st_size


@pytest.mark.parametrize("variant", VARIANTS)
def test_text_page_labels_and_every_page_has_body_text(pdfs, variant: str) -> None:
    pages = _pages(pdfs[1][variant])
    text = "\f".join(pages)
    assert "\ufffd" not in text
    assert len(re.findall(r"[\u4e00-\u9fff]", text)) > 20000
    for word in WORDS[variant]:
        assert word in text, word
    assert "CC BY-SA 4.0" in text

    def label(n: int) -> re.Pattern[str]:  # pdftotext may drop the spaces around the number
        before, after = (part.strip() for part in PAGE_LABEL[variant].split("{n}"))
        return re.compile(rf"{re.escape(before)}\s*{n}\s*{re.escape(after)}")

    assert not label(1).search(pages[0])  # the cover has no number
    for n, page in enumerate(pages[1:], start=2):
        assert label(n).search(page), (n, page[-200:])
        body = label(n).sub("", page)
        # Han characters and Latin words (a page of the bibliography may be in English).
        assert len(re.findall(r"[\u4e00-\u9fff]|[A-Za-z]{2,}", body)) >= 30, f"page {n} has almost no text: {page!r}"


@pytest.mark.parametrize("variant", VARIANTS)
def test_contents_page_numbers_match_the_headings_and_the_outline(pdfs, variant: str) -> None:
    pages = _pages(pdfs[1][variant])
    entries, last = _contents(pages)
    assert len(entries) >= 20, entries
    chapters = [t for t, _p in entries if re.match(r"\d+ ", t)]
    assert "3 " + {"zh-cn": "经过", "zh-tw": "經過"}[variant] in chapters  # section numbers as on the web
    start = last
    for title, page in entries:
        # The heading's page: the first page from the previous heading's on with the title as a line of its own.
        first = next((n for n, text in enumerate(pages, start=1) if n > start and n >= page - 50
                      and any(_squash(line) == _squash(title) for line in text.splitlines())), None)
        assert first == page, (title, page, first)
        start = first - 1
    xml = _run("pdftohtml", "-xml", "-i", "-stdout", "-q", str(pdfs[1][variant]))
    outline = [(html.unescape(re.sub(r"<[^>]+>", "", t)).strip(), int(p))
               for p, t in re.findall(r'<item page="(\d+)"[^>]*>(.*?)</item>', xml, re.S)]
    assert [(_squash(t), p) for t, p in outline] == [(_squash(t), p) for t, p in entries]


@pytest.mark.parametrize("variant", VARIANTS)
def test_running_heads_name_the_article_and_the_chapter(pdfs, variant: str) -> None:
    """The top margin of every page after the cover holds the article's name, and from the first chapter on, the chapter's title."""
    pdf = pdfs[1][variant]
    w, _h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", _run("pdfinfo", str(pdf))).groups())
    heads = [_squash(t) for t in _pages(pdf, "-x", "0", "-y", "0", "-W", str(int(w)), "-H", "55")]
    pages = _pages(pdf)
    entries, _last = _contents(pages)
    chapters = [(t, p) for t, p in entries if re.match(r"\d+ ", t)]
    assert len(chapters) >= 8
    title = _squash(WORDS[variant][2])
    assert all(title in head for head in heads[1:]), [n for n, head in enumerate(heads, start=1) if title not in head][:5]
    for (name, first), (_next, after) in zip(chapters[:-1], chapters[1:], strict=True):
        for n in range(first, after):
            assert _squash(name) in heads[n - 1], (name, n, heads[n - 1])


@pytest.mark.parametrize("variant", VARIANTS)
def test_infobox_on_at_most_two_pages(pdfs, variant: str) -> None:
    """From the infobox's title to its last row (伤亡与损失), at most two pages; its sources follow as table notes."""
    pages = [_squash(p) for p in _pages(pdfs[1][variant])]
    first = next(n for n, p in enumerate(pages) if {"zh-cn": "冷战的一部分", "zh-tw": "冷戰的一部分"}[variant] in p)
    last = next(n for n, p in enumerate(pages) if {"zh-cn": "伤亡与损失", "zh-tw": "傷亡與損失"}[variant] in p)
    assert 0 <= last - first <= 1, (first + 1, last + 1)


@pytest.mark.parametrize("variant", VARIANTS)
def test_fonts_per_region_embedded_subsets_no_type3(pdfs, variant: str) -> None:
    out = _run("pdffonts", str(pdfs[1][variant]))
    rows = out.splitlines()[2:]
    assert rows, out
    assert not any(" Type 3 " in r for r in rows), out
    assert all(r.split()[-5] == "yes" and r.split()[-4] == "yes" for r in rows), out  # embedded, subset
    want, other = FACE[variant]
    assert any(want in r for r in rows) and not any(other in r for r in rows), out


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_screen_only_marks(pdfs, variant: str) -> None:
    text = "".join(_pages(pdfs[1][variant]))
    for mark in ("↩", "悬停", "懸停", "返回网站", "返回網站", "简繁对照", "簡繁對照"):
        assert mark not in text, mark
    assert not re.search(r"第\s*\d+\s*行", text)


def _words(text: str) -> str:
    """Letters and digits only (pdftotext turns some quotes into others and breaks lines anywhere)."""
    return re.sub(r"[\W_]", "", text)


def _sources(site: Path, variant: str) -> list[tuple[int, str]]:
    """(number, first words of its text) of each source in the print page's 参考文献 list, as on the web."""
    src = (site / variant / "print.html").read_text(encoding="utf-8")
    refs = src[src.index('<div class="reference-list">'):]
    refs = refs[:refs.index("</ol>")]
    out = []
    for n, li in enumerate(re.findall(r"<li[^>]*>(.*?)</li>", refs, re.S), start=1):
        li = re.sub(r'<span class="cited-on">.*?</span>', "", li, flags=re.S)
        out.append((n, _words(html.unescape(re.sub(r"<[^>]+>", "", li)))[:40]))
    return out


@pytest.mark.parametrize("variant", VARIANTS)
def test_each_source_printed_once_at_a_chapter_end_with_the_web_number(pdfs, variant: str) -> None:
    """Each source's text is printed once, after its web number, on the page the 参考文献 index names;
    the index holds numbers and pages only."""
    site, files, _log = pdfs
    sources = [(n, key) for n, key in _sources(site, variant) if len(key) >= 8]
    assert len(sources) > 250
    keys = [key for _n, key in sources]
    shared = {k for k in keys if sum(other.startswith(k) for other in keys) > 1}  # two sources, one opening
    src = (site / variant / "print.html").read_text(encoding="utf-8")
    # The same words may stand elsewhere (a book named in a sentence, or in the 来源 bibliography): they may print there too.
    start = src.index("<ol>", src.index('<div class="reference-list">'))
    elsewhere = _words(html.unescape(re.sub(r"<[^>]+>", "", src[:start] + src[src.index("</ol>", start):])))
    pages = [_words(p) for p in _pages(files[variant])]
    index = {}
    label = {"zh-cn": "页", "zh-tw": "頁"}[variant]
    for text in _pages(files[variant]):
        index.update((int(n), int(p)) for n, p in re.findall(rf"(?<![\d.])(\d+)\.\s*第\s*(\d+)\s*{label}", text))
    assert len(index) >= len(sources), len(index)
    for n, key in sources:
        where = [i for i, page in enumerate(pages, start=1) if key in page]
        assert where, (n, key)
        if key not in elsewhere and key not in shared:
            assert sum(page.count(key) for page in pages) == 1, (n, key, where)
        # The entry starts with the web's number, on the page the index gives.
        assert f"{n}{key}" in pages[index[n] - 1], (n, key, index[n], where)
    # The index prints no source text.
    refs_pages = [i for i, text in enumerate(_pages(files[variant])) if re.search(rf"(?<![\d.])1\.\s*第\s*\d+\s*{label}", text)]
    assert refs_pages and not any(key in pages[refs_pages[0]] for _n, key in sources if key not in elsewhere)


def _halves(pdf: Path, margin: int = 0) -> tuple[list[str], list[str]]:
    """The text of each page's left half and of each page's right half, leaving *margin* points at the top
    and bottom out (pdftotext reads a two-column page line by line across both columns)."""
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", _run("pdfinfo", str(pdf))).groups())
    def half(x: int) -> list[str]:
        return _pages(pdf, "-x", str(x), "-y", str(margin), "-W", str(int(w / 2)), "-H", str(int(h - 2 * margin)))

    return half(0), half(int(w / 2))


def _columns(pdf: Path) -> list[str]:
    """The text of each page's left half, then of each page's right half."""
    left, right = _halves(pdf)
    return left + right


def test_parallel_pdf_prints_each_source_once(pdfs) -> None:
    """The 简繁对照 PDF prints each source once, after the first section citing it, in the left column's script,
    after a note that says so (it printed each four times: after each section and in 参考文献, in both scripts)."""
    site, files, _log = pdfs
    sources = [(n, key) for n, key in _sources(site, "zh-cn") if len(key) >= 8]
    keys = [key for _n, key in sources]
    src = (site / "zh-cn" / "print.html").read_text(encoding="utf-8")
    start = src.index("<ol>", src.index('<div class="reference-list">'))
    elsewhere = _words(html.unescape(re.sub(r"<[^>]+>", "", src[:start] + src[src.index("</ol>", start):])))
    pages = [_words(p) for p in _columns(files["parallel"])]
    once = [key for key in keys if key not in elsewhere and sum(other.startswith(key) for other in keys) == 1]
    assert len(once) > 200
    twice = [key for key in once if sum(page.count(key) for page in pages) != 1]
    assert not twice, twice[:5]
    assert any("每个来源只印一次" in _squash(p) for p in _pages(files["parallel"]))


def test_glossary_prints_each_rule_not_each_place(pdfs) -> None:
    """用词对照 on paper: each rule's line with its count and where the places are listed, not the places themselves."""
    site, files, _log = pdfs
    text = _squash("".join(_pages(files["zh-tw"])))
    assert text.count("下列各規則改寫之處的上下文見網頁版「用詞對照」頁。") == 1, text[-3000:]
    assert re.search(r"「用詞對照」頁。(noteTA\d+：[^（]+（\d+處）){3,}", text), text[-3000:]
    assert "軍事僵持•【北韓】" not in text  # a place's context, listed on the web page only
    assert "軍事僵持•【北韓】" in _squash(html.unescape(re.sub(r"<[^>]+>", "", (site / "zh-tw" / "glossary.html").read_text(encoding="utf-8"))))


def test_a_source_longer_than_a_page_prints_whole(tmp_path: Path) -> None:
    """A source's text runs on over pages at its chapter's end (as a page-foot footnote it was laid over the text)."""
    _print_page(tmp_path / "site", "zh-cn", "zh-Hans-CN",
                '<p>正文<sup><a class="footnote-ref" href="#ref-1">1</a></sup>。</p>'
                '<div class="reference-list"><ol><li id="ref-1">' + "".join(f"来源第{k}句。" for k in range(1, 1601)) + "</li></ol></div>")
    proc = _make(tmp_path / "site", tmp_path, "--variants", "zh-cn")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    pages = [_squash(p) for p in _pages(tmp_path / "kw-zh-cn.pdf")]
    assert len(pages) > 3
    # Every sentence is there, but for one cut by each page break (the running head stands between its halves).
    found = {int(k) for k in re.findall(r"来源第(\d+)句。", "".join(pages))}
    assert 1600 in found and len(found) >= 1600 - len(pages), sorted(set(range(1, 1601)) - found)[:20]


def test_parallel_pdf_has_both_variants_on_each_page(pdfs) -> None:
    pdf = pdfs[1]["parallel"]
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", _run("pdfinfo", str(pdf))).groups())
    assert w > h  # landscape
    left, right = _halves(pdf, margin=40)
    _entries, last = _contents(_pages(pdf))
    body = range(last, len(left))  # after the cover and the contents
    assert len(body) > 50
    han = re.compile(r"[\u4e00-\u9fff]")
    both = [n for n in body if han.search(left[n]) and han.search(right[n])]
    # A few pages hold one column only: the end of the infobox, the 差异统计 tables.
    assert len(both) >= 0.9 * len(body), [n + 1 for n in body if n not in both][:20]
    # Simplified on the left, traditional on the right.
    simp, trad = re.compile("[战鲜争经过国时]"), re.compile("[戰鮮爭經過國時]")
    for col, yes, no in ((left, simp, trad), (right, trad, simp)):
        text = "".join(col[n] for n in body)
        assert len(yes.findall(text)) > 5 * len(no.findall(text))


def test_parallel_pdf_prints_merged_tables_whole_and_full_width(pdfs) -> None:
    """The infobox's belligerents and commanders (one merged table, both scripts in each cell) print in the
    简繁对照 PDF across the page: the belligerents' head row was left out, the table squeezed into the left half."""
    pdf = pdfs[1]["parallel"]
    pages = _pages(pdf)
    assert any("参战方" in t and "參戰方" in t for t in pages)
    width = float(re.search(r"Page size:\s+([\d.]+) x", _run("pdfinfo", str(pdf))).group(1))
    n = next(n for n, t in enumerate(pages, start=1) if "指挥官与领导者" in t)
    boxes = _run("pdftotext", "-f", str(n), "-l", str(n), "-bbox", str(pdf), "-")
    xs = [float(x) for x, word in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', boxes) if "金日成" in word]
    assert xs and max(xs) > width / 2, xs  # the second side's commanders stand right of the page's middle


def test_parallel_pdf_numbers_list_items_as_the_web(pdfs) -> None:
    """Each reference of the 简繁对照 PDF keeps its web number (each item is its own <ol start=N>)."""
    text = "\n".join(_columns(pdfs[1]["parallel"]))
    numbers = {int(n) for n in re.findall(r"^\s*(\d+)\.\s", text, re.M)}
    assert {2, 50, 100, 200} <= numbers, sorted(numbers)[:20]


def test_parallel_pdf_tagged_with_metadata(pdfs) -> None:
    """The 简繁对照 PDF is tagged like the variant PDFs and says what it is, in which language, by whom, under which licence."""
    pdf = pdfs[1]["parallel"]
    info = _run("pdfinfo", str(pdf))
    assert re.search(r"Tagged:\s+yes", info), info
    assert re.search(r"Title:\s+朝鲜战争 · 韓戰 · 简繁对照", info), info
    assert re.search(r"Author:\s+中文维基百科贡献者", info), info
    assert "2023-11-14" in _run("pdfinfo", "-isodates", str(pdf))
    data = _expanded(pdf.read_bytes())
    assert b"/Lang (zh)" in data and b"CC BY-SA 4.0" in data
    assert b"/StructTreeRoot" in data
    fonts = _run("pdffonts", str(pdf))
    assert "Noto-Serif-CJK-SC" in fonts and "Noto-Serif-CJK-TC" in fonts and " Type 3 " not in fonts, fonts
    # Vocabulary differences stay marked (bold) on paper; the legend says script-only ones are not.
    assert "Bold" in fonts
    text = "".join(_pages(pdf)[:8])
    assert "纸本不另标" in text


def test_no_pdf_names_a_file_of_the_builder(pdfs) -> None:
    """No link or name in a PDF points at the builder's disk (the 简繁对照 head links were file:///…/site/…)."""
    for name, pdf in pdfs[1].items():
        data = _expanded(pdf.read_bytes())
        assert b"file:" not in data and str(ROOT).encode() not in data and str(pdfs[0]).encode() not in data, name


def test_same_input_same_bytes(pdfs, tmp_path: Path) -> None:
    proc = _make(pdfs[0], tmp_path, "--variants", "zh-tw", "--no-parallel")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "kw-zh-tw.pdf").read_bytes() == pdfs[1]["zh-tw"].read_bytes()


def _print_page(root: Path, variant: str, lang: str, body: str) -> Path:
    page = root / variant / "print.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        f'<html><body><article><div class="print-page" lang="{lang}"><section class="print-cover">'
        f'<h1 class="print-cover-title">测试</h1></section><section class="print-section"><h1>一</h1>'
        f"{body}</section></div></article></body></html>", encoding="utf-8")
    return page


def test_rare_characters_print_and_missing_ones_are_listed(tmp_path: Path) -> None:
    unassigned = "\U0002fff0"  # no font has it
    for variant, lang in (("zh-cn", "zh-Hans-CN"), ("zh-tw", "zh-Hant-TW")):
        _print_page(tmp_path / "site", variant, lang, f"<p>元素：{RARE}。</p><p>缺字：{unassigned}。</p>")
    proc = _make(tmp_path / "site", tmp_path, "--variants", "zh-cn zh-tw")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for variant in ("zh-cn", "zh-tw"):
        pdf = tmp_path / f"kw-{variant}.pdf"
        text = _run("pdftotext", "-enc", "UTF-8", str(pdf), "-")
        for ch in RARE.split():
            assert ch in text, (variant, ch)
        # The build lists the character no font has, with its page, and goes on.
        assert f"pdf: kw-{variant}.pdf: no font has U+2FFF0 {unassigned} on page 2" in proc.stdout, proc.stdout
        fonts = _run("pdffonts", str(pdf))
        assert FACE[variant][0] in fonts and FACE[variant][1] not in fonts and " Type 3 " not in fonts, fonts
        assert "BabelStone" in fonts  # 鿭 (U+9FED) is in none of the Noto serif faces
    assert proc.stdout.count("no font has") == 2


def test_only_local_files_are_fetched(tmp_path: Path) -> None:
    page = _print_page(tmp_path, "zh-cn", "zh-Hans-CN",
                       '<p>图<img src="http://127.0.0.1:9/x.png"><img src="file:///etc/hostname"></p>')
    fetcher = pdfstep._fetcher(tmp_path)
    for url in ("http://127.0.0.1:9/x.png", "file:///etc/hostname"):
        with pytest.raises(Exception, match="offline"):
            fetcher.fetch(url)
    assert fetcher.fetch(page.as_uri()).read()
