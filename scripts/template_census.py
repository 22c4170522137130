"""Template census: how well the edition handles articles nobody has tested.

Developer tool. For each ``*.wikitext`` file given (or every one in the folders given) it runs
the pipeline (``analyse`` + ``convert_edition`` for zh-cn and zh-tw) and reports, per article:

* unknown-template calls (``article.diag.unknown_templates``), by name;
* infobox parameters shown without a label (``article.diag.unlabelled_params``);
* leaks: raw markup a reader would see in the Markdown (``{{``, ``{{{``, ``[[``, ``[http``,
  ``-{``, ``'''``, TeX commands outside math spans);
* missing labels: country, party, date and language names that did not come out (``unknown
  country`` defects and unknown code-like templates such as ``{{HKG-1959}}``), and formulas
  KaTeX rejects (``math`` defects).

Then totals and the average of unknown calls per article, and the most common unknown names,
so that the commonest gaps can be fixed first.

    .venv/bin/python scripts/template_census.py /tmp/coverage [--names 30]

The articles are not part of the repository (zh.wikipedia text, CC BY-SA 4.0); keep them outside.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))

from zhwiki.pipeline import Options, analyse, convert_edition  # noqa: E402

#: Markup that must never reach a reader (checked outside code spans, math and HTML comments).
LEAKS = {
    "{{{": re.compile(r"\{\{\{"),
    "{{": re.compile(r"(?<!\{)\{\{(?!\{)"),
    "[http": re.compile(r"\[(?:https?:)?//[^\]\n]*\](?!\()"),
    "[[": re.compile(r"\[\["),
    "-{": re.compile(r"-\{"),
    "'''": re.compile(r"'''"),
    "TeX": re.compile(r"\\(?:frac|mathrm|mathbf|mbox|text|begin|end|sqrt|alpha|beta|operatorname|lim|int|"
                      r"sum|left|right|cdot|infty|Rightarrow|over)\b"),
}
_SKIP = re.compile(r"`[^`\n]*`|\$\$.*?\$\$|\\\(.*?\\\)|\\\[.*?\\\]|<!--.*?-->|<span class=\"arithmatex\">.*?</span>",
                   re.S)


def leaks(markdown: str) -> Counter[str]:
    text = _SKIP.sub("", markdown)
    found: Counter[str] = Counter()
    for name, rx in LEAKS.items():
        n = len(rx.findall(text))
        if n:
            found[name] += n
    return found


#: Unknown template names written like codes (``{{HKG-1959}}``, ``{{ROCN}}``): flags and parties.
_CODE_LIKE = re.compile(r"[A-Z]{2,6}(?:-[A-Z0-9]{2,6})*")


def missing_labels(article) -> Counter[str]:
    """Labels a reader lost: country/party names (``unknown country`` defects, unknown code-like
    templates), language and date templates that fell through, formulas KaTeX rejects."""
    found: Counter[str] = Counter()
    for d in article.diag.defects:
        if d.kind == "unknown country":
            found["country"] += 1
        elif d.kind == "math":
            found["formula"] += 1
    for name, n in article.diag.unknown_templates.items():
        low = name.lower()
        if _CODE_LIKE.fullmatch(name):
            found["country"] += n
        elif low.startswith("lang") or low.endswith(" icon") or low in ("japanese", "korean", "chinese"):
            found["language"] += n
        elif "date" in low or low in ("bd", "birth", "death"):
            found["date"] += n
    return found


def census(path: Path) -> tuple[Counter[str], Counter[str], Counter[str], Counter[str]]:
    raw = path.read_text(encoding="utf-8")
    article = analyse(raw, Options(title=path.stem))
    leak: Counter[str] = Counter()
    for variant in ("zh-cn", "zh-tw"):
        edition = convert_edition(article, variant)
        for page in edition.pages:
            leak += leaks(page.markdown)
    return (Counter(article.diag.unknown_templates), Counter(article.diag.unlabelled_params), leak,
            missing_labels(article))


def wikitext_files(paths: list[Path]) -> list[Path]:
    """The files named, and the ``*.wikitext`` files of the folders named (sorted), in argument order."""
    files: list[Path] = []
    for p in paths:
        files += sorted(p.glob("*.wikitext")) if p.is_dir() else [p]
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", type=Path, help="wikitext files or folders of them")
    ap.add_argument("--names", type=int, default=30, help="how many of the commonest unknown names to list")
    args = ap.parse_args(argv)
    files = wikitext_files(args.paths)
    if not files:
        print("no .wikitext files given", file=sys.stderr)
        return 2
    all_unknown: Counter[str] = Counter()
    all_unlabelled: Counter[str] = Counter()
    all_leaks: Counter[str] = Counter()
    all_missing: Counter[str] = Counter()
    for f in files:
        unknown, unlabelled, leak, missing = census(f)
        all_unknown += unknown
        all_unlabelled += unlabelled
        all_leaks += leak
        all_missing += missing
        print(f"{f.stem}: unknown {sum(unknown.values())} "
              f"({', '.join(f'{k}×{v}' for k, v in unknown.most_common())}); "
              f"unlabelled {sum(unlabelled.values())} ({', '.join(unlabelled)}); "
              f"leaks {dict(leak) or 0}; missing labels {dict(missing) or 0}")
    n = len(files)
    total = sum(all_unknown.values())
    print(f"\narticles: {n}; unknown-template calls: {total} (average {total / n:.2f} per article); "
          f"unlabelled params: {sum(all_unlabelled.values())}; leaks: {dict(all_leaks) or 0}; "
          f"missing labels: {dict(all_missing) or 0}")
    if all_unknown:
        print("commonest unknown: " + ", ".join(f"{k}×{v}" for k, v in all_unknown.most_common(args.names)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
