"""Section numbers (3, 3.2, 3.2.1): one numbering for the web pages, the 简繁对照 view and print.

The article's ``==`` sections are chapters, numbered 1, 2, 3 … in document order; the lead and
the back matter (注释, 参考文献, 外部链接 …) have no number.  Inside a chapter the page's ``##``
headings (wikitext ``===``) are numbered 3.1, 3.2 … and its ``###`` headings (``====``) 3.2.1 …;
a ``###`` before any ``##`` counts under 0 (3.0.1), so no number is ever repeated.  Deeper
headings are not numbered, as in the printed edition.

The numbers are worked out once per article from the variant-independent page Markdown
(:func:`number_pages`), so every variant and the parallel view carry the same ones; the web
pages get them in their headings (:func:`number_headings`) and nav labels (:meth:`Numbering.label`),
and the print page and the PDFs read them from those pages.  Anchor ids never change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

#: Class of the ``<span>`` holding a heading's number (styled by edition.css and pdf.css).
SECNO_CLASS = "secno"

#: A heading line as the renderer writes it (render/nodes.py ``h_heading``): ``## text { #s03-4 }``.
_HEADING = re.compile(r"^(#{2,6}) (.*?) \{ #([A-Za-z0-9_-]+) \}$", re.M)


@dataclass(frozen=True)
class Numbering:
    """An article's section numbers.

    ``chapters`` maps a page path (``s03.md``) to its chapter number (``"3"``); ``headings`` maps
    a heading's anchor id (``s03-7``) to its number (``"3.3.1"``).  Pages and headings without a
    number are absent.
    """

    chapters: dict[str, str] = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)

    def label(self, path: str, title: str) -> str:
        """*title* with its page's chapter number in front (``"3 经过"``), else *title* unchanged."""
        n = self.chapters.get(path)
        return f"{n} {title}" if n and title else title


def number_pages(pages: Iterable[tuple[str, str, str]]) -> Numbering:
    """Number the chapters and their headings.

    Args:
        pages: ``(path, kind, markdown)`` per page in reading order; *kind* is ``lead``,
            ``section`` or ``back`` (pages.py), *markdown* the page's Markdown with the heading
            lines ``## text { #id }`` that the renderer writes.

    Returns:
        The :class:`Numbering`; only ``section`` pages and their ``##``/``###`` headings get numbers.
    """
    chapters: dict[str, str] = {}
    headings: dict[str, str] = {}
    chapter = 0
    for path, kind, markdown in pages:
        if kind != "section":
            continue
        chapter += 1
        chapters[path] = str(chapter)
        h2 = h3 = 0
        for m in _HEADING.finditer(markdown):
            level = len(m.group(1))
            if level == 2:
                h2, h3 = h2 + 1, 0
                headings[m.group(3)] = f"{chapter}.{h2}"
            elif level == 3:
                h3 += 1
                headings[m.group(3)] = f"{chapter}.{h2}.{h3}"
    return Numbering(chapters, headings)


def secno_html(number: str) -> str:
    """The number as it opens a heading: ``<span class="secno">3.2</span>`` and a space."""
    return f'<span class="{SECNO_CLASS}">{number}</span> '


def number_headings(markdown: str, numbering: Numbering) -> str:
    """*markdown* with each numbered heading's number put in front of its text (ids unchanged)."""
    def one(m: re.Match[str]) -> str:
        n = numbering.headings.get(m.group(3))
        if n is None:
            return m.group(0)
        return f"{m.group(1)} {secno_html(n)}{m.group(2)} {{ #{m.group(3)} }}"

    return _HEADING.sub(one, markdown)
