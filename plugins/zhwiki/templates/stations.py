"""``{{Adjacent stations}}``: the stations before and after a station, line by line.

``{{Adjacent stations|system=…|line=JC中央線快速|left=武藏小金井|right=西國分寺|note-left=JC 15<br />2.3km|
note-mid=…}}``, or numbered groups ``line1``/``left1``/``right1`` … for a station on several lines.
zh.wikipedia draws a table of coloured bars; here each line is one line of text,
``line（note-mid）：上一站 left（note-left）；下一站 right（note-right）``, so that it reads the same in an
infobox cell and in running text.  Words are data (``data/stations.json``); ``system`` and
``type`` only choose colours and styles there and show nothing.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from .infobox import cell
from .registry import arg, arg_code, register


@lru_cache(maxsize=1)
def table() -> dict:
    """``data/stations.json``: template names and the words of a line of neighbours."""
    return json.loads(resources.files(__package__).joinpath("data", "stations.json").read_text(encoding="utf-8"))


def _groups(node: Template) -> list[str]:
    """The suffixes of the line groups a call gives (``""`` for unnumbered, ``"1"``, ``"2"`` …), in order."""
    found: list[str] = []
    for p in node.params:
        m = re.fullmatch(r"(?:line|left|right|to-left|to-right|note-left|note-mid|note-right)(\d*)", str(p.name).strip())
        if m and str(p.value).strip() and m.group(1) not in found:
            found.append(m.group(1))
    return sorted(found, key=lambda s: int(s or 0))


@register("formatting", *table()["names"])
def adjacent_stations(node: Template, ctx: RenderContext) -> str:
    """One line per line group: the line, then 上一站 … ；下一站 … with their notes."""
    words = table()
    lines = []
    for n in _groups(node):
        def part(key: str, n: str = n) -> str:
            return cell(ctx, arg_code(node, f"{key}{n}"))

        head = part("line")
        mid = part("note-mid")
        if mid:
            head = (head + words["note"].format(note=mid)) if head else mid
        sides = []
        for side in ("left", "right"):
            name = part(side) or part(f"to-{side}")
            if not name:
                continue
            note = part(f"note-{side}")
            sides.append(f"{words[side]} {name}" + (words["note"].format(note=note) if note else ""))
        text = words["separator"].join(sides)
        if head and text:
            lines.append(f"{head}：{text}")
        elif head or text:
            lines.append(head or text)
    return "<br>".join(lines)


@register("formatting", *table()["airport_codes"]["names"])
def airport_codes(node: Template, ctx: RenderContext) -> str:
    """``{{Airport codes|TPE|RCTP}}`` → IATA代码：TPE；ICAO代码：RCTP (a third code is the FAA's)."""
    words = table()["airport_codes"]
    parts = []
    for i, kind in enumerate(("iata", "icao", "faa"), start=1):
        code = arg(node, i)
        if code:
            parts.append(words[kind].format(code=escape.text(code)))
    return words["separator"].join(parts)
