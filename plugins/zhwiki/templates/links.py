"""Languages and cross-language links: ``{{lang}}``, ``{{lang-xx}}``, ``{{en}}``, ``{{le}}``, ``{{tsl}}``.

zh.wikipedia shows ``{{lang-ko|조국해방전쟁}}`` as 「朝鲜语：조국해방전쟁」 (「韓語：…」 in the
Traditional variants) and ``{{link-en|土耳其旅|Turkish Brigade}}`` as the Chinese name followed by
「（英语：Turkish Brigade）」 when the Chinese article is missing.  A study edition cannot know which
Chinese articles exist, and a student wants the original anyway, so the original is always shown
and links to the foreign Wikipedia, where it certainly exists.  Foreign text sits in
``<span lang>`` and is never converted between scripts (韓國戰爭 stays as written).
"""

from __future__ import annotations

import re
from urllib.parse import quote

from mwparserfromhell.nodes import Template

from .. import markers as M
from ..render import escape
from ..render.context import RenderContext
from . import LABEL_CODES, arg, arg_code, name_of, positional, register, variant_text

#: Language code → name as zh.wikipedia writes it, as a ``-{…}-`` body when the variants differ.
LANG_NAMES: dict[str, str] = {
    "en": "英语", "ko": "zh-hans:朝鲜语;zh-hant:韓語;zh-tw:韓語;zh-hk:韓語", "ja": "日语", "ru": "俄语",
    "fr": "法语", "de": "德语", "zh": "中文", "es": "西班牙语", "it": "意大利语", "vi": "越南语",
    "tr": "土耳其语", "la": "拉丁语", "el": "希腊语", "grc": "古希腊语", "mn": "蒙古语", "pt": "葡萄牙语",
    "nl": "荷兰语", "pl": "波兰语", "cs": "捷克语", "sk": "斯洛伐克语", "ar": "阿拉伯语", "he": "希伯来语",
    "hi": "印地语", "th": "泰语", "id": "印尼语", "ms": "马来语", "tl": "他加禄语", "sv": "瑞典语",
    "no": "挪威语", "nb": "书面挪威语", "da": "丹麦语", "fi": "芬兰语", "hu": "匈牙利语", "uk": "乌克兰语",
    "fa": "波斯语", "bo": "藏语", "ug": "维吾尔语", "ro": "罗马尼亚语", "bg": "保加利亚语",
    "sr": "塞尔维亚语", "hr": "克罗地亚语", "be": "白俄罗斯语", "et": "爱沙尼亚语", "lv": "拉脱维亚语",
    "lt": "立陶宛语", "ka": "格鲁吉亚语", "hy": "亚美尼亚语", "az": "阿塞拜疆语", "kk": "哈萨克语",
    "uz": "乌兹别克语", "ur": "乌尔都语", "bn": "孟加拉语", "ta": "泰米尔语", "my": "缅甸语",
    "km": "高棉语", "lo": "老挝语", "am": "阿姆哈拉语", "sw": "斯瓦希里语", "ga": "爱尔兰语",
    "cy": "威尔士语", "is": "冰岛语", "yi": "意第绪语", "eo": "世界语", "sa": "梵语", "pi": "巴利语",
    "manchu": "满语", "mnc": "满语", "yue": "粤语", "wuu": "吴语", "nan": "闽南语", "hak": "客家语",
    "lzh": "文言文", "zh-classical": "文言文",
    "zh-hans": "zh-hans:简体中文;zh-hant:簡體中文", "zh-hant": "zh-hans:繁体中文;zh-hant:繁體中文",
}
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
    return _NAME_TO_CODE.get(v.lower(), _NAME_TO_CODE.get(v, v.lower()))


def lang_name(ctx: RenderContext, code: str) -> str:
    """The Chinese name of a language (IMD), variant-specific where zh.wikipedia's is."""
    code = lang_code(code)
    name = LANG_NAMES.get(code) or LANG_NAMES.get(code.split("-")[0])
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


def _lang_x(code: str):
    def handler(node: Template, ctx: RenderContext) -> str:
        """``{{lang-ko|조국해방전쟁}}`` → 「朝鲜语：조국해방전쟁」 (zh-tw 「韓語：…」)."""
        body = arg_code(node, 1, "text")
        if body is None:
            return ""
        return f"{lang_name(ctx, code)}：{foreign(ctx.inline(body), code)}"

    return handler


for _c in LANG_NAMES:
    if not _c.startswith("zh"):
        register("links", f"lang-{_c}")(_lang_x(_c))


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


@register("links", "le", "link-en", *(f"link-{c}" for c in _LINK_LANGS if c != "en"))
def link_xx(node: Template, ctx: RenderContext) -> str:
    """``{{link-en|中文名|English title|显示文字}}``."""
    name = name_of(node)
    code = "en" if name in ("le", "link-en") else name.removeprefix("link-")
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


@register("links", "zh", "chinese", "lang-zh")
def zh(node: Template, ctx: RenderContext) -> str:
    """``{{zh|t=韓戰|s=韩战|p=Hán zhàn}}`` → 「繁体：韓戰；简体：韩战；拼音：Hán zhàn」, scripts as written."""
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
