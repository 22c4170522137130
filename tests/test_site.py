"""End-to-end checks of the built edition (issue 2's 'done means'): read the HTML of both variants."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from sitebuild import ROOT, build_site

sys.path.insert(0, str(ROOT / "scripts"))
import check_site  # noqa: E402

VARIANTS = ("zh-cn", "zh-tw")


@pytest.fixture(scope="module", params=VARIANTS)
def report(request, built_site: Path, seed_text: str):
    return request.param, check_site.check(built_site / request.param, seed_text, request.param)


def test_reference_apparatus_is_complete(report) -> None:
    """474 citation markers, 313 footnote definitions, 27 notes; none empty or dangling (seed counts)."""
    variant, r = report
    assert r.markers == 474, variant
    assert r.definitions == 313, variant
    assert r.cite_errors == 1  # 韩国战争史 is cited but never defined in the source
    assert r.notes == 27
    assert r.note_markers == 27
    assert r.empty == []
    assert r.dangling == []


def test_no_raw_wikitext_anywhere_a_reader_sees(report) -> None:
    variant, r = report
    assert r.leaks == {}, f"{variant}: raw markup on {r.leaks}"


def test_nothing_is_lost(report) -> None:
    """At most 0.5% of the body's Han characters and 1% of the apparatus may be missing."""
    variant, r = report
    assert r.body_missing <= 0.005, (variant, r.missing_sample)
    assert r.apparatus_missing <= 0.01, variant
    # Sentences interrupted by generated text (labels, unit conversions) cannot match whole;
    # the figure guards against losing paragraphs (pandoc: 75%).
    assert r.sentence_recall >= 0.93, variant


def test_same_paths_in_both_variants(built_site: Path) -> None:
    cn = sorted(p.name for p in (built_site / "zh-cn").glob("*.html"))
    tw = sorted(p.name for p in (built_site / "zh-tw").glob("*.html"))
    assert cn == tw
    assert all(re.fullmatch(r"[a-z0-9\-]+\.html", n) for n in cn), cn
    assert {"index.html", "s03.html", "notes.html", "references.html", "external-links.html"} <= set(cn)


def test_site_name_lang_and_titles_per_variant(built_site: Path) -> None:
    cn = (built_site / "zh-cn" / "index.html").read_text(encoding="utf-8")
    tw = (built_site / "zh-tw" / "index.html").read_text(encoding="utf-8")
    assert "<title>朝鲜战争" in cn and "<title>韓戰" in tw
    # <html lang> names the script and region on every page (glyph choice, screen readers); the
    # parallel view holds both scripts and stays "zh".
    for folder, tag in (("zh-cn", "zh-Hans-CN"), ("zh-tw", "zh-Hant-TW"), ("parallel", "zh")):
        for page in sorted((built_site / folder).glob("*.html")):
            head = page.read_text(encoding="utf-8")[:400]
            assert f'<html lang="{tag}"' in head, (folder, page.name, head[:120])
    s03_cn = (built_site / "zh-cn" / "s03.html").read_text(encoding="utf-8")
    s03_tw = (built_site / "zh-tw" / "s03.html").read_text(encoding="utf-8")
    assert "经过" in s03_cn and "經過" in s03_tw  # converted headings and nav labels
    assert "仁川登陆" in s03_cn and "仁川登陸" in s03_tw


def test_each_variant_has_its_own_search_index(built_site: Path) -> None:
    """A zh-tw search never returns zh-cn pages: each variant indexes only its own, converted pages."""
    titles = {}
    for v in ("zh-cn", "zh-tw"):
        idx = json.loads((built_site / v / "search" / "search_index.json").read_text(encoding="utf-8"))
        # without the section numbers (3 经过, 3.1 …) the search titles carry
        titles[v] = {re.sub(r"^[\d.]+ ", "", d["title"].replace("\u200b", "")) for d in idx["docs"]}
        assert all(not d["location"].startswith(("../", "/", "http")) for d in idx["docs"])
    assert "經過" in titles["zh-tw"] and "经过" not in titles["zh-tw"]
    assert "经过" in titles["zh-cn"] and "經過" not in titles["zh-cn"]
    assert "戰俘處理" in titles["zh-tw"] and "战俘处理" in titles["zh-cn"]


def test_chooser_lists_built_variants(built_site: Path) -> None:
    page = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="zh-cn/index.html"' in page and 'href="zh-tw/index.html"' in page
    assert "navigator.languages" in page  # picks the reader's variant from the browser language


def test_switcher_keeps_the_page(built_site: Path) -> None:
    page = (built_site / "zh-cn" / "s05.html").read_text(encoding="utf-8")
    assert 'href="../zh-tw/s05.html"' in page


def test_internal_section_links_stay_inside(built_site: Path) -> None:
    pages = "".join(p.read_text(encoding="utf-8") for p in (built_site / "zh-cn").glob("*.html"))
    assert "zh.wikipedia.org/zh-cn/" in pages  # ordinary links go to zh.wikipedia in the page's variant
    # (the 用词对照 page, also part of the print page, links to each variant's spelling on purpose)
    tw = "".join(p.read_text(encoding="utf-8") for p in (built_site / "zh-tw").glob("*.html")
             if p.name not in ("glossary.html", "print.html"))
    assert "zh.wikipedia.org/zh-tw/" in tw and "zh.wikipedia.org/zh-cn/" not in tw
    s01 = (built_site / "zh-cn" / "index.html").read_text(encoding="utf-8")
    assert 'href="s03.html' in s01  # the nav and in-edition links are relative, inside the site


def test_second_variant_inherits_no_state(tmp_path: Path, built_site: Path) -> None:
    """Building zh-tw first must give the same zh-cn pages as building zh-cn first."""
    dest = tmp_path / "site"
    proc = build_site(dest, variants="zh-tw zh-cn")
    assert proc.returncode == 0, proc.stderr[-2000:]
    for name in ("index.html", "s03.html", "references.html"):
        a = (built_site / "zh-cn" / name).read_text(encoding="utf-8")
        b = (dest / "zh-cn" / name).read_text(encoding="utf-8")
        assert a == b, name
    a = (built_site / "zh-tw" / "search" / "search_index.json").read_bytes()
    b = (dest / "zh-tw" / "search" / "search_index.json").read_bytes()
    assert a == b


def test_build_summary(built_site: Path) -> None:
    log = (built_site.parent / "build.log").read_text(encoding="utf-8")
    assert "zhwiki: pages:" in log and "footnotes: 313" in log and "notes: 27" in log
    assert "韩国战争史" in log and "line 236" in log  # the undefined ref, with its line
    # --strict and the block of source problems: tests/test_source_problems.py
