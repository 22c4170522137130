"""Label tables of the generic infobox, read from ``templates/data/infobox/*.json``.

Each family file (``person.json``, ``film.json`` …) holds the zh.wikipedia labels of one group
of infobox templates, as their ``Template:Infobox …/doc`` pages show them:

* ``templates``: normalised template names of the family; ``keywords``: words that put any
  other infobox name into it (``Infobox football biography`` → person);
* ``labels``: parameter key → Chinese label;
* optionally ``pairs`` (a parameter whose value is the label of another: ``leader_title1`` /
  ``leader_name1``), ``tables`` (numbered parameter groups shown as a table: airport runways)
  ``chains`` (``fam1`` … ``fam7`` of a language as one row), ``sections`` (a switch
  parameter such as ``discovery = yes`` that opens a part of the box: its header line) and
  ``values`` (words for coded values: ``type = presidential`` → 总统选举) and ``units`` (the unit
  of a bare number in a parameter of this family: Geobox ``length = 1252`` → 1252公里).

``common.json`` is shared by every family; ``layout.json`` lists the layout and technical
parameters that never show as rows, and the patterns of image and caption parameters.
Parameter keys are compared after :func:`key`: lower case, ``_`` and ``-`` read as spaces.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_DIGITS = re.compile(r"^(.*?)[ ]?(\d+)$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_INNER_DIGITS = re.compile(r"(?<=[a-z])\d+(?= )")


def key(name: str) -> str:
    """A parameter name as the tables spell it: ``Birth_Date`` → ``birth date``."""
    return " ".join(str(name).lower().replace("_", " ").replace("-", " ").split())


@dataclass(frozen=True)
class Family:
    """One label table; see the module docstring for the fields."""

    name: str
    templates: frozenset[str]
    keywords: tuple[str, ...]
    labels: dict[str, str]
    pairs: tuple[tuple[re.Pattern[str], str], ...]
    tables: dict[str, dict]
    chains: dict[str, str]
    sections: dict[str, str]
    values: dict[str, dict[str, str]]
    units: dict[str, str]


def _read(name: str) -> dict:
    return json.loads(resources.files(__package__).joinpath("data", "infobox", name).read_text(encoding="utf-8"))


def _family(name: str, data: dict) -> Family:
    return Family(
        name=name,
        templates=frozenset(" ".join(t.lower().replace("_", " ").split()) for t in data.get("templates", [])),
        keywords=tuple(k.lower() for k in data.get("keywords", [])),
        labels={key(k): v for k, v in data.get("labels", {}).items() if v},
        pairs=tuple((re.compile(a), b) for a, b in data.get("pairs", [])),
        tables=dict(data.get("tables", {})),
        chains={key(k): v for k, v in data.get("chains", {}).items()},
        sections={key(k): v for k, v in data.get("sections", {}).items()},
        values={key(k): {w.lower(): t for w, t in v.items()} for k, v in data.get("values", {}).items()},
        units={key(k): v for k, v in data.get("units", {}).items()},
    )


@lru_cache(maxsize=1)
def families() -> tuple[Family, ...]:
    """Every family table except ``common``, in file-name order (so lookups are stable)."""
    folder = resources.files(__package__).joinpath("data", "infobox")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))
    return tuple(_family(n[:-5], _read(n)) for n in names if n not in ("common.json", "layout.json", "chinese.json"))


@lru_cache(maxsize=1)
def common() -> Family:
    """The labels every infobox shares."""
    return _family("common", _read("common.json"))


@lru_cache(maxsize=1)
def _layout() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = _read("layout.json")
    return (frozenset(key(n) for n in data["names"]), re.compile("|".join(f"(?:{p})" for p in data["patterns"])),
            re.compile(data["images"]), re.compile(data["captions"]))


@lru_cache(maxsize=512)
def family_for(template: str) -> Family | None:
    """The family of a normalised infobox name: listed names first, then keywords (None: no family)."""
    for fam in families():
        if template in fam.templates:
            return fam
    for fam in families():
        if any(k in template for k in fam.keywords):
            return fam
    return None


def label(template: str, param: str) -> str | None:
    """zh.wikipedia's label for *param* of *template*: the family's, the shared one, then any family's.

    A numbered parameter (``candidate2``, ``party 3``, ``source1_location``) takes the label of its base name.
    Returns None when no table knows the name.
    """
    if _CJK.search(param):
        return param.strip()  # a parameter named in Chinese is its own label (``自燃点``)
    k = key(param)
    fam = family_for(template)
    tables = ([fam] if fam else []) + [common()] + [f for f in families() if f is not fam]
    for t in tables:
        if k in t.labels:
            return t.labels[k]
    m = _DIGITS.match(k)
    if m and m.group(1):
        base = m.group(1).strip()
        for t in tables:
            if base in t.labels:
                return t.labels[base]
    inner = _INNER_DIGITS.sub("", k)  # ``source1_location`` → ``source location``
    if inner != k:
        for t in tables:
            if inner in t.labels:
                return t.labels[inner]
    return None


@lru_cache(maxsize=1)
def _box_suffixes() -> tuple[str, ...]:
    return tuple(_read("layout.json").get("box_suffixes", ()))


def is_box_name(template: str) -> bool:
    """Whether a normalised template name reads as an information box by its Chinese ending
    (``日本車站資訊``, ``中国高速公路信息框``): the endings are ``box_suffixes`` in ``layout.json``."""
    return template.endswith(_box_suffixes())


def is_layout(param: str) -> bool:
    """Whether *param* sets layout or a technical detail (``image_size``, ``latd``, ``embed`` …)."""
    names, patterns, _, captions = _layout()
    k = key(param)
    return k in names or bool(patterns.search(k))


def is_image(param: str) -> bool:
    """Whether *param* names a picture of the box (``image``, ``logo``, ``image_map``, ``cover`` …)."""
    return bool(_layout()[2].match(key(param)))


def is_caption(param: str) -> bool:
    """Whether *param* is the caption of a picture (``caption``, ``logo_caption``, ``map_caption``)."""
    return bool(_layout()[3].match(key(param)))


@lru_cache(maxsize=1)
def units() -> dict[str, str]:
    """Unit words for parameters named by their unit (``km2`` → 平方公里), longest suffix first."""
    data = _read("layout.json").get("units", {})
    return dict(sorted(data.items(), key=lambda kv: (-len(kv[0]), kv[0])))


def readable(param: str) -> str:
    """A parameter name without a label, made readable: ``notable_instruments`` → ``Notable instruments``."""
    k = " ".join(str(param).replace("_", " ").split())
    return k[:1].upper() + k[1:] if k else str(param)


def all_pairs(template: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Label/value parameter pairs known for *template* (its family's first, then every family's)."""
    fam = family_for(template)
    out = list(fam.pairs) if fam else []
    for f in families():
        if f is not fam:
            out += [p for p in f.pairs if p not in out]
    return tuple(out)


def all_tables(template: str) -> dict[str, dict]:
    """Numbered parameter groups shown as tables (runways …), from every family."""
    out: dict[str, dict] = {}
    for f in families():
        out.update(f.tables)
    return out


def all_chains(template: str) -> dict[str, str]:
    """Numbered parameters joined into one row (a language's ``fam1`` … ``fam7``)."""
    out: dict[str, str] = {}
    for f in families():
        out.update(f.chains)
    return out


def section(template: str, param: str) -> str | None:
    """The header a switch parameter opens (``discovery`` → 发现), its family's first; None when it is no switch."""
    k = key(param)
    fam = family_for(template)
    for f in ([fam] if fam else []) + [f for f in families() if f is not fam]:
        if k in f.sections:
            return f.sections[k]
    return None


def value_word(template: str, param: str, value: str) -> str | None:
    """The words a family gives a coded value (``type = studio`` → 录音室专辑); None when it gives none."""
    fam = family_for(template)
    if fam is None:
        return None
    return fam.values.get(key(param), {}).get(value.strip().lower())


def unit_of(template: str, param: str) -> str | None:
    """The unit a family gives a bare number of *param* (``length`` of a Geobox → 公里); None when none."""
    fam = family_for(template)
    if fam is None:
        return None
    k = key(param)
    return fam.units.get(k) or fam.units.get(_INNER_DIGITS.sub("", k)) or fam.units.get(_DIGITS.sub(r"\1", k).strip())


def is_switch(value: str) -> bool:
    """Whether *value* only turns part of a template on or off (``yes``, ``no``; ``switches`` in layout.json)."""
    return value.strip().lower() in _switches()


@lru_cache(maxsize=1)
def _switches() -> frozenset[str]:
    return frozenset(_read("layout.json").get("switches", ()))


def counts() -> dict[str, int]:
    """How many labels each table holds (for the docs and the closing report)."""
    out = {f.name: len(f.labels) for f in families()}
    out["common"] = len(common().labels)
    return out
