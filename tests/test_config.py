"""The plugin's typed configuration, validated as MkDocs validates it."""

from __future__ import annotations

from pathlib import Path

from zhwiki.config import ZhwikiConfig


def load(tmp_path: Path, **options):
    src = tmp_path / "a.wikitext"
    src.write_text("正文", encoding="utf-8")
    cfg = ZhwikiConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    cfg.load_dict({"source": str(src), **options})
    return cfg, cfg.validate()


def test_defaults(tmp_path: Path) -> None:
    cfg, (errors, warnings) = load(tmp_path)
    assert errors == [] and warnings == []
    assert cfg.variants == ["zh-cn", "zh-tw"] and cfg.mixed_script is True


def test_variants_from_a_string_as_make_passes_them(tmp_path: Path) -> None:
    cfg, (errors, _) = load(tmp_path, variants="zh-tw, zh-Hant-HK zh-sg")
    assert errors == []
    assert cfg.variants == ["zh-tw", "zh-hk", "zh-sg"]


def test_unknown_variant_is_a_clear_error(tmp_path: Path) -> None:
    _, (errors, _) = load(tmp_path, variants=["zh-cn", "zh-xx"])
    assert errors and "unknown variant 'zh-xx'" in str(errors[0][1])


def test_missing_source_is_an_error(tmp_path: Path) -> None:
    cfg = ZhwikiConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    cfg.load_dict({"source": str(tmp_path / "nope.wikitext")})
    errors, _ = cfg.validate()
    assert errors and errors[0][0] == "source"
