"""The job directive through Sphinx's test fixtures: doctree, HTML, LaTeX, ePub, text."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from sphinx_work_history.config.compat import resolved_doctree
from sphinx_work_history.sphinx.domain import get_domain
from sphinx_work_history.sphinx.nodes import job_date, job_entry


@pytest.mark.sphinx("html", testroot="job-basic")
def test_each_entry_is_one_record_and_its_page_shows_it(app):
    app.build()
    assert app._warning.getvalue() == ""
    heroku, meter = get_domain(app.env).jobs_by_doc["index"]
    assert (heroku.name, heroku.position, heroku.org, heroku.url, heroku.location) == (
        "heroku-2014", "Lead Infra Engineer", "Heroku", "https://www.heroku.com", "Remote")
    assert (heroku.start.iso(), heroku.end.iso()) == ("2014-03", "2016-06")
    assert meter.end is None
    # The stored doctree holds no facts: only the name of the record, and the body.
    stored = list(app.env.get_doctree("index").findall(job_entry))
    assert [(e["docname"], e["name"]) for e in stored] == [("index", "heroku-2014"),
                                                          ("index", "meter-2020")]
    assert not any(e.get("position") for e in stored)
    # The written page takes them from the record, lengths counted to today.
    resolved = resolved_doctree(app.builder, "index")
    heroku_node, meter_node = resolved.findall(job_entry)
    assert heroku_node["ids"] == ["heroku-2014"]
    assert heroku_node["dates"] == "Mar 2014 – Jun 2016"
    assert heroku_node["duration"] == "2 yrs 3 mos"
    assert [d["datetime"] for d in heroku_node.findall(job_date)] == ["2014-03", "2016-06"]
    assert meter_node["dates"] == "2020 – present"
    assert meter_node["duration"] == "6 yrs"  # ongoing: counted to work_history_today


@pytest.mark.sphinx("html", testroot="job-basic")
def test_html_is_one_semantic_block(app):
    app.build()
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article#heroku-2014")
    assert article.select_one("header .wh-position").get_text() == "Lead Infra Engineer"
    org = article.select_one("a.wh-org")
    assert (org.get_text(), org["href"]) == ("Heroku", "https://www.heroku.com")
    times = [(t["datetime"], t.get_text()) for t in article.select("time")]
    assert times == [("2014-03", "Mar 2014"), ("2016-06", "Jun 2016")]
    assert article.select_one(".wh-location").get_text() == "Remote"
    assert [li.get_text(strip=True) for li in article.select(".wh-job-body li")] == [
        "Automation.", "Support."]
    meter = soup.select_one("article#meter-2020")
    assert meter.select_one(".wh-dates").get_text() == "2020 – present"
    assert len(meter.select("time")) == 1
    assert (app.outdir / "_static" / "work_history.css").is_file()


@pytest.mark.sphinx("latex", testroot="job-basic")
def test_latex_uses_the_cv_environment_and_escapes_text(app):
    app.build()
    tex = (app.outdir / "job-basic.tex").read_text(encoding="utf-8")
    assert r"\usepackage{workhistory}" in tex
    assert (r"\begin{workhistoryentry}{Mar 2014 \textendash{} Jun 2016}{Lead Infra Engineer}"
            r"{\href{https://www.heroku.com}{Heroku}}{Remote}{2 yrs 3 mos}") in tex
    assert r"databases \& more: 100\% uptime\_\{\#\}\textasciitilde{}\textasciicircum{}." in tex
    assert tex.count(r"\end{workhistoryentry}") == 2
    assert (app.outdir / "workhistory.sty").is_file()


@pytest.mark.sphinx("epub", testroot="job-basic")
def test_epub_gets_the_html_markup_and_stylesheet(app):
    app.build()
    xhtml = (app.outdir / "index.xhtml").read_text(encoding="utf-8")
    assert '<article class="wh-job h-event p-experience" id="heroku-2014">' in xhtml
    assert '<time class="dt-start" datetime="2014-03">Mar 2014</time>' in xhtml
    assert "work_history.css" in (app.outdir / "content.opf").read_text(encoding="utf-8")


@pytest.mark.sphinx("text", testroot="job-basic")
def test_text_output_reads_as_a_cv(app):
    app.build()
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "**Lead Infra Engineer**, Heroku" in text
    assert "Mar 2014 – Jun 2016 · 2 yrs 3 mos · Remote" in text
    assert "2020 – present · 6 yrs" in text
