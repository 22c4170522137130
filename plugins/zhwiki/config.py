"""Typed configuration of the ``zhwiki`` plugin (validated by MkDocs when mkdocs.yml loads)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from .conversion.variants import normalize_variant


class VariantList(c.BaseConfigOption[list]):
    """A list of MediaWiki variant codes, given as a YAML list or a space/comma separated string.

    The string form lets ``make VARIANTS="zh-cn zh-hk"`` pass the list through ``!ENV``.
    """

    def __init__(self, default: list[str]) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> list[str]:
        if isinstance(value, str):
            items = value.replace(",", " ").split()
        elif isinstance(value, (list, tuple)):
            items = [str(v) for v in value]
        else:
            raise ValidationError("expected a list of variant codes such as [zh-cn, zh-tw]")
        out: list[str] = []
        for item in items:
            v = normalize_variant(item)
            if v is None:
                raise ValidationError(
                    f"unknown variant {item!r}; use zh, zh-hans, zh-hant, zh-cn, zh-tw, zh-hk, zh-mo, zh-sg or zh-my"
                )
            if v not in out:
                out.append(v)
        if not out:
            raise ValidationError("at least one variant is needed")
        return out


class JobCount(c.BaseConfigOption[int]):
    """A number of processes, given as an integer or as a string of digits (so ``!ENV`` can set it)."""

    def __init__(self, default: int = 0) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> int:
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError("expected a whole number of processes: 0 (one per CPU), 1 (no forking), 2, …")
        return value


class RuleOverrides(c.BaseConfigOption[list]):
    """Editor's rules (编者规则): a list whose items are a rule in noteTA syntax
    (``"zh-hans:朝鲜王朝; zh-hant:朝鮮王朝;"``) or a mapping ``{rule: …, reason: …}``.

    Validated to ``[(rule, reason), …]``; a rule without any ``code:text`` entry is rejected with
    its position, since it would change nothing.
    """

    def __init__(self) -> None:
        super().__init__()
        self.default: list = []

    def run_validation(self, value: object) -> list[tuple[str, str]]:
        from .conversion.rules import parse_rule

        if value is None:
            return []
        if not isinstance(value, (list, tuple)):
            raise ValidationError("expected a list of rules such as ['zh-hans:朝鲜王朝; zh-hant:朝鮮王朝;']")
        out: list[tuple[str, str]] = []
        for n, item in enumerate(value, 1):
            if isinstance(item, str):
                rule, reason = item, ""
            elif isinstance(item, dict) and isinstance(item.get("rule"), str):
                rule, reason = item["rule"], str(item.get("reason") or "")
            else:
                raise ValidationError(f"overrides item {n}: expected a rule string or {{rule: …, reason: …}}, got {item!r}")
            parsed = parse_rule(rule.strip())
            if not parsed.entries or parsed.invalid:
                raise ValidationError(f"overrides item {n}: {rule!r} has no valid 'code:text' entry (e.g. zh-hans:…; zh-hant:…;)")
            out.append((rule.strip(), reason.strip()))
        return out


class ParallelConfig(Config):
    """The 简繁对照 view (views/parallel/): two variants side by side in ``site/parallel/``."""

    enabled = c.Type(bool, default=True)
    """Build the parallel view (skipped, with a note in the log, when a variant of the pair is not built)."""
    variants = VariantList(default=["zh-cn", "zh-tw"])
    """The pair shown, left column first; both must be among ``variants``."""
    serve = c.Type(bool, default=False)
    """Rebuild the view on every ``mkdocs serve`` reload too (off: edits show quickly; builds always make it)."""


class ZhwikiConfig(Config):
    """Options of the plugin; every path is relative to mkdocs.yml."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off (the site then holds only docs/)."""

    # -- input ----------------------------------------------------------------------------
    source = c.File(exists=True)
    """The article's wikitext, UTF-8."""
    title = c.Type(str, default="")
    """The article's page name on zh.wikipedia (used for self-links and when there is no T= rule)."""
    source_url = c.Type(str, default="")
    """Where the article came from, for the attribution on the 关于本版 page."""

    # -- variants -------------------------------------------------------------------------
    variants = VariantList(default=["zh-cn", "zh-tw"])
    """Variants to build, each into ``site/<variant>/``; the first is built by MkDocs itself."""
    mixed_script = c.Type(bool, default=True)
    """Let a rule match its word in the other script or mixed script; False for exact MediaWiki parity."""
    groups_dir = c.Optional(c.Dir(exists=True))
    """Folder of conversion group files (``<Name>.txt`` or ``.json``) for ``{{noteTA|G1=…}}``."""
    images_dir = c.Optional(c.Dir(exists=True))
    """Folder of images by their Commons names, each with an optional ``<name>.json`` credit
    (author, licence, source); a figure whose file is there shows it (figures.py)."""
    overrides = RuleOverrides()
    """Editor's rules in noteTA syntax, applied with the article's page rules (after them), shown on
    用词对照 as 编者规则 and, with their reasons, on 关于本版 under 编者校订."""
    parallel = c.SubConfig(ParallelConfig)
    """The parallel reading view: ``{enabled: true, variants: [zh-cn, zh-tw]}``."""

    jobs = JobCount(default=0)
    """Forked children building variants at once (workers.py): 0 = one per available CPU; 1 = no forking."""

    # -- reporting ------------------------------------------------------------------------
    summary = c.Type(bool, default=True)
    """Print the build summary (pages, footnotes, templates by family) at the end of the build."""
    strict_source = c.Type(bool, default=False)
    """How the problems in the source article are printed at the end of the build (one block,
    each with its line, section and template): False, as information, so ``mkdocs build --strict``
    passes on an article the edition could repair; True, as a warning, so ``--strict`` fails on
    them.  Faults of the edition itself are warnings either way."""
