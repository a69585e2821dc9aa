"""A new CV project's files, from the templates in ``assets/project/``.

`write_project` writes person.json (the person, as data), conf.py (which
reads it, and the settings that make the PDF and the ePub CV-shaped),
index.md (the hub: the summary, then on the site the roles at a glance,
a link to each page, to resume.json and to the CV's files; its hidden
toctree lists the pages), the pages (and the photo an import fetched, as
the project's other files), a pinned requirements.txt (and the package's
wheel, when no index may serve it: package_source.py), a .readthedocs.yaml,
a Makefile, a README and a .gitignore. The home page's words, and the word
"CV" of the book's title, are in the project's language (the package's
catalogue's, `l10n.SCAFFOLD_WORDS`; English where it has none). No value of
the input is Python source: conf.py holds a few, each checked against its
shape: the file name (letters, digits and hyphens), the language code, the
PDF's design and paper. The Markdown files
show the name escaped as MyST writes text. It never writes into a folder
that holds anything unless told to (*force*), and then replaces only its
own files, keeping each in a backup folder (project_folder.py).
"""

from __future__ import annotations

import ast
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from ..importers import InputError, Page, Project
from ..importers import myst_writer as mw
from ..importers.rendercv_tables import LANGUAGE_CODE
from ..model import l10n
from .package_source import package_requirement
from .project_folder import Replaced, check_target, pages_in, write_files

# template (in assets/project/) -> the file it writes
TEMPLATES = {
    "conf.py.txt": "conf.py",
    "index.md.txt": "index.md",
    "requirements.txt.txt": "requirements.txt",
    "readthedocs.yaml.txt": ".readthedocs.yaml",
    "Makefile.txt": "Makefile",
    "README.md.txt": "README.md",
    "gitignore.txt": ".gitignore",
}
NEW_PAGES = ("work", "education", "skills")
LETTER_PAGE = "letters/example.md"  # a new project's example letter (private)
APPLICATIONS = '''
# -- Applications: a cover letter per job, with the CV it goes with --------------
# Each letter page is private (never on the site, never in `make dist`); `make
# applications` writes each letter and its CV, in every CV format, to
# _build/applications. "variant" picks one of work_history_variants for its CV.
work_history_applications = {
    "example": {"letter": "letters/example", "label": "Example Engines, analyst"},
}
'''
PERSON_FILE = "person.json"
BOOK_NAME_LENGTH = 60
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_DESIGN = re.compile(r"classic|moderncv|compact")
_PAPER = re.compile(r"a4|us-letter")
# Markdown's line breaks (CommonMark's, and a carriage return alone).
_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")
# A docname a toctree line gives back as it is: no "title <target>", option or space at
# an end.
_TOCTREE_ENTRY = re.compile(r"[^\s:<>][^<>\n\r]*(?<=\S)")
# A docname a {doc} role holds as it is.
_LINKABLE = re.compile(r"[\w.-]+(/[\w.-]+)*")
# A role, as myst_writer writes one: what the work-history table lists (text it
# escapes never starts a line with a colon).
_JOB = re.compile(r"^:{3,}\{job\}", re.MULTILINE)
# The page a new project's roles go in.
WORK_PAGE = "pages/work.md"
# The hub's roles at a glance: on the site (and in the ePub), not in the PDF or the CV
# files, where the roles themselves follow.
ROLES = Template("""::::{only} html
:::{rubric} $heading
:heading-level: 2
:::

:::{work-history}
:::
::::

""")
# The home page's link to resume.json, after its name.
RESUME_JSON = "[JSON Resume](https://jsonresume.org/schema)"
_PLACEHOLDER = "\ue000"  # a private-use character: no word of the catalogue holds one


def formats() -> tuple[str, ...]:
    """Every format `make all` builds in a new project, none of them through TeX: the
    ePub, the CV as one file each (its PDF through Typst), then the site, whose home
    page links the CV's files the other builds have made (``cv-downloads``). Its
    Makefile has `latexpdf` too, Sphinx's PDF through LaTeX, as a target of its own."""
    return ("epub", "cv-pdf", "cv-docx", "cv-text", "cv-markdown", "html")


def _assets() -> Any:
    return resources.files("sphinx_work_history") / "assets" / "project"


def book_name(name: str) -> str:
    """``ada-lovelace-cv`` from "Ada Lovelace": a file name in ASCII letters, digits and
    hyphens, its name part at most 60 characters (cut at a hyphen where there is one)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if len(slug) > BOOK_NAME_LENGTH:
        cut = slug[:BOOK_NAME_LENGTH + 1]
        slug = cut[:cut.rfind("-")] if "-" in cut else cut[:BOOK_NAME_LENGTH]
    return f"{slug}-cv" if slug else "cv"


def _python_string(value: str, shape: re.Pattern[str] = _SLUG) -> str:
    """*value* as a Python string, checked to be of *shape* (by default a file name of
    ASCII letters, digits and hyphens) and to read back as it is: the values conf.py's
    source holds."""
    source = json.dumps(value)
    if not shape.fullmatch(value) or ast.literal_eval(source) != value:
        raise ValueError(f"not a file name conf.py may hold: {value!r}")
    return source


def _python_text(value: str) -> str:
    """*value* (one of the catalogue's words) as a Python string that reads back as it
    is."""
    source = json.dumps(value, ensure_ascii=False)
    if ast.literal_eval(source) != value:
        raise ValueError(f"not a text conf.py may hold: {value!r}")
    return source


def new_project(name: str) -> Project:
    """A project with the pages a CV starts from, each with an example in a comment."""
    pages = [Page(f"pages/{page}.md", (_assets() / "pages" / f"{page}.md").read_text(
        encoding="utf-8")) for page in NEW_PAGES]
    letter = (_assets() / "letter.md.txt").read_text(encoding="utf-8")
    # The name is the project's author, which the person's name defaults to.
    return Project(name=name, person={}, pages=pages,
                   files={LETTER_PAGE: letter.encode("utf-8")})


def files(project: Project, other_pages: Sequence[str] = (),
          package: str | None = None) -> dict[str, str]:
    """Every text file of *project*: path (relative) -> text. The home page's toctree
    lists the project's pages, then *other_pages* (docnames already in its folder);
    requirements.txt names this package as *package* says (package_source.py)."""
    person = dict(project.person)
    if project.name:  # first, as JSON Resume's basics have it
        person = {"name": project.name} | {k: v for k, v in person.items() if k != "name"}
    pages = [page.path.removesuffix(".md") for page in project.pages] + list(other_pages)
    language = project.language or "en"
    language_source = _python_string(language, LANGUAGE_CODE)  # checked before it is used
    # The home page's words, in the project's language: text, escaped as MyST writes it.
    translate = l10n.translator(language)
    # (a placeholder kept through the escaping: "{format}" is where a link goes).
    words = {message: mw.paragraph(translate(message).replace("{format}", _PLACEHOLDER))
             for message in l10n.SCAFFOLD_WORDS}
    cv = translate("CV")
    values = {
        # Markdown, escaped as MyST writes text: the name is shown, never read as markup.
        "title": _heading(f"{project.name}'s CV" if project.name else "CV"),
        "heading": _heading(project.name or cv)[2:],
        "introduction": "".join(p + "\n\n" for p in mw.paragraphs(project.introduction)
                                if project.introduction),
        "roles": ROLES.substitute(heading=words["Roles at a glance"])
        if _has_roles(project) else "",
        "read_more": words["Read more"],
        "resume_json": words["the CV as data, in the {format} format"].replace(
            _PLACEHOLDER, RESUME_JSON),
        "download": words["Download the CV:"],
        # Each page by its title (a docname of the project's, never a value of the input).
        "links": "".join(f"- {{doc}}`{page}`\n" for page in pages
                         if _LINKABLE.fullmatch(page)),
        "pages": "\n".join(pages),
        # The values in conf.py's source, each checked; the person is data, in person.json.
        "book_name": _python_string(book_name(project.name)),
        "language": language_source,
        "cv": _python_text(cv),
        # In an f-string's text: its braces doubled.
        "cv_in_title": _python_text(cv)[1:-1].replace("{", "{{").replace("}", "}}"),
        "pdf_design": _python_string(project.pdf_design or "classic", _DESIGN),
        "pdf_paper": _python_string(project.pdf_paper or "a4", _PAPER),
        "book": book_name(project.name),
        "package": package_requirement().line if package is None else package,
        "formats": " ".join(formats()),
        # The example application, in a project that holds its letter (a new one).
        "applications": APPLICATIONS if LETTER_PAGE in project.files else "",
    }
    # The person first: a value that cannot be written is said as there.
    out = {PERSON_FILE: json.dumps(person, ensure_ascii=False, indent=2) + "\n"}
    out |= {dest: Template((_assets() / template).read_text(encoding="utf-8")).substitute(values)
            for template, dest in TEMPLATES.items()}
    out |= {page.path: page.text for page in project.pages}
    return out


def _has_roles(project: Project) -> bool:
    """Whether the project has a page of roles: one that holds a role, or the work page
    a new project starts with."""
    return any(page.path == WORK_PAGE or _JOB.search(page.text) for page in project.pages)


def _heading(text: str) -> str:
    """A level-1 heading of *text*, a line break in it written as a reference (which
    MyST reads back): a heading is one line."""
    parts = _LINE_BREAK.split(text)  # text, break, text ...
    return "# " + "".join(mw.heading(1, part)[2:] if i % 2 == 0
                          else "".join(f"&#{ord(char)};" for char in part)
                          for i, part in enumerate(parts))


@dataclass
class Written:
    replaced: list[Replaced]  # with --force: each file replaced, and where it is kept
    notes: list[str]  # what the author should know, one line each


def write_project(project: Project, folder: Path, force: bool = False) -> Written:
    """Write *project* into *folder*, whole or not at all (InputError, with nothing
    written); with *force*, into a folder that holds anything, keeping each file it
    replaces in the backup folder, and listing the pages there in index.md's toctree."""
    exists = check_target(folder, force)
    # The project's pages, and its letter page (in no toctree: private).
    names = {page.path.removesuffix(".md") for page in project.pages} | {"index"} | {
        path.removesuffix(".md") for path in project.files if path.endswith(".md")}
    others = [page for page in pages_in(folder) if page not in names] if exists else []
    listed = [page for page in others if _TOCTREE_ENTRY.fullmatch(page) and page != "self"]
    notes = [f"{folder / page}: not listed in index.md's toctree (its name cannot be "
             "written there); list it in a toctree yourself"
             for page in others if page not in listed]
    package = package_requirement()
    notes += package.notes
    data = dict(package.files)
    for relative, text in files(project, listed, package.line).items():
        try:
            data[relative] = text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InputError(f"{folder / relative}: U+{ord(text[exc.start]):04X} cannot be "
                             "written as UTF-8 (the input held bytes that are not UTF-8 "
                             "text); nothing written") from None
    data |= project.files  # the photo an import fetched
    return Written(write_files(folder, data, exists), notes)
