"""Template kinds of history, politics, organisations and events articles (issue 18, census of a
held-out sample of forty such articles).

Each input is written for the test in the form the census met it; the expected text is what
zh.wikipedia shows, in zh-cn and zh-tw.
"""

from __future__ import annotations

import re

import pytest
from test_inline_kinds import markdown, text, unknown

from zhwiki import pipeline

TITLE = "测试条目"


def read(src: str, variant: str = "zh-cn") -> str:
    """What a reader reads: the lead's text with Markdown links reduced to their text."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?", r"\1", text(src, variant))


def problems(src: str) -> list[tuple[str, str]]:
    return [(d.kind, d.message) for d in pipeline.analyse(src, pipeline.Options(title=TITLE)).diag.defects]


# -- references and notes written as Chinese-named templates (Template:参, 参考, RefTag; 注, 备注) ----
REFS = (
    "明朝{{注|亡國之年有二說{{参|name=开国|《明史》卷一}}。}}是朝代"
    "{{参|name=\"one\"|{{cite book |author=徐俊 |title=名号探源 |year=2000 }}}}，"
    "又称大明{{参考|name=隱喻|1=陈元，2016}}。再引{{参|name=开国}}与{{RefTag|name=隱喻}}。"
    "{{备注|1=这是分法<ref name=\"x\">张国光</ref>}}\n\n== 参考 ==\n{{reflist}}\n"
)


def test_chinese_named_reference_templates_are_footnotes_that_can_be_cited_again() -> None:
    md = markdown(REFS)
    lead = md.split("\n")[0]
    # three sources cited in the lead: 开国 (inside the note, then again), one, 隱喻 (twice)
    assert "是朝代[^2]" in lead and "又称大明[^3]" in lead
    assert "再引[^1]与[^3]" in lead
    assert "[^1]: 《明史》卷一" in md and "[^3]: 陈元，2016" in md and "徐俊. 名号探源. 2000." in md
    assert unknown(REFS) == {}
    assert not [p for p in problems(REFS) if p[0] in ("undefined ref", "empty ref")]


def test_chinese_named_note_templates_are_notes_in_both_scripts() -> None:
    cn, tw = text(REFS), text(REFS, "zh-tw")
    assert "[注1]" in cn and "[注2]" in cn
    assert "[註1]" in tw and "[註2]" in tw
    md = markdown(REFS)
    assert "亡国之年有二说[^1]。" in md  # the note's text, converted, citing its source
    assert "这是分法[^4]" in md


def test_reference_template_citing_an_unknown_name_is_reported_not_shown() -> None:
    src = "甲{{参|name=无此名}}乙"
    assert markdown(src).startswith("甲[^1]乙")  # the placeholder footnote, as for <ref name=…/>
    assert "来源缺失（无此名）" in markdown(src)
    assert ("undefined ref", "ref «无此名» is cited but never defined; a placeholder is shown") in problems(src)


# -- colour keys, party colours and seat counts --------------------------------------------------
@pytest.mark.parametrize("src,cn,tw", [
    ("{{colorbox|#9E9|自民党}} {{Colorbox|#FDF|社会党}}", "自民党 社会党", "自民黨 社會黨"),
    ("{{colour box|#3cade1}} 蓝色", "蓝色", "藍色"),  # a bare colour has no text form
    ("{{Color box|{{Party meta/color/民主進步黨}}}} 绿色", "绿色", "綠色"),
    ("{{legend0|#ebc0b3|俄控区}}", "俄控区", "俄控區"),
    ("代表色{{Party meta/color/公明黨}}", "代表色", "代表色"),
    ("{{Party meta/shortname/中國國民黨}}", "中国国民党", "中國國民黨"),
    ("{{Composition bar|151|2148|hex=#1B9431}}", "151 / 2,148", "151 / 2,148"),
    ("{{Infobox political party/seats|28|245|hex={{Party meta/color/公明黨}}|per=1}}", "28 / 245", "28 / 245"),
])
def test_colour_keys_show_their_text_and_seat_bars_their_numbers(src: str, cn: str, tw: str) -> None:
    assert text(src) == cn
    assert text(src, "zh-tw") == tw
    assert unknown(src) == {}
    assert "#" not in text(src)  # never a colour value as text


# -- historical states, dominions, partially recognised states, party and service codes -------------
@pytest.mark.parametrize("src,cn,tw", [
    ("{{flagcountry|UKGBI}}", "英国", "英國"),
    ("{{flagcountry|British Raj}}", "英属印度", "英屬印度"),
    ("{{flagcountry|Dominion of New Zealand}}", "新西兰", "紐西蘭"),
    ("{{flag|Newfoundland}}", "纽芬兰", "紐芬蘭"),
    ("{{flag|Donetsk People's Republic}}", "顿涅茨克人民共和国", "頓涅茨克人民共和國"),
    ("{{flag|Abkhazia}}、{{flag|South Ossetia}}", "阿布哈兹、南奥塞梯", "阿布哈茲、南奧塞梯"),
    ("{{flagicon|Kingdom of Hejaz|1917}} 費薩爾一世", "汉志王国 费萨尔一世", "漢志王國 費薩爾一世"),
    ("{{flag|Azerbaijan Democratic Republic}}", "阿塞拜疆民主共和国", "亞塞拜然民主共和國"),
    ("{{ROCMP}}", "中华民国宪兵", "中華民國憲兵"),
    ("{{Np}}、{{NONP}}", "新党、无党籍", "新黨、無黨籍"),
])
def test_historical_states_and_more_codes_are_named(src: str, cn: str, tw: str) -> None:
    assert text(src) == cn
    assert text(src, "zh-tw") == tw
    assert unknown(src) == {}
    assert not [p for p in problems(src) if p[0] == "unknown country"]


# -- language codes zh.wikipedia accepts that are not ISO 639 codes; links to any language -------------
def test_non_iso_language_codes_are_their_language() -> None:
    src = "{{link-jp|獨立混成第44旅團|独立混成第44旅団 (日本軍)}}，{{lang-gr|Καθολική Εκκλησία}}"
    assert read(src) == "独立混成第44旅团（日语：独立混成第44旅団 (日本軍)），希腊语：Καθολική Εκκλησία"
    assert read(src, "zh-tw") == "獨立混成第44旅團（日語：独立混成第44旅団 (日本軍)），希臘語：Καθολική Εκκλησία"
    md = markdown(src)
    assert "https://ja.wikipedia.org/wiki/" in md and 'lang="el"' in md
    assert unknown(src) == {}


def test_link_template_for_any_language_code_links_that_wikipedia() -> None:
    src = "{{link-ar|阿拉伯联盟|جامعة الدول العربية}}"
    assert read(src) == "阿拉伯联盟（阿拉伯语：جامعة الدول العربية）"
    assert "https://ar.wikipedia.org/wiki/" in markdown(src)
    assert unknown(src) == {}


# -- periods: date ranges and elapsed times in any units ---------------------------------------------
@pytest.mark.parametrize("src,cn", [
    ("{{start and end dates|1789|5|5|1799|11|9|df=yes}}", "1789年5月5日—1799年11月9日"),
    ("{{Start and end dates|1914|7}}", "1914年7月—"),
    ("{{開始結束|618年6月18日||907年5月12日||}}", "618年6月18日—907年5月12日"),
    ("{{開始結束|960年|2月4日|1279年|3月19日}}", "960年2月4日—1279年3月19日"),
    ("{{Age in months, weeks and days|month1=05|day1=5|year1=1789|month2=11|day2=9|year2=1799}}", "126个月4天"),
    ("{{Age in weeks and days|month1=1|day1=1|year1=2000|month2=1|day2=20|year2=2000}}", "2周5天"),
    ("{{Age in years and weeks|month1=1|day1=1|year1=2000|month2=1|day2=20|year2=2003}}", "3年2周"),
])
def test_date_ranges_and_elapsed_times(src: str, cn: str) -> None:
    assert text(src) == cn
    assert text(src, "zh-tw") == cn.replace("个", "個")
    assert unknown(src) == {}


# -- identifiers, notices, hatnotes and directives ------------------------------------------------------
@pytest.mark.parametrize("src,cn,tw", [
    ("Tughra Books, 2006, {{ISBN|1-59784-054-8}}, p. 29.", "Tughra Books, 2006, ISBN 1-59784-054-8, p. 29.",
     "Tughra Books, 2006, ISBN 1-59784-054-8, p. 29."),
    ("{{ISBN|978-0-19-922721-1|0-415-77099-6}}", "ISBN 978-0-19-922721-1、ISBN 0-415-77099-6",
     "ISBN 978-0-19-922721-1、ISBN 0-415-77099-6"),
    ("{{OCLC|12345}}", "OCLC 12345", "OCLC 12345"),
    ("但中产阶级和贵族冲突日益严重。{{請求來源}}", "但中产阶级和贵族冲突日益严重。[来源请求]", "但中產階級和貴族衝突日益嚴重。[來源請求]"),
    ("引文<ref>{{cite news|title=T|url=https://example.org}}{{cbignore}}</ref>", "引文[^1]", "引文[^1]"),
])
def test_identifiers_markers_and_directives(src: str, cn: str, tw: str) -> None:
    assert read(src).split("\n")[0] == cn
    assert read(src, "zh-tw").split("\n")[0] == tw
    assert unknown(src) == {}


@pytest.mark.parametrize("name,words", [
    ("Current warfare|date=February 2022", "本条目内容涉及正在进行的战争"),
    ("Blpsources|time=2019-12-18T19:00:48+00:00", "本条目在世人物传记需要补充来源"),
    ("Untranslated-jargon|time=2016-02-11", "本条目含有未翻译的术语"),
])
def test_event_and_cleanup_notices_are_worded(name: str, words: str) -> None:
    src = "{{" + name + "}}\n'''甲'''是乙。"
    assert words in markdown(src)
    assert unknown(src) == {}


def test_redirect_multi_names_each_redirect_and_each_other_use() -> None:
    src = ("{{redirect-multi|2|國民黨|KMT|其他名稱相同及相似的政黨|6=中华人民共和国政党|7=中国国民党革命委员会}}\n"
           "'''中國國民黨'''是政党。")
    first = read(src).split("\n\n")[0]
    assert first.startswith("“国民党”和“KMT”重定向至此。")
    assert "关于其他名称相同及相似的政党，请见“国民党 (消歧义)”。" in first
    assert "关于中华人民共和国政党，请见“中国国民党革命委员会”。" in first
    assert unknown(src) == {}


# -- succession boxes: the start box … end box series as one table ------------------------------------
SUCCESSION = """'''甲'''是人。

== 要职承续 ==
{{start box}}
{{s-gov|roc}}
|-
|colspan="3" style="text-align: center;"|'''[[行政院]]'''
|-
{{s-before|[[丁懋時]]}}
{{s-title|[[行政院新聞局|新聞局局長]]<br />第九任|1979年－1984年}}
{{s-after|[[張京育]]}}
|-
{{s-before|[[連戰|連　戰]]}}
{{s-title|[[臺灣省政府主席|台灣省主席]]}}
{{s-vacant||next=[[趙守博]]}}
{{s-new|reason=}}
{{s-title|[[台灣省省長]]}}
{{s-none|職位廢除|省虛級化}}
|-
|colspan="3" style="text-align: center;"|'''{{PFP}}'''
|-
{{s-new}}
{{s-title|親民黨主席}}
{{s-inc}}
{{end box}}
"""


def section(src: str, variant: str = "zh-cn") -> str:
    article = pipeline.analyse(src, pipeline.Options(title=TITLE))
    from zhwiki.views.edition import convert_edition

    return [p.markdown for p in convert_edition(article, variant).pages if p.path != "index.md"][0]


def test_succession_series_is_one_table_with_its_header_rows_and_no_table_markup() -> None:
    md = re.sub(r"\]\([^)]*\)", "]", section(SUCCESSION))
    assert "| 前任 | 职位 | 继任 |" in md
    assert "|   | <b>[行政院]</b> |   |" in md
    assert "| [丁懋时] | [新闻局局长]<br>第九任（1979年－1984年） | [张京育] |" in md
    assert "| [连　战] | [台湾省主席] | 空缺（继任：[赵守博]） |" in md
    assert "| 新设立 | [台湾省省长] | 职位废除（省虚级化） |" in md
    assert "|   | <b>亲民党</b> |   |" in md
    assert "| 新设立 | 亲民党主席 | 现任 |" in md
    assert "&#124;" not in md and "colspan" not in md  # no raw table line reaches a reader
    assert unknown(SUCCESSION) == {}
    tw = section(SUCCESSION, "zh-tw")
    assert "| 前任 | 職位 | 繼任 |" in tw and "現任" in tw and "新設立" in tw


def test_succession_parts_alone_are_lines_and_take_positional_names() -> None:
    src = "{{s-bef|[[甲]]}}\n{{s-ttl|乙|1990年－1995年}}\n{{s-aft|丙}}\n{{s-inc}}"
    t = re.sub(r"\]\([^)]*\)", "]", text(src))
    assert t.split("\n\n") == ["前任：[甲]", "乙（1990年－1995年）", "继任：丙", "继任：现任"]


# -- election result boxes ------------------------------------------------------------------------------
ELECTION = """'''甲选举'''是选举。
{{Election box begin | title=[[2016年美國總統選舉|2016年]]佛蒙特州選舉}}
{{Election box candidate with party link|party=民主党 (美国)|candidate=[[伯尼·桑德斯]]|votes=192243|percentage=67.4|change=-4.6}}
{{Election box winning candidate with party link|party=共和党 (美国)|candidate=甲|votes=73447|percentage=25.8|change=+0.9}}
{{Election box majority|votes=118796|percentage=41.6|change=}}
{{Election box turnout|votes=285284|percentage=60.5}}
{{Election box gain with party link|winner=共和党 (美国)|loser=民主党 (美国)|swing=-2.7}}
{{Election box end}}
"""


def test_election_box_series_is_one_result_table() -> None:
    md = re.sub(r"\]\([^)]*\)", "]", markdown(ELECTION))
    assert "| 政党 | 候选人 | 得票 | 得票率 | ± |" in md
    assert "| [民主党] | [伯尼·桑德斯] | 192,243 | 67.4% | -4.6 |" in md
    assert "| **[共和党]** | **甲** | **73,447** | **25.8%** | **+0.9** |" in md
    assert "| 多数票 |   | 118,796 | 41.6% |   |" in md
    assert "| 投票率 |   | 285,284 | 60.5% |   |" in md
    assert "| [共和党]从[民主党]夺得 |   |   | 摇摆 -2.7 |   |" in md
    assert "[2016年]佛蒙特州选举" in md
    assert unknown(ELECTION) == {}
    tw = markdown(ELECTION, "zh-tw")
    assert "| 政黨 | 候選人 | 得票 | 得票率 | ± |" in tw and "投票率" in tw


# -- tournament brackets ----------------------------------------------------------------------------------
ROUND16 = """{{Round16-without third
|1989年2月17日||||
||'''罗建元'''五段|胜|杨士海三段|
||'''江铸久'''|胜||
|||||
|||||
|||||
|||||
|||||
|1989年2月18日|||'''罗建元'''|胜
||江铸久||'''王洪军'''|胜
|||||
|||||
|1989年2月20日|'''罗建元'''|胜|王洪军|
|||||
|1989年2月22日|罗建元||'''王群'''|胜
}}"""


def test_round_bracket_lists_every_match_by_round() -> None:
    md = markdown(ROUND16)
    assert "| 轮次 | 日期 | 选手（队伍） | 比分 | 选手（队伍） | 比分 |" in md
    assert "| 1/8决赛 | 1989年2月17日 | <b>罗建元</b>五段 | 胜 | 杨士海三段 |   |" in md
    assert "| 1/8决赛 |   | <b>江铸久</b> | 胜 |   |   |" in md
    assert "| 1/4决赛 | 1989年2月18日 |   |   | <b>罗建元</b> | 胜 |" in md
    assert "| 半决赛 | 1989年2月20日 | <b>罗建元</b> | 胜 | 王洪军 |   |" in md
    assert "| 决赛 | 1989年2月22日 | 罗建元 |   | <b>王群</b> | 胜 |" in md
    assert unknown(ROUND16) == {}
    assert "| 輪次 |" in markdown(ROUND16, "zh-tw") and "| 決賽 |" in markdown(ROUND16, "zh-tw")


def test_team_bracket_pairs_the_teams_of_each_round() -> None:
    src = ("{{4TeamBracket|RD1=半决赛|RD2=决赛|RD1-seed1=1|RD1-team1=甲|RD1-score1=3|RD1-team2=乙|RD1-score2=1"
           "|RD1-team3=丙|RD1-score3=0|RD1-team4=丁|RD1-score4=2|RD2-team1=甲|RD2-score1=2|RD2-team2=丁|RD2-score2=1}}")
    md = markdown(src)
    assert "| 半决赛 |   | （1）甲 | 3 | 乙 | 1 |" in md
    assert "| 半决赛 |   | 丙 | 0 | 丁 | 2 |" in md
    assert "| 决赛 |   | 甲 | 2 | 丁 | 1 |" in md
    assert unknown(src) == {}
    # without round names, the round is named by the teams in it
    plain = markdown("{{8TeamBracket|RD1-team01=甲|RD1-team02=乙|RD3-team01=丙|RD3-team02=丁}}")
    assert "| 1/4决赛 |   | 甲 |   | 乙 |   |" in plain and "| 决赛 |   | 丙 |   | 丁 |   |" in plain


# -- readings, access notes, hand-numbered notes, per-variant files -------------------------------------
@pytest.mark.parametrize("src,cn,tw", [
    ("赵顼{{標音|繁=趙頊|简=赵顼|拼音=Zhào Xū|注音=ㄓㄠˋ ㄒㄩ|音=照须}}即位",
     "赵顼繁体：趙頊，简体：赵顼，拼音：Zhào Xū，注音：ㄓㄠˋ ㄒㄩ，音同“照须”即位",
     "趙頊繁體：趙頊，簡體：赵顼，拼音：Zhào Xū，注音：ㄓㄠˋ ㄒㄩ，音同「照须」即位"),
    ("《经济学人》{{Subscription required}}", "《经济学人》（需要订阅）", "《經濟學人》（需要訂閱）"),
    ("靠右行驶{{ref label|driving|2}}", "靠右行驶[2]", "靠右行駛[2]"),
    ("{{note|driving}} 除了爱尔兰", "除了爱尔兰", "除了愛爾蘭"),
])
def test_readings_access_notes_and_hand_numbered_notes(src: str, cn: str, tw: str) -> None:
    assert text(src) == cn
    assert text(src, "zh-tw") == tw
    assert unknown(src) == {}


def test_per_variant_file_is_a_figure_of_one_of_its_files() -> None:
    src = "{{File|zh-hant=唐朝疆域（繁）.png|zh-hans=唐朝疆域（简）.png|280px}}"
    md = markdown(src)
    assert "唐朝疆域（简）.png" in md and "wiki-file" in md
    assert "280px" not in text(src) and unknown(src) == {}


# -- match result boxes of sports events and their minute marks ------------------------------------------
FOOTBALL_BOX = """{{Football box
|date = 2018年7月15日
|team1 = {{fb-rt|FRA}}
|score = 4–2
|team2 = {{fb|CRO}}
|goals1 = 曼朱基奇 {{og|18}}<br>格列兹曼 {{goal|38|pen}}
|goals2 = 佩里西奇 {{goal|28|45+1}}
|stadium = [[卢日尼基体育场]]
|attendance = 78,011
}}"""


def test_football_box_is_a_match_box_with_labelled_rows() -> None:
    md = re.sub(r"\]\([^)]*\)", "]", markdown(FOOTBALL_BOX))
    for row in ("日期\n:   2018年7月15日", "主队\n:   法国", "比分\n:   4–2", "客队\n:   克罗地亚",
                "球场\n:   [卢日尼基体育场]", "观众人数\n:   78,011"):
        assert row in md
    assert "曼朱基奇 18'（乌龙球）" in md and "格列兹曼 38'（点球）" in md and "佩里西奇 28'、45+1'" in md
    assert unknown(FOOTBALL_BOX) == {}
    assert "主隊\n:   法國" in markdown(FOOTBALL_BOX, "zh-tw")
