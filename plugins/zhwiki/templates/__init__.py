"""Template registry: handlers grouped by family, looked up by normalised name.

Dispatch order: magic words and parser functions (magic.py) → case-sensitive names → ignore list
and registered handlers (after aliases) → ``cite …``/infobox/navbox prefixes → name families
(``lang-xx``, country codes) → unknown.
A handler is a function ``(Template, RenderContext) -> IMD``; :func:`register` files it under a
family so that the build summary can count templates by family.  Unknown templates never show
as raw text: a reader sees only a single text argument or nothing, and each name is listed with
its count and first line in the build summary.

The registry itself and the parameter helpers live in registry.py: the families import it, and
this package imports the families, so the imports go one way (package → families → registry).
"""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Node, Template, Text

from ..render.context import RenderContext
from . import registry
from .registry import (  # noqa: F401  (the registry's names, as the package has always offered them)
    ALIASES,
    EXACT,
    FAMILIES,
    LABEL_CODES,
    MAX_DEPTH,
    PATTERNS,
    REGISTRY,
    Handler,
    Spec,
    alias,
    alone_on_line,
    arg,
    arg_code,
    exact_key,
    lookup,
    name_of,
    normalize,
    param_names,
    positional,
    register,
    register_exact,
    register_missing,
    variant_text,
)


def render(node: Template, ctx: RenderContext) -> str:
    """Render one template call; unknown ones are reported, never shown as wikitext."""
    fill_defaults(node)
    if len(ctx.template_stack) >= MAX_DEPTH:
        ctx.defect("template depth", f"templates nested deeper than {MAX_DEPTH}; inner text kept", node)
        return plain_params(node, ctx)
    if magic.is_magic(node):
        ctx.diag.template("magic")
        return magic.render(node, ctx)
    spec = lookup(str(node.name))
    if spec is None:
        return unknown(node, ctx, exact_key(str(node.name)))
    ctx.diag.template(spec.family)
    ctx.template_stack.append(" ".join(str(node.name).split()))  # as written: problems inside name it
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


#: Names written like codes (``{{ZZZ}}``, ``{{USA-1912}}``): flags and parties, never navigation boxes.
_CODE_LIKE = re.compile(r"[A-Z]{2,5}(-[A-Z0-9]+)?")


def unknown(node: Template, ctx: RenderContext, name: str) -> str:
    """An unknown template: listed in the build summary with its line; the reader sees only its
    single text argument (one positional value, no named ones), else nothing — never joined
    parameters or a marker.

    A call without parameters (or with only display options such as ``nocat`` or ``state=``) on a
    line of its own (``{{周杰倫}}``, ``{{烷烃}}``, ``{{英国首相|nocat}}`` at an article's foot) is how
    zh.wikipedia places navigation boxes and sidebars, which have thousands of names: it shows
    nothing and is listed in the summary as a probable navigation box."""
    if (_only_display_options(node) and name and not _CODE_LIKE.fullmatch(name)
            and alone_on_line(node, ctx)):
        ctx.diag.probable_navbox(name, ctx.line_of(node))
        ctx.diag.template("ignored")
        return ""
    if ((infobox_data.is_box_name(normalize(name)) and any(p.showkey for p in node.params)
         and alone_on_line(node, ctx)) or placement.is_box_call(node, ctx)):
        # ``{{日本車站資訊|站名=…|所在地=…}}`` on its own line: an information box by its name's ending;
        # ``{{艺人 | 姓名 = … | 类型 = … }}``: one by its shape (a named parameter per line)
        ctx.diag.template("infobox")
        return infobox.generic(node, ctx)
    if name and not _CODE_LIKE.fullmatch(name):
        if placement.is_notice(node, ctx):  # ``{{lead section too long|time=…}}`` above the lead
            ctx.diag.probable_navbox(name, ctx.line_of(node), "maintenance notice")
            ctx.diag.template("ignored")
            return ""
        if placement.is_foot_navbox(node, ctx):  # ``{{我是歌手|onlycontestants=yes}}`` at a section's foot
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
    if val.startswith(("http://", "https://")) or not _TEXTY.search(val) or val.lower() in _NAVBOX_OPTIONS:
        return ""
    return ctx.inline(values[0].value)


#: Display options of navigation boxes (``{{英国首相|nocat}}``, ``{{…|state=collapsed}}``): a call with
#: nothing else is placed and shown like a parameterless one.
_NAVBOX_OPTIONS = frozenset({"nocat", "state", "collapsed", "autocollapse", "expanded", "uncollapsed",
                             "plain", "nocollapse", "off", "no", "yes"})


def _only_display_options(node: Template) -> bool:
    """True when the call has no parameters, or only navigation-box display options."""
    for p in node.params:
        key = str(p.name).strip().lower() if p.showkey else str(p.value).strip().lower()
        if key not in _NAVBOX_OPTIONS:
            return False
    return True


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



def fold_adjacent(nodes: list[Node], i: int, ctx: RenderContext) -> tuple[str, int] | None:
    """Templates that zh.wikipedia readers see as one unit with their neighbour.

    * ``{{cite …}}{{en}}``: the label is the citation's language, shown once at the CS1
      position (quirk Q24).
    * ``{{flagicon|France}} [[…|法国]]``: the flag stands for the name right after it, so the
      icon's text form would only repeat it; it is dropped.
    * ``{{Start expwy exit box}}`` and the exit items after it: one table (exits.py).

    Returns the IMD and the index of the next node to render, or None to render normally.
    """
    node = nodes[i]
    if not isinstance(node, Template):
        return None
    if name_of(node) in exits.STARTS:  # {{Start expwy exit box}} … {{End expwy exit box}}: one table
        return exits.fold(nodes, i, ctx)
    if name_of(node) in succession.STARTS:  # {{start box}} … {{end box}}: one succession table
        return succession.fold(nodes, i, ctx)
    if name_of(node) in elections.STARTS:  # {{Election box begin}} … {{Election box end}}: one table
        return elections.fold(nodes, i, ctx)
    if name_of(node) in railbox.STARTS:  # {{Start rail box}} … {{End box}}: one succession table
        return railbox.fold(nodes, i, ctx)
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
    brackets,
    chembox,
    chinese_box,
    citations,
    conversion,
    countries,
    data_templates,
    dates,
    drawings,
    elections,
    episodes,
    exits,
    formatting,
    hatnotes,
    identifiers,
    ignore,
    infobox,
    infobox_data,
    inline_notes,
    invoke,
    links,
    lists,
    magic,
    maintenance,
    match_events,
    media,
    notices,
    periods,
    placement,
    prc_admin,
    quotes,
    railbox,
    redirects,
    references,
    site_links,
    stations,
    succession,
    swatches,
    taxobox,
    tickers,
    transport_marks,
    units,
    variant_media,
    weblinks,
)

registry.NAVBOX_PREFIXES = ignore.IGNORED_PREFIXES
registry.NAVBOX_SUFFIXES = ignore.IGNORED_SUFFIXES

# Families that claim only names no family above has registered (issue 18: people and culture).
from . import (  # noqa: E402,F401  (issue 18: people and culture)
    athlete_box,
    film_origin,
    name_boxes,
    numbers,
    people_links,
    pronunciation,
    review_boxes,
    sport_records,
    work_notices,
)

#: Normalised names dropped on purpose (navboxes, authority control, sister-project boxes …).
IGNORED_NAMES = frozenset(normalize(n) for n in ignore.IGNORED)
