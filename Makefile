# Two commands for a fresh machine with Python 3.11:
#   make run    create .venv, install, migrate, load the curated dataset, create an admin, serve on 127.0.0.1:8000
#   make test   run the whole test suite (SQLite by default; set DATABASE_URL for PostgreSQL)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 3
# seconds a request may take before gunicorn kills its worker: an admin upload is ingested in the
# request, and a PDF near INGEST_MAX_BYTES takes 25-30 s of CPU to read (gunicorn's default is 30)
TIMEOUT ?= 120

.PHONY: run test serve install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

run: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput -v0
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_dataset
	DJANGO_DEBUG=1 $(BIN)/python manage.py ensure_admin --url http://$(HOST):$(PORT)
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production-style serving: gunicorn with whitenoise for static files.
# Needs DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS (and DATABASE_URL for PostgreSQL).
serve: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/gunicorn project.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) --timeout $(TIMEOUT) --access-logfile -

test: install
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) var
