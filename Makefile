# Two commands on a fresh machine: `make demo` and `make test`. Each builds .venv by itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PROJECTS := pyproject.toml $(wildcard integrations/*/pyproject.toml)
EDITABLES := -e ".[dev]" $(foreach d,$(wildcard integrations/*/pyproject.toml),-e "$(dir $(d))[dev]")

.PHONY: demo test lint typecheck unit bench clean

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

test: lint typecheck unit

# Not tests: writes benchmarks/results/ (report, chart, profiles of misses) and publishes the
# report and chart as benchmarks/REPORT.md and REPORT.png.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet matplotlib pyinstrument
	$(BIN)/python -m benchmarks.run --publish

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
