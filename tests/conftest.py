"""Shared fixtures: Sphinx's own testing fixtures, and the real site built once.

What the tests share otherwise is in sphinx_work_history.testing (the
package's helpers) and site_testing (the site's)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from site_testing import BOOK, PROJECT, ROOTS, build_site
from sphinx_work_history.testing import (
    SOURCE_DATE_EPOCH,
    long_groups_first,
    mark_fast,
    require_tool,
)

pytest_plugins = ("sphinx.testing.fixtures", "browsing")

#: The fast tier (`make fast-test`, marked ``fast``): the modules that never build
#: the site (its configuration, the suite's own rules).
# The xdist groups that run longest (make dist and what reads it; the wheel's fresh
# environments): started first.
LONG_GROUPS = frozenset({"dist", "wheel"})
FAST_MODULES = frozenset({"test_package_pins.py", "test_site_config.py",
                          "test_suite_rules.py", "test_xdist_groups.py"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_fast(items, Path(__file__).resolve().parent, FAST_MODULES)
    long_groups_first(items, LONG_GROUPS)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where `@pytest.mark.sphinx(testroot=...)` finds its test roots."""
    return ROOTS


@pytest.fixture(scope="session")
def site_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site's HTML output, built once per test session."""
    outdir = tmp_path_factory.mktemp("site") / "html"
    build_site("html", outdir)
    return outdir


@pytest.fixture(scope="session")
def site_cv_pdf(tmp_path_factory) -> Path:
    """The site's CV through sphinx-work-history's cv-pdf builder (Typst, no TeX), as
    `make cv` builds the full CV, once per session."""
    outdir = tmp_path_factory.mktemp("cv-pdf") / "out"
    build_site("cv-pdf", outdir)
    return outdir


@pytest.fixture(scope="session")
def site_latex(tmp_path_factory) -> Path:
    """The site's LaTeX build, made into a PDF by latexmk (as `make latexpdf`), once per session."""
    latexmk = require_tool("latexmk")
    require_tool("lualatex")
    outdir = tmp_path_factory.mktemp("pdf") / "latex"
    build_site("latex", outdir)
    # As Read the Docs runs it: Sphinx's latexmkrc maps -pdf to LuaLaTeX.
    result = subprocess.run(
        [latexmk, "-r", "latexmkrc", "-pdf", "-dvi-", "-ps-", "-interaction=nonstopmode",
         "-halt-on-error", f"{BOOK}.tex"],
        cwd=outdir, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, (
        f"latexmk failed:\n{result.stdout[-3000:]}\n{result.stderr[-2000:]}")
    return outdir


@pytest.fixture(scope="session")
def site_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make dist`, once per session, into a build folder of its own: under it
    ``dist/`` (the site with every format beside it), ``cv/`` (the four PDFs,
    through cv-pdf), ``epub/``, ``cv-docx/``, ``cv-text/`` and ``cv-markdown/``.
    The tests that read those build artefacts share it (pytest-xdist's group
    "dist" keeps them on one worker)."""
    require_tool("make")
    builddir = tmp_path_factory.mktemp("dist-build")
    result = subprocess.run(
        ["make", "-C", str(PROJECT), "dist", f"BUILDDIR={builddir}", f"VENV={sys.prefix}",
         f"PYTHON={sys.executable}"],
        capture_output=True, text=True, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
    )
    assert result.returncode == 0, f"{result.stdout[-4000:]}\n{result.stderr[-3000:]}"
    return builddir
