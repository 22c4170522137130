"""Template kinds of places, transport and science articles found by the census of a held-out sample
(issue 18, branch inl4b): PRC administrative divisions, station numbers and line marks, rail and
expressway succession boxes, road shields, and the small kinds around them.

Each input is a line written for the test in the form the census met it; the expected text is what
zh.wikipedia shows (template documentation), in zh-cn and zh-tw.
"""

from __future__ import annotations

import html
import re

import pytest

from zhwiki import pipeline
from zhwiki.views.edition import convert_edition

TITLE = "测试条目"


def analyse(src: str, title: str = TITLE) -> pipeline.Article:
    return pipeline.analyse(src, pipeline.Options(title=title))


def markdown(src: str, variant: str = "zh-cn", title: str = TITLE) -> str:
    return {p.path: p.markdown for p in convert_edition(analyse(src, title), variant).pages}["index.md"]


def text(src: str, variant: str = "zh-cn", title: str = TITLE) -> str:
    """The page's Markdown with tags, link targets and footnote marks removed: what a reader reads."""
    md = markdown(src, variant, title)
    md = re.sub(r'<span class="print-url">[^<]*</span>', "", md)
    md = re.sub(r"\]\([^)]*\)(\{[^}]*\})?", "]", md).replace("[", "").replace("]", "")
    return html.unescape(re.sub(r"<[^>]+>", "", md)).strip()


def unknown(src: str) -> dict[str, int]:
    return dict(analyse(src).diag.unknown_templates)


# -- PRC administrative divisions ---------------------------------------------------------------
@pytest.mark.parametrize("src,cn,tw", [
    ("是{{PRC admin/fullname|42/02/04/005/000|3}}下辖的", "是湖北省黄石市下陆区下辖的", "是湖北省黃石市下陸區下轄的"),
    ("{{PRC admin/fullname|61/09/23/101/000|2}}", "陕西省安康市", "陝西省安康市"),
    # a municipality has no prefecture of its own: 上海市浦东新区, as zh.wikipedia writes it
    ("{{PRC admin/fullname|31/01/15/123/000|3}}", "上海市浦东新区", "上海市浦東新區"),
])
def test_prc_admin_fullname(src: str, cn: str, tw: str) -> None:
    assert text(src) == cn
    assert text(src, "zh-tw") == tw
    assert unknown(src) == {}


def test_prc_admin_reference_names_and_links_the_division_one_level_up() -> None:
    src = "甲<ref>{{PRC admin/ref sgc|{{PRC admin/parent|42/02/04/005/000}}}}</ref>\n\n{{reflist}}"
    md = markdown(src)
    assert "2023年统计用区划代码和城乡划分代码：湖北省黄石市下陆区" in md
    assert "(https://www.stats.gov.cn/sj/tjbz/tjyqhdmhcxhfdm/2023/42/02/420204.html)" in md
    assert "2023年統計用區劃代碼和城鄉劃分代碼：湖北省黃石市下陸區" in markdown(src, "zh-tw")
    assert unknown(src) == {}


def test_prc_admin_children_link_to_the_bureau_list_and_are_noted() -> None:
    src = "下辖以下地区：\n\n{{PRC admin/children|44/12/84}}。"
    art = analyse(src)
    assert "见2023年统计用区划代码和城乡划分代码" in text(src)
    assert "(https://www.stats.gov.cn/sj/tjbz/tjyqhdmhcxhfdm/2023/44/12/441284.html)" in markdown(src)
    assert dict(art.diag.unknown_templates) == {}
    assert any("subdivisions of 44/12/84" in str(d) for d in art.diag.defects)


def test_township_box_rows_from_the_code() -> None:
    src = ("{{中国乡级行政区|23/01/04/026/000\n|总面积 = 12.5平方公里\n|户籍人口 = 58518人\n"
           "|邮政编码 = 150000\n|23/01/04/026/000}}\n\n正文")
    t = text(src)
    assert "上级行政区\n:   黑龙江省哈尔滨市道外区" in t
    assert "行政区划代码\n:   230104026000" in t
    assert "总面积\n:   12.5平方公里" in t
    assert "23/01/04" not in t  # the code as written is not a row of its own
    assert "上級行政區\n:   黑龍江省哈爾濱市道外區" in text(src, "zh-tw")
    assert unknown(src) == {}


def test_a_bad_division_code_is_reported_and_the_build_goes_on() -> None:
    art = analyse("甲{{PRC admin/fullname|湖北}}乙")
    assert text("甲{{PRC admin/fullname|湖北}}乙") == "甲乙"
    assert any("division code" in str(d) for d in art.diag.defects)


def test_pagenamebase_drops_the_disambiguator() -> None:
    assert text("'''{{PAGENAMEBASE}}'''是街道", title="新一街道 (哈尔滨市)") == "新一街道是街道"
    assert unknown("{{PAGENAMEBASE}}") == {}
