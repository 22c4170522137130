"""Fixtures for the browser tests: one built site, a local HTTP server and headless Chromium.

The site is the session's one build of the seed article in zh-cn and zh-tw (tests/conftest.py,
SOURCE_DATE_EPOCH=1700000000); the assertions are about that article.

Set ZHWIKI_E2E_SITE=path/to/site to reuse an existing build (it must have been built with
SOURCE_DATE_EPOCH=1700000000 for the about-page date check).

Chromium is Debian's /usr/bin/chromium driven by Playwright; no browser is ever downloaded.  Every
page runs behind a route handler that lets through only the local server and file:// and records
(and aborts) anything else, so each test also proves the page makes no outside request.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
#: 2023-11-14 (UTC): the about page must show this date, not the day of the test run.
EPOCH = 1700000000
VARIANTS = ("zh-cn", "zh-tw")
SHIM = ROOT / "docs/assets/vendor/iframe-worker/shim.js"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def site(request: pytest.FixtureRequest) -> Path:
    """The built site root (chooser index.html plus one folder per variant).

    The session's shared build (``built_site`` in tests/conftest.py) unless ZHWIKI_E2E_SITE names one.
    """
    given = os.environ.get("ZHWIKI_E2E_SITE")
    if given:
        return Path(given).resolve()
    if not SHIM.is_file():
        pytest.skip(f"{SHIM.relative_to(ROOT)} missing: run `make shim` (offline search needs it)")
    return request.getfixturevalue("built_site")


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """Base URL of a local static server for the site (http://127.0.0.1:<port>)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium under Playwright (skips when either is missing)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not shutil.which(CHROMIUM):
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Outside:
    """Requests that left localhost/file://, recorded by the route guard."""

    def __init__(self) -> None:
        self.urls: list[str] = []


@pytest.fixture
def outside() -> Outside:
    return Outside()


def _guard(server_url: str, seen: Outside):
    local = (server_url + "/", "file://", "data:", "blob:", "about:")

    def handle(route) -> None:
        url = route.request.url
        if url.startswith(local) or url == server_url:
            route.continue_()
        else:
            seen.urls.append(url)
            route.abort()

    return handle


@pytest.fixture
def context(browser, server: str, outside: Outside) -> Iterator[object]:
    """A fresh browser context whose every request outside the local server fails the test."""
    ctx = browser.new_context(color_scheme="light", locale="zh-CN")
    ctx.route("**/*", _guard(server, outside))
    yield ctx
    ctx.close()
    assert outside.urls == [], f"requests outside localhost: {outside.urls[:5]}"


@pytest.fixture
def page(context) -> object:
    p = context.new_page()
    p.set_default_timeout(20000)
    return p
