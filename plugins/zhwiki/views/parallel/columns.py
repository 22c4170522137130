"""One column of the view: every article page converted to one variant and rendered like the site.

Both columns are converted from the *same* IMD pages, in document order, exactly as
:func:`pipeline.convert_edition` converts them for the variant sites (without the ``<abbr>``
tooltips), and rendered with the site's own Markdown extensions (:class:`Renderer`).  Conversion
only rewrites text (and ``title``/``alt``/link targets); it never adds or removes Markdown
structure, which is why the two HTML trees can be paired (:mod:`.pairs`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import markdown

from ... import pipeline
from .converters import NoRulesConverter, TracingConverter

#: Markdown extensions used when the caller gives none (the ones mkdocs.yml configures).
DEFAULT_EXTENSIONS: tuple[str, ...] = (
    "toc", "tables", "fenced_code", "footnotes", "abbr", "attr_list", "md_in_html", "def_list",
    "admonition", "pymdownx.details", "pymdownx.caret", "pymdownx.tilde", "zhwiki.footnotes",
)


@dataclass
class Column:
    """One variant of every article page, converted in document order by one converter.

    ``titles[i]``/``bodies[i]`` are page i's title and Markdown; ``hits`` are the converter's rule
    hits (:class:`conversion.engine.RuleHit`), whose outputs widen the rule spans.
    """

    site_name: str
    titles: list[str]
    bodies: list[str]
    hits: list[Any]


def convert_column(article: pipeline.Article, variant: str, options: pipeline.Options, rules: bool = True) -> Column:
    """The article's pages in *variant*, as convert_edition converts them but without tooltips.

    The variant pages wrap rule-changed words in ``<abbr>`` tooltips in one variant and not the
    other, which would give the two columns different shapes; here the marks say the same thing.
    With ``rules=False`` the pages are converted by the base table alone (:class:`NoRulesConverter`).
    """
    cls = TracingConverter if rules else NoRulesConverter
    conv = cls(variant, article.blocks, article.page_rules, mixed_script=options.mixed_script)
    name, texts = pipeline.page_texts(article, conv, options)
    return Column(name, [t for t, _ in texts], [b for _, b in texts], list(conv.hits))


class Renderer:
    """Renders Markdown the way the site does (same extensions and settings)."""

    def __init__(self, extensions: Sequence[Any] | None = None, configs: dict[str, Any] | None = None) -> None:
        self.md = markdown.Markdown(extensions=list(extensions or DEFAULT_EXTENSIONS),
                                    extension_configs={k: dict(v) for k, v in (configs or {}).items()})

    def __call__(self, text: str) -> str:
        """*text* as HTML (the converter is reset first, so footnotes never leak between pages)."""
        self.md.reset()
        return self.md.convert(text)
