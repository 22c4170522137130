"""Inline markup as MediaWiki renders it: quotes per line, lists, links, headings, entities."""

from __future__ import annotations

from zhwiki import markers as M
from zhwiki import pipeline
from zhwiki.render.blocks import shows_nothing
from zhwiki.views.edition import convert_edition


def md(src: str, variant: str = "zh-cn", title: str = "测试条目") -> dict[str, str]:
    article = pipeline.analyse(src, pipeline.Options(title=title))
    return {p.path: p.markdown for p in convert_edition(article, variant).pages}


def test_bold_and_italic_are_line_scoped() -> None:
    """An unclosed '' closes at the end of its line and cannot swallow later headings (Q1)."""
    pages = md("''未闭合的斜体\n下一行'''粗体'''\n== 标题 ==\n正文")
    lead = pages["index.md"]
    assert "<i>未闭合的斜体</i>" in lead
    assert "下一行<b>粗体</b>" in lead
    assert "s01.md" in pages and "正文" in pages["s01.md"]


def test_bold_italic_combinations() -> None:
    lead = md("'''''粗斜'''''和'''粗''与''斜'''")["index.md"]
    assert "<b><i>粗斜</i></b>" in lead or "<i><b>粗斜</b></i>" in lead
    assert "<b>粗<i>与</i>斜</b>" in lead


def test_lists_every_form() -> None:
    lead = md("* 一\n** 二\n*三\n# 甲\n#乙\n; 术语\n: 定义\n\n** 空行后的二级项")["index.md"]
    assert "- 一\n    - 二\n- 三" in lead
    assert "1. 甲\n1. 乙" in lead
    assert "<b>术语</b>" in lead and "定义" in lead
    assert "空行后的二级项" in lead


def test_no_link_trail_in_chinese() -> None:
    lead = md("[[朝鮮半島|朝鮮半島]]上的战争")["index.md"]
    assert "[朝鲜半岛](https://zh.wikipedia.org/zh-cn/" in lead
    assert "](https://zh.wikipedia.org/zh-cn/%E6%9C%9D%E9%AE%AE%E5%8D%8A%E5%B3%B6)上的战争" in lead


def test_links_to_a_section_of_this_edition_stay_inside() -> None:
    pages = md("见[[#背景|背景一节]]和[[测试条目#经过|经过]]。\n== 背景 ==\n甲\n== 经过 ==\n=== 细节 ===\n乙\n[[#细节]]")
    assert "[背景一节](s01.md)" in pages["index.md"]
    assert "[经过](s02.md)" in pages["index.md"]
    assert "[#细节](#s02-1)" in pages["s02.md"]  # MediaWiki shows [[#X]] as «#X»


def test_headings_get_stable_ascii_anchors_and_converted_text() -> None:
    cn = md("== 经过 ==\n=== 战争爆发 ===\n甲", "zh-cn")["s01.md"]
    tw = md("== 经过 ==\n=== 战争爆发 ===\n甲", "zh-tw")["s01.md"]
    assert '## <span class="secno">1.1</span> 战争爆发 { #s01-1 }' in cn
    assert '## <span class="secno">1.1</span> 戰爭爆發 { #s01-1 }' in tw


def test_comments_entities_and_breaks() -> None:
    lead = md("甲<!-- 隐藏 -->乙&nbsp;丙&#39;丁<br />戊<br>己")["index.md"]
    assert "隐藏" not in lead
    assert "乙&nbsp;丙'丁<br>戊<br>己" in lead


def test_external_links_and_unsafe_schemes() -> None:
    lead = md("[https://example.org/a 网站] [javascript:alert(1) 坏链接] [//example.org/b 相对]")["index.md"]
    assert "[相对](https://example.org/b)" in lead
    assert "[网站](https://example.org/a)" in lead
    assert "](javascript:" not in lead and "坏链接" in lead  # shown as text, as MediaWiki does, never a link


def test_markdown_lookalikes_in_text_change_nothing() -> None:
    lead = md("# 不是标题\n正文 *星号* [^x] | 竖线 {{{{ }}}} _下划线_")["index.md"]
    assert not lead.lstrip().startswith("#")
    for raw in ("*星号*", "[^x]", "_下划线_"):
        assert raw not in lead


def test_conversion_in_both_variants_with_page_rules() -> None:
    src = "{{noteTA\n|1=zh-cn:朝鲜战争; zh-tw:韓戰;\n|17=zh-cn:李奇微;zh-tw:李奇威;\n}}\n朝鲜战争中李奇微接任。-{zh-hans:斯大林;zh-tw:史達林}-"
    import re

    def text(s: str) -> str:
        return re.sub(r"</?abbr[^>]*>", "", s)

    assert "朝鲜战争中李奇微接任。斯大林" in text(md(src, "zh-cn")["index.md"])
    tw = md(src, "zh-tw")["index.md"]
    assert "韓戰中李奇威接任。史達林" in text(tw)
    # a word a rule changed carries its form in the other variant as a tooltip
    assert '<abbr title="zh-cn: 李奇微 · zh-tw: 李奇威">李奇威</abbr>' in tw


def test_list_items_that_show_nothing_are_not_written() -> None:
    """``* {{SomeUnknownNavThing}}`` (or a lone ``*``, a ``-{}-``, a template that renders nothing) left an
    empty bullet; such an item is left out, its deeper items move up, and the template is still listed."""
    src = ("列表：\n* 第一项\n* {{SomeUnknownNavThing}}\n* {{SomeUnknownNavThing|x=1}}\n* -{}-\n"
           "* {{DEFAULTSORT:甲}}\n* <span></span>\n* 第二项\n*\n** 子项\n* <b></b>\n"
           "# 一\n# {{Foo bar baz}}\n# 二\n")
    lead = md(src)["index.md"]
    items = [ln.strip() for ln in lead.splitlines() if ln.lstrip().startswith(("- ", "1. "))]
    assert items == ["- 第一项", "- 第二项", "- 子项", "1. 一", "1. 二"], items
    assert "&#8203;" not in lead
    diag = pipeline.analyse(src, pipeline.Options(title="测试条目")).diag
    assert diag.unknown_templates["SomeUnknownNavThing"] == 2 and diag.unknown_templates["Foo bar baz"] == 1
    block = diag.source_block("测试条目")
    assert "SomeUnknownNavThing" in block and "Foo bar baz" in block


def test_template_lists_leave_out_items_that_show_nothing() -> None:
    lead = md("{{Infobox military conflict\n| conflict = 某战\n| combatant1 = 甲国\n* {{SomeUnknownFlag}}\n* 乙国\n"
              "| strength1 = {{bulleted list|{{UnknownA}}|一万}}\n"
              "| commander1 = {{Collapsible list|title=将领|bullets=yes|{{UnknownB}}|丙}}\n}}\n正文。")["index.md"]
    assert "•\u00a0乙国" in lead and "•\u00a0一万" in lead and "•\u00a0丙" in lead
    assert not any(b in lead for b in ("•\u00a0<br>", "•\u00a0|", "•\u00a0</span>", "<br>•\u00a0\n", "•\u00a0 "))
    assert lead.count("•") == 3


def test_shows_nothing_counts_markers_and_empty_tags_as_nothing_and_text_images_anchors_as_something() -> None:
    for empty in ("", " \t", M.BREAK, f"{M.NOCONV_OPEN}{M.NOCONV_CLOSE}", f"{M.SPAN_OPEN}3{M.ID_END}{M.SPAN_CLOSE}3{M.ID_END}",
                  "&#8203;", "<b><i></i></b>", "<span class=\"x\"> </span><br>", "&nbsp;\u00a0"):
        assert shows_nothing(empty), repr(empty)
    for shown in ("甲", "<b>甲</b>", '<img src="a.png" alt="">', f"{M.BLOCK_OPEN}0{M.BLOCK_END}",
                  f"{M.STASH_OPEN}1{M.STASH_CLOSE}", '<span id="mao"></span>', "[^1]", "0"):
        assert not shows_nothing(shown), repr(shown)


def test_a_template_right_after_an_external_links_url_ends_the_url() -> None:
    """``[http://x/a.html{{deadlink}} ]``: MediaWiki expands the template first and its output ends
    the URL, becoming the label; the raw ``{{deadlink}}`` never reaches the address or the text."""
    out = md("见[http://example.org/b.html{{deadlink}} 某页]。")["index.md"]
    assert "](http://example.org/b.html){ .external }" in out
    assert "{{" not in out and "永久失效链接" in out and "某页" in out
    plain = md("见[http://example.org/c.html 某页]。")["index.md"]
    assert "[某页](http://example.org/c.html){ .external }" in plain
