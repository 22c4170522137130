"""Benchmark: convert the whole article for one variant, next to zhconv-rs on the same text.

Not a test (speed is measured, never asserted).  The article is analysed once (parse and render
are variant-independent and cached in a real build); then, per variant, the median of N runs of

* ``ours``: ``pipeline.convert_edition`` — every page, rules and base table, tooltips and the
  用词对照 page included (what a build does per variant);
* ``engine``: the Converter alone over every page body (no page titles, no glossary);
* ``zhconv-rs``: ``zhconv(raw wikitext, variant, wikitext=True)`` in the same process on the same
  article (it parses ``-{…}-`` and noteTA itself, with MediaWiki's own tables).

zhconv-rs is a benchmark-only dependency (``pip install '.[bench]'``).  Usage::

    python scripts/bench_convert.py [--source FILE] [--runs 15] [--variants "zh-cn zh-tw"]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from zhwiki import pipeline  # noqa: E402
from zhwiki.conversion.engine import Converter  # noqa: E402
from zhwiki.source import decode  # noqa: E402
from zhwiki.views.edition import convert_edition  # noqa: E402


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and median CPU time (process_time) of *runs* calls, in milliseconds.

    CPU time is the steadier figure on a shared machine (other processes do not inflate it).
    """
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", default=str(ROOT / "docs/article/korean-war.zh.wikitext"))
    ap.add_argument("--title", default="朝鲜战争")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--variants", default="zh-cn zh-tw zh-hk zh-sg zh-hans zh-hant")
    args = ap.parse_args()
    variants = args.variants.replace(",", " ").split()

    raw = decode(Path(args.source).read_bytes(), args.source)
    options = pipeline.Options(title=args.title)
    t = time.perf_counter()
    article = pipeline.analyse(raw, options)
    print(f"analyse (once, variant-independent): {(time.perf_counter() - t) * 1000:.0f} ms")
    t = time.perf_counter()
    convert_edition(article, variants[0], options, built=variants)  # warm-up: loads OpenCC and phrase keys
    print(f"first conversion (loads OpenCC dictionaries and phrase keys): {(time.perf_counter() - t) * 1000:.0f} ms")

    try:
        from zhconv_rs import zhconv
    except ImportError:
        zhconv = None
        print("zhconv-rs not installed (pip install '.[bench]'): only our figures are shown")

    bodies = [p.body for p in article.pages]
    print(f"article: {len(raw):,} characters of wikitext, {sum(map(len, bodies)):,} of intermediate Markdown")
    print(f"median of {args.runs} runs, milliseconds: wall clock (CPU time in brackets)")
    print(f"{'variant':<9}{'ours':>16}{'engine':>16}{'zhconv-rs':>16}{'ratio (CPU)':>13}")
    for v in variants:
        ours = median_ms(lambda v=v: convert_edition(article, v, options, built=variants), args.runs)

        def engine_only(v: str = v) -> None:
            conv = Converter(v, article.blocks, article.page_rules)
            for b in bodies:
                conv.convert(b)

        eng = median_ms(engine_only, args.runs)
        cols = f"{v:<9}{_fmt(ours):>16}{_fmt(eng):>16}"
        if zhconv is not None:
            zr = median_ms(lambda v=v: zhconv(raw, v, True), args.runs)
            cols += f"{_fmt(zr):>16}{ours[1] / max(zr[1], 1e-6):>12.1f}×"
        print(cols)
    return 0


def _fmt(t: tuple[float, float]) -> str:
    return f"{t[0]:.1f} ({t[1]:.1f})"


if __name__ == "__main__":
    raise SystemExit(main())
