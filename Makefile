# Two commands do all set-up on a fresh machine: `make test` and `make demo`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
RUNTIME_STAMP := $(VENV)/.installed

.PHONY: test thorough demo bench mutate fuzz lint typecheck docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(RUNTIME_STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME_STAMP)

# The site is built first: the browser tests open it. Coverage starts before pytest, so it also
# sees kui-core's own pytest plugin (an entry point pytest loads early) being imported. pytest
# runs on every core (pytest-xdist); coverage follows the workers and combines their data.
test: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks docs
	$(BIN)/ruff format --check src tests examples benchmarks docs
	$(BIN)/mypy --strict src
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir $(VENV)/site
	rm -f .coverage .coverage.*
	KUI_SITE_DIR=$(VENV)/site $(BIN)/coverage run -m pytest --numprocesses auto
	$(BIN)/coverage combine --quiet
	$(BIN)/coverage report

# Every property test with 2,000 examples instead of 60 (about an hour; not part of `make test`).
thorough: $(STAMP)
	HYPOTHESIS_PROFILE=thorough nice -n 10 $(BIN)/python -m pytest -q -p no:cacheprovider --numprocesses auto

demo: $(RUNTIME_STAMP)
	$(BIN)/kui demo

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# Mutation testing of the rule modules (minutes; not part of `make test`): see docs/testing.md.
mutate: $(STAMP)
	nice -n 10 $(BIN)/python scripts/mutate.py $(MUTATE_ARGS)

# A long fuzz run of the JSON readers (about half an hour; not part of `make test`).
fuzz: $(STAMP)
	nice -n 10 $(BIN)/python scripts/fuzz.py $(or $(FUZZ_N),200000)

lint: $(STAMP)
	$(BIN)/ruff check --fix src tests examples benchmarks docs
	$(BIN)/ruff format src tests examples benchmarks docs

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache .coverage
