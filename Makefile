# Two commands on a fresh machine: `make` builds the whole edition, `make test` runs every test.
# Variables honoured by every target: SOURCE=path/to/article.wikitext VARIANTS="zh-cn zh-tw …"

PYTHON   ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
SOURCE   ?= docs/article/korean-war.zh.wikitext
VARIANTS ?= zh-cn zh-tw
NAME     ?= $(basename $(basename $(notdir $(SOURCE))))

export ZHWIKI_SOURCE   := $(abspath $(SOURCE))
export ZHWIKI_VARIANTS := $(VARIANTS)
# Deterministic build date: the source's last commit, else its modification time.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct -- $(SOURCE) 2>/dev/null | grep . || stat -c %Y $(SOURCE))
export SOURCE_DATE_EPOCH
export NO_MKDOCS_2_WARNING := 1

.PHONY: all setup system site bundle pdf serve markdown bench test lint clean

all: site bundle pdf

## Python environment (.venv) with the project installed in editable mode.
setup: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

## Debian packages the PDFs and browser tests need (installed when root, else explained).
system:
	@sh scripts/system-deps.sh

site: setup
	$(BIN)/mkdocs build

bundle: site
	$(BIN)/python scripts/bundle.py --site site --out dist/$(NAME)-offline.zip

pdf: site system
	$(BIN)/python scripts/pdf.py --site site --out dist --name $(NAME) --variants "$(VARIANTS)"

serve: setup
	$(BIN)/mkdocs serve

markdown: setup
	$(BIN)/python scripts/export_markdown.py --source $(SOURCE) --variants "$(VARIANTS)" --out build/markdown

bench: setup
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python scripts/bench.py

lint: setup
	$(BIN)/ruff check plugins scripts tests

test: setup system
	$(BIN)/ruff check plugins scripts tests
	$(BIN)/python -m pytest -q

clean:
	rm -rf site dist build
