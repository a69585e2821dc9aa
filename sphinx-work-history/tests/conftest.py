"""Sphinx's own testing fixtures, the test roots, and what the tests share."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)

TESTS = Path(__file__).resolve().parent
PACKAGE = TESTS.parent
ROOTS = TESTS / "roots"
# A fixed date: durations of ongoing roles and the builds are reproducible.
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


def require_tool(name: str) -> str:
    """The path of a command the test needs: fail under CI, skip elsewhere."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (CI installs it)"
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
        message = f"fonts not installed: {', '.join(missing)} (CI installs them)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return paths
