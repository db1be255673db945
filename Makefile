# Two entry points: `make run` (build the seed graph, answer, export) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
JS     := tests/js
NODE   := $(JS)/node_modules/.installed

.PHONY: run test install browser bench accuracy lint clean

# pip's own output goes to .venv/pip.log and is shown only when the install fails
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install --quiet --upgrade pip > $(VENV)/pip.log 2>&1 || (cat $(VENV)/pip.log; exit 1)
	@$(BIN)/pip install --quiet -e '.[test]' >> $(VENV)/pip.log 2>&1 || (cat $(VENV)/pip.log; exit 1)
	touch $(STAMP)

# Gephi Lite's importers (graphology-gexf, graphology-graphml), pinned by tests/js/package-lock.json
$(NODE): $(JS)/package-lock.json
	@if command -v npm > /dev/null; then \
		cd $(JS) && npm ci --no-audit --no-fund --silent > /dev/null && touch node_modules/.installed; \
	else echo "npm not found: the Gephi Lite reader tests will be skipped"; fi

install: $(STAMP)

run: $(STAMP)
	$(BIN)/kg build seeds/
	$(BIN)/kg stats
	$(BIN)/kg claims --topic sanctions
	$(BIN)/kg export graphml
	$(BIN)/kg export gexf
	$(BIN)/kg export gexf --view events
	$(BIN)/kg export csv --view events
	$(BIN)/kg export trig

# Headless Chromium for the query page test: Debian's package, when the machine lets us install it
browser:
	@command -v chromium > /dev/null || { (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq chromium) > /tmp/kg-apt.log 2>&1 \
		|| echo "chromium could not be installed (see /tmp/kg-apt.log): the page test will be skipped"; }

test: $(STAMP) $(NODE) browser
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/build_speed.py

accuracy: $(STAMP)
	$(BIN)/kg eval all --write docs/accuracy.md

clean:
	rm -rf .kg exports/*.graphml exports/*.gexf exports/*-csv exports/kg.* $(JS)/node_modules

lint: $(STAMP)
	$(BIN)/ruff check kg tests bench
