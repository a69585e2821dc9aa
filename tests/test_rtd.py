"""Read the Docs: its configuration is valid, and its build passes here first.

The schema is a copy of Read the Docs' own (tests/schemas/README.md says
where from); scripts/rtd_build.py runs the commands Read the Docs runs,
with its READTHEDOCS* variables, in a fresh copy of the project.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from site_testing import (
    BOOK,
    PROJECT,
    VARIANTS,
    cv_file_links,
    epubcheck_report,
    variant_pdf_links,
)
from sphinx_work_history.testing import SOURCE_DATE_EPOCH, require_tool

# Its module fixtures build once: every test of the module on one worker.
pytestmark = pytest.mark.xdist_group("rtd")

SCHEMA = Path(__file__).parent / "schemas" / "readthedocs-v2.schema.json"
SLUG = "tef-computer"
CANONICAL = f"https://{SLUG}.readthedocs.io/en/latest/"


@pytest.fixture(scope="module")
def rtd_config() -> dict:
    return yaml.safe_load((PROJECT / ".readthedocs.yaml").read_text(encoding="utf-8"))


def test_config_is_valid_against_read_the_docs_schema(rtd_config):
    schema = yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))  # JSON is YAML
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(rtd_config)


def test_schema_rejects_what_read_the_docs_rejects():
    """The validation above can fail: a misspelt key or an unknown format is caught."""
    schema = yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    assert not validator.is_valid({"version": 2, "formats": ["pdf", "docx"]})
    assert not validator.is_valid({"version": 2, "sphinx": {"configuraton": "conf.py"}})


def test_config_builds_strictly_from_pinned_requirements(rtd_config):
    assert rtd_config["version"] == 2
    assert rtd_config["build"]["os"].startswith("ubuntu-")
    assert rtd_config["build"]["tools"]["python"]
    assert (PROJECT / rtd_config["sphinx"]["configuration"]).is_file()
    assert rtd_config["sphinx"]["fail_on_warning"] is True
    assert sorted(rtd_config["formats"]) == ["epub", "pdf"]
    requirements = [item["requirements"] for item in rtd_config["python"]["install"]]
    assert requirements == ["requirements.txt"]
    requirements = (PROJECT / "requirements.txt").read_text().splitlines()
    pins = [line.split("#")[0].strip() for line in requirements]
    # The one unpinned line is the project's own package, installed from its folder
    # (its extras' packages, fontTools, python-docx, typst, are pinned below).
    local = [pin for pin in pins if pin.startswith("-e ./")]
    assert local == ["-e ./sphinx-work-history[pdf-fonts,docx,pdf]"]
    assert all("==" in pin for pin in pins if pin and pin not in local), \
        "every requirement is pinned exactly"


def test_the_pdf_download_is_the_typst_cv_and_needs_no_tex(rtd_config):
    """build.jobs.build.pdf writes the cv-pdf CV to $READTHEDOCS_OUTPUT/pdf/; no TeX
    package is installed."""
    commands = rtd_config["build"]["jobs"]["build"]["pdf"]
    assert any("-b cv-pdf" in command for command in commands)
    assert any('"$READTHEDOCS_OUTPUT/pdf/"' in command for command in commands)
    packages = rtd_config["build"].get("apt_packages", [])
    assert not [p for p in packages if "tex" in p], packages


@pytest.fixture(scope="module")
def rtd_output(tmp_path_factory) -> Path:
    require_tool("git")
    output = tmp_path_factory.mktemp("rtd") / "output"
    result = subprocess.run(
        [sys.executable, str(PROJECT / "scripts" / "rtd_build.py"), "--output", str(output),
         "--slug", SLUG],
        capture_output=True, text=True, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
    )
    assert result.returncode == 0, f"{result.stdout[-4000:]}\n{result.stderr[-3000:]}"
    assert "-W --keep-going -b html -d _build/doctrees -D language=en ." in result.stdout
    assert "-b cv-docx -d _build/doctrees ." in result.stdout
    assert "-b cv-pdf -d _build/doctrees-cv-pdf ." in result.stdout
    assert "latexmk" not in result.stdout
    # build.jobs.post_build: the variants' PDFs, written under the published HTML.
    assert 'scripts/build_cv.py --variants-only --outdir "$READTHEDOCS_OUTPUT/html"' \
        in result.stdout
    return output


@pytest.mark.slow
def test_rtd_build_makes_html_with_canonical_urls_and_download_links(rtd_output):
    home = BeautifulSoup((rtd_output / "html" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert home.find("link", rel="canonical")["href"] == f"{CANONICAL}index.html"
    downloads = {a.get_text(): a["href"] for a in home.select(".site-downloads a")}
    assert downloads == {"PDF": "/_/downloads/en/latest/pdf/", **dict(variant_pdf_links()),
                         "ePub": "/_/downloads/en/latest/epub/", **dict(cv_file_links())}
    # build.jobs put the variants' PDFs and the CV files beside the site, where those
    # links point; the full CV's PDF is Read the Docs' own download.
    for name, spec in VARIANTS.items():
        pdf = PdfReader(rtd_output / "html" / f"{BOOK}-{name}.pdf")
        assert 1 <= len(pdf.pages) <= spec["pages"]
    assert not (rtd_output / "html" / f"{BOOK}.pdf").exists()
    for _, name in cv_file_links():
        assert (rtd_output / "html" / name).is_file(), name
    assert "tef@printf.net" in (rtd_output / "html" / f"{BOOK}.txt").read_text(encoding="utf-8")
    sitemap = (rtd_output / "html" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{CANONICAL}pages/work-history.html</loc>" in sitemap


@pytest.mark.slow
def test_rtd_build_makes_a_valid_epub(rtd_output, tmp_path):
    book_path = rtd_output / "epub" / f"{SLUG}.epub"
    with zipfile.ZipFile(book_path) as book:
        assert book.read("mimetype") == b"application/epub+zip"
        assert "pages/work-history.xhtml" in book.namelist()
        # Read the Docs' download URLs are for the HTML only.
        assert b"/_/downloads/" not in book.read("index.xhtml")
    checker = epubcheck_report(book_path, tmp_path / "epubcheck.json")["checker"]
    assert (checker["nFatal"], checker["nError"], checker["nWarning"]) == (0, 0, 0)


@pytest.mark.slow
def test_rtd_build_makes_the_cv_pdf(rtd_output):
    pdf = PdfReader(rtd_output / "pdf" / f"{SLUG}.pdf")
    # build.jobs.build.pdf: the cv-pdf builder, through Typst.
    assert pdf.metadata.creator.startswith("Typst")
    assert bool(pdf.trailer["/Root"]["/MarkInfo"]["/Marked"])
    assert len(pdf.pages) <= 3
    first = pdf.pages[0].extract_text()
    assert first.startswith("tef")
    assert "tef@printf.net" in first
