"""A kind of entry made in this module alone: a ``patent``, its record and nothing else.

It says once what a patent is (its heading, a ``:number:`` with a schema.org
term and a detail label, a date, an issuer after the heading) and every
output shows it, though no module of the package names it.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest
from bs4 import BeautifulSoup

from sphinx_work_history.model import kinds, l10n
from sphinx_work_history.model.kinds import Record, detail_fields, opt
from sphinx_work_history.model.records import JobRecord, VolunteerRecord
from sphinx_work_history.testing import build, jsonld_person, require_tool


@dataclass(frozen=True, kw_only=True)
class PatentRecord(Record):
    KIND = "patent"
    SUBTITLE: ClassVar[tuple[str, ...]] = ("office",)
    HEADING_LINK = "url"
    SECTION = "Patents"
    JSONLD_PROPERTY, JSONLD_TYPE, JSONLD_DATE = "@reverse creator", "CreativeWork", "dateCreated"
    DATED = True

    heading: str = ""
    office: str = opt("office", jsonld="publisher")
    number: str = opt("number", jsonld="identifier", detail="Number")
    url: str = opt("url", type="url", jsonld="url")


CONF = """\
extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = "Hedy's CV"
author = "Hedy Lamarr"
copyright = "Hedy Lamarr"
version = release = "1"
language = "en"
work_history_today = "2026-11-27"
work_history_person = {"name": "Hedy Lamarr", "email": "hedy@example.org",
                       "url": "https://hedy.example.org/"}
exclude_patterns = ["_build"]
"""

INDEX = """\
# Hedy Lamarr

## Patents

:::{patent} Secret Communication System
:office: US Patent Office
:number: US 2292387
:date: 1942-08-11
Frequency hopping for radio-guided torpedoes.
:::

See {entry}`secret-communication-system-1942`.
"""

HEADING, NUMBER, OFFICE = "Secret Communication System", "US 2292387", "US Patent Office"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    kinds.register(PatentRecord)
    root = tmp_path_factory.mktemp("patent")
    (root / "conf.py").write_text(CONF, encoding="utf-8")
    (root / "index.md").write_text(INDEX, encoding="utf-8")
    yield root
    del kinds.KINDS["patent"]


def built(project: Path, builder: str) -> Path:
    app = build(project, builder)
    warnings = app._warning.getvalue()
    assert warnings == "", warnings
    return Path(app.outdir)


def test_the_kind_is_one_of_every_kind(project):
    assert "patent" in kinds.order()


def test_html_shows_the_patent_and_its_number(project):
    html = (built(project, "html") / "index.html").read_text(encoding="utf-8")
    [entry] = BeautifulSoup(html, "html.parser").select("article.wh-patent")
    assert entry.select_one(".wh-heading").get_text() == HEADING
    assert entry.select_one(".wh-subtitle").get_text() == OFFICE
    assert entry.select_one(".wh-detail").get_text() == f"Number: {NUMBER}"
    assert "h-item" in entry["class"]
    [link] = BeautifulSoup(html, "html.parser").select(
        'a[href="#secret-communication-system-1942"]')
    assert link.get_text() == f"{HEADING}, {OFFICE}"
    person = jsonld_person(html)
    [patent] = person["@reverse"]["creator"]
    assert patent == {"@type": "CreativeWork", "name": HEADING, "publisher": OFFICE,
                      "identifier": NUMBER, "dateCreated": "1942-08-11"}


@pytest.mark.parametrize(("builder", "output"), [
    ("text", "index.txt"), ("cv-text", "*.txt"), ("cv-markdown", "*.md"),
])
def test_text_formats_show_the_patent(project, builder, output):
    outdir = built(project, builder)
    [written] = [p for p in outdir.glob(output) if p.is_file()]
    text = written.read_text(encoding="utf-8")
    assert HEADING in text
    assert NUMBER in text
    assert "Number" in text


def test_latex_shows_the_patent(project):
    [tex] = built(project, "latex").glob("*.tex")
    source = tex.read_text(encoding="utf-8")
    assert HEADING in source
    assert NUMBER.replace(" ", "~") in source or NUMBER in source


def test_docx_shows_the_patent(project):
    [docx] = built(project, "cv-docx").glob("*.docx")
    with zipfile.ZipFile(docx) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert HEADING in xml
    assert NUMBER in xml


def test_pdf_shows_the_patent(project):
    [pdf] = built(project, "cv-pdf").glob("*.pdf")
    text = subprocess.run([require_tool("pdftotext"), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert HEADING in text
    assert NUMBER in text


def test_resume_json_has_no_place_for_it(project):
    resume = json.loads((built(project, "html") / "resume.json").read_text(encoding="utf-8"))
    assert HEADING not in json.dumps(resume)


def test_every_kind_s_words_are_catalogue_words():
    """The words a kind's record declares (its section, its details' labels) are
    the catalogues' (l10n.WORDS), so each language has them."""
    built_in = [kind for kind in kinds.KINDS.values() if kind is not PatentRecord]
    for kind in (JobRecord, VolunteerRecord, *built_in):
        labels = [f.metadata["detail"] for f in detail_fields(kind) if f.metadata["detail"]]
        assert {kind.SECTION, *labels} <= set(l10n.WORDS), kind.KIND
