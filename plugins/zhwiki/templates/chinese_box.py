"""``{{Infobox Chinese}}``: a name in its scripts and romanisations, each field tagged by language.

zh.wikipedia's template (Template:Infobox Chinese) wraps every script field in its language:
繁体字 is ``zh-Hant``, 简化字 ``zh-Hans``, 日文 ``ja`` and so on, so that the variant converter
never touches them.  Here each field whose tag is not plain ``zh`` is wrapped in a no-convert
span (markers.noconv): 繁体字 shows the traditional form and 简化字 the simplified one in every
variant, and 日清戦争 stays Japanese.  Labels, tags and the group headers (中文名称, 日语名称 …)
are data: ``data/infobox/chinese.json``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from mwparserfromhell.nodes import Template

from .. import markers as M
from ..render.context import RenderContext
from . import infobox_data as D
from .infobox import EMBEDDED, cell, figure, file_name
from .registry import arg, arg_code, register


@lru_cache(maxsize=1)
def table() -> dict:
    """The parsed ``chinese.json``: ``fields`` (key → [label, tag, group]), ``groups``, ``title``, ``images``, ``captions``."""
    return json.loads(resources.files(__package__).joinpath("data", "infobox", "chinese.json").read_text(encoding="utf-8"))


def rows(node: Template, ctx: RenderContext) -> list[tuple[str, str]]:
    """(label, value IMD) rows of the box, in the table's order, with a header row per language group
    when more than one group is present (a header is a row whose value is empty)."""
    data = table()
    fields = data["fields"]
    given: dict[str, list[tuple[str, str]]] = {}
    for key, (label, tag, group) in fields.items():
        code = arg_code(node, key)
        if code is None:
            continue
        value = cell(ctx, code)
        if not value.strip():
            continue
        if tag != "zh":
            value = f'<span lang="{tag}">{M.noconv(value)}</span>'
        given.setdefault(group, []).append((label, value))
    out: list[tuple[str, str]] = []
    for group, header in data["groups"].items():
        if group not in given:
            continue
        if len(given) > 1:
            out.append((header, ""))
        out += given[group]
    known = (set(fields) | set(data["title"]) | set(data["images"]) | set(data["captions"])
             | set(data.get("options", [])))  # display options (``first=``) are no rows
    # a second (third …) name of the same thing: ``altname`` heads it, its fields end in 2 (3 …)
    for n in range(2, 6):
        head = arg_code(node, "altname" if n == 2 else f"altname{n - 1}")
        more = []
        for key, (label, tag, _group) in fields.items():
            code = arg_code(node, f"{key}{n}")
            value = cell(ctx, code) if code is not None else ""
            if value.strip():
                more.append((label, f'<span lang="{tag}">{M.noconv(value)}</span>' if tag != "zh" else value))
        known |= {f"{key}{n}" for key in fields} | {"altname" if n == 2 else f"altname{n - 1}"}
        if more:
            out.append((cell(ctx, head) if head is not None else "", ""))
            out += more
    # other languages by name: ``lang1 = 泰雅語`` with ``lang1_content = Mnka'``
    for n in range(1, 10):
        name, content = arg_code(node, f"lang{n}"), arg_code(node, f"lang{n}_content")
        known |= {f"lang{n}", f"lang{n}_content"}
        if name is not None and content is not None and str(content).strip():
            out.append((cell(ctx, name), f'<span lang="und">{M.noconv(cell(ctx, content))}</span>'))
    for p in node.params:
        k = str(p.name).strip()
        if p.showkey and k not in known and not D.is_layout(k) and str(p.value).strip():
            ctx.diag.unlabelled_param("infobox chinese", k)
            out.append((D.readable(k), cell(ctx, p.value)))
    return out


@register("infobox", "infobox chinese", "infobox chinese/chinese", "infobox chinese/japanese",
          "infobox chinese/korean", "infobox chinese/vietnamese", "infobox chinese/header", "infobox east asian",
          "中文名信息框", "中文名資訊框")
def infobox_chinese(node: Template, ctx: RenderContext) -> str:
    data = table()
    lines = ['<div class="infobox infobox-infobox-chinese" markdown="1">', ""]
    title = arg_code(node, *data["title"])
    if title is not None and cell(ctx, title).strip():
        lines += [f'<p class="infobox-title" markdown="span">{cell(ctx, title)}</p>', ""]
    image = arg(node, *data["images"])
    if image:
        lines += [figure(ctx, file_name(image), arg(node, *data["captions"]), arg(node, "alt")).strip(), ""]
    for label, value in rows(node, ctx):
        if value:
            lines += [label, f":   {value}", ""]
        else:
            lines += [f'<p class="infobox-header" markdown="span">{label}</p>', ""]
    if len(lines) == 2:
        return ""
    lines.append("</div>")
    return ctx.stash_block("\n".join(lines))


EMBEDDED[infobox_chinese] = rows
