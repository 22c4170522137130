"""Figures' images in the EPUBs and the ZIM (issue 15), from a small article built with an images_dir.

The images_dir holds a JPEG, a PNG, a PNG stored under a ``.jpg`` name (its bytes decide its media
type) and an SVG's PNG rendering as ``make images`` stores it; one figure's file is absent.  The
article's own HTML also tries a remote image, which no output may carry.  Checked: epubcheck (no
error, no warning), the manifest's media types, each picture stored once per book, the pages'
``<img>`` pointing into the book, credits on the figure and on 关于本版, zimcheck, the ZIM's entries
and their MIME types, and identical bytes when written twice.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

from sitebuild import ROOT, build_site

pytestmark = [pytest.mark.slow]

EPOCH = "1700000000"
NS = {"opf": "http://www.idpf.org/2007/opf", "x": "http://www.w3.org/1999/xhtml"}
EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")
ARTICLE = (
    "{{Infobox military conflict\n|conflict=图测之战\n|image=Battle map.svg\n|caption=战役地图\n}}\n"
    "'''图测之战'''是一个测试电子书图片的条目。\n"
    "== 人物 ==\n"
    "[[File:Kim Il-sung 1946.jpg|thumb|300px|[[金日成]]在发动战役前]]\n正文。\n"
    "[[File:Harbour.jpg|thumb|港口]]\n"
    "[[File:Gone picture.png|thumb|没有图片的说明]]\n"
    "<div><img src=\"https://evil.example/track.png\"></div>\n"
    "== 地图 ==\n"
    "[[File:Seoul river.png|thumb|180px|汉江]]\n再一段。\n"
    "[[File:Kim Il-sung 1946.jpg|thumb|同一张照片再用一次]]\n"
)


def _picture(path: Path, fmt: str, size: tuple[int, int], colour: tuple[int, int, int]) -> None:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, fmt)
    path.write_bytes(buf.getvalue())


def _credit(path: Path, **meta: str) -> None:
    path.with_name(path.name + ".json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def _write(site: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    return subprocess.run([sys.executable, "-m", "zhwiki.outputs", "epub", "zim", "--site", str(site), "--out", str(out),
                           "--name", "figs"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("imgout")
    images = root / "images"
    images.mkdir()
    _picture(images / "Kim_Il-sung_1946.jpg", "JPEG", (300, 200), (90, 70, 50))
    _credit(images / "Kim_Il-sung_1946.jpg", author="佚名", licence="Public domain")
    _picture(images / "Harbour.jpg", "PNG", (220, 150), (20, 90, 160))  # a PNG under a .jpg name
    _credit(images / "Harbour.jpg", author="John Roe", licence="CC BY 2.0")
    _picture(images / "Seoul_river.png", "PNG", (180, 120), (30, 140, 60))
    _credit(images / "Seoul_river.png", author="Jane Doe", licence="CC BY-SA 4.0")
    _picture(images / "Battle_map.svg.png", "PNG", (220, 220), (200, 200, 180))
    _credit(images / "Battle_map.svg.png", name="Battle_map.svg", author="Map maker", licence="CC BY-SA 3.0")
    src = root / "figs.zh.wikitext"
    src.write_text(ARTICLE, encoding="utf-8")
    proc = build_site(root / "site", source=src, extra_env={"ZHWIKI_IMAGES_DIR": str(images), "ZHWIKI_JOBS": "1"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = _write(root / "site", root / "dist")
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    return root


def _book(root: Path, variant: str) -> dict[str, bytes]:
    with zipfile.ZipFile(root / "dist" / f"figs-{variant}.epub") as zf:
        return {n: zf.read(n) for n in zf.namelist()}


@pytest.mark.parametrize("variant", ["zh-cn", "zh-tw"])
def test_epub_carries_the_edition_images_in_its_manifest(built: Path, variant: str) -> None:
    book = _book(built, variant)
    opf = etree.fromstring(next(v for k, v in book.items() if k.endswith(".opf")))
    items = {i.get("href"): i.get("media-type") for i in opf.iterfind(".//opf:manifest/opf:item", NS)}
    pictures = {h: t for h, t in items.items() if h.startswith("images/")}
    # Four pictures, each once although one figure repeats; media types from the bytes.
    assert sorted(pictures.values()) == ["image/jpeg", "image/png", "image/png", "image/png"], items
    for href, kind in pictures.items():
        data = book[f"EPUB/{href}"]
        assert data.startswith(b"\xff\xd8\xff" if kind == "image/jpeg" else b"\x89PNG"), href
        assert href.endswith(".jpg" if kind == "image/jpeg" else ".png") and href.isascii()
    srcs: list[str] = []
    for name, data in book.items():
        if name.endswith(".xhtml") and not name.endswith("nav.xhtml"):
            srcs += [i.get("src") for i in etree.fromstring(data).iterfind(".//x:img", NS)]
    assert len(srcs) == 5 and set(srcs) == set(pictures), srcs  # infobox + 4 figures, all inside the book
    assert not any(b"evil.example" in v for v in book.values())
    s01 = book["EPUB/s01.xhtml"].decode()
    assert "作者：佚名 · Public domain" in s01
    assert ("没有图片的说明" if variant == "zh-cn" else "沒有圖片的說明") in s01  # no file: the caption line stays
    about = book["EPUB/about.xhtml"].decode()
    assert "Battle map.svg" in about and "Map maker" in about and "CC BY 2.0" in about


@pytest.mark.parametrize("variant", ["zh-cn", "zh-tw"])
def test_epubcheck_clean_with_images(built: Path, variant: str) -> None:
    if not (EPUBCHECK_JAR.is_file() and shutil.which("java")):
        pytest.skip("epubcheck missing: apt-get install epubcheck (make system)")
    proc = subprocess.run(["java", "-jar", str(EPUBCHECK_JAR), str(built / "dist" / f"figs-{variant}.epub")],
                          capture_output=True, text=True, timeout=300)
    report = proc.stdout + proc.stderr
    assert proc.returncode == 0 and "0 fatals / 0 errors / 0 warnings" in report, report


def test_zim_holds_the_images_with_their_types(built: Path) -> None:
    from libzim.reader import Archive

    zim = Archive(built / "dist" / "figs.zim")
    for variant in ("zh-cn", "zh-tw"):
        kinds = {}
        for name in ("Kim_Il-sung_1946.jpg", "Harbour.jpg", "Seoul_river.png", "Battle_map.svg.png"):
            item = zim.get_entry_by_path(f"{variant}/images/{name}").get_item()
            kinds[name] = item.mimetype
            assert bytes(item.content) == (built / "images" / name).read_bytes()
        assert kinds == {"Kim_Il-sung_1946.jpg": "image/jpeg", "Harbour.jpg": "image/png",
                         "Seoul_river.png": "image/png", "Battle_map.svg.png": "image/png"}
        page = bytes(zim.get_entry_by_path(f"{variant}/s01.html").get_item().content).decode()
        assert 'src="images/Kim_Il-sung_1946.jpg"' in page and "evil.example" not in page
    assert "_pictures:yes" in bytes(zim.get_metadata("Tags")).decode()
    if shutil.which("zimcheck"):
        proc = subprocess.run(["zimcheck", "-A", str(built / "dist" / "figs.zim")], capture_output=True, text=True,
                              timeout=300)
        assert proc.returncode == 0 and "[ERROR]" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr


def test_image_outputs_are_byte_identical_when_written_again(built: Path, tmp_path: Path) -> None:
    assert _write(built / "site", tmp_path).returncode == 0
    for name in ("figs-zh-cn.epub", "figs-zh-tw.epub", "figs.zim"):
        assert (tmp_path / name).read_bytes() == (built / "dist" / name).read_bytes(), name
