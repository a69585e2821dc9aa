"""The settings as the extension reads them: one typed, frozen view of the values
values.py registers and checks (config/settings.py)."""

from __future__ import annotations

import ast
from dataclasses import FrozenInstanceError, fields
from pathlib import Path

import pytest

from sphinx_work_history.config.settings import PREFIX, WorkHistoryConfig, work_history_config
from sphinx_work_history.config.values import VALUES
from sphinx_work_history.model.dates import PartialDate
from sphinx_work_history.testing import build, copy_root

ROOT = Path(__file__).resolve().parent / "roots" / "test-variants"


def test_the_view_has_a_field_for_each_registered_value():
    assert {field.name for field in fields(WorkHistoryConfig)} == {
        name.removeprefix(PREFIX) for name in VALUES}


@pytest.mark.parametrize(("variant", "chosen", "budget"), [
    ("db", "db", 2),  # as -D work_history_variant=db gives it
    ("one", "one", 1),
    ("nothing", "", 3),  # an unknown variant (a warning): the full CV, conf.py's budget
    ("", "", 3),
])
def test_a_build_reads_the_checked_values_once(tmp_path, variant, chosen, budget):
    overrides = {"work_history_variant": variant} if variant else {}
    app = build(copy_root(ROOT, tmp_path / "src"), "html", confoverrides=overrides)
    settings = work_history_config(app)
    assert work_history_config(app.env) is settings is work_history_config(app.config)
    assert settings.today == PartialDate.parse("2026-11-27")
    assert settings.hub == "index"
    assert settings.variant == chosen
    assert (settings.current_variant.name if settings.current_variant else "") == chosen
    assert settings.page_budget == budget
    with pytest.raises(FrozenInstanceError):
        settings.variant = "db"  # type: ignore[misc]


def test_nothing_but_the_checks_reads_a_value_past_the_accessor():
    """``config.work_history_*`` is read by values.py's checks (and variants.py's,
    applications.py's, and the view's making) only: every other module reads
    `work_history_config`."""
    package = Path(__file__).resolve().parents[1] / "src" / "sphinx_work_history"
    checks = {"config/values.py", "config/variants.py", "config/applications.py",
              "config/settings.py"}
    readers = set()
    for path in package.rglob("*.py"):
        if path.relative_to(package).as_posix() in checks:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr in VALUES
                    and isinstance(node.ctx, ast.Load)):
                readers.add(f"{path.relative_to(package).as_posix()}:{node.lineno}")
    assert not readers
