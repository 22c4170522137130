"""Two builds of the same input give byte-identical site/ trees and offline zips.

The second build is compared against the session's shared build of the seed (conftest
``built_site``), so this costs one extra ``mkdocs build``.  Differences are listed by path, with
the first differing line of a text file, so that a regression names its cause.

The shared build forks a process per further variant and one for the parallel view (workers.py,
on any machine with two CPUs or more); the second build runs with ``ZHWIKI_JOBS=1``, one variant
after the other in one process, so the comparison also proves that forking changes no byte.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sitebuild import ROOT, build_site  # noqa: E402


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _first_difference(a: bytes, b: bytes) -> str:
    for i, (la, lb) in enumerate(zip(a.splitlines(), b.splitlines(), strict=False), 1):
        if la != lb:
            return f"line {i}: {la[:120]!r} != {lb[:120]!r}"
    return f"lengths {len(a)} != {len(b)}"


@pytest.fixture(scope="module")
def second_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("again") / "site"
    proc = build_site(dest, extra_env={"ZHWIKI_JOBS": "1"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return dest


@pytest.mark.slow
def test_two_builds_are_byte_identical(built_site: Path, second_build: Path) -> None:
    a, b = _tree(built_site), _tree(second_build)
    assert sorted(a) == sorted(b), f"file lists differ: {sorted(set(a) ^ set(b))[:20]}"
    assert len(a) > 20
    diffs = [f"{path}: {_first_difference(a[path], b[path])}" for path in a if a[path] != b[path]]
    assert not diffs, "builds differ:\n" + "\n".join(diffs[:20])


@pytest.mark.slow
def test_two_bundles_are_byte_identical(built_site: Path, second_build: Path, tmp_path: Path) -> None:
    zips = []
    for n, site in enumerate((built_site, second_build)):
        out = tmp_path / f"b{n}" / "edition-offline.zip"
        # The Makefile always exports SOURCE_DATE_EPOCH (the source's commit time); so does this test.
        env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
        proc = subprocess.run([sys.executable, "-m", "zhwiki.outputs.bundle", "--site", str(site), "--out", str(out)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr[-3000:]
        zips.append(out.read_bytes())
    assert zips[0] == zips[1]
