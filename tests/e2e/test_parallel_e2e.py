"""简繁对照 in Chromium: the 对照 link from a section page and back, and the script-mark toggle."""

from __future__ import annotations

import pytest

from .conftest import VARIANTS

TRANSPARENT = "rgba(0, 0, 0, 0)"


@pytest.mark.parametrize("variant", VARIANTS)
def test_section_page_to_parallel_and_back(page, server: str, variant: str) -> None:
    page.goto(f"{server}/{variant}/s03.html")
    link = page.locator("a.lc-parallel-link")
    assert link.count() == 1 and link.is_visible()
    link.click()
    page.wait_for_url(f"{server}/parallel/s03.html")
    assert page.locator(".lc-pair").count() > 100  # 经过 is the longest section
    # Both columns are there, side by side on a wide screen.
    first = page.locator(".lc-pair .lc-l").first.bounding_box()
    second = page.locator(".lc-pair .lc-r").first.bounding_box()
    assert first and second and second["x"] > first["x"] + first["width"] - 1
    assert page.locator(".lc-l").first.get_attribute("lang") == "zh-Hans-CN"
    assert page.locator(".lc-r").first.get_attribute("lang") == "zh-Hant-TW"
    # Back to each variant at the same page.
    for v, cls in (("zh-cn", "lc-back-l"), ("zh-tw", "lc-back-r")):
        page.goto(f"{server}/parallel/s03.html")
        page.locator(f"a.{cls}").click()
        page.wait_for_url(f"{server}/{v}/s03.html")
        assert page.locator("a.lc-parallel-link").get_attribute("href") == "../parallel/s03.html"


def test_toggle_hides_script_marks_only(page, server: str) -> None:
    page.goto(f"{server}/parallel/s01.html")
    script = page.locator(".lc-pairs mark.lc-script").first
    vocab = page.locator(".lc-pairs mark.lc-vocab").first

    def style(loc) -> tuple[str, str]:
        return tuple(loc.evaluate("e => { const s = getComputedStyle(e); return [s.backgroundColor, s.borderBottomStyle]; }"))

    before_script, before_vocab = style(script), style(vocab)
    assert before_script[0] != TRANSPARENT and before_script[1] == "dotted"
    assert before_vocab[0] != TRANSPARENT and before_vocab[1] == "solid"
    assert before_script[0] != before_vocab[0]  # the two kinds look different
    page.locator("label.lc-toggle-label").click()
    assert page.locator("input.lc-toggle").is_checked()
    assert style(script) == (TRANSPARENT, "none")
    assert style(vocab) == before_vocab  # vocabulary marks stay
    page.locator("label.lc-toggle-label").click()
    assert style(script) == before_script


def test_phone_width_stacks_the_pairs(page, server: str) -> None:
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{server}/parallel/s01.html")
    left = page.locator(".lc-pair .lc-l").first.bounding_box()
    right = page.locator(".lc-pair .lc-r").first.bounding_box()
    assert left and right and right["y"] >= left["y"] + left["height"] - 1


def test_statistics_page_is_reachable(page, server: str) -> None:
    page.goto(f"{server}/parallel/index.html")
    page.locator("a.md-nav__link", has_text="差异统计").first.click()
    page.wait_for_url(f"{server}/parallel/diff-stats.html")
    assert page.locator("table").count() >= 3
    assert page.get_by_text("韓戰").count() > 0
