"""What every output needs, read once from the built site: pages per variant, assets, metadata.

``site/`` as written by ``mkdocs build``: the chooser ``index.html`` links to one folder per
variant (``zh-cn/index.html`` …), each with Material pages whose primary navigation gives the
reading order; ``parallel/`` holds the 简繁对照 view.  :func:`load_edition` turns that into an
:class:`Edition` of cleaned article bodies (see :mod:`.content`), so an output never parses
Material's page chrome itself.
"""

from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from lxml import html

from ..views.about import LICENCE_NAME
from . import content

#: Namespace of the stable identifiers (uuid5 of ``<source URL>#<variant>``).
EDITION_NS = uuid.UUID("6f1d3c52-6a8e-5b7e-9c1d-7a2e0b1f4c35")
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"
CREATOR = "zh.wikipedia contributors"
#: Built pages that are not part of the reading order of an ebook.
SECTION_PAGE = re.compile(r"^s\d+\.html$")


@dataclass(frozen=True)
class Page:
    """One built page of a variant.

    ``path`` is relative to the variant folder (``s05.html``); ``body`` is the cleaned article
    element (a ``<div>``); ``section`` is True for the article's ``==`` sections (numbered in
    tables of contents) and False for the lead and the back matter.
    """

    path: str
    title: str
    body: html.HtmlElement = field(repr=False, compare=False)
    section: bool = False


@dataclass(frozen=True)
class Variant:
    """One built variant: code (``zh-cn``), BCP 47 tag (``zh-Hans-CN``), title in its script, pages."""

    code: str
    lang: str
    title: str
    pages: tuple[Page, ...]


@dataclass(frozen=True)
class Edition:
    """The built edition.

    Attributes:
        site: the site root that was read.
        name: file stem of the outputs (``korean-war``).
        variants: the built variants in the chooser's order.
        source_url: the article on zh.wikipedia.
        epoch: build time in seconds since 1970 (``SOURCE_DATE_EPOCH``), never the clock.
        licence: licence name, ``licence_url`` its deed.
    """

    site: Path
    name: str
    variants: tuple[Variant, ...]
    source_url: str
    epoch: int
    licence: str = LICENCE_NAME
    licence_url: str = LICENCE_URL
    creator: str = CREATOR

    def identifier(self, variant: str = "") -> str:
        """A stable ``urn:uuid:`` for the article (and variant): same source, same id."""
        return "urn:uuid:" + str(uuid.uuid5(EDITION_NS, f"{self.source_url}#{variant}"))

    def assets(self) -> list[Path]:
        """Every file of the built site except the sitemaps, sorted (for outputs that copy the site)."""
        skip = {"sitemap.xml", "sitemap.xml.gz"}
        published = self.site / "downloads"  # the outputs themselves (downloads.py), not part of the site's copy
        return sorted(p for p in self.site.rglob("*")
                      if p.is_file() and p.name not in skip and published not in p.parents)


def image_type(data: bytes) -> str | None:
    """The media type of a PNG, JPEG, GIF or WebP image from its first bytes (None for anything else)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def build_epoch(env: dict[str, str] | None = None) -> int:
    """``SOURCE_DATE_EPOCH`` as an int.

    Raises:
        ValueError: it is unset or not a number (outputs must not depend on the clock).
    """
    env = os.environ if env is None else env
    raw = (env.get("SOURCE_DATE_EPOCH") or "").strip()
    if not raw.isdigit():
        raise ValueError("SOURCE_DATE_EPOCH must be set (seconds since 1970) for reproducible outputs")
    return int(raw)


def variant_codes(site: Path) -> list[str]:
    """Variant folders the chooser ``site/index.html`` links to, in its order."""
    doc = content.parse_page((site / "index.html").read_bytes())
    codes: list[str] = []
    for href in doc.xpath("//a/@href"):
        m = re.fullmatch(r"([a-z]{2}(?:-[a-z]{2,4})?)/index\.html", href)
        if m and m.group(1) not in codes and (site / m.group(1) / "index.html").is_file():
            codes.append(m.group(1))
    return codes


def _source_url(folder: Path) -> str:
    about = folder / "about.html"
    if not about.is_file():
        return ""
    doc = content.parse_page(about.read_bytes())
    for href in doc.xpath('//article//a/@href'):
        if href.startswith("https://zh.wikipedia.org/wiki/"):
            return href
    return ""


def load_variant(folder: Path, code: str) -> Variant:
    """Read one variant folder: its navigation, titles and cleaned page bodies.

    Raises:
        FileNotFoundError: a page named in the navigation is missing.
    """
    home = content.parse_page((folder / "index.html").read_bytes())
    pages = []
    for href, label in content.nav_links(home):
        path = href.split("#", 1)[0]
        if not path.endswith(".html") or "/" in path:
            continue
        doc = content.parse_page((folder / path).read_bytes())
        pages.append(Page(path=path, title=label, body=content.article_of(doc), section=bool(SECTION_PAGE.match(path))))
    return Variant(code=code, lang=content.page_lang(home) or code, title=content.site_title(home), pages=tuple(pages))


def load_edition(site: Path, name: str, *, variants: list[str] | None = None, source_url: str = "",
                 env: dict[str, str] | None = None) -> Edition:
    """Read the built *site* into an :class:`Edition`.

    Args:
        site: the site root (``site/``), holding the chooser page and one folder per variant.
        name: file stem for the outputs.
        variants: codes to read (default: every variant the chooser links to).
        source_url: the article's URL (default: read from the 关于本版 page).
        env: environment for ``SOURCE_DATE_EPOCH`` (default: ``os.environ``).

    Raises:
        FileNotFoundError: the site is not built.
        ValueError: no variant, or no ``SOURCE_DATE_EPOCH``.
    """
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site}/index.html missing: build the site first (make site)")
    codes = variants or variant_codes(site)
    if not codes:
        raise ValueError(f"no variant folder linked from {site}/index.html")
    built = tuple(load_variant(site / c, c) for c in codes)
    url = source_url or _source_url(site / codes[0])
    return Edition(site=site, name=name, variants=built, source_url=url, epoch=build_epoch(env))
