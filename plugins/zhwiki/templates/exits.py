"""Exit and junction lists of roads: ``{{Start expwy exit box}}`` … ``{{End expwy exit box}}``.

zh.wikipedia writes an expressway's exits as a series of calls on lines of their own: a start
call that opens the table, one ``{{Expwy exit item|place=…|dist start=…|index=…|name=…|type=…|
highway connection=…|road connection=…|comment=…}}`` per exit, ``{{Expwy exit group|title}}``
for a stretch shared with another route, and an end call that closes the table.  The en-style
``{{Jcttop}}`` / ``{{Jctint}}`` / ``{{Jctbtm}}`` series works the same way.  Here the series is
folded into Markdown pipe tables (one per group, the group's title as a line above it), with the
columns that some item fills, so that every exit is a row; an item outside a series is a table of
one row.  Names, columns and type words are data (``data/exits.json``); this module holds the
structure.  A place given once with ``place rows = n`` covers the rows below it, as its rowspan
does on zh.wikipedia: it shows on its first row only.

The route-name templates in the cells (``{{China Expwy Name|S15|路段}}``, ``{{中国国道名|107|广深公路}}``)
show their code and the name given: ``S15 路段``, ``G107 广深公路``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from mwparserfromhell.nodes import Node, Template

from ..render import escape
from ..render.context import RenderContext
from .infobox import cell
from .registry import arg, arg_code, name_of, normalize, register, series


@lru_cache(maxsize=1)
def table() -> dict:
    """``data/exits.json``: template names, columns ``[key, heading, parameter names]``, type words, route prefixes."""
    return json.loads(resources.files(__package__).joinpath("data", "exits.json").read_text(encoding="utf-8"))


def _names(kind: str) -> frozenset[str]:
    return frozenset(normalize(n) for n in table()[kind])


def type_words(code: str) -> str:
    """``H`` → 枢纽互通; a code of several known letters joins their words (``EH`` → 出入口、枢纽互通);
    a code with an unknown letter shows nothing (its meaning is not in the table)."""
    types = table()["types"]
    code = code.strip()
    if code in types:
        return types[code]
    if code and all(c in types for c in code):
        return "、".join(types[c] for c in code)
    return ""


def _row(node: Template, ctx: RenderContext) -> dict[str, str]:
    """One item's cells by column key (IMD, empty when the item does not give it)."""
    data = table()
    out: dict[str, str] = {}
    for key, _, params in data["columns"]:
        if key == "type":
            out[key] = escape.text(type_words(arg(node, *params)))
            continue
        if key == "connection":
            parts = [cell(ctx, arg_code(node, p)) for p in params]
            out[key] = "<br>".join(x for x in parts if x.strip())
            continue
        out[key] = cell(ctx, arg_code(node, *params))
    alias = arg_code(node, "alias", "别名", "別名")
    if alias is not None and out.get("name"):
        out["name"] = data["alias_format"].format(name=out["name"], alias=cell(ctx, alias))
    return out


def _tables(groups: list[tuple[str, list[dict[str, str]]]]) -> str:
    """Pipe tables for *groups* (title IMD, rows); only the columns some row fills."""
    columns = table()["columns"]
    every = [r for _, rows in groups for r in rows]
    used = [(key, head) for key, head, _ in columns if any(r.get(key, "").strip() for r in every)]
    if not used:
        used = [("name", next(h for k, h, _ in columns if k == "name"))]
    lines = ['<div class="exit-list" markdown="1">', ""]
    for title, rows in groups:
        if title:
            lines += [f'<p class="exit-group" markdown="span"><b>{title}</b></p>', ""]
        if not rows:
            continue
        lines += ["| " + " | ".join(head for _, head in used) + " |", "|" + "---|" * len(used)]
        for r in rows:
            lines.append("| " + " | ".join(r.get(key, "") for key, _ in used) + " |")
        lines.append("")
    lines.append("</div>")
    return "\n".join(lines)


#: Normalised names of the calls that open a series (fold_adjacent checks them before anything else).
STARTS = frozenset(normalize(n) for n in table()["starts"])


def fold(nodes: list[Node], i: int, ctx: RenderContext) -> tuple[str, int] | None:
    """The series that starts at ``nodes[i]`` as one block; returns (IMD, index after its end call).

    Blank text between the calls is skipped; anything else (text, another template) ends the
    series there, and the rest renders as usual (a lone item is still a row of its own table).
    """
    items, groups_, ends = _names("items"), _names("groups"), _names("ends")
    node = nodes[i]
    if not isinstance(node, Template) or name_of(node) not in STARTS:
        return None
    groups: list[tuple[str, list[dict[str, str]]]] = [("", [])]
    calls, end, closed = series(nodes, i, lambda n: n in items or n in groups_, ends)
    for nd in calls:
        ctx.diag.template("formatting")
        if name_of(nd) in items:
            groups[-1][1].append(_row(nd, ctx))
        else:
            groups.append((cell(ctx, arg_code(nd, 1, "title", "text")), []))
    if closed:
        ctx.diag.template("formatting")
    ctx.diag.template("formatting")
    groups = [g for g in groups if g[0] or g[1]]
    if not groups:
        return "", end
    return ctx.stash_block(_tables(groups)), end


@register("formatting", *table()["items"])
def exit_item(node: Template, ctx: RenderContext) -> str:
    """An item outside a start … end series (or inside a hand-made table): a one-row table."""
    return ctx.stash_block(_tables([("", [_row(node, ctx)])]))


@register("formatting", *table()["groups"])
def exit_group(node: Template, ctx: RenderContext) -> str:
    """A group title outside a series: a bold line."""
    title = cell(ctx, arg_code(node, 1, "title", "text"))
    return ctx.stash_block(f'<p class="exit-group" markdown="span"><b>{title}</b></p>') if title else ""


@register("formatting", *table()["starts"], *table()["ends"])
def exit_frame(node: Template, ctx: RenderContext) -> str:
    """A start or end call on its own: the frame of a table, nothing to show."""
    return ""


@register("formatting", *table()["routes"])
def route_name(node: Template, ctx: RenderContext) -> str:
    """``{{China Expwy Name|G15|并行路段}}`` → ``G15 并行路段``; ``{{中国省道名|117|P=广东|开创大道}}`` → ``S117 开创大道``."""
    prefix = table()["routes"][name_of(node)]
    pos = [p for p in node.params if not p.showkey]
    code = str(pos[0].value).strip() if pos else ""
    if not code:
        return ""
    if prefix and not code.upper().startswith(prefix):
        code = prefix + code
    label = pos[1].value if len(pos) > 1 and str(pos[1].value).strip() else None  # later ones name the province
    text = escape.text(code)
    return text + (" " + ctx.inline(label).strip() if label is not None else "")
