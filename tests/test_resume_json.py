"""The site's resume.json: JSON Resume v1, every role of the pages, the writing page's links.

The same export on the package's own test roots: sphinx-work-history/tests/test_resume_json.py.
"""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest

from cv_pages import SMART_QUOTES, directive_bodies, jobs, prose, web_links
from resume_checks import (
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


def test_site_resume_validates_against_json_resume_schema(resume):
    assert schema_errors(resume) == []
    assert resume["work"]
    assert resume["publications"]


def test_basics_come_from_conf_and_the_home_page(resume, site_html):
    basics = resume["basics"]
    assert basics["name"] == "tef"
    assert basics["email"] == "tef@printf.net"
    assert basics["url"] == "https://tef.computer/"
    assert basics["label"]
    assert "location" not in basics  # the owner gives none: none is invented
    assert {p["url"] for p in basics["profiles"]} == {"https://programmingisterrible.com/"}
    # The summary is the home page's introduction, word for word, with the quote marks
    # its source writes (the page shows them curled by Sphinx's smart quotes).
    intro = soup(site_html / "index.html").select_one('article[role="main"] section')
    paragraphs = [words(p) for p in intro.find_all("p", recursive=False)
                  if "wh-contact" not in p.get("class", [])]  # the contact line is not prose
    assert basics["summary"] == "\n\n".join(paragraphs).translate(SMART_QUOTES)
    assert basics["summary"].startswith("Hi, I'm tef, I am available for hire")
    assert "\n\n".join(prose("index")).startswith(basics["summary"][:200])


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
        role = next(w for w in work if (w.get("position", ""), w["name"], w["startDate"]) ==
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
        # An entry without a position is named by its organisation.
        key = (role.get("position") or role["name"], role["name"])
        assert role["summary"] == shown[key].translate(SMART_QUOTES)
    # ... which is the text its source gives it.
    for job in jobs("pages/work-history"):
        role = next(w for w in resume["work"]
                    if (w.get("position", ""), w["name"]) == (job.position, job.org))
        assert role["summary"] == "\n\n".join(job.paragraphs)  # quote marks as written


def test_publications_are_the_writing_pages_entries(resume, site_html):
    writing = soup(site_html / "pages/writing.html")
    links = [(words(a), a["href"])
             for a in writing.select('article[role="main"] a.reference.external')]
    assert [(p["name"], p["url"]) for p in resume["publications"]] == links
    assert links == web_links("pages/writing")  # each link the page's source writes, in order
    # Each one's summary is the paragraph that links it: the owner's words, and
    # nothing they did not write (no date, no publisher).
    written = [*directive_bodies("pages/writing", "publication"),
               *directive_bodies("pages/writing", "talk")]
    for publication in resume["publications"]:
        name = publication["name"].translate(SMART_QUOTES)
        [paragraph] = [p for p in written if name in p]
        assert publication["summary"].translate(SMART_QUOTES) == paragraph
        assert set(publication) == {"name", "url", "summary"}
    # The quote marks are the ones the source writes: straight ones stay straight
    # (Sphinx's smart quotes curl them on the page), curly ones stay curly.
    summaries = " ".join(p["summary"] for p in resume["publications"])
    for quoted in ("isn't so much about debugging", "when 'fire-and-forget' becomes "
                    '"fires and regrets"', "what you've been told", "Write code that’s easy"):
        assert quoted in summaries, quoted


def test_home_page_links_resume_json_for_machines_and_readers(site_html):
    home = soup(site_html / "index.html")
    alternate = home.select('head link[rel="alternate"][type="application/json"]')
    assert [link["href"] for link in alternate] == ["resume.json"]
    visible = home.select('article[role="main"] a[href="resume.json"]')
    assert visible
    assert words(visible[0]) == "resume.json"
    assert (site_html / urljoin("index.html", alternate[0]["href"])).is_file()
    # Other pages reach it relative to themselves, and do not announce it.
    work = soup(site_html / "pages/work-history.html")
    assert not work.select('link[rel="alternate"][type="application/json"]')
