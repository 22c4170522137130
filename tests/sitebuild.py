"""Build helpers for the tests (imported by conftest and test modules)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "docs" / "article" / "korean-war.zh.wikitext"


def build_site(dest: Path, *, variants: str = "zh-cn zh-tw", source: Path = SEED, strict: bool = False,
               extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a real ``mkdocs build`` of the project into *dest* (the site root)."""
    env = dict(os.environ)
    env.update({"ZHWIKI_SOURCE": str(source), "ZHWIKI_VARIANTS": variants, "NO_MKDOCS_2_WARNING": "1",
                "SOURCE_DATE_EPOCH": "1700000000"})
    if Path(source).resolve() != SEED.resolve():
        env["ZHWIKI_TITLE"] = ""  # another article: its title comes from its own lead (make exports the seed's)
    env.update(extra_env or {})
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(dest)]
    if strict:
        cmd.append("--strict")
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
