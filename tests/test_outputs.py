"""The EPUBs and the ZIM (plugins/zhwiki/outputs/), made from the session's built site.

Checked with the tools readers' ecosystems use: epubcheck (no error, no warning) on each EPUB,
zimcheck on the ZIM, libzim's own reader for its metadata and its Chinese full-text index.
Both outputs are made twice and must be byte-identical.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import uuid
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from zhwiki.outputs import content
from zhwiki.outputs.edition import EDITION_NS, load_edition

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = ("zh-cn", "zh-tw")
LANG = {"zh-cn": "zh-Hans-CN", "zh-tw": "zh-Hant-TW"}
TITLE = {"zh-cn": "朝鲜战争", "zh-tw": "韓戰"}
INCHON = {"zh-cn": "3.3.1 仁川登陆", "zh-tw": "3.3.1 仁川登陸"}
PARTIES = {"zh-cn": "参战方", "zh-tw": "參戰方"}  # the infobox's first row
EPOCH = "1700000000"  # tests/sitebuild.py builds with this SOURCE_DATE_EPOCH
NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")

pytestmark = [pytest.mark.slow]


def _write(site: Path, out: Path, *outputs: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    return subprocess.run([sys.executable, "-m", "zhwiki.outputs", *outputs, "--site", str(site), "--out", str(out),
                           "--name", "kw"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def dist(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("outputs")
    proc = _write(built_site, out / "a", "epub", "zim")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    for name in ("kw-zh-cn.epub", "kw-zh-tw.epub", "kw.zim"):
        assert f"wrote {out / 'a' / name}" in proc.stdout
    return out / "a"


def test_outputs_are_byte_identical_across_builds(built_site: Path, dist: Path, tmp_path: Path) -> None:
    proc = _write(built_site, tmp_path, "epub", "zim")
    assert proc.returncode == 0, proc.stderr
    for name in ("kw-zh-cn.epub", "kw-zh-tw.epub", "kw.zim"):
        assert (tmp_path / name).read_bytes() == (dist / name).read_bytes(), name


def test_cli_refuses_without_source_date_epoch(built_site: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    proc = subprocess.run([sys.executable, "-m", "zhwiki.outputs", "epub", "--site", str(built_site), "--out",
                           str(tmp_path), "--name", "kw"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1 and "SOURCE_DATE_EPOCH" in proc.stderr
    assert not list(tmp_path.iterdir())


# --- sanitizing -------------------------------------------------------------------------------


def test_clean_removes_scripts_handlers_and_dangerous_urls() -> None:
    doc = content.parse_page(
        b'<html><body><article class="md-content__inner"><h1>T</h1>'
        b'<p onclick="x()" style="color:red">keep <a href="javascript:alert(1)">me</a> '
        b'<a href="s01.html#a">ok</a> <a href=" JaVaScRiPt:x">bad</a> <a href="data:text/html,x">d</a></p>'
        b"<script>alert(2)</script><iframe src=x></iframe><svg><script>y</script></svg>"
        b'<custom-tag onmouseover="z">inner</custom-tag><img src=x onerror="q"><!-- c -->'
        b'<img src="https://evil.example/t.png"><img src="//evil.example/t.png"><img src="/abs.png">'
        b'<img src="data:image/png;base64,AAAA"><img src="JaVaScRiPt:y"><img alt="no source">'
        b'<p src="images/a.png">p</p>'
        b'<form action="javascript:f"><input value=v></form></article></body></html>'
    )
    art = content.article_of(doc)
    out = etree.tostring(art, encoding="unicode", method="xml")
    assert "keep" in out and "me" in out and "inner" in out
    assert not re.search(r"(?i)<script|<iframe|<svg|<form|<input|on\w+=|style=|javascript:|data:|<!--|evil|abs", out), out
    assert 'href="s01.html#a"' in out
    # Only the edition's own (relative) image stays, and src stays on no other element.
    assert re.findall(r"<img[^>]*>", out) == ['<img src="x"/>'] and "<p>p</p>" in out


# --- EPUB ---------------------------------------------------------------------------------------


def _epubcheck() -> list[str] | None:
    if EPUBCHECK_JAR.is_file() and shutil.which("java"):
        return ["java", "-jar", str(EPUBCHECK_JAR)]
    return None


@pytest.mark.parametrize("variant", VARIANTS)
def test_epubcheck_no_errors_no_warnings(dist: Path, variant: str) -> None:
    cmd = _epubcheck()
    if cmd is None:
        pytest.skip("epubcheck missing: apt-get install epubcheck (make system)")
    proc = subprocess.run([*cmd, str(dist / f"kw-{variant}.epub")], capture_output=True, text=True, timeout=300)
    report = proc.stdout + proc.stderr
    assert proc.returncode == 0, report
    assert "0 fatals / 0 errors / 0 warnings" in report, report


def _epub(dist: Path, variant: str) -> dict[str, bytes]:
    with zipfile.ZipFile(dist / f"kw-{variant}.epub") as zf:
        assert zf.namelist()[0] == "mimetype" and zf.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        return {n: zf.read(n) for n in zf.namelist()}


@pytest.mark.parametrize("variant", VARIANTS)
def test_epub_metadata(dist: Path, built_site: Path, variant: str) -> None:
    opf = etree.fromstring(_epub(dist, variant)["EPUB/content.opf"])
    md = opf.find("opf:metadata", NS)
    assert md.findtext("dc:language", namespaces=NS) == LANG[variant]
    assert md.findtext("dc:title", namespaces=NS) == TITLE[variant]
    assert md.findtext("dc:creator", namespaces=NS) == "zh.wikipedia contributors"
    assert "CC BY-SA 4.0" in md.findtext("dc:rights", namespaces=NS)
    source = md.findtext("dc:source", namespaces=NS)
    assert source == "https://zh.wikipedia.org/wiki/朝鲜战争"
    assert md.findtext("dc:identifier", namespaces=NS) == f"urn:uuid:{uuid.uuid5(EDITION_NS, f'{source}#{variant}')}"
    assert md.findtext("opf:meta[@property='dcterms:modified']", namespaces=NS) == "2023-11-14T22:13:20Z"
    assert not opf.xpath("//opf:item[@media-type[starts-with(., 'font/') or contains(., 'opentype')]]", namespaces=NS)


@pytest.mark.parametrize("variant", VARIANTS)
def test_epub_documents_nav_cover_and_footnotes(dist: Path, built_site: Path, variant: str) -> None:
    files = _epub(dist, variant)
    edition = load_edition(built_site, "kw", variants=[variant], env={"SOURCE_DATE_EPOCH": EPOCH})
    pages = edition.variants[0].pages
    # one XHTML per built page, including the back matter pages the issue names
    for page in pages:
        assert f"EPUB/{page.path[:-5]}.xhtml" in files, page.path
    assert {"references.html", "glossary.html", "about.html"} <= {p.path for p in pages}

    nav = etree.fromstring(files["EPUB/nav.xhtml"])
    labels = [" ".join("".join(a.itertext()).split()) for a in nav.iterfind(".//x:nav//x:a", NS)]
    assert INCHON[variant] in labels
    assert sum(1 for p in pages if p.section) >= 9 and labels.count(INCHON[variant]) == 1
    assert any(label.startswith("9 ") for label in labels)
    # the site's numbers (numbering.py), never counted a second time: no "3 3 经过", no "3.3.1 3.3.1 …"
    assert not any(re.match(r"(\d+(?:\.\d+)*) \1 ", label) for label in labels), labels[:12]

    cover = files["EPUB/cover.xhtml"].decode()
    for text in (TITLE[variant], "https://zh.wikipedia.org/wiki/朝鲜战争", "CC BY-SA 4.0", "2023-11-14"):
        assert text in cover

    css = files["EPUB/style.css"].decode()
    assert f":lang({LANG[variant]})" in css and "serif" in css and "@font-face" not in css

    noterefs = footnotes = 0
    for name, data in files.items():
        if not name.endswith(".xhtml") or name.endswith("nav.xhtml"):
            continue
        text = data.decode()
        assert not re.search(r"(?i)<script|\son\w+=|javascript:", text), name
        doc = etree.fromstring(data)
        assert doc.get("lang") == LANG[variant]
        ids = set(doc.xpath("//@id"))
        for a in doc.xpath("//x:a[@epub:type='noteref']", namespaces=NS):
            noterefs += 1
            target = a.get("href").lstrip("#")
            assert target in ids, (name, target)
            aside = doc.xpath("//x:aside[@id=$t]", t=target, namespaces=NS)
            assert aside and aside[0].get(f"{{{NS['epub']}}}type") == "footnote", (name, target)
        footnotes += len(doc.xpath("//x:aside[@epub:type='footnote']", namespaces=NS))
    assert noterefs > 300 and footnotes > 300
    lead = etree.fromstring(files["EPUB/index.xhtml"])
    infobox = lead.xpath("//x:table", namespaces=NS)
    assert infobox and PARTIES[variant] in "".join(infobox[0].itertext())


# --- ZIM ----------------------------------------------------------------------------------------


def test_zimcheck_passes(dist: Path) -> None:
    if not shutil.which("zimcheck"):
        pytest.skip("zimcheck missing: apt-get install zim-tools (make system)")
    proc = subprocess.run(["zimcheck", "-A", str(dist / "kw.zim")], capture_output=True, text=True, timeout=300)
    report = proc.stdout + proc.stderr
    assert proc.returncode == 0, report
    assert "[ERROR]" not in report and "Overall Test Status: Pass" in report, report


def test_zim_metadata_main_page_and_search(dist: Path) -> None:
    from libzim.reader import Archive
    from libzim.search import Query, Searcher

    zim = Archive(dist / "kw.zim")
    meta = {k: bytes(zim.get_metadata(k)).decode() for k in zim.metadata_keys if k != "Illustration_48x48@1"}
    for key in ("Title", "Description", "Language", "Creator", "Publisher", "Date", "Name", "Source", "License", "Tags"):
        assert meta.get(key), key
    assert meta["Language"] == "zho" and meta["Date"] == "2023-11-14" and "CC BY-SA 4.0" in meta["License"]
    assert len(meta["Title"]) <= 30 and len(meta["Description"]) <= 80
    png = bytes(zim.get_illustration_item(48).content)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[16:24] == (48).to_bytes(4, "big") * 2
    assert zim.main_entry.get_item().path == "index.html"
    for path in ("zh-cn/s03.html", "zh-tw/s03.html", "parallel/s03.html"):
        assert zim.has_entry_by_path(path)
    assert zim.has_fulltext_index and zim.has_title_index
    search = Searcher(zim).search(Query().set_query("仁川"))
    found = list(search.getResults(0, 100))
    for folder in ("zh-cn/", "zh-tw/"):
        assert any(p.startswith(folder) for p in found), found
