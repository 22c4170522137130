"""Infobox, taxobox, chembox and list families read as zh.wikipedia shows them (issue 17).

Golden files live in ``tests/cases/templates/infobox/``; these are direct assertions of what a
reader must (and must never) see, on small inputs written for this project.
"""

from __future__ import annotations

import re

import pytest
from test_templates import diag, lead

from zhwiki.templates import infobox_data as D


def box_of(md: str) -> str:
    m = re.search(r'<div class="infobox[^"]*" markdown="1">.*?\n</div>\n', md, re.S)
    assert m, md
    return m.group(0)


def labels_of(box: str) -> list[str]:
    """The definition-list terms of a box (the line before each ``:   value``)."""
    lines = box.split("\n")
    return [lines[i - 1] for i, ln in enumerate(lines) if ln.startswith(":   ")]


FILM = """{{Infobox film
| name = 河上
| image = River poster.jpg
| image_size = 200px
| director = 甲导演
| producer = 乙
| starring = 丙<br>丁
| music = 戊
| released = {{Film date|2019|5|1}}
| runtime = 98分钟
| language = 普通话
| budget = 500万元
| box width = 300px
| embed = yes
}}
正文。"""


def test_film_labels_are_chinese_and_layout_is_hidden() -> None:
    box = box_of(lead(FILM))
    assert labels_of(box) == ["导演", "制片", "主演", "配乐", "上映日期", "片长", "语言", "制作成本"]
    for raw in ("image_size", "200px", "box width", "300px", "embed", "director", "River poster.jpg</p>"):
        assert raw not in box.replace('title="River poster.jpg"', ""), raw
    assert "98分钟" in box and "500万元" in box


def test_coordinates_from_split_parameters_show_once_formatted() -> None:
    src = ("{{Infobox settlement | name = 甲镇 | latd = 33 | latm = 0 | latNS = N | longd = 129 | longm = 6 | longEW = E"
           " | coordinates_display = inline | population_total = 1200 }}\n正文。")
    box = box_of(lead(src))
    assert box.count("33°00′N 129°06′E") == 1
    assert "坐标" in labels_of(box)
    assert not re.search(r"lat|long|NS|EW|inline", box)
    assert "1200" in box


def test_numbered_and_paired_rows_keep_their_structure() -> None:
    src = ("{{Infobox airport | name = 乙机场 | IATA = YYY | r1-number = 09/27 | r1-length-m = 2,800 | r1-surface = 沥青"
           " | stat1-header = 旅客 | stat1-data = 1,234 }}\n"
           "{{Infobox | title = 丙 | header1 = 概况 | label2 = 长度 | data2 = 5千米 }}\n正文。")
    md = lead(src)
    assert "| 09/27 | 2,800 | 沥青 |" in md and "跑道" in md
    assert "旅客\n:   1,234" in md and "长度\n:   5千米" in md
    assert '<p class="infobox-header" markdown="span">概况</p>' in md
    assert not re.search(r"r1|stat1|header1|label2|data2", md)


def test_unlabelled_parameter_is_readable_and_counted() -> None:
    src = "{{Infobox film | name = 丁 | director = 某 | secret_weapon = 长剑 }}\n正文。"
    box = box_of(lead(src))
    assert "Secret weapon\n:   长剑" in box
    assert diag(src).unlabelled_params["infobox film: secret_weapon"] == 1


def test_image_parameters_become_figures_never_text_rows() -> None:
    src = ("{{Infobox company | name = 戊公司 | logo = Wu logo.svg | logo_size = 90px | image = [[File:Wu HQ.jpg|200px]]"
           " | caption = 总部大楼 | founded = 1999年 | num_employees = 3,000 }}\n正文。")
    box = box_of(lead(src))
    assert box.count('<figure class="wiki-figure"') == 2 and "总部大楼" in box
    assert labels_of(box) == ["成立", "员工人数"]


def test_a_skyline_image_takes_the_image_caption() -> None:
    src = ("{{Infobox settlement\n|name = 某市\n|image_skyline = City.jpg\n|image_caption = 某市的天际线\n"
           "|population_total = 1000\n}}\n正文。")
    box = box_of(lead(src))
    assert box.count('<figure class="wiki-figure"') == 1 and "图：某市的天际线" in box
    assert labels_of(box) == ["总人口"]


@pytest.mark.parametrize("name", ["infobox person", "infobox film", "infobox television", "infobox album", "infobox single",
                                  "infobox song", "infobox book", "infobox software", "infobox website",
                                  "infobox video game", "infobox company", "infobox organization", "infobox settlement",
                                  "infobox country", "infobox building", "infobox airport", "infobox station",
                                  "infobox rail line", "infobox road", "infobox election", "infobox language",
                                  "infobox planet", "infobox military unit", "infobox event"])
def test_every_common_family_has_a_table(name: str) -> None:
    fam = D.family_for(name)
    assert fam is not None and len(fam.labels) >= 50


def test_label_tables_hold_chinese_labels_only() -> None:
    for fam in (*D.families(), D.common()):
        for k, v in fam.labels.items():
            assert re.search(r"[\u4e00-\u9fff]", v) or re.match(r"^(ISO|IATA|ICAO|FAA|ISBN|ISSN|OCLC|UTC|Alexa|Glottolog)", v), (fam.name, k, v)


CHINESE = """{{Infobox Chinese
| t = 甲午戰爭 | s = 甲午战争 | p = Jiǎwǔ Zhànzhēng | kanji = 日清戦争 | hangul = 청일전쟁
}}
正文。"""


@pytest.mark.parametrize("variant", ["zh-cn", "zh-tw", "zh-hk"])
def test_infobox_chinese_scripts_are_never_converted(variant: str) -> None:
    box = box_of(lead(CHINESE, variant))
    assert '<span lang="zh-Hant">甲午戰爭</span>' in box
    assert '<span lang="zh-Hans">甲午战争</span>' in box
    assert '<span lang="ja">日清戦争</span>' in box and "日清戰爭" not in box
    assert '<span lang="ko">청일전쟁</span>' in box
    want = ["繁体字", "简化字", "汉语拼音", "日文", "谚文"] if variant == "zh-cn" else ["繁體字", "簡化字", "漢語拼音", "日文", "諺文"]
    assert labels_of(box) == want


def test_infobox_chinese_inside_another_infobox_adds_its_rows() -> None:
    src = "{{Infobox person | name = 某 | birth_date = 1900年 | module = {{Infobox Chinese|child=yes|t=學者|s=学者}} }}\n正文。"
    box = box_of(lead(src))
    assert labels_of(box) == ["出生", "繁体字", "简化字"]
    assert box.count('class="infobox ') == 1


def test_military_conflict_keeps_casus_combatants_and_every_other_row() -> None:
    src = """{{Infobox military conflict
| conflict = 某战役
| casus = 边境冲突
| combatant1 = 甲国
| combatant2 = 乙国
| combatant3 = 丙国
| commander1 = 甲将
| commander2 = 乙将
| strength1 = 1,000
| casualties3 = 10人
| result = 甲方胜利
| territory = 无
| map_type = 甲国
| latitude = 49
}}
正文。"""
    box = box_of(lead(src))
    assert "起因\n:   边境冲突" in box and "结果\n:   甲方胜利" in box and "领土变更\n:   无" in box
    assert "| **参战方** | 甲国 | 乙国 | 丙国 |" in box
    assert "| **指挥官与领导者** | 甲将 | 乙将 |  |" in box
    assert "| **兵力** | 1,000 |  |  |" in box and "| **伤亡与损失** |  |  | 10人 |" in box
    assert "map" not in box.lower() and "49" not in box


NACL = """{{Chembox
| Section1 = {{Chembox Identifiers | CASNo = 7647-14-5 | CASNo_Ref = {{cascite|correct|CAS}} | PubChem = 5234
  | ChemSpiderID = 5044 | ChemSpiderID_Ref = {{chemspidercite|correct|chemspider}} }}
| Section2 = {{Chembox Properties | Formula = NaCl | MolarMass = 58.44 | Appearance = 无色晶体
  | Density = 2.17 g/cm<sup>3</sup> | MeltingPtC = 801 | BoilingPtC = 1465 | Solubility = 360 g/L（25 °C） }}
| Section3 = {{Chembox Hazards | MainHazards = 刺激眼睛 | FlashPt = 不可燃 }}
}}
正文。"""


def test_chembox_sections_labels_numbers_and_units() -> None:
    box = box_of(lead(NACL))
    assert labels_of(box) == ["CAS号", "PubChem", "ChemSpider", "化学式", "摩尔质量", "外观", "密度", "熔点", "沸点",
                              "溶解性（水）", "主要危害", "闪点"]
    for shown in ("7647-14-5", "5234", "5044", "NaCl", "58.44 g·mol⁻¹", "2.17 g/cm<sup>3</sup>", "801 °C（1074 K，1474 °F）",
                  "1465 °C（1738 K，2669 °F）", "360 g/L（25 °C）"):
        assert shown in box, shown
    assert [h for h in re.findall(r'infobox-header" markdown="span">([^<]+)<', box)] == ["识别", "性质", "危险性"]
    assert "correct" not in box and "cite" not in box and "；" not in box


def test_chembox_formula_from_element_counts_in_hill_order() -> None:
    src = "{{Chembox | Section2 = {{Chembox Properties | O=1 | H=6 | C=2 | MolarMass = 46.07 }} }}\n正文。"
    assert "化学式\n:   C<sub>2</sub>H<sub>6</sub>O\n" in box_of(lead(src))
    src = "{{Chembox | Section2 = {{Chembox Properties | Na=1 | Cl=1 }} }}\n正文。"
    assert "化学式\n:   ClNa\n" in box_of(lead(src))
    src = "{{Chembox | Section2 = {{Chembox Properties | Formula = C6H12O6 }} }}\n正文。"
    assert "C<sub>6</sub>H<sub>12</sub>O<sub>6</sub>" in box_of(lead(src))


TAXOBOX = """{{Taxobox
| name = 某鹤
| image = Crane exempli.jpg
| status = EN | status_system = IUCN3.1
| regnum = [[动物界]] | classis = [[鸟纲]] | ordo = [[鹤形目]] | familia = [[鹤科]]
| genus = [[鹤属]] | species = '''某鹤''' ''G. exempli''
| binomial = Grus exempli | binomial_authority = Wang, 1901
| synonyms =
* ''Ardea exempli''
* ''Grus minor''
| fossil_range = {{fossil range|5.3|0}}
}}
正文。"""


def test_taxobox_status_ranks_binomial_synonyms() -> None:
    box = box_of(lead(TAXOBOX))
    assert "濒危（IUCN 3.1）" in box
    assert labels_of(box) == ["化石时期", "界", "纲", "目", "科", "属", "种"]
    assert "<i>Grus exempli</i><br><small>Wang, 1901</small>" in box
    assert "•\u00a0<i>Ardea exempli</i><br>•\u00a0<i>Grus minor</i>" in box
    assert "5.3–0 百万年前" in box and box.count('<figure class="wiki-figure"') == 1
    assert not re.search(r"(^|\n)\*|status|IUCN3\.1|fossil", box)


@pytest.mark.parametrize("code,system,words", [("CR", "IUCN3.1", "极危（IUCN 3.1）"), ("LC", "IUCN3.1", "无危（IUCN 3.1）"),
                                               ("LR/nt", "IUCN2.3", "低危（近危）（IUCN 2.3）"), ("DD", "iucn3.1", "数据缺乏（IUCN 3.1）")])
def test_status_words(code: str, system: str, words: str) -> None:
    from zhwiki.templates.taxobox import status_text

    assert status_text(code, system) == words


def test_speciesbox_builds_binomial_from_genus_and_species() -> None:
    src = "{{Speciesbox | genus = Ranaexempla | species = parva | authority = Zhang, 2001 | status = VU | status_system = IUCN3.1 }}\n正文。"
    box = box_of(lead(src))
    assert "<i>Ranaexempla parva</i><br><small>Zhang, 2001</small>" in box and "易危（IUCN 3.1）" in box


def page(src: str, path: str = "s01.md", variant: str = "zh-cn") -> str:
    from test_templates import edition

    return edition(src, variant)[path]


def test_tracklist_is_a_numbered_table_with_credits_and_total() -> None:
    src = """导言。

== 曲目 ==
{{Tracklist
| all_lyrics = 甲 | all_music = 乙
| title1 = 一 | lyrics1 = 丙 | length1 = 3:05
| title2 = 二 | note2 = 现场版 | length2 = 4:10
| title3 = 三 | length3 = 1:00:00
}}
"""
    md = page(src)
    assert "全部作词：甲；全部作曲：乙" in md
    assert "| 曲序 | 曲目 | 作词 | 时长 |" in md
    assert "| 1. | 一 | 丙 | 3:05 |" in md and "| 2. | 二（现场版） |  | 4:10 |" in md and "| 3. | 三 |  | 1:00:00 |" in md
    assert "**总时长** | **1:07:15** |" in md


def test_status_cells_are_words_with_a_class() -> None:
    src = """导言。

== 奖项 ==
{| class="wikitable"
| {{won}} || {{nom}} || {{N/A}} || {{partial}} || {{yes|支持}} || {{Version|o|1.0}}
|}
"""
    md = page(src)
    for span in ('<span class="status status-won">获奖</span>', '<span class="status status-nom">提名</span>',
                 '<span class="status status-na">不适用</span>', '<span class="status status-partial">部分</span>',
                 '<span class="status status-yes">支持</span>', '<span class="version version-old" title="旧版本，已不再支持">1.0</span>'):
        assert span in md, span


def test_navigation_boxes_are_dropped_without_marker() -> None:
    src = "正文。\n{{Portal box|化学}}\n{{Taxonbar|from=Q1}}\n{{Authority control}}\n{{Chemical elements navbox}}\n{{Chemistry sidebar}}\n"
    md = lead(src)
    assert "unknown-template" not in md and "化学" not in md and "Q1" not in md
    assert not diag(src).unknown_templates


def test_succession_box_is_a_small_table() -> None:
    md = lead("正文。\n\n{{succession box|title=某职|years=2001–2005|before=甲|after=乙}}\n")
    assert "| 前任 | 职位 | 继任 |" in md and "| 甲 | 某职<br>2001–2005 | 乙 |" in md


def test_multiple_issues_is_one_notice_listing_each_issue() -> None:
    src = """{{多個問題|
{{Refimprove|time=2019-01-01T00:00:00+00:00}}
{{Copyedit|time=2020-05-05}}
{{Notability|time=2021}}
}}
正文。"""
    md = lead(src)
    assert md.count("!!! warning") == 1
    assert "    * 需要补充更多来源。\n    * 需要文字修饰。\n    * 主题的关注度不足。" in md
    assert "2019" not in md and "2020" not in md and "time" not in md
    assert "unknown-template" not in md and not diag(src).unknown_templates


def test_multiple_issues_old_named_form_and_section() -> None:
    md = lead("正文。\n\n{{multiple issues|section=yes|unreferenced=2018-01|orphan=2019}}\n")
    assert '!!! warning "本章节存在以下问题' in md and "* 没有列出任何参考或来源。" in md and "2018" not in md


def test_otheruses_with_named_parameters() -> None:
    md = lead("{{Otheruses|subject=微软公司的一项技术|other=顶级域名|.net}}\n正文。", "zh-tw")
    assert "本文介紹的是微軟公司的一項技術。關於頂級域名，請見「[.net](" in md


def test_chembox_real_world_forms() -> None:
    """Left/right images with their _Ref flags, R/S phrases, EU symbols, a parameter named in Chinese."""
    src = """{{Chembox
| NameEn = Exemplol
| ImageFileL1 = Exemplol-2D.svg
| ImageFileL1_Ref = {{chemboximage|correct|??}}
| ImageNameL1 = 线键式
| Section2 = {{Chembox Properties | MolarMass = 46.07(2) }}
| Section7 = {{Chembox Hazards | 自燃点 = 363 °C | EUHazardSymbol = {{Chembox EUHazardSymbol|F}}
  | RPhrases = {{R11}} | SPhrases = {{S2}}-{{S7}} | HPhrases = {{H-phrases|225|319}} }}
| Section8 = {{Chembox Related | Function = [[醇]] | OtherFunctn = [[甲醇]] }}
}}
正文。"""
    box = box_of(lead(src))
    assert box.count('<figure class="wiki-figure"') == 1 and "chemboximage" not in box
    for row in ("英文名\n:   Exemplol", "摩尔质量\n:   46.07(2) g·mol⁻¹", "自燃点\n:   363 °C", "欧盟危险性符号\n:   F",
                "R-术语\n:   R11", "S-术语\n:   S2-S7", "H-术语\n:   H225, H319"):
        assert row in box, row
    assert re.search(r"相关\[醇\]\([^)]*\)\n:   \[甲醇\]", box)
    assert not diag(src).unknown_templates and not diag(src).unlabelled_params


def test_speciesbox_with_taxon_and_second_status() -> None:
    src = """{{Speciesbox
| name = 白鱀豚
| status = CR | status_system = IUCN3.1
| status2 = I | status2_system = CITES
| trend = down
| taxon = Lipotes vexillifer
| authority = Miller, 1918
}}
正文。"""
    box = box_of(lead(src))
    assert "极危（IUCN 3.1）" in box and "附录I（CITES）" in box and "种群趋势\n:   下降" in box
    assert "<i>Lipotes vexillifer</i><br><small>Miller, 1918</small>" in box
    assert "属\n:   <i>Lipotes</i>" in box and "status2" not in box


def test_album_infobox_name_order_and_tracklist_producer() -> None:
    src = """{{Album infobox
| Name = 某专辑 | Type = 录音室专辑 | Genre = 流行 | Cover = Some cover.jpg | Length = 40分钟
}}
正文。

== 曲目 ==
{{Tracklist | all_producer = 甲 | lyrics_credits = yes | title1 = 一 | lyrics1 = 乙 | length1 = 4:00 }}
"""
    box = box_of(lead(src))
    assert labels_of(box) == ["类型", "音乐风格", "时长"] and box.count("<figure") == 1
    md = page(src)
    assert "全部制作：甲" in md and "| 1. | 一 | 乙 | 4:00 |" in md and "_credits" not in md and "yes" not in md


def test_club_infobox_pairs_kit_colours_and_position() -> None:
    src = """{{Football club infobox
| clubname = 甲队 | fullname = 甲足球俱乐部 | image = [[Image:Club crest.svg|150px]] | founded = 1992年
| ground = 某球场 | capacity = 6,441人 | mgrtitle = 领队 | manager = 某人 | league = 某联赛 | position = 第14位
| pattern_la1 = _grey | leftarm1 = 0000FF | body1 = FFFFFF | shorts1 = 0000FF | socks1 = FFFFFF
}}
正文。"""
    box = box_of(lead(src))
    assert labels_of(box) == ["全名", "成立", "主场", "容量", "领队", "联赛", "排名"]
    assert "0000FF" not in box and "FFFFFF" not in box and "grey" not in box
    assert '<p class="infobox-title" markdown="span">甲队</p>' in box and box.count("<figure") == 1


def test_icon_size_flags_in_cells_are_not_figures() -> None:
    src = """{{Infobox Military Conflict
| conflict = 某战役
| combatant1 = [[File:Flag of Somewhere.svg|22px]] [[甲方]]
| combatant2 = [[File:Flag of Elsewhere.svg|22x15px]] 乙方
| commander1 = [[File:Army flag.svg|21px]] [[某将]]
| image = [[File:Battle map.png|300px]]
}}
正文。"""
    box = box_of(lead(src))
    assert box.count("<figure") == 1 and "Battle map.png" in box
    assert "Flag of" not in box and "Army flag" not in box
    assert re.search(r"\| \*\*参战方\*\* \| \[甲方\]\([^)]*\) \| 乙方 \|", box)


def test_label_tables_have_no_conflicting_duplicate_keys() -> None:
    """A JSON object with a repeated key silently keeps the last value: each table must say one thing."""
    import json
    from importlib import resources

    folder = resources.files("zhwiki.templates").joinpath("data")
    files = [p for p in folder.iterdir() if p.name.endswith(".json")]
    files += [p for p in folder.joinpath("infobox").iterdir() if p.name.endswith(".json")]
    for f in files:
        def hook(pairs: list, name: str = f.name) -> dict:
            keys = [k for k, _ in pairs]
            assert len(keys) == len(set(keys)), (name, sorted(k for k in keys if keys.count(k) > 1))
            return dict(pairs)

        json.loads(f.read_text(encoding="utf-8"), object_pairs_hook=hook)


def test_election_rows_numbered_by_candidate() -> None:
    src = ("{{Infobox election | election_name = 某选举 | nominee1 = 甲 | party1 = 甲党 | popular_vote1 = 100 | nominee2 = 乙"
           " | party2 = 乙党 | popular_vote2 = 90 | title = 总统 | below = 注：官方统计。 }}\n正文。")
    box = box_of(lead(src))
    assert labels_of(box) == ["候选人", "政党", "得票数", "候选人", "政党", "得票数", "职位"]
    assert '<p class="infobox-data" markdown="span">注：官方统计。</p>' in box


SIDES = """{{Infobox military conflict
| conflict = 甲乙之战
| combatant1 = [[甲国]]
{{Collapsible list|title=武装援助|bullets=yes|埃塞俄比亚|[[比利时]]}}
| combatant2 = 乙国
* 罗马尼亚
* [[匈牙利]]
| commander1 = <li>哥伦比亚<li>澳大利亚
| strength1 = {{bulleted list|卢森堡|新西兰}}
| result = 甲国胜{{•}}乙国退
}}
正文。"""


def test_bullets_hold_their_item_with_a_no_break_space() -> None:
    """「• 」 with an ordinary space let a name move alone to the next line (the seed's 参战方 columns):
    every bullet of a box, linked item or not, is followed by U+00A0; {{•}} separates as MediaWiki's."""
    box = box_of(lead(SIDES))
    for item in ("埃塞俄比亚", "[比利时]", "罗马尼亚", "[匈牙利]", "哥伦比亚", "澳大利亚", "卢森堡", "新西兰"):
        assert f"•\u00a0{item}" in box, item
    assert "甲国胜\u00a0• 乙国退" in box
    assert not re.search(r"•[ \t]", box.replace("\u00a0• ", ""))
