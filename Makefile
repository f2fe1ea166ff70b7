# thinktank: `make run` serves the demo site, `make test` runs the whole suite,
# `make serve` runs the production configuration (gunicorn and the task worker).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
export DJANGO_DEBUG ?= 1

.PHONY: setup run test lint serve check-deploy demo migrate messages messages-extract clean bench bench-data

$(VENV)/.installed: pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "thinktank needs Python 3.12 or newer (found %s). Install 3.13 or set PYTHON=python3.13." % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c constraints.txt -e ".[test]"
	@touch $@

# The Arabic typefaces the site serves and the browser tests' axe-core (package.json), from npm.
FONTS := node_modules/.fonts-installed
$(FONTS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

setup: $(VENV)/.installed $(FONTS) messages

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

# The pictures and PDFs that demo/content.json names are drawn in code
# (demo/build_demo.py), into folders git ignores, again when a script changes.
DEMO_FILES := demo/files/.complete
$(DEMO_FILES): $(VENV)/.installed $(wildcard demo/*.py)
	$(PY) demo/build_demo.py --files

demo: migrate $(DEMO_FILES)
	$(PY) manage.py import_content demo/content.json
	$(PY) manage.py ensure_demo_users

run: demo
	$(PY) manage.py collectstatic --no-input -v 0
	$(PY) manage.py runserver 127.0.0.1:8000

# The production configuration on this machine: DEBUG off, gunicorn
# (gunicorn.conf.py) and the task worker (deploy/serve), PostgreSQL and Redis
# when DATABASE_URL and DJANGO_REDIS_URL are set. The secret key is made once
# into .secret_key unless DJANGO_SECRET_KEY is set. DEMO=1 loads the demo
# institute and its logins first.
SECRET_KEY_FILE := .secret_key
$(SECRET_KEY_FILE):
	@umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

serve check-deploy: export DJANGO_DEBUG = 0
serve check-deploy: export DJANGO_SECRET_KEY_FILE ?= $(abspath $(SECRET_KEY_FILE))
serve check-deploy: export DJANGO_TASKS_BACKEND ?= db
serve check-deploy: export DJANGO_SECURE_HSTS_SECONDS ?= 3600

# Django's deployment checks under `make serve`'s settings (a test runs it).
check-deploy: $(SECRET_KEY_FILE)
	$(PY) manage.py check --deploy --fail-level WARNING

serve: $(SECRET_KEY_FILE) setup $(if $(filter 1,$(DEMO)),$(DEMO_FILES))
	$(PY) manage.py migrate --no-input -v 0
	@if [ "$(DEMO)" = 1 ]; then $(PY) manage.py import_content demo/content.json && $(PY) manage.py ensure_demo_users; fi
	$(PY) manage.py collectstatic --no-input -v 0
	$(PY) manage.py check --deploy --fail-level WARNING
	deploy/serve

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

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
