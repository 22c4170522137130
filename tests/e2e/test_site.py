"""The website in headless Chromium: search, the variant switcher, tooltips, footer, themes, phones.

Expectations come from the issue and from the article itself: a search hit must be a page whose
text holds the word, the switcher must land on the same page of the other variant, and a footnote
tooltip must show that footnote's own text.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .conftest import EPOCH, VARIANTS

#: (variant, word): 仁川 is the same in both scripts; 登陆/登陸 (the Incheon landing) differ.
SEARCHES = [("zh-cn", "仁川"), ("zh-tw", "仁川"), ("zh-cn", "登陆"), ("zh-tw", "登陸")]
TAG = re.compile(r"<[^>]+>")
#: hreflang of each variant's switcher link (BCP 47, as in <html lang>).
HREFLANG = {"zh-cn": "zh-Hans-CN", "zh-tw": "zh-Hant-TW"}
#: The article's {{noteTA|T=zh-cn:朝鲜战争;zh-tw:韓戰;…}} title per variant.
SITE_NAME = {"zh-cn": "朝鲜战争", "zh-tw": "韓戰"}


def _text(path: Path) -> str:
    """Visible-ish text of a built page's article (for deciding where a word occurs)."""
    html = path.read_text(encoding="utf-8")
    m = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S)
    return TAG.sub("", m.group(1) if m else html)


def _pages_with(site: Path, variant: str, word: str) -> set[str]:
    return {p.name for p in (site / variant).glob("*.html")
            if p.name not in ("404.html", "print.html") and word in _text(p)}


def _search(page, word: str) -> list[str]:
    page.locator(".md-search__input").fill(word)
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]


def _page_of(href: str) -> tuple[str, str]:
    """(variant folder, file name) of a search result link."""
    parts = urlsplit(href).path.rstrip("/").split("/")
    return parts[-2], parts[-1]


@pytest.mark.parametrize(("variant", "word"), SEARCHES)
@pytest.mark.parametrize("scheme", ["http", "file"])
def test_search_finds_the_section(page, site: Path, server: str, variant: str, word: str, scheme: str) -> None:
    expected = _pages_with(site, variant, word)
    assert expected, f"{word} should occur in the {variant} article"
    start = f"{server}/{variant}/index.html" if scheme == "http" else (site / variant / "index.html").as_uri()
    page.goto(start)
    hits = [_page_of(h) for h in _search(page, word)]
    assert hits, f"no search results for {word} in {variant}"
    assert {v for v, _ in hits} == {variant}, f"{variant} search returned another variant: {hits}"
    found = {name for _, name in hits}
    assert found <= expected, f"results without the word: {found - expected}"
    assert "s03.html" in found  # the Incheon landing (1950-09) is told in 经过, page s03


def test_zh_tw_search_never_returns_zh_cn(page, server: str) -> None:
    page.goto(f"{server}/zh-tw/index.html")
    for word in ("仁川", "朝鮮", "战争", "戰爭"):
        page.locator(".md-search__input").fill(word)
        page.wait_for_timeout(600)
        for a in page.locator(".md-search-result__item > a").all():
            assert "/zh-tw/" in (a.get_attribute("href") or ""), a.get_attribute("href")


@pytest.mark.parametrize("scheme", ["http", "file"])
@pytest.mark.parametrize(("src", "dst"), [("zh-cn", "zh-tw"), ("zh-tw", "zh-cn")])
@pytest.mark.parametrize("name", ["s03.html", "about.html", "index.html"])
def test_switcher_keeps_the_page(page, site: Path, server: str, scheme: str, src: str, dst: str, name: str) -> None:
    start = f"{server}/{src}/{name}" if scheme == "http" else (site / src / name).as_uri()
    page.goto(start)
    page.hover(".md-header__option .md-select")
    # clicked where it is (Playwright's click would scroll the page first, and the switch keeps the
    # heading scrolled to: tests/e2e/test_variant_switch_e2e.py); at the top of a page: no anchor
    page.locator(f'.md-select__link[hreflang="{HREFLANG[dst]}"]').evaluate("a => a.click()")
    page.wait_for_url(re.compile(rf".*/{dst}/{re.escape(name)}$"))
    # The other variant's own header: its site name (the article's T= title rule: 朝鲜战争 / 韓戰).
    assert page.locator(".md-header__topic").first.inner_text().strip() == SITE_NAME[dst]


def test_footnote_tooltip_shows_the_footnote(page, server: str) -> None:
    page.goto(f"{server}/zh-cn/s03.html")
    ref = page.locator("a.footnote-ref").nth(2)
    target = ref.get_attribute("href")
    assert target and target.startswith("#fn:")
    # The footnote's text without its back-links (^ a b …), which the tooltip does not show.
    item = page.locator(f'[id="{target[1:]}"]')
    note = item.inner_text().removeprefix(item.locator(".cite-backlinks").inner_text()).strip()
    ref.hover()
    tip = page.locator(".md-tooltip2--active")
    tip.wait_for(state="visible")
    assert note[:20] in tip.inner_text()


def test_footer_prev_next_follow_the_nav(page, server: str) -> None:
    page.goto(f"{server}/zh-cn/index.html")
    nav = [a.get_attribute("href") for a in page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a").all()]
    assert nav[:2] == ["index.html", "s01.html"], nav
    i = nav.index("s02.html")
    page.goto(f"{server}/zh-cn/s02.html")
    assert page.locator("a.md-footer__link--prev").get_attribute("href") == nav[i - 1]
    assert page.locator("a.md-footer__link--next").get_attribute("href") == nav[i + 1]


def test_light_and_dark(page, server: str) -> None:
    page.goto(f"{server}/zh-tw/s01.html")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert body.get_attribute("data-md-color-scheme") == "slate"


def test_table_of_contents_per_page(page, server: str) -> None:
    page.goto(f"{server}/zh-cn/s03.html")
    links = page.locator(".md-nav--secondary a.md-nav__link").all()
    headings = page.locator("article h2[id], article h3[id]").all()
    assert len(links) >= 3
    ids = {h.get_attribute("id") for h in headings}
    for a in links:
        assert a.get_attribute("href").split("#")[1] in ids


PHONE_PAGES = ["index.html", "s03.html", "references.html", "about.html", "print.html"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_phone_has_no_sideways_scroll(browser, server: str, outside, variant: str, tmp_path_factory) -> None:
    from .conftest import _guard

    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                              has_touch=True, locale="zh-CN")
    ctx.route("**/*", _guard(server, outside))
    shots = tmp_path_factory.mktemp(f"phone-{variant}")
    try:
        page = ctx.new_page()
        for name in PHONE_PAGES:
            page.goto(f"{server}/{variant}/{name}")
            page.wait_for_load_state("load")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390 + 1, f"{variant}/{name} is {width}px wide on a 390px phone"
            page.screenshot(path=str(shots / f"{name}.png"))
    finally:
        ctx.close()
    assert outside.urls == []


@pytest.mark.parametrize("variant", VARIANTS)
def test_about_page(page, server: str, variant: str) -> None:
    page.goto(f"{server}/{variant}/about.html")
    text = page.locator("article").inner_text()
    hrefs = [a.get_attribute("href") or "" for a in page.locator("article a").all()]
    assert "CC BY-SA 4.0" in text
    assert any(h.startswith("https://creativecommons.org/licenses/by-sa/4.0/") for h in hrefs)
    assert any(h.startswith("https://zh.wikipedia.org/") and "action=history" in h for h in hrefs)
    assert any(urlsplit(h).netloc == "zh.wikipedia.org" and "history" not in h for h in hrefs)
    assert datetime.fromtimestamp(EPOCH, tz=timezone.utc).strftime("%Y-%m-%d") in text
    assert "维基百科" in text if variant == "zh-cn" else "維基百科" in text
    # The about page is in the nav, so readers can find it.
    assert page.locator('.md-nav--primary a[href="about.html"]').count() == 1


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_page_stays_local(page, site: Path, server: str, outside, variant: str) -> None:
    """Load every page over http and from file://; the route guard fails on any outside request."""
    names = sorted(p.name for p in (site / variant).glob("*.html"))
    assert len(names) >= 10
    for name in names:
        page.goto(f"{server}/{variant}/{name}", wait_until="networkidle")
    for name in ("index.html", "s03.html", "print.html"):
        page.goto((site / variant / name).as_uri(), wait_until="networkidle")
    assert outside.urls == []


def test_no_external_assets_in_the_build(site: Path) -> None:
    """No page or stylesheet refers to a script, stylesheet, font or image on another host."""
    asset = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)="(?:https?:)?//', re.I)
    css_url = re.compile(r"url\(\s*['\"]?(?:https?:)?//", re.I)
    bad = []
    for path in site.rglob("*"):
        if path.suffix == ".html":
            for m in asset.finditer(path.read_text(encoding="utf-8")):
                tag = m.group(0)
                if "<link" in tag.lower() and re.search(r'rel="(?:alternate|canonical)"', tag):
                    continue
                bad.append(f"{path.relative_to(site)}: {tag[:80]}")
        elif path.suffix == ".css" and css_url.search(path.read_text(encoding="utf-8")):
            bad.append(str(path.relative_to(site)))
    assert bad == []
