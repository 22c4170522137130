"""The whole view: convert both columns, pair every unit of every page, mark, count, write the pages.

Why the pairs can never be mismatched: see :mod:`.columns`.  The shapes are compared
(:func:`.tree.skeleton`) before anything is paired; a page whose shapes differ is not guessed at
but shown as one pair and reported as a defect.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ... import pipeline
from .columns import Renderer, convert_column
from .edition import ParallelEdition, ParallelPage
from .marks import mark_pair
from .page import page_html
from .pairs import Pair, pair_up
from .sentinels import take_rule_regions, with_rule_sentinels
from .stats import page_stats, stats_markdown
from .tree import Element, parse_html, skeleton


def build(
    article: pipeline.Article,
    left: str = "zh-cn",
    right: str = "zh-tw",
    options: pipeline.Options = pipeline.Options(),
    extensions: Sequence[Any] | None = None,
    extension_configs: dict[str, Any] | None = None,
) -> ParallelEdition:
    """Convert the article to both variants and pair every unit of every page.

    *extensions*/*extension_configs* are the site's Markdown settings (plugin.py passes MkDocs'
    ``markdown_extensions``/``mdx_configs``), so each column renders like its variant's page.
    """
    render = Renderer(extensions, extension_configs)
    col_l, col_r = convert_column(article, left, options), convert_column(article, right, options)
    base_l, base_r = convert_column(article, left, options, False), convert_column(article, right, options, False)
    out_l, out_r = {h.output for h in col_l.hits}, {h.output for h in col_r.hits}
    defects: list[str] = []
    pages: list[ParallelPage] = []
    next_id = [1]
    for i, page in enumerate(article.pages):
        tl = parse_html(render(with_rule_sentinels(col_l.bodies[i], base_l.bodies[i], out_l)))
        tr = parse_html(render(with_rule_sentinels(col_r.bodies[i], base_r.bodies[i], out_r)))
        rules = {"left": take_rule_regions(tl), "right": take_rule_regions(tr)}
        if skeleton(tl) == skeleton(tr):
            pairs = pair_up(tl, tr)
        else:
            defects.append(f"parallel view: the two variants of {page.path} differ in structure; shown as one unit")
            lw, rw = Element("div", "<div>", {}), Element("div", "<div>", {})
            lw.children, rw.children = tl.children, tr.children
            pairs = [Pair("page", lw, rw)]
        for p in pairs:
            mark_pair(p, rules, next_id)
        title_l, title_r = col_l.titles[i], col_r.titles[i]
        stats = page_stats(page.path, title_l, pairs)
        title = title_l if title_l == title_r else f"{title_l} · {title_r}"
        md = page_html(page.path, pairs, left, right, title_l, title_r)
        pages.append(ParallelPage(page.path, page.kind, title, md, pairs, stats))
    name_l, name_r = col_l.site_name, col_r.site_name
    site_name = (name_l if name_l == name_r else f"{name_l} · {name_r}") + " · 简繁对照"
    stats_md = stats_markdown(pages, left, right, col_l.hits, col_r.hits)
    return ParallelEdition(left, right, site_name, pages, stats_md, defects)
