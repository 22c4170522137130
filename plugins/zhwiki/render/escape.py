"""Escaping of source text for Markdown and HTML.

Text from the source must never change a page's structure: characters that Markdown, its
extensions (footnotes, attr_list, tables, abbr) or HTML would read as syntax become numeric
character references, which render as themselves and are plain ASCII to the converter.
"""

from __future__ import annotations

import html

_TEXT_MAP = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "*": "&#42;", "_": "&#95;", "[": "&#91;",
    "]": "&#93;", "`": "&#96;", "\\": "&#92;", "|": "&#124;", "{": "&#123;", "}": "&#125;",
    "~": "&#126;", "^": "&#94;", "=": "&#61;", "$": "&#36;",
})
_ATTR_MAP = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def text(s: str) -> str:
    """Escape running text for Markdown."""
    return s.translate(_TEXT_MAP)


def attr(s: str) -> str:
    """Escape an HTML attribute value (always written inside double quotes)."""
    return s.translate(_ATTR_MAP)


def url(s: str) -> str:
    """Escape a URL for a Markdown link destination ``(…)`` or an href."""
    s = s.strip().replace(" ", "%20")
    for ch, rep in (("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E"), ('"', "%22"), ("\\", "%5C")):
        s = s.replace(ch, rep)
    return s


def unescape(s: str) -> str:
    """Decode HTML entities once (source text such as ``&#39;`` in cite titles)."""
    return html.unescape(s)


def line_start(s: str) -> str:
    """Neutralise a character that would start a Markdown block at the beginning of a line."""
    if not s:
        return s
    if s[0] in "#>-+:;!?":  # !!! and ??? open admonitions and pymdownx.details blocks
        return f"&#{ord(s[0])};{s[1:]}"
    i = 0
    while i < len(s) and s[i].isdigit():
        i += 1
    if 0 < i < len(s) and s[i] in ".)":
        return f"{s[:i]}&#{ord(s[i])};{s[i + 1:]}"
    return s
