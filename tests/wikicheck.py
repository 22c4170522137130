"""Shared checks for the robustness, safety and fuzz tests (not a test module itself).

``render_article`` runs the pipeline the way the plugin does (analyse once, convert per variant)
and ``to_html`` renders a page's Markdown with the Markdown extensions that mkdocs.yml loads, so
the checks look at the HTML a reader's browser would get, not at an intermediate form.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown
from mkdocs.config import load_config

from zhwiki import pipeline
from zhwiki.views.edition import convert_edition


@functools.cache
def _markdown_settings() -> tuple[list[str], dict]:
    """The markdown_extensions of mkdocs.yml, read by MkDocs itself (no hand-kept copy to drift)."""
    from sitebuild import ROOT

    cfg = load_config(str(ROOT / "mkdocs.yml"))
    return list(cfg.markdown_extensions), dict(cfg.mdx_configs)

#: Wikitext a reader must never see in a page's text (code and formulas excepted).
RAW_MARKUP = ("{{", "}}", "[[", "]]", "-{", "}-", "<ref", "</ref", "{|", "|}")
#: Elements that never reach a page, whatever the source says.
FORBIDDEN_TAGS = {"script", "style", "iframe", "object", "embed", "svg", "img", "form", "input", "link", "meta", "base"}
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "background", "poster", "srcset"}
_BAD_SCHEME = re.compile(r"^\s*(javascript|data|vbscript|livescript)\s*:", re.I)


@dataclass
class Rendered:
    article: pipeline.Article
    #: variant → page path → Markdown (article pages only; see ``extra``)
    markdown: dict[str, dict[str, str]]
    #: variant → page path → Markdown of pages the edition adds (glossary, about …): they explain
    #: wikitext syntax on purpose, so the raw-markup check does not apply to them.
    extra: dict[str, dict[str, str]]

    def warnings(self) -> list[str]:
        return self.article.diag.warnings()


def render_article(raw: str, variants: tuple[str, ...] = ("zh-cn", "zh-tw"), title: str = "") -> Rendered:
    options = pipeline.Options(title=title)
    article = pipeline.analyse(raw, options)
    own = {p.path for p in article.pages}
    out: dict[str, dict[str, str]] = {}
    extra: dict[str, dict[str, str]] = {}
    for v in variants:
        edition = convert_edition(article, v, options)
        out[v] = {p.path: p.markdown for p in edition.pages if p.path in own}
        extra[v] = {p.path: p.markdown for p in edition.pages if p.path not in own}
    return Rendered(article, out, extra)


def to_html(md_text: str) -> str:
    extensions, configs = _markdown_settings()
    md = markdown.Markdown(extensions=extensions, extension_configs=configs)
    return md.convert(md_text)


class _Walker(HTMLParser):
    """Collects reader-visible text (outside code and formulas) and every tag with attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self._skip = 0
        self._stack: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        classes = dict(attrs).get("class") or ""
        skip = tag in ("code", "pre") or "arithmatex" in classes.split()
        if tag in ("br", "hr", "img", "input", "meta", "link", "wbr"):
            return
        self._stack.append(skip)
        self._skip += skip

    def handle_endtag(self, tag: str) -> None:
        if tag in ("br", "hr", "img", "input", "meta", "link", "wbr"):
            return
        if self._stack:
            self._skip -= self._stack.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def walk(html: str) -> _Walker:
    w = _Walker()
    w.feed(html)
    w.close()
    return w


def safety_problems(html: str) -> list[str]:
    """Everything in *html* that the sanitizer should have stopped."""
    problems = []
    if "<script" in html.lower():
        problems.append("<script in HTML")
    for tag, attrs in walk(html).tags:
        if tag in FORBIDDEN_TAGS:
            problems.append(f"<{tag}> element")
        for name, value in attrs:
            n = name.lower()
            if n.startswith("on"):
                problems.append(f"event handler {n} on <{tag}>")
            if n == "style":
                problems.append(f"style attribute on <{tag}>")
            if n in _URL_ATTRS and value and _BAD_SCHEME.match(value):
                problems.append(f"{n}={value[:30]!r} on <{tag}>")
    return problems


def visible_text(html: str) -> str:
    return "".join(walk(html).text)


def raw_markup_in(html: str) -> list[str]:
    text = visible_text(html)
    return [tok for tok in RAW_MARKUP if tok in text]
