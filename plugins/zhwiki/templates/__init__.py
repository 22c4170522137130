"""Template registry: handlers grouped by family, looked up by normalised name.

Dispatch order: magic words and parser functions (magic.py) → case-sensitive names → ignore list
and registered handlers (after aliases) → ``cite …``/infobox/navbox prefixes → name families
(``lang-xx``, country codes) → unknown.
A handler is a function ``(Template, RenderContext) -> IMD``; :func:`register` files it under a
family so that the build summary can count templates by family.  Unknown templates never show
as raw text: a reader sees only a single text argument or nothing, and each name is listed with
its count and first line in the build summary.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from mwparserfromhell.nodes import Node, Template, Text
from mwparserfromhell.wikicode import Wikicode

from ..render import escape
from ..render.context import RenderContext

Handler = Callable[[Template, RenderContext], str]

FAMILIES = (
    "citations", "references", "links", "countries", "dates", "hatnotes", "quotes", "media",
    "maintenance", "conversion", "infobox", "formatting", "ignored", "magic",
)


@dataclass(frozen=True)
class Spec:
    family: str
    handler: Handler


REGISTRY: dict[str, Spec] = {}
ALIASES: dict[str, str] = {}
#: Names that differ from a registered name only in case after the first letter ({{JPN}} the flag,
#: {{jpn}} the language): keyed by :func:`exact_key`, looked up before :data:`REGISTRY`.
EXACT: dict[str, Spec] = {}
#: Fallbacks for whole name families (``lang-xx`` for any language code, ``XXX`` for any country
#: code): functions from the exact key to a spec, tried after the registry.
PATTERNS: list[Callable[[str], Spec | None]] = []
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


def exact_key(name: str) -> str:
    """A template name as MediaWiki compares it: ``_`` and space runs as one space, the
    ``Template:`` prefix removed, and only the first letter case-folded (``jpn`` = ``Jpn`` ≠ ``JPN``)."""
    n = " ".join(str(name).replace("_", " ").split())
    if n.lower().startswith("template:"):
        n = n[9:].strip()
    elif n.startswith("模板:") or n.startswith("模板："):
        n = n[3:].strip()
    return n[:1].upper() + n[1:]


def register_exact(family: str, *names: str) -> Callable[[Handler], Handler]:
    """Decorator: file *handler* under *family* for each of *names*, matched case-sensitively
    after the first letter (for all-capital code templates such as ``{{JPN}}``)."""
    assert family in FAMILIES, family

    def deco(fn: Handler) -> Handler:
        for n in names:
            key = exact_key(n)
            if key in EXACT:
                raise ValueError(f"template {key!r} registered twice")
            EXACT[key] = Spec(family, fn)
        return fn

    return deco


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


def register_missing(family: str, names: list[str] | tuple[str, ...], handler: Handler) -> None:
    """Register *handler* for those of *names* that no family has claimed yet (generated code lists
    such as ``{{R11}}`` or status cells, where another family's template of the same name wins)."""
    free = [n for n in names if normalize(n) not in REGISTRY]
    if free:
        register(family, *free)(handler)


def alias(target: str, *names: str) -> None:
    """Let each of *names* (a redirect on zh.wikipedia) resolve to the template *target*."""
    for n in names:
        ALIASES[normalize(n)] = normalize(target)


def lookup(name: str) -> Spec | None:
    """The handler for a template name (None when unknown).

    Case-sensitive names first (:data:`EXACT`), then the registry after normalisation and
    aliases, then the ``cite …``/infobox/navbox prefixes, then the name families (:data:`PATTERNS`).
    """
    spec = EXACT.get(exact_key(name))
    if spec is not None:
        return spec
    key = normalize(name)
    key = ALIASES.get(key, key)
    spec = REGISTRY.get(key)
    if spec is None and (key.startswith("cite ") or key in ("citation", "cite") or key.startswith("cite-")):
        spec = REGISTRY.get("cite web")
    if spec is None and (key.startswith("infobox") or key.endswith(("信息框", "資訊框", " infobox"))):
        spec = REGISTRY.get("infobox")
    if spec is None and _listed_infobox(key):
        spec = REGISTRY.get("infobox")
    if spec is None and (key.startswith(ignore.IGNORED_PREFIXES) or key.endswith(ignore.IGNORED_SUFFIXES)):
        spec = REGISTRY.get("navbox")
    if spec is None:
        ex = exact_key(name)
        for pattern in PATTERNS:
            spec = pattern(ex)
            if spec is not None:
                break
    return spec


def render(node: Template, ctx: RenderContext) -> str:
    """Render one template call; unknown ones are reported, never shown as wikitext."""
    fill_defaults(node)
    if len(ctx.template_stack) >= MAX_DEPTH:
        ctx.defect("template depth", f"templates nested deeper than {MAX_DEPTH}; inner text kept", node)
        return plain_params(node, ctx)
    if magic.is_magic(node):
        ctx.diag.template("magic")
        return magic.render(node, ctx)
    name = normalize(str(node.name))
    spec = lookup(str(node.name))
    if spec is None:
        return unknown(node, ctx, exact_key(str(node.name)))
    ctx.diag.template(spec.family)
    ctx.template_stack.append(name)
    try:
        return spec.handler(node, ctx)
    finally:
        ctx.template_stack.pop()


def fill_defaults(node: Template) -> None:
    """Replace each ``{{{name|default}}}`` inside a call by its default, as MediaWiki shows it on an
    article page (where no template arguments exist); one without a default becomes empty.

    Done once per call, before any handler reads a parameter, so citations and every other family
    see the default text.  The source text of the call is kept for line lookups.
    """
    if node.__dict__.get("_zhwiki_filled"):
        return
    node.__dict__["_zhwiki_filled"] = True
    if "{{{" not in str(node):
        return
    node.__dict__["_zhwiki_src"] = str(node)
    for code in [node.name, *(p.value for p in node.params), *(p.name for p in node.params)]:
        for a in code.filter_arguments(recursive=True):
            try:
                code.replace(a, str(a.default) if a.default is not None else "")
            except ValueError:
                continue  # already gone with an enclosing argument
    node.__dict__.pop("_zhwiki_params", None)


def _listed_infobox(key: str) -> bool:
    """Whether a family table lists *key* among its infobox names (``{{東亞男性歷史人物}}`` …)."""
    from . import infobox_data

    return any(key in fam.templates for fam in infobox_data.families())


#: Names written like codes (``{{ZZZ}}``, ``{{USA-1912}}``): flags and parties, never navigation boxes.
_CODE_LIKE = re.compile(r"[A-Z]{2,5}(-[A-Z0-9]+)?")


def _alone_on_line(node: Template, ctx: RenderContext, own: int = 0) -> bool:
    """Whether the call stands on a line of its own, outside any other template (*own*: frames of
    the call itself already on the template stack, 1 inside its handler)."""
    if len(ctx.template_stack) > own:
        return False
    s = node.__dict__.get("_zhwiki_src") or str(node)
    return re.search(r"(?m)^[ \t]*" + re.escape(s) + r"[ \t]*$", ctx.section_text) is not None


def unknown(node: Template, ctx: RenderContext, name: str) -> str:
    """An unknown template: listed in the build summary with its line; the reader sees only its
    single text argument (one positional value, no named ones), else nothing — never joined
    parameters or a marker.

    A call without parameters on a line of its own (``{{周杰倫}}``, ``{{烷烃}}`` at an article's
    foot) is how zh.wikipedia places navigation boxes and sidebars, which have thousands of
    names: it shows nothing and is listed in the summary as a probable navigation box."""
    if not node.params and name and not _CODE_LIKE.fullmatch(name) and _alone_on_line(node, ctx):
        ctx.diag.probable_navbox(name, ctx.line_of(node))
        ctx.diag.template("ignored")
        return ""
    ctx.diag.unknown_template(name or "(empty name)", ctx.line_of(node))
    ctx.diag.template("unknown")
    values = [p for p in node.params if str(p.value).strip()]
    if any(isinstance(n, Text) and "{{" in n.value for p in values for n in p.value.nodes):
        # the parser gave up inside (nesting too deep): the text is repaired and reported, not lost
        return "".join(ctx.inline(p.value) for p in values if not p.showkey)
    if len(values) != 1 or values[0].showkey:
        return ""
    val = str(values[0].value).strip()
    if val.startswith(("http://", "https://")) or not _TEXTY.search(val):
        return ""
    return ctx.inline(values[0].value)


#: A value is prose when it has a CJK character or a word of letters (not a number, code or size).
_TEXTY = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W\d_]{4,}")


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
def _params(node: Template) -> dict[str, Wikicode]:
    """Parameter name → value, built once per call (the last of repeated names wins, as in MediaWiki).

    ``Template.has``/``get`` strip every parameter name on each lookup; citations look up dozens
    of aliases (``last1``, ``author-last`` …), so the index is kept on the node itself.
    """
    cached = node.__dict__.get("_zhwiki_params")
    if cached is None:
        cached = {}
        for p in node.params:
            cached[str(p.name).strip()] = p.value
        node.__dict__["_zhwiki_params"] = cached
    return cached


def param_names(node: Template) -> list[str]:
    """The parameter names a call uses (stripped, each once)."""
    return list(_params(node))


def arg(node: Template, *names: str | int, default: str = "") -> str:
    """Raw wikitext of the first non-empty parameter among *names* (positional as int)."""
    params = _params(node)
    for n in names:
        v = params.get(str(n))
        if v is not None:
            text = str(v).strip()
            if text:
                return text
    return default


def arg_code(node: Template, *names: str | int) -> Wikicode | None:
    """Parsed value of the first non-empty parameter among *names* (None when all are empty)."""
    params = _params(node)
    for n in names:
        v = params.get(str(n))
        if v is not None and str(v).strip():
            return v
    return None


def positional(node: Template) -> list[str]:
    """Raw values of the positional parameters, in order (empty ones included)."""
    return [str(p.value).strip() for p in node.params if not p.showkey]


def name_of(node: Template) -> str:
    """The normalised name of a template call, aliases resolved."""
    key = normalize(str(node.name))
    return ALIASES.get(key, key)


def variant_text(ctx: RenderContext, rule: str) -> str:
    """Text that differs by variant, written as a ``-{…}-`` body (``zh-hans:朝鲜语;zh-hant:韓語``).

    zh.wikipedia's own templates (Country data, Lang-ko, the CS1 language names) carry such
    ``-{…}-`` maps; OpenCC alone cannot pick 韓語 over 朝鮮語.  The map is registered as one
    more conversion block of the article, so the converter shows the right entry per variant
    and never converts it again.  Headings get the simplified text (their plain-text checks
    do not see blocks).
    """
    from .. import markers as M
    from ..conversion.rules import parse_rule
    from ..source import Block

    parsed = parse_rule(rule)
    if ctx.in_heading or not parsed.entries:
        first = next(iter(parsed.entries.values()), rule)
        return escape.text(parsed.entries.get("zh-hans", first))
    cache = ctx.__dict__.setdefault("_variant_blocks", {})
    bid = cache.get(rule)
    if bid is None:
        bid = max(ctx.prep.blocks, default=0) + 1
        ctx.prep.blocks[bid] = Block(bid, "map", parsed, 0)
        cache[rule] = bid
    return f"{M.BLOCK_OPEN}{bid}{M.BLOCK_END}"


#: Names of the label templates ({{en}}, {{ko}} …) that fold into a citation right before them.
LABEL_CODES: dict[str, str] = {}


def fold_adjacent(nodes: list[Node], i: int, ctx: RenderContext) -> tuple[str, int] | None:
    """Templates that zh.wikipedia readers see as one unit with their neighbour.

    * ``{{cite …}}{{en}}``: the label is the citation's language, shown once at the CS1
      position (quirk Q24).
    * ``{{flagicon|France}} [[…|法国]]``: the flag stands for the name right after it, so the
      icon's text form would only repeat it; it is dropped.

    Returns the IMD and the index of the next node to render, or None to render normally.
    """
    node = nodes[i]
    if not isinstance(node, Template):
        return None
    spec = lookup(str(node.name))
    if spec is None:
        return None
    if spec.family == "citations" and name_of(node) not in ("webarchive", "wayback", "webcite", "archive.is"):
        j = i + 1
        if j < len(nodes) and isinstance(nodes[j], Text) and not str(nodes[j]).strip(" \t"):
            j += 1
        nxt = nodes[j] if j < len(nodes) else None
        if isinstance(nxt, Template) and name_of(nxt) in LABEL_CODES and not nxt.params:
            from . import citations

            ctx.diag.template(spec.family)
            ctx.diag.template("links")
            return citations.cite(node, ctx, lang_override=LABEL_CODES[name_of(nxt)]), j + 1
        return None
    if spec.family == "countries" and name_of(node) in ("flagicon", "flag icon", "flagicon image"):
        from . import countries

        if countries.icon_repeats_next(node, nodes[i + 1:]):
            ctx.diag.template(spec.family)
            return "", i + 1
    return None


# Import the families so that they register themselves.
from . import (  # noqa: E402,F401
    chembox,
    chinese_box,
    citations,
    conversion,
    countries,
    dates,
    formatting,
    hatnotes,
    ignore,
    infobox,
    links,
    lists,
    magic,
    maintenance,
    media,
    quotes,
    references,
    taxobox,
    units,
    weblinks,
)

#: Normalised names dropped on purpose (navboxes, authority control, sister-project boxes …).
IGNORED_NAMES = frozenset(normalize(n) for n in ignore.IGNORED)
