"""Flags and country templates: the localized country name; no image is available offline.

zh.wikipedia resolves the argument through Template:Country data …, which gives a short name in
the page's variant (``{{flagcountry|United Kingdom}}`` → 英国, ``{{KOR}}`` → 韩国 / 南韓).  We keep
a table of the countries and historical states zh.wikipedia's history and military articles
commonly use (English name, common alias, or IOC/ISO 3166 alpha-3 code → simplified name).  The
converter then writes the name in each variant's script; names whose words differ by region
(韩国/南韓, 朝鲜/北韓) are variant maps, as in Country data.

``{{flagicon}}`` shows only a flag on zh.wikipedia, so its meaning is the country: here it is a
small country tag (``<span class="flagicon">``), dropped when the name itself follows
(``{{flagicon|France}} [[…|法国]]``).  ``{{flagdeco}}`` is purely decorative and is dropped.
In headings the flag is left out (quirk Q11: ``{{Flagicon|PRK}} {{Flagicon|KOR}} 逃亡者``).
"""

from __future__ import annotations

import re
from pathlib import Path

from babel import Locale
from babel.core import get_global
from mwparserfromhell.nodes import Node, Template, Text, Wikilink

from ..render import escape
from ..render.context import RenderContext
from .registry import PATTERNS, REGISTRY, Spec, arg, arg_code, exact_key, name_of, register, register_exact, variant_text

#: key (lower-case English name, common alias or alpha-3 code) → simplified Chinese short name.
COUNTRIES: dict[str, str] = {}
#: Names that differ by region, as ``-{…}-`` bodies (Country data South Korea / North Korea).
KOREA_S = "zh-hans:韩国;zh-hant:南韓;zh-cn:韩国;zh-tw:南韓;zh-hk:南韓;zh-sg:韩国"
KOREA_N = "zh-hans:朝鲜;zh-hant:北韓;zh-cn:朝鲜;zh-tw:北韓;zh-hk:北韓;zh-sg:朝鲜"


def _add(name: str, *keys: str) -> None:
    for k in keys:
        COUNTRIES[k.lower()] = name


_add(KOREA_S, "Korea", "South Korea", "Korea, South", "Republic of Korea (1948–1960)", "First Republic of Korea", "Republic of Korea", "KOR", "ROK")
_add(KOREA_N, "North Korea", "Korea, North", "PRK", "DPRK", "Democratic People's Republic of Korea")
_add("美国", "United States", "USA", "US", "United States of America")
_add("苏联", "Soviet Union", "USSR", "SUN")
_add("中华人民共和国", "People's Republic of China", "PRC", "CHN", "China")
_add("中华民国", "Republic of China", "ROC", "TWN", "Taiwan")
_add("日本", "Japan", "JPN", "Empire of Japan")
_add("英国", "United Kingdom", "UK", "GBR", "Great Britain")
_add("加拿大", "Canada", "CAN")
_add("澳大利亚", "Australia", "AUS")
_add("新西兰", "New Zealand", "NZL")
_add("菲律宾", "Philippines", "PHI", "PHL")
_add("土耳其", "Turkey", "TUR", "Türkiye")
_add("泰国", "Thailand", "THA")
_add("希腊", "Greece", "GRE", "GRC")
_add("法国", "France", "FRA")
_add("比利时", "Belgium", "BEL")
_add("卢森堡", "Luxembourg", "LUX")
_add("荷兰", "Netherlands", "NED", "NLD")
_add("哥伦比亚", "Colombia", "COL")
_add("埃塞俄比亚", "Ethiopia", "ETH", "Ethiopian Empire")
_add("南非", "South Africa", "RSA", "ZAF", "Union of South Africa")
_add("丹麦", "Denmark", "DEN", "DNK")
_add("印度", "India", "IND")
_add("挪威", "Norway", "NOR")
_add("瑞典", "Sweden", "SWE")
_add("意大利", "Italy", "ITA", "Kingdom of Italy")
_add("德国", "Germany", "GER", "DEU", "West Germany", "FRG")
_add("东德", "East Germany", "GDR", "DDR")
_add("西班牙", "Spain", "ESP")
_add("葡萄牙", "Portugal", "POR", "PRT")
_add("以色列", "Israel", "ISR")
_add("蒙古", "Mongolia", "MGL", "MNG", "Mongolian People's Republic")
_add("越南", "Vietnam", "VIE", "VNM")
_add("北越", "North Vietnam")
_add("南越", "South Vietnam")
_add("捷克斯洛伐克", "Czechoslovakia", "TCH")
_add("波兰", "Poland", "POL")
_add("匈牙利", "Hungary", "HUN")
_add("罗马尼亚", "Romania", "ROU", "ROM")
_add("保加利亚", "Bulgaria", "BUL", "BGR")
_add("南斯拉夫", "Yugoslavia", "YUG")
_add("阿尔巴尼亚", "Albania", "ALB")
_add("奥地利", "Austria", "AUT")
_add("瑞士", "Switzerland", "SUI", "CHE")
_add("芬兰", "Finland", "FIN")
_add("冰岛", "Iceland", "ISL")
_add("爱尔兰", "Ireland", "IRL")
_add("俄罗斯", "Russia", "RUS")
_add("乌克兰", "Ukraine", "UKR")
_add("印度尼西亚", "Indonesia", "INA", "IDN")
_add("马来西亚", "Malaysia", "MAS", "MYS")
_add("新加坡", "Singapore", "SGP", "SIN")
_add("缅甸", "Myanmar", "Burma", "MYA", "MMR")
_add("柬埔寨", "Cambodia", "CAM", "KHM")
_add("老挝", "Laos", "LAO")
_add("巴基斯坦", "Pakistan", "PAK")
_add("孟加拉国", "Bangladesh", "BAN", "BGD")
_add("伊朗", "Iran", "IRI", "IRN")
_add("伊拉克", "Iraq", "IRQ")
_add("叙利亚", "Syria", "SYR")
_add("埃及", "Egypt", "EGY")
_add("沙特阿拉伯", "Saudi Arabia", "KSA", "SAU")
_add("阿富汗", "Afghanistan", "AFG")
_add("墨西哥", "Mexico", "MEX")
_add("巴西", "Brazil", "BRA")
_add("阿根廷", "Argentina", "ARG")
_add("智利", "Chile", "CHI", "CHL")
_add("秘鲁", "Peru", "PER")
_add("古巴", "Cuba", "CUB")
_add("萨尔瓦多", "El Salvador", "SLV", "ESA")
_add("纳粹德国", "Nazi Germany")
_add("德意志帝国", "German Empire")
_add("大英帝国", "British Empire")
_add("俄罗斯帝国", "Russian Empire")
_add("大清", "Qing dynasty", "Qing")
_add("满洲国", "Manchukuo")
_add("联合国", "United Nations", "UN")
_add("英属香港", "British Hong Kong")
_add("香港", "Hong Kong", "HKG", "HK")
_add("澳门", "Macau", "MAC", "MO", "Macao")
_add("西藏", "Tibet")



# -- more states: Asia and Oceania
_add("中华民国", "Republic of China (1912–1949)", "Beiyang Government")
_add("朝鲜王朝", "Joseon", "Joseon dynasty")
_add("大韩帝国", "Korean Empire")
_add("日本帝国", "Empire of Japan (1868–1945)", "Imperial Japan")
_add("琉球", "Ryukyu Kingdom")
_add("蒙古人民共和国", "Mongolian People's Republic", "蒙古人民共和國", "蒙古人民共和国")
_add("越南民主共和国", "Democratic Republic of Vietnam")
_add("越南共和国", "Republic of Vietnam", "State of Vietnam", "越南国")
_add("尼泊尔", "Nepal", "NEP", "NPL")
_add("斯里兰卡", "Sri Lanka", "SRI", "LKA", "Ceylon", "Dominion of Ceylon")
_add("不丹", "Bhutan", "BHU", "BTN")
_add("文莱", "Brunei", "BRU", "BRN")
_add("东帝汶", "East Timor", "Timor-Leste", "TLS")
_add("朝鲜半岛", "Korean Peninsula")
_add("哈萨克斯坦", "Kazakhstan", "KAZ")
_add("乌兹别克斯坦", "Uzbekistan", "UZB")
_add("吉尔吉斯斯坦", "Kyrgyzstan", "KGZ")
_add("塔吉克斯坦", "Tajikistan", "TJK")
_add("土库曼斯坦", "Turkmenistan", "TKM")
_add("格鲁吉亚", "Georgia", "GEO")
_add("亚美尼亚", "Armenia", "ARM")
_add("阿塞拜疆", "Azerbaijan", "AZE")
_add("约旦", "Jordan", "JOR")
_add("黎巴嫩", "Lebanon", "LIB", "LBN")
_add("科威特", "Kuwait", "KUW", "KWT")
_add("卡塔尔", "Qatar", "QAT")
_add("阿联酋", "United Arab Emirates", "UAE", "ARE")
_add("阿曼", "Oman", "OMA", "OMN")
_add("也门", "Yemen", "YEM")
_add("巴勒斯坦", "Palestine", "PLE", "PSE", "State of Palestine")
_add("英属巴勒斯坦", "Mandatory Palestine")
_add("奥斯曼帝国", "Ottoman Empire")
_add("伊朗帝国", "Imperial State of Iran", "Pahlavi Iran")
_add("巴布亚新几内亚", "Papua New Guinea", "PNG")
_add("斐济", "Fiji", "FIJ", "FJI")
# -- Europe
_add("苏联", "Soviet Union (1936–1955)")
_add("俄罗斯苏维埃联邦社会主义共和国", "Russian SFSR", "Russian Soviet Federative Socialist Republic")
_add("白俄罗斯", "Belarus", "BLR")
_add("摩尔多瓦", "Moldova", "MDA")
_add("立陶宛", "Lithuania", "LTU")
_add("拉脱维亚", "Latvia", "LAT", "LVA")
_add("爱沙尼亚", "Estonia", "EST")
_add("捷克", "Czech Republic", "Czechia", "CZE")
_add("斯洛伐克", "Slovakia", "SVK")
_add("斯洛文尼亚", "Slovenia", "SLO", "SVN")
_add("克罗地亚", "Croatia", "CRO", "HRV")
_add("塞尔维亚", "Serbia", "SRB")
_add("波斯尼亚和黑塞哥维那", "Bosnia and Herzegovina", "BIH")
_add("黑山", "Montenegro", "MNE")
_add("北马其顿", "North Macedonia", "Macedonia", "MKD")
_add("马耳他", "Malta", "MLT")
_add("塞浦路斯", "Cyprus", "CYP")
_add("摩纳哥", "Monaco", "MON", "MCO")
_add("梵蒂冈", "Vatican City", "Holy See", "VAT")
_add("列支敦士登", "Liechtenstein", "LIE")
_add("安道尔", "Andorra", "AND")
_add("圣马力诺", "San Marino", "SMR")
_add("保加利亚", "People's Republic of Bulgaria", "Kingdom of Bulgaria")
_add("波兰", "Polish People's Republic", "Second Polish Republic")
_add("罗马尼亚", "Socialist Republic of Romania", "Romanian People's Republic", "Kingdom of Romania")
_add("匈牙利", "Hungarian People's Republic", "Kingdom of Hungary")
_add("捷克斯洛伐克", "Czechoslovak Socialist Republic", "Czechoslovak Republic")
_add("南斯拉夫", "Socialist Federal Republic of Yugoslavia", "Kingdom of Yugoslavia", "SFR Yugoslavia")
_add("阿尔巴尼亚", "People's Socialist Republic of Albania", "People's Republic of Albania")
_add("希腊", "Kingdom of Greece")
_add("意大利", "Italian Republic")
_add("法国", "French Fourth Republic", "French Third Republic", "Vichy France", "Free France", "French Republic")
_add("英国", "United Kingdom of Great Britain and Northern Ireland", "England", "Britain")
_add("荷兰", "Kingdom of the Netherlands")
_add("比利时", "Kingdom of Belgium")
_add("德意志第三帝国", "Third Reich")
_add("魏玛共和国", "Weimar Republic")
_add("奥匈帝国", "Austria-Hungary", "Austro-Hungarian Empire")
_add("普鲁士", "Prussia", "Kingdom of Prussia")
_add("欧盟", "European Union", "EU")
_add("北约", "NATO")
# -- Americas
_add("危地马拉", "Guatemala", "GUA", "GTM")
_add("洪都拉斯", "Honduras", "HON", "HND")
_add("尼加拉瓜", "Nicaragua", "NCA", "NIC")
_add("哥斯达黎加", "Costa Rica", "CRC", "CRI")
_add("巴拿马", "Panama", "PAN")
_add("多米尼加", "Dominican Republic", "DOM")
_add("海地", "Haiti", "HAI", "HTI")
_add("牙买加", "Jamaica", "JAM")
_add("委内瑞拉", "Venezuela", "VEN")
_add("厄瓜多尔", "Ecuador", "ECU")
_add("玻利维亚", "Bolivia", "BOL")
_add("巴拉圭", "Paraguay", "PAR", "PRY")
_add("乌拉圭", "Uruguay", "URU", "URY")
_add("波多黎各", "Puerto Rico", "PUR", "PRI")
_add("格林纳达", "Grenada", "GRN", "GRD")
# -- Africa
_add("埃塞俄比亚帝国", "Ethiopian Empire")
_add("南非联邦", "Union of South Africa")
_add("利比里亚", "Liberia", "LBR")
_add("利比亚", "Libya", "LBA", "LBY")
_add("突尼斯", "Tunisia", "TUN")
_add("阿尔及利亚", "Algeria", "ALG", "DZA")
_add("摩洛哥", "Morocco", "MAR")
_add("苏丹", "Sudan", "SUD", "SDN")
_add("南苏丹", "South Sudan", "SSD")
_add("索马里", "Somalia", "SOM")
_add("肯尼亚", "Kenya", "KEN")
_add("坦桑尼亚", "Tanzania", "TAN", "TZA")
_add("乌干达", "Uganda", "UGA")
_add("卢旺达", "Rwanda", "RWA")
_add("刚果民主共和国", "Democratic Republic of the Congo", "COD", "Zaire")
_add("刚果共和国", "Republic of the Congo", "CGO", "COG")
_add("安哥拉", "Angola", "ANG", "AGO")
_add("莫桑比克", "Mozambique", "MOZ")
_add("津巴布韦", "Zimbabwe", "ZIM", "ZWE")
_add("罗得西亚", "Rhodesia")
_add("赞比亚", "Zambia", "ZAM", "ZMB")
_add("尼日利亚", "Nigeria", "NGR", "NGA")
_add("加纳", "Ghana", "GHA")
_add("塞内加尔", "Senegal", "SEN")
_add("马里", "Mali", "MLI")
_add("喀麦隆", "Cameroon", "CMR")
_add("马达加斯加", "Madagascar", "MAD", "MDG")
_add("厄立特里亚", "Eritrea", "ERI")
_add("吉布提", "Djibouti", "DJI")
_add("纳米比亚", "Namibia", "NAM")
_add("博茨瓦纳", "Botswana", "BOT", "BWA")


# -- every other code: CLDR through Babel, and our small table of what CLDR does not know ----------
_DATA = Path(__file__).parent / "data"


def _tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


#: IOC code → ISO 3166-1 alpha-2, where the IOC code is not the ISO alpha-3 one (data/ioc_codes.tsv).
IOC_TO_ISO: dict[str, str] = {row[0]: row[1] for row in _tsv("ioc_codes.tsv")}
#: Code or key → (kind, simplified name or ``-{…}-`` body): historical states, IOC-only teams,
#: parties (data/country_names.tsv).
SPECIAL: dict[str, tuple[str, str]] = {row[0]: (row[1], row[2]) for row in _tsv("country_names.tsv")}
#: Historical states, dominions, colonies and partially recognised states (data/historical_states.tsv).
SPECIAL.update({row[0]: (row[1], row[2]) for row in _tsv("historical_states.tsv") if row[0] not in SPECIAL})
_HANS, _HANT, _HK = (Locale.parse(x) for x in ("zh_Hans", "zh_Hant", "zh_Hant_HK"))
_ALIASES: dict[str, list[str]] = get_global("territory_aliases")
_EN_NAMES = {n.lower(): code for code, n in Locale.parse("en").territories.items() if code.isalpha()}


#: CLDR region codes that name no country (unknown region, outlying Oceania, pseudo-locales).
_NOT_COUNTRIES = frozenset({"ZZ", "QO", "XA", "XB"})


def iso_code(key: str) -> str | None:
    """ISO 3166-1 alpha-2 of a country key: alpha-2, alpha-3 (CLDR's aliases), IOC code or English name."""
    k = key.strip()
    if re.fullmatch(r"[A-Z]{2}", k) and k in _HANS.territories:
        return k
    if re.fullmatch(r"[A-Z]{3}", k):
        if k in IOC_TO_ISO:
            return IOC_TO_ISO[k]
        alias = _ALIASES.get(k)
        if alias and len(alias) == 1 and alias[0] in _HANS.territories:
            return alias[0]
        return None
    return _EN_NAMES.get(k.lower())


def cldr_country(key: str) -> str | None:
    """The current name CLDR gives the country *key* stands for, as a ``-{…}-`` body per variant
    (``SRB`` → 塞尔维亚 / 塞爾維亞; ``VAN`` → 瓦努阿图 / 萬那杜), or None."""
    code = iso_code(key)
    if code is None or code not in _HANS.territories or code in _NOT_COUNTRIES:
        return None
    hans, hant = _HANS.territories[code], _HANT.territories.get(code, _HANS.territories[code])
    hk = _HK.territories.get(code, hant)
    return (f"zh-hans:{hans};zh-hant:{hant};zh-cn:{hans};zh-sg:{hans};zh-my:{hans};"
            f"zh-tw:{hant};zh-hk:{hk};zh-mo:{hk}")


def country_name(key: str) -> str | None:
    """The simplified short name (or a ``-{…}-`` body) for a Country data key, or None.

    Our table of the names zh.wikipedia's Country data gives (:data:`COUNTRIES`) first, then
    historical states, IOC teams and parties (:data:`SPECIAL`), then CLDR's current name."""
    k = " ".join(key.replace("_", " ").split())
    name = COUNTRIES.get(k.lower())
    if name is None and k.lower().startswith("the "):
        name = COUNTRIES.get(k[4:].lower())
    if name is None:
        special = SPECIAL.get(k) or SPECIAL.get(k.upper())
        if special is not None:
            return special[1]
    if name is None and re.search(r"[\u4e00-\u9fff]", k):
        return k  # already a Chinese name ({{flag|蒙古人民共和國|name=蒙古}} without name=)
    if name is None and k:
        name = cldr_country(k.removeprefix("the ").removeprefix("The "))
    if name is None:
        m = _VARIANT_CODE.fullmatch(k)
        if m:
            return country_name(m.group(1))  # {{ROK-KOR}}, {{GER-1871}}: the variant only picks the flag
    return name


#: A flag variant of a code template (``{{HKG-1959}}``, ``{{ROK-KOR}}``, ``{{USA-1912}}``): the base
#: code and a year or second code that selects the flag image on zh.wikipedia (Template:Country data
#: … ``variant``); the name shown is the base code's unless data/country_names.tsv names the variant.
_VARIANT_CODE = re.compile(r"([A-Z]{2,5})-(?:\d{3,4}|[A-Z0-9]{2,5})")


def _show(ctx: RenderContext, name: str) -> str:
    return variant_text(ctx, name) if ":" in name else escape.text(name)


def localized(node: Template, ctx: RenderContext, key: str) -> str:
    """IMD of the country's name: ``name=`` when given, else the table; unknown keys are reported."""
    custom = arg(node, "name")
    if custom:
        return ctx.inline(custom)
    name = country_name(key)
    if name is None:
        ctx.defect("unknown country", f"no localized name for «{key}»; shown as written", node)
        return escape.text(key)
    return _show(ctx, name)


@register("countries", "flag", "flagcountry", "flagu", "flag country", "flagcu", "flagc", "country",
          "flagathlete", "flagteam", "flag+link")
def flag(node: Template, ctx: RenderContext) -> str:
    """The localized name (the 2nd positional picks a historical flag, which has no text form)."""
    key = arg(node, 1)
    if not key and not arg(node, "name"):
        return ""
    return localized(node, ctx, key)


_FILE_COUNTRY = re.compile(r"^(?:File:|Image:)?\s*Flag of (?:the )?(.+?)(?:\s*\(.*\))?\.(?:svg|png|gif|jpg)$", re.I)


def icon_country(node: Template) -> str | None:
    """The country a ``{{flagicon}}`` / ``{{flagicon image}}`` stands for, as a table name."""
    key = arg(node, 1)
    if name_of(node) == "flagicon image":
        m = _FILE_COUNTRY.match(key)
        key = m.group(1) if m else ""
    return country_name(key) if key else None


def _plain(name: str) -> set[str]:
    """The forms a name may take in the text right after the flag (all variants of a map)."""
    if ":" not in name:
        return {name}
    return {part.split(":", 1)[1].strip() for part in name.split(";") if ":" in part}


def icon_repeats_next(node: Template, rest: list[Node]) -> bool:
    """True when the text right after the icon starts with the country's own name."""
    name = icon_country(node)
    if not name:
        return False
    from ..conversion.tables import fold_char

    def fold(s: str) -> str:
        return "".join(fold_char(c) for c in s)

    following = ""
    for nd in rest[:3]:
        if isinstance(nd, Text):
            following += nd.value
        elif isinstance(nd, Wikilink):
            following += str(nd.text if nd.text is not None else nd.title)
        else:
            break
        if following.strip():
            break
    following = fold(following.strip())
    return any(following.startswith(fold(n)) for n in _plain(name))


@register("countries", "flagicon", "flag icon", "flagicon image", "flagcountry icon")
def flagicon(node: Template, ctx: RenderContext) -> str:
    """A small country tag standing for the flag (the flag's meaning without its image)."""
    if ctx.in_heading:
        return ""
    name = icon_country(node)
    if name is None:
        key = arg(node, 1)
        if key and name_of(node) != "flagicon image":
            ctx.defect("unknown country", f"no localized name for flag «{key}»; icon dropped", node)
        return ""
    return f'<span class="flagicon">{_show(ctx, name)}</span>'


@register("countries", "flagdeco", "flag deco")
def flagdeco(node: Template, ctx: RenderContext) -> str:
    """Decorative only (never linked, always next to the name): nothing to show."""
    return ""


def _code_template(code: str):
    def handler(node: Template, ctx: RenderContext) -> str:
        """``{{USA}}``: the country's short name (a heading gets the plain name, no flag)."""
        return localized(node, ctx, code)

    return handler


#: Country code templates (Template:USA, Template:KOR …): IOC/ISO codes and a few historical ones.
CODE_TEMPLATES = (
    "KOR", "PRK", "USA", "USSR", "PRC", "ROC", "JPN", "UK", "CAN", "AUS", "NZL", "PHI", "TUR", "THA",
    "GRE", "FRA", "BEL", "LUX", "NED", "COL", "ETH", "RSA", "DEN", "IND", "NOR", "SWE", "ITA", "GER",
    "CHN", "TWN", "RUS", "VIE", "MGL", "HKG", "MAC", "GBR", "ESP", "POR", "POL", "HUN", "ROU", "BUL",
    "YUG", "ALB", "AUT", "SUI", "FIN", "ISR", "EGY", "IRN", "IRQ", "SYR", "PAK", "BAN", "INA", "MAS",
    "SGP", "MYA", "CAM", "LAO", "MEX", "BRA", "ARG", "CHI", "PER", "CUB", "GDR", "FRG", "TCH", "UKR",
    "KAZ", "NEP", "SRI", "KSA", "AFG", "IRL", "ISL",
)
for _code in CODE_TEMPLATES:
    register_exact("countries", _code)(_code_template(_code))


@register("countries", "country code (any code)")
def code_template(node: Template, ctx: RenderContext) -> str:
    """Any other all-capital code template (``{{SRB}}``, ``{{JPN-EMP}}``): the name its code stands for."""
    return localized(node, ctx, exact_key(str(node.name)))


def _code_pattern(key: str) -> Spec | None:
    """Codes are all capitals (MediaWiki compares them case-sensitively: ``{{JPN}}`` ≠ ``{{jpn}}``)."""
    if re.fullmatch(r"[A-Z]{2,5}(?:-[A-Z0-9]{2,5})*", key) and country_name(key) is not None:
        return REGISTRY.get("country code (any code)")
    return None


PATTERNS.append(_code_pattern)


for _key, (_kind, _name) in SPECIAL.items():
    if not re.fullmatch(r"[A-Z]{2,5}(?:-[A-Z0-9]{2,5})*", _key):
        register_exact("countries", _key)(code_template)  # {{Nonp}}, {{台湾团结联盟}}, {{英屬香港電影}}: not codes


@register("countries", "flagioc", "flagiocteam", "flagioc2", "flagioc2team", "flagiocmedalist", "flagioc2medalist")
def flag_ioc(node: Template, ctx: RenderContext) -> str:
    """``{{flagIOC|CHN|2008年夏季}}`` / ``{{flagIOCteam|…}}``: the team's name (the games only pick the flag)."""
    key = arg(node, 1)
    return localized(node, ctx, key) if key else ""


@register("countries", "fb", "fbw", "futsal", "fb-rt", "fbw-rt", "bk", "bkw", "vb", "vbw", "hb", "fbu", "fbwu")
def team(node: Template, ctx: RenderContext) -> str:
    """A national team by its country (``{{fb|KOR}}`` → 韩国, ``{{fbw|North Korea}}`` → 朝鲜, the women's
    team; ``{{fbu|18|JPN}}`` → 日本U18, the age group first): zh.wikipedia shows the flag and the
    country's name linked to the team's article."""
    name = name_of(node)
    if name in ("fbu", "fbwu"):
        age, key = arg(node, 1), arg(node, 2)
        shown = localized(node, ctx, key) if key else ""
        return f"{shown}U{escape.text(age)}" if shown and age else shown
    key = arg(node, 1)
    return localized(node, ctx, key) if key else ""


@register("countries", "flagiocathlete", "flagioc2athlete")
def flag_ioc_athlete(node: Template, ctx: RenderContext) -> str:
    """``{{flagIOCathlete|姓名|CHN|2008年夏季}}`` → 姓名（中国）."""
    who, key = arg_code(node, 1), arg(node, 2)
    name = ctx.inline(who) if who is not None else ""
    team = localized(node, ctx, key) if key else ""
    return f"{name}（{team}）" if name and team else name or team


#: Flag templates named by the country's Chinese name (``{{希臘}}``, ``{{英國}}``, ``{{意大利}}``):
#: CLDR's simplified and traditional names → region code.
_CHINESE_NAMED: dict[str, str] = {}
for _loc in (_HK, _HANT, _HANS):
    for _code, _name in _loc.territories.items():
        if re.fullmatch(r"[A-Z]{2}", _code):
            _CHINESE_NAMED[_name] = _code


@register("countries", "country by chinese name (any name)")
def chinese_named_flag(node: Template, ctx: RenderContext) -> str:
    """``{{希臘}}``: the flag and name of the country; in the current script, as CLDR names it.

    Such a call on a line of its own is a navigation box of that country instead, and shows nothing."""
    from .registry import alone_on_line as _alone_on_line

    name = exact_key(str(node.name))
    if not node.params and _alone_on_line(node, ctx, own=1):
        ctx.diag.probable_navbox(name, ctx.line_of(node))
        return ""
    return _show(ctx, cldr_country(_CHINESE_NAMED[name]) or name)


def _chinese_name_pattern(key: str) -> Spec | None:
    return REGISTRY.get("country by chinese name (any name)") if key in _CHINESE_NAMED else None


PATTERNS.append(_chinese_name_pattern)
