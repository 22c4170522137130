# Two commands on a fresh machine: `make` builds the whole edition, `make test` runs every test.
# Variables honoured by every target: SOURCE=path/to/article.wikitext VARIANTS="zh-cn zh-tw …" JOBS=0

PYTHON   ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
DEFAULT_SOURCE := docs/article/korean-war.zh.wikitext
SOURCE   ?= $(DEFAULT_SOURCE)
VARIANTS ?= zh-cn zh-tw
NAME     ?= $(basename $(basename $(notdir $(SOURCE))))
# The article's page name on zh.wikipedia; for another SOURCE it is read from the lead unless given.
TITLE    ?= $(if $(filter $(DEFAULT_SOURCE),$(SOURCE)),朝鲜战争,)

export ZHWIKI_SOURCE   := $(abspath $(SOURCE))
export ZHWIKI_VARIANTS := $(VARIANTS)
# Processes building variants at once (0: one per CPU; 1: one after the other).
JOBS     ?= 0
export ZHWIKI_JOBS := $(JOBS)
export ZHWIKI_TITLE    := $(TITLE)
# Images for the figures (make images fills it from Wikimedia Commons; the build only reads it).
IMAGES_DIR  ?= images/$(NAME)
# The Action API that make images asks (default: $$ZHWIKI_COMMONS_API, else Wikimedia Commons).
COMMONS_API ?=
# Given to the site build only when the folder exists (mkdocs.yml: images_dir).
IMAGES_ENV   = $(if $(wildcard $(IMAGES_DIR)),ZHWIKI_IMAGES_DIR=$(abspath $(IMAGES_DIR)))

# Deterministic build date: the source's last commit, else its modification time.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct -- $(SOURCE) 2>/dev/null | grep . || stat -c %Y $(SOURCE))
export SOURCE_DATE_EPOCH
export NO_MKDOCS_2_WARNING := 1

# `make site`'s stamp, one per set of settings (article, variants, title, images, build date): a build with other
# settings has another stamp, so it rebuilds; each build removes the stamps of the others (see the site target).
SITE_SETTINGS = $(abspath $(SOURCE)) | $(VARIANTS) | $(TITLE) | $(IMAGES_ENV) | $(SOURCE_DATE_EPOCH)
SITE_STAMP   := build/site-$(shell printf '%s' '$(SITE_SETTINGS)' | md5sum | cut -c1-16).stamp
# (docs/benchmarks.md and docs/conversion-differences.md are written by make bench and make conversion-diff
# and left out of the site by mkdocs.yml's exclude_docs)
SITE_FILES    = $(shell find plugins overrides docs $(wildcard $(IMAGES_DIR)) -type f ! -path '*/__pycache__/*' \
                  ! -path docs/benchmarks.md ! -path docs/conversion-differences.md 2>/dev/null)

# Front-end assets fetched from the npm registry at setup (pinned, hash-checked, git-ignored).
SHIM        := docs/assets/vendor/iframe-worker/shim.js
SHIM_PKG    := iframe-worker@1.0.4
SHIM_SHA256 := e8e412dbcfea9b7e31b5ffa288d7b6035915e714c542f4176a0cdbe262fc9609
KATEX        := docs/assets/vendor/katex/katex.min.js
KATEX_PKG    := katex@0.19.1
KATEX_SHA256 := 24da5a599eb2fcede2e270b99a6ff48bca816beecc95feeb84e8cccbd1bb34fd

.PHONY: FORCE all setup shim katex system site images bundle pdf epub zim downloads serve markdown bench conversion-diff test lint clean

all: site bundle pdf epub zim downloads
	@echo "wrote:"; echo "  site/ ($$(find site -type f | wc -l) files)"; \
	  for f in dist/$(NAME)-offline.zip $(foreach v,$(VARIANTS),dist/$(NAME)-$(v).pdf dist/$(NAME)-$(v).epub) dist/$(NAME)-parallel.pdf dist/$(NAME).zim; do \
	    if [ -f "$$f" ]; then echo "  $$f ($$(stat -c %s "$$f") bytes)"; else echo "  $$f (not written)"; fi; done

## Python environment (.venv) with the project installed in editable mode.
setup: $(VENV)/.installed $(SHIM) $(KATEX)
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

## Material's offline search needs the iframe-worker shim for file://: fetched from the npm registry at
## setup, checked against a pinned hash, never committed (docs/assets/vendor/ is git-ignored).
shim: $(SHIM)
$(SHIM):
	@if ! command -v npm >/dev/null 2>&1; then echo "npm not found: install it (sudo apt-get install npm) for search in the file:// bundle"; else \
	  set -e; rm -rf build/npm; mkdir -p build/npm $(dir $@); \
	  (cd build/npm && npm pack --silent $(SHIM_PKG) >/dev/null && tar xzf iframe-worker-1.0.4.tgz); \
	  echo "$(SHIM_SHA256)  build/npm/package/shim/index.js" | sha256sum -c --quiet; \
	  cp build/npm/package/shim/index.js $@; \
	  cp build/npm/package/LICENSE $(dir $@)LICENSE; \
	fi

## KaTeX typesets <math> (pymdownx.arithmatex generic markup) in the browser, offline: fetched from the npm
## registry at setup, checked against a pinned hash, never committed (docs/assets/vendor/ is git-ignored).
## Without it the pages still build and show the TeX source.
katex: $(KATEX)
$(KATEX):
	@if ! command -v npm >/dev/null 2>&1; then echo "npm not found: install it (apt-get install npm) to typeset formulas"; else \
	  set -e; rm -rf build/npm-katex; mkdir -p build/npm-katex $(dir $@)fonts; \
	  (cd build/npm-katex && npm pack --silent $(KATEX_PKG) >/dev/null); \
	  echo "$(KATEX_SHA256)  build/npm-katex/katex-0.19.1.tgz" | sha256sum -c --quiet; \
	  tar xzf build/npm-katex/katex-0.19.1.tgz -C build/npm-katex; \
	  cp build/npm-katex/package/dist/katex.min.css build/npm-katex/package/dist/contrib/auto-render.min.js \
	     build/npm-katex/package/LICENSE $(dir $@); \
	  cp build/npm-katex/package/dist/fonts/*.woff2 $(dir $@)fonts/; \
	  cp build/npm-katex/package/dist/katex.min.js $@; \
	fi

## Debian packages the PDFs and browser tests need (installed when root, else explained).
system:
	@sh scripts/system-deps.sh

## The site is rebuilt only when something it is made from is newer than its stamp (the article, the plugin,
## the theme overrides, docs/, mkdocs.yml, the installed packages, the images), when the settings changed
## (SITE_STAMP), or when site/ is gone: `make pdf` after `make` does not build the site again.
site: $(SITE_STAMP)
$(SITE_STAMP): $(SOURCE) mkdocs.yml $(VENV)/.installed $(SITE_FILES) $(if $(wildcard site/index.html),,FORCE) | setup
	@rm -f build/site-*.stamp
	$(IMAGES_ENV) $(BIN)/mkdocs build
	@mkdir -p $(dir $@) && touch $@
FORCE:

## Thumbnails and their authors and licences from Wikimedia Commons into IMAGES_DIR (needs the network;
## resumable: what is there is skipped). The next `make site` shows them.
images: setup
	$(BIN)/python -m zhwiki.outputs.commons --source $(SOURCE) --title "$(TITLE)" --out $(IMAGES_DIR) $(if $(COMMONS_API),--api "$(COMMONS_API)")

bundle: site
	$(BIN)/python -m zhwiki.outputs.bundle --site site --out dist/$(NAME)-offline.zip

pdf: site system
	$(BIN)/python -m zhwiki.outputs.pdf --site site --out dist --name $(NAME) --variants "$(VARIANTS)"

## EPUB 3 per variant and the Kiwix ZIM, made from the built site (plugins/zhwiki/outputs/, as are the zip, PDFs and Markdown export).
epub: site
	$(BIN)/python -m zhwiki.outputs epub --site site --out dist --name $(NAME) --variants "$(VARIANTS)"

zim: site
	$(BIN)/python -m zhwiki.outputs zim --site site --out dist --name $(NAME) --variants "$(VARIANTS)"

## Last step of `make`: the files written to dist/ are copied into site/downloads/ and listed on the
## chooser with their sizes, and each page's footer links its variant's PDF (outputs/downloads.py).
downloads:
	$(BIN)/python -m zhwiki.outputs downloads --site site --out dist --name $(NAME) --variants "$(VARIANTS)"

serve: setup
	$(IMAGES_ENV) $(BIN)/mkdocs serve

markdown: setup
	$(BIN)/python -m zhwiki.outputs.export_markdown --source $(SOURCE) --variants "$(VARIANTS)" --out build/markdown

bench: setup
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python scripts/bench.py

## Base table against zh.wikipedia's own (zhconv-rs): differing Han runs per variant (docs/conversion-differences.md).
conversion-diff: setup
	$(BIN)/python scripts/conversion_diff.py --list $(SOURCE) tests/articles/*.wikitext

lint: setup
	$(BIN)/ruff check plugins scripts tests

test: setup system
	$(BIN)/ruff check plugins scripts tests
	$(BIN)/python -m pytest -q

clean:
	rm -rf site dist build docs/assets/vendor
