"""``{{Episode list}}`` / ``{{Episode list/sublist}}``: one episode as one row of the article's table.

An article writes the header row of its episode table by hand (集数 | 标题 | 导演 | 编剧 | 播出日期)
and then one call per episode between ``|-`` lines; the template emits the row's cells in a fixed
order, a cell for each parameter the call defines (even when empty, so that columns stay
aligned), and the short summary as a full-width row under it.  The table renderer asks
:func:`rows` for the rows of such a call; outside a table a call is a small table of its own.
Cell order and names are data (``data/episodes.json``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from mwparserfromhell.nodes import Template

from ..render.context import RenderContext
from .infobox import cell
from .registry import name_of, normalize, register


@lru_cache(maxsize=1)
def table() -> dict:
    """``data/episodes.json``: template names, cell order, title extras, the summary parameter."""
    return json.loads(resources.files(__package__).joinpath("data", "episodes.json").read_text(encoding="utf-8"))


NAMES = frozenset(normalize(n) for n in table()["names"])


def rows(node: Template, ctx: RenderContext) -> list[str] | None:
    """The ``<tr>`` lines (HTML with Markdown cells) of an episode call; None when *node* is no episode call."""
    if name_of(node) not in NAMES:
        return None
    data = table()
    given = {str(p.name).strip(): p.value for p in node.params if p.showkey}
    cells = []
    for key in data["cells"]:
        if key not in given:
            continue
        text = cell(ctx, given[key])
        if key == "Title":
            extras = [cell(ctx, given[k]) for k in data["title_extras"] if k in given and str(given[k]).strip()]
            text = "<br>".join(x for x in [text, *extras] if x.strip())
        tag = "th" if key == "EpisodeNumber" else "td"
        cells.append(f'<{tag} markdown="span">{text}</{tag}>')
    out = ['<tr markdown="1">' + "".join(cells) + "</tr>"] if cells else []
    summary = given.get(data["summary"])
    if summary is not None and str(summary).strip():
        span = f' colspan="{len(cells)}"' if len(cells) > 1 else ""
        out.append(f'<tr markdown="1"><td{span} markdown="span">{cell(ctx, summary)}</td></tr>')
    return out


@register("formatting", *table()["names"])
def episode(node: Template, ctx: RenderContext) -> str:
    """An episode call outside a table: its row(s) as a small table of their own."""
    lines = rows(node, ctx) or []
    if not lines:
        return ""
    return ctx.stash_block("\n".join(['<table markdown="1">', *lines, "</table>"]))
