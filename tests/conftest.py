"""Shared fixtures: one full build of the seed article per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitebuild import SEED, build_site

# Ages and {{CURRENTYEAR}} count to the build date.  The Makefile exports the seed's commit time,
# which changes with every commit; the tests pin one date (as sitebuild.py does for whole builds),
# so goldens stay byte for byte.
os.environ["SOURCE_DATE_EPOCH"] = "1700000000"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed built in both default variants; returns the site root (holding zh-cn/, zh-tw/)."""
    dest = tmp_path_factory.mktemp("site") / "site"
    proc = build_site(dest)
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    (dest.parent / "build.log").write_text(proc.stdout + proc.stderr, encoding="utf-8")
    return dest


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
