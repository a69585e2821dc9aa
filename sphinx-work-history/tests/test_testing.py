"""sphinx_work_history.testing ships in the wheel: it imports without the test
environments' packages, each imported by the function that needs it."""

from __future__ import annotations

import subprocess
import sys

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
