"""Mutation and fuzz tests (hypothesis): no input may crash, hang or inject script.

Two generators:

* random edits of the real article (delete, duplicate or swap spans; insert braces, brackets
  and markup), run through the whole pipeline (analyse + both variants);
* random wikitext built from markup fragments.

For every input: no exception escapes, it takes at most 10× the unmutated article's own time
(a hang detector relative to this machine, not a speed target), no ``<script`` reaches any page,
and no private-use marker of the intermediate Markdown leaks into a page.

The run is bounded to about two minutes: ``ZHWIKI_FUZZ_EXAMPLES`` sets the number
of article mutations (default 16); the random-wikitext test runs ten times as many (they are small).  In CI
(``CI`` set) the examples are derandomized so that a run is reproducible.
"""

from __future__ import annotations

import os
import re
import signal
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))

from sitebuild import SEED  # noqa: E402
from zhwiki import pipeline  # noqa: E402
from zhwiki.views.edition import convert_edition  # noqa: E402

EXAMPLES = int(os.environ.get("ZHWIKI_FUZZ_EXAMPLES", "16"))
FUZZ = settings(
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)

TOKENS = [
    "{{", "}}", "[[", "]]", "{|", "|}", "|-", "|", "||", "!", "!!", "|+", "-{", "}-", "-{}-",
    "''", "'''", "''''", "'''''", "<ref>", "</ref>", "<ref name=a/>", '<ref name="a">', "<ref group=注>",
    "<!--", "-->", "<nowiki>", "</nowiki>", "<math>", "</math>", "<pre>", "</pre>", "<poem>", "</poem>",
    "<gallery>", "</gallery>", "<div>", "</div>", '<span style="x:expression(1)" onclick="y">', "</span>",
    "<script>", "</script>", "<SCRIPT>", "<blockquote>", "</blockquote>", "<syntaxhighlight lang=py>",
    "</syntaxhighlight>", "<references/>", "{{reflist}}", "{{reflist|group=注}}", "{{notelist}}",
    "{{lang|en|", "{{noteTA|1=zh-cn:甲;zh-tw:乙;}}", "{{NoteTag|注文}}", "{{r|a}}", "{{sfn|甲|2000|p=1}}",
    "[https://example.org ", "[javascript:alert(1) ", "[data:text/html,x ", "[", "]", "{", "}", "<", ">",
    "&", "&amp;", "&#x3c;script&#x3e;", "&#0;", "&#xD800;", "&#xe003;1&#xe004;", "&#x1b;", "\x00", "\x1b", "\ue000", "\ufeff", "\u202e",
    "\n", "\n\n", "\n== 节 ==\n", "\n=== 小节 ===\n", "\n==", "==\n", "\n* ", "\n# ", "\n; ", "\n: ",
    "\n*#:;", "\n----\n", "\n ", "=", "__TOC__", "__NOTOC__", "{{{1}}}", "{{{1|默认}}}", "#", "*",
    "[^x]", "{% raw %}", "{{ page.title }}", "\t", "中文", "简体", "繁體", "朝鲜", " ",
    "[[File:X.png|thumb|说明", "[[Category:分类]]", "[[en:Foo]]", "[[#锚点|", "~~~~", "$$",
]
_PUA = re.compile("[\ue000-\uf8ff]")


class _Timeout(Exception):
    pass


def _alarm(signum, frame):  # pragma: no cover - only when something hangs
    raise _Timeout()


def run_pipeline(raw: str, limit: float) -> float:
    """Analyse and convert *raw* in both variants; return the time taken, failing past *limit*.

    The time is the best of up to three runs: a run over the limit is repeated (cold, cache
    cleared) before it fails, so a stall of the machine is not taken for a slow input, while an
    input that is really slow stays over the limit every time.  If it is still over, the
    article's own time is measured again right then and the limit is 10× that when it is
    higher: a machine that has become slower for minutes (a shared virtual machine does) slows
    the article as much as the input, a slow input does not.
    """
    elapsed = _timed_run(raw, limit)
    for _ in range(2):
        if elapsed <= limit:
            break
        pipeline._CACHE.clear()
        elapsed = min(elapsed, _timed_run(raw, limit))
    if elapsed > limit:
        pipeline._CACHE.clear()
        own_now = _timed_run(SEED.read_text(encoding="utf-8") + "\n", 600)
        limit = max(limit, 10 * own_now)
    assert elapsed <= limit, f"input took {elapsed:.1f}s, more than {limit:.1f}s"
    return elapsed


def _timed_run(raw: str, limit: float) -> float:
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit + 1)
    start = time.perf_counter()
    try:
        article = pipeline.analyse(raw, pipeline.Options(title="朝鲜战争"))
        editions = [convert_edition(article, v) for v in ("zh-cn", "zh-tw")]
    except _Timeout:
        pytest.fail(f"input took longer than {limit:.1f}s (hang?)")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    elapsed = time.perf_counter() - start
    for ed in editions:
        for page in ed.pages:
            assert "<script" not in page.markdown.lower(), f"<script in {ed.variant}/{page.path}"
            assert not _PUA.search(page.markdown), f"IMD marker leaked into {ed.variant}/{page.path}"
            assert "\x00" not in page.markdown
    return elapsed


@pytest.fixture(scope="module")
def article_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def time_limit(article_text: str) -> float:
    """10× the unmutated article's own time on this machine: best of three cold runs, after a warm-up."""
    run_pipeline(article_text, 600)
    own = []
    for _ in range(3):
        pipeline._CACHE.clear()
        own.append(run_pipeline(article_text + "\n", 600))
    return 10 * min(own)


def _mutate(text: str, edits: list[tuple[str, int, int, str]]) -> str:
    n = len(text)
    for op, at, length, token in edits:
        at = at % (n + 1)
        end = min(n, at + length)
        if op == "delete":
            text = text[:at] + text[end:]
        elif op == "duplicate":
            text = text[:end] + text[at:end] + text[end:]
        elif op == "swap":
            other = (at * 7919 + length) % (len(text) + 1)
            a, b = sorted((at, other))
            a_end, b_end = min(a + length, b), min(b + length, len(text))
            text = text[:a] + text[b:b_end] + text[a_end:b] + text[a:a_end] + text[b_end:]
        else:
            text = text[:at] + token + text[at:]
        n = len(text)
    return text


EDITS = st.lists(
    st.tuples(
        st.sampled_from(["delete", "duplicate", "swap", "insert", "insert", "insert"]),
        st.integers(min_value=0, max_value=10**6),
        st.integers(min_value=0, max_value=3000),
        st.sampled_from(TOKENS),
    ),
    min_size=1,
    max_size=12,
)


@pytest.mark.slow
@settings(FUZZ, max_examples=EXAMPLES)
@given(edits=EDITS)
def test_mutated_article(article_text: str, time_limit: float, edits) -> None:
    run_pipeline(_mutate(article_text, edits), time_limit)


WIKITEXT = st.lists(
    st.one_of(st.sampled_from(TOKENS), st.text(alphabet=st.characters(codec="utf-8"), max_size=6)),
    max_size=80,
).map("".join)


@settings(FUZZ, max_examples=EXAMPLES * 10)
@given(raw=WIKITEXT)
def test_random_wikitext(time_limit: float, raw: str) -> None:
    run_pipeline(raw, time_limit)


def test_mutation_helper_really_mutates() -> None:
    """The generator is not a no-op (otherwise the fuzz test would test nothing)."""
    base = "甲乙丙丁戊己庚辛"
    assert _mutate(base, [("delete", 2, 3, "")]) == "甲乙己庚辛"
    assert _mutate(base, [("duplicate", 0, 2, "")]) == "甲乙甲乙丙丁戊己庚辛"
    assert _mutate(base, [("insert", 4, 0, "{{")]) == "甲乙丙丁{{戊己庚辛"
    assert _mutate(base, [("swap", 0, 2, "")]) == "丙丁甲乙戊己庚辛"
