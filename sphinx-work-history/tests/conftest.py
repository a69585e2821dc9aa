"""Sphinx's own testing fixtures and the test roots; what the tests share is
in sphinx_work_history.testing."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_work_history.testing import draw_hypothesis_seed, hypothesis_line

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).resolve().parent / "roots"


def pytest_configure(config: pytest.Config) -> None:
    draw_hypothesis_seed()


def pytest_report_header(config: pytest.Config) -> str:
    return hypothesis_line()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    # Also at the end, beside any failure, and shown under -q as well.
    terminalreporter.write_line(hypothesis_line())


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where `@pytest.mark.sphinx(testroot=...)` finds its test roots."""
    return ROOTS
