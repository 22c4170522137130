"""Sections → pages: stable ASCII paths, back matter, and where every heading will live."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mwparserfromhell.nodes import Heading

from . import markers as M
from .render.context import LinkTarget
from .render.nodes import fold
from .source import Prepared, Section

#: Back-matter section titles (folded to simplified) → their fixed page names.
BACK_MATTER = {
    "注释": "notes", "注解": "notes", "脚注": "notes", "注": "notes", "备注": "notes",
    "参考文献": "references", "参考资料": "references", "参考来源": "references", "来源": "references",
    "引用": "references", "资料来源": "references", "参考": "references", "文献": "references",
    "外部链接": "external-links", "外部连结": "external-links", "外部链结": "external-links",
    "参见": "see-also", "相关条目": "see-also", "参看": "see-also",
    "延伸阅读": "further-reading", "扩展阅读": "further-reading",
}


@dataclass
class PagePlan:
    """Where one section goes."""

    section: Section
    path: str
    kind: str  # lead | section | back
    anchors: list[tuple[str, str]]  # (folded heading text, anchor id) in order


def plain_title(code, prep: Prepared) -> str:
    """Heading text without markup, maps resolved to their simplified entry (for matching)."""
    s = code.strip_code(normalize=True, collapse=True) if hasattr(code, "strip_code") else str(code)
    s = str(code) if not s.strip() else s

    def block(m: re.Match[str]) -> str:
        b = prep.blocks.get(int(m.group(1)))
        if b is None:
            return ""
        e = b.rule.entries
        return e.get("zh-hans") or e.get("zh-cn") or next(iter(e.values()), "")

    return M.BLOCK_RE.sub(block, s)


def plan(sections: list[Section], prep: Prepared) -> list[PagePlan]:
    plans: list[PagePlan] = []
    used: set[str] = set()
    for sec in sections:
        if sec.index == 0:
            path, kind = "index.md", "lead"
        else:
            key = fold(plain_title(sec.title, prep)) if sec.title is not None else ""
            name = BACK_MATTER.get(key)
            if name and f"{name}.md" not in used:
                path, kind = f"{name}.md", "back"
            else:
                path, kind = f"s{sec.index:02d}.md", "section"
        used.add(path)
        anchors = []
        for k, h in enumerate(sec.code.filter_headings(recursive=False), 1):
            assert isinstance(h, Heading)
            anchors.append((fold(plain_title(h.title, prep)), f"{path.removesuffix('.md')}-{k}"))
        plans.append(PagePlan(sec, path, kind, anchors))
    return plans


def link_targets(plans: list[PagePlan], prep: Prepared) -> dict[str, LinkTarget]:
    """Folded heading text → page and anchor, for ``[[#…]]`` links inside the edition."""
    out: dict[str, LinkTarget] = {}
    for p in plans:
        if p.section.title is not None:
            out.setdefault(fold(plain_title(p.section.title, prep)), LinkTarget(p.path, None))
        for key, anchor in p.anchors:
            out.setdefault(key, LinkTarget(p.path, anchor))
    return out
