"""scripts/build_cv.py (`make cv`) on a PDF past its page budget.

The budget itself is the package's (its tests/test_budget.py); here the
site's script must fail, say why, and leave no PDF for that variant.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from site_testing import PACKAGE_ROOTS, PROJECT
from sphinx_work_history.testing import copy_root, require_tool, unwrapped_tex_log

pytestmark = pytest.mark.slow

FILLER = "\n\n".join(["Kept the lights on while the data moved from the old systems to the "
                      "new ones, night after night, without losing a single row. " * 3] * 4)


def test_make_cv_fails_on_a_pdf_past_its_budget_and_says_why(tmp_path):
    require_tool("latexmk")
    root = copy_root(PACKAGE_ROOTS / "test-variants", tmp_path / "src")
    index = root / "index.md"
    text = index.read_text(encoding="utf-8")
    for end in ("Taught children to code.", "Moved the data."):  # two entries a page long
        text = text.replace(end, f"{end}\n\n{FILLER}")
    index.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(PROJECT / "scripts" / "build_cv.py"), "--srcdir", str(root),
         "--builddir", str(tmp_path / "build"), "--variants", "", "one"],
        capture_output=True, text=True, check=False)
    assert result.returncode == 1
    message = " ".join(unwrapped_tex_log(result.stderr).split())
    assert "one: latexmk failed" in message
    assert "The CV (variant `one') has 2 pages; its budget is 1." in message
    assert "Past the budget: " in message
    assert "Pipes" in message
    cv = tmp_path / "build" / "cv"
    assert (cv / "variants.pdf").is_file()  # the full CV is within its budget
    assert not (cv / "variants-one.pdf").exists()
