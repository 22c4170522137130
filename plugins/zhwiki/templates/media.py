"""Media: ``{{external media}}``, ``{{YouTube}}``, ``{{multiple image}}``.

Nothing is fetched and no image file is available offline: videos become links with their
titles (the URL is printed after them on paper), images become figures with their captions
and a link to the file's page on Wikimedia Commons.
"""

from __future__ import annotations

import re

import mwparserfromhell
from mwparserfromhell.nodes import Template, Text, Wikilink

from .. import markers as M
from ..render import escape
from ..render.context import RenderContext
from ..render.html import safe_url
from ..source import unbalanced_quotes
from .registry import arg, arg_code, register

_FILE_RE = re.compile(r"\[\[\s*(?:File|Image|文件|檔案|图像|圖像|图片|圖片)\s*:\s*([^|\]]+)", re.I)


def file_name(value: str) -> str:
    """A file name from an infobox-style value: bare ``X.jpg`` or a full ``[[File:X.jpg|…]]`` (Q25)."""
    m = _FILE_RE.search(value)
    name = (m.group(1) if m else value).strip()
    if ":" in name and name.split(":", 1)[0].strip().lower() in ("file", "image", "文件", "檔案", "图像"):
        name = name.split(":", 1)[1].strip()
    return name


def damaged_file_link(value: str) -> tuple[str, str] | None:
    """An image value whose file link an inner link closed early, as in the body (quirk Q3).

    ``[[File:X.jpg|说明[[甲]]]]其余]]``: the parser closes the file link at ``]]]]`` and leaves
    ``其余]]`` as text.  Returns (file name, the caption repaired as wikitext: the link's last part and
    the text up to the last ``]]`` of its line), or None for any other value.
    """
    if "[[" not in value:
        return None
    nodes = mwparserfromhell.parse(value, skip_style_tags=True).nodes
    for i, nd in enumerate(nodes):
        if isinstance(nd, Wikilink) and _FILE_RE.match(str(nd)):
            first = "".join(str(n) for n in nodes[i + 1:]).split("\n", 1)[0]
            k = first.rfind("]]")
            if k < 0 or "[[" in first[:k]:
                return None
            last = str(nd.text).split("|")[-1] if nd.text is not None else ""
            return file_name(str(nd)), last + first[:k]
        if not (isinstance(nd, Text) and not nd.value.strip()):
            return None
    return None


def _repaired_caption(ctx: RenderContext, name: str, caption: str) -> str:
    """*caption* with stray ``[[``/``]]`` removed; a damaged caption (those, or ``''``/``'''`` left
    open on a line) is reported as in the body, with its line and the template it stands in."""
    faults = [f"{q} not closed" for q in filter(None, map(unbalanced_quotes, caption.split("\n")))]
    code = mwparserfromhell.parse(caption, skip_style_tags=True)
    for nd in code.nodes:
        if isinstance(nd, Text) and ("[[" in nd.value or "]]" in nd.value):
            faults += [w for tok, w in (("[[", "unclosed [["), ("]]", "stray ]]")) if tok in nd.value and w not in faults]
            nd.value = nd.value.replace("[[", "").replace("]]", "")
    if not faults:
        return caption
    ctx.defect("damaged caption", f"image caption of [[File:{name}]] repaired ({', '.join(faults)})", caption)
    return str(code)


def figure(ctx: RenderContext, name: str, caption: str = "", alt: str = "") -> str:
    """A figure for *name* with *caption* (wikitext), through the renderer's file handler."""
    caption = _repaired_caption(ctx, name, caption) if caption else caption
    opts = "thumb"
    if alt:
        opts += f"|alt={alt}"
    if caption:
        opts += f"|{caption}"
    return ctx.file(Wikilink(f"File:{name}", opts))


def print_url(url: str) -> str:
    """The URL in small type after a link, shown only in print."""
    return f'<span class="print-url"> {M.noconv(escape.text(url))}</span>'


@register("media", "external media", "external video", "external audio")
def external_media(node: Template, ctx: RenderContext) -> str:
    """The side box 「外部媒体」 as a small box listing the linked titles."""
    items = []
    for p in node.params:
        key = str(p.name).strip()
        m = re.match(r"^(video|audio|image)(\d*)$", key)
        if not m or not str(p.value).strip():
            continue
        val = ctx.inline(p.value)
        urls = re.findall(r"https?://[^\s\]]+", str(p.value))
        kind = {"video": "视频", "audio": "音频", "image": "图像"}[m.group(1)]
        items.append(f"- {kind}：{val}" + (print_url(urls[0]) if urls else ""))
    if not items:
        return ""
    head = arg_code(node, "headerimage", "header")
    title = ctx.inline(head) if head is not None else "外部媒体"
    body = "\n".join(items)
    return ctx.stash_block(f'<div class="external-media" markdown="1">\n\n**{title}**\n\n{body}\n\n</div>')


@register("media", "youtube", "yt", "youtube video")
def youtube(node: Template, ctx: RenderContext) -> str:
    """``{{YouTube|id|标题}}`` → a link to the video with its title, marked 「（YouTube）」."""
    vid = arg(node, "id", "v", 1)
    title = arg_code(node, "title", 2)
    label = ctx.inline(title) if title is not None else "YouTube视频"
    if not re.fullmatch(r"[A-Za-z0-9_-]{6,20}", vid):
        ctx.defect("bad template", f"{{{{YouTube}}}} id «{vid}» is not a video id; title kept", node)
        return label
    url = f"https://www.youtube.com/watch?v={vid}"
    if not safe_url(url) or ctx.in_heading:
        return label
    return f"[{label}]({escape.url(url)}){{ .external }}（YouTube）{print_url(url)}"


@register("media", "multiple image", "multiple images", "double image", "triple image")
def multiple_image(node: Template, ctx: RenderContext) -> str:
    """Each image as its own figure with its caption; the shared ``footer`` after them."""
    out = []
    for i in range(1, 11):
        img = arg(node, f"image{i}")
        if not img:
            continue
        out.append(figure(ctx, file_name(img), arg(node, f"caption{i}"), arg(node, f"alt{i}")))
    footer = arg_code(node, "footer", "caption")
    if footer is not None:
        text = ctx.inline(footer)
        if text.strip():
            out.append(ctx.stash_block(f'<p class="figure-footer" markdown="span">{text}</p>'))
    header = arg_code(node, "header")
    if header is not None and out:
        out.insert(0, ctx.stash_block(f'<p class="figure-header" markdown="span">{ctx.inline(header)}</p>'))
    return "".join(out)


_PHOTO = re.compile(r"photo(\d+)([a-z])$")


@register("media", "photomontage", "photo montage")
def photomontage(node: Template, ctx: RenderContext) -> str:
    """``{{Photomontage|photo1a=…|photo2a=…|text=…}}``: each photo as a figure, in row order, then the
    montage's text as their shared caption (the grid is layout)."""
    photos = []
    for p in node.params:
        m = _PHOTO.match(str(p.name).strip())
        if m and str(p.value).strip():
            photos.append((int(m.group(1)), m.group(2), str(p.value).strip()))
    out = [figure(ctx, file_name(v), "", "") for _, _, v in sorted(photos)]
    text = arg_code(node, "text")
    if text is not None and out:
        shown = ctx.inline(text)
        if shown.strip():
            out.append(ctx.stash_block(f'<p class="figure-footer" markdown="span">{shown}</p>'))
    return "".join(out)


@register("media", "gallery", "图集", "圖集")
def gallery_template(node: Template, ctx: RenderContext) -> str:
    """``{{Gallery|File:A.jpg|说明|File:B.jpg|说明}}``: each picture as a figure with its caption, as the
    ``<gallery>`` tag shows them (``title=`` heads them, the layout options are dropped)."""
    pos = [str(p.value).strip() for p in node.params if not p.showkey]
    out = []
    for i in range(0, len(pos), 2):
        if pos[i]:
            out.append(figure(ctx, file_name(pos[i]), pos[i + 1] if i + 1 < len(pos) else "", ""))
    title = arg_code(node, "title")
    if title is not None and out:
        out.insert(0, ctx.stash_block(f'<p class="figure-header" markdown="span">{ctx.inline(title)}</p>'))
    return "".join(out)


@register("media", "css image crop", "css crop", "图片裁剪", "圖片裁剪")
def css_image_crop(node: Template, ctx: RenderContext) -> str:
    """``{{CSS image crop|Image=…|Description=…}}``: the picture (the crop is layout) with its description."""
    img = arg(node, "Image", "image", 1)
    if not img:
        return ""
    return figure(ctx, file_name(img), arg(node, "Description", "description", "caption"), arg(node, "Alt", "alt"))


@register("media", "wide image", "wide picture", "panorama", "寬圖片", "宽图片")
def wide_image(node: Template, ctx: RenderContext) -> str:
    """``{{wide image|File.jpg|800px|说明}}``: the picture with its caption (the scrolling is layout)."""
    img = arg(node, 1, "image")
    if not img:
        return ""
    return figure(ctx, file_name(img), arg(node, 3, "caption"), arg(node, "alt"))


@register("media", "pdf page link", "pdf link page")
def pdf_page_link(node: Template, ctx: RenderContext) -> str:
    """``{{PDF page link|file=…|page=263|text=…}}``: the link's text (the page is in the PDF file)."""
    text = arg_code(node, "text", 3)
    return ctx.inline(text) if text is not None else ""
