"""The README's complete example builds, strictly, and shows what the README says."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_work_history.testing import (
    epubcheck,
    readme_example,
    require_tool,
    resume_entries,
    schema_errors,
    sphinx_build,
)

# Its module fixtures build once: every test of the module on one worker.
pytestmark = pytest.mark.xdist_group("readme")

PACKAGE = Path(__file__).resolve().parent.parent

README = (PACKAGE / "README.md").read_text(encoding="utf-8")
EXAMPLE = README.split("<!-- example: start -->")[1].split("<!-- example: end -->")[0]
# The builds the example gives: `python -m sphinx -M builder . _build`, and what each writes.
BUILDS = re.findall(r"python -m sphinx -M (\S+) \. _build`?(?: +# (_build/\S+))?", EXAMPLE)


def words(tag) -> str:
    return " ".join(tag.get_text(" ").split())


def test_the_example_builds_every_format():
    assert [builder for builder, _ in BUILDS] == ["html", "epub", "latexpdf", "cv-docx",
                                                  "cv-text", "cv-markdown"]


def sphinx(src: Path, builder: str) -> None:
    """As the README says, in the example's folder: ``python -m sphinx -M builder . _build``."""
    sphinx_build(src, src / "_build", builder, "-q", make_mode=True)


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    """The example's two files, built in their folder with each command the README gives,
    one after the other, as a newcomer would (each build sees the ones before)."""
    src = tmp_path_factory.mktemp("readme") / "cv"
    src.mkdir()
    files = readme_example(PACKAGE / "README.md")
    assert sorted(files) == ["conf.py", "index.md"]
    for name, text in files.items():
        (src / name).write_text(text, encoding="utf-8")
    for builder, _ in BUILDS:
        if builder == "latexpdf" and not shutil.which("latexmk"):
            builder = "latex"  # the PDF's test skips
        sphinx(src, builder)
    return src


@pytest.fixture(scope="module")
def html(example) -> Path:
    return example / "_build" / "html"


@pytest.mark.parametrize(("builder", "output"), [b for b in BUILDS if b[1]],
                         ids=[b[0] for b in BUILDS if b[1]])
def test_each_build_writes_the_file_the_readme_names(example, builder, output):
    if builder == "latexpdf":
        require_tool("latexmk")
    assert (example / output).is_file(), output


def test_the_home_page_lists_the_three_roles_newest_first(html):
    page = BeautifulSoup((html / "index.html").read_text(encoding="utf-8"), "html.parser")
    table = page.select_one("table.wh-summary")
    rows = [[words(td) for td in tr.select("td")] for tr in table.select("tbody tr")]
    assert rows == [
        ["Database Engineer", "Example Cloud Inc", "May 2021 – present", "5 yrs 6 mos"],
        ["Support Engineer", "Example Cloud Inc", "Jan 2019 – Apr 2021", "2 yrs 3 mos"],
        ["Junior Developer", "Example Widgets Ltd", "2017 – 2018", "1 yr"],
    ]
    for link in table.select("tbody a"):
        target = page.find(id=link["href"].removeprefix("index.html").removeprefix("#"))
        assert target is not None, link["href"]
        assert words(target.select_one(".wh-position")) == words(link)


def test_the_employer_gives_the_total_tenure_once(html):
    page = BeautifulSoup((html / "index.html").read_text(encoding="utf-8"), "html.parser")
    (employer,) = page.select("section.wh-employer")
    header = employer.select_one("header.wh-employer-header")
    assert words(header.select_one(".wh-org")) == "Example Cloud Inc"
    assert words(header.select_one(".wh-dates")) == "Jan 2019 – present"
    assert words(header.select_one(".wh-location")) == "Berlin"
    assert len(employer.select("article.wh-job")) == 2
    links = {words(a): a["href"] for a in page.select("a.reference.internal")}
    assert links["the database team"] == "#example-cloud-inc-2021"


def test_resume_json_holds_the_resume(html):
    resume = json.loads((html / "resume.json").read_text(encoding="utf-8"))
    assert schema_errors(resume) == []
    assert resume["basics"]["name"] == "Ada Example"  # conf.py's author
    assert resume["basics"]["label"] == "Database engineer"
    assert resume["basics"]["summary"] == "I build and run databases, and I write about them."
    assert resume_entries(resume) == [
        ("Database Engineer", "Example Cloud Inc", "2021-05", None),
        ("Support Engineer", "Example Cloud Inc", "2019-01", "2021-04"),
        ("Junior Developer", "Example Widgets Ltd", "2017", "2018"),
    ]
    assert resume["work"][0]["highlights"] == ["Cut failover time from minutes to seconds.",
                                               "Wrote the on-call handbook."]


def test_the_pdf_builds(example):
    require_tool("latexmk")
    text = subprocess.run([require_tool("pdftotext"), str(example / "_build/latex/cv.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    text = " ".join(text.split())
    for shown in ("Database Engineer", "Example Widgets Ltd", "Jan 2019 – Apr 2021"):
        assert shown in text, shown
    # A CV: no contents page, no index.
    assert "Contents" not in text
    assert "Index" not in text


def test_the_epub_passes_epubcheck(example, tmp_path):
    report = tmp_path / "epubcheck.json"
    epubcheck(example / "_build/epub/AdaExample.epub", "--json", str(report))
    found = json.loads(report.read_text(encoding="utf-8"))
    messages = [f"{m['severity']} {m['ID']}: {m['message']}" for m in found["messages"]]
    checker = found["checker"]
    assert (checker["nFatal"], checker["nError"], checker["nWarning"]) == (0, 0, 0), messages
    assert found["publication"]["title"] == "Ada Example"


def test_the_cv_files_hold_every_role(example):
    import docx

    text = (example / "_build/cv-text/adaexample.txt").read_text(encoding="utf-8")
    markdown = (example / "_build/cv-markdown/adaexample.md").read_text(encoding="utf-8")
    document = docx.Document(str(example / "_build/cv-docx/adaexample.docx"))
    word = "\n".join(p.text for p in document.paragraphs)
    for cv in (text, markdown, word):
        for shown in ("Ada Example", "Database Engineer", "Support Engineer", "Junior Developer",
                      "Example Widgets Ltd", "Cut failover time from minutes to seconds.",
                      "ada@example.org"):
            assert shown in cv, shown
