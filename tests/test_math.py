"""Formulas (issue 18): multi-line <math>, indented and align/cases formulas as display math; a
formula KaTeX cannot typeset is reported with its line and shown as TeX source.

The excerpts follow 「欧拉公式」 on zh.wikipedia (CC BY-SA 4.0), shortened.
"""

from __future__ import annotations

import pytest

from zhwiki import pipeline
from zhwiki.render import mathcheck
from zhwiki.render.tags import is_display, tex_of
from zhwiki.views.edition import convert_edition

SRC = """开头<math>x</math>。

== 形式 ==
对于任意实数<math>x\\,</math>，以下等式恆成立：
:<math>e^{ix} = \\cos x+i\\sin x</math>

<math>\\begin{align}
\\lim_{n\\rightarrow\\infty}\\ln r_n
&=a\\\\
\\end{align}
</math>

;方法一
::<math>
\\begin{align}
e^{iz} & = 1 + iz \\\\
& = \\cos z + i\\sin z
\\end{align}
</math>
:其中 <math>\\operatorname{atan2}(y,x)= \\begin{cases}
\\arctan\\left(\\frac y x\\right) & x > 0 \\\\
\\text{undefined} & y = 0, x = 0
\\end{cases}</math>
坏的：<math>90^\\operatorname{\\omicron}</math>
"""


def _section(variant: str = "zh-cn") -> str:
    article = pipeline.analyse(SRC, pipeline.Options(title="欧拉公式"))
    return {p.path: p.markdown for p in convert_edition(article, variant).pages}["s01.md"]


def test_multiline_and_environment_formulas_are_one_display_span() -> None:
    md = _section()
    lines = [ln for ln in md.splitlines() if "arithmatex" in ln]
    assert len(lines) == 5  # inline x, indented e^{ix}, the align paragraph, the :: align, the cases
    for ln in lines[1:]:
        assert ln.count("&#92;&#91;") == 1 and ln.count("&#92;&#93;") == 1  # \[ … \] on one line
    assert "&#92;begin&#123;aligned&#125;" in md and "begin&#123;align&#125;" not in md
    assert "\\begin" not in md and "&#92;end&#123;cases&#125;&#92;&#93;</span>" in md
    assert "&#92;(x&#92;,&#92;)" in md  # inline stays inline


@pytest.mark.skipif(not mathcheck.available(), reason="node or the vendored KaTeX (make katex) is missing")
def test_formula_katex_cannot_typeset_is_reported_and_shown_as_source() -> None:
    md = _section()
    assert '<code class="tex-source">90&#94;&#92;operatorname&#123;&#92;omicron&#125;</code>' in md
    diag = pipeline.analyse(SRC, pipeline.Options(title="欧拉公式")).diag
    bad = [d for d in diag.defects if d.kind == "math"]
    assert len(bad) == 1 and bad[0].line == 24 and "omicron" in bad[0].message
    errors = mathcheck.check((("x^2", False), ("\\frac{1}{", False)))
    assert errors is not None and list(errors) == [("\\frac{1}{", False)]


def test_display_rules() -> None:
    assert is_display("x", 'display="block"', "", "")
    assert is_display("a\nb", "", "文", "文")
    assert is_display("\\begin{cases} a \\end{cases}", "", "其中", "")
    assert is_display("e^x", "", ":", "。")
    assert not is_display("e^x", "", "文字", "")
    assert tex_of("a % note\n+ b") == "a + b"
    assert tex_of("\\begin{align*} a \\end{align*}") == "\\begin{aligned} a \\end{aligned}"
