"""``{{Chembox}}`` and its sections (``{{Chembox Identifiers}}``, ``Properties``, ``Hazards`` …).

zh.wikipedia shows one table: the pictures, IUPAC名 and 别名, then a header line per section
(识别, 性质, 危险性 …) with its rows.  Here the same as an infobox box (infobox.box_markdown):
labels, section headers and the verification flags come from ``data/chembox.json``; the
handlers keep the structure:

* a formula from element counts (``C=2|H=6|O=1``) is written in Hill order (C, H, then the
  others alphabetically) with subscripts: C<sub>2</sub>H<sub>6</sub>O; a bare ``Formula = C6H12O6``
  gets its subscripts too;
* ``MolarMass`` as a bare number gets ``g·mol⁻¹``; ``MeltingPtC`` / ``BoilingPtK`` … show the
  temperature in °C, K and °F as Template:Chembox does;
* ``*_Ref`` parameters and ``{{cascite}}``-style verification flags show nothing.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from . import infobox_data as D
from .infobox import box_markdown, cell, figure, file_name
from .registry import PATTERNS, REGISTRY, Spec, name_of, normalize, positional, register, register_missing


@lru_cache(maxsize=1)
def table() -> dict:
    """The parsed ``chembox.json`` (sections, head, labels, temperatures, units, hidden, flags, elements)."""
    return json.loads(resources.files(__package__).joinpath("data", "chembox.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _hidden() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in table()["hidden"]))


_NUM = re.compile(r"^-?\d+(?:\.\d+)?$")
#: A bare value that may take its unit: a number, maybe with its uncertainty in brackets (``46.06844(232)``).
_BARE = re.compile(r"^-?\d+(?:\.\d+)?(?:\(\d+\))?$")
_PLAIN_FORMULA = re.compile(r"^(?:[A-Z][a-z]?\d*)+$")


def hill_formula(counts: dict[str, str]) -> str:
    """Element counts → formula IMD in Hill order with ``<sub>``: ``{"C": "2", "H": "6", "O": "1"}`` → C<sub>2</sub>H<sub>6</sub>O.

    A count of ``1`` or empty is not written (Template:Chembox Elements).
    """
    order = sorted(counts, key=lambda e: (0, "") if e == "C" else (1, "") if e == "H" and "C" in counts else (2, e))
    out = ""
    for e in order:
        n = counts[e].strip()
        out += e + (f"<sub>{n}</sub>" if n and n != "1" else "")
    return out


def plain_formula(text: str) -> str:
    """``C6H12O6`` → C<sub>6</sub>H<sub>12</sub>O<sub>6</sub>; other text is returned unchanged."""
    if not _PLAIN_FORMULA.match(text):
        return text
    return re.sub(r"(?<=[A-Za-z])(\d+)", r"<sub>\1</sub>", text)


def _fmt(x: float, decimals: int) -> str:
    return f"{x:.{decimals}f}"


def temperature(value: str, unit: str) -> str:
    """A bare temperature in °C, K or °F → ``801 °C（1074 K，1474 °F）``; other text unchanged."""
    v = value.strip()
    if not _NUM.match(v):
        return value
    d = len(v.split(".")[1]) if "." in v else 0
    x = float(v)
    c = x if unit == "C" else x - 273.15 if unit == "K" else (x - 32) * 5 / 9
    k, f = c + 273.15, c * 9 / 5 + 32
    shown = {"C": f"{_fmt(c, d)} °C", "K": f"{_fmt(k, d)} K", "F": f"{_fmt(f, d)} °F"}
    first = shown.pop(unit)
    return f"{first}（{'，'.join(shown.values())}）"


def _rows(node: Template, ctx: RenderContext, labels: dict[str, str]) -> list[tuple[str, str]]:
    """Rows of one section template (or of the Chembox itself), in source order."""
    data = table()
    elements = set(data["elements"])
    temps = set(data["temperatures"])
    counts: dict[str, str] = {}
    rows: list[tuple[str, str]] = []
    formula_at: int | None = None
    for p in node.params:
        k = str(p.name).strip()
        raw = str(p.value).strip()
        if not p.showkey or not raw:
            continue
        if k in elements and re.fullmatch(r"\d*", raw):
            counts[k] = raw
            if formula_at is None:
                formula_at = len(rows)
            continue
        if _hidden().search(k) or D.is_layout(k):
            continue
        value = cell(ctx, p.value)
        if not value.strip():
            continue
        if k in temps:
            value = temperature(value, k[-1])
        elif k == "Formula":
            value = plain_formula(value)
            formula_at = -1
        elif k in data["units"] and _BARE.match(value.strip()):
            value += data["units"][k]
        own = next((q.value for q in node.params if str(q.name).strip() in (f"{k}_label", "Function" if k in (
            "OtherFunctn", "OtherFunction") else "") and str(q.value).strip()), None)
        label = f"相关{cell(ctx, own)}" if own is not None else labels.get(k) or D.label("chembox", k)
        if label is None:
            label = D.readable(k)
            ctx.diag.unlabelled_param(name_of(node), k)
        for n in (f"{k}_notes", f"{k[:-1]}_notes" if k in temps else ""):
            note = next((q for q in node.params if n and str(q.name).strip() == n and str(q.value).strip()), None)
            if note is not None:
                value += " " + cell(ctx, note.value)
        if rows and rows[-1][0] == label:
            rows[-1] = (label, rows[-1][1] + "<br>" + value)
        else:
            rows.append((label, value))
    if counts and formula_at is not None and formula_at >= 0:
        rows.insert(formula_at, (labels.get("Formula", "化学式"), hill_formula(counts)))
    return rows


@register("infobox", "chembox", "化学品信息框", "化學品資訊框", "infobox chemical", "chembox new", "drugbox")
def chembox(node: Template, ctx: RenderContext) -> str:
    data = table()
    head = ['<div class="infobox infobox-chembox" markdown="1">', ""]
    title = next((p.value for p in node.params if str(p.name).strip() in ("Name", "name") and str(p.value).strip()), None)
    if title is not None:
        head += [f'<p class="infobox-title" markdown="span">{cell(ctx, title)}</p>', ""]
    figures = []
    params = {str(p.name).strip(): str(p.value).strip() for p in node.params}
    for k, v in params.items():
        m = re.fullmatch(r"ImageFile(\w*)", k)
        if m and v and not k.endswith(("_Ref", "_ref")) and "{{" not in v:
            s = m.group(1)
            figures.append(figure(ctx, file_name(v), params.get(f"ImageCaption{s}", ""),
                                  params.get(f"ImageAlt{s}", "") or params.get(f"ImageName{s}", "")).strip())
    rows: list[tuple[str, str]] = []
    labels = {**data["labels"], **data["head"]}
    rows += _rows(node, ctx, labels)
    sections = sorted(((int(m.group(1)), p.value) for p in node.params
                       if (m := re.fullmatch(r"Section(\d+)", str(p.name).strip()))), key=lambda s: s[0])
    for _, value in sections:
        for t in value.filter_templates(recursive=False):
            name = normalize(str(t.name))
            if name not in data["sections"]:
                rows.append(("", cell(ctx, t)))
                continue
            ctx.diag.template("infobox")
            section_rows = _rows(t, ctx, data["labels"])
            if section_rows and data["sections"][name]:
                rows.append((data["sections"][name], ""))
            rows += section_rows
    return box_markdown(ctx, head, figures, rows)


def code_text(node: Template, ctx: RenderContext) -> str:
    """A code template inside a chembox value (``{{R11}}``, ``{{GHS02}}``, ``{{Chembox EUHazardSymbol|F}}``,
    ``{{H-phrases|225|319}}``) as its code: R11, GHS02, F, H225, H319."""
    name = name_of(node)
    lists = table()["text_templates"]["lists"]
    if name in lists:
        return escape.text(", ".join(f"{lists[name]}{p}" for p in positional(node) if p))
    pos = [p for p in positional(node) if p]
    if name in table()["text_templates"]["names"]:
        return escape.text(" ".join(pos))
    return escape.text(str(node.name).strip().upper())


def _flag(node: Template, ctx: RenderContext) -> str:
    """A verification flag (``{{cascite|correct|CAS}}``): editors' bookkeeping, shown as nothing."""
    return ""


register("ignored", *table()["flags"])(_flag)


def section(node: Template, ctx: RenderContext) -> str:
    """A section template used on its own, outside a ``{{Chembox}}``: a box of its rows."""
    header = table()["sections"].get(name_of(node), "")
    rows = _rows(node, ctx, table()["labels"])
    return box_markdown(ctx, ['<div class="infobox infobox-chembox" markdown="1">', ""],
                        [], ([(header, "")] if header and rows else []) + rows)


register("infobox", *table()["sections"])(section)
def _combined_phrase(key: str) -> Spec | None:
    """Combined risk and safety phrases (``{{R36/38}}``, ``{{S36/37/39}}``): shown as their code."""
    return REGISTRY.get("r1") if re.fullmatch(r"[RSrs]\d{1,2}(?:/\d{1,2})+", key) else None


PATTERNS.append(_combined_phrase)
register_missing("infobox", [*table()["text_templates"]["names"], *table()["text_templates"]["lists"],
                             *[f"{c}{n}" for c in "rs" for n in range(1, 69)], *[f"ghs{n:02d}" for n in range(1, 10)]], code_text)
