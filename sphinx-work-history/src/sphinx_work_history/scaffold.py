"""A new CV project's files, from the templates in ``assets/project/``.

`write_project` writes conf.py (the person, and the settings that make the
PDF and the ePub CV-shaped), index.md (the hub, whose hidden toctree lists
the pages), the pages, a pinned requirements.txt, a .readthedocs.yaml, a
Makefile, a README and a .gitignore. It never writes into a folder that
holds anything unless told to (*force*), and then replaces only its own
files.
"""

from __future__ import annotations

import json
import re
import unicodedata
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from string import Template
from typing import Any

from . import myst_writer as mw
from .importers import InputError, Page, Project

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


def formats() -> tuple[str, ...]:
    """Every format a new project builds: the CV as a Typst PDF too once the package
    has that builder (its module ``cv_pdf``)."""
    base = ("html", "epub", "latexpdf", "cv-docx", "cv-text", "cv-markdown")
    return (*base, "cv-pdf") if find_spec(f"{__package__}.cv_pdf") else base


def _assets() -> Any:
    return resources.files(__package__) / "assets" / "project"


def book_name(name: str) -> str:
    """``ada-lovelace-cv`` from "Ada Lovelace": a file name in ASCII letters and digits."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return f"{slug}-cv" if slug else "cv"


def literal(value: Any, indent: int = 0) -> str:
    """*value* (strings, lists, dicts) as Python source, four spaces a level, a short
    dict or list on one line."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a Python string
    if isinstance(value, dict):
        parts = [f"{json.dumps(k, ensure_ascii=False)}: {literal(v, indent + 4)}"
                 for k, v in value.items()]
        opening, closing = "{", "}"
    elif isinstance(value, list):
        parts = [literal(v, indent + 4) for v in value]
        opening, closing = "[", "]"
    else:
        return repr(value)
    flat = opening + ", ".join(parts) + closing
    if "\n" not in flat and indent + len(flat) <= 72:
        return flat
    pad = " " * (indent + 4)
    return opening + "\n" + "".join(f"{pad}{part},\n" for part in parts) + " " * indent + closing


def new_project(name: str) -> Project:
    """A project with the pages a CV starts from, each with an example in a comment."""
    pages = [Page(f"pages/{page}.md", (_assets() / "pages" / f"{page}.md").read_text(
        encoding="utf-8")) for page in NEW_PAGES]
    # The name is the project's author, which the person's name defaults to.
    return Project(name=name, person={}, pages=pages)


def files(project: Project) -> dict[str, str]:
    """Every file of *project*: path (relative) -> text."""
    from . import __version__

    name = project.name or "CV"
    values = {
        "name": name,
        "project": literal(name),
        "author": literal(project.name),
        "person": literal(project.person),
        "book_name": literal(book_name(project.name)),
        "heading": mw.heading(1, name)[2:],
        "introduction": "".join(p + "\n\n" for p in mw.paragraphs(project.introduction)
                                if project.introduction),
        "pages": "\n".join(page.path.removesuffix(".md") for page in project.pages),
        "version": __version__,
        "formats": " ".join(formats()),
    }
    out = {dest: Template((_assets() / template).read_text(encoding="utf-8")).substitute(values)
           for template, dest in TEMPLATES.items()}
    out |= {page.path: page.text for page in project.pages}
    return out


def write_project(project: Project, folder: Path, force: bool = False) -> list[Path]:
    """Write *project* into *folder*; the files written."""
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise InputError(f"{folder}: not empty; nothing written (--force writes the "
                         "project's files into it, replacing those of the same name)")
    written = []
    for relative, text in files(project).items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
