"""Formatting and list templates: ``{{small}}``, ``{{nowrap}}``, ``{{plainlist}}``, ``{{Collapsible list}}`` ….

Lists keep their items on separate lines (``<br>``) because they mostly live in infobox cells,
where a Markdown table cell cannot hold a block list.  ``{{Collapsible list}}`` is shown open
with its title in bold: a study edition prints, and browsers do not print closed ``<details>``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.blocks import shows_nothing
from ..render.context import RenderContext
from .registry import arg, arg_code, name_of, positional, register, register_missing

#: Arrows by direction and element symbols by Chinese name (data/symbols.json).
SYMBOLS: dict[str, dict[str, str]] = json.loads(
    (Path(__file__).parent / "data" / "symbols.json").read_text(encoding="utf-8"))

#: A list item's bullet as written into a line of items: 「•」 and a no-break space (U+00A0), so the
#: bullet and the first word of its item never land on different lines (UAX #14: no break either side
#: of U+00A0), whatever the ``word-break`` of the box around them.
BULLET = "•\u00a0"

_TAGS = {"small": "small", "smaller": "small", "big": "big", "larger": "big", "large": "big",
         "sup": "sup", "sub": "sub", "u": "u", "underline": "u", "s": "s", "strike": "s",
         "bold": "b", "b": "b", "italic": "i", "i": "i"}


@register("formatting", "small", "smaller", "big", "larger", "large", "nowrap", "nobr", "center", "centre", "1x",
          "nobold", "noitalic", "resize", "sup", "sub", "u", "underline", "s", "strike", "bold", "italic",
          "noprint", "nowrap begin", "font", "color", "colour", "font color", "tooltip", "abbr", "r to l")
def text_style(node: Template, ctx: RenderContext) -> str:
    """The text inside, with the visual emphasis that carries meaning (size, sub/superscript)."""
    name = name_of(node)
    if name in ("color", "colour", "font color"):
        body = arg_code(node, 2, "text")
    elif name in ("resize",):
        body = arg_code(node, 2) or arg_code(node, 1)
    elif name in ("tooltip", "abbr"):
        body = arg_code(node, 1)
        title = arg(node, 2)
        if body is None:
            return ""
        from ..render import escape

        return f'<abbr title="{escape.attr(title)}">{ctx.inline(body)}</abbr>' if title else ctx.inline(body)
    else:
        body = arg_code(node, 1, "text")
    if body is None:
        return ""
    inner = ctx.inline(body)
    tag = _TAGS.get(name)
    return f"<{tag}>{inner}</{tag}>" if tag and inner else inner


def _items(node: Template, ctx: RenderContext) -> list[str]:
    """The list items: positional values, written bare or as ``1=``, ``2=`` …, without those that
    show nothing once rendered (an item holding only an unknown template: no empty bullet)."""
    items = [ctx.inline(p.value) for p in node.params
             if (not p.showkey or str(p.name).strip().isdigit()) and str(p.value).strip()]
    return [i for i in items if not shows_nothing(i)]


@register("formatting", "plainlist", "plain list", "flatlist", "flat list", "unbulleted list", "ubl",
          "hlist", "bulleted list", "blist", "ordered list", "endplainlist", "endflatlist", "spml")
def plainlist(node: Template, ctx: RenderContext) -> str:
    """One item per line; ``{{flatlist}}``/``{{hlist}}`` items in one line separated by 「·」."""
    name = name_of(node)
    pos = [p for p in node.params if not p.showkey]
    if name in ("plainlist", "plain list", "flatlist", "flat list") and len(pos) <= 1:
        body = arg_code(node, 1)
        if body is None:
            return ""
        text = ctx.inline(body)  # the wikitext list inside: its items become lines joined by <br>
        return text.replace("<br>", " · ") if name.startswith("flat") else text
    items = [i for i in _items(node, ctx) if i.strip()]
    if name in ("hlist", "flatlist", "flat list"):
        return " · ".join(items)
    if name in ("bulleted list", "blist"):
        return "<br>".join(BULLET + i for i in items)
    if name == "ordered list":
        return "<br>".join(f"{n}. {i}" for n, i in enumerate(items, 1))
    return "<br>".join(items)


@register("formatting", "collapsible list", "collapsible-list", "clist", "collapsed list", "list collapsed")
def collapsible_list(node: Template, ctx: RenderContext) -> str:
    """Open: the title in bold, then the items (bulleted with ``bullets=yes``)."""
    title = arg_code(node, "title")
    bullets = arg(node, "bullets").lower() in ("yes", "y", "true", "1", "on")
    items = _items(node, ctx)
    lines = [BULLET + i if bullets else i for i in items]
    head = ctx.inline(title) if title is not None else ""
    if head.strip():
        lines.insert(0, f'<b class="list-title">{head}</b>')
    return '<span class="collapsible-list">' + "<br>".join(lines) + "</span>" if lines else ""


@register("formatting", "hidden", "hidden begin", "hidden end", "collapse top", "collapse bottom", "cot", "cob",
          "hideh", "hidef")
def hidden(node: Template, ctx: RenderContext) -> str:
    """``{{hidden|标题|内容}}`` shown open: the title in bold, then the content.  ``{{HideH|标题}}`` …
    ``{{HideF}}`` are zh.wikipedia's begin and end of such a box."""
    name = name_of(node)
    if name in ("hidden end", "collapse bottom", "cob", "hidef"):
        return ""
    title = arg_code(node, "title", "header", 1)
    body = arg_code(node, "content", 2) if name == "hidden" else None
    parts = []
    if title is not None:
        parts.append(f"<b>{ctx.inline(title)}</b>")
    if body is not None:
        parts.append(ctx.inline(body))
    return "<br>".join(p for p in parts if p.strip())


@register("formatting", "nbsp", "spaces", "space")
def nbsp(node: Template, ctx: RenderContext) -> str:
    try:
        n = max(1, min(10, int(arg(node, 1, default="1"))))
    except ValueError:
        n = 1
    return "&nbsp;" * n


@register("formatting", "•", "dot", "middot", "·", "\\", "spaced ndash", "snd", "ndash", "mdash", "en dash")
def punctuation(node: Template, ctx: RenderContext) -> str:
    """Separators between items: ``{{•}}``, ``{{·}}`` and ``{{dot}}`` are written as MediaWiki's
    ``&nbsp;<b>•</b>&#32;``, a no-break space before the mark and a space after, so a line may
    break after the separator but never puts it at the start of a line."""
    return {"•": "\u00a0• ", "dot": "\u00a0· ", "middot": "·", "·": "\u00a0· ", "\\": " / ", "spaced ndash": " – ",
            "snd": " – ", "ndash": "–", "mdash": "—", "en dash": "–"}.get(name_of(node), "")


@register("formatting", "div col", "div col end", "div-col", "div-col-end", "divcol", "divcol end",
          "ref begin", "ref end", "colbegin", "colend", "col-begin", "col-end", "multicol",
          "multicol-end", "multicol-break", "col-break")
def columns_marker(node: Template, ctx: RenderContext) -> str:
    """Opening and closing markers of a column layout (``{{div col|4}}`` … ``{{div col end}}``):
    the list between them keeps its items; the column count is layout and never printed."""
    return ""


@register("formatting", "columns-list", "columns list", "col-list", "div col list")
def columns_list(node: Template, ctx: RenderContext) -> str:
    """``{{columns-list|4|* 一\\n* 二}}``: the list, laid out in columns (the count is not text)."""
    body = arg_code(node, "content") or next(
        (p.value for p in node.params if not p.showkey and not str(p.value).strip().isdigit() and str(p.value).strip()),
        None)
    if body is None:
        return ""
    return ctx.stash_block('<div class="div-col" markdown="1">\n\n' + ctx.block(body).strip("\n") + "\n\n</div>")


@register("formatting", "math", "mvar", "texhtml")
def math_text(node: Template, ctx: RenderContext) -> str:
    """``{{math|2''i''π}}``: a formula written in wikitext, shown in the serif math style."""
    body = arg_code(node, 1)
    if body is None:
        return ""
    return f'<span class="texhtml">{ctx.inline(body)}</span>'


@register("formatting", "eqm", "equilibrium")
def equilibrium(node: Template, ctx: RenderContext) -> str:
    """``{{eqm}}``: the equilibrium arrow of a chemical equation."""
    return "⇌"


_CHARGE = re.compile(r"\d*[+\-−]")


@register("formatting", "chem", "chem2")
def chem(node: Template, ctx: RenderContext) -> str:
    """``{{chem|C|2|H|5|O|H}}`` → C<sub>2</sub>H<sub>5</sub>OH: counts as subscripts, a charge
    (``+``, ``2−``) as a superscript, everything else as text."""
    out = ""
    for p in node.params:
        if p.showkey:
            continue
        v = str(p.value).strip()
        if v.isdigit():
            out += f"<sub>{v}</sub>"
        elif _CHARGE.fullmatch(v):
            out += f"<sup>{escape.text(v.replace('-', '−'))}</sup>"
        else:
            out += ctx.inline(p.value)
    return out


@register("formatting", "increase", "decrease", "steady", "increase neutral", "decrease neutral")
def trend(node: Template, ctx: RenderContext) -> str:
    """``{{increase}}`` ▲, ``{{decrease}}`` ▼, ``{{steady}}`` ▬: the trend arrow before a change."""
    name = name_of(node)
    return "▲" if name.startswith("increase") else "▼" if name.startswith("decrease") else "▬"


@register("formatting", "overline", "overbar")
def overline(node: Template, ctx: RenderContext) -> str:
    """``{{overline|3}}`` → 3̄ (a bar over each character, as in crystallographic notation)."""
    return "".join(ch + "\u0305" for ch in escape.text(arg(node, 1)))


@register("formatting", "sfrac", "frac", "fraction")
def sfrac(node: Template, ctx: RenderContext) -> str:
    """``{{sfrac|22|7}}`` → 22/7 with the numerator raised; ``{{sfrac|1|1|2}}`` → 1 1/2."""
    pos = [str(p.value).strip() for p in node.params if not p.showkey]
    if len(pos) >= 3:
        whole, num, den = pos[0], pos[1], pos[2]
    elif len(pos) == 2:
        whole, (num, den) = "", pos
    elif len(pos) == 1:
        whole, num, den = "", "1", pos[0]
    else:
        return ""
    return (escape.text(whole) + " " if whole else "") + f"<sup>{escape.text(num)}</sup>⁄<sub>{escape.text(den)}</sub>"


@register("formatting", "gaps", "gap")
def gaps(node: Template, ctx: RenderContext) -> str:
    """``{{gaps|3.1415|9265}}``: digit groups with a thin space between them."""
    return "\u2009".join(escape.text(str(p.value).strip()) for p in node.params if not p.showkey)


@register("formatting", "pi", "math pi", "π")
def pi(node: Template, ctx: RenderContext) -> str:
    """``{{pi}}``, ``{{Math_pi}}``: the letter π."""
    return "π"


@register("formatting", "計算", "计算")
def calculate(node: Template, ctx: RenderContext) -> str:
    """``{{計算|π round 8}}``: a ``{{#expr:}}`` with π written as the letter (3.14159265)."""
    from .magic import ExprError, evaluate_expr, format_number

    expr = arg(node, 1).replace("π", " pi ")
    try:
        return escape.text(format_number(evaluate_expr(expr)))
    except ExprError:  # MediaWiki shows an error for a bad expression; we report it
        ctx.defect("expression", f"{{{{計算|{arg(node, 1)}}}}} cannot be evaluated; nothing shown", node)
        return ""


@register("formatting", "percent", "percentage", "pct")
def percent(node: Template, ctx: RenderContext) -> str:
    """``{{percent|62,984,825|136,669,237|1}}`` → 46.1%: the first number as a share of the second,
    rounded to the given decimals (``pad=yes`` keeps trailing zeros)."""
    try:
        a = float(arg(node, 1).replace(",", ""))
        b = float(arg(node, 2).replace(",", ""))
        places = int(arg(node, 3, default="0") or 0)
    except ValueError:
        ctx.defect("expression", "{{percent}} without two numbers; nothing shown", node)
        return ""
    if b == 0:
        return ""
    return f"{a / b * 100:.{places}f}%"


@register("formatting", "單雙書名號轉換", "单双书名号转换")
def title_marks(node: Template, ctx: RenderContext) -> str:
    """``{{單雙書名號轉換|望天門山}}``: a short work's title, in 《》 in Simplified Chinese and in 〈〉
    in Traditional Chinese (the Taiwan style for poems and articles)."""
    from .registry import variant_text

    body = arg_code(node, 1)
    if body is None:
        return ""
    return (variant_text(ctx, "zh-hans:《;zh-hant:〈;") + ctx.inline(body)
            + variant_text(ctx, "zh-hans:》;zh-hant:〉;"))


@register("formatting", "車站編號r", "车站编号r", "車站編號s", "车站编号s", "smrt code", "新加坡地鐵車站編號",
          "新加坡地铁车站编号")
def station_number(node: Template, ctx: RenderContext) -> str:
    """Station numbering marks: ``{{車站編號r|T|09|#009BBF|4}}`` → T09 (line letter and number; the
    colour is the box's), ``{{車站編號s|black|#ffffff|TYO}}`` → TYO (colours, then the text)."""
    pos = [str(p.value).strip() for p in node.params if not p.showkey]
    if name_of(node).endswith("s"):
        text = pos[2] if len(pos) >= 3 else (pos[-1] if pos else "")
    else:
        text = "".join(pos[:2])
    return escape.text(text)


def _digit_groups(number: str) -> str:
    """Digits in groups of three with a thin space, as {{val}} shows them (299 792 458; 1.234 56)."""
    m = re.fullmatch(r"([+\-−]?)(\d+)(?:\.(\d+))?", number.strip())
    if not m:
        return number
    sign, whole, frac = m.groups()
    if len(whole) > 4:
        whole = "\u2009".join(whole[max(0, i - 3):i] for i in range(len(whole), 0, -3)[::-1])
    if frac and len(frac) > 4:
        frac = "\u2009".join(frac[i:i + 3] for i in range(0, len(frac), 3))
    return sign.replace("-", "−") + whole + (f".{frac}" if frac else "")


@register("formatting", "val")
def val(node: Template, ctx: RenderContext) -> str:
    """``{{val|1.5|e=-3|u=m}}`` → 1.5×10⁻³ m: a number, its power of ten and its unit as written."""
    number = _digit_groups(arg(node, 1))
    exp = arg(node, "e").replace("-", "−")
    unit = arg_code(node, "u", "ul")
    out = escape.text(number)
    if exp:
        out += ("×" if number else "") + f"10<sup>{escape.text(exp)}</sup>"
    if unit is not None and str(unit).strip():
        out += " " + ctx.inline(unit)
    return out


@register("formatting", "e", "×10", "x10")
def power_of_ten(node: Template, ctx: RenderContext) -> str:
    """``7.6408{{e|9}}`` → 7.6408×10⁹ (Template:E): the power of ten after a number."""
    exp = arg(node, 1).replace("-", "−")
    return f"×10<sup>{escape.text(exp)}</sup>" if exp else ""


@register("formatting", "legend", "legend2", "legend inline", "legend-line")
def legend(node: Template, ctx: RenderContext) -> str:
    """``{{legend2|#006400|说明}}``: a colour key; its colour swatch is drawing, its text (if any) stays."""
    text = arg_code(node, 2)
    return ctx.inline(text) if text is not None else ""


@register("formatting", "kia", "killed in action")
def killed_in_action(node: Template, ctx: RenderContext) -> str:
    """``{{KIA}}``: the dagger zh.wikipedia puts after a commander killed in action."""
    return "†"


def _year(text: str) -> str:
    return text + "年" if re.fullmatch(r"\d{1,4}", text) else text


@register("formatting", "marriage")
def marriage(node: Template, ctx: RenderContext) -> str:
    """``{{marriage|配偶|1903|1919}}`` → 配偶（1903年—1919年）; with one year, 配偶（1965年结婚）."""
    who = arg_code(node, 1)
    start, end = arg(node, 2), arg(node, 3)
    name = ctx.inline(who) if who is not None else ""
    if start and end:
        return f"{name}（{escape.text(_year(start))}—{escape.text(_year(end))}）"
    if start:
        return f"{name}（{escape.text(_year(start))}结婚）"
    return name


@register("formatting", "unicode", "unicode1", "script", "ipa char", "box", "grey", "gray")
def unicode_text(node: Template, ctx: RenderContext) -> str:
    """``{{Unicode|Θ}}``: the character itself (the template only picks a font that has it); ``{{box|…}}``,
    ``{{grey|…}}``: the text (the frame or colour around it is layout)."""
    body = arg_code(node, 1)
    return ctx.inline(body) if body is not None else ""


@register("formatting", "ruby", "ruby-zh", "ruby-ja", "ruby-zh-p", "ruby-zh-b")
def ruby(node: Template, ctx: RenderContext) -> str:
    """``{{Ruby|苯|běn}}`` → the base with its reading above (``<ruby>``); where ruby is not shown the
    reading follows in parentheses, as zh.wikipedia's Template:Ruby writes ``<rp>``."""
    base, reading = arg_code(node, 1), arg_code(node, 2)
    if base is None:
        return ""
    shown = ctx.inline(base)
    if reading is None or not str(reading).strip():
        return shown
    return f"<ruby>{shown}<rp>（</rp><rt>{ctx.inline(reading)}</rt><rp>）</rp></ruby>"


@register("formatting", "arrow", "arr")
def arrow(node: Template, ctx: RenderContext) -> str:
    """``{{arrow|R}}`` → →, ``{{arrow|L}}`` → ← (the direction's arrow, data/symbols.json)."""
    return SYMBOLS["arrows"].get(arg(node, 1).strip().lower(), "")


def element_symbol(node: Template, ctx: RenderContext) -> str:
    """``{{碳}}`` → C: the element's symbol, as zh.wikipedia's element templates show it in formulas."""
    return escape.text(SYMBOLS["elements"].get(name_of(node), ""))


register_missing("formatting", list(SYMBOLS["elements"]), element_symbol)


@register("formatting", "nbay", "nba year")
def nba_year(node: Template, ctx: RenderContext) -> str:
    """``{{nbay|2010}}`` → 2010–11 (the season that starts that year); ``start`` → 2010, ``end`` →
    2011, ``full=y`` → 2010–2011 (Template:NBA Year)."""
    year = arg(node, 1).strip()
    if not year.isdigit():
        return escape.text(year)
    start, end = int(year), int(year) + 1
    mode = next((p for p in positional(node)[1:] if p), "")
    if mode == "start":
        return str(start)
    if mode == "end":
        return str(end)
    full = arg(node, "full").strip().lower() in ("y", "yes", "1", "true")
    return f"{start}–{end if full else f'{end % 100:02d}'}"


@register("formatting", "familytree", "family tree", "familytree/start", "familytree/end", "family tree/start",
          "family tree/end")
def family_tree(node: Template, ctx: RenderContext) -> str:
    """One row of a ``{{familytree}}`` chart: the texts of its boxes (the named parameters) in order,
    on a line of their own; the lines between boxes are drawing.  ``/start`` and ``/end`` frame the chart."""
    if name_of(node).endswith(("/start", "/end")):
        return ""
    boxes = [ctx.inline(p.value) for p in node.params
             if p.showkey and not str(p.name).strip().isdigit() and str(p.name).strip() not in ("border", "boxstyle")
             and str(p.value).strip()]
    boxes = [b for b in boxes if b.strip()]
    return ctx.stash_block('<p class="family-tree" markdown="span">' + "　".join(boxes) + "</p>") if boxes else ""
