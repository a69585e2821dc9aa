"""Found and shared: descriptions, canonical URLs, OpenGraph, sitemap, 404,
favicon, language, the download links, and a print stylesheet that prints.

Each build here is strict (-W --keep-going -n): none of these features may
add a warning, with or without a base URL.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from site_testing import BOOK, build_site, cv_file_links, variant_pdf_links
from sphinx_work_history.testing import require_tool

# Its module fixtures build once: every test of the module on one worker.
pytestmark = pytest.mark.xdist_group("seo")

PAGES = ["index.html", "pages/work-history.html", "pages/writing.html",
         "pages/work-history-markup.html"]
BASE = "https://tef-computer.readthedocs.io/en/latest/"
RTD_ENV = {
    "READTHEDOCS": "True",
    "READTHEDOCS_CANONICAL_URL": BASE,
    "READTHEDOCS_PROJECT": "tef-computer",
    "READTHEDOCS_LANGUAGE": "en",
    "READTHEDOCS_VERSION": "latest",
}


def soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def meta(page: BeautifulSoup, **attrs) -> str | None:
    tag = page.find("meta", attrs=attrs)
    return tag["content"] if tag else None


@pytest.fixture(scope="module")
def rtd_html(tmp_path_factory) -> Path:
    outdir = tmp_path_factory.mktemp("rtd-html") / "html"
    build_site("html", outdir, env=RTD_ENV)
    return outdir


@pytest.fixture(scope="module")
def dist_html(tmp_path_factory) -> Path:
    outdir = tmp_path_factory.mktemp("dist-html") / "html"
    build_site("html", outdir, "-t", "downloads")
    return outdir


# -- every build -------------------------------------------------------------

@pytest.mark.parametrize("name", PAGES)
def test_every_page_has_language_description_and_opengraph(site_html, name):
    page = soup(site_html, name)
    assert page.html["lang"] == "en"
    description = meta(page, name="description")
    assert description
    assert len(description) > 40
    assert meta(page, property="og:title") == page.find("h1").get_text().rstrip("¶").strip()
    assert meta(page, property="og:description")
    assert meta(page, property="og:site_name") == "tef.computer"


def test_home_description_is_the_owners_summary(site_html):
    page = soup(site_html, "index.html")
    assert "available for hire" in meta(page, name="description")
    assert len(page.find_all("meta", attrs={"name": "description"})) == 1


@pytest.mark.parametrize("name", PAGES)
def test_favicon_and_print_rules_are_linked_and_exist(site_html, name):
    page = soup(site_html, name)
    icon = page.find("link", rel="icon")
    assert icon is not None
    if icon["href"].startswith("data:image/svg+xml,"):  # inlined by _ext/lean_pages.py
        svg = unquote(icon["href"].split(",", 1)[1])
        assert svg.startswith("<svg")
        assert "<title>tef</title>" in svg
    else:
        assert (site_html / name).parent.joinpath(icon["href"].split("?")[0]).resolve().is_file()
    # The print rules ride in site.css (a request of their own would cost one).
    sheets = [(site_html / name).parent.joinpath(link["href"].split("?")[0]).resolve()
              for link in page.find_all("link", rel="stylesheet")]
    site_css = [css for css in sheets if css.name == "site.css"]
    assert len(site_css) == 1
    assert "@media print" in site_css[0].read_text(encoding="utf-8")


def test_favicon_is_an_svg_drawing():
    svg = ElementTree.parse(Path(__file__).parent.parent / "_static" / "favicon.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.find("{http://www.w3.org/2000/svg}path") is not None


def test_not_found_page(site_html):
    page = soup(site_html, "404.html")
    assert page.find("h1").get_text(strip=True).startswith("Page not found")
    # Served at any address: its links and assets are absolute.
    links = {a.get_text(): a["href"] for a in page.select("article a")}
    assert links["home page"] == "/index.html"
    assert links["work history"] == "/pages/work-history.html"
    assert all(link["href"].startswith("/") for link in page.find_all("link", rel="stylesheet"))


# -- without a base URL ------------------------------------------------------

def test_without_base_url_no_canonical_no_sitemap_no_downloads(site_html):
    page = soup(site_html, "index.html")
    assert page.find("link", rel="canonical") is None
    assert not (site_html / "sitemap.xml").exists()
    # A plain `make html` has no PDF or ePub beside it, so links none.
    assert not page.select(".site-downloads")


# -- on Read the Docs ----------------------------------------------------------

@pytest.mark.parametrize("name", PAGES)
def test_canonical_and_opengraph_urls_on_read_the_docs(rtd_html, name):
    page = soup(rtd_html, name)
    assert page.find("link", rel="canonical")["href"] == BASE + name
    assert meta(page, property="og:url") == BASE + name


def test_sitemap_lists_the_pages_and_nothing_else(rtd_html):
    root = ElementTree.parse(rtd_html / "sitemap.xml").getroot()
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = sorted(loc.text for loc in root.findall("sm:url/sm:loc", ns))
    assert locs == sorted(BASE + name for name in PAGES)


def test_not_found_page_on_read_the_docs_points_into_the_version(rtd_html):
    page = soup(rtd_html, "404.html")
    links = {a.get_text(): a["href"] for a in page.select("article a")}
    assert links["home page"] == "/en/latest/index.html"


def test_download_links_on_read_the_docs(rtd_html):
    for name in PAGES:
        links = {a.get_text(): a["href"] for a in soup(rtd_html, name).select(".site-downloads a")}
        # The full CV and the ePub from Read the Docs; the others beside the HTML.
        prefix = "../" * name.count("/")
        assert links == {"PDF": "/_/downloads/en/latest/pdf/", **dict(variant_pdf_links(prefix)),
                         "ePub": "/_/downloads/en/latest/epub/", **dict(cv_file_links(prefix))}


# -- make dist: copies beside the HTML ---------------------------------------------

CV_FILE_TYPES = {"Word": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "Text": "text/plain", "Markdown": "text/markdown"}


def test_download_links_point_beside_the_html(dist_html):
    for name in PAGES:
        page = soup(dist_html, name)
        links = [(a.get_text(), a["type"], a["href"])
                 for a in page.select(".sidebar-downloads .site-downloads a")]
        prefix = "../" * name.count("/")
        assert links == [
            ("PDF", "application/pdf", f"{prefix}{BOOK}.pdf"),
            *((text, "application/pdf", href) for text, href in variant_pdf_links(prefix)),
            ("ePub", "application/epub+zip", f"{prefix}{BOOK}.epub"),
            *((text, CV_FILE_TYPES[text], href) for text, href in cv_file_links(prefix))]
        # Under the sidebar's navigation, and again above the footer.
        assert len(page.select(".sidebar-downloads .site-downloads")) == 1
        assert len(page.select(".site-downloads")) == 2


# -- printing from the browser -----------------------------------------------------

@pytest.mark.slow
def test_printed_page_has_no_navigation_and_shows_link_targets(site_html, tmp_path):
    chromium = require_tool("chromium")
    printed = tmp_path / "writing.pdf"
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={printed}", (site_html / "pages" / "writing.html").as_uri()],
        capture_output=True, timeout=120, check=False,
    )
    assert printed.is_file(), "chromium printed nothing"
    text = "\n".join(page.extract_text() for page in PdfReader(printed).pages)
    flat = re.sub(r"\s+", "", text)
    assert "Writing and talks" in text
    # The link targets follow the links.
    assert "programmingisterrible.com/post/162346490883/how-do-you-cut-a-monolith-in-half" in flat
    assert "youtube.com/watch?v=csyL9EC0S0c" in flat
    # No sidebar, table of contents, buttons, or footer navigation.
    for chrome in ("Skip to content", "On this page", "Abridged Work History", "Previous",
                   "Made with", "Search", "Copyright"):
        assert chrome not in text, chrome
