# The two commands the README starts with. Both install what they need first.
PYTHON ?= python3
INDEX ?= index

.PHONY: install system demo test test-quick lint bench bench-system

# OCR: Tesseract with its Swedish and English models and orientation detection (Debian's
# packages). Installed when missing and we are root; without it ingest still works and says
# how many pages were stored without text.
OCR_PACKAGES = tesseract-ocr tesseract-ocr-swe tesseract-ocr-eng tesseract-ocr-osd
# The browser tests of `handlingar serve`: Debian's Chromium and its WebDriver (nothing downloads a browser).
BROWSER_PACKAGES = chromium chromium-driver

# $(call apt_when_missing,CHECK,PACKAGES,WHY): install Debian PACKAGES when the shell test CHECK
# fails and we are root; otherwise say WHY and what to install.
define apt_when_missing
	@if ! { $(1); }; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
	  else \
	    echo "$(3): sudo apt-get install $(2)"; \
	  fi; \
	fi
endef

system:
	$(call apt_when_missing,tesseract --list-langs 2>/dev/null | grep -qx swe,$(OCR_PACKAGES),OCR needs Tesseract with Swedish)
	$(call apt_when_missing,command -v chromedriver >/dev/null 2>&1 && command -v chromium >/dev/null 2>&1,$(BROWSER_PACKAGES),The browser tests need)

install: system
	$(PYTHON) -m pip install -q --disable-pip-version-check -e '.[dev]'
	@# the bytecode an editable install does not write (nor Python, under PYTHONDONTWRITEBYTECODE): 40 ms of each start
	$(PYTHON) -m compileall -q pipeline cli.py options.py ingest_cli.py serve_cli.py watch_cli.py >/dev/null

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

# The edit loop: lint and the tests that run no OCR, no browser and no real-world PDF (their
# markers in pyproject.toml), stopping at the first failure. `make test` still runs them all.
test-quick: lint
	$(PYTHON) -m pytest -x -m "not ocr and not browser and not realworld"

# The benchmark's comparison: Recoll (Debian's recollcmd, with poppler's pdftotext for PDFs).
BENCH_PACKAGES = recollcmd poppler-utils

bench-system:
	$(call apt_when_missing,command -v recollindex >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1,$(BENCH_PACKAGES),The Recoll comparison needs)

bench: install bench-system
	$(PYTHON) bench/recoll_bench.py
	$(PYTHON) bench/scale_bench.py
	$(PYTHON) bench/ingest_bench.py
	$(PYTHON) bench/search_bench.py
	$(PYTHON) bench/memory_bench.py
