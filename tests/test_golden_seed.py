"""Golden files: the Markdown every page of the seed renders to, in both default variants.

A change in rendering shows up here as a readable diff.  After checking the diff by eye,
regenerate with ``UPDATE_GOLDENS=1 python -m pytest tests/test_golden_seed.py``.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from sitebuild import SEED
from zhwiki import pipeline
from zhwiki.views.edition import convert_edition

GOLDEN = Path(__file__).parent / "golden" / "seed"
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"


@pytest.fixture(scope="module")
def article() -> pipeline.Article:
    return pipeline.analyse(SEED.read_text(encoding="utf-8"), pipeline.Options(title="朝鲜战争"))


@pytest.mark.parametrize("variant", ["zh-cn", "zh-tw"])
def test_seed_pages_match_golden(article: pipeline.Article, variant: str) -> None:
    edition = convert_edition(article, variant, pipeline.Options(title="朝鲜战争"))
    folder = GOLDEN / variant
    produced = {p.path: f"# {p.title}\n\n{p.markdown}" for p in edition.pages}
    if UPDATE:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.md"):
            old.unlink()
        for path, text in produced.items():
            (folder / path).write_text(text, encoding="utf-8")
    expected = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))}
    assert sorted(expected) == sorted(produced), "pages added or removed"
    for path, text in produced.items():
        if text != expected[path]:
            diff = "".join(difflib.unified_diff(expected[path].splitlines(True), text.splitlines(True),
                                                f"golden/{variant}/{path}", "produced", n=1))
            pytest.fail(f"{variant}/{path} differs from its golden file:\n{diff[:4000]}")
