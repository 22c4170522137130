"""workers.py (forked builds) on its own, and the plugin's use of it in real builds.

The unit tests fork tiny functions; the build tests check what a user sees: a defect found while
a forked child converts zh-tw is in the parent's summary exactly as in a one-process build, and a
child that fails makes ``mkdocs build`` fail with a message naming what failed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sitebuild import ROOT, build_site  # noqa: E402
from zhwiki import workers  # noqa: E402

pytestmark = pytest.mark.skipif(not workers.can_fork(), reason="needs os.fork")


def test_result_comes_back_and_the_child_changes_nothing_here() -> None:
    box = {"n": 1}

    def work() -> dict[str, object]:
        box["n"] = 99  # the child's copy only
        return {"pid": os.getpid(), "text": "韓戰", "n": box["n"]}

    got = workers.run_forked("test", work).result()
    assert got["text"] == "韓戰" and got["n"] == 99 and got["pid"] != os.getpid()
    assert box["n"] == 1


def test_an_exception_in_the_child_is_raised_here_with_its_label() -> None:
    def work() -> None:
        raise ValueError("第 3 行有问题")

    w = workers.run_forked("the zh-tw build", work)
    with pytest.raises(workers.WorkerError) as info:
        w.result()
    assert "the zh-tw build" in str(info.value) and "第 3 行有问题" in str(info.value)
    assert isinstance(info.value.original, ValueError)


def test_a_child_that_dies_without_a_result_is_an_error() -> None:
    w = workers.run_forked("dying", lambda: os._exit(3))
    with pytest.raises(workers.WorkerError, match="without a result"):
        w.result()


def test_stop_ends_a_running_child() -> None:
    w = workers.run_forked("sleeper", lambda: time.sleep(60))
    t = time.perf_counter()
    workers.stop(w)
    assert time.perf_counter() - t < 30  # not the 60 s the child would sleep
    with pytest.raises(ChildProcessError):
        os.waitpid(w.pid, os.WNOHANG)  # reaped


def test_lower_priority_applies_to_the_child_only() -> None:
    before = os.nice(0)

    def work() -> int:
        workers.lower_priority(5)
        return os.nice(0)

    assert workers.run_forked("nice", work).result() == min(before + 5, 19)
    assert os.nice(0) == before


def test_batch_runs_at_most_limit_at_once_and_returns_in_order(tmp_path: Path) -> None:
    log = tmp_path / "events"

    def task(i: int) -> int:
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"start {i}\n")
        time.sleep(0.2)
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"end {i}\n")
        return i * i

    batch = workers.Batch(limit=2)
    for i in range(5):
        batch.add(f"task {i}", lambda i=i: task(i), first=(i == 4))
    assert batch.finish() == [0, 1, 4, 9, 16]  # the order added, whatever the order run
    events = log.read_text(encoding="utf-8").split()
    running = peak = 0
    for word in events[::2]:
        running += 1 if word == "start" else -1
        peak = max(peak, running)
    assert peak == 2
    assert events[:2] == ["start", "4"] or events[2:4] == ["start", "4"]  # first=True starts at once


def test_batch_stops_starting_after_a_failure_and_raises_the_first(tmp_path: Path) -> None:
    marker = tmp_path / "ran"

    def bad() -> None:
        raise RuntimeError("坏了")

    def later() -> None:
        marker.write_text("x", encoding="utf-8")

    batch = workers.Batch(limit=1)
    batch.add("bad", bad)
    batch.add("later", later)
    with pytest.raises(workers.WorkerError, match="bad: 坏了"):
        batch.finish()
    assert not marker.exists()


def test_available_cpus_is_positive() -> None:
    assert workers.available_cpus() >= 1


# -- real builds ------------------------------------------------------------------------------------
ARTICLE = "'''甲'''是一个测试。\n\n-{zh-cn:只有简体;}-的文字。\n\n== 一节 ==\n正文。\n"


def _summary(log: str) -> list[str]:
    """The zhwiki warnings and the block of problems in the source (its head and indented lines)."""
    out, in_block = [], False
    for ln in log.splitlines():
        in_block = ("Problems in the source article" in ln) or (in_block and ln.startswith("  "))
        if in_block or ("zhwiki:" in ln and "WARNING" in ln):
            out.append(ln)
    return out


@pytest.mark.slow
def test_defects_found_in_a_child_are_reported_like_in_one_process(tmp_path: Path) -> None:
    src = tmp_path / "a.wikitext"
    src.write_text(ARTICLE, encoding="utf-8")
    logs = {}
    for jobs in ("1", "2"):
        proc = build_site(tmp_path / f"site{jobs}", source=src, extra_env={"ZHWIKI_JOBS": jobs})
        assert proc.returncode == 0, proc.stderr[-3000:]
        logs[jobs] = _summary(proc.stdout + proc.stderr)
    assert any("has no text for zh-tw" in ln and "line 3" in ln for ln in logs["2"]), logs["2"]
    assert logs["1"] == logs["2"]
    # Only the parent reports: the child's finding is in the log once.
    assert sum("has no text for zh-tw" in ln for ln in logs["2"]) == 1


@pytest.mark.slow
def test_a_failing_child_fails_the_build_and_says_which(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    """The parallel view fails in its forked child: the build stops with its name; zh-cn is still built."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from zhwiki.views import parallel

    src = tmp_path / "a.wikitext"
    src.write_text(ARTICLE, encoding="utf-8")
    for name, value in {"ZHWIKI_SOURCE": str(src), "ZHWIKI_VARIANTS": "zh-cn zh-tw", "ZHWIKI_TITLE": "",
                        "ZHWIKI_JOBS": "2", "SOURCE_DATE_EPOCH": "1700000000"}.items():
        monkeypatch.setenv(name, value)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("对照视图坏了")

    monkeypatch.setattr(parallel, "build", broken)  # inherited by the forked child
    site = tmp_path / "site"
    cfg = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site))
    cfg.plugins.on_startup(command="build", dirty=False)
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):  # MkDocs logs the plugin's error, then aborts
        build(cfg)
    assert any("the parallel view" in r.getMessage() and "对照视图坏了" in r.getMessage() for r in caplog.records)
    assert (site / "zh-cn" / "index.html").is_file()
    assert (site / "zh-tw" / "index.html").is_file()  # the other child finished its variant
