"""The work history on the real site: the home page summary and the reference page."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx_work_history.messages import SUBTYPES

from conftest import PROJECT

PACKAGE_DOCS = PROJECT / "sphinx-work-history" / "docs"
SNIPPETS = sorted((PROJECT / "sphinx-work-history" / "tests" / "snippets").glob("*.md"))


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
    for name in (":no-duration:", ":since:", ":limit:", ":tags:", ":name:", ":url:",
                 ":location:", "{job}", "employer", "work-history"):
        assert name in text, name
    # The rendered examples are there, beside their source: every snippet.
    assert reference.select_one("article#example-widgets .wh-duration").get_text() == "2 yrs 3 mos"
    assert reference.select_one("section.wh-employer .wh-duration").get_text() == "3 yrs 1 mo"
    sources = [pre.get_text() for pre in reference.select("div.highlight-markdown pre")]
    for snippet in SNIPPETS:
        assert snippet.read_text(encoding="utf-8") in sources, snippet.name
    # Its summary example lists the site's own roles: the examples are left out.
    example = next(box for box in reference.select(".wh-example")
                   if box.select_one("table.wh-summary"))
    orgs = [tr.select("td")[1].get_text() for tr in example.select("tbody tr")]
    assert orgs and not [org for org in orgs if org.startswith("Example")]


def test_reference_page_is_the_packages_documentation():
    """One source: the site's page includes the package's pages, which show its snippets."""
    source = (PROJECT / "pages" / "work-history-markup.md").read_text(encoding="utf-8")
    included = re.findall(r"\{include\} \.\./(sphinx-work-history/docs/\S+\.md)", source)
    assert included == [f"sphinx-work-history/docs/{name}.md"
                        for name in ("directives", "config", "variants", "warnings", "outputs")]
    for name in included:
        assert (PROJECT / name).is_file(), name


def test_every_config_value_is_documented(site_html, tmp_path):
    (tmp_path / "conf.py").write_text('extensions = ["sphinx_work_history"]\n', encoding="utf-8")
    (tmp_path / "index.rst").write_text("Index\n=====\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=tmp_path)
    try:
        declared = {value.name for value in app.config if value.name.startswith("work_history")}
    finally:
        app.cleanup()
    assert {"work_history_today", "work_history_durations",
            "work_history_exclude_docs"} <= declared
    source = (PACKAGE_DOCS / "config.md").read_text(encoding="utf-8")
    reference = page(site_html, "pages/work-history-markup.html")
    shown = {code.get_text() for code in reference.select("table td:first-child code")}
    for name in declared:
        assert f"`{name}`" in source, name
        assert name in shown, name


def test_an_included_page_names_its_files_from_its_own_folder(tmp_path):
    """The markup reference depends on it: see _ext/nested_includes.py."""
    from nested_includes import rebase_includes

    text = (":::{literalinclude} ../tests/snippets/job.md\n:language: markdown\n:::\n"
            "::::{admonition} x\n:::{include} ../tests/snippets/job.md\n:::\n::::\n"
            "```{include} /absolute/from/srcdir.md\n```\n"
            ":::{include} <isonum.txt>\n:::\n")
    rebased = rebase_includes(text, PROJECT / "sphinx-work-history" / "docs", PROJECT / "pages")
    assert rebased.splitlines() == [
        ":::{literalinclude} ../sphinx-work-history/tests/snippets/job.md", ":language: markdown",
        ":::", "::::{admonition} x", ":::{include} ../sphinx-work-history/tests/snippets/job.md",
        ":::", "::::", "```{include} /absolute/from/srcdir.md", "```",
        ":::{include} <isonum.txt>", ":::"]
