"""Every design of the cv-pdf builder, in both papers, on a CV with an entry of every
kind (tests/roots/test-kinds, with an employer's roles, a 160-letter word and a
220-character address added): each PDF passes page-validation's PDF/UA-1 profile,
no word runs past the margin, each entry reads whole (its heading, dates, facts and
text together, in the tags and in the file's order), the sidebar's side column
reads whole before the main one, and page 1 looks as its picture in
tests/golden/pictures/ shows it (``UPDATE_SNAPSHOTS=1`` rewrites the pictures).

The project is built once (cv-pdf, the classic design); each design and paper is
then written from the CV that build read and compiled with Typst, as the builder
compiles it: ten PDFs in about as long as one Sphinx build.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any

import pypdf
import pytest
import typst
from PIL import Image, ImageChops

from sphinx_work_history.config.values import PDF_DESIGNS
from sphinx_work_history.model.cv_model import (
    CV,
    BulletList,
    EmployerGroup,
    Entry,
    Paragraph,
    Run,
    Section,
)
from sphinx_work_history.outputs.cv.document import read_cv
from sphinx_work_history.outputs.typst import fonts as typst_fonts
from sphinx_work_history.outputs.typst.builder import DESIGN_DIR, entry_pages
from sphinx_work_history.outputs.typst.document import Settings, document
from sphinx_work_history.testing import (
    SOURCE_DATE_EPOCH,
    copy_root,
    require_module,
    require_tool,
)

# On one worker: the project is built, and the PDFs made, once.
pytestmark = pytest.mark.xdist_group("pdf-designs")

ROOTS = Path(__file__).resolve().parent / "roots"
DESIGNS = PDF_DESIGNS
PAPERS = ("a4", "us-letter")
WIDTHS = {"a4": 595.28, "us-letter": 612.0}
MM = 72 / 25.4
# A word longer than any line, and an address longer than any line with no place to
# break but between its characters.
LONG_WORD = ("Antidisestablishmentarianism" * 6)[:160]
LONG_URL = "https://example.org/" + "x" * 200
SIDE_WORD = "Metaprogrammingtransformationcompilation"  # wider than the side column

EMPLOYER = """
::::{employer}
:org: Example Cloud Inc
:url: https://example.org/
:location: Berlin

:::{job} Support Engineer
:start: 2014-01
:end: 2015-04
:::

:::{job} Database Engineer
:start: 2015-05
:end: 2017-02

Moved to the database team.
:::
::::
"""


@pytest.fixture(scope="module")
def every_kind(tmp_path_factory: pytest.TempPathFactory) -> tuple[CV, Any, Path]:
    """The every-kind CV as the cv-pdf builder read it, the builder, and its output
    folder (with the designs and the photo)."""
    from sphinx.testing.util import SphinxTestApp

    srcdir = copy_root(ROOTS / "test-kinds", tmp_path_factory.mktemp("kinds") / "src")
    work = srcdir / "work.md"
    work.write_text(work.read_text(encoding="utf-8").replace(
        "Led the team that wrote A-0.",
        f"Led the team that wrote A-0, then {LONG_WORD}; notes at <{LONG_URL}>.")
        + EMPLOYER, encoding="utf-8")
    more = srcdir / "more.md"
    more.write_text(more.read_text(encoding="utf-8").replace(
        ":keywords: A-0, FLOW-MATIC, COBOL", f":keywords: A-0, {SIDE_WORD}, COBOL"),
        encoding="utf-8")
    app = SphinxTestApp("cv-pdf", srcdir=srcdir)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
            app.build()
        assert app._warning.getvalue() == ""
        return read_cv(app.builder), app.builder, Path(app.outdir)
    finally:
        app.cleanup()


@pytest.fixture(scope="module")
def pdfs(every_kind: tuple[CV, Any, Path]) -> dict[tuple[str, str], Path]:
    """Each design in each paper, compiled as the builder compiles it (the contact
    block's icons and the footer included, the footer dated by SOURCE_DATE_EPOCH)."""
    cv, builder, outdir = every_kind
    photo = next(path.name for path in outdir.glob("photo.*"))
    icons = builder.draw_icons(cv, outdir / DESIGN_DIR)
    assert icons != ()
    draft = document(cv, builder.settings(cv, typst_fonts.configured_chains(builder.config),
                                          photo, icons), f"{DESIGN_DIR}/classic.typ")
    chains, paths = typst_fonts.plan(builder.config, builder.confdir, draft)
    made = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        settings = builder.settings(cv, chains, photo, icons)
    for design in DESIGNS:
        for paper in PAPERS:
            settings = dataclasses.replace(settings, design=design, paper=paper)
            source = outdir / f"{design}-{paper}.typ"
            source.write_text(document(cv, settings, f"{DESIGN_DIR}/{design}.typ"),
                              encoding="utf-8")
            pdf = source.with_suffix(".pdf")
            typst.Compiler(str(source), root=str(outdir), font_paths=typst_fonts.fonts(paths),
                           ignore_system_fonts=True).compile(output=str(pdf),
                                                             pdf_standards="ua-1")
            made[design, paper] = pdf
    return made


CASES = [pytest.param(design, paper, id=f"{design}-{paper}")
         for design in DESIGNS for paper in PAPERS]


@pytest.mark.parametrize(("design", "paper"), CASES)
def test_each_design_passes_pdf_ua1(pdfs, design, paper):
    page = require_module("page")
    report = page.validate_pdf(pdfs[design, paper], profile="ua1")
    assert [(f.rule_id, f.message) for f in report.failures] == []
    assert report.is_compliant
    assert report.rules.failed == 0
    assert report.rules.total >= 100


# -- pictures: page 1 of each design, as committed -----------------------------------

PICTURES = Path(__file__).resolve().parent / "golden" / "pictures"
# 30 dpi in grey: a line of text is a few pixels high, so a block moved by a millimetre
# or more (over a pixel) changes many pixels, while hinting and anti-aliasing noise
# changes a few pixels by a few levels.
RESOLUTION = "30"
FAR = 64  # grey levels: a pixel this far from its picture's is a changed pixel
MOST_MEAN = 0.5  # grey levels, the mean over the page
MOST_FAR = 0.001  # the share of the page's pixels that may be changed (under 0.1%)


def page_picture(pdf: Path) -> Path:
    """Page 1 of *pdf*, as pdftoppm renders it in grey, a PNG beside the PDF."""
    stem = pdf.with_name(f"{pdf.stem}-page1")
    subprocess.run([require_tool("pdftoppm"), "-r", RESOLUTION, "-gray", "-png", "-f", "1",
                    "-l", "1", "-singlefile", str(pdf), str(stem)], check=True)
    return stem.with_suffix(".png")


def difference(got: Path, expected: Path) -> tuple[float, float]:
    """The mean grey difference of two pictures of a size, and the share of their
    pixels FAR or more levels apart."""
    with Image.open(got) as new, Image.open(expected) as old:
        assert new.size == old.size, f"{got.name} is {new.size}, its picture {old.size}"
        counts = ImageChops.difference(new.convert("L"), old.convert("L")).histogram()
    pixels = sum(counts)
    mean = sum(level * count for level, count in enumerate(counts)) / pixels
    return mean, sum(counts[FAR:]) / pixels


def check_picture(got: Path, expected: Path) -> None:
    """*got* must look as the committed picture *expected*, within the tolerance;
    ``UPDATE_SNAPSHOTS=1`` rewrites the picture instead (and fails, as
    ``check_snapshot`` does, until the diff is reviewed)."""
    if os.environ.get("UPDATE_SNAPSHOTS"):
        changed = not expected.exists() or difference(got, expected) != (0.0, 0.0)
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(got.read_bytes())
        pytest.fail(f"{'rewrote' if changed else 'kept'} {expected.name} (UPDATE_SNAPSHOTS): "
                    "review `git diff`, then run the tests without UPDATE_SNAPSHOTS",
                    pytrace=False)
    assert expected.exists(), f"no picture {expected.name}: run with UPDATE_SNAPSHOTS=1"
    mean, far = difference(got, expected)
    said = (f"page 1 differs from {expected.name}: mean {mean:.2f} grey levels (at most "
            f"{MOST_MEAN}), {far:.2%} of pixels changed (at most {MOST_FAR:.2%}); "
            f"the page is {got}")
    assert mean <= MOST_MEAN, said
    assert far <= MOST_FAR, said


@pytest.mark.parametrize(("design", "paper"), CASES)
def test_page_one_looks_as_its_picture(pdfs, design, paper):
    check_picture(page_picture(pdfs[design, paper]), PICTURES / f"{design}-{paper}.png")


def words(pdf: Path) -> list[tuple[float, float, str]]:
    """Each word pdftotext finds: its left and right edges (in points) and its text."""
    html = subprocess.run([require_tool("pdftotext"), "-bbox", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout
    return [(float(x0), float(x1), word) for x0, x1, word in re.findall(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
        html)]


@pytest.mark.parametrize(("design", "paper"), CASES)
def test_no_word_runs_past_the_margin(pdfs, design, paper):
    """Every design's margins are at least 10 mm: no word reaches into them, the long
    word and the long address included, and both are there whole, as written."""
    found = words(pdfs[design, paper])
    width = WIDTHS[paper]
    past = [(round(x0), round(x1), word[:30]) for x0, x1, word in found
            if x1 > width - 10 * MM or x0 < 10 * MM - 1]
    assert past == []
    text = squeezed(raw_text(pdfs[design, paper]))
    for long in (LONG_WORD, LONG_URL, SIDE_WORD):
        assert long in text


def raw_text(pdf: Path) -> str:
    """The text in the order the file holds it (pdftotext -raw)."""
    return subprocess.run([require_tool("pdftotext"), "-raw", "-enc", "UTF-8", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


def tagged_text(pdf: Path) -> str:
    """The text in the order of the PDF's tags (its structure tree), as a screen reader
    reads it: each marked-content sequence's text, in the order the tags name them."""
    reader = pypdf.PdfReader(pdf)
    marked: dict[tuple[int, int], str] = {}
    for page in reader.pages:
        open_ids: list[int | None] = []
        found: dict[int, str] = defaultdict(str)

        def operator(op: bytes, args: Any, cm: Any, tm: Any,
                     open_ids: list[int | None] = open_ids) -> None:
            if op == b"BDC":
                props = args[1].get_object() if hasattr(args[1], "get_object") else args[1]
                open_ids.append(props.get("/MCID") if hasattr(props, "get") else None)
            elif op == b"BMC":
                open_ids.append(None)
            elif op == b"EMC" and open_ids:
                open_ids.pop()

        def text(shown: str, cm: Any, tm: Any, font: Any, size: Any,
                 open_ids: list[int | None] = open_ids,
                 found: dict[int, str] = found) -> None:
            current = next((mcid for mcid in reversed(open_ids) if mcid is not None), None)
            if current is not None:
                found[current] += shown

        page.extract_text(visitor_operand_before=operator, visitor_text=text)
        assert page.indirect_reference is not None
        marked.update({(page.indirect_reference.idnum, mcid): shown
                       for mcid, shown in found.items()})
    parts: list[str] = []

    def walk(node: Any, page: int | None) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, int):
            parts.append(marked.get((page, node), "") if page is not None else "")
            return
        if not hasattr(node, "get"):
            return
        if "/Pg" in node:
            page = node.raw_get("/Pg").idnum
        if node.get("/Type") == "/MCR":
            parts.append(marked.get((page, node["/MCID"]), "") if page is not None else "")
            return
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid, page)

    walk(reader.trailer["/Root"]["/StructTreeRoot"], None)
    return "\n".join(parts)


def squeezed(text: str) -> str:
    """*text* without white space: lines broken anywhere read as one."""
    return "".join(text.split())


def shown_parts(entry: Entry) -> list[str]:
    """What a reader must find of *entry*, in this order: its heading, who or where,
    its dates, its first paragraph (an entry whose text holds its heading: its dates,
    then its text)."""
    title, subtitle = entry.lead
    first = next((block.text for block in entry.body if isinstance(block, Paragraph)), "")
    heading = [title, subtitle] if entry.headed else []
    return [squeezed(part) for part in (*heading, entry.dates, first[:40]) if part]


def entries_of(cv: CV) -> list[Entry | EmployerGroup]:
    """The CV's entries and employers, in the order the CV shows them; the compact
    ones (a line in a list) left out."""
    found: list[Entry | EmployerGroup] = []
    for section in cv.sections:
        for item in section.items:
            if isinstance(item, EmployerGroup):
                found.append(item)
                found.extend(item.entries)
            elif isinstance(item, Entry) and not item.compact:
                found.append(item)
    return found


def assert_each_entry_whole(text: str, cv: CV, how: str) -> None:
    """Each entry's parts in order, and every one before the next entry's heading."""
    text = squeezed(text)
    at = 0
    for item in entries_of(cv):
        parts = ([squeezed(item.org), squeezed(item.dates)] if isinstance(item, EmployerGroup)
                 else shown_parts(item))
        start = text.find(parts[0], at)
        assert start >= 0, f"{how}: {parts[0]!r} is missing or out of order"
        end = start + len(parts[0])
        for part in parts[1:]:
            found = text.find(part, end)
            assert found >= 0, f"{how}: {part!r} of {parts[0]!r} is missing or out of order"
            between = text[end:found]
            assert len(between) < 200, f"{how}: {part!r} is apart from {parts[0]!r}"
            end = found + len(part)
        at = end


@pytest.mark.parametrize(("design", "paper"), CASES)
def test_each_entry_reads_whole_in_the_tags_and_the_file(every_kind, pdfs, design, paper):
    cv = every_kind[0]
    pdf = pdfs[design, paper]
    assert_each_entry_whole(tagged_text(pdf), cv, "tags")
    assert_each_entry_whole(raw_text(pdf), cv, "pdftotext -raw")


def assert_each_entry_together(text: str, cv: CV, how: str) -> None:
    """Each entry's parts close together, in any order, the entries in order."""
    text = squeezed(text)
    at = 0
    for item in entries_of(cv):
        parts = ([squeezed(item.org), squeezed(item.dates)] if isinstance(item, EmployerGroup)
                 else shown_parts(item))
        places = [text.find(part, at) for part in parts]
        assert -1 not in places, f"{how}: {parts} missing or out of order"
        ends = [place + len(part) for place, part in zip(places, parts, strict=True)]
        assert max(ends) - min(places) < 300, f"{how}: {parts} apart"
        at = max(ends)


@pytest.mark.parametrize(("design", "paper"), [
    pytest.param(design, paper, id=f"{design}-{paper}")
    for design in ("moderncv", "compact", "engineering") for paper in PAPERS])
def test_one_column_designs_read_whole_by_place_too(every_kind, pdfs, design, paper):
    """pdftotext without -raw orders text by its place on the page, as many applicant
    tracking systems do: a design whose dates sit beside or under their heading reads
    each entry whole that way too (a column of dates at the right edge, or a side
    column, may be read apart: classic and sidebar are checked by their tags and
    their file order only)."""
    text = subprocess.run([require_tool("pdftotext"), "-enc", "UTF-8",
                           str(pdfs[design, paper]), "-"],
                          check=True, capture_output=True, text=True).stdout
    assert_each_entry_together(text, every_kind[0], "pdftotext")


@pytest.mark.parametrize("paper", PAPERS)
def test_the_side_column_reads_whole_then_the_main_one(pdfs, paper):
    """The sidebar: the name, the contact details and the skills, languages and
    interests, then the introduction and the rest; never the two interleaved."""
    side = ["GraceHopper", "Computerscientist", "grace@example.org", "+15550100",
            "ghopper", "Skillsandlanguages", "Compilers", "English:Nativespeaker",
            "Nanoseconds:wire,lengths"]
    main = ["Iwritecompilers", "Work", "SeniorProgrammer", "Reviewer", "Learning",
            "YaleUniversity", "FLOW-MATIC", "References", "HowardAiken"]
    for how, text in (("tags", tagged_text(pdfs["sidebar", paper])),
                      ("pdftotext -raw", raw_text(pdfs["sidebar", paper]))):
        text = squeezed(text)
        places = [text.find(part) for part in side + main]
        missing = [part for part, at in zip(side + main, places, strict=True) if at < 0]
        assert missing == [], how
        assert places == sorted(places), f"{how}: {places}"
        # Nothing of the side column is left among the main column's text.
        assert "Skillsandlanguages" not in text[places[len(side)]:]


# -- pages: entries kept whole, headings kept with what follows them ----------------

def filler_cv() -> CV:
    """Sections of entries of a few lines to some twenty, over several pages, and one
    entry longer than a page."""
    def text(words: str) -> Paragraph:
        return Paragraph((Run(words),))

    def job(number: int, lines: int) -> Entry:
        body = (text(f"What role {number} was about, in a sentence or two of plain text."),
                BulletList(tuple((0, text(f"Item {item} of role {number}, a line of it."))
                                 for item in range(lines))))
        return Entry("job", f"Role {number}", "Example Co", "", f"{2000 + number} – "
                     f"{2001 + number}", "1 yr", "Leeds", body)

    sizes = [3, 9, 14, 5, 18, 7, 12, 4, 16, 8, 11, 6, 15, 10, 13]
    sections = [Section(f"Section {chr(65 + group)}", 1,
                        tuple(job(5 * group + index, sizes[5 * group + index])
                              for index in range(5))) for group in range(3)]
    longest = Entry("job", "Role long", "Example Co", "", "1990 – 1999", "9 yrs", "", (
        BulletList(tuple((0, text(f"Long item {item}.")) for item in range(90))),))
    sections.append(Section("Section Long", 1, (longest,)))
    return CV(name="Filler Person", label="", language="en", contacts=(),
              sections=tuple(sections))


def compile_pages(source: str, folder: Path, name: str) -> tuple[Path, Any]:
    """*source* compiled beside the designs: the PDF, and the compiler (for queries)."""
    path = folder / f"{name}.typ"
    path.write_text(source, encoding="utf-8")
    compiler = typst.Compiler(str(path), root=str(folder), font_paths=typst_fonts.fonts(()),
                              ignore_system_fonts=True)
    compiler.compile(output=str(path.with_suffix(".pdf")), pdf_standards="ua-1")
    return path.with_suffix(".pdf"), compiler


def page_texts(pdf: Path) -> list[str]:
    count = len(pypdf.PdfReader(pdf).pages)
    return [squeezed(subprocess.run(
        [require_tool("pdftotext"), "-raw", "-f", str(n), "-l", str(n), str(pdf), "-"],
        check=True, capture_output=True, text=True).stdout) for n in range(1, count + 1)]


@pytest.mark.parametrize("design", DESIGNS)
def test_an_entry_stays_on_one_page_and_no_heading_ends_a_page(every_kind, design):
    outdir = every_kind[2]
    settings = Settings(title="Filler", author="Filler Person", design=design,
                        fonts=("Libertinus Serif", "New Computer Modern"))
    pdf, compiler = compile_pages(document(filler_cv(), settings,
                                           f"{DESIGN_DIR}/{design}.typ"), outdir,
                                  f"filler-{design}")
    spans = {name: (start, end) for name, start, end in entry_pages(compiler)}
    assert len(spans) == 16
    split = {name: span for name, span in spans.items()
             if span[0] != span[1] and name != "Role long, Example Co"}
    assert split == {}
    # The entry longer than a page breaks across pages, and loses nothing.
    start, end = spans["Role long, Example Co"]
    assert end > start
    pages = page_texts(pdf)
    assert "Longitem89." in "".join(pages)
    # Each section's title is on the page its first entry starts on, and each
    # entry's heading on the page of its dates.
    for title, first in (("SectionA", "Role 0"), ("SectionB", "Role 5"),
                         ("SectionC", "Role 10"), ("SectionLong", "Role long")):
        on = next(n for n, text in enumerate(pages, 1) if title in text)
        assert on == spans[f"{first}, Example Co"][0], title
    long_heading = next(n for n, text in enumerate(pages, 1) if "Rolelong" in text)
    assert "1990–1999" in pages[long_heading - 1]
    assert "Longitem0." in pages[long_heading - 1]


def test_entry_breaks_lets_an_entry_break_across_pages(every_kind):
    outdir = every_kind[2]
    settings = Settings(title="Filler", author="Filler Person", design="classic",
                        fonts=("Libertinus Serif", "New Computer Modern"), entry_breaks=True)
    source = document(filler_cv(), settings, f"{DESIGN_DIR}/classic.typ")
    assert '#import "work-history/typeset.typ": entry-breaks' in source
    _, compiler = compile_pages(source, outdir, "filler-breaks")
    split = [name for name, start, end in entry_pages(compiler)
             if start != end and name != "Role long, Example Co"]
    assert split != []


@pytest.mark.sphinx("cv-pdf", testroot="cv",
                    confoverrides={"work_history_pdf_entry_breaks": True})
def test_the_entry_breaks_setting_reaches_the_typst_source(app):
    app.build()
    assert app._warning.getvalue() == ""
    source = (app.outdir / "adascv.typ").read_text(encoding="utf-8")
    assert "#entry-breaks.update(true)" in source
