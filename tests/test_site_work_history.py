"""The work history on the real site: the home page summary and the reference page."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from sphinx_work_history.messages import SUBTYPES

from conftest import PROJECT


def page(site, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def test_home_page_summary_lists_the_owners_roles(site_html):
    home = page(site_html, "index.html")
    table = home.select_one("table.wh-summary")
    rows = [[" ".join(td.get_text(" ").split()) for td in tr.select("td")]
            for tr in table.select("tbody tr")]
    assert [row[:3] for row in rows] == [
        ["Engineer", "Meter", "2020 – 2021"],
        ["Database Developer", "Lyst", "2018 – 2020"],
        ["Lead Infra Engineer", "Heroku", "2014 – 2016"],
        ["Programmer", "Code Club", "2013 – 2014"],
        ["Architect", "Hanzo", "2011 – 2013"],
        # No position: the role cell is empty, the organisation links the entry.
        ["", "Cloudsoft", "2009 – 2011"],
        ["", "Skyscanner", "2008 – 2009"],
        ["", "Securetest", "2007"],
    ]
    assert [row[3] for row in rows] == ["1 yr", "2 yrs", "2 yrs", "1 yr", "2 yrs", "2 yrs",
                                        "1 yr", "< 1 yr"]
    # Each row links to its entry on the work history page; no example entry is listed.
    history = page(site_html, "pages/work-history.html")
    for link in table.select("tbody a"):
        path, anchor = link["href"].split("#")
        assert path == "pages/work-history.html"
        assert history.find("article", id=anchor).select_one(".wh-position").get_text() == \
            link.get_text()


def test_reference_page_documents_everything(site_html):
    reference = page(site_html, "pages/work-history-markup.html")
    text = " ".join(reference.get_text(" ").split())
    for subtype in SUBTYPES:
        assert f"work_history.{subtype}" in text, subtype
    for name in ("work_history_today", "work_history_durations", "work_history_exclude_docs",
                 ":no-duration:", ":since:", ":limit:", ":tags:", ":name:", ":url:",
                 ":location:", "{job}", "employer", "work-history"):
        assert name in text, name
    # The rendered examples are there, beside their source.
    assert reference.select_one("article#example-widgets .wh-duration").get_text() == "2 yrs 3 mos"
    assert reference.select_one("section.wh-employer .wh-duration").get_text() == "3 yrs 1 mo"
    assert len(reference.select("div.highlight-markdown")) == 5


def test_every_config_value_is_documented():
    source = (PROJECT / "pages" / "work-history-markup.md").read_text(encoding="utf-8")
    config = PROJECT / "sphinx-work-history" / "src" / "sphinx_work_history" / "config.py"
    declared = set(re.findall(r'^    "(work_history_\w+)": \(', config.read_text(), re.M))
    assert {"work_history_today", "work_history_durations",
            "work_history_exclude_docs"} <= declared
    for name in declared:
        assert f"`{name}`" in source
