"""Print each variant's print page, and the 简繁对照 print page, to PDF with WeasyPrint.

    python -m zhwiki.outputs.pdf --site site --out dist --name korean-war --variants "zh-cn zh-tw"

writes ``dist/<name>-<variant>.pdf`` for each variant and ``dist/<name>-parallel.pdf`` when the
site has ``parallel/print.html``.

Why WeasyPrint and not Chromium: it implements CSS Paged Media (``target-counter`` page numbers
in the contents, running heads with ``string-set``, bookmarks from headings), it embeds the
Noto Serif CJK (CFF) faces as CID subsets where Chromium turned them into Type 3, and it measured
faster on the seed (7 s for one variant against 10.6 s for two in Chromium, 1.4 MB against 13.4 MB).

The step is offline and deterministic: the only URLs it opens are ``file:`` URLs inside the
site folder, the dates in the metadata come from ``SOURCE_DATE_EPOCH``, and WeasyPrint's own
identifiers are content hashes.  Fonts come from a private fontconfig file that knows only the
print fonts (Noto Serif/Sans CJK, BabelStone Han, HanaMin A/B), so a character none of them has cannot be
quietly drawn from some other installed font: every such character is listed with its page
(``pdf: zh-cn: no font has U+9FD4 鿔 on page 5``), and the build goes on.

Sources print at the end of the chapter of their first marker, numbered as on the web
(pdf_notes.py); the 简繁对照 PDF prints each source once as well (pdf_parallel.py).

Exit status: 0 when every PDF was written (or the engine is missing, with the command to install
it), 1 when a print page is missing.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import time
from array import array
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from html import escape, unescape
from pathlib import Path
from urllib.parse import unquote, urlparse

from .pdf_notes import LABELS, chapter_notes, script_of
from .pdf_parallel import PARALLEL_CSS, paper_parallel

HERE = Path(__file__).resolve().parent
CSS_FILE = HERE / "pdf.css"
#: Font folders of the print fonts (Debian fonts-noto-cjk, fonts-noto-cjk-extra, fonts-babelstone-han,
#: fonts-hanazono).
FONT_DIRS = (Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/truetype/babelstone"),
             Path("/usr/share/fonts/truetype/hanazono"))
#: The files whose character maps decide "no font has it": the body faces and their fallbacks.
COVERAGE_FONTS = (
    Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf"),
    Path("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"),
    Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"),
)
LICENCE = "CC BY-SA 4.0 https://creativecommons.org/licenses/by-sa/4.0/"
#: List numbering from HTML attributes (``<ol start>``, ``<li value>``): WeasyPrint reads them only as
#: presentational hints, which also load its whole HTML hint stylesheet; the 简繁对照 view wraps each list
#: item in ``<ol start="N">`` (views/parallel/pairs.py), so without this every reference printed as 「1.」.
_LIST_TAG = re.compile(r'<(ol|li)\b([^>]*)>')
_NUMBER_ATTR = {"ol": re.compile(r'\sstart="(-?\d+)"'), "li": re.compile(r'\svalue="(-?\d+)"')}
#: ``<ol start=N>`` starts the count at N (the first item adds one); ``<li value=N>`` is N itself.
_NUMBER_STYLE = {"ol": "counter-reset: list-item {n}; counter-increment: list-item -1",
                 "li": "counter-reset: list-item {n}; counter-increment: none"}


def _numbered(m: re.Match[str]) -> str:
    tag, attrs = m.group(1), m.group(2)
    number = _NUMBER_ATTR[tag].search(attrs)
    if number is None:
        return m.group(0)
    attrs = attrs[:number.start()] + attrs[number.end():]
    style = _NUMBER_STYLE[tag].format(n=number.group(1))
    if ' style="' in attrs:
        attrs = attrs.replace(' style="', f' style="{style}; ', 1)
    else:
        attrs += f' style="{style}"'
    return f"<{tag}{attrs}>"


def list_numbers(doc: str) -> str:
    """*doc* with ``<ol start="N">`` and ``<li value="N">`` numbered by CSS (CSS Lists 3's UA rules for them),
    wherever the attribute stands in the tag (``<li id="s07--fn:200" value="200">``)."""
    return _LIST_TAG.sub(_numbered, doc)


#: A link whose address is neither printed after it (``span.print-url``) nor inside the document: on
#: paper it is plain text, and the seed's 760 links to other zh.wikipedia articles cost WeasyPrint
#: 2.6 of 16 CPU s per variant (each is an inline box split again at every line break).  Only the
#: plain ``<a href>`` the pages write for wiki links matches; a link with a class, title or id stays.
_PLAIN_LINK = re.compile(r'<a href="(?!#)[^"]*">((?:(?!</?a[\s>]).)*)</a>(?!<span class="print-url">)', re.S)


#: A link to a file of the site (a relative address, such as the 简繁对照 view's ``../zh-cn/index.html``):
#: in a PDF it became ``file:///home/…/site/zh-cn/index.html``, the builder's own path, which opens
#: nothing on a reader's machine and made the bytes depend on where the project was checked out.
_LOCAL_HREF = re.compile(r'(<a\b[^>]*?)\shref="(?!#|[A-Za-z][A-Za-z0-9+.-]*:)[^"]*"')


def paper_links(doc: str) -> str:
    """*doc* with each link that paper cannot follow (see ``_PLAIN_LINK``) as its text, and no link to a
    file of the site (``_LOCAL_HREF``: the element stays for its style, without its address)."""
    return _LOCAL_HREF.sub(r"\1", _PLAIN_LINK.sub(r"\1", doc))


@dataclass
class Job:
    """One PDF to make: the print page it comes from and where it goes."""

    html: Path
    pdf: Path
    parallel: bool = False


@dataclass
class Result:
    """What one PDF came out as: pages, bytes, seconds, and characters no font has (char, page)."""

    pdf: Path
    pages: int
    size: int
    seconds: float
    missing: list[tuple[str, int]] = field(default_factory=list)


def write_fontconfig(build_dir: Path) -> Path:
    """A fonts.conf that knows only the print fonts (cache in *build_dir*)."""
    build_dir.mkdir(parents=True, exist_ok=True)
    dirs = "\n".join(f"  <dir>{d}</dir>" for d in FONT_DIRS)
    conf = build_dir / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"{dirs}\n  <cachedir>{(build_dir / 'cache').resolve()}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def missing_fonts() -> list[str]:
    """Debian packages the print fonts come from that are not installed."""
    need = {"fonts-noto-cjk": COVERAGE_FONTS[0], "fonts-babelstone-han": COVERAGE_FONTS[2], "fonts-hanazono": COVERAGE_FONTS[3],
            "fonts-noto-cjk-extra": FONT_DIRS[0] / "NotoSerifCJK-Bold.ttc"}
    return [pkg for pkg, path in need.items() if not path.is_file()]


def covered_codepoints(fonts: Iterable[Path] = COVERAGE_FONTS, cache_dir: Path | None = None) -> set[int]:
    """Every code point some print font maps to a glyph (first face of each collection).

    Reading the five CJK character maps takes about a second before any PDF can start; with
    *cache_dir* the set is kept there as 32-bit code points (``coverage-<key>.u32``), the key being
    each font's path, size and modification time, so a changed or added font makes a new one.
    """
    fonts = [path for path in fonts if path.is_file()]
    cache = None
    if cache_dir is not None:
        stamp = "\n".join(f"{p.resolve()}\t{p.stat().st_size}\t{p.stat().st_mtime_ns}" for p in fonts)
        cache = cache_dir / f"coverage-{hashlib.sha1(stamp.encode()).hexdigest()[:16]}.u32"
        if cache.is_file():
            cps = array("I")
            cps.frombytes(cache.read_bytes())
            return set(cps)
    from fontTools.ttLib import TTFont

    found: set[int] = set()
    for path in fonts:
        font = TTFont(str(path), fontNumber=0, lazy=True) if path.suffix == ".ttc" else TTFont(str(path), lazy=True)
        found.update(font["cmap"].getBestCmap())
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp")
        tmp.write_bytes(array("I", sorted(found)).tobytes())
        tmp.replace(cache)
    return found


def _build_epoch() -> int:
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(raw) if raw.isdigit() else 0


def paper_html(page: str, parallel: bool = False) -> tuple[str, str]:
    """A standalone document from a print page: its ``print-page`` content with metadata.

    Returns (html, lang).  The theme's stylesheets and scripts stay behind; ``<title>``,
    author, licence and the dates (``SOURCE_DATE_EPOCH``) go into ``<head>`` for the PDF's
    metadata.  The document's language is the print page's (BCP 47, e.g. ``zh-Hant-TW``); for
    the 简繁对照 page (*parallel*) it is ``zh``, each column keeping its own.  Raises ValueError
    when *page* has no print content.
    """
    start = page.find('<div class="print-page"')
    end = page.rfind("</article>")
    if start < 0 or end < start:
        raise ValueError("no <div class=\"print-page\"> in the print page")
    body = page[start:end]
    lang = re.search(r'\blang="([^"]+)"', body[:200])
    lang_tag = "zh" if parallel else lang.group(1) if lang else "zh"
    title_m = re.search(r'<h1 class="print-cover-title"[^>]*>(.*?)</h1>', body, re.S)
    title = unescape(re.sub(r"<[^>]+>", "", title_m.group(1))).strip() if title_m else ""
    src = re.search(r'<dd>[^<]*<br><a href="([^"]+)"', body)
    date = datetime.fromtimestamp(_build_epoch(), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    script = script_of(lang_tag)
    head = (
        f'<meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta name="author" content="{LABELS[script]["author"]}">'
        f'<meta name="description" content="{escape(title)}（{escape(lang_tag)}）'
        f'{" " + src.group(1) if src else ""}">'
        f'<meta name="keywords" content="{escape(title)}, 维基百科, Wikipedia">'
        f'<meta name="license" content="{LICENCE}">'
        f'<meta name="generator" content="zhwiki study edition">'
        f'<meta name="dcterms.created" content="{date}"><meta name="dcterms.modified" content="{date}">'
    )
    return f'<!DOCTYPE html>\n<html lang="{escape(lang_tag)}"><head>{head}</head><body>{body}</body></html>', lang_tag


def _fetcher(root: Path):
    """A URL fetcher that serves files under *root* and refuses every other URL."""
    from weasyprint.urls import URLFetcher, URLFetchingError

    base = root.resolve()

    class LocalOnly(URLFetcher):
        def fetch(self, url, headers=None):  # noqa: ANN001, ANN201 (WeasyPrint's signature)
            parsed = urlparse(url)
            path = Path(unquote(parsed.path)).resolve() if parsed.scheme == "file" else None
            if path is None or not path.is_relative_to(base):
                raise URLFetchingError(f"offline: not fetched: {url}")
            return super().fetch(url, headers)

    return LocalOnly(allowed_protocols={"file"})


def page_chars(document) -> list[set[str]]:  # noqa: ANN001 (weasyprint.Document)
    """The characters laid out on each page of a rendered WeasyPrint document."""
    from weasyprint.formatting_structure import boxes

    out = []
    for page in document.pages:
        chars: set[str] = set()
        for box in page._page_box.descendants():
            if isinstance(box, boxes.TextBox):
                chars.update(box.text)
        out.append(chars)
    return out


def cache_page_references() -> bool:
    """Make pydyf's ``PDF.page_references`` build its tuple once per page count instead of on every read.

    WeasyPrint's tagging (``pdf_tags=True``, weasyprint/pdf/tags.py) reads ``pdf.page_references[n]``
    once per tagged box, and pydyf (0.13) rebuilds the tuple of every page's reference on each read:
    boxes × pages work, 7.6 million references (about 4 s) for the 163-page 简繁对照 PDF.  The
    cached tuple is the same value (the page list only grows while a PDF is written, and the cache is
    keyed by its length), so the bytes do not change.  Returns False, patching nothing, when pydyf
    has no such property (a later pydyf may have changed it).
    """
    import pydyf

    prop = pydyf.PDF.__dict__.get("page_references")
    if getattr(prop, "fget", None) is None or getattr(prop.fget, "_zhwiki_cached", False):
        return getattr(getattr(prop, "fget", None), "_zhwiki_cached", False)
    build = prop.fget

    def page_references(self):  # noqa: ANN001, ANN202 (pydyf's property)
        count = len(self.pages["Kids"])
        cached = self.__dict__.get("_zhwiki_page_references")
        if cached is None or cached[0] != count:
            cached = (count, build(self))
            self.__dict__["_zhwiki_page_references"] = cached
        return cached[1]

    page_references._zhwiki_cached = True
    pydyf.PDF.page_references = property(page_references, doc=prop.__doc__)
    return True


def render(job: Job, covered: set[int]) -> Result:
    """Write one PDF; return its figures and the characters no print font has."""
    import weasyprint

    t0 = time.monotonic()
    doc_html, lang = paper_html(job.html.read_text(encoding="utf-8"), parallel=job.parallel)
    before, after = LABELS[script_of(lang)]["page"]
    css = CSS_FILE.read_text(encoding="utf-8") + (
        f'@page {{ @bottom-center {{ content: "{before}" counter(page) "{after}"; font-size: 9pt; }} }}'
        '@page :first { @bottom-center { content: none; } }'
        f'.print-fn-index a::after {{ content: "{before}" target-counter(attr(href url), page) "{after}"; }}'
        f'#print-glossary details.note:first-of-type::before {{ content: "{LABELS[script_of(lang)]["glossary_places"]}"; }}'
    )
    if job.parallel:
        css += PARALLEL_CSS
        doc_html = paper_parallel(doc_html)
    else:
        doc_html, _count = chapter_notes(doc_html, script_of(lang))
    doc_html = paper_links(list_numbers(doc_html))
    fetcher = _fetcher(job.html.parent.parent)
    html = weasyprint.HTML(string=doc_html, base_url=job.html.resolve().as_uri(), url_fetcher=fetcher)
    document = html.render(stylesheets=[weasyprint.CSS(string=css, url_fetcher=fetcher)])
    missing: list[tuple[str, int]] = []
    for n, chars in enumerate(page_chars(document), start=1):
        for ch in sorted(chars):
            if ord(ch) > 0x2E7F and ord(ch) not in covered and not ch.isspace():
                missing.append((ch, n))
    job.pdf.parent.mkdir(parents=True, exist_ok=True)
    cache_page_references()
    # Tagged for accessibility, the 简繁对照 PDF too (with its script marks unwrapped tagging costs it ~4 s).
    document.write_pdf(job.pdf, pdf_tags=True, custom_metadata=True, pdf_identifier=b"zhwiki-edition")
    return Result(job.pdf, len(document.pages), job.pdf.stat().st_size, time.monotonic() - t0, missing)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", default="site", type=Path)
    ap.add_argument("--out", default="dist", type=Path)
    ap.add_argument("--name", required=True, help="file name stem, e.g. korean-war")
    ap.add_argument("--variants", default="zh-cn zh-tw", help="space-separated variant codes")
    ap.add_argument("--build-dir", default="build/pdf", type=Path)
    ap.add_argument("--no-parallel", action="store_true", help="skip the 简繁对照 PDF")
    ap.add_argument("--jobs", type=int, default=0, help="PDFs made at once (0: one per CPU)")
    args = ap.parse_args(argv)

    try:
        import weasyprint  # noqa: F401
    except ImportError:
        print("pdf: skipped, WeasyPrint is not installed: run `make setup` (pip install -e .)")
        return 0
    lacking = missing_fonts()
    if lacking:
        print(f"pdf: skipped, missing Debian packages: {' '.join(lacking)}\n"
              f"pdf: install them with: sudo apt-get install {' '.join(lacking)}  (or run `make system` as root)")
        return 0

    jobs = []
    for v in args.variants.replace(",", " ").split():
        html = args.site / v / "print.html"
        if not html.is_file():
            print(f"pdf: {html} not found; build the site first (make site)", file=sys.stderr)
            return 1
        jobs.append(Job(html, args.out / f"{args.name}-{v}.pdf"))
    parallel = args.site / "parallel" / "print.html"
    if parallel.is_file() and not args.no_parallel:
        jobs.append(Job(parallel, args.out / f"{args.name}-parallel.pdf", parallel=True))
    # Pango reads FONTCONFIG_FILE when it first loads fonts, which happens after this point.
    os.environ["FONTCONFIG_FILE"] = str(write_fontconfig(args.build_dir / "fontconfig").resolve())
    covered = covered_codepoints(cache_dir=args.build_dir)
    workers = min(len(jobs), args.jobs or os.cpu_count() or 1)
    if workers > 1:
        import multiprocessing

        # Longest first (by the size of the print page): the 简繁对照 PDF takes one worker while the others
        # make the variants; in list order it started last, after both variants, and the build waited for it.
        order = sorted(range(len(jobs)), key=lambda i: -jobs[i].html.stat().st_size)
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {i: pool.submit(render, jobs[i], covered) for i in order}
            results = [futures[i].result() for i in range(len(jobs))]
    else:
        results = [render(j, covered) for j in jobs]
    for r in results:
        print(f"pdf: {r.pdf} ({r.size // 1024} KB, {r.pages} pages, {r.seconds:.1f} s)")
        for ch, page in r.missing:
            print(f"pdf: {r.pdf.name}: no font has U+{ord(ch):04X} {ch} on page {page}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
