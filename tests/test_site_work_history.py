"""The work history on the real site: the home page summary and the reference page."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from cv_pages import Date, jobs, length, summary_jobs, tenure
from site_testing import PROJECT
from sphinx_work_history.config.messages import SUBTYPES

PACKAGE_DOCS = PROJECT / "sphinx-work-history" / "docs"
SNIPPETS = sorted((PROJECT / "sphinx-work-history" / "tests" / "snippets").glob("*.md"))


def page(site, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def test_home_page_summary_lists_the_owners_roles(site_html):
    home = page(site_html, "index.html")
    table = home.select_one("table.wh-summary")
    rows = [[" ".join(td.get_text(" ").split()) for td in tr.select("td")]
            for tr in table.select("tbody tr")]
    expected = summary_jobs()  # every entry but the reference page's examples, newest first
    assert len(expected) >= 2
    assert rows == [[job.position, job.org, job.dates(), job.length()] for job in expected]
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
    # The rendered examples are there, beside their source, with their lengths.
    examples = jobs("pages/work-history-markup")
    articles = reference.select("article.wh-job:not(.wh-volunteer)")  # the roles
    assert len(articles) == len(examples) >= 3
    for article, job in zip(articles, examples, strict=True):
        assert article.select_one(".wh-position").get_text() == job.position
        duration = article.select_one(".wh-job-meta .wh-duration")
        assert (duration.get_text() if duration else "") == job.length(), job.position
    employers = reference.select("section.wh-employer")
    assert employers
    for section in employers:
        org = section.select_one(".wh-employer-header .wh-org").get_text()
        roles = [job for job in examples if job.options.get("employer") == org]
        assert roles, org
        shown = section.select_one(".wh-employer-header .wh-duration").get_text()
        assert shown == tenure(roles), org
    # Every snippet, the variants' example of an {only} block and the outputs' example
    # of cv-downloads.
    snippets = list((PROJECT / "sphinx-work-history" / "tests" / "snippets").glob("*.md"))
    assert len(reference.select("div.highlight-markdown")) == len(snippets) + 2


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


def test_the_tests_length_rule_gives_the_reference_pages_examples():
    """cv_pages.length is the rule as documented: its examples hold for it."""
    source = (PACKAGE_DOCS / "directives.md").read_text(encoding="utf-8")
    examples = re.findall(r'`([\d-]+)` to `([\d-]+)` is\s+"([^"]+)"', source)
    assert len(examples) >= 3
    for start, end, shown in examples:
        assert length(Date.parse(start), Date.parse(end)) == shown, (start, end)
