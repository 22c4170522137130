"""A plain `mkdocs build` without SOURCE_DATE_EPOCH dates the edition by the article file, not 1970.

Ages ({{Start date and age}}) count to the build date; make sets SOURCE_DATE_EPOCH, a bare
`mkdocs build` does not, and then the article file's modification time is the build date.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import ROOT

pytestmark = pytest.mark.slow


def test_ages_count_to_the_article_files_date_when_no_epoch_is_given(tmp_path: Path) -> None:
    src = tmp_path / "a.zh.wikitext"
    src.write_text("'''某路'''于{{Start date and age|2000|1|1}}通车。\n== 历史 ==\n正文。\n", encoding="utf-8")
    os.utime(src, (1700000000, 1700000000))  # 2023-11-14
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "ZHWIKI_TITLE")}
    env.update({"ZHWIKI_SOURCE": str(src), "ZHWIKI_VARIANTS": "zh-cn", "NO_MKDOCS_2_WARNING": "1"})
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"),
                        "-d", str(tmp_path / "site")], env=env, capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr[-2000:]
    html = (tmp_path / "site" / "zh-cn" / "index.html").read_text(encoding="utf-8")
    assert "2000年1月1日（23年前）" in html
