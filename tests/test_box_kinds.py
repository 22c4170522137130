"""More box and list families a reader meets first (issue 17): exit lists, Chinese-named
information boxes, route names, and the labels of further infobox families.

Small inputs written for this project; direct assertions of what a reader must (and must never) see.
"""

from __future__ import annotations

import re

from test_infobox_families import box_of
from test_templates import diag, edition, lead

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


def labels_of(box: str) -> list[str]:
    """The definition-list terms of a box, links reduced to their text."""
    lines = box.split("\n")
    return [re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", lines[i - 1]) for i, ln in enumerate(lines) if ln.startswith(":   ")]


STATION = """{{某国車站資訊
|公司色 = #008000
|文字色 = #000
|站名 = 河口站
|圖片 = Hekou station.jpg
|圖片說明 = 车站正门
|所在地 = [[甲市]]
|月台配置 = 2面4線
|啟用年月日 = 1910年4月1日
|乘客人數 = 12,345
|pxl =
}}
'''河口站'''是一座车站。"""


def test_chinese_named_information_box_shows_its_fields() -> None:
    md = lead(STATION)
    box = box_of(md)
    assert 'class="infobox infobox-generic"' in box
    assert '<p class="infobox-title" markdown="span">河口站</p>' in box
    assert labels_of(box) == ["所在地", "月台配置", "启用年月日", "乘客人数"]
    assert "12,345" in box and "1910年4月1日" in box and "车站正门" in box
    for raw in ("#008000", "#000", "公司色", "文字色", "Hekou station.jpg</p>"):
        assert raw not in box, raw
    assert not diag(STATION).unknown_templates


def test_chinese_named_template_inside_a_line_stays_unknown() -> None:
    out = lead("甲{{某信息|name=张三}}乙")
    assert "甲乙" in out and "infobox" not in out


MINERAL = """{{Infobox mineral
| name = 某石
| category = 矽酸鹽
| formula = SiO<sub>2</sub>
| strunz = 4.DA.05
| molweight = 60.08
| system = [[三方晶系]]
| mohs = 7
| refractive = nω = 1.543
| melt = 1650 (±75)
| diaphaneity = 透明至不透明
| var1 = [[玉髓]] | var1text = 任何結晶狀的石英
| var2 = 瑪瑙 | var2text = 多種顏色
}}
正文。"""


def test_mineral_box_labels_and_varieties_as_pairs() -> None:
    box = box_of(lead(MINERAL))
    labels = labels_of(box)
    for want in ("施特龙茨分类", "分子量", "晶系", "莫氏硬度", "折射率", "熔点", "透明度", "玉髓", "玛瑙"):
        assert want in labels, (want, labels)
    assert "60.08" in box and "1650 (±75)" in box and "任何结晶状的石英" in box
    assert not any(re.fullmatch(r"[A-Za-z][A-Za-z0-9 ]*", lab) for lab in labels), labels


PLANET = """{{Infobox Planet
| name = 某星
| symbol = [[File:Some symbol.svg|24px]]
| discovery = yes
| discoverer = 甲
| orbit_ref = <ref>轨道资料。</ref>
| eccentricity = 0.0112
| physical_characteristics = yes
| surface_area = 7.6408{{e|9}} km²
| oblateness = 0.0171
| temperatures = yes
| temp_name1 = 1 bar level
| mean_temp_1 = 72 K
| atmosphere = yes
| atmosphere_ref = <ref>大气资料。</ref>
| scale_height = 19.7 km
}}
正文。
== 参考 ==
{{reflist}}"""


def test_planet_switches_are_section_headers_and_numbers_stay() -> None:
    box = box_of(lead(PLANET))
    heads = re.findall(r'<p class="infobox-header" markdown="span">(.*?)</p>', box)
    assert [h.split("[")[0] for h in heads] == ["发现", "物理特征", "表面温度", "大气"]
    assert "[^" in heads[-1]  # atmosphere_ref: the header keeps its footnote
    labels = labels_of(box)
    for want in ("发现者", "离心率", "扁率", "温度", "平均温度", "标高"):
        assert want in labels, (want, labels)
    assert "7.6408×10<sup>9</sup> km²" in box and "0.0171" in box
    assert "yes" not in box and "Some symbol.svg" not in box and "<figure" not in box


def test_korean_name_box_labels() -> None:
    src = "{{Infobox Korean name\n|img=\n|width=189px\n|hangul=경인고속도로\n|hanja=京仁高速道路\n|rr=Gyeongin Gosok Doro\n|mr=Kyŏngin Kosok Toro\n}}\n正文。"
    box = box_of(lead(src))
    assert labels_of(box) == ["谚文", "汉字", "文观部式", "马-赖式"]
    assert "189px" not in box


def test_road_rail_company_labels() -> None:
    src = ("{{Infobox rail system-route\n|rail_name=某铁路\n|begin_operation=1996年\n|system_length=100公里\n"
           "|main_stations=甲站、乙站\n|max_speed=160 km/h\n|track_gauge=标准轨\n|line_title=路線\n|collapsed=1\n}}\n"
           "{{Infobox company\n|company_name=某公司\n|company_name_en=Some Co.\n}}\n正文。")
    md = lead(src)
    assert '<p class="infobox-title" markdown="span">某铁路</p>' in md and '<p class="infobox-title" markdown="span">某公司</p>' in md
    for want in ("开通运营", "线路长度", "主要车站", "最高速度", "轨距", "英文名称"):
        assert want in md, want
    for raw in ("Rail name", "Collapsed", "Line title", "路線", "Company name"):
        assert raw not in md, raw


def test_nutritional_value_box_keeps_every_amount_with_its_unit() -> None:
    src = ("== 用途 ==\n{{营养值 | name=某果、生| water =55.2 g| kJ =761| protein =4.32 g| calcium_mg =2| folate_ug =54"
           "| vitD_iu =0| glutamic acid =0.836 g| right=1 | source_usda=1 }}\n某果可食。")
    md = section(src)
    box = box_of(md)
    labels = labels_of(box)
    assert labels == ["水分", "能量", "蛋白质", "钙", "叶酸（维生素B9）", "维生素D", "谷氨酸"]
    for want in ("55.2 g", "761千焦", "4.32 g", "2毫克", "54微克", "0国际单位", "0.836 g"):
        assert want in box, want
    assert "right" not in box.lower() and "usda" not in box.lower()
    assert not diag(src).unknown_templates


def test_adjacent_stations_in_a_station_box_name_both_neighbours() -> None:
    src = ("{{某車站資訊\n|站名 = 甲站\n|所在地 = 甲市\n|adjacent = {{Adjacent stations|system=某铁道|line=中央线|left=乙站"
           "|right=丙站|note-left=2.3km|note-right=1.4km}}\n}}\n正文。")
    box = box_of(lead(src))
    assert "相邻车站" in labels_of(box)
    assert "中央线：上一站 乙站（2.3km）；下一站 丙站（1.4km）" in box
    assert "某铁道" not in box


def test_adjacent_stations_numbered_lines_and_a_terminus() -> None:
    src = ("{{Adjacent stations|system=某铁道\n|line1=甲线|right1=丁站|note-mid1=起点\n|line2=乙线|left2=戊站|right2=己站}}")
    out = lead(src)
    assert "甲线（起点）：下一站 丁站<br>乙线：上一站 戊站；下一站 己站" in out


def test_election_switches_colours_and_coded_type() -> None:
    src = ("{{Infobox Election\n|election_name = 某选举\n|type = presidential\n|ongoing = no\n|party = no\n"
           "|colour1 = 1B9431\n|nominee1 = 甲\n|popular_vote1 = 6,093,578\n}}\n正文。")
    box = box_of(lead(src))
    labels = labels_of(box)
    assert labels == ["类型", "候选人", "得票数"], labels
    assert "总统选举" in box and "6,093,578" in box
    for raw in ("presidential", "1B9431", "Colour", ":   no"):
        assert raw not in box, raw


def test_album_type_in_words() -> None:
    box = box_of(lead("{{Infobox album\n| name = 某专辑\n| type = studio\n| artist = 某歌手\n}}\n正文。"))
    assert "录音室专辑" in box and "studio" not in box


def test_exit_type_codes_combine_and_unknown_codes_show_nothing() -> None:
    from zhwiki.templates.exits import type_words

    assert type_words("EH") == "出入口、枢纽互通" and type_words("ES") == "出入口、服务区"
    assert type_words("T") == "收费站" and type_words("M") == "" and type_words("") == ""


def test_mountain_and_heritage_boxes() -> None:
    src = ("{{Otheruse|某山 (消歧义)}}\n{{Infobox Mountain\n|table_width=360px\n| 名稱 = 某山\n| 海拔 = 1,532.7米\n| 相對高度 = 1,505米\n"
           "| prominence_ref = <ref>峰表。</ref>\n| 座標 = {{coord|36|15|21|N|117|06|27|E|display=inline,title}}\n"
           "| latd = 36 | latm = 15 | lats = 21 | latNS = N\n| longd = 117 | longm = 06 | longs = 27 | longEW = E\n}}\n"
           "{{世界遗产概要表\n| tablewidth = 360px\n| zh_name = 某山\n| en_name = Mount Some\n| ID = 437\n| area = 25000公顷\n"
           "| criterion_c = (i)(ii)\n| rg_year = 1987\n}}\n某山是一座山。\n== 参考 ==\n{{reflist}}")
    md = lead(src)
    boxes = re.findall(r'<div class="infobox[^"]*" markdown="1">.*?\n</div>\n', md, re.S)
    assert len(boxes) == 2
    assert boxes[0].count("36°15′21″N 117°06′27″E") == 1  # 座標 and latd … show once
    assert "1,505米[^" in boxes[0] and "Prominence" not in boxes[0]
    assert labels_of(boxes[1]) == ["英文名称", "遗产编号", "面积", "文化遗产评定标准", "列入年份"]
    assert "437" in boxes[1] and "1987" in boxes[1] and "360px" not in md
    assert "本文介绍的是" in md or "某山 (消歧义)" in md
    assert not diag(src).unknown_templates


def test_video_game_box_keeps_collapsed_release_dates_and_names() -> None:
    src = ("{{Infobox VG\n| title = 某游戏\n| english = Some Game\n| common = {{vgr|CN|某游戏|TW|某遊戲}}\n"
           "| released = {{Infobox VG/C|2011年11月18日|\n'''Android'''<br />{{vgrelease|WW|2011年8月16日}}\n}}\n"
           "| genre = 沙盒\n}}\n正文。")
    box = box_of(lead(src))
    labels = labels_of(box)
    assert "英文名称" in labels and "常用名称" in labels and "English" not in labels
    assert "2011年11月18日" in box and "2011年8月16日" in box and "<b>Android</b>" in box
    assert not diag(src).unknown_templates


def test_university_box_labels_seal_and_phone_numbers() -> None:
    src = ("{{Infobox University\n| Name = 某大学\n| SealImage = [[File:Some seal.svg|250px]]\n| SealInfo = 某大学校徽\n"
           "| vice-president = 甲\n| Bursar = 乙\n| Student = 32,974人\n| Undergraduate = 16,773人\n| free_label = 诺贝尔奖得主\n"
           "| free = 1\n| telephone = {{tel|886|2|3366 3366}}\n| fax = {{fax|886|2|2362 7651}}\n| Celebration = 11月15日\n}}\n正文。")
    box = box_of(lead(src))
    assert labels_of(box) == ["副校长", "财务长", "学生人数", "本科生", "诺贝尔奖得主", "电话", "传真", "校庆"]
    assert "+886 2 3366 3366" in box and "+886 2 2362 7651" in box and "32,974人" in box
    assert "某大学校徽" in box and "<figure" in box
    assert "甲{{tel}}乙" not in lead("甲{{tel}}乙")  # without values {{tel}} stays the language label


def test_geobox_numbered_sources_and_bare_numbers_with_units() -> None:
    src = ("{{Geobox|河流\n|name = 某河\n|source = 甲源\n|source_elevation = 1140\n|source1 = 乙源\n|source1_location = 某山"
           "\n|source1_elevation = 1329\n|length = 1252\n|discharge = 1110\n|watershed = 274657\n}}\n正文。")
    box = box_of(lead(src))
    labels = labels_of(box)
    assert labels.count("源头") == 2 and "源头位置" in labels and labels.count("源头海拔（米）") == 2
    assert "1252公里" in box and "1110立方米/秒" in box and "274657" in box
    assert not any(lab.startswith("Source") for lab in labels)


def test_bridge_length_gets_no_geobox_unit() -> None:
    box = box_of(lead("{{Infobox bridge\n|name = 某桥\n|length = 1252\n}}\n正文。"))
    assert "1252公里" not in box and "1252" in box


def test_unclosed_list_items_keep_the_infobox_a_box() -> None:
    src = ("{{Infobox airport\n| name = 某机场\n| IATA = TPE\n| hub = <li>[[甲航空|甲航空]]<li>[[乙航空]]\n"
           "| r1-number = 05L/23R\n| r1-length-m = 3660\n}}\n正文。")
    md = lead(src)
    box = box_of(md)
    assert "| name" not in md and "&#124; name" not in md and "&#61;" not in md
    assert "•\u00a0[甲航空]" in box and "<br>•\u00a0[乙航空]" in box
    assert "3660" in box and "IATA代码" in labels_of(box)


EPISODES = """== 集数 ==
{| class="wikitable plainrowheaders"
|-
! 集数 !! 标题 !! 导演 !! 播出日期
|-
{{Episode list/sublist|
 |EpisodeNumber   = 1
 |Title           = 试播集
 |AltTitle        = Pilot
 |DirectedBy      = 甲导演
 |OriginalAirDate = {{Start date|2014|11|17}}
 |ShortSummary    = 第一集的故事。
 |LineColor       = 36454F
}}
|-
{{Episode list/sublist|
 |EpisodeNumber   = 2
 |Title           = 秘密
 |DirectedBy      = 乙导演
 |OriginalAirDate = {{Start date|2014|11|24}}
 |ShortSummary    =
}}
|-
| 3 || 手写的一集 || 丙导演 || 2014年12月1日
|}
"""


def test_episode_list_calls_are_rows_of_the_table_in_order() -> None:
    md = section(EPISODES)
    assert md.count("<table") == 1 and md.count("<tr") == 5
    assert md.index("试播集") < md.index("第一集的故事。") < md.index("秘密") < md.index("手写的一集")
    assert '<th markdown="span">1</th><td markdown="span">试播集<br>Pilot</td><td markdown="span">甲导演</td>' in md
    assert '<td colspan="4" markdown="span">第一集的故事。</td>' in md
    assert "2014年11月24日" in md and "36454F" not in md
    assert not diag(EPISODES).unknown_templates


def test_iucn_citation_in_a_species_box_reference() -> None:
    src = ("{{Speciesbox\n| status = EN\n| status_system = iucn2.3\n| status_ref = <ref>{{IUCN|version=1998|assessors=Sun W."
           "|year=1998|id=32353|title=Ginkgo biloba|downloaded=2007年3月10日}}</ref>\n| genus = Ginkgo\n| species = biloba\n}}\n"
           "正文。\n== 参考 ==\n{{reflist}}")
    refs = edition(src, "zh-cn")["references.md"]
    assert "Sun W." in refs and "Ginkgo biloba" in refs and "https://www.iucnredlist.org/details/32353" in refs
    assert "1998" in refs and "IUCN濒危物种红色名录" in refs
    assert not diag(src).unknown_templates


WEATHER = """== 气候 ==
{{Weather box
|location = 某城
|metric first = Y
|single line = Y
|Jan high C = 5.1 |Feb high C = 7.0 |Mar high C = 12.2 |Apr high C = 19.5 |May high C = 25.0 |Jun high C = 28.9
|Jul high C = 30.2 |Aug high C = 29.6 |Sep high C = 25.8 |Oct high C = 20.1 |Nov high C = 12.9 |Dec high C = 6.8
|year high C = 18.6
|Jan sun = 160.5<ref>日照资料。</ref> |Feb sun = 150.2
|Jan uv = 2 |Feb uv = 3
|Jan fog days = 4 |Feb fog days = 5
|source 1 = 某气象局
}}
== 参考 ==
{{reflist}}"""


def test_weather_box_rows_render_their_cells_and_unknown_rows_still_show() -> None:
    md = section(WEATHER)
    got = rows(md)
    assert got[0][0] == "月份" and got[0][-1] == "全年"
    labels = [r[0] for r in got[1:]]
    assert labels == ["平均高温（°C）", "月均日照时数", "平均紫外线指数", "fog days"]
    assert got[1][1] == "5.1" and got[1][-1] == "18.6"
    assert got[2][1].startswith("160.5[^") and "<ref>" not in md
    assert "weather box: fog days" in "\n".join(diag(WEATHER).unlabelled_params)


def test_stock_exchange_codes_in_a_company_box() -> None:
    src = ("{{Infobox company\n| company_name = 某公司\n| traded_as = {{szse|000725|codeB=200725}}<br>{{NYSE|IBM}}\n}}\n"
           "某公司（{{szse|000725|name=某公司A|codeB=200725|nameB=某公司B}}）是一家公司。")
    shown = re.sub(r'<span class="print-url">[^<]*</span>', "", lead(src))  # print-only address after a link
    md = re.sub(r"\[([^\]]*)\]\([^)]*\)(\{ \.external \})?", r"\1", shown)
    assert "深交所：000725、200725" in md and "纽约证券交易所：IBM" in md
    assert "深交所：000725（某公司A）、200725（某公司B）" in md
    assert not diag(src).unknown_templates


def test_airport_codes_and_japanese_name_box() -> None:
    src = ("{{Japanese|japanese=国井 美佐|kana=くにい みさ|romaji=Kuniya Misa}}\n"
           "'''某机场'''（{{Airport codes|TPE|RCTP}}）是一座机场。")
    md = lead(src)
    box = box_of(md)
    assert labels_of(box) == ["日文", "假名", "罗马字"] and "Kuniya Misa" in box
    assert "（IATA代码：TPE；ICAO代码：RCTP）" in md
    assert not diag(src).unknown_templates


def test_japanese_name_box_keeps_kanji_in_every_variant() -> None:
    box = box_of(lead("{{Japanese|japanese=国井 美佐|kana=くにい みさ}}\n正文。", "zh-tw"))
    assert '<span lang="ja">国井 美佐</span>' in box and "國井" not in box
