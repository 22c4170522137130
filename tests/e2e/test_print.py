"""The print page of each variant, checked in Chromium against the site's own pages.

Every page of the nav must appear as a section, in nav order; every footnote a page shows on the
site must be printed exactly once (in the 参考文献 list, or at its section's end when the list
lacks it), with no back-link arrows, and every in-page link must land on an element.
"""

from __future__ import annotations

import re

import pytest

from .conftest import VARIANTS

HAN = re.compile(r"[\u4e00-\u9fff]")


def _nav(page) -> list[tuple[str, str]]:
    links = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link").all()
    return [(a.get_attribute("href"), a.inner_text().strip()) for a in links]


def _footnotes(page, scope: str) -> list[str]:
    return page.evaluate(
        # URLs printed after links (.print-url) are the print page's additions; back-links (^ a b …) are the screen's.
        """scope => [...document.querySelectorAll(scope)].map(li => {
                 const c = li.cloneNode(true);
                 c.querySelectorAll('.print-url, .cited-on, .cite-backlinks').forEach(e => e.remove());
                 return c.textContent.replace(/↩/g, '').replace(/\\s+/g, ' ').trim(); })""",
        scope,
    )


@pytest.fixture(params=VARIANTS)
def variant(request) -> str:
    return request.param


def test_print_page_holds_every_section_and_footnote_once(page, server: str, variant: str) -> None:
    page.goto(f"{server}/{variant}/index.html")
    nav = [(href, title) for href, title in _nav(page) if href != "about.html"]
    site_notes = set()
    for href, _title in nav:
        page.goto(f"{server}/{variant}/{href}")
        site_notes.update(_footnotes(page, "article div.footnote > ol > li"))
    assert len(site_notes) > 300  # the article has 313 sources

    page.goto(f"{server}/{variant}/print.html")
    sections = page.locator("section.print-section").all()
    assert [s.get_attribute("id") for s in sections] == [f"print-{h.removesuffix('.html')}" for h, _ in nav]
    # numbers included: the nav and the print page show the same ones (zhwiki.numbering)
    titles = [" ".join(s.locator("h1").first.inner_text().split()) for s in sections]
    assert titles[1:] == [t for _, t in nav][1:]  # the lead is titled 导言/導言 instead of the site name
    printed = _footnotes(page, "li[id^='ref-']") + _footnotes(page, "section.print-section div.footnote > ol > li")
    assert len(printed) == len(set(printed)), "a source is printed twice"
    assert site_notes <= set(printed), sorted(site_notes - set(printed))[:5]
    # Every footnote marker in the text points at the one printed entry of its source.
    # (Note markers [注N] share the footnote-ref class and point at their note, printed in its section.)
    targets = page.evaluate("() => [...document.querySelectorAll('article a.footnote-ref:not(.note-link)')].map(a => a.getAttribute('href'))")
    assert len(targets) > 300 and all(t.startswith("#ref-") or "fn:" in t for t in targets)


def test_print_page_links_all_land(page, server: str, variant: str) -> None:
    page.goto(f"{server}/{variant}/print.html")
    dangling = page.evaluate(
        """() => [...document.querySelectorAll('article a[href^="#"]')]
                 .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))
                 .filter(id => id && !document.getElementById(id))"""
    )
    assert dangling == []
    ids = page.evaluate("() => [...document.querySelectorAll('article [id]')].map(e => e.id)")
    assert len(ids) == len(set(ids)), "duplicate ids in the print page"
    # Footnote markers stay; back-link arrows (screen-only) are gone.
    assert page.locator("article a.footnote-ref").count() > 300
    assert page.locator("article a.footnote-backref, article a.note-back").count() == 0
    assert "↩" not in page.locator("article").inner_text()
    # Links between pages of the edition stay inside the print page.
    outward = page.evaluate(
        """() => [...document.querySelectorAll('article a[href]:not(.print-back a)')].map(a => a.getAttribute('href'))
                 .filter(h => /\\.(md|html)(#|$)/.test(h) && !/^https?:/.test(h))"""
    )
    assert outward == []


def test_print_page_has_cover_toc_and_no_chrome(page, server: str, variant: str) -> None:
    page.goto(f"{server}/{variant}/print.html")
    for chrome in (".md-header", ".md-sidebar", ".md-footer", ".md-tabs", ".md-search"):
        assert page.locator(chrome).count() == 0, chrome
    cover = page.locator(".print-cover").inner_text()
    assert "CC BY-SA 4.0" in cover and "zh.wikipedia.org" in cover and re.search(r"\d{4}-\d{2}-\d{2}", cover)
    toc = page.locator(".print-toc a").all()
    n_sections = page.locator("section.print-section").count()
    assert len([a for a in toc if a.get_attribute("href").startswith("#print-")]) == n_sections
    # Labels are Chinese: contents title, footnote block titles.
    assert HAN.search(page.locator(".print-toc h1").inner_text())
    for label in page.locator(".print-footnotes-title").all()[:3]:
        assert HAN.search(label.inner_text()) and not re.search(r"[A-Za-z]", label.inner_text())


def test_print_media_breaks_pages_and_prints_urls(page, server: str, variant: str) -> None:
    page.goto(f"{server}/{variant}/print.html")
    page.emulate_media(media="print")
    breaks = page.evaluate("() => [...document.querySelectorAll('section.print-section')].map(s => getComputedStyle(s).breakBefore)")
    assert breaks and set(breaks) == {"page"}
    # External links show their URL after the link text (wiki links and bare URLs excepted).
    pairs = page.evaluate(
        """() => [...document.querySelectorAll('article a[href^="http"]')]
                 .filter(a => !/^https?:\\/\\/zh\\.wikipedia\\.org\\/(wiki|zh-)/.test(a.href))
                 .filter(a => a.textContent.trim() && a.textContent.trim().replace(/\\/$/, '') !== a.getAttribute('href').replace(/\\/$/, ''))
                 .filter(a => !a.closest('.print-cover'))
                 .map(a => [a.getAttribute('href'), a.nextElementSibling && a.nextElementSibling.classList.contains('print-url')
                            ? a.nextElementSibling.textContent.trim() : null,
                            a.nextElementSibling ? getComputedStyle(a.nextElementSibling).display : null])"""
    )
    assert len(pairs) > 100
    missing = [href for href, shown, _d in pairs if shown is None]
    assert missing == []
    hidden = [href for href, _s, display in pairs if display == "none"]
    assert hidden == []


@pytest.mark.parametrize("section", ["s03.html", "s09.html"])
def test_ctrl_p_on_a_section_page(page, server: str, variant: str, section: str, tmp_path) -> None:
    """Printing one page from the browser: its title, the article's name, the licence line, no blank last page."""
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext missing: apt-get install poppler-utils")
    page.goto(f"{server}/{variant}/{section}")
    title = page.locator("article h1").first.inner_text().strip()
    site_name = page.locator(".md-header__title .md-header__topic").first.inner_text().strip()
    out = tmp_path / "p.pdf"
    page.pdf(path=str(out), format="A4", prefer_css_page_size=True)
    pages = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")[:-1]
    assert site_name in pages[0] and title in pages[0], pages[0][:300]
    assert "CC BY-SA 4.0" in pages[-1]
    assert all(HAN.search(p) for p in pages), "a page without text"
    text = "".join(pages)
    for mark in ("↩", "简繁对照", "簡繁對照", "跳转至", "跳轉至"):
        assert mark not in text, mark
