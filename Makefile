# The two commands: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PORT ?= 8000

.PHONY: run test lint venv clean translations messages

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

test: lint translations
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
