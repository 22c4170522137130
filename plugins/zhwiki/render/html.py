"""An allow-list for HTML written in wikitext, after MediaWiki's Sanitizer.

Only tags and attributes a reader needs survive; everything else keeps its text and loses its
markup.  ``<script>``, ``<style>``, event handlers, ``javascript:``/``data:`` URLs and CSS never
reach a page: the only attributes kept are plain descriptive ones, escaped.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from .. import markers as M
from . import escape

#: An article on zh.wikipedia, in the page's variant (the marker becomes ``zh-cn``, ``zh-tw`` …).
WIKI_URL = "https://zh.wikipedia.org/" + M.VARIANT + "/"


def wiki_href(title: str, fragment: str = "") -> str:
    """The zh.wikipedia URL of page *title* (``#fragment`` optional), spaces as ``_``, percent-encoded.

    Here, beside the URL allow-list, so that the renderer and the template handlers (hatnotes) share it
    without a handler importing the renderer.
    """
    t = title.strip().replace(" ", "_")
    href = WIKI_URL + quote(t, safe="/:()_,-.'")
    if fragment:
        href += "#" + quote(fragment.replace(" ", "_"), safe="")
    return href

#: Inline tags kept as HTML (MediaWiki Sanitizer's list, trimmed to what a study edition shows).
INLINE_TAGS = frozenset({
    "b", "i", "strong", "em", "small", "big", "sup", "sub", "s", "u", "del", "ins", "strike",
    "span", "abbr", "q", "cite", "code", "kbd", "var", "mark", "samp", "dfn", "bdi", "tt", "font",
    "time", "data", "ruby", "rb", "rt", "rp",
})
#: Tags whose content is shown but which start a block of their own.
BLOCK_TAGS = frozenset({"div", "center", "p", "blockquote", "poem", "h1", "h2", "h3", "h4", "h5", "h6"})
#: Tags dropped with their content (they never carry prose a reader should see).
DROP_WITH_CONTENT = frozenset({"style", "templatestyles", "noinclude", "meta", "link", "iframe", "object", "embed"})
#: Tags shown as escaped text, as MediaWiki's Sanitizer shows a tag it does not allow (never run).
SHOW_AS_TEXT = frozenset({"script"})
#: Attributes kept on any allowed tag.
SAFE_ATTRS = frozenset({"lang", "dir", "title"})
_RENAME = {"strike": "s", "tt": "code", "font": "span", "center": "div"}
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def clean_attrs(attrs: list[tuple[str, str]]) -> str:
    """Keep only safe attributes; return them as an HTML attribute string (with a leading space)."""
    out = []
    for name, value in attrs:
        n = name.strip().lower()
        if n not in SAFE_ATTRS:
            continue
        v = value.strip()
        if n in ("lang", "dir") and not _LANG_RE.match(v) and v not in ("ltr", "rtl"):
            continue
        out.append(f' {n}="{escape.attr(v)}"')
    return "".join(out)


def tag_name(name: str) -> str:
    n = name.strip().lower()
    return _RENAME.get(n, n)


_SAFE_SCHEMES = ("http://", "https://", "ftp://", "ftps://", "mailto:", "news:", "irc://", "//")


def safe_url(url: str) -> bool:
    """True for URL schemes MediaWiki links (``$wgUrlProtocols``, trimmed); never javascript:/data:."""
    u = url.strip().lower()
    return u.startswith(_SAFE_SCHEMES)
