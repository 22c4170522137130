"""Collects source defects and unknown input during a build and reports them once.

Every stage reports problems here instead of logging directly, so that the build can end with
one summary (pages, footnotes, templates by family, unknown templates with counts, defects with
line numbers) and so that repeats of the same problem become one line with a count, which keeps
``mkdocs build --strict`` output readable.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Defect:
    """One problem in the source, with enough context for an editor to find it."""

    kind: str
    message: str
    line: int | None = None
    section: str | None = None

    def where(self) -> str:
        parts = []
        if self.section:
            parts.append(f"section «{self.section}»")
        if self.line is not None:
            parts.append(f"line {self.line}")
        return ", ".join(parts) or "article"

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
    _seen: set[tuple[str, str, int | None]] = field(default_factory=set)

    def defect(self, kind: str, message: str, line: int | None = None, section: str | None = None) -> None:
        """Record a defect once (the same kind, message and line are not repeated)."""
        key = (kind, message, line)
        if key in self._seen:
            return
        self._seen.add(key)
        self.defects.append(Defect(kind, message, line, section))

    def template(self, family: str) -> None:
        self.template_families[family] += 1

    def unknown_template(self, name: str, line: int | None) -> None:
        self.unknown_templates[name] += 1
        self.unknown_template_lines.setdefault(name, line)
        lines = self.unknown_template_all_lines.setdefault(name, [])
        if line is not None and line not in lines:
            lines.append(line)

    def probable_navbox(self, name: str, line: int | None) -> None:
        """Count a probable navigation box (shown as nothing; listed so that it can be confirmed)."""
        self.probable_navboxes[name] += 1
        self.probable_navbox_lines.setdefault(name, line)

    def unlabelled_param(self, template: str, param: str) -> None:
        """Count an infobox parameter that has no Chinese label yet (so that the tables can grow)."""
        self.unlabelled_params[f"{template}: {param}"] += 1

    def warnings(self) -> list[str]:
        """One line per problem worth a warning: defects, then unknown templates with counts."""
        out = [str(d) for d in self.defects]
        for name, n in sorted(self.unknown_templates.items(), key=lambda kv: (-kv[1], kv[0])):
            line = self.unknown_template_lines.get(name)
            where = f", first at line {line}" if line else ""
            out.append(f"unknown template: {{{{{name}}}}} × {n}{where}")
        for name, n in sorted(self.probable_navboxes.items(), key=lambda kv: (-kv[1], kv[0])):
            line = self.probable_navbox_lines.get(name)
            where = f", first at line {line}" if line else ""
            out.append(f"probable navigation box (dropped): {{{{{name}}}}} × {n}{where}")
        return out
