# Sphinx's make-mode Makefile, plus the project's own targets.
#
#   make html | epub | latexpdf | linkcheck | clean | <any Sphinx builder>
#   make livehtml   live preview with sphinx-autobuild on 127.0.0.1
#   make test       the test suite
#   make bench      the build-time benchmark
#
# The first target run creates (or refreshes, when a requirements file
# changed) the virtual environment in .venv from the pinned requirements.

PYTHON      ?= python3
VENV        ?= .venv
SPHINXOPTS  ?=
SOURCEDIR    = .
BUILDDIR     = _build
HOST        ?= 127.0.0.1
PORT        ?= 8000

VENV_PY      = $(VENV)/bin/python
SPHINXBUILD  = $(VENV_PY) -m sphinx
# A warning is a bug: every build is strict, nitpicky and reports them all.
STRICT       = -W --keep-going -n -T

.DEFAULT_GOAL := html

help: $(VENV)/.build-deps
	@$(SPHINXBUILD) -M help "$(SOURCEDIR)" "$(BUILDDIR)" $(SPHINXOPTS)

$(VENV)/.build-deps: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed (set PYTHON=...)")'
	@test -x $(VENV_PY) || $(PYTHON) -m venv $(VENV)
	$(VENV_PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.build-deps
	$(VENV_PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

venv: $(VENV)/.test-deps

livehtml: $(VENV)/.build-deps
	$(VENV_PY) -m sphinx_autobuild "$(SOURCEDIR)" "$(BUILDDIR)/html" $(STRICT) $(SPHINXOPTS) \
		--host $(HOST) --port $(PORT) --ignore "$(BUILDDIR)" --ignore "$(VENV)" \
		--ignore "tests" --ignore ".git" --watch _ext

test: $(VENV)/.test-deps
	$(VENV_PY) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.test-deps
	$(VENV_PY) scripts/bench.py

clean:
	rm -rf "$(BUILDDIR)"

.PHONY: help venv livehtml test bench clean Makefile

# Files the rules above depend on are never Sphinx targets.
requirements.txt requirements-test.txt: ;

# Everything else goes to Sphinx: html, epub, latexpdf, linkcheck, text, ...
%: Makefile $(VENV)/.build-deps
	@$(SPHINXBUILD) -M $@ "$(SOURCEDIR)" "$(BUILDDIR)" $(STRICT) $(SPHINXOPTS)
