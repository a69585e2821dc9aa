"""``sphinx-work-history import`` of an ORCID record (ORCID's API v3.0 ``/record`` JSON).

`tests/data/orcid/record.json` is written for these tests to ORCID's published v3.0
record schema: a person with a biography holding markup, a researcher URL that is no
web address, two employments, an education, a journal article with a DOI and a
lecture. The project the import writes is built once, strictly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_work_history.cli.command import main
from sphinx_work_history.importers import read_project
from sphinx_work_history.testing import build, schema_errors

RECORD = Path(__file__).parent / "data" / "orcid" / "record.json"
ORCID = "https://orcid.org/0000-0002-1825-0097"
ARTICLE = "The Cracked Pot: ``{{ markup }}`` $x$"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("orcid") / "cv"
    assert main(["import", str(RECORD), str(folder)]) == 0
    return folder


@pytest.fixture(scope="module")
def html(imported: Path) -> Path:
    app = build(imported, "html")
    assert app._warning.getvalue() == "", app._warning.getvalue()
    return Path(app.outdir)


def test_the_record_is_read_as_orcid_not_json_resume():
    project = read_project(RECORD)
    assert project.name == "Josiah Carberry"
    assert project.person["profiles"] == [
        {"network": "ORCID", "username": "0000-0002-1825-0097", "url": ORCID},
        {"network": "Homepage", "url": "https://carberry.example.edu/"}]
    assert [page.path for page in project.pages] == [
        "pages/work.md", "pages/education.md", "pages/publications.md"]
    works = json.loads(project.files["pages/works.json"])
    assert [(w["type"], w["title"], w.get("DOI")) for w in works] == [
        ("article-journal", ARTICLE, "10.5555/12345678"),
        ("speech", "Pots I Have Known", None)]


def test_the_imported_project_builds_with_every_part(html):
    resume = json.loads((html / "resume.json").read_text(encoding="utf-8"))
    assert schema_errors(resume) == []
    assert {"network": "ORCID", "username": "0000-0002-1825-0097",
            "url": ORCID} in resume["basics"]["profiles"]
    assert [(w["name"], w["position"], w["startDate"]) for w in resume["work"]] == [
        ("Wesleyan <University> & *Co*", "Professor", "2001-07-01"),
        ("Brown University", "Lecturer", "1995")]
    assert [(e["institution"], e["studyType"], e["area"]) for e in resume["education"]] == [
        ("Brown University", "PhD", "Psychoceramics")]
    found = {p["name"]: p for p in resume["publications"]}
    assert found[ARTICLE] == {"name": ARTICLE, "publisher": "Journal of Psychoceramics",
                              "url": "https://journal.example.org/pots",
                              "releaseDate": "2012-03"}
    assert "Pots I Have Known" in found
    page = BeautifulSoup((html / "pages" / "publications.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert [h.get_text() for h in page.select(".wh-heading")] == [
        "Pots I Have Known", ARTICLE]
    assert page.select_one("article.wh-talk .wh-heading").get_text() == "Pots I Have Known"
    home = BeautifulSoup((html / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "<b>Bold</b> {role}`x`" in home.get_text()
