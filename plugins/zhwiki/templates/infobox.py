"""Infoboxes: ``{{Infobox Military Conflict}}`` as a summary box, and a generic fallback.

zh.wikipedia floats a table at the right of the lead: the conflict's name, the image with its
caption, 「冷战的一部分」, then 日期 / 地点 / 结果 or 状态 / 领土变更, then the two sides in two
columns (参战方, 指挥官与领导者, 参战单位, 兵力, 伤亡与损失).  Here the single-valued rows are a
definition list and the two sides one Markdown pipe table (label column + one column per side),
so that footnote and note markers inside every cell keep working: Python-Markdown does not
process Markdown inside raw ``<td>``.  Collapsible lists inside are shown open (closed
``<details>`` do not print).  A cell cannot hold block lists, so list lines become ``<br>``
lines with bullets and indentation by depth.
"""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Node, Tag, Template, Text
from mwparserfromhell.wikicode import Wikicode

from .. import markers as M
from ..render.context import RenderContext
from . import arg, arg_code, name_of, register
from .media import figure, file_name

ROWS = [
    ("date", "日期"), ("place", "地点"), ("location", "地点"), ("coordinates", "坐标"),
    ("status", "状态"), ("result", "结果"), ("territory", "领土变更"), ("action", "行动"),
    ("cause", "起因"), ("goal", "目的"), ("type", "类型"),
]
SIDE_ROWS = [("combatant", "参战方"), ("commander", "指挥官与领导者"), ("units", "参战单位"),
             ("strength", "兵力"), ("casualties", "伤亡与损失")]
_SIDE_RE = re.compile(r"^(combatant|commander|units|strength|casualties)(\d)([a-z]?)$")
_BR_RUN = re.compile(r"(?:\s*<br>\s*){2,}")


def _lines(code: Wikicode) -> list[list[Node]]:
    """The value's nodes grouped by source line (text nodes split at newlines)."""
    lines: list[list[Node]] = [[]]
    for nd in code.nodes:
        if isinstance(nd, Text) and "\n" in nd.value:
            for k, piece in enumerate(nd.value.split("\n")):
                if k:
                    lines.append([])
                if piece:
                    lines[-1].append(Text(piece))
        else:
            lines[-1].append(nd)
    return [ln for ln in lines if ln]


def cell(ctx: RenderContext, code: Wikicode | None) -> str:
    """One infobox value as a single line of IMD: source lines become ``<br>``, list items bullets."""
    if code is None:
        return ""
    out = []
    for line in _lines(code):
        prefix = ""
        first = line[0]
        if isinstance(first, Tag) and first.wiki_markup and first.wiki_markup[0] in "*#:;":
            markup = ""
            k = 0
            while k < len(line) and isinstance(line[k], Tag) and line[k].wiki_markup and line[k].wiki_markup[0] in "*#:;":
                markup += str(line[k].wiki_markup)
                k += 1
            line = line[k:]
            depth = len(markup)
            prefix = "&emsp;" * (depth - 1) + ("• " if markup[-1] in "*#" else "")
        text = ctx.inline(Wikicode(line)).strip()
        if text.replace(M.BREAK, "").strip():  # a line holding only a -{}- blocker is empty
            out.append(prefix + text)
    value = "<br>".join(out).replace("\n", " ")
    value = _BR_RUN.sub("<br>", value)
    value = re.sub(r"^(?:\s*<br>)+|(?:<br>\s*)+$", "", value)
    return value.replace("|", "&#124;")


def _title(ctx: RenderContext, node: Template, *keys: str) -> str:
    code = arg_code(node, *keys)
    return f'<p class="infobox-title" markdown="span">{cell(ctx, code)}</p>' if code is not None else ""


def _image(ctx: RenderContext, node: Template) -> str:
    image = arg(node, "image", "image_name", "img")
    if not image:
        return ""
    return figure(ctx, file_name(image), arg(node, "caption", "image_caption"), arg(node, "alt")).strip()


def _definitions(rows: list[tuple[str, str]]) -> list[str]:
    out = []
    for label, value in rows:
        out += [label, f":   {value}", ""]
    return out


@register("infobox", "infobox military conflict", "infobox war", "warbox", "infobox battle",
          "military conflict", "infobox military operation", "infobox conflict", "战争信息框", "戰爭資訊框")
def military_conflict(node: Template, ctx: RenderContext) -> str:
    lines = ['<div class="infobox infobox-conflict" markdown="1">', ""]
    title = _title(ctx, node, "conflict", "name")
    if title:
        lines += [title, ""]
    img = _image(ctx, node)
    if img:
        lines += [img, ""]
    partof = arg_code(node, "partof", "part of")
    if partof is not None:
        lines += [f'<p class="infobox-partof" markdown="span">{cell(ctx, partof)}的一部分</p>', ""]
    rows = []
    seen = set()
    for key, label in ROWS:
        if label in seen and key == "location":
            continue
        value = cell(ctx, arg_code(node, key))
        if value.strip():
            rows.append((label, value))
            seen.add(label)
    lines += _definitions(rows)
    sides = sorted({int(m.group(2)) for p in node.params
                    if (m := _SIDE_RE.match(str(p.name).strip())) and str(p.value).strip()})
    table = []
    for key, label in SIDE_ROWS:
        cells = []
        for s in sides:
            vals = [cell(ctx, arg_code(node, f"{key}{s}{suffix}")) for suffix in ("", "a", "b", "c", "d")]
            cells.append("<br>".join(v for v in vals if v.strip()))
        if any(c.strip() for c in cells):
            table.append(f"| **{label}** | " + " | ".join(cells) + " |")
            if len(table) == 1:
                table.append("|---|" + "---|" * len(sides))
    if table:
        lines += ['<div class="infobox-sides" markdown="1">', "", *table, "", "</div>", ""]
    notes = arg_code(node, "notes", "footnotes")
    if notes is not None:
        value = cell(ctx, notes)
        if value.strip():
            lines += [f'<p class="infobox-notes" markdown="span">{value}</p>', ""]
    if len(lines) == 2:
        return ""  # an infobox with no content shows nothing (zh.wikipedia shows an empty frame)
    lines.append("</div>")
    return ctx.stash_block("\n".join(lines))


#: Parameters of a generic infobox that are layout, not content.
_LAYOUT = re.compile(r"^(image|image_?size|imagesize|width|alt|caption|image_caption|img|embed|child|"
                     r"bodyclass|bodystyle|abovestyle|labelstyle|datastyle|style|float|align|map.*|pushpin.*|"
                     r"coordinates_.*|module\d*|signature.*|logo_size|flag_size)$", re.I)


#: zh.wikipedia's labels for parameters that many infoboxes share.
GENERIC_LABELS = {
    "birth date": "出生", "birth place": "出生地", "death date": "逝世", "death place": "逝世地",
    "nationality": "国籍", "occupation": "职业", "allegiance": "效忠", "branch": "军种", "rank": "军衔",
    "serviceyears": "服役时间", "service years": "服役时间", "battles": "参与战役", "awards": "获得奖项",
    "spouse": "配偶", "children": "子女", "party": "政党", "office": "职务", "term start": "任期开始",
    "term end": "任期结束", "predecessor": "前任", "successor": "继任", "capital": "首都",
    "population": "人口", "area": "面积", "established": "成立", "founded": "成立", "location": "位置",
    "country": "国家", "type": "类型", "date": "日期", "place": "地点", "result": "结果",
    "commander": "指挥官", "strength": "兵力", "casualties": "伤亡", "website": "网站",
}


@register("infobox", "infobox")
def generic(node: Template, ctx: RenderContext) -> str:
    """Any other infobox: title, image and every content parameter as a definition list.

    The labels are the parameter names (zh.wikipedia's own labels live in each infobox's
    template, which is not available offline); nothing the editors wrote is lost.
    """
    lines = [f'<div class="infobox infobox-{re.sub(r"[^a-z0-9]+", "-", name_of(node))}" markdown="1">', ""]
    title = _title(ctx, node, "name", "title", "conflict", "official_name", "common_name")
    if title:
        lines += [title, ""]
    img = _image(ctx, node)
    if img:
        lines += [img, ""]
    rows = []
    for p in node.params:
        key = str(p.name).strip()
        if not p.showkey or _LAYOUT.match(key) or key in ("name", "title", "official_name", "common_name"):
            continue
        value = cell(ctx, p.value)
        if value.strip():
            label = key.replace("_", " ")
            rows.append((GENERIC_LABELS.get(label.lower(), label), value))
    lines += _definitions(rows)
    if len(lines) == 2:
        return ""
    lines.append("</div>")
    return ctx.stash_block("\n".join(lines))
