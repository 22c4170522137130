"""Inline template kinds found by the census of thirty more articles (issue 18).

Each input is a line written for the test in the form the census met it; the expected text is what
zh.wikipedia shows (template documentation), in zh-cn and zh-tw.  Dates "from the build date" use
SOURCE_DATE_EPOCH=1700000000 (2023-11-14).
"""

from __future__ import annotations

import html
import re

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
    """The lead's Markdown with tags removed: what a reader reads."""
    return html.unescape(re.sub(r"<[^>]+>", "", markdown(src, variant))).strip()


def unknown(src: str) -> dict[str, int]:
    return dict(pipeline.analyse(src, pipeline.Options(title=TITLE)).diag.unknown_templates)


# -- flag variants, regions, armed services and more parties ------------------------------------
@pytest.mark.parametrize("src,cn,tw", [
    ("{{HKG-1959}}", "英属香港", "英屬香港"),
    ("{{HKG-1945}}九龍", "英属香港九龙", "英屬香港九龍"),
    ("{{BHKG}}", "英属香港", "英屬香港"),
    ("{{CNHK}}", "中国香港", "中國香港"),
    ("{{中国大陆}}", "中国大陆", "中國大陸"),  # a region named in Chinese, not a CLDR country name
    ("{{MAL}}", "马来西亚", "馬來西亞"),  # the older code zh.wikipedia keeps beside MAS/MYS
    ("{{英屬香港電影}}", "英属香港", "英屬香港"),
    ("{{ROK-KOR}}", "韩国", "南韓"),  # a flag variant: the base code's name
    ("{{GER-1990}}", "德国", "德國"),
    ("{{TPI-1981}}第2屆市長", "台北市第2届市长", "台北市第2屆市長"),
    ("{{ROCN}}", "中华民国海军", "中華民國海軍"),
    ("{{ROCMC}}", "中华民国海军陆战队", "中華民國海軍陸戰隊"),
    ("{{自由台灣黨}}（2015年－）", "自由台湾党（2015年－）", "自由台灣黨（2015年－）"),
])
def test_flag_variants_regions_services_and_parties(src: str, cn: str, tw: str) -> None:
    assert text(src) == cn
    assert text(src, "zh-tw") == tw
    assert unknown(src) == {}


def test_a_variant_of_no_known_code_stays_unknown() -> None:
    assert unknown("{{ZZZ-1990}}") == {"ZZZ-1990": 1}
    assert text("甲{{ZZZ-1990}}乙") == "甲乙"


# -- external-link templates ----------------------------------------------------------------------
@pytest.mark.parametrize("src,label,url", [
    ("{{@movies|fmhk30380291|大丈夫}}", "《大丈夫》在开眼电影网上的资料", "http://www.atmovies.com.tw/movie/fmhk30380291/"),
    ("{{Amg movie|295695|大丈夫}}", "《大丈夫》在AllMovie上的资料", "https://www.allmovie.com/movie/v295695"),
    ("{{Amg name|671241}}", f"{TITLE}在AllMovie上的资料", "https://www.allmovie.com/artist/p671241"),
    ("{{Mtime people|1007355}}", f"{TITLE}在时光网上的资料", "http://people.mtime.com/1007355/"),
    ("{{Sinaweibo|calvinchoy}}", f"{TITLE}的新浪微博", "https://weibo.com/calvinchoy"),
    ("{{soccerbase|64634}}", f"{TITLE}在Soccerbase上的资料",
     "https://www.soccerbase.com/players/player.sd?player_id=64634"),
])
def test_more_external_link_templates_are_titled_links(src: str, label: str, url: str) -> None:
    assert f"[{label}]({url})" in markdown("* " + src)
    assert unknown(src) == {}


# -- stock listings ---------------------------------------------------------------------------------
@pytest.mark.parametrize("src,label,code,url", [
    ("（{{sehk|0021}}）", "港交所：", "0021", "https://www.hkexnews.hk/sdw/search/searchsdw_c.aspx?stockcode=0021"),
    ("{{HKEX|0700}}", "港交所：", "0700", "https://www.hkexnews.hk/sdw/search/searchsdw_c.aspx?stockcode=0700"),
    ("{{NYSE|BABA}}", "纽约证券交易所：", "BABA", "https://www.nyse.com/quote/XNYS:BABA"),
    ("{{SSE|600519}}", "上交所：", "600519",
     "https://www.sse.com.cn/assortment/stock/list/info/company/index.shtml?COMPANY_CODE=600519"),
])
def test_stock_listing_shows_exchange_and_linked_code(src: str, label: str, code: str, url: str) -> None:
    assert f"{label}[{code}]({url})" in markdown(src)
    assert unknown(src) == {}


def test_stock_listing_in_traditional_and_without_code() -> None:
    assert text("{{NYSE|BABA}}", "zh-tw").startswith("紐約證券交易所：[BABA]")
    article = pipeline.analyse("甲{{HKEX}}乙", pipeline.Options(title=TITLE))
    assert any(d.kind == "bad template" and "HKEX" in d.message for d in article.diag.defects)
    assert text("甲{{HKEX}}乙") == "甲乙"


# -- small inline templates that carry text -------------------------------------------------------
@pytest.mark.parametrize("src,cn,tw", [
    ("'''大{{Unicode|Θ}}符号'''", "大Θ符号", "大Θ符號"),
    ("{{碳}}{{Sub|6}}{{氢}}{{Sub|6}}", "C6H6", "C6H6"),
    ("{{鈉}}{{氯}}", "NaCl", "NaCl"),
    ("{{arrow|R}}往濱海灣", "→往滨海湾", "→往濱海灣"),
    ("{{arrow|L}}", "←", "←"),
    ("{{SMRT code|TE|15}}", "TE15", "TE15"),
    ("{{nbay|2010|full=y}}", "2010–2011", "2010–2011"),
    ("{{nbay|2012|start}}–{{nbay|2013|end}}", "2012–2014", "2012–2014"),
    ("{{nbay|1999}}", "1999–00", "1999–00"),
    ("{{Fr icon}}", "（法语）", "（法語）"),
    ("{{de icon}}", "（德语）", "（德語）"),
    ("{{R36/38}}-{{R48/23/24/25}}-{{S36/37/39}}", "R36/38-R48/23/24/25-S36/37/39", "R36/38-R48/23/24/25-S36/37/39"),
])
def test_small_templates_keep_their_text(src: str, cn: str, tw: str) -> None:
    assert text(src) == cn
    assert text(src, "zh-tw") == tw
    assert unknown(src) == {}


def test_ruby_puts_the_reading_over_the_base_per_variant() -> None:
    src = "'''{{Ruby|苯|-{zh-cn:běn; zh-hk:bun2; zh-tw:ㄅㄣˇ}-}}'''"
    assert "<ruby>苯<rp>（</rp><rt>běn</rt><rp>）</rp></ruby>" in markdown(src)
    assert "<ruby>苯<rp>（</rp><rt>ㄅㄣˇ</rt><rp>）</rp></ruby>" in markdown(src, "zh-tw")
    assert text("{{Ruby|漢字}}") == "汉字"
    assert unknown(src) == {}


def test_list_collapsed_shows_its_title_and_numbered_items() -> None:
    md = markdown("{{List collapsed|title=列表|1=[[劉兆玄]]（2008－2009）<br />[[吳敦義]]（2009－2012）}}")
    assert "列表" in md and "刘兆玄" in md and "吴敦义" in md


def test_japanese_names_its_language_and_keeps_the_forms_unconverted() -> None:
    src = "东京优骏（{{japanese|japanese=東京優駿|kana=とうきょうゆうしゅん|romaji=Tōkyō Yūshun}}）"
    assert text(src) == "东京优骏（日语：東京優駿／とうきょうゆうしゅん Tōkyō Yūshun）"
    assert text(src, "zh-tw") == "東京優駿（日語：東京優駿／とうきょうゆうしゅん Tōkyō Yūshun）"


# -- the rest of the census: notices, citations, figures, navigation boxes ----------------------------
@pytest.mark.parametrize("name,words", [
    ("repetition", "内容重复"), ("proofreader needed", "需要校对"), ("verylong", "篇幅过长"),
])
def test_more_cleanup_notices_inside_multiple_issues(name: str, words: str) -> None:
    src = f"{{{{multiple issues|\n{{{{{name}|time=2016-03-02}}}}\n}}}}\n正文。"
    assert words in text(src)
    assert unknown(src) == {}


def test_web_reference_is_a_citation_with_its_url() -> None:
    src = "甲<ref>{{web reference|URL=http://example.org/a|title=草蜢 一世情|work=都市日報|year=2009年}}</ref>"
    md = markdown(src)
    assert "[草蜢 一世情](http://example.org/a)" in md and "都市日报" in md
    assert unknown(src) == {}


def test_box_shows_its_text_and_wide_image_is_a_captioned_figure() -> None:
    assert text("{{box|[[鮑漢琳]]}}", "zh-tw").startswith("[鮑漢琳]")
    out = text("{{wide image|HK Shatin New Town Panorama.jpg|800px|沙田新市鎮景觀}}")
    assert out.startswith("图：沙田新市镇景观")
    assert unknown("{{box|甲}}{{wide image|A.jpg|800px|乙}}") == {}


def test_navigation_box_with_display_options_alone_on_its_line_shows_nothing() -> None:
    src = "正文。\n\n{{英国首相|nocat}}\n{{彭浩翔|state=collapsed}}\n"
    article = pipeline.analyse(src, pipeline.Options(title=TITLE))
    assert dict(article.diag.unknown_templates) == {}
    assert set(article.diag.probable_navboxes) == {"英国首相", "彭浩翔"}
    assert text(src) == "正文。"


def test_unknown_template_never_shows_a_display_option_as_text() -> None:
    assert text("甲{{某模板|nocat}}乙") == "甲乙"
    assert unknown("甲{{某模板|nocat}}乙") == {"某模板": 1}


def test_eunuch_box_is_a_person_box() -> None:
    src = "{{東亞宦官\n|名稱 ='''蔡倫'''\n|時代 =[[東漢]]\n|字 =敬仲\n}}\n'''蔡伦'''，东汉宦官。"
    assert unknown(src) == {}
    assert "敬仲" in text(src)


# -- held-out census: teams, montages, station and era boxes ---------------------------------------
@pytest.mark.parametrize("src,cn,tw", [
    ("{{fb|KOR}}", "韩国", "南韓"),
    ("{{fbw|North Korea}}", "朝鲜", "北韓"),
    ("{{fbu|18|JPN}}", "日本U18", "日本U18"),
    ("{{futsal|SRB}}", "塞尔维亚", "塞爾維亞"),
])
def test_national_team_templates_show_the_country(src: str, cn: str, tw: str) -> None:
    assert text(src) == cn
    assert text(src, "zh-tw") == tw
    assert unknown(src) == {}


def test_photomontage_is_its_photos_then_its_text() -> None:
    src = "{{Photomontage|photo1a=Saint-Denis A.jpg|photo2b=C.jpg|photo2a=B.jpg|size=320|text=圣但尼风光}}"
    out = text(src)
    assert out.index("Saint-Denis A.jpg") < out.index("B.jpg") < out.index("C.jpg") < out.index("圣但尼风光")
    assert unknown(src) == {}


@pytest.mark.parametrize("src,value", [
    ("{{日本車站資訊\n|站名 = 東三條站\n|平假名 = ひがしさんじょう\n}}\n正文。", "ひがしさんじょう"),
    ("{{Eranamebox|年号=大中\n|起讫时间= 847年－860年十一月\n|政权= 唐朝\n}}\n正文。", "847年－860年十一月"),
])
def test_station_and_era_boxes_are_boxes(src: str, value: str) -> None:
    assert unknown(src) == {}
    assert value in text(src)


# -- second held-out census: notices, galleries, charts, role cells ----------------------------------
def test_disambiguation_page_note_per_variant() -> None:
    src = "'''王不留行''' 可以指：\n* 麦蓝菜\n\n{{消歧義|cat=四字物種消歧義}}"
    assert "本页列出标题相同或相近" in text(src)
    assert "本頁列出標題相同或相近" in text(src, "zh-tw")
    assert unknown(src + "\n{{Disambiguation|Cat=三字王姓人名消歧义}}") == {}


def test_gallery_template_is_captioned_figures() -> None:
    src = "{{Gallery\n|File:Taiwan 10th path sign.jpg|台10線起點\n|File:Overpass.jpg|台10線終點\n}}"
    out = text(src)
    assert out.index("台10线起点") < out.index("台10线终点")
    assert "Taiwan_10th_path_sign.jpg" in out and unknown(src) == {}


def test_family_tree_keeps_the_text_of_its_boxes() -> None:
    src = ("{{ familytree/start }}\n{{ familytree | level0 |v| level1 | level0 = '''台中商業銀行''' | level1 = 台中銀證券 }}\n"
           "{{ familytree | | | |!| }}\n{{ familytree | | | |`| level1 | level1 = 台中銀投資信託 }}\n{{ familytree/end }}")
    out = text(src, "zh-tw")
    assert "台中商業銀行" in out and "台中銀證券" in out and "台中銀投資信託" in out
    assert "level" not in out and unknown(src) == {}


@pytest.mark.parametrize("src,cn,tw", [
    ("{{grey|需来源证明此人姓名}}", "需来源证明此人姓名", "需來源證明此人姓名"),
    ("{{CHNMLD}}", "中国大陆", "中國大陸"),
    ("{{CMain}}", "主演", "主演"),
    ("{{CGuest}}", "客串", "客串"),
])
def test_grey_text_mainland_and_role_cells(src: str, cn: str, tw: str) -> None:
    assert text(src) == cn
    assert text(src, "zh-tw") == tw
    assert unknown(src) == {}


def test_bank_box_is_a_company_box() -> None:
    src = "{{Bank Financial Information\n| name = 台中商業銀行\n| swift_code = TCBBTWTH\n}}\n正文。"
    assert unknown(src) == {} and "TCBBTWTH" in text(src)


def test_douban_people_is_a_link_and_without_id_its_label_is_not_lost() -> None:
    assert f"[{TITLE}在豆瓣上的主页](https://www.douban.com/people/calvin/)" in markdown("* {{douban people|calvin}}")
    assert text("* {{douban people}}") == f"- {TITLE}在豆瓣上的主页"
    assert unknown("{{douban people}}") == {}


@pytest.mark.parametrize("raw,title", [
    ("'''{{Ruby|苯|-{zh-cn:běn; zh-tw:ㄅㄣˇ}-}}'''（{{lang-en|benzene}}、'''{{碳}}{{Sub|6}}'''）", "苯"),
    ("'''大{{Unicode|Θ}}符号'''是", "大Θ符号"),
    ("{{Infobox person|name=甲}}\n'''蔡京'''（{{bd|1047年|2月14日}}）", "蔡京"),
])
def test_guessed_page_title_keeps_text_of_inline_templates(raw: str, title: str) -> None:
    assert pipeline.guess_title(raw) == title


# -- third held-out census: era successions, old codes, more boxes and notices -----------------------
def test_era_name_succession_is_a_small_table() -> None:
    src = "正文。\n\n{{年号|[[仁寿_(隋朝)|仁寿]]|[[中国年号列表|隋朝年号]]<br>605年－618年|[[义宁_(年号)|義寧]]（恭帝）}}"
    md = markdown(src)
    assert "| 前一年号 | 年号 | 后一年号 |" in md and "仁寿" in md and "605年－618年" in md and "义宁" in md
    assert unknown(src) == {}


@pytest.mark.parametrize("src,value", [
    ("{{日本町村\n| 自治體名=東串良\n| 平假名=ひがしくしらちょう\n}}\n正文。", "ひがしくしらちょう"),
    ("{{Infobox sports league\n| sport = 棒球\n| founded = 1925年\n| country = {{JAP}}\n}}\n正文。", "1925年"),
])
def test_japanese_municipality_and_sports_league_boxes(src: str, value: str) -> None:
    assert unknown(src) == {}
    assert value in text(src)


def test_old_japan_code_and_more_notices() -> None:
    assert text("{{JAP}}") == "日本" and unknown("{{JAP}}") == {}
    for name, words in (("请求翻译|it", "需要翻译"), ("Link style", "链接格式需要整理"), ("Disputed-section", "准确性有争议")):
        src = f"{{{{{name}|time=2012-9-21}}}}\n正文。"
        assert words in text(src), name
        assert unknown(src) == {}, name


def test_more_is_a_further_information_hatnote() -> None:
    src = "{{More|2014年台南市孫中山銅像破壞事件}}\n正文。"
    assert text(src).startswith("更多信息：") and "2014年台南市孙中山铜像破坏事件" in text(src)
    assert unknown(src) == {}


def test_prc_division_navigation_box_shows_nothing() -> None:
    src = "正文。\n\n{{PRC admin/navcat|46/90/26/200/000}}"
    assert text(src) == "正文。" and unknown(src) == {}
