"""A small HTML tree over Python-Markdown's output: enough to walk it, mark text and write it back.

Shapes: :func:`parse_html` gives an :class:`Element` ``#root`` whose children are
:class:`Element`, :class:`Text` and :class:`Raw` nodes.  Start tags are kept exactly as written
(``Element.start``), so a tree without marks serialises to the HTML it was parsed from; text nodes
are numbered in document order (``Text.index``) so the rule spans of one column can be looked up
per node.  :func:`skeleton` is the tree's shape without its text: two columns whose skeletons
agree can be paired unit by unit.
"""

from __future__ import annotations

import html as _html
from html.parser import HTMLParser

#: Elements without an end tag.
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
#: Attributes whose values may differ between variants without changing the shape: converted text
#: (title, alt) and links (the variant slot of zh.wikipedia URLs, link targets written with -{…}-).
FREE_ATTRS = frozenset({"title", "alt", "href"})


class Text:
    """A text node (entities decoded); ``marks`` are (start, end, class, diff id) over ``text``."""

    __slots__ = ("text", "index", "marks")

    def __init__(self, text: str) -> None:
        self.text = text
        self.index = -1
        self.marks: list[tuple[int, int, str, int]] = []

    def html(self) -> str:
        """The text escaped, each mark as ``<mark class=… data-d=…>`` (the id pairs the two columns' marks)."""
        if not self.marks:
            return _html.escape(self.text, quote=False)
        out, pos = [], 0
        for s, e, cls, did in sorted(self.marks):
            out.append(_html.escape(self.text[pos:s], quote=False))
            out.append(f'<mark class="{cls}" data-d="{did}">{_html.escape(self.text[s:e], quote=False)}</mark>')
            pos = e
        out.append(_html.escape(self.text[pos:], quote=False))
        return "".join(out)


class Raw:
    """Markup kept as written (comments, declarations)."""

    __slots__ = ("raw",)

    def __init__(self, raw: str) -> None:
        self.raw = raw

    def html(self) -> str:
        """The markup unchanged."""
        return self.raw


class Element:
    """An element: its start tag exactly as Python-Markdown wrote it, and its children."""

    __slots__ = ("tag", "start", "attrs", "children")

    def __init__(self, tag: str, start: str, attrs: dict[str, str | None]) -> None:
        self.tag = tag
        self.start = start
        self.attrs = attrs
        self.children: list[Element | Text | Raw] = []

    def inner(self) -> str:
        """The children's HTML."""
        return "".join(c.html() for c in self.children)

    def html(self, start: str | None = None) -> str:
        """The element's HTML (with *start* instead of its own start tag if given); ``#root`` has none."""
        if self.tag == "#root":
            return self.inner()
        s = self.start if start is None else start
        return s if self.tag in VOID else f"{s}{self.inner()}</{self.tag}>"

    def texts(self) -> list[Text]:
        """Every text node below, in document order."""
        out: list[Text] = []
        for c in self.children:
            if isinstance(c, Text):
                out.append(c)
            elif isinstance(c, Element):
                out.extend(c.texts())
        return out

    def plain(self) -> str:
        """The text below, without markup."""
        return "".join(t.text for t in self.texts())


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", "", {})
        self.stack: list[Element] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Element(tag, self.get_starttag_text() or f"<{tag}>", dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, self.get_starttag_text() or f"<{tag}>", dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k].tag == tag:
                del self.stack[k:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(Text(data))

    def handle_comment(self, data: str) -> None:
        self.stack[-1].children.append(Raw(f"<!--{data}-->"))

    def handle_decl(self, decl: str) -> None:
        self.stack[-1].children.append(Raw(f"<!{decl}>"))


def parse_html(text: str) -> Element:
    """Parse an HTML fragment into a tree; text nodes are numbered in document order."""
    b = _Builder()
    b.feed(text)
    b.close()
    for i, t in enumerate(b.root.texts()):
        t.index = i
    return b.root


def skeleton(node: Element) -> list[str]:
    """The shape of a tree: tags and attributes (minus the converted ``title``/``alt``) and text slots."""
    out: list[str] = []
    for c in node.children:
        if isinstance(c, Text):
            out.append("#t")
        elif isinstance(c, Element):
            attrs = sorted((k, "" if k in FREE_ATTRS else v or "") for k, v in c.attrs.items())
            out.append(f"<{c.tag} {attrs}>")
            out.extend(skeleton(c))
            out.append(f"</{c.tag}>")
    return out
