"""EPUB 3, one book per built variant: ``<out>/<name>-<variant>.epub``, written with ebooklib.

Each book has a cover page (title in the variant's script, source, licence, build date), the
navigation document (every page and its ``##``/``###`` headings; article sections numbered
1, 1.1, 1.1.1 as the site numbers them), one XHTML document per built page in the site's reading order (lead with the
infobox, sections, 注释, 参考文献, 外部链接, 用词对照, 关于本版), and a CSS that asks for serif
fonts by language tag, so the reader's own CJK fonts pick the region's glyph standard.  No font
is embedded.

Figures keep their images when the edition has them (``images_dir``, copied into the site): each
``<img>`` whose file lies in the built site becomes a manifest item ``images/<hash>.<ext>`` (named by
a SHA-256 of its bytes, so the same picture is stored once and file names stay ASCII) with the media
type read from its first bytes, PNG, JPEG, GIF or WebP (EPUB 3 core media types); any other image
is left out and its caption stays.  The sanitizer (content.py) already dropped every remote image.

Footnotes become EPUB 3 footnotes: every reference mark is an ``epub:type="noteref"`` link and
every note of a page an ``<aside epub:type="footnote">`` that readers show as a pop-up.

Reproducible: ``dcterms:modified`` and every zip entry's time come from ``SOURCE_DATE_EPOCH``,
the identifier is a uuid5 of the source URL and variant, and the entries keep a fixed order.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import html as html_escape
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

from ebooklib import epub
from lxml import etree, html

from ..views.about import labels
from . import content
from .edition import Edition, Variant, image_type

#: Placeholder attribute that becomes ``epub:type`` after serialization (lxml will not set a
#: prefixed attribute on a namespace-less HTML element).
EPUB_TYPE = "data-epubtype"
STYLE = """\
@charset "UTF-8";
/* No font is embedded: the reader's CJK serif is picked by the language tag of each document. */
html { font-family: serif; }
:lang(zh-Hans), :lang(zh-Hans-CN), :lang(zh-Hans-SG), :lang(zh-Hans-MY) {
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif; }
:lang(zh-Hant), :lang(zh-Hant-TW) {
  font-family: "Noto Serif CJK TC", "Source Han Serif TC", "Songti TC", serif; }
:lang(zh-Hant-HK), :lang(zh-Hant-MO) {
  font-family: "Noto Serif CJK HK", "Source Han Serif HK", "Songti TC", serif; }
body { line-height: 1.7; margin: 0 0.5em; }
h1, h2, h3, h4 { line-height: 1.3; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
th, td { border: 1px solid #999; padding: 0.2em 0.4em; vertical-align: top; }
sup { line-height: 0; }
a { text-decoration: none; }
aside.footnote { font-size: 0.85em; margin: 0.4em 0; }
aside.footnote .fn-label { font-weight: bold; margin-right: 0.4em; }
section.footnotes { border-top: 1px solid #999; margin-top: 2em; }
.cover { text-align: center; margin-top: 20%; }
.cover h1 { font-size: 2em; }
.cover p { margin: 0.6em 0; }
div.dl > p.dt { font-weight: bold; margin-bottom: 0.2em; }
figure { margin: 1em 0; text-align: center; }
figure img { max-width: 100%; height: auto; }
figcaption { font-size: 0.9em; text-align: left; }
.figure-credit { display: block; font-size: 0.85em; color: #555; }
div.dl > div.dd { margin-left: 2em; }
"""


#: Suffix of each EPUB 3 core raster image type.
IMAGE_SUFFIX = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp"}


def _images(body: html.HtmlElement, page_file: Path, site: Path, items: dict[str, epub.EpubItem]) -> None:
    """Point each ``<img>`` of *body* at a manifest item, adding new ones to *items* (file name → item).

    *page_file* is the built page the body came from; an image outside *site*, missing, or of a
    type EPUB readers need not support is removed (its figure keeps the caption).
    """
    root = site.resolve()
    for img in list(body.iter("img")):
        target = (page_file.parent / unquote(img.get("src", ""))).resolve()
        data = target.read_bytes() if target.is_file() and target.is_relative_to(root) else b""
        kind = image_type(data)
        if kind is None:
            img.drop_tree()
            continue
        name = f"images/{hashlib.sha256(data).hexdigest()[:16]}{IMAGE_SUFFIX[kind]}"
        if name not in items:
            items[name] = epub.EpubImage(uid=f"img-{len(items) + 1:03d}", file_name=name, media_type=kind, content=data)
        img.set("src", name)
        img.set("alt", img.get("alt", ""))


class _Document(epub.EpubHtml):
    """An XHTML content document whose bytes we made (ebooklib would re-parse and reshape them)."""

    def __init__(self, data: bytes, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._data = data

    def get_content(self, default: object = None) -> bytes:
        return self._data


def xhtml(lang: str, title: str, body: str) -> bytes:
    """A complete XHTML 5 content document (UTF-8) around serialized *body* markup.

    Raises:
        lxml.etree.XMLSyntaxError: the result is not well-formed XML.
    """
    doc = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="{lang}" xml:lang="{lang}">\n'
        f'<head>\n<meta charset="UTF-8"/>\n<title>{html_escape.escape(title)}</title>\n'
        '<link rel="stylesheet" type="text/css" href="style.css"/>\n</head>\n'
        f"<body>\n{body}\n</body>\n</html>\n"
    )
    data = doc.replace(f"{EPUB_TYPE}=", "epub:type=").encode("utf-8")
    etree.fromstring(data)  # well-formed, or raise here rather than in the reader
    return data


def serialize(el: html.HtmlElement) -> str:
    """The XML serialization of *el*'s children (its own tag left out)."""
    parts = [html_escape.escape(el.text or "", quote=False)]
    parts += [etree.tostring(child, encoding="unicode", method="xml", with_tail=True) for child in el]
    return "".join(parts)


def doc_name(path: str) -> str:
    """The XHTML file name for a built page path (``s05.html`` → ``s05.xhtml``)."""
    return re.sub(r"\.html$", ".xhtml", path)


def _rewrite_links(body: html.HtmlElement, own: str, ids: dict[str, set[str]]) -> None:
    """Point links at the book's documents; drop links to pages the book does not hold.

    ``ids`` maps each included page path to the ids its document defines. A fragment the target
    does not define (a browser text directive ``#:~:text=…``, an anchor the book leaves out) is
    dropped, so the link leads to the document: epubcheck rejects undefined fragments (RSC-012).
    """
    for a in body.iter("a"):
        href = a.get("href")
        if href is None or href.startswith(("http:", "https:", "mailto:")):
            continue
        path, _, frag = href.partition("#")
        target = path or own
        if target not in ids:
            del a.attrib["href"]
            continue
        keep = f"#{frag}" if frag and frag in ids[target] else ""
        if not path:
            if keep:
                a.set("href", keep)
            else:
                a.set("href", doc_name(own))
            continue
        a.set("href", doc_name(path) + keep)


def _footnotes(body: html.HtmlElement) -> None:
    """Turn Material's footnote list and the page's notes into EPUB 3 footnotes (noterefs + asides)."""
    for a in body.xpath('.//a[contains(@class, "footnote-ref")] | .//sup[contains(@class, "note-ref")]/a'):
        a.set(EPUB_TYPE, "noteref")
    for block in body.xpath('.//div[contains(@class, "footnote")][ol]'):
        section = html.Element("section")
        section.set("class", "footnotes")
        section.set(EPUB_TYPE, "footnotes")
        for n, li in enumerate(block.xpath("./ol/li"), start=1):
            aside = html.Element("aside")
            aside.set("id", li.get("id", f"fn-{n}"))
            aside.set("class", "footnote")
            aside.set(EPUB_TYPE, "footnote")
            label = html.Element("span")
            label.set("class", "fn-label")
            label.text = f"{n}."
            first = li.find("p")
            if first is not None:
                label.tail = first.text
                first.text = None
                first.insert(0, label)
            else:
                aside.append(label)
            aside.extend(list(li))
            section.append(aside)
        block.getparent().replace(block, section)
    for note in body.xpath('.//div[contains(@class, "page-notes")]//p[contains(@class, "wiki-note")][@id]'):
        aside = html.Element("aside")
        aside.set("id", note.get("id"))
        aside.set("class", "footnote note")
        aside.set(EPUB_TYPE, "footnote")
        note.attrib.pop("id")
        note.tail, tail = None, note.tail
        note.getparent().replace(note, aside)
        aside.append(note)
        aside.tail = tail


def _heading_entries(body: html.HtmlElement) -> list[tuple[str, str, list]]:
    """The page's ``h2``/``h3`` as nav entries ``(id, label, children)``.

    The labels are the headings' text, numbers included: the site's pages carry the section
    numbers (zhwiki.numbering) in their headings and nav labels, so the book never counts again.
    """
    entries: list[tuple[str, str, list]] = []
    used = set(body.xpath(".//@id"))
    for i, h in enumerate(body.xpath(".//h2 | .//h3")):
        if not h.get("id"):
            hid = f"h-{i + 1}"
            while hid in used:
                hid += "x"
            h.set("id", hid)
            used.add(hid)
        level = 0 if h.tag == "h2" else 1
        label = content.heading_text(h)
        if level == 0 or not entries:
            entries.append((h.get("id"), label, []))
        else:
            entries[-1][2].append((h.get("id"), label, []))
    return entries


def _valid_dl(dl: html.HtmlElement) -> bool:
    """True when the list fits XHTML's (dt+, dd+)+ model (epubcheck rejects a ``dt`` with no ``dd``)."""
    tags = [c.tag for c in dl if isinstance(c.tag, str)]
    return bool(tags) and tags[0] == "dt" and tags[-1] == "dd"


def _definition_lists(body: html.HtmlElement) -> None:
    """Rewrite lists that break the model (wikitext ``;term`` alone) as a block of paragraphs."""
    for dl in [d for d in body.iter("dl") if not _valid_dl(d)]:
        dl.tag = "div"
        dl.set("class", "dl")
        for child in dl:
            if child.tag == "dt":
                child.tag = "p"
                child.set("class", "dt")
            elif child.tag == "dd":
                child.tag = "div"
                child.set("class", "dd")


def _cover(edition: Edition, variant: Variant) -> bytes:
    t = labels(variant.code)
    date = dt.datetime.fromtimestamp(edition.epoch, tz=dt.timezone.utc).strftime("%Y-%m-%d")
    e = html_escape.escape
    body = (
        f'<section class="cover" {EPUB_TYPE}="cover">\n<h1>{e(variant.title)}</h1>\n'
        f"<p>{e(t['cover_kind'])}</p>\n"
        f"<p>{e(t['source'])}：<a href=\"{e(edition.source_url)}\">{e(edition.source_url)}</a></p>\n"
        f"<p>{e(t['licence'])}：<a href=\"{e(edition.licence_url)}\">{e(edition.licence)}</a></p>\n"
        f"<p>{e(t['date'])}：{date}</p>\n</section>"
    )
    return xhtml(variant.lang, variant.title, body)


def _toc_entries(doc: epub.EpubHtml, entries: list[tuple[str, str, list]]) -> list:
    out: list = []
    for hid, label, children in entries:
        link = epub.Link(f"{doc.file_name}#{hid}", label, f"{doc.id}-{hid}")
        out.append((epub.Section(label, link.href), _toc_entries(doc, children)) if children else link)
    return out


def make_book(edition: Edition, variant: Variant) -> epub.EpubBook:
    """The ebooklib book of one variant (not yet written)."""
    t = labels(variant.code)
    book = epub.EpubBook()
    book.set_identifier(edition.identifier(variant.code))
    book.set_title(variant.title)
    book.set_language(variant.lang)
    book.add_author(edition.creator)
    book.add_metadata("DC", "rights", f"{edition.licence} ({edition.licence_url})")
    book.add_metadata("DC", "source", edition.source_url)
    book.add_metadata("DC", "publisher", t["cover_kind"])
    book.add_metadata("DC", "date", dt.datetime.fromtimestamp(edition.epoch, tz=dt.timezone.utc).strftime("%Y-%m-%d"))
    book.metadata[epub.NAMESPACES["OPF"]].pop("generator", None)  # a version string would change the bytes on upgrade

    css = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css", content=STYLE.encode("utf-8"))
    book.add_item(css)
    cover = _Document(_cover(edition, variant), uid="cover", file_name="cover.xhtml", title=variant.title, lang=variant.lang)
    book.add_item(cover)

    docs: list[epub.EpubHtml] = []
    toc: list = []
    bodies = []
    images: dict[str, epub.EpubItem] = {}
    for page in variant.pages:
        body = copy.deepcopy(page.body)
        _footnotes(body)
        _definition_lists(body)
        _images(body, edition.site / variant.code / page.path, edition.site, images)
        bodies.append(body)
    for item in images.values():
        book.add_item(item)
    ids = {page.path: {str(v) for v in body.xpath(".//@id")} for page, body in zip(variant.pages, bodies, strict=True)}
    for i, (page, body) in enumerate(zip(variant.pages, bodies, strict=True)):
        _rewrite_links(body, page.path, ids)
        sub = _heading_entries(body)
        label = page.title  # the nav label: "3 经过" for a chapter
        doc = _Document(xhtml(variant.lang, page.title, serialize(body)), uid=f"page-{i + 1:03d}",
                        file_name=doc_name(page.path), title=page.title, lang=variant.lang)
        book.add_item(doc)
        docs.append(doc)
        toc.append((epub.Section(label, doc.file_name), _toc_entries(doc, sub)) if sub else epub.Link(doc.file_name, label, doc.id))

    book.toc = toc
    book.add_item(epub.EpubNcx())
    nav = epub.EpubNav(title=t["contents"])
    book.add_item(nav)
    book.spine = [cover, "nav", *docs]
    return book


def normalize_zip(path: Path, epoch: int) -> None:
    """Rewrite the zip at *path* with every entry stamped *epoch* (``mimetype`` first, stored)."""
    stamp = dt.datetime.fromtimestamp(max(epoch, 315532800), tz=dt.timezone.utc).timetuple()[:6]
    with zipfile.ZipFile(path) as src:
        entries = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    tmp = path.with_suffix(path.suffix + ".tmp")
    with zipfile.ZipFile(tmp, "w") as out:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            out.writestr(info, data, compresslevel=None if name == "mimetype" else 9)
    tmp.replace(path)


def write_variant(edition: Edition, variant: Variant, out_dir: Path) -> Path:
    """Write ``<out_dir>/<name>-<variant>.epub`` and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{edition.name}-{variant.code}.epub"
    mtime = dt.datetime.fromtimestamp(edition.epoch, tz=dt.timezone.utc).replace(tzinfo=None)
    epub.write_epub(str(path), make_book(edition, variant), {"mtime": mtime, "epub3_pages": False})
    normalize_zip(path, edition.epoch)
    return path


def write(edition: Edition, out_dir: Path) -> list[Path]:
    """Write one EPUB per variant of *edition* into *out_dir*; returns the paths, in variant order."""
    return [write_variant(edition, v, out_dir) for v in edition.variants]
