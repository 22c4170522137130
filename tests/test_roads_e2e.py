"""End to end: exit lists, Chinese-named information boxes, episode tables and nutrition boxes on
built pages (issue 17).

Builds ``tests/articles/roads.zh.wikitext`` (written for this project) with MkDocs in both default
variants and reads the HTML a reader gets: every exit a table row under its group's title, the
station box with its Chinese labels and neighbours, each episode a row of its table, every amount
of the nutrition box with its unit, and no template or parameter name on any page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_boxes_e2e import article, text

from sitebuild import build_site

pytestmark = pytest.mark.slow

ARTICLE = Path(__file__).parent / "articles" / "roads.zh.wikitext"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    dest = tmp_path_factory.mktemp("roads") / "site"
    proc = build_site(dest, source=ARTICLE)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return dest, proc.stdout + proc.stderr


def pages(site: tuple[Path, str], variant: str) -> dict[str, str]:
    return {p.name: article(site, variant, p.name) for p in sorted((site[0] / variant).glob("s0*.html"))}


def rows(html: str) -> list[list[str]]:
    out = []
    for tr in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        out.append([text(c).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", tr, re.S)])
    return out


def test_exit_list_every_exit_a_row_under_its_group(site: tuple[Path, str]) -> None:
    exits = next(h for h in pages(site, "zh-cn").values() if "出口列表之后" in h)
    got = rows(exits)
    assert ["所在地", "里程", "编号", "名称", "类型", "连接道路", "备注"] in got
    names = [r[3] for r in got if len(r) == 7 and r[3] != "名称"]
    assert names == ["海滨枢纽（东湖）", "西岭", "南山服务区", "北门收费站"]
    assert ["", "12.5 km", "12", "西岭", "出入口", "G107 岭南大道", "往机场"] in got
    assert "<b>G99 路段</b>" in exits and "<b>G99 山区路段</b>" in exits
    for raw in ("place rows", "dist start", "Expwy", "{{"):
        assert raw not in exits, raw
    tw = next(h for h in pages(site, "zh-tw").values() if "出口列表之後" in h)
    assert "樞紐互通" in tw and "服務區" in tw and "收費站" in tw


def test_station_box_labels_and_neighbours(site: tuple[Path, str]) -> None:
    station = next(h for h in pages(site, "zh-cn").values() if "海滨站是" in h)
    box = station[station.index('class="infobox'):]
    terms = [text(t).strip() for t in re.findall(r"<dt>(.*?)</dt>", box, re.S)]
    assert terms == ["所在地", "月台配置", "启用年月日", "乘客人数", "相邻车站"]
    assert "海山线：上一站 港口站（2.3km）；下一站 山脚站（1.4km）" in text(box)
    assert "#008000" not in box and "公司色" not in box


def test_episode_rows_and_nutrition_and_heritage_boxes(site: tuple[Path, str]) -> None:
    eps = next(h for h in pages(site, "zh-cn").values() if "开通" in h and "<table" in h)
    got = rows(eps)
    assert got[0] == ["集数", "标题", "导演", "播出日期"]
    assert got[1] == ["1", "开通Opening", "甲导演", "2001年7月1日"] and got[2] == ["高速公路开通的一天。"]
    assert got[3] == ["2", "山城", "乙导演", "2001年7月8日"]
    food = next(h for h in pages(site, "zh-cn").values() if "山城盛产栗子" in h)
    for want in ("水分", "52.0 g", "能量", "820千焦", "钙", "19毫克", "维生素C", "40.2毫克", "遗产编号", "999", "列入年份"):
        assert want in text(food), want
    assert "right" not in text(food) and "tablewidth" not in food


def test_summary_knows_every_template_and_finds_no_defect(site: tuple[Path, str]) -> None:
    assert "Problems in the source article" not in site[1]  # the block of source problems is printed only when there are some
    assert "unknown template" not in site[1] and "without a label" not in site[1]
    assert re.search(r"templates by family: formatting \d+, infobox \d+", site[1])
