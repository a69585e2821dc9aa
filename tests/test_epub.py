"""The ePub passes epubcheck with no error or warning, and reads as a book.

Debian's epubcheck (`java -jar /usr/bin/epubcheck`) writes a JSON report,
parsed here; the package's metadata, navigation and reading order are read
from the file itself, as a reading system would.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from cv_pages import SMART_QUOTES, jobs, web_links
from site_testing import BOOK, epubcheck_report

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("dist")]

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "container": "urn:oasis:names:tc:opendocument:xmlns:container",
}


@pytest.fixture(scope="module")
def epub_file(site_dist: Path) -> Path:
    """The ePub `make dist` built (as `make epub`)."""
    return site_dist / "epub" / f"{BOOK}.epub"


@pytest.fixture(scope="module")
def book(epub_file):
    with zipfile.ZipFile(epub_file) as archive:
        yield archive





def test_epubcheck_finds_no_error_or_warning(epub_file, tmp_path):
    report = epubcheck_report(epub_file, tmp_path / "epubcheck.json")
    checker = report["checker"]
    messages = [f"{m['severity']} {m['ID']}: {m['message']} "
                f"{[loc.get('path') for loc in m.get('locations', [])]}"
                for m in report["messages"]]
    assert (checker["nFatal"], checker["nError"], checker["nWarning"]) == (0, 0, 0), messages
    assert report["publication"]["title"] == "tef — CV"


def test_epubcheck_report_is_read_not_assumed(tmp_path):
    """A broken ePub is reported as broken: the parsing above can fail."""
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
    report = epubcheck_report(broken, tmp_path / "report.json")
    assert report["checker"]["nFatal"] + report["checker"]["nError"] > 0


def package(book) -> tuple[str, ElementTree.Element]:
    container = ElementTree.fromstring(book.read("META-INF/container.xml"))
    path = container.find(".//container:rootfile", NS).get("full-path")
    return path, ElementTree.fromstring(book.read(path))


def test_metadata_names_the_book(book):
    _, opf = package(book)
    meta = opf.find("opf:metadata", NS)
    assert meta.findtext("dc:title", namespaces=NS) == "tef — CV"
    assert meta.findtext("dc:creator", namespaces=NS) == "tef"
    assert meta.findtext("dc:language", namespaces=NS) == "en"
    assert meta.findtext("dc:rights", namespaces=NS)
    identifier = meta.find("dc:identifier", NS)
    assert identifier.get("id") == opf.get("unique-identifier")
    assert identifier.text
    assert identifier.text != "unknown"
    for field in ("description", "contributor", "publisher"):
        assert meta.findtext(f"dc:{field}", namespaces=NS) not in (None, "", "unknown"), field


def test_reading_order_home_then_work_history_then_writing(book):
    _, opf = package(book)
    manifest = {item.get("id"): item.get("href") for item in opf.iter(f"{{{NS['opf']}}}item")}
    spine = [manifest[ref.get("idref")] for ref in opf.iter(f"{{{NS['opf']}}}itemref")
             if ref.get("linear", "yes") == "yes"]
    assert spine[:3] == ["index.xhtml", "pages/work-history.xhtml", "pages/writing.xhtml"]


def test_navigation_lists_every_page(book):
    _, opf = package(book)
    nav_item = next(item for item in opf.iter(f"{{{NS['opf']}}}item")
                    if "nav" in (item.get("properties") or "").split())
    nav = ElementTree.fromstring(book.read(nav_item.get("href")))
    toc = next(n for n in nav.iter(f"{{{NS['xhtml']}}}nav")
               if n.get(f"{{{NS['epub']}}}type") == "toc")
    entries = {a.text: a.get("href") for a in toc.iter(f"{{{NS['xhtml']}}}a")}
    assert entries["tef"] == "index.xhtml"
    assert entries["Abridged Work History"] == "pages/work-history.xhtml"
    assert entries["Writing and talks"] == "pages/writing.xhtml"
    assert entries["Roles"] == "pages/work-history.xhtml#roles"


def xhtml_text(book, name) -> tuple[ElementTree.Element, str]:
    root = ElementTree.fromstring(book.read(name))
    text = re.sub(r"\s+", " ", "".join(root.itertext()))
    return root, text.translate(str.maketrans("‘’", "''"))


def test_entries_are_readable(book):
    root, text = xhtml_text(book, "pages/work-history.xhtml")
    articles = list(root.iter(f"{{{NS['xhtml']}}}article"))
    roles = jobs("pages/work-history")
    assert len(articles) == len(roles) >= 2
    for article, job in zip(articles, roles, strict=True):
        header_element = next(article.iter(f"{{{NS['xhtml']}}}header"))
        header = " ".join("".join(header_element.itertext()).split())
        # Without a position, the organisation heads the entry.
        assert (f"{job.position}, {job.org}" if job.position else job.org) in header
        assert job.dates() in header
        assert job.length() in header
        body = " ".join("".join(article.itertext()).translate(SMART_QUOTES).split())
        for paragraph in job.paragraphs:
            assert paragraph in body, paragraph
    assert "Mid-level or entry level role" not in text  # no title the owner never wrote


def test_pages_declare_their_language_and_have_no_site_chrome(book):
    for name in ("index.xhtml", "pages/work-history.xhtml", "pages/writing.xhtml"):
        root, text = xhtml_text(book, name)
        assert root.get("lang") == "en"
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
        assert "Download the CV" not in text
    _, writing = xhtml_text(book, "pages/writing.xhtml")
    for title, _ in web_links("pages/writing"):
        assert title.replace("’", "'") in writing

