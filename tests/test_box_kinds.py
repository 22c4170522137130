"""More box and list families a reader meets first (issue 17): exit lists, Chinese-named
information boxes, route names, and the labels of further infobox families.

Small inputs written for this project; direct assertions of what a reader must (and must never) see.
"""

from __future__ import annotations

import re

from test_templates import diag, edition

EXITS = """== 出口 ==
{{Start expwy exit box|place=1}}
{{Expwy exit group|{{China Expwy Name|G99|并行路段|L1=G9}}|place=1}}
{{Expwy exit item|place=[[甲市]]|place rows=2|type=H|name=东湖|alias=湖口|dist start=0|highway connection={{China Expwy Name|S1|[[环城高速公路]]||Guangdong}}}}
{{Expwy exit item|type=E|index=12|name=西岭|dist start=12.5 km|road connection={{中国国道名|107|岭南大道}}<br>{{中国县道名|235|P=广东}}|comment=往机场}}
{{Expwy exit item|type=S|name=南山服务区|dist start=20 km}}
{{Expwy exit group|G9 路段|place=1}}
{{Expwy exit item|place=[[乙市]]|type=T|name=北门|index=30|dist start=31 km|road connection={{中国省道名|117|P=广东|北门路}}}}
{{End expwy exit box|place=1}}
表后的文字。
"""


def section(src: str, variant: str = "zh-cn") -> str:
    return edition(src, variant)["s01.md"]


def rows(md: str) -> list[list[str]]:
    """The body rows of every pipe table, as lists of cell texts (links reduced to their text)."""
    out = []
    for line in md.split("\n"):
        if line.startswith("| ") and not re.match(r"^\|[-:| ]+\|$", line):
            cells = [re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", c).strip() for c in line.strip()[1:-1].split(" | ")]
            out.append(cells)
    return out


def test_exit_list_is_a_table_with_every_exit_row() -> None:
    md = section(EXITS)
    got = rows(md)
    assert got[0] == ["所在地", "里程", "编号", "名称", "类型", "连接道路", "备注"]
    body = [r for r in got if r[0] != "所在地"]
    assert [r[3] for r in body] == ["东湖（湖口）", "西岭", "南山服务区", "北门"]
    assert body[0][4] == "枢纽互通" and body[1][4] == "出入口" and body[2][4] == "服务区" and body[3][4] == "收费站"
    assert body[1] == ["", "12.5 km", "12", "西岭", "出入口", "G107 岭南大道<br>X235", "往机场"]
    assert body[3][0] == "乙市" and body[3][5] == "S117 北门路"
    assert "S1 环城高速公路" in body[0][5] and "Guangdong" not in md


def test_exit_groups_are_titles_above_their_rows_and_text_goes_on() -> None:
    md = section(EXITS)
    assert md.count('class="exit-group"') == 2
    assert "<b>G99 并行路段</b>" in md and "<b>G9 路段</b>" in md
    assert md.index("G99 并行路段") < md.index("东湖") < md.index("G9 路段") < md.index("北门")
    assert "表后的文字。" in md
    for raw in ("place rows", "dist start", "highway connection", "{{", "type=", "L1"):
        assert raw not in md, raw


def test_exit_templates_are_known_and_converted() -> None:
    d = diag(EXITS)
    assert not any("expwy" in n.lower() or "道名" in n for n in d.unknown_templates)
    tw = section(EXITS, "zh-tw")
    assert "樞紐互通" in tw and "服務區" in tw and "名稱" in tw


def test_lone_exit_item_is_still_a_row() -> None:
    md = section("== 出口 ==\n{| class=wikitable\n|}\n{{Expwy exit item|type=E|name=孤站|dist start=5 km}}\n")
    assert ["5 km", "孤站", "出入口"] in rows(md)
