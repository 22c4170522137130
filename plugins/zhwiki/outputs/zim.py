"""Kiwix ZIM of the whole edition: ``<out>/<name>.zim``, written with openZIM's ``libzim`` binding.

The archive holds the built site as it is served (both variants, the 简繁对照 view in
``parallel/``, their assets; a file repeated byte for byte in another folder, such as
Material's scripts, is stored once and redirected to) with the variant chooser ``index.html`` as main page, so the
pages, the variant switch and the footnote tooltips work in Kiwix as on the web.  Every article
page is indexed for Kiwix's full-text and title search with the language ``zho`` (Xapian's CJK
n-gram tokenizer, so 仁川 is found in both scripts); what is indexed is the page's article text
only, so Material's menus neither match every query nor fill the result snippets.  Each
variant's ``print.html``, which repeats its other pages, is kept but neither indexed nor a front
article (no search result of its own).

Metadata are the ones Kiwix's library shows: Title, Description, Language, Creator, Publisher,
Date, Name, Source, License, Tags, and a 48×48 PNG illustration drawn here.

Reproducible: libzim gives every archive a random UUID and Xapian gives each of its two index
databases one too, so ``stabilize`` replaces the three by uuid5s of the source URL and
recomputes the closing MD5 checksum; entries are added in sorted order with one worker thread.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import struct
import uuid
import zlib
from pathlib import Path

from libzim.writer import Creator, Hint, IndexData, Item, StringProvider

from .. import figures
from . import content
from .downloads import strip
from .edition import EDITION_NS, Edition, image_type

#: Media types by file suffix (fixed here, not read from the machine's mime.types).
MIMETYPES = {
    ".html": "text/html", ".css": "text/css", ".js": "application/javascript", ".json": "application/json",
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp",
    ".svg": "image/svg+xml", ".woff2": "font/woff2", ".woff": "font/woff",
    ".ttf": "font/ttf", ".ico": "image/x-icon", ".xml": "application/xml", ".txt": "text/plain",
}
#: Built files a ZIM reader never asks for.
#: ``404.html`` links with site-absolute URLs and is never asked for inside a ZIM.
SKIPPED = re.compile(r"(^|/)(sitemap\.xml(\.gz)?|404\.html)$|\.map$")
#: Pages kept for links but not offered as search results (they repeat other pages).
NOT_FRONT = re.compile(r"(^|/)print\.html$")
#: ``_pictures:`` is filled in: ``yes`` when the edition holds the figures' images (images_dir).
TAGS = "wikipedia;_category:wikipedia;_pictures:{pictures};_videos:no;_details:yes;_ftindex:yes"
PUBLISHER = "zhwiki-edition"


class ArticleText(IndexData):
    """What Kiwix's full-text index gets for one page: its title and its article text."""

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self._title, self._text = title, text

    def has_indexdata(self) -> bool:
        return bool(self._text)

    def get_title(self) -> str:
        return self._title

    def get_content(self) -> str:
        return self._text

    def get_keywords(self) -> str:
        return ""

    def get_wordcount(self) -> int:
        return word_count(self._text)

    def get_geoposition(self) -> None:
        return None


def word_count(text: str) -> int:
    """Words of mixed Chinese text: each CJK character counts as one, each Latin/digit run as one."""
    return len(re.findall(r"[\u3400-\u9fff\uf900-\ufaff]|[A-Za-z0-9]+", text))


def article_text(data: bytes) -> str:
    """The article text of a built Material page, whitespace collapsed (empty when it has none)."""
    try:
        art = content.article_of(content.parse_page(data))
    except ValueError:
        return ""
    return " ".join(art.text_content().split())


class SiteFile(Item):
    """One built file as a ZIM entry (path relative to the site root); *text* is what to index."""

    def __init__(self, path: str, data: bytes, title: str, front: bool, text: str = "") -> None:
        super().__init__()
        self._path, self._data, self._title, self._front, self._text = path, data, title, front, text

    def get_path(self) -> str:
        return self._path

    def get_title(self) -> str:
        return self._title

    def get_mimetype(self) -> str:
        by_name = MIMETYPES.get(Path(self._path).suffix.lower(), "application/octet-stream")
        if by_name.startswith("image/") and by_name != "image/svg+xml":
            return image_type(self._data) or by_name  # a figure's image is served as what its bytes are
        return by_name

    def get_contentprovider(self) -> StringProvider:
        return StringProvider(self._data)

    def get_indexdata(self) -> ArticleText:
        return ArticleText(self._title, self._text)

    def get_hints(self) -> dict:
        mimetype = self.get_mimetype()
        textual = not mimetype.startswith(("image/", "font/woff")) or mimetype == "image/svg+xml"
        return {Hint.FRONT_ARTICLE: self._front, Hint.COMPRESS: textual}


def page_title(data: bytes) -> str:
    """The ``<title>`` text of an HTML page (empty when it has none)."""
    m = re.search(rb"<title>(.*?)</title>", data, re.S)
    if not m:
        return ""
    import html

    return " ".join(html.unescape(m.group(1).decode("utf-8", "replace")).split())


def illustration(size: int = 48) -> bytes:
    """A *size*×*size* RGB PNG: a red square with a lighter band, the edition's mark."""
    rows = []
    for y in range(size):
        row = bytearray([0])  # filter type 0 for every scanline
        for x in range(size):
            band = size // 3 <= y < 2 * size // 3
            edge = x < 3 or y < 3 or x >= size - 3 or y >= size - 3
            row += bytes((250, 245, 235) if band and not edge else (164, 31, 36))
        rows.append(bytes(row))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


def has_pictures(edition: Edition) -> bool:
    """True when the built site holds figures' images (``<variant>/images/…``, copied from images_dir)."""
    return any(p.parent.name == figures.SITE_DIR and p.parent.parent.parent == edition.site for p in edition.assets())


def metadata(edition: Edition) -> dict[str, str]:
    """The ZIM metadata Kiwix shows, in both scripts where they are text."""
    titles = " · ".join(dict.fromkeys(v.title for v in edition.variants))
    return {
        "Title": titles[:30],
        "Description": f"中文维基百科条目「{edition.variants[0].title}」简繁学习版：两种文字、简繁对照"[:80],
        "Language": "zho",
        "Creator": edition.creator,
        "Publisher": PUBLISHER,
        "Date": dt.datetime.fromtimestamp(edition.epoch, tz=dt.timezone.utc).strftime("%Y-%m-%d"),
        "Name": f"{PUBLISHER}_zh_{edition.name}",
        "Source": edition.source_url,
        "License": f"{edition.licence} {edition.licence_url}",
        "Tags": TAGS.format(pictures="yes" if has_pictures(edition) else "no"),
        "Scraper": PUBLISHER,
    }


def entries(edition: Edition) -> tuple[list[SiteFile], list[tuple[str, str]]]:
    """Every built file of the site as a ZIM entry, sorted by path, and the repeats.

    Returns:
        ``(items, redirects)``: the entries to store, and ``(path, target path)`` for each
        non-HTML file whose bytes equal an earlier stored file's.
    """
    items: list[SiteFile] = []
    redirects: list[tuple[str, str]] = []
    first: dict[bytes, str] = {}
    for file in edition.assets():
        rel = file.relative_to(edition.site).as_posix()
        if SKIPPED.search(rel):
            continue
        data = file.read_bytes()
        is_html = rel.endswith(".html")
        if is_html:  # no links to the downloads, which the ZIM does not hold (downloads.py)
            data = strip(data.decode("utf-8")).encode("utf-8")
        digest = hashlib.sha256(data).digest()
        if not is_html and digest in first:
            redirects.append((rel, first[digest]))
            continue
        first.setdefault(digest, rel)
        front = is_html and not NOT_FRONT.search(rel)
        title = page_title(data) if is_html else ""
        items.append(SiteFile(rel, data, title or rel, front, article_text(data) if front else ""))
    return items, redirects


#: Start of a Xapian glass database's version file; two format bytes and its 16-byte UUID follow.
XAPIAN_GLASS = b"\x0f\rXapian Glass"


def stabilize(path: Path, seed: str) -> None:
    """Replace the random UUIDs of a ZIM (header bytes 8–24, each embedded Xapian database) by
    uuid5s of *seed*, then rewrite the closing MD5 checksum.  The index databases are stored
    uncompressed, so their version files can be found by their magic bytes.

    Raises:
        ValueError: *path* is not a ZIM file.
    """
    data = bytearray(path.read_bytes())
    if data[:4] != b"ZIM\x04":
        raise ValueError(f"{path} is not a ZIM archive")
    checksum_pos = struct.unpack_from("<Q", data, 72)[0]
    data[8:24] = uuid.uuid5(EDITION_NS, seed).bytes
    for n, m in enumerate(re.finditer(re.escape(XAPIAN_GLASS), bytes(data[:checksum_pos]))):
        at = m.end() + 2
        data[at:at + 16] = uuid.uuid5(EDITION_NS, f"{seed}#xapian-{n}").bytes
    body = bytes(data[:checksum_pos])
    path.write_bytes(body + hashlib.md5(body).digest() + bytes(data[checksum_pos + 16:]))


def write(edition: Edition, out_dir: Path) -> list[Path]:
    """Write ``<out_dir>/<name>.zim`` holding the whole built site; returns ``[path]``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{edition.name}.zim"
    tmp = path.with_suffix(".zim.tmp")
    tmp.unlink(missing_ok=True)
    creator = Creator(str(tmp)).config_indexing(True, "zho").config_nbworkers(1)
    with creator as c:
        c.set_mainpath("index.html")
        c.add_illustration(48, illustration(48))
        for key, value in metadata(edition).items():
            c.add_metadata(key, value)
        items, redirects = entries(edition)
        for item in items:
            c.add_item(item)
        for rel, target in redirects:
            c.add_redirection(rel, rel, target, {Hint.FRONT_ARTICLE: False})
    stabilize(tmp, edition.source_url + "#zim")
    tmp.replace(path)
    return [path]
