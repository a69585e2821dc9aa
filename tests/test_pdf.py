"""The PDF is a CV: at most three A4 pages, every role, working links, tagged PDF/UA-1.

The real site goes through sphinx-work-history's cv-pdf builder (Typst, in
the Sphinx process, no TeX), as `make cv` and Read the Docs build it; pypdf
reads the result. (`make latexpdf`, Sphinx's LaTeX route: test_latexpdf.py.)
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from cv_pages import jobs, prose, web_links
from site_testing import BOOK, squeeze

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("dist")]

A4 = (595.28, 841.89)  # points
MAX_PAGES = 3
# The tags of a cv-pdf build: its format (cv) and its name.
CV_TAGS = frozenset({"cv", "format_cv", "builder_cv-pdf"})


@pytest.fixture(scope="module")
def cv_dir(site_cv_pdf):
    """The site's cv-pdf build (conftest.py)."""
    return site_cv_pdf


@pytest.fixture(scope="module")
def pdf(cv_dir) -> PdfReader:
    return PdfReader(cv_dir / f"{BOOK}.pdf")





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
    roles = jobs("pages/work-history", CV_TAGS)
    assert len(roles) >= 2
    for job in roles:
        # The role's heading, then its dates and length ("2 yrs").
        entry = (re.escape(squeeze(f"{job.position}, {job.org}" if job.position else job.org))
                 + re.escape(squeeze(job.dates())) + f"(?:·{re.escape(squeeze(job.length()))})?")
        assert re.search(entry, text), (job.position, job.org)
        for paragraph in job.paragraphs:
            assert squeeze(paragraph) in text, paragraph
    for page in ("index", "pages/work-history"):
        for paragraph in prose(page, CV_TAGS):
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


def test_tagged_and_declares_pdf_ua1_in_the_sites_language(pdf):
    root = pdf.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    xmp = pdf.xmp_metadata.stream.get_data().decode("utf-8")
    assert re.search(r"pdfuaid:part(>|=\")1", xmp)


def test_headings_are_the_pdfs_bookmarks(pdf):
    def titles(items):
        for item in items:
            yield from titles(item) if isinstance(item, list) else (item.title,)

    marks = list(titles(pdf.outline))
    assert marks[0] == "tef"
    roles = jobs("pages/work-history", CV_TAGS)
    for job in roles:
        assert (f"{job.position}, {job.org}" if job.position else job.org) in marks


def test_no_tex_program_made_it_and_its_typst_source_is_beside_it(pdf, cv_dir):
    assert pdf.metadata.get("/Creator", "").startswith("Typst")
    source = (cv_dir / f"{BOOK}.typ").read_text(encoding="utf-8")
    assert "@preview" not in source  # no Typst package to download
    assert (cv_dir / "work-history" / "classic.typ").is_file()
