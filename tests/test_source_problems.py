"""Problems in the source article: one block with a count, each line naming its place (issue 13).

The block is what a first ``make`` shows about the article: one message at the end of the build
(not one warning per problem, not one per variant), titled as problems in the source.  Faults of
the edition itself stay warnings of their own, so ``mkdocs build --strict`` keeps failing on them;
``strict_source: true`` makes the block a warning too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild import build_site
from zhwiki import pipeline
from zhwiki.diagnostics import Diagnostics
from zhwiki.views.edition import convert_edition

# Written for these tests: one problem of each common kind, in known places.
ARTICLE = """{{noteTA|G1=NoSuchGroup|1=zh-cn:朝鲜; zh-tw:北韓;}}
'''半岛战事'''是一个用于测试的条目<ref name="nowhere"/>。
== 经过 ==
''斜体没有结束。
[[File:Example.jpg|200px]]（左）]]
{{quote|见[[#没有的章节]]。}}
促请北朝鲜当局撤军。
== 影响 ==
{{没有这个模板|参数}}正文。
"""

HEAD_RE = re.compile(r"Problems in the source article(?: «[^»]*»)? \((\d+)\); each was repaired or left out, "
                     r"and the build went on:")


def _diag() -> Diagnostics:
    opts = pipeline.Options(title="半岛战事")
    art = pipeline.analyse(ARTICLE, opts)
    for v in ("zh-cn", "zh-tw"):
        convert_edition(art, v, opts, built=("zh-cn", "zh-tw"))
    return art.diag


def _block_lines(block: str) -> tuple[int, list[str]]:
    head, *rest = block.split("\n")
    m = HEAD_RE.fullmatch(head)
    assert m, head
    assert all(r.startswith("  ") for r in rest), rest
    return int(m.group(1)), [r.strip() for r in rest]


def test_block_counts_its_lines_and_names_each_place() -> None:
    diag = _diag()
    count, lines = _block_lines(diag.source_block("半岛战事", ["zh-cn", "zh-tw"]))
    assert count == len(lines) >= 6
    # every line starts with its place, and the lines follow the source
    assert all(re.match(r"(line \d+, )?section «[^»]+»|line \d+", ln) for ln in lines), lines
    numbers = [int(m.group(1)) for ln in lines if (m := re.match(r"line (\d+)", ln))]
    assert numbers == sorted(numbers)

    def one(fragment: str) -> str:
        found = [ln for ln in lines if fragment in ln]
        assert len(found) == 1, (fragment, lines)
        return found[0]

    assert one("NoSuchGroup").startswith("line 1, section «(lead)», in {{noteTA}}: missing group:")
    assert one("nowhere").startswith("line 2, section «(lead)»: undefined ref:")
    assert one("italic").startswith("line 4, section «经过»: unbalanced quotes:")
    assert one("damaged caption").startswith("line 5, section «经过»: damaged caption:")
    assert one("没有的章节").startswith("line 6, section «经过», in {{quote}}: broken link:")
    assert one("unknown template").startswith("line 9, section «影响»: unknown template: {{没有这个模板}}")
    # a rule misfiring in one variant says which
    hit = one("suspicious rule hit")
    assert hit.startswith("line 7, section «经过»:") and "北北韓" in hit and hit.endswith("[zh-tw only]")


def test_a_problem_met_in_every_variant_is_one_line_without_a_tag() -> None:
    diag = Diagnostics()
    diag.defect("conversion", "-{…}- has no text", 5, variant="zh-cn")
    diag.defect("conversion", "-{…}- has no text", 5, variant="zh-tw")
    diag.defect("conversion", "only here", 7, variant="zh-tw")
    other = Diagnostics()  # a forked build's findings come back as Defects and merge the same way
    other.defect("conversion", "only here", 7, variant="zh-hk")
    diag.merge(other.defects)
    _count, lines = _block_lines(diag.source_block("", ["zh-cn", "zh-hk", "zh-tw"]))
    assert lines == ["line 5: conversion: -{…}- has no text [zh-cn, zh-tw only]",
                     "line 7: conversion: only here [zh-hk, zh-tw only]"]
    _count, lines = _block_lines(diag.source_block("", ["zh-cn", "zh-tw"]))
    assert lines[0] == "line 5: conversion: -{…}- has no text"


def test_faults_of_the_edition_stay_out_of_the_block() -> None:
    diag = Diagnostics()
    diag.defect("math unchecked", "formulas were not checked: node or the vendored KaTeX is missing", 3)
    diag.defect("parallel view", "parallel view: the two variants of s01.md differ in structure")
    assert diag.source_block("x") == ""
    assert len(diag.edition_faults()) == 2
    diag.defect("damaged caption", "image caption after [[File:A.jpg]] repaired", 4, "经过")
    count, lines = _block_lines(diag.source_block("x"))
    assert count == 1 and lines == ["line 4, section «经过»: damaged caption: image caption after [[File:A.jpg]] repaired"]


def _log_block(log: str) -> str:
    """The block as printed: its head line (after MkDocs' level prefix) and the indented lines after it."""
    out: list[str] = []
    for line in log.splitlines():
        if out and line.startswith("  "):
            out.append(line)
        elif out:
            break
        elif "Problems in the source article" in line:
            out.append(line.split("zhwiki: ", 1)[1])
    return "\n".join(out)


@pytest.mark.slow
def test_a_clean_build_prints_the_problems_once_as_one_block(built_site: Path) -> None:
    log = (built_site.parent / "build.log").read_text(encoding="utf-8")
    assert log.count("Problems in the source article") == 1
    head = next(ln for ln in log.splitlines() if "Problems in the source article" in ln)
    assert head.startswith("INFO    -  zhwiki: Problems in the source article «朝鲜战争» (")
    count, lines = _block_lines(_log_block(log))
    assert count == len(lines) >= 30
    assert "WARNING" not in log  # nothing from our own files, and the article's problems are not warnings
    # each problem once, though two variants and the parallel view were built
    assert len(set(lines)) == len(lines)
    assert sum("damaged caption" in ln for ln in lines) == 17
    assert any("韩国战争史" in ln and ln.startswith("line 236, section «") for ln in lines)
    assert any(ln.startswith("line 3, section «(lead)», in {{noteTA}}: missing group:") for ln in lines)
    tagged = [ln for ln in lines if "suspicious rule hit" in ln]
    assert tagged and all(ln.endswith(("[zh-tw only]", "[zh-cn only]")) for ln in tagged)
    assert any("«韩战» into «朝鲜战争»" in ln and ln.endswith("[zh-cn only]") for ln in tagged)


@pytest.mark.slow
def test_strict_passes_on_source_problems_and_one_process_prints_the_same_block(tmp_path: Path, built_site: Path) -> None:
    proc = build_site(tmp_path / "strict", strict=True, extra_env={"ZHWIKI_JOBS": "1"})
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-3000:]
    assert log.count("Problems in the source article") == 1
    forked = _log_block((built_site.parent / "build.log").read_text(encoding="utf-8"))
    assert _log_block(log) == forked


@pytest.mark.slow
def test_strict_source_makes_the_block_fail_strict(tmp_path: Path) -> None:
    proc = build_site(tmp_path / "site", variants="zh-cn", strict=True, extra_env={"ZHWIKI_STRICT_SOURCE": "true"})
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "WARNING -  zhwiki: Problems in the source article" in log
    assert "Aborted with 1 warnings in strict mode!" in log


def test_the_markdown_export_hands_back_the_same_block(tmp_path: Path) -> None:
    from zhwiki.outputs import export_markdown

    src = tmp_path / "a.zh.wikitext"
    src.write_text(ARTICLE, encoding="utf-8")
    problems: list[str] = []
    export_markdown.export(tmp_path / "md", ["zh-cn", "zh-tw"], str(src), Path(__file__).resolve().parents[1] / "mkdocs.yml",
                           problems)
    assert len(problems) == 1
    count, lines = _block_lines(problems[0])
    assert count == len(lines) == 6 and lines[-1].endswith("unknown template: {{没有这个模板}}")
    # mkdocs.yml's editor's rule keeps 北朝鲜 whole, so 北北韓 is no longer a misfire to report
    assert not any("suspicious rule hit" in ln for ln in lines)


def test_a_rule_hit_inside_a_template_still_gets_its_line() -> None:
    from zhwiki.conversion.engine import RuleHit
    from zhwiki.views.edition import hit_line

    src = "导言。\n== 经过 ==\n第一行。\n2008年，{{link-en|韩国真相委员会|Truth Commission}}成立。\n"
    prep = pipeline.analyse(src, pipeline.Options(title="t")).prep
    # the converter saw the link's text run: 2008年，韩国真相委员会（英语…
    hit = RuleHit("韩国", "南韓", "noteTA 1", before="2008年，", after="真相委员会（英语：", place="s01.md")
    assert hit_line(prep, hit, "经过") == 4
    assert hit_line(prep, RuleHit("朝鲜", "北韓", "noteTA 1", before="无此", after="上下文"), None) is None


# An infobox whose image caption is damaged, in the three ways body captions are (written for this test).
BOX_CAPTIONS = """{{Infobox military conflict
| conflict = 甲乙之战
| image = [[File:Front line.jpg|前线[[战壕]]]]与阵地]]
| date = 1950年
}}
{{Infobox settlement
| name = 某镇
| image_skyline = Skyline.png
| image_skyline caption = 镇景，'''未闭合的粗体
}}
{{Infobox military conflict
| conflict = 丙丁之战
| image = Map.png
| caption = 地图见[[某地图
}}
'''甲乙之战'''是一个用于测试的条目。
== 经过 ==
正文。
"""


def test_damaged_infobox_captions_are_reported_with_line_and_template() -> None:
    """A damaged caption in an infobox's image=/caption= is listed as one in the body is: its line and box."""
    art = pipeline.analyse(BOX_CAPTIONS, pipeline.Options(title="甲乙之战"))
    md = convert_edition(art, "zh-cn").pages[0].markdown
    block = art.diag.source_block("甲乙之战")
    lines = [ln.strip() for ln in block.splitlines() if "damaged caption" in ln]
    assert lines == [
        "line 3, section «(lead)», in {{Infobox military conflict}}: damaged caption: "
        "image caption after [[File:Front line.jpg]] repaired",
        "line 9, section «(lead)», in {{Infobox settlement}}: damaged caption: "
        "image caption of [[File:Skyline.png]] repaired (bold ''' not closed)",
        "line 14, section «(lead)», in {{Infobox military conflict}}: damaged caption: "
        "image caption of [[File:Map.png]] repaired (unclosed [[)",
    ], block
    caps = re.findall(r"<figcaption[^>]*>(.*?)（\[", md)
    assert caps[0].startswith("图：前线[战壕](") and caps[0].endswith(")与阵地"), caps  # nothing dropped, nothing raw
    assert caps[1] == "图：镇景，<b>未闭合的粗体</b>" and caps[2] == "图：地图见某地图", caps
    assert "[[" not in md and "]]" not in md and "'''" not in md
