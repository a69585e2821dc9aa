"""The real site, built as a visitor gets it, holds every fact of the owner's page."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

ROLES = [  # position, organisation, start, end
    ("Engineer", "Meter", "2020", "2021"),
    ("Database Developer", "Lyst", "2018", "2020"),
    ("Lead Infra Engineer", "Heroku", "2014", "2016"),
    ("Programmer", "Code Club", "2013", "2014"),
    ("Architect", "Hanzo", "2011", "2013"),
    ("", "Cloudsoft", "2009", "2011"),
    ("", "Skyscanner", "2008", "2009"),
    ("", "Securetest", "2007", "2007"),
]

WRITING = {
    "https://programmingisterrible.com/post/139222674273/write-code-that-is-easy-to-delete-not-easy-to":
        "Write code that is easy to delete, not easy to extend",
    "https://programmingisterrible.com/post/176657481103/repeat-yourself-do-more-than-one-thing-and":
        "Repeat yourself, do more than one thing, and rewrite everything",
    "https://programmingisterrible.com/post/162346490883/how-do-you-cut-a-monolith-in-half":
        "How do you cut a monolith in half?",
    "https://programmingisterrible.com/post/173883533613/code-to-debug":
        "Write code that’s easy to delete, and easy to debug too",
    "https://programmingisterrible.com/post/188942142748/scaling-in-the-presence-of-errorsdont-ignore":
        "Scaling in the presence of errors—don’t ignore them",
    "https://www.youtube.com/watch?v=csyL9EC0S0c": "Programming is terrible",
}

DESCRIPTIONS = [
    "a rather short and contradictory blog post",
    "examining how and where the usual rubrics fall down",
    "talks about the pitfalls of publish-subscribe",
    "The secret is careful error handling",
    "when 'fire-and-forget' becomes \"fires and regrets\"",
    "1.6 million views on YouTube",
]

LASTING_IMPACT = [
    "My lasting impact is a slew of tiny details",
    "My lasting impact is probably: useful documentation",
    "My lasting impact is that the course materials were published openly",
    "My lasting impact was introducing dependency injection",
]


def page(site, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


SMART_QUOTES = str.maketrans("‘’“”", "''\"\"")


def text_of(soup: BeautifulSoup) -> str:
    """The page's words as a reader sees them, typographic quotes made plain."""
    return re.sub(r"\s+", " ", soup.get_text(" ")).replace(" ,", ",").translate(SMART_QUOTES)


def test_home_page_says_who_what_and_how_to_reach(site_html):
    home = page(site_html, "index.html")
    text = text_of(home)
    assert home.find("h1").get_text(strip=True).rstrip("¶") == "tef"
    assert "Hi, I'm tef, I am available for hire, and I'm looking for remote work!" in text
    for phrase in ("staff or principal level roles", "DBA or SRE-ish flavour",
                   "small, product-focused, remote team", "American timezones"):
        assert phrase in text
    # Docutils cloaks the address from scrapers (%40, spans); browsers see it whole.
    mailto = [a for a in home.select('a[href^="mailto:"]') if unquote(a["href"]) == "mailto:tef@printf.net"]
    assert mailto and mailto[0].get_text() == "tef@printf.net"
    assert "If you aren't a third party recruiter, email me at" in text


def test_navigation_connects_the_pages(site_html):
    home = page(site_html, "index.html")
    nav = {a["href"] for a in home.select(".sidebar-tree a")}
    assert {"pages/work-history.html", "pages/writing.html"} <= nav


def test_every_role_with_position_organisation_and_years(site_html):
    history = page(site_html, "pages/work-history.html")
    articles = history.select("article.wh-job")
    assert len(articles) == len(ROLES)
    for article, (position, org, start, end) in zip(articles, ROLES):
        # Without a position, the organisation heads the entry.
        assert article.select_one(".wh-position").get_text() == (position or org)
        assert article.select_one(".wh-org").get_text() == org
        assert article.select_one("time.dt-start")["datetime"] == start
        shown = article.select_one(".wh-dates").get_text()
        assert shown == (start if start == end else f"{start} – {end}")


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
    text = text_of(page(site_html, "pages/work-history.html"))
    for phrase in LASTING_IMPACT + [
        "Hired to develop out a control plane for on-premises devices",
        "system for configuration management",
        "I was on call for over a million databases.",
        "dressed up as the Firefox mascot",
        "reference library for the ISO WARC standard",
        "A Cloud Services startup. Java. OSGi.",
        "Replacing a JScript/VB6/XSLT driven web scraping process with python.",
        "Penetration testing (i.e. nmap-to-powerpoint)",
        "how much I can accelerate those around me",
    ]:
        assert phrase in text, phrase


def test_writing_and_talk_with_exact_urls(site_html):
    writing = page(site_html, "pages/writing.html")
    links = {a["href"]: a.get_text() for a in writing.select("a.reference.external")}
    for url, title in WRITING.items():
        assert links.get(url) == title
    text = text_of(writing)
    for phrase in DESCRIPTIONS:
        assert phrase in text, phrase
