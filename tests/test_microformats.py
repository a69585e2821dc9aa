"""Microformats2 on the site: an mf2 parser reads the same résumé as resume.json.

Hostile text on the package's own test roots: sphinx-work-history/tests/test_microformats.py.
"""

from __future__ import annotations

import json

from resume_checks import (
    mf2_contact,
    mf2_entries,
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
    html = (site_html / "index.html").read_text(encoding="utf-8")
    assert mf2_resumes(html, SITE + "index.html") == []


def test_the_writing_pages_works_are_citations_of_its_resume(site_html):
    resume = json.loads((site_html / "resume.json").read_text(encoding="utf-8"))
    html = (site_html / "pages/writing.html").read_text(encoding="utf-8")
    (h_resume,) = mf2_resumes(html, SITE + "pages/writing.html")
    cites = [c for c in h_resume.get("children", []) if c["type"] == ["h-cite"]]
    assert sorted(c["properties"]["url"][0] for c in cites) == sorted(
        p["url"] for p in resume["publications"])
    # No work's name or address is taken for the résumé's own.
    assert h_resume["properties"]["name"] == ["Writing and talks"]
    assert "url" not in h_resume["properties"]
