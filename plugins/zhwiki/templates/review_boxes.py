"""Review boxes of albums and games, and the star rating inside them (data in
``data/review_boxes.json``).

* ``{{Album ratings|rev1=[http://… AllMusic]|rev1score={{Rating|4|5}}|…}}`` (also ``{{Music ratings}}``):
  a box titled 专业评价 with one row per review, the source and its score.
* ``{{Video game reviews|MC=61/100|IGN=5.8/10|…}}``: a box titled 评价, the aggregators' scores
  (汇总得分) then the publications' (评论得分), each under the site's name; the parameter codes
  (``GSpot``, ``Fam`` …) and the names they stand for are data.
* ``{{Rating|4|5}}`` → 4/5星, the text zh.wikipedia gives the star pictures.

The boxes float beside the text as the infoboxes do (infobox.py's box layout).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from . import infobox
from .registry import REGISTRY, arg, arg_code, name_of, register

DATA: dict = json.loads((Path(__file__).parent / "data" / "review_boxes.json").read_text(encoding="utf-8"))


def rating(node: Template, ctx: RenderContext) -> str:
    """``{{Rating|4|5}}`` → 4/5星; ``{{Rating|3.5|5}}`` → 3.5/5星 (a missing maximum is 5)."""
    score, top = arg(node, 1), arg(node, 2) or "5"
    if not score:
        return ""
    return escape.text(f"{score}/{top}{DATA['rating_unit']}")


def _box(ctx: RenderContext, node: Template, rows: list[tuple[str, str]]) -> str:
    if not rows:
        return ""
    title_code = arg_code(node, "title")
    title = infobox.cell(ctx, title_code) if title_code is not None else escape.text(DATA["titles"][name_of(node)])
    head = ['<div class="infobox infobox-reviews" markdown="1">', "",
            f'<p class="infobox-title" markdown="span">{title}</p>', ""]
    return infobox.box_markdown(ctx, head, [], rows)


def album_ratings(node: Template, ctx: RenderContext) -> str:
    """``{{Album ratings}}``: each ``revN`` source with its ``revNscore``, in number order."""
    nums = sorted({int(m.group(1)) for p in node.params if (m := re.fullmatch(r"rev(\d+)", str(p.name).strip(), re.I))})
    rows = []
    for n in nums:
        source = infobox.cell(ctx, arg_code(node, f"rev{n}", f"Rev{n}"))
        score = infobox.cell(ctx, arg_code(node, f"rev{n}score", f"rev{n}Score", f"Rev{n}score"))
        if source.strip() or score.strip():
            rows.append((source, score or "—"))
    return _box(ctx, node, rows)


def video_game_reviews(node: Template, ctx: RenderContext) -> str:
    """``{{Video game reviews}}``: the aggregators' scores, then the publications', under their names;
    custom rows (``rev1`` / ``rev1Score``) keep the name they give.  An unknown code is shown as
    written and reported."""
    aggregate, reviews = [], []
    for p in node.params:
        code = str(p.name).strip()
        if not p.showkey or not str(p.value).strip():
            continue
        if code in DATA["game_aggregators"]:
            aggregate.append((escape.text(DATA["game_aggregators"][code]), infobox.cell(ctx, p.value)))
        elif code in DATA["game_sites"]:
            reviews.append((escape.text(DATA["game_sites"][code]), infobox.cell(ctx, p.value)))
        elif m := re.fullmatch(r"rev(\d+)", code, re.I):
            reviews.append((infobox.cell(ctx, p.value), infobox.cell(ctx, arg_code(node, f"rev{m.group(1)}Score",
                                                                                       f"rev{m.group(1)}score"))))
        elif re.fullmatch(r"(?:rev\d+score|title|state|width|align|na|qualitative|subtitle|platforms?|uk|us|"
                          r"collapse|italic title|award\d*\w*)", code, re.I) is None:
            ctx.defect("review box", f"{{{{Video game reviews}}}}: unknown code {code}=; shown under its code", node)
            reviews.append((escape.text(code), infobox.cell(ctx, p.value)))
    rows: list[tuple[str, str]] = []
    if aggregate:
        rows += [(escape.text(DATA["aggregate_title"]), "")] + aggregate
    if reviews:
        rows += [(escape.text(DATA["review_title"]), "")] + reviews
    return _box(ctx, node, rows)


for _names, _fn in ((("rating",), rating), (("album ratings", "music ratings"), album_ratings),
                    (("video game reviews", "vg reviews"), video_game_reviews)):
    _free = [n for n in _names if n not in REGISTRY]
    if _free:
        register("infobox", *_free)(_fn)
