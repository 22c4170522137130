"""简繁对照: the parallel reading view, one page per article page, two variants side by side.

The modules, in the order the view is built:

    tree        a small HTML tree over Python-Markdown's output, and its shape   (tree.py)
    converters  NoRulesConverter and TracingConverter: which words a rule wrote  (converters.py)
    columns     one variant of every page, converted and rendered like the site  (columns.py)
    sentinels   rule-written spans carried through Markdown into the HTML        (sentinels.py)
    pairs       two trees of the same shape cut into rows (Pair)                 (pairs.py)
    diff        where two texts differ, and whether in words or only in script   (diff.py)
    marks       <mark> spans in the text nodes of each pair                      (marks.py)
    page        one parallel page's HTML                                         (page.py)
    stats       差异统计: counts, rule hits, most frequent differing words        (stats.py)
    search      the plain text the search index gets instead of the marked page  (search.py)
    edition     the result shapes: ParallelPage, ParallelEdition                 (edition.py)
    build       the whole view                                                   (build.py)

Marks go into text nodes only, never into tags or URLs: ``lc-vocab`` where the words differ (or a
rule wrote the spot), ``lc-script`` where only the script differs.

This package knows nothing of MkDocs: plugin.py builds the pages it returns into site/parallel/.
The names below are the package's public interface.
"""

from .build import build
from .columns import DEFAULT_EXTENSIONS, Column, Renderer, convert_column
from .converters import NoRulesConverter, TracingConverter
from .diff import SCRIPT, VOCAB, DiffOp, boundary_map, changed_regions, diff_texts, fold, opcodes
from .edition import SITE_DIR, STATS_PATH, PageStats, ParallelEdition, ParallelPage, stats_title
from .marks import mark_pair
from .page import page_html, variant_label
from .pairs import Pair, pair_up
from .search import search_html
from .sentinels import MAP_CLOSE, MAP_OPEN, RULE_CLOSE, RULE_OPEN, take_rule_regions, with_rule_sentinels
from .stats import TOP_WORDS, differing_words, page_stats, stats_markdown
from .tree import Element, Raw, Text, parse_html, skeleton

__all__ = [
    "DEFAULT_EXTENSIONS", "MAP_CLOSE", "MAP_OPEN", "RULE_CLOSE", "RULE_OPEN", "SCRIPT", "SITE_DIR", "STATS_PATH",
    "TOP_WORDS", "VOCAB", "Column", "DiffOp", "Element", "NoRulesConverter", "PageStats", "Pair", "ParallelEdition",
    "ParallelPage", "Raw", "Renderer", "Text", "TracingConverter", "boundary_map", "build", "changed_regions",
    "convert_column", "diff_texts", "differing_words", "fold", "mark_pair", "opcodes", "page_html", "page_stats",
    "pair_up", "parse_html", "search_html", "skeleton", "stats_markdown", "stats_title", "take_rule_regions",
    "variant_label", "with_rule_sentinels",
]
