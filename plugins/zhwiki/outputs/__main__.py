"""Write outputs from the built site: ``python -m zhwiki.outputs bundle epub zim --site site --out dist --name NAME``.

Prints one line per file written (path and size).  The PDFs (``python -m zhwiki.outputs.pdf``) and
the Markdown export (``python -m zhwiki.outputs.export_markdown``) keep command lines of their own:
they need a build folder and worker count, or mkdocs.yml and the wikitext, not the built site alone.  Exits 1 with a message when the site is not
built or ``SOURCE_DATE_EPOCH`` is unset.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from . import bundle, downloads, epub, zim
from .edition import Edition, load_edition

#: Output name → writer.  Adding an output is adding a module and a line here.
OUTPUTS: dict[str, Callable[[Edition, Path], list[Path]]] = {"bundle": bundle.write, "epub": epub.write, "zim": zim.write,
                                                            "downloads": downloads.write}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m zhwiki.outputs", description=__doc__.split("\n\n")[0])
    ap.add_argument("outputs", nargs="+", choices=sorted(OUTPUTS))
    ap.add_argument("--site", type=Path, default=Path("site"))
    ap.add_argument("--out", type=Path, default=Path("dist"))
    ap.add_argument("--name", required=True, help="file stem, e.g. korean-war")
    ap.add_argument("--variants", default="", help="variant codes to include (default: every built one)")
    ap.add_argument("--source-url", default="", help="the article's URL (default: from the 关于本版 page)")
    args = ap.parse_args(argv)
    try:
        edition = load_edition(args.site, args.name, variants=args.variants.split() or None, source_url=args.source_url)
    except (OSError, ValueError) as exc:
        print(f"outputs: {exc}", file=sys.stderr)
        return 1
    for name in args.outputs:
        for path in OUTPUTS[name](edition, args.out):
            print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
