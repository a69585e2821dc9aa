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
    for name in ("index.html", "pages/writing.html"):
        html = (site_html / name).read_text(encoding="utf-8")
        assert mf2_resumes(html, SITE + name) == []
