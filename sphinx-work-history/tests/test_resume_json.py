"""resume.json from a test root full of hostile text: JSON Resume v1, the text
kept exactly; where each builder puts it or links it; bad person data."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from sphinx.util.console import strip_escape_sequences

from sphinx_work_history.testing import is_calendar_date, jsonresume_schema, schema_errors, soup

SCHEMA = jsonresume_schema()



def test_the_schema_alone_accepts_impossible_dates_so_the_calendar_check_runs():
    impossible = {"work": [{"name": "X", "position": "Y", "startDate": "2020-13",
                            "endDate": "2021-02-30"}]}
    assert list(jsonschema.Draft7Validator(SCHEMA).iter_errors(impossible)) == []
    assert schema_errors(impossible) == ["'2020-13' is not a calendar date",
                                         "'2021-02-30' is not a calendar date"]
    assert is_calendar_date("2020-02-29")
    assert not is_calendar_date("2019-02-29")


@pytest.mark.sphinx("html", testroot="resume-hostile")
def test_hostile_text_is_kept_exactly(app, warning):
    app.build()
    assert warning.getvalue() == ""
    resume = json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))
    assert schema_errors(resume) == []
    assert resume["basics"]["name"] == 'Zoë "Z" </script><!-- & Ünïcode'
    # As written, its line break too: an imported resume.json comes back byte for byte.
    assert resume["basics"]["summary"] == (
        'Intro with "quotes" & ampersands </script><!-- and Ünïcödé, on\ntwo lines.'
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
    assert not {"summary", "highlights"} & set(same_day)
    assert same_year["highlights"] == ["numbered highlight"]
    assert untitled["position"] == "Untitled-page role"
    assert resume["publications"] == [
        {"name": 'A post about </script> & "quotes"', "url": "https://example.org/post?a=1&b=2",
         "summary": 'A post about </script> & "quotes", the post\'s own words.'},
        {"name": "The talk", "url": "https://example.org/talk",
         "summary": "The talk and the talk again."},
    ]
    assert resume["meta"] == {"canonical": "https://example.org/~zoë/resume.json"}


@pytest.mark.sphinx("html", testroot="resume-hostile", freshenv=True,
                    confoverrides={"smartquotes": True})
def test_smart_quotes_change_the_pages_but_not_the_exported_text(app, warning):
    """Sphinx's smart quotes (its default) curl the quotes the pages show; resume.json
    holds the quotes the author wrote."""
    app.build()
    assert warning.getvalue() == ""
    resume = json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))
    assert resume["basics"]["summary"].startswith('Intro with "quotes" & ampersands')
    assert resume["work"][0]["highlights"] == ['highlight one & "two"',
                                               "highlight </script> ünïcode"]
    assert resume["work"][0]["summary"].endswith("Closing paragraph, ‘curly’.")
    assert resume["publications"][0] == {
        "name": 'A post about </script> & "quotes"', "url": "https://example.org/post?a=1&b=2",
        "summary": 'A post about </script> & "quotes", the post\'s own words.'}
    index = soup(app.outdir / "index.html").get_text()
    assert "“quotes”" in index
    assert '"quotes"' not in index
    writing = " ".join(soup(app.outdir / "writing.html").get_text().split())
    assert "post’s own words" in writing


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
    assert "[work_history.bad_config]" in messages
    assert "Traceback" not in messages
    resume = json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))
    assert resume["basics"] == {"name": "hostile", "location": {"city": "Paris"},
                                "summary": resume["basics"]["summary"]}
    assert "publications" not in resume
    assert schema_errors(resume) == []
