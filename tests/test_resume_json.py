"""resume.json: JSON Resume v1, every role of the sources, the writing page's links."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import jsonschema
import pytest
from sphinx.util.console import strip_escape_sequences

from cv_pages import SMART_QUOTES, jobs, prose, web_links
from resume_checks import (
    SCHEMA,
    is_calendar_date,
    resume_entries,
    schema_errors,
    soup,
    source_entry,
    source_jobs,
)


def words(tag) -> str:
    return " ".join(tag.get_text(" ").split()).replace(" ,", ",").replace(" .", ".")


@pytest.fixture(scope="module")
def resume(site_html) -> dict:
    return json.loads((site_html / "resume.json").read_text(encoding="utf-8"))


# -- the real site ---------------------------------------------------------------

def test_site_resume_validates_against_json_resume_schema(resume):
    assert schema_errors(resume) == []
    assert resume["work"] and resume["publications"]


def test_the_schema_alone_accepts_impossible_dates_so_the_calendar_check_runs():
    impossible = {"work": [{"name": "X", "position": "Y", "startDate": "2020-13",
                            "endDate": "2021-02-30"}]}
    assert list(jsonschema.Draft7Validator(SCHEMA).iter_errors(impossible)) == []
    assert schema_errors(impossible) == ["'2020-13' is not a calendar date",
                                         "'2021-02-30' is not a calendar date"]
    assert is_calendar_date("2020-02-29") and not is_calendar_date("2019-02-29")


def test_basics_come_from_conf_and_the_home_page(resume, site_html):
    basics = resume["basics"]
    assert basics["name"] == "tef"
    assert basics["email"] == "tef@printf.net"
    assert basics["url"] == "https://tef.computer/"
    assert basics["label"]
    assert "location" not in basics  # the owner gives none: none is invented
    assert {p["url"] for p in basics["profiles"]} == {"https://programmingisterrible.com/"}
    # The summary is the home page's introduction, word for word.
    intro = soup(site_html / "index.html").select_one('article[role="main"] section')
    paragraphs = [words(p) for p in intro.find_all("p", recursive=False)]
    assert basics["summary"] == "\n\n".join(paragraphs)
    assert basics["summary"].startswith("Hi, I’m tef, I am available for hire")


def test_every_job_in_the_sources_is_in_resume_json_with_its_dates(resume):
    jobs = source_jobs()
    assert len(jobs) >= 8
    exported = resume_entries(resume)
    assert sorted((p, s, e) for p, _, s, e in exported) == sorted(map(source_entry, jobs))
    for job in jobs:
        if "org" in job:
            assert (job["position"], job["org"], job["start"]) in [e[:3] for e in exported]


def test_roles_are_newest_first_and_ended_roles_have_an_end(resume):
    work = resume["work"]
    keys = [(w.get("endDate", "9999"), w["startDate"]) for w in work]
    assert keys == sorted(keys, reverse=True)
    for job in jobs("pages/work-history"):
        role = next(w for w in work if (w["position"], w["name"], w["startDate"]) ==
                    (job.position, job.org, job.start))
        assert role.get("endDate") == job.end  # same-year roles too: 2007 to 2007


def test_each_role_summary_is_the_text_on_the_work_history_page(resume, site_html):
    page = soup(site_html / "pages/work-history.html")
    shown = {}
    for article in page.select("article.wh-job"):
        key = (words(article.select_one(".p-name")), words(article.select_one(".p-org")))
        body = article.select_one(".p-description")
        shown[key] = "\n\n".join(words(p) for p in body.find_all("p", recursive=False))
    for role in resume["work"]:
        assert role["summary"] == shown[(role["position"], role["name"])]
    # ... which is the text its source gives it.
    for job in jobs("pages/work-history"):
        role = next(w for w in resume["work"] if (w["position"], w["name"]) == (job.position, job.org))
        assert role["summary"].translate(SMART_QUOTES) == "\n\n".join(job.paragraphs)


def test_publications_are_the_writing_pages_links(resume, site_html):
    writing = soup(site_html / "pages/writing.html")
    links = [(words(a), a["href"]) for a in writing.select('article[role="main"] a.reference.external')]
    assert [(p["name"], p["url"]) for p in resume["publications"]] == links
    assert links == web_links("pages/writing")  # each link the page's source writes, in order
    # Each one's summary is the paragraph that links it.
    for publication in resume["publications"]:
        name = publication["name"].translate(SMART_QUOTES)
        [paragraph] = [p for p in prose("pages/writing") if name in p]
        assert publication["summary"].translate(SMART_QUOTES) == paragraph


def test_home_page_links_resume_json_for_machines_and_readers(site_html):
    home = soup(site_html / "index.html")
    alternate = home.select('head link[rel="alternate"][type="application/json"]')
    assert [link["href"] for link in alternate] == ["resume.json"]
    visible = home.select('article[role="main"] a[href="resume.json"]')
    assert visible and words(visible[0]) == "resume.json"
    assert (site_html / urljoin("index.html", alternate[0]["href"])).is_file()
    # Other pages reach it relative to themselves, and do not announce it.
    work = soup(site_html / "pages/work-history.html")
    assert not work.select('link[rel="alternate"][type="application/json"]')


# -- a test root full of hostile text ----------------------------------------------

@pytest.mark.sphinx("html", testroot="resume-hostile")
def test_hostile_text_is_kept_exactly(app, warning):
    app.build()
    assert warning.getvalue() == ""
    resume = json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))
    assert schema_errors(resume) == []
    assert resume["basics"]["name"] == 'Zoë "Z" </script><!-- & Ünïcode'
    assert resume["basics"]["summary"] == (
        'Intro with "quotes" & ampersands </script><!-- and Ünïcödé, on two lines.'
        "\n\nA second paragraph.")
    ongoing, same_day, same_year, untitled = resume["work"]
    assert ongoing == {
        "name": 'Café "Ñ" & Sons </SCRIPT>',
        "position": 'Engineer </script><!-- "x" & y',
        "url": "https://example.org/?a=1&b=2",
        "startDate": "2020-02",  # no endDate: ongoing
        "location": "Zürich & <b>Remote</b>",
        "summary": "First paragraph with </script><script>alert(1)</script> and <!-- a comment."
                   "\n\nClosing paragraph, ‘curly’.",
        "highlights": ['highlight one & "two"', "highlight </script> ünïcode"],
    }
    assert (same_day["startDate"], same_day["endDate"]) == ("2019-03-04", "2019-03-04")
    assert "summary" not in same_day and "highlights" not in same_day
    assert same_year["highlights"] == ["numbered highlight"]
    assert untitled["position"] == "Untitled-page role"
    assert resume["publications"] == [
        {"name": 'A post about </script> & "quotes"', "url": "https://example.org/post?a=1&b=2",
         "summary": 'A post about </script> & "quotes", the post\'s own words.'},
        {"name": "The talk", "url": "https://example.org/talk",
         "summary": "The talk and the talk again."},
    ]
    assert resume["meta"] == {"canonical": "https://example.org/~zoë/resume.json"}


@pytest.mark.sphinx("dirhtml", testroot="resume-hostile", freshenv=True)
def test_dirhtml_site_has_resume_json_at_its_root(app, warning):
    app.build()
    assert warning.getvalue() == ""
    assert json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))["work"]
    home = soup(app.outdir / "index.html")
    assert home.select_one('link[rel="alternate"][type="application/json"]')["href"] == \
        "resume.json"
    assert home.select_one("a.wh-resume-json")["href"] == "resume.json"


@pytest.mark.sphinx("epub", testroot="resume-hostile", freshenv=True)
def test_epub_has_no_resume_json_and_links_the_published_one(app, warning):
    app.build()
    assert not (app.outdir / "resume.json").exists()
    index = (app.outdir / "index.xhtml").read_text(encoding="utf-8")
    assert 'href="https://example.org/~zoë/resume.json"' in index
    assert "ld+json" not in index


@pytest.mark.sphinx("latex", testroot="resume-hostile", freshenv=True)
def test_pdf_links_the_published_resume_json(app, warning):
    app.build()
    assert not (app.outdir / "resume.json").exists()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert re.search(r"\\sphinxhref\{https://example\.org/~zoë/resume\.json\}\{my résumé as JSON\}",
                     tex), tex[-2000:]


@pytest.mark.sphinx("text", testroot="resume-hostile", freshenv=True,
                    confoverrides={"work_history_person": {"name": "X"}})
def test_link_without_an_address_outside_html_is_a_warning(app, warning):
    app.build()
    assert "index.rst:18: WARNING: {resume-json}: a text build has no resume.json" in \
        strip_escape_sequences(warning.getvalue())
    assert "my résumé as JSON" in (app.outdir / "index.txt").read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="resume-hostile", freshenv=True, confoverrides={
    "work_history_person": {"name": 3, "url": "ftp://x", "email": "nobody", "colour": "red",
                            "location": {"city": "Paris", "planet": "Mars"},
                            "profiles": [{"network": "X", "url": "javascript:alert(1)"}, "oops"]},
    "work_history_publications": ["nowhere"],
})
def test_bad_person_data_is_reported_and_left_out(app, warning):
    app.build()
    messages = strip_escape_sequences(warning.getvalue())
    for expected in ("work_history_person['name'] should be a string, not int",
                     "work_history_person['url'] 'ftp://x' is not an http(s) address",
                     "work_history_person['email'] 'nobody' is not an email address",
                     "work_history_person: unknown key 'colour'",
                     "work_history_person['location']: unknown key 'planet'",
                     "'javascript:alert(1)' is not an http(s) address",
                     "work_history_person['profiles'][1] should be a dict",
                     "work_history_publications: no document 'nowhere'"):
        assert expected in messages, expected
    assert "[work_history.bad_config]" in messages and "Traceback" not in messages
    resume = json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))
    assert resume["basics"] == {"name": "hostile", "location": {"city": "Paris"},
                                "summary": resume["basics"]["summary"]}
    assert "publications" not in resume
    assert schema_errors(resume) == []
