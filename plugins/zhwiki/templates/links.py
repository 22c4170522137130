"""Languages and cross-language links: ``{{lang}}``, ``{{lang-xx}}``, ``{{en}}``, ``{{le}}``, ``{{tsl}}``.

zh.wikipedia shows ``{{lang-ko|조국해방전쟁}}`` as 「朝鲜语：조국해방전쟁」 (「韓語：…」 in the
Traditional variants) and ``{{link-en|土耳其旅|Turkish Brigade}}`` as the Chinese name followed by
「（英语：Turkish Brigade）」 when the Chinese article is missing.  A study edition cannot know which
Chinese articles exist, and a student wants the original anyway, so the original is always shown
and links to the foreign Wikipedia, where it certainly exists.  Foreign text sits in
``<span lang>`` and is never converted between scripts (韓國戰爭 stays as written).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import langcodes
import mwparserfromhell
from mwparserfromhell.nodes import Template

from .. import markers as M
from ..render import escape
from ..render.context import RenderContext
from .registry import (
    LABEL_CODES,
    PATTERNS,
    REGISTRY,
    Spec,
    alias,
    alone_on_line,
    arg,
    arg_code,
    lookup,
    name_of,
    positional,
    register,
    register_exact,
    variant_text,
)

_DATA = json.loads((Path(__file__).parent / "data" / "languages.json").read_text(encoding="utf-8"))
#: Language code → name where zh.wikipedia's differs from CLDR's (a ``-{…}-`` body when the
#: variants differ); every other code is named by CLDR through langcodes (data/languages.json).
LANG_NAMES: dict[str, str] = _DATA["names"]
#: Codes that are not ISO 639 codes but that zh.wikipedia's templates accept (``{{lang-gr}}`` = el,
#: ``{{link-jp}}`` = ja …), mapped to the language code (data/language_aliases.json).
CODE_ALIASES: dict[str, str] = json.loads(
    (Path(__file__).parent / "data" / "language_aliases.json").read_text(encoding="utf-8"))["aliases"]
#: Named parameters that hold a romanization, with the label shown before it ("" = none).
ROMANIZATIONS: dict[str, str] = _DATA["romanizations"]
#: Chinese-language codes: zh.wikipedia's CS1 does not label sources in its own language.
OWN_LANGUAGES = ("zh", "zh-hans", "zh-hant", "zh-cn", "zh-tw", "zh-hk", "zh-sg", "zh-mo", "chinese", "中文")
_NAME_TO_CODE = {
    "english": "en", "korean": "ko", "japanese": "ja", "russian": "ru", "french": "fr", "german": "de",
    "spanish": "es", "italian": "it", "vietnamese": "vi", "turkish": "tr", "czech": "cs", "polish": "pl",
    "英语": "en", "英語": "en", "英文": "en", "韩语": "ko", "韓語": "ko", "朝鲜语": "ko", "朝鮮語": "ko",
    "日语": "ja", "日語": "ja", "日文": "ja", "俄语": "ru", "俄語": "ru", "法语": "fr", "德语": "de",
}


def lang_code(value: str) -> str:
    """A language as a BCP 47-ish code: ``English``/``英语`` → ``en``; codes pass unchanged."""
    v = value.strip()
    code = _NAME_TO_CODE.get(v.lower(), _NAME_TO_CODE.get(v)) or CODE_ALIASES.get(v.lower())
    if code is not None:
        return code
    if v and not langcodes.tag_is_valid(v.lower()) and v.lower() not in LANG_NAMES and len(v) > 3:
        try:
            return str(langcodes.find(v))  # a language named in English or Chinese
        except LookupError:
            pass
    return v.lower()


@lru_cache(maxsize=1024)
def cldr_name(code: str) -> str | None:
    """The Simplified Chinese name CLDR gives a language code (``ja`` → 日语), or None when the
    code is not a valid BCP 47 tag or CLDR has no Chinese name for it (the converter writes the
    Traditional form, as zh.wikipedia's own templates are converted)."""
    if not code or not langcodes.tag_is_valid(code):
        return None
    try:
        name = langcodes.Language.get(code).display_name("zh-Hans")
    except (ValueError, LookupError):
        return None
    return name if re.search(r"[\u4e00-\u9fff]", name) else None


def known_language(code: str) -> bool:
    """True when *code* names a language this edition can label."""
    code = lang_code(code)
    return code in LANG_NAMES or code.split("-")[0] in LANG_NAMES or cldr_name(code) is not None


def lang_name(ctx: RenderContext, code: str) -> str:
    """The Chinese name of a language (IMD), variant-specific where zh.wikipedia's is: the
    data table first, then CLDR through langcodes; an unknown code is shown as written."""
    code = lang_code(code)
    name = LANG_NAMES.get(code) or cldr_name(code) or LANG_NAMES.get(code.split("-")[0]) or cldr_name(code.split("-")[0])
    if name is None:
        return escape.text(code)
    return variant_text(ctx, name) if ":" in name else escape.text(name)


def foreign(text_imd: str, lang: str) -> str:
    """Foreign text: marked with its language and never converted."""
    code = lang if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]+)*", lang) else "und"
    return f'<span lang="{code}">{M.noconv(text_imd)}</span>' if text_imd else ""


@register("links", "lang", "lang-x", "lang2")
def lang(node: Template, ctx: RenderContext) -> str:
    """``{{lang|ko|韓國戰爭}}``: the text as written, in its language, with no label."""
    code = arg(node, 1)
    body = arg_code(node, 2, "text")
    return foreign(ctx.inline(body), lang_code(code)) if body is not None else ""


def _romanizations(node: Template, ctx: RenderContext, code: str) -> list[str]:
    """The romanization parameters of a call (``buc=``, ``poj=``, ``rm=`` …), labelled when the label is not empty."""
    out = []
    for key, label_text in ROMANIZATIONS.items():
        v = arg_code(node, key)
        if v is None:
            continue
        text = foreign(ctx.inline(v), f"{code}-Latn")
        out.append(f"{escape.text(label_text)}：{text}" if label_text else text)
    return out


@register("links", "lang-xx (any language code)")
def lang_x(node: Template, ctx: RenderContext) -> str:
    """``{{lang-ko|조국해방전쟁}}`` → 「朝鲜语：조국해방전쟁」 (zh-tw 「韓語：…」), for any code;
    romanizations follow after 「，」 (``{{lang-cdo|閩東語|buc=Mìng-dĕ̤ng-ngṳ̄}}``)."""
    code = lang_code(name_of(node).removeprefix("lang-"))
    body = arg_code(node, 1, "text")
    roms = _romanizations(node, ctx, code)
    if body is None and not roms:
        return ""
    parts = [foreign(ctx.inline(body), code)] if body is not None else []
    return f"{lang_name(ctx, code)}：" + "，".join(parts + roms)


def _lang_pattern(key: str) -> Spec | None:
    """Any ``{{lang-xx}}`` whose code names a language (langcodes/CLDR or our table)."""
    if not key.lower().startswith("lang-"):
        return None
    code = key[5:].strip()
    if code.lower().startswith("zh") or not known_language(code):
        return None
    return REGISTRY.get("lang-xx (any language code)")


PATTERNS.append(_lang_pattern)


def _link_pattern(key: str) -> Spec | None:
    """Any ``{{link-xx}}`` whose code names a language (``{{link-jp}}``, ``{{link-ar}}``): a link to
    the article on that language's Wikipedia, as ``{{link-en}}``."""
    low = key.lower()
    if not low.startswith("link-") or not known_language(low[5:].strip()):
        return None
    return REGISTRY.get("link-en")


PATTERNS.append(_link_pattern)


def _label_pattern(key: str) -> Spec | None:
    """``{{zh-tw}}``, ``{{fr}}`` after a link: any lower-case language code alone is its label."""
    low = key[:1].lower() + key[1:]
    if low != low.lower() or not re.fullmatch(r"[a-z]{2,3}(-[a-z]{2,4})?", low) or not known_language(low):
        return None
    return REGISTRY.get("language label (any code)")


PATTERNS.append(_label_pattern)


@register("links", "language label (any code)")
def language_label(node: Template, ctx: RenderContext) -> str:
    """A language-code template used as a label (「（中文（台湾））」)."""
    if node.params:
        return ""
    code = str(node.name).strip()
    return label(ctx, code[:1].lower() + code[1:])


def _native(fields: tuple[str, ...], roms: tuple[str, ...], code: str):
    def handler(node: Template, ctx: RenderContext) -> str:
        """日语：北24条駅／きたにじゅうよじょうえき Kita-nijūyo-jō eki: the native forms joined by
        「／」, the romanization after a space; positional values when no named ones are given.
        The parentheses around it are the article's: 「小野六花（{{jpn|…}}；{{bd|…}}）」."""
        forms = [arg_code(node, k) for k in fields]
        native = [foreign(ctx.inline(v), code) for v in forms if v is not None]
        if not native:
            native = [foreign(ctx.inline(p.value), code) for p in node.params if not p.showkey and str(p.value).strip()]
        rom = [foreign(ctx.inline(v), f"{code}-Latn") for v in (arg_code(node, k) for k in roms) if v is not None]
        if not native and not rom:
            return ""
        body = "／".join(native) + (" " if native and rom else "") + " ".join(rom)
        return f"{lang_name(ctx, code)}：{body}"

    return handler


register("links", "jpn", "ja-name")(_native(("j", "hg", "kk"), ("rm", "r"), "ja"))
_japanese_inline = _native(("japanese", "kanji", "kana", "hiragana", "katakana"), ("romaji",), "ja")


@register("links", "japanese")
def japanese(node: Template, ctx: RenderContext) -> str:
    """``{{Japanese|japanese=…|kana=…|romaji=…}}``: on a line of its own the 日语写法 box (the name
    family's table, ``data/infobox/names.json``); inside a sentence 日语：原文／假名 romaji."""
    if alone_on_line(node, ctx, 1):
        return REGISTRY["infobox"].handler(node, ctx)
    return _japanese_inline(node, ctx)


register("links", "vie")(_native(("v", "hn", "ct"), (), "vi"))
register("links", "kor")(_native(("h", "hangul", "hanja", "hj"), ("rr", "mr"), "ko"))


def label(ctx: RenderContext, code: str) -> str:
    """The small grey language label 「（英语）」 of ``{{en}}`` and CS1's ``language=``."""
    return f'<span class="lang-label">（{lang_name(ctx, code)}）</span>'


def _label(code: str):
    def handler(node: Template, ctx: RenderContext) -> str:
        """``{{en}}`` alone (not after a citation): the label as plain small text."""
        return label(ctx, code)

    return handler


for _c in ("en", "ko", "ja", "ru", "fr", "de", "zh-hant", "zh-hans", "es", "it", "vi", "cs", "pl", "tr",
           "nl", "pt", "el", "mn", "sv", "no", "da", "fi", "hu", "ar", "he", "th", "id", "ms"):
    register("links", _c)(_label(_c))
    LABEL_CODES[_c] = _c
register("links", "en icon", "icon en")(_label("en"))
register("links", "ko icon")(_label("ko"))
register("links", "ja icon")(_label("ja"))
LABEL_CODES.update({"en icon": "en", "icon en": "en", "ko icon": "ko", "ja icon": "ja"})


@register("links", "language icon (any code)")
def language_icon_code(node: Template, ctx: RenderContext) -> str:
    """``{{Fr icon}}``, ``{{de icon}}``: the label of the language the name starts with."""
    return label(ctx, name_of(node).split()[0])


def _icon_pattern(key: str) -> Spec | None:
    """``{{xx icon}}`` for any language code (zh.wikipedia's Template:En icon family)."""
    m = re.fullmatch(r"([A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?) icon", key)
    if m is None or not known_language(m.group(1).lower()):
        return None
    return REGISTRY.get("language icon (any code)")


PATTERNS.append(_icon_pattern)


@register("links", "languageicon", "language icon", "in lang")
def language_icon(node: Template, ctx: RenderContext) -> str:
    """``{{in lang|en}}`` / ``{{Languageicon|en|英文}}``: a label with the given or known name."""
    code = arg(node, 1)
    shown = arg_code(node, 2)
    if shown is not None:
        return f'<span class="lang-label">（{ctx.inline(shown)}）</span>'
    return label(ctx, code) if code else ""


# -- links to articles in another language -----------------------------------------------------
_LINK_LANGS = ("en", "ja", "ko", "ru", "fr", "de", "es", "it", "vi", "pl", "cs", "tr", "nl", "pt", "el")


def foreign_href(code: str, title: str) -> str:
    """URL of *title* on the *code* Wikipedia."""
    page, _, frag = title.strip().partition("#")
    href = f"https://{code}.wikipedia.org/wiki/" + quote(page.strip().replace(" ", "_"), safe="/:()_,-.'")
    return href + ("#" + quote(frag.strip().replace(" ", "_"), safe="") if frag.strip() else "")


def interlanguage(ctx: RenderContext, shown_imd: str, code: str, original: str) -> str:
    """「中文名（英语：Original）」 with the original linking to the foreign article."""
    if not original:
        return shown_imd
    text = foreign(escape.text(original), code)
    if not ctx.in_heading and re.fullmatch(r"[a-z]{2,3}(-[a-z]+)?", code):
        text = f"[{text}]({escape.url(foreign_href(code, original))}){{ .interlanguage }}"
    return f"{shown_imd}（{lang_name(ctx, code)}：{text}）"


@register("links", "le", "link-en", "lj", *(f"link-{c}" for c in _LINK_LANGS if c != "en"))
def link_xx(node: Template, ctx: RenderContext) -> str:
    """``{{link-en|中文名|English title|显示文字}}``."""
    name = name_of(node)
    code = {"le": "en", "link-en": "en", "lj": "ja"}.get(name) or lang_code(name.removeprefix("link-"))
    pos = positional(node) + ["", "", ""]
    orig, shown = pos[1], pos[2]
    label_code = arg_code(node, 3) if shown else arg_code(node, 1)
    label_imd = ctx.inline(label_code) if label_code is not None else escape.text(orig)
    return interlanguage(ctx, label_imd, code, orig)


@register("links", "tsl", "translink", "ill", "interlanguage link", "illm", "interlanguage link multi")
def tsl(node: Template, ctx: RenderContext) -> str:
    """``{{tsl|en|Stepan Krasovsky|斯捷潘·…|显示}}`` and en-style ``{{ill|中文|en|Original}}``."""
    name = name_of(node)
    pos = positional(node) + ["", "", "", ""]
    if name in ("tsl", "translink"):
        code, orig, zh = pos[0], pos[1], pos[2]
        idx = 4 if pos[3] else 3
    else:
        zh, code, orig = pos[0], pos[1], pos[2]
        idx = 1
    code = lang_code(code) or "en"
    shown = arg_code(node, "lt") or arg_code(node, idx) or arg_code(node, 3 if idx == 4 else 1)
    label_imd = ctx.inline(shown) if shown is not None else escape.text(zh or orig)
    return interlanguage(ctx, label_imd, code, orig)


# -- names given in several scripts or languages ------------------------------------------------
def _pairs(ctx: RenderContext, node: Template, fields: list[tuple[str, str, str]]) -> str:
    """「label：text；label：text」 for each non-empty field, the text marked with its language."""
    out = []
    for key, label_rule, code in fields:
        v = arg_code(node, key)
        if v is None:
            continue
        shown = variant_text(ctx, label_rule) if ":" in label_rule else escape.text(label_rule)
        out.append(f"{shown}：{foreign(ctx.inline(v), code)}")
    return "；".join(out)


#: Parameters only the name box takes (Template:Infobox Chinese), never the inline {{zh}}.
_CHINESE_BOX_ONLY = {"pic", "picsize", "piccap", "title", "showflag", "altname", "order", "image", "caption"}


@register("links", "zh", "chinese", "lang-zh")
def zh(node: Template, ctx: RenderContext) -> str:
    """``{{zh|t=韓戰|s=韩战|p=Hán zhàn}}`` → 「繁体：韓戰；简体：韩战；拼音：Hán zhàn」, scripts as written.

    ``{{Chinese|pic=…|t=…}}`` on a line of its own, or with the box's own parameters (``pic``,
    ``title``, ``showflag`` …), is zh.wikipedia's name box: it renders as ``{{Infobox Chinese}}``."""
    from .registry import alone_on_line as _alone_on_line

    if name_of(node) == "chinese" and (_alone_on_line(node, ctx, own=1) or any(
            str(p.name).strip() in _CHINESE_BOX_ONLY for p in node.params if p.showkey)):
        box = lookup("infobox chinese")  # through the registry: chinese_box builds on infobox, which uses links
        if box is not None:
            return box.handler(node, ctx)
    if not any(p.showkey for p in node.params):
        body = arg_code(node, 1)
        return foreign(ctx.inline(body), "zh") if body is not None else ""
    return _pairs(ctx, node, [
        ("c", "中文", "zh"), ("t", "zh-hans:繁体;zh-hant:繁體", "zh-Hant"), ("s", "zh-hans:简体;zh-hant:簡體", "zh-Hans"),
        ("p", "zh-hans:拼音;zh-hant:拼音", "zh-Latn-pinyin"), ("w", "威妥玛拼音", "zh-Latn-wadegile"),
        ("j", "粤拼", "yue-Latn-jyutping"), ("poj", "白话字", "nan-Latn-pehoeji"),
    ])


@register("links", "korean", "korean name", "korean-name")
def korean(node: Template, ctx: RenderContext) -> str:
    """``{{Korean|hangul=한국전쟁|hanja=韓國戰爭|rr=Hanguk jeonjaeng}}``: each form with its label."""
    return _pairs(ctx, node, [
        ("hangul", "zh-hans:谚文;zh-hant:諺文", "ko-Hang"), ("hanja", "汉字", "ko-Hani"),
        ("rr", "文观部式", "ko-Latn"), ("mr", "马科式", "ko-Latn"),
    ]) or (foreign(ctx.inline(arg_code(node, 1)), "ko") if arg_code(node, 1) is not None else "")


@register("links", "nihongo", "nihongo2", "nihongo3")
def nihongo(node: Template, ctx: RenderContext) -> str:
    """``{{nihongo|名称|漢字|rōmaji}}`` → 「名称（日语：漢字／rōmaji）」."""
    pos = positional(node) + ["", "", ""]
    shown = ctx.inline(arg_code(node, 1)) if pos[0] else ""
    parts = [foreign(escape.text(pos[1]), "ja") if pos[1] else "", foreign(escape.text(pos[2]), "ja-Latn") if pos[2] else ""]
    inner = "／".join(p for p in parts if p)
    if not inner:
        return shown
    return f"{shown}（{lang_name(ctx, 'ja')}：{inner}）"


@register("links", "ipa", "ipa-en", "ipac-en", "ipa2", "ipa-all")
def ipa(node: Template, ctx: RenderContext) -> str:
    """Pronunciation in the International Phonetic Alphabet, as written."""
    pos = [v for v in positional(node) if v]
    return f'<span class="ipa">{M.noconv(escape.text("/" + "".join(pos) + "/"))}</span>' if pos else ""


@register("links", "vgname", "vgname/s")
def vgname(node: Template, ctx: RenderContext) -> str:
    """``{{vgname|超级马力欧兄弟|スーパーマリオブラザーズ|Super Mario Bros.}}`` →
    《超级马力欧兄弟》（日语：スーパーマリオブラザーズ，英语：Super Mario Bros.）: 1 the Chinese
    title, 2 or ``ja=`` the Japanese, 3 or ``en=`` the English one (Template:Vgname); ``cn=``,
    ``tw=``, ``hk=`` (``hk=tw``: as tw) give the title each region uses; the title is bold unless
    ``bold=no``."""
    title = arg_code(node, 1)
    regional = {k: arg(node, k) for k in ("cn", "tw", "hk")}
    if regional["hk"] in ("tw", "cn"):
        regional["hk"] = regional[regional["hk"]]
    if any(regional.values()) and not ctx.in_heading:
        rule = ";".join(f"zh-{k}:{v}" for k, v in regional.items() if v and ":" not in v and ";" not in v)
        shown = variant_text(ctx, rule) if rule else (ctx.inline(title) if title is not None else "")
    else:
        shown = ctx.inline(title) if title is not None else ""
    head = f"《{shown}》" if shown else ""
    if head and arg(node, "bold").lower() not in ("no", "n", "0", "false"):
        head = f"<b>{head}</b>"  # the article's subject, bold as in the first sentence; bold=no turns it off
    names = []
    for keys, code in (((2, "ja"), "ja"), ((3, "en"), "en")):
        v = arg_code(node, *keys)
        if v is not None:
            names.append(f"{lang_name(ctx, code)}：{foreign(ctx.inline(v), code)}")
    return head + (f"（{'，'.join(names)}）" if names else "")


@register("links", "engname", "eng name", "英文名")
def engname(node: Template, ctx: RenderContext) -> str:
    """``{{engname|Acme}}`` → （英语：Acme）."""
    v = arg_code(node, 1)
    return f"（{lang_name(ctx, 'en')}：{foreign(ctx.inline(v), 'en')}）" if v is not None else ""


@register("links", "站", "車站", "车站")
def station(node: Template, ctx: RenderContext) -> str:
    """``{{站|北京南}}`` → 北京南站, linked to the station's article as zh.wikipedia links it."""
    name = arg(node, 1)
    if not name:
        return ""
    shown = arg(node, 2) or f"{name}站"
    return ctx.inline(mwparserfromhell.parse(f"[[{name}站|{shown}]]"))


alias("link-en", "en-link")


@register("links", "linktext", "link text")
def linktext(node: Template, ctx: RenderContext) -> str:
    """``{{linktext|香港|國際|機場}}``: the words written together, each a link to its own article."""
    words = [p for p in node.params if not p.showkey and str(p.value).strip()]
    return "".join(ctx.inline(mwparserfromhell.parse(f"[[{str(p.value).strip()}]]")) for p in words)


register_exact("links", "Jp")(REGISTRY["jpn"].handler)


@register("links", "audio", "audio-nohelp", "audio-IPA")
def audio(node: Template, ctx: RenderContext) -> str:
    """``{{Audio|文件.ogg|文字}}``: the text of a sound link (the sound file plays on the web only)."""
    text = arg_code(node, 2)
    return ctx.inline(text) if text is not None else ""


@register("links", "pdflink", "pdf")
def pdflink(node: Template, ctx: RenderContext) -> str:
    """``{{PDFlink|[URL 标题]|大小}}``: the link, marked as a PDF document."""
    link = arg_code(node, 1)
    return (ctx.inline(link) + "（PDF）") if link is not None else ""


@register("links", "native name", "native phrase", "nativename", "native name list")
def native_name(node: Template, ctx: RenderContext) -> str:
    """``{{native name|ms|Republik Singapura|icon=no}}``: the name in its language, never converted."""
    code = arg(node, 1)
    text = arg_code(node, 2)
    if text is None:
        return ""
    code = code.strip().lower()
    if code and not re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]+)*", code):
        try:
            code = langcodes.find(code).language  # a language written out: ``tamil`` → ta
        except LookupError:
            code = "und"
    return foreign(ctx.inline(text), code or "und")


@register("links", "ipa-xx (any language code)")
def ipa_lang(node: Template, ctx: RenderContext) -> str:
    """``{{IPA-ja|ɲippoꜜɴ|…|file.ogg}}``: the transcription in phonetic brackets (the sound file
    and the label option are for the web page)."""
    text = arg(node, 1)
    return f'<span class="ipa">{M.noconv(escape.text("[" + text + "]"))}</span>' if text else ""


def _ipa_pattern(key: str) -> Spec | None:
    return REGISTRY.get("ipa-xx (any language code)") if re.fullmatch(r"IPA-[a-z]{2,3}", key) else None


PATTERNS.append(_ipa_pattern)
