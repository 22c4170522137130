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
        return bisect.bisect_left(self.newlines, self.offsets.to_src(pos)) + 1


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
    # One regex pass instead of a per-character loop (this ran for every character of the article).
    bad: dict[int, int] = {}
    line, last = 1, 0
    for m in _BAD_CHAR_RE.finditer(text):
        line += text.count("\n", last, m.start())
        last = m.start()
        bad[line] = bad.get(line, 0) + 1
    for ln, n in bad.items():
        diag.defect("control character", f"{n} control or private-use character(s) removed", ln)
    return _BAD_CHAR_RE.sub("", text) if bad else text


#: Unicode category Cc (U+0000–001F, U+007F–009F) except tab and newline, and the private-use area
#: (our markers live there, markers.py).
_BAD_CHAR_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ue000-\uf8ff]")


_PROTECT = r"<(nowiki|pre|code|syntaxhighlight|source|math)\b[^>]*?(?<!/)>.*?</\1\s*>"
_COMMENT_RE = re.compile(rf"{_PROTECT}|<!--.*?(?:-->|\Z)", re.S | re.I)
#: ``-{…}-`` is markup inside <code> and <pre> too (MediaWiki's converter sees their HTML); only
#: nowiki and the extension tags hide it.
_PROTECT_LC = r"<(nowiki|syntaxhighlight|source|math)\b[^>]*?(?<!/)>.*?</\1\s*>"
_LC_RE = re.compile(rf"{_PROTECT_LC}|-\{{(?!\{{)|\}}-", re.S | re.I)


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
            line = bisect.bisect_left(newlines, m.start()) + 1
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
    # An unclosed -{ is left out (MediaWiki shows it; a reader gains nothing from it) and reported;
    # the text after it is converted as usual, closed blocks in it included.  Inside a [[…]] on its
    # line it stays: a link target cannot hold it, so MediaWiki shows the whole link as text.
    literal: set[int] = set()
    for pos in stack:
        if _in_link_brackets(text, pos):
            literal.add(pos)
            diag.defect("malformed conversion", "unclosed -{ inside [[…]]: the link is shown as text", line_at(pos))
        else:
            diag.defect("malformed conversion", "unclosed -{ : left out; the text after it is converted as usual",
                        line_at(pos))
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
                parts.append("-{" if op in literal else "")
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
            diag.defect("malformed conversion", f"-{{…}}- nested deeper than {MAX_LC_DEPTH}: shown literally", line)
            return "-{" + render_range(op + 2, close, depth) + "}-"
        inner = render_range(op + 2, close, depth)
        if inner == "":
            return M.BREAK
        rule = parse_rule(inner)
        bid = len(blocks) + 1
        if rule.invalid:
            diag.defect("malformed conversion", "-{…}- names an unknown variant; its text is shown unconverted", line)
        if "R" in rule.flags or (not rule.flags and not rule.flag_variants and not rule.has_entries):
            kind = "raw"
        elif rule.flag_variants and not (rule.flags & {"N", "-", "H"}) and rule.flags != {"T"}:
            kind = "vlist"  # variant flags win over A/D/T combinations (ConverterRule::parseFlags)
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
            keep = "-{" if op in literal else ""
            out.append(keep)
            olen += len(keep)
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


def _in_link_brackets(text: str, pos: int) -> bool:
    """Is offset *pos* between a ``[[`` and a ``]]`` on its own line?"""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    before, after = text[start:pos], text[pos:end]
    return before.rfind("[[") > before.rfind("]]") and "]]" in after


def _mask_or_drop(text: str, diag: Diagnostics, line_at) -> tuple[str, dict[int, Block], OffsetMap]:
    """mask_conversion_blocks, with a guard for pathological nesting: the text stays, the markers go."""
    try:
        return mask_conversion_blocks(text, diag, line_at)
    except RecursionError:
        diag.defect("malformed conversion", "-{…}- nested too deeply to read; its markers were dropped and the text kept",
                    line_at(text.find("-{")))
        return re.sub(r"-\{|\}-", "", text), {}, OffsetMap()


def prepare(raw: str, diag: Diagnostics) -> Prepared:
    """Run the preprocessing steps on decoded source text."""
    text = clean(raw, diag)
    newlines = [m.start() for m in re.finditer("\n", text)]

    def src_line(pos: int) -> int:
        return bisect.bisect_left(newlines, pos) + 1

    if not text.strip():
        diag.defect("empty source", "the article has no text; the edition has one empty page")
    text2, cmap = strip_comments(text, diag, newlines)
    check_quotes(text2, diag, lambda p: src_line(cmap.to_src(p)))
    text2, rmap = repair_structure(text2, diag, lambda p: src_line(cmap.to_src(p)))
    rmap.inner = cmap
    if conversion_switches(text2)[0]:
        # __NOCONTENTCONVERT__: MediaWiki never calls the converter (Parser::internalParseHalfParsed),
        # so -{…}- is not markup at all: it shows as written, and no T rule in it sets the title.
        text3, blocks, lmap = text2, {}, OffsetMap()
    else:
        text3, blocks, lmap = _mask_or_drop(text2, diag, lambda p: src_line(rmap.to_src(p)))
    lmap.inner = rmap
    if text.strip() and not re.search(r"^==[^=].*==[ \t]*$", text3, re.M):
        diag.defect("no sections", "the article has no level-2 sections; everything is on one page")
    return Prepared(text3, blocks, lmap, newlines)


_PROTECTED_RE = re.compile(_PROTECT, re.S | re.I)
_REF_TOKEN_RE = re.compile(r"<ref\b[^<>]*?(/?)>|</ref\s*>", re.I)
_LI_TOKEN_RE = re.compile(r"<li\b[^<>]*>|</li\s*>|</(?:ul|ol)\s*>", re.I)
_TABLE_LINE_RE = re.compile(r"^[ \t]*(\{\||\|\}(?!\}))", re.M)
_H2_LINE_RE = re.compile(r"^==[^=].*==[ \t]*$", re.M)


_NOCC_RE = re.compile(r"__(?:NOCONTENTCONVERT|NOCC)__")
_NOTC_RE = re.compile(r"__(?:NOTITLECONVERT|NOTC)__")


def conversion_switches(text: str) -> tuple[bool, bool]:
    """MediaWiki's double-underscore switches for conversion, read outside nowiki/pre/code/math:
    (``__NOCONTENTCONVERT__``/``__NOCC__`` seen, ``__NOTITLECONVERT__``/``__NOTC__`` seen)."""
    bare = _PROTECTED_RE.sub("", text) if "<" in text else text
    return bool(_NOCC_RE.search(bare)), bool(_NOTC_RE.search(bare))


_QUOTE_RUN_RE = re.compile(r"'{2,}")


def unbalanced_quotes(line: str) -> str | None:
    """The apostrophe markup one line leaves open, ``italic ''`` or ``bold '''``; None when all pair up.

    The count follows Parser::doQuotes: a run of 4 is an apostrophe plus bold, 5 or more is bold
    italics, and when both counts are odd one bold run is read as an apostrophe plus italics.
    """
    if "''" not in line:
        return None
    n_i = n_b = 0
    has_bold = False
    for m in _QUOTE_RUN_RE.finditer(line):
        n = len(m.group(0))
        if n == 2:
            n_i += 1
        elif n in (3, 4):
            n_b += 1
            has_bold = True
        else:
            n_i += 1
            n_b += 1
    if n_i % 2 and n_b % 2 and has_bold:
        n_i, n_b = n_i + 1, n_b - 1
    if n_i % 2 or n_b % 2:
        return "italic ''" if n_i % 2 else "bold '''"
    return None


def check_quotes(text: str, diag: Diagnostics, line_at) -> None:
    """Report lines whose italic or bold apostrophes do not pair up (:func:`unbalanced_quotes`).

    MediaWiki closes them at the end of the line, and so does the renderer (blocks.quotes); this
    only tells the editor.
    """
    if "''" not in text:
        return
    blank = _PROTECTED_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    pos = 0
    for line in blank.split("\n"):
        what = unbalanced_quotes(line)
        if what:
            diag.defect("unbalanced quotes", f"{what} is not closed on its line; closed at the line's end", line_at(pos))
        pos += len(line) + 1


def repair_structure(text: str, diag: Diagnostics, line_at) -> tuple[str, OffsetMap]:
    """Close what the parser would otherwise show as raw markup: unclosed refs, list items and tables.

    mwparserfromhell leaves an unclosed ``<ref>`` or ``{|`` as plain text, which would put
    wikitext on the page.  An unclosed ``<ref>`` is closed at the end of its line (or before the
    next ``<ref>``), as its author most likely meant; an unclosed table is closed before the
    next level-2 heading, so it cannot swallow later sections (MediaWiki closes it only at the
    end of the page); a ``|}`` that closes nothing is dropped.  Every repair is a reported
    defect; text inside nowiki/pre/code/math is left alone.
    """
    protected = [(m.start(), m.end()) for m in _PROTECTED_RE.finditer(text)]
    starts = [a for a, _ in protected]

    def is_protected(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and protected[i][0] <= pos < protected[i][1]

    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in input offsets

    # -- refs --------------------------------------------------------------------------
    open_at: int | None = None
    open_end = 0
    for m in _REF_TOKEN_RE.finditer(text):
        if is_protected(m.start()):
            continue
        tok = m.group(0)
        if tok.startswith("</"):
            if open_at is None:
                diag.defect("malformed markup", "</ref> without an opening <ref> removed", line_at(m.start()))
                edits.append((m.start(), m.end(), ""))
            open_at = None
            continue
        if m.group(1) == "/":  # self-closing use
            continue
        if open_at is not None:
            eol = text.find("\n", open_end)
            at = m.start() if eol < 0 or m.start() < eol else eol
            diag.defect("malformed markup", "<ref> is never closed; closed at the end of its line", line_at(open_at))
            edits.append((at, at, "</ref>"))
        open_at, open_end = m.start(), m.end()
    if open_at is not None:
        eol = text.find("\n", open_end)
        at = len(text) if eol < 0 else eol
        diag.defect("malformed markup", "<ref> is never closed; closed at the end of its line", line_at(open_at))
        edits.append((at, at, "</ref>"))

    # -- list items --------------------------------------------------------------------
    # HTML lets ``<li>`` go unclosed (``hub = <li>甲航空<li>乙航空``), and MediaWiki shows such
    # items; mwparserfromhell instead gives up on the whole template around them, which would put
    # its wikitext on the page.  Each unclosed item is closed before the next item, the end of
    # its list or the end of its line.  Valid HTML, so no defect is reported.
    li_tokens = [m for m in _LI_TOKEN_RE.finditer(text) if not is_protected(m.start())]
    for k, m in enumerate(li_tokens):
        if not m.group(0).lower().startswith("<li"):
            continue
        nxt = li_tokens[k + 1] if k + 1 < len(li_tokens) else None
        eol = text.find("\n", m.end())
        eol = len(text) if eol < 0 else eol
        if nxt is not None and nxt.start() < eol and nxt.group(0).lower().startswith("</li"):
            continue  # closed on its line
        at = min(eol, nxt.start()) if nxt is not None else eol
        edits.append((at, at, "</li>"))

    # -- tables ------------------------------------------------------------------------
    stack: list[int] = []
    events = [(m.start(1), m.group(1)) for m in _TABLE_LINE_RE.finditer(text) if not is_protected(m.start(1))]
    events += [(m.start(), "==") for m in _H2_LINE_RE.finditer(text) if not is_protected(m.start())]
    for pos, tok in sorted(events):
        if tok == "{|":
            stack.append(pos)
        elif tok == "|}":
            if stack:
                stack.pop()
            else:
                diag.defect("malformed markup", "|} closes no table; removed", line_at(pos))
                edits.append((pos, pos + 2, ""))
        elif stack:
            for op in reversed(stack):
                diag.defect("malformed markup", "table {| is never closed; closed before the next section", line_at(op))
            edits.append((pos, pos, "|}\n" * len(stack)))
            stack.clear()
    for op in reversed(stack):
        diag.defect("malformed markup", "table {| is never closed; closed at the end of the article", line_at(op))
    if stack:
        edits.append((len(text), len(text), "\n|}" * len(stack)))

    if not edits:
        return text, OffsetMap()
    omap = OffsetMap()
    out: list[str] = []
    pos = olen = 0
    for start, end, rep in sorted(edits, key=lambda e: (e[0], e[1])):
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(rep)
        olen += (start - pos) + len(rep)
        pos = end
        omap.anchor(olen, pos)
    out.append(text[pos:])
    return "".join(out), omap


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
    # *code* is the parse of prep.text and mwparserfromhell round-trips, so a section's text is a
    # slice of prep.text (saves serialising every node a second time).
    whole = prep.text
    for node in code.nodes:
        s = str(node)
        if isinstance(node, Heading) and node.level == 2:
            sections.append(_section(len(sections), title, current, start, whole[start:offset]))
            current, title, start = [], node.title, offset + len(s)
        else:
            current.append(node)
        offset += len(s)
    sections.append(_section(len(sections), title, current, start, whole[start:offset]))
    return sections


def _section(index: int, title, nodes: list, start: int, text: str | None = None) -> Section:
    wc = Wikicode(nodes)
    return Section(index, title, wc, start, "".join(str(n) for n in nodes) if text is None else text)
