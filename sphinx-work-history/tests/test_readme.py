"""The README's complete example builds, strictly, and shows what the README says."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_work_history.testing import (
    SOURCE_DATE_EPOCH,
    readme_example,
    require_tool,
    resume_entries,
    schema_errors,
)

PACKAGE = Path(__file__).resolve().parent.parent


STRICT = ["-W", "--keep-going", "-n", "-T", "-q"]


def words(tag) -> str:
    return " ".join(tag.get_text(" ").split())


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("readme") / "cv"
    src.mkdir()
    files = readme_example(PACKAGE / "README.md")
    assert sorted(files) == ["conf.py", "index.md"]
    for name, text in files.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


def sphinx(src: Path, builder: str, out: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", *STRICT, "-b", builder, str(src), str(out)],
        capture_output=True, text=True, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]


@pytest.fixture(scope="module")
def html(example) -> Path:
    out = example.parent / "html"
    sphinx(example, "html", out)
    return out


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
    out = example.parent / "latex"
    sphinx(example, "latex", out)
    result = subprocess.run(["make", "-C", str(out), "all-pdf", "LATEXMKOPTS=-silent"],
                            capture_output=True, text=True, check=False,
                            env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    assert result.returncode == 0, result.stdout[-3000:]
    text = subprocess.run([require_tool("pdftotext"), str(out / "cv.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    text = " ".join(text.split())
    for shown in ("Database Engineer", "Example Widgets Ltd", "Jan 2019 – Apr 2021"):
        assert shown in text, shown
