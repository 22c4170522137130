"""The package's import graph (issue 16): imports only go down the layers, and no import circles.

The layers, bottom to top: **stages** (source → references → render/templates → conversion →
pages/pipeline) → **views** (pages generated from a converted edition) → **outputs** (formats made
from the built site) → **glue** (MkDocs: config, plugin, workers).  A module may import its own
layer and the layers below it.  Every ``import``/``from … import`` in ``plugins/zhwiki`` counts,
including those inside functions and ``if TYPE_CHECKING:`` blocks; the graph is read with ``ast``,
so nothing is imported to check it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from sitebuild import ROOT

PACKAGE = "zhwiki"
PACKAGE_DIR = ROOT / "plugins" / PACKAGE

#: Bottom to top.
LAYERS = ("stages", "views", "outputs", "glue")

#: Where each module lives.  A key names a module or a package (then every module below it); the
#: longest key that matches decides.  ``zhwiki`` itself matches only the package's ``__init__``, so
#: a new module must be placed here before this test passes.
LAYER_OF: dict[str, str] = {
    "zhwiki": "stages",  # the package docstring and version
    "zhwiki.source": "stages",
    "zhwiki.references": "stages",
    "zhwiki.render": "stages",
    "zhwiki.templates": "stages",
    "zhwiki.conversion": "stages",
    "zhwiki.pages": "stages",
    "zhwiki.pipeline": "stages",
    "zhwiki.markers": "stages",  # shared by the stages: the IMD's private-use markers
    "zhwiki.diagnostics": "stages",  # shared by the stages: problems found in the source
    "zhwiki.footnotes": "stages",  # the pages' Markdown extension: edition-wide footnote numbers
    "zhwiki.numbering": "stages",  # section numbers shared by the web pages, the parallel view and print
    "zhwiki.views": "views",
    "zhwiki.layout": "views",  # the home page's layout, an HTML pass on the rendered lead page
    "zhwiki.search": "views",  # search index additions (issue 13)
    "zhwiki.figures": "views",  # images from images_dir put into figures (issue 13)
    "zhwiki.outputs": "outputs",
    # Writes a MkDocs project from mkdocs.yml: it reads config.py's option types and the theme language
    # plugin.py sets, so it sits with the glue (nothing in outputs/ imports it).
    "zhwiki.outputs.export_markdown": "glue",
    "zhwiki.config": "glue",
    "zhwiki.plugin": "glue",
    "zhwiki.workers": "glue",
}

#: Upward imports that stay for now (none).
KNOWN_UPWARD: frozenset[tuple[str, str]] = frozenset()

#: Import circles that stay for now (none).
KNOWN_CIRCLES: tuple[frozenset[str], ...] = ()


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The package's modules that *name* imports (a name imported from a package counts as its module if it is one)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in MODULES else target)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(module: str) -> str | None:
    keys = [k for k in LAYER_OF if module == k or (k != PACKAGE and module.startswith(k + "."))]
    return LAYER_OF[max(keys, key=len)] if keys else None


def _circles() -> list[frozenset[str]]:
    """The graph's strongly connected components with more than one module (Tarjan), or a module importing itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(GRAPH[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1 or v in GRAPH[v]:
                out.append(frozenset(comp))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    return out


def test_the_graph_is_read():
    assert len(MODULES) > 40
    assert "zhwiki.pipeline" in GRAPH["zhwiki.views.parallel.columns"]
    assert "zhwiki.views.about" in GRAPH["zhwiki.outputs.edition"]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_has_a_layer(module: str):
    assert _layer(module) in LAYERS, f"{module}: put it in LAYER_OF in tests/test_layers.py"


def test_imports_only_go_down():
    upward = sorted(
        (m, dep) for m, deps in GRAPH.items() for dep in deps
        if LAYERS.index(_layer(dep) or "glue") > LAYERS.index(_layer(m) or "stages")
    )
    new = [f"{m} ({_layer(m)}) imports {dep} ({_layer(dep)})" for m, dep in upward if (m, dep) not in KNOWN_UPWARD]
    assert not new, "upward imports:\n" + "\n".join(new)
    gone = sorted(KNOWN_UPWARD - set(upward))
    assert not gone, f"no longer imported upward, remove from KNOWN_UPWARD: {gone}"


def test_no_import_circles():
    circles = _circles()
    new = [sorted(c) for c in circles if not any(c <= known for known in KNOWN_CIRCLES)]
    assert not new, "import circles:\n" + "\n".join(" ↔ ".join(c) for c in new)
    gone = [sorted(k) for k in KNOWN_CIRCLES if not any(c & k for c in circles)]
    assert not gone, f"circle broken, remove it from KNOWN_CIRCLES: {gone}"


def test_the_checks_would_catch_a_circle_and_an_upward_import(monkeypatch):
    """The checks themselves: a stage importing the glue is upward, and two stages importing each other a circle."""
    real = GRAPH
    upward = {m: set(d) for m, d in real.items()}
    upward["zhwiki.source"].add("zhwiki.plugin")
    monkeypatch.setitem(globals(), "GRAPH", upward)
    with pytest.raises(AssertionError, match=r"zhwiki\.source \(stages\) imports zhwiki\.plugin \(glue\)"):
        test_imports_only_go_down()
    circle = {m: set(d) for m, d in real.items()}
    circle["zhwiki.markers"].add("zhwiki.diagnostics")
    circle["zhwiki.diagnostics"].add("zhwiki.markers")
    monkeypatch.setitem(globals(), "GRAPH", circle)
    with pytest.raises(AssertionError, match=r"zhwiki\.diagnostics ↔ zhwiki\.markers"):
        test_no_import_circles()
