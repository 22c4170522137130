"""Magic words and parser functions: ``{{DEFAULTSORT:…}}``, ``{{#if:…}}``, ``{{formatnum:…}}`` ….

They look like templates but are built into MediaWiki (Help:Magic words, Help:Extension:ParserFunctions),
so they are evaluated here as MediaWiki does and never count as unknown templates:

* page properties (``DEFAULTSORT``, ``DISPLAYTITLE``, ``NOTOC`` …) give no output;
  ``DISPLAYTITLE`` is kept, stripped of markup, as the title the page asks to be shown under;
* variables (``PAGENAME``, ``CURRENTYEAR`` …): the page name is the configured title, the date is
  the build date from ``SOURCE_DATE_EPOCH`` (never the clock, so a build is reproducible);
* string and number functions (``lc``, ``uc``, ``ucfirst``, ``lcfirst``, ``formatnum``, ``padleft`` …);
* ParserFunctions (``#if``, ``#ifeq``, ``#switch``, ``#expr``, ``#ifexpr``, ``#iferror``, ``#time``):
  the chosen branch is rendered as wikitext, so links and templates inside it work.

A call is one of these when its name is a known variable or starts with ``word:`` / ``#word:``.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import os
import re
from collections.abc import Callable

import mwparserfromhell
from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

from .. import markers as M
from ..render import escape
from ..render.context import RenderContext

#: Page properties: stored by MediaWiki, no output in the text.
SILENT = frozenset({
    "defaultsort", "defaultsortkey", "defaultcategorysort", "displaytitle", "notoc", "nogallery",
    "forcetoc", "toc", "noeditsection", "newsectionlink", "nonewsectionlink", "nocontentconvert",
    "nocc", "notitleconvert", "notc", "index", "noindex", "staticredirect", "hiddencat",
    "expectunusedcategory", "nobacklinks",
})


def build_date() -> dt.datetime:
    """The build time (UTC) from ``SOURCE_DATE_EPOCH`` (seconds); the epoch itself when unset or invalid."""
    raw = (os.environ.get("SOURCE_DATE_EPOCH") or "").strip()
    try:
        epoch = int(raw) if raw else 0
    except ValueError:
        epoch = 0
    return dt.datetime.fromtimestamp(epoch, tz=dt.timezone.utc)


def split_name(node: Template) -> tuple[str, Wikicode | None]:
    """``{{#if: x | …}}`` → (``#if``, parsed ``x``); ``{{PAGENAME}}`` → (``PAGENAME``, None)."""
    raw = str(node.name)
    if ":" not in raw:
        return raw.strip(), None
    head, _, rest = raw.partition(":")
    return head.strip(), mwparserfromhell.parse(rest)


def is_magic(node: Template) -> bool:
    """True when the call is a magic word or parser function rather than a template."""
    head, first = split_name(node)
    if first is None:
        return head in VARIABLES
    key = head.lower()
    return key in FUNCTIONS or key in SILENT


def text_of(code: Wikicode | str | None, ctx: RenderContext) -> str:
    """The expanded plain text of a fragment (for conditions and comparisons): markup removed."""
    if code is None:
        return ""
    if isinstance(code, str):
        code = mwparserfromhell.parse(code)
    imd = ctx.inline(code)
    plain = M.strip_markers(imd)
    plain = re.sub(r"<[^>]*>", "", plain)
    return html.unescape(plain.replace("\\", "")).strip()


def _args(node: Template, first: Wikicode | None) -> list[Wikicode]:
    """All arguments in order: the one after the colon, then each ``|`` parameter as written."""
    out = [first] if first is not None else []
    for p in node.params:
        out.append(mwparserfromhell.parse(str(p)) if p.showkey else p.value)
    return out


def _out(code: Wikicode | None, ctx: RenderContext) -> str:
    return ctx.inline(code) if code is not None and str(code).strip() else ""


# -- variables ------------------------------------------------------------------------------
def _title(ctx: RenderContext) -> str:
    return ctx.page_title


VARIABLES: dict[str, Callable[[RenderContext], str]] = {
    "PAGENAME": _title, "PAGENAMEE": _title, "FULLPAGENAME": _title, "FULLPAGENAMEE": _title,
    "BASEPAGENAME": lambda c: c.page_title.split("/")[0], "ROOTPAGENAME": lambda c: c.page_title.split("/")[0],
    "SUBPAGENAME": lambda c: c.page_title.rsplit("/", 1)[-1], "ARTICLEPAGENAME": _title,
    "TALKPAGENAME": lambda c: "Talk:" + c.page_title, "NAMESPACE": lambda c: "", "NAMESPACEE": lambda c: "",
    "SITENAME": lambda c: "维基百科",
    "CURRENTYEAR": lambda c: str(build_date().year), "LOCALYEAR": lambda c: str(build_date().year),
    "CURRENTMONTH": lambda c: f"{build_date().month:02d}", "LOCALMONTH": lambda c: f"{build_date().month:02d}",
    "CURRENTMONTH1": lambda c: str(build_date().month), "LOCALMONTH1": lambda c: str(build_date().month),
    "CURRENTMONTHNAME": lambda c: f"{build_date().month}月", "LOCALMONTHNAME": lambda c: f"{build_date().month}月",
    "CURRENTDAY": lambda c: str(build_date().day), "LOCALDAY": lambda c: str(build_date().day),
    "CURRENTDAY2": lambda c: f"{build_date().day:02d}", "LOCALDAY2": lambda c: f"{build_date().day:02d}",
    "CURRENTTIMESTAMP": lambda c: build_date().strftime("%Y%m%d%H%M%S"),
    "CURRENTDOW": lambda c: str(build_date().isoweekday() % 7),
    "!": lambda c: "|", "=": lambda c: "=",
}


# -- number and string functions -------------------------------------------------------------
def formatnum(text: str, flag: str = "") -> str:
    """``123456.78`` → ``123,456.78`` (``R`` flag: the reverse); text that is no number is kept."""
    t = text.strip()
    if flag.strip().upper() == "R":
        return t.replace(",", "")
    m = re.fullmatch(r"([-+−]?)(\d+)(\.\d+)?", t)
    if not m:
        return t
    sign, whole, frac = m.group(1), m.group(2), m.group(3) or ""
    if flag.strip().upper() == "NOSEP":
        return t
    return f"{sign}{int(whole):,}{frac}" if len(whole) < 400 else t


def _pad(args: list[str], left: bool) -> str:
    s = args[0] if args else ""
    try:
        n = min(500, int(args[1])) if len(args) > 1 else 0
    except ValueError:
        n = 0
    fill = (args[2] if len(args) > 2 and args[2] else "0")
    if len(s) >= n:
        return s
    pad = (fill * n)[: n - len(s)]
    return pad + s if left else s + pad


# -- #expr ----------------------------------------------------------------------------------
class ExprError(ValueError):
    """An expression #expr cannot evaluate; the message is MediaWiki's wording."""


_TOKEN = re.compile(r"\s*(?:(\d+\.?\d*(?:e[+-]?\d+)?|\.\d+)|(<=|>=|<>|!=|[-+*/^()=<>])|([a-z]+))", re.I)
_BINARY = {
    "or": 1, "and": 2, "=": 3, "<>": 3, "!=": 3, "<": 3, ">": 3, "<=": 3, ">=": 3,
    "round": 4, "+": 5, "-": 5, "*": 6, "/": 6, "div": 6, "mod": 6, "fmod": 6, "^": 7, "e": 8,
}
_UNARY = {"not", "-", "+", "abs", "floor", "ceil", "trunc", "ln", "exp", "sqrt", "sin", "cos", "tan",
          "asin", "acos", "atan"}


def evaluate_expr(expr: str) -> float:
    """Evaluate a ParserFunctions ``#expr`` expression; raises :class:`ExprError` on bad input."""
    expr = expr.replace("−", "-").replace("×", "*").replace("÷", "/")
    tokens: list[str] = []
    pos = 0
    while pos < len(expr.rstrip()):
        m = _TOKEN.match(expr, pos)
        if not m or m.end() == pos:
            raise ExprError(f"表达式错误：无法识别的标点字符“{expr[pos:].strip()[:1]}”")
        tokens.append((m.group(1) or m.group(2) or m.group(3)).lower())
        pos = m.end()
    i = 0

    def peek() -> str | None:
        return tokens[i] if i < len(tokens) else None

    def primary() -> float:
        nonlocal i
        t = peek()
        if t is None:
            raise ExprError("表达式错误：缺少操作数")
        i += 1
        if t == "(":
            v = binary(0)
            if peek() != ")":
                raise ExprError("表达式错误：括号不匹配")
            i += 1
            return v
        if t == "pi":
            return math.pi
        if t == "e":
            return math.e
        if t in _UNARY:
            v = unary_operand(t)
            return v
        try:
            return float(t)
        except ValueError:
            raise ExprError(f"表达式错误：无法识别的词“{t}”") from None

    def unary_operand(op: str) -> float:
        v = primary() if op not in ("-", "+", "not") else binary(8 if op != "not" else 3)
        funcs: dict[str, Callable[[float], float]] = {
            "-": lambda x: -x, "+": lambda x: x, "not": lambda x: float(not x), "abs": abs,
            "floor": math.floor, "ceil": math.ceil, "trunc": math.trunc, "ln": math.log, "exp": math.exp,
            "sqrt": math.sqrt, "sin": math.sin, "cos": math.cos, "tan": math.tan, "asin": math.asin,
            "acos": math.acos, "atan": math.atan,
        }
        try:
            return float(funcs[op](v))
        except (ValueError, OverflowError):
            raise ExprError("表达式错误：无效的参数") from None

    def binary(min_prec: int) -> float:
        nonlocal i
        left = primary()
        while True:
            op = peek()
            if op is None or op not in _BINARY or _BINARY[op] <= min_prec and not (op == "^" and _BINARY[op] == min_prec):
                return left
            prec = _BINARY[op]
            i += 1
            right = binary(prec if op != "^" else prec - 1)
            left = _apply(op, left, right)

    value = binary(0)
    if i != len(tokens):
        raise ExprError(f"表达式错误：无法识别的词“{tokens[i]}”")
    return value


def _apply(op: str, a: float, b: float) -> float:
    try:
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op in ("/", "div"):
            if b == 0:
                raise ExprError("被零除")
            return a / b
        if op == "mod":
            if int(b) == 0:
                raise ExprError("被零除")
            return float(int(a) % int(b) if a * b >= 0 else -(abs(int(a)) % abs(int(b))) * (1 if a > 0 else -1))
        if op == "fmod":
            return math.fmod(a, b)
        if op == "^":
            return float(a ** b)
        if op == "e":
            return a * 10 ** b
        if op == "round":
            q = 10 ** int(b)
            return math.floor(a * q + 0.5) / q if a >= 0 else -math.floor(-a * q + 0.5) / q
        cmp = {"=": a == b, "<>": a != b, "!=": a != b, "<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b,
               "and": bool(a) and bool(b), "or": bool(a) or bool(b)}
        return float(cmp[op])
    except (OverflowError, ZeroDivisionError):
        raise ExprError("表达式错误：结果超出范围") from None


def format_number(v: float) -> str:
    """A result as #expr prints it: integers without ``.0``, otherwise up to 14 significant digits."""
    if math.isinf(v) or math.isnan(v):
        return "INF" if v > 0 else ("-INF" if v < 0 else "NAN")
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.14g}"


# -- #time ------------------------------------------------------------------------------------
def parse_time(text: str) -> dt.datetime | None:
    """The date a ``#time`` call names: empty/``now`` → build date; ``YYYY``, ``YYYY-MM(-DD)``, ``YYYY年M月D日``."""
    t = text.strip()
    if not t or t.lower() == "now" or t.lower() == "today":
        return build_date()
    m = re.fullmatch(r"(\d{3,4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?年?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?", t)
    if not m:
        m2 = re.fullmatch(r"(\d{1,2}) ([A-Za-z]+) (\d{3,4})|([A-Za-z]+) (\d{1,2}),? (\d{3,4})", t)
        if not m2:
            return None
        months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        day, mon, year = (m2.group(1), m2.group(2), m2.group(3)) if m2.group(1) else (m2.group(5), m2.group(4), m2.group(6))
        if mon[:3].lower() not in months:
            return None
        try:
            return dt.datetime(int(year), months.index(mon[:3].lower()) + 1, int(day), tzinfo=dt.timezone.utc)
        except ValueError:
            return None
    y, mo, d, hh, mm, ss = (int(g) if g else None for g in m.groups())
    try:
        return dt.datetime(y or 1, mo or 1, d or 1, hh or 0, mm or 0, ss or 0, tzinfo=dt.timezone.utc)
    except ValueError:
        return None


def format_time(fmt: str, when: dt.datetime) -> str:
    """PHP-style ``#time`` format codes (Y y n m j d G H i s N w z t L U; ``"…"`` and ``\\x`` quote)."""
    codes: dict[str, Callable[[dt.datetime], str]] = {
        "Y": lambda w: str(w.year), "y": lambda w: f"{w.year % 100:02d}", "n": lambda w: str(w.month),
        "m": lambda w: f"{w.month:02d}", "j": lambda w: str(w.day), "d": lambda w: f"{w.day:02d}",
        "G": lambda w: str(w.hour), "H": lambda w: f"{w.hour:02d}", "i": lambda w: f"{w.minute:02d}",
        "s": lambda w: f"{w.second:02d}", "N": lambda w: str(w.isoweekday()), "w": lambda w: str(w.isoweekday() % 7),
        "z": lambda w: str(w.timetuple().tm_yday - 1), "L": lambda w: str(int(_leap(w.year))),
        "t": lambda w: str(_month_len(w.year, w.month)), "U": lambda w: str(int(w.timestamp())),
        "F": lambda w: f"{w.month}月", "M": lambda w: f"{w.month}月", "D": lambda w: "日一二三四五六"[w.isoweekday() % 7],
        "l": lambda w: "星期" + "日一二三四五六"[w.isoweekday() % 7],
    }
    out: list[str] = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == "\\" and i + 1 < len(fmt):
            out.append(fmt[i + 1])
            i += 2
            continue
        if c == '"':
            j = fmt.find('"', i + 1)
            if j < 0:
                out.append(c)
                i += 1
                continue
            out.append(fmt[i + 1:j])
            i = j + 1
            continue
        out.append(codes[c](when) if c in codes else c)
        i += 1
    return "".join(out)


def _leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _month_len(y: int, m: int) -> int:
    return [31, 29 if _leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]


# -- dispatch ---------------------------------------------------------------------------------
def _f_if(args: list[Wikicode], ctx: RenderContext) -> str:
    cond = text_of(args[0], ctx) if args else ""
    branch = args[1] if cond and len(args) > 1 else (args[2] if not cond and len(args) > 2 else None)
    return _out(branch, ctx)


def _f_ifeq(args: list[Wikicode], ctx: RenderContext) -> str:
    a, b = (text_of(args[k], ctx) if len(args) > k else "" for k in (0, 1))
    same = a == b
    try:
        same = float(a) == float(b) if a and b else same
    except ValueError:
        pass
    idx = 2 if same else 3
    return _out(args[idx] if len(args) > idx else None, ctx)


def _f_switch(args: list[Wikicode], ctx: RenderContext, node: Template) -> str:
    if not args:
        return ""
    value = text_of(args[0], ctx)
    default: Wikicode | None = None
    matched = False
    last_plain: Wikicode | None = None
    for p in node.params:
        if not p.showkey:
            last_plain = p.value
            if not matched and (text_of(p.value, ctx) == value or _num_eq(text_of(p.value, ctx), value)):
                matched = True  # falls through to the next case that has a value
            continue
        last_plain = None
        key = text_of(p.name, ctx)
        if matched or key == value or _num_eq(key, value):
            return _out(p.value, ctx)
        if key == "#default":
            default = p.value
    if last_plain is not None and not matched:
        return _out(last_plain, ctx)  # a last value without ``=`` is the default
    return _out(default, ctx)


def _num_eq(a: str, b: str) -> bool:
    try:
        return bool(a) and bool(b) and float(a) == float(b)
    except ValueError:
        return False


def _f_expr(args: list[Wikicode], ctx: RenderContext, node: Template) -> str:
    expr = text_of(args[0], ctx) if args else ""
    if not expr:
        return ""
    try:
        return escape.text(format_number(evaluate_expr(expr)))
    except ExprError as e:
        ctx.defect("parser function", f"{{{{#expr:{expr}}}}}: {e}", node)
        return f'<strong class="error">{escape.text(str(e))}</strong>'


def _f_ifexpr(args: list[Wikicode], ctx: RenderContext, node: Template) -> str:
    expr = text_of(args[0], ctx) if args else ""
    try:
        truth = bool(evaluate_expr(expr)) if expr else False
    except ExprError as e:
        ctx.defect("parser function", f"{{{{#ifexpr:{expr}}}}}: {e}", node)
        return f'<strong class="error">{escape.text(str(e))}</strong>'
    idx = 1 if truth else 2
    return _out(args[idx] if len(args) > idx else None, ctx)


def _f_iferror(args: list[Wikicode], ctx: RenderContext) -> str:
    test = ctx.inline(args[0]) if args else ""
    if 'class="error"' in test:
        return _out(args[1] if len(args) > 1 else None, ctx)
    return _out(args[2], ctx) if len(args) > 2 else test


def _f_time(args: list[Wikicode], ctx: RenderContext, node: Template) -> str:
    fmt = text_of(args[0], ctx) if args else ""
    when = parse_time(text_of(args[1], ctx) if len(args) > 1 else "")
    if when is None:
        ctx.defect("parser function", f"{{{{#time:…}}}}: the date «{text_of(args[1], ctx)}» is not understood", node)
        return '<strong class="error">错误：无效时间。</strong>'
    return escape.text(format_time(fmt, when))


def _f_tag(args: list[Wikicode], ctx: RenderContext, node: Template) -> str:
    """``{{#tag:ref|内容|group=注|name=a}}`` is a ``<ref>`` (a note with a group); other tags
    (``nowiki``, ``poem``, ``math`` …) are parsed as the tag they name."""
    tag = text_of(args[0], ctx).lower() if args else ""
    body = next((p.value for p in node.params if not p.showkey), None)
    attrs = {str(p.name).strip().lower(): text_of(p.value, ctx) for p in node.params if p.showkey}
    if tag == "ref":
        from .references import note_marker

        if attrs.get("group"):
            return note_marker(ctx, node, attrs["group"], body if body is not None and str(body).strip() else None,
                               attrs.get("name") or None)
        if body is None or not str(body).strip():
            if not attrs.get("name") or attrs["name"] not in ctx.refs.by_name:
                ctx.defect("empty ref", "a {{#tag:ref}} with no content was skipped", node)
                return ""
        fn = ctx.refs.by_node.get(id(node)) or ctx.refs.define(attrs.get("name") or None, body, ctx.line_of(node))
        return ctx.refs.use(fn.id)
    if not re.fullmatch(r"[a-z][a-z0-9]*", tag):
        ctx.defect("parser function", f"{{{{#tag:{tag}}}}}: not a tag name; its content is shown", node)
        return _out(body, ctx)
    attr_text = "".join(f' {k}="{html.escape(v)}"' for k, v in attrs.items() if re.fullmatch(r"[a-z-]+", k))
    return ctx.inline(mwparserfromhell.parse(f"<{tag}{attr_text}>{body or ''}</{tag}>"))


def _string_fn(fn: Callable[[list[str]], str]) -> Callable[[list[Wikicode], RenderContext], str]:
    def run(args: list[Wikicode], ctx: RenderContext) -> str:
        texts = [text_of(a, ctx) for a in args]
        return escape.text(fn(texts))

    return run


def _first(fn: Callable[[str], str]) -> Callable[[list[str]], str]:
    return lambda a: fn(a[0]) if a else ""


FUNCTIONS: dict[str, Callable[..., str]] = {
    "#if": _f_if, "#ifeq": _f_ifeq, "#switch": _f_switch, "#expr": _f_expr, "#ifexpr": _f_ifexpr,
    "#iferror": _f_iferror, "#time": _f_time, "#timel": _f_time, "#tag": _f_tag,
    "lc": _string_fn(_first(str.lower)), "uc": _string_fn(_first(str.upper)),
    "lcfirst": _string_fn(_first(lambda s: s[:1].lower() + s[1:])),
    "ucfirst": _string_fn(_first(lambda s: s[:1].upper() + s[1:])),
    "formatnum": _string_fn(lambda a: formatnum(a[0], a[1] if len(a) > 1 else "") if a else ""),
    "padleft": _string_fn(lambda a: _pad(a, True)), "padright": _string_fn(lambda a: _pad(a, False)),
    "urlencode": _string_fn(_first(lambda s: __import__("urllib.parse").parse.quote_plus(s))),
    "anchorencode": _string_fn(_first(lambda s: s.replace(" ", "_"))),
    "int": _string_fn(_first(lambda s: s)),
    "plural": _string_fn(lambda a: (a[1] if len(a) > 1 and a[0].strip() in ("1", "-1") else (a[-1] if len(a) > 1 else ""))),
    "#language": _string_fn(_first(lambda s: s)),
}


def render(node: Template, ctx: RenderContext) -> str:
    """IMD of a magic word or parser function call (see :func:`is_magic`)."""
    head, first = split_name(node)
    if first is None:
        return escape.text(VARIABLES[head](ctx))
    key = head.lower()
    if key in SILENT:
        if key == "displaytitle" and first is not None:
            ctx.display_title = text_of(first, ctx)
        return ""
    fn = FUNCTIONS[key]
    args = _args(node, first)
    if fn in (_f_expr, _f_ifexpr, _f_time, _f_switch, _f_tag):
        return fn(args, ctx, node)
    return fn(args, ctx)
