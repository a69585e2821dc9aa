# Sphinx's make-mode Makefile, plus the project's own targets.
#
#   make html | epub | latexpdf | linkcheck | clean | <any Sphinx builder>
#   make livehtml   live preview with sphinx-autobuild on 127.0.0.1
#   make livecv     the CV's PDF rebuilt on each save (cv-pdf) by one process:
#                   _build/cv-live/BOOK.pdf, a few tenths of a second after a save
#   make test       both test suites in one pytest run: the site's (tests/) and
#                   the package's (sphinx-work-history/tests); `make site-test` or
#                   `make package-test` runs one (PYTEST_ARGS=... for any; on both
#                   cores, PYTEST_XDIST="" runs them in one process);
#                   `make fast-test` runs the fast tier alone (marked `fast`
#                   by each suite's conftest.py: FAST_MODULES), in under a minute
#   make wheelhouse the wheels the package's wheel test installs offline
#   make package-matrix  the package's tests on every supported Sphinx
#   make lint       ruff and mypy over the whole repository (ruff.toml, mypy.ini):
#                   conf.py, _ext, scripts, both suites' tests, and the package;
#                   actionlint over the GitHub workflows (.github/workflows/)
#   make package-docs    the package's documentation, strictly
#   make bench      the benchmarks: build time, live PDF, builders at scale, page weight, Lighthouse;
#                   the last line names every measure over budget
#   make cv         the CV's PDFs, through Typst (cv-pdf, no TeX): _build/cv/BOOK.pdf
#                   and BOOK-NAME.pdf for each variant in conf.py (VARIANTS="NAME ..."
#                   picks some, without the applications), and each application's
#                   CV and letter, BOOK-cv-NAME.pdf and BOOK-letter-NAME.pdf (private:
#                   `make dist` copies none); BOOK, the CV's file name in every
#                   format, is conf.py's BOOK_NAME (`scripts/site_config.py book`)
#   make cv-docx    the CV as Word: _build/cv-docx/BOOK.docx
#   make cv-text    the CV as plain text, for forms: _build/cv-text/BOOK.txt
#   make cv-markdown  the CV as Markdown: _build/cv-markdown/BOOK.md
#   make cv-files   all three
#   make applications  each application's letter and CV (conf.py's
#                   work_history_applications), in every CV format: _build/applications
#                   (private: `make dist` never publishes them)
#   make dist       html + PDFs + ePub + the three CV files in _build/dist, ready for any static host
#                   (SITE_URL=https://... gives it canonical URLs and a sitemap)
#   make rtd        the build Read the Docs runs, reproduced (scripts/rtd_build.py)
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

$(VENV)/.build-deps: requirements.txt sphinx-work-history/pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed (set PYTHON=...)")'
	@test -x $(VENV_PY) || $(PYTHON) -m venv $(VENV)
	$(VENV_PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.build-deps
	$(VENV_PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

$(VENV)/.lint-deps: requirements-lint.txt $(VENV)/.test-deps
	$(VENV_PY) -m pip install --quiet --disable-pip-version-check -r requirements-lint.txt
	@touch $@

venv: $(VENV)/.test-deps

livehtml: $(VENV)/.build-deps
	$(VENV_PY) -m sphinx_autobuild "$(SOURCEDIR)" "$(BUILDDIR)/html" $(STRICT) $(SPHINXOPTS) \
		--host $(HOST) --port $(PORT) --ignore "$(BUILDDIR)" --ignore "$(VENV)" \
		--ignore "tests" --ignore ".git" --ignore "sphinx-work-history/.venvs" \
		--ignore "sphinx-work-history/docs/_build" --ignore "sphinx-work-history/docs/_generated" \
		--watch _ext --watch sphinx-work-history/src

# The CV's PDF, built again on each save by one process that keeps Sphinx and
# its environment (sphinx-work-history live: a save re-reads the changed pages
# alone): _build/cv-live/BOOK.pdf, replaced in one step by each build that
# succeeds (a failed one says where, and leaves the last good PDF). Open it in
# a viewer that reloads the file it shows.
livecv: $(VENV)/.build-deps
	$(VENV_PY) -m sphinx_work_history live -b cv-pdf -W -n "$(SOURCEDIR)" "$(BUILDDIR)/cv-live"

# The two suites in one run, with this folder's pytest.ini, in the site's
# environment (which installs the package from its folder): each suite has
# its own conftest, and the package's tests have their own configuration
# (its pyproject.toml) when run alone. Two workers (pytest-xdist); the tests
# that read `make dist`'s build are one group, on one worker, so it is built
# once (tests/conftest.py's site_dist).
PACKAGE      = sphinx-work-history
PYTEST_XDIST ?= -n 2 --dist loadgroup
test: $(VENV)/.test-deps
	$(VENV_PY) -m pytest $(PYTEST_XDIST) tests $(PACKAGE)/tests $(PYTEST_ARGS)

fast-test: $(VENV)/.test-deps
	$(VENV_PY) -m pytest $(PYTEST_XDIST) -m "fast and not slow and not browser and not wheel" \
		tests $(PACKAGE)/tests $(PYTEST_ARGS)

site-test: $(VENV)/.test-deps
	$(VENV_PY) -m pytest $(PYTEST_XDIST) $(PYTEST_ARGS)

package-test: $(VENV)/.test-deps
	cd $(PACKAGE) && $(abspath $(VENV_PY)) -m pytest $(PYTEST_XDIST) $(PYTEST_ARGS)

# pip download fetches wheels for the interpreter that runs it: `.ci/run`
# runs this once per Python (VENV=.venv-3.13 PYTHON=... for 3.13).
wheelhouse: $(VENV)/.build-deps
	$(MAKE) -C $(PACKAGE) wheelhouse PYTHON=$(abspath $(VENV_PY))

package-matrix:
	$(MAKE) -C $(PACKAGE) matrix

# Each runs, whatever the one before says; the target fails if any does.
lint: $(VENV)/.lint-deps
	@status=0; \
	$(VENV)/bin/ruff check . || status=1; \
	$(VENV)/bin/mypy || status=1; \
	$(VENV)/bin/actionlint || status=1; \
	exit $$status

package-docs:
	$(MAKE) -C $(PACKAGE) docs

# Lighthouse comes from npm, pinned in package-lock.json; only `bench` needs it.
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Every benchmark runs, whatever the one before says (scripts/bench_all.py); the
# last line names every measure over budget, and the target fails if one is.
bench: $(VENV)/.test-deps node_modules/.package-lock.json
	@$(VENV_PY) scripts/bench_all.py

# The CV as one file in each format (sphinx-work-history's builders).
CV_BUILDERS  = cv-docx cv-text cv-markdown
$(CV_BUILDERS): $(VENV)/.build-deps
	@$(SPHINXBUILD) -M $@ "$(SOURCEDIR)" "$(BUILDDIR)" $(STRICT) $(SPHINXOPTS)
cv-files: $(CV_BUILDERS)

# The full CV, each variant (conf.py's work_history_variants) and each
# application's CV and letter (work_history_applications), each through
# sphinx-work-history's cv-pdf builder (Typst, no TeX); a PDF past its page
# budget fails. VARIANTS="NAME ..." builds those only ("" is the full CV).
# `make latexpdf` still makes the CV through Sphinx's LaTeX builder.
CVDIR        = $(BUILDDIR)/cv
cv: $(VENV)/.build-deps
	$(VENV_PY) scripts/build_cv.py --srcdir "$(SOURCEDIR)" --builddir "$(BUILDDIR)" \
		$(if $(VARIANTS),--variants $(VARIANTS))

# Each application's letter and its variant's CV, in every CV format, in a folder
# of their own: the letters are private, and `make dist` copies nothing from it.
applications: $(VENV)/.build-deps
	$(VENV_PY) scripts/build_applications.py --srcdir "$(SOURCEDIR)" --builddir "$(BUILDDIR)"

# The PDFs, the ePub and the CV files go beside the HTML, which links them
# (-t downloads). Their file name is conf.py's BOOK_NAME, which the recipe
# reads through scripts/site_config.py once the environment exists (never
# while make reads this file: a first `make html` makes the environment).
# The PDFs are the full CV's and the variants' only (site_config.py's
# `published`): the applications' CVs and letters, which `make cv` builds into
# the same folder (checking that they build), stay there.
DISTDIR      = $(BUILDDIR)/dist
dist: $(VENV)/.build-deps
	rm -rf "$(DISTDIR)"
	$(VENV_PY) scripts/build_cv.py --srcdir "$(SOURCEDIR)" --builddir "$(BUILDDIR)"
	@$(SPHINXBUILD) -M epub "$(SOURCEDIR)" "$(BUILDDIR)" $(STRICT) $(SPHINXOPTS)
	@for builder in $(CV_BUILDERS); do \
		$(SPHINXBUILD) -M $$builder "$(SOURCEDIR)" "$(BUILDDIR)" $(STRICT) $(SPHINXOPTS) || exit 1; \
	done
	@SITE_URL="$(SITE_URL)" $(SPHINXBUILD) -b html -d "$(BUILDDIR)/doctrees" -t downloads \
		$(STRICT) $(SPHINXOPTS) "$(SOURCEDIR)" "$(DISTDIR)"
	@book="$$($(VENV_PY) scripts/site_config.py --srcdir "$(SOURCEDIR)" book)" && \
	pdfs="$$($(VENV_PY) scripts/site_config.py --srcdir "$(SOURCEDIR)" published)" && \
	for pdf in $$pdfs; do cp "$(CVDIR)/$$pdf" "$(DISTDIR)/" || exit 1; done && \
	cp "$(BUILDDIR)/epub/$$book.epub" "$(BUILDDIR)/cv-docx/$$book.docx" \
		"$(BUILDDIR)/cv-text/$$book.txt" "$(BUILDDIR)/cv-markdown/$$book.md" "$(DISTDIR)/" && \
	echo "The site, the CV's PDFs, and the CV as $$book.epub, .docx, .txt and .md are in $(DISTDIR)."

rtd: $(VENV)/.build-deps
	$(VENV_PY) scripts/rtd_build.py --output "$(BUILDDIR)/readthedocs"

clean:
	rm -rf "$(BUILDDIR)"

.PHONY: help venv livehtml livecv test fast-test site-test package-test wheelhouse package-matrix lint \
	package-docs bench cv applications cv-files $(CV_BUILDERS) dist rtd clean Makefile

# Files the rules above depend on are never Sphinx targets.
requirements.txt requirements-test.txt requirements-lint.txt package-lock.json sphinx-work-history/pyproject.toml: ;

# Everything else goes to Sphinx: html, epub, latexpdf, linkcheck, text, ...
%: Makefile $(VENV)/.build-deps
	@$(SPHINXBUILD) -M $@ "$(SOURCEDIR)" "$(BUILDDIR)" $(STRICT) $(SPHINXOPTS)
