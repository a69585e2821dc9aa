"""Shared fixtures: Sphinx's own testing fixtures, and the real site built once.

What the tests share otherwise is in sphinx_work_history.testing (the
package's helpers) and site_testing (the site's)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from site_testing import PROJECT, ROOTS, build_site
from sphinx_work_history.testing import SOURCE_DATE_EPOCH, require_tool

pytest_plugins = ("sphinx.testing.fixtures", "browsing")


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
def site_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make dist`, once per session, into a build folder of its own: under it
    ``dist/`` (the site with every format beside it), ``cv/`` (the four PDFs,
    each beside its LaTeX folder ``cv/latex-NAME``), ``epub/``, ``cv-docx/``,
    ``cv-text/`` and ``cv-markdown/``. The tests that read those build
    artefacts share it (pytest-xdist's group "dist" keeps them on one worker)."""
    require_tool("make")
    require_tool("latexmk")
    builddir = tmp_path_factory.mktemp("dist-build")
    result = subprocess.run(
        ["make", "-C", str(PROJECT), "dist", f"BUILDDIR={builddir}", f"VENV={sys.prefix}",
         f"PYTHON={sys.executable}"],
        capture_output=True, text=True, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
    )
    assert result.returncode == 0, f"{result.stdout[-4000:]}\n{result.stderr[-3000:]}"
    return builddir


@pytest.fixture(scope="session")
def site_latex(site_dist: Path) -> Path:
    """The site's LaTeX build, made into a PDF by latexmk (as `make latexpdf` and
    Read the Docs run it): the full CV's folder of `make dist`'s PDFs."""
    return site_dist / "cv" / "latex-full"
