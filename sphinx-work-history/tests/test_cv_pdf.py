"""cv-pdf: the CV through Typst, read back as a reader, a screen reader and an
applicant tracking system would: pypdf for its structure and metadata,
pdftotext for its text."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pypdf
import pytest
import typst

from sphinx_work_history.config.values import PDF_DESIGNS
from sphinx_work_history.outputs.typst import fonts as typst_fonts
from sphinx_work_history.testing import line_of, pdf_struct_elements, require_tool

ROOTS = Path(__file__).resolve().parent / "roots"

# The roles of test-cv, in the order the CV gives them (newest first).
ROLES = [("Staff Engineer", "Initech", "Apr 2019 – present", "7 yrs 7 mos", "Remote"),
         ("Acme Widgets", "2015 – Mar 2019", "4 yrs")]
# What no reader wants in extracted text: ligatures, the replacement
# character, private-use characters (an unmapped glyph).
UNREADABLE = re.compile("[\ufb00-\ufb06\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff]")
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdftotext(pdf: Path) -> str:
    return subprocess.run([require_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


def flat(text: str) -> str:
    return " ".join(text.split())


def in_order(text: str, parts: list[str]) -> bool:
    at = 0
    for part in parts:
        at = text.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


@pytest.mark.sphinx("cv-pdf", testroot="cv")
def test_the_pdf_is_tagged_and_claims_pdf_ua1(app):
    app.build()
    assert app._warning.getvalue() == ""
    pdf = app.outdir / "adascv.pdf"
    reader = pypdf.PdfReader(pdf)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    xmp = reader.xmp_metadata
    assert xmp is not None
    raw = xmp.stream.get_data().decode("utf-8")
    assert re.search(r"pdfuaid:part(>|=\")1", raw), raw
    assert reader.metadata.title == "Ada's CV"
    assert reader.metadata.author == "Ada Example"
    # The Typst source is beside it, with the designs it imports.
    source = (app.outdir / "adascv.typ").read_text(encoding="utf-8")
    assert '#import "work-history/classic.typ"' in source
    assert (app.outdir / "work-history" / "classic.typ").is_file()


@pytest.mark.sphinx("cv-pdf", testroot="cv")
def test_headings_are_headings_and_links_are_links(app):
    app.build()
    reader = pypdf.PdfReader(app.outdir / "adascv.pdf")

    def titles(items):
        for item in items:
            yield from titles(item) if isinstance(item, list) else (item.title,)

    assert list(titles(reader.outline)) == [
        "Ada Example", "Writing", "Roles", "Staff Engineer, Initech", "Acme Widgets"]
    tags = {str(element.get("/S")) for element in pdf_struct_elements(reader)}
    assert {"/H1", "/H2", "/H3", "/Link", "/L", "/LI"} <= tags
    uris = {annot.get_object()["/A"]["/URI"] for page in reader.pages
            for annot in page.get("/Annots", ()) if "/A" in annot.get_object()}
    assert {"mailto:ada@example.org", "https://initech.example.com/notes?a=1&b=2",
            "https://blog.example.org/lag"} <= uris


@pytest.mark.parametrize("design", PDF_DESIGNS)
@pytest.mark.parametrize("paper", ["a4", "us-letter"])
def test_each_design_reads_in_source_order(make_app, rootdir, tmp_path, design, paper):
    from sphinx.testing.util import SphinxTestApp  # noqa: F401 (make_app's kind)

    app = make_app("cv-pdf", srcdir=_copy(rootdir / "test-cv", tmp_path),
                   confoverrides={"work_history_pdf_design": design,
                                  "work_history_pdf_paper": paper})
    app.build()
    assert app._warning.getvalue() == ""
    pdf = app.outdir / "adascv.pdf"
    reader = pypdf.PdfReader(pdf)
    width = round(float(reader.pages[0].mediabox.width))
    assert width == (595 if paper == "a4" else 612)
    text = pdftotext(pdf)
    assert not UNREADABLE.search(text)
    assert not re.search(r"\w-\n", text)  # nothing hyphenated
    assert in_order(flat(text), [
        "Ada Example", "Database engineer", "ada@example.org", "ada.example.org",
        "I build databases that stay up", "Shown only in the CV files."])
    at = flat(text).index("Shown only in the CV files.")
    for role in ROLES:  # each role whole, the roles in order
        found = [flat(text).find(part, at) for part in role]
        assert min(found) >= 0, f"{design}: {role} is missing or out of order"
        at = max(f + len(p) for f, p in zip(found, role, strict=True))
    assert "Cut failover from minutes to pg_ctl promote seconds." in flat(text)
    assert "On replication lag: what a replica’s lag means." in flat(text)
    assert "web" not in text  # `only` blocks follow the builder's tags


def _copy(root: Path, tmp_path: Path) -> Path:
    import shutil

    dest = tmp_path / root.name
    shutil.copytree(root, dest)
    return dest


@pytest.mark.sphinx("cv-pdf", testroot="cv-scripts")
def test_every_script_comes_out_whole(app):
    app.build()
    assert app._warning.getvalue() == ""
    source = (ROOTS / "test-cv-scripts" / "index.md").read_text(encoding="utf-8")
    text = BIDI_MARKS.sub("", pdftotext(app.outdir / "scripts.pdf"))
    assert not UNREADABLE.search(text)
    squeezed = "".join(unicodedata.normalize("NFC", text).split())
    for line in source.splitlines():
        match = re.match(r":::\{job\} (.+)|:org: (.+)|:location: (.+)", line)
        if not match:
            continue
        wanted = "".join(next(g for g in match.groups() if g).split())
        assert unicodedata.normalize("NFC", wanted) in squeezed, wanted
    for sentence in ("Shipped 🚀 on time ✔, uptime → 99.9 % 😀 ☕ ♫",
                     "负责数据库运维和值班。", "ดูแลฐานข้อมูล",
                     "Συντήρηση βάσεων δεδομένων.", "Отвечал за базы данных и дежурства."):
        assert "".join(sentence.split()) in squeezed, sentence


@pytest.mark.sphinx("cv-pdf", testroot="cv-scripts",
                    confoverrides={"work_history_pdf_font_paths": []})
def test_latin_greek_cyrillic_need_no_system_font(app):
    """With no font folder, Typst's own fonts set Latin, Greek and Cyrillic; each other
    script is a glyph warning at its line."""
    app.build()
    warnings = app._warning.getvalue()
    source = ROOTS / "test-cv-scripts" / "index.md"
    assert f"index.md:{line_of(source, '负责数据库运维和值班')}" in warnings
    for latin_greek_cyrillic in ("Συντήρηση", "Отвечал", "Straße"):
        line = line_of(source, latin_greek_cyrillic)
        assert f"index.md:{line}:" not in warnings
    assert app.statuscode == 1


def test_typst_is_asked_once_which_characters_a_font_lacks(monkeypatch):
    """The glyph check asks about the text's characters, the builder then about the Typst
    source's (the same, markup, an ellipsis): one compile of Typst's for both."""
    asked = []
    real = typst_fonts._probe.__wrapped__
    monkeypatch.setattr(typst_fonts, "_probe",
                        lambda family, wanted: asked.append(wanted) or real(family, wanted))
    monkeypatch.setattr(typst_fonts, "_asked", {})
    monkeypatch.setattr(typst_fonts, "_lacking", {})
    assert typst_fonts.probe("Libertinus Serif", "Straße 负责") == {"负", "责"}
    assert typst_fonts.probe("Libertinus Serif", '#[负责 "Straße"…]') == {"负", "责"}
    assert len(asked) == 1
    assert typst_fonts.probe("Libertinus Serif", "Отвечал 𓀀") == {"𓀀"}
    assert len(asked) == 2


def test_a_character_no_font_has_fails_at_its_file_and_line(make_app, tmp_path):
    srcdir = _copy(ROOTS / "test-cv", tmp_path)
    index = srcdir / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text.replace("Wrote the order system", "Wrote the 𓀀 order system"),
                     encoding="utf-8")
    app = make_app("cv-pdf", srcdir=srcdir)
    app.build()
    warnings = app._warning.getvalue()
    line = line_of(index, "Wrote the 𓀀 order system")
    assert re.search(rf"index\.md:{line}: WARNING: U\+13000 EGYPTIAN HIEROGLYPH A001 "
                     r".*no font of work_history_pdf_fonts .*\[work_history\.glyph\]", warnings)
    assert "[work_history.pdf]" in warnings  # and Typst refuses to set it
    assert app.statuscode == 1
    assert not (app.outdir / "adascv.pdf").exists()


@pytest.mark.sphinx("cv-pdf", testroot="cv-scripts", confoverrides={
    "work_history_variants": {"short": {"pages": 1}}, "work_history_variant": "short",
    "work_history_pdf_paper": "us-letter"})  # the paper on which the roles need 2 pages
def test_a_variant_past_its_page_budget_fails_naming_the_entries_past_it(app):
    app.build()
    warnings = app._warning.getvalue()
    reader = pypdf.PdfReader(app.outdir / "scripts.pdf")
    count = len(reader.pages)
    assert count > 1
    message = next(line for line in warnings.splitlines() if "page_budget" in line)
    assert f"the CV (variant 'short') has {count} pages; its budget is 1." in message
    assert "Past the budget: " in message
    assert re.search(r"\(page [2-9]\)", message)
    # The last roles of the page (at one employer: their heading is the position).
    assert "חוקר (page 2); باحث أول (page 2) [work_history.page_budget]" in message
    assert app.statuscode == 1


def test_typst_strings_keep_every_character(tmp_path):
    """Each Typst-special character, as written: none is markup, no quote is curled."""
    import json

    from sphinx_work_history.model.cv_model import Paragraph, Run
    from sphinx_work_history.outputs.typst.document import inline, string

    hostile = ('*bold* _em_ #let x = 1 $x^2$ @ref <label> [a] {b} \\ "q" \'s\' `c` '
               "~ -- --- ... // /* */ = + - 1. \u00a0tab\there\nline \x07 \u202e end")
    source = tmp_path / "t.typ"
    paragraph = inline(Paragraph((Run(hostile), Run(hostile, strong=True, url="https://x.y/"),
                                  Run(hostile, literal=True))))
    source.write_text(
        "#let plain(it) = if type(it) == str { it } else if it.has(\"text\") { it.text } "
        "else if it.has(\"children\") { it.children.map(plain).join() } "
        "else if it.has(\"body\") { plain(it.body) } else { \"\" }\n"
        f"#metadata({string(hostile)}) <s>\n#metadata(plain({paragraph})) <c>\n",
        encoding="utf-8")
    assert json.loads(typst.query(str(source), "<s>", field="value", one=True)) == hostile
    # A paragraph's runs (text, strong link, code): the text Typst sets, unchanged.
    got = json.loads(typst.query(str(source), "<c>", field="value", one=True))
    assert got == hostile * 3


def _png(path: Path) -> None:
    """A 4×4 grey PNG, written by hand (zlib and the PNG chunks)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    rows = b"".join(b"\x00" + b"\x80" * 4 for _ in range(4))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 0,
                                                                      0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.mark.parametrize("design", PDF_DESIGNS)
def test_the_header_shows_the_photo_with_its_alternative_text(make_app, tmp_path, design):
    srcdir = _copy(ROOTS / "test-cv", tmp_path)
    _png(srcdir / "ada.png")
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace(
        '"label": "Database engineer",', '"label": "Database engineer", "image": "ada.png",'),
        encoding="utf-8")
    app = make_app("cv-pdf", srcdir=srcdir, confoverrides={"work_history_pdf_design": design})
    app.build()
    assert app._warning.getvalue() == ""
    reader = pypdf.PdfReader(app.outdir / "adascv.pdf")
    assert reader.pages[0].images, "no image on the first page"
    figures = [e for e in pdf_struct_elements(reader) if str(e.get("/S")) == "/Figure"]
    # The photo, and each contact detail's icon (test_cv_pdf_design.py).
    assert sorted(str(f.get("/Alt")) for f in figures) == ["Ada Example", "Blog", "Email",
                                                           "Web"]
