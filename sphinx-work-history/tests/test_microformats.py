"""Microformats2 from a test root full of hostile text: an mf2 parser reads
the same résumé as resume.json."""

from __future__ import annotations

import json

import pytest

from sphinx_work_history.testing import (
    mf2_contact,
    mf2_entries,
    mf2_extras,
    mf2_resumes,
    resume_entries,
)


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
