# Sigap: the two promised commands are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# QR codes, printed verification addresses and e-mail links point here: the demo's
# own address unless SITE_URL is set.
SITE_URL ?= http://127.0.0.1:$(PORT)
STAMP := $(VENV)/.installed
# Python keeps the compiled modules it imports (__pycache__, ignored by git): an
# environment that turns this off makes every process (test workers, gunicorn,
# each `manage.py` a test runs) compile Django and Wagtail again, seconds each.
unexport PYTHONDONTWRITEBYTECODE
# Every dependency (main and dev) pinned for every supported Python: `make lock`
# writes it from pyproject.toml, `make install` installs exactly it.
LOCK := requirements.lock
UV := $(VENV)/bin/uv
UV_COMPILE := $(UV) pip compile pyproject.toml --extra dev --universal \
	--fork-strategy fewest --python-version 3.11 --custom-compile-command 'make lock'

.PHONY: demo lrs test test-browser install syscheck migrate seed serve worker lint typecheck lock lock-check format bench bench-short reliability backup restore messages clean

# The virtualenv with uv (the version the lock pins) in it: only python3 is needed.
$(UV):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Sigap memerlukan Python 3.11 atau lebih baru.")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check "$$(grep -E '^uv==' $(LOCK))"

# Exactly the lock: what is not in it is removed. Sigap itself is not installed (it
# runs from this directory; pyproject.toml declares no package).
$(STAMP): $(LOCK) | $(UV)
	$(UV) pip sync --quiet --python $(PY) $(LOCK)
	@touch $(STAMP)

install: $(STAMP) syscheck

## make lock: after changing the dependencies in pyproject.toml, pin them again in
## requirements.lock (pins that still fit are kept; LOCK_ARGS=--upgrade takes the
## newest of everything, LOCK_ARGS='--upgrade-package django' of one package)
lock: | $(UV)
	$(UV_COMPILE) --quiet $(LOCK_ARGS) -o $(LOCK)

## make lock-check: fails when requirements.lock is not what `make lock` would write
lock-check: | $(UV)
	@tmp=$$(mktemp); cp $(LOCK) $$tmp; $(UV_COMPILE) --quiet -o $$tmp \
	  && diff -u $(LOCK) $$tmp; status=$$?; rm -f $$tmp; \
	  [ $$status -eq 0 ] || echo "requirements.lock differs from what make lock writes: run make lock"; \
	  exit $$status

syscheck: $(STAMP)
	@$(PY) scripts/syscheck.py

migrate: install
	SIGAP_DEMO=1 $(PY) manage.py migrate --noinput

seed: migrate
	SIGAP_DEMO=1 SITE_URL=$(SITE_URL) $(PY) manage.py seed_demo

## make demo: set everything up on SQLite and serve Sigap at http://127.0.0.1:$(PORT)
demo: seed
	@echo "Sigap berjalan di http://127.0.0.1:$(PORT)  (akun demo: peserta@sigap.test / sigap-demo-2026)"
	SIGAP_DEMO=1 SITE_URL=$(SITE_URL) TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend $(PY) manage.py runserver 127.0.0.1:$(PORT)

## make lrs: optional, a learning record store for the demo's xAPI statements: Ralph
## (PyPI ralph-malph) in a virtualenv of its own ($(LRS_VENV), never Sigap's lock),
## serving http://127.0.0.1:$(LRS_PORT)/xAPI, statements in files under $(LRS_DIR),
## basic auth sigap / sigap-lrs-demo. Then run the demo with the SIGAP_XAPI_*
## settings of docs/interoperability.md; `make demo` alone does not need it.
LRS_VENV ?= .lrs-venv
LRS_PORT ?= 8100
LRS_DIR ?= var/lrs
RALPH ?= ralph-malph[lrs]==5.1.0
$(LRS_VENV)/.installed:
	@test -x $(LRS_VENV)/bin/python || $(PYTHON) -m venv $(LRS_VENV)
	$(LRS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check "$(RALPH)" requests
	@touch $@

lrs: $(LRS_VENV)/.installed
	$(LRS_VENV)/bin/python scripts/lrs.py --dir $(LRS_DIR) --port $(LRS_PORT)

## make worker: run background tasks and the scheduler (production-like)
worker: install
	$(PY) manage.py run_scheduler & $(PY) manage.py db_worker

## make test: install what is needed and run the whole test suite, one worker per
## core (pytest-xdist; each worker has its own test database and Redis database)
TEST_WORKERS ?= auto
test: install
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

## make test-browser: journeys in headless Chromium with axe-core accessibility
## checks, one worker per core (each serves its own seeded live site;
## BROWSER_WORKERS=1 for one)
BROWSER_WORKERS ?= $(TEST_WORKERS)
test-browser: install node_modules/.package-lock.json
	$(PY) -m pytest -m browser -n $(BROWSER_WORKERS) $(PYTEST_ARGS)

# axe-core (accessibility checks in browser tests) from npm, pinned by package-lock.json
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund; \
	else echo "npm not found: accessibility checks will be skipped (apt-get install npm)"; fi

## make bench: load and query benchmarks (gunicorn + PostgreSQL, 127.0.0.1 only) -> bench/report.md
bench: install
	$(PY) bench/run.py $(BENCH_ARGS)

## make bench-short: the same in a few seconds per scenario (CI) -> bench/results/report-short.md
bench-short: install
	$(PY) bench/run.py --short $(BENCH_ARGS)

## make reliability: worker killed mid-task, 500 malformed inputs per form, database
## outage (PostgreSQL), backup round trip; one worker per core, the tests sharing the
## seeded live database in one of them
reliability: install
	$(PY) -m pytest -m reliability -n $(TEST_WORKERS) tests/reliability $(PYTEST_ARGS)

## make backup: database + media + manifest into backups/sigap-<time>/ (BACKUP_DIR=...)
backup: install
	$(PY) scripts/backup.py backup --out $(or $(BACKUP_DIR),backups)

## make restore BACKUP=backups/sigap-<time>: replace the database and media, then verify
restore: install
	@test -n "$(BACKUP)" || (echo "Usage: make restore BACKUP=backups/sigap-YYYYmmdd-HHMMSS" && exit 2)
	$(PY) scripts/backup.py restore $(BACKUP)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/djhtml --check --tabwidth 2 templates
	$(VENV)/bin/lint-imports
	DEBUG=1 $(PY) -m mypy

## make typecheck: mypy (with django-stubs) over every services.py and selectors.py
## ([tool.mypy] in pyproject.toml); DEBUG=1 lets its Django plugin load the settings
typecheck: install
	DEBUG=1 $(PY) -m mypy

format: install
	$(PY) -m ruff format .
	$(VENV)/bin/djhtml --tabwidth 2 templates
	$(PY) -m ruff check --fix .

## make messages: after changing user-facing strings, extract them into
## locale/en/LC_MESSAGES/django.po, translate the new or fuzzy entries, run it again
## to compile django.mo, and commit both files (msgids are Bahasa Indonesia)
MESSAGES_IGNORE := --ignore=.venv --ignore=node_modules --ignore=staticfiles \
	--ignore=bench --ignore=tests --ignore=var --ignore=media
messages: install
	DEBUG=1 $(PY) manage.py makemessages -l en --no-obsolete --add-location=file $(MESSAGES_IGNORE)
	DEBUG=1 $(PY) manage.py compilemessages -l en -l id $(MESSAGES_IGNORE)

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
