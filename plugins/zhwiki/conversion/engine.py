"""Convert intermediate Markdown (IMD) to one variant, as MediaWiki's LanguageConverter would.

The walk goes left to right over the whole article (all pages in document order share one
:class:`Converter`, because a rule acts from its position on: LanguageConverter::convertTo).

Text runs go through **one longest-match pass over page rules and base table together**
(conversion-semantics.md §5): at each position the longest key wins, whether it is a rule key or
an OpenCC phrase, and a rule wins a tie (MediaWiki writes rule pairs over base entries with the
same key).  Doing that character by character in Python would be slow, so the pass is split:

1. a compiled regex finds the next rule-key candidate (C speed; rules are few);
2. at a candidate, the base segmentation is replayed from the nearest *forced* boundary (a
   character that occurs in no phrase key, so no phrase can span it) to see whether an OpenCC
   phrase starting before the candidate swallows it, or a longer phrase starts at it;
3. everything between rule hits is base-table text; all of it is converted at the end with one
   OpenCC call per table (runs joined at a character no dictionary key contains).  Since those
   gaps start and end on segment boundaries, OpenCC's own max-forward-match reproduces the
   segmentation of the joint pass exactly.

Markers from markers.py mark what is not converted or where words break; HTML tags and link
destinations are boundaries.  Rule hits are recorded (for the 用词对照 page and tooltips).

Deliberate differences from MediaWiki, each a product decision or a documented approximation:

* mixed-script matching (default; ``mixed_script=False`` for parity): a rule key also matches
  its word spelled in mixed script, i.e. a span with both simplified-only and traditional-only
  characters (朝鮮半岛 meets rule 4, not rule 8); a span wholly in the other script matches only
  where it is a key itself (韓國 is no key of ``zh-hans:韩国; zh-hant:南韓``, so it stays);
* a map's text is shown as written, except inside ``-{zh-hans;zh-hant|…}-`` where the wrapper
  converts it once more, as MediaWiki does;
* ``-{}-`` inside a ``-{zh-hans;zh-hant|…}-`` wrapper still breaks words (MediaWiki joins the
  text first, so there it has no effect);
* a key removed with ``-{-|…}-`` is converted character by character afterwards (MediaWiki
  would still let shorter base phrases inside it match).
"""

from __future__ import annotations

import bisect
import html
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain

from .. import markers as M
from .rules import ConvRule, OneWay
from .tables import BaseTable, base_table, char_class, fold, fold_char, variants_of
from .variants import BIDIRECTIONAL, FALLBACK, REGION_NAMES, VARIANTS, language_name, pick


def escape_text(s: str) -> str:
    """Text for IMD: the characters HTML would read, as references (names come from data, not the source)."""
    return html.escape(s, quote=False)


#: What MediaWiki shows where a map has no text for the variant (message converter-manual-rule-error).
RULE_ERROR = "在手动语言转换规则中检测到错误"


@dataclass
class RenderedBlock:
    """An opaque ``-{…}-`` block whose entry texts were rendered to IMD."""

    id: int
    rule: ConvRule
    entries: dict[str, str]
    oneway: list[tuple[str, str, str]]  # (source, variant, target) as rendered IMD
    body: str
    line: int


@dataclass
class RuleHit:
    """A word a rule (not the base table) produced: where it came from, what it became.

    ``before``/``after``: up to ``CONTEXT`` characters of the source run on either side (the run
    ends at markup, so the context never spans a tag or link destination); ``place``: the page
    being converted (``Converter.place``) — for the review on the 用词对照 page.
    """

    source: str
    output: str
    rule: str
    before: str = ""
    after: str = ""
    place: str = ""


#: The converter's own fault (not the article's), among ``Converter.warnings``.
LOST_TRACK = "conversion lost track of a tag; this part was converted without masking"

#: Characters of source context kept on either side of a rule hit (issue 12 §4: about ten).
CONTEXT = 10


#: Value of a key removed by ``-{-|…}-``: the text is then converted character by character.
_REMOVED = "\x00removed"
#: Longest rule key matched in mixed script (RuleTable.regex); longer keys match as written.
MIXED_KEY_MAX = 64


@dataclass
class RuleTable:
    """Page rules in force for one variant: key → replacement (plus what each key came from)."""

    pairs: dict[str, str] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)
    rule_of: dict[str, ConvRule] = field(default_factory=dict)
    #: folded key → original keys (latest last), for mixed-script matching.
    folded: dict[str, list[str]] = field(default_factory=dict)
    mixed: bool = True
    #: key → value with markers resolved (filled by the converter on first use).
    shown: dict[str, str] = field(default_factory=dict)
    #: True once a key has no CJK character (then no run may be skipped as unconvertible).
    plain_keys: bool = False
    _regex: re.Pattern[str] | None = None
    _dirty: bool = True

    def add(self, key: str, value: str, origin: str, rule: ConvRule | None = None) -> None:
        key = key.strip()
        if not key:
            return
        self.pairs[key] = value
        self.origin[key] = origin
        if not _CONVERTIBLE_RE.search(key):
            self.plain_keys = True
        if rule is not None:
            self.rule_of[key] = rule
        fk = fold(key) if self.mixed else key
        keys = self.folded.setdefault(fk, [])
        if key in keys:
            keys.remove(key)
        keys.append(key)
        self.shown.pop(key, None)
        self._dirty = True

    def remove(self, key: str, origin: str) -> None:
        """``-{-|…}-``: the key leaves the table — rule pairs and base entries alike (§4)."""
        self.add(key, _REMOVED, origin)

    def regex(self) -> re.Pattern[str] | None:
        """One alternation of every key, longest first, so a match is the longest key at its start.

        With mixed-script matching each character of a key becomes the class of every character
        that folds to the same simplified one, so the text itself is searched (no folded copy).
        """
        if self._dirty:
            keys = sorted(self.folded, key=lambda k: (-len(k), k))
            if self.mixed:
                # Every alternative starts with a literal, so the regex engine can skip ahead
                # to possible first characters (a leading class would disable that).  A key
                # longer than MIXED_KEY_MAX matches only as written: a class per character made
                # Python's regex compiler take seconds on a rule that had swallowed a paragraph
                # (found by tests/test_fuzz.py); real rule words are a few characters long.
                alts = []
                for k in keys:
                    if len(k) > MIXED_KEY_MAX:
                        alts.extend(re.escape(actual) for actual in self.folded[k])
                    else:
                        alts.extend(re.escape(c0) + "".join(char_class(c) for c in k[1:]) for c0 in variants_of(k[0]))
            else:
                alts = [re.escape(k) for k in keys]
            self._regex = re.compile("|".join(alts)) if keys else None
            self._dirty = False
        return self._regex

    def resolve(self, actual: str) -> str:
        """The key a match stands for: the exact spelling if it is a key, else the latest added."""
        if actual in self.pairs:
            return actual
        return self.folded[fold(actual) if self.mixed else actual][-1]


def rule_texts(rule: ConvRule) -> dict[str, str]:
    """Each variant's text under a two-way rule, own or borrowed along the chain (generateConvTable)."""
    texts: dict[str, str] = {}
    if not rule.entries:
        return texts
    for v in VARIANTS:
        t = rule.entries.get("zh") if v == "zh" else pick(rule.entries, v)
        if t:
            texts[v] = t
    return texts


def pairs_for(rule: ConvRule, variant: str) -> list[tuple[str, str]]:
    """Replacement pairs a rule adds to *variant*'s table (ConverterRule::generateConvTable).

    Every text any variant ends up with becomes a key mapping to *variant*'s text — for the
    bidirectional (regional) variants only; zh-hans/zh-hant take one-way pairs only and zh none
    (ZhConverter::getAdditionalManualLevel).  One-way pairs have no fallback.
    """
    out: list[tuple[str, str]] = []
    if variant in BIDIRECTIONAL:
        texts = rule_texts(rule)
        mine = texts.get(variant)
        if mine:
            for t in dict.fromkeys(texts.values()):
                out.append((t, mine))
        elif not rule.has_entries and rule.body.strip():
            # -{H|word}-: protect word (map it to itself); also when an invalid code emptied the
            # rule's tables, as ConverterRule::parse fills them with the whole text then.
            word = rule.body.strip()
            out.append((word, word))
    if variant != "zh":
        for ow in rule.oneway:
            if ow.variant == variant:
                out.append((ow.source, ow.target))
    return out


def word_in(rule: ConvRule | None, source: str, variant: str) -> str:
    """The form *source* takes in *variant* under *rule* (for tooltips and the 用词对照 page).

    Where the rule gives the variant no pair (zh-hans/zh-hant under a two-way rule, a one-way rule
    for another variant), the variant's base table decides, as it would in that build.
    """
    if rule is not None and variant in BIDIRECTIONAL:
        mine = rule_texts(rule).get(variant)
        if mine:
            return mine
    if rule is not None:
        fs = fold(source)
        for ow in rule.oneway:
            if ow.variant == variant and fold(ow.source) == fs:
                return ow.target
    return base_table(variant).convert(source)


#: Tokens the walk handles one by one: markers that switch modes, and tags or attribute lists
#: whose ``title``/``alt`` value is converted.
_ACTIVE_RE = re.compile(
    f"({M.NOCONV_OPEN}|{M.NOCONV_CLOSE}|{M.BREAK}|{M.BLOCK_OPEN}\\d+{M.BLOCK_END}"
    f"|{M.SPAN_OPEN}\\d+{M.ID_END}|{M.SPAN_CLOSE}\\d+{M.ID_END}"
    r'|<[^<>\n]*?\b(?:title|alt)="[^<>\n]*>'
    r'|\{:?[ ]*(?:[#.][\w-]|[\w-]+=)[^{}\n]*?\b(?:title|alt)="[^{}\n]*\})'
)
#: Tokens copied as they are: other tags, Markdown link destinations, attribute lists.  They are
#: word boundaries, so the walk swaps each for one HOLE character (no dictionary key contains it),
#: converts the text around them in one piece, and puts them back afterwards.
_PASSIVE_RE = re.compile(r"(<[^<>\n]*>|\]\([^()\s]*\)|\{:?[ ]*(?:[#.][\w-]|[\w-]+=)[^{}\n]*\})")
#: A character reference: a rule key may match it whole (our own escapes, ``cn&#95;k``) but never
#: start or end inside one (``nbsp`` in ``&nbsp;``; LanguageConverter leaves entities alone).
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});")
_HOLE = "\x1e"  # a control character: clean() removes them from the source
_ATTR_RE = re.compile(r'\b(title|alt)="([^"]*)"')
#: Between gaps when many runs go to OpenCC in one call (source text never contains it: clean()).
_RAW = "raw"
_NORMAL = "normal"


def _Gap(table: BaseTable, text: str) -> tuple[BaseTable, str]:  # noqa: N802 - reads as a type
    """A placeholder for base-table text (a tuple; every finished piece in an output list is a str),
    filled after one batched OpenCC call per table."""
    return (table, text)


class Converter:
    """Converts IMD to one variant; keeps rule state across calls (document order).

    *built* lists the variants of this build (for tooltips: the form of a rule-changed word in
    the other variants); *tooltips* turns the ``<abbr>`` wrappers on.
    """

    def __init__(
        self,
        variant: str,
        blocks: dict[int, RenderedBlock] | None = None,
        page_rules: list[tuple[ConvRule, str]] | None = None,
        mixed_script: bool = True,
        built: Sequence[str] = (),
        tooltips: bool = False,
        content_convert: bool = True,
    ) -> None:
        self.variant = variant
        #: False under ``__NOCONTENTCONVERT__``: text is left as written (the source stage leaves -{…}- unparsed then).
        self.content_convert = content_convert
        self.blocks = blocks or {}
        self.mixed = mixed_script
        self.base = base_table(variant)
        self.table = RuleTable(mixed=mixed_script)
        #: The page rules of each variant on this one's fallback chain: ``-{zh-cn|…}-`` read in
        #: zh-hans converts with zh-cn's table, page rules included (ConverterRule::parse).
        self.chain_tables = {v: RuleTable(mixed=mixed_script) for v in FALLBACK[variant]}
        self.hits: list[RuleHit] = []
        #: Every time a rule key matched, per origin, whether or not it changed the base table's
        #: text (a protective rule only ever matches): for the 用词对照 page.
        self.matches: Counter[str] = Counter()
        #: The page being converted, stamped on each RuleHit (set by the pipeline).
        self.place = ""
        self.warnings: list[tuple[str, int | None]] = []
        #: Every rule that came into force, in order: (rule, origin), for the 用词对照 page.
        self.rules_seen: list[tuple[ConvRule, str]] = []
        #: Maps displayed, in order: (block id, shown text).
        self.maps_seen: list[tuple[int, str]] = []
        self.title_rule: ConvRule | None = None
        #: The last ``-{T|…}-`` block seen, with its texts rendered (what the title shows).
        self.title_block: RenderedBlock | None = None
        #: The title as inline Markdown, once the pipeline has worked it out (pipeline.site_title).
        self.title_markdown = ""
        #: True while text is converted a second time (nav labels after the bodies): its rules
        #: already acted at their place in the document, so they add, remove or title nothing now.
        self.frozen = False
        self.built = tuple(dict.fromkeys(list(built) or [variant]))
        self.tooltips = tooltips and len(self.built) > 1
        self._tip_cache: dict[tuple[str, str, int], str | None] = {}
        self._imd = ""
        self._base_cache: dict[tuple[BaseTable, str], str] = {}
        self._span_modes: dict[tuple[str, str], str] = {}
        for rule, origin in page_rules or []:
            self.apply_rule(rule, origin)

    # -- rules -------------------------------------------------------------------------
    def apply_rule(self, rule: ConvRule, origin: str) -> None:
        """Add (or with ``-`` remove) the pairs of a rule for the rest of the walk."""
        if self.frozen:
            return
        self.rules_seen.append((rule, origin))
        for variant, table in ((self.variant, self.table), *self.chain_tables.items()):
            if "-" in rule.flags:
                keys = [k for k, _ in pairs_for(rule, variant)]
                if not keys:
                    keys = list(rule.entries.values()) or ([rule.body.strip()] if rule.body.strip() else [])
                for key in keys:
                    table.remove(key, origin)
                continue
            for key, value in pairs_for(rule, variant):
                table.add(key, value, origin, rule)

    # -- text --------------------------------------------------------------------------
    def convert_run(self, text: str, rules: bool = True) -> str:
        """Convert one plain-text run at once (no batching, no tooltips)."""
        out: list = []
        if rules:
            self._scan(text, out, tooltips=False, at=-1)
        else:
            out.append(self._gap(text, self.base))
        return self._resolve(out)

    def apply_rules_of(self, imd: str) -> None:
        """Let the rules in *imd* (a heading) act at this point of the walk, recording nothing else.

        MediaWiki converts a heading in document order, before its section's text, so its
        ``-{A|…}-``, ``-{H|…}-``, ``-{-|…}-`` and ``-{T|…}-`` act from there on
        (LanguageConverter::recursiveConvertTopLevel walks the page once).  The heading's text
        is converted again later as a nav label (with ``frozen`` set); its hits count there.
        """
        marks = (len(self.hits), Counter(self.matches), len(self.maps_seen), len(self.warnings))
        self.convert(imd, tooltips=False)
        del self.hits[marks[0]:]
        self.matches = marks[1]
        del self.maps_seen[marks[2]:]
        del self.warnings[marks[3]:]

    def convert(self, imd: str, tooltips: bool | None = None) -> str:
        """Convert a whole IMD string and return plain Markdown (no markers left)."""
        self._imd = imd
        text = self._walk_str(imd, _NORMAL, self.tooltips if tooltips is None else tooltips)
        return text.replace(M.VARIANT, self.variant) if M.VARIANT in text else text

    @staticmethod
    def _gap(text: str, table: BaseTable) -> _Gap:
        return _Gap(table, text)

    @staticmethod
    def _resolve(out: list) -> str:
        """Run the base-table gaps in *out* through OpenCC (one call per table) and join."""
        by_table: dict[BaseTable, list[int]] = {}
        for i, p in enumerate(out):
            if type(p) is tuple:
                by_table.setdefault(p[0], []).append(i)
        for table, idxs in by_table.items():
            for i, res in zip(idxs, table.convert_many([out[i][1] for i in idxs]), strict=True):
                out[i] = res
        return "".join(out)

    def _scan(self, text: str, out: list, tooltips: bool, at: int,
              table: RuleTable | None = None, base: BaseTable | None = None) -> None:
        """The joint longest-match pass over one run in a variant's table (module docstring);
        this variant's unless *table* and *base* name another's (a variant-list span)."""
        table = self.table if table is None else table
        base = self.base if base is None else base
        rx = table.regex() if table.pairs else None
        if rx is None or not text:
            out.append(self._gap(text, base))
            return
        hay = text
        m = rx.search(hay)
        if m is None:
            out.append(self._gap(text, base))
            return
        phrases = base.phrases
        chars = phrases.chars
        n = len(text)
        g = known = 0
        ents = [(e.start(), e.end()) for e in _ENTITY_RE.finditer(text)] if "&" in text else []
        while m is not None:
            i, j = m.span()
            if ents and _cuts_entity(ents, i, j):
                m = rx.search(hay, i + 1) if i + 1 < n else None
                continue
            if table.mixed and text[i:j] not in table.pairs:
                end = self._mixed_match(table, text, i, j)
                if end is None:  # only the other script's spelling: MediaWiki's keys do not match it
                    m = rx.search(hay, i + 1) if i + 1 < n else None
                    continue
                j = end
            # Replay the base segmentation from the nearest forced boundary before i.
            k = i - 1
            floor = known
            while k >= floor and text[k] in chars:
                k -= 1
            b = phrases.boundary(text, k + 1, i)
            if b > i:  # an OpenCC phrase spans the candidate: the phrase wins
                known = b
                m = rx.search(hay, b) if b < n else None
                continue
            longest = phrases.longest(text, i)
            if longest > j - i:  # a longer phrase starts here (§5: 韩国制 beats 韩国)
                known = i + longest
                m = rx.search(hay, known) if known < n else None
                continue
            src = text[i:j]
            key = table.resolve(src)
            value = table.pairs[key]
            if i > g:
                out.append(self._gap(text[g:i], base))
            if value is _REMOVED:
                out.extend(self._gap(c, base) for c in src)
            else:
                shown = table.shown.get(key)
                if shown is None:
                    shown = table.shown[key] = self._walk_str(value, _RAW) if _MARKER_RE.search(value) else value
                rule = table.rule_of.get(key)
                plain = self._base_cache.get((base, src))
                if plain is None:
                    plain = self._base_cache[(base, src)] = base.convert(src)
                self.matches[table.origin.get(key, "")] += 1
                if shown != plain:
                    self.hits.append(RuleHit(src, shown, table.origin.get(key, ""),
                                             text[max(0, i - CONTEXT):i], text[j:j + CONTEXT], self.place))
                    if tooltips and not self._in_heading(text, i, at):
                        shown = self._tooltip(shown, src, rule)
                out.append(shown)
            g = known = j
            m = rx.search(hay, j) if j < n else None
        if g < n:
            out.append(self._gap(text[g:], base))

    @staticmethod
    def _mixed_match(table: RuleTable, text: str, i: int, j: int) -> int | None:
        """End of the longest key at *i* (up to *j*) that matches as MediaWiki would or as a mixed span.

        Mixed-script matching (module docstring) applies only to a span holding both a
        simplified-only and a traditional-only character (朝鮮半岛); a span wholly in the other
        script (韓國 for the key 韩国) matches only if it is itself a key.
        """
        for end in range(j, i, -1):
            span = text[i:end]
            if span in table.pairs or (fold(span) in table.folded and is_mixed_script(span)):
                return end
        return None

    def _in_heading(self, text: str, i: int, at: int) -> bool:
        """Is offset *i* of run *text* (at offset *at* of the page, -1 if unknown) on a heading line?

        Headings get no tooltips: the TOC, anchors and nav labels take their text.
        """
        nl = text.rfind("\n", 0, i)
        if nl >= 0:
            return text.startswith("#", nl + 1)
        if at < 0:
            return False
        return self._imd.startswith("#", self._imd.rfind("\n", 0, at) + 1)

    def _tooltip(self, shown: str, src: str, rule: ConvRule | None) -> str:
        """``<abbr title="zh-cn: … · zh-tw: …">shown</abbr>`` unless all built forms agree."""
        ck = (src, shown, id(rule))
        if ck not in self._tip_cache:
            forms = [(v, shown if v == self.variant else word_in(rule, src, v)) for v in self.built]
            if all(f == shown for _, f in forms):
                self._tip_cache[ck] = None
            else:
                self._tip_cache[ck] = html.escape(" · ".join(f"{v}: {f}" for v, f in forms), quote=True)
        title = self._tip_cache[ck]
        return f'<abbr title="{title}">{shown}</abbr>' if title else shown

    # -- the walk -----------------------------------------------------------------------
    def _walk_str(self, imd: str, mode: str, tooltips: bool = False) -> str:
        """Walk *imd* and return the finished text (gaps converted, passive tokens put back)."""
        out: list = []
        holes: list[str] = []
        if _HOLE in imd:  # cannot come from the source; stay correct if a renderer ever emits it
            imd = imd.replace(_HOLE, "")
        self._walk(imd, mode, out, tooltips, holes)
        text = self._resolve(out)
        if not holes:
            return text
        pieces = text.split(_HOLE)
        if len(pieces) != len(holes) + 1:  # pragma: no cover - cannot happen with OpenCC's tables
            self.warnings.append((LOST_TRACK, None))
            out, unused = [], None
            self._walk(imd, mode, out, tooltips, unused)
            return self._resolve(out)
        return "".join(chain.from_iterable(zip(pieces, holes, strict=False))) + pieces[-1]

    def _walk(self, imd: str, mode: str, out: list, tooltips: bool, holes: list[str] | None) -> None:
        """*mode*: ``normal`` (rules + base), ``raw`` (nothing), or a variant whose plain table applies."""
        top = imd is self._imd  # offsets are into the top-level string (heading test for tooltips)
        stack: list[tuple[str, str, str]] = []  # (kind, id, mode to restore), innermost last
        cur = mode
        zh = self.variant == "zh" or not self.content_convert
        table = self.table
        parts = _ACTIVE_RE.split(imd)
        pos = 0
        for idx in range(0, len(parts), 2):
            text = parts[idx]
            if text:
                keys = table if cur == _NORMAL else self.chain_tables.get(cur, table)
                if cur == _RAW or (zh and cur == _NORMAL) or not (
                        _NEVER_RE if keys.plain_keys else _CONVERTIBLE_RE).search(text):
                    out.append(text)
                else:
                    text = _mask(text, holes)
                    if cur == _NORMAL:
                        rx = table.regex() if table.pairs else None  # blocks may add rules as we go
                        if rx is not None and rx.search(text):
                            self._scan(text, out, tooltips, pos if top else -1)
                        else:
                            out.append(_Gap(self.base, text))
                    else:  # inside a variant-list span: that variant's table and page rules
                        vt = self.chain_tables.get(cur)
                        rx = vt.regex() if vt is not None and vt.pairs else None
                        if rx is not None and rx.search(text):
                            self._scan(text, out, False, -1, vt, base_table(cur))
                        else:
                            out.append(_Gap(base_table(cur), text))
                pos += len(parts[idx])
            if idx + 1 == len(parts):
                break
            tok = parts[idx + 1]
            pos += len(tok)
            c0 = tok[0]
            if c0 == "<" or c0 == "{":
                if cur == _RAW:
                    out.append(tok)
                else:
                    self._tag(tok, cur, out, holes)
            elif c0 == M.NOCONV_OPEN:
                stack.append(("noconv", "", cur))
                cur = _RAW
            elif c0 == M.NOCONV_CLOSE:
                if stack and stack[-1][0] == "noconv":
                    cur = stack.pop()[2]
                else:
                    cur = self._pop(stack, "noconv", "", cur)
            elif c0 == M.BREAK:
                pass  # a word breaker: runs on either side are matched separately
            elif c0 == M.BLOCK_OPEN:
                self._block(int(tok[1:-1]), cur, out, holes)
            elif c0 == M.SPAN_OPEN:
                bid = tok[1:-1]
                stack.append(("span", bid, cur))
                key = (bid, cur)
                mode_in = self._span_modes.get(key)
                if mode_in is None:
                    mode_in = self._span_modes[key] = self._span_mode(self.blocks.get(int(bid)), cur)
                cur = mode_in
            elif c0 == M.SPAN_CLOSE:
                bid = tok[1:-1]
                if stack and stack[-1][1] == bid and stack[-1][0] == "span":
                    cur = stack.pop()[2]
                else:
                    cur = self._pop(stack, "span", bid, cur)

    @staticmethod
    def _pop(stack: list, kind: str, bid: str, cur: str) -> str:
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == kind and stack[k][1] == bid:
                prev = stack[k][2]
                del stack[k:]
                return prev
        return cur

    def _span_mode(self, block: RenderedBlock | None, cur: str) -> str:
        """Mode inside a transparent span: ``-{R|…}-``/``-{text}-`` raw, ``-{zh-hans;zh-hant|…}-`` a table."""
        if block is None or cur == _RAW or not self.content_convert:
            return cur
        rule = block.rule
        if "R" in rule.flags or not rule.flag_variants:
            return _RAW
        # -{zh-hans;zh-hant|…}-: convert with the listed variant, else the first listed one on
        # our chain (ConverterRule::parse); no listed variant reachable: shown unconverted.
        if self.variant in rule.flag_variants:
            return _NORMAL if cur == _NORMAL else self.variant
        for fb in FALLBACK[self.variant]:
            if fb in rule.flag_variants:
                return fb
        return _RAW

    def _tag(self, tag: str, cur: str, out: list, holes: list[str] | None) -> None:
        """Tags (and attribute lists) are boundaries; only ``title``/``alt`` values are converted
        (LanguageConverter::autoConvert), unless they hold a URL; never with tooltips."""
        pos = 0
        for m in _ATTR_RE.finditer(tag):
            if "://" in m.group(2):
                continue
            out.append(tag[pos:m.start(2)])
            self._walk(m.group(2), cur, out, False, holes)
            pos = m.end(2)
        out.append(tag[pos:])

    def _block(self, bid: int, cur: str, out: list, holes: list[str] | None) -> None:
        """An opaque ``-{…}-`` block, with the flag precedence of ConverterRule::parseFlags."""
        block = self.blocks.get(bid)
        if block is None:
            return
        rule = block.rule
        flags = rule.flags
        origin = f"-{{…}}- 第{block.line}行" if block.line else "-{…}-"
        if "R" in flags:
            out.append(self._walk_str(block.body, _RAW))
            return
        if "N" in flags:  # R and N beat every other flag (ConverterRule::parseFlags)
            out.append(escape_text(language_name(rule.body)))
            return
        if "-" in flags:
            if cur != _RAW:
                self.apply_rule(_rendered_rule(block), origin)
            return
        if flags == {"T"}:
            self._set_title(block)  # -{T|…}-: the page title only
            return
        if "H" in flags:
            if "T" in flags:
                self._set_title(block)
            if cur != _RAW:
                self.apply_rule(_rendered_rule(block), origin)
            if "D" in flags:
                out.append(self._description(block))
            return
        if "A" in flags and cur != _RAW:
            self.apply_rule(_rendered_rule(block), origin)
        if "T" in flags:
            self._set_title(block)
        if "A" in flags and "D" in flags:
            return  # A;D: D drops A's display and nothing replaces it (parser test "D flag")
        if "D" in flags:
            out.append(self._description(block) if rule.has_entries else self._walk_str(block.body, _RAW))
            return
        if "A" in flags and not rule.has_entries:
            # -{A|word}-: with no code: entries every variant gets the whole text, shown as written
            # (ConverterRule::parse fills the bidirectional table for + and - rules).
            out.append(self._walk_str(block.body, _RAW))
            return
        shown = self.display(block)
        if cur not in (_RAW, _NORMAL) and shown != RULE_ERROR:
            # Inside -{zh-hans;zh-hant|…}-: the map's output is converted once more by the wrapper.
            out.append(self._gap(_mask(shown, holes), base_table(cur)))
        else:
            out.append(shown)

    def _set_title(self, block: RenderedBlock) -> None:
        """A ``T`` rule seen in the walk: the last one seen sets the title (ConverterRule::parse)."""
        if not self.frozen:
            self.title_rule, self.title_block = block.rule, block

    def _description(self, block: RenderedBlock) -> str:
        """``-{D|…}-``: 大陆：X；臺灣：Y； and one-way pairs as X⇒大陆：Y； (ConverterRule::getRulesDesc)."""
        parts = [f"{REGION_NAMES[v]}：{self._walk_str(t, _RAW)}；" for v, t in block.entries.items()]
        parts += [f"{self._walk_str(s, _RAW)}⇒{REGION_NAMES[v]}：{self._walk_str(t, _RAW)}；"
                  for s, v, t in block.oneway]
        return "".join(parts)

    def display(self, block: RenderedBlock, cur: str = _NORMAL) -> str:
        """What a map shows in this variant: its text as written (not converted again)."""
        v = self.variant
        entries = block.entries
        text = entries.get("zh") if v == "zh" else pick(entries, v)
        if v == "zh" and text is None:
            text = pick(entries, "zh")
        if text is None and block.oneway:
            if v == "zh":
                text = block.oneway[0][0]
            else:
                for _src, ov, tgt in block.oneway:
                    if ov == v:
                        text = tgt
                        break
        if text is None:
            self.warnings.append((f"-{{…}}- has no text for {v}; MediaWiki shows its error text", block.line))
            return RULE_ERROR
        shown = self._walk_str(text, _RAW)
        self.maps_seen.append((block.id, shown))
        return shown

    def title_display(self, block: RenderedBlock) -> str | None:
        """The title a ``T`` rule gives this variant, as rendered IMD resolved to Markdown, or None.

        After ``ConverterRule::getRuleConvertedTitle``: the variant's own text, else the first along
        its fallback chain, else its one-way text; a rule without ``code:`` entries gives its whole
        text in every variant (``-{T|Taiwan is China}-``).  For ``zh`` only a ``zh:`` entry counts.
        The text is shown as written (no conversion); None means "use the page name".
        """
        v = self.variant
        rule = block.rule
        if v == "zh" and "zh" not in block.entries:
            return None  # the main code takes only a zh: text, else the page name
        if not rule.has_entries:
            text: str | None = block.body
        elif v == "zh":
            text = block.entries.get("zh")
        else:
            text = pick(block.entries, v)
            if text is None:
                text = next((t for _s, ov, t in block.oneway if ov == v), None)
        if text is None:
            return None
        shown = self._walk_str(text, _RAW).strip()
        return shown.replace(M.VARIANT, v) or None


def _cuts_entity(ents: list[tuple[int, int]], i: int, j: int) -> bool:
    """Does the span [i, j) start or end strictly inside one of the entity spans *ents* (sorted)?"""
    for pos in (i, j):
        k = bisect.bisect_right(ents, (pos, 1 << 62)) - 1  # the last entity starting at or before pos
        if k >= 0 and ents[k][0] < pos < ents[k][1]:
            return True
    return False


def is_mixed_script(span: str) -> bool:
    """True when *span* holds a traditional-only character (one that folds to another) and a
    simplified-only one (one that has traditional forms): 朝鮮半岛 yes, 韓國 and 韩国 no."""
    trad = simp = False
    for c in span:
        f = fold_char(c)
        if f != c:
            trad = True
        elif len(variants_of(c)) > 1:
            simp = True
        if trad and simp:
            return True
    return False


def _mask(text: str, holes: list[str] | None) -> str:
    """Swap the passive tokens in *text* for HOLE characters (kept, in order, in *holes*).

    With *holes* None (the fallback path) tokens stay in place, so only the text between them is
    guaranteed to be treated as text (tags hold no CJK in practice).
    """
    if holes is None:
        return text
    parts = _PASSIVE_RE.split(text)
    if len(parts) == 1:
        return text
    holes.extend(parts[1::2])
    return _HOLE.join(parts[0::2])


_MARKER_RE = re.compile("[\ue000-\uf8ff]")
#: A run without any of these (ASCII, Latin, digits, spaces) is the same in every variant.
_CONVERTIBLE_RE = re.compile("[\u2018-\u201d\u2e80-\uffff]")
_NEVER_RE = re.compile("(?s:.)")


def _rendered_rule(block: RenderedBlock) -> ConvRule:
    """The block's rule with its rendered (IMD) entry texts, as MediaWiki sees them (after parsing)."""
    rule = block.rule
    if not block.entries and not block.oneway:
        return rule
    return ConvRule(
        flags=rule.flags, flag_variants=rule.flag_variants, entries=dict(block.entries),
        oneway=[OneWay(M.strip_markers(s), v, t) for s, v, t in block.oneway], body=rule.body, invalid=rule.invalid,
    )
