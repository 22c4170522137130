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
