"""The home page on a desktop and a phone (issue 13): the lead's first sentence on the first screen,
the infobox beside the lead on wide screens and after the first paragraph on narrow ones, at most
1.5 screens tall on a desktop, stacked on a phone with no name broken inside a word."""

from __future__ import annotations

import pytest

from .conftest import VARIANTS

MEASURE = """() => {
  const box = r => ({x: Math.round(r.x), y: Math.round(r.y + window.scrollY), w: Math.round(r.width), h: Math.round(r.height)});
  const ib = document.querySelector('article .infobox'), p = document.querySelector('article .lead-top > p');
  return {infobox: box(ib.getBoundingClientRect()), para: box(p.getBoundingClientRect()),
          float: getComputedStyle(ib).float, width_em: ib.getBoundingClientRect().width / parseFloat(getComputedStyle(ib).fontSize),
          scroll_w: document.documentElement.scrollWidth};
}"""


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("size", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_first_sentence_is_on_the_first_screen(browser, server: str, variant: str, size: tuple[int, int]) -> None:
    w, h = size
    ctx = browser.new_context(viewport={"width": w, "height": h})
    page = ctx.new_page()
    try:
        page.goto(f"{server}/{variant}/index.html")
        m = page.evaluate(MEASURE)
        para, ib = m["para"], m["infobox"]
        # The paragraph's first line (about 30 px) lies inside the first screen.
        assert para["y"] + 30 < h, m
        assert m["scroll_w"] <= w, m  # nothing pushes the page sideways
        if w >= 1220:
            assert m["float"] == "right" and 21 <= m["width_em"] <= 23, m
            assert ib["x"] > para["x"] + para["w"] / 2 and abs(ib["y"] - para["y"]) < 5, m  # side by side
            assert ib["h"] <= 1.5 * h, m
        else:
            assert m["float"] == "none" and para["y"] < ib["y"], m  # first paragraph, then the infobox
    finally:
        ctx.close()


def test_phone_infobox_stacks_and_keeps_names_whole(browser, server: str) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    try:
        page.goto(f"{server}/zh-cn/index.html")
        for s in page.locator("article details.infobox-row > summary").all():
            s.click()
        cells = page.evaluate("""() => [...document.querySelectorAll('article .infobox-sides :is(th, td)')]
            .filter(c => c.offsetParent).map(c => { const r = c.getBoundingClientRect(); return [r.x, r.width]; })""")
        assert len(cells) > 6
        # Stacked: every cell starts at the same left edge, one after the other.
        assert max(x for x, _ in cells) - min(x for x, _ in cells) < 2, cells[:6]
        # Linked names (艾森豪威尔, 麦克阿瑟 …) sit on one line each.
        broken = page.evaluate("""() => [...document.querySelectorAll('article .infobox-sides a')]
            .filter(a => a.offsetParent && a.getClientRects().length > 1 && /^[\\u4e00-\\u9fff·・]+$/.test(a.textContent))
            .map(a => a.textContent)""")
        assert broken == []
        names = page.locator("article .infobox-sides").inner_text()
        assert "艾森豪威尔" in names and "麦克阿瑟" in names
    finally:
        ctx.close()


# In the infobox, a bullet and the first character of its item are on the same line: in the rows (a
# sentence after 「• 」 used to move whole to the next line, leaving the bullet alone: 状态) and in the
# belligerent columns (澳大利亚, 哥伦比亚 under 武装援助 moved alone below their bullets).  The item's first
# character is looked up in the following text nodes too, so linked and flagged items count.
_LONE_BULLETS = """() => {
  const lone = [];
  const box = document.querySelector('article .infobox');
  const texts = [];
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n);
  const rect = (n, i) => { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1); return r.getBoundingClientRect(); };
  let checked = 0;
  texts.forEach((n, k) => {
    if (!n.parentElement.offsetParent || !n.parentElement.closest('dd, td, th')) return;
    for (let i = n.data.indexOf('•'); i >= 0; i = n.data.indexOf('•', i + 1)) {
      let m = n, j = i + 1, q = k;
      while (true) {
        while (j < m.data.length && /\\s/.test(m.data[j])) j++;
        if (j < m.data.length || q + 1 >= texts.length) break;
        m = texts[++q]; j = 0;
      }
      if (j >= m.data.length || !m.parentElement.offsetParent) continue;
      checked++;
      const a = rect(n, i), b = rect(m, j);  // same line: the two boxes overlap vertically (small text sits lower)
      if (!(a.top < b.bottom - 1 && b.top < a.bottom - 1)) lone.push(m.data.slice(j, j + 12));
    }
  });
  return {checked, lone};
}"""


@pytest.mark.parametrize("size", [(1280, 900), (390, 844)])
def test_infobox_bullets_stay_with_their_item(browser, server: str, size: tuple[int, int]) -> None:
    ctx = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = ctx.new_page()
    try:
        page.goto(f"{server}/zh-cn/index.html")
        page.evaluate("() => document.querySelectorAll('article .infobox details').forEach(d => d.open = true)")
        box = page.locator("article .infobox").inner_text()
        assert "朝鲜进攻并占领韩国大部后被击退" in box and "埃塞俄比亚" in box and "罗马尼亚" in box
        found = page.evaluate(_LONE_BULLETS)
        assert found["checked"] > 140 and found["lone"] == []
    finally:
        ctx.close()
