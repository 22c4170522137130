"""The nine Chinese variants MediaWiki knows, their fallback chains and manual-conversion levels.

Source: MediaWiki core ``includes/language/converters/ZhConverter.php`` (``$mFallback`` style
lists, ``getAdditionalManualLevel``), as summarised in conversion-semantics.md §2.  The chains
are the current core ones; older core (and zhconv-rs) ordered zh-hk and zh-sg differently.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

VARIANTS: tuple[str, ...] = (
    "zh", "zh-hans", "zh-hant", "zh-cn", "zh-hk", "zh-mo", "zh-my", "zh-sg", "zh-tw",
)
"""In the order ``ConverterRule::generateConvTable`` visits them."""

FALLBACK: dict[str, tuple[str, ...]] = {
    "zh": ("zh-hans", "zh-hant", "zh-cn", "zh-tw", "zh-hk", "zh-sg", "zh-mo", "zh-my"),
    "zh-hans": ("zh-cn", "zh-sg", "zh-my"),
    "zh-hant": ("zh-tw", "zh-hk", "zh-mo"),
    "zh-cn": ("zh-hans", "zh-sg", "zh-my"),
    "zh-sg": ("zh-my", "zh-hans", "zh-cn"),
    "zh-my": ("zh-sg", "zh-hans", "zh-cn"),
    "zh-tw": ("zh-hant", "zh-hk", "zh-mo"),
    "zh-hk": ("zh-mo", "zh-hant", "zh-tw"),
    "zh-mo": ("zh-hk", "zh-hant", "zh-tw"),
}

#: Variants whose table receives pairs from two-way rules (the regional ones).
BIDIRECTIONAL: frozenset[str] = frozenset({"zh-cn", "zh-hk", "zh-mo", "zh-my", "zh-sg", "zh-tw"})
#: Variants that take only one-way ``=>`` pairs.
UNIDIRECTIONAL: frozenset[str] = frozenset({"zh-hans", "zh-hant"})

#: Names MediaWiki shows for ``-{N|code}-`` and in the variant menu (MessagesZh*.php).
NAMES: dict[str, dict[str, str]] = {
    "zh": {"hans": "原文", "hant": "原文"},
    "zh-hans": {"hans": "简体", "hant": "簡體"},
    "zh-hant": {"hans": "繁体", "hant": "繁體"},
    "zh-cn": {"hans": "大陆简体", "hant": "大陸簡體"},
    "zh-hk": {"hans": "香港繁体", "hant": "香港繁體"},
    "zh-mo": {"hans": "澳门繁体", "hant": "澳門繁體"},
    "zh-my": {"hans": "马来西亚简体", "hant": "馬來西亞簡體"},
    "zh-sg": {"hans": "新加坡简体", "hant": "新加坡簡體"},
    "zh-tw": {"hans": "台湾正体", "hant": "臺灣正體"},
}
#: Region names used by ``-{D|…}-`` descriptions and ``-{N|…}-`` (LanguageConverter messages).
REGION_NAMES: dict[str, str] = {
    "zh": "原文", "zh-hans": "简体", "zh-hant": "繁體", "zh-cn": "大陆", "zh-hk": "香港",
    "zh-mo": "澳門", "zh-my": "大马", "zh-sg": "新加坡", "zh-tw": "臺灣",
}

#: BCP 47 spellings accepted in rules (``LanguageConverter::validateVariant``).
_BCP47: dict[str, str] = {
    "zh-hans-cn": "zh-cn", "zh-hans-sg": "zh-sg", "zh-hans-my": "zh-my",
    "zh-hant-tw": "zh-tw", "zh-hant-hk": "zh-hk", "zh-hant-mo": "zh-mo",
}


def normalize_variant(code: str) -> str | None:
    """Return the canonical code for *code* (any case, BCP 47 accepted), or None if invalid."""
    c = code.strip().lower().replace("_", "-")
    if c in FALLBACK:
        return c
    return _BCP47.get(c)


def is_traditional(variant: str) -> bool:
    """True for the variants written in traditional characters."""
    return variant in ("zh-hant", "zh-tw", "zh-hk", "zh-mo")


def html_lang(variant: str) -> str:
    """The BCP 47 tag for ``<html lang>`` (zh-Hans-CN style, which browsers and fonts know)."""
    return {
        "zh": "zh", "zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "zh-cn": "zh-Hans-CN",
        "zh-sg": "zh-Hans-SG", "zh-my": "zh-Hans-MY", "zh-tw": "zh-Hant-TW",
        "zh-hk": "zh-Hant-HK", "zh-mo": "zh-Hant-MO",
    }[variant]


def pick(entries: dict[str, str], variant: str) -> str | None:
    """The text a two-way map shows in *variant*: its own entry, else the first on its chain.

    Chains never end in ``zh`` (ConverterRule::getRuleConvertedStr), so a map with no reachable
    entry returns None and the caller shows MediaWiki's error text.
    """
    if variant in entries:
        return entries[variant]
    for fb in FALLBACK[variant]:
        if fb in entries:
            return entries[fb]
    return None


@lru_cache(maxsize=1)
def _nonstandard_codes() -> dict[str, str]:
    """MediaWiki variant code → BCP 47 tag (data/mediawiki-variant-codes.json)."""
    data = resources.files(__package__).joinpath("data", "mediawiki-variant-codes.json").read_text(encoding="utf-8")
    return {k.lower(): v for k, v in json.loads(data)["codes"].items()}


@lru_cache(maxsize=256)
def language_name(code: str) -> str:
    """What ``-{N|code}-`` shows: a Chinese variant's name (REGION_NAMES), else the language's name
    in itself (its CLDR autonym through langcodes, as MediaWiki's Language::fetchLanguageNames gives
    autonyms): ``sr-ec`` → српски (ћирилица), ``en`` → English.  An unknown code gives ``""``
    (MediaWiki shows nothing for a name it does not know).
    """
    v = normalize_variant(code)
    if v:
        return REGION_NAMES[v]
    c = code.strip()
    if not c or len(c) > 40:
        return ""
    import langcodes

    tag = _nonstandard_codes().get(c.lower(), c)
    try:
        lang = langcodes.Language.get(tag)
    except (ValueError, LookupError):
        return ""
    if not lang.is_valid() or not lang.language or lang.language == "und":
        return ""
    try:
        name = lang.autonym()
    except (ValueError, LookupError, ImportError):
        return ""
    return "" if name.startswith("Unknown language") else name
