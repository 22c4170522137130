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


# -- rail and expressway succession boxes -------------------------------------------------------
RAIL_BOX = """{{Start rail box|[[中国铁路]]}}
{{s-inop|[[马辛庄站]]|{{站|大同}}方向}}
{{s-line|[[大秦铁路]]<br />← 13km 湖东站 17km →}}
{{s-inop|[[大同县站]]}}
|-
{{terminus}}
{{s-line|[[湖大铁路]]}}
{{s-inop|[[解家庄站]]}}
{{End box}}
"""


def test_rail_box_is_one_table_of_neighbours() -> None:
    t = text(RAIL_BOX)
    assert "中国铁路" in t
    assert "| 前一站 | 路线 | 后一站 |" in t
    assert "| 马辛庄站（大同站方向） | 大秦铁路← 13km 湖东站 17km → | 大同县站 |" in t.replace("<br>", "")
    assert "| 终点站 | 湖大铁路 | 解家庄站 |" in t
    tw = text(RAIL_BOX, "zh-tw")
    assert "| 前一站 | 路線 | 後一站 |" in tw
    assert "| 終點站 | 湖大鐵路 | 解家莊站 |" in tw
    assert unknown(RAIL_BOX) == {}


def test_expressway_box_names_the_route_of_its_shield() -> None:
    src = ("{{Start expwy box|[[台灣省道快速公路]]}}\n{{S-expwy IC|[[麥寮交流道]]|往　[[橋頭交流道]]}}\n"
           "{{S-line|{{Jct|country=TWN|PH|61}}|224k|#9B0D15}}\n{{S-expwy IC|[[崙豐交流道]]}}\n")
    assert "| 麦寮交流道（往　桥头交流道） | 台61线（224k） | 仑丰交流道 |" in text(src)
    assert "| 麥寮交流道（往　橋頭交流道） | 台61線（224k） | 崙豐交流道 |" in text(src, "zh-tw")
    assert unknown(src) == {}


# -- road shields, interchange signs, station numbers, lines, exits ------------------------------
@pytest.mark.parametrize("src,cn,tw", [
    ("（起點，{{Jct|country=TWN|TRKH|117}}岔路）", "（起点，高117线岔路）", "（起點，高117線岔路）"),
    ("{{Jct|country=TWN|TRYL|117}}、{{Jct|country=TWN|CH|182}}", "云117线、县道182号", "雲117線、縣道182號"),
    ("{{Jct|country=TWN|PH|17|EX|1}}", "台17线、国道1号", "台17線、國道1號"),
    ("{{Taiwan Highway IC|224|湖仔內}}", "224 湖仔内", "224 湖仔內"),
    ("車站編號{{車站編號c|green|N03}}", "车站编号N03", "車站編號N03"),
    ("{{車站編號c|#0072bc|H}}（函館－長萬部）", "H（函馆－长万部）", "H（函館－長萬部）"),
    ("{{重庆轨道交通车站编号||6|3|1}}", "6/31", "6/31"),
    ("{{重庆轨道交通线路名|国博|narrow|long}}、{{重庆轨道交通线路名|6}}", "国博线、6号线", "國博線、6號線"),
    ("{{重庆轨道交通出口|3A|悦来大道|金兴大道}}", "3A号出口：悦来大道、金兴大道", "3A號出口：悅來大道、金興大道"),
    ("{{重庆轨道交通出口|1|||closed=1}}", "1号出口（暂未开通）", "1號出口（暫未開通）"),
])
def test_route_and_station_marks(src: str, cn: str, tw: str) -> None:
    assert text(src) == cn
    assert text(src, "zh-tw") == tw
    assert unknown(src) == {}


def test_station_floors_and_facilities() -> None:
    src = ("{{城轨车站结构\n|floor1=B1|label1A=站厅|text1A={{重庆轨道交通设施列表|票务|出口|无障碍电梯}}\n"
           "|floor2=B2|label2A=站台|text2A=岛式站台}}")
    assert text(src) == "* B1 站厅：票务、出口、无障碍电梯\n* B2 站台：岛式站台"
    assert text(src, "zh-tw") == "* B1 站廳：票務、出口、無障礙電梯\n* B2 站台：島式站台"
    assert unknown(src) == {}


# -- redirects, notes, maintenance words, pictures and link templates ---------------------------
def test_other_uses_redirect_and_nested_note_group() -> None:
    src = ("{{他用|subject=描述化学平衡|other=其他領域的平衡|平衡 (消歧義)}}\n"
           "甲{{Refnest|group=\"注釋\"|截至2013年相差32.4公里。}}乙\n\n{{Reflist|group=\"注釋\"}}")
    t = text(src)
    assert "本文介绍的是描述化学平衡。关于其他领域的平衡，请见“平衡 (消歧义)”。" in t
    assert "甲[注释1]乙" in t  # the group's name as written, without its quotes
    assert "截至2013年相差32.4公里。" in t
    assert "本文介紹的是描述化學平衡。" in text(src, "zh-tw")
    assert unknown(src) == {}


@pytest.mark.parametrize("src,cn,tw", [
    ("{{Verify source|它能夠穿透防毒面具。}}", "它能够穿透防毒面具。[需要验证]", "它能夠穿透防毒面具。[需要驗證]"),
    ("1990年（平成{{0}}2年）", "1990年（平成\u20072年）", "1990年（平成\u20072年）"),
    ("{{外部連結/京成電鐵車站|shim-mikawashima|新三河島}}", "京成电铁：新三河岛站", "京成電鐵：新三河島站"),
])
def test_inline_small_kinds(src: str, cn: str, tw: str) -> None:
    assert text(src) == cn
    assert text(src, "zh-tw") == tw
    assert unknown(src) == {}


def test_multiple_issues_words_for_language_expansion_and_single_source() -> None:
    src = ("{{Multiple issues|\n{{Expand language|1=en|time=2021-11-21}}\n{{onesource|time=2014-07-21}}\n}}\n正文")
    t = text(src)
    assert "可参照外语维基百科相应条目来扩充" in t and "仅依赖单一来源" in t
    assert "其他问题" not in t
    assert "可參照外語維基百科相應條目來擴充" in text(src, "zh-tw")
    assert unknown(src) == {}


def test_link_templates_with_several_arguments() -> None:
    md = markdown("{{Gnis|885318|City of New Brunswick}}；{{drugs.com|monograph|chlorpromazine-hydrochloride}}")
    assert "[City of New Brunswick](https://edits.nationalmap.gov/apps/gaz-domestic/public/summary/885318)" in md
    assert "[Drugs.com：chlorpromazine-hydrochloride](https://www.drugs.com/monograph/chlorpromazine-hydrochloride.html)" in md


def test_pictures_and_diagrams() -> None:
    src = ("{{Vertical images list\n|1 = Keisei sta_001.jpg\n|2 = 地面往車站方向\n|3 = Keisei sta 002.jpg\n|4 = 檢票口\n}}\n"
           "{{東武鐵道RDT/東上本線}}\n{{湖北省行政区划图}}\n")
    art = analyse(src)
    t = text(src)
    assert "地面往车站方向" in t and "检票口" in t
    assert dict(art.diag.unknown_templates) == {}
    notes = [str(d) for d in art.diag.defects]
    assert any("東武鐵道RDT/東上本線" in n for n in notes) and any("湖北省行政区划图" in n for n in notes)


# -- science: formulas, sequences, codes; module boxes; data-page figures ------------------------
@pytest.mark.parametrize("src,cn,tw", [
    ("{{化學式|H|2|O}}", "H2O", "H2O"),
    ("序列（{{OEIS2C|A000045}}）", "序列（A000045）", "序列（A000045）"),
    ("{{Hazchem 2X}}", "2X", "2X"),
])
def test_science_marks(src: str, cn: str, tw: str) -> None:
    assert text(src) == cn
    assert text(src, "zh-tw") == tw
    assert unknown(src) == {}


def test_sequence_and_si_citations_are_linked() -> None:
    src = "甲<ref>{{SloanesRef|A000045}}</ref>乙<ref>{{SIbrochure8th}}</ref>\n\n{{reflist}}"
    md = markdown(src)
    assert "[Sloane, N. J. A.（编）. Sequence A000045. The On-Line Encyclopedia of Integer Sequences. OEIS Foundation.](https://oeis.org/A000045)" in md
    assert "The International System of Units (SI) (8th ed.). BIPM.](https://www.bipm.org/en/publications/si-brochure)" in md
    assert unknown(src) == {}


def test_invoked_number_box_and_its_labels() -> None:
    src = "{{#invoke:Infobox number|infobox|number=6|factorization=2 × 3|roman=VI|binary=110}}\n\n六"
    t = text(src)
    assert "因数分解\n:   2 × 3" in t and "罗马数字\n:   VI" in t and "二进制\n:   110" in t
    assert "infobox" not in t
    assert "因數分解\n:   2 × 3" in text(src, "zh-tw")
    assert unknown(src) == {}


def test_monthly_data_figures_are_noted_not_guessed() -> None:
    src = "人口{{ROCCPD|subdivision=桃園市}}人"
    art = analyse(src)
    assert text(src) == "人口人"
    assert dict(art.diag.unknown_templates) == {}
    assert any("ROCCPD" in str(d) and "桃園市" in str(d) for d in art.diag.defects)


# -- metro systems' line badges, colours, exits and platforms (by the system's name ending) -------
@pytest.mark.parametrize("src,cn,tw", [
    ("{{深圳地鐵|7|sl}}往太安", "7号线往太安", "7號線往太安"),
    ("{{韓國都市鐵道|SM8}}：彌阿站", "8号线：弥阿站", "8號線：彌阿站"),
    ("{{韓國都市鐵道|UIL}}", "UIL", "UIL"),
    ("{{港鐵出口|A}}", "A", "A"),
    ("甲\n{{北京地铁|nocat}}", "甲", "甲"),  # a system's navigation box, not a line badge
    ("{{深圳地铁站台|line=7|platform=1}}", "站台1", "站台1"),
    ('<span style="background-color: {{韓國鐵道路線色|SM|8}};">下</span>行', "下行", "下行"),
    ("{{中国高速公路名|G1112}}", "G1112", "G1112"),
    ("{{颜色|red|红字}}", "红字", "紅字"),  # the bare 颜色 is Template:Color, not a line colour
])
def test_metro_system_marks(src: str, cn: str, tw: str) -> None:
    assert text(src) == cn
    assert text(src, "zh-tw") == tw
    assert unknown(src) == {}
