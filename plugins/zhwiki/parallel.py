"""简繁对照: the parallel reading view, one page per article page, two variants side by side.

Why the pairs can never be mismatched: both columns are converted from the *same* IMD pages, in
document order, exactly as :func:`pipeline.convert_edition` converts them for the variant sites
(without the ``<abbr>`` tooltips), and rendered with the site's own Markdown extensions.
Conversion only rewrites text (and ``title``/``alt``/link targets); it never adds or removes
Markdown structure, so the two HTML trees have the same shape and the k-th paragraph, list item,
heading, table cell or footnote of one column comes from the same source text as the k-th of the
other.  The shapes are compared (:func:`skeleton`) before anything is paired; a page whose shapes
differ is not guessed at but shown as one pair and reported as a defect.

Marks: per pair of text nodes the two texts are compared after folding every character to its
simplified form (:func:`fold`, the fold the converter uses for mixed-script rule keys).  Where the
folded texts differ, the words differ: ``lc-vocab``.  Where they agree but the characters differ,
only the script differs: ``lc-script`` — unless a rule wrote that spot, in which case the cause is
the rule: ``lc-vocab``.  Rule-written spots are found without touching the engine: each column is
converted a second time by :class:`NoRulesConverter` (no page rules at all) and compared, widened
to the whole rule output (the converter's hits), and map text (``-{zh-cn:…;zh-tw:…}-``) is
wrapped by :class:`TracingConverter`; private-use sentinels carry those spans through Markdown
into the HTML text nodes, where they are taken out again.  Marks go into text nodes only, never
into tags or URLs.

This module knows nothing of MkDocs: plugin.py builds the pages it returns into site/parallel/.
"""

from __future__ import annotations

import html as _html
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from html.parser import HTMLParser
from typing import Any

import markdown

from . import pipeline
from .conversion.engine import Converter
from .conversion.rules import ConvRule
from .conversion.tables import fold_char
from .conversion.variants import NAMES, html_lang, is_traditional

#: The parallel view's folder beside the variants' (site/parallel/).
SITE_DIR = "parallel"
#: Where the statistics page goes (a path no article page uses: those are index/sNN/back matter).
STATS_PATH = "diff-stats.md"
#: How many differing words the statistics page lists.
TOP_WORDS = 50

#: Markdown extensions used when the caller gives none (the ones mkdocs.yml configures).
DEFAULT_EXTENSIONS: tuple[str, ...] = (
    "toc", "tables", "fenced_code", "footnotes", "abbr", "attr_list", "md_in_html", "def_list",
    "admonition", "pymdownx.details", "pymdownx.caret", "pymdownx.tilde", "zhwiki.footnotes",
)

VOCAB = "lc-vocab"
SCRIPT = "lc-script"

_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
#: Elements whose children become pairs of their own (when they hold block-level children).
_DESCEND = frozenset({"div", "ol", "ul", "dl", "section"})
_BLOCKS = frozenset({"p", "div", "ul", "ol", "li", "dl", "dt", "dd", "table", "h1", "h2", "h3", "h4", "h5", "h6",
                     "figure", "blockquote", "hr", "details", "pre", "section"})
#: Attributes whose values may differ between variants without changing the shape: converted text
#: (title, alt) and links (the variant slot of zh.wikipedia URLs, link targets written with -{…}-).
_FREE_ATTRS = frozenset({"title", "alt", "href"})
_ID_ATTR = re.compile(r'\s+id="[^"]*"')
_MD_HREF = re.compile(r'(\bhref=")([A-Za-z0-9_\-./]+)\.md((?:#[^"]*)?")')


# ------------------------------------------------------------------------------------------------
# A small HTML tree (html.parser): enough to walk Python-Markdown's output and write it back.
# ------------------------------------------------------------------------------------------------
class Text:
    """A text node (entities decoded); ``marks`` are (start, end, class, diff id) over ``text``."""

    __slots__ = ("text", "index", "marks")

    def __init__(self, text: str) -> None:
        self.text = text
        self.index = -1
        self.marks: list[tuple[int, int, str, int]] = []

    def html(self) -> str:
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
        return "".join(c.html() for c in self.children)

    def html(self, start: str | None = None) -> str:
        if self.tag == "#root":
            return self.inner()
        s = self.start if start is None else start
        return s if self.tag in _VOID else f"{s}{self.inner()}</{self.tag}>"

    def texts(self) -> list[Text]:
        out: list[Text] = []
        for c in self.children:
            if isinstance(c, Text):
                out.append(c)
            elif isinstance(c, Element):
                out.extend(c.texts())
        return out

    def plain(self) -> str:
        return "".join(t.text for t in self.texts())


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", "", {})
        self.stack: list[Element] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Element(tag, self.get_starttag_text() or f"<{tag}>", dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in _VOID:
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
            attrs = sorted((k, "" if k in _FREE_ATTRS else v or "") for k, v in c.attrs.items())
            out.append(f"<{c.tag} {attrs}>")
            out.extend(skeleton(c))
            out.append(f"</{c.tag}>")
    return out


# ------------------------------------------------------------------------------------------------
# Character diff of one pair of texts.
# ------------------------------------------------------------------------------------------------
#: The base table's quote pairs (tables.py: corner brackets for traditional, curly for simplified).
_FOLD_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})


def fold(text: str) -> str:
    """Every character in simplified form, one for one (so positions stay the same).

    Corner brackets fold to curly quotes too: that pair is part of the base table (tables.py).
    """
    return "".join(fold_char(c) for c in text).translate(_FOLD_QUOTES)


_CLAUSE_RE = re.compile(r"[^，。；！？、,.;!?\n]*[，。；！？、,.;!?\n]?")


def opcodes(a: str, b: str) -> list[tuple[str, int, int, int, int]]:
    """difflib opcodes for two long, mostly equal texts, computed piecewise for speed.

    The common prefix and suffix are cut off; what is left is compared clause by clause first
    and character by character only inside clauses that differ.  Every ``equal`` op is truly
    equal, so marks built from these never cover equal text by construction of the op list.
    """
    n = min(len(a), len(b))
    p = 0
    while p < n and a[p] == b[p]:
        p += 1
    q = 0
    while q < n - p and a[len(a) - 1 - q] == b[len(b) - 1 - q]:
        q += 1
    ma, mb = a[p:len(a) - q], b[p:len(b) - q]
    out: list[tuple[str, int, int, int, int]] = []
    if p:
        out.append(("equal", 0, p, 0, p))
    if ma or mb:
        out.extend((t, i1 + p, i2 + p, j1 + p, j2 + p) for t, i1, i2, j1, j2 in _middle(ma, mb))
    if q:
        out.append(("equal", len(a) - q, len(a), len(b) - q, len(b)))
    return out


def _middle(a: str, b: str) -> list[tuple[str, int, int, int, int]]:
    if not a or not b or len(a) * len(b) <= 40000:
        return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    ca = [m.group(0) for m in _CLAUSE_RE.finditer(a) if m.group(0)]
    cb = [m.group(0) for m in _CLAUSE_RE.finditer(b) if m.group(0)]
    if len(ca) < 2 and len(cb) < 2:
        return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    oa = [0]
    for c in ca:
        oa.append(oa[-1] + len(c))
    ob = [0]
    for c in cb:
        ob.append(ob[-1] + len(c))
    out: list[tuple[str, int, int, int, int]] = []
    for t, i1, i2, j1, j2 in SequenceMatcher(None, ca, cb, autojunk=False).get_opcodes():
        x1, x2, y1, y2 = oa[i1], oa[i2], ob[j1], ob[j2]
        if t == "equal":
            out.append(("equal", x1, x2, y1, y2))
        else:
            out.extend((tt, k1 + x1, k2 + x1, l1 + y1, l2 + y1) for tt, k1, k2, l1, l2 in opcodes(a[x1:x2], b[y1:y2]))
    return out


def changed_regions(full: str, base: str) -> list[tuple[int, int]]:
    """Spans of *full* that differ from *base* (where a rule, not the base table, decided)."""
    if full == base:
        return []
    return [(i1, i2) for tag, i1, i2, _, _ in opcodes(full, base) if tag != "equal" and i2 > i1]


def _overlaps(regions: Sequence[tuple[int, int]], s: int, e: int) -> bool:
    return any(rs < e and s < re_ for rs, re_ in regions)


@dataclass
class DiffOp:
    """One place where the columns differ: left[l0:l1] against right[r0:r1]."""

    l0: int
    l1: int
    r0: int
    r1: int
    cls: str


def diff_texts(a: str, b: str, rules_a: Sequence[tuple[int, int]] = (), rules_b: Sequence[tuple[int, int]] = ()
               ) -> list[DiffOp]:
    """Where *a* and *b* differ, each place classified (see the module docstring).

    Adjacent places of the same class are merged, so a word such as 朝鲜战争 ↔ 韓戰 is one mark
    even though 战 and 戰 fold to the same character.
    """
    if a == b:
        return []
    fa, fb = fold(a), fold(b)
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in opcodes(fa, fb):
        if tag != "equal":
            ops.append(DiffOp(i1, i2, j1, j2, VOCAB))
            continue
        k, n = 0, i2 - i1
        while k < n:
            if a[i1 + k] == b[j1 + k]:
                k += 1
                continue
            s = k
            while k < n and a[i1 + k] != b[j1 + k]:
                k += 1
            rule = _overlaps(rules_a, i1 + s, i1 + k) or _overlaps(rules_b, j1 + s, j1 + k)
            ops.append(DiffOp(i1 + s, i1 + k, j1 + s, j1 + k, VOCAB if rule else SCRIPT))
    merged: list[DiffOp] = []
    for op in ops:
        last = merged[-1] if merged else None
        if last and last.cls == op.cls and last.l1 == op.l0 and last.r1 == op.r0:
            last.l1, last.r1 = op.l1, op.r1
        else:
            merged.append(op)
    return merged


def boundary_map(a_len: int, ops: Sequence[DiffOp]) -> tuple[list[int], list[int]]:
    """For each boundary of the left text, where a word starting (lo) or ending (hi) there falls on the right.

    Outside the diff places both texts advance together; a boundary inside a place maps to the
    whole place, so a word cut through a difference takes all of it.
    """
    lo = list(range(a_len + 1))
    hi = list(lo)
    shift, prev = 0, 0
    for op in sorted(ops, key=lambda o: (o.l0, o.l1)):
        for q in range(prev, op.l0 + 1):
            lo[q] = hi[q] = q + shift
        same = op.l1 - op.l0 == op.r1 - op.r0
        for q in range(op.l0 + 1, op.l1):
            lo[q], hi[q] = (op.r0 + q - op.l0,) * 2 if same else (op.r0, op.r1)
        lo[op.l0] = op.r0
        hi[op.l1] = op.r1
        if op.l1 > op.l0:
            lo[op.l1] = op.r1
        shift = op.r1 - op.l1
        prev = op.l1 + 1
    for q in range(prev, a_len + 1):
        lo[q] = hi[q] = q + shift
    return lo, hi


# ------------------------------------------------------------------------------------------------
# Conversion and rendering.
# ------------------------------------------------------------------------------------------------
class NoRulesConverter(Converter):
    """A converter that never takes on a rule: every text run goes to the base table alone.

    ``-{…}-`` maps still show their own entries (they are text, not rules); noteTA, group and
    ``-{H|…}-``/``-{A|…}-`` rules are ignored.  Comparing its output with the real one tells which
    words a rule rewrote.
    """

    def apply_rule(self, rule: ConvRule, origin: str) -> None:  # noqa: D102 - see class docstring
        return None


class TracingConverter(Converter):
    """The real converter, except that what a ``-{…}-`` map shows is wrapped in sentinels.

    A map's text is the same with or without page rules, so comparing with the no-rules output
    cannot see it; yet the words it puts in place are a conversion rule's (``-{zh-cn:李奇微;
    zh-tw:李奇威}-``).
    """

    def display(self, block: Any, *args: Any, **kwargs: Any) -> str:
        shown = super().display(block, *args, **kwargs)
        return f"{MAP_OPEN}{shown}{MAP_CLOSE}" if shown else shown


@dataclass
class _Column:
    """One variant of every article page, converted in document order by one converter."""

    site_name: str
    titles: list[str]
    bodies: list[str]
    hits: list[Any]


def convert_column(article: pipeline.Article, variant: str, options: pipeline.Options, rules: bool = True) -> _Column:
    """The article's pages in *variant*, as convert_edition converts them but without tooltips.

    The variant pages wrap rule-changed words in ``<abbr>`` tooltips in one variant and not the
    other, which would give the two columns different shapes; here the marks say the same thing.
    """
    cls = TracingConverter if rules else NoRulesConverter
    conv = cls(variant, article.blocks, article.page_rules, mixed_script=options.mixed_script)
    name, texts = pipeline.page_texts(article, conv, options)
    return _Column(name, [t for t, _ in texts], [b for _, b in texts], list(conv.hits))


class Renderer:
    """Renders Markdown the way the site does (same extensions and settings)."""

    def __init__(self, extensions: Sequence[Any] | None = None, configs: dict[str, Any] | None = None) -> None:
        self.md = markdown.Markdown(extensions=list(extensions or DEFAULT_EXTENSIONS),
                                    extension_configs={k: dict(v) for k, v in (configs or {}).items()})

    def __call__(self, text: str) -> str:
        self.md.reset()
        return self.md.convert(text)


# ------------------------------------------------------------------------------------------------
# Pairs.
# ------------------------------------------------------------------------------------------------
@dataclass
class Pair:
    """One row of the parallel page: the same unit in both variants."""

    kind: str  # p, h2, li, dd, table, figure, …
    left: Element
    right: Element
    wrap: tuple[str, str] = ("", "")  # markup around each side (<ol start=…> for list items)
    context: tuple[str, ...] = ()  # classes of the containers it came from
    ops: list[tuple[Text, Text, list[DiffOp]]] = field(default_factory=list)


@dataclass
class PageStats:
    path: str
    title: str
    units: int = 0
    units_differing: int = 0
    script_chars: int = 0
    vocab_marks: int = 0
    vocab_chars_left: int = 0
    vocab_chars_right: int = 0


@dataclass
class ParallelPage:
    path: str
    kind: str
    title: str
    markdown: str
    pairs: list[Pair]
    stats: PageStats


@dataclass
class ParallelEdition:
    left: str
    right: str
    site_name: str
    pages: list[ParallelPage]
    stats_markdown: str
    defects: list[str]

    def variant_pages(self) -> list[pipeline.VariantPage]:
        """The pages as plugin.py builds them (article pages, then the statistics page)."""
        out = [pipeline.VariantPage(p.path, p.kind, p.title, p.markdown) for p in self.pages]
        out.append(pipeline.VariantPage(STATS_PATH, "back", stats_title(), self.stats_markdown))
        return out


def _classes(el: Element) -> tuple[str, ...]:
    cls = el.attrs.get("class") or ""
    return tuple(cls.split()) or (el.tag,)


def _has_block_children(el: Element) -> bool:
    return any(isinstance(c, Element) and c.tag in _BLOCKS for c in el.children)


def pair_up(left: Element, right: Element, context: tuple[str, ...] = ()) -> list[Pair]:
    """Walk two trees of the same shape together and cut them into pairs of units."""
    out: list[Pair] = []
    lkids = [c for c in left.children if not (isinstance(c, Text) and not c.text.strip())]
    rkids = [c for c in right.children if not (isinstance(c, Text) and not c.text.strip())]
    counter = 0
    start = 1
    if left.tag == "ol":
        try:
            start = int(left.attrs.get("start") or 1)
        except ValueError:
            start = 1
    for lc, rc in zip(lkids, rkids, strict=False):
        if isinstance(lc, Raw) or isinstance(rc, Raw):
            continue
        if isinstance(lc, Text) or isinstance(rc, Text):
            lw, rw = Element("p", "<p>", {}), Element("p", "<p>", {})
            lw.children, rw.children = [lc], [rc]
            out.append(Pair("p", lw, rw, context=context))
            continue
        assert isinstance(lc, Element) and isinstance(rc, Element)
        if lc.tag == "hr":
            continue
        if lc.tag in _DESCEND and _has_block_children(lc):
            out.extend(pair_up(lc, rc, context + _classes(lc)))
            continue
        wrap = ("", "")
        if left.tag == "ol" and lc.tag == "li":
            wrap = (f'<ol start="{start + counter}">', "</ol>")
        elif left.tag == "ul" and lc.tag == "li":
            wrap = ("<ul>", "</ul>")
        elif left.tag == "dl" and lc.tag in ("dt", "dd"):
            wrap = ("<dl>", "</dl>")
        if lc.tag == "li":
            counter += 1
        out.append(Pair(lc.tag, lc, rc, wrap, context))
    return out


def _mark_pair(pair: Pair, rules: dict[str, dict[int, list[tuple[int, int]]]], next_id: list[int]) -> None:
    lt, rt = pair.left.texts(), pair.right.texts()
    if len(lt) != len(rt):  # shapes differ (never on the seed): compare the unit's whole text instead
        la, ra = Text(pair.left.plain()), Text(pair.right.plain())
        lt, rt = [la], [ra]
        pair.left.children, pair.right.children = [la], [ra]
    for a, b in zip(lt, rt, strict=True):
        ops = diff_texts(a.text, b.text, rules["left"].get(a.index, ()), rules["right"].get(b.index, ()))
        for op in ops:
            did = next_id[0]
            next_id[0] += 1
            if op.l1 > op.l0:
                a.marks.append((op.l0, op.l1, op.cls, did))
            if op.r1 > op.r0:
                b.marks.append((op.r0, op.r1, op.cls, did))
        if ops:
            pair.ops.append((a, b, ops))


#: Sentinels around the words a rule rewrote, put into the Markdown before rendering and taken out
#: of the HTML after (private use, never in source text: source.py strips that range on read).
RULE_OPEN = "\ue070"
RULE_CLOSE = "\ue071"
#: Sentinels TracingConverter puts around map text (turned into rule sentinels before rendering).
MAP_OPEN = "\ue072"
MAP_CLOSE = "\ue073"
_SENTINELS = str.maketrans("", "", RULE_OPEN + RULE_CLOSE + MAP_OPEN + MAP_CLOSE)


def with_rule_sentinels(full: str, base: str, outputs: Iterable[str] = ()) -> str:
    """*full* with every stretch that differs from *base* (the no-rules conversion) wrapped in sentinels.

    Conversion never changes line breaks, so the two are compared line by line and then character
    by character: fast, and a difference can never be matched against another paragraph.  A
    character diff can leave part of a rule's word outside (南韓 against 韓國 differs only in 南),
    so a stretch is widened to the whole of a rule output (the converter's hits) found right
    there in the text and overlapping it.
    """
    fl, bl = full.split("\n"), base.split("\n")
    if len(fl) != len(bl):
        return full.translate(_SENTINELS)
    words = sorted({o for o in outputs if o}, key=lambda w: (-len(w), w))  # ties in a fixed order: deterministic
    out = []
    for f, b in zip(fl, bl, strict=True):
        f, maps = _take_map_regions(f)
        if f == b and not maps:
            out.append(f)
            continue
        found = changed_regions(f, b) if f != b else []
        regions: list[tuple[int, int]] = []
        for i1, i2 in sorted(found + maps):
            for w in words:
                for st in range(max(0, i1 - len(w) + 1), min(i2, len(f) - len(w) + 1)):
                    if f.startswith(w, st):
                        i1, i2 = min(i1, st), max(i2, st + len(w))
                        break
            if regions and i1 <= regions[-1][1]:
                regions[-1] = (regions[-1][0], max(i2, regions[-1][1]))
            else:
                regions.append((i1, i2))
        parts, pos = [], 0
        for i1, i2 in regions:
            parts += [f[pos:i1], RULE_OPEN, f[i1:i2], RULE_CLOSE]
            pos = i2
        parts.append(f[pos:])
        out.append("".join(parts))
    return "\n".join(out)


def _take_map_regions(line: str) -> tuple[str, list[tuple[int, int]]]:
    """Drop TracingConverter's map sentinels from one line; return it and the map spans."""
    if MAP_OPEN not in line:
        return line.translate(_SENTINELS), []
    clean: list[str] = []
    spans: list[tuple[int, int]] = []
    depth = start = 0
    for ch in line:
        if ch == MAP_OPEN:
            if depth == 0:
                start = len(clean)
            depth += 1
        elif ch == MAP_CLOSE:
            depth = max(0, depth - 1)
            if depth == 0 and len(clean) > start:
                spans.append((start, len(clean)))
        elif ch not in (RULE_OPEN, RULE_CLOSE):
            clean.append(ch)
    return "".join(clean), spans


def take_rule_regions(root: Element) -> dict[int, list[tuple[int, int]]]:
    """Remove the sentinels from a rendered tree; return the rule-rewritten spans per text node."""
    out: dict[int, list[tuple[int, int]]] = {}
    inside = False
    for t in root.texts():
        if not inside and RULE_OPEN not in t.text:
            continue
        clean: list[str] = []
        regions: list[tuple[int, int]] = []
        start = 0
        n = 0
        for ch in t.text:
            if ch == RULE_OPEN:
                inside, start = True, n
            elif ch == RULE_CLOSE:
                if inside and n > start:
                    regions.append((start, n))
                inside = False
            else:
                clean.append(ch)
                n += 1
        if inside and n > start:
            regions.append((start, n))
        t.text = "".join(clean)
        if regions:
            out[t.index] = regions
    _strip_sentinel_attrs(root)
    return out


def _strip_sentinel_attrs(el: Element) -> None:
    for c in el.children:
        if isinstance(c, Element):
            if RULE_OPEN in c.start or RULE_CLOSE in c.start:
                c.start = c.start.translate(_SENTINELS)
                c.attrs = {k: (v.translate(_SENTINELS) if v else v) for k, v in c.attrs.items()}
            _strip_sentinel_attrs(c)


def _side_html(el: Element, drop_ids: bool) -> str:
    text = el.html()
    if drop_ids:  # ids live in the left column only, so anchors stay unique
        text = _ID_ATTR.sub("", text)
    return _MD_HREF.sub(lambda m: f"{m.group(1)}{m.group(2)}.html{m.group(3)}", text)


def _merged_table(pair: Pair, llang: str, rlang: str) -> str | None:
    """A table whose every cell shows the left text above the right one (same shape on both sides)."""
    if skeleton(pair.left) != skeleton(pair.right):
        return None

    def walk(le: Element, re_: Element) -> str:
        parts: list[str] = []
        for lc, rc in zip(le.children, re_.children, strict=True):
            if isinstance(lc, Element) and isinstance(rc, Element):
                if lc.tag in ("td", "th"):
                    inner = (f'<div class="lc-cell lc-l" lang="{llang}">{lc.inner()}</div>'
                             f'<div class="lc-cell lc-r" lang="{rlang}">{_ID_ATTR.sub("", rc.inner())}</div>')
                    parts.append(f"{lc.start}{inner}</{lc.tag}>")
                else:
                    parts.append(lc.start if lc.tag in _VOID else f"{lc.start}{walk(lc, rc)}</{lc.tag}>")
            else:
                parts.append(lc.html())
        return "".join(parts)

    body = f'{pair.left.start}{walk(pair.left, pair.right)}</table>'
    return _MD_HREF.sub(lambda m: f"{m.group(1)}{m.group(2)}.html{m.group(3)}", body)


def variant_label(v: str) -> str:
    return NAMES[v]["hant" if is_traditional(v) else "hans"]


def stats_title() -> str:
    return "差异统计"


def _page_html(path: str, pairs: list[Pair], left: str, right: str, title_l: str, title_r: str) -> str:
    llang, rlang = html_lang(left), html_lang(right)
    url = path.removesuffix(".md") + ".html"
    rows: list[str] = []
    for k, p in enumerate(pairs, 1):
        ctx = " ".join(p.context)
        diff = " lc-differs" if p.ops else ""
        attrs = f'class="lc-pair lc-kind-{p.kind}{diff}" data-u="{k}"' + (f' data-ctx="{_html.escape(ctx)}"' if ctx else "")
        if p.kind == "table":
            merged = _merged_table(p, llang, rlang)
            if merged is not None:
                rows.append(f'<div {attrs}><div class="lc-both">{merged}</div></div>')
                continue
        lh = p.wrap[0] + _side_html(p.left, False) + p.wrap[1]
        rh = p.wrap[0] + _side_html(p.right, True) + p.wrap[1]
        rows.append(f'<div {attrs}><div class="lc-col lc-l" lang="{llang}">{lh}</div>'
                    f'<div class="lc-col lc-r" lang="{rlang}">{rh}</div></div>')
    head = (
        '<div class="lc-head">'
        f'<a class="lc-back lc-back-l" href="../{left}/{url}" lang="{llang}" hreflang="{llang}">'
        f'{_html.escape(variant_label(left))}：{_html.escape(title_l)}</a>'
        f'<a class="lc-back lc-back-r" href="../{right}/{url}" lang="{rlang}" hreflang="{rlang}">'
        f'{_html.escape(variant_label(right))}：{_html.escape(title_r)}</a></div>'
    )
    toggle = (
        '<input type="checkbox" class="lc-toggle" id="lc-hide-script">'
        '<label class="lc-toggle-label" for="lc-hide-script">只看词汇差异（隐藏字形差异）</label>'
        '<span class="lc-legend"><mark class="lc-vocab">词汇</mark> <mark class="lc-script">字形</mark></span>'
    )
    body = "\n".join(rows)
    # Raw HTML without blank lines, so Python-Markdown passes the block through untouched.
    doc = (f'<div class="lc-parallel" data-left="{left}" data-right="{right}">\n{toggle}\n{head}\n'
           f'<div class="lc-pairs">\n{body}\n</div>\n</div>\n')
    return re.sub(r"\n\s*\n", "\n", doc)


# ------------------------------------------------------------------------------------------------
# The whole view.
# ------------------------------------------------------------------------------------------------
def build(
    article: pipeline.Article,
    left: str = "zh-cn",
    right: str = "zh-tw",
    options: pipeline.Options = pipeline.Options(),
    extensions: Sequence[Any] | None = None,
    extension_configs: dict[str, Any] | None = None,
) -> ParallelEdition:
    """Convert the article to both variants and pair every unit of every page.

    *extensions*/*extension_configs* are the site's Markdown settings (plugin.py passes MkDocs'
    ``markdown_extensions``/``mdx_configs``), so each column renders like its variant's page.
    """
    render = Renderer(extensions, extension_configs)
    col_l, col_r = convert_column(article, left, options), convert_column(article, right, options)
    base_l, base_r = convert_column(article, left, options, False), convert_column(article, right, options, False)
    out_l, out_r = {h.output for h in col_l.hits}, {h.output for h in col_r.hits}
    defects: list[str] = []
    pages: list[ParallelPage] = []
    next_id = [1]
    for i, page in enumerate(article.pages):
        tl = parse_html(render(with_rule_sentinels(col_l.bodies[i], base_l.bodies[i], out_l)))
        tr = parse_html(render(with_rule_sentinels(col_r.bodies[i], base_r.bodies[i], out_r)))
        rules = {"left": take_rule_regions(tl), "right": take_rule_regions(tr)}
        if skeleton(tl) == skeleton(tr):
            pairs = pair_up(tl, tr)
        else:
            defects.append(f"parallel view: the two variants of {page.path} differ in structure; shown as one unit")
            lw, rw = Element("div", "<div>", {}), Element("div", "<div>", {})
            lw.children, rw.children = tl.children, tr.children
            pairs = [Pair("page", lw, rw)]
        for p in pairs:
            _mark_pair(p, rules, next_id)
        title_l, title_r = col_l.titles[i], col_r.titles[i]
        stats = _page_stats(page.path, title_l, pairs)
        title = title_l if title_l == title_r else f"{title_l} · {title_r}"
        md = _page_html(page.path, pairs, left, right, title_l, title_r)
        pages.append(ParallelPage(page.path, page.kind, title, md, pairs, stats))
    name_l, name_r = col_l.site_name, col_r.site_name
    site_name = (name_l if name_l == name_r else f"{name_l} · {name_r}") + " · 简繁对照"
    stats_md = stats_markdown(pages, left, right, col_l.hits, col_r.hits)
    return ParallelEdition(left, right, site_name, pages, stats_md, defects)


def search_html(page: ParallelPage) -> str:
    """What the view's search index gets for *page*: each pair's two texts as plain paragraphs.

    The page itself is marked up down to single characters; Material's search would parse every
    mark (about half of the view's build time) to index the same words.
    """
    parts = []
    for pair in page.pairs:
        left, right = (" ".join(side.plain().split()) for side in (pair.left, pair.right))
        anchor = pair.left.attrs.get("id")
        if pair.kind in ("h2", "h3", "h4", "h5", "h6") and anchor:
            # A section of its own, as on the variant pages, so a hit leads to its heading.
            title = left if left == right else f"{left} · {right}"
            parts.append(f'<{pair.kind} id="{_html.escape(anchor)}">{_html.escape(title, quote=False)}</{pair.kind}>')
        else:
            parts.extend(f"<p>{_html.escape(text, quote=False)}</p>" for text in (left, right) if text)
    return "\n".join(parts)


def _page_stats(path: str, title: str, pairs: list[Pair]) -> PageStats:
    s = PageStats(path, title, units=len(pairs))
    for p in pairs:
        if p.ops:
            s.units_differing += 1
        for _, _, ops in p.ops:
            for op in ops:
                if op.cls == SCRIPT:
                    s.script_chars += op.l1 - op.l0
                else:
                    s.vocab_marks += 1
                    s.vocab_chars_left += op.l1 - op.l0
                    s.vocab_chars_right += op.r1 - op.r0
    return s


# ------------------------------------------------------------------------------------------------
# Statistics.
# ------------------------------------------------------------------------------------------------
def _segmenter():
    """jieba's word cutter (Material's search already depends on it), quiet."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.tokenize


#: Where a clause ends: words are cut within the clause around a difference, not the whole text.
_CLAUSE_END = set(" \t\n，。、；：？！（）「」『』“”‘’《》〈〉,.;:?!()[]/·—")


def _clauses(text: str, ops: Sequence[DiffOp]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for op in sorted(ops, key=lambda o: o.l0):
        s, e = op.l0, op.l1
        while s > 0 and text[s - 1] not in _CLAUSE_END:
            s -= 1
        while e < len(text) and text[e] not in _CLAUSE_END:
            e += 1
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(e, spans[-1][1]))
        else:
            spans.append((s, e))
    return spans


def differing_words(pages: Iterable[ParallelPage]) -> Counter[tuple[str, str, str]]:
    """(left word, right word, class) → count, for every left word that contains a difference.

    Words are cut by jieba in the left column, one clause at a time (only clauses that hold a
    difference); the right word is the text the diff aligns with it.
    """
    tokenize = _segmenter()
    cache: dict[str, list[tuple[str, int, int]]] = {}
    words: Counter[tuple[str, str, str]] = Counter()
    for page in pages:
        for pair in page.pairs:
            for a, b, ops in pair.ops:
                lo, hi = boundary_map(len(a.text), ops)
                for cs, ce in _clauses(a.text, ops):
                    clause = a.text[cs:ce]
                    if clause not in cache:
                        cache[clause] = list(tokenize(clause))
                    for word, s0, e0 in cache[clause]:
                        s, e = cs + s0, cs + e0
                        hit = [op for op in ops if (op.l0 < e and s < op.l1) or (op.l0 == op.l1 and s < op.l0 < e)]
                        if not hit or not word.strip():
                            continue
                        cls = VOCAB if any(op.cls == VOCAB for op in hit) else SCRIPT
                        words[(word, b.text[lo[s]:hi[e]], cls)] += 1
    return words


def _md_cell(text: str) -> str:
    return _html.escape(text, quote=False).replace("|", "\\|") or "∅"


def stats_markdown(pages: Sequence[ParallelPage], left: str, right: str, hits_l: Sequence[Any], hits_r: Sequence[Any]) -> str:
    """The 差异统计 page: per-section counts, rule hits, the most frequent differing words."""
    ln, rn = variant_label(left), variant_label(right)
    lines = [
        f"本页统计「{ln}」（{left}）与「{rn}」（{right}）两个版本的差异。"
        "**词汇差异**指转换规则（noteTA、转换组或 `-{…}-`）造成的不同用词，"
        "**字形差异**指仅由简繁字表造成的不同字形。",
        "",
        "## 各章节",
        "",
        "| 章节 | 单元 | 有差异的单元 | 字形差异（字） | 词汇差异（处） | 词汇差异字数（左 / 右） |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    tot = PageStats("", "合计")
    for p in pages:
        s = p.stats
        link = f"[{_md_cell(p.title)}]({p.path})"
        lines.append(f"| {link} | {s.units} | {s.units_differing} | {s.script_chars} | {s.vocab_marks} | "
                     f"{s.vocab_chars_left} / {s.vocab_chars_right} |")
        for f in ("units", "units_differing", "script_chars", "vocab_marks", "vocab_chars_left", "vocab_chars_right"):
            setattr(tot, f, getattr(tot, f) + getattr(s, f))
    lines.append(f"| **合计** | {tot.units} | {tot.units_differing} | {tot.script_chars} | {tot.vocab_marks} | "
                 f"{tot.vocab_chars_left} / {tot.vocab_chars_right} |")
    lines += ["", "## 转换规则命中次数", "",
              "规则改变了基础字表结果的次数（规则输出与字表输出相同时不计）。", ""]
    lines += ["| 规则 | 原文 → 结果 | " + f"{ln} | {rn} |", "|---|---|---:|---:|"]
    per_rule: dict[tuple[str, str, str], list[int]] = {}
    order: list[tuple[str, str, str]] = []
    for side, hits in ((0, hits_l), (1, hits_r)):
        for h in hits:
            key = (h.rule, h.source, h.output)
            if key not in per_rule:
                per_rule[key] = [0, 0]
                order.append(key)
            per_rule[key][side] += 1
    by_rule: Counter[str] = Counter()
    for (rule, _, _), counts in per_rule.items():
        by_rule[rule] += sum(counts)
    for key in sorted(order, key=lambda k: (-by_rule[k[0]], k[0], -sum(per_rule[k]))):
        rule, src, out = key
        c = per_rule[key]
        lines.append(f"| {_md_cell(rule)} | {_md_cell(src)} → {_md_cell(out)} | {c[0]} | {c[1]} |")
    if not order:
        lines.append("| （无） | | 0 | 0 |")
    lines += ["", f"## 最常见的 {TOP_WORDS} 个差异词", "",
              f"| # | {ln} | {rn} | 类别 | 次数 |", "|---:|---|---|---|---:|"]
    words = differing_words(pages)
    for k, ((lw, rw, cls), n) in enumerate(words.most_common(TOP_WORDS), 1):
        kind = "词汇" if cls == VOCAB else "字形"
        lines.append(f'| {k} | <span lang="{html_lang(left)}">{_md_cell(lw)}</span> | '
                     f'<span lang="{html_lang(right)}">{_md_cell(rw)}</span> | {kind} | {n} |')
    return "\n".join(lines) + "\n"
