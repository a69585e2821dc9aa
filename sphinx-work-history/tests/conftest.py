"""Sphinx's own testing fixtures and the test roots; what the tests share is
in sphinx_work_history.testing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sphinx_work_history.model import l10n
from sphinx_work_history.testing import (
    draw_hypothesis_seed,
    hypothesis_line,
    long_groups_first,
    mark_fast,
)

pytest_plugins = ("sphinx.testing.fixtures",)

TESTS = Path(__file__).resolve().parent
ROOTS = TESTS / "roots"

#: The fast tier (`make fast-test`, marked ``fast``): the modules that build nothing
#: (the model, the writers, the importers, the layers) or only small projects in a
#: few seconds. The others build many projects, in many formats, or start processes.
# The xdist group that runs longest (the wheel's fresh environments): started first.
LONG_GROUPS = frozenset({"wheel"})
FAST_MODULES = frozenset({
    "test_dates.py", "test_glyphs.py", "test_hub.py", "test_importers.py", "test_jsonld.py",
    "test_kinds.py", "test_latex_matter.py", "test_layers.py", "test_microformats.py",
    "test_publications.py", "test_orcid_import.py",
    "test_model_golden.py", "test_myst_writer.py", "test_package_source.py", "test_photo.py",
    "test_project_folder.py", "test_resume_json.py", "test_safety.py", "test_seed_report.py",
    "test_snapshots.py", "test_letters.py", "test_testing.py", "test_variants.py",
    "test_warnings.py",
    "test_writers.py",
})


def pytest_configure(config: pytest.Config) -> None:
    draw_hypothesis_seed()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_fast(items, TESTS, FAST_MODULES)
    long_groups_first(items, LONG_GROUPS)


def pytest_report_header(config: pytest.Config) -> str:
    return hypothesis_line()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    # Also at the end, beside any failure, and shown under -q as well.
    terminalreporter.write_line(hypothesis_line())


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where `@pytest.mark.sphinx(testroot=...)` finds its test roots."""
    return ROOTS


@pytest.fixture(scope="module", autouse=True)
def english_between_modules() -> Iterator[None]:
    """Each module starts in the package's English, as in a process of its own: a build
    in another language (a Sphinx application in this process) sets the language dates
    and words are written in, and nothing sets it back."""
    l10n.use(l10n.Language())
    yield
    l10n.use(l10n.Language())
