"""`make pdf` (and every target made from the site) builds the site only when it is out of date.

The Makefile's site target is a stamp (build/site-<settings>.stamp) that depends on what the site is
made from: the article, mkdocs.yml, the installed packages and every file under plugins/, overrides/
and docs/; other settings (SOURCE, VARIANTS, TITLE, images, build date) have another stamp.  Checked
on a copy of the Makefile in a scratch tree whose `mkdocs` only records that it ran.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not shutil.which("make"), reason="make missing")


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    files = ["pyproject.toml", "mkdocs.yml", "docs/article/korean-war.zh.wikitext", "docs/assets/vendor/iframe-worker/shim.js",
             "docs/assets/vendor/katex/katex.min.js", "plugins/zhwiki/plugin.py", "overrides/main.html", "scripts/system-deps.sh"]
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    mkdocs = tmp_path / ".venv/bin/mkdocs"
    mkdocs.parent.mkdir(parents=True)
    mkdocs.write_text('#!/bin/sh\necho "$ZHWIKI_VARIANTS" >> built.log\nmkdir -p site && echo x > site/index.html\n', encoding="utf-8")
    mkdocs.chmod(0o755)
    (tmp_path / ".venv/.installed").write_text("", encoding="utf-8")
    return tmp_path


def _site(tree: Path, *args: str) -> int:
    """Run `make site ARGS` in *tree*; return how many builds the log holds so far."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZHWIKI_", "SOURCE", "VARIANTS", "MAKE"))}
    env["SOURCE_DATE_EPOCH"] = "1700000000"  # else the scratch article's modification time, which _changed moves
    proc = subprocess.run(["make", "-s", "site", *args], cwd=tree, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    log = tree / "built.log"
    return len(log.read_text(encoding="utf-8").splitlines()) if log.is_file() else 0


def _changed(tree: Path, name: str) -> None:
    """*name* edited after the last build: every file of the tree aged by 100 s (their order kept), *name* written now."""
    for path in tree.rglob("*"):
        if path.is_file():
            st = path.stat()
            os.utime(path, (st.st_atime - 100, st.st_mtime - 100))
    path = tree / name
    path.write_text(path.read_text(encoding="utf-8") if path.is_file() else "x\n", encoding="utf-8")


@pytest.mark.parametrize("name", ["plugins/zhwiki/plugin.py", "docs/article/korean-war.zh.wikitext", "mkdocs.yml",
                                  "overrides/main.html", "plugins/zhwiki/new_module.py", ".venv/.installed"])
def test_site_is_built_once_then_only_when_something_changed(tree: Path, name: str) -> None:
    assert _site(tree) == 1          # fresh tree: built
    assert _site(tree) == 1          # up to date: not built again
    _changed(tree, name)
    assert _site(tree) == 2
    assert _site(tree) == 2


def test_files_left_out_of_the_site_do_not_rebuild_it(tree: Path) -> None:
    assert _site(tree) == 1
    for name in ("docs/benchmarks.md", "docs/conversion-differences.md", "plugins/zhwiki/__pycache__/plugin.cpython-311.pyc"):
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        _changed(tree, name)
        assert _site(tree) == 1, name


def test_other_settings_rebuild_and_a_removed_site_is_built_again(tree: Path) -> None:
    assert _site(tree) == 1
    assert _site(tree, "VARIANTS=zh-cn") == 2   # another set of variants
    assert _site(tree, "VARIANTS=zh-cn") == 2
    assert _site(tree) == 3                     # back to the default: site/ holds zh-cn only, so built again
    assert (tree / "built.log").read_text(encoding="utf-8").split() == ["zh-cn", "zh-tw", "zh-cn", "zh-cn", "zh-tw"]
    assert len(list((tree / "build").glob("site-*.stamp"))) == 1
    shutil.rmtree(tree / "site")
    assert _site(tree) == 4
