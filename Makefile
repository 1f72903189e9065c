# Two entry points: `make serve` and `make test`. Both create the virtualenv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
STAMP := $(VENV)/.installed

.PHONY: install serve test test-yaml test-python benchmark clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python setup.py
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

serve: install
	$(BIN)/openfisca serve --country-package openfisca_toeslagen --port $(PORT)

test-yaml: install
	$(BIN)/openfisca test --country-package openfisca_toeslagen tests/regels

test-python: install
	$(BIN)/pytest tests/python

test: test-yaml test-python

benchmark: install
	$(BIN)/python benchmarks/betalingsregeling.py
	$(BIN)/python benchmarks/hervormingen.py

clean:
	rm -rf $(VENV) build dist *.egg-info
