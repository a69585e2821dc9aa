"""The package's corpus of hostile input, set as the site sets its CV: the site's
LaTeX settings (LuaLaTeX, tefcv.sty, its fonts and header) and its `publishing` and
`pdf_fonts` extensions.
The PDF still builds, and the corpus shows as text.

The corpus and its own checks (warnings, HTML, LaTeX with plain settings) are
the package's: sphinx-work-history/tests/test_hostile_input.py.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from site_testing import PROJECT
from sphinx_work_history.testing import SOURCE_DATE_EPOCH, require_tool, sphinx_build

HOSTILE = PROJECT / "sphinx-work-history" / "tests" / "roots" / "test-hostile"
PLACED = re.compile(r"^(?P<file>[^\n]+?\.md):(?P<line>\d+): (?:WARNING|ERROR): .*$")
# The site's conf.py, read from the repository, keeping what shapes the PDF.
CONF = f'''\
import runpy
import sys

sys.path.insert(0, {str(PROJECT / "_ext")!r})
_site = runpy.run_path({str(PROJECT / "conf.py")!r}, init_globals={{"tags": tags}})
globals().update({{k: v for k, v in _site.items() if k.startswith("latex_")}})
latex_additional_files = [{str(PROJECT)!r} + "/" + f for f in _site["latex_additional_files"]]
extensions = [e for e in _site["extensions"]
              if e in ("myst_parser", "sphinx_work_history", "publishing", "pdf_fonts")]
work_history_latex_fonts = _site["work_history_latex_fonts"]
work_history_person = _site["work_history_person"]
myst_enable_extensions = _site["myst_enable_extensions"]
project = "hostile"
root_doc = "index"
latex_documents = [("index", "hostile.tex", "Hostile input", "tests", "howto")]
work_history_today = "2026-11-27"
'''


@pytest.fixture(scope="module")
def latex(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("site-hostile")
    src = base / "src"
    shutil.copytree(HOSTILE, src, ignore=shutil.ignore_patterns("conf.py"))
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    out = base / "latex"
    result = sphinx_build(src, out, "latex", "--keep-going", "-n", "-w",
                          str(base / "warnings.txt"), strict=False, must_pass=True)
    assert "Traceback" not in result.stderr, result.stderr[-4000:]
    warnings = (base / "warnings.txt").read_text(encoding="utf-8").splitlines()
    assert warnings, "the corpus gave no warnings"
    unplaced = [line for line in warnings if not PLACED.match(line)]
    assert not unplaced, "\n".join(unplaced[:20])
    return out


@pytest.mark.slow
def test_the_site_latex_settings_set_the_corpus_and_the_pdf_builds(latex):
    tex = (latex / "hostile.tex").read_text(encoding="utf-8")
    assert r"\usepackage{tefcv}" in tex
    assert r"\workhistorycvheader{" in tex  # the CV's header, not Sphinx's title page
    require_tool("latexmk")
    result = subprocess.run(["make", "-C", str(latex), "all-pdf", "LATEXMKOPTS=-silent"],
                            capture_output=True, text=True, check=False,
                            env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    log = (latex / "hostile.log").read_text(encoding="utf-8", errors="replace")
    assert result.returncode == 0, result.stdout[-2000:] + log[-3000:]
    errors = re.findall(r"^! .*$", log, re.MULTILINE)  # LaTeX's error lines
    assert errors == [], errors
    text = subprocess.run([require_tool("pdftotext"), str(latex / "hostile.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    text = " ".join(text.split())
    for shown in ("input{/etc/passwd}", "% comment? # hash", "AT&T", "}}}}{{{{ %%%%"):
        assert shown in text, shown
