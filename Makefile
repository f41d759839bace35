# Two entry points, each self-contained on a fresh clone (Python 3.10+, pip, make).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint dev-score

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Install and attribute the quotes of the bundled seed article.
run: $(BIN)/python
	$(BIN)/pip install --quiet .
	$(BIN)/quoteattr seeds/000_c3f19f54ed547ed9.txt

# Install with the test tools and run the whole suite.
test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	$(BIN)/python -m pytest -q

lint: $(BIN)/python
	$(BIN)/ruff check quoteattr tests examples benchmarks

# Score against the shared dev gold (needs ../shared beside the project).
dev-score: $(BIN)/python
	$(BIN)/quoteattr evaluate ../shared/gold/dev.jsonl
	$(BIN)/quoteattr evaluate --ascii ../shared/gold/dev.jsonl
