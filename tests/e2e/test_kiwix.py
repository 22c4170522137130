"""The ZIM in Kiwix: kiwix-serve (Debian's kiwix-tools) serves it on 127.0.0.1 and Chromium reads it.

The main page (the variant chooser) opens and leads to a variant, the variant switch goes to the
other script on the same page, a footnote opens, and Kiwix's own search box finds 仁川 in each
variant's pages.  Every request outside the local kiwix-serve fails the test (route guard).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import EPOCH, ROOT, Outside, _guard

BOOK = "kw"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def kiwix(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of kiwix-serve serving the edition's ZIM (stopped after the module)."""
    if not shutil.which("kiwix-serve"):
        pytest.skip("kiwix-serve missing: apt-get install kiwix-tools (make system)")
    out = tmp_path_factory.mktemp("zim")
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(EPOCH))
    proc = subprocess.run([sys.executable, "-m", "zhwiki.outputs", "zim", "--site", str(site), "--out", str(out),
                           "--name", BOOK], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    port = _free_port()
    server = subprocess.Popen(["kiwix-serve", "--address=127.0.0.1", f"--port={port}", str(out / f"{BOOK}.zim")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(base + "/", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("kiwix-serve did not answer within 20 s")
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


@pytest.fixture
def kpage(browser, kiwix: str) -> Iterator[object]:
    seen = Outside()
    ctx = browser.new_context(color_scheme="light", locale="zh-CN", viewport={"width": 1280, "height": 900})
    ctx.route("**/*", _guard(kiwix, seen))
    page = ctx.new_page()
    page.set_default_timeout(20000)
    yield page
    ctx.close()
    assert seen.urls == [], f"requests outside kiwix-serve: {seen.urls[:5]}"


def test_main_page_variant_switch_and_footnote(kpage, kiwix: str) -> None:
    page = kpage
    page.goto(f"{kiwix}/{BOOK}/")
    # the chooser is the main page; with a zh-CN browser it forwards to the simplified edition
    page.wait_for_url(f"**/{BOOK}/zh-cn/index.html")
    assert page.locator("html").get_attribute("lang") == "zh-Hans-CN"
    page.goto(f"{kiwix}/{BOOK}/zh-cn/s03.html")
    switch = page.locator('a.md-select__link[hreflang="zh-Hant-TW"]').first
    switch.evaluate("a => a.click()")  # the switch sits in a hover menu
    page.wait_for_url(f"**/{BOOK}/zh-tw/s03.html")
    assert page.locator("html").get_attribute("lang") == "zh-Hant-TW"
    assert "仁川登陸" in page.locator("article").inner_text()

    ref = page.locator("article a.footnote-ref").first
    target = ref.get_attribute("href")
    ref.click()
    page.wait_for_url(f"**{target}")
    note = page.locator(f'[id="{target[1:]}"]')
    assert note.is_visible() and note.inner_text().strip()
    assert note.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")


@pytest.mark.parametrize(("variant", "heading"), [("zh-cn", "仁川登陆"), ("zh-tw", "仁川登陸")])
def test_kiwix_search_finds_inchon_in_each_variant(kpage, kiwix: str, variant: str, heading: str) -> None:
    page = kpage
    page.goto(f"{kiwix}/{BOOK}/{variant}/index.html")
    box = page.locator("#kiwixsearchbox")
    box.fill("仁川")
    box.press("Enter")
    page.wait_for_url("**/search?**")
    links = page.locator(f'a[href*="/{BOOK}/{variant}/"]')
    assert links.count() > 0, page.content()[:2000]
    links.first.click()
    page.wait_for_url(f"**/{BOOK}/{variant}/*.html")
    assert "仁川" in page.locator("article").inner_text()
    page.goto(f"{kiwix}/{BOOK}/{variant}/s03.html")
    assert heading in page.locator("article").inner_text()
