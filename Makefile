# Styrgraf: set up, run, test. Everything happens in ./.venv.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STORE ?= var/store

.PHONY: system-packages browser-packages web-test-tools install run test bench bench-store bench-analysis bench-api bench-links corpus-pdf clean

# Installs the Debian packages named in $(1) that are missing (as root, with apt-get), or says which to install.
define debian_install
	@missing="$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done)"; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Installera Debian-paketen: $$missing (apt-get install $$missing)"; fi; \
	fi
endef

# Debian packages Styrgraf uses when present: the Swedish word list that tells names from common words.
DEBIAN_PACKAGES := hunspell-sv
system-packages:
	$(call debian_install,$(DEBIAN_PACKAGES))

# The web pages' browser tests (tests/api/web/): Debian's Chromium, driven by Playwright from
# PyPI (which never downloads a browser of its own here), and axe-core from npm into node_modules/.
BROWSER_PACKAGES := chromium
browser-packages:
	$(call debian_install,$(BROWSER_PACKAGES))

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
	$(BIN)/pytest -q --durations=15

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

# Time to link one new document into stores of 1 000, 3 000 and 10 000 linked documents (LINK_SIZES).
LINK_SIZES ?= 1000,3000,10000
bench-links: install
	$(BIN)/python bench/bench_links.py --sizes $(LINK_SIZES)

# Needs wrk, a Debian package: apt-get install wrk
bench-api: install
	$(BIN)/python bench/bench_api.py --docs $(DOCS)

clean:
	rm -rf $(VENV) var build *.egg-info node_modules test-output
