"""Search that finds what the page holds (issue 13), typed into Material's search box in Chromium.

zh-tw is segmented with the article's own Traditional words (發動, 恢復, 鴨綠江 are whole tokens), a
word inside a longer word is found (协定 in 停战协定, 登陆 in 两栖登陆), a query in the other script
or vocabulary finds the same place (北韓 in 简体 finds 朝鲜, 朝鮮 in 繁體 finds 北韓), a query is not
cut down to its first character (北韓 is not searched as 北), and snippets carry no footnote numbers.
Each query is typed over http and from file:// in the unzipped offline bundle, at 1280×900 and 390×844.

Why an earlier version of these tests timed out: Material's search box reads the query on
``keyup`` (and on focus or when its worker is ready), and Playwright types CJK text with
``insertText``, which fires ``input`` but no key events, so no search ever ran and the wait for
results never ended.  :func:`_search` fills the box and then presses End, which fires the
``keyup`` a real keyboard or IME gives, and waits for Material's own result count text.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sitebuild import build_site
from zhwiki import search

from .conftest import SHIM, Outside, _guard

# The three short sections, a section whose title does not hold the word searched inside a
# longer word (两栖登陆), a page rule (朝鲜 → 北韓 in zh-tw) and footnotes; written for these tests.
ARTICLE = (
    "'''半岛战事'''是一个用于测试搜索的条目，战事起于北方。\n"
    "== 谈判 ==\n双方代表最终在板门店签署停战协定，战线大致恢复到原来的位置。\n"
    "== 渡江 ==\n志愿军于十月秘密渡过鸭绿江，随后发动第一次战役。\n"
    "== 仁川 ==\n联合国军实施两栖登陆，局势逆转。-{H|zh-hans:朝鲜;zh-hant:北韓;}-朝鲜军队后撤。"
    "<ref>书一</ref><ref>书二</ref><ref>书三</ref>\n"
    "== 参考 ==\n{{reflist}}\n"
)
ARTICLE_PAGES = {"index.html", "s01.html", "s02.html", "s03.html"}
# variant → (query, the one article page it finds, the word highlighted there or None when the
# query is matched through the hidden field of sub-words and the other variant's words)
QUERIES = {
    "zh-cn": [("发动", "s02.html", "发动"), ("發動", "s02.html", None), ("恢復", "s01.html", None),
              ("鴨綠江", "s02.html", None), ("协定", "s01.html", None), ("登陆", "s03.html", None),
              ("北韓", "s03.html", None), ("朝鲜", "s03.html", "朝鲜")],
    "zh-tw": [("發動", "s02.html", "發動"), ("发动", "s02.html", None), ("恢復", "s01.html", "恢復"),
              ("鴨綠江", "s02.html", "鴨綠江"), ("协定", "s01.html", None), ("協定", "s01.html", None),
              ("登陆", "s03.html", None), ("登陸", "s03.html", None), ("北韓", "s03.html", "北韓"),
              ("朝鲜", "s03.html", None), ("朝鮮", "s03.html", None)],
}
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
#: How long a step may wait (ms): the first query waits for the worker to build the index, which on
#: a busy machine takes many times its usual second or two; a passing step returns at once.
WAIT_MS = 120_000


def _serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_port}"


def _unzip_bundle(site: Path, out: Path) -> Path:
    """The offline bundle of *site*, written by zhwiki.outputs.bundle and unzipped into *out*."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    proc = subprocess.run([sys.executable, "-m", "zhwiki.outputs.bundle", "--site", str(site), "--out",
                           str(out / "a-offline.zip")], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(out / "a-offline.zip") as zf:
        zf.extractall(out / "x")
    return out / "x" / "a"


@pytest.fixture(scope="module")
def searched(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, Path]]:
    """The test article built (site root), the site's http URL, and its unzipped offline bundle."""
    if not SHIM.is_file():
        pytest.skip("run `make shim` (offline search needs it)")
    root = tmp_path_factory.mktemp("search")
    src = root / "a.zh.wikitext"
    src.write_text(ARTICLE, encoding="utf-8")
    r = build_site(root / "site", source=src, extra_env={"ZHWIKI_JOBS": "1"})
    assert r.returncode == 0, r.stderr[-3000:]
    bundle = _unzip_bundle(root / "site", root)
    httpd, url = _serve(root / "site")
    yield root / "site", url, bundle
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def chromium(browser) -> object:
    """The session's Chromium (tests/e2e/conftest.py): Playwright's sync API allows one at a time."""
    return browser


# -- typing a query and reading the results -----------------------------------------------------------
_RESULTS_JS = """() => [...document.querySelectorAll('.md-search-result__item')].map(li => {
  const a = li.querySelector('a');
  return {href: a ? a.href : '', marks: [...li.querySelectorAll('mark')].map(m => m.textContent),
          text: li.textContent};
})"""


def _counts(page) -> re.Pattern[str]:
    """Material's result-count texts in the page's language (its __config translations), as one pattern."""
    t = json.loads(page.locator("#__config").text_content())["translations"]
    forms = [re.escape(t["search.result.none"]), re.escape(t["search.result.one"]),
             re.escape(t["search.result.other"]).replace("\\#", "#").replace("#", r"\d+")]
    return re.compile("^(?:" + "|".join(forms) + ")$")


def _search(page, query: str, counts: re.Pattern[str]) -> list[dict]:
    """Type *query* into Material's search box and return the result items once Material shows its count."""
    box = page.locator(".md-search__input")
    if not box.is_visible():  # phones: the box opens from the header's search button
        page.locator('label.md-header__button[for="__search"]').click()
    box.fill("")
    box.press("End")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    box.fill(query)
    box.press("End")  # the keyup Material reads the query on (Playwright's CJK typing fires none)
    page.wait_for_function(
        "([re]) => new RegExp(re).test(document.querySelector('.md-search-result__meta').textContent.trim())",
        arg=[counts.pattern], timeout=WAIT_MS)
    return page.evaluate(_RESULTS_JS)


def _page_of(href: str) -> str:
    return urlsplit(href).path.rsplit("/", 1)[-1]


def _check(results: list[dict], variant: str, query: str, expect: str, mark: str | None) -> None:
    where = f"{variant} {query!r}"
    found = {_page_of(r["href"]) for r in results} & ARTICLE_PAGES
    assert found == {expect}, f"{where}: article pages found {sorted(found)}"
    hit = next(r for r in results if _page_of(r["href"]) == expect)
    if mark is not None:
        assert mark in hit["marks"], f"{where}: highlighted {hit['marks']}"
    # a highlight is always the whole query word or a longer word starting with it, never a piece of it
    assert all(m.startswith(query) or query.startswith(m) and len(m) >= 2 for m in hit["marks"]), (where, hit["marks"])
    text = hit["text"].replace("\u200b", "")
    assert not re.search(r"[\u4e00-\u9fff。，]\d{2,}", text) and "^" not in text, f"{where}: snippet {text!r}"


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("mode", ["http", "file"])
def test_queries_typed_into_the_search_box(searched, chromium, mode: str, viewport: str) -> None:
    site, url, bundle = searched
    seen = Outside()
    ctx = chromium.new_context(viewport=VIEWPORTS[viewport], locale="zh-CN")
    ctx.route("**/*", _guard(url, seen))
    try:
        for variant, queries in QUERIES.items():
            page = ctx.new_page()
            page.set_default_timeout(WAIT_MS)
            start = f"{url}/{variant}/index.html" if mode == "http" else (bundle / variant / "index.html").as_uri()
            page.goto(start, wait_until="load")
            counts = _counts(page)
            for query, expect, mark in queries:
                _check(_search(page, query, counts), variant, query, expect, mark)
            page.close()
    finally:
        ctx.close()
    assert seen.urls == []


# -- the seed article, in the session's build -----------------------------------------------------------
@pytest.fixture(scope="module")
def seed_bundle(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _unzip_bundle(site, tmp_path_factory.mktemp("seed-bundle"))


@pytest.mark.parametrize("mode", ["http", "file"])
def test_seed_queries(site: Path, server: str, seed_bundle: Path, chromium, mode: str) -> None:
    seen = Outside()
    ctx = chromium.new_context(viewport=VIEWPORTS["desktop"], locale="zh-CN")
    ctx.route("**/*", _guard(server, seen))

    def open_(variant: str):
        page = ctx.new_page()
        page.set_default_timeout(WAIT_MS)
        page.goto(f"{server}/{variant}/s03.html" if mode == "http" else (seed_bundle / variant / "s03.html").as_uri())
        return page, _counts(page)

    try:
        page, counts = open_("zh-tw")
        landing = _search(page, "登陸", counts)
        assert any(_page_of(r["href"]) == "s03.html" and "登陸" in r["marks"] for r in landing)
        korea = _search(page, "朝鮮", counts)
        assert {"index.html", "s03.html"} <= {_page_of(r["href"]) for r in korea}
        page.close()
        page, counts = open_("zh-cn")
        north = _search(page, "北韓", counts)
        assert north, "北韓 finds nothing in the zh-cn seed"
        # searched as 北韓, not as 北 (which would highlight 北京, 北纬 …)
        assert all(m.startswith(("北韓", "北韩")) for r in north for m in r["marks"]), [r["marks"] for r in north]
        page.close()
    finally:
        ctx.close()
    assert seen.urls == []


# -- the built index -------------------------------------------------------------------------------------
def test_zh_tw_index_has_whole_traditional_words_and_alt_words(searched) -> None:
    site, _, _ = searched
    docs = json.loads((site / "zh-tw" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    by = {d["location"]: (d["text"].split("\u200b"), d.get("alt", "").split("\u200b")) for d in docs}
    assert {"發動", "鴨綠江"} <= set(by["s02.html"][0]) and "恢復" in by["s01.html"][0]
    assert "協定" in by["s01.html"][1] and {"登陸", "登陆"} <= set(by["s03.html"][1])  # inside 兩棲登陸
    assert {"朝鲜", "朝鮮"} <= set(by["s03.html"][1])  # 北韓 in zh-tw is found by 朝鲜 and 朝鮮


def test_footnote_numbers_stay_out_of_the_index(searched) -> None:
    site, _, _ = searched
    for variant in ("zh-cn", "zh-tw"):
        docs = json.loads((site / variant / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        text = next(d["text"] for d in docs if d["location"] == "s03.html").replace("\u200b", "")
        assert "后撤。" in text or "後撤。" in text
        assert "123" not in text and "[1]" not in text and "^" not in text, text


def test_the_built_search_worker_tries_the_whole_query_run(searched) -> None:
    site, _, _ = searched
    for folder in ("zh-cn", "zh-tw", "parallel"):
        (worker,) = (site / folder / "assets/javascripts/workers").glob("search.*.min.js")
        code = worker.read_text(encoding="utf-8")
        assert not search._SEGMENT_LOOP.search(code), folder
        assert re.search(r"for\(let (\w+)=(\w+)\+1;\1<=(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in ", code), folder
