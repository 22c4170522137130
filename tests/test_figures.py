"""Figures (issue 13): one compact line without the image; the image, its width and credit with it."""

from __future__ import annotations

import json
import re
import struct
import zlib
from html import unescape
from pathlib import Path

import markdown
import pytest

from zhwiki import figures, pipeline

SRC = (
    "导言。\n"
    "== 一 ==\n"
    "[[File:Kim Il-sung 1946.jpg|thumb|300px|[[金日成]]在发动战役前]]\n正文。\n"
    "[[File:No_Such.png|thumb]]\n"
)


def png(path: Path) -> None:
    """A valid 2×2 grey PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\x80\x80" for _ in range(2))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _page(variant: str) -> str:
    article = pipeline.analyse(SRC, pipeline.Options(title="测试"))
    pages = {p.path: p.markdown for p in pipeline.convert_edition(article, variant).pages}
    return next(md for path, md in pages.items() if "Kim_Il-sung" in md)


def _html(md_text: str) -> str:
    return markdown.Markdown(extensions=["attr_list", "md_in_html"]).convert(md_text)


def test_figure_without_image_is_one_line_with_caption_and_commons_link() -> None:
    html = _html(_page("zh-cn"))
    figs = re.findall(r'<figure class="wiki-figure"[^>]*>(.*?)</figure>', html, re.S)
    assert len(figs) == 2
    text = re.sub(r"<[^>]+>", "", figs[0]).strip()
    assert text == "图：金日成在发动战役前（维基共享资源）"
    assert 'href="https://commons.wikimedia.org/wiki/File:Kim_Il-sung_1946.jpg"' in figs[0]
    assert "Kim Il-sung 1946.jpg" not in text  # no file-name box
    # No caption: no caption text of its own, never the file name; the source line stays.
    assert unescape(re.sub(r"<[^>]+>", "", figs[1])).strip() == "图（维基共享资源）"
    assert 'href="https://commons.wikimedia.org/wiki/File:No_Such.png"' in figs[1]


def test_traditional_variant_writes_圖_and_its_own_script() -> None:
    text = re.sub(r"<[^>]+>", "", _html(_page("zh-tw")))
    assert "圖：金日成在發動戰役前（維基共享資源）" in text


def test_image_from_images_dir_at_asked_width_with_credit(tmp_path: Path) -> None:
    png(tmp_path / "Kim_Il-sung_1946.jpg")
    (tmp_path / "Kim_Il-sung_1946.jpg.json").write_text(
        json.dumps({"author": "<b>佚名</b>", "licence": "Public domain"}), encoding="utf-8")
    images = figures.load(str(tmp_path))
    html = figures.add_images(_html(_page("zh-cn")), images, depth=1)
    fig = re.search(r'<figure class="wiki-figure has-image"[^>]*>.*?</figure>', html, re.S).group(0)
    assert '<img src="../images/Kim_Il-sung_1946.jpg" width="300"' in fig
    assert "作者：&lt;b&gt;佚名&lt;/b&gt; · Public domain" in fig  # the sidecar's text, escaped
    assert html.count("<img") == 1  # No_Such.png stays a compact line
    used = figures.used([_page("zh-cn")], images)
    assert [i.name for i in used] == ["Kim_Il-sung_1946.jpg"]
    about = figures.credits_markdown(used, "图片来源")
    assert "## 图片来源" in about and "&lt;b&gt;佚名&lt;/b&gt;，Public domain" in about


def test_no_images_dir_changes_nothing() -> None:
    html = _html(_page("zh-cn"))
    assert figures.add_images(html, figures.load(None), depth=0) == html


def test_hostile_sidecar_makes_no_link_or_markup(tmp_path: Path) -> None:
    png(tmp_path / "Kim_Il-sung_1946.jpg")
    (tmp_path / "Kim_Il-sung_1946.jpg.json").write_text(json.dumps({
        "author": "[x](javascript:alert(1)) <script>evil()</script>", "licence": "**CC**",
        "licence_url": "javascript:alert(2)", "source": "javascript:alert(3)"}), encoding="utf-8")
    images = figures.load(str(tmp_path))
    about = _html(figures.credits_markdown(figures.used([_page("zh-cn")], images), "图片来源"))
    hrefs = re.findall(r'href="([^"]*)"', about)
    assert hrefs == ["https://commons.wikimedia.org/wiki/File:Kim_Il-sung_1946.jpg"], about
    assert "<script" not in about and "<strong>" not in about
    fig = figures.add_images(_html(_page("zh-cn")), images, depth=0)
    assert "<script" not in fig and 'href="javascript' not in fig


@pytest.mark.parametrize("name,alt", [
    ("Korean_War_Memorial,_London_2014-12-19_-_21.jpg", ""),  # the seed's: `,_London_…_` read as emphasis
    ("A_*starred*_(1950).png", ""),
    ("Plain.jpg", "a_b_ *c* `d`"),
])
def test_file_names_and_alt_texts_never_break_the_credit_link(tmp_path: Path, name: str, alt: str) -> None:
    src = f"导言。\n== 一 ==\n[[File:{name}|thumb{'|alt=' + alt if alt else ''}]]\n"
    article = pipeline.analyse(src, pipeline.Options(title="测试"))
    md = next(p.markdown for p in pipeline.convert_edition(article, "zh-cn").pages if p.path == "s01.md")
    html = _html(md)
    assert "{ .wiki-file" not in html and "<em>" not in html, html
    assert html.count('<a class="wiki-file"') == 1, html
    png(tmp_path / name.replace("*", "x"))  # the image under its Commons name, when the file system allows it
    if "*" not in name:
        assert "<img" in figures.add_images(html, figures.load(str(tmp_path)), depth=0)


@pytest.mark.parametrize(("options", "width"), [
    ("thumb", 220), ("thumb|upright", 170), ("thumb|upright=1.5", 330), ("thumb|upright=0.6", 130),
    ("thumb|upright 1.2", 260), ("thumb|右上", 170), ("frameless|upright=2", 440), ("thumb|upright|300px", 300),
    ("thumb|upright=0", 170), ("upright", None), ("thumb|upright=1.5|一张竖图", 330),
])
def test_upright_scales_the_default_thumbnail_width_as_mediawiki(options: str, width: int | None) -> None:
    """MediaWiki (Linker::makeImageLink): upright=N scales the 220 px default, a bare upright is 0.75, rounded to
    10 px halves up (165 → 170); an explicit size wins; a plain image without a size keeps its own width."""
    article = pipeline.analyse(f"导言。\n== 一 ==\n[[File:Tall.jpg|{options}]]\n正文。\n", pipeline.Options(title="测试"))
    md = next(p.markdown for p in pipeline.convert_edition(article, "zh-cn").pages if "Tall.jpg" in p.markdown)
    fig = re.search(r"<figure [^>]*>", md).group(0)
    assert (f'data-width="{width}"' in fig) if width else "data-width" not in fig, fig
    assert "upright" not in md and "右上" not in md  # an option, never caption text
    if options.endswith("一张竖图"):
        assert "图：一张竖图（" in md
    assert figures.figure_files(md) == [("Tall.jpg", width)]
