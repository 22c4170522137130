"""Template calls from real zh.wikipedia articles that no other test had seen (issue 17/18 coverage).

Each excerpt in tests/cases/coverage/ is a few lines of a zh.wikipedia article (CC BY-SA 4.0, credited
in its first line); the expectations are what zh.wikipedia shows for those calls, per each template's
documentation. scripts/template_census.py found them on a sample of whole articles.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from zhwiki import pipeline

CASES = Path(__file__).parent / "cases" / "coverage"


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def build(name: str) -> tuple[pipeline.Article, dict[str, str]]:
    """The article and, per variant, the home page as a reader reads it (tags removed)."""
    article = pipeline.analyse((CASES / f"{name}.zh.wikitext").read_text(encoding="utf-8"),
                               pipeline.Options(title=name))
    shown = {}
    for variant in ("zh-cn", "zh-tw"):
        md = {p.path: p.markdown for p in pipeline.convert_edition(article, variant).pages}["index.md"]
        shown[variant] = html.unescape(re.sub(r"<[^>]+>", "", md))
    return article, shown


@pytest.mark.parametrize("name", sorted(p.name.split(".")[0] for p in CASES.glob("*.zh.wikitext")))
def test_no_unknown_template_and_no_raw_markup(name: str) -> None:
    article, shown = build(name)
    assert not article.diag.unknown_templates
    assert not article.diag.unlabelled_params
    for text in shown.values():
        for raw in ("{{", "}}", "[[", "-{", "'''"):
            assert raw not in text


def test_redirect_hatnotes() -> None:
    _, shown = build("hangzhou")
    assert "「杭州」重定向至此。關於其他用法，請見「杭州 (消歧義)」。" in re.sub(r"\]\([^)]*\)", "", shown["zh-tw"]).replace("[", "")
    _, shown = build("hkia")
    plain = re.sub(r"\]\([^)]*\)", "", shown["zh-tw"]).replace("[", "")
    assert "「香港機場」和「香港各飛機場及直升機場」重定向至此。關於香港機場列表，請見「香港機場 (消歧義)」。" in plain


def test_china_prefecture_labels_and_url() -> None:
    _, shown = build("hangzhou")
    cn = shown["zh-cn"]
    for label, value in (("简称", "杭"), ("行政区划代码", "3301"), ("电话区号", "571"), ("邮政编码", "310000"),
                         ("车辆号牌", "浙A")):
        assert f"{label}\n:   {value}" in cn
    assert "市树\n:   [樟树]" in cn and "市花\n:   [桂花]" in cn
    # {{URL|http://www.hangzhou.gov.cn/}} shows the address without scheme and final slash, linked
    assert "[www.hangzhou.gov.cn](http://www.hangzhou.gov.cn/)" in cn
    # {{HDIcolor}} is a coloured square: the value stays, nothing else
    assert "人类发展指数\n:   0.866\n" in cn


def test_chem_eqm_and_en_link() -> None:
    article, shown = build("ethanol")
    md = {p.path: p.markdown for p in pipeline.convert_edition(article, "zh-cn").pages}["index.md"]
    assert "C<sub>2</sub>H<sub>5</sub>OH" in md and "C<sub>2</sub>H<sub>6</sub>O" in md
    assert "NaOH ⇌ CH3CH2ONa" in shown["zh-cn"]
    assert "受到酶CYP2E1的催化" in shown["zh-cn"]


def test_linktext_in_infobox_chinese_keeps_each_script() -> None:
    _, shown = build("hkia")
    for text in shown.values():
        plain = re.sub(r"\]\([^)]*\)", "", text).replace("[", "")
        assert "\n:   香港國際機場" in plain and "\n:   香港国际机场" in plain


def test_historical_flags_and_copy_edit_notice() -> None:
    _, shown = build("luxun")
    assert ":   大清" in shown["zh-cn"] and ":   中华民国" in shown["zh-cn"]
    assert ":   大清" in shown["zh-tw"] and ":   中華民國" in shown["zh-tw"]
    _, shown = build("panda")
    assert "需要文字修饰" in shown["zh-cn"] and "需要文字修飾" in shown["zh-tw"]
