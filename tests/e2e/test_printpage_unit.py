"""views/printpage.py and views/about.py on small inputs (no browser): ids, links, printed URLs, build date."""

from __future__ import annotations

import os
import re

import markdown

from zhwiki.views import about, printpage

FACTS = about.EditionFacts(title="朝鲜战争", source_url="https://zh.wikipedia.org/wiki/朝鲜战争",
                           build_date="2023-11-14", source_sha="0" * 64)


def _section(path: str, kind: str, title: str, text: str) -> printpage.SectionHTML:
    """A page rendered as MkDocs renders it, with its headings as MkDocs' toc lists them."""
    md = markdown.Markdown(extensions=["footnotes", "attr_list", "md_in_html", "toc"])
    body = md.convert(text)

    def flat(tokens: list[dict]) -> list[tuple[int, str, str]]:
        return [x for t in tokens for x in [(t["level"], t["id"], t["name"]), *flat(t["children"])]]

    return printpage.SectionHTML(path, kind, title, body, flat(md.toc_tokens))


def test_url_printed_after_each_external_link_and_only_there() -> None:
    src = ('<a href="https://a.example/x">甲</a> <a href="https://zh.wikipedia.org/zh-cn/%E4%B9%99">乙</a> '
           '<a href="https://b.example/">https://b.example/</a> '
           '<a class="cite-title" href="https://c.example/">丙</a><span class="print-url"> https://c.example/</span>'
           '<a href="https://d.example/?q=1&amp;r=2"><i>丁</i></a>')
    out = printpage.add_print_urls(src)
    assert out.count('class="print-url"') == 3  # 甲, 丁 and the existing one of 丙
    assert '甲</a><span class="print-url"> https://a.example/x</span>' in out
    assert '<i>丁</i></a><span class="print-url"> https://d.example/?q=1&amp;r=2</span>' in out
    assert "乙</a> " in out and "https://b.example/</a> " in out


def test_sections_keep_their_own_footnotes_with_unique_ids() -> None:
    pages = [
        _section("index.md", "lead", "朝鲜战争", "导言[^a]。\n\n[^a]: 甲注。\n"),
        _section("s01.md", "section", "背景", "## 分治 { #s01-1 }\n\n背景[^a]，见[导言](index.md)。"
                 "\n\n[^a]: 乙注。\n"),
        _section("s02.md", "section", "经过", "回到[分治](s01.md#s01-1)。\n"),
    ]
    doc = printpage.assemble(pages, variant="zh-tw", site_name="韓戰", facts=FACTS)
    ids = re.findall(r'\bid="([^"]+)"', doc)
    assert len(ids) == len(set(ids))
    for target in re.findall(r'href="#([^"]+)"', doc):
        assert target in ids, target
    # Each section ends with its own footnote list, titled in the variant's script.
    sec1 = doc[doc.index('id="print-index"'):doc.index('id="print-s01"')]
    sec2 = doc[doc.index('id="print-s01"'):doc.index('id="print-s02"')]
    assert "甲注" in sec1 and "乙注" not in sec1 and "乙注" in sec2
    assert "本節參考資料" in sec2
    assert 'href="#s01--s01-1"' in doc and 'href="#print-index"' in doc
    # Cover and contents; the lead is called 導言 in print.
    assert "CC BY-SA 4.0" in doc and "2023-11-14" in doc and ">導言</a>" in doc
    assert "第 \" counter(page) \" 頁" in doc


def test_build_date_is_reproducible(tmp_path) -> None:
    src = tmp_path / "a.wikitext"
    src.write_text("x", encoding="utf-8")
    assert about.build_date(str(src), {"SOURCE_DATE_EPOCH": "1700000000"}) == "2023-11-14"
    os.utime(src, (86400 * 365, 86400 * 365))
    assert about.build_date(str(src), {}) == "1971-01-01"


def test_about_page_credits_source_and_licence() -> None:
    for variant, word in (("zh-cn", "许可"), ("zh-tw", "授權")):
        md = about.about_markdown(FACTS, variant, ["zh-cn", "zh-tw"])
        assert word in md and "CC BY-SA 4.0" in md and "action=history" in md
        assert "https://zh.wikipedia.org/wiki/朝鲜战争" in md and "2023-11-14" in md


def test_assembled_from_the_site_pages_html() -> None:
    """The plugin passes MkDocs' own page HTML: its <h1> is dropped and the headings come from page.toc."""
    from types import SimpleNamespace as Link

    page_html = '<h1 id="beijing">背景</h1>\n<h2 id="s01-1">分治</h2>\n<p>见<a href="index.html">导言</a>。</p>'
    toc = [Link(level=1, id="beijing", title="背景",
                children=[Link(level=2, id="s01-1", title="分治 &amp; 对峙", children=[])])]
    entries = printpage.toc_entries(toc)
    assert entries == [(1, "beijing", "背景"), (2, "s01-1", "分治 & 对峙")]
    body = printpage.strip_title_html(page_html)
    assert body.startswith('<h2 id="s01-1">') and "<h1" not in body
    doc = printpage.assemble(
        [printpage.SectionHTML("index.md", "lead", "朝鲜战争", "<p>导言。</p>", []),
         printpage.SectionHTML("s01.md", "section", "背景", body, entries)],
        variant="zh-cn", site_name="朝鲜战争", facts=FACTS)
    assert 'id="s01--s01-1"' in doc and 'href="#s01--s01-1"' in doc  # contents entry for the h2
    assert 'href="#print-index"' in doc  # the link to the lead page now points inside the print page


def test_for_paper_prints_each_source_once_without_screen_marks() -> None:
    doc = (
        '<p>甲<sup id="s01--fnref:c1"><a class="footnote-ref" href="#s01--fn:c1">1</a></sup>'
        '<sup id="s01--fnref:c9"><a class="footnote-ref" href="#s01--fn:c9">2</a></sup></p>'
        '<div class="footnote"><ol>\n<li id="s01--fn:c1"><p>书甲 <a class="footnote-backref" href="#s01--fnref:c1">↩</a></p></li>\n'
        '<li id="s01--fn:c9"><p>书乙 <a class="footnote-backref" href="#s01--fnref:c9">↩</a></p></li>\n</ol>\n</div>'
        '<div class="infobox-sides"><table><tr><td>甲方<br>•\u00a0一<br>• 二</td></tr></table></div>'
        '<p>规则带有提示，悬停即可看到它在其他版本中的写法。</p><table><tr><td>行内对照 第26行</td></tr></table>'
        # A figure as figures.py leaves it when the edition has no image: one caption line naming the file's page.
        '<figure class="wiki-figure" data-width="220" tabindex="0"><figcaption>图说（<a class="wiki-file" '
        'href="https://commons.wikimedia.org/wiki/File:A.png" title="A.png">维基共享资源</a>）</figcaption></figure>'
        '<div class="reference-list"><ol><li>书甲 <span class="cited-on"><a href="#s01--fnref:c1">背景</a></span></li></ol></div>'
    )
    out = printpage.for_paper(doc)
    assert out.count("书甲") == 1 and out.count("书乙") == 1  # 书甲 in the list only, 书乙 (not listed) in its section
    assert '<li id="ref-c1">' in out and 'href="#ref-c1"' in out and 'href="#s01--fn:c9"' in out
    assert "↩" not in out and "悬停" not in out and "第26行" not in out
    # The figure prints as it came: one caption line, with the file page's URL after its link.
    fig = re.search(r"<figure\b.*?</figure>", out, re.S).group(0)
    assert fig.count("<figcaption>") == 1 and "<p>" not in fig and "图说" in fig
    assert '维基共享资源</a><span class="print-url"> https://commons.wikimedia.org/wiki/File:A.png</span>' in printpage.add_print_urls(fig)
    assert "甲方" in out and " •\u00a0一" in out and " •\u00a0二" in out and "<br>" not in out
