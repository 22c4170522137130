"""Search text: what the view's search index gets instead of the marked-up page."""

from __future__ import annotations

import html as _html

from .edition import ParallelPage


def search_html(page: ParallelPage) -> str:
    """What the view's search index gets for *page*: each pair's two texts as plain paragraphs.

    The page itself is marked up down to single characters; Material's search would parse every
    mark (about half of the view's build time) to index the same words.
    """
    parts = []
    for pair in page.pairs:
        left, right = (" ".join(side.plain().split()) for side in (pair.left, pair.right))
        anchor = pair.left.attrs.get("id")
        if pair.kind in ("h2", "h3", "h4", "h5", "h6") and anchor:
            # A section of its own, as on the variant pages, so a hit leads to its heading.
            title = left if left == right else f"{left} · {right}"
            parts.append(f'<{pair.kind} id="{_html.escape(anchor)}">{_html.escape(title, quote=False)}</{pair.kind}>')
        else:
            parts.extend(f"<p>{_html.escape(text, quote=False)}</p>" for text in (left, right) if text)
    return "\n".join(parts)
