"""Lists and tables built from templates: ``{{Tracklist}}``, status cells, succession boxes.

* ``{{Tracklist}}`` (曲目列表): a numbered table with the columns the call fills (曲目, 作词,
  作曲, 词曲, 编曲, the ``extra_column``, 时长); ``all_lyrics`` / ``all_music`` as a line above
  it; the total length (``total_length``, or the sum of the lengths when every track has one).
* status cells of award and comparison tables (``{{won}}`` 获奖, ``{{nom}}`` 提名, ``{{N/A}}``
  不适用, ``{{yes}}``, ``{{partial}}`` …, ``{{Version|o|1.0}}``): their words (or the text the
  call gives) in a span with a class for the colour (``status status-won``).
* ``{{succession box}}`` as a small table 前任 / 职位 / 继任; the ``{{s-bef}}`` / ``{{s-ttl}}`` /
  ``{{s-aft}}`` series as one line each, their frame templates as nothing.

Words, column names and classes are data: ``data/lists.json``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from mwparserfromhell.nodes import Template

from .. import markers as M
from ..render import escape
from ..render.context import RenderContext
from .infobox import cell
from .registry import arg, arg_code, name_of, normalize, positional, register, register_missing


@lru_cache(maxsize=1)
def table() -> dict:
    """The parsed ``lists.json`` (tracklist, status, version, succession)."""
    return json.loads(resources.files(__package__).joinpath("data", "lists.json").read_text(encoding="utf-8"))


_LENGTH = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})$")


def seconds(length: str) -> int | None:
    """``4:05`` → 245, ``1:02:03`` → 3723; None when the text is not a length."""
    m = _LENGTH.match(length.strip())
    if not m:
        return None
    return int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + int(m.group(3))


def clock(total: int) -> str:
    """245 → ``4:05``; 3723 → ``1:02:03``."""
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


@register("formatting", "tracklist", "track listing", "曲目列表", "曲目", "tracklisting")
def tracklist(node: Template, ctx: RenderContext) -> str:
    words = table()["tracklist"]
    nums = sorted({int(m.group(1)) for p in node.params if (m := re.fullmatch(r"title(\d+)", str(p.name).strip()))})
    columns = [("lyrics", ("lyrics",)), ("music", ("music",)), ("writer", ("writer",)),
               ("arranger", ("arranger", "arrange", "arrangement")), ("producer", ("producer",)), ("extra", ("extra",))]
    used = [(key, names) for key, names in columns
            if any(arg(node, *[f"{n}{i}" for n in names]) for i in nums)]
    lines = ['<div class="tracklist" markdown="1">', ""]
    headline = arg_code(node, "headline")
    if headline is not None and cell(ctx, headline).strip():
        lines += [f'<p class="tracklist-headline" markdown="span"><b>{cell(ctx, headline)}</b></p>', ""]
    credits = []
    for key in ("all_writing", "all_lyrics", "all_music", "all_arranger", "all_producer"):
        code = arg_code(node, key, key.replace("arranger", "arrangement"))
        if code is not None and cell(ctx, code).strip():
            credits.append(f"{words[key]}：{cell(ctx, code)}")
    if credits:
        lines += [f'<p class="tracklist-credits" markdown="span">{"；".join(credits)}</p>', ""]
    if nums:
        extra_name = cell(ctx, arg_code(node, "extra_column")) or "备注"
        heads = [words["number"], words["title"]] + [extra_name if k == "extra" else words[k] for k, _ in used]
        heads.append(words["length"])
        lines += ["| " + " | ".join(heads) + " |", "|---:|" + "---|" * (len(heads) - 2) + "---:|"]
        total = 0
        all_timed = True
        for i in nums:
            title = cell(ctx, arg_code(node, f"title{i}"))
            note = arg_code(node, f"note{i}")
            if note is not None and cell(ctx, note).strip():
                title += f"（{cell(ctx, note)}）"
            row = [f"{i}.", title] + [cell(ctx, arg_code(node, *[f"{n}{i}" for n in names])) for _, names in used]
            length = arg(node, f"length{i}")
            secs = seconds(length)
            if secs is None:
                all_timed = False
            else:
                total += secs
            row.append(cell(ctx, arg_code(node, f"length{i}")))
            lines.append("| " + " | ".join(row) + " |")
        given = arg_code(node, "total_length")
        shown = cell(ctx, given) if given is not None and cell(ctx, given).strip() else (clock(total) if all_timed and total else "")
        if shown:
            lines.append("| | " + " | " * len(used) + f"**{words['total']}** | **{shown}** |")
    lines += ["", "</div>"]
    if not nums and len(lines) == 4:
        return ""
    return ctx.stash_block("\n".join(lines))


def status_cell(node: Template, ctx: RenderContext) -> str:
    """A status cell: the template's words (or the text given as its first parameter) with a class."""
    words, cls = table()["status"][name_of(node)]
    given = arg_code(node, 1, "text")
    text = ctx.inline(given) if given is not None and str(given).strip() else escape.text(words)
    return f'<span class="status status-{cls}">{text}</span>'


def version(node: Template, ctx: RenderContext) -> str:
    """``{{Version|o|1.0}}`` → the version number, classed and titled by its state (旧版本 …)."""
    pos = positional(node)
    state = pos[0].lower() if pos else "t"
    number = pos[1] if len(pos) > 1 else ""
    if not number:
        return ""
    title, cls = table()["version"].get(state, ("", "version-plain"))
    t = f' title="{escape.attr(title)}"' if title else ""
    return f'<span class="version {cls}"{t}>{escape.text(number)}</span>'


# ``{{no}}`` is a language label elsewhere (links.py); names another family has claimed stay theirs.
register_missing("formatting", list(table()["status"]), status_cell)
register_missing("formatting", ["version"], version)


@register("formatting", "succession box", "s-box", "succession")
def succession_box(node: Template, ctx: RenderContext) -> str:
    """``{{succession box|title=|years=|before=|after=}}`` → a small table 前任 | 职位 | 继任."""
    words = table()["succession"]
    title = cell(ctx, arg_code(node, "title"))
    years = cell(ctx, arg_code(node, "years"))
    middle = title + (f"<br>{years}" if years else "")
    before, after = cell(ctx, arg_code(node, "before")), cell(ctx, arg_code(node, "after"))
    if not (middle or before or after):
        return ""
    rows = [f"| {words['before']} | {words['title']} | {words['after']} |", "|---|---|---|", f"| {before} | {middle} | {after} |"]
    return ctx.stash_block('<div class="succession" markdown="1">\n\n' + "\n".join(rows) + "\n\n</div>")


@register("formatting", "年号", "年號")
def era_succession(node: Template, ctx: RenderContext) -> str:
    """``{{年号|前一年号|年号（时期）|后一年号}}`` → a small table 前一年号 | 年号 | 后一年号."""
    words = table()["era_succession"]
    before, middle, after = (cell(ctx, arg_code(node, i)) for i in (1, 2, 3))
    if not (middle or before or after):
        return ""
    rows = [f"| {words['before']} | {words['title']} | {words['after']} |", "|---|---|---|",
            f"| {before} | {middle} | {after} |"]
    return ctx.stash_block('<div class="succession" markdown="1">\n\n' + "\n".join(rows) + "\n\n</div>")


#: The part each name of the series is (the long names are redirects on zh.wikipedia).
SUCCESSION_PARTS = {"s-bef": "before", "s-before": "before", "s-aft": "after", "s-after": "after",
                    "s-ttl": "title", "s-title": "title"}


@register("formatting", *SUCCESSION_PARTS)
def succession_part(node: Template, ctx: RenderContext) -> str:
    """One part of an ``{{s-start}}`` … ``{{s-end}}`` series, as a short line."""
    words = table()["succession"]
    part = SUCCESSION_PARTS[name_of(node)]
    if part == "title":
        title = cell(ctx, arg_code(node, "title", 1))
        years = cell(ctx, arg_code(node, "years", 2))
        text = title + (f"（{years}）" if years else "")
    else:
        who = cell(ctx, arg_code(node, part, 1))
        text = f"{words[part]}：{who}" if who else ""
    return ctx.stash_block(f'<p class="succession" markdown="span">{text}</p>') if text else ""


@register("formatting", "各地中文名", "各地中文名称", "各地中文名稱")
def regional_names(node: Template, ctx: RenderContext) -> str:
    """``{{各地中文名|zh-tw=比特幣|zh-cn=比特币}}``: a small box of the name used in each region, each
    name as written there (never converted)."""
    from .infobox import box_markdown

    data = table()["regional_names"]
    rows = []
    for code, region in data["regions"].items():
        value = arg_code(node, code)
        if value is not None and str(value).strip():
            rows.append((escape.text(region), M.noconv(ctx.inline(value))))
    head = ['<div class="infobox infobox-regional-names" markdown="1">', "",
            f'<p class="infobox-title" markdown="span">{escape.text(data["title"])}</p>', ""]
    return box_markdown(ctx, head, [], rows)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _climate_table(ctx: RenderContext, title: str, rows: list[tuple[str, list[str]]], year: bool, source,
                   rendered: bool = False) -> str:
    data = table()["weather_box"]
    heads = [f"{m}月" for m in range(1, 13)] + ([data["year"]] if year else [])
    lines = [f"**{title}**", "", "| " + " | ".join([data["month_head"], *heads]) + " |",
             "|---" * (len(heads) + 1) + "|"]
    for label, cells in rows:
        shown = cells if rendered else [escape.text(c) for c in cells]  # rendered: IMD of each cell already
        lines.append("| " + " | ".join([escape.text(label), *shown]) + " |")
    if source is not None and str(source).strip():
        lines += ["", escape.text(data["source"]) + ctx.inline(source)]
    return ctx.stash_block("\n".join(lines))


@register("formatting", "weather box", "weatherbox", "气候数据框", "氣候數據框")
def weather_box(node: Template, ctx: RenderContext) -> str:
    """``{{Weather box|location=…|Jan high C=19.6|…}}``: a table of months by rows (highs, means,
    lows, precipitation, sunshine …), each row only when the box gives it."""
    data = table()["weather_box"]
    given = {normalize(str(p.name)): str(p.value).strip() for p in node.params if p.showkey}
    codes = {normalize(str(p.name)): p.value for p in node.params if p.showkey}
    rows = []
    has_year = False
    known = [(key, label) for key, label in data["rows"]]
    listed = {normalize(k) for k, _ in known}
    month_re = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|year) (.+)$")
    for k in given:  # a month row the table does not list still shows, under its own name
        m = month_re.match(k)
        if m and m.group(1) not in listed and given[k]:
            listed.add(m.group(1))
            known.append((m.group(1), m.group(1)))
            ctx.diag.unlabelled_param("weather box", m.group(1))
    for key, label in known:
        names = [normalize(f"{m} {key}") for m in _MONTHS] + [normalize(f"year {key}")]
        if any(given.get(n) for n in names):
            cells = [cell(ctx, codes[n]) if given.get(n) else "" for n in names]  # refs and templates render
            rows.append((label, cells))
            has_year = has_year or bool(cells[-1])
    if not rows:
        return ""
    if not has_year:
        rows = [(label, cells[:12]) for label, cells in rows]
    location = arg(node, "location")
    title = data["title"].replace("{location}", location) if location else data["title"].replace("{location}", "")
    return _climate_table(ctx, title, rows, has_year, arg_code(node, "source 1", "source"), rendered=True)


@register("formatting", "climate chart", "climatechart", "气候图表", "氣候圖表")
def climate_chart(node: Template, ctx: RenderContext) -> str:
    """``{{climate chart|地点|最低|最高|降水 × 12|source=…}}``: the chart's numbers as a table."""
    data = table()["weather_box"]
    pos = [str(p.value).strip() for p in node.params if not p.showkey]
    if len(pos) < 37:
        return ""
    nums = pos[1:37]
    rows = [(label, [nums[3 * m + i] for m in range(12)]) for i, label in enumerate(data["chart_rows"])]
    title = data["title"].replace("{location}", pos[0])
    return _climate_table(ctx, title, rows, False, arg_code(node, "source"))
