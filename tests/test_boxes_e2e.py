"""End to end: infoboxes, chemboxes, taxoboxes, track lists and notices on built pages (issue 17).

Builds ``tests/articles/boxes.zh.wikitext`` (written for this project) with MkDocs in both
default variants and reads the HTML a reader gets: Chinese labels and no parameter names,
the Infobox Chinese fields in their own scripts, formulas and units, status cells with their
class, one notice for the multiple issues, and the unlabelled parameter in the build summary.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild import build_site

pytestmark = pytest.mark.slow

ARTICLE = Path(__file__).parent / "articles" / "boxes.zh.wikitext"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    dest = tmp_path_factory.mktemp("boxes") / "site"
    proc = build_site(dest, source=ARTICLE)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return dest, proc.stdout + proc.stderr


def article(site: tuple[Path, str], variant: str, page: str) -> str:
    html = (site[0] / variant / page).read_text(encoding="utf-8")
    m = re.search(r"<article[^>]*>(.*)</article>", html, re.S)
    assert m, page
    return m.group(1)


def text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def terms(html: str) -> list[str]:
    return [text(t).strip() for t in re.findall(r"<dt>(.*?)</dt>", html, re.S)]


def test_home_page_infobox(site: tuple[Path, str]) -> None:
    home = article(site, "zh-cn", "index.html")
    box = home[home.index('class="infobox'):]
    assert terms(box)[:9] == ["类型", "国家", "市长", "总面积", "总人口", "坐标", "海拔", "City mascot", "繁体字"]
    assert "33°00′N 129°06′E" in text(box) and "1234平方公里" in text(box)
    assert '<span lang="zh-Hant">海濱市</span>' in box and '<span lang="ja">海浜市</span>' in box
    for raw in ("image_size", "latd", "longEW", "subdivision", "Seaside City skyline.jpg</dd>"):
        assert raw not in box
    tw = article(site, "zh-tw", "index.html")
    assert '<span lang="zh-Hans">海滨市</span>' in tw and "簡化字" in terms(tw)


def test_notice_and_hatnote(site: tuple[Path, str]) -> None:
    home = article(site, "zh-cn", "index.html")
    assert home.count('class="admonition warning"') == 1
    assert "需要补充更多来源。" in text(home) and "需要精通或熟悉本主题的专家参与编辑。" in text(home)
    assert "!!!" not in text(home) and "2021-03-04" not in home
    assert "本文介绍的是一座虚构的海滨城市。关于同名电影，请见" in text(home)


def test_chembox_taxobox_and_lists(site: tuple[Path, str]) -> None:
    pages = {p.name: article(site, "zh-cn", p.name) for p in (site[0] / "zh-cn").glob("s0*.html")}
    chem = next(h for h in pages.values() if "CAS号" in h)
    assert "7647-14-5" in chem and "ClNa" in text(chem) and "58.44 g·mol⁻¹" in text(chem)
    assert "801 °C（1074 K，1474 °F）" in text(chem) and "correct" not in text(chem)
    bio = next(h for h in pages.values() if "保护状况" in h)
    assert "近危（IUCN 3.1）" in text(bio) and "<i>Larus exemplaris</i>" in bio and "Wang, 1999" in bio
    assert "•\u00a0" in text(bio) and "* " not in text(bio)
    music = next(h for h in pages.values() if "曲目" in h)
    assert "<th>曲目</th>" in music.replace(' style="text-align: left;"', "") or "曲目</th>" in music
    assert "潮汐" in music and "8:05" in text(music) and "全部作词：甲" in text(music)
    assert '<span class="status status-won">获奖</span>' in music and '<span class="status status-nom">提名</span>' in music


def test_summary_counts_unlabelled_parameters(site: tuple[Path, str]) -> None:
    assert "infobox parameters without a label: infobox settlement: city_mascot × 1" in site[1]
