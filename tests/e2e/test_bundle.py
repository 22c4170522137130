"""The offline bundle (zhwiki.outputs.bundle): unzipped and opened from file://, everything still works.

The guard in conftest fails the test on any request that is not file:// (or the local server),
so these tests also prove the unzipped pages load no web font, CDN script or analytics.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import VARIANTS

OTHER = {"zh-cn": ("zh-tw", "zh-Hant-TW"), "zh-tw": ("zh-cn", "zh-Hans-CN")}


def _bundle(site: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    return subprocess.run([sys.executable, "-m", "zhwiki.outputs.bundle", "--site", str(site), "--out", str(out)],
                          env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def unzipped(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle")
    proc = _bundle(site, out / "kw-offline.zip")
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(out / "kw-offline.zip") as zf:
        names = zf.namelist()
        assert all(n.startswith("kw/") for n in names)  # one top folder
        zf.extractall(out / "x")
    return out / "x" / "kw"


def test_bundle_holds_both_variants_and_is_reproducible(site: Path, unzipped: Path, tmp_path: Path) -> None:
    for v in VARIANTS:
        for name in ("index.html", "s03.html", "print.html", "about.html", "search/search_index.js",
                     "assets/vendor/iframe-worker/shim.js"):
            assert (unzipped / v / name).is_file(), f"{v}/{name}"
    assert (unzipped / "index.html").is_file()
    digests = []
    for i in range(2):
        out = tmp_path / str(i) / "kw-offline.zip"
        assert _bundle(site, out).returncode == 0
        digests.append(hashlib.sha256(out.read_bytes()).hexdigest())
    assert digests[0] == digests[1]


def test_bundle_refuses_a_site_without_the_shim(site: Path, tmp_path: Path) -> None:
    broken = tmp_path / "site"
    (broken / "zh-cn" / "search").mkdir(parents=True)
    (broken / "index.html").write_text("x", encoding="utf-8")
    (broken / "zh-cn" / "index.html").write_text("x", encoding="utf-8")
    proc = _bundle(broken, tmp_path / "b.zip")
    assert proc.returncode != 0 and "make shim" in proc.stderr
    assert not (tmp_path / "b.zip").exists()


@pytest.mark.parametrize("variant", VARIANTS)
def test_unzipped_bundle_works_from_file(page, unzipped: Path, variant: str) -> None:
    # The chooser sends a zh-CN browser to zh-cn; then navigate, search, tooltip, switch.
    page.goto((unzipped / variant / "index.html").as_uri())
    page.locator('.md-nav--primary a[href="s03.html"]').first.click()
    page.wait_for_url(re.compile(rf".*/{variant}/s03\.html$"))
    page.locator("a.footnote-ref").first.hover()
    page.locator(".md-tooltip2--active").wait_for(state="visible")
    page.mouse.move(0, 0)
    page.locator(".md-search__input").fill("仁川")
    page.wait_for_selector(".md-search-result__item")
    hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]
    assert hrefs and all(h.startswith("file://") and f"/{variant}/" in h for h in hrefs)
    page.keyboard.press("Escape")
    other, lang = OTHER[variant]
    page.hover(".md-header__option .md-select")
    page.locator(f'.md-select__link[hreflang="{lang}"]').click()
    page.wait_for_url(re.compile(rf".*/{other}/s03\.html(#s03-\d+)?$"))  # the heading read, if scrolled past one


def test_chooser_picks_the_reader_variant(browser, unzipped: Path, server: str, outside) -> None:
    from .conftest import _guard

    for locale, variant in (("zh-CN", "zh-cn"), ("zh-TW", "zh-tw")):
        ctx = browser.new_context(locale=locale)
        ctx.route("**/*", _guard(server, outside))
        try:
            page = ctx.new_page()
            page.goto((unzipped / "index.html").as_uri())
            page.wait_for_url(re.compile(rf".*/{variant}/index\.html$"))
        finally:
            ctx.close()
    assert outside.urls == []
