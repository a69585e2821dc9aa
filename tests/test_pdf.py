"""The PDF is a CV: at most three A4 pages, every role, working links, clean LaTeX.

The real site goes through Sphinx's LaTeX builder and then latexmk with
Sphinx's latexmkrc (LuaLaTeX), as `make latexpdf` and Read the Docs do;
pypdf reads the result.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from cv_pages import LATEX_TAGS, jobs, prose, web_links
from site_testing import squeeze

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("dist")]

BOOK = "tef-cv"
A4 = (595.28, 841.89)  # points
MAX_PAGES = 3


@pytest.fixture(scope="module")
def latex_dir(site_latex):
    """The LaTeX build of the site, made into a PDF by latexmk (conftest.py)."""
    return site_latex


@pytest.fixture(scope="module")
def pdf(latex_dir) -> PdfReader:
    return PdfReader(latex_dir / f"{BOOK}.pdf")





@pytest.fixture(scope="module")
def pages_text(pdf) -> list[str]:
    return [page.extract_text() for page in pdf.pages]


def test_at_most_three_a4_pages(pdf):
    assert 1 <= len(pdf.pages) <= MAX_PAGES
    for page in pdf.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4[0]) < 1, (width, height)
        assert abs(height - A4[1]) < 1, (width, height)


def test_no_title_page_contents_index_or_blank_page(pages_text):
    for number, text in enumerate(pages_text, 1):
        # A page holds more than its footer (name and "n / N").
        assert len(text.split()) > 20, f"page {number} is (nearly) blank: {text!r}"
    everything = "\n".join(pages_text)
    assert "Contents" not in everything
    assert not re.search(r"^\s*Index\s*$", everything, re.MULTILINE)
    assert "Release 2026" not in everything


def test_name_and_contact_open_the_first_page(pages_text):
    first_lines = [line.strip() for line in pages_text[0].splitlines() if line.strip()]
    assert first_lines[0].startswith("tef")
    assert "tef@printf.net" in " ".join(first_lines[:3])
    assert "tef.computer" in " ".join(first_lines[:3])
    # The introduction comes next, before the work history.
    first = squeeze(pages_text[0])
    assert first.index(squeeze("Hi, I'm tef")) < first.index(squeeze("Abridged Work History"))


def test_every_role_is_in_the_pdf(pages_text):
    text = squeeze("\n".join(pages_text))
    roles = jobs("pages/work-history", LATEX_TAGS)
    assert len(roles) >= 2
    for job in roles:
        # The dates, then the length of the role ("2 yrs"), then the role.
        entry = (re.escape(squeeze(job.dates())) + f"(?:{re.escape(squeeze(job.length()))})?"
                 + re.escape(squeeze(f"{job.position}, {job.org}" if job.position else job.org)))
        assert re.search(entry, text), (job.position, job.org)
        for paragraph in job.paragraphs:
            assert squeeze(paragraph) in text, paragraph
    for paragraph in prose("index", LATEX_TAGS):
        assert squeeze(paragraph) in text, paragraph
    assert squeeze("Mid-level or entry level role") not in text  # no title the owner never wrote


def test_writing_is_in_the_pdf_with_working_links(pdf, pages_text):
    text = squeeze("\n".join(pages_text))
    writing = web_links("pages/writing")
    assert writing
    for title, _ in writing:
        assert squeeze(title) in text, title
    uris = {annot.get_object()["/A"].get("/URI")
            for page in pdf.pages for annot in page.get("/Annots", [])
            if annot.get_object().get("/A", {}).get("/S") == "/URI"}
    assert {url for _, url in writing} <= uris
    assert {"mailto:tef@printf.net", "https://tef.computer/"} <= uris


def test_the_html_only_list_of_pages_is_left_out(pages_text):
    assert "Read more" not in "\n".join(pages_text)


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


def test_fonts_are_embedded(pdf):
    fonts = {}
    for page in pdf.pages:
        for name, ref in page["/Resources"].get("/Font", {}).items():
            fonts[name] = ref.get_object()
    assert fonts
    for name, font in fonts.items():
        # LuaTeX's OpenType fonts are composite (Type0): the glyphs are in the descendant,
        # and a ToUnicode map makes the text extractable.
        if font["/Subtype"] == "/Type0":
            assert "/ToUnicode" in font, f"{font.get('/BaseFont')} has no ToUnicode map"
            font = font["/DescendantFonts"][0].get_object()
        descriptor = font.get("/FontDescriptor")
        assert descriptor is not None, f"{name} ({font.get('/BaseFont')}) has no descriptor"
        descriptor = descriptor.get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), \
            f"{font.get('/BaseFont')} is not embedded"


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
