"""A variant's edition with its back matter: the article's pages, then 用词对照 (glossary.md).

:func:`zhwiki.pipeline.convert_edition` converts the article's own pages and takes the pages to
add after them as a callable, so the stage never imports a view.  This module is that callable
for the 用词对照 page and its rule-hit review, and the one call the glue, the outputs and the tests
make to get a whole edition.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..conversion.engine import Converter
from ..pipeline import Article, Options, VariantEdition, VariantPage
from ..pipeline import convert_edition as convert_pages
from .glossary import build_page, page_title
from .review import clean, display_origin, review_section, source_names


def back_matter(article: Article, conv: Converter, built: tuple[str, ...], labels: dict[str, str]) -> list[VariantPage]:
    """The 用词对照 page for *conv*'s variant: ``[]`` when the article has no conversion rules.

    *labels* maps each page path to its converted title (the review names the page of each hit).
    Suspicious rule hits are reported as source defects here, in hit order, before the
    converter's own warnings, as they always were.
    """
    if not (conv.rules_seen or conv.maps_seen or article.missing_groups):
        return []
    variant = conv.variant
    names = source_names(article.prep.text)
    review, flagged = review_section(conv, built, names, labels)
    for hit, flags in flagged:
        why = "; ".join(f"{f.kind} «{f.word}»" for f in flags)
        article.diag.defect("suspicious rule hit",
                            f"{variant}: {display_origin(hit.rule, 'zh-cn')} turned «{hit.source}» into «{hit.output}» "
                            f"in «{clean(hit.before)}{hit.source}{clean(hit.after)}» ({why}); see 用词对照",
                            section=hit.place or None)
    title_rule = None if article.no_title_convert or article.no_content_convert else (
        conv.title_rule or article.title_rule)
    glossary = build_page(conv, article.blocks, built, title_rule,
                          missing_groups=article.missing_groups, review=review)
    return [VariantPage("glossary.md", "back", page_title(variant), glossary)]


def convert_edition(
    article: Article, variant: str, options: Options = Options(), built: Sequence[str] | None = None
) -> VariantEdition:
    """Every page of the article in *variant* (see :func:`zhwiki.pipeline.convert_edition`), then 用词对照.

    *built* lists every variant of this build; the 用词对照 page has one column per variant.
    """
    return convert_pages(article, variant, options, built, back_matter=back_matter)
