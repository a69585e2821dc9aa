"""The real site, built as a visitor gets it, holds every fact of the owner's pages.

What to expect is read from the pages' own sources (cv_pages.py): editing
the CV needs no edit to these tests.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from bs4 import BeautifulSoup

from cv_pages import SMART_QUOTES, jobs, page_source, prose, web_links


def page(site, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def normal(text: str) -> str:
    """Words as a reader sees them: typographic quotes made plain, and no space
    where an element's edge fell before a stop (``history .``)."""
    text = re.sub(r"\s+", " ", text.translate(SMART_QUOTES))
    return re.sub(r"\s+(?=[.,;:!?)])|(?<=\()\s+", "", text).strip()


def text_of(soup: BeautifulSoup) -> str:
    return normal(soup.get_text())


def test_home_page_says_who_what_and_how_to_reach(site_html):
    home = page(site_html, "index.html")
    text = text_of(home)
    title = re.search(r"^# (.+)$", page_source("index").read_text(encoding="utf-8"), re.M)[1]
    assert home.find("h1").get_text(strip=True).rstrip("¶") == title
    said = prose("index")
    assert len(said) >= 5
    for paragraph in said:
        assert normal(paragraph) in text, paragraph
    # Docutils cloaks an address from scrapers (%40, spans); browsers see it whole.
    addresses = re.findall(r"\[([^\]]+)\]\((mailto:[^)]+)\)",
                           page_source("index").read_text(encoding="utf-8"))
    assert addresses
    for shown, address in addresses:
        links = [a for a in home.select('a[href^="mailto:"]') if unquote(a["href"]) == address]
        assert links, address
        assert links[0].get_text() == shown, address


def test_navigation_connects_the_pages(site_html):
    home = page(site_html, "index.html")
    nav = {a["href"] for a in home.select(".sidebar-tree a")}
    assert {"pages/work-history.html", "pages/writing.html"} <= nav


def test_every_role_with_position_organisation_and_years(site_html):
    history = page(site_html, "pages/work-history.html")
    articles = history.select("article.wh-job")
    expected = jobs("pages/work-history")
    assert len(expected) >= 2
    assert len(articles) == len(expected)
    for article, job in zip(articles, expected, strict=True):
        # Without a position, the organisation heads the entry.
        assert article.select_one(".wh-position").get_text() == (job.position or job.org)
        assert article.select_one(".wh-org").get_text() == job.org
        assert article.select_one("time.dt-start")["datetime"] == job.start
        assert article.select_one(".wh-dates").get_text() == job.dates()
        duration = article.select_one(".wh-duration")
        assert (duration.get_text() if duration else "") == job.length()


def test_no_title_the_owner_never_wrote(site_html):
    """The three early roles have no title on the owner's page: none is made up."""
    for path in [*site_html.rglob("*.html"), site_html / "resume.json"]:
        assert "Mid-level or entry level role" not in path.read_text(encoding="utf-8"), path
    history = page(site_html, "pages/work-history.html")
    section = history.find("section", id="other-roles-pre-2011")
    assert section.select_one("h2").get_text().strip("#¶ ") == "Other roles pre 2011"
    assert section.select_one("p").get_text() == "Mid-level, entry level roles"
    assert [a.select_one(".wh-position").get_text() for a in section.select("article")] == [
        "Cloudsoft", "Skyscanner", "Securetest"]


def test_each_role_keeps_its_whole_text(site_html):
    history = page(site_html, "pages/work-history.html")
    for article, job in zip(history.select("article.wh-job"), jobs("pages/work-history"),
                            strict=True):
        assert job.paragraphs, f"{job.position}, {job.org} has no text to check"
        shown = text_of(article)
        for paragraph in job.paragraphs:
            assert normal(paragraph) in shown, paragraph
    text = text_of(history)
    for paragraph in prose("pages/work-history"):
        assert normal(paragraph) in text, paragraph


def test_writing_and_talk_with_exact_urls(site_html):
    writing = page(site_html, "pages/writing.html")
    shown = [(" ".join(a.get_text().split()), a["href"])
             for a in writing.select('article[role="main"] a.reference.external')]
    written = web_links("pages/writing")
    assert len(written) >= 2
    assert shown == written
    text = text_of(writing)
    for paragraph in prose("pages/writing"):
        assert normal(paragraph) in text, paragraph
