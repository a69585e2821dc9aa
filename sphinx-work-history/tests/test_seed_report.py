"""The report of a run names the seed of the randomised hypothesis tests."""

from __future__ import annotations

from sphinx_work_history.testing import hypothesis_line


def test_the_report_names_the_seed(monkeypatch):
    monkeypatch.setenv("HYPOTHESIS_SEED", "99")
    assert hypothesis_line() == "hypothesis: seed 99 (HYPOTHESIS_SEED=99 replays this run)"
    monkeypatch.setenv("HYPOTHESIS_SEED", "")
    assert hypothesis_line().startswith("hypothesis: derandomised")
