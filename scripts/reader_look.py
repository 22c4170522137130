"""Look at the EPUB and the ZIM the way readers show them: screenshots from real reader engines, offline.

Usage::

    .venv/bin/python scripts/reader_look.py --epub dist/korean-war-zh-cn.epub --zim dist/korean-war.zim --out build/look

EPUB: foliate-js (the engine of the Foliate e-reader; npm ``foliate-js``, fetched once into
``build/npm-foliate`` with ``npm pack`` and checked against a pinned SHA-256) renders the book
paginated in headless Chromium (``/usr/bin/chromium``), with foliate-js' own ``FootnoteHandler``
showing a ``noteref`` as a pop-up the way Foliate does.  Screenshots: the cover, the first page
holding a figure's image, and a footnote pop-up.  ZIM: Debian's ``kiwix-serve`` serves the file on
127.0.0.1; screenshots of the main page, a section with a figure, a footnote tooltip, and Kiwix's
full-text search for 仁川.  Every request outside 127.0.0.1 is refused.  Prints one line per
screenshot with what was measured (image size, footnote text), for the reviewer to read beside
the PNGs.  A developer tool: not part of the build or the tests.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import http.server
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLIATE = "foliate-js@1.0.1"
FOLIATE_SHA256 = "e8f55b3d6d9467e875274d6147be5db42034e91ba0e5bd6a446a6704ea6b43b9"
CHROMIUM = "/usr/bin/chromium"

READER_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>look</title>
<style>
html, body { margin: 0; height: 100%; background: #fff; }
#book { display: block; width: 100%; height: 100%; }
#pop { position: fixed; left: 6%; right: 6%; bottom: 4%; height: 34%; display: none; background: #fffef8;
       border: 1px solid #999; border-radius: 8px; box-shadow: 0 4px 18px rgba(0,0,0,.35); overflow: hidden; }
#pop foliate-view { display: block; width: 100%; height: 100%; }
</style></head>
<body><foliate-view id="book"></foliate-view><div id="pop"></div>
<script type="module">
import './foliate/view.js'
import { FootnoteHandler } from './foliate/footnotes.js'
const view = document.getElementById('book'), pop = document.getElementById('pop')
const notes = new FootnoteHandler()
notes.addEventListener('before-render', e => {
  const v = e.detail.view
  v.addEventListener('link', ev => ev.preventDefault())
  v.renderer.setAttribute('flow', 'scrolled')
  v.renderer.setAttribute('margin', '12px')
  pop.replaceChildren(v)
  pop.style.display = 'block'
})
notes.addEventListener('render', e => {
  window.lookNote = { type: e.detail.type, hidden: e.detail.hidden,
                      text: (e.detail.view.renderer.getContents()[0]?.doc.body.textContent || '').trim() }
})
view.addEventListener('link', e => notes.handle(view.book, e)?.catch(err => console.error(err)))
await view.open(new URLSearchParams(location.search).get('url'))
view.renderer.setAttribute('flow', 'paginated')
window.look = view
window.lookReady = true
</script></body></html>
"""


def foliate() -> Path:
    """The unpacked foliate-js package (fetched from the npm registry once, hash-checked)."""
    dest = ROOT / "build" / "npm-foliate"
    pkg = dest / "package"
    if (pkg / "view.js").is_file():
        return pkg
    if not shutil.which("npm"):
        sys.exit("reader_look: npm not found (apt-get install npm)")
    dest.mkdir(parents=True, exist_ok=True)
    out = subprocess.run(["npm", "pack", "--silent", FOLIATE], cwd=dest, capture_output=True, text=True, check=True)
    tgz = dest / out.stdout.strip().splitlines()[-1]
    digest = hashlib.sha256(tgz.read_bytes()).hexdigest()
    if digest != FOLIATE_SHA256:
        sys.exit(f"reader_look: {tgz.name} has SHA-256 {digest}, expected {FOLIATE_SHA256}")
    with tarfile.open(tgz) as tar:
        tar.extractall(dest, filter="data")
    return pkg


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_port}"


def local_only(context: object) -> list[str]:
    """Refuse every request that leaves 127.0.0.1; returns the list of refused URLs."""
    refused: list[str] = []

    def guard(route: object) -> None:
        url = route.request.url
        host = urllib.parse.urlsplit(url).hostname or ""
        if url.startswith(("blob:", "data:", "about:")) or host == "127.0.0.1":
            route.continue_()
        else:
            refused.append(url)
            route.abort()

    context.route("**/*", guard)
    return refused


def look_epub(browser: object, epub: Path, out: Path, size: tuple[int, int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copytree(foliate(), folder / "foliate")
        shutil.copy(epub, folder / "book.epub")
        (folder / "look.html").write_text(READER_HTML, encoding="utf-8")
        httpd, base = serve(folder)
        ctx = browser.new_context(viewport={"width": size[0], "height": size[1]}, device_scale_factor=1)
        refused = local_only(ctx)
        page = ctx.new_page()
        page.set_default_timeout(30000)
        try:
            page.goto(f"{base}/look.html?url=book.epub")
            page.wait_for_function("window.lookReady === true")
            stem = f"epub-{epub.stem}-{size[0]}x{size[1]}"
            page.evaluate("look.goTo(0)")
            page.wait_for_timeout(800)
            page.screenshot(path=str(out / f"{stem}-1-cover.png"))
            print(f"{stem}-1-cover.png: cover")
            # The first spine document holding an <img>, and that image brought into view.
            found = page.evaluate("""async () => {
              const sections = look.book.sections
              for (let i = 0; i < sections.length; i++) {
                const doc = await sections[i].createDocument?.()
                if (doc && doc.querySelector('figure img')) {
                  await look.renderer.goTo({ index: i, anchor: d => d.querySelector('figure img') })
                  return i
                }
              }
              return -1
            }""")
            page.wait_for_timeout(1200)
            img = page.evaluate("""() => { const doc = look.renderer.getContents()[0].doc, im = doc.querySelector('figure img');
              return im ? { w: im.naturalWidth, h: im.naturalHeight, shown: Math.round(im.getBoundingClientRect().width),
                            caption: (im.closest('figure').querySelector('figcaption') || {}).textContent || '' } : null }""")
            page.screenshot(path=str(out / f"{stem}-2-figure.png"))
            print(f"{stem}-2-figure.png: spine {found}, image {img}")
            # A footnote reference after that figure, brought into view and tapped.
            note_target = page.evaluate("""async () => {
              const EPUB_NS = 'http://www.idpf.org/2007/ops'
              const doc = look.renderer.getContents()[0].doc, index = look.renderer.getContents()[0].index
              const refs = [...doc.querySelectorAll('a')].filter(a => a.getAttributeNS(EPUB_NS, 'type') === 'noteref')
              if (!refs.length) return null
              const a = refs[Math.min(2, refs.length - 1)]
              a.setAttribute('data-look', '1')
              await look.renderer.goTo({ index, anchor: d => d.querySelector('a[data-look]') })
              return a.textContent
            }""")
            page.wait_for_timeout(800)
            page.evaluate("() => look.renderer.getContents()[0].doc.querySelector('a[data-look]').click()")
            page.wait_for_function("window.lookNote !== undefined", timeout=15000)
            page.wait_for_timeout(1000)
            note = page.evaluate("window.lookNote")
            page.screenshot(path=str(out / f"{stem}-3-footnote.png"))
            print(f"{stem}-3-footnote.png: noteref [{note_target}] → pop-up {note['type']}: {note['text'][:120]!r}")
        finally:
            ctx.close()
            httpd.shutdown()
            httpd.server_close()
        if refused:
            print(f"refused requests outside 127.0.0.1: {refused[:5]}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def look_zim(browser: object, zim: Path, out: Path, size: tuple[int, int]) -> None:
    if not shutil.which("kiwix-serve"):
        print("kiwix-serve missing: apt-get install kiwix-tools")
        return
    port = _free_port()
    server = subprocess.Popen(["kiwix-serve", "--address=127.0.0.1", f"--port={port}", str(zim)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(base + "/", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        book = zim.stem
        ctx = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="zh-CN")
        refused = local_only(ctx)
        page = ctx.new_page()
        page.set_default_timeout(30000)
        stem = f"zim-{zim.stem}-{size[0]}x{size[1]}"
        page.goto(f"{base}/{book}/index.html")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(out / f"{stem}-1-main.png"))
        print(f"{stem}-1-main.png: main page {page.title()!r}")
        for variant in ("zh-cn", "zh-tw"):
            for n in range(1, 10):
                page.goto(f"{base}/{book}/{variant}/s{n:02d}.html")
                if page.locator("article figure img").count():
                    break
            fig = page.locator("article figure img").first
            fig.scroll_into_view_if_needed()
            page.wait_for_function("document.querySelector('article figure img').complete")
            box = page.evaluate("""() => { const im = document.querySelector('article figure img');
              return { w: im.naturalWidth, shown: Math.round(im.getBoundingClientRect().width), type: im.src.split('.').pop(),
                       caption: im.closest('figure').querySelector('figcaption').textContent.trim().slice(0, 80) } }""")
            page.screenshot(path=str(out / f"{stem}-2-figure-{variant}.png"))
            print(f"{stem}-2-figure-{variant}.png: {page.url.rsplit('/', 1)[-1]} image {box}")
        ref = page.locator("article a.footnote-ref").nth(3)
        ref.scroll_into_view_if_needed()
        ref.hover()
        page.wait_for_timeout(1200)
        tip = page.evaluate("() => (document.querySelector('.md-tooltip2--active, .md-tooltip--active, [role=tooltip]') || {}).textContent || ''")
        page.screenshot(path=str(out / f"{stem}-3-footnote.png"))
        print(f"{stem}-3-footnote.png: hovered [{ref.text_content()}] → tooltip {tip.strip()[:100]!r}")
        page.goto(f"{base}/{book}/zh-tw/index.html")  # Kiwix's own search box, in its toolbar
        box = page.locator("#kiwixsearchbox")
        box.fill("仁川")
        box.press("Enter")
        page.wait_for_url("**/search?**")
        page.wait_for_load_state("networkidle")
        results = {v: page.locator(f'a[href*="/{book}/{v}/"]').count() for v in ("zh-cn", "zh-tw", "parallel")}
        page.screenshot(path=str(out / f"{stem}-4-search.png"))
        print(f"{stem}-4-search.png: 仁川 → result links per folder {results}")
        ctx.close()
        if refused:
            print(f"refused requests outside 127.0.0.1: {refused[:5]}")
    finally:
        server.terminate()
        server.wait(timeout=10)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--epub", type=Path, action="append", default=[], help="an EPUB to open (repeatable)")
    ap.add_argument("--zim", type=Path, help="the ZIM to serve with kiwix-serve")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "look")
    ap.add_argument("--size", default="600x800", help="EPUB viewport, an e-reader's page (default 600x800)")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    w, h = (int(x) for x in args.size.split("x"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            for epub in args.epub:
                look_epub(browser, epub, args.out, (w, h))
            if args.zim:
                look_zim(browser, args.zim, args.out, (1280, 900))
                look_zim(browser, args.zim, args.out, (390, 844))
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
