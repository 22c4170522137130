"""Where and how an unknown template is called, read as zh.wikipedia's layout conventions.

zh.wikipedia has tens of thousands of templates; the ones no family knows are still placed the
way their kind always is (Wikipedia:格式手册/版面布局):

* **notices** (cleanup and maintenance banners such as ``{{lead section too long|time=…}}``)
  stand on lines of their own at the very top of the article, before any prose, and carry only
  their date;
* **navigation boxes and sidebars** (``{{我是歌手|onlycontestants=yes}}``, ``{{深圳地鐵車站列表|SZM}}``,
  ``{{電磁學|cTopic=[[靜電學]]}}``) stand on lines of their own after the last prose of a
  section, among other templates and categories, with short option values only;
* **information boxes** under names without a box ending (``{{艺人 | 姓名 = … | 类型 = … }}``)
  are called with one named parameter per line.

Each function answers for one call and its section text (``RenderContext.section_text``); none
renders anything.  A call that fits none of them is a plain unknown template.
"""

from __future__ import annotations

import re

import mwparserfromhell
from mwparserfromhell.nodes import Comment, Template, Text, Wikilink
from mwparserfromhell.wikicode import Wikicode

from ..render.context import RenderContext
from .registry import alone_on_line

#: Parameter names that only date a notice (``time``, ``date``, ``日期`` …), lower case.
NOTICE_PARAMS = frozenset({"time", "date", "datetime", "日期", "時間", "时间", "time1", "date1", "timestamp"})

#: Longest option value (visible characters) a navigation box call may carry.
OPTION_MAX = 24

#: Fewest named parameters with values that make a call read as a box, and the share of its
#: parameters that must open a line of their own (``|儿女 = |父母 =`` may share one).
BOX_MIN_PARAMS = 4
BOX_LINE_SHARE = 0.75

_CATEGORY = re.compile(r"^\s*(category|分类|分類|cat)\s*:", re.I)
_MAGIC_WORD = re.compile(r"__[A-Z]+__")


def _source(node: Template) -> str:
    return node.__dict__.get("_zhwiki_src") or str(node)


def _only_furniture(code: Wikicode) -> bool:
    """True when *code* holds nothing a reader reads: templates, categories, comments, blanks."""
    for n in code.nodes:
        if isinstance(n, (Template, Comment)):
            continue
        if isinstance(n, Wikilink) and _CATEGORY.match(str(n.title)):
            continue
        if isinstance(n, Text) and not _MAGIC_WORD.sub("", n.value).strip():
            continue
        return False
    return True


def _around(node: Template, ctx: RenderContext) -> tuple[str, str] | None:
    """The section text before and after the call (None when the call is not found in it)."""
    src = _source(node)
    i = ctx.section_text.find(src)
    if i < 0:
        return None
    return ctx.section_text[:i], ctx.section_text[i + len(src):]


def _visible(value: Wikicode) -> str:
    return value.strip_code(normalize=True, collapse=True).strip()


def is_notice(node: Template, ctx: RenderContext) -> bool:
    """A probable cleanup notice: alone on its line at the top of the lead, before any prose,
    with no parameters but its date (``time=``/``date=`` …)."""
    if ctx.section != "(lead)" or not alone_on_line(node, ctx):
        return False
    if any(not p.showkey or str(p.name).strip().lower() not in NOTICE_PARAMS for p in node.params):
        return False
    around = _around(node, ctx)
    return around is not None and _only_furniture(mwparserfromhell.parse(around[0]))


def is_foot_navbox(node: Template, ctx: RenderContext) -> bool:
    """A probable navigation box or sidebar: alone on its line with short option values only
    (a positional value is a plain code such as ``SZM``, never a link),
    after something (prose, a heading, the reference list) and with nothing but templates,
    categories and comments after it in its section."""
    if not alone_on_line(node, ctx):
        return False
    for p in node.params:
        value = _visible(p.value)
        if "\n" in str(p.value).strip() or len(value) > OPTION_MAX:
            return False
        if not p.showkey and (p.value.filter_wikilinks() or p.value.filter_templates()):
            return False  # ``{{main2|[[某条目]]}}``, ``{{s-inop|[[某站]]}}``: a link a reader follows
    around = _around(node, ctx)
    # something stands before it (prose, a heading or the reference list): a call that is the
    # whole text is no box at any foot
    return around is not None and bool(around[0].strip()) and _only_furniture(mwparserfromhell.parse(around[1]))


def is_box_call(node: Template, ctx: RenderContext) -> bool:
    """A probable information box: alone on its lines, at least :data:`BOX_MIN_PARAMS` named
    parameters with values, most of them (:data:`BOX_LINE_SHARE`) opening a line of their own,
    none positional."""
    if not alone_on_line(node, ctx) or any(not p.showkey and str(p.value).strip() for p in node.params):
        return False  # (an empty positional one is the trailing pipe of ``总人口=83,000|``)
    filled = [p for p in node.params if str(p.value).strip()]
    if len(filled) < BOX_MIN_PARAMS:
        return False
    # one parameter per line, the pipe opening the line (``\n| 姓名 = …``) or closing it
    # (``自治體名=和光市|\n``); values of several lines are not most of the call (a route
    # drawing's ``map=`` is)
    src = _source(node)
    own_line = max(len(re.findall(r"\n[ \t]*\|", src)), len(re.findall(r"\|[ \t]*\n", src)))
    named = [p for p in node.params if p.showkey]
    long_text = sum(len(str(p.value)) for p in named if str(p.value).strip().count("\n") >= 2)
    return (own_line >= BOX_MIN_PARAMS and own_line >= BOX_LINE_SHARE * len(named)
            and long_text <= len(src) / 2)
