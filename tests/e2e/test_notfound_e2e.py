"""The 404 page works wherever it is shown: at any depth on a server, and from file:// in the bundle.

A server shows a variant's ``404.html`` at the address that was missed (``/zh-cn/a/b/c``); a link
relative to the page (the footer's ``print.html``) broke there, and the site-absolute ones pointed
at the server's root although the variant lives in ``/zh-cn/``.  Each test follows every link and
stylesheet of the page and asks whether it exists.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import unquote, urlsplit
from urllib.request import urlopen

import pytest

from .conftest import VARIANTS

LINKS = """() => ({
  links: [...document.querySelectorAll('a[href], link[href], script[src]')]
    .map(e => e.href || e.src).filter(u => /^(https?|file):/.test(u) && !/^https?:\\/\\/(?!127\\.0\\.0\\.1)/.test(u)),
  styled: getComputedStyle(document.querySelector('.md-header')).position,
  home: document.querySelector('a.md-header__button.md-logo, a[href$="index.html"]').href,
})"""


@pytest.fixture(scope="module")
def notfound_server(site: Path) -> Iterator[str]:
    """A server that answers a missing address under a variant with that variant's 404.html."""

    class NotFound(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            folder = urlsplit(self.path).path.strip("/").split("/", 1)[0]
            page = site / folder / "404.html"
            if code != 404 or not page.is_file():
                super().send_error(code, message, explain)
                return
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(NotFound, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def _exists(url: str) -> bool:
    if url.startswith("file://"):
        return Path(unquote(urlsplit(url).path)).exists()
    try:
        with urlopen(url.split("#", 1)[0], timeout=10) as r:
            return r.status == 200
    except HTTPError:
        return False


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("missed", ["nothing-here.html", "a/b/c", "a/b/c/"])
def test_404_links_work_at_any_depth_on_a_server(browser, notfound_server: str, variant: str, missed: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        response = page.goto(f"{notfound_server}/{variant}/{missed}")
        assert response is not None and response.status == 404
        found = page.evaluate(LINKS)
        assert found["styled"] in ("sticky", "fixed"), found  # Material's stylesheet applied
        assert found["home"] == f"{notfound_server}/{variant}/index.html", found
        assert f"{notfound_server}/{variant}/print.html" in found["links"]
        missing = [u for u in dict.fromkeys(found["links"]) if not _exists(u)]
        assert missing == [] and len(found["links"]) > 10, missing
    finally:
        page.close()


@pytest.mark.parametrize("variant", VARIANTS)
def test_404_links_work_from_file(browser, site: Path, variant: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto((site / variant / "404.html").as_uri())
        found = page.evaluate(LINKS)
        assert found["styled"] in ("sticky", "fixed"), found
        assert found["home"] == (site / variant / "index.html").as_uri(), found
        missing = [u for u in dict.fromkeys(found["links"]) if not _exists(u)]
        assert missing == [] and len(found["links"]) > 10, missing
    finally:
        page.close()


@pytest.mark.parametrize("variant,heading,home", [("zh-cn", "404 - 找不到页面", "首页"), ("zh-tw", "404 - 找不到頁面", "首頁")])
def test_404_page_speaks_the_variants_script(browser, notfound_server: str, variant: str, heading: str,
                                             home: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(f"{notfound_server}/{variant}/a/b/c")
        assert page.inner_text("article h1").strip() == heading  # Material's own says "404 - Not found"
        link = page.locator("article p a", has_text=home)
        assert link.get_attribute("href") == "index.html"
        assert link.evaluate("a => a.href") == f"{notfound_server}/{variant}/index.html"
    finally:
        page.close()
