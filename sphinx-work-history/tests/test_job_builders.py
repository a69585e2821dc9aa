"""The job directive through Sphinx's test fixtures: doctree, HTML, LaTeX, ePub, text."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from sphinx_work_history.nodes import job_date, job_entry


@pytest.mark.sphinx("html", testroot="job-basic")
def test_doctree_holds_entries_with_their_facts(app):
    app.build()
    assert app._warning.getvalue() == ""
    doctree = app.env.get_doctree("index")
    heroku, meter = list(doctree.findall(job_entry))
    assert heroku["ids"] == ["heroku-2014"]
    assert (heroku["position"], heroku["org"], heroku["url"], heroku["location"]) == (
        "Lead Infra Engineer", "Heroku", "https://www.heroku.com", "Remote")
    assert heroku["dates"] == "Mar 2014 – Jun 2016"
    assert heroku["duration"] == "2 yrs 3 mos"
    assert [d["datetime"] for d in heroku.findall(job_date)] == ["2014-03", "2016-06"]
    assert meter["dates"] == "2020 – present"
    assert meter["duration"] == "6 yrs"  # ongoing: counted to work_history_today


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
