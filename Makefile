# The two commands the README starts with. Both install what they need first.
PYTHON ?= python3
INDEX ?= index

.PHONY: install demo test lint bench

install:
	$(PYTHON) -m pip install -q --disable-pip-version-check -e '.[dev]'

demo: install
	handlingar ingest corpus/ --index $(INDEX)
	handlingar documents --index $(INDEX)
	handlingar search trygghetsdialog --index $(INDEX) --limit 3
	handlingar compare --plan 2020 --report 2021 --index $(INDEX) --format md
	handlingar quotes skjutningar --index $(INDEX) --format md

lint:
	ruff check .
	ruff format --check .
	mypy

test: install lint
	$(PYTHON) -m pytest

bench: install
	$(PYTHON) bench/ingest_bench.py
	$(PYTHON) bench/search_bench.py
	$(PYTHON) bench/memory_bench.py
