"""KaTeX loads only on pages that hold a formula (issue 13), checked in Chromium at 1280×900 and
390×844: the seed has no <math>, so none of its pages asks for KaTeX; on tests/articles/pythagoras
the pages with formulas load the vendored KaTeX and typeset them, the others load nothing of it."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitebuild import ROOT, build_site

from .conftest import _guard

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
KATEX = ROOT / "docs/assets/vendor/katex/katex.min.js"


def _requests(browser, base: str, outside, viewport: str, paths: list[str]) -> dict[str, list[str]]:
    """Every URL each page asked for, after it settled; plus how many formulas KaTeX typeset."""
    ctx = browser.new_context(viewport=VIEWPORTS[viewport])
    ctx.route("**/*", _guard(base, outside))
    out: dict[str, list[str]] = {}
    try:
        page = ctx.new_page()
        for path in paths:
            seen: list = []

            def record(request, seen=seen) -> None:
                seen.append(request)

            page.on("request", record)
            page.goto(f"{base}/{path}", wait_until="networkidle")
            page.remove_listener("request", record)
            typeset = page.evaluate("() => document.querySelectorAll('.arithmatex .katex').length")
            out[path] = [r.url for r in seen] + [f"typeset:{typeset}"]
    finally:
        ctx.close()
    assert outside.urls == []
    return out


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_seed_pages_ask_for_no_katex(browser, server: str, site: Path, outside, viewport: str) -> None:
    pages = ["zh-cn/index.html", "zh-cn/s03.html", "zh-tw/s05.html", "zh-tw/about.html", "zh-cn/print.html",
             "parallel/s03.html"]
    for path, urls in _requests(browser, server, outside, viewport, pages).items():
        assert not [u for u in urls if "katex" in u.lower()], path
    # and no page of the built seed refers to it at all
    for html in site.rglob("*.html"):
        assert "katex" not in html.read_text(encoding="utf-8").lower(), html


@pytest.fixture(scope="module")
def math_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not KATEX.is_file():
        pytest.skip("KaTeX not vendored: run `make katex`")
    dest = tmp_path_factory.mktemp("math") / "site"
    proc = build_site(dest, source=ROOT / "tests/articles/pythagoras.zh.wikitext")
    assert proc.returncode == 0, proc.stderr[-2000:]

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(dest)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_only_pages_with_formulas_load_katex_and_typeset_them(browser, math_site: str, outside, viewport: str) -> None:
    with_math = ["zh-cn/index.html", "zh-cn/s02.html", "zh-tw/s02.html"]
    without = ["zh-cn/s01.html", "zh-cn/s03.html", "zh-tw/about.html"]
    seen = _requests(browser, math_site, outside, viewport, with_math + without)
    for path in with_math:
        names = [u.rsplit("/", 1)[-1] for u in seen[path]]
        assert {"katex.min.js", "auto-render.min.js", "katex.min.css", "katex-init.js"} <= set(names), path
        assert int(seen[path][-1].split(":")[1]) >= 1, f"{path}: no formula typeset"
    for path in without:
        assert not [u for u in seen[path] if "katex" in u.lower()], path
