"""Images for figures from ``images_dir`` (issue 13).

The renderer writes every ``[[File:…]]`` as a compact figure: one line 图：caption（维基共享资源）
whose link is the file's Commons page.  When ``images_dir`` holds a file of that Commons name
(spaces or underscores), the figure gets the image at the width the wikitext asks for, copied to
``images/<name>`` in the site (and so the offline bundle), and a credit line from the sidecar
``<file>.json`` (``{"author": …, "licence": …, "source": …}``).  The same credits are listed on
关于本版.  A sidecar's ``name`` names the Commons file the image shows when the stored file's name
differs from it: Commons renders an SVG, TIFF or PDF page as a PNG or JPEG thumbnail, which
``make images`` (outputs/commons.py) stores as ``<name>.png`` or ``<name>.jpg``.  Nothing here
imports MkDocs.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

from .render import escape

COMMONS = "https://commons.wikimedia.org/wiki/File:"
SITE_DIR = "images"

_FIGURE = re.compile(r'<figure class="wiki-figure"([^>]*)>(.*?)</figure>', re.S)
_COMMONS_HREF = re.compile(r'<a class="wiki-file" href="' + re.escape(COMMONS) + r'([^"]+)"[^>]*>')
_CREDIT_MD = re.compile(r"\]\(" + re.escape(COMMONS) + r"([^)\s]+)\)\{ \.wiki-file title=")
_WIDTH = re.compile(r'data-width="(\d+)"')
_IMAGE_EXT = re.compile(r"\.(jpe?g|png|gif|svg|webp)$", re.I)


@dataclass(frozen=True)
class Image:
    name: str  # the Commons name, underscores for spaces
    path: Path
    author: str
    licence: str
    source: str
    licence_url: str = ""

    @property
    def site_path(self) -> str:
        """Where the site holds it: ``images/<stored file name>`` (underscores for spaces)."""
        return f"{SITE_DIR}/{commons_key(self.path.name)}"


def commons_key(name: str) -> str:
    """A Commons file name as MediaWiki normalizes it: underscores for spaces, first letter upper case."""
    n = name.replace(" ", "_").strip("_")
    return n[:1].upper() + n[1:]


def load(images_dir: str | None) -> dict[str, Image]:
    """The images in *images_dir*, by Commons name; each with the credit from its sidecar JSON."""
    if not images_dir:
        return {}
    out: dict[str, Image] = {}
    for f in sorted(Path(images_dir).iterdir()):
        if not f.is_file() or not _IMAGE_EXT.search(f.name):
            continue
        meta: dict = {}
        side = f.with_name(f.name + ".json")
        if side.is_file():
            try:
                data = json.loads(side.read_text(encoding="utf-8"))
                meta = data if isinstance(data, dict) else {}
            except (OSError, ValueError):
                meta = {}
        name = commons_key(str(meta.get("name") or f.name))
        out[name] = Image(name, f, str(meta.get("author") or ""), str(meta.get("licence") or meta.get("license") or ""),
                          str(meta.get("source") or COMMONS + quote(name)), _https(meta.get("licence_url")))
    return out


def _https(url: object) -> str:
    """*url* when it is an https URL without quotes or spaces, else empty (sidecars are data, not trusted HTML)."""
    u = str(url or "")
    return u if re.fullmatch(r"https://[^\s\"'<>()]+", u) else ""


def add_images(doc: str, images: dict[str, Image], depth: int, credit_label: str = "作者") -> str:
    """Put each figure's image in *doc* when *images* has it; *depth* is the page's folder depth."""
    if not images:
        return doc
    prefix = "../" * depth

    def figure(m: re.Match[str]) -> str:
        attrs, inner = m.group(1), m.group(2)
        a = _COMMONS_HREF.search(inner)
        if not a or "<img" in inner:
            return m.group(0)
        img = images.get(commons_key(unquote(a.group(1))))
        if img is None:
            return m.group(0)
        w = _WIDTH.search(attrs)
        width = f' width="{w.group(1)}"' if w else ""
        tag = (f'<img src="{html.escape(prefix + quote(img.site_path), quote=True)}"{width} '
               f'alt="{html.escape(img.name.rsplit(".", 1)[0].replace("_", " "), quote=True)}" loading="lazy">')
        credit = " · ".join(html.escape(x) for x in (img.author, img.licence) if x)
        credit_html = f'<span class="figure-credit">{credit_label}：{credit}</span>' if credit else ""
        inner = inner.replace("</figcaption>", f"{credit_html}</figcaption>", 1) if credit_html else inner
        attrs = attrs.replace(' tabindex="0"', "")
        return f'<figure class="wiki-figure has-image"{attrs}>{tag}{inner}</figure>'

    return _FIGURE.sub(figure, doc)


def figure_files(markdown_text: str) -> list[tuple[str, int | None]]:
    """The files the figures of one page's Markdown show, as ``(Commons name, width in px)``.

    The name is the one :func:`load` keys by (underscores, first letter upper case); the width is
    the figure's ``data-width`` (what the wikitext asks, 220 px for a thumbnail, see
    ``render/nodes.py``), None when it asks none.  Inline icons are not figures and are left out.
    """
    out = []
    for m in _FIGURE.finditer(markdown_text):
        links = _CREDIT_MD.findall(m.group(2))
        if links:
            w = _WIDTH.search(m.group(1))
            out.append((commons_key(unquote(links[-1])), int(w.group(1)) if w else None))
    return out


def used(markdown_pages: list[str], images: dict[str, Image]) -> list[Image]:
    """The images the pages' figures use, in name order."""
    names = set()
    for md in markdown_pages:
        for h in re.findall(re.escape(COMMONS) + r"([^)\s\"]+)", md):
            names.add(commons_key(unquote(h)))
    return [images[n] for n in sorted(names) if n in images]


def credits_markdown(imgs: list[Image], heading: str) -> str:
    """The 关于本版 list of images with their authors and licences."""
    if not imgs:
        return ""
    lines = ["", f"## {heading}", ""]
    for i in imgs:
        # Sidecars are data: their text is escaped for Markdown, their URLs must be https.
        licence = escape.text(i.licence)
        if licence and i.licence_url:
            licence = f"[{licence}]({escape.url(i.licence_url)})"
        bits = "，".join(x for x in (escape.text(i.author), licence) if x)
        source = _https(i.source) or COMMONS + quote(i.name)
        lines.append(f"- [{escape.text(i.name.replace('_', ' '))}]({escape.url(source)})" + (f"：{bits}" if bits else ""))
    return "\n".join(lines) + "\n"
