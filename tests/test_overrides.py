"""Issue 12 §4: editor's rules (config ``overrides``) correct the seed's zh-tw rule misfires."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from mkdocs.config.base import ValidationError

from zhwiki import pipeline
from zhwiki.config import RuleOverrides
from zhwiki.views.about import about_markdown, edition_facts
from zhwiki.views.edition import convert_edition

NOTE = "{{noteTA|1=zh-cn:朝鲜; zh-tw:北韓;}}\n"
#: The seed's zh-tw misfires (issue 12 §4): none may remain in the default zh-tw build.
MISFIRES = ("北北韓", "北韓王朝", "北韓之役", "北韓語", "南韓光復軍", "盟軍託管北韓時期")


def _edition(wikitext: str, variant: str, overrides: tuple[tuple[str, str], ...] = ()) -> pipeline.VariantEdition:
    opts = pipeline.Options(title="测试", overrides=overrides)
    return convert_edition(pipeline.analyse(wikitext, opts), variant, opts)


def _plain(ed: pipeline.VariantEdition, path: str = "index.md") -> str:
    md = next(p.markdown for p in ed.pages if p.path == path)
    return re.sub(r"<[^>]*>", "", md)


def test_config_accepts_strings_and_mappings() -> None:
    opt = RuleOverrides()
    assert opt.run_validation(["zh-hans:朝鲜王朝; zh-hant:朝鮮王朝;", {"rule": "zh-cn:甲; zh-tw:乙;", "reason": "因为"}]) == [
        ("zh-hans:朝鲜王朝; zh-hant:朝鮮王朝;", ""), ("zh-cn:甲; zh-tw:乙;", "因为")]
    assert opt.run_validation(None) == []
    with pytest.raises(ValidationError, match="item 2"):
        opt.run_validation(["zh-cn:甲; zh-tw:乙;", "no entries here"])
    with pytest.raises(ValidationError, match="item 1"):
        opt.run_validation([{"reason": "no rule"}])


def test_misfire_without_and_with_override() -> None:
    src = NOTE + "北朝鲜部队越过边界。朝鲜半岛。\n"
    assert "北北韓部隊" in _plain(_edition(src, "zh-tw"))
    ed = _edition(src, "zh-tw", (("zh-hans:北朝鲜; zh-hant:北朝鮮;", "理由"),))
    text = _plain(ed)
    assert "北朝鮮部隊" in text and "北北韓" not in text
    assert "北韓半島" in text  # the article's own rule still applies elsewhere
    assert "北朝鲜部队" in _plain(_edition(src, "zh-cn", (("zh-hans:北朝鲜; zh-hant:北朝鮮;", ""),)))


def test_glossary_names_editor_rules() -> None:
    src = NOTE + "北朝鲜部队。\n"
    ov = (("zh-hans:北朝鲜; zh-hant:北朝鮮;", ""),)
    assert "| 編者規則 1 |" in next(p.markdown for p in _edition(src, "zh-tw", ov).pages if p.path == "glossary.md")
    assert "| 编者规则 1 |" in next(p.markdown for p in _edition(src, "zh-cn", ov).pages if p.path == "glossary.md")


def test_about_lists_corrections_escaped(tmp_path: Path) -> None:
    src = tmp_path / "a.wikitext"
    src.write_text("正文。\n", encoding="utf-8")
    facts = edition_facts(str(src), "测试", "")
    md = about_markdown(facts, "zh-cn", ["zh-cn", "zh-tw"],
                        overrides=[("zh-hans:北朝鲜; zh-hant:北朝鮮;", "避免<script>北北韓</script>")])
    assert "## 编者校订" in md and "1. <code>zh-hans:北朝鲜; zh-hant:北朝鮮;</code>：" in md
    assert "<script>" not in md
    tw = about_markdown(facts, "zh-tw", ["zh-cn", "zh-tw"], overrides=[("zh-cn:甲; zh-tw:乙;", "条目规则把它改成「北北韓」")])
    assert "## 編者校訂" in tw and "條目規則把它改成「北北韓」" in tw
    assert "编者校订" not in about_markdown(facts, "zh-cn", ["zh-cn", "zh-tw"])


def _site_text(folder: Path) -> str:
    parts = []
    for page in sorted(folder.glob("*.html")):
        if page.name == "about.html":  # 编者校订 names the wrong forms in its reasons
            continue
        body = page.read_text(encoding="utf-8")
        body = re.sub(r"<script\b.*?</script>", "", body, flags=re.S)
        parts.append(html.unescape(re.sub(r"<[^>]*>", "", body)))
    return "\n".join(parts)


def test_default_zh_tw_build_has_no_misfire(built_site: Path) -> None:
    text = _site_text(built_site / "zh-tw")
    for word in MISFIRES:
        assert word not in text, word
    about = _site_text_one(built_site / "zh-tw" / "about.html")
    assert "編者校訂" in about
    assert about.count("zh-hans:") >= 6
    for word in ("北朝鮮", "朝鮮王朝", "朝鮮之役", "朝鮮語", "韓國光復軍", "盟軍託管朝鮮時期"):
        assert word in about, word
    assert "編者規則" in _site_text_one(built_site / "zh-tw" / "glossary.html")


def _site_text_one(page: Path) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", page.read_text(encoding="utf-8")))
