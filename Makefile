# Two commands on a fresh machine: `make demo` and `make test`. Each builds .venv by itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PROJECTS := pyproject.toml $(wildcard integrations/*/pyproject.toml)
EDITABLES := -e ".[dev]" $(foreach d,$(wildcard integrations/*/pyproject.toml),-e "$(dir $(d))[dev]")

# The oldest Python the packages claim (requires-python >= 3.10): the core tests run on it too.
PYTHON_OLDEST ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.10*/bin/python3.10) \
	$(shell command -v python3.10 2>/dev/null))
VENV_OLDEST := .venv-py310
STAMP_OLDEST := $(VENV_OLDEST)/.installed
CORE_TESTS := tests/core tests/sandbox tests/faces

.PHONY: demo test lint typecheck unit unit-oldest bench clean

$(STAMP): $(PROJECTS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(EDITABLES)
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m zendesk_talk_connector.demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy --strict src $(wildcard integrations/*/src) $(wildcard integrations/*/langchain_zendesk_talk)
	$(if $(wildcard integrations/llama-index/llama_index),MYPYPATH=integrations/llama-index $(BIN)/mypy --strict -p llama_index.tools.zendesk_talk)

unit: $(STAMP)
	$(BIN)/python -m pytest -q tests $(wildcard integrations/*/tests)

$(STAMP_OLDEST): pyproject.toml
	$(PYTHON_OLDEST) -m venv $(VENV_OLDEST)
	$(VENV_OLDEST)/bin/python -m pip install --quiet --upgrade pip
	$(VENV_OLDEST)/bin/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP_OLDEST)

# The core tests on Python 3.10, in a venv of their own; skipped (with a note) without 3.10.
unit-oldest:
ifeq ($(strip $(PYTHON_OLDEST)),)
	@echo "unit-oldest: SKIPPED, no Python 3.10 found (pyenv's ~/.pyenv/versions/3.10*, or python3.10 on PATH; set PYTHON_OLDEST=...)"
else
	$(MAKE) $(STAMP_OLDEST)
	$(VENV_OLDEST)/bin/python -m pytest -q $(CORE_TESTS)
endif

test: lint typecheck unit unit-oldest

# Not tests: writes benchmarks/results/ (report, chart, profiles of misses) and publishes the
# report and chart as benchmarks/REPORT.md and REPORT.png.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet matplotlib pyinstrument
	$(BIN)/python -m benchmarks.run --publish

clean:
	rm -rf $(VENV) $(VENV_OLDEST) .mypy_cache .ruff_cache .pytest_cache
