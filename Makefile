# House of Resources Dortmund portal. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed (PYTHON=...)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test,bench]"
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the project with its test tools

# The first run installs, migrates and loads the demo (a few minutes, with a line per step and a count of
# what is made); later runs skip what is done and serve within seconds.
run: ## Serve the demo portal at http://127.0.0.1:$(PORT)/ (SQLite, database search)
	@echo "== 1/6 install (.venv; skipped while pyproject.toml and constraints.txt are unchanged)"
	@$(MAKE) -s --no-print-directory $(STAMP)
	@WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) prepare_local_site --first-step 2 --steps 6 --url http://127.0.0.1:$(PORT)/admin/
	@echo "== 6/6 serving at http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"
	@WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) runserver --skip-checks 127.0.0.1:$(PORT)

test: $(STAMP) ## Lint, checks and the whole suite against throwaway PostgreSQL and Elasticsearch
	scripts/test.sh $(ARGS)

lint: $(STAMP) ## ruff: lint and formatting
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(STAMP) ## Extract interface strings into every app's catalogues and compile them (needs gettext)
	scripts/messages.sh

bench: $(STAMP) ## Requests/s, latency percentiles and share of a bare Django ceiling per URL (see README)
	scripts/bench.sh

reset: ## Delete the local SQLite database and media (the next `make run` rebuilds the demo)
	rm -rf var/portal.sqlite3* var/media var/local-admin-password.txt

clean: reset ## Also delete the virtual environment
	rm -rf $(VENV)

.PHONY: help install run test lint format messages bench reset clean
