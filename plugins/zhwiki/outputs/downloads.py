"""Publish the downloads `make` wrote with the site: ``python -m zhwiki.outputs downloads``.

The offline zip, the PDFs (per variant and 简繁对照), the EPUBs and the ZIM are written to
``dist/`` from the built site, so the site cannot link them when it is built.  This output runs
last (``make`` ends with it): it copies every one of them that exists for this build into
``site/downloads/`` and fills two places the site leaves empty for them:

* the root chooser's list of downloads (``site/index.html``), each with its size;
* each variant page's footer link to the PDF of its variant.

Only files at least as new as the site's build are published, so a file left from an earlier
build is never offered as this one.  The offline zip and the ZIM are copies of the site: they
carry neither ``downloads/`` nor these links (:func:`strip`, used by bundle.py and zim.py), so
nothing in them points at a file they lack.
"""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..views.about import variant_label

if TYPE_CHECKING:
    from .edition import Edition

#: The folder of the site that holds the published downloads.
FOLDER = "downloads"
#: The chooser's slot for the list (plugin.py writes it empty).
LIST_SLOT = "<!-- zhwiki:downloads -->"
#: A variant page footer's slot for its PDF link (plugin.py writes it empty), with the variant code.
PDF_SLOT = "<!-- zhwiki:pdf {variant} -->"
_END = "<!-- /zhwiki -->"
_FILLED = re.compile(r"(<!-- zhwiki:(?:downloads|pdf [a-z-]+) -->).*?<!-- /zhwiki -->", re.S)

#: Kinds of download, as named in both scripts (file names as pdf.py, epub.py, zim.py, bundle.py write them).
KINDS = {
    "zip": "离线包 · 離線包（zip）",
    "pdf": "PDF",
    "parallel-pdf": "PDF · 简繁对照 · 簡繁對照",
    "epub": "EPUB",
    "zim": "ZIM（Kiwix）",
}


@dataclass(frozen=True)
class Download:
    """One published file: its name in ``downloads/``, its label, size in bytes, variant (or "")."""

    file: str
    label: str
    size: int
    variant: str = ""


def candidates(name: str, variants: list[str]) -> list[tuple[str, str, str]]:
    """``(file name, label, variant)`` of every download `make` can write for *name*, in list order."""
    out = [(f"{name}-offline.zip", KINDS["zip"], "")]
    out += [(f"{name}-{v}.pdf", f"{KINDS['pdf']} · {variant_label(v)}", v) for v in variants]
    out.append((f"{name}-parallel.pdf", KINDS["parallel-pdf"], ""))
    out += [(f"{name}-{v}.epub", f"{KINDS['epub']} · {variant_label(v)}", v) for v in variants]
    out.append((f"{name}.zim", KINDS["zim"], ""))
    return out


def size_text(size: int) -> str:
    """Bytes as a reader reads them: ``1.7 MB``, ``177 KB`` (decimal units)."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} KB"


def built_at(site: Path, variants: list[str]) -> float:
    """When the site was built: the oldest variant search index (never rewritten after the build)."""
    times = [(site / v / "search" / "search_index.json").stat().st_mtime for v in variants
             if (site / v / "search" / "search_index.json").is_file()]
    return min(times) if times else 0.0


def publish(site: Path, dist: Path, name: str, variants: list[str]) -> list[Download]:
    """Copy this build's downloads from *dist* into ``site/downloads/`` and fill the site's slots.

    Returns:
        The published files in list order (empty when `make` wrote none yet).
    """
    folder = site / FOLDER
    if folder.exists():
        shutil.rmtree(folder)
    since = built_at(site, variants)
    found: list[Download] = []
    for file, label, variant in candidates(name, variants):
        src = dist / file
        if src.is_file() and src.stat().st_mtime >= since:
            folder.mkdir(exist_ok=True)
            shutil.copyfile(src, folder / file)
            found.append(Download(file, label, src.stat().st_size, variant))
    chooser = site / "index.html"
    if chooser.is_file():
        chooser.write_text(_fill(chooser.read_text(encoding="utf-8"), LIST_SLOT, _list_html(found)), encoding="utf-8")
    for v in variants:
        pdf = next((d for d in found if d.file == f"{name}-{v}.pdf"), None)
        for page in sorted((site / v).rglob("*.html")):
            text = page.read_text(encoding="utf-8")
            slot = PDF_SLOT.format(variant=v)
            if slot not in text:
                continue
            up = "../" * (len(page.relative_to(site).parts) - 1)
            link = (f' · <a class="pdf-download" href="{up}{FOLDER}/{html.escape(pdf.file, quote=True)}">'
                    f"PDF（{size_text(pdf.size)}）</a>") if pdf else ""
            page.write_text(_fill(text, slot, link), encoding="utf-8")
    return found


def strip(text: str) -> str:
    """*text* (a page of the site) with the published links taken out again, slots kept."""
    return _FILLED.sub(r"\1", text)


def _fill(text: str, slot: str, inner: str) -> str:
    text = _FILLED.sub(lambda m: m.group(1) if m.group(1) == slot else m.group(0), text)
    return text.replace(slot, f"{slot}{inner}{_END}" if inner else slot)


def _list_html(found: list[Download]) -> str:
    if not found:
        return ""
    items = "\n".join(
        f'<li><a href="{FOLDER}/{html.escape(d.file, quote=True)}">{html.escape(d.label)}</a> '
        f'<small>{html.escape(d.file)} · {size_text(d.size)}</small></li>' for d in found)
    return f'\n<h2>下载 · 下載</h2>\n<ul class="downloads">\n{items}\n</ul>\n'


def write(edition: Edition, out_dir: Path) -> list[Path]:
    """The output interface (``python -m zhwiki.outputs downloads``): the files copied into the site."""
    codes = [v.code for v in edition.variants]
    return [edition.site / FOLDER / d.file for d in publish(edition.site, out_dir, edition.name, codes)]
