"""State shared by the renderer and the template handlers while one article is rendered."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostics
from ..references import References
from ..source import Prepared

if TYPE_CHECKING:
    from mwparserfromhell.nodes import Node, Wikilink


@dataclass
class LinkTarget:
    """Where a section of this edition lives: page path and anchor."""

    page: str
    anchor: str | None


@dataclass
class RenderContext:
    """Everything a node or template handler may need; one per article, reused for all pages."""

    prep: Prepared
    diag: Diagnostics
    refs: References
    #: Plain heading text (t2s-folded) → where that heading is in the edition.
    sections: dict[str, LinkTarget] = field(default_factory=dict)
    #: Titles (folded) under which links to the article itself are recognised.
    self_titles: set[str] = field(default_factory=set)
    #: Current page path (``s03.md``) and section title, for links and diagnostics.
    page: str = "index.md"
    section: str = "(lead)"
    section_offset: int = 0
    section_text: str = ""
    stash: list[str] = field(default_factory=list)
    #: Depth of contexts that forbid links (headings) or footnotes (inside a footnote body).
    in_heading: int = 0
    in_footnote: int = 0
    #: Heading anchors already handed out on this page, in order.
    heading_anchors: list[str] = field(default_factory=list)
    #: Template names whose handler is running (to stop runaway recursion).
    template_stack: list[str] = field(default_factory=list)
    #: Set by the pipeline: renders a Wikicode/str to IMD (inline or block), a node list, and a
    #: ``[[File:…]]`` link to a figure.  Template and tag handlers render their parameters and
    #: contents through these (:meth:`inline`, :meth:`block`, :meth:`nodes`, :meth:`file`), so
    #: neither templates/ nor render/tags.py imports render/nodes.py, which dispatches to them.
    render_inline: Callable[..., str] | None = None
    render_block: Callable[..., str] | None = None
    render_nodes: Callable[..., str] | None = None
    render_file: Callable[..., str] | None = None
    #: Information the templates found: page title rules, infobox presence, …
    page_rules: list = field(default_factory=list)
    title_rule: object | None = None
    notes_list_pages: set[str] = field(default_factory=set)
    reflist_seen: bool = False
    #: The article's page name (``{{PAGENAME}}``) and the title ``{{DISPLAYTITLE:…}}`` asks for (plain text).
    page_title: str = ""
    display_title: str = ""

    def line_of(self, node: Node | str) -> int | None:
        """Best-effort source line of a node (mwparserfromhell keeps no positions)."""
        s = node if isinstance(node, str) else node.__dict__.get("_zhwiki_src") or str(node)
        if not s:
            return None
        i = self.section_text.find(s)
        if i < 0:
            i = self.prep.text.find(s)
            return self.prep.line_of(i) if i >= 0 else None
        return self.prep.line_of(self.section_offset + i)

    def defect(self, kind: str, message: str, node: Node | str | None = None) -> None:
        """Record a source problem at *node*: its line, the section and the template it sits in."""
        self.diag.defect(kind, message, self.line_of(node) if node is not None else None, self.section,
                         self.template_stack[-1] if self.template_stack else None)

    def stash_block(self, markdown: str) -> str:
        """Keep a finished Markdown block out of the line passes; returns its placeholder line."""
        from .. import markers as M

        self.stash.append(markdown)
        return f"\n{M.STASH_OPEN}{len(self.stash) - 1}{M.STASH_CLOSE}\n"

    def inline(self, code) -> str:
        assert self.render_inline is not None
        return self.render_inline(code, self)

    def block(self, code) -> str:
        assert self.render_block is not None
        return self.render_block(code, self)

    def nodes(self, nodes: list[Node]) -> str:
        """A node list (a tag's contents) as IMD, as the renderer renders it in place."""
        assert self.render_nodes is not None
        return self.render_nodes(nodes, self)

    def file(self, link: Wikilink, extra_caption: str = "") -> str:
        """A ``[[File:…]]`` link as a figure (IMD): its caption and a link to the file on Commons."""
        assert self.render_file is not None
        return self.render_file(link, self, extra_caption)
