"""scripts/build_cv.py (`make cv`, through cv-pdf) on a PDF past its page budget.

The budget itself is the package's (its tests/test_budget.py); here the
site's script must fail, say why, and leave no PDF for that variant.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from site_testing import PACKAGE_ROOTS, PROJECT
from sphinx_work_history.testing import copy_root

pytestmark = pytest.mark.slow

FILLER = "\n\n".join(["Kept the lights on while the data moved from the old systems to the "
                      "new ones, night after night, without losing a single row. " * 3] * 4)


def test_make_cv_fails_on_a_pdf_past_its_budget_and_says_why(tmp_path):
    """Through cv-pdf (no TeX): exit 1, the builder's message, no PDF for that variant."""
    root = copy_root(PACKAGE_ROOTS / "test-variants", tmp_path / "src")
    index = root / "index.md"
    text = index.read_text(encoding="utf-8")
    # Two entries long enough to need a second page (Typst sets text closer than LaTeX).
    for end in ("Taught children to code.", "Moved the data."):
        text = text.replace(end, f"{end}\n\n{FILLER}\n\n{FILLER}")
    index.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(PROJECT / "scripts" / "build_cv.py"), "--srcdir", str(root),
         "--builddir", str(tmp_path / "build"), "--variants", "", "one"],
        capture_output=True, text=True, check=False)
    assert result.returncode == 1
    message = " ".join(result.stderr.split())
    assert "one: the cv-pdf build failed" in message
    (pages,) = re.findall(r"the CV \(variant 'one'\) has (\d+) pages; its budget is 1\.", message)
    assert int(pages) >= 2
    assert "Past the budget: " in message
    assert "Pipes" in message
    assert "[work_history.page_budget]" in message
    cv = tmp_path / "build" / "cv"
    assert (cv / "variants.pdf").is_file()  # the full CV is within its budget
    assert not (cv / "variants-one.pdf").exists()
