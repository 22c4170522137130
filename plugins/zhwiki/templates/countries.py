"""Flags and country templates: the localized country name, never an image.

zh.wikipedia resolves the argument through Template:Country data …, which gives a short name in
the page's variant.  Offline we keep a table of the countries zh.wikipedia's history and military
articles commonly use (English name or ISO 3166 alpha-3 code → simplified name); the converter
then writes it in each variant's script and vocabulary (韩国 → 南韓 by the page's rules).
"""

from __future__ import annotations

from mwparserfromhell.nodes import Template

from ..render import escape
from ..render.context import RenderContext
from . import arg, register

#: key (lower-case English name, common alias or alpha-3 code) → simplified Chinese short name.
COUNTRIES: dict[str, str] = {}


def _add(name: str, *keys: str) -> None:
    for k in keys:
        COUNTRIES[k.lower()] = name


_add("韩国", "Korea", "South Korea", "Republic of Korea", "KOR", "ROK")
_add("朝鲜", "North Korea", "PRK", "DPRK", "Democratic People's Republic of Korea")
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
_add("香港", "Hong Kong", "HKG")
_add("澳门", "Macau", "MAC")
_add("西藏", "Tibet")


def country_name(key: str) -> str | None:
    return COUNTRIES.get(" ".join(key.replace("_", " ").split()).lower())


def _name(node: Template, ctx: RenderContext, key: str) -> str:
    custom = arg(node, "name")
    if custom:
        return ctx.inline(custom)
    name = country_name(key)
    if name is None:
        ctx.defect("unknown country", f"no localized name for «{key}»; shown as written", node)
        return escape.text(key)
    return escape.text(name)


@register("countries", "flag", "flagcountry", "flagu", "flag country", "flagcu")
def flag(node: Template, ctx: RenderContext) -> str:
    return _name(node, ctx, arg(node, 1))


@register("countries", "flagicon", "flagdeco", "flagicon image", "flag icon")
def flagicon(node: Template, ctx: RenderContext) -> str:
    """Only an image on zh.wikipedia; a study edition shows no text for it."""
    return ""


def _code_template(code: str):
    def handler(node: Template, ctx: RenderContext) -> str:
        return _name(node, ctx, code)

    return handler


for _code in ("KOR", "PRK", "USA", "USSR", "PRC", "ROC", "JPN", "UK", "CAN", "AUS", "NZL", "PHI",
              "TUR", "THA", "GRE", "FRA", "BEL", "LUX", "NED", "COL", "ETH", "RSA", "DEN", "IND",
              "NOR", "SWE", "ITA", "GER", "CHN", "TWN", "RUS", "VIE", "MGL", "HKG", "MAC", "GBR"):
    register("countries", _code)(_code_template(_code))
