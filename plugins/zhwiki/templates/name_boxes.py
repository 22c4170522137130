"""The region names box ``{{中文譯名}}`` and the ``{{Based on}}`` cell of film boxes
(data in ``data/name_boxes.json``).

``{{中文譯名|english=Gene Hackman|putonghua=吉恩·哈克曼|taiwan=金·哈克曼|hongkong=真·赫曼}}``
is a small box beside the lead listing the name each region uses; each name is shown as written
(never converted: 金·哈克曼 is Taiwan's form in every variant).

``{{Based on|《超人》|杰里·西格尔|乔·舒斯特}}`` (the 原著 row of a film box) shows the work, then
its authors on a line of their own (杰里·西格尔、乔·舒斯特著).

Boxes that sit in another box's ``module`` or ``Misc`` parameter (``{{Extra chronology}}`` of an
album, the crosstalk lineage module of an artist) are read as the generic infobox, so that their
rows join the outer box under the labels of its family.
"""

from __future__ import annotations

import json
from pathlib import Path

from mwparserfromhell.nodes import Template

from .. import markers as M
from ..render import escape
from ..render.context import RenderContext
from . import infobox
from .registry import ALIASES, REGISTRY, alias, arg_code, normalize, register

DATA: dict = json.loads((Path(__file__).parent / "data" / "name_boxes.json").read_text(encoding="utf-8"))


def region_names(node: Template, ctx: RenderContext) -> str:
    """``{{中文譯名}}``: one row per region that has a name, in the data's order."""
    rows = []
    for key, label in DATA["rows"]:
        code = arg_code(node, key)
        value = infobox.cell(ctx, code) if code is not None else ""
        if value.strip() and not any(label == r[0] for r in rows):
            rows.append((escape.text(label), M.noconv(value)))
    if not rows:
        return ""
    head = ['<div class="infobox infobox-region-names" markdown="1">', "",
            f'<p class="infobox-title" markdown="span">{escape.text(DATA["title"])}</p>', ""]
    return infobox.box_markdown(ctx, head, [], rows)


def based_on(node: Template, ctx: RenderContext) -> str:
    """``{{Based on|作品|作者1|作者2}}`` → 作品<br>作者1、作者2著."""
    parts = [infobox.cell(ctx, p.value) for p in node.params if not p.showkey]
    parts = [x for x in parts if x.strip()]
    if not parts:
        return ""
    work, authors = parts[0], parts[1:]
    if not authors:
        return work
    by = DATA["based_on"]["by"].replace("{authors}", DATA["based_on"]["separator"].join(authors))
    return f"{work}<br>{by}"


for _names, _fn in ((DATA["names"], region_names), (DATA["based_on"]["names"], based_on)):
    _free = [n for n in (normalize(x) for x in _names) if n not in REGISTRY]
    if _free:
        register("infobox", *_free)(_fn)

_generic = [n for n in (normalize(x) for x in DATA["generic_boxes"]) if n not in REGISTRY and n not in ALIASES]
if _generic:
    alias("infobox", *_generic)
