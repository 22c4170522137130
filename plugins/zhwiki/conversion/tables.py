"""The base conversion table for each variant: OpenCC, plus a small documented override table.

OpenCC config per variant was chosen by measuring against MediaWiki's own output on the seed
(conversion-semantics.md §11): t2s for the simplified variants, s2tw for zh-tw and zh-hant,
s2hk for zh-hk and zh-mo.  ``zh`` converts nothing.

Two things MediaWiki's ``strtr``-style pass needs that OpenCC does not offer directly:

* **Phrase keys.**  Page rules and the base table share one longest-match pass (§5): a base
  phrase longer than a rule key wins.  The engine therefore needs the first-stage phrase keys of
  each config.  The opencc wheel ships its dictionaries as ``.ocd2`` and the ``opencc_dict``
  tool, which dumps them to text; the dumps are cached on disk (``build/cache/opencc`` or
  ``$ZHWIKI_CACHE_DIR``) and the key index is built lazily, once per process.
* **Speed.**  The stock ``s2tw``/``s2hk`` configs segment the text first (``mmseg``) and convert
  segment by segment, which costs twice as much as one longest-match pass with the same
  dictionaries.  Both give the same segmentation (max-forward-match over the phrase dictionary),
  so we write equivalent configs without the explicit segmentation step (measured identical on
  the seed).  Only the second-stage regional phrase lists (12 Taiwan, 272 Hong Kong entries)
  could in theory match across a first-stage segment boundary.

Overrides (applied after OpenCC) remove systematic differences between OpenCC and MediaWiki's
ZhConversion tables: MediaWiki maps curly quotes to corner brackets for traditional variants
and back for simplified ones; OpenCC leaves quotes alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import subprocess
import tempfile
from functools import cache, lru_cache
from pathlib import Path

import opencc

OPENCC_CONFIG: dict[str, str | None] = {
    "zh": None,
    "zh-hans": "t2s", "zh-cn": "t2s", "zh-sg": "t2s", "zh-my": "t2s",
    "zh-hant": "s2tw", "zh-tw": "s2tw",
    "zh-hk": "s2hk", "zh-mo": "s2hk",
}

#: Character overrides applied after OpenCC (ZhConversion.php to-Hant / to-Hans quote entries).
QUOTES_TO_HANT: tuple[tuple[str, str], ...] = (("“", "「"), ("”", "」"), ("‘", "『"), ("’", "』"))
QUOTES_TO_HANS: tuple[tuple[str, str], ...] = tuple((b, a) for a, b in QUOTES_TO_HANT)

#: Per config: (first-stage phrase dictionaries, character dictionaries, second-stage dictionaries).
#: Mirrors the ``conversion_chain`` of the stock configs shipped with OpenCC 1.4.
_CHAINS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "t2s": (("TSPhrases",), ("TSCharactersExt", "TSCharacters"), ()),
    "s2tw": (("STPhrases", "STPhrases_GeneratedFromRegionalPhrases"), ("STCharacters",),
             ("TWVariantsPhrases", "TWVariants")),
    "s2hk": (("STPhrases", "STPhrases_GeneratedFromRegionalPhrases"), ("STCharacters",),
             ("HKVariantsPhrases", "HKVariants")),
}

_SHARE = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
_TOOL = Path(opencc.__file__).parent / "clib" / "bin" / "opencc_dict"


def cache_dir() -> Path | None:
    """Where dictionary dumps and generated configs live (None: nowhere writable)."""
    env = os.environ.get("ZHWIKI_CACHE_DIR")
    cands = [Path(env)] if env else []
    if Path("mkdocs.yml").is_file() or Path("build").is_dir():  # a project directory: its build/
        cands.append(Path("build") / "cache" / "opencc")
    cands += [Path.home() / ".cache" / "zhwiki-opencc", Path(tempfile.gettempdir()) / "zhwiki-opencc"]
    for cand in cands:
        try:
            cand.mkdir(parents=True, exist_ok=True)
            probe = cand / ".probe"
            probe.write_text("", encoding="utf-8")
            probe.unlink()
            return cand.resolve()
        except OSError:
            continue
    return None


def _stamp(path: Path) -> str:
    st = path.stat()
    return hashlib.sha1(f"{opencc.__version__}|{path}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:12]


@cache
def dump_dictionary(name: str) -> dict[str, str]:
    """Key → first value of one OpenCC ``.ocd2`` dictionary (dumped with ``opencc_dict``, cached)."""
    src = _SHARE / f"{name}.ocd2"
    if not src.is_file() or not _TOOL.is_file():
        return {}
    base = cache_dir()
    target = (base / f"{name}.{_stamp(src)}.txt") if base else None
    if target is None or not target.is_file():
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "dump.txt"
            subprocess.run([str(_TOOL), "-i", str(src), "-o", str(out), "-f", "ocd2", "-t", "text"],
                           check=True, capture_output=True)
            text = out.read_text(encoding="utf-8")
        if target is not None:
            tmp_target = target.with_suffix(f".{os.getpid()}.tmp")
            tmp_target.write_text(text, encoding="utf-8")
            os.replace(tmp_target, target)
    else:
        text = target.read_text(encoding="utf-8")
    out_map: dict[str, str] = {}
    for line in text.splitlines():
        key, _, values = line.partition("\t")
        if key:
            out_map.setdefault(key, values.split(" ")[0])
    return out_map


class PhraseIndex:
    """The first-stage phrase keys of one config, indexed for longest-match lookups.

    ``longest(text, i)`` is the length of the longest phrase key starting at *i* (0 if none);
    ``chars`` is every character that occurs in some key: a character outside it cannot be inside
    a phrase, so the segmentation is forced around it (the engine restarts its scan there).

    Besides the keys, only the longest key per first character is kept: a lookup tries each
    length from there down, which costs less over a whole article than unpickling a per-prefix
    table costs in every cold process (benchmarks.md).
    """

    def __init__(self, keys: set[str]) -> None:
        self.keys = frozenset(k for k in keys if len(k) >= 2)
        reach: dict[str, int] = {}
        for k in self.keys:
            if len(k) > reach.get(k[0], 0):
                reach[k[0]] = len(k)
        self.reach = reach
        self.chars = frozenset("".join(self.keys))

    def longest(self, text: str, i: int) -> int:
        top = self.reach.get(text[i], 0) if i < len(text) else 0
        keys = self.keys
        for n in range(min(top, len(text) - i), 1, -1):
            if text[i:i + n] in keys:
                return n
        return 0

    def boundary(self, text: str, start: int, i: int) -> int:
        """First segment boundary at or after *i* when max-forward-match starts at *start*."""
        p = start
        while p < i:
            p += self.longest(text, p) or 1
        return p


EMPTY_INDEX = PhraseIndex(set())


class BaseTable:
    """Converts plain text to one variant with OpenCC and the overrides."""

    def __init__(self, variant: str) -> None:
        self.variant = variant
        self.config = OPENCC_CONFIG[variant]
        self._cc = _converter(self.config) if self.config else None
        if variant in ("zh-hant", "zh-tw", "zh-hk", "zh-mo"):
            self._quotes = QUOTES_TO_HANT
        elif variant == "zh":
            self._quotes = ()
        else:
            self._quotes = QUOTES_TO_HANS
        self._phrases: PhraseIndex | None = None

    @property
    def phrases(self) -> PhraseIndex:
        """First-stage phrase keys (loaded on first use: most runs never need them)."""
        if self._phrases is None:
            self._phrases = phrase_index(self.config) if self.config else EMPTY_INDEX
        return self._phrases

    def convert(self, text: str) -> str:
        if not text or self._cc is None:
            return text
        out = self._cc.convert(text)
        if self._quotes:
            for a, b in self._quotes:
                if a in out:
                    out = out.replace(a, b)
        return out

    def convert_many(self, texts: list[str]) -> list[str]:
        """Convert many runs with one OpenCC call (joined at a character no key contains)."""
        if self._cc is None:
            return list(texts)
        sep = "\x1f"  # a control character: clean() removes them from the source
        if len(texts) < 2 or any(sep in t for t in texts):
            return [self.convert(t) for t in texts]
        parts = self.convert(sep.join(texts)).split(sep)
        if len(parts) != len(texts):  # cannot happen with OpenCC's tables; stay correct anyway
            return [self.convert(t) for t in texts]
        return parts

    def convert_chars(self, text: str) -> str:
        """Character by character: what the table gives once a phrase key has been removed (``-{-|…}-``)."""
        return "".join(self.convert(c) for c in text)


#: Bump when PhraseIndex's attributes change (the saved index is a pickle of the object).
_INDEX_LAYOUT = 3


@cache
def phrase_index(config: str) -> PhraseIndex:
    """The phrase index of one config, kept in the cache folder between processes.

    Building it from the dumped dictionaries takes about 0.2 s for s2tw; loading the saved index
    takes about 15 ms, which every cold ``mkdocs build`` pays once per traditional variant.  The
    file name carries the layout version, so an index saved by an older layout is never loaded.
    """
    sources = [_SHARE / f"{name}.ocd2" for name in _CHAINS[config][0]]
    stamp = hashlib.sha1("|".join(_stamp(p) for p in sources if p.is_file()).encode()).hexdigest()[:12]
    base = cache_dir()
    target = (base / f"index-{config}.{stamp}.v{_INDEX_LAYOUT}.pickle") if base else None
    if target is not None and target.is_file():
        try:
            index = pickle.loads(target.read_bytes())  # written by this function, in our cache folder
            if isinstance(index, PhraseIndex):
                return index
        except Exception:  # a damaged cache file: rebuild it
            pass
    keys: set[str] = set()
    for name in _CHAINS[config][0]:
        keys.update(dump_dictionary(name))
    index = PhraseIndex(keys)
    if target is not None:
        tmp_target = target.with_suffix(f".{os.getpid()}.tmp")
        tmp_target.write_bytes(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp_target, target)
    return index


@cache
def _converter(name: str) -> opencc.OpenCC:
    """The OpenCC converter for *name*; for s2tw/s2hk a one-pass config (see module docstring)."""
    phrases, chars, second = _CHAINS[name]
    base = cache_dir()
    if name == "t2s" or base is None or not all((_SHARE / f"{d}.ocd2").is_file() for d in phrases + chars + second):
        return opencc.OpenCC(f"{name}.json")

    def ocd(d: str) -> dict:
        return {"type": "ocd2", "file": str(_SHARE / f"{d}.ocd2")}

    chain = [{"dict": {"type": "group", "match_policy": "short_circuit", "dicts": [
        {"type": "group", "match_policy": "union", "dicts": [ocd(d) for d in phrases]},
        *[ocd(d) for d in chars]]}}]
    if second:
        chain.append({"dict": {"type": "group", "match_policy": "short_circuit", "dicts": [ocd(d) for d in second]}})
    config = {"name": f"{name} (one pass, zhwiki)", "conversion_chain": chain}
    text = json.dumps(config, ensure_ascii=False, indent=1)
    path = base / f"{name}-onepass.{hashlib.sha1(text.encode()).hexdigest()[:10]}.json"
    if not path.is_file():
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    try:
        return opencc.OpenCC(str(path))
    except Exception:  # an OpenCC build that rejects the config: the stock one is equivalent
        return opencc.OpenCC(f"{name}.json")


@cache
def base_table(variant: str) -> BaseTable:
    """One shared table per variant (OpenCC objects are expensive to build)."""
    return BaseTable(variant)


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    """``str.translate`` table: each traditional character → its (first) simplified form.

    Used for the edition's mixed-script matching (conversion-semantics.md §12 item 9): a key and
    the text are compared after folding every character on its own, so lengths stay equal and
    offsets in the folded text are offsets in the original.
    """
    table: dict[int, str] = {}
    for name in ("TSCharacters",):
        for k, v in dump_dictionary(name).items():
            if len(k) == 1 and len(v) == 1 and k != v:
                table[ord(k)] = v
    if not table:  # no dictionary tool: fall back to OpenCC character by character on demand
        return {}
    return table


def fold(text: str) -> str:
    """*text* with every character in simplified form (length-preserving)."""
    table = fold_table()
    if table:
        return text.translate(table)
    return "".join(fold_char(c) for c in text)


@lru_cache(maxsize=65536)
def fold_char(ch: str) -> str:
    """A character in simplified form, for matching rule keys regardless of script."""
    table = fold_table()
    if table:
        return table.get(ord(ch), ch)
    out = _converter("t2s").convert(ch)
    return out if len(out) == 1 else ch


@lru_cache(maxsize=1)
def _unfold() -> dict[str, str]:
    """Simplified character → every character that folds to it (itself included)."""
    inv: dict[str, set[str]] = {}
    for code, simp in fold_table().items():
        inv.setdefault(simp, {simp}).add(chr(code))
    return {s: "".join(sorted(cs)) for s, cs in inv.items()}


def variants_of(ch: str) -> list[str]:
    """*ch* and every character that folds to the same simplified character, *ch* first."""
    f = fold_char(ch)
    return list(dict.fromkeys([ch, f, *_unfold().get(f, f)]))


@lru_cache(maxsize=65536)
def char_class(ch: str) -> str:
    """A regex matching *ch* in either script (``[鲜鮮]``), or *ch* escaped when it has one form."""
    import re

    f = fold_char(ch)
    chars = set(_unfold().get(f, f)) | {ch, f}
    if len(chars) == 1:
        return re.escape(ch)
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"
