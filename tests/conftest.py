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


def pytest_configure(config) -> None:
    from support import draw_hypothesis_seed

    draw_hypothesis_seed()


def hypothesis_line() -> str:
    from support import hypothesis_seed

    if (seed := hypothesis_seed()) is None:
        return "hypothesis: derandomised (HYPOTHESIS_SEED=<n> randomises it; CI always does)"
    return f"hypothesis: seed {seed} (HYPOTHESIS_SEED={seed} replays this run)"


def pytest_report_header(config) -> str:
    return hypothesis_line()


def pytest_terminal_summary(terminalreporter) -> None:
    # Also at the end, beside any failure, and shown under -q as well.
    terminalreporter.write_line(hypothesis_line())


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where `@pytest.mark.sphinx(testroot=...)` finds its test roots."""
    return ROOTS


def build_site(builder: str, outdir: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
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
