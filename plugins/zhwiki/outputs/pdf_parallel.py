"""The 简繁对照 print page made fit for paper (A4 landscape, two columns, black and white).

The view's print page (views/parallel/page.py, ``site/parallel/print.html``) is made for the screen:
each pair of paragraphs is a ``div.lc-pair`` holding a left and a right ``div.lc-col``, every
character that differs only in script is a ``mark.lc-script``, merged tables (``div.lc-both``) span
both columns by CSS grid.  ``paper_parallel`` turns it into what the PDF step lays out:

* script-only marks unwrapped (the two columns show them; the legend says so), vocabulary marks kept;
* the screen's numbering attributes (``data-d``, ``data-u``) dropped;
* merged tables taken out of the two-column table of pairs, so they span the page;
* each source printed once, at the end of the first section citing it, in the left column's script,
  two to a row (``sources_once``).

Each step keeps the text and order of what it moves.  The costs that decided them are in
docs/benchmarks.md ("The PDF step").
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from .pdf_notes import LABELS, script_of

#: Landscape pages and two columns for the 简繁对照 view; marks readable in black and white.  Each
#: section's pairs are the rows of one table (one table per pair was 1 000 tables to lay out).
PARALLEL_CSS = """
@page { size: A4 landscape; margin: 16mm 14mm 16mm; }
html { font-size: 9.5pt; }
.lc-pairs { display: table; width: 100%; table-layout: fixed; }
.lc-pair { display: table-row; }
.lc-col { display: table-cell; width: 50%; padding: 0 .6em; vertical-align: top; border-bottom: .4pt solid #ccc; }
.lc-head { display: table; width: 100%; table-layout: fixed; font-weight: 700; border-bottom: .8pt solid #000; }
.lc-head a { display: table-cell; width: 50%; padding: 0 .6em; }
.lc-pair h1, .lc-pair h2, .lc-pair h3 { bookmark-level: none; string-set: none; }
/* A merged table (both variants in each cell, _full_width): the page's width, the two scripts one above the other. */
.lc-both { margin: .4em 0 .6em; }
.lc-both > table { width: 100%; margin: 0; }
/* Its head row (the infobox's 参战方, both scripts) is taller than what WeasyPrint repeats on each page: as a
   repeated header it was left out of the PDF altogether; printed once, as the first row, it is there. */
.lc-both > table > thead { display: table-row-group; }
.lc-both th { font-family: inherit; font-weight: 400; }
.lc-both .lc-cell + .lc-cell { border-top: .3pt dotted #888; margin-top: .15em; padding-top: .1em; }
mark { background: none; color: inherit; }
mark.lc-vocab { text-decoration: underline; text-decoration-thickness: 1.2pt; font-weight: 700; }
.lc-legend mark { padding: 0 .3em; }
.lc-legend mark.lc-vocab::after { content: "（粗体加下划线）"; font-weight: 400; }
.lc-legend mark.lc-script::after { content: "（一字对一字，两栏对看即见，纸本不另标）"; }
/* Each source once (sources_once): two to a row, both in the left column's script. */
.lc-once-note { font-size: 8.5pt; color: #333; margin: .3em 0 .5em; }
.lc-once .lc-col { font-size: 8.5pt; line-height: 1.45; text-align: left; }
"""
#: A mark of a script-only difference in the text (views/parallel/diff.py: one per differing character,
#: 24 000 in the seed).  On paper the two columns show it; unmarked, the 简繁对照 PDF lays out in half the time.
_SCRIPT_MARK = re.compile(r'<mark class="lc-script" data-d="\d+">([^<]*)</mark>')
#: The screen's pair and difference numbers (scripts' hooks; nothing on paper reads them).
_SCREEN_DATA = re.compile(r' data-[du]="\d+"')
#: The context of a pair that is an entry of the 参考文献 list, or of a section's list of the sources it
#: cites (views/parallel/pairs.py ``data-ctx``: the classes of the elements around it).
_REFERENCE_CTX = "reference-list"
_FOOTNOTE_CTX = "footnote"


def _classes(el: etree._Element) -> list[str]:
    return (el.get("class") or "").split()


def paper_parallel(doc: str) -> str:
    """The 简繁对照 print document *doc* (a whole HTML document) for paper (see the module docstring)."""
    doc = _SCREEN_DATA.sub("", _SCRIPT_MARK.sub(r"\1", doc))
    if 'class="lc-both"' not in doc and 'data-ctx="' not in doc:  # nothing _full_width or sources_once reads
        return doc
    root = lxml_html.document_fromstring(doc)
    _full_width(root)
    sources_once(root)
    return "<!DOCTYPE html>\n" + lxml_html.tostring(root, encoding="unicode")


def _split(pairs: etree._Element, run: list[etree._Element], inserted: list[etree._Element]) -> etree._Element | None:
    """Take *run* (consecutive pairs of the table of pairs *pairs*) out and put *inserted* in its place,
    between the table's part before the run and a new table of the pairs after it.

    A CSS table has no column span, so whatever stands across both columns (a merged table, sources
    printed once) has to stand between two tables.  *pairs* is removed when nothing stood before the
    run.  Returns the new table of the pairs after the run, or None when the run ended the table.
    """
    rest = lxml_html.Element("div", {"class": "lc-pairs"})
    rest.extend(list(run[-1].itersiblings()))
    before = run[0].getprevious() is not None
    anchor = pairs
    for el in [*inserted, *([rest] if len(rest) else [])]:
        el.tail = "\n"
        anchor.addnext(el)
        anchor = el
    for pair in run:
        pairs.remove(pair)
    if not before:
        pairs.getparent().remove(pairs)
    return rest if len(rest) else None


def _full_width(root: etree._Element) -> None:
    """Each merged table of the 简繁对照 view (``div.lc-both``, one table whose cells hold both variants:
    views/parallel/page.py) taken out of its section's two-column table of pairs.

    On screen such a table spans both columns (parallel.css: ``grid-column: 1 / -1``).  On paper the
    pairs are the rows of one CSS table, which has no column span: the merged table sat in the left
    column, half the page wide (the seed's 参战方 and 指挥官 table).  Here it stands between the pairs
    before it and those after it (``_split``), across the page.  The pairs keep their order.
    """
    for both in root.xpath('//div[@class="lc-both"]'):
        pair = both.getparent()
        pairs = pair.getparent() if pair is not None else None
        if pairs is None or "lc-pairs" not in _classes(pairs):
            continue
        _split(pairs, [pair], [both])


def _variant_name(head: etree._Element | None, side: str) -> str:
    """The variant's name in the view's head (``大陆简体：参考文献`` → ``大陆简体``), or "" without a head."""
    link = head.find(f'a[@class="lc-back lc-back-{side}"]') if head is not None else None
    return (link.text_content() if link is not None else "").split("：")[0].strip()


def _number(li: etree._Element) -> str | None:
    """The web number of a pair's list entry (``<ol start="N"><li value="N">``)."""
    ol = li.getparent()
    return li.get("value") or (ol.get("start") if ol is not None else None)


def sources_once(root: etree._Element) -> int:
    """Print each source once, at the end of the first section that cites it, in the left column's script.

    The view's print page lists each section's sources after it (pairs whose ``data-ctx`` names a
    footnote list) and all of them again in the 参考文献 chapter (``reference-list``), each in both
    scripts: four times in all.  A source reads the same in both scripts but for its script (most
    are in Latin letters), and each variant's own PDF prints it in that variant's script; in the seed
    the sources took more of the 简繁对照 PDF than the article's text.  On paper:

    * each run of section-end source pairs becomes a table of their left columns, two to a row, in
      order, vocabulary marks unwrapped (there is nothing beside them to compare);
    * an entry whose number an earlier section already printed is left out, and the markers that
      pointed at it point at the printed one;
    * in the 参考文献 list only entries printed nowhere before stay (packed the same way);
    * a note in the left column's script (pdf-labels.json ``parallel_notes_once`` before the first
      run, ``parallel_references_once`` in the 参考文献 chapter) says so.

    Other pairs (content notes, headings, a bibliography list) stay pairs.  Returns the number of
    entries printed; a document without such pairs is left as it is.
    """
    printed: dict[str, str] = {}  # web number → the id of its printed entry
    relink: dict[str, str] = {}  # id of an entry left out → the id of the printed one
    count = 0
    first_run = True
    todo = root.xpath('//div[contains(concat(" ", normalize-space(@class), " "), " lc-pairs ")]')
    while todo:
        pairs = todo.pop(0)
        run: list[etree._Element] = []
        kind = ""
        for pair in pairs:
            ctx = (pair.get("data-ctx") or "").split()
            this = _REFERENCE_CTX if _REFERENCE_CTX in ctx else _FOOTNOTE_CTX if _FOOTNOTE_CTX in ctx else ""
            if this and pair.find('div[@class="lc-col lc-l"]') is not None and (not run or this == kind):
                run.append(pair)
                kind = this
            elif run:
                break
        if not run:
            continue
        cols = []
        for pair in run:
            col = pair.find('div[@class="lc-col lc-l"]')
            li = col.find(".//li")
            number = _number(li) if li is not None else None
            if number is not None and number in printed:
                if li.get("id"):
                    relink[li.get("id")] = printed[number]
                continue
            if number is not None:
                if not li.get("id"):
                    li.set("id", f"lc-source-{number}")
                printed[number] = li.get("id")
            cols.append(col)
        parallel = next(pairs.iterancestors("div"), None)
        head = parallel.find('div[@class="lc-head"]') if parallel is not None else None
        label = "parallel_references_once" if kind == _REFERENCE_CTX else "parallel_notes_once" if first_run else ""
        first_run = first_run and kind != _FOOTNOTE_CTX
        count += len(cols)
        lang = run[0].find('div[@class="lc-col lc-l"]').get("lang") or ""
        note = None
        if label:
            note = lxml_html.Element("p", {"class": "lc-once-note", "lang": lang})
            note.text = LABELS[script_of(lang)][label].format(left=_variant_name(head, "l") or lang, right=_variant_name(head, "r"))
        rest = _pack(pairs, run, cols, note)
        if rest is not None:
            todo.insert(0, rest)
    if relink:
        for a in root.xpath('//a[starts-with(@href, "#")]'):
            target = relink.get(a.get("href")[1:])
            if target:
                a.set("href", f"#{target}")
    return count


def _pack(pairs: etree._Element, run: list[etree._Element], cols: list[etree._Element],
          note: etree._Element | None) -> etree._Element | None:
    """Replace *run* (consecutive pairs of *pairs*) with *note* and a table of *cols*, two to a row (``_split``).

    Returns the new table of the pairs that followed the run, if any.
    """
    table = lxml_html.Element("div", {"class": "lc-pairs lc-once"})
    for k in range(0, len(cols), 2):
        row = etree.SubElement(table, "div", {"class": "lc-pair"})
        for col in cols[k:k + 2]:
            for mark in col.xpath(".//mark"):
                mark.drop_tag()
            col.tail = None
            row.append(col)
    inserted = [note] if note is not None else []
    if len(table):
        inserted.append(table)
    return _split(pairs, run, inserted)
