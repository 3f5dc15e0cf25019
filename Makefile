# Socioinfo — every set-up step lives here, so a fresh Debian machine needs only `make run`
# or `make test`. `make help` lists the targets.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# A developer's machine: debug on, insecure key allowed. Production sets its own variables.
export DJANGO_DEBUG ?= 1

.DEFAULT_GOAL := help
.PHONY: help run install system-deps demo serve test test-only lint format typecheck messages browser-deps bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: system-deps $(VENV)/.installed node_modules/.installed ## Create .venv and install the pinned dependencies

system-deps: ## Debian's Pango and DejaVu fonts, which WeasyPrint (the PDFs) needs
	@ldconfig -p | grep -q libpangoft2 && fc-list 2>/dev/null | grep -q DejaVuSans || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-dejavu-core; }

run: install demo serve ## Fresh machine → migrated SQLite with demo data, served at http://127.0.0.1:8000

demo: install ## Migrate and (re)load areas and demo data; print the demo logins
	$(MANAGE) migrate --no-input
	$(MANAGE) load_areas
	$(MANAGE) load_demo
	$(MANAGE) ensure_staff_login
	$(MANAGE) load_demo_accounts
	$(MANAGE) load_planning_demo
	$(MANAGE) load_advice_demo

serve: install
	$(MANAGE) runserver 127.0.0.1:8000

browser-deps: ## Debian's Chromium for the browser tests (never Playwright's own download)
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
	@command -v msgfmt >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext; }

test: install browser-deps lint typecheck test-only ## Install what the tests need and run the whole suite

test-only: ## Run the suite without the install and lint steps
	$(BIN)/pytest

lint: install ## ruff lint and format check
	$(BIN)/ruff check socioinfo tests bench
	$(BIN)/ruff format --check socioinfo tests bench

format: install ## Format the code
	$(BIN)/ruff check --fix socioinfo tests bench
	$(BIN)/ruff format socioinfo tests bench

typecheck: install ## mypy on socioinfo/
	$(BIN)/mypy socioinfo

messages: install ## Update the translation catalogues and compile them
	cd socioinfo && ../$(BIN)/django-admin makemessages --all --no-obsolete --ignore "*/migrations/*"
	cd socioinfo && ../$(BIN)/django-admin compilemessages

bench: install ## Run the benchmarks on SQLite (figures go to docs/benchmarks.md by hand)
	$(BIN)/python bench/bench_areas.py
	$(BIN)/python bench/bench_search.py

clean: ## Remove the virtualenv, node modules and the SQLite database
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles
