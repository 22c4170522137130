"""Finding your way in a long page (issue 13): heading permalinks, the URL following the heading
being read (navigation.tracking), and Material's back-to-top button (navigation.top)."""

from __future__ import annotations

import pytest

from .conftest import VARIANTS


@pytest.mark.parametrize("variant", VARIANTS)
def test_permalinks_tracking_and_back_to_top(browser, server: str, variant: str) -> None:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    try:
        page.goto(f"{server}/{variant}/s03.html", wait_until="networkidle")
        links = page.evaluate("""() => [...document.querySelectorAll('article h2, article h3')]
            .map(h => [h.id, (h.querySelector('a.headerlink') || {}).getAttribute?.('href'),
                       (h.querySelector('a.headerlink') || {}).title])""")
        assert len(links) > 5
        assert all(href == f"#{hid}" for hid, href, _ in links), links[:3]
        assert all(not title for _, _, title in links)  # no English "Permanent link"
        # Read down the page as a reader does (wheel steps): the address follows the heading in view.
        ids = [hid for hid, _, _ in links]
        hashes = []
        page.mouse.move(640, 450)
        for _ in range(60):
            page.mouse.wheel(0, 300)
            page.wait_for_timeout(300)
            h = page.evaluate("() => location.hash.slice(1)")
            if h and h not in hashes:
                hashes.append(h)
            if len(hashes) >= 2:
                break
        assert len(hashes) >= 2 and all(h in ids for h in hashes), hashes
        assert ids.index(hashes[1]) > ids.index(hashes[0])  # in reading order
        # Scrolling back up shows the back-to-top button; it brings the reader to the top.
        page.mouse.wheel(0, -300)
        top = page.locator(".md-top")
        top.wait_for(state="visible")
        top.click()
        page.wait_for_function("() => window.scrollY < 10", timeout=5000)
    finally:
        ctx.close()


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_page_footer_credits_the_source(page, server: str, variant: str) -> None:
    word = "授權" if variant == "zh-tw" else "授权"
    for path in ("index.html", "s03.html", "references.html", "about.html"):
        page.goto(f"{server}/{variant}/{path}")
        footer = page.locator(".md-copyright")
        assert "CC BY-SA 4.0" in footer.inner_text() and word in footer.inner_text(), path
        hrefs = [a.get_attribute("href") for a in footer.locator("a").all()]
        assert any(h.startswith("https://zh.wikipedia.org/wiki/") for h in hrefs), hrefs
        assert any("action=history" in h for h in hrefs) and any("creativecommons.org/licenses/by-sa/4.0" in h for h in hrefs)
