"""Applications: a cover letter per application, in every CV format, private by default
(test root test-letters: the application "acme" goes with a variant that leaves the
roles out; "berlin" is in German, "cairo" in Arabic).

The root is built once per builder for the module, each format read back as a reader
would: pdftotext, the Word file's paragraphs, the text and the Markdown.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pypdf
import pytest
from bs4 import BeautifulSoup

from sphinx_work_history.config.applications import application_file
from sphinx_work_history.config.values import PDF_DESIGNS
from sphinx_work_history.model.letter import Letter, Recipient
from sphinx_work_history.outputs.markdown.builder import letter_markdown
from sphinx_work_history.outputs.text.builder import letter_text
from sphinx_work_history.outputs.typst.builder import DESIGNS
from sphinx_work_history.outputs.typst.document import Settings
from sphinx_work_history.outputs.typst.letter import letter_source
from sphinx_work_history.testing import (
    build,
    copy_root,
    require_module,
    require_tool,
    work_history_warnings,
)

# Its module fixtures build once: every test of the module on one worker.
pytestmark = pytest.mark.xdist_group("letters")

ROOT = Path(__file__).resolve().parent / "roots" / "test-letters"
BUILDS = {  # name -> (builder, application)
    "text": ("cv-text", "acme"), "markdown": ("cv-markdown", "acme"),
    "docx": ("cv-docx", "acme"), "pdf": ("cv-pdf", "acme"),
    "text-de": ("cv-text", "berlin"), "docx-ar": ("cv-docx", "cairo"), "html": ("html", ""),
    "html-public": ("html", ""),
}
# The same applications, "acme" made public.
PUBLIC = {"acme": {"variant": "teaching", "letter": "letters/acme", "public": True},
          "berlin": {"letter": "letters/berlin", "language": "de"},
          "cairo": {"letter": "letters/cairo", "language": "ar"}}
# The letter of "acme", in the order a reader reads it.
ACME = ["Ada Lovelace", "Analyst", "ada@example.com", "Charles Babbage", "Head of Mathematics",
        "Acme Academy", "1 Dorset Street", "London W1", "March 2, 2026",
        "Mathematics teacher, reference 42", "Dear Mr Babbage,",
        "I would like to teach", "patience with the engine", "a liking for tables",
        "the zebra clause", "Yours sincerely,", "Ada Lovelace"]
# A word of each letter, which no page of the site may hold.
PRIVATE = ("Babbage", "zebra", "Rechenwerk", "Muster", "ليلى", "Dorset")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    srcdir = copy_root(ROOT, tmp_path_factory.mktemp("letters"))
    outs = {}
    for name, (builder, application) in BUILDS.items():
        overrides: dict[str, object] = (
            {"work_history_application": application} if application else {})
        if name == "html-public":
            overrides["work_history_applications"] = PUBLIC
        app = build(srcdir, builder, builddir=srcdir / "_build" / name,
                    confoverrides=overrides)
        assert app._warning.getvalue() == "", (name, app._warning.getvalue())
        outs[name] = Path(app.outdir)
    return outs


def in_order(text: str, parts: list[str]) -> bool:
    at = 0
    for part in parts:
        at = text.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def docx_text(path: Path) -> str:
    docx = require_module("docx")
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_the_text_letter_is_whole_and_its_cv_lacks_the_left_out_roles(built):
    letter = (built["text"] / "ada-letter-acme.txt").read_text(encoding="utf-8")
    assert in_order(letter, ACME), letter
    cv = (built["text"] / "ada-cv-acme.txt").read_text(encoding="utf-8")
    assert "University of London" in cv  # the variant keeps the education
    assert "Analytical Engines" not in cv  # and leaves the role out
    assert "Babbage" not in cv
    assert not (built["text"] / "ada.txt").exists()


def test_the_markdown_letter(built):
    letter = (built["markdown"] / "ada-letter-acme.md").read_text(encoding="utf-8")
    assert in_order(letter, ["# Ada Lovelace", "Charles Babbage \\", "March 2, 2026",
                             "**Mathematics teacher, reference 42**", "Dear Mr Babbage,",
                             "**mathematics**", "*program*", "- patience with the engine",
                             "Yours sincerely, \\", "Ada Lovelace"]), letter
    cv = (built["markdown"] / "ada-cv-acme.md").read_text(encoding="utf-8")
    assert "Analytical Engines" not in cv
    assert "University of London" in cv


def test_the_word_letter_with_its_signature(built):
    path = built["docx"] / "ada-letter-acme.docx"
    assert in_order(docx_text(path), ACME)
    docx = require_module("docx")
    document = docx.Document(str(path))
    assert document.core_properties.title == "Letter to Acme Academy — Ada Lovelace"
    assert len(document.inline_shapes) == 1  # the signature
    assert "Analytical Engines" not in docx_text(built["docx"] / "ada-cv-acme.docx")


def test_the_pdf_letter_is_tagged_one_page_in_the_cvs_design(built):
    pdf = built["pdf"] / "ada-letter-acme.pdf"
    text = subprocess.run([require_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout
    assert in_order(text, ACME), text
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) == 1
    assert reader.metadata.title == "Letter to Acme Academy — Ada Lovelace"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert "/StructTreeRoot" in root
    raw = reader.xmp_metadata.stream.get_data().decode("utf-8")
    assert re.search(r"pdfuaid:part(>|=\")1", raw)
    source = (built["pdf"] / "ada-letter-acme.typ").read_text(encoding="utf-8")
    assert '#import "work-history/classic.typ": cv, header' in source  # the CV's design
    assert 'accent: rgb("#1f4e79")' in source
    cv_text = subprocess.run([require_tool("pdftotext"), str(built["pdf"] / "ada-cv-acme.pdf"),
                              "-"], check=True, capture_output=True, text=True).stdout
    assert "University of London" in cv_text
    assert "Analytical Engines" not in cv_text


def test_a_german_letter_has_cldr_date_and_the_catalogues_words(built):
    letter = (built["text-de"] / "ada-letter-berlin.txt").read_text(encoding="utf-8")
    assert in_order(letter, ["E-Mail: ada@example.com", "Frau Erika Muster", "Rechenwerk GmbH",
                             "Hauptstraße 1", "10115 Berlin", "2. März 2026",
                             "Bewerbung als Analystin", "Sehr geehrte Frau Muster,",
                             "gerne bewerbe ich mich", "Mit freundlichen Grüßen",
                             "Ada Lovelace"]), letter


def test_an_arabic_letter_is_right_to_left(built):
    path = built["docx-ar"] / "ada-letter-cairo.docx"
    text = docx_text(path)
    assert in_order(text, ["السيدة ليلى", "شركة المحرك", "مارس", "طلب وظيفة محللة",
                           "السيدة ليلى المحترمة،", "أود أن أعمل في شركتكم.",
                           "مع خالص التحية،", "Ada Lovelace"]), text
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
    assert "<w:bidi/>" in styles
    assert 'w:bidi="ar"' in styles


def test_no_word_of_a_private_letter_reaches_the_site(built):
    out = built["html"]
    assert not (out / "letters").exists()
    for path in out.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", "replace")
            assert not [w for w in PRIVATE if w in text], path


def test_a_public_letter_is_a_page_of_the_site(built):
    out = built["html-public"]
    soup = BeautifulSoup((out / "letters" / "acme.html").read_text(encoding="utf-8"),
                         "html.parser")
    text = " ".join(soup.select_one("section").get_text(" ").split())
    assert in_order(text, ["Charles Babbage", "London W1", "March 2, 2026",
                           "Mathematics teacher, reference 42", "Dear Mr Babbage,",
                           "I would like to teach", "Yours sincerely,", "Ada Lovelace"]), text
    assert "zebra" not in text  # the variant's {only} block: not this build's
    assert not (out / "letters" / "berlin.html").exists()  # still private


def test_mistakes_are_located_warnings(tmp_path):
    srcdir = copy_root(ROOT, tmp_path / "src")
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace(
        '"acme": {"variant": "teaching"', '"acme": {"variant": "sales"').replace(
        '"letters/berlin"', '"letters/gone"'), encoding="utf-8")
    index = srcdir / "index.md"
    index.write_text(index.read_text(encoding="utf-8")
                     + "\n```{toctree}\nletters/cairo\n```\n", encoding="utf-8")
    app = build(srcdir, "cv-text", confoverrides={"work_history_application": "acme"})
    lines = conf.read_text(encoding="utf-8").splitlines()
    toctree = index.read_text(encoding="utf-8").splitlines().index("```{toctree}") + 1
    found = [(w.subtype, w.file, w.line, w.message)
             for w in work_history_warnings(app._warning.getvalue())]
    unknown, unnamed, gone, listed = found
    assert unknown[:2] == ("bad_application", "conf.py")
    assert '"sales"' in lines[unknown[2] - 1]
    assert "unknown variant 'sales' (known: teaching)" in unknown[3]
    assert gone[:2] == ("letter", "conf.py")
    assert "letters/gone" in lines[gone[2] - 1]
    assert "its letter page 'letters/gone' does not exist" in gone[3]
    assert listed[:3] == ("letter", "index.md", toctree)
    assert "private letter page 'letters/cairo' is in this toctree" in listed[3]
    assert unnamed[:3] == ("letter", "berlin.md", 3)  # no application names it now
    # The application's CV is the full CV; its letter is still written.
    assert "Analytical Engines" in (app.outdir / "ada-cv-acme.txt").read_text(encoding="utf-8")
    assert (app.outdir / "ada-letter-acme.txt").is_file()


# Markup of every format the letter is written in, in every field.
HOSTILE = 'Ann *x* _y_ #z $m$ [l](u) <b>&amp; `c` \\ "q" @ref <lab> // ~s~ | :tada: ]'


def hostile_letter() -> Letter:
    from sphinx_work_history.model.cv_model import Contact, Paragraph, Run

    return Letter(application="h", language="en", name=HOSTILE, label=HOSTILE,
                  contacts=(Contact("Email", HOSTILE, "mailto:a@example.com", "email"),),
                  recipient=Recipient(HOSTILE, HOSTILE, HOSTILE, (HOSTILE, HOSTILE)),
                  date=HOSTILE, subject=HOSTILE, salutation=HOSTILE, closing=HOSTILE,
                  signature=HOSTILE, body=(Paragraph((Run(HOSTILE),)),))


def test_hostile_text_in_every_field_is_text_in_every_format(tmp_path):
    letter = hostile_letter()
    fields = 1 + 1 + 1 + 5 + 1 + 1 + 1 + 1 + 1 + 1  # name ... signature, body
    assert letter_text(letter).count(HOSTILE) == fields
    markdown_it = require_module("markdown_it")
    html = markdown_it.MarkdownIt("commonmark").render(letter_markdown(letter))
    shown = BeautifulSoup(html, "html.parser").get_text()
    assert shown.count(HOSTILE) == fields, shown
    # Typst: every field a string, never markup; the PDF's text holds each as written.
    for design in DESIGNS.glob("*.typ"):
        (tmp_path / "work-history").mkdir(exist_ok=True)
        (tmp_path / "work-history" / design.name).write_bytes(design.read_bytes())
    settings = Settings(title="t", author="a", fonts=("Libertinus Serif",))
    typst = require_module("typst")
    # In every design: each has the settings and the header the letter takes.
    designs = PDF_DESIGNS
    assert "classic" in designs
    for design in designs:
        source = tmp_path / f"letter-{design}.typ"
        source.write_text(letter_source(letter, settings, f"work-history/{design}.typ",
                                        "work-history/letter.typ"), encoding="utf-8")
        pdf = source.with_suffix(".pdf")
        typst.compile(str(source), output=str(pdf), root=str(tmp_path))
        text = subprocess.run([require_tool("pdftotext"), "-raw", "-enc", "UTF-8", str(pdf),
                               "-"], check=True, capture_output=True, text=True).stdout
        assert " ".join(text.split()).count(HOSTILE) == fields, (design, text)


# A paragraph of the letter's body; LONG_LETTER of them take a page and a few lines.
FILLER = ("Night after night I checked the engine's tables against the ones in print, "
          "and wrote down each difference with the step that made it. ")
LONG_LETTER = 9


def long_letter(tmp_path: Path, conf: str) -> Path:
    """The root with the letter of "acme" a few lines past its one page, and *conf*."""
    srcdir = copy_root(ROOT, tmp_path / "src")
    letter = srcdir / "letters" / "acme.md"
    letter.write_text(letter.read_text(encoding="utf-8")
                      + "".join(f"\n{FILLER * 3}\n" for _ in range(LONG_LETTER)),
                      encoding="utf-8")
    (srcdir / "conf.py").write_text((srcdir / "conf.py").read_text(encoding="utf-8") + conf,
                                    encoding="utf-8")
    return srcdir


def test_a_letter_past_its_budget_is_fitted_as_the_cv_is_or_fails(tmp_path):
    """work_history_pdf_fit tightens the letter as it does the CV; without it, a letter
    past its page budget fails the build, saying so."""
    pdftotext = require_tool("pdftotext")
    srcdir = long_letter(tmp_path, "work_history_pdf_fit = True\n")
    app = build(srcdir, "cv-pdf", confoverrides={"work_history_application": "acme"})
    assert app._warning.getvalue() == ""
    status = " ".join(app._status.getvalue().split())
    assert re.search(r"the letter of application 'acme' fits its budget of 1 once "
                     r"tightened: the spacing to \d+%", status), status
    pdf = app.outdir / "ada-letter-acme.pdf"
    assert len(pypdf.PdfReader(pdf).pages) == 1
    text = subprocess.run([pdftotext, "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert in_order(" ".join(text.split()), ["Dear Mr Babbage,", "the step that made it.",
                                             "Yours sincerely,", "Ada Lovelace"])

    srcdir = long_letter(tmp_path / "unfitted", "")
    app = build(srcdir, "cv-pdf", confoverrides={"work_history_application": "acme"})
    assert "WARNING: the letter of application 'acme' has 2 pages; its budget is 1 (its " \
        "application's 'pages') [work_history.page_budget]" in app._warning.getvalue()
    assert app.statuscode == 1


def test_in_the_sidebar_design_the_letter_is_beside_the_senders_column(tmp_path):
    """The sidebar's tinted column holds the sender (the CV's header); the letter is set
    in the main column beside it, never over the tint."""
    from sphinx_work_history.model.cv_model import Paragraph, Run

    typst = require_module("typst")
    (tmp_path / "work-history").mkdir()
    for design in DESIGNS.glob("*.typ"):
        (tmp_path / "work-history" / design.name).write_bytes(design.read_bytes())
    letter = Letter(application="a", language="en", name="Ada Lovelace", label="Analyst",
                    contacts=(), recipient=Recipient("Charles Babbage"), date="March 2, 2026",
                    salutation="Dear Mr Babbage,", closing="Yours sincerely,",
                    body=(Paragraph((Run("Zebras are welcome."),)),))
    source = tmp_path / "letter.typ"
    source.write_text(letter_source(letter, Settings(title="t", author="a", design="sidebar",
                                                   fonts=("Libertinus Serif",)),
                                    "work-history/sidebar.typ", "work-history/letter.typ"),
                      encoding="utf-8")
    typst.compile(str(source), output=str(tmp_path / "letter.pdf"), root=str(tmp_path))
    html = subprocess.run([require_tool("pdftotext"), "-bbox", str(tmp_path / "letter.pdf"),
                           "-"], check=True, capture_output=True, text=True).stdout
    left = {w.get_text(): float(w["xmin"]) for w in BeautifulSoup(html, "html.parser")("word")}
    side = (10 + 55) * 72 / 25.4  # sidebar.typ's margin and side column, in points
    assert left["Ada"] < side
    for word in ("Charles", "Dear", "Zebras", "Yours"):
        assert left[word] > side, (word, left)


def test_an_applications_files_are_named_after_the_cv_without_its_cv_ending() -> None:
    assert application_file("ada-lovelace-cv", "cv", "acme") == "ada-lovelace-cv-acme"
    assert application_file("ada-lovelace-cv", "letter", "acme") == "ada-lovelace-letter-acme"
    assert application_file("ada", "letter", "acme") == "ada-letter-acme"
    assert application_file("cv", "letter", "acme") == "cv-letter-acme"
