# Two entry points: `make run` (build the seed graph, answer, export) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install bench accuracy lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

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

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/build_speed.py

accuracy: $(STAMP)
	$(BIN)/kg eval all --write docs/accuracy.md

clean:
	rm -rf .kg exports/*.graphml exports/*.gexf

lint: $(STAMP)
	$(BIN)/ruff check kg tests bench
