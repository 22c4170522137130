"""Infoboxes: ``{{Infobox Military Conflict}}`` as a summary box, and a generic fallback.

zh.wikipedia floats a table at the right of the lead: the conflict's name, the image with its
caption, 「冷战的一部分」, then 日期 / 地点 / 结果 or 状态 / 领土变更, then the two sides in two
columns (参战方, 指挥官与领导者, 参战单位, 兵力, 伤亡与损失).  Here the single-valued rows are a
definition list and the two sides one Markdown pipe table (label column + one column per side),
so that footnote and note markers inside every cell keep working: Python-Markdown does not
process Markdown inside raw ``<td>``.  Collapsible lists inside are shown open (closed
``<details>`` do not print).  A cell cannot hold block lists, so list lines become ``<br>``
lines with bullets and indentation by depth.
"""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Node, Tag, Template, Text, Wikilink
from mwparserfromhell.wikicode import Wikicode

from ..render.blocks import shows_nothing
from ..render.context import RenderContext
from . import infobox_data as D
from .formatting import BULLET
from .media import damaged_file_link, figure, file_name
from .registry import REGISTRY, alias, arg, arg_code, lookup, name_of, param_names, register, register_exact

ROWS = [
    ("date", "日期"), ("place", "地点"), ("location", "地点"), ("coordinates", "坐标"),
    ("status", "状态"), ("result", "结果"), ("territory", "领土变更"), ("action", "行动"),
    ("cause", "起因"), ("casus", "起因"), ("goal", "目的"), ("type", "类型"),
]
#: Parameters of the conflict box handled by its own layout (title, picture, sides, notes, navigation).
_CONFLICT_OWN = re.compile(r"^(conflict|name|partof|part of|image|image_name|img|caption|image_caption|alt|notes|footnotes|"
                           r"campaignbox|combatants_header|(combatant|commander|units|strength|casualties)\d[a-z]?)$")
SIDE_ROWS = [("combatant", "参战方"), ("commander", "指挥官与领导者"), ("units", "参战单位"),
             ("strength", "兵力"), ("casualties", "伤亡与损失")]
_SIDE_RE = re.compile(r"^(combatant|commander|units|strength|casualties)(\d)([a-z]?)$")
_BR_RUN = re.compile(r"(?:\s*<br>\s*){2,}")


def _lines(code: Wikicode) -> list[list[Node]]:
    """The value's nodes grouped by source line (text nodes split at newlines)."""
    lines: list[list[Node]] = [[]]
    for nd in code.nodes:
        if isinstance(nd, Tag) and not nd.wiki_markup and str(nd.tag).strip().lower() == "li" and nd.contents is not None:
            lines.append([Text(BULLET), *nd.contents.nodes])  # ``<li>甲<li>乙``: one bulleted line each
            lines.append([])
            continue
        if isinstance(nd, Text) and "\n" in nd.value:
            for k, piece in enumerate(nd.value.split("\n")):
                if k:
                    lines.append([])
                if piece:
                    lines[-1].append(Text(piece))
        else:
            lines[-1].append(nd)
    return [ln for ln in lines if ln]


_ICON_FILE = re.compile(r"^\s*:?\s*(?:file|image|文件|檔案|图像|圖像|图片|圖片)\s*:", re.I)
_ICON_SIZE = re.compile(r"(?:^|\|)\s*(?:x?(\d+)|(\d+)x(\d+))\s*px\s*(?:\||$)")
#: Widest picture (in px) that an infobox cell treats as an icon (a flag before a name), not a figure.
ICON_PX = 50


def is_icon(node: Node) -> bool:
    """A ``[[File:…|22px]]`` at icon size: a decorative flag or emblem in front of a name.

    zh.wikipedia shows it as a small picture beside the name; offline the name alone carries the
    meaning (as with ``{{flagdeco}}``), and a figure with the file's name would only be noise.
    """
    if not isinstance(node, Wikilink) or not _ICON_FILE.match(str(node.title)) or node.text is None:
        return False
    m = _ICON_SIZE.search(str(node.text))
    if not m:
        return False
    sizes = [int(g) for g in m.groups() if g]
    return bool(sizes) and max(sizes) <= ICON_PX


def cell(ctx: RenderContext, code: Wikicode | None) -> str:
    """One infobox value as a single line of IMD: source lines become ``<br>``, list items bullets."""
    if code is None:
        return ""
    out = []
    for line in _lines(code):
        prefix = ""
        first = line[0]
        if isinstance(first, Tag) and first.wiki_markup and first.wiki_markup[0] in "*#:;":
            markup = ""
            k = 0
            while k < len(line) and isinstance(line[k], Tag) and line[k].wiki_markup and line[k].wiki_markup[0] in "*#:;":
                markup += str(line[k].wiki_markup)
                k += 1
            line = line[k:]
            depth = len(markup)
            prefix = "&emsp;" * (depth - 1) + (BULLET if markup[-1] in "*#" else "")
        line = [nd for nd in line if not is_icon(nd)]
        text = ctx.inline(Wikicode(line)).strip()
        if not shows_nothing(text):  # a line holding only a -{}- blocker or an empty template is left out
            out.append(prefix + text)
    value = "<br>".join(out).replace("\n", " ")
    value = _BR_RUN.sub("<br>", value)
    value = re.sub(r"^(?:\s*<br>)+|(?:<br>\s*)+$", "", value)
    return value.replace("|", "&#124;")


def _title(ctx: RenderContext, node: Template, *keys: str) -> str:
    code = arg_code(node, *keys)
    return f'<p class="infobox-title" markdown="span">{cell(ctx, code)}</p>' if code is not None else ""


def _image(ctx: RenderContext, node: Template) -> str:
    image = arg(node, "image", "image_name", "img")
    if not image:
        return ""
    return image_figure(ctx, image, arg(node, "caption", "image_caption"), arg(node, "alt"))


def _definitions(rows: list[tuple[str, str]]) -> list[str]:
    out = []
    for label, value in rows:
        out += [label, f":   {value}", ""]
    return out


@register("infobox", "infobox military conflict", "infobox war", "warbox", "infobox battle",
          "military conflict", "infobox military operation", "infobox conflict", "战争信息框", "戰爭資訊框")
def military_conflict(node: Template, ctx: RenderContext) -> str:
    lines = ['<div class="infobox infobox-conflict" markdown="1">', ""]
    title = _title(ctx, node, "conflict", "name")
    if title:
        lines += [title, ""]
    img = _image(ctx, node)
    if img:
        lines += [img, ""]
    partof = arg_code(node, "partof", "part of")
    if partof is not None:
        lines += [f'<p class="infobox-partof" markdown="span">{cell(ctx, partof)}的一部分</p>', ""]
    rows = []
    seen = set()
    for key, label in ROWS:
        if label in seen and key == "location":
            continue
        value = cell(ctx, arg_code(node, key))
        if value.strip():
            rows.append((label, value))
            seen.add(label)
    keys = {k for k, _ in ROWS}
    for p in node.params:
        k = str(p.name).strip()
        if not p.showkey or k in keys or _CONFLICT_OWN.match(k) or D.is_layout(k) or D.is_caption(k):
            continue
        value = cell(ctx, p.value)
        if value.strip():
            label = D.label(name_of(node), k)
            if label is None:
                label = D.readable(k)
                ctx.diag.unlabelled_param(name_of(node), k)
            rows.append((label, value))
    lines += _definitions(rows)
    header = arg_code(node, "combatants_header")
    if header is not None and cell(ctx, header).strip():
        lines += [f'<p class="infobox-header" markdown="span">{cell(ctx, header)}</p>', ""]
    sides = sorted({int(m.group(2)) for p in node.params
                    if (m := _SIDE_RE.match(str(p.name).strip())) and str(p.value).strip()})
    table = []
    for key, label in SIDE_ROWS:
        cells = []
        for s in sides:
            vals = [cell(ctx, arg_code(node, f"{key}{s}{suffix}")) for suffix in ("", "a", "b", "c", "d")]
            cells.append("<br>".join(v for v in vals if v.strip()))
        if any(c.strip() for c in cells):
            table.append(f"| **{label}** | " + " | ".join(cells) + " |")
            if len(table) == 1:
                table.append("|---|" + "---|" * len(sides))
    if table:
        lines += ['<div class="infobox-sides" markdown="1">', "", *table, "", "</div>", ""]
    notes = arg_code(node, "notes", "footnotes")
    if notes is not None:
        value = cell(ctx, notes)
        if value.strip():
            lines += [f'<p class="infobox-notes" markdown="span">{value}</p>', ""]
    if len(lines) == 2:
        return ""  # an infobox with no content shows nothing (zh.wikipedia shows an empty frame)
    lines.append("</div>")
    return ctx.stash_block("\n".join(lines))


#: Parameters that give the box its title, in order of preference (the one used is not a row).
_TITLE_KEYS = ("name", "clubname", "official name", "conventional long name", "election name", "unit name", "show name",
               "building name", "station name", "airport name", "company name", "rail name", "above", "title", "common name",
               "native name", "zh name", "站名", "名称", "名稱", "姓名", "中文名", "中文名称", "中文名稱", "中文街道名稱", "中文街道名称")
#: Parameters whose text belongs to the row of the parameter they follow (``population_footnotes``).
_ATTACHED = re.compile(r"^(.+?)[ ]?(ref|refs|footnote|footnotes|note|notes|citation)$")
_AS_OF = re.compile(r"^(.+?) (as of|year|rank|change)$")
_TREND = {"increase": "▲", "decrease": "▼", "steady": "▬"}
_FILE_EXT = re.compile(r"\.(jpe?g|png|svg|gif|tiff?|webp|xcf|pdf|ogg|ogv|webm)\s*$", re.I)
_LATLON = (("latd", "latm", "lats", "latns"), ("lat d", "lat m", "lat s", "lat ns"),
           ("lat deg", "lat min", "lat sec", "lat dir"))
_LONLAT = (("longd", "longm", "longs", "longew"), ("long d", "long m", "long s", "long ew"),
           ("lon deg", "lon min", "lon sec", "lon dir"))


def _dms(vals: dict[str, str], names: tuple[str, str, str, str], hemi_default: str) -> str:
    deg, mins, secs, hemi = (vals.get(n, "").strip() for n in names)
    if not deg:
        return ""
    out = f"{deg}°"
    if mins:
        out += f"{mins.zfill(2) if mins.isdigit() else mins}′"
    if secs:
        out += f"{secs.zfill(2) if secs.isdigit() else secs}″"
    return out + (hemi.upper() or hemi_default)


def coordinates(vals: dict[str, str]) -> str:
    """Coordinates from split parameters (``latd``/``latm``/``latNS``/``longd`` …) → ``33°00′N 129°06′E``.

    *vals* maps normalised parameter keys (infobox_data.key) to raw values; empty when absent.
    """
    for lat_names, lon_names in zip(_LATLON, _LONLAT, strict=True):
        lat = _dms(vals, lat_names, "N")
        lon = _dms(vals, lon_names, "E")
        if lat and lon:
            return f"{lat} {lon}"
    return ""


#: Boxes that may sit inside another infobox (``module = {{Infobox Chinese|…}}``): handler → rows function.
EMBEDDED: dict = {}


class _Box:
    """The content of one generic infobox while it is collected: figures, rows, tables."""

    def __init__(self) -> None:
        self.figures: list[str] = []
        self.rows: list[tuple[str, str]] = []  # (label, value); label "" = a full-width line, value "" = a header
        self.tables: list[str] = []


def _multiple_image(ctx: RenderContext, code: Wikicode) -> list[str]:
    """The pictures of a ``{{multiple image|image1=…|caption1=…}}`` given as an image parameter."""
    out = []
    for t in code.filter_templates(recursive=False):
        if name_of(t) not in ("multiple image", "multiple images", "多图", "多圖"):
            continue
        for n in range(1, 31):
            name = arg(t, f"image{n}")
            if name and _FILE_EXT.search(file_name(name)):
                out.append(figure(ctx, file_name(name), arg(t, f"caption{n}"), arg(t, f"alt{n}")).strip())
    return out


def _figure(ctx: RenderContext, node: Template, raw_key: str, value: str, params: dict[str, str]) -> str | None:
    """The figure for an image parameter, or None when the value is not a picture."""
    name = file_name(value)
    if "{{" in value:
        return None
    if not _FILE_EXT.search(name):
        return None
    k = D.key(raw_key)
    base = k[:-5].strip() if k.endswith("name") else k
    stem = re.sub(r"^image ?", "", base)
    caps = [f"{base} caption", f"{base}caption", f"{base} capt", f"{stem} caption", f"caption {stem}",
            f"{stem}caption"] + ([base.replace("image", "caption")] if "image" in base else [])
    if base in ("image", "img", "photo", "picture", "cover", "image1", "screenshot", "image skyline", "imageskyline"):
        caps += ["caption", "image caption", "imagecaption", "img capt", "image capt", "caption1"]
    if m := re.fullmatch(r"image ?(\d+)", base):
        caps += [f"image title {m.group(1)}", f"caption {m.group(1)}"]
    if base in ("sealimage", "seal image"):
        caps += ["sealinfo", "seal info"]
    if base.startswith("map") or base == "image map":
        caps += ["map caption", "mapcaption"]
    if re.match(r"[\u3400-\u9fff]", k):  # 图像 / 圖片名稱 … : 图像说明 / 圖片說明, or a bare 说明
        head = re.sub(r"(名称|名稱|文件|檔案)$", "", k)
        caps += [head + w for w in ("说明", "說明", "注释", "註釋", "描述")] + ["说明", "說明", "caption"]
    caption = next((params[c] for c in caps if params.get(c, "").strip()), "")
    alt = next((params[c] for c in (f"{base} alt", f"{stem} alt", "alt") if params.get(c, "").strip()), "")
    return image_figure(ctx, value, caption, alt)


def image_figure(ctx: RenderContext, value: str, caption: str, alt: str) -> str:
    """The figure of an infobox image value (a file name or a whole ``[[File:…]]``) and its caption.

    A file link that an inner link closed early (``image=[[File:X|说明[[甲]]]]其余]]``) is reported as
    a damaged caption, as in the body, and its repaired caption is shown when the box has none.
    """
    damaged = damaged_file_link(value)
    if damaged is None:
        return figure(ctx, file_name(value), caption, alt).strip()
    name, repaired = damaged
    ctx.defect("damaged caption", f"image caption after [[File:{name}]] repaired", value)
    return figure(ctx, name, caption or repaired, alt).strip()


def _collect(node: Template, ctx: RenderContext, box: _Box, title_key: str | None) -> None:
    """Fill *box* from the parameters of *node*, in source order (embedded infoboxes included)."""
    tname = name_of(node)
    params: dict[str, str] = {}
    raw: dict[str, Wikicode] = {}
    order: list[tuple[str, str]] = []
    for p in node.params:
        if not p.showkey:
            continue
        rk = str(p.name).strip()
        k = D.key(rk)
        params[k] = str(p.value).strip()
        raw[k] = p.value
        if k not in [o[1] for o in order]:
            order.append((rk, k))
    # ``religion_year``, ``area_rank`` … go beside their value, which may come later: they come last
    order.sort(key=lambda o: bool(_AS_OF.match(o[1])) and D.label(tname, o[0]) is None)
    consumed = {title_key} if title_key else set()
    pairs = D.all_pairs(tname)
    tables = D.all_tables(tname)
    chains = D.all_chains(tname)
    coords_done = any(params.get(c) for c in ("coordinates", "coords", "座標", "座标", "坐標", "坐标"))
    # the value halves of label/value pairs, and the numbered table groups, are not rows of their own
    for _, k in order:
        for rx, fmt in pairs:
            m = rx.match(k)
            if m:
                consumed.add(fmt.format(*(g or "" for g in m.groups())).strip())
    row_index: dict[str, int] = {}
    for rk, k in order:
        if k in consumed:
            continue
        value = params[k]
        if not value:
            continue
        # embedded infoboxes (``module = {{Infobox … | embed = yes}}``): their rows join this box; a
        # helper of positional values only (``{{Infobox XX/sub|a|b}}``) is a cell, not a box
        inner = [t for t in raw[k].filter_templates(recursive=False) if (s := lookup(str(t.name))) is not None
                 and (s.handler is generic or s.handler in EMBEDDED) and any(p.showkey for p in t.params)]
        if inner and not raw[k].strip_code().strip():
            for t in inner:
                ctx.diag.template("infobox")
                handler = lookup(str(t.name)).handler  # type: ignore[union-attr]
                if handler is generic:
                    _collect(t, ctx, box, None)
                else:
                    box.rows += EMBEDDED[handler](t, ctx)
            continue
        if D.is_image(rk):
            if all(is_icon(nd) or (isinstance(nd, Text) and not nd.value.strip()) for nd in raw[k].nodes):
                continue  # ``symbol = [[File:…|24px]]``: a decorative icon beside the name, no figure
            fig = _figure(ctx, node, rk, value, params)
            if fig:
                box.figures.append(fig)
                continue
            gallery = _multiple_image(ctx, raw[k])
            if gallery:
                box.figures += gallery
                continue
            if "{{" in value and str(value).lower().lstrip("{ ").startswith(("location map", "locator map", "maplink")):
                continue  # a drawn location map: nothing to show offline
        if D.is_caption(rk) or D.is_layout(rk):
            if not coords_done and k in ("latd", "lat d", "lat deg"):
                text = coordinates(params)
                if text:
                    box.rows.append(("坐标", escape_text(text)))
                    coords_done = True
            continue
        m_pair = next(((rx, fmt, m) for rx, fmt in pairs if (m := rx.match(k))), None)
        if m_pair is not None:
            rx, fmt, m = m_pair
            vkey = fmt.format(*(g or "" for g in m.groups())).strip()
            val = cell(ctx, raw.get(vkey)) if vkey in raw else ""
            lab = cell(ctx, raw[k])
            if val.strip():
                box.rows.append((lab, val))
            elif lab.strip() and vkey not in raw:
                box.rows.append((lab, ""))  # a label with no value is a section header (``header1``)
            continue
        head = D.section(tname, rk)
        if head is not None and value.lower() in ("yes", "y", "true", "1", "是"):
            row_index[k] = len(box.rows)  # ``atmosphere_ref`` joins its header
            box.rows.append((escape_text(head), ""))  # ``discovery = yes``: the part of the box it opens
            continue
        if D.is_switch(value):
            continue  # ``ongoing = no``, ``party = yes``: a switch of the template, not a fact to show
        if re.match(r"^header ?\d+$", k) or k in ("subheader", "subheader2"):
            box.rows.append((cell(ctx, raw[k]), ""))
            continue
        if re.match(r"^data ?\d+$", k) or k == "below":
            box.rows.append(("", cell(ctx, raw[k])))
            continue
        tbl = _table_group(k, tables)
        if tbl is not None:
            name, spec = tbl
            if name not in consumed:
                consumed.add(name)
                box.tables.append(_numbered_table(ctx, spec, params, raw))
            continue
        chain = next(((base, lab) for base, lab in chains.items() if re.fullmatch(f"{re.escape(base)} ?\\d+", k)), None)
        if chain is not None:
            base, lab = chain
            if base not in consumed:
                consumed.add(base)
                nums = sorted(int(re.sub(r"\D", "", kk)) for _, kk in order
                              if re.fullmatch(f"{re.escape(base)} ?\\d+", kk) and params[kk])
                parts = [cell(ctx, raw.get(f"{base}{n}", raw.get(f"{base} {n}"))) for n in nums]
                box.rows.append((lab, " › ".join(x for x in parts if x.strip())))
            continue
        text = cell(ctx, raw[k])
        if not text.strip():
            continue
        att = _ATTACHED.match(k)
        owner = next((kk for kk in reversed(row_index) if att and (kk == att.group(1).strip()
                      or kk.startswith(att.group(1).strip() + " "))), None)
        if owner is None and att and row_index and _ONLY_NOTES.fullmatch(text):
            owner = next(reversed(row_index))  # ``prominence_ref`` after 相對高度: its footnote joins the row above
        if owner is not None:
            i = row_index[owner]
            label, value = box.rows[i]
            box.rows[i] = (label + text, "") if not value else (label, value + text)  # a header keeps its note
            continue
        as_of = _AS_OF.match(k)
        base = as_of.group(1) if as_of else ""
        owner = next((kk for kk in row_index if kk == base or kk.startswith(base + " ")), None) if base else None
        if as_of and D.label(tname, rk) is None and owner is not None:
            # ``GDP_as_of = 2020`` / ``religion_year``: the year of the value above, in brackets;
            # ``area_rank = 196``: its rank; ``HDI_change = increase``: its trend arrow
            i = row_index[owner]
            what = as_of.group(2)
            extra = (f"（第{text}名）" if what == "rank" else _TREND.get(text.strip(), "") if what == "change"
                     else f"（{text}）")
            box.rows[i] = (box.rows[i][0], f"{box.rows[i][1]}{extra}")
            continue
        if re.fullmatch(r"\d+ ?(px|x\d+ ?px)?", value.strip()) and re.search(r"px$", value.strip()):
            continue  # a size (``pxl = 275px``) is layout whatever its parameter is called
        if _JAPANESE.search(rk):
            from .links import foreign

            text = foreign(text, "ja")  # 日文原名 / 平假名: Japanese as written, never converted
        note = re.fullmatch(r"footnote ([a-z])", k)
        if note:  # ``footnote_a``: the note the box's ``<sup>a</sup>`` marks, at full width
            box.rows.append(("", f"{note.group(1)}. {text}"))
            continue
        text = _with_unit(k, text)
        unit = D.unit_of(tname, rk)
        if unit and re.fullmatch(r"[\d,.]+", text.strip()):
            text += unit  # Geobox ``length = 1252`` → 1252公里
        word = D.value_word(tname, rk, value)
        if word is not None:
            text = escape_text(word)  # ``type = presidential`` → 总统选举
        lab = D.label(tname, rk)
        if lab is None:
            lab = D.readable(rk)
            ctx.diag.unlabelled_param(tname, rk)
        row_index[k] = len(box.rows)
        box.rows.append((lab, text))


#: A value made only of footnote and note markers (``[^3]``, ``<sup class="note-ref" …>…</sup>``).
_ONLY_NOTES = re.compile(r"(?:\s*(?:\[\^[^\]]+\]|<sup\b[^>]*>.*?</sup>))+\s*", re.S)

#: Parameters whose value is Japanese text (Japanese station and place boxes name them in Chinese).
_JAPANESE = re.compile(r"日文|日語|日语|平假名|片假名|假名|^(?:japanese|kanji|kana|hiragana|katakana|kyujitai|shinjitai)$", re.I)


def _with_unit(k: str, text: str) -> str:
    """A bare number in a parameter named for its unit (``elevation_m``, ``area_total_km2``) gets the unit."""
    if not re.fullmatch(r"[\d,.]+", text.strip()):
        return text
    for suffix, unit in D.units().items():
        if k.endswith(" " + suffix) or k == suffix:  # ``calcium_mg``, ``kJ``
            return text + unit
    return text


def _table_group(k: str, tables: dict[str, dict]) -> tuple[str, dict] | None:
    for name, spec in tables.items():
        m = re.fullmatch(f"{re.escape(spec['prefix'])}(\\d+) (.+)", k)
        if m and m.group(2) in spec["columns"]:
            return name, spec
    return None


def _numbered_table(ctx: RenderContext, spec: dict, params: dict[str, str], raw: dict[str, Wikicode]) -> str:
    """A numbered group (``r1-number``, ``r1-length-m`` …) as a small pipe table under its title."""
    cols = spec["columns"]
    nums = sorted({int(m.group(1)) for k in params
                   if (m := re.fullmatch(f"{re.escape(spec['prefix'])}(\\d+) (.+)", k)) and m.group(2) in cols})
    used = [c for c in cols if any(params.get(f"{spec['prefix']}{n} {c}") for n in nums)]
    lines = [f'<p class="infobox-header">{spec["title"]}</p>', "",
             "| " + " | ".join(cols[c] for c in used) + " |", "|" + "---|" * len(used)]
    for n in nums:
        lines.append("| " + " | ".join(cell(ctx, raw.get(f"{spec['prefix']}{n} {c}")) for c in used) + " |")
    return "\n".join(lines)


def escape_text(text: str) -> str:
    from ..render import escape

    return escape.text(text)


@register("infobox", "infobox vg/c", "infobox vg/collapsible", "infobox vg collapsible")
def collapsible_cell(node: Template, ctx: RenderContext) -> str:
    """``{{Infobox VG/C|2011年11月18日|各平台的日期…}}``: a cell of a video-game box whose details
    zh.wikipedia folds away; offline the headline and the details both show, on their own lines.
    It is a cell, not a box: its parameters are positional and have no labels."""
    parts = [cell(ctx, p.value) for p in node.params if not p.showkey]
    return "<br>".join(x for x in parts if x.strip())


@register_exact("infobox", "Tel", "Fax", "Phone")
def phone_number(node: Template, ctx: RenderContext) -> str:
    """``{{tel|886|2|3366 3366}}`` → +886 2 3366 3366 (Template:Tel, Template:Fax: country code, area
    code, number).  Without values ``{{tel}}`` is the Telugu language label, as links.py shows it."""
    parts = [str(p.value).strip() for p in node.params if not p.showkey and str(p.value).strip()]
    if not parts:
        spec = REGISTRY.get(name_of(node))
        return spec.handler(node, ctx) if spec is not None else ""
    text = " ".join(parts)
    return escape_text(text if text.startswith("+") else "+" + text)


#: ``{{vgr}}`` is zh.wikipedia's short name of ``{{Vgrelease}}`` (dates.py): region and date pairs.
alias("vgrelease", "vgr")


@register("infobox", "infobox")
def generic(node: Template, ctx: RenderContext) -> str:
    """Any other infobox: title, figures, then each content parameter under zh.wikipedia's label.

    Labels come from the family tables in ``data/infobox`` (see infobox_data.py); layout and
    technical parameters are left out; pictures become figures; ``latd`` … become one 坐标 row;
    label/value pairs and ``header``/``label``/``data`` rows keep their structure; a parameter
    with no label shows under its readable name and is counted in the build summary.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", name_of(node)).strip("-") or "generic"  # 日本車站資訊 has no Latin letters
    lines = [f'<div class="infobox infobox-{slug}" markdown="1">', ""]
    title_key = next((k for k in _TITLE_KEYS if arg(node, *[p for p in param_names(node) if D.key(p) == k])), None)
    if title_key:
        raw_title = next(p for p in param_names(node) if D.key(p) == title_key)
        title = _title(ctx, node, raw_title)
        if title:
            lines += [title, ""]
    box = _Box()
    _collect(node, ctx, box, title_key)
    return box_markdown(ctx, lines, box.figures, box.rows, box.tables)


def box_markdown(ctx: RenderContext, head: list[str], figures: list[str], rows: list[tuple[str, str]],
                 tables: list[str] | None = None) -> str:
    """The stashed Markdown of a box: *head* (the opening ``<div>`` line, a blank and the title),
    then the figures, the rows (label and value IMD; an empty value makes the label a header line,
    an empty label a full-width line) and the small tables.  An empty box shows nothing."""
    lines = list(head)
    n = len([x for x in head if x.startswith("<div")]) * 2
    for fig in figures:
        lines += [fig, ""]
    for label, value in rows:
        if not value:
            lines += [f'<p class="infobox-header" markdown="span">{label}</p>', ""]
        elif not label:
            lines += [f'<p class="infobox-data" markdown="span">{value}</p>', ""]
        else:
            lines += [label, f":   {value}", ""]
    for table in tables or []:
        lines += ['<div class="infobox-subtable" markdown="1">', "", table, "", "</div>", ""]
    if len(lines) <= n:
        return ""
    lines.append("</div>")
    return ctx.stash_block("\n".join(lines))
