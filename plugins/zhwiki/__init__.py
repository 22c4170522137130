"""zhwiki: turn one zh.wikipedia article (wikitext) into a two-script MkDocs study edition.

The pipeline, one module per stage, then the layers built on it:

    source      read bytes, mask ``-{…}-`` blocks, split sections        (source.py)
    parse       mwparserfromhell with ``skip_style_tags=True``           (source.py)
    references  collect every <ref>/{{r}}/{{sfn}}/note before rendering  (references.py)
    render      wikitext nodes → intermediate Markdown (IMD)             (render/)
    convert     IMD → Markdown for one variant (rules + OpenCC)          (conversion/)
    pages       sections → page specs, nav, back matter                  (pages.py, pipeline.py)
    views       pages made from a converted edition (用词对照, 简繁对照 …)  (views/)
    outputs     zip, PDF, EPUB, ZIM, Markdown export of the edition      (outputs/)
    plugin glue MkDocs events, one build per variant                     (config.py, plugin.py, workers.py)

Imports only go down that list (tests/test_layers.py).

Only ``config.py`` and ``plugin.py`` import MkDocs; everything else works on plain strings.
"""

__version__ = "0.1.0"
