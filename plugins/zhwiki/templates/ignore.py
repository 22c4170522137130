"""Templates dropped on purpose: navigation boxes, authority control, sister-project boxes.

They carry no prose of the article: zh.wikipedia shows them as collapsed boxes at the foot of
the page (Category:导航模板, Category:规范控制模板) or as side boxes linking elsewhere.  A
template is ignored when its name is listed here (the seed's own navboxes such as ``{{朝鲜战争}}``
included) or starts with a navigation prefix (``{{Campaignbox …}}``, ``{{Navbox …}}``); every
one is counted in the summary's ``ignored``.  A navbox of another article that is not listed is
an unknown template: it shows nothing (it has no prose) and is listed in the summary.
"""

from __future__ import annotations

from mwparserfromhell.nodes import Template

from ..render.context import RenderContext
from .registry import register

IGNORED = (
    # navboxes in the seed and common ones in history/military articles
    "朝鲜战争", "韓戰紀念建築", "美國索引", "cold war", "american conflicts", "prc conflicts",
    "ussr conflicts", "world war ii", "navbox", "navboxes", "冷战", "第二次世界大战",
    # the navigation box (and categories) of a PRC administrative division's siblings
    "prc admin/navcat",
    # metadata and sister-project boxes
    "authority control", "规范控制", "commons", "commons cat", "wikisourcelang", "wikisource lang", "commons category", "commons+cat",
    "commonscat", "wikiquote", "wiktionary", "wikisource", "sister project links", "portal",
    "portal bar", "defaultsort", "featured article", "good article", "short description",
    "use dmy dates", "use mdy dates", "toc", "toc limit", "toc right", "clear", "-", "clr",
    "stub", "copyedit", "refimprove", "unreferenced", "noteta/doc",
    "pp-protected", "pp-semi", "pp", "coord missing", "featured list",
    "refbegin", "refend", "italic title", "displaytitle", "campaignbox", "military navigation",
    "navbox with collapsible groups", "navbox subgroup", "sidebar", "wikinews", "wikivoyage", "wikibooks",
    "commons and category", "sisterlinks", "sister project", "pp-move", "pp-vandalism", "clear left",
    "clear right", "featured picture", "link fa", "link ga", "lowercase title", "good article candidate",
    # side boxes and footers of other families (issue 17): portals, taxon identifiers, succession frames
    "portal box", "portal-box", "portalbox", "taxonbar", "taxobar", "wikispecies", "sidebar with collapsible lists",
    "sidebar with heading backgrounds", "s-start", "s-end", "s-hou", "s-off", "s-gov", "s-par", "s-ppo", "s-mil",
    "s-rel", "s-reg", "s-sports", "s-break", "s-aca", "s-bus", "s-dip", "s-fam",
    "s-hon", "s-legal", "s-media", "s-npo", "s-other", "s-roy", "s-jud", "s-edu", "s-mil-awards", "s-note",
    "end box", "start box", "navbar", "nobots", "expand language",
    # layout wrappers around boxes (Template:Stack begin / Stack end): the boxes inside show as usual
    "stack begin", "stack end", "stack",
    # boxes without prose of the article: the medical disclaimer box (it links to 医学声明), the
    # interactive map frame of {{maplink}}, the coloured square of {{HDIcolor}} beside an HDI value
    "medical", "maplink", "hdicolor", "location map", "location map+", "location map many",
    "image label", "image label begin", "image label end", "image label small",
    # icons with no text: the Nobel medal beside a laureate's name, the GHS hazard pictograms
    "nobel icon", "ghs explosive", "ghs flame", "ghs flame over circle", "ghs gas cylinder", "ghs corrosion",
    "ghs skull and crossbones", "ghs exclamation mark", "ghs health hazard", "ghs environment",
)

#: Name prefixes of navigation templates (``{{Campaignbox Korean War}}``, ``{{Navbox …}}``).
IGNORED_PREFIXES = ("campaignbox ", "navbox ", "military navigation ", "sidebar ")
#: Name endings of navigation templates (``{{Chemical elements navbox}}``, ``{{Cold War sidebar}}``).
IGNORED_SUFFIXES = (" navbox", " sidebar", "导航框", "導航框", "navbox",
                    # stub notices (``{{Japan-sport-bio-stub}}``, ``{{tw-bio-stub}}``): a call for editors
                    "-stub", " stub", "小作品")


def _drop(node: Template, ctx: RenderContext) -> str:
    return ""


register("ignored", *IGNORED)(_drop)
