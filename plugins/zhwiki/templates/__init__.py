"""Template registry: handlers grouped by family, looked up by normalised name.

Dispatch order: ignore list → registered handler (after aliases) → ``cite …`` pattern → unknown.
A handler is a function ``(Template, RenderContext) -> IMD``; :func:`register` files it under a
family so that the build summary can count templates by family.  Unknown templates never show
as raw text: their prose-bearing parameters are kept with a small marker, and each name is
listed with its count in the build summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext

Handler = Callable[[Template, RenderContext], str]

FAMILIES = (
    "citations", "references", "links", "countries", "dates", "hatnotes", "quotes", "media",
    "maintenance", "conversion", "infobox", "formatting", "ignored",
)


@dataclass(frozen=True)
class Spec:
    family: str
    handler: Handler


REGISTRY: dict[str, Spec] = {}
ALIASES: dict[str, str] = {}
#: Deepest template nesting rendered; MediaWiki stops expanding at 40 levels.
MAX_DEPTH = 40


def normalize(name: str) -> str:
    """Template names compare case-insensitively, with ``_`` and runs of spaces as one space."""
    n = " ".join(str(name).replace("_", " ").split())
    if n.lower().startswith("template:"):
        n = n[9:].strip()
    elif n.startswith("模板:") or n.startswith("模板："):
        n = n[3:].strip()
    return n.lower()


def register(family: str, *names: str) -> Callable[[Handler], Handler]:
    """Decorator: file *handler* under *family* for each of *names* (already normalised)."""
    assert family in FAMILIES, family

    def deco(fn: Handler) -> Handler:
        for n in names:
            key = normalize(n)
            if key in REGISTRY:
                raise ValueError(f"template {key!r} registered twice")
            REGISTRY[key] = Spec(family, fn)
        return fn

    return deco


def alias(target: str, *names: str) -> None:
    for n in names:
        ALIASES[normalize(n)] = normalize(target)


def lookup(name: str) -> Spec | None:
    key = normalize(name)
    key = ALIASES.get(key, key)
    spec = REGISTRY.get(key)
    if spec is None and (key.startswith("cite ") or key == "citation" or key.startswith("cite-")):
        spec = REGISTRY.get("cite web")
    return spec


def render(node: Template, ctx: RenderContext) -> str:
    """Render one template call; unknown ones are reported, never shown as wikitext."""
    name = normalize(str(node.name))
    if len(ctx.template_stack) >= MAX_DEPTH:
        ctx.defect("template depth", f"templates nested deeper than {MAX_DEPTH}; inner text kept", node)
        return plain_params(node, ctx)
    spec = lookup(name)
    if spec is None:
        return unknown(node, ctx, name)
    ctx.diag.template(spec.family)
    ctx.template_stack.append(name)
    try:
        return spec.handler(node, ctx)
    finally:
        ctx.template_stack.pop()


def unknown(node: Template, ctx: RenderContext, name: str) -> str:
    """Keep the prose of an unknown template (if it has any) with a small marker."""
    ctx.diag.unknown_template(name or "(empty name)", ctx.line_of(node))
    ctx.diag.template("unknown")
    text = plain_params(node, ctx)
    if not text.strip():
        return ""
    return f'{text}<sup class="unknown-template" title="未知模板：{escape.attr(name)}">?</sup>'


def plain_params(node: Template, ctx: RenderContext) -> str:
    """Prose of the parameters worth showing: positional values and long named values."""
    parts = []
    for p in node.params:
        val = str(p.value).strip()
        if not val:
            continue
        if p.showkey and not str(p.name).strip().isdigit() and len(val) < 12:
            continue
        if val.startswith(("http://", "https://")):
            continue
        parts.append(ctx.inline(p.value))
    return "；".join(x for x in parts if x)


def plain(text: str, ctx: RenderContext) -> str:
    """Wikitext fragment (e.g. the inside of a broken template) as inline text."""
    return ctx.inline(text.replace("|", " "))


# -- parameter helpers shared by the families ---------------------------------------------
def arg(node: Template, *names: str | int, default: str = "") -> str:
    """Raw wikitext of the first non-empty parameter among *names* (positional as int)."""
    for n in names:
        key = str(n)
        if node.has(key):
            v = str(node.get(key).value).strip()
            if v:
                return v
    return default


def arg_code(node: Template, *names: str | int):
    for n in names:
        key = str(n)
        if node.has(key):
            p = node.get(key)
            if str(p.value).strip():
                return p.value
    return None


def positional(node: Template) -> list[str]:
    return [str(p.value).strip() for p in node.params if not p.showkey]


# Import the families so that they register themselves.
from . import (  # noqa: E402,F401
    citations,
    conversion,
    countries,
    ignore,
    misc,
    references,
)
