"""The base conversion table for each variant: OpenCC, our own layer on top, and the quote overrides.

Each variant converts with a *profile* (``data/profiles.json``): OpenCC's dictionaries as in the
stock config the profile names, plus a small dictionary of our own in OpenCC's text format
(``data/zhwiki-<variant>.txt``) whose entries win over the stock ones, and ``prefer`` triples
that correct one character in every stock phrase (zh.wikipedia writes 電台, 占領, 宣布, 周年
where OpenCC's s2tw writes 電臺, 佔領, 宣佈, 週年).  The profiles were chosen by measuring
against MediaWiki's own table with ``scripts/conversion_diff.py`` (zhconv-rs; issue 12 §3):
t2s for the simplified variants; s2tw for zh-tw (s2twp measured worse: its Taiwan phrase list
also turns 支持, 数据, 文件, 项目 into 支援, 資料, 檔案, 專案, which zh.wikipedia does not), with
the few Taiwan words zh.wikipedia does convert (软件 → 軟體, 信息 → 資訊) in our dictionary.
zh-hant (s2tw) and zh-hk/zh-mo (s2hk) are the stock chains; ``zh`` converts nothing.  What
still differs is listed in docs/conversion-differences.md.

Two things MediaWiki's ``strtr``-style pass needs that OpenCC does not offer directly:

* **Phrase keys.**  Page rules and the base table share one longest-match pass (§5): a base
  phrase longer than a rule key wins.  The engine therefore needs the first-stage phrase keys of
  each profile.  The opencc wheel ships its dictionaries as ``.ocd2`` and the ``opencc_dict``
  tool, which dumps them to text; the dumps, the merged phrase dictionary (compiled back to
  ``.ocd2``), the generated config and the key index are cached on disk (``build/cache/opencc``
  or ``$ZHWIKI_CACHE_DIR``) under names that carry ``profile_stamp``: a hash of OpenCC's version,
  the stock dictionaries, the profile and our dictionary file, so editing any of them makes a
  fresh cache entry instead of reusing a stale one.
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
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import opencc

#: Where the edition's own dictionaries and the profile table live (shipped as package data).
DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Profile:
    """One base-table profile (``data/profiles.json``): OpenCC dictionaries plus our own layer.

    ``phrases``: first-stage phrase dictionaries (``.ocd2`` names, merged as OpenCC's ``union``);
    ``characters``: the character dictionaries tried after them; ``regional``: the second stage
    (applied per segment when ``segment`` is true, as the stock ``s2twp`` config does, else in
    one pass); ``local``: our dictionaries in OpenCC's text format (``key<TAB>value``), whose
    entries replace the stock ones (a later file wins over an earlier one) (single characters included: they are tried before the
    character dictionaries); ``prefer``: ``(source, opencc, ours)`` triples: wherever a stock
    phrase writes *opencc* for the character *source*, it writes *ours* instead (zh.wikipedia
    keeps 台 in 電台, 舞台: ``["台", "臺", "台"]``).
    """

    name: str
    opencc: str
    phrases: tuple[str, ...]
    characters: tuple[str, ...]
    regional: tuple[str, ...] = ()
    segment: bool = False
    local: tuple[str, ...] = ()
    prefer: tuple[tuple[str, str, str], ...] = ()


@lru_cache(maxsize=1)
def _profile_data() -> dict:
    return json.loads((DATA_DIR / "profiles.json").read_text(encoding="utf-8"))


@cache
def profile(name: str) -> Profile:
    """The profile called *name* in ``data/profiles.json`` (KeyError: no such profile)."""
    d = _profile_data()["profiles"][name]
    return Profile(name=name, opencc=d["opencc"], phrases=tuple(d["phrases"]), characters=tuple(d["characters"]),
                   regional=tuple(d.get("regional", ())), segment=bool(d.get("segment", False)),
                   local=tuple(d.get("local", ())), prefer=tuple(tuple(t) for t in d.get("prefer", ())))


def profile_name(variant: str) -> str | None:
    """The profile a variant converts with (None: ``zh``, which converts nothing)."""
    return _profile_data()["variants"][variant]


#: Kept for callers that ask which OpenCC config a variant follows (the profile's stock config).
OPENCC_CONFIG: dict[str, str | None] = {v: (profile(p).opencc if p else None) for v, p in _profile_data()["variants"].items()}

#: Character overrides applied after OpenCC (ZhConversion.php to-Hant / to-Hans quote entries).
QUOTES_TO_HANT: tuple[tuple[str, str], ...] = (("“", "「"), ("”", "」"), ("‘", "『"), ("’", "』"))
QUOTES_TO_HANS: tuple[tuple[str, str], ...] = tuple((b, a) for a, b in QUOTES_TO_HANT)

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
def dump_entries(name: str) -> dict[str, str]:
    """Key → its values (space-separated, OpenCC's text format) of one ``.ocd2`` dictionary.

    Dumped with ``opencc_dict`` and cached as text; ``{}`` when the dictionary or the tool is missing.
    """
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
    return read_text_dictionary(text)


def read_text_dictionary(text: str) -> dict[str, str]:
    """Parse OpenCC's text dictionary format: ``key<TAB>value [value …]`` per line.

    Lines that are empty or start with ``#`` are skipped (our own files carry comments; OpenCC's
    dumps have none).  The first occurrence of a key wins.
    """
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, values = line.partition("\t")
        key, values = key.strip(), values.strip()
        if key and values:
            out.setdefault(key, values)
    return out


@cache
def dump_dictionary(name: str) -> dict[str, str]:
    """Key → first value of one OpenCC ``.ocd2`` dictionary (dumped with ``opencc_dict``, cached)."""
    return {k: v.split(" ")[0] for k, v in dump_entries(name).items()}


def local_dictionary(prof: Profile) -> dict[str, str]:
    """Our own dictionaries of *prof* (``data/<local>``, later files win), key → values."""
    out: dict[str, str] = {}
    for name in prof.local:
        out.update(read_text_dictionary((DATA_DIR / name).read_text(encoding="utf-8")))
    return out


def _preferred(key: str, value: str, prefer: tuple[tuple[str, str, str], ...]) -> str:
    """*value* with each ``prefer`` triple applied where the key and the value line up."""
    if len(key) != len(value):
        return value
    chars = list(value)
    for i, (k, v) in enumerate(zip(key, value, strict=True)):
        for src, theirs, ours in prefer:
            if k == src and v == theirs:
                chars[i] = ours
    return "".join(chars)


@cache
def merged_phrases(name: str) -> dict[str, str]:
    """The first-stage phrase dictionary of profile *name*: the stock phrase dictionaries (first
    dictionary wins a key), ``prefer`` applied to every value, then our own entries on top."""
    prof = profile(name)
    merged: dict[str, str] = {}
    for d in prof.phrases:
        for k, vals in dump_entries(d).items():
            merged.setdefault(k, vals)
    if prof.prefer:
        merged = {k: " ".join(_preferred(k, v, prof.prefer) for v in vals.split(" ")) for k, vals in merged.items()}
    merged.update(local_dictionary(prof))
    return merged


def profile_stamp(name: str) -> str:
    """A short hash of everything profile *name* converts with: OpenCC's version, the stock
    dictionaries, our dictionary file and the profile entry.  Every cached file derived from a
    profile carries it, so editing a dictionary invalidates the cache under ``build/cache/``."""
    prof = profile(name)
    parts = [opencc.__version__, repr(prof)]
    parts += [_stamp(_SHARE / f"{d}.ocd2") for d in prof.phrases + prof.characters + prof.regional
              if (_SHARE / f"{d}.ocd2").is_file()]
    parts += [hashlib.sha1((DATA_DIR / name).read_bytes()).hexdigest() for name in prof.local]
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]


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
        #: The profile name (``data/profiles.json``), None for ``zh``.
        self.config = profile_name(variant)
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
    """The phrase index of profile *config*, kept in the cache folder between processes.

    Building it from the dumped dictionaries takes about 0.2 s for s2tw; loading the saved index
    takes about 15 ms, which every cold ``mkdocs build`` pays once per traditional variant.  The
    file name carries the layout version and the profile's stamp, so an index saved by an older
    layout or from other dictionaries is never loaded.
    """
    base = cache_dir()
    target = (base / f"index-{config}.{profile_stamp(config)}.v{_INDEX_LAYOUT}.pickle") if base else None
    if target is not None and target.is_file():
        try:
            index = pickle.loads(target.read_bytes())  # written by this function, in our cache folder
            if isinstance(index, PhraseIndex):
                return index
        except Exception:  # a damaged cache file: rebuild it
            pass
    index = PhraseIndex(set(merged_phrases(config)))
    if target is not None:
        tmp_target = target.with_suffix(f".{os.getpid()}.tmp")
        tmp_target.write_bytes(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp_target, target)
    return index


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _compiled_phrases(name: str, base: Path) -> Path | None:
    """``merged_phrases(name)`` compiled to ``.ocd2`` in the cache folder (None: no ``opencc_dict``)."""
    target = base / f"phrases-{name}.{profile_stamp(name)}.ocd2"
    if target.is_file():
        return target
    if not _TOOL.is_file():
        return None
    text = "".join(f"{k}\t{v}\n" for k, v in sorted(merged_phrases(name).items()))
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "phrases.txt", Path(tmp) / "phrases.ocd2"
        src.write_text(text, encoding="utf-8")
        subprocess.run([str(_TOOL), "-i", str(src), "-o", str(out), "-f", "text", "-t", "ocd2"],
                       check=True, capture_output=True)
        _write_atomic(target, out.read_bytes())
    return target


@cache
def _converter(name: str) -> opencc.OpenCC:
    """The OpenCC converter of profile *name* (a config written to the cache folder).

    Stage one is our merged phrase dictionary (``merged_phrases``) before the character
    dictionaries; stage two the regional dictionaries.  A profile without ``segment`` converts in
    one longest-match pass (module docstring); with it, OpenCC segments first with the same phrase
    dictionary (max-forward-match, like the stock ``s2twp``) and applies stage two per segment, so
    a regional phrase never matches across a word boundary.  Without a cache folder or the
    ``opencc_dict`` tool the stock config is used.
    """
    prof = profile(name)
    base = cache_dir()
    needed = prof.phrases + prof.characters + prof.regional
    if base is None or not all((_SHARE / f"{d}.ocd2").is_file() for d in needed):
        return opencc.OpenCC(f"{prof.opencc}.json")
    phrases = _compiled_phrases(name, base)
    if phrases is None:
        return opencc.OpenCC(f"{prof.opencc}.json")

    def ocd(d: str) -> dict:
        return {"type": "ocd2", "file": str(_SHARE / f"{d}.ocd2")}

    merged = {"type": "ocd2", "file": str(phrases)}
    chain = [{"dict": {"type": "group", "match_policy": "short_circuit", "dicts": [merged, *[ocd(d) for d in prof.characters]]}}]
    if prof.regional:
        chain.append({"dict": {"type": "group", "match_policy": "short_circuit", "dicts": [ocd(d) for d in prof.regional]}})
    config: dict = {"name": f"{name} (zhwiki profile)", "conversion_chain": chain}
    if prof.segment:
        config["segmentation"] = {"type": "mmseg", "dict": merged}
    text = json.dumps(config, ensure_ascii=False, indent=1)
    path = base / f"{name}-profile.{hashlib.sha1(text.encode()).hexdigest()[:10]}.json"
    if not path.is_file():
        _write_atomic(path, text.encode("utf-8"))
    try:
        return opencc.OpenCC(str(path))
    except Exception:  # an OpenCC build that rejects the config: the stock one is close
        return opencc.OpenCC(f"{prof.opencc}.json")


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
    out = opencc.OpenCC("t2s.json").convert(ch)
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
