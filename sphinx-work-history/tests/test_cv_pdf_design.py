"""cv-pdf's contact block, footer, design settings and fit to the page budget, read
back from the PDF as a reader, a screen reader and a PDF/UA checker meet them: the
words and where they are on the page (pdftotext -bbox), the fonts, sizes and colours
(pypdf), the tags, and page-validation's PDF/UA-1 profile."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest

from sphinx_work_history.config.pdf_design import read_margins, read_size
from sphinx_work_history.config.values import PDF_DESIGNS
from sphinx_work_history.model.cv_model import Contact
from sphinx_work_history.outputs.typst import fit, icons
from sphinx_work_history.testing import (
    SOURCE_DATE_EPOCH,
    build,
    line_of,
    pdf_struct_elements,
    require_tool,
)

ROOT = Path(__file__).resolve().parent / "roots" / "test-cv"
MM = 72 / 25.4
# More of the person than test-cv's: a phone, an address of several words, profiles.
CONTACTS = '''
work_history_person["phone"] = "+44 20 7946 0000"
work_history_person["location"] = {"address": "12 Long Street, Clerkenwell",
                                   "city": "London", "postalCode": "EC1A 1BB",
                                   "countryCode": "GB"}
work_history_person["profiles"] += [
    {"network": "GitHub", "url": "https://github.com/ada-example"},
    {"network": "LinkedIn", "url": "https://www.linkedin.com/in/ada-example"},
]
'''
# Each detail of the CV, as it reads (label, text): web addresses without their scheme.
DETAILS = [("Email", "ada@example.org"), ("Phone", "+44 20 7946 0000"),
           ("Web", "ada.example.org"),
           ("Location", "12 Long Street, Clerkenwell, London, EC1A 1BB, GB"),
           ("Blog", "blog.example.org"), ("GitHub", "github.com/ada-example"),
           ("LinkedIn", "www.linkedin.com/in/ada-example")]
UNREADABLE = re.compile("[\ufb00-\ufb06\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff]")


def project(tmp_path: Path, conf: str = "", bullets: int = 0) -> Path:
    """test-cv with *conf* added to its conf.py, and a role of *bullets* lines."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as file:
        file.write(CONTACTS + conf)
    if bullets:
        lines = "\n".join(f"- Kept the nightly backups of cluster {n} restorable, and proved "
                          "it each quarter." for n in range(bullets))
        with (srcdir / "index.md").open("a", encoding="utf-8") as file:
            file.write(f"\n:::{{job}} Database administrator\n:org: Globex\n:start: 2010\n"
                       f":end: 2014\n\n{lines}\n:::\n")
    return srcdir


def build_pdf(srcdir: Path, **overrides):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)  # 2026-11-27
        return build(srcdir, "cv-pdf", confoverrides=overrides)


@dataclass(frozen=True)
class Word:
    text: str
    page: int
    x: float  # left edge, in points
    y: float  # top edge, from the top of the page
    right: float  # right edge


def words(pdf: Path) -> list[Word]:
    """Every word of the PDF with its page and place, as pdftotext -bbox gives them."""
    out = subprocess.run([require_tool("pdftotext"), "-bbox", "-enc", "UTF-8", str(pdf), "-"],
                         check=True, capture_output=True, text=True).stdout
    found = []
    for number, page in enumerate(out.split("<page ")[1:], 1):
        for match in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"'
                                 r'[^>]*>([^<]*)</word>', page):
            found.append(Word(html.unescape(match[4]), number, float(match[1]),
                              float(match[2]), float(match[3])))
    return found


def runs(pdf: Path, page: int = 0) -> list[tuple[str, str, float]]:
    """Each run of text on a page: its text, its font's name (without the subset's
    prefix) and its size."""
    found: list[tuple[str, str, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip() and font:
            name = str(font["/BaseFont"]).split("+")[-1].removesuffix("-Identity-H")
            found.append((text.strip(), name, size))

    pypdf.PdfReader(pdf).pages[page].extract_text(visitor_text=visit)
    return found


def line_of_words(found: list[Word], text: str) -> set[tuple[int, float]]:
    """The lines (page, top) the words of *text*, in a row, are set on."""
    wanted = text.split()
    for start in range(len(found) - len(wanted) + 1):
        if [w.text for w in found[start:start + len(wanted)]] == wanted:
            return {(w.page, round(w.y)) for w in found[start:start + len(wanted)]}
    raise AssertionError(f"{text!r} is not in the PDF")


# -- the contact block and the footer, with the defaults -----------------------------

@pytest.fixture(scope="module")
def contact(tmp_path_factory):
    """test-cv's PDF with a fuller contact block, icons and a "last updated" footer."""
    app = build_pdf(project(tmp_path_factory.mktemp("contact"),
                            "work_history_pdf_last_updated = True\n"))
    assert app._warning.getvalue() == ""
    return app.outdir / "adascv.pdf"


def test_the_pdf_with_icons_and_footer_passes_pdf_ua_1(contact):
    from page import validate_pdf

    report = validate_pdf(contact, profile="ua1")
    assert [(f.rule_id, f.message) for f in report.failures] == []
    assert report.is_compliant
    assert report.rules.failed == 0
    assert report.rules.passed > 100


def test_each_icon_is_an_image_whose_alternative_text_is_its_label(contact):
    reader = pypdf.PdfReader(contact)
    figures = [str(e.get("/Alt")) for e in pdf_struct_elements(reader) if e.get("/S") == "/Figure"]
    assert figures == [label for label, _ in DETAILS]
    # Drawn from the shipped font: nothing of it is text (no private-use character).
    text = subprocess.run([require_tool("pdftotext"), "-enc", "UTF-8", str(contact), "-"],
                          check=True, capture_output=True, text=True).stdout
    assert not UNREADABLE.search(text)
    assert "Email" not in text  # no label as text
    assert "GitHub" not in text


def test_each_detail_is_kept_whole_and_web_addresses_show_no_scheme(contact):
    found = words(contact)
    top = [w for w in found if w.page == 1 and w.y < 150]
    lines = {round(w.y) for w in top if w.text == "ada@example.org"} | {
        round(w.y) for w in top if w.text.startswith("www.linkedin")}
    assert len(lines) == 2, "the contact block should take two lines at this width"
    for _, text in DETAILS:
        assert len(line_of_words(top, text)) == 1, f"{text!r} is broken across lines"
    assert not any(w.text.startswith(("http://", "https://")) for w in top)
    uris = {annot.get_object()["/A"]["/URI"] for annot in
            pypdf.PdfReader(contact).pages[0].get("/Annots", ())
            if "/A" in annot.get_object()}
    assert {"https://ada.example.org/", "https://github.com/ada-example",
            "https://www.linkedin.com/in/ada-example", "tel:+442079460000"} <= uris


def test_every_page_has_the_footer_in_the_words_of_the_cv(contact):
    found = words(contact)
    bottom = [w for w in found if w.y > 842 - 13 * MM]  # A4, classic's margin
    assert " ".join(w.text for w in bottom) == \
        "Ada Example · page 1 of 1 Last updated November 2026"


# -- each design setting ----------------------------------------------------------

SETTINGS = '''
language = "de"
work_history_pdf_paper = "us-letter"
work_history_pdf_fonts = {"text": ["New Computer Modern", "Libertinus Serif"],
                          "headings": ["Libertinus Serif"]}
work_history_pdf_accent = "#8b1e3f"
work_history_pdf_margins = {"x": "30mm", "y": "20mm"}
work_history_pdf_size = "11pt"
work_history_pdf_section_style = "smallcaps"
work_history_pdf_date_style = "bold"
work_history_pdf_icons = False
'''


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    """The PDF with every design setting away from its default, over two pages."""
    app = build_pdf(project(tmp_path_factory.mktemp("settings"), SETTINGS, bullets=30))
    assert app._warning.getvalue() == ""
    return app.outdir / "adascv.pdf"


def test_paper_margins_and_size_are_conf_py_s(settings, contact):
    reader = pypdf.PdfReader(settings)
    assert [round(float(p.mediabox.width)) for p in reader.pages] == [612, 612]  # letter
    body = [w for w in words(settings) if 60 < w.y < 740]
    assert min(w.x for w in body) == pytest.approx(30 * MM, abs=0.5)
    # The name, the same heading in both: 20 mm from the top, classic's 13 mm.
    top = {pdf: min(w.y for w in words(pdf) if w.page == 1) for pdf in (settings, contact)}
    assert top[settings] - top[contact] == pytest.approx((20 - 13) * MM, abs=0.5)
    sizes = {size for text, font, size in runs(settings) if text.startswith("Ran the")}
    assert sizes == {11.0}


def test_fonts_accent_and_styles_are_conf_py_s(settings, contact):
    found = runs(settings)
    # The text in New Computer Modern (Libertinus sets only what it lacks: list markers),
    # the headings in Libertinus.
    assert {font for text, font, _ in found if text.startswith(("Ran the", "I build"))} == {
        "NewCM10-Regular"}
    assert {font for text, font, _ in found if text.startswith("Staff Engineer")} == {
        "LibertinusSerif-Bold"}
    # The dates in bold (the design's italic kept), the rest of their line not.
    assert {font for text, font, _ in found if text.startswith("Apr. 2019")} == {
        "NewCM10-BoldItalic"}
    assert {font for text, font, _ in runs(contact) if text.startswith("Apr 2019")} == {
        "LibertinusSerif-Italic"}
    # The section titles in small capitals, spaced: wider for their size than the
    # design's own (in the same font), their words kept as written for a reader.
    assert {size for text, _, size in found if text in ("Writing", "Roles")} == {11 * 1.2}

    def width(pdf: Path, size: float) -> float:
        (title,) = [w for w in words(pdf) if w.text == "Writing"]
        return (title.right - title.x) / size

    assert width(settings, 13.2) > 1.2 * width(contact, 12)
    stream = pypdf.PdfReader(settings).pages[0].get_contents().get_data().decode("latin-1")
    assert re.search(r"0\.545\d* 0\.117\d* 0\.247\d* (sc|SC|rg|RG)", stream)
    assert "0.12156863 0.30588236 0.4745098" not in stream  # the default accent, nowhere


def test_labels_instead_of_icons_are_kept_with_their_details(settings):
    found = [w for w in words(settings) if w.page == 1 and w.y < 200]
    labels = {"Email": "E-Mail", "Phone": "Telefon", "Web": "Website", "Location": "Ort"}
    for label, text in DETAILS:
        shown = labels.get(label, label)
        assert len(line_of_words(found, f"{shown}: {text}")) == 1, shown
    assert not any(e.get("/S") == "/Figure"
                   for e in pdf_struct_elements(pypdf.PdfReader(settings)))


def test_the_footer_counts_the_pages_in_the_cv_s_language(settings):
    found = words(settings)
    for page in (1, 2):
        # Below the text: letter is 792 pt high, the margin 20 mm.
        bottom = [w.text for w in found if w.page == page and w.y > 792 - 20 * MM]
        assert " ".join(bottom) == f"Ada Example · Seite {page} von 2"  # no "Stand:"


@pytest.mark.parametrize("design", PDF_DESIGNS)
def test_every_design_takes_every_setting(settings, design, tmp_path):
    """The settings build's source, with each design: it compiles, and shows the dates
    in the style asked for."""
    import typst

    outdir = settings.parent
    source = (outdir / "adascv.typ").read_text(encoding="utf-8")
    other = outdir / f"{design}.typ"
    other.write_text(source.replace('"work-history/classic.typ"',
                                    f'"work-history/{design}.typ"'), encoding="utf-8")
    pdf = tmp_path / f"{design}.pdf"
    typst.compile(str(other), output=str(pdf), root=str(outdir), pdf_standards="ua-1",
                  ignore_system_fonts=True)
    dates = {font for text, font, _ in runs(pdf) if "Apr. 2019" in text}
    assert dates
    assert all("Bold" in font for font in dates), dates


# -- the fit to the page budget --------------------------------------------------------

def test_a_variant_that_fits_is_tightened_spacing_then_margins_then_type(tmp_path):
    """54 lines: more than a page holds at the design's spacing, margins and type."""
    srcdir = project(tmp_path, 'work_history_pages = 1\n'
                     'work_history_variants = {"tight": {"fit": True}}\n', bullets=54)
    app = build_pdf(srcdir, work_history_variant="tight")
    assert app._warning.getvalue() == ""
    assert "the CV (variant 'tight') fits its budget of 1 once tightened: the spacing to " \
        "70%, the margins to 12 mm, the type to 9.3 pt" in app._status.getvalue()
    pdf = app.outdir / "adascv.pdf"
    assert len(pypdf.PdfReader(pdf).pages) == 1
    assert min(w.x for w in words(pdf)) == pytest.approx(12 * MM, abs=0.5)
    assert {size for text, _, size in runs(pdf) if text.startswith("Kept the")} == {9.3}


def test_a_cv_the_fit_cannot_bring_within_budget_fails_saying_what_it_tightened(tmp_path):
    srcdir = project(tmp_path, "work_history_pages = 1\nwork_history_pdf_fit = True\n"
                     "work_history_pdf_footer = False\n"
                     'work_history_pdf_fonts = ["Libertinus Serif", "No Such Serif"]\n',
                     bullets=70)
    app = build_pdf(srcdir)
    assert (f"conf.py:{line_of(srcdir / 'conf.py', 'No Such Serif')}: WARNING: "
            "work_history_pdf_fonts: 'No Such Serif' found neither among Typst's own fonts "
            "nor in work_history_pdf_font_paths; left out [work_history.bad_config]"
            ) in app._warning.getvalue()
    assert "WARNING: the CV (the full CV) has 2 pages; its budget is 1, even tightened " \
        "to fit it (the spacing to 70%, the margins to 12 mm, the type to 9 pt). Past the " \
        "budget: Database administrator, Globex (page 2) [work_history.page_budget]" \
        in app._warning.getvalue()
    assert app.statuscode == 1
    assert not any("Seite" in w.text or w.text == "page"
                   for w in words(app.outdir / "adascv.pdf"))  # no footer


def test_the_fit_s_steps_stop_at_the_floors():
    start = fit.Start(size_pt=9.8, margin_x_mm=17, margin_y_mm=13)
    layouts = list(fit.steps(start))
    assert [layout.spacing for layout in layouts[:3]] == [0.9, 0.8, 0.7]
    assert [dict(layout.margins) for layout in layouts[3:6]] == [
        {"x": "15mm", "y": "12mm"}, {"x": "13mm", "y": "12mm"}, {"x": "12mm", "y": "12mm"}]
    assert [layout.size for layout in layouts[6:]] == ["9.55pt", "9.3pt", "9.05pt", "9pt"]
    # Set below a floor by conf.py: left as it is.
    assert list(fit.steps(fit.Start(size_pt=8, margin_x_mm=10, margin_y_mm=10,
                                    spacing=0.5))) == []


# -- what conf.py may write ------------------------------------------------------------

def test_lengths_are_read_as_typst_writes_them():
    assert read_margins("18mm") == ({"x": "18mm", "y": "18mm"}, [])
    assert read_margins({"x": "0.75in"}) == ({"x": "0.75in"}, [])
    assert read_size(10.5) == ("10.5pt", "")
    assert read_size(" 11 pt ") == ("11pt", "")
    assert read_size("11") == ("11pt", "")  # as -D gives it
    assert read_margins("1m")[1] == [("", "'1m' is not a length written as a number and "
                                          "pt, mm, cm or in; the design's margins are used")]
    assert read_size("40pt")[1] == "'40pt' is outside 6 pt to 24 pt; the design's size is used"


def test_bad_design_settings_are_warnings_at_their_line_in_conf_py(tmp_path):
    srcdir = project(tmp_path, '''
work_history_pdf_margins = {"x": "2 furlongs", "z": "1cm"}
work_history_pdf_size = "40pt"
work_history_pdf_section_style = "wavy"
work_history_pdf_date_style = "blinking"
work_history_variants = {"one": {"fit": "yes"}}
''')
    app = build(srcdir, "dummy")
    warnings = app._warning.getvalue()
    conf = srcdir / "conf.py"

    def at(marker: str) -> str:
        return f"conf.py:{line_of(conf, marker)}: WARNING: "

    assert (at('"x": "2 furlongs"') + "work_history_pdf_margins: 'x': '2 furlongs' is not "
            "a length written as a number and pt, mm, cm or in; the design's is used") in warnings
    assert at('"x": "2 furlongs"') + "work_history_pdf_margins: unknown key 'z'" in warnings
    assert (at("work_history_pdf_size =") + "work_history_pdf_size: '40pt' is outside 6 pt "
            "to 24 pt; the design's size is used") in warnings
    assert (at("work_history_pdf_section_style =") + "work_history_pdf_section_style: "
            "'wavy' is not one of auto, rule, plain, smallcaps") in warnings
    assert at("work_history_pdf_date_style =") + "work_history_pdf_date_style: 'blinking'" \
        in warnings
    assert at('"fit": "yes"') + "work_history_variants['one']: 'fit' should be True or " \
        "False, not 'yes'; ignored" in warnings
    assert warnings.count("[work_history.bad_config]") == 5


def test_every_icon_is_in_its_font():
    for icon in (*icons.BY_KIND.values(), *icons.BY_NETWORK.values()):
        assert 'd="M' in icons.svg(icon, "#000000"), icon.name


def test_the_icons_drawn_ahead_are_the_fonts_glyphs():
    # Builds read outlines.json, not the fonts: it must be what the fonts hold. After
    # changing the fonts or the icons, icons.write_table() writes it again.
    assert json.loads(icons.OUTLINES.read_text(encoding="utf-8")) == icons.table()


def test_the_icons_are_drawn_without_reading_the_fonts(monkeypatch):
    # fontTools takes longer to read the icon fonts than Typst takes to lay the CV out.
    monkeypatch.setitem(sys.modules, "fontTools", None)
    envelope = icons.svg(icons.BY_KIND["email"], "#000000")
    assert 'viewBox="0 -459 512 534"' in envelope
    assert 'fill="#000000" d="M48 384Q' in envelope


def test_a_profile_s_icon_is_its_network_s_logo_else_a_link():
    def named(network: str) -> str:
        return icons.icon_for(Contact(network, "someone", "", "profile")).name

    assert [named(n) for n in ("GitHub", "Stack Overflow", "X", "Google Scholar", "dev.to",
                               "Codeberg")] == ["github", "stack-overflow", "x-twitter",
                                                "google-scholar", "dev", "link"]
    with pytest.raises(icons.IconError, match=r"has no glyph 'nothing' \(U\+04D2\)"):
        icons.svg(icons.Icon("nothing", icons.SOLID, 0x4D2), "#000000")
