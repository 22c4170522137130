"""The edition's outputs made from the built site: one module per output format.

Every output reads the same :class:`~zhwiki.outputs.edition.Edition` (the built pages of each
variant, the assets and the metadata, loaded once from ``site/``) and writes its files into a
folder, returning the paths it wrote (bundle, epub, zim).  Adding an output is adding a module with a
``write(edition, out_dir) -> list[Path]`` function and naming it in ``__main__.OUTPUTS``.

This package reads HTML that the site build already converted and sanitizes it again, so later
layout changes flow through.  It imports from the views and stages below (``views.about``, ``conversion``),
never from the MkDocs glue (``plugin.py``).  ``commons.py`` (``make images``) is the one stage here
that runs before the build: it fills ``images_dir`` from Wikimedia Commons, which the build reads.  The one exception, export_markdown.py, writes MkDocs
projects from mkdocs.yml with the glue's settings, so it counts as glue and nothing here imports it.
"""
