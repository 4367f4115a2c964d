# Styrgraf: set up, run, test. Everything happens in ./.venv.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STORE ?= var/store

.PHONY: system-packages browser-packages web-test-tools install run test bench bench-store bench-analysis bench-api corpus-pdf clean

# Debian packages Styrgraf uses when present: the Swedish word list that tells names from common words.
DEBIAN_PACKAGES := hunspell-sv
system-packages:
	@if [ -n "$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done)" ]; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBIAN_PACKAGES) >/dev/null; \
	  else echo "Installera Debian-paketen: $(DEBIAN_PACKAGES) (apt-get install $(DEBIAN_PACKAGES))"; fi; \
	fi

# The web pages' browser tests (tests/api/web/): Debian's Chromium, driven by Playwright from
# PyPI (which never downloads a browser of its own here), and axe-core from npm into node_modules/.
BROWSER_PACKAGES := chromium
browser-packages:
	@if [ -n "$$(for p in $(BROWSER_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done)" ]; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null; \
	  else echo "Installera Debian-paketen: $(BROWSER_PACKAGES) (apt-get install $(BROWSER_PACKAGES))"; fi; \
	fi

node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

web-test-tools: browser-packages node_modules/axe-core/axe.min.js

$(BIN)/.installed: pyproject.toml
	$(PY) -c 'import sys; assert sys.version_info >= (3, 11), "Styrgraf needs Python 3.11 or newer"'
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,bench]'
	touch $@

install: system-packages $(BIN)/.installed

# The main job: ingest corpus/ into the embedded store and serve the API on http://127.0.0.1:8000
run: install
	$(BIN)/styrgraf ingest --store $(STORE) corpus/
	$(BIN)/styrgraf serve --store $(STORE) --host 127.0.0.1 --port 8000

test: install web-test-tools
	$(BIN)/pytest -q

corpus-pdf: install
	$(BIN)/python corpus/build_pdf.py

# Benchmarks (see README, "Benchmarks"); DOCS sets the size of the synthetic corpus.
DOCS ?= 200
bench: install
	$(BIN)/python bench/bench_ingest.py

bench-store: install
	$(BIN)/python bench/bench_store.py --docs $(DOCS) --keep

bench-analysis: install
	$(BIN)/python bench/bench_analysis.py --docs $(DOCS)

# Needs wrk, a Debian package: apt-get install wrk
bench-api: install
	$(BIN)/python bench/bench_api.py --docs $(DOCS)

clean:
	rm -rf $(VENV) var build *.egg-info node_modules test-output
