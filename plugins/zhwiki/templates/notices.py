"""Notices of history, politics and event articles: ``{{Current warfare}}``, ``{{Blpsources}}``,
``{{Untranslated-jargon}}``, the ``{{Redirect-multi}}`` hatnote, and bot directives.

The notices are shown as maintenance.py shows a single cleanup notice (the issue in words); their
words live in ``data/notices.json``, beside the names of markers that are other names of ones
already handled (``{{請求來源}}`` = ``{{来源请求}}``) and of directives with no text for readers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from . import hatnotes
from .maintenance import banner
from .registry import REGISTRY, alias, arg, arg_code, normalize, register

_DATA: dict[str, Any] = json.loads((Path(__file__).parent / "data" / "notices.json").read_text(encoding="utf-8"))
#: Notice name (normalised) → the issue in words.
ISSUES: dict[str, str] = _DATA["issues"]


def notice(node: Template, ctx: RenderContext) -> str:
    """``{{Current warfare}}`` → a notice 「本条目内容涉及正在进行的战争」, as a cleanup notice."""
    return banner(ctx, "本条目" + ISSUES[normalize(str(node.name))], "请协助改善本条目或在讨论页针对议题发表看法。")


register("maintenance", *(n for n in ISSUES if n not in REGISTRY))(notice)
for _target, _names in _DATA["aliases"].items():
    alias(_target, *_names)


@register("ignored", *_DATA["silent"])
def directive(node: Template, ctx: RenderContext) -> str:
    """A directive for bots or editors (``{{cbignore}}``): nothing for readers."""
    return ""


@register("hatnotes", "redirect-multi", "redirect multi")
def redirect_multi(node: Template, ctx: RenderContext) -> str:
    """``{{Redirect-multi|2|國民黨|KMT|用法|页面|…}}`` → 「國民黨」和「KMT」重定向至此。关于用法，请见「页面」。

    Parameter 1 counts the redirect names that follow; then come (use, page) pairs as in
    ``{{Redirect}}``, a missing page being the first name's disambiguation page."""
    try:
        count = max(1, int(arg(node, 1) or "1"))
    except ValueError:
        count = 1
    names = [arg(node, 2 + i) for i in range(count)]
    names = [n for n in names if n]
    if not names:
        return ""
    text = "和".join(f"「{escape.text(n)}」" for n in names) + "重定向至此。"
    k = 2 + count
    last = max((int(str(p.name).strip()) for p in node.params if str(p.name).strip().isdigit()), default=0)
    if k > last:
        target = names[0] + " (消歧义)"
        return hatnotes.hatnote(ctx, text + f"关于其他用法，请见「{hatnotes._link(ctx, target)}」。")
    while k <= last:
        use, page = arg_code(node, k), arg(node, k + 1)
        if use is not None or page:
            topic = ctx.inline(use) if use is not None else "其他用法"
            text += f"关于{topic}，请见「{hatnotes._link(ctx, page or names[0] + ' (消歧义)')}」。"
        k += 2
    return hatnotes.hatnote(ctx, text)
