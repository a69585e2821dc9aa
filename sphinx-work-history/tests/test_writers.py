"""The CV's writers, without Sphinx: a CV made here (model/cv_model.py), with an entry
of every kind, every block, a right-to-left language and characters each format must
escape, written as text (outputs/text), Markdown (outputs/markdown), Typst source
(outputs/typst/document) and a Word document's paragraphs (outputs/docx), each equal
to its golden file in tests/golden/.

After a deliberate change, rewrite them with

    UPDATE_SNAPSHOTS=1 pytest tests/test_writers.py

which fails, so that a person reviews the diff before the tests pass again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_work_history.model import l10n
from sphinx_work_history.model.cv_model import (
    CV,
    Aside,
    BulletList,
    Contact,
    EmployerGroup,
    Entry,
    Item,
    Paragraph,
    Run,
    Section,
    contacts_of,
)
from sphinx_work_history.model.kinds import KINDS
from sphinx_work_history.model.views import Detail
from sphinx_work_history.outputs.markdown.builder import cv_markdown
from sphinx_work_history.outputs.text.builder import cv_text
from sphinx_work_history.outputs.typst.document import Footer, Layout, Settings, document
from sphinx_work_history.outputs.typst.icons import icon_for
from sphinx_work_history.testing import check_snapshot, require_module

GOLDEN = Path(__file__).resolve().parent / "golden"

# What a format could read as its own markup, and what a reader would miss if lost.
AWKWARD = ('*stars* _under_ [brackets](x) <b>tag</b> #hash ~tilde~ |pipe| $math$ '
           '`tick` \\back "quoted" \'single\' &amp; :tada: @at {brace} %pct')


def para(*runs: Run | str) -> Paragraph:
    return Paragraph(tuple(Run(run) if isinstance(run, str) else run for run in runs))


def entry(kind: str, position: str, org: str = "", *, body: tuple[Item, ...] = (),
          **fields: object) -> Entry:
    values: dict[str, object] = {"org_url": "", "dates": "", "length": "", "location": "",
                                 "compact_kind": KINDS[kind].COMPACT if kind in KINDS else False}
    values.update(fields)
    return Entry(kind=kind, position=position, org=org, body=body,  # type: ignore[arg-type]
                 **values)


def english_cv() -> CV:
    every_block = (
        para("Plain, ", Run("emphasis", emphasis=True), ", ", Run("strong", strong=True),
             ", ", Run("both", emphasis=True, strong=True), ", ", Run("x = `a` ``b``",
                                                                          literal=True),
             ", a ", Run("link (with parentheses)", url="https://example.org/a_(b)?q=1&r=*2*"),
             ", ", Run("ada@example.org", url="mailto:ada@example.org"), " and ",
             Run("https://example.org/", url="https://example.org/"), "."),
        para("1. not a list; ", AWKWARD),
        para("- not a bullet either, and a very long address that runs past the line: "
             "https://example.org/" + "a-long-path/" * 8),
        BulletList(((0, para("first")), (1, para("nested ", Run("code", literal=True))),
                    (2, para("deeper")), (0, para("second, ", Run("bold", strong=True))),
                    (2, para("two levels down at once")))),
        # Numbered down, a bullet list in an item, numbered again in that; then a list
        # numbered up from 9, past 10 (a wider number).
        BulletList(((0, para("three")), (0, para("two")), (1, para("a bullet in two")),
                    (2, para("numbered in it")), (2, para("and on")), (0, para("one"))),
                   (3, 2, None, 1, 2, 1)),
        BulletList(((0, para("ninth")), (1, para("under the ninth")), (0, para("tenth"))),
                   (9, None, 10)),
        Aside("Note: *not* markup", (para("Inside the aside."),
                                     BulletList(((0, para("an item")),)),
                                     Aside("", (para("An aside in an aside."),)))),
    )
    jobs = (
        entry("job", "Senior Engineer", "Acme <Corp> & Sons", org_url="https://acme.example/",
              dates="Mar 2021 – present", length="5 yrs 8 mos", location="Zürich, CH",
              body=every_block),
        entry("job", "", "Org Without Position", dates="2019 – 2020", length="1 yr",
              body=(para("The organisation heads it."),)),
        EmployerGroup("Umbrella Ltd.", "https://umbrella.example/", "2015 – 2019", "4 yrs",
                      "Remote", (
                          entry("job", "Lead", dates="2017 – 2019", length="2 yrs",
                                body=(para("Led."),)),
                          entry("job", "Developer", "Umbrella Labs", dates="2015 – 2017",
                                length="2 yrs", location="Berlin"))),
        entry("volunteer", "Mentor", "Code Club", dates="2018", length="",
              body=(para("Taught children."),)),
    )
    others = (
        entry("education", "Example University", "MSc, Computer Science", dates="2010 – 2012",
              details=(Detail("Score", "1.0"), Detail("Courses", "Compilers, Types"))),
        entry("project", "Widget", url="https://github.com/example/widget", dates="2020",
              details=(Detail("", "Python, Typst"),),
              body=(para("A widget."),)),
        entry("award", "Best Paper", "ACM", dates="Jun 2019"),
        entry("certificate", "Certified Kubernetes Administrator", "CNCF", dates="2022",
              url="https://cncf.example/cert/1"),
        entry("publication", "On Escaping", "Journal of *Markup*", dates="2018",
              headed=False, url="https://doi.example/10.1/2",
              body=(para("With B. Author: ", Run("On Escaping", url="https://doi.example/10.1/2"),
                         ", in the Journal of *Markup*."),)),
        entry("talk", "Typesetting CVs", "PyCon", dates="May 2023", location="Prague",
              details=(Detail("Authors", "Ada Q. Lovelace-Ünal, C. Babbage, (Star)", "", (
                  ("Ada Q. Lovelace-Ünal", True, False), ("C. Babbage", False, False),
                  ("(Star)", False, True))),)),
        entry("reference", "A. Colleague", body=(para("“A careful engineer.”"),)),
    )
    compact = (
        entry("skill", "Python", details=(Detail("", "Expert"), Detail("", "typing, asyncio"))),
        entry("skill", "C#/.NET"),
        entry("language", "English", details=(Detail("", "Native"),)),
        entry("language", "Deutsch", details=(Detail("", "Fließend"),)),
        entry("interest", "Type | design"),
        entry("skill", "Writing", body=(para("Not compact: it has a body."),)),
    )
    return CV(
        name="Ada Q. Lovelace-Ünal", label="Engineer & writer",
        language="en", image="https://example.org/photos/ada.png",  # a web address: not fetched
        contacts=(Contact("Email", "ada@example.org", "mailto:ada@example.org", "email"),
                  Contact("Phone", "+44 20 7946 0958", "tel:+442079460958", "phone"),
                  Contact("Web", "example.org/~ada", "https://example.org/~ada", "web"),
                  Contact("Location", "London, GB", "", "location"),
                  Contact("GitHub", "https://github.com/ada_", "https://github.com/ada_",
                          "profile")),
        sections=(
            Section("Ada", 0, (para("An introduction, ", Run("with a link",
                                                                 url="https://example.org/")),)),
            Section("Experience", 1, jobs),
            Section("Education & more", 1, others),
            Section("Skills", 2, compact),
            Section("A third level", 3, (para("Deep."),)),
            Section("Publications", 1, (BulletList(((0, para(
                Run("On Escaping", url="https://doi.example/10.1/2"), ": a paper.")),)),)),
        ))


def arabic_cv() -> CV:
    return CV(
        name="ليلى أحمد", label="مهندسة برمجيات", language="ar",
        contacts=(Contact("البريد الإلكتروني", "layla@example.org", "mailto:layla@example.org",
                          "email"),),
        sections=(
            Section("الخبرة", 1, (
                entry("job", "مهندسة", "شركة المثال", dates="2020 – الآن", length="6 سنوات",
                      location="دبي", body=(para("نص ", Run("مهم", strong=True),
                                                 " مع English و 123."),)),
                entry("language", "العربية", details=(Detail("", "اللغة الأم"),)),
            )),
        ))


CVS = {"english": english_cv, "arabic": arabic_cv}


@pytest.fixture(params=sorted(CVS))
def cv(request: pytest.FixtureRequest) -> Iterator[CV]:
    made = CVS[request.param]()
    l10n.activate(made.language)  # the Word file's direction is the language's
    yield made
    l10n.activate(None)


def golden(cv: CV, suffix: str) -> Path:
    return GOLDEN / f"{'arabic' if cv.language == 'ar' else 'english'}{suffix}"


def test_text(cv: CV) -> None:
    check_snapshot(golden(cv, ".txt"), cv_text(cv))


def test_markdown(cv: CV) -> None:
    check_snapshot(golden(cv, ".md"), cv_markdown(cv))


def test_typst(cv: CV) -> None:
    # The Arabic CV with the designs' defaults; the English one with what conf.py and the
    # fit to the budget may set: icons, a footer, section and date styles, the layout.
    designed = {} if cv.language == "ar" else {
        "icons": tuple(f"icons/{icon_for(contact).name}.svg" for contact in cv.contacts),
        "footer": Footer(cv.name, "page {page} of {pages}", "Last updated November 2026"),
        "layout": Layout(spacing=0.8, margins=(("x", "15mm"), ("y", "12mm")), size="9.5pt"),
        "section_style": "smallcaps", "date_style": "bold"}
    settings = Settings(title="CV of " + cv.name, author=cv.name, language=cv.language,
                        fonts=("Libertinus Serif", "Noto Naskh Arabic"),
                        mono_fonts=("DejaVu Sans Mono",), **designed)
    check_snapshot(golden(cv, ".typ"), document(cv, settings, "work-history/classic.typ"))


def docx_paragraphs(cv: CV) -> str:
    """The Word document as a reader meets it: its properties, then each paragraph's
    style and text, a run's emphasis, strength, code font and link marked."""
    require_module("docx")  # the docx extra; the test requirements install it
    from docx.text.hyperlink import Hyperlink

    from sphinx_work_history.outputs.docx.builder import build_docx

    made = build_docx(cv, "CV of " + cv.name, dt.datetime(2026, 11, 27, tzinfo=dt.UTC))
    props = made.core_properties
    normal = made.styles["Normal"].element
    rtl = normal.pPr is not None and normal.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi") is not None
    lines = [f"title: {props.title}", f"author: {props.author}",
             f"language: {props.language}", f"right to left: {rtl}", ""]
    for paragraph in made.paragraphs:
        shown = []
        for part in paragraph.iter_inner_content():
            runs = part.runs if isinstance(part, Hyperlink) else [part]
            for run in runs:
                text = run.text
                if run.font.name == "Courier New":
                    text = f"`{text}`"
                if run.italic:
                    text = f"_{text}_"
                if run.bold:
                    text = f"**{text}**"
                shown.append(f"[{text}]({part.address})" if isinstance(part, Hyperlink)
                             else text)
        lines.append(f"{paragraph.style.name}: {''.join(shown)}")
    return "\n".join(lines) + "\n"


def test_docx(cv: CV) -> None:
    check_snapshot(golden(cv, ".docx.txt"), docx_paragraphs(cv))


def test_a_profile_shows_its_username_and_the_text_cv_each_address() -> None:
    """A profile's username is what every format shows, linked to its address, even
    when the address names no one (JSON Resume's sample: ``https://www.twitter.com``);
    the text CV, which has no links, gives the address after it."""
    person = {"name": "Ada", "url": "https://ada.example/", "profiles": [
        {"network": "Twitter", "username": "ada_l", "url": "https://www.twitter.com"},
        {"network": "Blog", "url": "https://blog.ada.example/"},
        {"network": "GitHub", "username": "ada"}]}
    made = CV(name="Ada", label="", language="en", contacts=contacts_of(person), sections=())
    assert cv_text(made).splitlines()[2:] == [
        "Web: https://ada.example/",
        "Twitter: ada_l (https://www.twitter.com)",
        "Blog: https://blog.ada.example/",
        "GitHub: ada"]
    assert cv_markdown(made).splitlines()[2:] == [
        "Web: [https://ada.example/](<https://ada.example/>) \\",
        "Twitter: [ada\\_l](<https://www.twitter.com>) \\",
        "Blog: [https://blog.ada.example/](<https://blog.ada.example/>) \\",
        "GitHub: ada"]


def test_a_list_is_its_runs_of_numbers() -> None:
    """The flat items of a block, read back as the lists a reader sees: bullets, then
    numbers counting up or down, a new list where the count breaks."""
    items = ("a", "b", "c", "d", "e", "f", "g")
    block = BulletList(tuple((0, para(text)) for text in items), (None, 1, 2, 1, 2, 3, 2))
    assert [(shown.numbered, shown.start, shown.reversed, [i.text.text for i in shown.items])
            for shown in block.lists] == [
        (False, 1, False, ["a"]), (True, 1, False, ["b", "c"]),
        (True, 1, False, ["d", "e", "f"]), (True, 2, False, ["g"])]
    down = BulletList(tuple((0, para(text)) for text in items[:3]), (3, 2, 1))
    shown, = down.lists
    assert (shown.start, shown.reversed) == (3, True)


def test_a_numbered_entry_is_led_by_its_label() -> None:
    """A numbered list's label leads its entry's heading, as in a reference list; an
    entry its sentence heads has it first among its facts, never in brackets."""
    headed = entry("publication", "Notes", "Journal", dates="2021", label="[1]")
    sentence = entry("publication", "Notes", dates="2020", headed=False, label="[2]",
                     body=(para("We wrote Notes."),))
    made = CV(name="Ada", label="", language="en", contacts=(),
              sections=(Section("Publications", 1, (headed, sentence)),))
    text = cv_text(made).splitlines()
    assert "[1] Notes, Journal" in text
    assert "[2] · 2020" in text
    markdown = cv_markdown(made).splitlines()
    assert "### \\[1\\] Notes, Journal" in markdown
    assert "*\\[2\\] · 2020*" in markdown
    assert "[1] Notes, Journal" in docx_paragraphs(made)
    typst = document(made, Settings(title="CV of Ada", author="Ada"),
                     "work-history/classic.typ")
    assert 'label: "[1]"' in typst
    assert 'label: "[2]"' in typst
    assert "([" not in "\n".join(text)


# -- italics and bold in Markdown ----------------------------------------------------
def _read_markdown(markdown: str) -> list[tuple[str, frozenset[str]]]:
    """Each character a CommonMark reader (markdown-it-py) shows for *markdown*, with
    its marks (``*``/``_`` spans, or the HTML tags ``<em>``, ``<strong>``)."""
    from markdown_it import MarkdownIt

    [line] = MarkdownIt("commonmark").parseInline(markdown)
    marks: list[str] = []
    shown: list[tuple[str, frozenset[str]]] = []
    for token in line.children or []:
        tag = token.tag or token.content.strip("</>")
        if token.type in ("em_open", "strong_open") or token.content in ("<em>", "<strong>"):
            marks.append("strong" if tag == "strong" else "emphasis")
        elif token.type in ("em_close", "strong_close") or token.content in (
                "</em>", "</strong>"):
            marks.remove("strong" if tag == "strong" else "emphasis")
        else:
            text = "\n" if token.type == "softbreak" else token.content
            shown += [(char, frozenset(marks)) for char in text]
    return shown


def _marks_of(runs: tuple[Run, ...]) -> list[tuple[str, frozenset[str]]]:
    """What the runs should show: each character, with its marks."""
    return [(char, frozenset(mark for mark in ("emphasis", "strong") if getattr(run, mark)))
            for run in runs for char in run.text]


def _same(read: list[tuple[str, frozenset[str]]], meant: list[tuple[str, frozenset[str]]]
          ) -> None:
    # A line's spaces at its ends are no part of its paragraph.
    assert "".join(char for char, _ in read).strip() == "".join(c for c, _ in meant).strip()
    # A space has no mark to show: only the other characters' marks count.
    assert [(c, m) for c, m in read if not c.isspace()] == [
        (c, m) for c, m in meant if not c.isspace()]


@pytest.mark.parametrize("runs", [
    (Run("Lovelace, A.", emphasis=True, strong=True), Run(", Babbage, C.", emphasis=True)),
    (Run("A", strong=True), Run("B", emphasis=True, strong=True), Run("C", emphasis=True)),
    (Run("em", emphasis=True), Run("strong", strong=True), Run("plain")),
    (Run("foo.", strong=True), Run("bar")),
    (Run("foo"), Run("(bar)", emphasis=True), Run("baz")),
    (Run("a *star* and _under_ ", strong=True), Run("x", emphasis=True)),
    (Run("word", emphasis=True), Run(" spaced ", strong=True), Run("end", emphasis=True)),
])
def test_markdown_marks_nested_and_adjacent_spans_exactly(runs: tuple[Run, ...]) -> None:
    """Bold in italics, italics in bold, spans side by side and punctuation next to
    a mark: a CommonMark reader shows the text unchanged with exactly its marks."""
    from sphinx_work_history.outputs.markdown.builder import inline

    _same(_read_markdown(inline(Paragraph(runs))), _marks_of(runs))


def test_markdown_bolds_the_highlighted_author_among_italic_facts() -> None:
    """A paper's facts in italics, the CV's own name among its authors in bold: bold
    italic on exactly the name (the full stop of its initial too), the rest italic."""
    from sphinx_work_history.outputs.markdown.builder import meta_line

    made = entry("publication", "Notes", dates="2021", details=(Detail(
        "Authors", "Lovelace, A., Babbage, C.", "", (
            ("Lovelace, A.", False, True), ("Babbage, C.", False, False))),))
    line = meta_line(made)
    assert "***Lovelace, A*.**" not in line
    read = _read_markdown(line)
    _same(read, [(char, frozenset({"emphasis"})) for char in "2021 · Authors: "]
          + [(char, frozenset({"emphasis", "strong"})) for char in "Lovelace, A."]
          + [(char, frozenset({"emphasis"})) for char in ", Babbage, C."])


_TEXT = st.text(alphabet="ab1 .,:;()*_`<>&!-·€é\\", min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.builds(Run, _TEXT, st.booleans(), st.booleans()), min_size=1,
                max_size=6))
def test_markdown_shows_any_runs_marks_exactly(runs: list[Run]) -> None:
    from sphinx_work_history.outputs.markdown.builder import inline

    _same(_read_markdown(inline(Paragraph(tuple(runs)))), _marks_of(tuple(runs)))
