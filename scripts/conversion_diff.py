"""How far the base table is from zh.wikipedia's own table (``make conversion-diff``).

MediaWiki's conversion table is measured through zhconv-rs (the ``bench`` and ``test`` extras;
the edition itself never imports it).  Both converters get the same input, with no page rules:
every distinct run of Han characters in the source, converted on its own (a run ends at any
other character, so no phrase of either table spans two runs).  A run *differs* when the two
outputs are not equal.  The counts per variant are what issue 12 targets (zh-tw ≤ 30, zh-cn ≤ 10
on the seed) and what tests/test_conversion_wording.py asserts; every difference left is listed
with its reason in docs/conversion-differences.md.

Usage::

    python scripts/conversion_diff.py [--list] [--variants "zh-cn zh-tw"] FILE …
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

#: Han characters: CJK Unified Ideographs with extension A, compatibility ideographs, planes 2–3.
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+")


def han_runs(text: str) -> list[str]:
    """The distinct Han runs of *text*, sorted (deterministic order)."""
    return sorted(set(HAN_RUN.findall(text)))


def differences(text: str, variant: str) -> list[tuple[str, str, str]]:
    """``(run, ours, zh.wikipedia's)`` for every distinct Han run of *text* the two tables
    convert differently in *variant*.  Raises ImportError when zhconv-rs is not installed."""
    from zhconv_rs import zhconv

    from zhwiki.conversion.tables import base_table

    table = base_table(variant)
    out = []
    for run in han_runs(text):
        ours, theirs = table.convert(run), zhconv(run, variant)
        if ours != theirs:
            out.append((run, ours, theirs))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--variants", default="zh-cn zh-tw")
    ap.add_argument("--list", action="store_true", help="print every differing run")
    args = ap.parse_args(argv)
    try:
        import zhconv_rs  # noqa: F401
    except ImportError:
        print("zhconv-rs is not installed: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    for path in args.files:
        text = path.read_text(encoding="utf-8")
        for v in args.variants.split():
            diff = differences(text, v)
            print(f"{path}\t{v}\t{len(han_runs(text))} runs\t{len(diff)} differ")
            if args.list:
                for run, ours, theirs in diff:
                    print(f"  {run}\tours {ours}\tzh.wikipedia {theirs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
