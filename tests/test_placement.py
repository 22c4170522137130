"""Unknown templates read by where and how they are called (templates/placement.py, issue 18).

The inputs are written for these tests in the shapes met in real articles (a cleanup notice
above the lead, navigation boxes after the references, a person box under a name without a box
ending); the template names are invented so that no family knows them.
"""

from __future__ import annotations

import html
import re

from zhwiki import pipeline
from zhwiki.views.edition import convert_edition

TITLE = "铁东区 (四平市)"


def analyse(src: str) -> pipeline.Article:
    return pipeline.analyse(src, pipeline.Options(title=TITLE))


def lead(src: str, variant: str = "zh-cn") -> str:
    pages = {p.path: p.markdown for p in convert_edition(analyse(src), variant).pages}
    return pages["index.md"]


def text(src: str, variant: str = "zh-cn") -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", lead(src, variant))).strip()


def test_dated_notice_above_the_lead_shows_nothing_and_is_listed() -> None:
    src = "{{某清理提示|time=2020-01-18T08:00:00+00:00}}\n'''某物'''是一种东西。\n"
    article = analyse(src)
    assert dict(article.diag.unknown_templates) == {}
    assert dict(article.diag.probable_navboxes) == {"某清理提示": 1}
    assert "probable maintenance notice (dropped): {{某清理提示}}" in "\n".join(article.diag.source_problems())
    assert text(src) == "某物是一种东西。"


def test_a_call_after_prose_or_with_other_parameters_is_no_notice() -> None:
    after = analyse("'''某物'''是一种东西。\n{{某清理提示|time=2020-01-18}}\n后文。\n")
    assert dict(after.diag.unknown_templates) == {"某清理提示": 1}
    other = analyse("{{某提示|甲乙丙丁的长文本参数}}\n'''某物'''是一种东西。\n")
    assert dict(other.diag.unknown_templates) == {"某提示": 1}


def test_option_calls_after_the_last_prose_are_navigation_boxes() -> None:
    src = ("正文。\n\n== 参考资料 ==\n{{reflist}}\n{{某歌唱节目|onlycontestants=yes}}\n"
           "{{某地铁车站列表|SZM}}\n{{某学科|cTopic=[[静电学|静电学]]}}\n\n{{DEFAULTSORT:M}}\n"
           "[[Category:某类]]\n")
    article = analyse(src)
    assert dict(article.diag.unknown_templates) == {}
    assert dict(article.diag.probable_navboxes) == {"某歌唱节目": 1, "某地铁车站列表": 1, "某学科": 1}
    assert "probable navigation box (dropped): {{某歌唱节目}}" in "\n".join(article.diag.source_problems())


def test_a_linked_positional_value_at_the_foot_is_no_option() -> None:
    src = "正文。\n{{某参见|[[某条目]]}}\n[[Category:某类]]\n"
    assert dict(analyse(src).diag.unknown_templates) == {"某参见": 1}
    assert "某条目" in text(src)


def test_a_call_followed_by_prose_keeps_its_single_text_argument() -> None:
    src = "{{某模板|短文本}}\n后面还有正文。\n"
    assert text(src).startswith("短文本")
    assert dict(analyse(src).diag.unknown_templates) == {"某模板": 1}


def test_long_values_at_the_foot_are_not_taken_for_options() -> None:
    src = "正文。\n{{某模板|这是一段读者需要读到的很长很长的文字内容，超过了选项的长度}}\n"
    assert "很长很长" in text(src)
    assert dict(analyse(src).diag.unknown_templates) == {"某模板": 1}


def test_a_named_parameter_per_line_reads_as_an_information_box() -> None:
    src = ("{{某人物\n|姓名 = 张三\n|类型 = 演员\n|国籍 = 中国\n|职业 = [[演员]]\n|儿女 = |父母 = \n}}\n"
           "'''张三'''是一名演員。\n")
    article = analyse(src)
    assert dict(article.diag.unknown_templates) == {}
    md = lead(src, "zh-tw")
    assert 'class="infobox' in md
    box = md.split('class="infobox', 1)[1].split("</div>", 1)[0]
    assert '<p class="infobox-title" markdown="span">張三</p>' in box  # 姓名 is the box's title
    for label, value in (("類型", "演員"), ("國籍", "中國")):
        assert f"{label}\n:   {value}" in box
    assert "張三是一名演員。" in text(src, "zh-tw")


def test_pipes_at_the_line_ends_read_as_a_box_too() -> None:
    src = "{{某城市|\n自治體名=和光市|\n圖像說明=车站|\n面積=11.04|\n總人口=83,000|\n}}\n'''和光市'''是城市。\n"
    article = analyse(src)
    assert dict(article.diag.unknown_templates) == {}
    assert 'class="infobox' in lead(src)


def test_a_drawing_with_a_multi_line_value_is_no_box() -> None:
    src = "{{某路线图\n|title=甲\n|inline=1\n|legend=no\n|collapse=yes\n|map=\n" + "".join(f"BHF~~{n}站\nSTR\n" for n in "甲乙丙丁戊己庚辛") + "}}\n后文。\n"
    assert 'class="infobox' not in lead(src)


def test_a_one_line_call_with_named_parameters_is_no_box() -> None:
    src = "{{某链接|a=1|b=2|c=3|d=4}}后文。\n"
    assert 'class="infobox' not in lead(src)
    assert dict(analyse(src).diag.unknown_templates) == {"某链接": 1}


def test_pagenamebase_drops_the_disambiguating_parenthesis() -> None:
    assert text("{{PAGENAMEBASE}}下辖8个街道。") == "铁东区下辖8个街道。"
    assert dict(analyse("{{PAGENAMEBASE}}").diag.unknown_templates) == {}
