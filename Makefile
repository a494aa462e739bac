# The two commands: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PORT ?= 8000

.PHONY: run test lint venv clean translations messages pretalx

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@

venv: $(VENV)/.dev

# pretalx's frab importer, a real client of schedule.xml (tests/sessions/test_frab_pretalx.py).
# It needs a Django of its own, so it gets a virtualenv of its own.
PRETALX_VENV := .venv-pretalx
$(PRETALX_VENV)/.ready:
	$(PYTHON) -m venv $(PRETALX_VENV)
	$(PRETALX_VENV)/bin/pip install --quiet pretalx==2023.1.3
	touch $@

pretalx: $(PRETALX_VENV)/.ready

# The .mo files are built from the .po files in git, by Babel (no system gettext needed).
translations: $(VENV)/.runtime
	$(BIN)/pybabel -q compile -d locale -D django

# Extract the strings of the code and templates into every catalogue (scripts/messages.py).
messages: $(VENV)/.runtime
	$(BIN)/python scripts/messages.py

run: $(VENV)/.runtime translations
	bash scripts/run.sh

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test: lint translations pretalx
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

clean:
	rm -rf $(VENV) $(PRETALX_VENV) .pytest_cache .ruff_cache
