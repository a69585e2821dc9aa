"""Sphinx's own testing fixtures, the test roots, and what the tests share."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)

TESTS = Path(__file__).resolve().parent
PACKAGE = TESTS.parent
ROOTS = TESTS / "roots"
# A fixed date: durations of ongoing roles and the builds are reproducible.
SOURCE_DATE_EPOCH = "1795737600"  # 2026-11-27


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
