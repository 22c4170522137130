"""Sources printed at the end of the chapter that first cites them, in the PDF.

The print page (views/printpage.py) prints every source once, in the 参考文献 list, and every
footnote marker in the text links to its entry there; that is what a browser can print.  On paper
a reader wants the source near the text that cites it, so the PDF step moves each source's text from
the list to the end of the chapter (``section.print-section``, one web page) of its **first** marker
in reading order, with the web edition's number (one number per source for the whole edition), as
the web edition lists a page's sources at its foot.  Later markers of the same source keep the
number and link to that entry; the 参考文献 chapter keeps, in place of the texts, an index from
each number to the page its entry is on (``target-counter``), so nothing is printed twice.
List entries no marker cites (none in the seed) stay in the list with their own number.

Why not at the foot of each page (CSS GCPM ``float: footnote``, which the issue allows too): WeasyPrint
lays a page's whole footnote area out again for each footnote it adds, which cost 2.7 of 11.6 CPU s per
variant on the seed and kept ``make pdf`` above its time budget; it also lays footnotes over the text
when a table row or the infobox holds their markers.  The 简繁对照 PDF prints its sources at the ends
of chapters as well (pdf_parallel.py), so the three PDFs read alike.

Input shapes (views/printpage.py ``for_paper``):

* a marker: ``<sup …><a class="footnote-ref" href="#ref-59">59</a></sup>``
* the list: ``<div class="reference-list"><ol><li id="ref-59">TEXT</li> … </ol>``, entry *n* being
  source *n* (the list is in number order, as on the web).

Output, at the end of each chapter that cites a source first::

    <div class="print-chapter-notes"><p class="print-chapter-notes-title">本章来源</p>
    <ol class="print-notes"><li id="ref-59" value="59">TEXT</li> … </ol></div>
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

#: Fixed labels of the PDF per script ("hans"/"hant"): page label, author line, footnote index.
LABELS: dict[str, dict[str, str]] = json.loads((Path(__file__).resolve().parent / "pdf-labels.json").read_text(encoding="utf-8"))


def script_of(lang: str) -> str:
    """The LABELS key for a BCP 47 language tag: ``hant`` for ``zh-Hant…``, else ``hans``."""
    return "hant" if lang.startswith("zh-Hant") else "hans"

#: Inline wrappers a source prints as plain text on paper: links (their address is printed after
#: them, see ``span.print-url``), and spans that only carry the screen's classes; fewer inline boxes
#: to break into lines.  Tags that print something of their own stay: ``i``/``cite`` (titles), ``q``
#: (its quotation marks), ``sup``/``sub``, ``b``, ``br``, and blocks.  Only elements without a class
#: or with one of ``_PLAIN_CLASSES`` are unwrapped: any other class may be styled or hidden on paper
#: (pdf.css), so it keeps its element.
_PLAIN_TAGS = ("a", "span", "abbr", "bdi", "mark", "small", "time", "data")
_PLAIN_CLASSES = frozenset({"print-url", "citation", "cite-title", "lang-label", "external", "interlanguage",
                            "cite-error"})
#: The chapter a marker stands in.
_CHAPTER = "ancestor::section[contains(concat(' ', normalize-space(@class), ' '), ' print-section ')][1]"


def _note(number: int, sid: str, entry: etree._Element) -> etree._Element:
    """``<li id="ref-ID" value="N">TEXT</li>`` from a list entry, its plain wrappers unwrapped (``_PLAIN_TAGS``)."""
    li = lxml_html.Element("li", {"id": f"ref-{sid}", "value": str(number)})
    li.text = entry.text
    for child in entry:
        li.append(copy.deepcopy(child))
    for el in [el for el in li.iter(*_PLAIN_TAGS) if el is not li]:
        if set((el.get("class") or "").split()) <= _PLAIN_CLASSES:
            el.drop_tag()
    return li


def chapter_notes(doc: str, script: str) -> tuple[str, int]:
    """*doc* (a whole HTML document) with each cited source's text at the end of the chapter of its first marker.

    Returns (html, number of sources placed).  A document without a 参考文献 list
    (``div.reference-list > ol``), or whose markers cite none of its entries, is returned
    unchanged.  *script* is ``hans`` or ``hant`` (the labels of the notes' title and of the page
    index that takes the list's place).  A marker outside every chapter puts its source at the end
    of the chapter holding the list.
    """
    root = lxml_html.document_fromstring(doc)
    lists = root.xpath('//div[@class="reference-list"]/ol')
    if not lists:
        return doc, 0
    ol = lists[0]
    entries = [(n, li.get("id", "").removeprefix("ref-") or None, li) for n, li in enumerate(ol.findall("li"), start=1)]
    by_id = {sid: (n, li) for n, sid, li in entries if sid}
    placed: set[str] = set()
    home = (ol.xpath(_CHAPTER) or [None])[0]
    chapters: dict[etree._Element | None, list[etree._Element]] = {}  # chapter → its notes, in order
    for a in root.xpath('//a[contains(concat(" ", @class, " "), " footnote-ref ")][starts-with(@href, "#ref-")]'):
        sid = a.get("href")[len("#ref-"):]
        if sid in placed or sid not in by_id or ol in a.iterancestors():
            continue
        placed.add(sid)
        chapter = (a.xpath(_CHAPTER) or [home])[0]
        number, entry = by_id[sid]
        chapters.setdefault(chapter, []).append(_note(number, sid, entry))
    if not placed:
        return doc, 0
    t = LABELS[script]
    for chapter, notes in chapters.items():
        box = lxml_html.Element("div", {"class": "print-chapter-notes"})
        title = etree.SubElement(box, "p", {"class": "print-chapter-notes-title"})
        title.text = t["chapter_notes"]
        listing = etree.SubElement(box, "ol", {"class": "print-notes"})
        listing.extend(sorted(notes, key=lambda li: int(li.get("value"))))
        if chapter is None:  # neither the marker nor the list stands in a chapter
            ol.getparent().addprevious(box)
        else:
            chapter.append(box)
    # The list: an index from number to page for the placed sources, the others as they were.
    note = lxml_html.Element("p", {"class": "print-fn-note"})
    note.text = t["footnote_index"]
    index = lxml_html.Element("ol", {"class": "print-fn-index"})
    for n, sid, li in entries:
        if sid in placed:
            item = etree.SubElement(index, "li")
            no = etree.SubElement(item, "span", {"class": "print-fn-index-no"})
            no.text = f"{n}."
            etree.SubElement(item, "a", {"href": f"#ref-{sid}"})
            ol.remove(li)
        else:
            li.set("value", str(n))
    ol.addprevious(note)
    ol.addprevious(index)
    if not len(ol):
        ol.getparent().remove(ol)
    return "<!DOCTYPE html>\n" + lxml_html.tostring(root, encoding="unicode"), len(placed)
