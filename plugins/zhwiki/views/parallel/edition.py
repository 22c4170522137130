"""The view's results: one :class:`ParallelPage` per article page and the :class:`ParallelEdition` around them.

These are the shapes plugin.py builds into ``site/parallel/`` (through :meth:`ParallelEdition.variant_pages`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ... import pipeline
from .pairs import Pair

#: The parallel view's folder beside the variants' (site/parallel/).
SITE_DIR = "parallel"
#: Where the statistics page goes (a path no article page uses: those are index/sNN/back matter).
STATS_PATH = "diff-stats.md"


def stats_title() -> str:
    """The statistics page's title."""
    return "差异统计"


@dataclass
class PageStats:
    """差异统计 counts of one page: units (pairs), those that differ, script characters, vocabulary marks and their lengths."""

    path: str
    title: str
    units: int = 0
    units_differing: int = 0
    script_chars: int = 0
    vocab_marks: int = 0
    vocab_chars_left: int = 0
    vocab_chars_right: int = 0


@dataclass
class ParallelPage:
    """One page of the view: its article page's path and kind, the page HTML (``markdown``), its pairs and counts."""

    path: str
    kind: str
    title: str
    markdown: str
    pairs: list[Pair]
    stats: PageStats


@dataclass
class ParallelEdition:
    """The whole view: left and right variant, site name, pages, the 差异统计 page and the defects to report."""

    left: str
    right: str
    site_name: str
    pages: list[ParallelPage]
    stats_markdown: str
    defects: list[str]

    def variant_pages(self) -> list[pipeline.VariantPage]:
        """The pages as plugin.py builds them (article pages, then the statistics page)."""
        out = [pipeline.VariantPage(p.path, p.kind, p.title, p.markdown) for p in self.pages]
        out.append(pipeline.VariantPage(STATS_PATH, "back", stats_title(), self.stats_markdown))
        return out
