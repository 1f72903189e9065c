# Two entry points: `make serve` and `make test`. Both create the virtualenv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
WORKERS ?= 2
HOST ?= 127.0.0.1
# A request the server's limits allow takes well under 2 s; the timeout is the backstop that frees a worker.
TIMEOUT ?= 10
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
STAMP := $(VENV)/.installed
STAMP_DEV := $(VENV)/.installed-dev

.PHONY: install install-dev browser serve wacht test test-yaml test-python benchmark clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The package and what it needs to run (the server, the command line); the tests' tools come with install-dev.
$(STAMP): $(BIN)/python setup.py
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

$(STAMP_DEV): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP_DEV)

install: $(STAMP)

install-dev: $(STAMP_DEV)

serve: install
	$(BIN)/gunicorn --bind $(HOST):$(PORT) --workers $(WORKERS) --timeout $(TIMEOUT) 'openfisca_toeslagen.toepassingen.server:maak_app()'

# Wait (at most a minute) until the server started by `make serve &` answers.
wacht: install
	@for i in $$(seq 60); do \
	  $(BIN)/python -c "import urllib.request; urllib.request.urlopen('http://$(HOST):$(PORT)/spec', timeout=1)" 2>/dev/null \
	    && { echo "de server antwoordt op http://$(HOST):$(PORT)"; exit 0; }; sleep 1; \
	done; echo "de server antwoordt niet na 60 s" >&2; exit 1

# The browser test drives Debian's Chromium; install it (as root, or with sudo) when it is missing.
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium chromium-driver

browser: $(CHROMIUM)

test-yaml: install-dev
	$(BIN)/openfisca test --country-package openfisca_toeslagen tests/regels

test-python: install-dev browser
	$(BIN)/pytest tests/python

test: test-yaml test-python

# The load test compares with openfisca-country-template under wrk (Debian's HTTP load generator); the
# instruction count uses valgrind (Debian) for a figure the machine's clock does not move.
/usr/bin/wrk /usr/bin/valgrind:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(notdir $@)

benchmark: install-dev /usr/bin/wrk /usr/bin/valgrind
	$(BIN)/pip install --quiet -e '.[dev,benchmark]'
	$(BIN)/python benchmarks/betalingsregeling.py
	$(BIN)/python benchmarks/hervormingen.py
	$(BIN)/python benchmarks/belastingtest.py
	$(BIN)/python benchmarks/instructies.py
	$(BIN)/python benchmarks/routes_populatie.py
	$(BIN)/python benchmarks/bestanden.py

clean:
	rm -rf $(VENV) build dist *.egg-info
