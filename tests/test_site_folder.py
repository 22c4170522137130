"""plugin.stale_outputs: a build leaves in the site folder only what it made (plus downloads and foreign files).

Tried as a new user would: `make` (zh-cn, zh-tw and the 简繁对照 view), then `make pdf VARIANTS="zh-hk zh-cn"`
for another article.  site/zh-tw and site/parallel of the first build stayed; the chooser linked the old
view and `make pdf` printed it as <new article>-parallel.pdf.
"""

from __future__ import annotations

from pathlib import Path

from zhwiki.plugin import stale_outputs


def _site(root: Path, *names: str) -> None:
    for name in names:
        (root / name).mkdir(parents=True)
        (root / name / "index.html").write_text("旧", encoding="utf-8")


def test_folders_of_variants_and_views_this_build_does_not_make_are_removed(tmp_path: Path) -> None:
    _site(tmp_path, "zh-cn", "zh-tw", "zh-hk", "parallel", "downloads", "notes")
    (tmp_path / "index.html").write_text("选择", encoding="utf-8")
    (tmp_path / "zh-sg").write_text("a file, not a folder", encoding="utf-8")
    assert stale_outputs(tmp_path, ["zh-hk", "zh-cn"], parallel_view=False) == ["parallel", "zh-tw"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["downloads", "index.html", "notes", "zh-cn", "zh-hk", "zh-sg"]


def test_a_build_with_the_same_settings_removes_nothing(tmp_path: Path) -> None:
    _site(tmp_path, "zh-cn", "zh-tw", "parallel", "downloads")
    assert stale_outputs(tmp_path, ["zh-cn", "zh-tw"], parallel_view=True) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["downloads", "parallel", "zh-cn", "zh-tw"]
    assert stale_outputs(tmp_path / "missing", ["zh-cn"], parallel_view=True) == []
