"""The template registry and the parameter helpers every family module uses.

A family module (citations.py, infobox.py …) imports this module, never the package: the package
(``__init__.py``) imports the families so that they register themselves, and dispatches a
template call to its handler.  So the imports go one way, package → families → registry.
A handler is a function ``(Template, RenderContext) -> IMD``; :func:`register` files it under a
family so that the build summary can count templates by family.
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
#: Name beginnings and endings that mark a navbox (filled from ignore.py by the package on import).
NAVBOX_PREFIXES: tuple[str, ...] = ()
NAVBOX_SUFFIXES: tuple[str, ...] = ()
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


def _filer(table: dict[str, Spec], key: Callable[[str], str], family: str,
           names: tuple[str, ...]) -> Callable[[Handler], Handler]:
    """Decorator: file *handler* under *family* in *table*, once per name as *key* makes it."""
    assert family in FAMILIES, family

    def deco(fn: Handler) -> Handler:
        for n in names:
            k = key(n)
            if k in table:
                raise ValueError(f"template {k!r} registered twice")
            table[k] = Spec(family, fn)
        return fn

    return deco


def register_exact(family: str, *names: str) -> Callable[[Handler], Handler]:
    """Decorator: file *handler* under *family* for each of *names*, matched case-sensitively
    after the first letter (for all-capital code templates such as ``{{JPN}}``)."""
    return _filer(EXACT, exact_key, family, names)


def register(family: str, *names: str) -> Callable[[Handler], Handler]:
    """Decorator: file *handler* under *family* for each of *names* (already normalised)."""
    return _filer(REGISTRY, normalize, family, names)


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
    if spec is None and (key.startswith(NAVBOX_PREFIXES) or key.endswith(NAVBOX_SUFFIXES)):
        spec = REGISTRY.get("navbox")
    if spec is None:
        ex = exact_key(name)
        for pattern in PATTERNS:
            spec = pattern(ex)
            if spec is not None:
                break
    return spec



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


def _listed_infobox(key: str) -> bool:
    """Whether a family table lists *key* among its infobox names (``{{東亞男性歷史人物}}`` …)."""
    from .infobox_data import families

    return any(key in fam.templates for fam in families())


def alone_on_line(node: Template, ctx: RenderContext, own: int = 0) -> bool:
    """Whether the call stands on a line of its own, outside any other template (*own*: frames of
    the call itself already on the template stack, 1 inside its handler)."""
    if len(ctx.template_stack) > own:
        return False
    s = node.__dict__.get("_zhwiki_src") or str(node)
    return re.search(r"(?m)^[ \t]*" + re.escape(s) + r"[ \t]*$", ctx.section_text) is not None


def series(nodes: list[Node], i: int, member: Callable[[str], bool],
           ends: frozenset[str] | set[str]) -> tuple[list[Template], int, bool]:
    """The calls of the series that ``nodes[i]`` opens (``{{Start expwy exit box}}``,
    ``{{Election box begin}}`` …): the template calls after it whose normalised name passes
    *member*, with blank text between them skipped.  A call named in *ends* closes the series;
    anything else (text, another template) ends it before that node.

    Returns (the member calls in order, the index of the first node after the series, whether an
    end call closed it).  Trailing blank text is not part of an unclosed series."""
    calls: list[Template] = []
    j = end = i + 1
    while j < len(nodes):
        nd = nodes[j]
        if isinstance(nd, Text) and not nd.value.strip():
            j += 1
            continue
        if not isinstance(nd, Template):
            break
        n = name_of(nd)
        if n in ends:
            return calls, j + 1, True
        if not member(n):
            break
        calls.append(nd)
        j += 1
        end = j
    return calls, end, False
