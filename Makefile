# tournage — two commands: `make demo` (install + run the demo) and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install lint typecheck imports unit unit-postgres e2e messages bench clean

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## make demo: install everything, then load the demo production and serve it.
demo: install
	$(BIN)/tournage demo

## make test: install everything, then lint, type-check and run every test suite.
test: install lint typecheck imports unit unit-postgres e2e

lint: install
	$(BIN)/ruff check src tests

typecheck: install
	$(BIN)/mypy

imports: install
	$(BIN)/lint-imports

unit: install
	$(BIN)/pytest -m "not e2e" -q -p no:randomly

# PostgreSQL: DATABASE_URL if set, else the local server (127.0.0.1:5432, trust auth).
unit-postgres: install
	DATABASE_URL=$${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/tournage} \
	  $(BIN)/pytest -m "not e2e" -q

e2e: install
	$(BIN)/pytest -m e2e -q

bench: install
	$(BIN)/pytest tests/bench -o addopts="" --benchmark-only -q

messages: install
	for app in src/tournage/web/*/; do \
	  if [ -d $$app/locale ]; then (cd $$app && ../../../../$(BIN)/django-admin makemessages -l fr --settings=tournage.web.settings >/dev/null && ../../../../$(BIN)/django-admin compilemessages --settings=tournage.web.settings >/dev/null); fi; \
	done

clean:
	rm -rf $(VENV) .tournage
