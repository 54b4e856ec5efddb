# Needs only Python 3.11+ (with its standard venv module) and make.
#
#   make run    set up .venv, migrate, load the starter site, serve on 127.0.0.1:$PORT (8000)
#   make serve  the same site under the production settings: gunicorn, task worker, Redis
#   make bench  render times and queries per page type; req/s through the production stack
#   make loadtest  the whole chain (Varnish, 2 gunicorn nodes, PostgreSQL, Redis, worker) under
#               locust for LOADTEST_SECONDS (300); devtools/loadtest.py
#   make test   lint, format check, Django checks, migrations check, the whole pytest suite
#               in TEST_WORKERS processes (one more than the CPUs)
#               (it changes no tracked file: the guide's screenshots go to a temporary folder)
#   make test-postgres  the same without the tests marked any_database (the browser tests and
#               others that exercise nothing database-specific: tests/any_database.py); .ci/run
#               runs it for its PostgreSQL run, after `make test` on SQLite ran everything
#   make guide-images  retake the editor's guide screenshots into docs/images/ (commit them)
#   make audit  Nu HTML Checker and Lighthouse on the starter site (needs Java, npm, Chromium)
#   make clean  remove .venv, the SQLite database and uploaded media
#   make backup / make restore  the whole site to ARCHIVE=… and back (docs/operations.md)
#   make messages  compile the Welsh catalogue (needs msgfmt); make catalogue  update it
#   make install  install the dependencies into .venv (every other target runs it)
#
# DATABASE_URL selects the database (see config/settings/base.py); unset means SQLite.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Touched after a successful install: dependencies are installed again only when
# pyproject.toml changes (or .venv is removed).
STAMP := $(VENV)/.installed
REQUIREMENTS := $(VENV)/requirements.txt
TEST_SETTINGS := config.settings.test
# `make test` runs the suite in this many processes (pytest-xdist), each with its own test
# database, live server and Chromium. One more than the CPUs: the suite often waits on
# servers it starts (PostgreSQL, Redis, Varnish, gunicorn), and a spare process keeps the
# CPUs busy meanwhile. Measured on 2 CPUs (the whole suite): 3 processes 343 s, 2 processes 354 s.
# TEST_WORKERS=0 runs it in this process (for a debugger). (macOS has no sched_getaffinity.)
# --dist load (below) hands each process its tests in the suite's order, the transactional
# tests last (tests/conftest.py); other modes, such as worksteal, do not.
TEST_WORKERS ?= $(shell $(PYTHON) -c 'import os; cpus = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else range(os.cpu_count() or 1); print(len(cpus) + 1)')
GUIDE_TESTS := 'from tests.browser.guide import SCREENSHOTS; print(*sorted(set(SCREENSHOTS.values())))'
READ_REQUIREMENTS := 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print("\n".join(p["dependencies"] + p["optional-dependencies"]["test"]))'

.PHONY: run serve test test-postgres guide-images bench clean install backup restore audit loadtest messages catalogue

install: $(STAMP)

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python 3.11 or newer is required (found: $$($(PYTHON) --version 2>&1))." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

# The project is an application, not a package (pyproject has `packages = []`), so rather
# than building and installing it we install exactly the dependencies it declares: the
# runtime ones and the `test` extra. This leaves no build artefacts (egg-info, build/) in
# the work tree and needs no build backend.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -c $(READ_REQUIREMENTS) > $(REQUIREMENTS)
	$(BIN)/python -m pip install -r $(REQUIREMENTS)
	touch $@

# The site's own words in Welsh: locale/cy/LC_MESSAGES/django.po compiled to django.mo (built,
# not committed). Needs GNU gettext's msgfmt (Debian package `gettext`). Every target that
# serves or tests the site runs it first. (.venv and audit/node_modules hold others' catalogues.)
messages: $(STAMP)
	@command -v msgfmt >/dev/null || { \
		echo "The Welsh catalogue needs GNU gettext's msgfmt: sudo apt-get install gettext" >&2; \
		exit 1; }
	$(BIN)/python manage.py compilemessages --ignore '.venv' --ignore 'devtools' --verbosity 0

# Update the Welsh catalogue from the marked strings (then translate each new or changed entry
# in locale/cy/LC_MESSAGES/django.po). The admin's templates (editorial/, admin/, wagtailadmin/,
# wagtailimages/) stay out: editors work in English. tests/bilingual/test_catalogue.py extracts
# the same way (CATALOGUE_IGNORE there: keep the two lists alike).
catalogue: $(STAMP)
	$(BIN)/python manage.py makemessages -l cy --no-obsolete --add-location=file \
		--ignore '.venv' --ignore 'devtools' --ignore 'editorial' --ignore 'tests' --ignore 'media' \
		--ignore 'admin' --ignore 'wagtailadmin' --ignore 'wagtailimages'

# The task worker (form emails, video lookups, Wagtail's background jobs) runs beside the
# development server and stops with it. run_worker is db_worker that also recovers work a
# stopped worker left half done (emails left "Sending").
run: $(STAMP) messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_site
	$(BIN)/python manage.py run_worker & worker=$$!; \
		trap 'kill $$worker 2>/dev/null || true' EXIT; \
		$(BIN)/python manage.py runserver 127.0.0.1:$${PORT:-8000}

# The production settings on this machine: gunicorn (2 workers), the task worker and a
# redis-server of their own, on http://localhost:$PORT (8000), SQLite unless DATABASE_URL is
# set. Needs redis-server (Debian package). See devtools/localstack.py.
serve: $(STAMP) messages
	$(BIN)/python manage.py serve_production

# Every step runs with the test settings, whatever DJANGO_SETTINGS_MODULE the shell has.
test: export DJANGO_SETTINGS_MODULE := $(TEST_SETTINGS)
test: $(STAMP) messages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest --numprocesses $(TEST_WORKERS) --dist load

# `make test` with the any_database tests deselected (not skipped): for a second database.
test-postgres: export PYTEST_ADDOPTS := $(PYTEST_ADDOPTS) -m "not any_database"
test-postgres: test
# Only the browser tests that take the guide's screenshots (tests/browser/guide.py lists
# them), writing into docs/images/ instead of a temporary folder.
guide-images: export DJANGO_SETTINGS_MODULE := $(TEST_SETTINGS)
guide-images: export GUIDE_SCREENSHOTS_DIR := $(CURDIR)/docs/images
guide-images: $(STAMP) messages
	$(BIN)/python -m pytest $$($(BIN)/python -c $(GUIDE_TESTS))

# Render time and queries of each page type, uncached and cached, as a ratio to the 404 page
# measured in the same run; then req/s with wrk, 10 s per URL on loopback, through Varnish
# (a cached page against a static file) and straight to gunicorn (a cached page against the
# stylesheet; the form page and an uncached page against the 404 page). Uses the development
# database with the starter content. Needs wrk, redis-server and varnish (Debian packages).
bench: $(STAMP) messages
	@command -v wrk >/dev/null && command -v redis-server >/dev/null \
		&& { [ -x /usr/sbin/varnishd ] || command -v varnishd >/dev/null; } || { \
		echo "make bench needs wrk, redis-server and varnish: sudo apt-get install wrk redis-server varnish" >&2; \
		exit 1; }
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_starter_content
	$(BIN)/python manage.py benchmark_pages
	$(BIN)/python manage.py benchmark_http

# Locust (the `load` extra of pyproject.toml) drives readers, members who send forms and an
# editor publishing every minute through Varnish; bounded by LOADTEST_SECONDS, loopback only.
# Needs varnish, redis-server and postgresql (Debian packages). See devtools/loadtest.py.
LOAD_STAMP := $(VENV)/.installed-load
READ_LOAD_REQUIREMENTS := 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print("\n".join(p["optional-dependencies"]["load"]))'
$(LOAD_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/python -c $(READ_LOAD_REQUIREMENTS) > $(VENV)/requirements-load.txt
	$(BIN)/python -m pip install -r $(VENV)/requirements-load.txt
	touch $@

loadtest: $(STAMP) $(LOAD_STAMP) messages
	$(BIN)/python devtools/loadtest.py

# The whole site (database and uploaded files) to one archive, and back into an empty
# installation (docs/operations.md, "Backup and restore"). Uses the current environment's settings.
backup: $(STAMP)
	$(BIN)/python manage.py backup_site "$${ARCHIVE:?Set ARCHIVE=path/to/backup.tar.gz}"

restore: $(STAMP)
	$(BIN)/python manage.py restore_site "$${ARCHIVE:?Set ARCHIVE=path/to/backup.tar.gz}"

# The Nu HTML Checker on every public page type and Lighthouse on five pages, against the
# starter site in a throwaway database (devtools/audit/run_audit.py). Needs Java, Node.js with
# npm and Chromium (Debian: default-jre-headless nodejs npm chromium). The checkers come from
# npm at the exact versions in devtools/audit/package-lock.json, into
# devtools/audit/node_modules/ (not committed);
# --ignore-scripts: vnu-jar would otherwise download a Java of its own.
AUDIT_TOOLS := devtools/audit/node_modules/.installed
$(AUDIT_TOOLS): devtools/audit/package.json devtools/audit/package-lock.json
	cd devtools/audit && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

audit: $(STAMP) $(AUDIT_TOOLS) messages
	$(BIN)/python devtools/audit/run_audit.py

clean:
	rm -rf $(VENV) db.sqlite3
	if [ -d media ]; then find media -mindepth 1 ! -path media/.gitkeep -delete; fi
