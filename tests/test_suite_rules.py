"""The suite cannot pass by accident: a missing module fails CI, rewritten
snapshots fail the run, and CI's random tests draw new inputs, seed shown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sphinx_work_history.testing import (
    check_snapshot,
    draw_hypothesis_seed,
    hypothesis_seed,
    require_module,
)

TESTS = Path(__file__).resolve().parent


def test_a_missing_module_fails_under_ci_and_skips_elsewhere(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no_such_module_here"):
        require_module("no_such_module_here")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="no_such_module_here"):
        require_module("no_such_module_here")
    assert require_module("json").dumps([]) == "[]"


def test_no_test_skips_on_a_missing_module_under_ci():
    """pytest.importorskip skips under CI too: every test uses require_module."""
    package_tests = TESTS.parent / "sphinx-work-history" / "tests"
    users = [path.name for path in sorted([*TESTS.rglob("*.py"), *package_tests.rglob("*.py")])
             if path != Path(__file__)
             and re.search(r"\bimportorskip\(", path.read_text(encoding="utf-8"))]
    assert users == []


def test_update_snapshots_rewrites_and_still_fails(tmp_path, monkeypatch):
    snapshot = tmp_path / "snapshots" / "one.xml"
    monkeypatch.delenv("UPDATE_SNAPSHOTS", raising=False)
    with pytest.raises(AssertionError, match=r"no snapshot one\.xml"):
        check_snapshot(snapshot, "new\n")

    monkeypatch.setenv("UPDATE_SNAPSHOTS", "1")
    with pytest.raises(pytest.fail.Exception, match=r"rewrote one\.xml"):
        check_snapshot(snapshot, "new\n")
    assert snapshot.read_text(encoding="utf-8") == "new\n"
    with pytest.raises(pytest.fail.Exception, match=r"kept one\.xml"):
        check_snapshot(snapshot, "new\n")  # unchanged: the run fails all the same

    monkeypatch.delenv("UPDATE_SNAPSHOTS")
    check_snapshot(snapshot, "new\n")
    with pytest.raises(AssertionError, match=r"one\.xml differs"):
        check_snapshot(snapshot, "newer\n")


def test_ci_draws_a_hypothesis_seed_and_a_given_one_replays(monkeypatch):
    monkeypatch.setenv("HYPOTHESIS_SEED", "")  # unset, and restored after the test
    monkeypatch.delenv("CI", raising=False)
    assert draw_hypothesis_seed() is None  # elsewhere: derandomised
    monkeypatch.setenv("CI", "true")
    drawn = draw_hypothesis_seed()
    assert isinstance(drawn, int)
    assert hypothesis_seed() == drawn  # one seed for the run
    assert draw_hypothesis_seed() == drawn
    monkeypatch.setenv("HYPOTHESIS_SEED", "1234")
    assert draw_hypothesis_seed() == 1234
