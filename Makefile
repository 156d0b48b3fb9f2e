# tournage — two commands: `make demo` (install + run the demo) and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install lint typecheck imports unit unit-postgres e2e messages bench fuzz fuzz-atheris load clean

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev,nlp]"
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
	$(BIN)/pytest -m "not e2e" -q

# PostgreSQL: DATABASE_URL if set, else the local server (127.0.0.1:5432, trust auth).
unit-postgres: install
	DATABASE_URL=$${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/tournage} \
	  $(BIN)/pytest -m "not e2e" -q

e2e: install
	$(BIN)/pytest -m e2e -q

# Fuzz every parser with FUZZ_EXAMPLES hypothesis examples each (100,000 by default).
fuzz: install
	TOURNAGE_FUZZ=1 $(BIN)/pytest tests/fuzz -q -o addopts="" -s

# atheris (libFuzzer) on each byte-level parser, one after the other: FUZZ_RUNS inputs or
# FUZZ_SECONDS each, whichever comes first; a crash stops the target and keeps its input.
FUZZ_RUNS ?= 100000
FUZZ_SECONDS ?= 600
ATHERIS_TARGETS ?= fountain fdx pdf pdf_layout subtitles edl otio ale resolve_csv expenses_csv expenses_xlsx devis_xlsx carbon_csv benchmark_csv benchmark_xlsx archive archive_rows
fuzz-atheris: install
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[fuzz]"
	for target in $(ATHERIS_TARGETS); do \
	  PYTHONPATH=src:tests $(BIN)/python -m fuzz.atheris_targets $$target -runs=$(FUZZ_RUNS) \
	    -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 -artifact_prefix=/tmp/fuzz-$$target- \
	    || exit 1; \
	done

# Load scenario (locust, tests/bench/load): the demo on PostgreSQL served by `tournage serve`,
# the client pinned to one core. LOAD_USERS users for LOAD_TIME; see README "Load".
LOAD_USERS ?= 20
LOAD_TIME ?= 60s
LOAD_HOST ?= http://127.0.0.1:8000
load: install
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[load]"
	taskset -c 1 $(BIN)/locust -f tests/bench/load/locustfile.py --headless --only-summary \
	  -u $(LOAD_USERS) -r 5 -t $(LOAD_TIME) --host $(LOAD_HOST)

bench: install
	$(BIN)/pytest tests/bench -o addopts="" --benchmark-only -q

# French catalogues: the foundation's (src/tournage/web/locale, filled from its fr.yaml
# table) and each domain app's own. The compiled .mo files are committed.
DOMAIN_APPS := screenplay scheduling budget carbon labor delivery accessibility referential development security closing safety followup rights
messages: install
	cd src/tournage/web && PYTHONPATH=../../../tests DJANGO_SETTINGS_MODULE=tournage_test_settings \
	  ../../../$(BIN)/django-admin makemessages -l fr $(foreach app,$(DOMAIN_APPS),--ignore "$(app)/*")
	$(BIN)/python tools/translate_fr.py src/tournage/web/locale/fr/LC_MESSAGES/django.po src/tournage/web/locale/fr.yaml
	for app in $(DOMAIN_APPS); do \
	  if [ -d src/tournage/web/$$app/locale ]; then \
	    (cd src/tournage/web/$$app && PYTHONPATH=../../../../tests DJANGO_SETTINGS_MODULE=tournage_test_settings \
	      ../../../../$(BIN)/django-admin makemessages -l fr && \
	      ../../../../$(BIN)/django-admin compilemessages) || exit 1; \
	  fi; \
	done

clean:
	rm -rf $(VENV) .tournage
