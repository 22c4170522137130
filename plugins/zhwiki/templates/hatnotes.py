"""Hatnotes: ``{{main}}``, ``{{seealso}}``, ``{{about}}``, ``{{rellink}}`` and their redirects.

zh.wikipedia shows them as an indented line above the section text: 「主条目：甲、乙和丙」,
「参见：甲和乙」, 「本文介绍的是…。关于…，请见「…」。」.  A target ``页面#章节`` shows as
「页面 § 章节」; ``l1=`` replaces the shown text of the first target.
"""

from __future__ import annotations

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from ..render.html import wiki_href
from .registry import arg, arg_code, name_of, register


def _link(ctx: RenderContext, target: str, label_code=None) -> str:
    page, _, frag = target.partition("#")
    if label_code is not None:
        shown = ctx.inline(label_code)
    else:
        shown = escape.text(page.strip()) + (f" § {escape.text(frag.strip())}" if frag else "")
    if ctx.in_heading:
        return shown
    return f"[{shown}]({escape.url(wiki_href(page, frag))})"


def targets(node: Template, ctx: RenderContext) -> list[str]:
    """Each positional target as a link; a target that is itself markup is rendered as such."""
    out = []
    n = 0
    for p in node.params:
        if p.showkey and not str(p.name).strip().isdigit():
            continue
        v = str(p.value).strip()
        if not v:
            continue
        n += 1
        if "{{" in v or "[[" in v:
            out.append(ctx.inline(p.value))
        else:
            out.append(_link(ctx, v, arg_code(node, f"l{n}", f"label {n}")))
    return out


def join_zh(items: list[str]) -> str:
    """甲、乙和丙: Chinese enumeration as zh.wikipedia's hatnotes write it."""
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + "和" + items[-1]


def hatnote(ctx: RenderContext, text: str) -> str:
    """A hatnote line, as a block of its own before the text it introduces."""
    if not text.strip():
        return ""
    return ctx.stash_block(f'<div class="hatnote" markdown="span">{text}</div>')


@register("hatnotes", "main", "主条目", "主條目", "main article")
def main(node: Template, ctx: RenderContext) -> str:
    t = targets(node, ctx)
    return hatnote(ctx, "主条目：" + join_zh(t)) if t else ""


@register("hatnotes", "seealso", "see also", "参见", "參見", "also", "see")
def seealso(node: Template, ctx: RenderContext) -> str:
    t = targets(node, ctx)
    return hatnote(ctx, "参见：" + join_zh(t)) if t else ""


@register("hatnotes", "further", "details", "further information", "更多信息", "延伸阅读", "more", "更多資訊")
def further(node: Template, ctx: RenderContext) -> str:
    t = targets(node, ctx)
    return hatnote(ctx, "更多信息：" + join_zh(t)) if t else ""


@register("hatnotes", "rellink", "hatnote", "relink", "dablink", "主條目消歧義", "主条目消歧义")
def rellink(node: Template, ctx: RenderContext) -> str:
    """Free text, as written."""
    body = arg_code(node, 1, "text")
    return hatnote(ctx, ctx.inline(body)) if body is not None else ""


@register("hatnotes", "about", "otheruses", "otheruse", "other uses", "otheruses4")
def about(node: Template, ctx: RenderContext) -> str:
    """``{{about|本文主题|其他主题|页面|其他主题2|页面2…}}``.

    zh.wikipedia's ``{{Otheruses}}`` also takes named parameters: ``subject=`` (本文主题),
    ``other=`` / ``other2=`` … (其他主题) and the positional pages in order:
    ``{{Otheruses|subject=甲|other=乙|页面}}`` → 本文介绍的是甲。关于乙，请见「页面」。
    """
    if arg(node, "subject", "topic", "主题", "主題", "other", "其他", "other1"):
        return hatnote(ctx, _named_about(node, ctx))
    pos = [p for p in node.params if not p.showkey]
    if not pos:
        return ""
    what = ctx.inline(pos[0].value)
    text = f"本文介绍的是{what}。" if what else ""
    rest = pos[1:]
    for i in range(0, len(rest), 2):
        topic = ctx.inline(rest[i].value)
        page = str(rest[i + 1].value).strip() if i + 1 < len(rest) else ""
        if page:
            text += f"关于{topic}，请见「{_link(ctx, page)}」。"
        elif topic:
            text += f"关于{topic}，请见其他条目。"
    return hatnote(ctx, text)


def _named_about(node: Template, ctx: RenderContext) -> str:
    subject = arg_code(node, "subject", "topic", "主题", "主題")
    text = f"本文介绍的是{ctx.inline(subject)}。" if subject is not None else ""
    pages = [str(p.value).strip() for p in node.params if not p.showkey and str(p.value).strip()]
    for i, page in enumerate(pages or [""], start=1):
        names = ("other", "其他", "other1") if i == 1 else (f"other{i}", f"其他{i}")
        topic = arg_code(node, *names)
        shown = ctx.inline(topic) if topic is not None else "其他同名条目"
        if page:
            text += f"关于{shown}，请见「{_link(ctx, page)}」。"
        elif topic is not None:
            text += f"关于{shown}，请见其他条目。"
    return text


@register("hatnotes", "distinguish", "不是", "勿混淆")
def distinguish(node: Template, ctx: RenderContext) -> str:
    t = targets(node, ctx)
    return hatnote(ctx, "不要与" + join_zh(t) + "混淆。") if t else ""


@register("hatnotes", "for")
def for_(node: Template, ctx: RenderContext) -> str:
    """``{{for|主题|页面}}`` → 「关于主题，请见「页面」。」"""
    topic = arg_code(node, 1)
    page = arg(node, 2)
    if topic is None or not page:
        return ""
    return hatnote(ctx, f"关于{ctx.inline(topic)}，请见「{_link(ctx, page)}」。")


@register("hatnotes", "redirect", "redirect2", "redirect3")
def redirect(node: Template, ctx: RenderContext) -> str:
    """``{{Redirect|甲}}`` → 「甲」重定向至此。关于其他用法，请见「甲 (消歧义)」。

    ``{{Redirect|甲|用法|页面}}`` names the other use and its page; ``{{Redirect2|甲|乙|用法|页面}}``
    takes two redirect names (``{{Redirect3}}`` three) before them.
    """
    count = {"redirect2": 2, "redirect3": 3}.get(name_of(node), 1)
    pos = [str(p.value).strip() for p in node.params if not p.showkey]
    names = [n for n in pos[:count] if n]
    if not names:
        return ""
    rest = pos[count:]
    shown = "和".join(f"「{escape.text(n)}」" for n in names)
    text = f"{shown}重定向至此。"
    if not rest:
        return hatnote(ctx, text + f"关于其他用法，请见「{_link(ctx, names[0] + ' (消歧义)')}」。")
    for i in range(0, len(rest), 2):
        use = rest[i]
        page = rest[i + 1] if i + 1 < len(rest) else ""
        topic = ctx.inline(arg_code(node, count + i + 1)) if use else "其他用法"
        target = page or f"{names[0]} (消歧义)"
        text += f"关于{topic}，请见「{_link(ctx, target)}」。"
    return hatnote(ctx, text)
