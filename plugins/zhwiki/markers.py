"""Private-use characters that carry conversion structure through the Markdown stage.

The renderer emits *intermediate Markdown* (IMD): ordinary Markdown in which spans that the
variant converter must treat specially are delimited by characters from the Unicode private
use area.  Source text can never contain them (source.py strips them on read), so they are
unambiguous, and they survive mwparserfromhell untouched because it treats them as text.
The idea is the stash placeholder of Python-Markdown's ``HtmlStash``.
"""

from __future__ import annotations

import re

#: Text between these two is never converted (URLs, link targets, {{lang}} text, code).
NOCONV_OPEN = "\ue000"
NOCONV_CLOSE = "\ue001"
#: A word breaker: no conversion key may match across it (``-{}-``, tag and link edges).
BREAK = "\ue002"
#: ``BLOCK_OPEN <id> BLOCK_END`` stands for an opaque ``-{…}-`` block (a map or a rule).
BLOCK_OPEN = "\ue003"
BLOCK_END = "\ue004"
#: ``SPAN_OPEN <id> ID_END … SPAN_CLOSE <id> ID_END`` wraps a transparent block whose
#: content was parsed as ordinary wikitext (``-{R|…}-``, ``-{text}-``, ``-{zh-hans;zh-hant|…}-``).
SPAN_OPEN = "\ue005"
ID_END = "\ue006"
SPAN_CLOSE = "\ue007"
#: Apostrophe runs of 2, 3 and 5 (``''``, ``'''``, ``'''''``) kept for the per-line quote pass.
QUOTE2 = "\ue010"
QUOTE3 = "\ue011"
QUOTE5 = "\ue012"
#: Start-of-line list markup (``*#:;``) is carried as ``LIST_OPEN markup LIST_CLOSE``.
LIST_OPEN = "\ue020"
LIST_CLOSE = "\ue021"

ALL = (
    NOCONV_OPEN + NOCONV_CLOSE + BREAK + BLOCK_OPEN + BLOCK_END + SPAN_OPEN + ID_END
    + SPAN_CLOSE + QUOTE2 + QUOTE3 + QUOTE5 + LIST_OPEN + LIST_CLOSE + "\ue030\ue040\ue041"
)

_PUA_RE = re.compile("[\ue000-\uf8ff]")
#: One opaque block marker; group 1 is the block's id (source.Prepared.blocks).
BLOCK_RE = re.compile(f"{BLOCK_OPEN}(\\d+){BLOCK_END}")
_STRUCT_RE = re.compile(
    f"{BLOCK_OPEN}\\d+{BLOCK_END}|[{SPAN_OPEN}{SPAN_CLOSE}]\\d+{ID_END}|[{re.escape(ALL)}]"
)


def noconv(text: str) -> str:
    """Wrap *text* so that the converter leaves it exactly as it is."""
    return f"{NOCONV_OPEN}{text}{NOCONV_CLOSE}" if text else ""


def strip_private_use(text: str) -> tuple[str, int]:
    """Remove every private-use character from source text; return the text and how many."""
    out, n = _PUA_RE.subn("", text)
    return out, n


def strip_markers(text: str) -> str:
    """Drop all structure markers (used for plain-text views such as slugs and summaries)."""
    return _STRUCT_RE.sub("", text)

#: Stands for the build's variant code in URLs (zh.wikipedia.org/<variant>/…); the converter fills it in.
VARIANT = "\ue030"
#: ``STASH_OPEN <n> STASH_CLOSE`` on a line of its own holds a finished Markdown block.
STASH_OPEN = "\ue040"
STASH_CLOSE = "\ue041"
