"""MkDocs glue: one ``mkdocs build`` makes every configured variant.

MkDocs builds the first variant as usual; ``on_post_build`` then loads the configuration afresh
and calls ``build()`` once per further variant, each into its own ``site/<variant>/`` with its own
search index, ``<html lang>``, theme language and site_url (mkdocs-findings.md §2, option b).  A
fresh configuration means fresh plugin instances, so no variant inherits another's state; the
only thing shared is the parsed article, cached by content in pipeline.py.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import pipeline
from .config import ZhwikiConfig
from .conversion.variants import NAMES, html_lang, is_traditional
from .source import SourceError, decode

log = get_plugin_logger(__name__)

#: Set while on_post_build builds a further variant; read by that build's fresh plugin instance.
_NESTED_VARIANT: str | None = None

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

    # -- configuration ------------------------------------------------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps one instance across `mkdocs serve` rebuilds; state is reset in on_config.
        self.command = command

    @event_priority(-50)  # after Material's search/offline plugins have read the config
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.is_nested = _NESTED_VARIANT is not None
        self.variant = _NESTED_VARIANT or self.config.variants[0]
        if not self.is_nested:
            self.root_dir = config.site_dir
            self.root_url = config.site_url or ""
        else:
            self.root_dir = os.path.dirname(config.site_dir.rstrip("/")) if config.site_dir.endswith(self.variant) else config.site_dir
            self.root_url = (config.site_url or "").removesuffix(f"{self.variant}/")
        config.site_dir = os.path.join(self.root_dir, self.variant)
        if self.root_url:
            config.site_url = self.root_url.rstrip("/") + f"/{self.variant}/"
        config.theme["language"] = THEME_LANGUAGE.get(self.variant, "zh")
        config.extra["variant"] = self.variant
        config.extra["html_lang"] = html_lang(self.variant)
        self.article = self._analyse()
        self.edition = pipeline.convert_edition(self.article, self.variant, self._options())
        config.site_name = self.edition.site_name or config.site_name
        config.nav = [{p.title: p.path} for p in self.edition.pages] + list(config.nav or [])
        config.extra["alternate"] = [
            {"name": _variant_label(v), "link": f"../{v}/", "lang": html_lang(v)} for v in self.config.variants
        ]
        return config

    def _options(self) -> pipeline.Options:
        return pipeline.Options(
            title=self.config.title, mixed_script=self.config.mixed_script, groups_dir=self.config.groups_dir
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
            files.append(File.generated(config, p.path, content=p.markdown))
        return files

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        # The variant switcher keeps the reader on the same page (same path in every variant).
        url = page.url or "index.html"
        if not config.use_directory_urls and url.endswith("/"):
            url += "index.html"
        depth = page.url.count("/") if page.url else 0
        up = "../" * depth
        config.extra["alternate"] = [
            {"name": _variant_label(v), "link": f"{up}../{v}/{url}", "lang": html_lang(v)} for v in self.config.variants
        ]
        return context

    # -- after the build ----------------------------------------------------------------------
    @event_priority(-1000)  # last: every other plugin has finished this variant
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        global _NESTED_VARIANT
        if not self.config.enabled or self.is_nested:
            return
        for v in self.config.variants[1:]:
            _NESTED_VARIANT = v
            try:
                cfg = load_config(config.config_file_path, site_dir=self.root_dir, site_url=self.root_url or None,
                                  strict=config.strict)
                cfg.plugins.on_startup(command="build", dirty=False)
                mkdocs_build(cfg)
            finally:
                _NESTED_VARIANT = None
        self._write_chooser()
        self._report()

    def _report(self) -> None:
        assert self.article is not None
        for line in self.article.diag.warnings():
            log.warning(line)
        if self.config.summary:
            for line in pipeline.summary(self.article):
                log.info(line)

    def _write_chooser(self) -> None:
        variants = self.config.variants
        links = "\n".join(
            f'<li><a href="{v}/index.html" lang="{html_lang(v)}">{html.escape(_variant_label(v))}</a></li>' for v in variants
        )
        prefs = json.dumps({v: html_lang(v) for v in variants})
        page = CHOOSER.format(links=links, prefs=prefs, first=variants[0])
        Path(self.root_dir, "index.html").write_text(page, encoding="utf-8")

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(self.config.source)
        return server


def _variant_label(v: str) -> str:
    return NAMES[v]["hant" if is_traditional(v) else "hans"]


CHOOSER = """<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>选择文字 · 選擇文字</title>
<style>body{{font-family:sans-serif;max-width:30em;margin:4em auto;line-height:1.8}}a{{font-size:1.3em}}</style>
</head>
<body>
<h1>选择文字 · 選擇文字</h1>
<ul>
{links}
</ul>
<script>
(function () {{
  var built = {prefs};
  var langs = (navigator.languages || [navigator.language || ""]).map(function (l) {{ return l.toLowerCase(); }});
  function pick(l) {{
    if (/^zh-(hant-)?tw/.test(l) && built["zh-tw"]) return "zh-tw";
    if (/^zh-(hant-)?hk/.test(l) && built["zh-hk"]) return "zh-hk";
    if (/^zh-(hant-)?mo/.test(l) && built["zh-mo"]) return "zh-mo";
    if (/^zh-(hans-)?sg/.test(l) && built["zh-sg"]) return "zh-sg";
    if (/^zh-(hans-)?my/.test(l) && built["zh-my"]) return "zh-my";
    if (/^zh-hant/.test(l)) return built["zh-hant"] ? "zh-hant" : (built["zh-tw"] ? "zh-tw" : (built["zh-hk"] ? "zh-hk" : null));
    if (/^zh/.test(l)) return built["zh-cn"] ? "zh-cn" : (built["zh-hans"] ? "zh-hans" : null);
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
