"""Footnotes a class can cite (issue 13): [N] in the text is item N on 参考文献, in both variants.

Also: labelled back-links (^ or ^ a b c) that land on their markers, no hidden ↩ arrows, and a
marker that never starts a line on a phone.
"""

from __future__ import annotations

import re

import pytest

from zhwiki.footnotes import backlink_label

from .conftest import VARIANTS

#: The text of a footnote or reference item without its back-links.
ITEM_TEXT = """el => { const c = el.cloneNode(true); c.querySelectorAll('.cite-backlinks').forEach(b => b.remove());
                       return c.textContent.replace(/\\s+/g, ' ').trim(); }"""


def _page_footnotes(page) -> dict[int, str]:
    """Number → text of the page's own footnote list (as displayed: <li value>)."""
    items = page.locator("article div.footnote > ol > li").all()
    out = {}
    for li in items:
        out[int(li.get_attribute("value"))] = li.evaluate(ITEM_TEXT)
    return out


@pytest.mark.parametrize("variant", VARIANTS)
def test_marker_number_is_the_reference_list_item(page, server: str, variant: str) -> None:
    page.goto(f"{server}/{variant}/references.html")
    refs = page.locator("article .reference-list ol > li").all()
    ref_text = [li.evaluate(ITEM_TEXT) for li in refs]
    assert len(ref_text) > 300
    # The list is numbered 1, 2, 3 … by the browser: item N is the N-th <li>.
    assert page.evaluate("() => document.querySelector('article .reference-list ol').start") in (1, -1)
    checked = 0
    for path in ("index.html", "s03.html", "s05.html"):
        page.goto(f"{server}/{variant}/{path}")
        # text_content: markers inside the folded infobox rows are not rendered, but they are there.
        shown = [int(a.text_content()) for a in page.locator("article a.footnote-ref:not(.note-link)").all()]
        notes = _page_footnotes(page)
        assert shown and set(shown) == set(notes), path
        for a in page.locator("article a.footnote-ref:not(.note-link)").all():
            n = int(a.text_content())
            assert a.get_attribute("href") == f"#fn:{n}"
        for n, text in notes.items():
            assert text == ref_text[n - 1], (path, n)
            checked += 1
    assert checked > 50


def test_numbers_are_the_same_in_both_variants(page, server: str) -> None:
    seen = {}
    for variant in VARIANTS:
        page.goto(f"{server}/{variant}/s03.html")
        seen[variant] = [a.text_content() for a in page.locator("article a.footnote-ref:not(.note-link)").all()]
    assert seen[VARIANTS[0]] == seen[VARIANTS[1]] and len(seen[VARIANTS[0]]) > 20
    # First citation order: the first marker of s03 continues the numbers used before it, none restarts at 1.
    assert int(seen[VARIANTS[0]][0]) > 1


@pytest.mark.parametrize("variant", VARIANTS)
def test_back_links_are_labelled_and_land_on_their_markers(page, server: str, variant: str) -> None:
    page.goto(f"{server}/{variant}/s03.html")
    assert "↩" not in page.locator("article").inner_text()
    for li in page.locator("article div.footnote > ol > li").all():
        n = li.get_attribute("value")
        labels = [a.inner_text() for a in li.locator("a.cite-backref").all()]
        markers = page.locator(f'article a.footnote-ref:not(.note-link)[href="#fn:{n}"]').count()
        assert labels == (["^"] if markers == 1 else [backlink_label(k) for k in range(markers)]), (n, labels)
        for a in li.locator("a.cite-backref").all():
            target = a.get_attribute("href")[1:]
            assert page.locator(f'[id="{target}"] a.footnote-ref:not(.note-link)[href="#fn:{n}"]').count() == 1
        # Visible: no zero-size or transparent arrows (the gaps of Material's hidden ↩).
        first = li.locator("a.cite-backref").first
        assert first.evaluate("a => getComputedStyle(a).opacity") == "1"
        assert first.bounding_box()["width"] > 3
    # 参考文献: one back-link per citing place, on whichever page; every one lands.
    page.goto(f"{server}/{variant}/references.html")
    targets: dict[str, set[str]] = {}
    counts = []
    for li in page.locator("article .reference-list ol > li").all():
        hrefs = [a.get_attribute("href") for a in li.locator("a.cite-backref").all()]
        counts.append(len(hrefs))
        for h in hrefs:
            pg, frag = h.split("#", 1)
            targets.setdefault(pg, set()).add(frag)
    assert max(counts) > 10 and "↩" not in page.locator("article").inner_text()
    for pg, frags in targets.items():
        page.goto(f"{server}/{variant}/{pg}")
        ids = set(page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)"))
        assert frags <= ids, (pg, sorted(frags - ids)[:5])


#: Markers (any <sup>) that sit on a later line than the character before them.
LONELY = """() => [...document.querySelectorAll('article sup')].filter(sup => {
  const r = sup.getClientRects()[0], prev = sup.previousSibling;
  if (!r || !prev || !prev.textContent) return false;
  const range = document.createRange();
  if (prev.nodeType === 3) { range.setStart(prev, prev.length - 1); range.setEnd(prev, prev.length); }
  else range.selectNodeContents(prev);
  const rects = range.getClientRects(), last = rects[rects.length - 1];
  return last ? r.top > last.bottom - 2 : false; }).length"""
#: edition.css without its word joiners, to show that the check above finds wraps when they are missing.
NO_JOINER = (".md-typeset .footnote-ref::before{content:'['!important}"
             ".md-typeset sup.rp::before,.md-typeset sup.note-ref::before,"
             ".md-typeset .footnote-ref.note-link::before{content:none!important}")


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_marker_never_starts_a_line_on_a_phone(browser, server: str, variant: str) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    page = ctx.new_page()
    try:
        lonely, unglued = 0, 0
        for path in ("index.html", "s03.html", "s07.html"):
            page.goto(f"{server}/{variant}/{path}")
            lonely += page.evaluate(LONELY)
            page.add_style_tag(content=NO_JOINER)
            unglued += page.evaluate(LONELY)
        assert lonely == 0
        assert unglued > 0  # the seed does wrap markers without the joiners (about 40 on these pages)
    finally:
        ctx.close()


@pytest.mark.parametrize("variant", VARIANTS)
def test_note_labels_follow_the_variant(page, server: str, variant: str) -> None:
    page.goto(f"{server}/{variant}/s03.html")
    label = page.locator("article sup.note-ref a").first.inner_text()
    expected = "註" if variant == "zh-tw" else "注"
    assert re.fullmatch(rf"\[{expected}\d+\]", label), label


def _phone(browser):
    return browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1, is_mobile=True,
                               has_touch=True, locale="zh-CN")


@pytest.mark.parametrize("kind", ["footnote", "note"])
def test_tap_previews_in_place_on_a_phone(browser, server: str, kind: str) -> None:
    ctx = _phone(browser)
    page = ctx.new_page()
    try:
        page.goto(f"{server}/zh-cn/s03.html")
        sel = "article a.footnote-ref.note-link" if kind == "note" else "article a.footnote-ref:not(.note-link)"
        ref = page.locator(sel).first
        ref.scroll_into_view_if_needed()
        target = ref.get_attribute("href")[1:]
        expected = page.locator(f'[id="{target}"]').evaluate(
            "el => { const c = el.cloneNode(true);"
            " c.querySelectorAll('.cite-backlinks, .note-back, .note-label').forEach(b => b.remove());"
            " return c.textContent.replace(/\\s+/g, ' ').trim(); }")
        before = page.evaluate("() => window.scrollY")
        ref.tap()
        tip = page.locator(".md-tooltip2--active")
        tip.wait_for(state="visible")
        assert expected[:15] in tip.inner_text().replace("\n", " ")
        assert page.evaluate("() => location.hash") != f"#{target}"  # no jump to the list
        assert abs(page.evaluate("() => window.scrollY") - before) < 2
        # One tap elsewhere closes it.
        page.locator("article h1").first.tap()
        tip.wait_for(state="hidden")
    finally:
        ctx.close()
