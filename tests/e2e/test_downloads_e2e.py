"""The chooser's downloads and every page's footer links in Chromium (issue 13), at 1280×900 and
390×844, light and dark: after `make` has written its files, the chooser lists each with its
size and the link fetches that file; a page's footer links its print page and its variant's PDF."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from zhwiki.outputs import downloads

from .conftest import _guard

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
FILES = {"kw-offline.zip": 5_630_269, "kw-zh-cn.pdf": 1_742_440, "kw-zh-tw.pdf": 1_896_388, "kw-parallel.pdf": 3_711_058,
         "kw-zh-cn.epub": 176_300, "kw-zh-tw.epub": 190_866, "kw.zim": 2_832_305}


@pytest.fixture(scope="module")
def published(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A copy of the site after `make`'s last step, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("published")
    copy = root / "site"
    shutil.copytree(site, copy)
    dist = root / "dist"
    dist.mkdir()
    built = downloads.built_at(copy, ["zh-cn", "zh-tw"])
    for name, size in FILES.items():
        (dist / name).write_bytes(bytes(size))
        os.utime(dist / name, (built + 1, built + 1))
    downloads.publish(copy, dist, "kw", ["zh-cn", "zh-tw"])

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(copy)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield copy, f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_chooser_lists_every_download_with_its_size(browser, published, outside, viewport: str, scheme: str) -> None:
    _, base = published
    ctx = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-US", color_scheme=scheme)  # stays on the chooser
    ctx.route("**/*", _guard(base, outside))
    try:
        page = ctx.new_page()
        page.goto(f"{base}/index.html", wait_until="networkidle")
        items = page.locator("ul.downloads li")
        assert items.count() == len(FILES)
        for li in items.all():
            assert li.is_visible()
            href = li.locator("a").get_attribute("href")
            name = href.removeprefix("downloads/")
            assert li.locator("small").inner_text() == f"{name} · {downloads.size_text(FILES[name])}"
            got = page.request.get(f"{base}/{href}")
            assert got.status == 200 and len(got.body()) == FILES[name], href
        labels = [a.inner_text() for a in page.locator("ul.downloads a").all()]
        assert labels[1] == "PDF · 大陆简体" and labels[2] == "PDF · 臺灣正體" and "PDF · 简繁对照 · 簡繁對照" in labels
        # nothing wider than the screen on a phone
        assert page.evaluate("() => document.documentElement.scrollWidth") <= VIEWPORTS[viewport]["width"]
        colour = page.evaluate("() => getComputedStyle(document.querySelector('.downloads small')).color")
        assert colour == ("rgb(102, 102, 102)" if scheme == "light" else "rgb(170, 170, 187)")
    finally:
        ctx.close()
    assert outside.urls == []


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("variant", ["zh-cn", "zh-tw"])
def test_every_page_footer_links_its_print_page_and_pdf(browser, published, outside, viewport: str, variant: str) -> None:
    _, base = published
    ctx = browser.new_context(viewport=VIEWPORTS[viewport])
    ctx.route("**/*", _guard(base, outside))
    try:
        page = ctx.new_page()
        for path in ("index.html", "s03.html", "references.html", "about.html", "glossary.html"):
            page.goto(f"{base}/{variant}/{path}")
            footer = page.locator(".md-copyright")
            footer.scroll_into_view_if_needed()
            assert "CC BY-SA 4.0" in footer.inner_text()
            printed = footer.locator("a.print-link")
            assert printed.is_visible() and printed.inner_text() == ("打印版" if variant == "zh-cn" else "列印版")
            pdf = footer.locator("a.pdf-download")
            assert pdf.is_visible() and re.fullmatch(r"PDF（1\.[79] MB）", pdf.inner_text())
            assert pdf.get_attribute("href") == f"../downloads/kw-{variant}.pdf"
            assert page.request.get(f"{base}/downloads/kw-{variant}.pdf").status == 200
        printed.click()
        page.wait_for_url(re.compile(rf".*/{variant}/print\.html$"))
        assert page.locator("#print-cover").is_visible()
    finally:
        ctx.close()
    assert outside.urls == []
