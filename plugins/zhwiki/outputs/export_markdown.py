"""Write each variant of the edition as a standalone MkDocs project (``make markdown``).

For every variant this writes ``<out>/<variant>/mkdocs.yml`` and ``<out>/<variant>/docs/``
holding exactly what our plugin feeds MkDocs during ``mkdocs build``: the generated Markdown
pages, the static files of our docs_dir (CSS under ``docs/assets``), the nav, the variant's
site_name and Material theme language, and every setting, plugin and Markdown extension of our
mkdocs.yml except the ``zhwiki`` plugin itself.  The result builds with plain MkDocs + Material
(``mkdocs build --strict`` inside the folder), so readers can hand-edit the text, feed the
Markdown to other tools, or build it with Zensical, which runs no third-party MkDocs plugins.

The conversion is the library's (pipeline.analyse + pipeline.convert_edition), not a second
implementation, so the export cannot drift from the site.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pathspec
import yaml
from mkdocs.utils.yaml import yaml_load

from zhwiki import pipeline
from zhwiki.config import RuleOverrides, VariantList
from zhwiki.conversion.variants import html_lang
from zhwiki.plugin import THEME_LANGUAGE, _variant_label
from zhwiki.source import decode
from zhwiki.views.edition import convert_edition

#: Keys that only make sense for our own tree (paths are rewritten for the exported project).
_DROP_KEYS = ("docs_dir", "site_dir", "exclude_docs", "INHERIT", "watch", "hooks")


@dataclass
class PluginSettings:
    """The ``zhwiki`` entry of mkdocs.yml, with defaults as in config.ZhwikiConfig."""

    source: str
    title: str
    source_url: str
    mixed_script: bool
    groups_dir: str | None
    variants: list[str]
    #: Editor's rules (``overrides``) as ``(rule, reason)`` pairs, validated as the plugin does.
    overrides: tuple[tuple[str, str], ...] = ()


def load_project_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data, with ``!ENV`` and ``INHERIT`` resolved the way MkDocs does."""
    with open(config_file, encoding="utf-8") as fh:
        data = yaml_load(fh)
    return data or {}


def _plugin_entries(cfg: dict[str, Any]) -> list[tuple[str, Any]]:
    plugins = cfg.get("plugins") or []
    if isinstance(plugins, dict):
        return list(plugins.items())
    out: list[tuple[str, Any]] = []
    for item in plugins:
        if isinstance(item, str):
            out.append((item, None))
        else:
            out.extend(item.items())
    return out


def plugin_settings(cfg: dict[str, Any], base: Path) -> PluginSettings:
    """Our plugin's options from the loaded config (paths relative to mkdocs.yml, as MkDocs does)."""
    opts: dict[str, Any] = {}
    for name, value in _plugin_entries(cfg):
        if name == "zhwiki":
            opts = dict(value or {})
    src = opts.get("source") or "docs/article/korean-war.zh.wikitext"
    groups = opts.get("groups_dir")
    return PluginSettings(
        source=str(base / src),
        title=str(opts.get("title", "")),
        source_url=str(opts.get("source_url", "")),
        mixed_script=bool(opts.get("mixed_script", True)),
        groups_dir=str(base / groups) if groups else None,
        variants=VariantList(["zh-cn", "zh-tw"]).run_validation(opts.get("variants", "zh-cn zh-tw")),
        overrides=tuple(RuleOverrides().run_validation(opts.get("overrides"))),
    )


def _static_files(docs_dir: Path, exclude: str | None) -> list[Path]:
    """Files MkDocs would copy from our docs_dir: not excluded, not hidden, not Markdown."""
    spec = pathspec.GitIgnoreSpec.from_lines((exclude or "").splitlines())
    out = []
    for path in sorted(docs_dir.rglob("*")):
        rel = path.relative_to(docs_dir).as_posix()
        if not path.is_file() or any(part.startswith(".") for part in rel.split("/")):
            continue
        if spec.match_file(rel) or rel.endswith(".md"):
            continue
        out.append(path)
    return out


def variant_config(cfg: dict[str, Any], edition: pipeline.VariantEdition, variants: list[str], has_overrides: bool) -> dict[str, Any]:
    """The exported mkdocs.yml: ours, minus the plugin, plus what the plugin sets per variant."""
    out = {k: v for k, v in cfg.items() if k not in _DROP_KEYS}
    v = edition.variant
    # The title is text; the theme puts site_name into HTML unescaped in places, so escape it here.
    out["site_name"] = html.escape(edition.site_name, quote=True) or cfg.get("site_name", "")
    if cfg.get("site_url"):
        out["site_url"] = str(cfg["site_url"]).rstrip("/") + f"/{v}/"
    else:
        out.pop("site_url", None)
    theme = dict(cfg.get("theme") or {})
    theme["language"] = THEME_LANGUAGE.get(v, "zh")
    if has_overrides:
        theme["custom_dir"] = "overrides"
    else:
        theme.pop("custom_dir", None)
    out["theme"] = theme
    extra = dict(cfg.get("extra") or {})
    extra["variant"] = v
    extra["html_lang"] = html_lang(v)
    if len(variants) > 1:
        # Built side by side (site/<variant>/ each), the switch lands on the other variant's home page.
        extra["alternate"] = [{"name": _variant_label(x), "link": f"../{x}/", "lang": html_lang(x)} for x in variants]
    out["extra"] = extra
    plugins = [name if value is None else {name: value} for name, value in _plugin_entries(cfg) if name != "zhwiki"]
    if plugins:
        out["plugins"] = plugins
    else:
        out.pop("plugins", None)
    out["nav"] = [{p.title: p.path} for p in edition.pages] + list(cfg.get("nav") or [])
    return out


def extra_pages(settings: PluginSettings, source: str, variant: str) -> list[tuple[str, str, str]]:
    """(title, path, Markdown) of the pages the plugin adds besides the article: the 关于本版 page,
    which carries the CC BY-SA attribution and so must travel with the text.  The print page is
    left out: the plugin assembles it from rendered HTML, which plain MkDocs cannot do."""
    try:
        from zhwiki.views import about
    except ImportError:  # an older tree without the about page
        return []
    facts = about.edition_facts(source, settings.title, settings.source_url)
    md = about.about_markdown(facts, variant, settings.variants, overrides=settings.overrides)
    # Links to the print page keep their text only (no print page here; --strict rejects a dead link).
    md = re.sub(r"\[([^\]]*)\]\(<?" + re.escape(getattr(about, "PRINT_PATH", "print.md")) + r"[^)]*\)", r"\1", md)
    return [(about.labels(variant)["about"], about.ABOUT_PATH, md)]


def write_project(edition: pipeline.VariantEdition, cfg: dict[str, Any], root: Path, variants: list[str],
                  static: list[Path], docs_dir: Path, overrides: Path | None,
                  extra: list[tuple[str, str, str]] | None = None) -> Path:
    """Write one variant's project into *root* (replacing what was there) and return its mkdocs.yml."""
    if root.exists():
        shutil.rmtree(root)
    docs = root / "docs"
    docs.mkdir(parents=True)
    extra = extra or []
    pages = [(p.path, p.markdown) for p in edition.pages] + [(path, md) for _, path, md in extra]
    for path, markdown in pages:
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    for f in static:
        target = docs / f.relative_to(docs_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, target)
    if overrides is not None:
        shutil.copytree(overrides, root / "overrides")
    data = variant_config(cfg, edition, variants, overrides is not None)
    data["nav"] += [{title: path} for title, path, _ in extra]
    yml = root / "mkdocs.yml"
    header = (
        f"# {edition.variant} edition exported by zhwiki.outputs.export_markdown; builds with plain MkDocs + Material.\n"
        "# Regenerate instead of editing if the wikitext changes (`make markdown`).\n"
    )
    yml.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return yml


def export(out: Path, variants: list[str] | None = None, source: str | None = None,
           config_file: Path = Path("mkdocs.yml"), problems: list[str] | None = None) -> list[Path]:
    """Export every variant; returns the written mkdocs.yml paths (one per variant).

    *problems*, when given, receives the block of problems in the source article (one string,
    as a build prints it: :meth:`zhwiki.diagnostics.Diagnostics.source_block`), if there are any.
    """
    config_file = config_file.resolve()
    base = config_file.parent
    cfg = load_project_config(config_file)
    settings = plugin_settings(cfg, base)
    if variants:
        settings.variants = VariantList(settings.variants).run_validation(" ".join(variants))
    path = Path(source) if source else Path(settings.source)
    raw = decode(path.read_bytes(), str(path))
    options = pipeline.Options(title=settings.title, mixed_script=settings.mixed_script, groups_dir=settings.groups_dir,
                               overrides=settings.overrides)
    article = pipeline.analyse(raw, options)
    docs_dir = base / str(cfg.get("docs_dir", "docs"))
    static = _static_files(docs_dir, cfg.get("exclude_docs"))
    theme = cfg.get("theme") or {}
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    overrides = base / custom if custom and (base / custom).is_dir() and any((base / custom).iterdir()) else None
    written = []
    for v in settings.variants:
        edition = convert_edition(article, v, options)
        written.append(write_project(edition, cfg, out / v, settings.variants, static, docs_dir, overrides,
                                     extra_pages(settings, str(path), v)))
    block = article.diag.source_block(settings.title, settings.variants)
    if problems is not None and block:
        problems.append(block)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", help="the article's wikitext (default: the one in mkdocs.yml)")
    ap.add_argument("--variants", default="", help='variants, e.g. "zh-cn zh-tw" (default: those in mkdocs.yml)')
    ap.add_argument("--out", default="build/markdown", help="output folder (one sub-folder per variant)")
    ap.add_argument("--config-file", default="mkdocs.yml")
    args = ap.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    problems: list[str] = []
    written = export(Path(args.out), args.variants.split() or None, args.source, Path(args.config_file), problems)
    for block in problems:
        sys.stderr.write(block + "\n")
    for yml in written:
        sys.stdout.write(f"wrote {yml.parent}  (build: mkdocs build -f {yml})\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
