"""Template kinds of biographies, films, albums, games and athletes (issue 18, people and culture).

Each input is a small excerpt written for the test in the form the held-out census met it (medal
tables of athletes' infoboxes, footballers' career boxes, film-origin templates, digit padding in
statistics tables, home-nation codes, external-link templates of film and sport sites).  The expected
text is what zh.wikipedia shows, in zh-cn and zh-tw.
"""

from __future__ import annotations

import html
import re
import unicodedata

import pytest

from zhwiki import pipeline
from zhwiki.views.edition import convert_edition

TITLE = "测试条目"


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def markdown(src: str, variant: str = "zh-cn") -> str:
    article = pipeline.analyse(src, pipeline.Options(title=TITLE))
    return {p.path: p.markdown for p in convert_edition(article, variant).pages}["index.md"]


def text(src: str, variant: str = "zh-cn") -> str:
    """The lead's Markdown without tags and link targets: what a reader reads."""
    md = re.sub(r"\]\([^)]*\)(\{[^}]*\})?", "]", markdown(src, variant))
    md = re.sub(r'<span class="print-url">.*?</span>', "", md)
    return html.unescape(re.sub(r"<[^>]+>|[\[\]]", "", md)).strip()


def diag(src: str):
    return pipeline.analyse(src, pipeline.Options(title=TITLE)).diag


def unknown(src: str) -> dict[str, int]:
    return dict(diag(src).unknown_templates)


# -- medal records ----------------------------------------------------------------------------
MEDALS = """{{Infobox 排球選手
| name = 王某
| medaltemplates =
{{MedalSport | 女子[[排球]]}}
{{MedalCountry | {{CHN}} }}
{{MedalCompetition|[[奧林匹克運動會]]}}
{{MedalBronze | [[2008年夏季奧林匹克運動會|2008年 北京]] | 女子}}
{{MedalGold | 2010年 廣州 | 女子}}
{{Medal|S|2014年 仁川|团体}}
}}
'''王某'''是排球运动员。"""


def test_medal_rows_in_an_infobox() -> None:
    cn, tw = markdown(MEDALS), markdown(MEDALS, "zh-tw")
    assert "奖牌记录\n:   <b>女子排球</b><br><b>代表中华人民共和国</b><br><b>奥林匹克运动会</b><br>铜牌：2008年 北京（女子）" \
        in re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", cn)
    assert "金牌：2010年 广州（女子）" in cn and "银牌：2014年 仁川（团体）" in cn
    assert "獎牌記錄" in tw and "銅牌：" in tw and "代表中華人民共和國" in tw and "銀牌：2014年 仁川（團體）" in tw
    assert unknown(MEDALS) == {}
    assert not diag(MEDALS).unlabelled_params


def test_a_medal_table_standing_alone_keeps_one_line_per_row() -> None:
    src = "{{MedalTableTop}}\n{{MedalSport | 男子[[羽毛球]]}}\n{{MedalCountry | {{SCO}}}}\n{{MedalBottom}}\n正文。"
    assert text(src).splitlines()[:3] == ["奖牌记录", "男子羽毛球", "代表苏格兰"]
    assert text(src, "zh-tw").splitlines()[:3] == ["獎牌記錄", "男子羽毛球", "代表蘇格蘭"]
    assert unknown(src) == {}


def test_an_unknown_medal_code_is_reported_and_its_row_kept() -> None:
    src = "{{MedalCompetition|亚运会}}{{Medal|Q|2010年 广州|团体}}"
    assert "2010年 广州（团体）" in text(src)
    assert any("medal code" in str(d) for d in diag(src).defects)


@pytest.mark.parametrize("src,cn,tw", [
    ("{{BWFIS}}", "国际系列赛", "國際系列賽"),
    ("{{BWFIC}}", "国际挑战赛", "國際挑戰賽"),
    ("{{BWFFS}}", "未来系列赛", "未來系列賽"),
])
def test_badminton_tournament_levels(src: str, cn: str, tw: str) -> None:
    assert text(src) == cn and text(src, "zh-tw") == tw
    assert unknown(src) == {}


# -- footballers' career boxes ----------------------------------------------------------------
FOOTBALLER = """{{Infobox football biography
| playername = 马丁·某<br />''Martín X''
| dateofbirth = {{birth date and age|1980|12|20|df=y}}
| position = [[中堅]]
| youthyears1 = 1994–1995 | youthclubs1 = Complejo Deportivo
| years1 = 2000–2003 | clubs1 = [[河床足球俱樂部|河床]] | caps1 = 51 | goals1 = 1
| years2 = 2003–2010 | clubs2 = [[拜仁慕尼黑足球俱乐部|拜仁慕尼黑]] | caps2 = 174 | goals2 = 13
| totalcaps = 400 | totalgoals = 24
| nationalyears1 = 2005–2016 | nationalteam1 = [[阿根廷國家足球隊|阿根廷]] | nationalcaps1 = 51 | nationalgoals1 = 2
| manageryears1 = 2021– | managerclubs1 = 拜仁慕尼黑预备队
| pcupdate = 2017年1月17日
}}
正文。"""


def _plain(md: str) -> str:
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", md)


def test_a_footballers_career_is_tables_under_zh_wikipedias_headers() -> None:
    cn, tw = _plain(markdown(FOOTBALLER)), _plain(markdown(FOOTBALLER, "zh-tw"))
    assert '<p class="infobox-title" markdown="span">马丁·某<br><i>Martín X</i></p>' in cn
    for header in ("青年队", "职业俱乐部", "国家队", "执教球队"):
        assert f'<p class="infobox-header">{header}</p>' in cn
    assert "| 年份 | 球队 | 出场（进球） |" in cn
    assert "| 2000–2003 | 河床 | 51 (1) |" in cn and "| 2003–2010 | 拜仁慕尼黑 | 174 (13) |" in cn
    assert "| 总计 |  | 400 (24) |" in cn
    assert "| 2005–2016 | 阿根廷 | 51 (2) |" in cn
    assert "位置\n:   中坚" in cn and "俱乐部赛事更新\n:   2017年1月17日" in cn
    assert "職業俱樂部" in tw and "| 年份 | 球隊 | 出場（進球） |" in tw and "位置" in tw
    assert not diag(FOOTBALLER).unlabelled_params


def test_the_older_single_value_career_form() -> None:
    src = """{{Football player infobox
| playername = 李某<br>''Lee X''
| years = 1982-84<br>1988-02
| clubs = [[伯恩利足球俱乐部|般尼]]<br>[[阿仙奴]]
| caps(goals) = {{0}}{{0}}4 {{0}}(0)<br>458 (24)
| nationalyears = 1990-98
| nationalteam = [[英格蘭足球代表隊|英格蘭]]
| nationalcaps(goals) = {{0}}22 {{0}}(1)
}}
正文。"""
    cn = _plain(markdown(src))
    # {{0}} pads with figure spaces (a cell drops those that lead it); no stray 0 is shown
    assert re.search(r"\| 1982-84 \| 般尼 \| \u2007*4 \u2007\(0\) \|", cn)
    assert "| 1988-02 | 阿仙奴 | 458 (24) |" in cn
    assert re.search(r"\| 1990-98 \| 英格兰 \| \u2007*22 \u2007\(1\) \|", cn)
    assert unknown(src) == {} and not diag(src).unlabelled_params


def test_a_referee_box_lists_the_leagues() -> None:
    src = """{{Infobox football official
| name = 李·某
| years1 = 1992–1996 | league1 = 西北联 | role1 = 助理裁判
| years2 = 2006– | league2 = [[英超]] | role2 = 主裁判
}}
正文。"""
    cn = _plain(markdown(src))
    assert "| 年份 | 联赛 | 职务 |" in cn and "| 2006– | 英超 | 主裁判 |" in cn
    assert "职业俱乐部" not in cn


# -- digit padding and identifiers ----------------------------------------------------------------
@pytest.mark.parametrize("src,cn", [
    ("出场{{0}}76 (11)", "出场\u200776 (11)"),
    ("第{{0|00}}9名", "第\u2007\u20079名"),
    ("见{{ISBN|978-4847046322}}。", "见ISBN 978-4847046322。"),
])
def test_padding_and_book_numbers(src: str, cn: str) -> None:
    assert text(src) == cn
    assert unknown(src) == {}


# -- film origin ------------------------------------------------------------------------------------
@pytest.mark.parametrize("src,cn,tw", [
    ("{{美國電影產地}}", "美国", "美國"),
    ("{{中國大陸電影產地}}", "中国大陆", "中國大陸"),
    ("{{香港電影產地}}{{日本電影產地}}", "香港日本", "香港日本"),
    ("{{英国电影}}", "英国", "英國"),
])
def test_film_origin_shows_the_place(src: str, cn: str, tw: str) -> None:
    assert text(src) == cn and text(src, "zh-tw") == tw
    assert unknown(src) == {}


def test_a_directors_film_navbox_is_not_a_country() -> None:
    src = "正文。\n\n{{张艺谋电影}}\n"
    assert "张艺谋" not in text(src)
    assert unknown(src) == {}  # a probable navigation box, not a film origin


# -- home nations and historical states -----------------------------------------------------------
@pytest.mark.parametrize("src,cn,tw", [
    ("{{SCO}}爱丁堡", "苏格兰爱丁堡", "蘇格蘭愛丁堡"),
    ("{{ENG}}", "英格兰", "英格蘭"),
    ("{{WAL}}", "威尔士", "威爾斯"),
    ("{{NIR}}", "北爱尔兰", "北愛爾蘭"),
    ("{{EOJ}}山梨縣", "大日本帝国山梨县", "大日本帝國山梨縣"),
])
def test_home_nations_and_the_empire_of_japan(src: str, cn: str, tw: str) -> None:
    assert text(src) == cn and text(src, "zh-tw") == tw
    assert unknown(src) == {}


# -- external links of film and sport sites --------------------------------------------------------
@pytest.mark.parametrize("src,url,cn", [
    ("{{Tcmdb name|78733|Gene Hackman}}", "https://www.tcm.com/tcmdb/person/78733/",
     "Gene Hackman在特纳经典电影数据库（TCMDb）上的资料"),
    ("{{Find a Grave|2175}}", "https://www.findagrave.com/memorial/2175", "测试条目在Find a Grave上的资料"),
    ("{{Nfteams|12561}}", "https://www.national-football-teams.com/player/12561.html",
     "测试条目在National-Football-Teams.com上的资料"),
    ("{{metacritic film|superman-iii}}", "https://www.metacritic.com/movie/superman-iii", "《测试条目》在Metacritic上的资料"),
    ("{{IBDB name|43623|Gene Hackman}}", "https://www.ibdb.com/broadway-cast-staff/43623",
     "Gene Hackman在互联网百老汇数据库（IBDB）上的资料"),
])
def test_film_and_sport_site_links(src: str, url: str, cn: str) -> None:
    md = markdown(src)
    assert f"]({url})" in md
    assert text(src) == cn
    assert unknown(src) == {}


def test_simplified_artist_box_name_is_the_person_box() -> None:
    src = "{{艺人\n| 姓名 = 王上\n| 国籍 = {{PRC}}\n| 职业 = 歌手\n}}\n正文。"
    md = markdown(src)
    assert 'class="infobox' in md and "国籍\n:   中华人民共和国" in md
    assert unknown(src) == {}


# -- review boxes of albums and games -----------------------------------------------------------------
def test_album_ratings_box_lists_each_review_with_its_score() -> None:
    src = """{{Album ratings
|rev1 = [http://www.allmusic.com/album/x AllMusic]
|rev1score = {{Rating|4|5}}
|rev2 = Filmtracks
|rev2score = {{rating|8.5|10}}
}}
《超人再起》是电影原声带。"""
    cn, tw = _plain(markdown(src)), _plain(markdown(src, "zh-tw"))
    assert '<p class="infobox-title" markdown="span">专业评价</p>' in cn
    assert "AllMusic{ .external }\n:   4/5星" in cn and "Filmtracks\n:   8.5/10星" in cn
    assert "專業評價" in tw
    assert unknown(src) == {}


def test_video_game_reviews_name_the_sites_by_their_codes() -> None:
    src = """{{Video game reviews
| MC = 61/100
| Fam = 34/40
| GRadar = {{Rating|2.5|5}}
| IGN = 5.8/10
}}
《星之海洋5》是游戏。"""
    cn, tw = markdown(src), markdown(src, "zh-tw")
    assert "汇总得分" in cn and "Metacritic\n:   61/100" in cn
    assert "评论得分" in cn and "Fami通\n:   34/40" in cn and "GamesRadar+\n:   2.5/5星" in cn and "IGN\n:   5.8/10" in cn
    assert "彙總得分" in tw and "評論得分" in tw
    assert unknown(src) == {}


def test_an_unknown_review_code_is_shown_and_reported() -> None:
    src = "{{Video game reviews|XYZ = 9/10}}\n正文。"
    assert "XYZ\n:   9/10" in markdown(src)
    assert any("unknown code XYZ" in str(d) for d in diag(src).defects)


# -- region names, film credits, boxes inside boxes -------------------------------------------------------
def test_region_names_box_keeps_each_regions_form() -> None:
    src = """{{中文譯名
| english   = Gene Hackman
| putonghua = 吉恩·哈克曼
| taiwan    = 金·哈克曼
| hongkong  = 真·赫曼
}}
'''金·哈克曼'''是演员。"""
    for variant in ("zh-cn", "zh-tw"):
        md = markdown(src, variant)
        assert "英文\n:   Gene Hackman" in md
        assert "吉恩·哈克曼" in md and "金·哈克曼" in md and "真·赫曼" in md  # each region's form, unconverted
    assert '<p class="infobox-title" markdown="span">中文译名</p>' in markdown(src)
    assert "中國大陸\n:   吉恩·哈克曼" in markdown(src, "zh-tw")
    assert unknown(src) == {}


def test_based_on_names_the_work_then_its_authors() -> None:
    src = "{{Infobox film\n| name = 超人III\n| based_on = {{Based on|人物|杰里·西格尔|乔·舒斯特}}\n}}\n正文。"
    assert "原著\n:   人物<br>杰里·西格尔、乔·舒斯特著" in markdown(src)
    assert unknown(src) == {}


def test_a_chronology_inside_an_album_box_joins_its_rows() -> None:
    src = """{{Infobox album
| Name = 超人再起
| Misc = {{Extra chronology
| Artist = 超人原声带
| Last album = 超人IV
| Next album = 超人：钢铁英雄
}}
}}
正文。"""
    md = markdown(src)
    assert "上一张专辑\n:   超人IV" in md and "下一张专辑\n:   超人：钢铁英雄" in md
    assert "超人原声带" in md
    assert unknown(src) == {} and not diag(src).unlabelled_params


# -- hatnotes and notices ------------------------------------------------------------------------------
@pytest.mark.parametrize("src,cn,tw", [
    ("{{Not|金·凯瑞}}", "不要与金·凯瑞混淆。", "不要與金·凱瑞混淆。"),
    ("{{Main2|雷克斯·路瑟|雷克斯·路瑟 (超人)}}", "关于雷克斯·路瑟的更多信息，请见“雷克斯·路瑟 (超人)”。",
     "關於雷克斯·路瑟的更多資訊，請見「雷克斯·路瑟 (超人)」。"),
    ("{{Correct title|Superman: The Movie}}", "本条目的正确标题应为“Superman: The Movie”，因技术限制而无法显示。",
     "本條目的正確標題應為「Superman: The Movie」，因技術限制而無法顯示。"),
    ("官方网站{{ja-icon}}", "官方网站（日语）", "官方網站（日語）"),
    ("（{{respell|BAY|sing-ər}}）", "（BAY-sing-ər）", "（BAY-sing-ər）"),
])
def test_hatnotes_and_labels(src: str, cn: str, tw: str) -> None:
    # zh-cn quotes with “”, as the conversion writes 「」 for mainland readers
    assert text(src) == cn and text(src, "zh-tw") == tw
    assert unknown(src) == {}


@pytest.mark.parametrize("src", [
    "{{Navboxes colour|title=某某 - 国家队参赛名单|list1={{2010年世界杯足球赛阿根廷参赛名单}}}}",
    "{{Translating|[[:ja:星名美津紀]]||tpercent=|time=2020-07-17}}",
    "{{Non-free logo}}",
    "{{start box}}\n{{s-ach|獎項}}\n{{end box}}",
])
def test_frames_and_editors_notices_show_nothing(src: str) -> None:
    assert text(src + "\n正文。") == "正文。"
    assert unknown(src) == {}


# -- Mandarin pronunciation ------------------------------------------------------------------------
@pytest.mark.parametrize("src,ipa", [
    ("{{IPAc-cmn|AUD|b|ei|3|j|ing|1}}", "[pèɪ.tɕíŋ]"),  # tone numbers as their own arguments
    ("{{IPAc-cmn|zh|ong1|g|uo2}}", "[ʈʂʊ́ŋ.kwǒ]"),  # or joined to the final
    ("{{IPAc-cmn|w|ang2|y|i1|b|o2}}", "[wɑ̌ŋ.í.pwǒ]"),  # y- and w- syllables, o after b
    ("{{IPAc-cmn|x|ue2|s|i4|zh|i1|l|ü4}}", "[ɕɥɛ̌.sɹ̩̂.ʈʂɻ̩́.lŷ]"),  # ü after x, the apical vowels
])
def test_mandarin_pronunciation_in_ipa(src: str, ipa: str) -> None:
    ipa = unicodedata.normalize("NFC", ipa)
    assert text(src) == ipa and text(src, "zh-tw") == ipa  # IPA is never converted
    assert unknown(src) == {}


def test_a_part_that_is_not_pinyin_is_reported_and_shown_as_written() -> None:
    src = "{{IPAc-cmn|q|x|9}}"
    assert text(src) == "qx9"
    assert any("not pinyin" in str(d) for d in diag(src).defects)


def test_baseball_box_labels_and_statistic_pairs() -> None:
    src = """{{Infobox MLB retired
|name=李·某
|bats=右
|throws=右
|debutyear=1980年
|debutteam=[[芝加哥小熊]]
|stat1label=[[出賽]]
|stat1value=1,022
|stat2label=[[自責分率]]
|stat2value=3.03
}}
正文。"""
    cn, tw = _plain(markdown(src)), _plain(markdown(src, "zh-tw"))
    assert "打击\n:   右" in cn and "投球\n:   右" in cn and "初登场球队\n:   芝加哥小熊" in cn
    assert "出赛\n:   1,022" in cn and "自责分率\n:   3.03" in cn  # the label parameter names the value's row
    assert "打擊\n:   右" in tw and "自責分率\n:   3.03" in tw
    assert not diag(src).unlabelled_params and unknown(src) == {}


def test_sportsperson_results_rows_and_athletics_links() -> None:
    src = "{{Infobox sportsperson\n| name = Kim X\n| national_team = {{KNA}}\n| pb = 100公尺：9.93秒\n}}\n" \
          "正文。\n*{{IOC profile|id=kim-collins}}\n*{{IAAF name|20646}}"
    md = markdown(src)
    assert "国家队\n:   圣基茨和尼维斯" in md and "个人最佳成绩\n:   100公尺：9.93秒" in md
    assert "](https://olympics.com/en/athletes/kim-collins)" in md and "](https://worldathletics.org/athletes/_/20646)" in md
    assert not diag(src).unlabelled_params and unknown(src) == {}
