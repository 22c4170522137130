"""Python-Markdown extension: footnotes show their edition-wide number, with labelled back-links.

The pipeline labels every footnote with its number in the whole edition (``[^12]``, see
references.py), but Python-Markdown's footnotes extension displays a footnote's position on the
page (1, 2, 3 …).  This treeprocessor runs after it and

* writes the label into each marker (``<a class="footnote-ref" href="#fn:12">12</a>``; the
  brackets come from edition.css);
* gives each list item ``value="12"``, so the page's list shows the same numbers;
* replaces the row of identical hidden ↩ arrows by one labelled group at the start of the item, as
  zh.wikipedia's Cite does: ``^`` alone for a source cited once, ``^ a b c`` for one cited several
  times, each letter linking to one citing place.

Labels that are not numbers (a plain Markdown project's own ``[^x]``) are left as the footnotes
extension made them.  Used by mkdocs.yml (``zhwiki.footnotes``), the 简繁对照 view and print,
which all render the same Markdown.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.extensions.footnotes import NBSP_PLACEHOLDER
from markdown.treeprocessors import Treeprocessor

#: The label before a source's back-links (Cite's ``cite_references_link_many_accessibility_label`` mark).
CARET = "^"
#: Letters naming the citing places of a source cited more than once (Cite's ``cite_references_link_many``).
LETTERS = "abcdefghijklmnopqrstuvwxyz"

_NUMBER = re.compile(r"fn:(\d+)$")


def backlink_label(k: int) -> str:
    """The k-th back-link's label (0-based): ``a`` … ``z``, then ``aa``, ``ab`` … as Cite continues."""
    out = ""
    k += 1
    while k > 0:
        k, r = divmod(k - 1, len(LETTERS))
        out = LETTERS[r] + out
    return out


def _classes(el: etree.Element) -> set[str]:
    return set((el.get("class") or "").split())


def backlinks(links: list[tuple[str, str]]) -> etree.Element:
    """``<span class="cite-backlinks">`` for (href, title) pairs: ``^`` or ``^ a b c``, links classed
    ``footnote-backref cite-backref``."""
    span = etree.Element("span", {"class": "cite-backlinks"})
    if len(links) == 1:
        href, title = links[0]
        a = etree.SubElement(span, "a", {"class": "footnote-backref cite-backref", "href": href, "title": title})
        a.text = CARET
        return span
    mark = etree.SubElement(span, "span", {"class": "cite-caret"})
    mark.text = CARET
    for k, (href, title) in enumerate(links):
        a = etree.SubElement(span, "a", {"class": "footnote-backref cite-backref", "href": href, "title": title})
        a.text = backlink_label(k)
        a.tail = " " if k < len(links) - 1 else ""
    mark.tail = " "
    return span


def _strip_nbsp(text: str | None) -> str:
    text = (text or "").rstrip()
    while text.endswith(NBSP_PLACEHOLDER):
        text = text[: -len(NBSP_PLACEHOLDER)].rstrip()
    return text


class FootnoteNumbers(Treeprocessor):
    """Show each numbered footnote's label as its number, in the text and in the page's list."""

    def run(self, root: etree.Element) -> None:
        for a in root.iter("a"):
            if "footnote-ref" in _classes(a):
                m = _NUMBER.search(a.get("href") or "")
                if m:
                    a.text = m.group(1)
        for div in root.iter("div"):
            if "footnote" in _classes(div):
                for ol in div.findall("ol"):
                    for li in ol.findall("li"):
                        self._item(li)

    @staticmethod
    def _item(li: etree.Element) -> None:
        m = _NUMBER.search(li.get("id") or "")
        if not m:
            return
        li.set("value", m.group(1))
        found: list[tuple[etree.Element, etree.Element]] = []
        for parent in li.iter():
            for child in list(parent):
                if child.tag == "a" and "footnote-backref" in _classes(child):
                    found.append((parent, child))
        if not found:
            return
        links = [(a.get("href") or "", a.get("title") or "") for _, a in found]
        for parent, a in found:
            # The footnotes extension separates text and arrows with a (placeholder) no-break space: drop it.
            idx = list(parent).index(a)
            if idx == 0:
                parent.text = _strip_nbsp(parent.text)
            else:
                prev = parent[idx - 1]
                prev.tail = _strip_nbsp(prev.tail)
            parent.remove(a)
        first = li[0] if len(li) and li[0].tag == "p" else li
        group = backlinks(links)
        group.tail = " " + (first.text or "")
        first.text = None
        first.insert(0, group)


class FootnoteNumbersExtension(Extension):
    """Registers :class:`FootnoteNumbers` after the footnotes extension's own treeprocessors."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API name
        # Priority 12: after footnotes (50: list; 15: duplicate back-links), before attr_list (8) and toc (5).
        md.treeprocessors.register(FootnoteNumbers(md), "zhwiki_footnote_numbers", 12)


def makeExtension(**kwargs: Any) -> FootnoteNumbersExtension:  # noqa: N802 - Python-Markdown's loader name
    return FootnoteNumbersExtension(**kwargs)
