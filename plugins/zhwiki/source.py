"""Read the article and prepare it for mwparserfromhell.

Three things happen before parsing, in the order MediaWiki's own preprocessing implies:

1. decoding (invalid UTF-8 is a clear error with the byte offset), newline normalisation and
   removal of control and private-use characters (reported, never silent);
2. comments are dropped (``<!-- … -->``), so templates and rules inside them do not count;
3. every ``-{…}-`` block is replaced by a marker (markers.py).  mwparserfromhell does not know
   this syntax and would split ``-{zh-hans:[[A|A]];…}-`` at the ``|`` (conversion-semantics §1.3);
   MediaWiki's preprocessor keeps a block together, and so do we.

An :class:`OffsetMap` remembers how the prepared text maps back to source lines, so that every
diagnostic can name the line an editor must fix.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

import mwparserfromhell
from mwparserfromhell.nodes import Heading
from mwparserfromhell.wikicode import Wikicode

from . import markers as M
from .conversion.rules import ConvRule, parse_rule
from .diagnostics import Diagnostics

#: MediaWiki's limit on nested ``-{`` (LanguageConverter::recursiveConvertRule).
MAX_LC_DEPTH = 10


class SourceError(Exception):
    """The source cannot be read at all (not UTF-8, missing file)."""


@dataclass
class OffsetMap:
    """Piecewise map from offsets in a rewritten text back to offsets in its input."""

    out: list[int] = field(default_factory=lambda: [0])
    src: list[int] = field(default_factory=lambda: [0])
    inner: OffsetMap | None = None

    def anchor(self, out_pos: int, src_pos: int) -> None:
        self.out.append(out_pos)
        self.src.append(src_pos)

    def to_src(self, pos: int) -> int:
        i = bisect.bisect_right(self.out, pos) - 1
        p = self.src[i] + (pos - self.out[i])
        return self.inner.to_src(p) if self.inner else p


@dataclass
class Block:
    """One ``-{…}-`` block found in the source."""

    id: int
    kind: str  # "map" (opaque), "raw", "vlist" (transparent spans)
    rule: ConvRule
    line: int


@dataclass
class Section:
    """A level-2 section (index 0 is the lead) as parsed wikitext."""

    index: int
    title: Wikicode | None
    code: Wikicode
    offset: int
    text: str


@dataclass
class Prepared:
    """The article after preprocessing: text for the parser plus what was taken out of it."""

    text: str
    blocks: dict[int, Block]
    offsets: OffsetMap
    newlines: list[int]

    def line_of(self, pos: int) -> int:
        """1-based source line of an offset in the prepared text."""
        return bisect.bisect_right(self.newlines, self.offsets.to_src(pos)) + 1


def decode(data: bytes, name: str = "source") -> str:
    """Decode UTF-8, naming the byte offset of the first invalid sequence."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(
            f"{name} is not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} (line {line})"
        ) from None


def clean(text: str, diag: Diagnostics) -> str:
    """Normalise newlines and drop characters no page may show; line numbers are kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad: dict[int, int] = {}
    out = []
    line = 1
    for ch in text:
        if ch == "\n":
            line += 1
        elif (unicodedata.category(ch) == "Cc" and ch != "\t") or "\ue000" <= ch <= "\uf8ff":
            bad[line] = bad.get(line, 0) + 1
            continue
        out.append(ch)
    for ln, n in bad.items():
        diag.defect("control character", f"{n} control or private-use character(s) removed", ln)
    return "".join(out)


_PROTECT = r"<(nowiki|pre|code|syntaxhighlight|source|math)\b[^>]*?(?<!/)>.*?</\1\s*>"
_COMMENT_RE = re.compile(rf"{_PROTECT}|<!--.*?(?:-->|\Z)", re.S | re.I)
_LC_RE = re.compile(rf"{_PROTECT}|-\{{(?!\{{)|\}}-", re.S | re.I)


def strip_comments(text: str, diag: Diagnostics, newlines: list[int]) -> tuple[str, OffsetMap]:
    """Remove HTML comments (outside nowiki/pre/…); an unclosed one is reported and kept."""
    omap = OffsetMap()
    out: list[str] = []
    pos = 0
    olen = 0
    for m in _COMMENT_RE.finditer(text):
        if not m.group(0).startswith("<!--"):
            continue
        if not m.group(0).endswith("-->"):
            line = bisect.bisect_right(newlines, m.start()) + 1
            diag.defect("malformed markup", "unclosed <!-- comment; its marker was dropped and the text kept", line)
            out.append(text[pos:m.start()])
            olen += m.start() - pos
            pos = m.start() + 4
            omap.anchor(olen, pos)
            continue
        out.append(text[pos:m.start()])
        olen += m.start() - pos
        pos = m.end()
        omap.anchor(olen, pos)
    out.append(text[pos:])
    return "".join(out), omap


def mask_conversion_blocks(text: str, diag: Diagnostics, line_at) -> tuple[str, dict[int, Block], OffsetMap]:
    """Replace every ``-{…}-`` by markers; return the new text, the blocks and an offset map."""
    tokens: list[tuple[int, str]] = []
    for m in _LC_RE.finditer(text):
        tok = m.group(0)
        if tok in ("-{", "}-"):
            tokens.append((m.start(), tok))
    # Pair opens with closes; unmatched ones stay text.
    stack: list[int] = []
    pairs: dict[int, int] = {}
    for pos, tok in tokens:
        if tok == "-{":
            stack.append(pos)
        elif stack:
            pairs[stack.pop()] = pos
    for pos in stack:
        diag.defect("malformed conversion", "unclosed -{ : shown as text without the marker", line_at(pos))
    unclosed = set(stack)
    blocks: dict[int, Block] = {}
    omap = OffsetMap()
    out: list[str] = []
    olen = 0

    def render_range(start: int, end: int, depth: int) -> str:
        """Text of [start, end) with the blocks inside it replaced."""
        parts: list[str] = []
        pos = start
        for op in sorted(p for p in list(pairs) + list(unclosed) if start <= p < end):
            if op < pos:
                continue
            parts.append(text[pos:op])
            if op in unclosed:
                pos = op + 2
                continue
            close = pairs[op]
            parts.append(make_block(op, close, depth + 1))
            pos = close + 2
        parts.append(text[pos:end])
        return "".join(parts)

    def make_block(op: int, close: int, depth: int) -> str:
        line = line_at(op)
        if depth > MAX_LC_DEPTH:
            diag.defect("malformed conversion", f"-{{…}}- nested deeper than {MAX_LC_DEPTH}: shown as plain text", line)
            return render_range(op + 2, close, depth)
        inner = render_range(op + 2, close, depth)
        if inner == "":
            return M.BREAK
        rule = parse_rule(inner)
        bid = len(blocks) + 1
        if rule.invalid:
            diag.defect("malformed conversion", "-{…}- names an unknown variant; its text is shown unconverted", line)
        if "R" in rule.flags or (not rule.flags and not rule.flag_variants and not rule.has_entries):
            kind = "raw"
        elif rule.flag_variants and not rule.flags:
            kind = "vlist"
        else:
            kind = "map"
        blocks[bid] = Block(bid, kind, rule, line)
        if kind == "map":
            return f"{M.BLOCK_OPEN}{bid}{M.BLOCK_END}"
        return f"{M.SPAN_OPEN}{bid}{M.ID_END}{rule.body}{M.SPAN_CLOSE}{bid}{M.ID_END}"

    # Top-level pairs are those not inside another pair.
    pos = 0
    top = sorted(pairs)
    outer_end = -1
    for op in sorted(top + list(unclosed)):
        if op < outer_end:
            continue
        out.append(text[pos:op])
        olen += op - pos
        if op in unclosed:
            pos = op + 2
            omap.anchor(olen, pos)
            continue
        close = pairs[op]
        piece = make_block(op, close, 1)
        out.append(piece)
        olen += len(piece)
        pos = close + 2
        outer_end = pos
        omap.anchor(olen, pos)
    out.append(text[pos:])
    return "".join(out), blocks, omap


def prepare(raw: str, diag: Diagnostics) -> Prepared:
    """Run the preprocessing steps on decoded source text."""
    text = clean(raw, diag)
    newlines = [i for i, ch in enumerate(text) if ch == "\n"]

    def src_line(pos: int) -> int:
        return bisect.bisect_right(newlines, pos) + 1

    text2, cmap = strip_comments(text, diag, newlines)
    text3, blocks, lmap = mask_conversion_blocks(text2, diag, lambda p: src_line(cmap.to_src(p)))
    lmap.inner = cmap
    return Prepared(text3, blocks, lmap, newlines)


def parse(text: str) -> Wikicode:
    """Parse with ``skip_style_tags=True``: quotes are resolved per line later (quirk Q1)."""
    return mwparserfromhell.parse(text, skip_style_tags=True)


def split_sections(prep: Prepared, code: Wikicode | None = None) -> list[Section]:
    """Split the parsed article at level-2 headings; the lead is section 0."""
    code = code if code is not None else parse(prep.text)
    sections: list[Section] = []
    current: list = []
    title = None
    start = 0
    offset = 0
    for node in code.nodes:
        s = str(node)
        if isinstance(node, Heading) and node.level == 2:
            sections.append(_section(len(sections), title, current, start))
            current, title, start = [], node.title, offset + len(s)
        else:
            current.append(node)
        offset += len(s)
    sections.append(_section(len(sections), title, current, start))
    return sections


def _section(index: int, title, nodes: list, start: int) -> Section:
    wc = Wikicode(nodes)
    return Section(index, title, wc, start, "".join(str(n) for n in nodes))
