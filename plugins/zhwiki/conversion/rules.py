"""Parse the body of a ``-{…}-`` block (or a ``{{noteTA}}`` parameter) into data.

Follows MediaWiki ``ConverterRule::parseFlags`` and ``parseRules`` (conversion-semantics.md §4):
flags are what stands before the first ``|`` (tokens that are neither flags nor codes are ignored);
entries are split at ``;`` only where a variant code and ``:`` (or ``…=>code:``) or the end
follows, so a ``;`` inside an entity or an entry's text is kept; codes and texts are trimmed; one
invalid code discards all entries of the rule.  Nothing here converts text: ``engine.py`` applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .variants import normalize_variant

#: Flags a writer may give (LanguageConverter's default flags); anything else is ignored, as in
#: parseFlags (``S`` and ``+`` are reserved for the program there, not read from the text).
KNOWN_FLAGS = frozenset("AHTRDN-")

_CODE = r"zh(?:-[A-Za-z]{2,4}){0,2}"
_CODE_RE = re.compile(_CODE, re.I)
_SPLIT_RE = re.compile(rf";(?=\s*(?:{_CODE})\s*:|[^;]*?=>\s*(?:{_CODE})\s*:|\s*$)")


@dataclass(frozen=True)
class OneWay:
    """``source=>variant:target``: source becomes target in that variant only (no fallback)."""

    source: str
    variant: str
    target: str


@dataclass
class ConvRule:
    """One parsed ``-{…}-`` block or noteTA rule."""

    flags: frozenset[str] = frozenset()
    #: Variant codes listed as flags (``-{zh-hans;zh-hant|…}-``).
    flag_variants: tuple[str, ...] = ()
    #: Two-way entries, in written order (code → text).
    entries: dict[str, str] = field(default_factory=dict)
    oneway: list[OneWay] = field(default_factory=list)
    #: The text after the flags, untouched.
    body: str = ""
    #: True when the body had ``code:`` entries but one was invalid, so all were discarded.
    invalid: bool = False

    @property
    def has_entries(self) -> bool:
        return bool(self.entries or self.oneway)


def split_flags(inner: str) -> tuple[frozenset[str], tuple[str, ...], str]:
    """Separate ``flags|body``; returns (flags, flag variants, body).

    As ConverterRule::parseFlags: everything before the first ``|`` is the flag list, and a
    token there that is neither a flag nor a variant code is ignored (``-{foo|bar}-`` shows
    ``bar``).  MediaWiki sees the page's HTML, where a link's or template's ``|`` is gone; we see
    wikitext, so a ``|`` with an open ``[[``/``{{`` or a line break before it is not the separator.
    """
    bar = inner.find("|")
    if bar < 0:
        return frozenset(), (), inner
    prefix = inner[:bar]
    if "[[" in prefix or "{{" in prefix or "\n" in prefix:
        return frozenset(), (), inner
    flags: set[str] = set()
    variants: list[str] = []
    for tok in (t.strip() for t in prefix.split(";")):
        v = normalize_variant(tok) if tok else None
        if v:
            variants.append(v)
        elif tok in KNOWN_FLAGS:
            flags.add(tok)
    return frozenset(flags), tuple(variants), inner[bar + 1:]


def parse_entries(body: str) -> tuple[dict[str, str], list[OneWay], bool]:
    """Split a rule body into two-way entries and one-way pairs.

    Returns (entries, oneway, invalid).  A body with no ``code:`` at all gives empty results and
    ``invalid=False`` (it is plain text).
    """
    entries: dict[str, str] = {}
    oneway: list[OneWay] = []
    saw_code = False
    for part in _SPLIT_RE.split(body):
        # As ConverterRule::parseRules: split at the first ":", then the left side at "=>".
        left, sep, text = part.partition(":")
        if not sep:
            continue  # no "code:" at all: MediaWiki skips the entry
        text = text.strip()
        src, arrow, code = left.partition("=>") if "=>" in left else ("", "", left)
        v = normalize_variant(code)
        if v is None:  # one invalid code discards every entry of the rule
            return {}, [], saw_code or bool(_CODE_RE.fullmatch(code.strip()))
        saw_code = True
        if arrow:
            if src.strip():
                oneway.append(OneWay(src.strip(), v, text))
        elif text:
            entries[v] = text
    return entries, oneway, False


def parse_rule(inner: str) -> ConvRule:
    """Parse the text between ``-{`` and ``}-`` (nested blocks already replaced)."""
    flags, flag_variants, body = split_flags(inner)
    rule = ConvRule(flags=flags, flag_variants=flag_variants, body=body)
    if flag_variants or "R" in flags or "N" in flags:
        return rule
    entries, oneway, invalid = parse_entries(body)
    rule.entries, rule.oneway, rule.invalid = entries, oneway, invalid
    return rule
