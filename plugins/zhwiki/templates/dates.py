"""Date templates, computed at build time from the dates written in the article, never from today.

``{{Age in years, months, weeks and days|month1=06|day1=25|year1=1950|month2=07|day2=27|year2=1953}}``
shows 「3年1个月2天」 on zh.wikipedia (zero parts left out).  Templates that need the current date
(``{{age|1950|6|25}}`` with one date, ``{{birth date and age}}`` of a living person) would make the
edition change with the day it is built; they show the written date only and are reported.
"""

from __future__ import annotations

import datetime as dt

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from . import arg, name_of, positional, register


def _int(s: str) -> int | None:
    s = s.strip().lstrip("0") or ("0" if s.strip() else "")
    return int(s) if s.isdigit() else None


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


def _need_two(node: Template, ctx: RenderContext) -> str:
    ctx.defect("date needs today", f"{{{{{name_of(node)}}}}} with one date would depend on the build day; "
               "only the written date is shown", node)
    d = date_at(node, 1, 1)
    return escape.text(zh_date(d, _parts(node, 1))) if d else ""


@register("dates", "age in years, months, weeks and days", "age in years, months and days",
          "age in years and days", "age in years and months", "age in days", "age in weeks and days",
          "age in years, months, weeks, and days")
def age_ymwd(node: Template, ctx: RenderContext) -> str:
    a, b = date_at(node, 1, 1), date_at(node, 4, 2)
    if a is None or b is None:
        return _need_two(node, ctx)
    name = name_of(node)
    y, m, w, d = ymwd(a, b)
    if "weeks" not in name:
        d, w = d + 7 * w, 0
    if "months" not in name:
        if name == "age in days":
            return f"{(b - a).days}天"
        d = (b - dt.date(a.year + y, a.month, min(a.day, 28))).days if y else abs((b - a).days)
        m = w = 0
    parts = [f"{n}{u}" for n, u in ((y, "年"), (m, "个月"), (w, "周"), (d, "天")) if n]
    return "".join(parts) or "0天"


@register("dates", "age", "age nts", "years ago", "年龄", "年齡")
def age(node: Template, ctx: RenderContext) -> str:
    """``{{age|1950|6|25|1953|7|27}}`` → 3 (whole years between two written dates)."""
    a, b = date_at(node, 1), date_at(node, 4)
    if a is None or b is None:
        return _need_two(node, ctx)
    return str(ymwd(a, b)[0])


@register("dates", "start date", "end date", "birth date", "death date", "start-date", "dts", "date",
          "start date and age", "birth date and age", "film date")
def written_date(node: Template, ctx: RenderContext) -> str:
    """A date as zh.wikipedia writes it (1950年6月25日); ``… and age`` forms report the missing age."""
    d = date_at(node, 1)
    if d is None:
        raw = " ".join(v for v in positional(node) if v.strip())
        return escape.text(raw)
    text = zh_date(d, _parts(node, 1))
    if name_of(node).endswith("and age"):
        ctx.defect("date needs today", f"{{{{{name_of(node)}}}}}: the age would depend on the build day; "
                   "only the date is shown", node)
    return escape.text(text)


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
