"""Date templates, computed from the dates written in the article and the build date, never from today.

``{{Age in years, months, weeks and days|month1=06|day1=25|year1=1950|month2=07|day2=27|year2=1953}}``
shows 「3年1个月2天」 on zh.wikipedia (zero parts left out).  Templates that need the current date
(``{{age|1950|6|25}}`` with one date, ``{{birth date and age}}`` of a living person) count to the
build date, which comes from ``SOURCE_DATE_EPOCH`` (magic.build_date), so a rebuild of the same
source gives the same bytes.  ``{{bd}}`` (Template:Bd) joins birth and death as zh.wikipedia
writes them: 「1916年12月10日—1992年8月1日」.
"""

from __future__ import annotations

import datetime as dt
import re

from mwparserfromhell.nodes import Template

from .. import markers as M
from ..render import escape
from ..render.context import RenderContext
from .registry import arg, name_of, positional, register

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _int(s: str) -> int | None:
    """A number as written (``06`` → 6, ``6月`` → 6, ``June``/``Jun`` → 6), else None."""
    t = s.strip().removesuffix("年").removesuffix("月").removesuffix("日")
    if t[:3].lower() in _MONTHS and t.isalpha():
        return _MONTHS.index(t[:3].lower()) + 1
    t = t.lstrip("0") or ("0" if t else "")
    return int(t) if t.isdigit() else None


def today() -> dt.date:
    """The build date (from SOURCE_DATE_EPOCH), the "today" of every age."""
    from .magic import build_date

    return build_date().date()


def date_at(node: Template, start: int, k: int | None = None) -> dt.date | None:
    """A date from positionals ``start, start+1, start+2`` (y, m, d) or named ``year{k}``…"""
    pos = positional(node)
    if k is not None and arg(node, f"year{k}"):
        y, m, d = (_int(arg(node, f"{u}{k}")) for u in ("year", "month", "day"))
    else:
        vals = pos[start - 1:start + 2] + ["", "", ""]
        y, m, d = (_int(v) for v in vals[:3])
    if y is None:
        return None
    try:
        return dt.date(y, m or 1, d or 1)
    except ValueError:
        return None


def zh_date(d: dt.date, parts: int = 3) -> str:
    """1950年6月25日 (or 1950年6月 / 1950年 with fewer parts)."""
    s = f"{d.year}年"
    if parts >= 2:
        s += f"{d.month}月"
    if parts >= 3:
        s += f"{d.day}日"
    return s


def _parts(node: Template, start: int) -> int:
    pos = positional(node)[start - 1:start + 2]
    return sum(1 for v in pos if v.strip()) or 3


def ymwd(a: dt.date, b: dt.date) -> tuple[int, int, int, int]:
    """Whole years, months, weeks and days from *a* to *b* (calendar months, like Module:Age)."""
    if b < a:
        a, b = b, a
    months = (b.year - a.year) * 12 + (b.month - a.month)
    if b.day < a.day:
        months -= 1
    years, months = divmod(months, 12)
    y2 = a.year + years + (a.month - 1 + months) // 12
    m2 = (a.month - 1 + months) % 12 + 1
    # the anchor day, clipped to the month's length (31 Jan + 1 month = 28/29 Feb)
    last = (dt.date(y2 + (m2 == 12), m2 % 12 + 1, 1) - dt.timedelta(days=1)).day
    anchor = dt.date(y2, m2, min(a.day, last))
    days = (b - anchor).days
    weeks, days = divmod(days, 7)
    return years, months, weeks, days


def _to_today(node: Template) -> tuple[dt.date | None, dt.date]:
    return date_at(node, 1, 1), today()


@register("dates", "age in years, months, weeks and days", "age in years, months and days",
          "age in years and days", "age in years and months", "age in days", "age in weeks and days",
          "age in years, months, weeks, and days")
def age_ymwd(node: Template, ctx: RenderContext) -> str:
    a, b = date_at(node, 1, 1), date_at(node, 4, 2)
    if a is None:
        return ""
    if b is None:
        b = today()
    name = name_of(node)
    y, m, w, d = ymwd(a, b)
    if "weeks" not in name:
        d, w = d + 7 * w, 0
    if "months" not in name:
        if name == "age in days":
            return f"{(b - a).days}天"
        d = (b - dt.date(a.year + y, a.month, min(a.day, 28))).days if y else abs((b - a).days)
        m = w = 0
        if "weeks" in name:
            w, d = divmod(d, 7)
    parts = [f"{n}{u}" for n, u in ((y, "年"), (m, "个月"), (w, "周"), (d, "天")) if n]
    return "".join(parts) or "0天"


@register("dates", "age", "age nts", "years ago", "年龄", "年齡")
def age(node: Template, ctx: RenderContext) -> str:
    """``{{age|1950|6|25|1953|7|27}}`` → 3 (whole years between two dates; one date: to the build date)."""
    a, b = date_at(node, 1), date_at(node, 4)
    if a is None:
        return ""
    return str(ymwd(a, b or today())[0])


@register("dates", "start date", "end date", "birth date", "death date", "start-date", "dts", "date",
          "film date", "birth-date", "death-date", "出生日期", "逝世日期", "date table sorting")
def written_date(node: Template, ctx: RenderContext) -> str:
    """A date as zh.wikipedia writes it: ``{{Birth date|1950|6|25}}`` → 1950年6月25日 (fewer parts,
    fewer units; a date given as one text, ``{{dts|1950-06-25}}``, is read the same way)."""
    d, parts = _date_or_text(node)
    if d is None:
        raw = " ".join(v for v in positional(node) if v.strip() and "=" not in v)
        return escape.text(raw)
    return escape.text(zh_date(d, parts))


def _date_or_text(node: Template, start: int = 1) -> tuple[dt.date | None, int]:
    """The date at positionals *start*… (y, m, d), named ``year=|month=|day=``, or one ISO/Chinese
    date text there."""
    if start == 1 and arg(node, "year"):
        y, m, d_ = (_int(arg(node, k)) for k in ("year", "month", "day"))
        try:
            return (dt.date(y, m or 1, d_ or 1), 1 + (m is not None) + (d_ is not None)) if y else (None, 0)
        except ValueError:
            return None, 0
    d = date_at(node, start)
    pos = positional(node)[start - 1:start + 2]
    if d is not None and not (len([v for v in pos if v.strip()]) == 1 and not pos[0].strip().isdigit()):
        return d, _parts(node, start)
    one = pos[0] if pos else ""
    m = re.fullmatch(r"\s*(\d{1,4})(?:[-/年](\d{1,2})(?:[-/月](\d{1,2})日?)?月?)?年?\s*", one)
    if not m:
        return None, 0
    y, mo, da = (int(g) if g else None for g in m.groups())
    try:
        return dt.date(y or 1, mo or 1, da or 1), 1 + (mo is not None) + (da is not None)
    except ValueError:
        return None, 0


@register("dates", "birth date and age", "start date and age", "bda", "出生日期和年龄", "birth date and age2")
def date_and_age(node: Template, ctx: RenderContext) -> str:
    """``{{Birth date and age|1950|6|25}}`` → 1950年6月25日（73岁）, the age at the build date;
    ``{{Start date and age}}`` → 1950年6月25日（73年前）."""
    d, parts = _date_or_text(node)
    if d is None:
        return written_date(node, ctx)
    years = ymwd(d, today())[0] if today() >= d else 0
    unit = "年前" if name_of(node).startswith("start") else "岁"
    return escape.text(f"{zh_date(d, parts)}（{years}{unit}）")


@register("dates", "bd", "birth-death", "生卒")
def bd(node: Template, ctx: RenderContext) -> str:
    """``{{bd|1916年|12月10日|1992年|8月1日}}`` → 1916年12月10日—1992年8月1日 (Template:Bd: 1 birth
    year, 2 birth day, 3 death year, 4 death day; missing parts left out, ``catIdx`` only sorts)."""
    values = [p.value for p in node.params if not p.showkey][:4]
    shown = [ctx.inline(v).strip() if str(v).strip() else "" for v in values] + ["", "", "", ""]
    born, died = "".join(shown[0:2]), "".join(shown[2:4])
    if not born and not died:
        return ""
    return f"{born}—{died}"


@register("dates", "death date and age", "死亡日期和年龄", "dda")
def death_date_and_age(node: Template, ctx: RenderContext) -> str:
    """``{{death date and age|1953|7|27|1875|3|26}}`` → 1953年7月27日（78岁）."""
    died, born = date_at(node, 1), date_at(node, 4)
    if died is None:
        return ""
    text = zh_date(died, _parts(node, 1))
    if born is not None:
        text += f"（{ymwd(born, died)[0]}岁）"
    return escape.text(text)


@register("dates", "birth year and age", "death year and age")
def year_and_age(node: Template, ctx: RenderContext) -> str:
    pos = positional(node) + ["", ""]
    if name_of(node).startswith("death") and pos[1].strip().isdigit() and pos[0].strip().isdigit():
        n = int(pos[0]) - int(pos[1])
        return escape.text(f"{pos[0].strip()}年（{n - 1}–{n}岁）")
    return escape.text(f"{pos[0].strip()}年") if pos[0].strip() else ""


#: Release regions of ``{{Vgrelease}}`` that are no country code: region → simplified name.
_REGIONS = {"NA": "北美", "EU": "欧洲", "PAL": "PAL地区", "WW": "全球", "INT": "国际", "AS": "亚洲",
            "AUS": "澳大利亚", "AU": "澳大利亚", "UK": "英国", "SEA": "东南亚", "ASI": "亚洲"}


@register("dates", "vgrelease", "video game release", "vgrelease new", "vgrtbl")
def vgrelease(node: Template, ctx: RenderContext) -> str:
    """``{{Vgrelease|JP|1985年9月13日|NA|1985年10月18日}}`` → 「日本：1985年9月13日」 and
    「北美：1985年10月18日」 on their own lines: region and date pairs (a region is a market
    such as NA/EU/WW, else a country code named by the country table and CLDR)."""
    from .countries import country_name, variant_text

    pos = [p for p in node.params if not p.showkey]
    keep = arg(node, "nocc").lower() in ("yes", "y", "1", "true")  # names as written, not converted
    lines = []
    for i in range(0, len(pos) - 1, 2):
        region, date = str(pos[i].value).strip(), pos[i + 1].value
        name = _REGIONS.get(region.upper()) or country_name(region) or region
        shown = variant_text(ctx, name) if ":" in name else escape.text(name)
        value = ctx.inline(date).strip()
        lines.append(f"{shown}：{M.noconv(value) if keep else value}")
    if len(pos) % 2 == 1:
        lines.append(ctx.inline(pos[-1].value).strip())
    return "<br>".join(x for x in lines if x)
