"""Maintenance markers: ``{{dead link}}``, ``{{cn}}``, ``{{page needed}}``, ``{{POV section}}`` ….

zh.wikipedia shows the inline ones as small superscripts in square brackets (「[来源请求]」,
「[永久失效链接]」, 「[页码请求]」) and the section ones as a banner.  They are editorial facts a
student may want, so they are kept.  ``{{cn|…}}`` on zh.wikipedia may wrap whole paragraphs
(quirk Q23): the prose stays visible and the marker follows it.  Bot parameters
(``date=``, ``bot=``, ``fix-attempted=``) are never shown.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from mwparserfromhell.nodes import Template

from ..render.context import RenderContext
from .registry import arg_code, name_of, normalize, register, register_missing

#: A positional value that is really a misspelt ``date=`` (``{{dead link|date 2018-10-27}}``).
_DATE_JUNK = re.compile(r"^\s*(date\s*=?\s*)?[\d年月日 \-–/,.A-Za-z]*\s*$")


def sup(text: str, title: str = "") -> str:
    """An inline maintenance marker: 「[text]」 in small superscript."""
    t = f' title="{title}"' if title else ""
    return f'<sup class="maintenance"{t}>&#91;{text}&#93;</sup>'


def banner(ctx: RenderContext, title: str, text: str) -> str:
    """A section banner (an admonition block)."""
    return ctx.stash_block(f'!!! warning "{title}"\n    {text}')


@register("maintenance", "dead link", "deadlink", "失效链接", "失效連結", "404", "dl", "broken link")
def dead_link(node: Template, ctx: RenderContext) -> str:
    return sup("永久失效链接")


def _prose(node: Template, ctx: RenderContext) -> str:
    body = arg_code(node, 1, "text")
    if body is None or _DATE_JUNK.match(str(body)) and not re.search(r"[\u3400-\u9fff]{4,}", str(body)):
        return ""
    return ctx.inline(body)


@register("maintenance", "cn", "citation needed", "fact", "来源请求", "來源請求", "refneeded", "cn-span",
          "citation needed span", "需要来源", "需要來源", "unreferenced inline")
def cn(node: Template, ctx: RenderContext) -> str:
    """The wrapped prose (if any), then 「[来源请求]」."""
    return _prose(node, ctx) + sup("来源请求")


@register("maintenance", "page needed", "页码请求", "頁碼請求", "pn", "page number")
def page_needed(node: Template, ctx: RenderContext) -> str:
    return sup("页码请求")


@register("maintenance", "clarify", "clarify span", "需要解释", "vague")
def clarify(node: Template, ctx: RenderContext) -> str:
    return _prose(node, ctx) + sup("需要解释")


@register("maintenance", "which", "who", "when", "by whom", "where")
def which(node: Template, ctx: RenderContext) -> str:
    return sup({"which": "哪个？", "who": "谁？", "when": "何时？", "by whom": "何人？", "where": "何处？"}
               .get(name_of(node), "需要解释"))


@register("maintenance", "failed verification", "verification failed", "来源不符", "來源不符")
def failed_verification(node: Template, ctx: RenderContext) -> str:
    return _prose(node, ctx) + sup("来源未能证实")


@register("maintenance", "verify source", "verification needed", "需要验证", "需要驗證", "來源可靠性", "source verify")
def verify_source(node: Template, ctx: RenderContext) -> str:
    """``{{Verify source|…}}``: the wrapped prose (if any), then 「[需要验证]」 (the source should be checked)."""
    return _prose(node, ctx) + sup("需要验证")


@register("maintenance", "pov section", "pov-section", "pov", "neutrality", "disputed section",
          "pov-check", "中立性争议")
def pov(node: Template, ctx: RenderContext) -> str:
    """The neutrality banner; zh.wikipedia's text, shortened to what a reader needs."""
    section = name_of(node).replace("-", " ").endswith("section")
    where = "本章节" if section else "本条目"
    return banner(ctx, f"{where}的中立性有争议", f"{where}可能存在偏向某一观点的内容；讨论见原条目的讨论页。")


@register("maintenance", "update", "update section", "expand section", "expand", "unreferenced section",
          "refimprove section", "more citations needed section")
def update(node: Template, ctx: RenderContext) -> str:
    name = name_of(node)
    if name.startswith("update"):
        return banner(ctx, "本章节需要更新", "本章节的内容可能已过时。")
    if name.startswith("expand"):
        return banner(ctx, "本章节需要扩充", "本章节的内容尚不完整。")
    return banner(ctx, "本章节需要补充来源", "本章节缺少可靠来源。")


@register("maintenance", "disambiguation", "disambig", "dab", "disamb", "消歧義", "消歧义", "geodis", "hndis",
          "消歧義頁", "消歧义页")
def disambiguation(node: Template, ctx: RenderContext) -> str:
    """The note zh.wikipedia puts under a disambiguation page's list (``cat=`` only sorts it)."""
    words = issue_words()["disambiguation"]
    return ctx.stash_block(f'!!! note "{words["title"]}"\n    {words["text"]}')


@register("maintenance", "sic", "原文如此")
def sic(node: Template, ctx: RenderContext) -> str:
    """The quoted text as written, then 「[原文如此]」."""
    body = arg_code(node, 1)
    return (ctx.inline(body) if body is not None else "") + sup("原文如此")


@lru_cache(maxsize=1)
def issue_words() -> dict:
    """The parsed ``data/maintenance.json``: ``issues`` (template name → words), ``title``, ``title_section``, ``other``."""
    return json.loads(resources.files(__package__).joinpath("data", "maintenance.json").read_text(encoding="utf-8"))


#: Parameters of ``{{multiple issues}}`` that are not issues.
_NOT_ISSUES = {"1", "section", "collapsed", "time", "date", "small", "bot", "article", "类型", "type"}


@register("maintenance", "multiple issues", "多個問題", "多个问题", "article issues", "issues", "multipleissues",
          "問題條目", "问题条目")
def multiple_issues(node: Template, ctx: RenderContext) -> str:
    """One notice listing each nested issue in words (never a nested banner, never a ``time=`` value).

    zh.wikipedia's template takes the issues as nested templates (``{{多個問題|{{Refimprove|time=…}}
    {{Copyedit|time=…}}}}``) or, in its older form, as named parameters (``refimprove=2019-01``).
    An issue with no words in ``data/maintenance.json`` is listed under its template name and
    reported as an unknown template.
    """
    data = issue_words()
    words = data["issues"]
    items: list[str] = []
    body = arg_code(node, 1)
    nested = body.filter_templates(recursive=False) if body is not None else []
    for t in nested:
        name = normalize(str(t.name))
        base = re.sub(r"[ -]section$", "", name)
        if name in words or base in words:
            items.append(words.get(name) or words[base])
        else:
            ctx.diag.unknown_template(name, ctx.line_of(t))
            items.append(f"{data['other']}（{name}）")
    for p in node.params:
        key = normalize(str(p.name))
        if p.showkey and key not in _NOT_ISSUES and key in words and str(p.value).strip():
            items.append(words[key])
    items = list(dict.fromkeys(items))
    if not items:
        return ""
    section = str(arg_code(node, "section") or "").strip().lower() in ("yes", "y", "1", "true", "是")
    title = data["title_section"] if section else data["title"]
    lines = "\n".join(f"    * {i}。" for i in items)
    return ctx.stash_block(f'!!! warning "{title}"\n\n{lines}')


def single_issue(node: Template, ctx: RenderContext) -> str:
    """A cleanup notice standing alone (``{{Advert|time=…}}``): the issue in words, as one notice."""
    name = normalize(str(node.name))
    words = issue_words()["issues"]
    word = words.get(name) or words.get(re.sub(r"[ -]section$", "", name), "")
    where = "本章节" if re.search(r"[ -]section$", name) else "本条目"
    return banner(ctx, f"{where}{word}", "请协助改善本条目或在讨论页针对议题发表看法。")


register_missing("maintenance", sorted(issue_words()["issues"]), single_issue)
