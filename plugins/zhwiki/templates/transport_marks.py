"""Route and station marks of transport articles: road shields (``{{Jct}}``), interchange signs,
station-number badges, line names, metro exit lists and station floors.

zh.wikipedia draws these as coloured badges and shields; a reader needs their text: the route's name
(``{{Jct|country=TWN|PH|17}}`` → 台17線), the station number (``{{車站編號c|green|N03}}`` → N03), the line
(``{{重庆轨道交通线路名|国博}}`` → 国博线), the exits (1号出口：悦来大道、金兴大道).  Name patterns and words
are data (``data/transport_marks.json``); families of names are matched by their endings, so every
system's ``…車站編號c`` or ``…轨道交通线路名`` is covered, not one name at a time.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

from ..render import escape
from ..render.context import RenderContext
from .infobox import cell
from .registry import PATTERNS, REGISTRY, Spec, arg, normalize, register

#: Display options of a navigation box named like a system (``{{北京地铁|nocat}}``): never a line code.
_NAVBOX_OPTIONS = frozenset({"nocat", "state", "collapsed", "autocollapse", "expanded", "plain", "off"})

#: A colour argument of a badge (``green``, ``#0072bc``, ``fff``): the badge's, not text.
_COLOUR = re.compile(r"#?[0-9A-Fa-f]{3}|#?[0-9A-Fa-f]{6}|[a-z]+")


@lru_cache(maxsize=1)
def table() -> dict:
    """``data/transport_marks.json``: route-name patterns, sign texts and name endings by family."""
    return json.loads(resources.files(__package__).joinpath("data", "transport_marks.json").read_text(encoding="utf-8"))


def _pos(node: Template) -> list[str]:
    return [str(p.value).strip() for p in node.params if not p.showkey]


def _fill(pattern: str, node: Template, ctx: RenderContext) -> str:
    """*pattern* with ``{1}`` … replaced by the rendered positional arguments (empty when absent)."""
    values = [p.value for p in node.params if not p.showkey]

    def sub(m: re.Match) -> str:
        k = int(m.group(1)) - 1
        return cell(ctx, values[k]) if k < len(values) else ""

    return re.sub(r"\{(\d+)\}", sub, pattern).strip()


# -- road shields ------------------------------------------------------------------------------
def route_name(country: str, kind: str, number: str) -> str:
    """``("TWN", "PH", "17")`` → 台17線; ``("TWN", "TRYL", "117")`` → 雲117線; unknown types → the type and number."""
    data = table()["jct"].get(country.upper(), {})
    kind_u = kind.upper()
    if kind_u in data and isinstance(data[kind_u], str):
        return data[kind_u].format(n=number)
    if kind_u.startswith("TR") and kind_u[2:] in data.get("TR", {}):
        return data["TR_format"].format(p=data["TR"][kind_u[2:]], n=number)
    return f"{kind}{number}" if kind else number


@register("formatting", *table()["jct"]["names"])
def jct(node: Template, ctx: RenderContext) -> str:
    """``{{Jct|country=TWN|PH|17|CH|182}}`` → 台17線、縣道182號 (type and number pairs; the shields are drawing)."""
    country = arg(node, "country")
    pos = [v for v in _pos(node)]
    names = [route_name(country, pos[k], pos[k + 1]) for k in range(0, len(pos) - 1, 2) if pos[k + 1]]
    return escape.text(table()["jct"]["separator"].join(names))


@register("formatting", *table()["ic"]["names"])
def highway_ic(node: Template, ctx: RenderContext) -> str:
    """``{{Taiwan Highway IC|224|湖仔內}}`` → 224 湖仔內 (the interchange's number and name)."""
    return _fill(table()["ic"]["format"], node, ctx)


def _fw(node: Template, ctx: RenderContext) -> str:
    """A piece of an exit-sign diagram: its destination or exit text, or nothing for a drawn piece."""
    return _fill(table()["fw"].get(normalize(str(node.name)), ""), node, ctx)


register("formatting", *table()["fw"])(_fw)


# -- station numbers, line names, exits and floors ----------------------------------------------
def station_number(node: Template, ctx: RenderContext) -> str:
    """``{{車站編號c|green|N03}}`` → N03: the last argument that is not a colour (or the name's own pattern)."""
    fmt = table()["station_number"]["formats"].get(str(node.name).strip())
    if fmt:
        return _fill(fmt, node, ctx)
    texts = [v for v in _pos(node) if v and not _COLOUR.fullmatch(v)]
    return escape.text(texts[-1]) if texts else ""


def line_name(node: Template, ctx: RenderContext) -> str:
    """``{{重庆轨道交通线路名|6}}`` → 6号线, ``{{…|国博|narrow|long}}`` → 国博线 (later arguments are display options)."""
    data = table()["line_name"]
    pos = _pos(node)
    if not pos or not pos[0]:
        return ""
    n = pos[0]
    if n.isdigit():
        return escape.text(data["number"].format(n=n))
    return escape.text(n if n.endswith(tuple(data["has_suffix"])) else data["name"].format(n=n))


@register("formatting", *table()["exits"]["rows"])
def exit_row(node: Template, ctx: RenderContext) -> str:
    """``{{重庆轨道交通出口|3A|悦来大道|金兴大道}}`` → 3A号出口：悦来大道、金兴大道; ``closed=1`` → （暂未开通）."""
    data = table()["exits"]
    values = [p.value for p in node.params if not p.showkey]
    if not values or not str(values[0]).strip():
        return ""
    out = escape.text(data["row"].format(n=str(values[0]).strip()))
    places = [cell(ctx, v) for v in values[1:] if str(v).strip()]
    if places:
        out += data["places"].format(places=data["separator"].join(places))
    if arg(node, "closed") not in ("", "0", "no"):
        out += escape.text(data["closed"])
    return out


@register("formatting", *table()["exits"]["lists"])
def exit_list(node: Template, ctx: RenderContext) -> str:
    """The list of a station's exits: each row call on a line of its own."""
    rows = []
    for p in node.params:
        for t in p.value.filter_templates(recursive=False):
            text = ctx.inline(Wikicode([t])).strip()
            if text:
                rows.append(f"* {text}")
    return ctx.stash_block("\n".join(rows)) if rows else ""


@register("formatting", *table()["facilities"]["names"])
def facilities(node: Template, ctx: RenderContext) -> str:
    """``{{重庆轨道交通设施列表|票务|出口|无障碍电梯}}`` → 票务、出口、无障碍电梯 (the icons' words)."""
    words = [v for v in _pos(node) if v]
    return escape.text(table()["facilities"]["separator"].join(words))


@register("formatting", *table()["structure"]["names"])
def station_structure(node: Template, ctx: RenderContext) -> str:
    """``{{城轨车站结构|floor1=B1|label1A=站厅|text1A=…}}`` → one line per floor and part (the maps are drawing)."""
    fmt = table()["structure"]["row"]
    rows = []
    floors = sorted({int(m.group(1)) for p in node.params
                     if (m := re.fullmatch(r"floor(\d+)", str(p.name).strip()))})
    for f in floors:
        floor = arg(node, f"floor{f}")
        parts = sorted({m.group(1) for p in node.params
                        if (m := re.fullmatch(rf"(?:label|text){f}([A-Z]?)", str(p.name).strip()))})
        for part in parts or [""]:
            label = cell(ctx, node.get(f"label{f}{part}").value) if node.has(f"label{f}{part}") else ""
            text = cell(ctx, node.get(f"text{f}{part}").value) if node.has(f"text{f}{part}") else ""
            if label or text:
                rows.append("* " + fmt.format(floor=escape.text(floor), label=label, text=text).strip("："))
    return ctx.stash_block("\n".join(rows)) if rows else ""


def hazchem(node: Template, ctx: RenderContext) -> str:
    """``{{Hazchem 2XE}}`` or ``{{Hazchem|2XE}}`` → 2XE: the Emergency Action Code of a dangerous good."""
    code = " ".join(str(node.name).split())[len("Hazchem"):].strip() or arg(node, 1)
    return escape.text(code)


def line_mark(node: Template, ctx: RenderContext) -> str:
    """``{{深圳地鐵|7|sl}}`` → 7号线; ``{{韓國都市鐵道|SM8}}`` → 8号线 (a line code ending in its number);
    another code (``UIL``) as written.  Later arguments are display options."""
    pos = _pos(node)
    if not pos or not pos[0] or pos[0].lower() in _NAVBOX_OPTIONS:
        return ""  # {{北京地铁|nocat}} on its own line is the system's navigation box
    m = re.fullmatch(r"[A-Za-z]*(\d+)", pos[0])
    return escape.text(table()["line_mark"]["number"].format(n=m.group(1)) if m else pos[0])


def nothing(node: Template, ctx: RenderContext) -> str:
    """A line colour (used inside a style attribute): nothing to show."""
    return ""


def exit_badge(node: Template, ctx: RenderContext) -> str:
    """``{{港鐵出口|A}}`` → A."""
    pos = _pos(node)
    return escape.text(pos[0]) if pos else ""


def platform(node: Template, ctx: RenderContext) -> str:
    """``{{深圳地铁站台|line=7|platform=1}}`` → 站台1."""
    p = arg(node, "platform", 2, 1)
    return escape.text(table()["platform"]["format"].format(p=p)) if p else ""


def _ends(key: str, kind: str) -> bool:
    data = table()[kind]
    return key.endswith(tuple(data["endings"])) and key not in data.get("not", [])


def _by_ending(key: str) -> Spec | None:
    """Name families matched by their endings (tried after the registry)."""
    if normalize(key) in REGISTRY:
        return None
    if key.lower().startswith("hazchem"):
        return Spec("formatting", hazchem)
    if key.endswith(tuple(table()["station_number"]["endings"])) or key in table()["station_number"]["formats"]:
        return Spec("formatting", station_number)
    if key.endswith(tuple(table()["line_name"]["endings"])):
        return Spec("formatting", line_name)
    if key in table()["exit_badges"]:
        return Spec("formatting", exit_badge)
    if _ends(key, "colour"):
        return Spec("formatting", nothing)
    if _ends(key, "platform"):
        return Spec("formatting", platform)
    if _ends(key, "line_mark"):
        return Spec("formatting", line_mark)
    return None


PATTERNS.append(_by_ending)
