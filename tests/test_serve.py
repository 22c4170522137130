"""`mkdocs serve` serves every variant and rebuilds when the wikitext changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from sitebuild import ROOT

ARTICLE = "{{noteTA\n|1=zh-cn:朝鲜战争; zh-tw:韓戰;\n}}\n朝鲜战争是一场战争。\n== 背景 ==\n{marker}\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, needle: str, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        page = _get(url)
        if page is not None and needle in page:
            return True
        time.sleep(0.5)
    return False


@pytest.mark.slow
def test_serve_shows_both_variants_and_rebuilds_on_edit(tmp_path: Path) -> None:
    src = tmp_path / "article.wikitext"
    src.write_text(ARTICLE.replace("{marker}", "第一版正文"), encoding="utf-8")
    port = _free_port()
    env = dict(os.environ, ZHWIKI_SOURCE=str(src), ZHWIKI_VARIANTS="zh-cn zh-tw", NO_MKDOCS_2_WARNING="1")
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")  # a file: a full pipe would block the server
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(ROOT / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        assert _wait_for(f"{base}/zh-cn/s01.html", "第一版正文", 120), "zh-cn not served"
        assert _wait_for(f"{base}/zh-tw/s01.html", "第一版正文", 30), "zh-tw not served"
        assert "韓戰" in (_get(f"{base}/zh-tw/index.html") or "")
        time.sleep(1.0)
        src.write_text(ARTICLE.replace("{marker}", "第二版正文"), encoding="utf-8")
        assert _wait_for(f"{base}/zh-cn/s01.html", "第二版正文", 90), "zh-cn not rebuilt after the edit"
        assert _wait_for(f"{base}/zh-tw/s01.html", "第二版正文", 30), "zh-tw not rebuilt after the edit"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
