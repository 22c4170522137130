"""Print every variant's print page to an A4 PDF with headless Chromium (Debian's, never a download).

    python scripts/pdf.py --site site --out dist --name korean-war --variants "zh-cn zh-tw"

Fonts: Chromium embeds a CFF-flavoured CJK font from a .ttc (Noto Sans CJK) as a Type 3 font,
which many PDF tools handle badly.  So Chromium runs with a private FONTCONFIG_FILE that knows only
TrueType fonts (Debian's /usr/share/fonts/truetype, with WenQuanYi Zen Hei for CJK), and every
font in the PDF is then embedded as an outline CID TrueType font.  Nothing is installed for this.

Page numbers come from the print page's own CSS (``@page`` margin boxes, in Chinese), so the
Playwright route and the plain ``chromium --print-to-pdf`` fallback give the same pages; the
Playwright route also asks for a tagged PDF with an outline (bookmarks) built from the headings.

When Chromium or a TrueType CJK font is missing, the script says exactly what to install and
exits 0, so ``make`` still builds everything else.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]
TRUETYPE_DIR = Path("/usr/share/fonts/truetype")
#: TrueType-outline CJK fonts Debian ships (package in the comment), best first.
CJK_FONTS = (
    ("wqy/wqy-zenhei.ttc", "WenQuanYi Zen Hei", "fonts-wqy-zenhei"),
    ("wqy/wqy-microhei.ttc", "WenQuanYi Micro Hei", "fonts-wqy-microhei"),
    ("arphic/uming.ttc", "AR PL UMing TW", "fonts-arphic-uming"),
)


def find_chromium() -> str | None:
    """Debian's Chromium binary, if installed."""
    for c in CHROMIUM_CANDIDATES:
        path = shutil.which(c)
        if path:
            return path
    return None


def find_cjk_font(root: Path = TRUETYPE_DIR) -> tuple[Path, str] | None:
    """The first TrueType CJK font found, with its family name."""
    for rel, family, _pkg in CJK_FONTS:
        if (root / rel).is_file():
            return root / rel, family
    return None


def write_fontconfig(build_dir: Path, font: Path, family: str, root: Path = TRUETYPE_DIR) -> Path:
    """A fonts.conf that sees only TrueType fonts and prefers *family* for every generic family.

    The other CJK fonts are rejected: WenQuanYi Micro Hei, picked as a fallback for some runs,
    came out as Type 3 glyphs in Chromium's PDF (measured), while Zen Hei stays CID TrueType.
    """
    build_dir.mkdir(parents=True, exist_ok=True)
    cache = build_dir / "cache"
    aliases = "\n".join(
        f"  <alias binding=\"strong\"><family>{g}</family><prefer><family>{family}</family></prefer></alias>"
        for g in ("sans-serif", "serif", "monospace", "system-ui")
    )
    reject = "".join(
        f"<glob>{root / rel}</glob>" for rel, _f, _p in CJK_FONTS if (root / rel).resolve() != font.resolve()
    )
    conf = build_dir / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{root}</dir>\n  <cachedir>{cache.resolve()}</cachedir>\n"
        f"  <selectfont><rejectfont>{reject}</rejectfont></selectfont>\n{aliases}\n</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def print_with_playwright(chromium: str, env: dict[str, str], jobs: list[tuple[Path, Path]]) -> None:
    """Tagged PDFs with an outline, page size and numbers from the page's CSS."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, env=env)
        try:
            page = browser.new_page(color_scheme="light")
            for html, pdf in jobs:
                page.goto(html.resolve().as_uri(), wait_until="load")
                page.evaluate("document.fonts.ready.then(() => true)")
                page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True, print_background=True,
                         outline=True, tagged=True)
        finally:
            browser.close()


def print_with_cli(chromium: str, env: dict[str, str], jobs: list[tuple[Path, Path]]) -> None:
    """The same PDFs from the command line, when Playwright is not installed."""
    for html, pdf in jobs:
        subprocess.run(
            [chromium, *CHROMIUM_ARGS, "--no-pdf-header-footer", "--generate-pdf-document-outline",
             f"--print-to-pdf={pdf.resolve()}", html.resolve().as_uri()],
            env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300,
        )


def type3_fonts(pdf: Path) -> list[str] | None:
    """Names of Type 3 fonts in *pdf* (None when pdffonts is not installed)."""
    if not shutil.which("pdffonts"):
        return None
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split()[0] for line in out.splitlines()[2:] if " Type 3 " in line]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", default="site", type=Path)
    ap.add_argument("--out", default="dist", type=Path)
    ap.add_argument("--name", required=True, help="file name stem, e.g. korean-war")
    ap.add_argument("--variants", default="zh-cn zh-tw", help="space-separated variant codes")
    ap.add_argument("--build-dir", default="build/pdf", type=Path)
    ap.add_argument("--cli", action="store_true", help="use chromium --print-to-pdf instead of Playwright")
    args = ap.parse_args(argv)

    chromium = find_chromium()
    font = find_cjk_font()
    missing = ([] if chromium else ["chromium"]) + ([] if font else [CJK_FONTS[0][2]])
    if missing:
        print(f"pdf: skipped, missing Debian packages: {' '.join(missing)}\n"
              f"pdf: install them with: sudo apt-get install {' '.join(missing)}  (or run `make system` as root)")
        return 0
    assert chromium and font

    variants = args.variants.replace(",", " ").split()
    jobs = []
    for v in variants:
        html = args.site / v / "print.html"
        if not html.is_file():
            print(f"pdf: {html} not found; build the site first (make site)", file=sys.stderr)
            return 1
        jobs.append((html, args.out / f"{args.name}-{v}.pdf"))
    args.out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, FONTCONFIG_FILE=str(write_fontconfig(args.build_dir / "fontconfig", font[0], font[1]).resolve()))

    use_cli = args.cli
    if not use_cli:
        try:
            import playwright  # noqa: F401
        except ImportError:
            use_cli = True
    (print_with_cli if use_cli else print_with_playwright)(chromium, env, jobs)

    status = 0
    for _html, pdf in jobs:
        bad = type3_fonts(pdf)
        note = "" if bad is None else (" fonts: no Type 3" if not bad else f" Type 3 fonts: {', '.join(bad)}")
        print(f"pdf: {pdf} ({pdf.stat().st_size // 1024} KB){note}")
        if bad:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
