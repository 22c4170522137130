"""``{{convert}}``: the value in its unit, then the conversion in full-width parentheses.

zh.wikipedia writes unit names out in Chinese with no space: ``{{convert|1500|sqmi|km2}}`` →
「1,500平方英里（3,900平方公里）」.  The result is rounded to the precision the input implies, the
way Module:Convert does by default: an integer keeps as many significant figures as it has
(at least two), a decimal keeps its decimal places, scaled by the size of the conversion.
Everything is computed when the edition is built.
"""

from __future__ import annotations

import math

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from .registry import arg, register

#: unit code → (Chinese name, symbol, dimension, factor to the SI base unit)
UNITS: dict[str, tuple[str, str, str, float]] = {}


def _u(codes: str, zh: str, sym: str, dim: str, factor: float) -> None:
    for c in codes.split():
        UNITS[c] = (zh, sym, dim, factor)


# length (base: metre)
_u("km kilometre kilometer kilometres kilometers", "公里", "km", "length", 1000.0)
_u("m metre meter metres meters", "米", "m", "length", 1.0)
_u("cm centimetre centimeter", "厘米", "cm", "length", 0.01)
_u("mm millimetre millimeter", "毫米", "mm", "length", 0.001)
_u("mi mile miles", "英里", "mi", "length", 1609.344)
_u("ft foot feet", "英尺", "ft", "length", 0.3048)
_u("yd yard yards", "码", "yd", "length", 0.9144)
_u("in inch inches", "英寸", "in", "length", 0.0254)
_u("nmi nautical-mile", "海里", "nmi", "length", 1852.0)
_u("li 市里", "市里", "里", "length", 500.0)
# area (base: square metre)
_u("km2 sqkm", "平方公里", "km²", "area", 1e6)
_u("m2 sqm", "平方米", "m²", "area", 1.0)
_u("cm2", "平方厘米", "cm²", "area", 1e-4)
_u("sqmi mi2", "平方英里", "sq mi", "area", 2589988.110336)
_u("sqft ft2", "平方英尺", "sq ft", "area", 0.09290304)
_u("sqyd yd2", "平方码", "sq yd", "area", 0.83612736)
_u("ha hectare hectares", "公顷", "ha", "area", 1e4)
_u("acre acres", "英亩", "acre", "area", 4046.8564224)
_u("mu 亩", "亩", "亩", "area", 10000 / 15)
# mass (base: kilogram)
_u("kg kilogram kilograms", "公斤", "kg", "mass", 1.0)
_u("g gram grams", "克", "g", "mass", 0.001)
_u("t tonne tonnes", "吨", "t", "mass", 1000.0)
_u("lb lbs pound pounds", "磅", "lb", "mass", 0.45359237)
_u("oz ounce ounces", "盎司", "oz", "mass", 0.028349523125)
_u("ST shortton short-ton", "短吨", "short ton", "mass", 907.18474)
_u("LT longton long-ton", "长吨", "long ton", "mass", 1016.0469088)
_u("jin 斤", "市斤", "斤", "mass", 0.5)
# speed (base: metre per second)
_u("km/h kph kmh", "公里每小时", "km/h", "speed", 1 / 3.6)
_u("mph mi/h", "英里每小时", "mph", "speed", 0.44704)
_u("kn knot knots kt", "节", "kn", "speed", 1852 / 3600)
_u("m/s", "米每秒", "m/s", "speed", 1.0)
_u("ft/s", "英尺每秒", "ft/s", "speed", 0.3048)
# temperature (handled apart: offsets)
_u("C °C degC", "摄氏度", "°C", "temperature", 1.0)
_u("F °F degF", "华氏度", "°F", "temperature", 1.0)
_u("K", "开尔文", "K", "temperature", 1.0)
# volume (base: cubic metre), common enough in military articles
_u("m3 cum", "立方米", "m³", "volume", 1.0)
_u("L l litre liter litres liters", "升", "L", "volume", 0.001)
_u("USgal gal", "美制加仑", "US gal", "volume", 0.003785411784)
_u("impgal", "英制加仑", "imp gal", "volume", 0.00454609)

#: The unit shown when ``{{convert}}`` names none (Module:Convert's defaults for the common units).
DEFAULT_TO = {
    "km": "mi", "m": "ft", "cm": "in", "mm": "in", "mi": "km", "ft": "m", "yd": "m", "in": "cm", "nmi": "km",
    "km2": "sqmi", "sqkm": "sqmi", "m2": "sqft", "sqmi": "km2", "mi2": "km2", "sqft": "m2", "ha": "acre",
    "acre": "ha", "kg": "lb", "g": "oz", "t": "LT", "lb": "kg", "oz": "g", "ST": "t", "LT": "t",
    "km/h": "mph", "kph": "mph", "mph": "km/h", "kn": "km/h", "m/s": "km/h", "C": "F", "F": "C", "K": "C",
    "m3": "cuft", "L": "USgal", "USgal": "L", "impgal": "L",
}
RANGE_WORDS = {"to": "至", "-": "–", "–": "–", "and": "和", "or": "或", "by": "×", "x": "×", "+/-": "±",
               "to(-)": "至", "and(-)": "和"}


def _parse(num: str) -> float | None:
    try:
        return float(num.replace(",", "").replace("−", "-").strip())
    except ValueError:
        return None


def _decimals(num: str) -> int:
    n = num.replace(",", "").strip()
    return len(n.split(".")[1]) if "." in n else 0


def _sig_int(num: str) -> int:
    digits = num.replace(",", "").strip().lstrip("+-−").split(".")[0].lstrip("0")
    return max(1, len(digits.rstrip("0"))) if digits else 1


def fmt(value: float, decimals: int) -> str:
    """Thousands separators and *decimals* places (negative: round to tens, hundreds …)."""
    if decimals < 0:
        value = round(value, decimals)
        decimals = 0
    s = f"{value:,.{decimals}f}"
    return "0" if s in ("-0", "-0.0") else s


def precision(num: str, value: float, out: float) -> int:
    """Decimal places for the output, following the input's precision (Module:Convert style)."""
    if value == 0 or out == 0 or not math.isfinite(out):
        return _decimals(num)
    if _decimals(num):
        # keep the input's decimals, shifted by the order of magnitude of the conversion factor
        shift = -round(math.log10(abs(out / value)))
        return max(0, _decimals(num) + shift)
    sig = max(2, _sig_int(num))
    mag = math.floor(math.log10(abs(out))) + 1  # digits before the point
    return sig - mag


def convert_value(value: float, src: str, dst: str) -> float:
    if UNITS[src][2] == "temperature":
        c = value if src in ("C", "°C", "degC") else (value - 32) * 5 / 9 if src in ("F", "°F", "degF") else value - 273.15
        return c if dst in ("C", "°C", "degC") else c * 9 / 5 + 32 if dst in ("F", "°F", "degF") else c + 273.15
    return value * UNITS[src][3] / UNITS[dst][3]


def _name(unit: str, abbr: bool) -> str:
    zh, sym = UNITS[unit][0], UNITS[unit][1]
    return sym if abbr else zh


@register("dates", "convert", "cvt", "convert/flip", "換算", "换算")
def convert(node: Template, ctx: RenderContext) -> str:
    """``{{convert|值|单位|[至|值2|]目标单位|精度|abbr=on|disp=or/flip/output only}}``."""
    pos = [p.strip() for p in (str(x.value) for x in node.params if not x.showkey)]
    if len(pos) < 2:
        return escape.text(" ".join(pos))
    values = [pos[0]]
    words = []
    i = 1
    while i + 1 < len(pos) and pos[i] in RANGE_WORDS and _parse(pos[i + 1]) is not None:
        words.append(pos[i])
        values.append(pos[i + 1])
        i += 2
    unit = pos[i] if i < len(pos) else ""
    rest = pos[i + 1:]
    to = rest[0] if rest and rest[0] in UNITS else DEFAULT_TO.get(unit, "")
    prec_arg = rest[1] if rest and rest[0] in UNITS and len(rest) > 1 else (rest[0] if rest and rest[0] not in UNITS else "")
    nums = [_parse(v) for v in values]
    if any(n is None for n in nums):
        ctx.defect("bad template", f"{{{{convert}}}} value «{values}» is not a number; shown as written", node)
        return escape.text("".join(values) + (UNITS[unit][0] if unit in UNITS else unit))
    if unit not in UNITS:
        ctx.defect("bad template", f"{{{{convert}}}} unit «{unit}» is not known; shown as written", node)
        return escape.text(_join(values, words) + unit)
    abbr = arg(node, "abbr").lower() in ("on", "yes", "in", "values")
    disp = arg(node, "disp").lower()
    shown_in = _join([fmt(n, _decimals(v)) for n, v in zip(nums, values, strict=False)], words) + _name(unit, abbr and arg(node, "abbr") != "out")
    if to not in UNITS or UNITS[to][2] != UNITS[unit][2]:
        if to:
            ctx.defect("bad template", f"{{{{convert}}}} cannot convert «{unit}» to «{to}»; value shown alone", node)
        return escape.text(shown_in)
    outs = []
    for n, v in zip(nums, values, strict=False):
        o = convert_value(n, unit, to)  # type: ignore[arg-type]
        if prec_arg.lstrip("-").isdigit():
            p = int(prec_arg)
        elif UNITS[unit][2] == "temperature":
            p = _decimals(v)
        elif arg(node, "sigfig").isdigit():
            p = int(arg(node, "sigfig")) - (math.floor(math.log10(abs(o))) + 1 if o else 1)
        else:
            p = precision(v, n, o)  # type: ignore[arg-type]
        outs.append(fmt(o, p))
    shown_out = _join(outs, words) + _name(to, abbr or arg(node, "abbr") == "out")
    if disp in ("output only", "out"):
        return escape.text(shown_out)
    if disp == "or":
        return escape.text(f"{shown_in}或{shown_out}")
    if disp == "flip" or node.name.strip().lower() == "convert/flip":
        return escape.text(f"{shown_out}（{shown_in}）")
    if disp in ("b", "x"):
        return escape.text(f"{shown_in}（{shown_out}）")
    return escape.text(f"{shown_in}（{shown_out}）")


def _join(values: list[str], words: list[str]) -> str:
    out = values[0]
    for w, v in zip(words, values[1:], strict=False):
        out += RANGE_WORDS[w] + v
    return out


def _dms(parts: list[str], hemis: str) -> str:
    units = ("°", "′", "″")
    return "".join(f"{p}{u}" for p, u in zip(parts, units, strict=False) if p) + hemis


@register("dates", "coord", "coor", "coor d", "coor dms", "location", "坐标")
def coord(node: Template, ctx: RenderContext) -> str:
    """``{{coord|37|34|N|126|59|E}}`` → 37°34′N 126°59′E (no map link offline)."""
    pos = [p.strip() for p in (str(x.value) for x in node.params if not x.showkey)]
    pos = [p for p in pos if p and ":" not in p]  # drop region:/type: options
    for i, p in enumerate(pos):
        if p.upper() in ("N", "S"):
            lat, rest = pos[:i], pos[i + 1:]
            for j, q in enumerate(rest):
                if q.upper() in ("E", "W"):
                    return escape.text(f"{_dms(lat, p.upper())} {_dms(rest[:j], q.upper())}")
    if len(pos) >= 2 and _parse(pos[0]) is not None and _parse(pos[1]) is not None:
        lat, lon = float(pos[0]), float(pos[1])
        return escape.text(f"{abs(lat)}°{'N' if lat >= 0 else 'S'} {abs(lon)}°{'E' if lon >= 0 else 'W'}")
    return ""


#: ``{{height|m=1.65}}`` / ``{{weight|kg=49}}``: parameter → (unit code).
_MEASURE_KEYS = {"height": ("m", "cm", "ft", "in"), "weight": ("kg", "lb", "st")}


@register("dates", "height", "weight", "身高", "體重", "体重")
def measure(node: Template, ctx: RenderContext) -> str:
    """``{{height|m=1.65}}`` → 1.65米; ``{{weight|kg=49}}`` → 49公斤 (the values as given, in order)."""
    from .registry import name_of

    kind = "weight" if name_of(node) in ("weight", "體重", "体重") else "height"
    parts = []
    for unit in _MEASURE_KEYS[kind]:
        v = arg(node, unit)
        if v:
            parts.append(f"{v}{UNITS[unit][0] if unit in UNITS else {'st': '英石'}.get(unit, unit)}")
    return escape.text(" ".join(parts))
