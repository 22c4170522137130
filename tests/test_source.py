"""source.py: decoding, cleaning, comments, -{…}- masking and line mapping."""

from __future__ import annotations

import pytest

from zhwiki import markers as M
from zhwiki.diagnostics import Diagnostics
from zhwiki.source import SourceError, decode, prepare, split_sections


def test_invalid_utf8_names_the_byte_offset() -> None:
    data = "第一行\n第二".encode() + b"\xff\xfe" + "行".encode()
    with pytest.raises(SourceError) as err:
        decode(data, "a.wikitext")
    msg = str(err.value)
    assert "offset 16" in msg and "line 2" in msg and "0xff" in msg


def test_bom_is_dropped() -> None:
    assert decode(b"\xef\xbb\xbfabc") == "abc"


def test_control_characters_are_removed_and_reported_with_their_line() -> None:
    d = Diagnostics()
    prep = prepare("甲\n乙\x00丙\x07\n丁", d)
    assert prep.text == "甲\n乙丙\n丁"
    assert [(x.kind, x.line) for x in d.defects if x.kind == "control character"] == [("control character", 2)]


def test_comments_are_dropped_and_lines_still_map_to_the_source() -> None:
    d = Diagnostics()
    src = "一\n<!-- 注释\n跨行 -->二\n三 -{}-四\n五"
    prep = prepare(src, d)
    assert "注释" not in prep.text
    pos = prep.text.index("五")
    assert prep.line_of(pos) == 5
    assert prep.line_of(prep.text.index("二")) == 3


def test_unclosed_comment_keeps_the_text() -> None:
    d = Diagnostics()
    prep = prepare("甲<!-- 乙丙", d)
    assert "乙丙" in prep.text
    assert d.defects[0].kind == "malformed markup"


def test_conversion_blocks_are_masked_by_kind() -> None:
    d = Diagnostics()
    prep = prepare("朝-{}-鲜 -{zh-hans:甲;zh-hant:乙}- -{R|原样}- -{zh-hans;zh-hant|内容}- -{志}-", d)
    kinds = [b.kind for b in prep.blocks.values()]
    assert kinds == ["map", "raw", "vlist", "raw"]
    assert M.BREAK in prep.text and "-{" not in prep.text and "}-" not in prep.text
    assert prep.blocks[1].rule.entries == {"zh-hans": "甲", "zh-hant": "乙"}


def test_a_map_holding_links_is_not_split_at_the_pipe() -> None:
    """mwparserfromhell would split at the | inside the link; the preprocessor keeps the block."""
    d = Diagnostics()
    prep = prepare("-{zh-hant:[[朝鮮王朝|朝鮮王朝]];zh-hans:[[朝鲜王朝|朝鲜王朝]]}-", d)
    rule = prep.blocks[1].rule
    assert rule.entries["zh-hant"] == "[[朝鮮王朝|朝鮮王朝]]"
    assert rule.entries["zh-hans"] == "[[朝鲜王朝|朝鲜王朝]]"


def test_unclosed_block_is_reported_with_its_line() -> None:
    """An unclosed -{ is shown as MediaWiki shows it (literally, text kept) and reported."""
    d = Diagnostics()
    prep = prepare("一\n二 -{zh-hans:甲;zh-hant:乙 end", d)
    assert "甲" in prep.text and "乙" in prep.text
    assert prep.blocks == {}
    assert any(x.kind == "malformed conversion" and x.line == 2 for x in d.defects)


def test_blocks_inside_nowiki_stay_literal() -> None:
    d = Diagnostics()
    prep = prepare("<nowiki>-{zh-hans:甲}-</nowiki>", d)
    assert prep.blocks == {} and "-{zh-hans:甲}-" in prep.text


def test_sections_split_at_level_two_headings() -> None:
    d = Diagnostics()
    prep = prepare("导言\n== 甲 ==\n正文\n=== 子 ===\n更多\n==乙==\n尾", d)
    secs = split_sections(prep)
    assert [str(s.title).strip() if s.title else None for s in secs] == [None, "甲", "乙"]
    assert "=== 子 ===" in secs[1].text
    assert prep.line_of(secs[2].offset) == 6
