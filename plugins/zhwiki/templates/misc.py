"""Links, languages, hatnotes, quotes, media, maintenance markers, dates/units and the infobox.

Each handler follows how zh.wikipedia shows the template (rendering-reference.md §1.1), adapted
to a study edition that also prints: nothing collapsed, foreign originals always shown.
"""

from __future__ import annotations

import datetime as _dt
import re

from mwparserfromhell.nodes import Template

from .. import markers as M
from ..render import escape
from ..render.context import RenderContext
from ..render.nodes import wiki_href
from . import arg, arg_code, positional, register
from .citations import LANG_LABELS

# -- languages --------------------------------------------------------------------------------
LANG_NAMES = {
    "en": "英语", "ko": "朝鲜语", "ja": "日语", "ru": "俄语", "fr": "法语", "de": "德语", "zh": "中文",
    "es": "西班牙语", "it": "意大利语", "vi": "越南语", "tr": "土耳其语", "la": "拉丁语", "el": "希腊语",
    "mn": "蒙古语", "pt": "葡萄牙语", "nl": "荷兰语", "pl": "波兰语", "cs": "捷克语", "ar": "阿拉伯语",
    "he": "希伯来语", "hi": "印地语", "th": "泰语", "id": "印尼语", "ms": "马来语", "tl": "他加禄语",
    "sv": "瑞典语", "no": "挪威语", "da": "丹麦语", "fi": "芬兰语", "hu": "匈牙利语", "uk": "乌克兰语",
    "fa": "波斯语", "bo": "藏语", "ug": "维吾尔语", "zh-hant": "繁体中文", "zh-hans": "简体中文",
}


def foreign(text_imd: str, lang: str) -> str:
    """Foreign text: marked with its language and never converted."""
    code = lang if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]+)*", lang) else "und"
    return f'<span lang="{code}">{M.noconv(text_imd)}</span>'


@register("links", "lang")
def lang(node: Template, ctx: RenderContext) -> str:
    code = arg(node, 1)
    body = arg_code(node, 2, "text")
    return foreign(ctx.inline(body), code) if body is not None else ""


def _lang_x(code: str):
    def handler(node: Template, ctx: RenderContext) -> str:
        body = arg_code(node, 1)
        label = LANG_NAMES.get(code, code)
        return f"{label}：{foreign(ctx.inline(body), code)}" if body is not None else ""

    return handler


for _c in LANG_NAMES:
    register("links", f"lang-{_c}")(_lang_x(_c))


def _label(code: str):
    def handler(node: Template, ctx: RenderContext) -> str:
        return f'<span class="lang-label">（{LANG_LABELS.get(code, LANG_NAMES.get(code, code))}）</span>'

    return handler


for _c in ("en", "ko", "ja", "ru", "fr", "de", "zh-hant", "zh-hans", "es", "it", "vi", "cs"):
    register("links", _c)(_label(_c))


@register("links", "le", "link-en", "link-ja", "link-ko", "link-ru", "link-fr", "link-de", "tsl", "ill", "interlanguage link")
def link_foreign(node: Template, ctx: RenderContext) -> str:
    from . import normalize

    name = normalize(str(node.name))
    pos = positional(node)
    if name in ("tsl",):
        code, orig, zh = (pos + ["", "", ""])[:3]
        shown = pos[3] if len(pos) > 3 else zh
    elif name in ("ill", "interlanguage link"):
        zh, code, orig = (pos + ["", "", ""])[:3]
        shown = arg(node, "lt") or zh
    else:
        code = {"le": "en", "link-en": "en"}.get(name, name.removeprefix("link-"))
        zh, orig = (pos + ["", ""])[:2]
        shown = pos[2] if len(pos) > 2 else zh
    label = ctx.inline(shown or zh or orig)
    lname = LANG_NAMES.get(code, code)
    origin = foreign(escape.text(orig), code) if orig else ""
    link = f"[{label}]({escape.url(wiki_href(zh))})" if zh and not ctx.in_heading else label
    return f"{link}（{lname}：{origin}）" if origin else link


# -- hatnotes ---------------------------------------------------------------------------------
def _targets(node: Template, ctx: RenderContext) -> list[str]:
    out = []
    for p in node.params:
        if p.showkey and not str(p.name).strip().isdigit():
            continue
        v = str(p.value).strip()
        if not v:
            continue
        if "{{" in v or "[[" in v:
            out.append(ctx.inline(p.value))
        else:
            out.append(f"[{escape.text(v)}]({escape.url(wiki_href(v))})")
    return out


def _hatnote(text: str) -> str:
    return f'<div class="hatnote" markdown="span">{text}</div>'


@register("hatnotes", "main", "主条目", "主條目")
def main(node: Template, ctx: RenderContext) -> str:
    return ctx.stash_block(_hatnote("主条目：" + "、".join(_targets(node, ctx))))


@register("hatnotes", "seealso", "see also", "参见", "參見", "further", "details")
def seealso(node: Template, ctx: RenderContext) -> str:
    return ctx.stash_block(_hatnote("参见：" + "、".join(_targets(node, ctx))))


@register("hatnotes", "rellink", "hatnote", "relink")
def rellink(node: Template, ctx: RenderContext) -> str:
    body = arg_code(node, 1)
    return ctx.stash_block(_hatnote(ctx.inline(body))) if body is not None else ""


@register("hatnotes", "about", "otheruses", "other uses", "distinguish", "for")
def about(node: Template, ctx: RenderContext) -> str:
    pos = [p for p in node.params if not p.showkey]
    vals = [ctx.inline(p.value) for p in pos]
    if not vals:
        return ""
    text = f"本文介绍的是{vals[0]}。"
    rest = vals[1:]
    for i in range(0, len(rest), 2):
        what = rest[i]
        page = rest[i + 1] if i + 1 < len(rest) else ""
        if page:
            link = f"[{page}]({escape.url(wiki_href(M.strip_markers(str(pos[i + 2].value).strip())))})"
            text += f"关于{what}，请见「{link}」。"
        else:
            text += f"关于{what}，请见其他条目。"
    return ctx.stash_block(_hatnote(text))


# -- quotes and media -------------------------------------------------------------------------
@register("quotes", "cquote", "quote", "blockquote", "quotation", "centered pull quote", "rquote")
def cquote(node: Template, ctx: RenderContext) -> str:
    body = arg_code(node, 1, "text", "quote")
    who = arg_code(node, 2, "author", "4", "source", "3")
    text = ctx.block(body) if body is not None else ""
    src = f"\n\n——{ctx.inline(who)}" if who is not None else ""
    return ctx.stash_block(f'<blockquote class="cquote" markdown="1">\n\n{text}{src}\n\n</blockquote>')


@register("quotes", "quote box", "quotebox", "quote frame")
def quote_box(node: Template, ctx: RenderContext) -> str:
    body = arg_code(node, "quote", 1)
    who = arg_code(node, "source", "author")
    title = arg_code(node, "title")
    parts = []
    if title is not None:
        parts.append(f"<b>{ctx.inline(title)}</b>\n")
    if body is not None:
        parts.append(ctx.block(body))
    if who is not None:
        parts.append(f"\n——{ctx.inline(who)}")
    return ctx.stash_block('<blockquote class="quote-box" markdown="1">\n\n' + "\n".join(parts) + "\n\n</blockquote>")


@register("media", "external media")
def external_media(node: Template, ctx: RenderContext) -> str:
    items = []
    for p in node.params:
        key = str(p.name).strip()
        if re.match(r"^(video|audio|image)\d+$", key) and str(p.value).strip():
            items.append(f"- {ctx.inline(p.value)}")
    if not items:
        return ""
    return ctx.stash_block('<div class="external-media" markdown="1">\n\n**外部影音**\n\n' + "\n".join(items) + "\n\n</div>")


@register("media", "youtube", "yt")
def youtube(node: Template, ctx: RenderContext) -> str:
    vid = arg(node, "id", 1)
    title = arg_code(node, "title", 2)
    label = ctx.inline(title) if title is not None else "YouTube"
    if not re.fullmatch(r"[A-Za-z0-9_-]{6,20}", vid):
        return label
    url = f"https://www.youtube.com/watch?v={vid}"
    return f"[{label}]({url}){{ .external }}（YouTube）"


@register("media", "multiple image", "multiple images", "double image")
def multiple_image(node: Template, ctx: RenderContext) -> str:
    from mwparserfromhell.nodes import Wikilink

    from ..render.nodes import render_file

    out = []
    for i in range(1, 11):
        img = arg(node, f"image{i}")
        if not img:
            continue
        cap = arg(node, f"caption{i}")
        out.append(render_file(Wikilink(f"File:{img}", f"thumb|{cap}" if cap else "thumb"), ctx))
    footer = arg_code(node, "footer")
    if footer is not None:
        out.append(ctx.stash_block(f'<p class="figure-footer">{ctx.inline(footer)}</p>'))
    return "".join(out)


# -- maintenance ----------------------------------------------------------------------------------
def _sup(text: str) -> str:
    return f'<sup class="maintenance">&#91;{text}&#93;</sup>'


@register("maintenance", "dead link", "deadlink", "失效链接", "失效連結", "404")
def dead_link(node: Template, ctx: RenderContext) -> str:
    return _sup("永久失效链接")


@register("maintenance", "cn", "citation needed", "fact", "来源请求", "來源請求", "refneeded", "cn-span")
def cn(node: Template, ctx: RenderContext) -> str:
    body = arg_code(node, 1, "text")
    prose = ""
    if body is not None and not re.fullmatch(r"\s*(date\s*=?.*)?", str(body)):
        prose = ctx.inline(body)
    return prose + _sup("来源请求")


@register("maintenance", "page needed", "页码请求", "頁碼請求")
def page_needed(node: Template, ctx: RenderContext) -> str:
    return _sup("页码请求")


@register("maintenance", "pov section", "pov-section", "pov", "neutrality", "disputed section")
def pov(node: Template, ctx: RenderContext) -> str:
    return ctx.stash_block('!!! warning "本章节中立性有争议"\n    本章节的中立性有争议，请参考原条目的讨论页。')


@register("maintenance", "clarify", "which", "who", "when", "by whom", "vague", "failed verification")
def clarify(node: Template, ctx: RenderContext) -> str:
    return _sup("需要解释")


# -- formatting ------------------------------------------------------------------------------------
@register("formatting", "small", "smaller", "big", "larger", "nowrap", "nobr", "center", "1x", "nobold", "noitalic", "resize")
def small(node: Template, ctx: RenderContext) -> str:
    from . import normalize

    body = arg_code(node, 1)
    if body is None:
        return ""
    tag = {"small": "small", "smaller": "small", "big": "big", "larger": "big"}.get(normalize(str(node.name)))
    inner = ctx.inline(body)
    return f"<{tag}>{inner}</{tag}>" if tag else inner


@register("formatting", "plainlist", "flatlist", "unbulleted list", "ubl", "hlist", "bulleted list", "ordered list")
def plainlist(node: Template, ctx: RenderContext) -> str:
    body = arg_code(node, 1)
    if body is not None and len([p for p in node.params if not p.showkey]) == 1:
        return ctx.inline(body)  # a wikitext list inside: its lines become breaks
    items = [ctx.inline(p.value) for p in node.params if not p.showkey and str(p.value).strip()]
    return "<br>".join(items)


@register("formatting", "collapsible list", "collapsible-list", "hidden", "hidden begin")
def collapsible_list(node: Template, ctx: RenderContext) -> str:
    title = arg_code(node, "title", "1" if False else "title")
    items = [ctx.inline(p.value) for p in node.params if not p.showkey and str(p.value).strip()]
    head = f"<b>{ctx.inline(title)}</b>" if title is not None else ""
    return "<br>".join(([head] if head else []) + [f"• {i}" for i in items])


# -- dates and units -------------------------------------------------------------------------------
def _date(node: Template, start: int) -> _dt.date | None:
    """Positional ``|y|m|d`` from *start*, or named ``year1/month1/day1`` (start 1) / ``…2``."""
    k = 1 if start == 1 else 2
    try:
        y = int(arg(node, f"year{k}") or arg(node, start))
        m = int(arg(node, f"month{k}") or arg(node, start + 1))
        d = int(arg(node, f"day{k}") or arg(node, start + 2))
        return _dt.date(y, m, d)
    except (ValueError, TypeError):
        return None


@register("dates", "age in years, months, weeks and days", "age in years, months and days", "age in years and days")
def age_ymd(node: Template, ctx: RenderContext) -> str:
    a, b = _date(node, 1), _date(node, 4)
    if a is None or b is None:
        ctx.defect("bad template", "age template needs two full dates (no 'today' in a static build)", node)
        return ""
    months = (b.year - a.year) * 12 + (b.month - a.month)
    if b.day < a.day:
        months -= 1
    years, months = divmod(months, 12)
    anchor_month = a.month + months + years * 12
    y2, m2 = a.year + (anchor_month - 1) // 12, (anchor_month - 1) % 12 + 1
    days = (b - _dt.date(y2, m2, min(a.day, 28 if m2 == 2 else 30 if m2 in (4, 6, 9, 11) else 31))).days
    weeks, days = divmod(days, 7)
    parts = []
    for n, unit in ((years, "年"), (months, "个月"), (weeks, "周"), (days, "天")):
        if n:
            parts.append(f"{n}{unit}")
    return "".join(parts) or "0天"


UNITS = {
    # unit: (zh name, kind, factor to SI base)
    "km": ("公里", "length", 1000.0), "m": ("米", "length", 1.0), "cm": ("厘米", "length", 0.01),
    "mi": ("英里", "length", 1609.344), "ft": ("英尺", "length", 0.3048), "yd": ("码", "length", 0.9144),
    "in": ("英寸", "length", 0.0254), "nmi": ("海里", "length", 1852.0),
    "km2": ("平方公里", "area", 1e6), "sqmi": ("平方英里", "area", 2589988.110336), "m2": ("平方米", "area", 1.0),
    "ha": ("公顷", "area", 1e4), "acre": ("英亩", "area", 4046.8564224), "sqkm": ("平方公里", "area", 1e6),
    "kg": ("公斤", "mass", 1.0), "t": ("吨", "mass", 1000.0), "lb": ("磅", "mass", 0.45359237),
    "g": ("克", "mass", 0.001), "ST": ("短吨", "mass", 907.18474), "LT": ("长吨", "mass", 1016.0469088),
    "km/h": ("公里每小时", "speed", 1 / 3.6), "mph": ("英里每小时", "speed", 0.44704), "kn": ("节", "speed", 0.514444),
    "m/s": ("米每秒", "speed", 1.0),
    "C": ("摄氏度", "temp", 0), "F": ("华氏度", "temp", 0), "K": ("开尔文", "temp", 0),
}
DEFAULT_TO = {"mi": "km", "km": "mi", "sqmi": "km2", "km2": "sqmi", "ft": "m", "m": "ft", "kg": "lb", "lb": "kg",
              "mph": "km/h", "km/h": "mph", "C": "F", "F": "C", "t": "LT", "nmi": "km", "in": "cm", "cm": "in",
              "acre": "ha", "ha": "acre", "yd": "m", "kn": "km/h", "m2": "sqft"}


def _round_like(value: float, src: str) -> str:
    """Round to the precision the input implies (en Module:Convert's default, simplified)."""
    digits = len(src.split(".")[1]) if "." in src else 0
    if digits == 0:
        sig = len(src.rstrip("0")) if src.rstrip("0") else 1
        mag = len(str(int(abs(value)))) if abs(value) >= 1 else 1
        nd = max(0, sig + (1 if False else 0))
        rounded = round(value, -(mag - max(sig, 2))) if mag > max(sig, 2) else round(value)
        del nd
        return f"{int(rounded):,}"
    return f"{value:,.{digits}f}"


def _to_temp(v: float, a: str, b: str) -> float:
    c = v if a == "C" else (v - 32) * 5 / 9 if a == "F" else v - 273.15
    return c if b == "C" else c * 9 / 5 + 32 if b == "F" else c + 273.15


@register("dates", "convert", "cvt")
def convert(node: Template, ctx: RenderContext) -> str:
    pos = positional(node)
    if len(pos) < 2:
        return escape.text(" ".join(pos))
    num, unit = pos[0], pos[1]
    to = pos[2] if len(pos) > 2 and pos[2] in UNITS else DEFAULT_TO.get(unit)
    try:
        value = float(num.replace(",", ""))
    except ValueError:
        ctx.defect("bad template", f"{{{{convert}}}} value «{num}» is not a number", node)
        return escape.text(f"{num}{UNITS.get(unit, (unit,))[0]}")
    if unit not in UNITS:
        ctx.defect("bad template", f"{{{{convert}}}} unit «{unit}» is not known; shown as written", node)
        return escape.text(f"{num}{unit}")
    src_name = UNITS[unit][0]
    shown = f"{value:,.{len(num.split('.')[1])}f}" if "." in num else f"{int(value):,}"
    if not to or to not in UNITS or UNITS[to][1] != UNITS[unit][1]:
        return escape.text(f"{shown}{src_name}")
    if UNITS[unit][1] == "temp":
        out = _to_temp(value, unit, to)
    else:
        out = value * UNITS[unit][2] / UNITS[to][2]
    return escape.text(f"{shown}{src_name}（{_round_like(out, num.replace(',', ''))}{UNITS[to][0]}）")


# -- infobox ---------------------------------------------------------------------------------------
INFOBOX_LABELS = [
    ("partof", "部分"), ("date", "日期"), ("place", "地点"), ("location", "地点"), ("coordinates", "坐标"),
    ("territory", "领土变更"), ("status", "状态"), ("result", "结果"),
]
SIDE_ROWS = [("combatant", "参战方"), ("commander", "指挥官"), ("units", "参战部队"), ("strength", "兵力"),
             ("casualties", "伤亡与损失")]


@register("infobox", "infobox military conflict", "infobox war", "warbox", "infobox battle", "military conflict")
def infobox_conflict(node: Template, ctx: RenderContext) -> str:
    title = arg_code(node, "conflict", "name")
    lines = ['<div class="infobox" markdown="1">', ""]
    if title is not None:
        lines.append(f'<p class="infobox-title">{ctx.inline(title)}</p>')
        lines.append("")
    image = arg(node, "image")
    if image:
        m = re.search(r"\[\[\s*(?:File|Image|文件|檔案|图像)\s*:\s*([^|\]]+)", image, re.I)
        fname = (m.group(1) if m else image).strip()
        from mwparserfromhell.nodes import Wikilink

        from ..render.nodes import render_file

        cap = arg(node, "caption")
        lines.append(render_file(Wikilink(f"File:{fname}", f"thumb|{cap}" if cap else "thumb"), ctx).strip())
        lines.append("")
    # Single-valued rows as a definition list, the two sides as one pipe table: Markdown inside
    # md_in_html blocks keeps footnote markers working (they are not processed in raw <td>).
    for key, label in INFOBOX_LABELS:
        code = arg_code(node, key)
        if code is not None:
            value = ctx.inline(code)
            if value.strip():
                lines += [label, f":   {value}", ""]
    sides = sorted({int(m.group(1)) for p in node.params
                    if (m := re.match(r"^(?:combatant|commander|units|strength|casualties)(\d)[a-z]?$", str(p.name).strip()))})
    rows = []
    for key, label in SIDE_ROWS:
        cells = []
        for s in sides:
            vals = []
            for suffix in ("", "a", "b", "c", "d"):
                code = arg_code(node, f"{key}{s}{suffix}")
                if code is not None:
                    v = ctx.inline(code)
                    if v.strip():
                        vals.append(v)
            cells.append("<br>".join(vals))
        if any(c.strip() for c in cells):
            rows.append(f"| **{label}** | " + " | ".join(c.replace("\n", " ") for c in cells) + " |")
    if rows:
        heads = ["一方", "另一方"] + [f"第{n}方" for n in range(3, len(sides) + 1)]
        lines.append("| | " + " | ".join(heads[: len(sides)]) + " |")
        lines.append("|---|" + "---|" * len(sides))
        lines.extend(rows)
        lines.append("{: .infobox-sides }")
        lines.append("")
    extra = arg_code(node, "notes")
    if extra is not None:
        lines += [ctx.inline(extra), ""]
    lines.append("</div>")
    return ctx.stash_block("\n".join(lines))
