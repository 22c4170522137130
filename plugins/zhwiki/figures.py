"""Images for figures from ``images_dir`` (issue 13).

The renderer writes every ``[[File:…]]`` as a compact figure: one line 图：caption（维基共享资源）
whose link is the file's Commons page.  When ``images_dir`` holds a file of that Commons name
(spaces or underscores), the figure gets the image at the width the wikitext asks for, copied to
``images/<name>`` in the site (and so the offline bundle), and a credit line from the sidecar
``<name>.json`` (``{"author": …, "licence": …, "source": …}``).  The same credits are listed on
关于本版.  Nothing here imports MkDocs.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

COMMONS = "https://commons.wikimedia.org/wiki/File:"
SITE_DIR = "images"

_FIGURE = re.compile(r'<figure class="wiki-figure"([^>]*)>(.*?)</figure>', re.S)
_COMMONS_HREF = re.compile(r'<a class="wiki-file" href="' + re.escape(COMMONS) + r'([^"]+)"[^>]*>')
_WIDTH = re.compile(r'data-width="(\d+)"')
_IMAGE_EXT = re.compile(r"\.(jpe?g|png|gif|svg|webp)$", re.I)


@dataclass(frozen=True)
class Image:
    name: str  # the Commons name, underscores for spaces
    path: Path
    author: str
    licence: str
    source: str

    @property
    def site_path(self) -> str:
        return f"{SITE_DIR}/{self.name}"


def _key(name: str) -> str:
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
        name = _key(f.name)
        out[name] = Image(name, f, str(meta.get("author") or ""), str(meta.get("licence") or meta.get("license") or ""),
                          str(meta.get("source") or COMMONS + quote(name)))
    return out


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
        img = images.get(_key(unquote(a.group(1))))
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


def used(markdown_pages: list[str], images: dict[str, Image]) -> list[Image]:
    """The images the pages' figures use, in name order."""
    names = set()
    for md in markdown_pages:
        for h in re.findall(re.escape(COMMONS) + r"([^)\s\"]+)", md):
            names.add(_key(unquote(h)))
    return [images[n] for n in sorted(names) if n in images]


def credits_markdown(imgs: list[Image], heading: str) -> str:
    """The 关于本版 list of images with their authors and licences."""
    if not imgs:
        return ""
    lines = ["", f"## {heading}", ""]
    for i in imgs:
        bits = html.escape("，".join(x for x in (i.author, i.licence) if x))
        lines.append(f"- [{i.name.replace('_', ' ')}]({i.source})" + (f"：{bits}" if bits else ""))
    return "\n".join(lines) + "\n"
