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


def _plain(text: str) -> str:
    """Markdown links reduced to their text."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)


def test_election_parties_percentages_and_trend() -> None:
    _, shown = build("election2016")
    cn, tw = shown["zh-cn"], shown["zh-tw"]
    # {{GOP}} / {{DP}}: the party names; {{percent|a|b|1}}: a as a share of b, one decimal
    assert "政党\n:   共和党" in cn and "政党\n:   民主党" in cn and "政黨\n:   共和黨" in tw
    assert "得票率\n:   46.1%" in cn and "得票率\n:   48.2%" in cn
    assert "55.7% ▲ 0.8 %" in cn  # {{increase}}: the up arrow before the change


def test_east_asian_historical_person_box_and_title_marks() -> None:
    article, shown = build("libai")
    cn, tw = shown["zh-cn"], shown["zh-tw"]
    assert "字\n:   太白" in cn and "号\n:   青莲居士" in cn
    # the picture is the box's figure, never a row with its file name; its size is layout
    assert "图片名称" not in cn and "220px" not in cn
    # {{文学}}, a sidebar on a line of its own, shows nothing and is listed as a probable navbox
    assert dict(article.diag.probable_navboxes) == {"文学": 1}
    # {{單雙書名號轉換}}: 《》 in Simplified, 〈〉 in Traditional
    assert "《望天门山》、《早发白帝城》" in _plain(cn)
    assert "〈望天門山〉、〈早發白帝城〉" in _plain(tw)


def test_number_templates_in_a_math_article() -> None:
    _, shown = build("pi")
    cn = shown["zh-cn"]
    assert "约等于3.14159265，常用符号π来表示" in cn  # {{計算|π round 8}}, {{Math_pi}}
    assert "22⁄7、355⁄113" in cn  # {{sfrac}}
    assert "3.14159\u200926535\u200989793..." in cn  # {{gaps}}: thin spaces between the groups
    assert "Fm3\u0305m" in cn  # {{overline|3}}


def test_japanese_station_box() -> None:
    _, shown = build("tokyo-station")
    cn = shown["zh-cn"]
    assert "日文原名\n:   東京" in cn and "平假名\n:   とうきょう" in cn  # Japanese, not converted
    assert "grey" not in cn and "275px" not in cn  # the line colour and picture size are layout
    assert "东京站丸之内站房与丸之内站前广场" in cn  # 圖片說明 is the figure's caption
    assert "转车\n:   T09 大手町站" in _plain(cn)  # {{車站編號r|T|09|…}}
    assert "3字母简写为“TYO”" in cn  # {{車站編號s|black|#ffffff|TYO}}
    assert "（日语：中央停車場／ちゅうおうていしゃじょう chūō teishajō）" in cn  # {{jp}} is {{jpn}}


def test_navboxes_at_the_foot_show_nothing() -> None:
    article, shown = build("fantasy")
    assert dict(article.diag.probable_navboxes) == {"周杰倫歌曲": 1, "周杰倫": 1, "Golden-Melody-Album": 1}
    assert "probable navigation box (dropped): {{周杰倫}} × 1, first at line 7" in article.diag.warnings()


def test_scientist_flags_icons_and_audio() -> None:
    _, shown = build("einstein")
    cn = shown["zh-cn"]
    assert "逝世地点\n:   美国新泽西州" in _plain(cn)  # {{USA-1912}}
    assert "诺贝尔" not in cn  # {{Nobel icon|1921年諾貝爾物理學獎|…}}: a medal icon, no text
    assert "（德语：Albert Einstein／ˈalbɛʁt ˈʔaɪnʃtaɪn）" in cn  # {{Audio|file|text}}: the text


def test_olympics_box_flags_named_in_chinese_and_a_single_notice() -> None:
    article, shown = build("olympics2008")
    cn, tw = _plain(shown["zh-cn"]), _plain(shown["zh-tw"])
    assert "主办城市\n:   中华人民共和国北京市" in cn  # {{CHN-1949}}
    assert "参赛国家和地区\n:   204个国家" in cn and "开幕式\n:   2008年8月8日" in cn
    assert "运动员宣誓\n:   张怡宁" in cn
    # {{希臘}} / {{加拿大}}: flag templates named by the country, in each script
    assert "上届夏季奥运会\n:   希腊雅典 2004" in cn and "下届冬季奥运会\n:   加拿大温哥华 2010" in cn
    assert "希臘雅典 2004" in tw
    # {{original research|time=…}} alone: one notice in words, never its time= value
    assert "!!! warning \"本条目可能包含原创研究\"" in shown["zh-cn"] and "2017-12-02" not in cn
    assert dict(article.diag.probable_navboxes) == {"2008年夏季奧林匹克運動會": 1}


def test_gallery_as_of_and_second_chinese_name() -> None:
    article, shown = build("hangzhou-gallery")
    cn = shown["zh-cn"]
    # {{multiple image}} as the box's picture: its files are figures, never rows or text
    md = {p.path: p.markdown for p in pipeline.convert_edition(article, "zh-cn").pages}["index.md"]
    assert md.count('<figure class="wiki-figure"') == 2 and "Hangzhou_CBD_night_show1.png" in md
    assert "建成区面积\n:   648.46（2019）" in cn  # area_builtup_as_of beside its value
    assert "中国杭州" not in cn  # web_title is the website link's text
    # Infobox Chinese: altname heads the second name's fields t2/s2/p2
    assert "苏州话拼音\n:   Lou Sîn" in cn
    assert "本名\n\n繁体字\n:   周樹人\n\n简化字\n:   周树人\n\n汉语拼音\n:   Zhōu Shùrén" in cn


def test_currency_box_and_regional_names() -> None:
    article, shown = build("bitcoin")
    md = {p.path: p.markdown for p in pipeline.convert_edition(article, "zh-tw").pages}["index.md"]
    tw = _plain(shown["zh-tw"])
    assert "啟用日期\n:   2009年1月3日" in tw and "使用國家和地區\n:   薩爾瓦多、古巴" in tw
    assert "貨幣供給\n:   有限發行" in tw  # inflation_title labels inflation_rate
    assert "比特分（Bitcent，cBTC）\n:   10<sup>−2</sup>" in md  # subunit name → {{val|e=-2}}
    assert "ISO 4217代碼\n:   4H95J0R2X" in tw
    assert "比特幣用戶端程式中常見的標識" in md.split("</figure>")[0]  # image_title_1 is the caption
    # {{各地中文名}}: each region's name as written there, in every variant
    assert "中國大陸\n:   比特币" in tw and "香港\n:   比特幣（位元幣）" in tw
    assert "中国大陆\n:   比特币" in shown["zh-cn"] and "台湾\n:   比特幣" in shown["zh-cn"]


def test_country_box_native_names_ranks_and_trends() -> None:
    article, shown = build("singapore")
    cn = _plain(shown["zh-cn"])
    md = {p.path: p.markdown for p in pipeline.convert_edition(article, "zh-cn").pages}["index.md"]
    # {{native name|tamil|…}}: the name in its language (a language written out is looked up)
    assert '<span lang="en">Republic of Singapore</span>' in md and '<span lang="ta">சிங்கப்பூர் குடியரசு</span>' in md
    assert "新加坡在东盟的位置" in cn  # {{legend2|#006400}}: the colour swatch only
    assert "国语\n:   马来语" in cn  # languages_type labels languages
    assert "佛教20.0% 无宗教（2020）" in cn  # religion_year beside the religions
    assert "人口密度\n:   7,804人/平方公里（第3名）" in cn  # population_density_rank
    assert "人类发展指数\n:   0.938▲" in cn  # HDI_change = increase
    assert "历法\n:   公历" in cn
    assert "Article 153A(2) of the Constitution" in md  # {{cite|…}} is a citation


def test_generic_infobox_with_val_numbers() -> None:
    _, shown = build("speed-of-light")
    cn = _plain(shown["zh-cn"])
    assert "精确值\n\n米每秒\n:   299\u2009792\u2009458" in cn  # {{val}}: digits in groups of three
    assert "10.80亿（1.08×109）" in cn  # {{val|1.08|e=9}} (tags removed: 10<sup>9</sup>)
    assert "从最近星系至地球\n:   25\u2009000 年" in cn  # u= unit after the number
    assert "精确值为299\u2009792\u2009458 m/s" in cn


def _page(article: pipeline.Article, variant: str, needle: str) -> str:
    """The Markdown of the page that contains *needle*."""
    return next(p.markdown for p in pipeline.convert_edition(article, variant).pages if needle in p.markdown)


def test_taiwan_division_box_other_language_and_climate_tables() -> None:
    article, shown = build("taipei")
    tw = _plain(shown["zh-tw"])
    assert "英文名稱\n:   Taipei City" in tw and "簡稱\n:   北市" in tw
    assert "市花\n:   杜鵑花" in tw and "市鳥\n:   臺灣藍鵲" in tw
    assert "市旗" in _page(article, "zh-tw", "Flag_of_Taipei_City.svg").split("</figure>")[0]  # caption_flag
    assert "泰雅語\n:   Mnka'" in tw  # Infobox Chinese lang1 / lang1_content
    md = _page(article, "zh-tw", "氣候平均數據")
    # {{climate chart}}: its 36 numbers as a table (lows, highs, precipitation by month)
    assert "| 平均最低氣溫（°C） | 14.4 | 14.7 | 16.2 |" in md
    assert "| 降水量（毫米） | 93.8 | 129.4 | 157.8 |" in md
    # {{Weather box}}: only the rows it gives, with the whole year when given
    assert "| 平均高溫（°C） | 19.6 | 20.7 |" in md and "| 平均低溫（°C） | 14.4 | 14.7 |" in md
    assert md.rstrip().endswith("| 20.8 |")


def test_conflict_dagger_collapsed_box_and_quote() -> None:
    article, shown = build("sino-japanese-war")
    cn = _plain(shown["zh-cn"])
    assert "| 大清 | 大日本帝国 |" in cn  # {{QING}} / {{JPN-EMP}} as the combatants
    assert "左宝贵† | 明治天皇 |" in cn  # {{KIA}}: the dagger after a commander killed in action
    page = _plain(html.unescape(re.sub(r"<[^>]+>", "", _page(article, "zh-cn", "宣战诏书"))))
    # {{HideH|title}} … {{HideF}}: the box shown open, its title in bold; {{引用}} is a quotation
    assert "《光绪二十年对日宣战诏书》（1894年8月1日）" in page
    assert "朝鲜为我大清藩属" in page
    assert "清国ニ対スル" not in page  # {{Wikisourcelang}}: a sister-project box, dropped


def test_award_rows_and_marriages() -> None:
    _, shown = build("miyazaki")
    cn = _plain(shown["zh-cn"])
    assert "国籍\n:   日本" in cn
    assert "配偶\n:   太田朱美（1965年结婚）" in cn  # {{marriage|name|1965}}: the name is kept
    assert "配偶\n:   米列娃·马利奇（1903年—1919年）" in cn
    assert "奥斯卡金像奖\n:   最佳动画片2002年 《千与千寻》" in cn  # academyawards
    assert "蓝丝带奖\n:   最佳影片 2001年 《千与千寻》" in cn


def test_classic_book_box_chinese_name_box_and_cropped_image() -> None:
    article, shown = build("journey-west")
    cn = _plain(shown["zh-cn"])
    md = {p.path: p.markdown for p in pipeline.convert_edition(article, "zh-cn").pages}["index.md"]
    assert "全名\n:   西游记" in cn and "章回\n:   100" in cn  # {{古籍}}: a book box with Chinese names
    first = md.split("</figure>")[0]
    assert "Bai_Gu_Jing.jpg" in first and "尸魔三戏唐三藏" in first  # caption goes with 圖片
    # {{Chinese|pic=…}}: zh.wikipedia's name box, not the inline {{zh}} text
    assert "繁体字\n:   西遊記" in cn and "汉语拼音\n:   Xī Yóu Jì" in cn and "繁体：" not in cn
    # {{CSS image crop}}: the picture with its description; {{PDF page link}}: its text
    assert "唯一“证据”是（天启）《淮安府志》卷之十九 艺文志一的记载。" in cn


def test_sport_box_first_is_a_row_but_a_name_box_option_is_not() -> None:
    _, shown = build("football")
    cn = _plain(shown["zh-cn"])
    assert "最高管理机构\n:   国际足球联合会" in cn and "起源\n:   古代足球：战国时代（蹴鞠），中国（公认）" in cn
    assert "身体接触\n:   是" in cn and "男女混合\n:   否" in cn and "奥运会项目\n:   1900年" in cn
    assert "\n:   t\n" not in cn  # Infobox Chinese first=t only orders its rows


def test_country_symbols_footnotes_river_box_and_ipa() -> None:
    article, shown = build("japan-river")
    cn = _plain(shown["zh-cn"])
    # {{主條目消歧義|…}}: a hatnote with its own text
    assert "「日本国」重定向至此。关于同名山峰，详见「日本国山」。" in cn.replace("“", "「").replace("”", "」")
    assert "皇室徽章\n:   菊花纹章" in cn  # symbol_type labels symbol
    assert "地区语言\n:   阿伊努语、琉球语" in cn
    assert "a. 日本没有法定的官方语言。" in cn  # footnote_a at full width
    assert "源头所在地区\n:   青海" in cn and "源头海拔（米）\n:   4800" in cn  # {{Geobox|河流}}
    assert "流域面积（平方公里）\n:   795000" in cn and "34" not in cn.split("源头")[1].split("流域")[0]
    assert "（[ɲippoꜜɴ]）" in cn  # {{IPA-ja}}: the transcription in phonetic brackets
    assert "位置香港以东" in cn  # {{HKSAR}}
