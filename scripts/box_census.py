"""Box census: what a reader sees wrong in the boxes of articles nobody has tested (issue 17).

Developer tool.  For each ``*.wikitext`` file given (or every one in the folders given) it runs the
pipeline (``analyse`` + ``convert_edition`` for zh-cn, and zh-tw for the rows) and counts, per article, the faults that
issue 17's "Done means" names:

* ``english``: infobox rows labelled with an English parameter name (a definition-list term
  inside an ``infobox`` block made only of Latin letters, digits, spaces, ``_`` and ``-``);
* ``soup``: ``；``-joined parameter soup (a line with three or more ``；``-separated parts of
  which at least two are bare values with no CJK character, or ``name=value`` pieces), and
  template parameters shown as wikitext (a line starting ``| name =``);
* ``files``: file names shown as text (``Foo.jpg`` outside figures, links and HTML attributes);
* ``numbers``: numbers lost from a box (a number in a named parameter of a box template, or of an
  unknown template with three or more named parameters, that is nowhere in the page's text;
  layout, image, caption and ``*_Ref`` parameters are skipped);
* ``rows``: track, award, episode and exit rows missing (each ``titleN`` of ``{{Tracklist}}``,
  each ``Title`` of ``{{Episode list}}``, each ``name`` of an exit-list item whose text is not in
  the page, and status cells such as ``{{won}}`` that did not become a ``status`` span).

Then the totals.  Heuristics, not proofs: a zero says the usual faults are gone, not that the
page is right; look at the pages too.

    .venv/bin/python scripts/box_census.py build/sample [--verbose]

The articles are not part of the repository (zh.wikipedia text, CC BY-SA 4.0); keep them outside.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import mwparserfromhell

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))

from template_census import wikitext_files  # noqa: E402  (scripts/ is on sys.path when run)

from zhwiki.pipeline import Options, analyse, convert_edition  # noqa: E402
from zhwiki.templates import infobox_data as D  # noqa: E402
from zhwiki.templates import lookup, name_of  # noqa: E402

KINDS = ("english", "soup", "files", "numbers", "rows")

_TERM_EN = re.compile(r"^[A-Za-z][A-Za-z0-9 _\-]*$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_FILE = re.compile(r"[^\s/|\[\]()<>\"'=：:]+\.(?:jpe?g|png|svg|gif|tiff?|webp|ogg|ogv|webm)\b", re.I)
_NUMBER = re.compile(r"(?<![A-Za-z0-9_.])\d+(?:[.,]\d+)*")
_BOX_NAME = re.compile(r"infobox|信息框|資訊框|信息|資訊|资讯|資料|chembox|taxobox|speciesbox|automatic taxobox|"
                       r"subspeciesbox|infraspeciesbox|geobox|drugbox", re.I)
_EXIT_ITEM = re.compile(r"(?:expwy|jct|exit|interchange|出口|交流道).*(?:item|row|entry)|^jctexit|^exitlist", re.I)
_FILE_LINK = re.compile(r"\s*:?\s*(file|image|文件|檔案|图像|圖像|图片|圖片)\s*:", re.I)
_STATUS = {"won", "nom", "yes", "no", "partial", "n/a", "na", "tba", "pending", "win", "lost", "nominated"}
_SKIP_PARAM = re.compile(r"(^|[ _])ref$|_ref$|verifiedrevid|watchedfields|^(image|logo|map|cover|caption)|size$|width$|"
                         r"upright|px$|^coord|^lat|^long|^lon\b|color|colour|style|色$", re.I)


def _boxes(markdown: str) -> list[str]:
    """The text of every ``<div class="infobox …">`` block (nested divs kept inside)."""
    out, lines = [], markdown.split("\n")
    i = 0
    while i < len(lines):
        if lines[i].startswith('<div class="infobox'):
            depth, block = 0, []
            while i < len(lines):
                ln = lines[i]
                depth += ln.count("<div") - ln.count("</div>")
                block.append(ln)
                i += 1
                if depth <= 0:
                    break
            out.append("\n".join(block))
        else:
            i += 1
    return out


def _strings(data: object) -> set[str]:
    if isinstance(data, str):
        return {data}
    if isinstance(data, dict):
        return set().union(*(_strings(v) for v in data.values())) if data else set()
    if isinstance(data, list | tuple):
        return set().union(*(_strings(v) for v in data)) if data else set()
    return set()


def _table_labels() -> set[str]:
    """Every label the data tables give on purpose (``PubChem``, ``SMILES`` are zh.wikipedia's own labels)."""
    folder = Path(D.__file__).parent / "data"
    out: set[str] = set()
    for f in [*folder.glob("*.json"), *folder.glob("infobox/*.json")]:
        out |= _strings(json.loads(f.read_text(encoding="utf-8")))
    return out


def english_rows(source: str, markdown: str) -> list[str]:
    """Box rows whose label is one of the box's parameter names (``director``, ``Logo size``)."""
    code = mwparserfromhell.parse(source, skip_style_tags=True)
    names = {D.key(str(p.name)) for t in code.filter_templates(recursive=True) for p in t.params if p.showkey}
    known = _table_labels()
    found = []
    for box in _boxes(markdown):
        lines = box.split("\n")
        for a, b in zip(lines, lines[1:], strict=False):
            term = a.strip()
            if b.startswith(":   ") and _TERM_EN.match(term) and D.key(term) in names and term not in known:
                found.append(term)
    return found


_RAW_PARAM = re.compile(r"^\s*(?:\||&#124;)\s*[\w\- ]{1,40}?\s*(?:=|&#61;)")


def soup(markdown: str) -> list[str]:
    """Lines of ``；``-joined values, and template parameters shown as wikitext (``| name = …``)."""
    found = []
    for line in markdown.split("\n"):
        if _RAW_PARAM.match(line) and not line.lstrip().startswith("|---"):
            found.append(line[:80])
            continue
        parts = [p.strip() for p in re.split(r"；", re.sub(r"<[^>]+>", "", line))]
        if len(parts) < 3:
            continue
        bare = [p for p in parts if p and ("=" in p or not _CJK.search(p))]
        if len(bare) >= 2:
            found.append(line[:80])
    return found


def _visible(markdown: str) -> str:
    """The page text a reader sees: no figures, link targets, attributes or tags."""
    text = re.sub(r"<figure.*?</figure>", " ", markdown, flags=re.S)
    text = re.sub(r"\](\((?:https?:|#|\.|/)[^)]*\))", "]", text)
    text = re.sub(r"\{[^{}\n]*\.wiki-file[^{}\n]*\}", " ", text)
    text = re.sub(r"\{ ?[.#][^{}\n]*\}", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return text.replace("&#95;", "_")


def file_names(markdown: str) -> list[str]:
    return _FILE.findall(_visible(markdown))


def _digits(text: str) -> set[str]:
    return {m.replace(",", "") for m in _NUMBER.findall(text)}


def lost_numbers(source: str, markdown: str) -> list[str]:
    shown = _digits(_visible(markdown))
    lost = []
    code = mwparserfromhell.parse(source, skip_style_tags=True)
    for t in code.filter_templates(recursive=True):
        name = name_of(t)
        named = sum(1 for p in t.params if p.showkey)
        if not _BOX_NAME.search(name) and not (lookup(str(t.name)) is None and named >= 3):
            continue  # a box by its name, or an unknown template of named values (``{{营养值|water=…}}``)
        for p in t.params:
            if not p.showkey:
                continue
            pname = str(p.name).strip()
            if _SKIP_PARAM.search(pname) or D.is_layout(pname) or D.is_image(pname) or D.is_caption(pname):
                continue
            value = p.value
            for inner in value.filter_templates(recursive=False):
                if _BOX_NAME.search(name_of(inner)):
                    value.remove(inner)  # a section box (``Section1 = {{Chembox …}}``) is checked on its own
            for link in value.filter_wikilinks(recursive=False):
                if _FILE_LINK.match(str(link.title)):
                    value.remove(link)  # ``[[File:…|50px]]``: a picture and its size, not a number of the box
            spaced = re.sub(r"<(?!ref)[^>]+>", " ", str(value))  # ``10<sup>26</sup>``, ``km/s<br />9,660``
            text = mwparserfromhell.parse(spaced, skip_style_tags=True).strip_code()
            text = _FILE.sub(" ", text)
            for num in _digits(text):
                if num not in shown:
                    lost.append(f"{name}|{pname}={num}")
    return lost


def missing_rows(source: str, markdown: str, status_spans: int) -> list[str]:
    seen = re.sub(r"\s+", "", _visible(markdown))
    missing = []
    code = mwparserfromhell.parse(source, skip_style_tags=True)
    statuses = 0
    for t in code.filter_templates(recursive=True):
        name = name_of(t)
        if name in _STATUS:
            statuses += 1
            continue
        if name in ("tracklist", "track listing", "曲目列表"):
            keys = [p for p in t.params if re.fullmatch(r"title\d+", str(p.name).strip())]
        elif name in ("episode list", "episode list/sublist", "剧集列表", "劇集列表"):
            keys = [p for p in t.params if str(p.name).strip() in ("Title", "EpisodeNumber")]
        elif _EXIT_ITEM.search(name):
            keys = [p for p in t.params if str(p.name).strip() in ("name", "名称", "名稱")]
        else:
            continue
        for p in keys:
            want = re.sub(r"\s+", "", p.value.strip_code())
            want = re.sub(r"[（(].*?[)）]", "", want)
            if want and want[:6] not in seen:
                missing.append(f"{name}:{want[:20]}")
    if status_spans < statuses:
        missing += ["status cell"] * (statuses - status_spans)
    return missing


def census(path: Path) -> dict[str, list[str]]:
    raw = path.read_text(encoding="utf-8")
    article = analyse(raw, Options(title=path.stem))
    edition = convert_edition(article, "zh-cn")
    md = "\n".join(p.markdown for p in edition.pages)
    # rows are looked for in both variants: a traditional title in the source is simplified in zh-cn
    both = md + "\n" + "\n".join(p.markdown for p in convert_edition(article, "zh-tw").pages)
    spans = md.count('class="status status-')
    found = {
        "english": english_rows(raw, md),
        "soup": soup(md),
        "files": file_names(md),
        "numbers": lost_numbers(raw, md),
        "rows": missing_rows(raw, both, spans),
    }
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", type=Path, help="wikitext files or folders of them")
    ap.add_argument("--verbose", action="store_true", help="list each fault, not only the counts")
    args = ap.parse_args(argv)
    files = wikitext_files(args.paths)
    if not files:
        print("no .wikitext files given", file=sys.stderr)
        return 2
    totals: Counter[str] = Counter()
    faulty: Counter[str] = Counter()
    for f in files:
        found = census(f)
        counts = {k: len(found[k]) for k in KINDS}
        totals.update(counts)
        faulty.update({k for k in KINDS if counts[k]})
        print(f"{f.stem}: " + ", ".join(f"{k} {counts[k]}" for k in KINDS))
        if args.verbose:
            for k in KINDS:
                for item in found[k]:
                    print(f"    {k}: {item}")
    print(f"\narticles: {len(files)}; " + "; ".join(f"{k} {totals[k]} (in {faulty[k]} articles)" for k in KINDS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
