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
from .registry import alias, arg, param_names, register

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_ZH_MONTHS = {m: i for i, m in enumerate(
    ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"], 1)}



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


def _field(ctx: RenderContext, value: str) -> str:
    """A short field (pages, volume, issue): plain text escaped; with markup (an external link
    ``[https://… 533]–534``, a template, emphasis) rendered, as CS1 shows it."""
    if any(t in value for t in ("[", "{{", "''", "<")):
        from ..source import parse

        return ctx.inline(parse(value))
    return escape.text(value)


_PERSON_PREFIXES = {"author": ("last", "first", "surname", "given", "author", "people"), "editor": ("editor",)}
_DIGITS = re.compile(r"\d+")


def _people(node: Template, ctx: RenderContext, role: str) -> list[str]:
    """``last1``/``first1`` … or ``author1`` … (role ``author``) / ``editor1-last`` … (role ``editor``)."""
    names: list[str] = []
    # Every name probed below for person i > 1 contains the digits of i, so the probing can stop
    # at the highest number the call actually uses (most citations name one or two people).
    prefixes = _PERSON_PREFIXES[role]
    used = [k for k in param_names(node) if k.startswith(prefixes)]
    if not used:
        return []
    numbers = [int(d) for k in used for d in _DIGITS.findall(k)]
    for i in range(1, min(max(numbers, default=1), 14) + 1):
        n = "" if i == 1 else str(i)
        if role == "author":
            last = arg(node, f"last{n}", f"last{i}", f"surname{n}", f"surname{i}", f"author{i}-last", f"author-last{n}")
            first = arg(node, f"first{n}", f"first{i}", f"given{n}", f"given{i}", f"author{i}-first", f"author-first{n}")
            whole = arg(node, f"author{n}", f"author{i}", "authors" if i == 1 else "_", "people" if i == 1 else "_")
        else:
            last = arg(node, f"editor{i}-last", f"editor-last{n}", f"editor{n}-last", f"editor-surname{n}")
            first = arg(node, f"editor{i}-first", f"editor-first{n}", f"editor{n}-first", f"editor-given{n}")
            whole = arg(node, f"editor{n}", f"editor{i}", "editors" if i == 1 else "_")
        if last:
            names.append(f"{last}, {first}" if first else last)
        elif whole:
            names.append(whole)
    return [_text(ctx, x) for x in names]


def _authors(node: Template, ctx: RenderContext) -> str:
    """Authors joined by 「; 」, 「等」 for et al.; editors follow with 「(编)」."""
    out = "; ".join(_people(node, ctx, "author"))
    if out and (arg(node, "display-authors", "displayauthors") == "etal" or arg(node, "etal")):
        out += " 等"
    editors = "; ".join(_people(node, ctx, "editor"))
    if editors:
        out = f"{out}. {editors} (编)" if out else f"{editors} (编)"
    return out


_DEAD = ("yes", "dead", "true", "y", "unfit", "usurped", "deviated", "bot: unknown")
_LIVE = ("no", "live", "alive", "false", "n")
_BOOKISH = ("cite book", "citation", "cite encyclopedia", "cite report", "cite thesis", "cite conference",
            "cite map", "cite document")
_PERIODICAL = ("cite journal", "cite magazine", "cite periodical", "cite serial")
_NEWS = ("cite news", "cite newspaper")


def is_dead(node: Template) -> bool:
    """Whether the original URL is dead: CS1 assumes so when an archive is given and no status is."""
    status = arg(node, "url-status", "deadurl", "dead-url", "urlstatus").lower()
    if status in _LIVE:
        return False
    return status in _DEAD or bool(arg(node, "archive-url", "archiveurl"))


def language(ctx: RenderContext, value: str) -> str:
    """「（英语）」 for each listed language; none for Chinese (the wiki's own language)."""
    from .links import OWN_LANGUAGES, label, lang_code

    codes = [lang_code(v) for v in re.split(r"[,，、;；]\s*", value) if v.strip()]
    return " ".join(label(ctx, c) for c in codes if c not in OWN_LANGUAGES)


@register("citations", "cite web", "cite news", "cite book", "cite journal", "cite magazine", "citation",
          "cite encyclopedia", "cite report", "cite press release", "cite video", "cite av media",
          "cite conference", "cite thesis", "cite interview", "cite episode", "cite map", "cite speech",
          "cite paper", "cite document", "web cite", "cite newspaper", "cite periodical", "cite dvd",
          "cite tweet", "cite arxiv", "cite serial", "cite mailing list", "cite newsgroup", "cite court",
          "cite act", "cite patent", "cite sign", "cite podcast", "cite techreport", "vcite book",
          "vcite web", "vcite news", "vcite journal", "cite-web", "引用网页", "引用新闻", "引用书籍", "引用期刊")
def cite(node: Template, ctx: RenderContext, lang_override: str = "") -> str:
    """One citation in zh CS1 order: ``Author. Title. Work. Publisher. Date [Access]. IDs. （存档） （语言）.``"""
    from .registry import name_of

    kind = name_of(node).replace("vcite ", "cite ")
    kind = {"引用网页": "cite web", "引用新闻": "cite news", "引用书籍": "cite book", "引用期刊": "cite journal",
            "cite-web": "cite web"}.get(kind, kind)
    parts: list[str] = []
    authors = _authors(node, ctx)
    if authors:
        parts.append(authors)
    url = arg(node, "url", "URL", "chapter-url", "chapterurl", "contribution-url")
    archive = arg(node, "archive-url", "archiveurl")
    dead = is_dead(node)
    link = archive if archive and (dead or not url) else url
    if link and not _safe(link):
        ctx.defect("unsafe link", f"citation URL with a disallowed scheme dropped: {link[:40]}", node)
        link = ""
    raw_title = arg(node, "title", "script-title")
    if raw_title:
        stray = [str(p.value).strip() for p in node.params if not p.showkey and str(p.value).strip()]
        if stray:  # a "|" inside the title split it (quirk Q20): join the pieces back
            raw_title = " | ".join([raw_title, *stray])
    else:
        raw_title = arg(node, 1)
    chapter = arg(node, "chapter", "contribution", "entry", "article")
    title = _text(ctx, raw_title) if raw_title else ""
    trans = arg(node, "trans-title", "trans_title")
    if chapter:
        parts.append(_text(ctx, chapter))
    if title:
        t = f"[{title}]({escape.url(link)}){{ .cite-title }}" if link else title
        if trans:
            t += f" &#91;{_text(ctx, trans)}&#93;"
        if link:
            t += f'<span class="print-url"> {M.noconv(escape.text(link))}</span>'
        parts.append(t)
    elif link:
        parts.append(f"[{M.noconv(escape.text(link))}]({escape.url(link)})")
    others = arg(node, "others")
    if others:
        parts.append(_text(ctx, others))
    for key, fmt in (("edition", "{}"), ("version", "{}"), ("type", "&#91;{}&#93;")):
        v = arg(node, key)
        if v:
            parts.append(fmt.format(_text(ctx, v)))
    work = arg(node, "website", "work", "newspaper", "journal", "magazine", "periodical", "encyclopedia",
               "encyclopaedia", "dictionary", "series", "agency" if kind not in _NEWS else "_")
    loc = arg(node, "location", "place", "publication-place")
    pub = arg(node, "publisher", "institution", "agency" if kind in _NEWS else "_")
    via = arg(node, "via")
    if work:
        w = _text(ctx, work)
        if kind in _NEWS and loc:
            w += f" ({_text(ctx, loc)})"
            loc = ""
        elif kind in _PERIODICAL and (pub or loc):
            inner = ": ".join(_text(ctx, x) for x in (loc, pub) if x)
            w += f" ({inner})"
            pub = loc = ""
        parts.append(w)
    if kind in _BOOKISH and (loc or pub):
        parts.append(": ".join(_text(ctx, x) for x in (loc, pub) if x))
    elif pub:
        parts.append(_text(ctx, pub))
    if via:
        parts.append("通过" + _text(ctx, via))
    date = arg(node, "date") or arg(node, "year")
    seg = escape.text(iso_date(date)) if date else ""
    vol, issue = arg(node, "volume"), arg(node, "issue", "number")
    pages = arg(node, "pages", "page", "pp", "p", "at", "minutes", "time")
    if kind in _PERIODICAL and (vol or issue):
        seg += (", " if seg else "") + _field(ctx, vol)
        seg += f" ({_field(ctx, issue)})" if issue else ""
    if pages:
        seg += f": {_field(ctx, pages)}" if seg else _field(ctx, pages)
    access = arg(node, "access-date", "accessdate")
    if access:
        seg += f" &#91;{escape.text(iso_date(access))}&#93;"
    if seg.strip():
        parts.append(seg.strip())
    for label, keys in (("ISBN ", ("isbn", "ISBN", "isbn13")), ("ISSN ", ("issn", "ISSN")), ("doi:", ("doi", "DOI")),
                        ("OCLC ", ("oclc", "OCLC")), ("PMID ", ("pmid", "PMID")), ("arXiv:", ("arxiv", "eprint")),
                        ("JSTOR ", ("jstor", "JSTOR")), ("Bibcode:", ("bibcode",))):
        v = arg(node, *keys)
        if v:
            parts.append(f"{label}{escape.text(v)}")
    text = ""
    for p in (p.strip() for p in parts):
        if p:  # "Birtle, Andrew J." + ". " must not give "J.." (CS1 drops the doubled stop)
            text += ("" if not text else " " if text.endswith(".") else ". ") + p
    tail = []
    if archive and _safe(archive):
        adate = arg(node, "archive-date", "archivedate")
        when = f"于{escape.text(iso_date(adate))}" if adate else ""
        if dead:
            orig = f"[原始内容]({escape.url(url)})" if url and _safe(url) else "原始内容"
            tail.append(f"（{orig}存档{when}）")
        else:
            tail.append(f"（原始内容[存档]({escape.url(archive)}){when}）")
    # a trailing {{en}} and language=en are the same language, shown once (quirk Q24)
    lang = arg(node, "language", "lang", "in") or lang_override
    shown_lang = language(ctx, lang) if lang else ""
    out = text
    if tail:
        out += (". " if out and not out.endswith(".") else " " if out else "") + " ".join(tail)
    if shown_lang:
        out += (" " if out else "") + shown_lang
    out += "" if out.endswith(".") and not (tail or shown_lang) else "."
    quote = arg(node, "quote")
    if quote:
        out += f" <q>{_text(ctx, quote)}</q>"
    return f'<span class="citation">{out}</span>'


alias("cite web", "web reference", "web-reference")  # zh.wikipedia redirects to Template:Cite web


def _safe(url: str) -> bool:
    from ..render.html import safe_url

    return safe_url(url)


@register("citations", "webarchive", "wayback", "webcite", "archive.is")
def webarchive(node: Template, ctx: RenderContext) -> str:
    """「（页面存档备份，存于互联网档案馆）」 linking to the archived copy (zh Template:Webarchive)."""
    url = arg(node, "url", 1).split()[0] if arg(node, "url", 1) else ""
    rest = " ".join(arg(node, "url", 1).split()[1:])
    date = iso_date(arg(node, "date", 2))
    if not url or not _safe(url):
        return ""
    host = url.split("/")[2] if url.count("/") >= 2 else ""
    where = ("archive.today" if any(h in host for h in ("archive.is", "archive.today", "archive.ph", "archive.li"))
             else "WebCite" if "webcitation" in host else "互联网档案馆")
    out = f"（[页面存档备份]({escape.url(url)})，存于{where}）"
    if rest:  # text that ended up inside an unclosed call (quirk Q2): kept as written
        out += " " + escape.text(rest)
    del date
    return out
