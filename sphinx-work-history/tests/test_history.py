"""The features, as a reader of each output format sees them."""

from __future__ import annotations

import re
import subprocess
import xml.dom.minidom
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_work_history.testing import (
    build,
    copy_root,
    epubcheck,
    require_tool,
    work_history_warnings,
)

ROOTS = Path(__file__).resolve().parent / "roots"


ROOT = ROOTS / "test-history"

NEWEST_FIRST = [  # position, organisation, dates, length
    ("Staff Engineer", "Nowco", "Sep 2024 – present", "2 yrs 2 mos"),
    ("Engineer", "Meter", "2020 – 2021", "1 yr"),
    ("Database Developer", "Lyst", "2018 – 2020", "2 yrs"),
    ("Lead Infra Engineer", "Heroku", "Jun 2015 – 15 Aug 2016", "1 yr 2 mos"),
    ("Infra Engineer", "Heroku", "Feb 2014 – May 2015", "1 yr 3 mos"),
    ("Programmer", "Code Club", "2013 – 2014", "1 yr"),
    ("Architect", "Hanzo", "2011 – 2013", "2 yrs"),
    ("R&D lead #1 {core} 100%", "Smith & Sons_ $Ltd ~ ^ \\ back",
     "20 May 2009 – 19 May 2011", "1 yr 11 mos"),
    ("", "Securetest", "2007", ""),  # no position: the organisation links the entry
]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """The test root built by each builder, once; warnings must be empty."""
    built = {}

    def get(builder: str, **kwargs):
        key = (builder, tuple(sorted(kwargs.get("confoverrides", {}).items())))
        if key not in built:
            srcdir = copy_root(ROOT, tmp_path_factory.mktemp(builder))
            app = build(srcdir, builder, **kwargs)
            assert app.warning.getvalue() == "", app.warning.getvalue()
            built[key] = app
        return built[key]

    return get


def soup(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


def rows(table) -> list[tuple[str, ...]]:
    return [tuple(" ".join(td.get_text(" ").split()) for td in tr.select("td"))
            for tr in table.select("tbody tr")]


def test_summary_lists_every_entry_newest_first(outputs):
    html = outputs("html")
    table = soup(html, "index.html").select("table.wh-summary")[0]
    assert [th.get_text() for th in table.select("thead th")] == [
        "Role", "Organisation", "Dates", "Length"]
    assert rows(table) == NEWEST_FIRST


def test_summary_rows_link_to_their_entries(outputs):
    html = outputs("html")
    for link in soup(html, "index.html").select("table.wh-summary td:first-child a"):
        page, anchor = link["href"].split("#")
        target = soup(html, page).find(id=anchor)
        assert target is not None, link["href"]
        assert target.name == "article", link["href"]
        assert target.select_one(".wh-position").get_text() == link.get_text()
    # Dates are machine-readable in the summary too.
    first = soup(html, "index.html").select_one("table.wh-summary tbody tr")
    assert first.select_one("time")["datetime"] == "2024-09"
    assert not first.select(".dt-start, .dt-end")  # a summary row is not an h-event


def test_summary_options_filter_and_limit(outputs):
    html = outputs("html")
    filtered = soup(html, "index.html").select("table.wh-summary")[1]
    # Any of the tags (case-insensitive), held in or after 2015, two at most.
    assert [r[0] for r in rows(filtered)] == ["Database Developer", "Lead Infra Engineer"]
    newest_two = soup(html, "more.html").select_one("table.wh-summary")
    assert [r[0] for r in rows(newest_two)] == ["Staff Engineer", "Engineer"]


def test_entry_is_one_block_with_time_elements(outputs):
    page = soup(outputs("html"), "recent.html")
    lyst = page.find("article", id="lyst-2018")
    assert {"wh-job", "h-event", "p-experience"} <= set(lyst["class"])
    assert lyst.select_one("header .wh-position.p-name").get_text() == "Database Developer"
    assert lyst.select_one("header .wh-org.p-org").get_text() == "Lyst"
    assert [t["datetime"] for t in lyst.select("time")] == ["2018", "2020"]
    assert lyst.select_one(".wh-duration").get_text() == "2 yrs"
    assert "Moved the catalogue to Aurora." in lyst.select_one(".p-description").get_text()
    ongoing = page.find("article", id="nowco-2024")
    assert ongoing.select_one(".wh-dates").get_text() == "Sep 2024 – present"
    assert ongoing.select_one(".wh-duration").get_text() == "2 yrs 2 mos"  # to work_history_today


def test_employer_shows_tenure_and_each_role(outputs):
    section = soup(outputs("html"), "heroku.html").select_one("section.wh-employer")
    header = section.select_one("header.wh-employer-header")
    assert header.select_one(".wh-org a")["href"] == "https://www.heroku.com/"
    assert header.select_one(".wh-dates").get_text() == "Feb 2014 – 15 Aug 2016"
    assert header.select_one(".wh-duration").get_text() == "2 yrs 6 mos"
    assert header.select_one(".wh-location").get_text() == "Remote"
    roles = section.select("article.wh-job")
    assert [r["id"] for r in roles] == ["heroku-2014", "heroku-2015"]
    assert [r.select_one(".wh-dates").get_text() for r in roles] == [
        "Feb 2014 – May 2015", "Jun 2015 – 15 Aug 2016"]
    assert [r.select_one(".wh-duration").get_text() for r in roles] == ["1 yr 3 mos", "1 yr 2 mos"]
    # The roles inherit the organisation: the summary names it.
    assert "Heroku" in soup(outputs("html"), "index.html").select_one("table.wh-summary").get_text()


def test_role_links_with_default_and_explicit_text(outputs):
    links = {a.get_text(): a["href"]
             for a in soup(outputs("html"), "index.html").select("a.reference.internal")}
    assert links["Infra Engineer, Heroku"] == "heroku.html#heroku-2014"
    assert links["the Lyst years"] == "recent.html#lyst-2018"


def test_tags_are_in_the_general_index(outputs):
    index = soup(outputs("html"), "genindex.html").get_text(" ")
    for tag in ("postgres", "databases", "control plane", "odd tag"):
        assert tag in index
    assert "Database Developer, Lyst" in index


def test_no_duration_per_entry(outputs):
    securetest = soup(outputs("html"), "early.html").find("article", id="securetest-2007")
    assert securetest.select_one(".wh-duration") is None


def test_durations_off_globally(outputs):
    html = outputs("html", confoverrides={"work_history_durations": False})
    assert not soup(html, "recent.html").select(".wh-duration")
    assert not soup(html, "heroku.html").select(".wh-duration")
    table = soup(html, "index.html").select_one("table.wh-summary")
    assert [th.get_text() for th in table.select("thead th")] == ["Role", "Organisation", "Dates"]


def test_today_is_a_config_value(outputs):
    html = outputs("html", confoverrides={"work_history_today": "2025-03"})
    ongoing = soup(html, "recent.html").find("article", id="nowco-2024")
    assert ongoing.select_one(".wh-duration").get_text() == "6 mos"


def test_latex_cv_layout_and_real_table(outputs):
    tex = (outputs("latex").outdir / "history.tex").read_text(encoding="utf-8")
    assert ("\\begin{workhistoryentry}{2018 \\textendash{} 2020}{Database Developer}{Lyst}{}{2 yrs}"
            in tex)
    assert ("\\begin{workhistoryemployer}{Feb 2014 \\textendash{} 15 Aug 2016}"
            "{\\href{https://www.heroku.com/}{Heroku}}{Remote}{2 yrs 6 mos}" in tex)
    # Inside the employer, the roles leave the organisation to it.
    assert "{Infra Engineer}{}{}{1 yr 3 mos}" in tex
    # Special characters are escaped.
    assert "{R\\&D lead \\#1 \\{core\\} 100\\%}" in tex
    assert "Smith \\& Sons\\_ \\$Ltd" in tex
    # The summaries are real tables, their rows linking to the entries.
    assert len(re.findall(r"\\begin\{tabulary\}", tex)) == 3
    assert "\\hyperref[\\detokenize{recent:lyst-2018}]" in tex
    assert (outputs("latex").outdir / "workhistory.sty").exists()


def test_latex_compiles_to_pdf(outputs):
    latexmk = require_tool("latexmk")
    outdir = outputs("latex").outdir
    result = subprocess.run([latexmk, "-pdf", "-interaction=nonstopmode", "-halt-on-error",
                             "history.tex"], cwd=outdir, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout[-3000:]
    text = subprocess.run([require_tool("pdftotext"), "-layout", "history.pdf", "-"],
                          cwd=outdir, capture_output=True, text=True, check=True).stdout
    assert "Database Developer, Lyst" in text
    assert "R&D lead #1 {core} 100%, Smith & Sons_ $Ltd ~ ^ \\ back" in text


def test_text_man_texinfo_are_readable(outputs):
    text = (outputs("text").outdir / "recent.txt").read_text(encoding="utf-8")
    assert "**Database Developer**, Lyst" in text
    assert "2018 – 2020 · 2 yrs" in text
    summary = (outputs("text").outdir / "index.txt").read_text(encoding="utf-8")
    assert "| Staff Engineer" in summary
    man = (outputs("man").outdir / "history.1").read_text(encoding="utf-8")
    assert "Database Developer" in man
    assert "Lyst" in man
    texinfo = (outputs("texinfo").outdir / "history.texi").read_text(encoding="utf-8")
    assert "Database Developer" in texinfo
    assert "@multitable" in texinfo


def test_epub_is_valid_xhtml_with_tables(outputs):
    epub = outputs("epub")
    for page in ("index.xhtml", "recent.xhtml", "heroku.xhtml"):
        xml.dom.minidom.parse(str(epub.outdir / page))  # well-formed XHTML
    index = soup(epub, "index.xhtml")
    assert len(index.select("table.wh-summary")) == 2
    assert soup(epub, "recent.xhtml").select_one("article#lyst-2018 time")["datetime"] == "2018"


def test_epubcheck_passes(outputs):
    require_tool("java")
    epub = outputs("epub")
    [book] = epub.outdir.glob("*.epub")
    result = epubcheck(book)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(book) as archive:
        assert "_static/work_history.css" in archive.namelist()


@pytest.mark.parametrize("builder", ["singlehtml", "dirhtml", "xml", "pseudoxml", "changes",
                                     "gettext"])
def test_other_builders_do_not_warn(outputs, builder):
    outputs(builder)  # the fixture asserts the warning stream is empty


def test_summary_on_an_excluded_page_is_left_out(tmp_path):
    app = build(copy_root(ROOT, tmp_path), confoverrides={
        "work_history_exclude_docs": ["recent", "hero*"]})
    assert work_history_warnings(app.warning.getvalue()) == []
    table = soup(app, "index.html").select_one("table.wh-summary")
    assert [r[1] for r in rows(table)] == ["Code Club", "Hanzo",
                                           "Smith & Sons_ $Ltd ~ ^ \\ back", "Securetest"]


def test_employer_roles_keep_their_organisation_for_microformats(outputs):
    import mf2py

    html = outputs("html")
    page = soup(html, "heroku.html")
    for role in page.select("section.wh-employer article.wh-job"):
        # Shown once, in the employer's header; kept (hidden) in each role.
        assert role.select_one(".wh-inherited .p-org").get_text() == "Heroku"
        assert role.select_one(".wh-inherited .p-location").get_text() == "Remote"
    css = (html.outdir / "_static" / "work_history.css").read_text(encoding="utf-8")
    assert re.search(r"\.wh-inherited\s*\{\s*display:\s*none;", css)
    parsed = mf2py.parse(doc=(html.outdir / "heroku.html").read_text(encoding="utf-8"))
    [resume] = parsed["items"]
    # The employer's tenure is not the résumé's own dates.
    assert not {"start", "end"} & set(resume["properties"])
    events = resume["properties"]["experience"]
    assert sorted(e["properties"]["name"][0] for e in events) == [
        "Infra Engineer", "Lead Infra Engineer"]
    for event in events:
        org = event["properties"]["org"][0]
        assert (org["properties"]["name"][0] if isinstance(org, dict) else org) == "Heroku"


def test_a_shared_name_links_to_the_first_entry_by_page(tmp_path):
    srcdir = copy_root(ROOT, tmp_path)
    early = srcdir / "early.md"
    early.write_text(early.read_text(encoding="utf-8")
                     + "\n:::{job} Copy\n:org: Lyst\n:start: 2018\n:::\n", encoding="utf-8")
    app = build(srcdir)
    [warning] = work_history_warnings(app.warning.getvalue())
    assert (warning.file, warning.subtype) == ("recent.md", "duplicate_name")
    links = {a.get_text(): a["href"]
             for a in soup(app, "index.html").select("a.reference.internal")}
    assert links["the Lyst years"] == "early.html#lyst-2018"  # "early" < "recent"
