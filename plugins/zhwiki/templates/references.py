"""Reference templates: ``{{r}}``, ``{{rp}}``, ``{{sfn}}``, ``{{harvnb}}``, notes and lists."""

from __future__ import annotations

from mwparserfromhell.nodes import Template

from .. import markers as M
from ..references import NOTE_GROUP, TAG_REF_TEMPLATES, norm_name, sfn_key
from ..render import escape
from ..render.context import RenderContext
from .registry import arg, arg_code, register

#: The title of a note's back-link (as footnotes' BACKLINK_TITLE in mkdocs.yml).
NOTE_BACKLINK_TITLE = "返回正文"


def _rp(page: str) -> str:
    return f'<sup class="rp">:{escape.text(page)}</sup>' if page else ""


@register("references", "r")
def r(node: Template, ctx: RenderContext) -> str:
    """``{{r|a|b|page=}}``: one marker per name, with the page after the last (Template:R)."""
    out = []
    for p in node.params:
        if p.showkey and not str(p.name).strip().isdigit():
            continue
        name = norm_name(str(p.value))
        if not name:
            continue
        fn = ctx.refs.by_name.get(name)
        if fn is None:
            ctx.defect("undefined ref", f"{{{{r|{name}}}}} names no ref", node)
            continue
        out.append(ctx.refs.use(fn.id))
    page = arg(node, "page", "p", "pages", "pp")
    return "".join(out) + _rp(page)


@register("references", "rp")
def rp(node: Template, ctx: RenderContext) -> str:
    return _rp(arg(node, 1, "page", "p", "pages", "pp"))


@register("references", "sfn", "sfnp")
def sfn(node: Template, ctx: RenderContext) -> str:
    fn = ctx.refs.sfn_by_key.get(sfn_key(node))
    return ctx.refs.use(fn.id) if fn is not None else ""


@register("references", "harvnb", "harv", "harvtxt", "harvp")
def harvnb(node: Template, ctx: RenderContext) -> str:
    from ..references import sfn_text

    return escape.text(sfn_text(node))


def note_marker(ctx: RenderContext, node, group: str, body, name: str | None) -> str:
    """A note marker ``[注n]``; the note's body is rendered once, capturing what it cites.

    The link is classed ``footnote-ref`` so that Material's footnote tooltips preview notes too.
    """
    note, created = ctx.refs.note_for(id(node), group, body, ctx.line_of(node), name)
    if note.page is None:
        note.page = ctx.page
    if created or note.imd is None:
        if body is None:
            if note.imd is None:
                ctx.defect("undefined note", f"note «{name}» has no text", node)
                note.imd = "（注释内容缺失）"
        else:
            ctx.refs.sinks.append(note.cites)
            try:
                note.imd = ctx.inline(body)
            finally:
                ctx.refs.sinks.pop()
    ctx.refs.use_note(note)
    for fid in note.cites:
        ctx.refs.use(fid)
    label = escape.text(group)
    return (
        f'<sup class="note-ref" id="noteref-{_gid(group)}{note.number}">'
        f'<a class="footnote-ref note-link" href="#note-{_gid(group)}{note.number}">&#91;{label}{note.number}&#93;</a></sup>'
    )


def _gid(group: str) -> str:
    """ASCII prefix for a note group's ids (the default group 注 has none)."""
    if group == NOTE_GROUP:
        return ""
    return "g" + "".join(f"{ord(c):x}" for c in group) + "-"


@register("references", "notetag", "efn", "note tag", "refn", "notetag2", "ntag",
          # zh.wikipedia's note templates named in Chinese (Template:注, 備註 …), the same NoteTag
          "注", "註", "注释", "註釋", "备注", "備註")
def notetag(node: Template, ctx: RenderContext) -> str:
    group = arg(node, "group").strip("\"'") or NOTE_GROUP  # group="注釋" is the group 注釋
    body = arg_code(node, 1, "content", "text")
    return note_marker(ctx, node, group, body, arg(node, "name") or None)


@register("references", *TAG_REF_TEMPLATES)
def tag_ref(node: Template, ctx: RenderContext) -> str:
    """``{{参|name=a|{{cite web|…}}}}`` (Template:参, 參考, RefTag): a ``<ref>`` written as a template,
    so that it works inside other templates' parameters; ``{{参|name=a}}`` cites «a» again, and
    ``group=`` makes it a note of that group."""
    body = arg_code(node, 1)
    name = norm_name(arg(node, "name")) or None
    group = arg(node, "group")
    if group:
        return note_marker(ctx, node, group, body, name)
    fn = ctx.refs.by_node.get(id(node))
    if fn is None and name:
        fn = ctx.refs.by_name.get(name)
    if fn is None:
        if body is None:
            ctx.defect("empty ref", f"{{{{{' '.join(str(node.name).split())}}}}} with no content and no known name was skipped", node)
            return ""
        fn = ctx.refs.define(name, body, ctx.line_of(node))
    return ctx.refs.use(fn.id)


def notes_list(ctx: RenderContext, indexes: list[int] | None = None, group: str | None = None,
               here: str | None = None) -> str:
    """The list of notes (all, or those used on the current page) as a Markdown block.

    *here* is the page the list goes on; a back-link to a marker on another page names that page.
    """
    notes = ctx.refs.notes if indexes is None else [ctx.refs.notes[i] for i in indexes]
    if group:
        notes = [n for n in notes if n.group == group]
    if not notes:
        return ""
    lines = ['<div class="wiki-notes" markdown="1">', ""]
    for n in notes:
        g = _gid(n.group)
        target = "" if here is None or n.page in (None, here) else n.page
        # Back-link first, as in the reference lists (^); the text in its own span, because Material's
        # footnote tooltip (the marker is a .footnote-ref) previews only the target's child elements.
        lines.append(
            f'[&#94;]({target}#noteref-{g}{n.number}){{ .note-back .footnote-backref .cite-backref title="{NOTE_BACKLINK_TITLE}" }} '
            f'<span class="note-label">&#91;{escape.text(n.group)}{n.number}&#93;</span> '
            f'<span class="note-text">{n.imd or ""}</span>'
        )
        lines.append(f"{{: #note-{g}{n.number} .wiki-note }}")
        lines.append("")
    lines.append("</div>")
    return "\n".join(lines)


@register("references", "notefoot", "notelist", "notes", "efn-ua list")
def notefoot(node: Template, ctx: RenderContext) -> str:
    ctx.notes_list_pages.add(ctx.page)
    return ctx.stash_block(M.STASH_OPEN + "NOTES" + M.STASH_CLOSE)


def reference_list(ctx: RenderContext, group: str = "") -> str:
    """Where the article puts its reference list: the pipeline fills in every source."""
    if group:
        ctx.notes_list_pages.add(ctx.page)
        return ctx.stash_block(M.STASH_OPEN + "NOTES" + M.STASH_CLOSE)
    ctx.reflist_seen = True
    return ctx.stash_block(M.STASH_OPEN + "REFLIST" + M.STASH_CLOSE)


@register("references", "reflist", "references", "refs", "reference", "参考资料", "參考資料", "reflist-talk")
def reflist(node: Template, ctx: RenderContext) -> str:
    # list-defined refs in refs= were registered in pass 1; they show no marker of their own
    return reference_list(ctx, group=arg(node, "group"))
