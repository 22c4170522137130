"""Convert intermediate Markdown (IMD) to one variant, as MediaWiki's LanguageConverter would.

The walk goes left to right over the whole article (all pages in document order share one
:class:`Converter`, because a rule acts from its position on: LanguageConverter::convertTo).
Text runs are converted by one longest-match pass over the page rules; what no rule covers goes
to the base table.  Markers from markers.py mark what is not converted or where words break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import markers as M
from .rules import ConvRule
from .tables import base_table, fold_char
from .variants import BIDIRECTIONAL, FALLBACK, REGION_NAMES, VARIANTS, pick

#: What MediaWiki shows where a map has no text for the variant (ConverterRule).
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
    """A word a rule (not the base table) produced: where it came from, what it became."""

    source: str
    output: str
    rule: str


@dataclass
class RuleTable:
    """Page rules in force for one variant: key → replacement, with folded keys for mixed script."""

    pairs: dict[str, str] = field(default_factory=dict)
    folded: dict[str, str] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)
    maxlen: int = 0
    first: set[str] = field(default_factory=set)

    def add(self, key: str, value: str, origin: str, mixed: bool) -> None:
        key = key.strip()
        if not key:
            return
        self.pairs[key] = value
        self.origin[key] = origin
        if mixed:
            self.folded["".join(fold_char(c) for c in key)] = key
        self.maxlen = max(self.maxlen, len(key))
        self.first.add(key[0])
        if mixed:
            self.first.add(fold_char(key[0]))

    def remove(self, key: str) -> None:
        self.pairs.pop(key.strip(), None)


def pairs_for(rule: ConvRule, variant: str) -> list[tuple[str, str]]:
    """Replacement pairs a rule adds to *variant*'s table (ConverterRule::generateConvTable)."""
    out: list[tuple[str, str]] = []
    if variant in BIDIRECTIONAL and rule.entries:
        texts: dict[str, str] = {}
        for v in VARIANTS:
            t = pick(rule.entries, v) if v != "zh" else rule.entries.get("zh")
            if t:
                texts[v] = t
        mine = texts.get(variant)
        if mine:
            for t in dict.fromkeys(texts.values()):
                out.append((t, mine))
    for ow in rule.oneway:
        if ow.variant == variant:
            out.append((ow.source, ow.target))
    return out


_TOKEN_RE = re.compile(
    f"({M.NOCONV_OPEN}|{M.NOCONV_CLOSE}|{M.BREAK}|{M.BLOCK_OPEN}\\d+{M.BLOCK_END}"
    f"|[{M.SPAN_OPEN}{M.SPAN_CLOSE}]\\d+{M.ID_END}|<[^<>\n]*>|\\]\\([^()\\s]*\\)|\\n)"
)
_ATTR_RE = re.compile(r'\b(title|alt)="([^"]*)"')


class Converter:
    """Converts IMD to one variant; keeps rule state across calls (document order)."""

    def __init__(
        self,
        variant: str,
        blocks: dict[int, RenderedBlock] | None = None,
        page_rules: list[tuple[ConvRule, str]] | None = None,
        mixed_script: bool = True,
    ) -> None:
        self.variant = variant
        self.blocks = blocks or {}
        self.mixed = mixed_script
        self.base = base_table(variant)
        self.table = RuleTable()
        self.hits: list[RuleHit] = []
        self.warnings: list[tuple[str, int | None]] = []
        for rule, origin in page_rules or []:
            self.apply_rule(rule, origin)

    # -- rules -------------------------------------------------------------------------
    def apply_rule(self, rule: ConvRule, origin: str) -> None:
        """Add (or with ``-`` remove) the pairs of a rule for the rest of the walk."""
        if "-" in rule.flags:
            for key, _ in pairs_for(rule, self.variant) or [(t, t) for t in rule.entries.values()]:
                self.table.remove(key)
            return
        if not rule.has_entries and rule.body.strip() and self.variant in BIDIRECTIONAL:
            # -{H|word}- with no variant entries protects the word (maps it to itself).
            word = rule.body.strip()
            self.table.add(word, word, origin, self.mixed)
            return
        for key, value in pairs_for(rule, self.variant):
            self.table.add(key, value, origin, self.mixed)

    # -- text --------------------------------------------------------------------------
    def convert_run(self, text: str, rules: bool = True) -> str:
        """One left-to-right pass: the longest rule key wins; the rest goes to the base table."""
        if not text:
            return text
        table = self.table
        if not rules or not table.pairs:
            return self.base.convert(text)
        out: list[str] = []
        gap_start = 0
        i = 0
        n = len(text)
        folded_text = None
        while i < n:
            ch = text[i]
            hit = None
            if ch in table.first or (self.mixed and fold_char(ch) in table.first):
                for length in range(min(table.maxlen, n - i), 0, -1):
                    piece = text[i:i + length]
                    if piece in table.pairs:
                        hit = piece
                        break
                    if self.mixed:
                        if folded_text is None:
                            folded_text = "".join(fold_char(c) for c in text)
                        key = table.folded.get(folded_text[i:i + length])
                        if key is not None and key in table.pairs:
                            hit = key
                            break
            if hit is None:
                i += 1
                continue
            out.append(self.base.convert(text[gap_start:i]))
            value = table.pairs[hit]
            out.append(value)
            src = text[i:i + len(hit)]
            if value != self.base.convert(src):
                self.hits.append(RuleHit(src, value, table.origin.get(hit, "")))
            i += len(hit)
            gap_start = i
        out.append(self.base.convert(text[gap_start:]))
        return "".join(out)

    def convert(self, imd: str) -> str:
        """Convert a whole IMD string and return plain Markdown (no markers left)."""
        return self._walk(imd, mode="normal").replace(M.VARIANT, self.variant)

    def _walk(self, imd: str, mode: str) -> str:
        """*mode*: ``normal`` (rules + base), ``raw`` (nothing), or a variant whose plain table applies."""
        out: list[str] = []
        pos = 0
        stack: list[tuple[str, str]] = []  # (kind, id) of open spans, innermost last
        cur = mode

        def flush(text: str) -> None:
            if not text:
                return
            if cur == "raw":
                out.append(text)
            elif cur == "normal":
                out.append(self.convert_run(text))
            else:
                out.append(base_table(cur).convert(text))

        for m in _TOKEN_RE.finditer(imd):
            flush(imd[pos:m.start()])
            pos = m.end()
            tok = m.group(0)
            if tok == M.NOCONV_OPEN:
                stack.append(("noconv", "", cur))  # type: ignore[arg-type]
                cur = "raw"
            elif tok == M.NOCONV_CLOSE:
                cur = self._pop(stack, "noconv", "", cur)
            elif tok == M.BREAK or tok == "\n":
                out.append("\n" if tok == "\n" else "")
            elif tok[0] == M.BLOCK_OPEN:
                out.append(self._block(int(tok[1:-1]), cur))
            elif tok[0] == M.SPAN_OPEN:
                bid = tok[1:-1]
                block = self.blocks.get(int(bid))
                stack.append(("span", bid, cur))  # type: ignore[arg-type]
                cur = self._span_mode(block, cur)
            elif tok[0] == M.SPAN_CLOSE:
                cur = self._pop(stack, "span", tok[1:-1], cur)
            elif tok.startswith("]("):
                out.append(tok)  # a Markdown link destination: never converted
            else:
                out.append(self._tag(tok, cur))
        flush(imd[pos:])
        return "".join(out)

    @staticmethod
    def _pop(stack: list, kind: str, bid: str, cur: str) -> str:
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == kind and stack[k][1] == bid:
                prev = stack[k][2]
                del stack[k:]
                return prev
        return cur

    def _span_mode(self, block: RenderedBlock | None, cur: str) -> str:
        if block is None or cur == "raw":
            return "raw" if cur == "raw" else cur
        rule = block.rule
        if "R" in rule.flags or not rule.flag_variants:
            return "raw"
        # -{zh-hans;zh-hant|…}-: convert with the first listed variant on our chain (CR::parse).
        if self.variant in rule.flag_variants:
            return self.variant if self.variant not in BIDIRECTIONAL else self.variant
        for fb in FALLBACK[self.variant]:
            if fb in rule.flag_variants:
                return fb
        return "raw"

    def _tag(self, tag: str, cur: str) -> str:
        """HTML tags are boundaries; only ``title`` and ``alt`` values are converted."""
        if cur == "raw" or ('title="' not in tag and 'alt="' not in tag):
            return tag

        def conv(m: re.Match[str]) -> str:
            val = m.group(2)
            if "://" in val:
                return m.group(0)
            return f'{m.group(1)}="{self._walk(val, cur)}"'

        return _ATTR_RE.sub(conv, tag)

    def _block(self, bid: int, cur: str) -> str:
        block = self.blocks.get(bid)
        if block is None:
            return ""
        rule = block.rule
        flags = rule.flags
        if "T" in flags and "H" not in flags and "A" not in flags:
            return ""  # sets the title only (pipeline reads it)
        if flags & {"H", "A", "-"}:
            self.apply_rule(rule, f"-{{…}}- line {block.line}")
        if "N" in flags:
            from .variants import normalize_variant
            v = normalize_variant(rule.body)
            return REGION_NAMES.get(v, "") if v else ""
        if "D" in flags:
            parts = [f"{REGION_NAMES[v]}：{self._walk(t, 'raw')}；" for v, t in block.entries.items()]
            return "".join(parts)
        if "H" in flags or "-" in flags:
            return ""
        return self.display(block, cur)

    def display(self, block: RenderedBlock, cur: str = "normal") -> str:
        """What a map shows in this variant: its text as written (not converted again)."""
        v = self.variant
        text = pick(block.entries, v) if v != "zh" else (block.entries.get("zh") or pick(block.entries, "zh"))
        if text is None and block.oneway:
            if v == "zh":
                text = block.oneway[0][0]
            else:
                for src, ov, tgt in block.oneway:
                    if ov == v:
                        text = tgt
                        break
        if text is None:
            self.warnings.append((f"-{{…}}- has no text for {v}", block.line))
            return RULE_ERROR
        return self._walk(text, "raw")
