"""Athletes' medal records and tournament-level badges (data in ``data/sport_records.json``).

zh.wikipedia writes an athlete's medal record as a table of row templates, either inside the
infobox (``medaltemplates = {{MedalSport|女子排球}}{{MedalCountry|{{CHN}}}}…``) or on its own
between ``{{MedalTableTop}}`` and ``{{MedalBottom}}``:

* ``{{MedalSport|女子排球}}``, ``{{MedalCountry|{{CHN}}}}`` (代表中国) and
  ``{{MedalCompetition|奥林匹克运动会}}`` are header rows;
* ``{{MedalGold|2008年 北京|女子}}`` (and Silver, Bronze, ``{{Medal|W|…}}`` with a code) is a
  medal row: the medal, then the games and the event.

Here a header row is bold text and a medal row reads ``铜牌：2008年 北京（女子）``; each row is a
line of its own (a ``<br>`` line in the infobox cell, or a line of the lead when the table stands
alone).  ``{{BWFIS}}`` and its siblings name the level of a badminton tournament in a results table
(国际系列赛).  Every name of the family comes from the data file: handlers hold structure only.
"""

from __future__ import annotations

import json
from pathlib import Path

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from .registry import arg, arg_code, name_of, register_exact, register_missing

#: The family's names and labels (see the data file's ``_about``).
DATA: dict = json.loads((Path(__file__).parent / "data" / "sport_records.json").read_text(encoding="utf-8"))


def _line(ctx: RenderContext, text: str) -> str:
    """A row as its own line: inside another template (an infobox cell) the cell breaks the source
    lines; a table standing alone in the text gets an explicit line break."""
    if not text:
        return ""
    return text if len(ctx.template_stack) > 1 else text + "<br>"


def table_top(node: Template, ctx: RenderContext) -> str:
    """``{{MedalTableTop}}``: the table's title line (奖牌记录); ``{{MedalBottom}}`` shows nothing."""
    if name_of(node) in DATA["close"]:
        return ""
    return _line(ctx, f"<b>{escape.text(DATA['title'])}</b>")


def header(node: Template, ctx: RenderContext) -> str:
    """``{{MedalSport|女子排球}}`` / ``{{MedalCountry|{{CHN}}}}`` / ``{{MedalCompetition|…}}``: a bold header row."""
    code = arg_code(node, 1)
    inner = ctx.inline(code).strip() if code is not None else ""
    if not inner:
        return ""
    before, _, after = DATA["headers"][name_of(node)].partition("{1}")
    return _line(ctx, f"<b>{escape.text(before)}{inner}{escape.text(after)}</b>")


def _medal_row(ctx: RenderContext, label: str, where, what) -> str:
    games = ctx.inline(where).strip() if where is not None else ""
    event = ctx.inline(what).strip() if what is not None else ""
    body = f"{games}（{event}）" if games and event else games or event
    if not label:
        return _line(ctx, body)
    return _line(ctx, f"{escape.text(label)}：{body}" if body else escape.text(label))


def medal(node: Template, ctx: RenderContext) -> str:
    """``{{MedalGold|2008年 北京|女子}}`` → 金牌：2008年 北京（女子）."""
    return _medal_row(ctx, DATA["medals"][name_of(node)], arg_code(node, 1), arg_code(node, 2))


def coded_medal(node: Template, ctx: RenderContext) -> str:
    """``{{Medal|W|2010年 广州|团体}}``: the first argument is the medal's code (W/S/B, 1/2/3 …).
    An unknown code is reported and the row shows without a medal word."""
    code = arg(node, 1).lower()
    label = DATA["medal_codes"].get(code)
    if label is None:
        ctx.defect("medal code", f"{{{{Medal|{arg(node, 1)}|…}}}}: unknown medal code; the row is shown without it", node)
        label = ""
    return _medal_row(ctx, label, arg_code(node, 2), arg_code(node, 3))


def level(node: Template, ctx: RenderContext) -> str:
    """``{{BWFIS}}`` → 国际系列赛: the level of a badminton tournament, as its results table names it."""
    return escape.text(DATA["levels"][str(node.name).strip()])


register_missing("formatting", [*DATA["open"], *DATA["close"]], table_top)
register_missing("formatting", list(DATA["headers"]), header)
register_missing("formatting", list(DATA["medals"]), medal)
register_missing("formatting", ["medal"], coded_medal)
register_exact("formatting", *DATA["levels"])(level)
