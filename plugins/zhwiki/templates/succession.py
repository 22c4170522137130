"""Succession boxes: the ``{{start box}}`` … ``{{end box}}`` series as one table, and the rows
without a person (``{{s-new}}``, ``{{s-inc}}``, ``{{s-vacant}}``, ``{{s-none}}``).

zh.wikipedia's 「要职承续」 boxes are a table opened by ``{{start box}}`` (or ``{{s-start}}``): one row
per office from ``{{s-bef}}`` (前任), ``{{s-ttl}}`` (职位, with the years) and ``{{s-aft}}`` (继任), and
header rows written as raw table lines between them (``|colspan="3"|'''[[行政院]]'''``).  The series
is read as a whole: a table 前任 | 职位 | 继任, each header line a row of its own, so that no table
markup reaches a reader.  A series also says that a post was newly created (``{{s-new}}`` → 新设立),
is still held (``{{s-inc}}`` → 现任), stood vacant (``{{s-vacant|next=趙守博}}`` → 空缺（继任：趙守博）)
or ended (``{{s-none|職位廢除|省虛級化}}`` → 職位廢除（省虛級化）).  Alone, outside a series, each part
is a short line (lists.py and below).  Words in ``data/succession.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import mwparserfromhell
from mwparserfromhell.nodes import Node, Template, Text

from ..render.context import RenderContext
from .lists import cell, table
from .registry import arg_code, name_of, register

WORDS: dict[str, str] = json.loads((Path(__file__).parent / "data" / "succession.json").read_text(encoding="utf-8"))

#: Calls that open and close a series, and the frame calls inside it that have no text of their own.
STARTS = frozenset({"start box", "s-start", "succession box start"})
ENDS = frozenset({"end box", "s-end", "succession box end"})
_FRAMES = frozenset({"s-gov", "s-ppo", "s-off", "s-par", "s-mil", "s-rel", "s-reg", "s-sports", "s-break", "s-aca",
                     "s-hou", "s-hon", "s-bus", "s-dip", "s-fam", "s-legal", "s-media", "s-npo", "s-other", "s-roy",
                     "s-jud", "s-edu", "s-mil-awards", "s-note", "s-hereditary", "s-ach", "s-civ", "s-culture"})
#: The side of a row each call fills ("either": the after side once the row has a title, else the before side).
_PARTS = {"s-bef": "before", "s-before": "before", "s-ttl": "title", "s-title": "title", "s-aft": "after",
          "s-after": "after", "s-new": "before", "s-inc": "after", "s-vacant": "either", "s-vac": "either",
          "s-none": "either", "s-non": "either"}
#: Longest series read as one table (a missing end box must not swallow the rest of a page).
_MAX_NODES = 2000


def _line(ctx: RenderContext, text: str) -> str:
    return ctx.stash_block(f'<p class="succession" markdown="span">{text}</p>') if text else ""


def _reason(ctx: RenderContext, node: Template, *names: str | int) -> str:
    return "".join(f"（{v}）" for n in names if (v := cell(ctx, arg_code(node, n))))


def _vacant(ctx: RenderContext, node: Template) -> str:
    words = table()["succession"]
    text = WORDS["vacant"] + _reason(ctx, node, 1, "reason")
    for key, word in (("last", words["before"]), ("next", words["after"])):
        who = cell(ctx, arg_code(node, key))
        if who:
            text += f"（{word}：{who}）"
    return text


def _none(ctx: RenderContext, node: Template) -> str:
    first = cell(ctx, arg_code(node, 1))
    return (first or WORDS["none"]) + _reason(ctx, node, 2, "reason")


@register("formatting", "s-new")
def s_new(node: Template, ctx: RenderContext) -> str:
    """``{{s-new|reason=}}`` → 前任：新设立 (the reason after it)."""
    return _line(ctx, f"{table()['succession']['before']}：{WORDS['new']}" + _reason(ctx, node, "reason", 1))


@register("formatting", "s-inc")
def s_inc(node: Template, ctx: RenderContext) -> str:
    """``{{s-inc}}`` → 继任：现任."""
    return _line(ctx, f"{table()['succession']['after']}：{WORDS['incumbent']}" + _reason(ctx, node, "recent", 1))


@register("formatting", "s-vacant", "s-vac")
def s_vacant(node: Template, ctx: RenderContext) -> str:
    """``{{s-vacant|reason|last=甲|next=乙}}`` → 空缺（理由）（前任：甲）（继任：乙）."""
    return _line(ctx, _vacant(ctx, node))


@register("formatting", "s-none", "s-non")
def s_none(node: Template, ctx: RenderContext) -> str:
    """``{{s-none|職位廢除|省虛級化}}`` → 職位廢除（省虛級化）; with no text, 无."""
    return _line(ctx, _none(ctx, node))


def _part_text(node: Template, ctx: RenderContext) -> str:
    """The cell of one part call: the person, the office with its years, or the row's words."""
    n = name_of(node)
    if n in ("s-ttl", "s-title"):
        title = cell(ctx, arg_code(node, "title", 1))
        years = cell(ctx, arg_code(node, "years", 2))
        return title + (f"（{years}）" if years else "")
    if n in ("s-bef", "s-before"):
        return cell(ctx, arg_code(node, "before", 1))
    if n in ("s-aft", "s-after"):
        return cell(ctx, arg_code(node, "after", 1))
    if n == "s-new":
        return WORDS["new"] + _reason(ctx, node, "reason", 1)
    if n == "s-inc":
        return WORDS["incumbent"] + _reason(ctx, node, "recent", 1)
    if n in ("s-vacant", "s-vac"):
        return _vacant(ctx, node)
    return _none(ctx, node)


def _header_lines(ctx: RenderContext, wikitext: str) -> list[str]:
    """The text of the raw table lines between the calls (``|colspan="3"|'''甲'''`` → 甲); row and
    table delimiters (``|-``, ``{|``, ``|}``) have no text."""
    out = []
    for line in wikitext.split("\n"):
        t = line.strip()
        if not t or t.startswith(("|-", "{|", "|}")) or t in ("|", "!"):
            continue
        if t[0] in "|!":
            code = mwparserfromhell.parse(t[1:].lstrip("+"))
            # the attributes end at the last top-level 「|」 (``colspan="3" style=…|text``)
            tops = [k for k, nd in enumerate(code.nodes) if isinstance(nd, Text) and "|" in nd.value]
            if tops:
                k = tops[-1]
                t = code.nodes[k].value.rsplit("|", 1)[1] + "".join(str(nd) for nd in code.nodes[k + 1:])
            else:
                t = str(code)
        text = ctx.inline(mwparserfromhell.parse(t)).strip()
        if text:
            out.append(text)
    return out


def fold(nodes: list[Node], i: int, ctx: RenderContext) -> tuple[str, int] | None:
    """The series from ``nodes[i]`` (a ``{{start box}}``) to its ``{{end box}}`` as one table; returns
    (IMD, index after the end call), or None when no end call follows (each call then renders alone)."""
    end = next((j for j in range(i + 1, min(len(nodes), i + _MAX_NODES))
                if isinstance(nodes[j], Template) and name_of(nodes[j]) in ENDS), None)
    if end is None:
        return None
    words = table()["succession"]
    rows: list[tuple[str, str, str] | str] = []
    row: dict[str, str] = {}
    buffer: list[str] = []

    def flush() -> None:
        if row:
            rows.append((row.get("before", ""), row.get("title", ""), row.get("after", "")))
            row.clear()

    def headers() -> None:
        lines = _header_lines(ctx, "".join(buffer))
        buffer.clear()
        if lines:
            flush()
            rows.extend(lines)

    for nd in nodes[i + 1:end]:
        n = name_of(nd) if isinstance(nd, Template) else ""
        if n in _PARTS:
            headers()
            ctx.diag.template("formatting")
            part, text = _PARTS[n], _part_text(nd, ctx)
            if part == "either":
                part = "after" if "title" in row else "before"
            if (part == "before" and row) or (part == "title" and "title" in row):
                flush()
            row[part] = text
            if part == "after":
                flush()
        elif n in _FRAMES:
            ctx.diag.template("ignored")
        else:
            buffer.append(str(nd))
    headers()
    flush()
    ctx.diag.template("formatting")
    if not rows:
        return "", end + 1
    md = [f"| {words['before']} | {words['title']} | {words['after']} |", "|---|---|---|"]
    for r in rows:
        md.append(f"|   | {r} |   |" if isinstance(r, str) else "| " + " | ".join(c or " " for c in r) + " |")
    return ctx.stash_block('<div class="succession" markdown="1">\n\n' + "\n".join(md) + "\n\n</div>"), end + 1
