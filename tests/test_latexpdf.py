"""`make latexpdf`: Sphinx's own LaTeX route still makes the CV (TeX installed).

The CV's PDF is made by the cv-pdf builder (test_pdf.py); the LaTeX builder
and latexmk with Sphinx's latexmkrc (LuaLaTeX) still work, as the package
supports them: at most three A4 pages, in TeX Gyre, with a clean log.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from site_testing import BOOK

# Its module fixtures build once: every test of the module on one worker.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("latexpdf")]

A4 = (595.28, 841.89)  # points
MAX_PAGES = 3


@pytest.fixture(scope="module")
def latex_dir(site_latex):
    """The LaTeX build of the site, made into a PDF by latexmk (conftest.py)."""
    return site_latex


@pytest.fixture(scope="module")
def pdf(latex_dir) -> PdfReader:
    return PdfReader(latex_dir / f"{BOOK}.pdf")


def test_at_most_three_a4_pages(pdf):
    assert 1 <= len(pdf.pages) <= MAX_PAGES
    for page in pdf.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4[0]) < 1, (width, height)
        assert abs(height - A4[1]) < 1, (width, height)


def test_the_text_is_in_tex_gyre_as_before(pdf):
    """Pagella for the text, Heros for the headings: the look pdflatex gave."""
    names = {font.get_object()["/BaseFont"].split("+", 1)[-1]
             for page in pdf.pages for font in page["/Resources"].get("/Font", {}).values()}
    assert {"TeXGyrePagella-Regular", "TeXGyrePagella-Bold", "TeXGyrePagella-Italic",
            "TeXGyreHeros-Bold"} <= names
    assert all(name.startswith("TeXGyre") for name in names), names


def test_the_preamble_loads_only_the_fonts_the_text_needs(latex_dir):
    """The CV is Latin: no fallback font (LuaTeX would load every one, at every size)."""
    tex = (latex_dir / f"{BOOK}.tex").read_text(encoding="utf-8")
    assert r"\setmainfont{texgyrepagella-regular.otf}" in tex
    assert "add_fallback" not in tex
    assert "Noto" not in tex
    # Nothing is written right to left: babel without its bidi.
    assert "\\usepackage{babel}" in tex


def test_title_and_author(pdf):
    assert pdf.metadata.title == "tef — CV"
    assert pdf.metadata.author == "tef"


def test_latex_log_has_no_error_or_overfull_box(latex_dir):
    log = (latex_dir / f"{BOOK}.log").read_text(encoding="latin-1")
    errors = [line for line in log.splitlines() if line.startswith("! ")]
    assert not errors, errors
    overfull = re.findall(r"^Overfull \\[hv]box .*$", log, re.MULTILINE)
    assert not overfull, overfull
    assert "Missing character" not in log
    assert "Font shape" not in log or "undefined" not in log.split("Font shape", 1)[1][:200]
    assert not re.search(r"LaTeX Warning: (Reference|Citation) .* undefined", log)
