"""MediaWiki's Chinese variant conversion (LanguageConverter) reimplemented for the edition.

``variants`` holds the closed set of codes and their fallback chains, ``rules`` parses ``-{…}-``
bodies and ``{{noteTA}}`` parameters into data, ``tables`` wraps OpenCC as the base table, and
``engine`` walks intermediate Markdown for one variant.  The spec is
``conversion-semantics.md``; each replicated behaviour names the MediaWiki function it follows.
"""
