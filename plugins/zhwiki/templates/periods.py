"""Periods of events: date ranges and elapsed times in any units.

* ``{{Start and end dates|1789|5|5|1799|11|9}}`` → 1789年5月5日—1799年11月9日 (Template:Start and end
  dates; fewer parts written, fewer units shown), and the Chinese-named range ``{{開始結束}}``
  (Template:開始結束, the same four parameters as ``{{bd}}``: start year, start day, end year, end day).
* ``{{Age in months, weeks and days|month1=…|year2=…}}`` and every other ``Age in …`` template: the
  time between two dates (or to the build date) in the units its name lists, as dates.py counts
  them (calendar months; zero parts left out).
"""

from __future__ import annotations

import datetime as dt
import re

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from .dates import date_at, today, ymwd, zh_date
from .registry import PATTERNS, REGISTRY, Spec, alias, normalize, positional, register

alias("bd", "開始結束", "开始结束")


@register("dates", "start and end dates", "start and end date")
def start_and_end(node: Template, ctx: RenderContext) -> str:
    """``{{Start and end dates|1789|5|5|1799|11|9|df=yes}}`` → 1789年5月5日—1799年11月9日."""
    pos = positional(node)
    a, b = date_at(node, 1), date_at(node, 4)
    if a is None:
        return ""
    start = zh_date(a, sum(1 for v in pos[0:3] if v))
    if b is None:
        return escape.text(start + "—")
    return escape.text(f"{start}—{zh_date(b, sum(1 for v in pos[3:6] if v))}")


@register("dates", "start date and years ago", "end date and years ago")
def start_date_and_years_ago(node: Template, ctx: RenderContext) -> str:
    """``{{start date and years ago|df=yes|1789|04|30}}`` → 1789年4月30日（236年前）: the date, then the
    whole years from it to the build date."""
    pos = positional(node)
    a = date_at(node, 1)
    if a is None:
        return ""
    years = ymwd(a, today())[0]
    return escape.text(f"{zh_date(a, sum(1 for v in pos[0:3] if v))}（{years}年前）")


_UNITS = ("years", "months", "weeks", "days")
_AGE_NAME = re.compile(r"age in ((?:years|months|weeks|days)(?:(?:, | and |, and )(?:years|months|weeks|days))*)")


def elapsed(a: dt.date, b: dt.date, units: set[str]) -> str:
    """The time from *a* to *b* in *units* (a subset of years, months, weeks, days), as 「3年1个月2天」."""
    if b < a:
        a, b = b, a
    y, m, w, d = ymwd(a, b)
    if "years" not in units:
        m, y = m + 12 * y, 0
    if "months" not in units:
        # what the larger units leave, in days (from the anniversary when years are counted)
        start = a
        if y:
            start = dt.date(a.year + y, a.month, min(a.day, 28) if (a.month, a.day) == (2, 29) else a.day)
        d, w, m = (b - start).days, 0, 0
        w, d = divmod(d, 7)
    if "weeks" not in units:
        d, w = d + 7 * w, 0
    if "days" not in units:
        d = 0
    parts = [f"{n}{u}" for n, u in ((y, "年"), (m, "个月"), (w, "周"), (d, "天")) if n]
    return "".join(parts) or "0天"


@register("dates", "age in … (any units)")
def age_in_units(node: Template, ctx: RenderContext) -> str:
    """``{{Age in months, weeks and days|month1=05|day1=5|year1=1789|…}}`` → 127个月…: the units its name lists."""
    m = _AGE_NAME.fullmatch(normalize(str(node.name)))
    units = {u for u in _UNITS if m and u in m.group(1)}
    a, b = date_at(node, 1, 1), date_at(node, 4, 2)
    if a is None or not units:
        return ""
    return escape.text(elapsed(a, b or today(), units))


def _age_pattern(key: str) -> Spec | None:
    """Every ``Age in …`` name that dates.py does not handle itself."""
    return REGISTRY.get("age in … (any units)") if _AGE_NAME.fullmatch(normalize(key)) else None


PATTERNS.append(_age_pattern)
