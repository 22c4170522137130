"""Read a built Material page and clean its article content for other formats.

The article body sits in ``<article class="md-content__inner">``.  What comes out of
:func:`article_of` holds only allowed elements and attributes: no ``<script>``, ``<style>``,
forms, frames or inline SVG, no ``on*=`` or ``style`` attributes, and no link whose URL scheme
is not http, https or mailto (so no ``javascript:`` or ``data:`` URL).  An ``<img>`` stays only
when its ``src`` is a relative path inside the site (an image of the edition, copied there from
``images_dir``): a remote, ``data:`` or site-absolute image is dropped, so no output ever loads
one.  Unknown elements are unwrapped: their text stays, the tag goes.
"""

from __future__ import annotations

import re

from lxml import etree, html

#: Elements kept as they are.
ALLOWED = frozenset(
    "a abbr aside b bdi bdo blockquote br caption cite code col colgroup dd del dfn div dl dt em figcaption "
    "figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q rp rt ruby s samp section small span strong "
    "sub sup table tbody td tfoot th thead time tr u ul var wbr".split()
)
#: Elements dropped with everything inside them.
DROPPED = frozenset(
    "script style noscript template iframe frame frameset object embed applet form input button select "
    "textarea label svg math link meta base head title canvas audio video source track picture map area".split()
)
#: Attributes kept (every other one, including on*= and style, is dropped).
ATTRIBUTES = frozenset("id class href title lang colspan rowspan scope abbr start reversed datetime dir "
                       "src alt width height".split())
#: An image source the sanitizer keeps: a relative path (no scheme, no leading ``/``, no query, no backslash).
LOCAL_SRC = re.compile(r"^(?![A-Za-z][A-Za-z0-9+.-]*:)(?!/)[^?#\\\s]+$")
SAFE_URL = re.compile(r"^(?:https?:|mailto:|#|[^:/?#]+(?:[/?#]|$)|\.\.?/|/(?!/))", re.I)


def parse_page(data: bytes) -> html.HtmlElement:
    """Parse one built page (UTF-8 bytes) into an lxml HTML tree."""
    return html.document_fromstring(data, parser=html.HTMLParser(encoding="utf-8"))


def page_lang(doc: html.HtmlElement) -> str:
    """The ``<html lang>`` of a built page (e.g. ``zh-Hans-CN``); empty when missing."""
    return doc.get("lang", "")


def site_title(doc: html.HtmlElement) -> str:
    """The site name shown in Material's header (the article title in this variant)."""
    for el in doc.xpath('//*[contains(concat(" ", @class, " "), " md-header__topic ")]//span[@class="md-ellipsis"]'):
        text = " ".join(el.text_content().split())
        if text:
            return text
    title = doc.findtext(".//title") or ""
    return title.rsplit(" - ", 1)[-1].strip()


def nav_links(doc: html.HtmlElement) -> list[tuple[str, str]]:
    """The primary navigation of a built page as ``(href, label)`` pairs in reading order."""
    out: list[tuple[str, str]] = []
    for a in doc.xpath('//nav[contains(@class, "md-nav--primary")]//a[contains(@class, "md-nav__link")][@href]'):
        label = " ".join(a.text_content().split())
        href = a.get("href", "")
        if label and href and (href, label) not in out:
            out.append((href, label))
    return out


def safe_url(url: str) -> bool:
    """True when *url* is relative, a fragment, or http(s)/mailto: never javascript:, data: …"""
    return bool(SAFE_URL.match(url.strip()))


def local_src(src: str) -> bool:
    """True when *src* is a relative path, as the edition's own images are (never ``https:``, ``data:``, ``//host``)."""
    return bool(src) and bool(LOCAL_SRC.match(src))


def clean(el: html.HtmlElement) -> html.HtmlElement:
    """Sanitize *el* in place (see the module docstring) and return it."""
    for bad in [e for e in el.iter() if not isinstance(e.tag, str)]:  # comments, processing instructions
        bad.drop_tree()
    for node in list(el.iter()):
        if node is el:
            continue
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in DROPPED or (tag == "img" and not local_src(node.get("src", ""))):
            node.drop_tree()
    for node in list(el.iter()):
        if node is not el and node.tag not in ALLOWED:
            node.drop_tag()
    for node in el.iter():
        for name in list(node.attrib):
            if name not in ATTRIBUTES:
                del node.attrib[name]
        href = node.get("href")
        if href is not None and not safe_url(href):
            del node.attrib["href"]
        if node.tag != "img":
            node.attrib.pop("src", None)
    return el


def article_of(doc: html.HtmlElement) -> html.HtmlElement:
    """The cleaned ``<article>`` element of a built page.

    Raises:
        ValueError: the page has no Material article element.
    """
    found = doc.xpath('//article[contains(@class, "md-content__inner")]')
    if not found:
        raise ValueError("no <article class=md-content__inner> in page")
    art = found[0]
    for chrome in art.xpath('.//*[contains(@class, "md-content__button") or contains(@class, "headerlink")]'):
        chrome.drop_tree()
    art.tag = "div"
    art.attrib.clear()
    return clean(art)


def heading_text(el: etree._Element) -> str:
    """The visible text of a heading, whitespace collapsed."""
    return " ".join(el.text_content().split())
