"""The home page of a project `new` or `import` writes: who the CV is about and what it
holds. Built as `make all` builds it (the CV's files, then the site), strictly, its
home page shows the summary, the headline, the contact block, the roles at a glance, a
link to each page of the project and to each of the CV's files, every link leading to
a file of the site; and each profile by its username, in every format."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pypdf
import pytest
from bs4 import BeautifulSoup

from sphinx_work_history.cli.command import main
from sphinx_work_history.testing import (
    build,
    pdf_struct_elements,
    require_tool,
    work_history_warnings,
)

# Its module fixtures build once: every test of the module on one worker.
pytestmark = pytest.mark.xdist_group("hub")

DATA = Path(__file__).resolve().parent / "data"
JSON_RESUME = DATA / "jsonresume" / "jsonresume-sample.resume.json"
RENDERCV = DATA / "rendercv" / "awkward.yaml"
BOOK = "richard-hendriks-cv"
# The CV's files, by the label of their link.
CV_FILES = {"PDF": ("cv-pdf", f"{BOOK}.pdf"), "Word": ("cv-docx", f"{BOOK}.docx"),
            "Text": ("cv-text", f"{BOOK}.txt"), "Markdown": ("cv-markdown", f"{BOOK}.md")}


def make_project(folder: Path, *args: str) -> Path:
    assert main([*args, str(folder)]) == 0
    return folder


def strictly(project: Path, builder: str, **kwargs: object) -> Path:
    """*builder*'s output of *project* (in ``_build/<builder>``, as `make` puts it),
    built with no warning (the project's conf.py is nitpicky)."""
    app = build(project, builder, **kwargs)
    assert app.warning.getvalue() == "", app.warning.getvalue()
    return Path(app.outdir)


def home(outdir: Path) -> BeautifulSoup:
    page = BeautifulSoup((outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    return page.select_one('article[role="main"]')


def words(tag) -> str:
    return " ".join(tag.get_text(" ").split())


def resolves(outdir: Path, href: str) -> bool:
    path = unquote(urlsplit(href).path)
    return bool(path) and (outdir / path).is_file()


def pages_of(project: Path) -> list[str]:
    return sorted(p.relative_to(project).with_suffix(".html").as_posix()
                  for p in (project / "pages").glob("*.md"))


@pytest.fixture(scope="module")
def json_resume(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """JSON Resume's own sample, imported; its CV's files built, then its site."""
    project = make_project(tmp_path_factory.mktemp("hub") / "cv", "import", str(JSON_RESUME))
    for builder, _ in CV_FILES.values():
        strictly(project, builder)
    strictly(project, "html")
    return project


def test_an_imported_home_page_says_who_and_what(json_resume: Path) -> None:
    outdir = json_resume / "_build" / "html"
    main_ = home(outdir)
    block = main_.select_one("h1 + .wh-contact-block")
    assert words(block.select_one(".wh-headline")) == "Programmer"
    contact = block.select_one("p.wh-contact")
    assert "richard.hendriks@mail.com" in {unquote(a["href"]).removeprefix("mailto:")
                                           for a in contact.select("a")}
    assert "San Francisco" in words(contact)
    summary = main_.select("section > p")
    assert words(summary[0]).startswith("Richard hails from Tulsa.")
    roles = main_.select_one("table.wh-summary")
    assert "CEO/President" in words(roles)
    assert "Pied Piper" in words(roles)
    assert all(resolves(outdir, a["href"].split("#")[0]) for a in roles.select("a"))
    hrefs = [a["href"] for a in main_.select("a")]
    for page in pages_of(json_resume):
        assert page in hrefs, page
    assert "resume.json" in hrefs
    assert resolves(outdir, "resume.json")
    downloads = {a.get_text(): a["href"] for a in main_.select("p.wh-downloads a")}
    assert downloads == {label: name for label, (_, name) in CV_FILES.items()}
    for label, (builder, name) in CV_FILES.items():
        # The site holds each file it links: the one its builder made.
        assert (outdir / name).read_bytes() == (
            json_resume / "_build" / builder / name).read_bytes(), label
    # The CV's files are the CV: the site's links are not in them.
    text = (json_resume / "_build" / "cv-text" / f"{BOOK}.txt").read_text(encoding="utf-8")
    for site_only in ("Roles at a glance", "Read more", "Download the CV", "resume.json"):
        assert site_only not in text


def test_read_the_docs_links_its_own_downloads(json_resume: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """On Read the Docs the PDF and the ePub are Read the Docs' downloads; the other
    files are beside the HTML, where the project's .readthedocs.yaml writes them."""
    monkeypatch.setenv("READTHEDOCS", "True")
    monkeypatch.setenv("READTHEDOCS_LANGUAGE", "en")
    monkeypatch.setenv("READTHEDOCS_VERSION", "latest")
    outdir = strictly(json_resume, "html", builddir=tmp_path / "rtd")
    downloads = {a.get_text(): a["href"] for a in home(outdir).select("p.wh-downloads a")}
    assert downloads == {
        "PDF": "/_/downloads/en/latest/pdf/", "ePub": "/_/downloads/en/latest/epub/",
        "Word": f"{BOOK}.docx", "Text": f"{BOOK}.txt", "Markdown": f"{BOOK}.md"}
    rtd = (json_resume / ".readthedocs.yaml").read_text(encoding="utf-8")
    for builder in ("cv-docx", "cv-text", "cv-markdown"):
        assert re.search(rf'-b {builder} .*"\$READTHEDOCS_OUTPUT/html"$', rtd, re.M), builder
    assert "- pdf" in rtd
    assert "- epub" in rtd


def test_a_profile_shows_its_username_in_every_format(json_resume: Path) -> None:
    """JSON Resume's sample gives Twitter's home page as the address: the username is
    what says who it is."""
    contact = home(json_resume / "_build" / "html").select_one("p.wh-contact")
    assert "Twitter: neutralthoughts" in words(contact)
    assert contact.find("a", string="neutralthoughts")["href"] == "https://www.twitter.com"
    built = json_resume / "_build"
    text = (built / "cv-text" / f"{BOOK}.txt").read_text(encoding="utf-8")
    assert "Twitter: neutralthoughts (https://www.twitter.com)" in text.splitlines()
    markdown = (built / "cv-markdown" / f"{BOOK}.md").read_text(encoding="utf-8")
    assert "Twitter: [neutralthoughts](<https://www.twitter.com>) \\" in markdown.splitlines()
    pdf = subprocess.run([require_tool("pdftotext"), str(built / "cv-pdf" / f"{BOOK}.pdf"),
                          "-"], capture_output=True, text=True, check=True).stdout
    # The PDF shows the network as an icon, whose alternative text names it.
    assert "neutralthoughts" in pdf.split()
    reader = pypdf.PdfReader(built / "cv-pdf" / f"{BOOK}.pdf")
    alts = [str(node.get("/Alt")) for node in pdf_struct_elements(reader)
            if node.get("/S") == "/Figure"]
    assert "Twitter" in alts


def test_the_text_cv_prints_each_entrys_address(json_resume: Path) -> None:
    text = (json_resume / "_build" / "cv-text" / f"{BOOK}.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    # A role's organisation's address, under its dates, as the Markdown CV links it.
    role = lines.index("CEO/President, Pied Piper")
    assert lines[role + 3] == "http://piedpiper.example.com"
    markdown = (json_resume / "_build" / "cv-markdown" / f"{BOOK}.md").read_text(
        encoding="utf-8")
    linked = re.findall(r"\]\(<(https?://[^>]+)>\)", markdown)
    assert len(linked) == 8  # the web address and two profiles, and five entries'
    for url in linked:
        assert url in text, url


def test_an_imported_rendercv_home_page(tmp_path: Path) -> None:
    project = make_project(tmp_path / "cv", "import", str(RENDERCV))
    strictly(project, "cv-text")
    outdir = strictly(project, "html")
    main_ = home(outdir)
    block = main_.select_one("h1 + .wh-contact-block")
    assert words(block.select_one(".wh-headline")) == "Data and platform engineer"
    assert "zoe@example.org" in {unquote(a["href"]).removeprefix("mailto:")
                                 for a in block.select("a")}
    assert "Staff Engineer" in words(main_.select_one("table.wh-summary"))
    hrefs = [a["href"] for a in main_.select("a")]
    for page in pages_of(project):
        assert page in hrefs, page
        assert resolves(outdir, page), page
    downloads = {a.get_text(): a["href"] for a in main_.select("p.wh-downloads a")}
    assert list(downloads) == ["Text"]
    assert resolves(outdir, downloads["Text"])


def test_a_new_home_page_links_its_pages_and_the_files_there_are(tmp_path: Path) -> None:
    project = make_project(tmp_path / "cv", "new", "--name", "Ada Lovelace")
    outdir = strictly(project, "html")
    main_ = home(outdir)
    # Its roles at a glance, once the author has written some.
    assert main_.select_one("h2.rubric").get_text() == "Roles at a glance"
    assert main_.select_one("p.wh-downloads") is None  # no file of the CV yet
    hrefs = [a["href"] for a in main_.select("a")]
    assert [page for page in pages_of(project) if page in hrefs] == [
        "pages/education.html", "pages/skills.html", "pages/work.html"]
    assert "resume.json" in hrefs
    strictly(project, "cv-markdown")
    again = home(strictly(project, "html"))  # the home page is written at every build
    downloads = {a.get_text(): a["href"] for a in again.select("p.wh-downloads a")}
    assert downloads == {"Markdown": "ada-lovelace-cv.md"}
    assert resolves(outdir, "ada-lovelace-cv.md")


def test_a_file_that_cannot_be_copied_into_the_site_is_not_linked(tmp_path: Path) -> None:
    project = make_project(tmp_path / "cv", "new", "--name", "Ada Lovelace")
    strictly(project, "cv-text")
    (project / "_build" / "html" / "ada-lovelace-cv.txt").mkdir(parents=True)  # in the way
    app = build(project, "html")
    [warning] = work_history_warnings(app.warning.getvalue())
    assert (warning.file, warning.subtype) == ("index.md", "left_out")
    assert "ada-lovelace-cv.txt cannot be copied into the site" in warning.message
    assert home(Path(app.outdir)).select_one("p.wh-downloads") is None
