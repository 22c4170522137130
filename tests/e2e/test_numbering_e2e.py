"""Section numbers as a reader sees them (issue 13), at 1280×900 and 390×844: the nav, the page
heading, the section headings and the page toc show 3, 3.3, 3.3.1 in both variants and in the
简繁对照 view (the same numbers the print page and PDFs carry: tests/test_numbering.py)."""

from __future__ import annotations

import pytest

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
INCHON = {"zh-cn": "3.3.1 仁川登陆", "zh-tw": "3.3.1 仁川登陸"}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("variant", ["zh-cn", "zh-tw", "parallel"])
def test_numbers_in_nav_headings_and_toc(browser, server: str, variant: str, viewport: str) -> None:
    phone = viewport == "phone"
    ctx = browser.new_context(viewport=VIEWPORTS[viewport], is_mobile=phone, has_touch=phone)
    try:
        page = ctx.new_page()
        page.goto(f"{server}/{variant}/s03.html#s03-7", wait_until="networkidle")
        heading = page.locator("#s03-7")
        assert heading.is_visible()
        text = " ".join(heading.inner_text().replace("¶", "").split())
        assert text in (INCHON["zh-cn"], INCHON["zh-tw"]) if variant == "parallel" else text == INCHON[variant]
        assert page.locator("article h1").first.inner_text().startswith("3 ")
        if phone:  # the nav is in the drawer
            page.locator('.md-header label.md-header__button[for="__drawer"]').tap()
            page.wait_for_timeout(400)
        labels = [" ".join(x.split()) for x in page.locator(".md-nav--primary > .md-nav__list > .md-nav__item")
                  .all_inner_texts()]
        assert any(x.startswith("3 ") for x in labels) and any(x.startswith("9 ") for x in labels), labels
        first = page.locator('.md-nav--primary a.md-nav__link[href="s01.html"]').first
        assert first.is_visible() and " ".join(first.inner_text().split()) in ("1 名称", "1 名稱", "1 名称 · 名稱")
        if variant != "parallel":  # the view hides the page toc: its columns need the width
            toc = page.locator('.md-sidebar--secondary a.md-nav__link[href="#s03-7"]')
            assert " ".join(toc.inner_text().split()) == INCHON[variant]
            if not phone:
                assert toc.is_visible()
    finally:
        ctx.close()
