# Two commands on a fresh clone: `make lesson` and `make test`.
# Both create the virtual environment in .venv on first use and reinstall when pyproject.toml
# changes: `make lesson` installs the package alone, `make test` adds its test extras.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: lesson test lint bench clean browser

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	  || { echo "dlcourse needs Python 3.11 or newer; set PYTHON=python3.x"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.lesson: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@ $(VENV)/.lesson

lesson: $(VENV)/.lesson
	$(BIN)/dlcourse lesson1

test: $(VENV)/.test browser
	$(BIN)/ruff check src tests benchmarks docs/examples
	$(BIN)/python -m pytest

# The report's browser test needs Chromium: installed where we can (root with apt-get),
# otherwise that one test is skipped and says why.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	    echo "installing chromium for the report's browser test" && \
	    apt-get update -qq >/dev/null && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
	  echo "note: no chromium and no way to install it here; the browser test will be skipped"

lint: $(VENV)/.test
	$(BIN)/ruff check src tests benchmarks docs/examples
	$(BIN)/ruff format --check src tests benchmarks docs/examples

bench: $(VENV)/.test
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) out build src/*.egg-info
