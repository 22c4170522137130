"""Citation templates in zh.wikipedia's CS1 order and punctuation (rendering-reference.md §1.2).

``Author. Title. Work. Publisher. Date [AccessDate]. （原始内容存档于ArchiveDate） （语言）.``
Titles are neither quoted nor italicised; elements are separated by ``. ``; the access date
sits in square brackets after the date; books and journals add ``: pages``.  Dates are
normalised to ISO where they parse.  Wiki links inside fields become text.
"""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Template

from .. import markers as M
from ..render import escape
from ..render.context import RenderContext
from . import arg, register

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_ZH_MONTHS = {m: i for i, m in enumerate(
    ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"], 1)}

LANG_LABELS = {
    "en": "英语", "english": "英语", "ko": "朝鲜语", "korean": "朝鲜语", "ja": "日语", "japanese": "日语",
    "ru": "俄语", "russian": "俄语", "fr": "法语", "french": "法语", "de": "德语", "german": "德语",
    "zh": "中文", "zh-hans": "简体中文", "zh-hant": "繁体中文", "cs": "捷克语", "es": "西班牙语",
    "it": "意大利语", "vi": "越南语", "tr": "土耳其语",
}


def iso_date(s: str) -> str:
    """Normalise a date to ISO 8601 where it parses; keep it as written otherwise (Q21)."""
    t = " ".join(s.replace(",", " ").split())
    if not t:
        return s
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", t)
    if m:
        return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", t)
    if m:
        return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月", t)
    if m:
        return f"{m[1]}-{int(m[2]):02d}"
    m = re.fullmatch(r"(\S+) (\d{1,2}) (\d{4})", t)  # December 14 2007 / 十二月 14 2007
    if m:
        mon = _MONTHS.get(m[1].lower().rstrip(".")) or _ZH_MONTHS.get(m[1])
        if mon:
            return f"{m[3]}-{mon:02d}-{int(m[2]):02d}"
    m = re.fullmatch(r"(\d{1,2}) (\S+) (\d{4})", t)  # 14 December 2007
    if m:
        mon = _MONTHS.get(m[2].lower().rstrip(".")) or _ZH_MONTHS.get(m[2])
        if mon:
            return f"{m[3]}-{mon:02d}-{int(m[1]):02d}"
    m = re.fullmatch(r"(\S+) (\d{4})", t)
    if m:
        mon = _MONTHS.get(m[1].lower().rstrip("."))
        if mon:
            return f"{m[2]}-{mon:02d}"
    return s.strip()


def _text(ctx: RenderContext, value: str) -> str:
    """A field as inline text: links become their labels (MediaWiki's CS1 does the same in titles)."""
    from ..source import parse

    code = parse(value)
    for link in code.filter_wikilinks(recursive=False):
        label = link.text if link.text is not None else link.title
        try:
            code.replace(link, str(label))
        except ValueError:
            pass
    return ctx.inline(code)


def _authors(node: Template, ctx: RenderContext) -> str:
    names: list[str] = []
    for i in range(1, 10):
        suffix = "" if i == 1 else str(i)
        last = arg(node, f"last{suffix}", f"last{i}", f"author{suffix}-last", f"surname{i}")
        first = arg(node, f"first{suffix}", f"first{i}", f"given{i}")
        author = arg(node, f"author{suffix}", f"author{i}", f"authors" if i == 1 else "_")
        if last:
            names.append(f"{last}, {first}" if first else last)
        elif author:
            names.append(author)
    out = "; ".join(_text(ctx, n) for n in names)
    if arg(node, "display-authors", "displayauthors") == "etal" or arg(node, "etal"):
        out += " 等"
    editors = [arg(node, "editor", "editor1", "editor-last", "editor1-last")]
    ed = "; ".join(_text(ctx, e) for e in editors if e)
    if ed:
        out = f"{out}. {ed} (编)" if out else f"{ed} (编)"
    return out


@register("citations", "cite web", "cite news", "cite book", "cite journal", "cite magazine", "citation",
          "cite encyclopedia", "cite report", "cite press release", "cite video", "cite av media",
          "cite conference", "cite thesis", "cite interview", "cite episode", "cite map", "cite speech",
          "cite paper", "cite document", "web cite", "cite newspaper", "cite periodical", "cite dvd",
          "cite tweet", "cite arxiv", "cite serial")
def cite(node: Template, ctx: RenderContext) -> str:
    from . import normalize

    kind = normalize(str(node.name))
    parts: list[str] = []
    authors = _authors(node, ctx)
    if authors:
        parts.append(authors)
    title = _text(ctx, arg(node, "title", "chapter", "script-title", "trans-title") or arg(node, 1))
    url = arg(node, "url", "chapter-url", "chapterurl")
    archive = arg(node, "archive-url", "archiveurl")
    dead = arg(node, "url-status", "deadurl", "dead-url").lower() in ("yes", "dead", "true", "unfit", "usurped")
    link = archive if (archive and (dead or not url)) else url
    trans = arg(node, "trans-title", "trans_title")
    if title:
        t = f"[{title}]({escape.url(link)}){{ .cite-title }}" if link and _safe(link) else title
        if trans and trans != arg(node, "title"):
            t += f" &#91;{_text(ctx, trans)}&#93;"
        if url and _safe(url):
            t += f'<span class="print-url"> {M.noconv(escape.text(url))}</span>'
        parts.append(t)
    elif url and _safe(url):
        parts.append(f"[{M.noconv(escape.text(url))}]({escape.url(url)})")
    work = arg(node, "website", "work", "newspaper", "journal", "magazine", "periodical", "encyclopedia", "series")
    loc = arg(node, "location", "place")
    pub = arg(node, "publisher", "agency", "via")
    if work:
        w = _text(ctx, work)
        if loc and kind in ("cite news", "cite newspaper"):
            w += f" ({_text(ctx, loc)})"
        if pub and kind in ("cite journal", "cite magazine"):
            w += f" ({_text(ctx, pub)})"
            pub = ""
        parts.append(w)
    if kind in ("cite book", "citation", "cite encyclopedia", "cite report", "cite thesis") and (loc or pub):
        lp = f"{_text(ctx, loc)}: " if loc else ""
        parts.append(lp + (_text(ctx, pub) if pub else "").rstrip(": "))
    elif pub:
        parts.append(_text(ctx, pub))
    date = arg(node, "date") or arg(node, "year")
    date = iso_date(date) if date else ""
    vol, issue = arg(node, "volume"), arg(node, "issue", "number")
    pages = arg(node, "pages", "page", "pp", "p", "at")
    seg = escape.text(date)
    if kind in ("cite journal", "cite magazine") and (vol or issue):
        seg += f", {escape.text(vol)}" if vol else ""
        seg += f" ({escape.text(issue)})" if issue else ""
    if pages:
        seg += f": {escape.text(pages)}"
    access = arg(node, "access-date", "accessdate")
    if access:
        seg += f" &#91;{escape.text(iso_date(access))}&#93;"
    if seg.strip():
        parts.append(seg.strip())
    for label, key in (("ISBN", ("isbn", "ISBN")), ("ISSN", ("issn", "ISSN")), ("doi:", ("doi", "DOI")),
                       ("OCLC", ("oclc", "OCLC"))):
        v = arg(node, *key)
        if v:
            parts.append(f"{label} {escape.text(v)}" if label != "doi:" else f"doi:{escape.text(v)}")
    text = ". ".join(p for p in parts if p.strip())
    tail = []
    if archive and _safe(archive):
        adate = iso_date(arg(node, "archive-date", "archivedate"))
        orig = f"[原始内容]({escape.url(url)})" if url and _safe(url) and dead else "原始内容"
        store = f"[存档]({escape.url(archive)})" if not dead else "存档"
        tail.append(f"（{orig}{store}于{escape.text(adate)}）" if adate else f"（{orig}{store}）")
    lang = arg(node, "language", "lang")
    if lang:
        tail.append(f"（{escape.text(LANG_LABELS.get(lang.lower(), lang))}）")
    quote = arg(node, "quote")
    out = text + (". " + " ".join(tail) if tail else "") + "."
    if quote:
        out += f" <q>{_text(ctx, quote)}</q>"
    return f'<span class="citation">{out}</span>'


def _safe(url: str) -> bool:
    from ..render.html import safe_url

    return safe_url(url)


@register("citations", "webarchive", "wayback", "webcite", "archive.is")
def webarchive(node: Template, ctx: RenderContext) -> str:
    url = arg(node, "url", 1).split()[0] if arg(node, "url", 1) else ""
    rest = " ".join(arg(node, "url", 1).split()[1:])
    date = iso_date(arg(node, "date", 2))
    if not url or not _safe(url):
        return ""
    where = "archive.today" if "archive.is" in url or "archive.today" in url or "archive.ph" in url else "互联网档案馆"
    label = f"页面存档备份，存于{where}"
    out = f"（[{label}]({escape.url(url)})" + (f"，{escape.text(date)}" if date else "") + "）"
    if rest:
        out += " " + escape.text(rest)
    return out
