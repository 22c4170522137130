"""Downloads on the site (issue 13): the files `make` wrote to dist/ are published in
site/downloads/, listed on the chooser with their sizes and linked from each page's footer (its
variant's PDF); stale files are not offered, and the zip and ZIM link none of it."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest

from zhwiki.outputs import bundle, downloads


@pytest.fixture
def site(built_site: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    return copy


def _dist(tmp_path: Path, site: Path, sizes: dict[str, int], *, stale: tuple[str, ...] = ()) -> Path:
    dist = tmp_path / "dist"
    dist.mkdir()
    built = downloads.built_at(site, ["zh-cn", "zh-tw"])
    for name, size in sizes.items():
        (dist / name).write_bytes(b"x" * size)
        t = built - 3600 if name in stale else built + 1
        os.utime(dist / name, (t, t))
    return dist


def test_chooser_and_footers_before_make_wrote_anything(site: Path) -> None:
    chooser = (site / "index.html").read_text(encoding="utf-8")
    assert downloads.LIST_SLOT in chooser and "downloads/" not in chooser
    page = (site / "zh-cn" / "s03.html").read_text(encoding="utf-8")
    assert '<a class="print-link" href="print.html">打印版</a><!-- zhwiki:pdf zh-cn -->' in page
    assert '<a class="print-link" href="print.html">列印版</a><!-- zhwiki:pdf zh-tw -->' in (
        site / "zh-tw" / "about.html").read_text(encoding="utf-8")
    assert (site / "zh-cn" / "print.html").is_file()


def test_publish_lists_what_exists_with_sizes_and_links_each_variants_pdf(site: Path, tmp_path: Path) -> None:
    dist = _dist(tmp_path, site, {"kw-offline.zip": 5_630_269, "kw-zh-cn.pdf": 1_742_440, "kw-zh-tw.pdf": 1_896_388,
                                  "kw-zh-cn.epub": 176_300, "kw.zim": 2_832_305, "kw-parallel.pdf": 10,
                                  "other-zh-cn.pdf": 5}, stale=("kw-parallel.pdf",))
    found = downloads.publish(site, dist, "kw", ["zh-cn", "zh-tw"])
    assert [d.file for d in found] == ["kw-offline.zip", "kw-zh-cn.pdf", "kw-zh-tw.pdf", "kw-zh-cn.epub", "kw.zim"]
    assert sorted(p.name for p in (site / "downloads").iterdir()) == sorted(d.file for d in found)
    chooser = (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="downloads/kw-zh-tw.pdf">PDF · 臺灣正體</a> <small>kw-zh-tw.pdf · 1.9 MB</small>' in chooser
    assert "kw-zh-cn.epub · 176 KB" in chooser and "kw-offline.zip · 5.6 MB" in chooser
    assert "parallel.pdf" not in chooser and "other-" not in chooser  # stale, or another article's
    cn = (site / "zh-cn" / "s03.html").read_text(encoding="utf-8")
    assert '<!-- zhwiki:pdf zh-cn --> · <a class="pdf-download" href="../downloads/kw-zh-cn.pdf">PDF（1.7 MB）</a>' in cn
    assert "kw-zh-tw.pdf" in (site / "zh-tw" / "index.html").read_text(encoding="utf-8")
    # run again after the PDFs are gone: the links go with them, nothing is left dangling
    for name in ("kw-zh-cn.pdf", "kw-zh-tw.pdf"):
        (dist / name).unlink()
    downloads.publish(site, dist, "kw", ["zh-cn", "zh-tw"])
    assert "pdf-download" not in (site / "zh-cn" / "s03.html").read_text(encoding="utf-8")
    chooser = (site / "index.html").read_text(encoding="utf-8")
    assert ".pdf" not in chooser and chooser.count("<h2>") == 1
    assert not (site / "downloads" / "kw-zh-cn.pdf").exists()


def test_zip_holds_no_downloads_and_links_none(site: Path, tmp_path: Path) -> None:
    dist = _dist(tmp_path, site, {"kw-offline.zip": 100, "kw-zh-cn.pdf": 100, "kw-zh-tw.pdf": 100})
    downloads.publish(site, dist, "kw", ["zh-cn", "zh-tw"])
    out = tmp_path / "out" / "kw-offline.zip"
    bundle.bundle(site, out, "kw")
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        assert not any("/downloads/" in n for n in names)
        for n in names:
            if n.endswith(".html"):
                text = zf.read(n).decode("utf-8")
                assert "downloads/" not in text, n
        assert downloads.LIST_SLOT in zf.read("kw/index.html").decode("utf-8")


def test_sizes_read_as_a_reader_reads_them() -> None:
    assert downloads.size_text(1_742_440) == "1.7 MB"
    assert downloads.size_text(176_300) == "176 KB"
    assert downloads.size_text(10) == "1 KB"
