"""The variant switch keeps the reader's place (issue 13): from zh-cn/s03.html#s03-7 to
zh-tw/s03.html#s03-7 and on to the 简繁对照 view and back, over http and from file://, on a
1280×900 desktop and a 390×844 phone.  The ids are the same in every variant, so the link only
needs the heading being read (docs/assets/variant-switch.js)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import _guard

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
HREFLANG = {"zh-cn": "zh-Hans-CN", "zh-tw": "zh-Hant-TW"}


@pytest.fixture(params=list(VIEWPORTS))
def reader(request: pytest.FixtureRequest, browser, server: str, outside):
    phone = request.param == "phone"
    ctx = browser.new_context(viewport=VIEWPORTS[request.param], is_mobile=phone, has_touch=phone, locale="zh-CN")
    ctx.route("**/*", _guard(server, outside))
    page = ctx.new_page()
    page.set_default_timeout(20000)
    page.phone = phone
    yield page
    ctx.close()
    assert outside.urls == []


def _switch(page, variant: str) -> None:
    """Use the header's variant menu as a reader does: hover on a desktop, tap on a phone."""
    button = page.locator(".md-header__option .md-select button")
    if page.phone:
        button.tap()
    else:
        page.hover(".md-header__option .md-select")
    link = page.locator(f'.md-select__link[hreflang="{HREFLANG[variant]}"]')
    link.wait_for(state="visible")
    # Playwright's own click first scrolls the page to bring the menu item "into view", which a
    # reader's click never does; the item is clicked where it is.
    link.evaluate("a => a.click()")


def _heading_at_top(page, hid: str) -> None:
    """The heading is the one under the header, as it was before the switch."""
    page.wait_for_function(f"() => document.getElementById({hid!r}) !== null")
    top = page.evaluate(f"() => document.getElementById({hid!r}).getBoundingClientRect().top")
    header = page.evaluate("() => document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= top <= header + 80, (hid, top, header)


def _url(site: Path, server: str, scheme: str, rel: str) -> str:
    path, _, frag = rel.partition("#")
    base = f"{server}/{path}" if scheme == "http" else (site / path).as_uri()
    return base + (f"#{frag}" if frag else "")


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_switch_keeps_the_anchor_across_variants_and_the_parallel_view(reader, site: Path, server: str, scheme: str) -> None:
    page = reader
    page.goto(_url(site, server, scheme, "zh-cn/s03.html#s03-7"))
    _heading_at_top(page, "s03-7")
    _switch(page, "zh-tw")
    page.wait_for_url(re.compile(r".*/zh-tw/s03\.html#s03-7$"))
    _heading_at_top(page, "s03-7")
    assert page.locator("#s03-7").inner_text().startswith("3.3.1 仁川登陸")
    # to the 简繁对照 view: same page, same heading
    page.locator("a.lc-parallel-link").evaluate("a => a.click()")
    page.wait_for_url(re.compile(r".*/parallel/s03\.html#s03-7$"))
    _heading_at_top(page, "s03-7")
    # and back to a variant from the view
    _switch(page, "zh-cn")
    page.wait_for_url(re.compile(r".*/zh-cn/s03\.html#s03-7$"))
    _heading_at_top(page, "s03-7")


def test_switch_follows_the_scrolled_position(reader, server: str) -> None:
    """Reading without having followed a link: the heading last scrolled past is kept."""
    page = reader
    page.goto(f"{server}/zh-tw/s03.html")
    page.evaluate("() => { const h = document.getElementById('s03-12'); window.scrollTo(0, h.getBoundingClientRect().top"
                  " + window.scrollY - 60); }")
    page.wait_for_timeout(300)
    _switch(page, "zh-cn")
    page.wait_for_url(re.compile(r".*/zh-cn/s03\.html#s03-12$"))
    _heading_at_top(page, "s03-12")


def test_switch_at_the_top_of_a_page_adds_no_anchor(reader, server: str) -> None:
    page = reader
    page.goto(f"{server}/zh-cn/s03.html")
    _switch(page, "zh-tw")
    page.wait_for_url(re.compile(r".*/zh-tw/s03\.html$"))
    assert page.evaluate("() => window.scrollY") == 0
