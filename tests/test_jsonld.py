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


def test_the_writing_page_carries_the_works_it_shows(site_html):
    resume = json.loads((site_html / "resume.json").read_text(encoding="utf-8"))
    writing = jsonld_person((site_html / "pages/writing.html").read_text(encoding="utf-8"))
    works = writing["@reverse"]["author"] + writing["@reverse"]["creator"]
    assert sorted((w["name"], w["url"]) for w in works) == sorted(
        (p["name"], p["url"]) for p in resume["publications"])
    assert [w["genre"] for w in writing["@reverse"]["creator"]] == ["talk"]
    # The home page keeps them off its head (its page budget).
    assert "@reverse" not in jsonld_person((site_html / "index.html").read_text(
        encoding="utf-8"))


def test_pages_without_entries_carry_none(site_html):
    for page in site_html.rglob("*.html"):
        if page.name not in ("index.html", "work-history.html", "writing.html"):
            assert jsonld_blocks(page.read_text(encoding="utf-8")) == [], page.name
