"""Hatnotes and notices met in biographies and works (data in ``data/work_notices.json``).

* ``{{Not|X}}`` (and the other redirects listed) is zh.wikipedia's ``{{Distinguish}}``: 不要与X混淆。
* ``{{Main2|主题|页面}}`` → 关于主题的更多信息，请见「页面」。
* ``{{Correct title|X}}`` → a note giving the title the wiki cannot show.
* ``{{ja-icon}}``: the ``xx-icon`` spelling of the language labels (``{{ja icon}}``) → （日语）.
* ``{{Respell|BAY|sing-ər}}``: an English respelling of the pronunciation, stressed syllable in
  capitals, shown as written: BAY-sing-ər.
* Frames and editors' notices that carry no text of the article (``{{Navboxes colour}}``,
  ``{{Translating}}``, the ``{{Non-free …}}`` file tags, succession-box cells) show nothing, each
  listed in the data file with its reason.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from .hatnotes import _link, hatnote, join_zh
from .links import foreign, known_language, label
from .registry import ALIASES, PATTERNS, REGISTRY, Spec, alias, arg_code, normalize, register

DATA: dict = json.loads((Path(__file__).parent / "data" / "work_notices.json").read_text(encoding="utf-8"))


def _free(names) -> list[str]:
    return [n for n in (normalize(x) for x in names) if n not in REGISTRY and n not in ALIASES]


def main2(node: Template, ctx: RenderContext) -> str:
    """``{{Main2|主题|页面|…}}``: the topic, then the pages that tell more of it."""
    topic = arg_code(node, 1)
    pages = [str(p.value).strip() for p in node.params if not p.showkey and str(p.value).strip()][1:]
    if topic is None:
        return ""
    words = DATA["main2"]
    if not pages:  # ``{{Main2|页面}}``: only the page
        return hatnote(ctx, words["without_topic"].replace("{pages}", f"「{_link(ctx, str(topic).strip())}」"))
    shown = join_zh([f"「{_link(ctx, p)}」" for p in pages])
    return hatnote(ctx, words["with_topic"].replace("{topic}", ctx.inline(topic)).replace("{pages}", shown))


def correct_title(node: Template, ctx: RenderContext) -> str:
    """``{{Correct title|X}}`` (also ``title=``): the title the wiki cannot show, in a note."""
    title = arg_code(node, 1, "title")
    if title is None:
        return ""
    before, _, after = DATA["correct_title"]["text"].partition("{title}")
    return hatnote(ctx, escape.text(before) + ctx.inline(title) + escape.text(after))


def respell(node: Template, ctx: RenderContext) -> str:
    """``{{Respell|BAY|sing-ər}}`` → BAY-sing-ər (the syllables joined by hyphens, as written)."""
    parts = [str(p.value).strip().replace("_", " ") for p in node.params if not p.showkey and str(p.value).strip()]
    return f"<i>{foreign(escape.text('-'.join(parts)), 'en')}</i>" if parts else ""


def language_icon(node: Template, ctx: RenderContext) -> str:
    """``{{ja-icon}}`` → （日语）: the label of the language the name starts with."""
    return label(ctx, normalize(str(node.name)).rsplit("-icon", 1)[0])


def _drop(node: Template, ctx: RenderContext) -> str:
    return ""


for _target, _names in DATA["aliases"].items():
    if _free(_names):
        alias(_target, *_free(_names))
for _names, _fn in ((DATA["main2"]["names"], main2), (DATA["correct_title"]["names"], correct_title),
                    (["respell"], respell)):
    if _free(_names):
        register("hatnotes", *_free(_names))(_fn)
if _free(DATA["dropped"]):
    register("ignored", *_free(DATA["dropped"]))(_drop)
if _free(["language icon (xx-icon)"]):
    register("links", "language icon (xx-icon)")(language_icon)
if _free(["dropped notice (by prefix)"]):
    register("ignored", "dropped notice (by prefix)")(_drop)


def _pattern(key: str) -> Spec | None:
    k = normalize(key)
    m = re.fullmatch(r"([a-z]{2,3}(?:-[a-z]{2,4})?)-icon", k)
    if m and known_language(m.group(1)):
        return REGISTRY.get("language icon (xx-icon)")
    if k.startswith(tuple(DATA["dropped_prefixes"])):
        return REGISTRY.get("dropped notice (by prefix)")
    return None


PATTERNS.append(_pattern)
