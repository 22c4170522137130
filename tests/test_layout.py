"""layout.py: the home page's lead-top wrapper and the folded infobox lists and rows (issue 13)."""

from __future__ import annotations

import re

from zhwiki import layout

INFOBOX = ('<div class="infobox infobox-conflict">\n<p class="infobox-title">甲</p>\n'
           '<div class="infobox-sides">\n<table>\n<thead>\n<tr>\n<th><strong>参战方</strong></th>\n<th>联合国军</th>\n'
           '<th>共产阵营</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><strong>兵力</strong></td>\n<td>一<sup>1</sup></td>\n'
           '<td>二</td>\n</tr>\n<tr>\n<td><strong>伤亡</strong></td>\n<td>三</td>\n<td>四</td>\n</tr>\n</tbody>\n</table>\n'
           '</div>\n</div>')


def _text(html: str) -> str:
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", html))


def test_infobox_and_first_paragraph_are_wrapped_together() -> None:
    html = f'<h1>题</h1>\n<div class="hatnote">注</div>\n{INFOBOX}\n<p>首段<b>粗</b>。</p>\n<p>次段。</p>'
    out = layout.wrap_lead_top(html)
    assert re.search(r'<div class="lead-top"><div class="infobox.*</div>\s*<p>首段<b>粗</b>。</p></div>\s*<p>次段。</p>$',
                     out, re.S)
    assert _text(out) == _text(html)


def test_no_infobox_or_no_paragraph_leaves_the_page_alone() -> None:
    assert layout.wrap_lead_top("<p>只有正文。</p>") == "<p>只有正文。</p>"
    assert layout.wrap_lead_top(INFOBOX + "\n<h2>节</h2>") == INFOBOX + "\n<h2>节</h2>"
    unbalanced = '<div class="infobox"><div>\n<p>x</p>'
    assert layout.wrap_lead_top(unbalanced) == unbalanced


def test_titled_lists_become_closed_details() -> None:
    html = ('<th>甲<br><span class="collapsible-list"><b class="list-title">武装援助</b><br>• 澳大利亚'
            '<span class="flagicon">澳</span><br>• 比利时</span><br>乙</th>')
    out = layout.fold_lists(html)
    assert out == ('<th>甲<br><details class="collapsible-list"><summary>武装援助</summary>'
                   '<div class="collapsible-list__items">• 澳大利亚<span class="flagicon">澳</span><br>• 比利时</div>'
                   '</details><br>乙</th>')


def test_side_rows_fold_under_their_own_labels_and_keep_every_cell() -> None:
    out = layout.fold_sides_rows(INFOBOX)
    assert "<thead>" in out and "参战方" in out.split("<details")[0]  # the belligerents stay open
    summaries = re.findall(r'<details class="infobox-row"><summary>(.*?)</summary>', out)
    assert summaries == ["<strong>兵力</strong>", "<strong>伤亡</strong>"]
    assert "<td>一<sup>1</sup></td><td>二</td>" in out and "<td>三</td><td>四</td>" in out
    assert _text(out) == _text(INFOBOX)
    assert out.count("<div") == out.count("</div>") and out.count("<table>") == out.count("</table>") == 3


def test_lead_page_is_stable() -> None:
    html = f"{INFOBOX}\n<p>首段。</p>"
    assert layout.lead_page(html) == layout.lead_page(html)
    assert layout.lead_page(html).startswith('<div class="lead-top">')
