# Three commands on a fresh clone: `make lesson`, `make notebook` (learners) and `make test`.
# Each creates the virtual environment in .venv on first use and reinstalls when
# pyproject.toml changes: `make lesson` installs the package with numba, `make notebook` adds
# JupyterLab, `make test` adds the test extras. `make dist` builds the wheel and the sdist.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: lesson notebook test dist lint bench clean system

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	  || { echo "dlcourse needs Python 3.11 or newer; set PYTHON=python3.x"; exit 1; }
	$(PYTHON) -m venv $(VENV)

PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

$(VENV)/.lesson: pyproject.toml | $(BIN)/python
	$(PIP) -e '.[numba]'
	@touch $@

$(VENV)/.notebook: pyproject.toml | $(BIN)/python
	$(PIP) -e '.[numba,notebook]'
	@touch $@ $(VENV)/.lesson

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(PIP) -e '.[test]'
	@touch $@ $(VENV)/.lesson $(VENV)/.notebook

lesson: $(VENV)/.lesson
	$(BIN)/dlcourse lesson1

# The learner's notebook in JupyterLab (written into work/ when missing, never overwritten).
# Pass options through ARGS, e.g. make notebook ARGS="--port 8890 --no-browser".
notebook: $(VENV)/.notebook
	$(BIN)/dlcourse start $(ARGS)

# The wheel and the sdist a course hands out, in dist/.
dist: | $(BIN)/python
	$(PIP) build
	$(BIN)/python -m build --outdir dist .

test: $(VENV)/.test system
	$(BIN)/ruff check src tests benchmarks docs/examples
	$(BIN)/python -m pytest

# Debian packages some tests use: Chromium and its driver (the browser tests) and bubblewrap
# (the grader's sandbox). Installed where we can (root with apt-get); otherwise those tests
# are skipped and say why.
system:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  missing="$$missing chromium"; \
	command -v chromedriver >/dev/null 2>&1 || missing="$$missing chromium-driver"; \
	command -v bwrap >/dev/null 2>&1 || missing="$$missing bubblewrap"; \
	[ -z "$$missing" ] && exit 0; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing$$missing (Debian packages some tests use)"; \
	  { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq $$missing >/dev/null; } || \
	  echo "note: could not install$$missing; the tests that need them will be skipped"; \
	else \
	  echo "note:$$missing missing, and no way to install them here; their tests will be skipped"; \
	fi

lint: $(VENV)/.test
	$(BIN)/ruff check src tests benchmarks docs/examples
	$(BIN)/ruff format --check src tests benchmarks docs/examples

bench: $(VENV)/.test
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) out build dist src/*.egg-info
