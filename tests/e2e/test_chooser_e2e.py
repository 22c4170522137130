"""The root chooser (issue 13): names the article in both scripts, follows dark mode, has a favicon,
links the 简繁对照 view, and sends each browser language to its variant (zh-HK/zh-MO → zh-tw when
zh-hk is not built)."""

from __future__ import annotations

import re

import pytest

from .conftest import _guard


@pytest.mark.parametrize(("locale", "variant"), [("zh-CN", "zh-cn"), ("zh-TW", "zh-tw"), ("zh-HK", "zh-tw"),
                                                 ("zh-MO", "zh-tw"), ("zh-SG", "zh-cn"), ("zh-Hant", "zh-tw")])
def test_chooser_sends_each_language_to_its_variant(browser, server: str, outside, locale: str, variant: str) -> None:
    ctx = browser.new_context(locale=locale)
    ctx.route("**/*", _guard(server, outside))
    try:
        page = ctx.new_page()
        page.goto(f"{server}/index.html")
        page.wait_for_url(re.compile(rf".*/{variant}/index\.html$"))
    finally:
        ctx.close()
    assert outside.urls == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chooser_names_the_article_and_links_everything(browser, server: str, scheme: str) -> None:
    ctx = browser.new_context(locale="en-US", color_scheme=scheme)  # no Chinese preference: stays
    try:
        page = ctx.new_page()
        icons = []
        page.on("response", lambda r: icons.append(r.status) if "favicon" in r.url else None)
        page.goto(f"{server}/index.html", wait_until="networkidle")
        assert page.locator("h1").inner_text().startswith("朝鲜战争 · 韓戰")
        hrefs = [a.get_attribute("href") for a in page.locator("a").all()]
        assert hrefs == ["zh-cn/index.html", "zh-tw/index.html", "parallel/index.html"]
        assert icons and all(s == 200 for s in icons)
        bg = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        assert (bg == "rgb(255, 255, 255)") == (scheme == "light"), bg
    finally:
        ctx.close()
