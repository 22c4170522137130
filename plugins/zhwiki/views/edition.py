"""A variant's edition with its back matter: the article's pages, then 用词对照 (glossary.md).

:func:`zhwiki.pipeline.convert_edition` converts the article's own pages and takes the pages to
add after them as a callable, so the stage never imports a view.  This module is that callable
for the 用词对照 page and its rule-hit review, and the one call the glue, the outputs and the tests
make to get a whole edition.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import unescape

from ..conversion.engine import Converter, RuleHit
from ..pipeline import Article, Options, VariantEdition, VariantPage, plain_text
from ..pipeline import convert_edition as convert_pages
from ..source import Prepared
from .glossary import build_page, page_title
from .review import clean, display_origin, review_section, source_names


def back_matter(article: Article, conv: Converter, built: tuple[str, ...], labels: dict[str, str]) -> list[VariantPage]:
    """The 用词对照 page for *conv*'s variant: ``[]`` when the article has no conversion rules.

    *labels* maps each page path to its converted title (the review names the page of each hit).
    Suspicious rule hits are reported as source problems of *conv*'s variant here, with their
    section and source line (:func:`hit_line`), before the converter's own warnings.
    """
    if not (conv.rules_seen or conv.maps_seen or article.missing_groups):
        return []
    variant = conv.variant
    names = source_names(article.prep.text)
    review, flagged = review_section(conv, built, names, labels)
    sections = {p.path: plain_text(p.title) or "(lead)" for p in article.pages}
    for hit, flags in flagged:
        why = "; ".join(f"{f.kind} «{f.word}»" for f in flags)
        section = sections.get(hit.place)
        article.diag.defect("suspicious rule hit",
                            f"{display_origin(hit.rule, 'zh-cn')} turned «{hit.source}» into «{hit.output}» "
                            f"in «{clean(hit.before)}{hit.source}{clean(hit.after)}» ({why}); see 用词对照",
                            hit_line(article.prep, hit, section), section, variant=variant)
    title_rule = None if article.no_title_convert or article.no_content_convert else (
        conv.title_rule or article.title_rule)
    glossary = build_page(conv, article.blocks, built, title_rule,
                          missing_groups=article.missing_groups, review=review)
    return [VariantPage("glossary.md", "back", page_title(variant), glossary)]


#: Where a rule hit's context stops being plain source text: markers, link brackets, line breaks.
_MARKUP_RE = re.compile("[\x00-\x1f\\[\\]\ue000-\uf8ff]")


def hit_line(prep: Prepared, hit: RuleHit, section: str | None = None) -> int | None:
    """The source line of a rule hit, found by its context, or None when the context is not in
    the source as written (an entity, a template's output).

    The hit keeps about ten characters of converted-from text on either side (engine.CONTEXT);
    the longest piece of it that is plain source text is looked up, from the start of *section*'s
    heading when several places match.
    """
    before = _MARKUP_RE.split(unescape(hit.before))[-1]
    after = _MARKUP_RE.split(unescape(hit.after))[0]
    text = prep.text
    start = 0
    if section and section != "(lead)":
        m = re.search(r"(?m)^==[ \t]*" + re.escape(section) + r"[ \t]*==", text)
        start = m.start() if m else 0
    # the whole context first, then shorter pieces of it (a template or link may stand between)
    for b, a in ((before, after), ("", after), (before, ""), ("", after[:4]), (before[-4:], ""), ("", after[:2]),
                 (before[-2:], "")):
        needle = b + hit.source + a
        if len(needle) <= len(hit.source):
            continue
        i = text.find(needle, start)
        if i < 0:
            i = text.find(needle)
        if i >= 0:
            return prep.line_of(i + len(b))
    return None


def convert_edition(
    article: Article, variant: str, options: Options = Options(), built: Sequence[str] | None = None
) -> VariantEdition:
    """Every page of the article in *variant* (see :func:`zhwiki.pipeline.convert_edition`), then 用词对照.

    *built* lists every variant of this build; the 用词对照 page has one column per variant.
    """
    return convert_pages(article, variant, options, built, back_matter=back_matter)
