"""Source text that reaches a title goes through the same rendering and sanitizer as body text (issue 12 §1).

Titles come from ``-{T|…}-``, noteTA ``T=``, the configured or guessed page name and section
headings; they reach the home page's heading, nav labels, ``<title>``, the header's site name,
the search index, the print page and the parallel view.  The unit checks look at the pipeline's
Markdown; the build check runs MkDocs on a hostile article and reads every page it writes.
"""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from test_conversion import build  # noqa: E402

from sitebuild import build_site  # noqa: E402
from wikicheck import safety_problems, to_html  # noqa: E402
from zhwiki import pipeline  # noqa: E402
from zhwiki.views.edition import convert_edition  # noqa: E402

ISSUE_INPUT = '-{T|zh:Title <i onclick="alert(42)">click me</i> <script>alert(43)</script>}-\n正文。'


def _lead(edition) -> str:
    return next(p.markdown for p in edition.pages if p.kind == "lead")


def test_issue_example_title_is_sanitized_like_body_text() -> None:
    _, ed = build(ISSUE_INPUT, "zh")
    heading = _lead(ed).splitlines()[0]
    assert heading == "# Title <i>click me</i> &lt;script&gt;alert(43)&lt;/script&gt;"
    html = to_html(_lead(ed))
    assert not safety_problems(html), safety_problems(html)
    assert "<i>click me</i>" in html
    # The plain title (for <title>, the header, the print cover) is text, escaped by whoever writes HTML.
    assert ed.site_name == "Title click me <script>alert(43)</script>"


@pytest.mark.parametrize("variant,wikitext", [
    ("zh", "-{T|zh:''a''}-正文"),
    ("zh-cn", "-{T|zh-cn:''a''}-正文"),
    ("zh-tw", "-{T|zh-hans:乙;zh-hant:''a''}-正文"),
    ("zh-tw", "{{noteTA|T=zh-cn:乙;zh-tw:''a''}}正文"),
])
def test_title_wikitext_is_rendered(variant: str, wikitext: str) -> None:
    _, ed = build(wikitext, variant)
    assert _lead(ed).startswith("# <i>a</i>\n")
    assert ed.site_name == "a"
    assert ed.title_markdown == "<i>a</i>"


def test_noteta_title_with_markup_is_sanitized() -> None:
    wikitext = '{{noteTA|T=zh-cn:旧<span onmouseover="alert(1)" title="题">题</span><script>alert(2)</script>;zh-tw:舊題}}正文'
    _, ed = build(wikitext, "zh-cn")
    html = to_html(_lead(ed))
    assert not safety_problems(html), safety_problems(html)
    assert "onmouseover" not in html and "&lt;script&gt;alert(2)" in html
    assert ed.site_name == "旧题<script>alert(2)</script>"


def test_title_links_and_templates_render_as_text_in_a_heading() -> None:
    _, ed = build("-{T|zh-cn:[[朝鲜战争|战争]]和[http://example.org/ 链接]}-正文", "zh-cn")
    assert ed.site_name == "战争和链接"
    assert "](" not in _lead(ed).splitlines()[0]  # no links in a heading


def test_description_without_entries_is_sanitized() -> None:
    _, ed = build("-{D|<script>alert(1)</script><b onclick='alert(2)'>粗</b>}-", "zh-cn")
    html = to_html(_lead(ed))
    assert not safety_problems(html), safety_problems(html)
    assert "<b>粗</b>" in html


def test_page_name_without_a_title_rule_is_escaped() -> None:
    article = pipeline.analyse("正文", pipeline.Options(title='甲<b onclick="x">"乙&'))
    ed = convert_edition(article, "zh-cn", pipeline.Options(title='甲<b onclick="x">"乙&'))
    html = to_html(_lead(ed))
    assert not safety_problems(html) and "<b" not in html
    assert ed.site_name == '甲<b onclick="x">"乙&'


def test_plain_text_of_inline_markdown() -> None:
    assert pipeline.plain_text("<i>a</i> [链接](https://example.org/%28x%29) &lt;b&gt; &#42;") == "a 链接 <b> *"


# -- a real build ----------------------------------------------------------------------------------

HOSTILE = """{{noteTA|T=zh-cn:旧<span onmouseover="alert(40)">题</span>;zh-tw:舊題|1=zh-cn:甲;zh-tw:乙}}
{{DISPLAYTITLE:<span onclick="alert(39)">显示</span><script>alert(38)</script>}}
-{T|zh-hans:标题 <i onclick="alert(42)">click me</i> <script>alert(43)</script>;zh-hant:''標題'' </title><script>alert(41)</script>}-
'''测试"<x>&'''正文甲。

== 标题 </title><script>alert(44)</script> ''斜体'' ==
内容<i onclick="alert(45)">x</i>。-{zh-cn:<b onmouseover="alert(46)">甲</b>;zh-tw:乙}-

== 第二 -{R|<script>alert(47)</script>}- ==
内容 [javascript:alert(48) 链接] -{D|<script>alert(49)</script>}-
"""


class _Page(HTMLParser):
    """Every element and attribute of a built page, the text of its <title> and of its scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handlers += [f"{tag} {n}" for n, _ in attrs if n.startswith("on")]
        if tag in ("title", "script"):
            self._in.append(tag)
            if tag == "script":
                self.scripts.append(dict(attrs).get("src") or "")

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "title":
            self.title.append(data)
        elif self._in and self._in[-1] == "script":
            self.scripts.append(data)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src") / "hostile.wikitext"
    src.write_text(HOSTILE, encoding="utf-8")
    dest = tmp_path_factory.mktemp("site")
    proc = build_site(dest, source=src)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return dest


def test_no_source_script_or_handler_reaches_any_built_page(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        where = path.relative_to(hostile_site)
        assert not page.handlers, f"{where}: {page.handlers}"
        assert not any("alert(" in s for s in page.scripts), f"{where}: a script from the source"
        assert len(page.title) <= 1 and "alert(4" not in "".join(page.title).replace("<script>alert(4", ""), where


def test_titles_show_the_source_markup_as_text(hostile_site: Path) -> None:
    def title(rel: str) -> str:
        page = _Page()
        page.feed((hostile_site / rel).read_text(encoding="utf-8"))
        return "".join(page.title)

    assert title("zh-cn/index.html") == "标题 click me <script>alert(43)</script>"
    assert title("zh-tw/index.html") == "標題 </title><script>alert(41)</script>"
    # a chapter's title carries its section number (numbering.py), as its nav label and heading do
    assert title("zh-cn/s01.html").startswith("1 标题 </title><script>alert(44)</script> 斜体 - 标题 click me")
    assert "<i>click me</i>" in (hostile_site / "zh-cn" / "index.html").read_text(encoding="utf-8")
    lead_tw = (hostile_site / "zh-tw" / "index.html").read_text(encoding="utf-8")
    assert "<i>標題</i> &lt;/title&gt;&lt;script&gt;alert(41)" in lead_tw


def test_search_index_and_print_page_show_titles_as_text(hostile_site: Path) -> None:
    for variant in ("zh-cn", "zh-tw", "parallel"):
        docs = json.loads((hostile_site / variant / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        for doc in docs:
            for field in ("title", "text"):
                html = doc.get(field, "")
                assert not safety_problems(html), f"{variant} search {doc.get('location')}: {safety_problems(html)}"
    # Whole pages are checked for scripts and handlers above; here: the print page shows the titles as text.
    printed = (hostile_site / "zh-cn" / "print.html").read_text(encoding="utf-8")
    assert 'id="print-cover">标题 click me &lt;script&gt;alert(43)&lt;/script&gt;</h1>' in printed
    # the print edition numbers its sections (issue 14): the number is ours, the title is text
    assert re.search(r'id="print-s01-title">(?:<span class="secno">1</span> )?'
                     r'标题 &lt;/title&gt;&lt;script&gt;alert\(44\)&lt;/script&gt; 斜体</h1>', printed)
