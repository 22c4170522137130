"""The Markdown export (``make markdown``) builds with plain MkDocs + Material, without our plugin.

Expectations come from the article and from how Python-Markdown's footnotes extension writes HTML
(``<sup id="fnref:X">`` in the text, ``<li id="fn:X">`` in the page's footnote list), not from the
exporter's own output.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "docs/article/korean-war.zh.wikitext"
from zhwiki.outputs import export_markdown  # noqa: E402

#: Runs MkDocs with our package made unimportable, so the build cannot use the plugin by accident.
PLAIN_MKDOCS = "import sys; sys.modules['zhwiki'] = None; from mkdocs.__main__ import cli; sys.argv[0] = 'mkdocs'; cli()"


def level2_headings(text: str) -> list[str]:
    return [m.group(1).strip() for m in re.finditer(r"^==(?!=)(.+?)==[ \t]*$", text, re.M)]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("markdown")
    written = export_markdown.export(out, ["zh-cn", "zh-tw"], str(ARTICLE), ROOT / "mkdocs.yml")
    assert [p.parent.name for p in written] == ["zh-cn", "zh-tw"]
    return out


def test_projects_are_standalone(exported: Path) -> None:
    for variant, lang in (("zh-cn", "zh"), ("zh-tw", "zh-TW")):
        cfg = yaml.safe_load((exported / variant / "mkdocs.yml").read_text(encoding="utf-8"))
        plugins = [p if isinstance(p, str) else next(iter(p)) for p in cfg.get("plugins", [])]
        assert "zhwiki" not in plugins and "search" in plugins
        assert cfg["theme"]["language"] == lang
        assert "footnotes" in [e if isinstance(e, str) else next(iter(e)) for e in cfg["markdown_extensions"]]
        docs = exported / variant / "docs"
        # Every nav entry is a page in docs/, and the article's wikitext is not copied.
        for entry in cfg["nav"]:
            assert (docs / next(iter(entry.values()))).is_file()
        assert (docs / "assets/edition.css").is_file()
        assert not (docs / "article").exists()
    # The lead plus one page per level-2 section of the article (and possibly pages the plugin adds).
    cfg = yaml.safe_load((exported / "zh-cn/mkdocs.yml").read_text(encoding="utf-8"))
    paths = [next(iter(e.values())) for e in cfg["nav"]]
    assert paths[0] == "index.md"
    assert len(paths) >= 1 + len(level2_headings(ARTICLE.read_text(encoding="utf-8")))
    # CC BY-SA 4.0 asks for attribution and the licence wherever the text goes: the export keeps it.
    texts = [(exported / "zh-cn/docs" / p).read_text(encoding="utf-8") for p in paths]
    assert any("CC BY-SA 4.0" in t and "zh.wikipedia.org" in t for t in texts)


def test_variants_differ_in_script(exported: Path) -> None:
    cn = yaml.safe_load((exported / "zh-cn/mkdocs.yml").read_text(encoding="utf-8"))
    tw = yaml.safe_load((exported / "zh-tw/mkdocs.yml").read_text(encoding="utf-8"))
    # The article's noteTA title rule: T=zh-cn:朝鲜战争; zh-tw:韓戰
    assert (cn["site_name"], tw["site_name"]) == ("朝鲜战争", "韓戰")
    # Section headings "经过" and "停战" are converted for zh-tw.
    cn_titles = [next(iter(e)) for e in cn["nav"]]
    tw_titles = [next(iter(e)) for e in tw["nav"]]
    assert "经过" in cn_titles and "停战" in cn_titles
    assert "經過" in tw_titles and "停戰" in tw_titles
    assert "停战" not in (exported / "zh-tw/docs" / tw["nav"][cn_titles.index("停战")]["停戰"]).read_text(encoding="utf-8")


@pytest.mark.slow
def test_plain_mkdocs_builds_zh_cn(exported: Path, tmp_path: Path) -> None:
    project = exported / "zh-cn"
    site = tmp_path / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    res = subprocess.run([sys.executable, "-c", PLAIN_MKDOCS, "build", "--strict", "-f", str(project / "mkdocs.yml"),
                          "-d", str(site)], capture_output=True, text=True, env=env, cwd=project)
    assert res.returncode == 0, res.stderr[-3000:]
    cfg = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    pages = [next(iter(e.values())) for e in cfg["nav"]]
    for md in pages:
        assert (site / md.replace(".md", ".html")).is_file(), md
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in index
    assert "朝鲜战争" in index
    # The search index holds every page.
    search = (site / "search/search_index.json").read_text(encoding="utf-8")
    for md in pages:
        assert md.replace(".md", ".html") in search
    # Footnotes: the article cites hundreds of sources; every citation mark links to a footnote
    # defined on the same page.
    total = 0
    for md in pages:
        html = (site / md.replace(".md", ".html")).read_text(encoding="utf-8")
        refs = set(re.findall(r'<sup id="fnref\d*:([^"]+)"', html))
        defs = set(re.findall(r'<li id="fn:([^"]+)"', html))
        assert refs <= defs, (md, sorted(refs - defs)[:5])
        total += len(defs)
    assert total > 200
