"""Zip the built site (every variant plus the chooser page) into one offline bundle.

    python -m zhwiki.outputs.bundle --site site --out dist/korean-war-offline.zip
    python -m zhwiki.outputs bundle --site site --out dist --name korean-war

The zip holds one top folder named like the bundle (``korean-war/index.html``,
``korean-war/zh-cn/…``), so unzipping never scatters files.  Entries are sorted and stamped with
the SOURCE_DATE_EPOCH time, so the same site gives the same zip bytes.

Before zipping, the site is checked for what file:// needs: Material's inlined search index
(``search/search_index.js``, written by the offline plugin) and the vendored iframe-worker shim
(``make shim``); without them search silently fails offline, so the output refuses instead.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from .downloads import FOLDER, strip

if TYPE_CHECKING:
    from .edition import Edition

SHIM = "assets/vendor/iframe-worker/shim.js"
SEARCH_JS = "search/search_index.js"
#: Files that only make sense on a web server.
SKIP_NAMES = {"sitemap.xml", "sitemap.xml.gz"}


def variant_dirs(site: Path) -> list[Path]:
    """The per-variant folders of a built site (each has its own index.html and search)."""
    return sorted(p for p in site.iterdir() if p.is_dir() and (p / "index.html").is_file() and (p / "search").is_dir())


def problems(site: Path) -> list[str]:
    """What keeps the site from working offline, as messages (empty when it is fine)."""
    out = []
    if not (site / "index.html").is_file():
        out.append(f"{site}/index.html (the variant chooser) is missing; build the site first (make site)")
    variants = variant_dirs(site) if site.is_dir() else []
    if not variants:
        out.append(f"no variant folders in {site}; build the site first (make site)")
    for v in variants:
        if not (v / SEARCH_JS).is_file():
            out.append(f"{v / SEARCH_JS} is missing: enable Material's offline plugin in mkdocs.yml")
        if not (v / SHIM).is_file():
            out.append(f"{v / SHIM} is missing: run `make shim` (needs npm) and rebuild the site")
    return out


def zip_time(env: dict[str, str] | None = None) -> tuple[int, int, int, int, int, int]:
    """Entry timestamp: SOURCE_DATE_EPOCH if set (clamped to 1980, the zip epoch), else now."""
    env = os.environ if env is None else env
    raw = (env.get("SOURCE_DATE_EPOCH") or "").strip()
    epoch = int(raw) if raw.isdigit() else int(time.time())
    return time.gmtime(max(epoch, 315532800))[:6]


def bundle(site: Path, out: Path, root: str) -> int:
    """Write the zip; returns the number of files."""
    stamp = zip_time()
    published = site / FOLDER  # the downloads are not part of the offline copy, nor linked from it
    files = sorted(p for p in site.rglob("*") if p.is_file() and p.name not in SKIP_NAMES and published not in p.parents)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in files:
            info = zipfile.ZipInfo(f"{root}/{path.relative_to(site).as_posix()}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            data = path.read_bytes()
            if path.suffix == ".html":
                data = strip(data.decode("utf-8")).encode("utf-8")
            zf.writestr(info, data)
    tmp.replace(out)
    return len(files)


def write(edition: Edition, out_dir: Path) -> list[Path]:
    """The output interface (``python -m zhwiki.outputs bundle``): ``[out_dir/<name>-offline.zip]``.

    The zip's top folder is the edition's name.  Raises ValueError, with every problem, when the
    site would not work from file://.
    """
    issues = problems(edition.site)
    if issues:
        raise ValueError("; ".join(issues))
    out = out_dir / f"{edition.name}-offline.zip"
    bundle(edition.site, out, edition.name)
    return [out]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", default="site", type=Path)
    ap.add_argument("--out", required=True, type=Path, help="e.g. dist/korean-war-offline.zip")
    ap.add_argument("--root", help="top folder inside the zip (default: the zip name without -offline.zip)")
    args = ap.parse_args(argv)
    issues = problems(args.site)
    if issues:
        for msg in issues:
            print(f"bundle: {msg}", file=sys.stderr)
        return 1
    root = args.root or args.out.name.removesuffix(".zip").removesuffix("-offline")
    n = bundle(args.site, args.out, root)
    print(f"bundle: {args.out} ({n} files, {args.out.stat().st_size // 1024} KB); open {root}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
