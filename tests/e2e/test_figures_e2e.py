"""Figures in Chromium (issue 13): without the image one compact line 图：caption（维基共享资源）, one
line on a phone; with images_dir the image at the width the wikitext asks, with its credit, copied
into the site and listed on 关于本版."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from urllib.parse import unquote

import pytest
from test_figures import png

from sitebuild import build_site

from .conftest import VARIANTS

SIZES = [(1280, 900), (390, 844)]
ARTICLE = (
    "'''图测'''是一个测试图片的条目。\n"
    "== 图 ==\n"
    "[[File:Kim Il-sung 1946.jpg|thumb|180px|[[金日成]]在发动战役前的照片，说明文字相当长以便在手机上超过一行宽度]]\n"
    "第一段正文。\n\n"
    "[[File:Missing picture.png|thumb|没有图片的说明文字也相当长，以便在手机上超过一行的宽度而被收起]]\n"
    "第二段正文。\n\n"
    "[[File:Upright photo.png|thumb|upright]]\n"
    "第三段正文。\n"
)
FIGS = """() => [...document.querySelectorAll('article figure.wiki-figure')].map(f => {
  const c = f.querySelector('figcaption'), img = f.querySelector('img');
  return {text: c.textContent.trim(), cap_h: c.getBoundingClientRect().height,
          line: parseFloat(getComputedStyle(c).lineHeight) || 20, img_w: img ? img.getBoundingClientRect().width : 0,
          loaded: img ? img.naturalWidth : 0, href: (f.querySelector('a.wiki-file') || {}).href || ''};
})"""


@pytest.fixture(scope="module")
def imaged(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small article built with an images_dir holding one of its two files, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("figures")
    (root / "images").mkdir()
    png(root / "images" / "Kim_Il-sung_1946.jpg")
    (root / "images" / "Kim_Il-sung_1946.jpg.json").write_text(
        json.dumps({"author": "佚名", "licence": "Public domain"}), encoding="utf-8")
    png(root / "images" / "Upright_photo.png")  # no caption, upright: 220 × 0.75 → 170 px, as MediaWiki
    (root / "images" / "Upright_photo.png.json").write_text(
        json.dumps({"author": "某摄影者", "licence": "CC BY 4.0"}), encoding="utf-8")
    src = root / "a.zh.wikitext"
    src.write_text(ARTICLE, encoding="utf-8")
    r = build_site(root / "site", source=src, extra_env={"ZHWIKI_IMAGES_DIR": str(root / "images"), "ZHWIKI_JOBS": "1"})
    assert r.returncode == 0, r.stderr[-3000:]

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root / "site")))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("size", SIZES, ids=["desktop", "phone"])
def test_figure_with_and_without_image(browser, imaged: str, variant: str, size: tuple[int, int]) -> None:
    ctx = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = ctx.new_page()
    try:
        page.goto(f"{imaged}/{variant}/s01.html")
        for img in page.locator("article figure img").all():
            img.scroll_into_view_if_needed()  # the images load lazily
        page.wait_for_function("[...document.querySelectorAll('article figure img')].every(i => i.complete)")
        figs = page.evaluate(FIGS)
        assert len(figs) == 3, figs
        shown, missing, upright = figs
        fig = "图" if variant == "zh-cn" else "圖"
        assert shown["loaded"] == 2 and round(shown["img_w"]) == 180, shown  # copied, at the asked width
        assert shown["text"].startswith(f"{fig}：金日成") and "Public domain" in shown["text"], shown
        assert missing["img_w"] == 0 and missing["text"].startswith(f"{fig}：")
        assert missing["text"].endswith("（维基共享资源）" if variant == "zh-cn" else "（維基共享資源）"), missing
        assert missing["href"] == "https://commons.wikimedia.org/wiki/File:Missing_picture.png"
        # No caption: no caption text of its own (never the file name), the source and credit kept.
        assert upright["loaded"] == 2 and round(upright["img_w"]) == 170, upright
        source = "（维基共享资源）" if variant == "zh-cn" else "（維基共享資源）"
        assert upright["text"].startswith(fig + source) and "某摄影者" in upright["text"], upright
        assert "Upright" not in upright["text"] and "photo" not in upright["text"], upright
        if size[0] < 600:
            assert missing["cap_h"] < 1.6 * missing["line"], missing  # collapsed to one line on a phone
            page.click("article figure.wiki-figure:not(.has-image)", position={"x": 5, "y": 5})
            opened = page.evaluate(FIGS)[1]
            assert opened["cap_h"] > 1.6 * opened["line"], opened  # a tap shows the whole caption
        page.goto(f"{imaged}/{variant}/about.html")
        about = page.inner_text("article")
        assert "Kim Il-sung 1946.jpg" in about and "佚名" in about and "Public domain" in about
    finally:
        ctx.close()


@pytest.mark.parametrize("size", SIZES, ids=["desktop", "phone"])
def test_seed_has_no_file_name_boxes(browser, server: str, size: tuple[int, int]) -> None:
    ctx = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = ctx.new_page()
    try:
        for variant, fig in zip(VARIANTS, ("图", "圖"), strict=True):
            page.goto(f"{server}/{variant}/s03.html")
            figs = page.evaluate(FIGS)
            assert figs, "the seed's 经过 page has figures"
            for f in figs:
                assert f["text"].startswith(fig) and f["href"].startswith("https://commons.wikimedia.org/wiki/File:"), f
                name = unquote(f["href"].rsplit(":", 1)[1]).rsplit(".", 1)[0]
                assert name not in f["text"] and name.replace("_", " ") not in f["text"], f  # never the file name
                assert f["cap_h"] < (1.6 if size[0] < 600 else 6) * f["line"], f
    finally:
        ctx.close()
