"""The site's schema.org JSON-LD: a Person with EmployeeRole entries, inert inside its <script>.

Hostile text on the package's own test roots: sphinx-work-history/tests/test_jsonld.py.
"""

from __future__ import annotations

import json

from resume_checks import (
    assert_inert,
    jsonld_blocks,
    jsonld_entries,
    jsonld_person,
    resume_entries,
    source_entry,
    source_jobs,
)


def test_home_and_work_history_carry_the_person(site_html):
    resume = json.loads((site_html / "resume.json").read_text(encoding="utf-8"))
    for name in ("index.html", "pages/work-history.html"):
        html = (site_html / name).read_text(encoding="utf-8")
        assert_inert(html)
        person = jsonld_person(html)
        assert person["@context"] == "https://schema.org"
        assert person["@type"] == "Person"
        assert person["name"] == "tef"
        assert person["email"] == "tef@printf.net"
        assert person["url"] == "https://tef.computer/"
        assert person["sameAs"] == ["https://programmingisterrible.com/"]
        assert person["jobTitle"] == resume["basics"]["label"]
        # Every role, in the sources' words and dates, as resume.json has it.
        entries = jsonld_entries(person)
        assert sorted(entries) == sorted(resume_entries(resume))
        assert sorted((p, s, e) for p, _, s, e in entries) == sorted(
            map(source_entry, source_jobs()))


def test_pages_without_entries_carry_none(site_html):
    writing = (site_html / "pages/writing.html").read_text(encoding="utf-8")
    assert jsonld_blocks(writing) == []
