"""sphinx_work_history.testing ships in the wheel: it imports without the test
environments' packages, each imported by the function that needs it; and it marks
the fast tier."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_work_history.testing import mark_fast

TEST_ONLY = ("pytest", "_pytest", "jsonschema", "mf2py", "bs4", "hypothesis", "html5lib")

IMPORT_BLOCKED = f"""
import sys
for name in {TEST_ONLY!r}:
    sys.modules[name] = None  # importing it raises ImportError
import sphinx_work_history.testing as testing
print(testing.STRICT)
"""


def test_imports_without_test_packages():
    result = subprocess.run([sys.executable, "-c", IMPORT_BLOCKED], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(["-W", "--keep-going", "-n", "-T"])


class _Item:
    def __init__(self, path: Path) -> None:
        self.path, self.markers = path, []

    def add_marker(self, marker: object) -> None:
        self.markers.append(marker)


def test_the_fast_tier_is_the_modules_named_and_a_missing_one_is_an_error(tmp_path):
    (tmp_path / "test_pure.py").write_text("", encoding="utf-8")
    (tmp_path / "test_builds.py").write_text("", encoding="utf-8")
    pure, builds = _Item(tmp_path / "test_pure.py"), _Item(tmp_path / "test_builds.py")
    mark_fast([pure, builds], tmp_path, frozenset({"test_pure.py"}))
    assert [m.name for m in pure.markers] == ["fast"]
    assert builds.markers == []
    with pytest.raises(pytest.UsageError, match=r"no test module test_renamed\.py"):
        mark_fast([], tmp_path, frozenset({"test_pure.py", "test_renamed.py"}))
