"""``{{IPAc-cmn}}``: Standard Mandarin pronunciation, from Hanyu Pinyin to IPA
(data in ``data/pinyin_ipa.json``).

The template takes the pinyin of a name cut into initials, finals and tone numbers
(``{{IPAc-cmn|b|ei|3|j|ing|1}}`` or ``{{IPAc-cmn|b|ei3|j|ing1}}``, an ``AUD`` first argument
for a recording) and shows the IPA transcription of Help:IPA/Mandarin in brackets:
[pèɪ.tɕíŋ] (NFC: precomposed letters where Unicode has them).  The initials, finals and tone marks are data; this module holds the reading
of the arguments.  A part it cannot read is reported, and the call then shows the pinyin as
written, so that nothing of the source is lost.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from mwparserfromhell.nodes import Template

from .. import markers as M
from ..render import escape
from ..render.context import RenderContext
from .registry import REGISTRY, register

DATA: dict = json.loads((Path(__file__).parent / "data" / "pinyin_ipa.json").read_text(encoding="utf-8"))
_TOKEN = re.compile(r"([a-zêüv]+)([0-5]?)")


def _final(initial: str, final: str) -> str | None:
    if initial == "y":
        return DATA["y_finals"].get(final)
    if initial == "w":
        return DATA["w_finals"].get(final)
    if final == "i" and initial in ("z", "c", "s"):
        return DATA["finals"]["i_dental"]
    if final == "i" and initial in ("zh", "ch", "sh", "r"):
        return DATA["finals"]["i_retroflex"]
    if initial in DATA["u_is_umlaut_after"] and final.startswith("u"):
        final = "ü" + final[1:]
    return DATA["finals"].get(final)


def syllables(parts: list[str]) -> list[str] | None:
    """IPA syllables of the template's arguments, or None when a part is not pinyin."""
    out: list[str] = []
    initial = ""
    for raw in parts:
        part = raw.strip().lower()
        if part in DATA["skip"]:
            continue
        if part in DATA["tones"] and out:
            out[-1] = out[-1].replace("*", DATA["tones"][part])
            continue
        if part in DATA["initials"] and not initial:
            initial = part
            continue
        m = _TOKEN.fullmatch(part)
        if m is None:
            return None
        final = _final(initial, m.group(1))
        if final is None:
            return None
        syllable = DATA["initials"].get(initial, "") + final
        out.append(syllable.replace("*", DATA["tones"][m.group(2)]) if m.group(2) else syllable)
        initial = ""
    if initial or not out:
        return None
    return [unicodedata.normalize("NFC", s.replace("*", "")) for s in out]  # è, not e + U+0300


def ipac_cmn(node: Template, ctx: RenderContext) -> str:
    """``{{IPAc-cmn|b|ei|3|j|ing|1}}`` → [pèɪ.tɕíŋ]."""
    parts = [str(p.value).strip() for p in node.params if not p.showkey]
    ipa = syllables(parts)
    if ipa is None:
        ctx.defect("pronunciation", "{{IPAc-cmn}} with a part that is not pinyin; the pinyin is shown as written", node)
        written = "".join(p for p in parts if p.lower() not in DATA["skip"])
        return f'<span class="ipa">{M.noconv(escape.text(written))}</span>' if written else ""
    return f'<span class="ipa">{M.noconv(escape.text("[" + ".".join(ipa) + "]"))}</span>'


_free = [n for n in ("ipac-cmn", "ipac-zh", "ipac-mandarin") if n not in REGISTRY]
if _free:
    register("links", *_free)(ipac_cmn)
