"""Microformats2: an mf2 parser reads the same résumé as resume.json."""

from __future__ import annotations

import json

import pytest

from resume_checks import (
    mf2_contact,
    mf2_entries,
    mf2_extras,
    mf2_resumes,
    resume_entries,
    source_entry,
    source_jobs,
)

SITE = "https://tef.computer/"


def test_work_history_page_is_one_h_resume_matching_resume_json(site_html):
    resume = json.loads((site_html / "resume.json").read_text(encoding="utf-8"))
    html = (site_html / "pages/work-history.html").read_text(encoding="utf-8")
    (h_resume,) = mf2_resumes(html, SITE + "pages/work-history.html")
    assert h_resume["properties"]["name"] == ["Abridged Work History"]
    assert mf2_contact(h_resume) == {"name": [resume["basics"]["name"]],
                                     "url": [resume["basics"]["url"]],
                                     "email": ["mailto:" + resume["basics"]["email"]]}
    entries = mf2_entries(h_resume)
    assert entries == sorted(entries, key=lambda e: (e[3] or "9999", e[2]), reverse=True)
    assert entries == resume_entries(resume)
    assert sorted((p, s, e) for p, _, s, e in entries) == sorted(
        map(source_entry, source_jobs()))
    # A role shown with one year still has its end.
    assert ("", "Securetest", "2007", "2007") in entries  # no position: named by its organisation


def test_pages_without_entries_have_no_resume(site_html):
    for name in ("index.html", "pages/writing.html"):
        html = (site_html / name).read_text(encoding="utf-8")
        assert mf2_resumes(html, SITE + name) == []


@pytest.mark.sphinx("html", testroot="resume-hostile")
def test_hostile_entries_parse_the_same_as_resume_json(app, warning):
    app.build()
    assert warning.getvalue() == ""
    resume = json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))
    html = (app.outdir / "jobs.html").read_text(encoding="utf-8")
    (h_resume,) = mf2_resumes(html, "https://example.org/jobs.html")
    assert h_resume["properties"]["name"] == ["Jobs"]
    assert mf2_contact(h_resume) == {"name": ['Zoë "Z" </script><!-- & Ünïcode'],
                                     "url": ["https://example.org/~zoë/"],
                                     "email": ["mailto:zoe@example.org"]}
    assert mf2_entries(h_resume) == resume_entries(resume)[:3]
    assert mf2_extras(h_resume) == [(w.get("location"), w.get("url")) for w in resume["work"][:3]]
    assert mf2_entries(h_resume)[0] == ('Engineer </script><!-- "x" & y',
                                        'Café "Ñ" & Sons </SCRIPT>', "2020-02", None)
    # A page with no title: the whole page is the résumé.
    untitled = (app.outdir / "untitled.html").read_text(encoding="utf-8")
    (h_resume,) = mf2_resumes(untitled, "https://example.org/untitled.html")
    assert mf2_entries(h_resume) == resume_entries(resume)[3:]
