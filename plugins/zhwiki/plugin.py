"""MkDocs glue: one ``mkdocs build`` makes every configured variant.

MkDocs builds the first variant as usual; every further variant is a nested ``build()`` of a
freshly loaded configuration, each into its own ``site/<variant>/`` with its own search index,
``<html lang>``, theme language and site_url (mkdocs-findings.md §2, option b).  With more than
one CPU the nested builds run in forked processes started as soon as the article is parsed
(workers.py), while this process builds the first variant; otherwise ``on_post_build`` runs them
one after the other.
MkDocs keeps one instance of a plugin that defines ``on_startup`` for the whole process, so a
nested build may run on this very object: every per-build attribute is set afresh in
``on_config``, and the outer build's attributes are saved and restored around each nested build.
The only thing meant to be shared is the parsed article, cached by content in pipeline.py.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import figures, layout, pipeline, search, workers
from .config import ZhwikiConfig
from .conversion.engine import Converter
from .conversion.tables import cache_dir
from .conversion.variants import NAMES, VARIANTS, html_lang, is_traditional
from .outputs import downloads
from .source import SourceError, decode
from .views import about, notfound, parallel, printpage
from .views.edition import convert_edition

log = get_plugin_logger(__name__)

#: The Markdown extension that shows footnotes' edition-wide numbers (footnotes.py).
FOOTNOTE_EXTENSION = "zhwiki.footnotes"
#: Set while on_post_build builds a further variant; read by that build's fresh plugin instance.
_NESTED_VARIANT: str | None = None
#: Set while on_post_build builds the 简繁对照 view into site/parallel/ (views/parallel/, issue 8).
_NESTED_PARALLEL = False

#: Material's theme language per variant (Material has zh, zh-Hant and zh-TW).
THEME_LANGUAGE = {"zh-tw": "zh-TW", "zh-hant": "zh-Hant", "zh-hk": "zh-Hant", "zh-mo": "zh-Hant"}


class ZhwikiPlugin(BasePlugin[ZhwikiConfig]):
    """Generates the article's pages for one variant per build."""

    def __init__(self) -> None:
        self.variant = ""
        self.root_dir = ""
        self.root_url = ""
        self.edition: pipeline.VariantEdition | None = None
        self.article: pipeline.Article | None = None
        self.is_nested = False
        self.facts: about.EditionFacts | None = None
        self.finished_html: dict[str, str] = {}
        self.search_html: dict[str, str] = {}
        self._page_html = ""

    # -- configuration ------------------------------------------------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps one instance across `mkdocs serve` rebuilds; state is reset in on_config.
        self.command = command

    @event_priority(-50)  # after Material's search/offline plugins have read the config
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        if not (os.environ.get("SOURCE_DATE_EPOCH") or "").strip():
            # A plain `mkdocs build` (make sets it): the build date, "today" of ages and
            # {{CURRENTYEAR}}, is the article file's modification time, never the clock.
            try:
                os.environ["SOURCE_DATE_EPOCH"] = str(int(Path(self.config.source).stat().st_mtime))
            except OSError:
                pass
        # Edition-wide footnote numbers and ^ a b c back-links (footnotes.py) wherever this build renders
        # Markdown: the variant pages, print and the 简繁对照 view (which reuse this list).
        if FOOTNOTE_EXTENSION not in config.markdown_extensions:
            config.markdown_extensions.append(FOOTNOTE_EXTENSION)
        self.parallel_view = _NESTED_PARALLEL
        self.finished_html: dict[str, str] = {}  # pages whose HTML is made here, not by Python-Markdown
        self.search_html: dict[str, str] = {}  # what the search index gets instead of such a page's HTML
        self.workers: workers.Batch | None = None
        self.want_parallel = False
        if self.parallel_view:
            return self._config_parallel(config)
        self.is_nested = _NESTED_VARIANT is not None
        self.variant = _NESTED_VARIANT or self.config.variants[0]
        # Nested builds are loaded with the root's site_dir and site_url too (_nested_build).
        self.root_dir = config.site_dir
        self.root_url = config.site_url or ""
        config.site_dir = os.path.join(self.root_dir, self.variant)
        if self.root_url:
            config.site_url = self.root_url.rstrip("/") + f"/{self.variant}/"
        config.theme["language"] = THEME_LANGUAGE.get(self.variant, "zh")
        config.extra["variant"] = self.variant
        config.extra["html_lang"] = html_lang(self.variant)
        self.article = self._analyse()
        if not self.is_nested:
            self._start_workers(config)
        self.edition = convert_edition(
            self.article, self.variant, self._options(), built=_in_order(self.config.variants)
        )
        config.site_name = _html_text(self.edition.site_name) or config.site_name
        # Search (search.py): the other script's converter finds Traditional words and cross-variant terms.
        other = next((v for v in ("zh-cn", "zh-tw") if is_traditional(v) != is_traditional(self.variant)), "zh-cn")
        self.other_converter = pipeline.convert_edition(self.article, other, self._options()).converter
        self.jieba_state = search.snapshot()
        # Nav labels carry the chapter numbers (numbering.py), as the page headings and print do.
        numbered = self.article.numbering.label
        config.nav = [{numbered(p.path, p.title): p.path} for p in self.edition.pages] + list(config.nav or [])
        config.nav.append({about.labels(self.variant)["about"]: about.ABOUT_PATH})
        config.extra["alternate"] = [
            {"name": _variant_label(v), "link": f"../{v}/", "lang": html_lang(v)} for v in _in_order(self.config.variants)
        ]
        return config

    def _title(self) -> str:
        """The article's page name: configured, else the lead's first bold phrase, else the file name."""
        if self.config.title:
            return self.config.title
        try:
            raw = Path(self.config.source).read_text(encoding="utf-8", errors="replace")
        except OSError:
            raw = ""
        return pipeline.guess_title(raw) or Path(self.config.source).name.split(".")[0]

    def _options(self) -> pipeline.Options:
        return pipeline.Options(
            title=self._title(), mixed_script=self.config.mixed_script, groups_dir=self.config.groups_dir,
            overrides=tuple(tuple(o) for o in self.config.overrides),
        )

    def _analyse(self) -> pipeline.Article:
        path = self.config.source
        try:
            raw = decode(Path(path).read_bytes(), path)
        except (OSError, SourceError) as exc:
            raise PluginError(f"Error reading the article '{path}':\n{exc}") from None
        return pipeline.analyse(raw, self._options())

    # -- pages ----------------------------------------------------------------------------------
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.edition is None:
            return None
        for p in self.edition.pages:
            existing = files.get_file_from_path(p.path)
            if existing is not None:
                files.remove(existing)
            # A parallel page is finished HTML: its file holds no Markdown, on_page_content puts the HTML in.
            content = "" if p.path in self.finished_html else p.markdown
            files.append(File.generated(config, p.path, content=content))
        # The 关于本版 page and the print page (views/printpage.py, views/about.py).
        self.facts = about.edition_facts(self.config.source, self._title(), self.config.source_url)
        diag = self.article.diag if self.article is not None else None
        editors = about.unknown_templates_markdown(
            dict(diag.unknown_templates), diag.unknown_template_all_lines, self.variant) if diag is not None else ""
        if not self.parallel_view and self.edition.converter is not None:
            # The attribution line, then this variant's print page and (once `make` has written it) its PDF.
            print_link = f'<a class="print-link" href="{about.PRINT_PATH[:-3]}.html">{about.labels(self.variant)["print"]}</a>'
            config.copyright = (_footer_credit(self.facts, self.edition.converter, self.variant,
                                               self.edition.site_name or self._title())
                                + f"<br>{print_link}{downloads.PDF_SLOT.format(variant=self.variant)}")
        # Figures' images from images_dir (figures.py): copied into the site, credited on 关于本版.
        self.images = figures.load(self.config.images_dir)
        shown = figures.used([p.markdown for p in self.edition.pages], self.images)
        for img in shown:
            if files.get_file_from_path(img.site_path) is None:
                files.append(File.generated(config, img.site_path, abs_src_path=str(img.path)))
        credits = figures.credits_markdown(shown, "圖片來源" if is_traditional(self.variant) else "图片来源")
        extra = {
            about.ABOUT_PATH: about.about_markdown(self.facts, self.variant, _in_order(self.config.variants),
                                                  overrides=self.config.overrides, unknown_section=editors) + credits,
            about.PRINT_PATH: printpage.FRONT_MATTER.format(title=about.labels(self.variant)["print"]),
        }
        for path, content in extra.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            # The print page is linked from every page, not listed in the nav: say so, or MkDocs notes it.
            inclusion = InclusionLevel.NOT_IN_NAV if path == about.PRINT_PATH else InclusionLevel.UNDEFINED
            files.append(File.generated(config, path, content=content, inclusion=inclusion))
        return files

    def on_page_content(self, content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        # The parallel pages are HTML already (views/parallel/); Python-Markdown would only pass them
        # through, at the price of parsing every tag (about half of the view's build time).
        if page.file.src_uri in self.finished_html:
            return self.finished_html[page.file.src_uri]
        content = figures.add_images(content, getattr(self, "images", {}), page.file.dest_uri.count("/"))
        if not self.parallel_view and page.file.src_uri == "index.md":
            return layout.lead_page(content)  # infobox beside the lead, first paragraph first on phones
        return content

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        # Each build (one per variant) makes a new Jinja environment and would compile Material's
        # ~45 templates again; compiled templates are kept in our cache folder instead.
        _share_compiled_templates(env)
        # Every page's HTML exists now and no page is written yet: the print page is assembled
        # from those pages (views/printpage.py), so no Markdown is converted a second time.
        if self.edition is None or self.facts is None:
            return None
        target = files.get_file_from_path(about.PRINT_PATH)
        if target is None or target.page is None:
            return None
        sections = []
        for p in self.edition.pages:
            f = files.get_file_from_path(p.path)
            if f is None or f.page is None or f.page.content is None:
                continue
            sections.append(printpage.SectionHTML(p.path, p.kind, pipeline.plain_text(p.title), printpage.strip_title_html(f.page.content),
                                                  printpage.toc_entries(f.page.toc),
                                                  number=self.article.numbering.chapters.get(p.path, "")))
        target.page.content = printpage.assemble(sections, variant=self.variant,
                                                 site_name=self.edition.site_name or config.site_name, facts=self.facts)
        return None

    @event_priority(100)  # before Material's search reads page.content
    def _search_text_in(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> None:
        # A parallel page is indexed from its plain text (parallel.search_html); put back below.
        light = self.search_html.get(page.file.src_uri)
        if light is not None:
            self._page_html, page.content = page.content, light
        elif page.content is not None and not self.parallel_view:
            self._page_html, page.content = page.content, search.without_markers(page.content)
            if is_traditional(self.variant):
                search.learn_words(page.content, self.other_converter.convert_run)

    @event_priority(-100)  # after every plugin's on_page_context, before the template is rendered
    def _search_text_out(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> None:
        if page.file.src_uri in self.search_html or (page.content is not None and not self.parallel_view):
            page.content = self._page_html

    def _variant_links(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        # The variant switcher keeps the reader on the same page (same path in every variant).
        url = page.url or "index.html"
        if not config.use_directory_urls and url.endswith("/"):
            url += "index.html"
        depth = page.url.count("/") if page.url else 0
        up = "../" * depth
        config.extra["alternate"] = [
            {"name": _variant_label(v), "link": f"{up}../{v}/{url}", "lang": html_lang(v)}
            for v in _in_order(self.config.variants)
        ]
        self._parallel_context(page, config, f"{up}../", url)
        return context

    on_page_context = CombinedEvent(_search_text_in, _variant_links, _search_text_out)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        # Material writes its interface language (zh, zh-TW) into <html lang>; the text is in a
        # script and region (zh-Hans-CN, zh-Hant-TW …), which is what browsers pick CJK glyph
        # shapes and screen readers pick voices by.  The parallel view keeps "zh": it holds both.
        return _set_html_lang(output, config)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str | None:
        output = _set_html_lang(output_content, config) or output_content  # 404.html is a theme template, not a page
        if template_name == "404.html" and self.config.enabled:
            # Links that work wherever it is shown: at any depth on a server and from file://.
            folder = parallel.SITE_DIR if self.parallel_view else self.variant
            served = urlsplit(self.root_url).path.rstrip("/") + f"/{folder}/"
            output = notfound.relocatable(output, urlsplit(config.site_url or "").path or "/", served)
        return output

    # -- after the build ----------------------------------------------------------------------
    @event_priority(50)  # before Material's search writes its index
    def _search_alt(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        if any(k.rsplit("/", 1)[-1] == "search" for k in config.plugins) and not search.fix_worker(config.site_dir):
            log.warning("Material's search worker has no query-segmenting loop to fix; "
                        "a query such as 北韓 may be searched as 北 (search.py, fix_worker)")
        if self.parallel_view:
            return
        own = self.edition.converter if self.edition is not None else None

        def own_script(word: str) -> str:
            return own.convert_run(word, rules=False) if own is not None else word

        for plug in config.plugins.values():
            index = getattr(plug, "search_index", None)
            if index is None:
                continue
            for entry in index.entries:
                alt = search.alt_text(entry["title"] + "\u200b" + entry["text"], self.other_converter.convert_run,
                                      own_script)
                if alt:
                    entry[search.ALT_FIELD] = alt
            index.config["fields"][search.ALT_FIELD] = {"boost": 0.5}
        search.restore(self.jieba_state)  # the words learnt for this variant stay out of later builds

    @event_priority(-1000)  # last: every other plugin has finished this variant
    def _finish(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.is_nested:
            return
        if self.workers:
            self._collect_workers()
        else:
            for v in self.config.variants[1:]:
                self._nested_build(config, variant=v)
            if self.want_parallel:
                self._nested_build(config, parallel_view=True)
        self._write_chooser()
        self._report()

    on_post_build = CombinedEvent(_search_alt, _finish)

    def on_build_error(self, *, error: Exception) -> None:
        # The first variant failed: stop the children building the others.
        if getattr(self, "workers", None) is not None:
            self.workers.stop()
            self.workers = None

    # -- further variants in forked processes (workers.py) ------------------------------------------
    def _start_workers(self, config: MkDocsConfig) -> None:
        """Fork the further variants and the parallel view, at most ``jobs`` children at once."""
        jobs = self.config.jobs or workers.available_cpus()
        self.want_parallel = self._parallel_wanted()
        for name in stale_outputs(Path(self.root_dir), self.config.variants, self.want_parallel):
            log.info(f"removed {name}/ from the site folder: an earlier build made it, this one does not")
        if jobs < 2 or not workers.can_fork() or (len(self.config.variants) < 2 and not self.want_parallel):
            return
        _warm_jieba()  # loaded once here instead of once per process
        article = self.article
        assert article is not None

        def task(variant: str | None) -> list[Any]:
            if variant is not None:
                # The parallel view is the longest job by far; the variant builds yield the CPU to
                # it and to the first variant, and fill the time those leave (docs/benchmarks.md).
                workers.lower_priority()
            self._nested_build(config, variant=variant, parallel_view=variant is None)
            return article.diag.defects  # the parent merges them: a repeat only adds its variant

        self.workers = workers.Batch(limit=jobs)
        # Added in the order a one-process build runs them (their defects are reported in this
        # order); the view starts first because it takes longest.
        for v in self.config.variants[1:]:
            self.workers.add(f"the {v} build", lambda v=v: task(v))
        if self.want_parallel:
            self.workers.add("the parallel view", lambda: task(None), first=True)
        self.workers.start()

    def _collect_workers(self) -> None:
        """Wait for every child and report what it found as if built here."""
        assert self.article is not None and self.workers is not None
        batch, self.workers = self.workers, None
        try:
            found = batch.finish()
        except workers.WorkerError as exc:
            if isinstance(exc.original, Abort):
                raise Abort(f"{exc.label}: {exc.message}") from None
            raise PluginError(f"zhwiki: {exc}") from None
        for defects in found:
            self.article.diag.merge(defects)

    def _nested_build(self, config: MkDocsConfig, variant: str | None = None, parallel_view: bool = False) -> None:
        """Build *variant* (or the parallel view) from a freshly loaded configuration."""
        global _NESTED_VARIANT, _NESTED_PARALLEL
        saved = dict(vars(self))  # the nested build may reuse this instance (see the module docstring)
        _NESTED_VARIANT, _NESTED_PARALLEL = variant, parallel_view
        try:
            cfg = load_config(config.config_file_path, site_dir=self.root_dir, site_url=self.root_url or None,
                              strict=config.strict)
            cfg.plugins.on_startup(command="build", dirty=False)
            mkdocs_build(cfg)
        finally:
            _NESTED_VARIANT, _NESTED_PARALLEL = None, False
            vars(self).clear()
            vars(self).update(saved)

    # -- parallel view (issue 8): site/parallel/, one page per article page (views/parallel/) --------
    def _parallel_pair(self, announce: bool = False) -> tuple[str, str] | None:
        opt = self.config.parallel
        if not opt.enabled:
            return None
        if len(opt.variants) != 2:
            raise PluginError(f"zhwiki parallel.variants needs exactly two variants, got {opt.variants}")
        missing = [v for v in opt.variants if v not in self.config.variants]
        if missing:
            if announce:
                log.info(f"parallel view skipped: {', '.join(missing)} not among the built variants")
            return None
        return opt.variants[0], opt.variants[1]

    def _parallel_wanted(self) -> bool:
        """Whether this build makes the parallel view (a nested build whose on_config pairs the pages)."""
        if self._parallel_pair(announce=True) is None:
            return False
        if getattr(self, "command", "build") == "serve" and not self.config.parallel.serve:
            log.info("parallel view not built while serving (set parallel.serve: true to include it)")
            return False
        return True

    def _config_parallel(self, config: MkDocsConfig) -> MkDocsConfig:
        pair = self._parallel_pair()
        assert pair is not None
        left, right = pair
        self.is_nested = True
        self.variant = left  # the about and print pages take the left column's script
        self.root_dir = config.site_dir
        self.root_url = config.site_url or ""
        config.site_dir = os.path.join(self.root_dir, parallel.SITE_DIR)
        if self.root_url:
            config.site_url = self.root_url.rstrip("/") + f"/{parallel.SITE_DIR}/"
        config.theme["language"] = "zh"
        config.extra["variant"] = left
        config.extra["html_lang"] = "zh"
        self.article = self._analyse()
        view = parallel.build(self.article, left, right, self._options(),
                              config.markdown_extensions, config.mdx_configs)
        for msg in view.defects:
            self.article.diag.defect("parallel view", msg)
        self.edition = pipeline.VariantEdition(parallel.SITE_DIR, view.site_name, view.variant_pages(), [], None)  # type: ignore[arg-type]
        self.finished_html = {p.path: p.markdown.strip() for p in view.pages}
        self.search_html = {p.path: parallel.search_html(p) for p in view.pages}
        config.site_name = _html_text(view.site_name) or config.site_name
        numbered = self.article.numbering.label
        config.nav = [{numbered(p.path, p.title): p.path} for p in self.edition.pages] + list(config.nav or [])
        config.nav.append({about.labels(left)["about"]: about.ABOUT_PATH})
        config.extra["alternate"] = [{"name": _variant_label(v), "link": f"../{v}/", "lang": html_lang(v)} for v in pair]
        return config

    def _parallel_context(self, page: Page, config: MkDocsConfig, root: str, url: str) -> None:
        """Variant pages link to their parallel page; parallel pages link back to both variants."""
        config.extra["parallel_link"] = None
        pair = self._parallel_pair() if self.article is not None else None
        if pair is None:
            return
        paths = {p.path for p in self.article.pages}  # type: ignore[union-attr]
        src = page.file.src_uri
        if getattr(self, "parallel_view", False):
            if src in paths:
                page.meta.setdefault("hide", [])
                if "toc" not in page.meta["hide"]:
                    page.meta["hide"].append("toc")  # the pairs need the width; the page has no headings of its own
            target = url if src in paths or src in (about.ABOUT_PATH, about.PRINT_PATH) else "index.html"
            config.extra["alternate"] = [
                {"name": _variant_label(v), "link": f"{root}{v}/{target}", "lang": html_lang(v)} for v in pair
            ]
        elif self.variant in pair:  # pages with no counterpart (about, 用词对照) lead to the view's start
            config.extra["parallel_link"] = f"{root}{parallel.SITE_DIR}/{url if src in paths else 'index.html'}"
    # -- end of the parallel view ------------------------------------------------------------------

    def _report(self) -> None:
        """Once per build, after every variant: what was built, then the problems in the source as
        one block (a warning only with ``strict_source``), then each fault of our own as a warning."""
        assert self.article is not None
        diag = self.article.diag
        if self.config.summary:
            for line in pipeline.summary(self.article):
                log.info(line)
        block = diag.source_block(self._title(), _in_order(self.config.variants))
        if block:
            (log.warning if self.config.strict_source else log.info)(block)
        for line in diag.edition_faults():
            log.warning(line)

    def _write_chooser(self) -> None:
        """site/index.html: names the article in each variant's script, links every variant and the
        简繁对照 view, and sends the browser to its language's variant (zh-HK/zh-MO: zh-hk, else zh-tw)."""
        variants = _in_order(self.config.variants)
        names = []
        for v in variants:
            conv = Converter(v, self.article.blocks, self.article.page_rules, mixed_script=self.config.mixed_script)
            name = pipeline.site_name(self.article, v, self._options(), conv) or self._title()
            if name not in names:
                names.append(name)
        links = "\n".join(
            f'<li><a href="{v}/index.html" lang="{html_lang(v)}">{html.escape(_variant_label(v))}</a></li>' for v in variants
        )
        if Path(self.root_dir, parallel.SITE_DIR, "index.html").is_file():
            links += f'\n<li class="parallel"><a href="{parallel.SITE_DIR}/index.html">简繁对照 · 簡繁對照</a></li>'
        prefs = json.dumps({v: html_lang(v) for v in variants})
        # The downloads are written after the site; `make` ends by listing them here (outputs/downloads.py).
        page = CHOOSER.format(links=links, prefs=prefs, first=variants[0], name=html.escape(" · ".join(names)),
                              downloads=downloads.LIST_SLOT)
        Path(self.root_dir, "index.html").write_text(page, encoding="utf-8")

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(self.config.source)
        return server


def stale_outputs(root: Path, variants: list[str], parallel_view: bool) -> list[str]:
    """Remove, and return the names of, the folders an earlier build left in the site folder *root* that
    this one does not make: a variant not in *variants*, the 简繁对照 view's folder when *parallel_view* is
    false.  MkDocs empties only each build's own folder (``site/<variant>``), so after a build with other
    variants or another article these stayed, and the chooser linked them and `make pdf` printed them
    under the new article's name.  Only folders named by a MediaWiki variant code or ``parallel.SITE_DIR``
    are touched; anything else in *root* (``downloads/``, a user's files) stays."""
    if not root.is_dir():
        return []
    ours = set(VARIANTS) - set(variants) | (set() if parallel_view else {parallel.SITE_DIR})
    removed = [child.name for child in sorted(root.iterdir()) if child.is_dir() and child.name in ours]
    for name in removed:
        shutil.rmtree(root / name)
    return removed


_HTML_LANG = re.compile(r'<html lang="[^"]*"')


def _set_html_lang(output: str, config: MkDocsConfig) -> str | None:
    tag = config.extra.get("html_lang")
    if not tag:
        return None
    return _HTML_LANG.sub(f'<html lang="{tag}"', output, count=1)


def _share_compiled_templates(env: Any) -> None:
    """Let Jinja keep compiled templates on disk (keyed by their source), shared by every build."""
    if env.bytecode_cache is not None:
        return
    base = cache_dir()
    if base is None:
        return
    import jinja2

    folder = base / "jinja"
    folder.mkdir(exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))


def _warm_jieba() -> None:
    """Load jieba's dictionary (Material's search and the parallel view's statistics use it)."""
    try:
        import jieba
    except ImportError:
        return
    jieba.initialize()


def _html_text(text: str) -> Markup:
    """Plain text for a Jinja slot: escaped once, and marked safe so that Material's ``| e`` filter
    (used on some uses of ``config.site_name``, not all) does not escape it a second time."""
    return Markup.escape(text)


#: The footer line on every page (Material's ``copyright``), written in 简体 and converted per variant.
FOOTER_CREDIT = ("文字取自中文维基百科条目{article}（{authors}），依 {licence} 授权；本版经过转换，可能与原条目不同。")


def _footer_credit(facts: about.EditionFacts, conv: Converter, variant: str, name: str) -> str:
    """The CC BY-SA 4.0 attribution line: the source article linked, its authors (history), the licence."""
    def words(text: str) -> str:
        return html.escape(conv.convert_run(text, rules=False))

    def link(href: str, text: str) -> str:
        return f'<a href="{html.escape(href, quote=True)}">{text}</a>' if href else text

    licence_url = about.LICENCE_URL["hant" if is_traditional(variant) else "hans"]
    parts = {
        "article": link(facts.source_url, f"「{html.escape(name)}」"),
        "authors": link(facts.history_url, words("作者")),
        "licence": link(licence_url, about.LICENCE_NAME),
    }
    before = re.split(r"(\{\w+\})", FOOTER_CREDIT)
    return "".join(parts[b[1:-1]] if b.startswith("{") else words(b) for b in before)


def _in_order(variants: list[str]) -> list[str]:
    """Variants in MediaWiki's fixed order, so a page does not depend on the order of the config."""
    return [v for v in VARIANTS if v in variants]


def _variant_label(v: str) -> str:
    return NAMES[v]["hant" if is_traditional(v) else "hans"]


CHOOSER = """<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{name} · 选择文字 · 選擇文字</title>
<link rel="icon" href="{first}/assets/images/favicon.png">
<style>
:root{{color-scheme:light dark}}
body{{font-family:sans-serif;max-width:30em;margin:4em auto;padding:0 1em;line-height:1.8;background:#fff;color:#222}}
a{{font-size:1.3em;color:#3f51b5}} .parallel a,.downloads a{{font-size:1.1em}} h2{{font-size:1.1em;margin-top:2em}}
.downloads small{{color:#666;margin-left:.3em}} h1 small{{display:block;font-size:.55em;font-weight:400;color:#666}}
@media (prefers-color-scheme: dark){{body{{background:#1e2129;color:#e2e4e9}} a{{color:#8c9eff}} h1 small,.downloads small{{color:#aab}}}}
</style>
</head>
<body>
<h1>{name}<small>选择文字 · 選擇文字</small></h1>
<ul>
{links}
</ul>
{downloads}
<script>
(function () {{
  var built = {prefs};
  var langs = (navigator.languages || [navigator.language || ""]).map(function (l) {{ return l.toLowerCase(); }});
  function first() {{
    for (var i = 0; i < arguments.length; i++) if (built[arguments[i]]) return arguments[i];
    return null;
  }}
  function pick(l) {{
    if (/^zh-(hant-)?tw/.test(l)) return first("zh-tw", "zh-hant", "zh-hk");
    if (/^zh-(hant-)?hk/.test(l)) return first("zh-hk", "zh-mo", "zh-tw", "zh-hant");
    if (/^zh-(hant-)?mo/.test(l)) return first("zh-mo", "zh-hk", "zh-tw", "zh-hant");
    if (/^zh-(hans-)?sg/.test(l)) return first("zh-sg", "zh-cn", "zh-hans");
    if (/^zh-(hans-)?my/.test(l)) return first("zh-my", "zh-sg", "zh-cn", "zh-hans");
    if (/^zh-hant/.test(l)) return first("zh-hant", "zh-tw", "zh-hk");
    if (/^zh/.test(l)) return first("zh-cn", "zh-hans");
    return null;
  }}
  if (location.hash === "#choose") return;
  for (var i = 0; i < langs.length; i++) {{
    var v = pick(langs[i]);
    if (v) {{ location.replace(v + "/index.html"); return; }}
  }}
}})();
</script>
</body>
</html>
"""
