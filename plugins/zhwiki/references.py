"""References: every ``<ref>``, ``{{r}}``, ``{{sfn}}`` and note, resolved before any page is rendered.

Cite resolves names over the whole page, so a named ref may be used before its definition, be
defined in the infobox, inside a note, or in ``{{reflist|refs=}}`` (quirks Q5–Q10).  Pass 1
(:meth:`References.collect`) walks the whole parsed article and gives every definition a stable
ASCII id (``c1``, ``c2`` … in source order; Chinese names would differ between the variants).
Pass 2 happens during rendering, in document order: the first marker of a source gives it its
number (``Footnote.number``, 1, 2 … as Cite numbers a page: by first citation), and that number is
the footnote's Markdown label (``[^12]``), so every page, the reference list, both variants, the
简繁对照 view and print show the same number for the same source.  Each marker records its
footnote in the current page's usage list, and the page ends with the definitions it used as
Python-Markdown footnotes.  Notes (``{{noteTag}}``, ``<ref group=…>``) are a separate numbered series.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mwparserfromhell.nodes import Tag, Template
from mwparserfromhell.wikicode import Wikicode

from .diagnostics import Diagnostics

SFN_TEMPLATES = frozenset({"sfn", "sfnp", "harvnb-ref"})
#: zh.wikipedia's reference templates named in Chinese and their English forms (Template:参, 參考,
#: RefTag …): each wraps ``{{#tag:ref|{{{1}}}|name=|group=}}``, so ``{{参|name=a|内容}}`` defines the
#: footnote «a» and ``{{参|name=a}}`` cites it again (with a group it is a note).
TAG_REF_TEMPLATES = frozenset({"参", "參", "参考", "參考", "reftag", "ref tag", "ref-tag"})
#: The group Template:NoteTag uses on zh.wikipedia.
NOTE_GROUP = "注"
#: How that group's label is written in each script: 注 in 简体, 註 in 繁體 (as the 注释/註釋 heading;
#: OpenCC leaves a lone 注 unchanged).
NOTE_GROUP_LABELS: dict[str, str] = {"hans": NOTE_GROUP, "hant": "註"}
#: The notes heading in each script, matching the labels (MediaWiki's table writes 注釋 in zh-tw,
#: which would not match [註1]); written as given, never converted.
NOTE_HEADINGS: dict[str, str] = {"hans": "注释", "hant": "註釋"}


def norm_name(name: str) -> str:
    """Normalise a ref name as Cite does after attribute parsing (quotes and spaces trimmed)."""
    return name.strip().strip('"').strip("'").strip()


def tname(t: Template) -> str:
    return " ".join(str(t.name).replace("_", " ").split()).lower()


@dataclass
class Footnote:
    """One footnote definition (a ref with content, an sfn, or a placeholder for a missing one)."""

    id: str
    name: str | None
    body: Wikicode | str | None
    line: int | None
    kind: str = "ref"  # ref | sfn | missing
    imd: str | None = None
    #: The edition-wide number (order of first citation); None until first cited.
    number: int | None = None


@dataclass
class Note:
    """One note of a group (``[注1]``); its body may cite footnotes."""

    number: int
    group: str
    body: Wikicode | str
    line: int | None
    name: str | None = None
    imd: str | None = None
    cites: list[str] = field(default_factory=list)
    #: The page of the note's first marker (where the full notes list links back to).
    page: str | None = None


class References:
    """All footnotes and notes of one article."""

    def __init__(self, diag: Diagnostics) -> None:
        self.diag = diag
        self.footnotes: dict[str, Footnote] = {}
        self.by_name: dict[str, Footnote] = {}
        self.by_node: dict[int, Footnote] = {}
        self.sfn_by_key: dict[str, Footnote] = {}
        self.notes: list[Note] = []
        self.notes_by_node: dict[int, Note] = {}
        self.notes_by_name: dict[tuple[str, str], Note] = {}
        self.sinks: list[list[str]] = []
        self.note_sinks: list[list[int]] = []
        #: Id of a ``-{zh-hans;zh-hant|…}-`` block that wraps the reference list, if any.
        self.wrapper_block: int | None = None
        self.undefined: list[str] = []
        #: Footnote ids in order of first citation (``numbered[k]`` has number k + 1).
        self.numbered: list[str] = []

    # -- pass 1 ------------------------------------------------------------------------
    def collect(self, code: Wikicode, line_of) -> None:
        """Register every definition in the article (document order)."""
        uses: list[tuple[str, int | None]] = []
        for node in code.ifilter(recursive=True, forcetype=(Tag, Template)):
            if isinstance(node, Tag) and str(node.tag).strip().lower() == "ref":
                group = norm_name(str(node.get("group").value)) if node.has("group") else ""
                if group:
                    continue  # grouped refs are notes, numbered when rendered
                name = norm_name(str(node.get("name").value)) if node.has("name") else None
                body = node.contents if node.contents is not None else None
                has_body = body is not None and str(body).strip() != ""
                line = line_of(node)
                if not has_body:
                    if name:
                        uses.append((name, line))
                    else:
                        self.diag.defect("empty ref", "a <ref> with no content and no name was skipped", line)
                    continue
                if name and name in self.by_name:
                    fn = self.by_name[name]
                    if fn.kind == "ref" and str(fn.body).strip() != str(body).strip():
                        self.diag.defect(
                            "ref conflict", f"ref name «{name}» is defined twice with different content; the first is kept", line
                        )
                    self.by_node[id(node)] = fn
                    continue
                fn = self._new(name, body, line)
                self.by_node[id(node)] = fn
            elif isinstance(node, Template):
                n = tname(node)
                if "".join(str(node.name).split()).lower() == "#tag:ref":
                    self._collect_tag_ref(node, line_of)
                elif n in TAG_REF_TEMPLATES:
                    self._collect_tag_ref(node, line_of, uses, named_body=True)
                elif n in SFN_TEMPLATES:
                    key = sfn_key(node)
                    if key not in self.sfn_by_key:
                        fn = self._new(None, sfn_text(node), line_of(node), kind="sfn")
                        self.sfn_by_key[key] = fn
                elif n == "r":
                    for p in node.params:
                        if not p.showkey or str(p.name).strip().isdigit():
                            nm = norm_name(str(p.value))
                            if nm:
                                uses.append((nm, line_of(node)))
        for name, line in uses:
            if name not in self.by_name:
                fn = self._new(name, None, line, kind="missing")
                self.undefined.append(name)
                self.diag.defect("undefined ref", f"ref «{name}» is cited but never defined; a placeholder is shown", line)

    def _collect_tag_ref(self, node: Template, line_of, uses: list[tuple[str, int | None]] | None = None,
                         named_body: bool = False) -> None:
        """``{{#tag:ref|内容|name=…}}`` defines a footnote like ``<ref>`` (with a group: a note, later).

        *named_body*: the content may also be written ``1=…`` (``{{参考|name=a|1=…}}``); a call with a
        name and no content cites that name (recorded in *uses*)."""
        params = {str(p.name).strip().lower(): p.value for p in node.params if p.showkey}
        if "group" in params and str(params["group"]).strip():
            return
        body = next((p.value for p in node.params if not p.showkey), None)
        if body is None and named_body:
            body = params.get("1")
        name = norm_name(str(params["name"])) if "name" in params else None
        if body is None or not str(body).strip():
            if name and uses is not None:
                uses.append((name, line_of(node)))
            return
        fn = self.by_name.get(name) if name else None
        self.by_node[id(node)] = fn if fn is not None else self._new(name, body, line_of(node))

    def define(self, name: str | None, body, line: int | None) -> Footnote:
        """A footnote met only while rendering (``{{#tag:ref|…}}``): the named one if defined, else a new one."""
        if name and name in self.by_name:
            return self.by_name[name]
        return self._new(name, body, line)

    def _new(self, name: str | None, body, line: int | None, kind: str = "ref") -> Footnote:
        fid = f"c{len(self.footnotes) + 1}"
        fn = Footnote(fid, name, body, line, kind)
        self.footnotes[fid] = fn
        if name:
            self.by_name[name] = fn
        return fn

    # -- pass 2: markers ------------------------------------------------------------------
    def use(self, fid: str) -> str:
        """Record a use of a footnote on the current page and return its Markdown marker ``[^N]``.

        The first use numbers the footnote (Cite's rule: sources are numbered by first citation).
        """
        if self.sinks:
            sink = self.sinks[-1]
            if fid not in sink:
                sink.append(fid)
        return f"[^{self.label(fid)}]"

    def label(self, fid: str) -> str:
        """The footnote's Markdown label: its edition-wide number (numbered now if still unnumbered)."""
        fn = self.footnotes[fid]
        if fn.number is None:
            self.numbered.append(fid)
            fn.number = len(self.numbered)
        return str(fn.number)

    def number_the_rest(self) -> None:
        """Number the sources never cited (list-defined, unused), after the cited ones, in source order."""
        for fid in self.footnotes:
            self.label(fid)

    def in_number_order(self) -> list[Footnote]:
        """Every footnote, by number (call :meth:`number_the_rest` first)."""
        return [self.footnotes[fid] for fid in self.numbered]

    def for_node(self, node: Tag) -> Footnote | None:
        fn = self.by_node.get(id(node))
        if fn is None and node.has("name"):
            fn = self.by_name.get(norm_name(str(node.get("name").value)))
        return fn

    def push_page(self) -> list[str]:
        sink: list[str] = []
        self.sinks.append(sink)
        self.note_sinks.append([])
        return sink

    def pop_page(self) -> tuple[list[str], list[int]]:
        return self.sinks.pop(), self.note_sinks.pop()

    def note_for(self, key: int, group: str, body, line: int | None, name: str | None) -> tuple[Note, bool]:
        """The note for a marker node (created on first use); returns (note, created)."""
        if key in self.notes_by_node:
            return self.notes_by_node[key], False
        if name and (group, name) in self.notes_by_name:
            note = self.notes_by_name[(group, name)]
            self.notes_by_node[key] = note
            return note, False
        number = sum(1 for n in self.notes if n.group == group) + 1
        note = Note(number, group, body, line, name)
        self.notes.append(note)
        self.notes_by_node[key] = note
        if name:
            self.notes_by_name[(group, name)] = note
        return note, True

    def use_note(self, note: Note) -> None:
        if self.note_sinks:
            sink = self.note_sinks[-1]
            idx = self.notes.index(note)
            if idx not in sink:
                sink.append(idx)


def sfn_key(t: Template) -> str:
    return "|".join(f"{str(p.name).strip()}={str(p.value).strip()}" for p in t.params)


_PAGE_RE = re.compile(r"^(p|pp|page|pages|loc)$")


def sfn_text(t: Template) -> str:
    """``{{sfn|Stokesbury|1990|p=67}}`` → «Stokesbury 1990，第67页» (plain text, escaped later)."""
    pos = [str(p.value).strip() for p in t.params if not p.showkey]
    authors = [a for a in pos[:-1]] if len(pos) > 1 else pos
    year = pos[-1] if len(pos) > 1 else ""
    who = " & ".join(authors)
    text = f"{who} {year}".strip()
    for p in t.params:
        name = str(p.name).strip()
        if p.showkey and _PAGE_RE.match(name):
            val = str(p.value).strip()
            if name in ("p", "page"):
                text += f"，第{val}页"
            elif name in ("pp", "pages"):
                text += f"，第{val}页"
            else:
                text += f"，{val}"
    return text
