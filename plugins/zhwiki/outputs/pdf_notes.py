"""Sources as footnotes at the foot of the page in the PDF (CSS GCPM ``float: footnote``).

The print page (views/printpage.py) prints every source once, in the 参考文献 list, and every
footnote marker in the text links to its entry there; that is what a browser can print.  On paper
a reader wants the source on the page that cites it, so the PDF step moves each source's text from
the list to the foot of the page of its **first** marker in reading order, with the web edition's
number (one number per source for the whole edition).  Later markers of the same source keep the
number and link to that footnote; the 参考文献 chapter keeps, in place of the texts, an index from
each number to the page its footnote is on (``target-counter``), so nothing is printed twice.
List entries no marker cites (none in the seed) stay in the list with their own number.
A marker inside a table or the infobox prints its source just after that table or infobox, in
small type like a table's notes (``div.print-table-notes``, see ``_HOLDER``): WeasyPrint keeps
neither a table row nor a multi-column box clear of the footnote area, and the infobox's thirty
sources at one place would not fit in one page's footnote area.

Input shapes (views/printpage.py ``for_paper``):

* a marker: ``<sup …><a class="footnote-ref" href="#ref-59">59</a></sup>``
* the list: ``<div class="reference-list"><ol><li id="ref-59">TEXT</li> … </ol>``, entry *n* being
  source *n* (the list is in number order, as on the web).

Only the PDF gets this: browsers do not lay out ``float: footnote``.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

#: Fixed labels of the PDF per script ("hans"/"hant"): page label, author line, footnote index.
LABELS: dict[str, dict[str, str]] = json.loads((Path(__file__).resolve().parent / "pdf-labels.json").read_text(encoding="utf-8"))

#: Block tags a source's text might hold; a footnote is one inline run, so they become spans.
_BLOCK_TAGS = ("p", "div", "ul", "ol", "li", "blockquote", "dl", "dt", "dd")
#: A marker inside one of these prints its source after it, as a table note (see the module docstring).
_HOLDER = "ancestor::table | ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' infobox ')]"


def _footnote(number: str, sid: str, entry: etree._Element, cls: str = "print-fn") -> etree._Element:
    """``<span class="CLS" id="ref-ID"><span class="print-fn-no">N</span> TEXT</span>`` from a list entry."""
    fn = lxml_html.Element("span", {"class": cls, "id": f"ref-{sid}"})
    no = etree.SubElement(fn, "span", {"class": "print-fn-no"})
    no.text = number
    no.tail = " " + (entry.text or "").lstrip()
    for child in entry:
        fn.append(copy.deepcopy(child))
    for el in fn.iter(*_BLOCK_TAGS):
        el.tag = "span"
    return fn


def page_footnotes(doc: str, script: str) -> tuple[str, int]:
    """*doc* (a whole HTML document) with each cited source's text as a footnote at its first marker.

    Returns (html, number of footnotes placed).  A document without a 参考文献 list
    (``div.reference-list > ol``), or whose markers cite none of its entries, is returned
    unchanged.  *script* is ``hans`` or ``hant`` (the labels of the page index that takes the
    list's place).
    """
    root = lxml_html.document_fromstring(doc)
    lists = root.xpath('//div[@class="reference-list"]/ol')
    if not lists:
        return doc, 0
    ol = lists[0]
    entries = [(n, li.get("id", "").removeprefix("ref-") or None, li) for n, li in enumerate(ol.findall("li"), start=1)]
    by_id = {sid: li for _n, sid, li in entries if sid}
    placed: set[str] = set()
    after: dict[etree._Element, list[etree._Element]] = {}  # table or infobox → its footnotes, in order
    for a in root.xpath('//a[contains(concat(" ", @class, " "), " footnote-ref ")][starts-with(@href, "#ref-")]'):
        sid = a.get("href")[len("#ref-"):]
        if sid in placed or sid not in by_id or ol in a.iterancestors():
            continue
        placed.add(sid)
        number = (a.text_content() or "").strip()
        holders = a.xpath(_HOLDER)
        if holders:  # document order: the outermost first
            after.setdefault(holders[0], []).append(_footnote(number, sid, by_id[sid], "print-table-note"))
            continue
        fn = _footnote(number, sid, by_id[sid])
        sup = a.getparent() if a.getparent() is not None and a.getparent().tag == "sup" else a
        fn.tail, sup.tail = sup.tail, None
        sup.addnext(fn)
    if not placed:
        return doc, 0
    for holder, fns in after.items():
        box = lxml_html.Element("div", {"class": "print-table-notes"})
        box.extend(fns)
        box.tail, holder.tail = holder.tail, None
        holder.addnext(box)
    # The list: an index from number to page for the placed sources, the others as they were.
    t = LABELS[script]
    note = lxml_html.Element("p", {"class": "print-fn-note"})
    note.text = t["footnote_index"]
    index = lxml_html.Element("ol", {"class": "print-fn-index"})
    for n, sid, li in entries:
        if sid in placed:
            item = etree.SubElement(index, "li", {"value": str(n)})
            etree.SubElement(item, "a", {"href": f"#ref-{sid}"})
            ol.remove(li)
        else:
            li.set("value", str(n))
    ol.addprevious(note)
    ol.addprevious(index)
    if not len(ol):
        ol.getparent().remove(ol)
    return "<!DOCTYPE html>\n" + lxml_html.tostring(root, encoding="unicode"), len(placed)
