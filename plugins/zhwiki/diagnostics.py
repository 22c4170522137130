"""Collects source defects and unknown input during a build and reports them once.

Every stage reports problems here instead of logging directly, so that the build can end with
one summary (pages, footnotes, templates by family) and one block of the problems in the source
article, each with its place (source line, section, template) and, when it concerns only some
variants, their codes.  Repeats of the same problem become one line.

Two kinds of problem are told apart (issue 13, "First contact"):

* **source problems**: the article's own faults (damaged captions, unbalanced quotes, undefined
  refs, unknown templates, conversion rules that misfire …).  The build repairs or skips each one
  and goes on; :meth:`Diagnostics.source_block` prints them as one block.
* **edition faults** (:data:`EDITION_KINDS`): faults of this program or of the machine it runs
  on (KaTeX missing, the parallel view unable to pair a page, the converter losing track of a
  tag).  The glue logs each as a warning, so ``mkdocs build --strict`` fails on them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

#: Defect kinds that are faults of the edition or its environment, not of the article.
EDITION_KINDS = frozenset({"math unchecked", "parallel view", "internal"})


@dataclass(frozen=True)
class Defect:
    """One problem in the source, with enough context for an editor to find it.

    *line* is the 1-based line of the source file; *section* the plain heading text (``(lead)``
    for the lead); *template* the template call (as written) the problem sits in; *variants*
    the variant codes whose conversion met the problem, empty when it does not depend on the
    variant (everything found while parsing and rendering).
    """

    kind: str
    message: str
    line: int | None = None
    section: str | None = None
    template: str | None = None
    variants: tuple[str, ...] = ()

    def where(self) -> str:
        parts = []
        if self.section:
            parts.append(f"section «{self.section}»")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.template:
            parts.append(f"in {{{{{self.template}}}}}")
        return ", ".join(parts) or "article"

    def place(self) -> str:
        """The place first, as the source block lists it: ``line 310, section «经过», in {{Infobox}}``."""
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.section:
            parts.append(f"section «{self.section}»")
        if self.template:
            parts.append(f"in {{{{{self.template}}}}}")
        return ", ".join(parts) or "whole article"

    @property
    def is_edition_fault(self) -> bool:
        return self.kind in EDITION_KINDS

    def __str__(self) -> str:
        return f"{self.kind}: {self.message} ({self.where()})"


@dataclass
class Diagnostics:
    """Mutable collector shared by the stages of one article build."""

    defects: list[Defect] = field(default_factory=list)
    template_families: Counter[str] = field(default_factory=Counter)
    unknown_templates: Counter[str] = field(default_factory=Counter)
    unknown_template_lines: dict[str, int | None] = field(default_factory=dict)
    #: Infobox parameters shown under their own (readable) name for want of a label: «template: param» → count.
    unlabelled_params: Counter[str] = field(default_factory=Counter)
    #: Every source line of each unknown template's calls, in order (for the editors' list).
    unknown_template_all_lines: dict[str, list[int]] = field(default_factory=dict)
    #: Unknown parameterless calls on a line of their own (how navigation boxes stand): name → count.
    probable_navboxes: Counter[str] = field(default_factory=Counter)
    probable_navbox_lines: dict[str, int | None] = field(default_factory=dict)
    #: What each of those probably is when not a navigation box (``maintenance notice``): name → kind.
    probable_kinds: dict[str, str] = field(default_factory=dict)
    #: (first source line, section name) of each section in order, ``(lead)`` first: the section
    #: of a defect that knows only its line.
    section_lines: list[tuple[int, str]] = field(default_factory=list)
    #: (kind, message, line) → index in ``defects`` (a repeat adds its variant to the first).
    _seen: dict[tuple[str, str, int | None], int] = field(default_factory=dict)

    def defect(self, kind: str, message: str, line: int | None = None, section: str | None = None,
               template: str | None = None, variant: str | None = None) -> None:
        """Record a defect once (the same kind, message and line are not repeated).

        *variant*: the variant whose conversion met it (None: found before any conversion, so in
        every variant).  The same defect met in several variants is one defect naming them all.
        """
        key = (kind, message, line)
        at = self._seen.get(key)
        if at is None:
            self._seen[key] = len(self.defects)
            self.defects.append(Defect(kind, message, line, section, template, (variant,) if variant else ()))
            return
        old = self.defects[at]
        if old.variants and variant and variant not in old.variants:
            self.defects[at] = replace(old, variants=(*old.variants, variant))
        elif old.variants and not variant:
            self.defects[at] = replace(old, variants=())  # met outside any one variant too

    def merge(self, defects: Sequence[Defect]) -> None:
        """Record defects found elsewhere (a forked variant build), as if found here."""
        for d in defects:
            for v in d.variants or (None,):
                self.defect(d.kind, d.message, d.line, d.section, d.template, v)

    def template(self, family: str) -> None:
        self.template_families[family] += 1

    def unknown_template(self, name: str, line: int | None) -> None:
        self.unknown_templates[name] += 1
        self.unknown_template_lines.setdefault(name, line)
        lines = self.unknown_template_all_lines.setdefault(name, [])
        if line is not None and line not in lines:
            lines.append(line)

    def probable_navbox(self, name: str, line: int | None, kind: str = "navigation box") -> None:
        """Count a probable navigation box, or another *kind* of call that shows nothing where it
        stands (``maintenance notice``), placed as its kind is; listed so that it can be confirmed."""
        self.probable_navboxes[name] += 1
        self.probable_navbox_lines.setdefault(name, line)
        if kind != "navigation box":
            self.probable_kinds.setdefault(name, kind)

    def probable_label(self, name: str) -> str:
        """``probable navigation box (dropped)`` or the kind recorded for *name*."""
        return f"probable {self.probable_kinds.get(name, 'navigation box')} (dropped)"

    def unlabelled_param(self, template: str, param: str) -> None:
        """Count an infobox parameter that has no Chinese label yet (so that the tables can grow)."""
        self.unlabelled_params[f"{template}: {param}"] += 1

    def warnings(self) -> list[str]:
        """One line per problem worth a warning: defects, then unknown templates with counts."""
        return [str(d) for d in self.defects] + self._template_lines()

    def _template_lines(self) -> list[str]:
        out = []
        for name, n in sorted(self.unknown_templates.items(), key=lambda kv: (-kv[1], kv[0])):
            line = self.unknown_template_lines.get(name)
            where = f", first at line {line}" if line else ""
            out.append(f"unknown template: {{{{{name}}}}} × {n}{where}")
        for name, n in sorted(self.probable_navboxes.items(), key=lambda kv: (-kv[1], kv[0])):
            line = self.probable_navbox_lines.get(name)
            where = f", first at line {line}" if line else ""
            out.append(f"{self.probable_label(name)}: {{{{{name}}}}} × {n}{where}")
        return out

    def edition_faults(self) -> list[str]:
        """Faults of the edition or its environment (:data:`EDITION_KINDS`), one line each."""
        return [str(d) for d in self.defects if d.is_edition_fault]

    def source_problems(self, variants: Sequence[str] = ()) -> list[str]:
        """The article's own problems, one line each, the place first, in source-line order.

        A line reads ``line 310, section «经过»: damaged caption: …``; a problem met in only some
        of the built *variants* ends with ``[zh-tw only]``.  Unknown templates and probable
        navigation boxes are one line per name, at their first call, with the number of calls.
        The order does not depend on the order the variants were built in.
        """
        built = set(variants)
        rows = []
        for d in self.defects:
            if d.is_edition_fault:
                continue
            tag = ""
            if d.variants and not built <= set(d.variants):
                tag = f" [{', '.join(sorted(d.variants))} only]"
            if d.section is None and d.line is not None:
                d = replace(d, section=self.section_at(d.line))
            rows.append(((d.line is None, d.line or 0, d.section or "", d.kind, d.message, tag),
                         f"{d.place()}: {d.kind}: {d.message}{tag}"))
        for label, counts, first in (("unknown template", self.unknown_templates, self.unknown_template_lines),
                                     ("", self.probable_navboxes, self.probable_navbox_lines)):
            for name, n in counts.items():
                what = label or self.probable_label(name)
                line = first.get(name)
                place = Defect("", "", line, self.section_at(line) if line else None).place()
                more = f" × {n} (the first call)" if n > 1 else ""
                rows.append(((line is None, line or 0, "", what, name, ""), f"{place}: {what}: {{{{{name}}}}}{more}"))
        rows.sort(key=lambda r: r[0])
        return [text for _key, text in rows]

    def section_at(self, line: int) -> str | None:
        """The section a source line belongs to (None before ``section_lines`` is known)."""
        i = bisect_right([first for first, _name in self.section_lines], line) - 1
        return self.section_lines[i][1] if i >= 0 else None

    def source_block(self, title: str, variants: Sequence[str] = ()) -> str:
        """The source problems as one multi-line message, or ``""`` when there are none.

        Its first line names the article and the count (``Problems in the source article
        «朝鲜战争» (33); each was repaired or left out, and the build went on:``); one indented
        line per problem follows (:meth:`source_problems`).
        """
        lines = self.source_problems(variants)
        if not lines:
            return ""
        name = f" «{title}»" if title else ""
        head = (f"Problems in the source article{name} ({len(lines)}); "
                "each was repaired or left out, and the build went on:")
        return "\n".join([head, *(f"  {ln}" for ln in lines)])
