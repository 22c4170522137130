"""简繁对照 (issue 8): alignment of the pairs, the marks and their classes, the statistics page.

The expectations come from the issue and from the conversion itself, not from the views/parallel/ package's
output: each column is compared with what ``pipeline.convert_edition`` gives the variant's own
site, marks are checked against a character comparison made here with OpenCC directly, and the
vocabulary examples (朝鲜战争 ↔ 韓戰, 李奇微 ↔ 李奇威) are the article's noteTA rules.
"""

from __future__ import annotations

import html as _html
import json
import re
from collections import defaultdict
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
import opencc
import pytest

from sitebuild import ROOT, SEED
from zhwiki import pipeline
from zhwiki.source import decode
from zhwiki.views import parallel
from zhwiki.views.edition import convert_edition

LEFT, RIGHT = "zh-cn", "zh-tw"
OPTIONS = pipeline.Options(title="朝鲜战争")
_ABBR = re.compile(r'<abbr title="[^"]*">(.*?)</abbr>', re.S)


# -- fixtures --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def site_markdown() -> tuple[list, dict]:
    """The Markdown extensions mkdocs.yml configures (so the columns render like the site)."""
    from mkdocs.config import load_config

    cfg = load_config(str(ROOT / "mkdocs.yml"))
    return list(cfg.markdown_extensions), dict(cfg.mdx_configs)


@pytest.fixture(scope="module")
def article() -> pipeline.Article:
    return pipeline.analyse(decode(SEED.read_bytes(), str(SEED)), OPTIONS)


@pytest.fixture(scope="module")
def view(article: pipeline.Article, site_markdown) -> parallel.ParallelEdition:
    exts, cfgs = site_markdown
    return parallel.build(article, LEFT, RIGHT, OPTIONS, exts, cfgs)


@pytest.fixture(scope="module")
def editions(article: pipeline.Article) -> dict[str, pipeline.VariantEdition]:
    return {v: convert_edition(article, v, OPTIONS, built=(LEFT, RIGHT)) for v in (LEFT, RIGHT)}


# -- an HTML reader of our own (independent of views/parallel/tree.py) ----------------------------------
class _Text(HTMLParser):
    """All text of a fragment, in order; and for the parallel page, text per column with marks."""

    UNITS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "figcaption"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.units: list[list[str]] = []
        self.open_units: list[int] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("br", "hr", "img", "input", "meta", "link", "wbr", "col"):
            return
        self.stack.append(tag)
        if tag in self.UNITS:
            self.units.append([])
            self.open_units.append(len(self.units) - 1)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            t = self.stack.pop()
            if t in self.UNITS:
                self.open_units.pop()
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for k in self.open_units[-1:]:
            self.units[k].append(data)


def _plain(html_text: str) -> tuple[str, list[str]]:
    p = _Text()
    p.feed(html_text)
    p.close()
    return _norm("".join(p.text)), [_norm("".join(u)) for u in p.units]


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


class _Columns(HTMLParser):
    """A parallel page read back: per pair, the segments of each column as (text, mark class, id)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pairs: list[dict[str, list[tuple[str, str | None, str | None]]]] = []
        self.stack: list[tuple[str, dict]] = []
        self.side: str | None = None
        self.side_depth = 0
        self.mark: tuple[str, str] | None = None
        self.mark_in_attr = False

    def handle_starttag(self, tag: str, attrs) -> None:
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if any("<mark" in (v or "") for v in a.values()):
            self.mark_in_attr = True
        if tag in ("br", "hr", "img", "input", "meta", "link", "wbr", "col"):
            return
        self.stack.append((tag, a))
        if "lc-pair" in cls:
            self.pairs.append({"l": [], "r": []})
        if self.side is None and ("lc-l" in cls or "lc-r" in cls):
            self.side = "l" if "lc-l" in cls else "r"
            self.side_depth = len(self.stack)
        if tag == "mark":
            self.mark = (a.get("class") or "", a.get("data-d") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.mark = None
        if self.stack:
            self.stack.pop()
        if self.side is not None and len(self.stack) < self.side_depth:
            self.side = None

    def handle_data(self, data: str) -> None:
        if self.side is None or not self.pairs:
            return
        cls, did = self.mark if self.mark else (None, None)
        self.pairs[-1][self.side].append((data, cls, did))


def _columns(md: str) -> _Columns:
    c = _Columns()
    c.feed(md)
    c.close()
    return c


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s.json")


_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})


def _fold(s: str) -> str:
    cc = _t2s()
    out = []
    for ch in s:
        f = cc.convert(ch)
        out.append(f if len(f) == 1 else ch)
    return "".join(out).translate(_QUOTES)


# -- alignment --------------------------------------------------------------------------------------
def test_one_parallel_page_per_article_page(view: parallel.ParallelEdition, article: pipeline.Article) -> None:
    assert [p.path for p in view.pages] == [p.path for p in article.pages]
    paths = [p.path for p in view.variant_pages()]
    assert paths[-1] == parallel.STATS_PATH and len(set(paths)) == len(paths)


def test_columns_are_the_variant_pages_text(view, article, editions, site_markdown) -> None:
    """Each column holds the text of its variant's page exactly once and in order."""
    exts, cfgs = site_markdown
    md = markdown.Markdown(extensions=exts, extension_configs=cfgs)
    for i, page in enumerate(view.pages):
        cols = _columns(page.markdown)
        for side, v in (("l", LEFT), ("r", RIGHT)):
            site_md = editions[v].pages[i].markdown
            assert editions[v].pages[i].path == page.path
            md.reset()
            whole, units = _plain(md.convert(site_md))
            column = _norm("".join(t for pair in cols.pairs for t, _, _ in pair[side]))
            assert column == whole, f"{page.path} {v}: the column differs from the variant page"
            # Every unit (paragraph, item, heading, cell, footnote …) is found, in source order.
            pos = 0
            for u in units:
                if not u:
                    continue
                found = column.find(u, pos)
                assert found >= 0, f"{page.path} {v}: unit out of order or missing: {u[:40]}"
                pos = found


def test_columns_convert_like_the_variant_sites(article, editions) -> None:
    """Apart from the <abbr> tooltips, a column's Markdown is the variant page's Markdown."""
    for v in (LEFT, RIGHT):
        col = parallel.convert_column(article, v, OPTIONS)
        site = {p.path: p.markdown for p in editions[v].pages}
        for page, body in zip(article.pages, col.bodies, strict=True):
            clean = body.translate(str.maketrans("", "", parallel.MAP_OPEN + parallel.MAP_CLOSE))
            assert clean == _ABBR.sub(r"\1", site[page.path]), f"{v} {page.path}"


def test_pairs_come_from_the_same_source_text(view) -> None:
    """Wrongly paired units would differ almost everywhere; same-source pairs differ in few places."""
    for page in view.pages:
        for k, pair in enumerate(_columns(page.markdown).pairs, 1):
            left = "".join(t for t, _, _ in pair["l"])
            right = "".join(t for t, _, _ in pair["r"])
            if len(left) < 20:
                continue
            assert abs(len(left) - len(right)) <= max(4, len(left) // 5), (page.path, k)
            marked = sum(len(t) for t, c, _ in pair["l"] if c)
            # Script differences can be dense, vocabulary changes are few: folded texts stay close.
            vocab = sum(len(t) for t, c, _ in pair["l"] if c == parallel.VOCAB)
            assert vocab <= len(left) // 3, (page.path, k, left[:60], right[:60])
            assert marked <= len(left)


# -- marks ------------------------------------------------------------------------------------------
def _groups(pair) -> dict[str, dict]:
    g: dict[str, dict] = defaultdict(lambda: {"l": "", "r": "", "cls": set()})
    for side in ("l", "r"):
        for text, cls, did in pair[side]:
            if cls:
                g[did][side] += text
                g[did]["cls"].add(cls)
    return g


def test_marks_exactly_where_the_columns_differ(view) -> None:
    checked = 0
    for page in view.pages:
        cols = _columns(page.markdown)
        assert not cols.mark_in_attr, f"{page.path}: a mark inside an attribute"
        for k, pair in enumerate(cols.pairs, 1):
            unmarked = {s: "".join(t for t, c, _ in pair[s] if not c) for s in ("l", "r")}
            # Everything not marked is the same on both sides (so every difference is marked) …
            assert unmarked["l"] == unmarked["r"], (page.path, k)
            for did, g in _groups(pair).items():
                checked += 1
                assert len(g["cls"]) == 1, (page.path, did)
                a, b = g["l"], g["r"]
                # … and every mark covers only differing text.
                assert a != b, (page.path, did, a)
                if a and b:
                    assert a[0] != b[0] and a[-1] != b[-1], (page.path, did, a, b)
                if g["cls"] == {parallel.SCRIPT}:
                    assert len(a) == len(b) and all(x != y for x, y in zip(a, b, strict=True)), (page.path, a, b)
    assert checked > 5000  # the seed differs in thousands of places


def test_mark_classes_match_the_cause(view, editions, article) -> None:
    """lc-script: the same word in the other script; lc-vocab: another word, from a rule or a map."""
    rule_words = set()
    for v in (LEFT, RIGHT):
        for h in editions[v].rule_hits:
            rule_words.update((h.source, h.output))
    for block in article.blocks.values():
        rule_words.update(block.rule.entries.values())
        rule_words.update(block.entries.values())
    counts = {parallel.VOCAB: 0, parallel.SCRIPT: 0}
    for page in view.pages:
        for pair in _columns(page.markdown).pairs:
            for g in _groups(pair).values():
                (cls,) = g["cls"]
                a, b = g["l"], g["r"]
                counts[cls] += 1
                if cls == parallel.SCRIPT:
                    assert _fold(a) == _fold(b), (page.path, a, b)
                elif _fold(a) == _fold(b):
                    # Same word in both scripts, yet vocabulary: only where a rule or map produced it.
                    assert any(a in w or b in w for w in rule_words if w), (page.path, a, b)
    assert counts[parallel.VOCAB] > 300 and counts[parallel.SCRIPT] > 3000, counts


def _find_group(view, left: str, right: str, page: str | None = None) -> list[str]:
    classes = []
    for p in view.pages:
        if page and p.path != page:
            continue
        for pair in _columns(p.markdown).pairs:
            for g in _groups(pair).values():
                if g["l"] == left and g["r"] == right:
                    classes.extend(g["cls"])
    return classes


def test_known_vocabulary_and_script_pairs(view) -> None:
    """noteTA 1 (朝鲜战争 ↔ 韓戰) and noteTA 17 (李奇微 ↔ 李奇威) are vocabulary; 战 ↔ 戰 is script."""
    assert set(_find_group(view, "朝鲜战争", "韓戰")) == {parallel.VOCAB}
    # Only the differing character is marked: 李奇 is the same in both columns.
    assert set(_find_group(view, "微", "威")) == {parallel.VOCAB}
    assert set(_find_group(view, "战", "戰")) == {parallel.SCRIPT}
    assert set(_find_group(view, "“", "「")) == {parallel.SCRIPT}  # quotes: the base table's pair


def test_toggle_and_back_links_on_every_page(view) -> None:
    for p in view.pages:
        url = p.path.removesuffix(".md") + ".html"
        assert f'href="../{LEFT}/{url}"' in p.markdown and f'href="../{RIGHT}/{url}"' in p.markdown
        assert 'class="lc-toggle"' in p.markdown
        assert "\n\n" not in p.markdown  # one raw HTML block: Python-Markdown must not touch it
        assert 'href="s03.md' not in p.markdown  # links between pages point at .html pages


# -- the diff itself --------------------------------------------------------------------------------
def test_diff_texts_small_cases() -> None:
    d = parallel.diff_texts
    assert d("朝鲜战争", "朝鲜战争") == []
    ops = d("朝鲜战争爆发", "韓戰爆發", rules_b=[(0, 2)])
    assert [(o.l0, o.l1, o.r0, o.r1, o.cls) for o in ops] == [(0, 4, 0, 2, parallel.VOCAB), (5, 6, 3, 4, parallel.SCRIPT)]
    # Without a rule the same characters in two scripts are script-level …
    assert [o.cls for o in d("台湾", "臺灣")] == [parallel.SCRIPT]
    # … but where a rule wrote them, the rule is the cause.
    assert [o.cls for o in d("台湾", "臺灣", rules_b=[(0, 2)])] == [parallel.VOCAB]


def test_boundary_map_keeps_words_whole() -> None:
    ops = parallel.diff_texts("韩国难民", "南韓難民", rules_b=[(0, 2)])
    lo, hi = parallel.boundary_map(4, ops)
    assert "南韓難民"[lo[0]:hi[2]] == "南韓"
    assert "南韓難民"[lo[2]:hi[4]] == "難民"


def test_rule_sentinels_cover_the_whole_rule_word() -> None:
    # 南韓 against the table's 韓國 differs in 南 alone; the rule's output 南韓 is what is marked.
    out = parallel.with_rule_sentinels("的南韓難民", "的韓國難民", ["南韓"])
    assert out == f"的{parallel.RULE_OPEN}南韓{parallel.RULE_CLOSE}難民"
    tree = parallel.parse_html(f"<p>{out}</p>")
    assert parallel.take_rule_regions(tree) == {0: [(1, 3)]}
    assert tree.plain() == "的南韓難民"


# -- statistics -------------------------------------------------------------------------------------
def test_statistics_page(view, editions) -> None:
    md = view.stats_markdown
    for p in view.pages:
        assert f"]({p.path})" in md
    assert "**合计**" in md
    hits = sum(1 for h in editions[RIGHT].rule_hits if h.rule == "noteTA 1" and h.output == "韓戰")
    assert hits > 0
    rows = [ln for ln in md.splitlines() if ln.startswith("| noteTA 1 |") and "→ 韓戰 |" in ln]
    assert sum(int(r.rstrip(" |").rsplit("|", 1)[1]) for r in rows) == hits
    top = md.split("## 最常见的")[1]
    data = [ln for ln in top.splitlines() if re.match(r"\| \d+ \|", ln)]
    assert len(data) == parallel.TOP_WORDS
    counts = [int(ln.rstrip(" |").rsplit("|", 1)[1]) for ln in data]
    assert counts == sorted(counts, reverse=True)
    assert any("朝鲜战争" in ln and "韓戰" in ln and "词汇" in ln for ln in data)


def test_search_text_has_both_columns_under_each_heading(view: parallel.ParallelEdition) -> None:
    """The view's search index gets plain text (no marks), with a section per heading of the page."""
    page = next(p for p in view.pages if p.path == "s03.md")
    text = parallel.search_html(page)
    assert "lc-" not in text and "<mark" not in text
    heads = re.findall(r'<h([2-6]) id="([^"]+)">([^<]*)</h\1>', text)
    assert heads and all(anchor.startswith("s03-") for _, anchor, _ in heads)
    assert any("联合国军参战" in title and "聯合國軍參戰" in title for _, _, title in heads)
    for pair in page.pairs:  # every pair's text is there, in both scripts
        for side in (pair.left, pair.right):
            words = " ".join(side.plain().split())
            assert _html.escape(words, quote=False)[:40] in text


def test_built_view_search_index_leads_to_headings(built_site: Path) -> None:
    index = json.loads((built_site / parallel.SITE_DIR / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    hit = [d for loc, d in docs.items() if loc.startswith("s03.html#s03-") and "仁川" in d["text"]]
    assert hit, "no section of s03 mentions 仁川 in the view's index"
    html = (built_site / parallel.SITE_DIR / "s03.html").read_text(encoding="utf-8")
    for loc in docs:  # every anchor the index links to exists on its page
        if loc.startswith("s03.html#"):
            assert f'id="{loc.partition("#")[2]}"' in html, loc


# -- the built site ---------------------------------------------------------------------------------
def test_built_site_has_the_parallel_view(built_site: Path) -> None:
    par = built_site / parallel.SITE_DIR
    pages = sorted(p.name for p in (built_site / LEFT).glob("s*.html"))
    assert pages
    for name in pages + ["index.html", "notes.html", "references.html"]:
        html = (par / name).read_text(encoding="utf-8")
        assert 'class="lc-pair' in html, name
        for v in (LEFT, RIGHT):
            own = (built_site / v / name).read_text(encoding="utf-8")
            assert f'href="../{parallel.SITE_DIR}/{name}"' in own, (v, name)
            assert f'href="../{v}/{name}"' in html
    assert (par / "diff-stats.html").is_file()
    assert (par / "print.html").is_file()
    assert "lc-pair" in (par / "print.html").read_text(encoding="utf-8")


def test_any_pair_of_variants_small_article(site_markdown) -> None:
    """The pair is configurable: zh-cn ↔ zh-hk on a small article with a noteTA rule and a map."""
    raw = (
        "{{noteTA\n|1=zh-cn:朝鲜战争; zh-tw:韓戰; zh-hk:韓戰;\n}}\n"
        "'''朝鲜战争'''是一场战争。\n\n"
        "-{zh-cn:李奇微; zh-hk:李奇威;}-将军到达前线。\n"
    )
    exts, cfgs = site_markdown
    art = pipeline.analyse(raw, pipeline.Options(title="朝鲜战争"))
    v = parallel.build(art, "zh-cn", "zh-hk", pipeline.Options(title="朝鲜战争"), exts, cfgs)
    assert 'lang="zh-Hant-HK"' in v.pages[0].markdown and 'href="../zh-hk/index.html"' in v.pages[0].markdown
    assert set(_find_group(v, "朝鲜战争", "韓戰")) == {parallel.VOCAB}
    assert set(_find_group(v, "微", "威")) == {parallel.VOCAB}  # a -{…}- map is a conversion rule too
    # Neighbouring script changes form one mark: 场战争 ↔ 場戰爭, 将军 ↔ 將軍.
    assert set(_find_group(v, "场战争", "場戰爭")) == {parallel.SCRIPT}
    assert set(_find_group(v, "将军", "將軍")) == {parallel.SCRIPT}
