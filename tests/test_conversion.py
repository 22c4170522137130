"""Variant conversion (conversion/, views/glossary.py): MediaWiki's LanguageConverter semantics.

The table-driven cases live in ``tests/cases/conversion.tsv`` (one wikitext snippet, the variant,
where to look, the expected text, and why).  Every expectation was derived from MediaWiki's
documented behaviour (ConverterRule / LanguageConverter / ZhConverter: manual levels, fallback
chains, flag precedence, one longest-match pass) and the article's own noteTA rules, not from
this implementation's output.  ``opts`` in a row: ``note`` prepends the article's ``{{noteTA}}``
(its 16 numbered rules and T=, without G1), ``exact`` switches off mixed-script matching
(MediaWiki parity), ``groups`` points groups_dir at tests/groups, ``title=…`` sets the page name.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhwiki import pipeline
from zhwiki.conversion.engine import Converter
from zhwiki.conversion.rules import parse_rule
from zhwiki.views.edition import convert_edition

HERE = Path(__file__).parent
CASES = HERE / "cases" / "conversion.tsv"
GROUPS = HERE / "groups"

#: The article's {{noteTA}} (朝鲜战争, zh.wikipedia), G1 left out; comments as in the source.
NOTE = """{{noteTA
|T=zh-cn:朝鲜战争; zh-tw:韓戰; zh-hk:韓戰; zh-sg:韩战;
|1=zh:朝鮮戰爭; zh-cn:朝鲜战争; zh-tw:韓戰; zh-hk:韓戰; zh-sg:韩战;
|2=zh:南北朝鲜; zh-cn:朝韩; zh-tw:南北韓; zh-hk:南北韓; zh-sg:南北韩
|3=zh-hans:朝鲜停战; zh-hant:朝鮮停戰;   <!-- 不要删！否则会出现“北韓停戰協定”之类错误转换！-->
|4=zh-hans:朝鲜半岛; zh-hant:朝鮮半島;   <!-- 不要删！否则会出现“北韓半島”之类错误转换！-->
|5=zh-hans:韩国战争; zh-hant:韓國戰爭;   <!-- 不要删！否则会出现“南韓戰爭”之类错误转换！-->
|6=zh:太極旗飄揚; zh-cn:太极旗飘扬; zh-tw:太極旗－生死兄弟; zh-hk:太極旗飄揚：生死有情;
|7=zh-hans:朝鲜人民军; zh-hant:朝鮮人民軍;   <!-- 不要删！否则会出现“北韓人民軍”之类错误转换！-->
|8=zh:朝鮮; zh-hans:朝鲜; zh-hant:北韓; zh-tw:北韓;
|10=zh-hans:韩国国军;zh-hant:韓國國軍; <!-- 不要删！否则会出现“南韓國軍”之类错误转换！-->
|12=zh-hans:朝鲜民主主义人民共和国;zh-hant:朝鮮民主主義人民共和國  <!-- 不要删！-->
|13=zh-hans:朝鲜族; zh-hant:朝鮮族  <!-- 不要删！否则会出现“北韓族”之类错误转换！-->
|14=zh-hans:朝鲜海峡; zh-hant:朝鮮海峽
|15=zh-hans:韩国; zh-hant:南韓; zh-hk:南韓; zh-tw:南韓;zh-sg:南韩
|16=zh-hans:南朝鲜国防警备队;zh-hant:南朝鮮國防警備隊;
|17=zh-cn:李奇微;zh-tw:李奇威;
|18=zh-hans:蒋介石;zh-tw:蔣中正;
}}
"""


def build(wikitext: str, variant: str, opts: str = "", built: tuple[str, ...] = ("zh-cn", "zh-tw")):
    """Run the real pipeline on a snippet; returns (article, edition)."""
    flags = [o.strip() for o in opts.split(",") if o.strip()]
    title = next((o.split("=", 1)[1] for o in flags if o.startswith("title=")), "测试条目")
    options = pipeline.Options(
        title=title,
        mixed_script="exact" not in flags,
        groups_dir=str(GROUPS) if "groups" in flags else None,
    )
    raw = (NOTE if "note" in flags else "") + wikitext
    article = pipeline.analyse(raw, options)
    edition = convert_edition(article, variant, options, built=tuple(dict.fromkeys((*built, variant))))
    return article, edition


def plain(markdown: str) -> str:
    """The text a reader sees: tags, link destinations, attribute lists and heading marks removed."""
    s = re.sub(r"\]\([^)]*\)", "]", markdown)
    s = re.sub(r"\[\^[^\]]+\](?!:)", "", s)
    s = s.replace("[", "").replace("]", "")
    s = re.sub(r"<[^>]+>", "", s)
    s = re.sub(r"\{:? *[#.][^{}]*\}", "", s)
    s = re.sub(r"^#+ ", "", s, flags=re.M)
    s = html.unescape(s)
    return "\n".join(line.strip() for line in s.splitlines() if line.strip())


def body_pages(edition) -> list:
    """The article's pages without the glossary, and the lead without its title heading."""
    import dataclasses

    out = []
    for p in edition.pages:
        if p.path == "glossary.md":
            continue
        if p.kind == "lead" and p.markdown.startswith("# "):
            p = dataclasses.replace(p, markdown=p.markdown.split("\n", 1)[1].lstrip("\n"))
        out.append(p)
    return out


def _load_cases() -> list:
    rows = []
    for n, line in enumerate(CASES.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        variant, where, opts, wikitext, expected, why = line.split("\t")
        wikitext = wikitext.replace("\\n", "\n")
        expected = expected.replace("\\n", "\n")
        rows.append(pytest.param(variant, where, opts, wikitext, expected, id=f"L{n}-{variant}-{why[:40]}"))
    return rows


CASE_ROWS = _load_cases()


def test_case_file_is_big_enough() -> None:
    assert len(CASE_ROWS) >= 100


@pytest.mark.parametrize("variant,where,opts,wikitext,expected", CASE_ROWS)
def test_case(variant: str, where: str, opts: str, wikitext: str, expected: str) -> None:
    article, edition = build(wikitext, variant, opts)
    if where == "body":
        assert plain("\n".join(p.markdown for p in body_pages(edition))) == expected
    elif where == "md":
        assert expected in "\n".join(p.markdown for p in body_pages(edition))
    elif where == "title":
        assert edition.site_name == expected
    elif where == "nav":
        titles = [p.title for p in body_pages(edition) if p.path != "index.md"]
        assert expected in titles
    elif where == "heading":  # the home page's title heading (its Markdown)
        lead = next(p.markdown for p in edition.pages if p.kind == "lead")
        assert lead.splitlines()[0] == expected
    elif where == "warn":
        assert any(expected in w for w in article.diag.warnings())
    else:  # pragma: no cover - a typo in the case file
        pytest.fail(f"unknown 'where' {where!r}")


# -- things a table row cannot express -----------------------------------------------------------

def test_zh_converts_nothing() -> None:
    _, ed = build("朝鲜战争與韓戰", "zh", "note")
    assert plain(body_pages(ed)[0].markdown) == "朝鲜战争與韓戰"


def test_variant_list_wrapper_shows_zh_in_simplified() -> None:
    """-{zh-hans;zh-hant|…}- in the zh view: zh's chain starts with zh-hans (spec §4.1)."""
    _, ed = build("-{zh-hans;zh-hant|朝鮮戰爭}-", "zh")
    assert plain(body_pages(ed)[0].markdown) == "朝鲜战争"


def test_missing_group_warns_once() -> None:
    article, _ = build("{{noteTA|G1=NoSuchGroup}}朝鲜", "zh-tw", "groups")
    assert sum("NoSuchGroup" in w for w in article.diag.warnings()) == 1


def test_too_deep_nesting_is_shown_literally_with_a_warning() -> None:
    deep = "-{" * 11 + "甲" + "}-" * 11
    article, ed = build(deep, "zh-tw")
    text = plain(body_pages(ed)[0].markdown)
    assert "甲" in text and "-{" in text
    assert any("nested deeper" in w for w in article.diag.warnings())


def test_rule_state_does_not_leak_between_editions() -> None:
    build("-{H|zh-cn:朝鲜;zh-tw:北朝鮮}-", "zh-tw")
    _, ed = build("朝鲜", "zh-tw")
    assert plain(body_pages(ed)[0].markdown) == "朝鮮"


# -- tooltips --------------------------------------------------------------------------------------

def test_rule_changed_word_gets_a_tooltip_with_every_built_form() -> None:
    # 韩国 (the base table gives 韓國; the rule gives 南韓).  朝鲜战争 no longer serves: the zh-tw
    # base table writes 韓戰 itself, as zh.wikipedia's does (docs/conversion-differences.md).
    _, ed = build("韩国", "zh-tw", "note")
    assert '<abbr title="zh-cn: 韩国 · zh-tw: 南韓">南韓</abbr>' in ed.pages[0].markdown


def test_tooltip_lists_the_built_variants_only() -> None:
    _, ed = build("韩国", "zh-sg", "note", built=("zh-cn", "zh-tw", "zh-hk", "zh-sg"))
    md = ed.pages[0].markdown
    assert '<abbr title="zh-cn: 韩国 · zh-tw: 南韓 · zh-hk: 南韓 · zh-sg: 南韩">南韩</abbr>' in md


def test_unidirectional_variant_shows_its_base_form_in_tooltips() -> None:
    _, ed = build("李奇微", "zh-tw", "note", built=("zh-tw", "zh-hant"))
    assert '<abbr title="zh-tw: 李奇威 · zh-hant: 李奇微">李奇威</abbr>' in ed.pages[0].markdown


def test_base_table_changes_get_no_tooltip() -> None:
    _, ed = build("朝鲜半岛和战争", "zh-tw", "note")
    assert "<abbr" not in ed.pages[0].markdown


def test_no_tooltip_in_headings_link_destinations_or_attributes() -> None:
    wikitext = '正文\n== 朝鲜战争 ==\n=== 韩国 ===\n<span title="朝鲜战争">[[朝鲜战争|朝鲜]]</span>'
    _, ed = build(wikitext, "zh-tw", "note")
    md = "\n".join(p.markdown for p in ed.pages if p.path != "glossary.md")
    for line in md.splitlines():
        if line.startswith("#"):
            assert "<abbr" not in line
    assert 'title="韓戰"' in md  # the attribute is converted, but as plain text
    assert re.search(r'title="[^"]*<abbr', md) is None
    assert re.search(r"\]\([^)]*abbr", md) is None
    assert all("<abbr" not in p.title for p in ed.pages)


def test_a_single_built_variant_gets_no_tooltips() -> None:
    _, ed = build("朝鲜战争", "zh-tw", "note", built=("zh-tw",))
    assert "<abbr" not in ed.pages[0].markdown


# -- the 用词对照 page --------------------------------------------------------------------------------

def test_glossary_lists_every_rule_with_each_built_form() -> None:
    _, ed = build("-{zh-hans:中朝;zh-hant:中國和朝鮮}-", "zh-tw", "note", built=("zh-cn", "zh-tw", "zh-hant"))
    page = next(p for p in ed.pages if p.path == "glossary.md")
    assert page.kind == "back" and page.title == "用詞對照"
    rows = [r for r in page.markdown.splitlines() if r.startswith("| noteTA")]
    assert len(rows) == 16
    rule15 = next(r for r in rows if r.startswith("| noteTA 15 "))
    assert "| 韩国 | 南韓 |" in rule15 and "韓國 †" in rule15
    assert "| 中朝 | 中國和朝鮮 | 中國和朝鮮 |" in page.markdown
    assert "| 標題（T） | 朝鲜战争 | 韓戰 | 韓戰 |" in page.markdown


def test_glossary_counts_rule_hits_of_its_variant() -> None:
    _, ed = build("朝鲜，朝鲜，韩国", "zh-tw", "note")
    page = next(p for p in ed.pages if p.path == "glossary.md")
    rule8 = next(r for r in page.markdown.splitlines() if r.startswith("| noteTA 8 "))
    assert rule8.endswith("| 2 |")


def test_glossary_includes_group_rules() -> None:
    _, ed = build("{{noteTA|G1=Military}}坦克", "zh-tw", "groups")
    page = next(p for p in ed.pages if p.path == "glossary.md")
    assert "| group Military | 坦克 | 戰車 | 1 |" in page.markdown


# -- engine-level checks -------------------------------------------------------------------------------

def test_convert_run_uses_the_joint_longest_match() -> None:
    conv = Converter("zh-tw", page_rules=[(parse_rule("zh-hans:韩国; zh-hant:南韓;zh-tw:南韓"), "r")])
    assert conv.convert_run("在韩国制造，韩国人") == "在韓國製造，南韓人"


def test_removed_key_falls_back_to_characters() -> None:
    conv = Converter("zh-tw")
    conv.apply_rule(parse_rule("-|zh-cn:种子;zh-tw:種子"), "r")
    assert conv.convert_run("种子") == "種子"


# -- properties ------------------------------------------------------------------------------------------

_PIECES = ["-{", "}-", "|", ";", ":", "=>", "zh-hans", "zh-hant", "zh-tw", "zh-cn", "zh-xx", "H", "A", "R", "D",
           "N", "T", "-", "朝鲜", "韩国", "甲", "[[", "]]", "'''", "\n", "<b>", "</b>", "{{", "}}", " ", "==", "<ref>"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=25), st.sampled_from(["zh-cn", "zh-tw", "zh-hans", "zh"]))
def test_conversion_never_raises(pieces: list[str], variant: str) -> None:
    build("".join(pieces), variant)


_CJK = st.text(alphabet="朝鲜韩国战争甲乙丙丁中", min_size=1, max_size=4)
_CODES = st.sampled_from(["zh-hans", "zh-hant", "zh-cn", "zh-tw", "zh-hk", "zh-sg"])


def _block(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    entry = st.tuples(_CODES, inner).map(lambda t: f"{t[0]}:{t[1]}")
    entries = st.lists(entry, min_size=1, max_size=3).map(";".join)
    return st.one_of(
        st.just("-{}-"),
        inner.map(lambda t: "-{" + t + "}-"),
        entries.map(lambda e: "-{" + e + "}-"),
        st.tuples(st.sampled_from(["A", "H", "-", "D", "T", "H;T"]), entries).map(lambda t: f"-{{{t[0]}|{t[1]}}}-"),
        inner.map(lambda t: "-{R|" + t + "}-"),
        _CODES.map(lambda c: "-{N|" + c + "}-"),
        inner.map(lambda t: "-{zh-hans;zh-hant|" + t + "}-"),
        st.tuples(_CJK, _CODES, _CJK).map(lambda t: f"-{{{t[0]}=>{t[1]}:{t[2]}}}-"),
    )


_WELL_FORMED = st.recursive(_CJK, lambda inner: st.lists(st.one_of(inner, _block(inner)), min_size=1, max_size=3).map("".join),
                            max_leaves=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_WELL_FORMED, st.sampled_from(["zh-cn", "zh-tw", "zh-hk", "zh-hans", "zh-hant"]))
def test_well_formed_blocks_leave_no_delimiters(wikitext: str, variant: str) -> None:
    _, ed = build(wikitext, variant)
    text = "\n".join(p.markdown for p in body_pages(ed))
    assert "-{" not in text and "}-" not in text


# -- found by tests/test_fuzz.py ----------------------------------------------------------------------

def test_noteta_rule_with_inline_blocks_reads_as_its_text() -> None:
    """``-{}-`` inside a noteTA value is part of the rule's text, never a marker on a page."""
    _, ed = build("{{noteTA|1=zh-cn:朝-{}-鲜; zh-tw:北-{}-韓;}}朝鲜人", "zh-tw")
    assert "北韓人" in plain(ed.pages[0].markdown)
    for page in ed.pages:
        assert not re.search("[\ue000-\uf8ff]", page.markdown), page.path
    glossary = next(p for p in ed.pages if p.path == "glossary.md")
    assert "| noteTA 1 | 朝鲜 | 北韓 | 1 |" in glossary.markdown


def test_a_rule_word_longer_than_the_mixed_script_limit_matches_as_written() -> None:
    """A rule that swallowed a paragraph must not make the regex compiler take seconds: past
    MIXED_KEY_MAX characters a key is one literal (exact spelling), shorter ones keep mixed script."""
    from zhwiki.conversion.engine import MIXED_KEY_MAX

    long_word = "战" * (MIXED_KEY_MAX + 1)
    wikitext = f"-{{H|zh-cn:{long_word};zh-tw:长词;}}-{long_word}，{'戰' * (MIXED_KEY_MAX + 1)}，-{{H|zh-cn:朝鲜战争;zh-tw:北韓;}}-朝鮮战争"
    _, ed = build(wikitext, "zh-tw")
    text = ed.pages[0].markdown
    assert "长词" in text or "長詞" in text  # the simplified spelling, as written, matched
    assert "戰" * (MIXED_KEY_MAX + 1) in text  # the traditional spelling of the long word did not
    assert "北韓" in text  # a short key still matches a mixed-script span (朝鮮战争)


# -- issue 12 §2: what a table row cannot check ---------------------------------------------------------

def test_unclosed_block_is_reported_with_its_line_and_leaves_no_delimiter() -> None:
    article, ed = build("正文\n第二行-{T|hello朝鲜\n第三行", "zh-tw", "note")
    text = plain("\n".join(p.markdown for p in body_pages(ed)))
    assert "-{" not in text and "第二行T|hello北韓" in text
    assert any("unclosed -{" in w and "line 2" in w for w in article.diag.warnings())


def test_nocc_page_has_no_rules_to_review() -> None:
    """__NOCONTENTCONVERT__: MediaWiki never calls the converter (Parser::internalParseHalfParsed),
    so neither noteTA's rules nor inline ones act, and 用词对照 has nothing to list."""
    _, ed = build("__NOCC__朝鲜-{zh-cn:甲;zh-tw:乙}-", "zh-tw", "note")
    assert [p.path for p in ed.pages] == ["index.md"]
    assert plain(body_pages(ed)[0].markdown) == "朝鲜-{zh-cn:甲;zh-tw:乙}-"
