"""Render parsed wikitext to intermediate Markdown (IMD); see markers.py for the IMD markers."""
