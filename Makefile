# thinktank: `make run` serves the demo site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
export DJANGO_DEBUG ?= 1

.PHONY: setup run test lint serve demo migrate messages messages-extract clean bench bench-data

$(VENV)/.installed: pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "thinktank needs Python 3.12 or newer (found %s). Install 3.13 or set PYTHON=python3.13." % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c constraints.txt -e ".[test]"
	@touch $@

setup: $(VENV)/.installed messages

# Compiled message catalogues are build output, not source.
messages: $(VENV)/.installed
	@$(PY) manage.py compilemessages --ignore=.venv -v 0

# Every language's catalogue, updated with the messages of the code, the admin's
# Django templates and the public site's Jinja2 templates (the project's own
# makemessages: thinktank/management/commands/makemessages.py).
messages-extract: $(VENV)/.installed
	$(PY) manage.py makemessages --all --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=media

migrate: setup
	$(PY) manage.py migrate --no-input -v 0

demo: migrate
	$(PY) manage.py import_content demo/content.json
	$(PY) manage.py ensure_demo_users

run: demo
	$(PY) manage.py collectstatic --no-input -v 0
	$(PY) manage.py runserver 127.0.0.1:8000

lint: setup
	$(VENV)/bin/ruff check .

test: lint
	$(VENV)/bin/pytest -q

# A synthetic archive, then each page type measured on it (docs/performance.md),
# on the database of DATABASE_URL, with DEBUG off.
ARTICLES ?= 100000
bench-data: migrate
	DJANGO_DEBUG=0 $(PY) manage.py generate_content --articles $(ARTICLES)

bench: setup
	DJANGO_DEBUG=0 $(PY) manage.py collectstatic --no-input -v 0
	DJANGO_DEBUG=0 $(PY) manage.py bench

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
