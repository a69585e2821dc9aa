"""Shared fixtures: Sphinx's own testing fixtures, and the real site built once."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures", "browsing")

PROJECT = Path(__file__).resolve().parent.parent
ROOTS = Path(__file__).resolve().parent / "roots"
STRICT = ["-W", "--keep-going", "-n", "-T"]
# A fixed date: durations of ongoing roles and the build are reproducible.
SOURCE_DATE_EPOCH = "1795737600"  # 2026-11-27


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where `@pytest.mark.sphinx(testroot=...)` finds its test roots."""
    return ROOTS


def build_site(builder: str, outdir: Path, *extra: str, env: dict | None = None
               ) -> subprocess.CompletedProcess:
    """Build the real site, as `make` does, into *outdir*; fail on any warning."""
    run_env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, **(env or {})}
    doctrees = outdir.parent / f"{outdir.name}.doctrees"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", *STRICT, "-b", builder, "-d", str(doctrees),
         *extra, str(PROJECT), str(outdir)],
        capture_output=True, text=True, env=run_env, check=False,
    )
    assert result.returncode == 0, f"{builder} build failed:\n{result.stdout}\n{result.stderr}"
    return result


def require_tool(name: str) -> str:
    """The path of a command the test needs: fail under CI, skip elsewhere."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (CI installs it: see .ci/run)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def require_fonts(*names: str) -> dict[str, str]:
    """The paths of font files kpathsea finds (as LuaTeX does): fail under CI,
    skip elsewhere, when one is missing."""
    kpsewhich = require_tool("kpsewhich")
    out = subprocess.run([kpsewhich, *names], capture_output=True, text=True, check=False).stdout
    paths = {Path(line).name: line for line in out.splitlines() if line}
    missing = [name for name in names if name not in paths]
    if missing:
        message = f"fonts not installed: {', '.join(missing)} (CI installs them: see .ci/run)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return paths
def require_module(name: str):
    """A module the test needs, imported: fail under CI, skip elsewhere.

    pytest.importorskip would skip under CI too, and a suite whose browser
    tests all skip would pass. Every test needing an optional module uses this.
    """
    try:
        return importlib.import_module(name)
    except ImportError as error:
        message = f"{name} cannot be imported ({error}; requirements-test.txt installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def site_html(tmp_path_factory) -> Path:
    """The site's HTML output, built once per test session."""
    outdir = tmp_path_factory.mktemp("site") / "html"
    build_site("html", outdir)
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
         "-halt-on-error", "tef-cv.tex"],
        cwd=outdir, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, \
        f"latexmk failed:\n{result.stdout[-3000:]}\n{result.stderr[-2000:]}"
    return outdir
