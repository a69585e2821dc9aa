"""The page budget is enforced by the cv-pdf build and by the LaTeX run itself.

`make cv` (scripts/build_cv.py, through cv-pdf) fails on a PDF past its
budget. On Sphinx's LaTeX route (workhistory.sty), latexmk fails when the PDF runs
past the variant's `pages` (or `work_history_pages` for the full CV),
with a message naming the variant, its page count, its budget and the
entries past it.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from sphinx_work_history.testing import copy_root, require_tool, unwrapped_tex_log
from sphinx_work_history.testing import sphinx_build as sphinx

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent / "roots" / "test-variants"
FILLER = "\n\n".join(["Kept the lights on while the data moved from the old systems to the "
                      "new ones, night after night, without losing a single row. " * 3] * 4)


def latexmk(outdir, *extra: str) -> subprocess.CompletedProcess:
    """latexmk as Read the Docs runs it (with Sphinx's latexmkrc)."""
    return subprocess.run(
        [require_tool("latexmk"), "-r", "latexmkrc", "-pdf", "-dvi-", "-ps-",
         "-interaction=nonstopmode", *extra, "variants.tex"],
        cwd=outdir, capture_output=True, text=True, check=False)


def build_pdf(root, outdir, variant: str = "") -> subprocess.CompletedProcess:
    require_tool("pdflatex")
    sphinx(root, outdir, "latex", *(["-D", f"work_history_variant={variant}"] if variant else []))
    return latexmk(outdir)


@pytest.fixture
def long_root(tmp_path):
    """The test root, with two entries long enough to need a second page."""
    root = copy_root(ROOT, tmp_path / "src")
    index = root / "index.md"
    text = index.read_text(encoding="utf-8")
    text = text.replace("Taught children to code.", "Taught children to code.\n\n" + FILLER)
    text = text.replace("Moved the data.", "Moved the data.\n\n" + FILLER)
    index.write_text(text, encoding="utf-8")
    return root


# The style is engine-neutral: the same check under LuaLaTeX (with OpenType fonts).
LUALATEX = r'''
latex_engine = "lualatex"
latex_elements = {"fontpkg": r"\setmainfont{TeX Gyre Pagella}\setsansfont{TeX Gyre Heros}"
                             r"\setmonofont{TeX Gyre Cursor}"}
'''


@pytest.mark.parametrize("engine", ["pdflatex", "lualatex"])
def test_over_budget_fails_naming_variant_pages_budget_and_entries(long_root, tmp_path, engine):
    require_tool(engine)
    if engine == "lualatex":
        conf = long_root / "conf.py"
        conf.write_text(conf.read_text(encoding="utf-8") + LUALATEX, encoding="utf-8")
    out = tmp_path / "one"
    result = build_pdf(long_root, out, "one")
    assert result.returncode != 0
    log = unwrapped_tex_log((out / "variants.log").read_text(encoding="latin-1"))
    (error,) = re.findall(r"! Package workhistory Error: (.*?)\n\n", log, re.S)
    error = " ".join(error.split())
    assert "The CV (variant `one') has 2 pages; its budget is 1." in error
    past = error.split("Past the budget: ", 1)[1].rstrip(".")
    # Exactly the entries that reach page 2, each with its pages, as the
    # .aux file records where each entry starts and ends.
    aux = (out / "variants.aux").read_text(encoding="latin-1")
    starts = dict(re.findall(r"\\workhistory@start\{(.*?)\}\{(\d+)\}", aux))
    ends = re.findall(r"\\workhistory@end\{(.*?)\}\{(\d+)\}", aux)
    expected = [f"{name} (page {end})" if starts[name] == end
                else f"{name} (pages {starts[name]}-{end})"
                for name, end in ends if int(end) > 1]
    assert len(ends) == 4
    assert len(expected) >= 2
    assert past.split("; ") == expected
    assert "Platform Engineer, Cloudy" in starts
    assert "Cloudy" not in past
    # latexmk's own output shows it too.
    assert "Package workhistory Error" in result.stdout


def test_within_budget_builds(long_root, tmp_path):
    out = tmp_path / "full"
    result = build_pdf(long_root, out)  # the full CV: work_history_pages = 3
    assert result.returncode == 0, result.stdout[-3000:]
    assert 2 <= len(PdfReader(out / "variants.pdf").pages) <= 3
    assert "workhistory Error" not in (out / "variants.log").read_text(encoding="latin-1")


def test_the_full_cv_has_its_own_budget(long_root, tmp_path):
    conf = long_root / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace(
        "work_history_pages = 3", "work_history_pages = 1"), encoding="utf-8")
    out = tmp_path / "full"
    assert build_pdf(long_root, out).returncode != 0
    log = unwrapped_tex_log((out / "variants.log").read_text(encoding="latin-1"))
    (count,) = re.findall(r"The CV \(the full CV\) has (\d+) pages; its budget is 1\.",
                          " ".join(log.split()))
    # The count is the PDF's (TeX still writes it, then latexmk reports the error).
    assert int(count) == len(PdfReader(out / "variants.pdf").pages) > 1


def test_a_variant_with_no_pages_keeps_the_default_budget(long_root, tmp_path):
    out = tmp_path / "recent"  # no 'pages': work_history_pages (3) holds
    result = build_pdf(long_root, out, "recent")
    assert result.returncode == 0, result.stdout[-3000:]
    tex = (out / "variants.tex").read_text(encoding="utf-8")
    assert r"\usepackage[pages=3,variant=recent]{workhistory}" in tex
