"""The whole pipeline on plain strings: analyse once, then convert per variant.

``analyse`` (parse → references → render) is variant-independent and its result is cached by the
source's content, so a multi-variant build parses the article once and ``mkdocs serve`` re-parses
only when the wikitext changed.  ``convert_edition`` turns that into Markdown pages for one
variant.  Nothing here imports MkDocs: plugin.py is the glue, and the Markdown export
(outputs/export_markdown.py) calls the same functions.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import markers as M
from .conversion.engine import LOST_TRACK, Converter, RenderedBlock
from .conversion.rules import ConvRule, parse_rule
from .conversion.variants import is_traditional
from .diagnostics import Diagnostics
from .numbering import Numbering, number_headings, number_pages
from .pages import PagePlan, link_targets, plan
from .references import NOTE_GROUP, NOTE_GROUP_LABELS, NOTE_HEADINGS, References
from .render import escape
from .render.context import RenderContext
from .render.nodes import fold, render_block, render_file, render_inline, render_nodes
from .source import Prepared, conversion_switches, parse, prepare, split_sections


@dataclass(frozen=True)
class Options:
    """What the pipeline needs to know besides the text (all hashable, for the cache)."""

    title: str = ""
    mixed_script: bool = True
    groups_dir: str | None = None
    #: Editor's rules (config ``overrides``): ``(rule in noteTA syntax, reason)`` pairs.
    overrides: tuple[tuple[str, str], ...] = ()


#: Origin label of the editor's rule number *n* (1-based) in ``Article.page_rules``.
OVERRIDE_ORIGIN = "override {n}"


@dataclass
class Page:
    """One page in IMD, before conversion."""

    path: str
    kind: str
    title: str
    body: str
    footnote_ids: list[str] = field(default_factory=list)


@dataclass
class Article:
    """Everything variant-independent about the article."""

    pages: list[Page]
    blocks: dict[int, RenderedBlock]
    page_rules: list[tuple[ConvRule, str]]
    title_rule: ConvRule | None
    refs: References
    diag: Diagnostics
    prep: Prepared
    cited_on: dict[str, list[str]]
    source_sha: str
    #: The noteTA ``T=`` rule with its texts rendered like body text (what the title shows).
    title_block: RenderedBlock | None = None
    #: ``__NOCONTENTCONVERT__``/``__NOCC__``: nothing is converted; ``-{…}-`` shows as written, no rule acts.
    no_content_convert: bool = False
    #: ``__NOTITLECONVERT__``/``__NOTC__``: the title (T rules ignored) and headings are not converted.
    no_title_convert: bool = False
    #: Conversion groups the article asks for (``{{noteTA|G1=…}}``) that the build lacks.
    missing_groups: list[str] = field(default_factory=list)
    #: ``{{DISPLAYTITLE:…}}`` as plain text ("" when absent or when it names another page).
    display_title: str = ""
    #: Section numbers (3, 3.2, 3.2.1) of the chapters and their headings, the same in every variant.
    numbering: Numbering = field(default_factory=Numbering)


@dataclass
class VariantPage:
    path: str
    kind: str
    title: str
    markdown: str


@dataclass
class VariantEdition:
    variant: str
    site_name: str
    pages: list[VariantPage]
    rule_hits: list
    converter: Converter
    #: The title as inline Markdown (the home page's heading); ``site_name`` is its plain text.
    title_markdown: str = ""


_CACHE: dict[tuple[str, Options, str], Article] = {}


def analyse(raw: str, options: Options = Options(), timings: dict[str, float] | None = None) -> Article:
    """Parse, collect references and render every page to IMD (cached by content).

    *timings*, when given, receives the seconds spent in each sub-step (``parse``, ``references``,
    ``render``) and bypasses the cache; scripts/bench.py uses it to time the stages separately.
    """
    sha = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    # ages and {{CURRENTYEAR}} depend on the build date, so it is part of the key
    key = (sha, options, os.environ.get("SOURCE_DATE_EPOCH", ""))
    if timings is None and key in _CACHE:
        return _CACHE[key]
    mark = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal mark
        if timings is not None:
            now = time.perf_counter()
            timings[stage] = timings.get(stage, 0.0) + now - mark
            mark = now

    diag = Diagnostics()
    prep = prepare(raw, diag)
    code = parse(prep.text)
    sections = split_sections(prep, code)
    plans = plan(sections, prep)
    # Problems found before rendering (quotes, refs) know their line only: the block names the section too.
    diag.section_lines = [(prep.line_of(p.section.offset), M.strip_markers(str(p.section.title).strip())
                           if p.section.title is not None else "(lead)") for p in plans]
    refs = References(diag)

    ctx = RenderContext(prep=prep, diag=diag, refs=refs)
    ctx.render_inline = render_inline
    ctx.render_block = render_block
    ctx.render_nodes = render_nodes
    ctx.render_file = render_file
    ctx.sections = link_targets(plans, prep)
    if options.title:
        ctx.self_titles.add(fold(options.title))
        ctx.page_title = options.title

    # References are collected in document order (a pre-order walk: a node starts at or after the
    # previous one), so each search starts where the last match began.  Searching from 0 each time
    # was quadratic in the article's length and gave a repeated identical <ref> its first line.
    cursor = 0

    def line_of_node(node) -> int | None:
        nonlocal cursor
        s = str(node)
        i = prep.text.find(s, cursor)
        if i < 0:
            i = prep.text.find(s)
        if i < 0:
            return None
        cursor = i
        return prep.line_of(i)

    lap("parse")
    refs.collect(code, line_of_node)
    for b in prep.blocks.values():
        if b.kind == "vlist" and re.search(r"\{\{\s*reflist|<references", b.rule.body, re.I):
            refs.wrapper_block = b.id
    lap("references")

    pages: list[Page] = []
    cited_on: dict[str, list[str]] = {}
    for p in plans:
        pages.append(_render_page(p, ctx, cited_on))
    article = Article(
        pages=pages,
        blocks=_render_blocks(prep, ctx),
        page_rules=[],
        title_rule=ctx.title_rule if isinstance(ctx.title_rule, ConvRule) else None,
        refs=refs,
        diag=diag,
        prep=prep,
        cited_on=cited_on,
        source_sha=sha,
        display_title=_display_title(ctx, options),
        numbering=number_pages((p.path, p.kind, p.body) for p in pages),
    )
    article.page_rules = _page_rules(ctx, options, diag, article.missing_groups)
    article.no_content_convert, article.no_title_convert = conversion_switches(prep.text)
    if article.no_content_convert:
        article.page_rules = []  # MediaWiki never runs the converter: no noteTA, group or editor rule acts
    if article.title_rule is not None:
        article.title_block = _render_title_rule(article.title_rule, ctx)
    _fill_lists(article, ctx)
    for fid, fn in refs.footnotes.items():
        if fid not in cited_on:
            diag.defect("unused ref", f"ref «{fn.name or fid}» is defined but never cited", fn.line)
    lap("render")
    _CACHE.clear()
    _CACHE[key] = article
    return article


def _render_page(p: PagePlan, ctx: RenderContext, cited_on: dict[str, list[str]]) -> Page:
    sec = p.section
    ctx.page = p.path
    ctx.section = M.strip_markers(str(sec.title).strip()) if sec.title is not None else "(lead)"
    ctx.section_offset = sec.offset
    ctx.section_text = sec.text
    ctx.heading_anchors = []
    ctx.refs.push_page()
    body = render_block(sec.code, ctx)
    title = ""
    if sec.title is not None:
        ctx.in_heading += 1
        title = render_inline(sec.title, ctx)
        ctx.in_heading -= 1
        if not M.strip_markers(title).strip():
            ctx.defect("empty heading", "a section title renders empty; a placeholder is shown", sec.title)
            title = "（无标题）"
    sink, note_idx = ctx.refs.pop_page()
    notes_md = ""
    if note_idx and p.path not in ctx.notes_list_pages:
        from .templates.references import notes_list

        notes_md = notes_list(ctx, note_idx)
    # Footnote bodies are rendered once, lazily; a body may cite more (rare), so loop to a fixpoint.
    defs: list[str] = []
    i = 0
    while i < len(sink):
        fid = sink[i]
        defs.append(_footnote_def(fid, ctx))
        cited_on.setdefault(fid, [])
        if p.path not in cited_on[fid]:
            cited_on[fid].append(p.path)
        i += 1
    parts = [body.rstrip()]
    if notes_md:
        parts.append('<div class="page-notes" markdown="1">\n\n**' + M.noconv(NOTE_HEADINGS["hans"]) + '**\n\n' + notes_md + "\n\n</div>")
    if defs:
        parts.append("\n".join(defs))
    return Page(p.path, p.kind, title, "\n\n".join(x for x in parts if x) + "\n", list(sink))


def _footnote_text(fid: str, ctx: RenderContext) -> str:
    fn = ctx.refs.footnotes[fid]
    if fn.imd is None:
        if fn.kind == "missing":
            fn.imd = f'<span class="cite-error">来源缺失（{escape.text(fn.name or fid)}）</span>'
        elif isinstance(fn.body, str):
            fn.imd = escape.text(fn.body)
        else:
            ctx.in_footnote += 1
            saved = ctx.refs.sinks
            ctx.refs.sinks = []  # a footnote body cites nothing on the page by itself
            try:
                fn.imd = render_inline(fn.body, ctx) or ""
            finally:
                ctx.refs.sinks = saved
                ctx.in_footnote -= 1
            if not M.strip_markers(fn.imd).strip():
                ctx.diag.defect("empty ref", f"footnote {fid} renders empty", fn.line)
                fn.imd = "（空引用）"
        if ctx.refs.wrapper_block is not None and fn.kind != "missing":
            w = ctx.refs.wrapper_block
            fn.imd = f"{M.SPAN_OPEN}{w}{M.ID_END}{fn.imd}{M.SPAN_CLOSE}{w}{M.ID_END}"
    return fn.imd


def _footnote_def(fid: str, ctx: RenderContext) -> str:
    text = _footnote_text(fid, ctx)
    return f"[^{ctx.refs.label(fid)}]: {text}"


def _render_blocks(prep: Prepared, ctx: RenderContext) -> dict[int, RenderedBlock]:
    out: dict[int, RenderedBlock] = {}
    ctx.page, ctx.section = "index.md", "(conversion rules)"
    for b in prep.blocks.values():
        if b.kind != "map":
            out[b.id] = RenderedBlock(b.id, b.rule, {}, [], b.rule.body, b.line)
            continue
        # A title (T) text is rendered as a heading would be; every text is sanitized like body text.
        ctx.in_heading += "T" in b.rule.flags
        try:
            entries = {v: render_inline(_mid_line(t), ctx) for v, t in b.rule.entries.items()}
            oneway = [(render_inline(_mid_line(o.source), ctx), o.variant, render_inline(_mid_line(o.target), ctx))
                      for o in b.rule.oneway]
            # A block without code: entries shows (D, T) its whole text: render it too.
            body = b.rule.body if b.rule.has_entries else render_inline(b.rule.body, ctx)
        finally:
            ctx.in_heading -= "T" in b.rule.flags
        out[b.id] = RenderedBlock(b.id, b.rule, entries, oneway, body, b.line)
    return out


def _mid_line(text: str) -> str:
    """A map entry's text stands where the block stands, not at a line start: a leading ``*#:;``
    is text there (``-{zh-tw:* foo;…}-`` shows ``* foo``), so it becomes a character reference."""
    if text[:1] in ("*", "#", ":", ";"):
        return f"&#{ord(text[0])};{text[1:]}"
    return text


def _render_title_rule(rule: ConvRule, ctx: RenderContext) -> RenderedBlock:
    """The noteTA ``T=`` rule with each text rendered as a heading is (sanitized like body text)."""
    ctx.page, ctx.section = "index.md", "(noteTA T=)"
    ctx.in_heading += 1
    try:
        entries = {v: render_inline(t, ctx) for v, t in rule.entries.items()}
        oneway = [(render_inline(o.source, ctx), o.variant, render_inline(o.target, ctx)) for o in rule.oneway]
        body = rule.body if rule.has_entries else render_inline(rule.body, ctx)
    finally:
        ctx.in_heading -= 1
    return RenderedBlock(0, rule, entries, oneway, body, 0)


def load_group(name: str, groups_dir: str | None) -> list[ConvRule] | None:
    """Rules of a conversion group (公共转换组, ``{{noteTA|G1=<name>}}``), or None when unavailable.

    zh.wikipedia keeps groups as ``Module:CGroup/<name>``; an offline build reads a vendored copy
    from ``<groups_dir>/<name>.txt`` or ``<groups_dir>/<name>.json`` (the caller warns once and the
    build goes on when neither exists, as Module:NoteTA adds no rules for a missing group).

    * ``.txt``: one rule per line in ``-{H|…}-`` body syntax (``zh-cn:坦克; zh-tw:戰車; zh-hk:坦克;``,
      one-way ``加特林=>zh-tw:格林;``); blank lines and lines starting with ``#`` are ignored.
    * ``.json``: ``{"rules": ["…", …]}`` or ``{"rules": [{"conv": "…"}, …]}`` — the second is the
      layout of zhconv-rs's ``data/cgroups/*.json`` snapshots, so those files can be used as they are.

    Say which revision you vendored (a comment line, or the JSON's ``description``): groups are
    edited independently of articles.  A file that cannot be read or parsed counts as unavailable.
    """
    if not groups_dir or not name or "/" in name or "\\" in name or name.startswith("."):
        return None
    base = Path(groups_dir)
    txt, js = base / f"{name}.txt", base / f"{name}.json"
    try:
        if txt.is_file():
            lines = txt.read_text(encoding="utf-8").splitlines()
            return [parse_rule(ln.strip()) for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
        if js.is_file():
            data = json.loads(js.read_text(encoding="utf-8"))
            rules = data.get("rules", []) if isinstance(data, dict) else data
            return [parse_rule(str(r["conv"]) if isinstance(r, dict) else str(r)) for r in rules]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return None


def _page_rules(ctx: RenderContext, options: Options, diag: Diagnostics,
                missing: list[str] | None = None) -> list[tuple[ConvRule, str]]:
    """Group rules first, then numbered noteTA rules (Module:NoteTA's order), then the editor's rules."""
    out: list[tuple[ConvRule, str]] = []
    groups = [name for kind, name, _ in ctx.page_rules if kind == "group"]
    for g in groups:
        rules = load_group(g, options.groups_dir)
        if rules is None:
            if missing is not None and g not in missing:
                missing.append(g)
            at = re.search(r"\|\s*G\d+\s*=\s*" + re.escape(g) + r"\s*(?=[|}\n])", ctx.prep.text)
            diag.defect(
                "missing group",
                f"conversion group «{g}» is not available"
                + (f" in {options.groups_dir}" if options.groups_dir else " (no groups_dir configured)")
                + "; its rules are not applied",
                ctx.prep.line_of(at.start() + 1) if at else None, template="noteTA",
            )
            continue
        out.extend((r, f"group {g}") for r in rules if r.has_entries)
    out.extend((rule, origin) for kind, origin, rule in ctx.page_rules if kind == "noteTA" and rule is not None)
    # Editor's rules come last: they act like further noteTA rules (a longer key wins, §5).
    out.extend((parse_rule(text), OVERRIDE_ORIGIN.format(n=n)) for n, (text, _why) in enumerate(options.overrides, 1))
    return out


def _fill_lists(article: Article, ctx: RenderContext) -> None:
    """Replace the reference-list and notes-list placeholders with the full lists."""
    from .templates.references import notes_list

    refs = article.refs
    notes = notes_list(ctx, here="")  # the full list: back-links name the marker's page
    for page in article.pages:
        if f"{M.STASH_OPEN}NOTES{M.STASH_CLOSE}" in page.body:
            page.body = page.body.replace(f"{M.STASH_OPEN}NOTES{M.STASH_CLOSE}", notes, 1)
            page.body = page.body.replace(f"{M.STASH_OPEN}NOTES{M.STASH_CLOSE}", "")
            # The full notes list cites footnotes: define them on this page too.
            extra = [fid for n in refs.notes for fid in n.cites if fid not in page.footnote_ids]
            for fid in dict.fromkeys(extra):
                page.footnote_ids.append(fid)
                page.body = page.body.rstrip("\n") + "\n\n" + _footnote_def(fid, ctx) + "\n"
                article.cited_on.setdefault(fid, [])
                if page.path not in article.cited_on[fid]:
                    article.cited_on[fid].append(page.path)
    titles = {p.path: p.title or "导言" for p in article.pages}
    for fid in refs.footnotes:
        _footnote_text(fid, ctx)  # a body may cite a source not cited elsewhere: number it now
    refs.number_the_rest()
    places = citing_places(article.pages)
    items = []
    for fn in refs.in_number_order():
        links = [(f"{pg}#{fnref_id(fn.number, k)}", titles[pg]) for pg, k in places.get(str(fn.number), [])]
        items.append(f"1. {_backlinks_md(links)}{_footnote_text(fn.id, ctx)}")
    reflist = '<div class="reference-list" markdown="1">\n\n' + "\n".join(items) + "\n\n</div>"
    have_reflist = False
    for page in article.pages:
        if f"{M.STASH_OPEN}REFLIST{M.STASH_CLOSE}" in page.body:
            have_reflist = True
        page.body = page.body.replace(f"{M.STASH_OPEN}REFLIST{M.STASH_CLOSE}", reflist, 1)
        page.body = page.body.replace(f"{M.STASH_OPEN}REFLIST{M.STASH_CLOSE}", "")
    if refs.footnotes and not have_reflist:
        article.pages.append(Page("references.md" if all(p.path != "references.md" for p in article.pages)
                                  else "all-references.md", "back", "参考文献", reflist + "\n"))


_MARKER_RE = re.compile(r"\[\^(\d+)\](?!:)")


def citing_places(pages: Sequence[Page]) -> dict[str, list[tuple[str, int]]]:
    """Footnote label → (page path, k) for its k-th marker on that page (1-based), in page order."""
    out: dict[str, list[tuple[str, int]]] = {}
    for page in pages:
        seen: dict[str, int] = {}
        for m in _MARKER_RE.finditer(page.body):
            label = m.group(1)
            seen[label] = seen.get(label, 0) + 1
            out.setdefault(label, []).append((page.path, seen[label]))
    return out


def fnref_id(label: object, k: int) -> str:
    """Python-Markdown's id of the k-th marker (1-based) of footnote *label* on a page."""
    return f"fnref:{label}" if k == 1 else f"fnref{k}:{label}"


def _backlinks_md(links: list[tuple[str, str]]) -> str:
    """The reference list's back-links as Markdown: ``^`` or ``^ a b c`` (footnotes.py's labels)."""
    from .footnotes import CARET, backlink_label

    if not links:
        return ""
    caret = "&#" + str(ord(CARET)) + ";"  # a bare ^ would start a footnote marker or superscript

    def one(label: str, href: str, title: str) -> str:
        return f'[{label}]({href} "{escape.attr(title)}"){{ .footnote-backref .cite-backref }}'

    if len(links) == 1:
        inner = one(caret, *links[0])
    else:
        inner = f'<span class="cite-caret">{caret}</span> ' + " ".join(
            one(backlink_label(k), href, title) for k, (href, title) in enumerate(links))
    return f'<span class="cite-backlinks cited-on">{inner}</span> '


def _display_title(ctx: RenderContext, options: Options) -> str:
    """The shown title from ``{{DISPLAYTITLE:…}}``, kept only when it names this page (MediaWiki's
    $wgRestrictDisplayTitle: same title once case, spaces and script are folded); else reported."""
    shown = ctx.display_title.strip()
    if not shown:
        return ""
    if options.title and fold(shown).replace("_", "") == fold(options.title).replace("_", ""):
        return shown
    ctx.diag.defect("display title", f"{{{{DISPLAYTITLE:{shown}}}}} does not name this page; the page name is shown")
    return ""


def site_title(article: Article, variant: str, options: Options, conv: Converter) -> tuple[str, str]:
    """The title for the variant as (inline Markdown, plain text).

    The last ``T`` rule (noteTA ``T=`` or inline ``-{T|…}-``) gives it with fallback, shown as
    written (Converter.title_display); its text was rendered and sanitized like body text, so
    ``''a''`` is italic and no tag or handler from the source survives.  Without one, the page
    name run through the variant's table, page rules included (ConverterRule::getRuleConvertedTitle),
    and escaped.  The plain text (for ``<title>``, site_name, the print cover) has no markup; it is
    *text*: whoever puts it into HTML escapes it.
    """
    # __NOTITLECONVERT__ and __NOCONTENTCONVERT__ skip title conversion altogether, T rules
    # included: the page name shows as it is (Parser::parse sets no converted title text).
    raw_title = article.no_title_convert or article.no_content_convert
    block = None if raw_title else conv.title_block or article.title_block
    if block is not None:
        md = conv.title_display(block)
        if md and plain_text(md).strip():
            return md, plain_text(md).strip()
    title = article.display_title or options.title  # {{DISPLAYTITLE:…}} when it names this page
    if not title:
        name = ""
    elif raw_title:
        name = title  # __NOTITLECONVERT__/__NOCC__: the page name as it is
    else:
        name = conv.convert_run(title)
    return escape.line_start(escape.text(name)), name


def site_name(article: Article, variant: str, options: Options, conv: Converter) -> str:
    """The title's plain text (see :func:`site_title`)."""
    return site_title(article, variant, options, conv)[1]


_LINK_DEST_RE = re.compile(r"\]\((?:<[^<>\n]*>|[^()\s]*)\)")
_TAG_RE = re.compile(r"<[^<>]*>")


def plain_text(markdown: str) -> str:
    """The text a reader sees in one line of our inline Markdown: link destinations and tags
    removed, character references decoded.  Source text never holds a bare ``[``, ``]``, ``<`` or
    ``&`` here (render/escape.py writes them as references), so these are all markup."""
    s = _LINK_DEST_RE.sub("]", M.strip_markers(markdown))
    s = _TAG_RE.sub("", s.replace("[", "").replace("]", ""))
    return " ".join(html.unescape(s).split())


_ANY_MARKER = re.compile("[\ue000-\uf8ff]")


def _unmarked(text: str) -> str:
    """*text* without leftover markers (the converter consumes them all; this is a safety net)."""
    return M.strip_markers(text) if _ANY_MARKER.search(text) else text


#: Variants whose forms a tooltip shows when the caller does not say what is being built.
DEFAULT_BUILT: tuple[str, ...] = ("zh-cn", "zh-tw")


def _first_entry(m: re.Match[str]) -> str:
    entries = dict(part.split(":", 1) for part in m.group(1).split(";") if ":" in part)
    entries = {k.strip(): v.strip() for k, v in entries.items()}
    return entries.get("zh-hans") or entries.get("zh-cn") or next(iter(entries.values()), m.group(1))


#: Inline templates whose text can be the bold subject of a lead (``{{Ruby|苯|běn}}`` in bold):
#: name → the positional argument that holds the text.
_TEXT_TEMPLATES = {"ruby": 1, "ruby-zh": 1, "ruby-ja": 1, "unicode": 1, "nowrap": 1, "lang": 2}


def _template_text(m: re.Match[str]) -> str:
    """A template call in the lead: its text when it is a text-carrying inline template, else nothing."""
    parts = m.group(0)[2:-2].split("|")
    want = _TEXT_TEMPLATES.get(" ".join(parts[0].replace("_", " ").split()).lower())
    positional = [p for p in parts[1:] if "=" not in p]
    return positional[want - 1] if want and len(positional) >= want else ""


def guess_title(raw: str) -> str:
    """The article's name as the lead writes it: its first bold phrase, without markup.

    zh.wikipedia leads open with the subject in bold; used when neither the configuration nor a
    ``T=`` rule names the article.
    """
    lead = re.split(r"^==[^=]", raw, maxsplit=1, flags=re.M)[0]
    lead = re.sub(r"<!--.*?-->", "", lead, flags=re.S)
    lead = re.sub(r"-\{(?:[^{}|]*\|)?([^{}]*)\}-", _first_entry, lead)  # maps: their simplified text
    lead = re.sub(r"-\{|\}-", "", lead)  # leftovers would unbalance the braces
    prev = None
    while prev != lead:  # templates (infobox, hatnotes), innermost first; text-carrying ones keep their text
        prev, lead = lead, re.sub(r"\{\{[^{}]*\}\}", _template_text, lead)
    prose = "\n".join(ln for ln in lead.split("\n") if ln.strip() and ln.lstrip()[0] not in "|{}*#:;!=<[")
    m = re.search(r"'''(.+?)'''", prose)
    if not m:
        return ""
    text = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", m.group(1))
    text = re.sub(r"-\{(?:[^|}]*\|)?([^}]*)\}-", r"\1", text)
    text = re.sub(r"<[^>]*>|'{2,}", "", text)
    return text.strip()[:80]


_NOTE_LABEL_RE = re.compile(rf"&#91;{NOTE_GROUP}(\d+)&#93;")


def _note_labels(body: str, variant: str) -> str:
    """Write the default note group's labels (``[注1]``, markers and list) in the variant's script."""
    script = "hant" if is_traditional(variant) else "hans"
    label = NOTE_GROUP_LABELS[script]
    if script == "hans":
        return body
    body = body.replace(f"**{NOTE_HEADINGS['hans']}**", f"**{NOTE_HEADINGS[script]}**")
    return _NOTE_LABEL_RE.sub(rf"&#91;{label}\1&#93;", body)


#: Nav label of the lead page (converted per variant).
LEAD_LABEL = "导言"


def page_texts(article: Article, conv: Converter, options: Options) -> tuple[str, list[tuple[str, str]]]:
    """The site name and (title, Markdown) of every article page, converted in order by *conv*.

    Bodies first, titles after, with the rules in force at the end (MediaWiki converts its table
    of contents last).  The home page shows the article's title as its heading; its nav label
    names the part (导言), since the site name above the nav already is the title.  Shared by the
    variant sites and the parallel view, so both show the same text.
    """
    notc = article.no_title_convert
    bodies = []
    for p in article.pages:
        conv.place = p.path  # rule hits remember their page (the review on 用词对照)
        if p.kind != "lead" and p.title:
            conv.apply_rules_of(p.title)  # the heading's rules act before its section (document order)
        body = _note_labels(conv.convert(_raw_headings(p.body) if notc else p.body), conv.variant)
        bodies.append(number_headings(body, article.numbering))  # after conversion: digits stay as written
    conv.place = ""
    conv.frozen = True  # the nav labels below: their rules acted already, in document order
    # After the bodies: an inline -{T|…}- anywhere counts.
    name_md, name = site_title(article, conv.variant, options, conv)
    out = []
    for p, body in zip(article.pages, bodies, strict=True):
        conv.place = p.path
        if p.kind == "lead":
            title = conv.convert_run(LEAD_LABEL, rules=False)
            body = f"# {name_md}\n\n{body}" if name_md else body
        else:
            title = p.title and conv.convert(M.noconv(p.title) if notc else p.title, tooltips=False)
            title = title or name_md
        out.append((_unmarked(title), _unmarked(body)))
    conv.title_markdown = name_md
    conv.place = ""
    conv.frozen = False
    return name, out


_HEADING_LINE_RE = re.compile(r"^(#{1,6} )(.*?)((?: \{[^{}\n]*\})?)$", re.M)


def _raw_headings(body: str) -> str:
    """*body* with every heading's text kept from conversion (``__NOTITLECONVERT__``)."""
    return _HEADING_LINE_RE.sub(lambda m: m.group(1) + M.noconv(m.group(2)) + m.group(3), body)


#: Pages a view adds after the article's own, converted with the same converter: called with the
#: article, the converter (rules and hits so far), *built* and ``{page path: converted title}``.
BackMatter = Callable[["Article", Converter, tuple[str, ...], dict[str, str]], list["VariantPage"]]


def convert_edition(
    article: Article, variant: str, options: Options = Options(), built: Sequence[str] | None = None,
    back_matter: BackMatter | None = None,
) -> VariantEdition:
    """Convert every page of the article to *variant*, in document order (rules act forward).

    *built* lists every variant of this build: rule-changed words get an ``<abbr>`` tooltip with
    their form in the others.  Page titles (nav labels) are converted after the bodies, with the
    rules in force at the end, as MediaWiki converts its table of contents.  *back_matter* (a
    view, such as :func:`zhwiki.views.edition.back_matter` for 用词对照) adds its pages at the end,
    before the converter's warnings are collected, so that the stage never imports a view.
    """
    built = tuple(dict.fromkeys(built or (*DEFAULT_BUILT, variant)))
    conv = Converter(variant, article.blocks, article.page_rules, mixed_script=options.mixed_script,
                     built=built, tooltips=True, content_convert=not article.no_content_convert)
    name, texts = page_texts(article, conv, options)
    pages = [VariantPage(p.path, p.kind, title, body) for p, (title, body) in zip(article.pages, texts, strict=True)]
    if back_matter is not None:
        labels = {p.path: title for p, (title, _b) in zip(article.pages, texts, strict=True)}
        pages.extend(back_matter(article, conv, built, labels))
    for msg, line in conv.warnings:
        article.diag.defect("internal" if msg == LOST_TRACK else "conversion", msg, line, variant=variant)
    return VariantEdition(variant, name, pages, conv.hits, conv, conv.title_markdown)


def summary(article: Article) -> list[str]:
    """The end-of-build summary of what was built: counts of pages, footnotes and templates by
    family, and infobox parameters still without a label.  The problems in the source are one
    block of their own (:meth:`zhwiki.diagnostics.Diagnostics.source_block`)."""
    d = article.diag
    refs = article.refs
    fam = ", ".join(f"{k} {v}" for k, v in sorted(d.template_families.items()))
    lines = [
        f"pages: {len(article.pages)}",
        f"footnotes: {sum(1 for f in refs.footnotes.values() if f.kind != 'missing')} "
        f"(+{len(refs.undefined)} undefined), notes: {len(refs.notes)}",
        f"templates by family: {fam}",
    ]
    if d.unlabelled_params:
        lines.append("infobox parameters without a label: "
                     + ", ".join(f"{k} × {v}" for k, v in sorted(d.unlabelled_params.items())))
    return lines
