"""The pictures of the cv-pdf builder's designs on the PDF page (pdf.md): page 1 of
the same example CV in each design, rendered by Typst and ``pdftoppm -r 60``, with
the contact block's icons and the footer, as the builder's defaults draw them; and
on the letters page (letters.md), the same person's example cover letter in each
design, ``letter-<design>.png``, as the builder writes an application's letter.

Run it again when a design changes, and commit the pictures it rewrites::

    python docs/designs/render.py
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import typst

from sphinx_work_history.config.values import PDF_DESIGNS
from sphinx_work_history.model.cv_model import (
    CV,
    BulletList,
    Contact,
    EmployerGroup,
    Entry,
    Paragraph,
    Run,
    Section,
)
from sphinx_work_history.model.letter import Letter, Recipient
from sphinx_work_history.model.views import Detail
from sphinx_work_history.outputs.typst.builder import DESIGN_DIR, DESIGNS, ICON_DIR
from sphinx_work_history.outputs.typst.document import Footer, Settings, document
from sphinx_work_history.outputs.typst.icons import write_icons
from sphinx_work_history.outputs.typst.letter import letter_source

HERE = Path(__file__).resolve().parent


def para(*runs: str | Run) -> Paragraph:
    return Paragraph(tuple(Run(run) if isinstance(run, str) else run for run in runs))


def job(position: str, org: str, dates: str, length: str, location: str,
        *body: Paragraph | BulletList, **fields: object) -> Entry:
    return Entry("job", position, org, "", dates, length, location, body,
                 **fields)  # type: ignore[arg-type]


def line(kind: str, name: str, *facts: str) -> Entry:
    """A skill, a language or an interest: a line of its list."""
    return Entry(kind, name, "", "", "", "", "", (),
                 details=tuple(Detail("", fact) for fact in facts), compact_kind=True)


def example() -> CV:
    bullets = BulletList(((0, para("Cut failover from minutes to seconds.")),
                          (0, para("Mentored two engineers, then led the on-call rota.")),
                          (1, para("Wrote its runbooks, ", Run("tested", emphasis=True),
                                   " every quarter."))))
    work = (
        job("Staff Engineer", "Example Co", "Apr 2019 – present", "7 yrs 7 mos", "Remote",
            para("Ran the ", Run("replication", strong=True), " work for the main "
                 "databases, and the migration to the new storage."), bullets),
        EmployerGroup("Widgets Ltd", "https://example.org/", "2012 – Mar 2019", "7 yrs",
                      "Berlin", (
                          job("Senior Engineer", "", "2015 – Mar 2019", "4 yrs", "",
                              para("Wrote the order system, with ",
                                   Run("care", emphasis=True), ".")),
                          job("Engineer", "", "2012 – 2015", "3 yrs", ""),
                      )),
    )
    learning = (
        Entry("education", "Example University", "BSc, Computer Science", "",
              "2008 – 2012", "", "Leeds", (), details=(Detail("Score", "First"),)),
        Entry("project", "pgwatch", "Example Co", "", "2020 – 2022", "", "",
              (para("A monitor of replication lag."),), url="https://example.org/pgwatch",
              details=(Detail("", "tool"), Detail("Keywords", "PostgreSQL, Go"))),
        Entry("certificate", "Certified PostgreSQL Professional", "EDB", "", "2021", "", "",
              ()),
    )
    return CV(
        name="Example Person", label="Database engineer", language="en",
        contacts=(Contact("Email", "person@example.org", "mailto:person@example.org", "email"),
                  Contact("Web", "example.org", "https://example.org/", "web"),
                  Contact("Location", "Leeds, GB", "", "location"),
                  Contact("GitHub", "github.com/person", "https://github.com/person",
                          "profile")),
        sections=(
            Section("", 0, (para("I build databases that stay up, and write about it."),)),
            Section("Work history", 1, work),
            Section("Education and projects", 1, learning),
            Section("Skills", 1, (line("skill", "PostgreSQL", "Expert", "replication"),
                                  line("skill", "Python", "Advanced"),
                                  line("skill", "Go", "Working"))),
            Section("Languages", 1, (line("language", "English", "Native"),
                                     line("language", "Deutsch", "Fluent"))),
            Section("Interests", 1, (line("interest", "Type design"),)),
        ))


def example_letter(cv: CV) -> Letter:
    """The example person's letter to a fictional employer, as a page's ``letter``
    directive and body would give it."""
    return Letter(
        application="example", language="en", name=cv.name, label=cv.label,
        contacts=cv.contacts,
        recipient=Recipient("Sam Example", "Head of Infrastructure", "Example Engines",
                            ("1 Example Street", "Leeds LS1 1AA")),
        date="March 2, 2026", subject="Database engineer, reference 42",
        salutation="Dear Sam Example,", closing="Yours sincerely,", signature=cv.name,
        body=(para("I am writing to apply for the post of database engineer at Example "
                   "Engines. For seven years I have kept the databases of Example Co up "
                   "and fast, and I would like to do the same for yours."),
              para("At Example Co I ran the ", Run("replication", strong=True),
                   " work for the main databases and led the move to new storage, "
                   "without losing a row. Before that, at Widgets Ltd, I wrote the "
                   "order system."),
              BulletList(((0, para("failover cut from minutes to seconds")),
                          (0, para("an on-call rota that two engineers now lead")))),
              para("I would welcome the chance to talk about the post. My CV, "
                   "enclosed, has the details.")))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / DESIGN_DIR).mkdir()
        for template in DESIGNS.glob("*.typ"):
            (work / DESIGN_DIR / template.name).write_bytes(template.read_bytes())
        cv = example()
        icons = write_icons(cv.contacts, work / DESIGN_DIR / ICON_DIR, Settings.accent)
        for name in PDF_DESIGNS:
            settings = Settings(title="Example CV", author=cv.name, design=name,
                                fonts=("Libertinus Serif", "New Computer Modern"),
                                mono_fonts=("DejaVu Sans Mono",),
                                icons=tuple(f"{ICON_DIR}/{icon}" for icon in icons),
                                footer=Footer(cv.name, "page {page} of {pages}"))
            source = work / f"{name}.typ"
            source.write_text(document(cv, settings, f"{DESIGN_DIR}/{name}.typ"),
                              encoding="utf-8")
            pdf = source.with_suffix(".pdf")
            typst.compile(str(source), output=str(pdf), root=str(work),
                          ignore_system_fonts=True, pdf_standards="ua-1")
            picture(pdf, name)
            letter = work / f"letter-{name}.typ"
            letter.write_text(letter_source(example_letter(cv), settings,
                                            f"{DESIGN_DIR}/{name}.typ",
                                            f"{DESIGN_DIR}/letter.typ"), encoding="utf-8")
            typst.compile(str(letter), output=str(letter.with_suffix(".pdf")),
                          root=str(work), ignore_system_fonts=True, pdf_standards="ua-1")
            picture(letter.with_suffix(".pdf"), f"letter-{name}")


def picture(pdf: Path, name: str) -> None:
    """Page 1 of *pdf* as ``<name>.png`` beside this script."""
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(HERE / name)], check=True)


if __name__ == "__main__":
    main()
