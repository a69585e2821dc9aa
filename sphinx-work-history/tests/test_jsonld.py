"""schema.org JSON-LD from a test root full of hostile text: inert inside its
<script>, read back exactly, and kept up to date by incremental builds."""

from __future__ import annotations

import json
import os

import pytest

from sphinx_work_history.testing import assert_inert, jsonld_blocks, jsonld_person


@pytest.mark.sphinx("html", testroot="resume-hostile")
def test_hostile_text_stays_inside_the_script_and_reads_back_exactly(app, warning):
    app.build()
    assert warning.getvalue() == ""
    all_ended = [("Same-day role", "2019-03-04", "2019-03-04"),
                 ("Same-year role", "2007", "2007"),
                 ("Untitled-page role", "2001-01", "2002-12")]
    shown = {  # the home page lists every role; a page of entries, its own
        "index.html": (True, all_ended),
        "jobs.html": (True, all_ended[:2]),
        "untitled.html": (False, all_ended[2:]),
    }
    for name, (ongoing, ended) in shown.items():
        html = (app.outdir / name).read_text(encoding="utf-8")
        assert "</script><!--" not in assert_inert(html)
        person = jsonld_person(html)
        assert person["name"] == 'Zoë "Z" </script><!-- & Ünïcode'
        assert person["jobTitle"] == "Engineer </SCRIPT> & <b>friends</b>"
        assert person["sameAs"] == ["https://example.org/blog?a=1&b=2"]
        assert person.get("worksFor", []) == ([{
            "@type": "EmployeeRole",
            "roleName": 'Engineer </script><!-- "x" & y',
            "startDate": "2020-02",
            "worksFor": {"@type": "Organization", "name": 'Café "Ñ" & Sons </SCRIPT>',
                         "url": "https://example.org/?a=1&b=2"},
        }] if ongoing else [])
        assert [(r["roleName"], r["startDate"], r["endDate"])
                for r in person["alumniOf"]] == ended
    assert jsonld_blocks((app.outdir / "writing.html").read_text(encoding="utf-8")) == []


@pytest.mark.sphinx("html", testroot="resume-hostile", srcdir="jsonld-incremental")
def test_an_edited_entry_reaches_every_page_on_the_next_build(app, warning):
    app.build()
    # An orphan page: no toctree makes Sphinx write the home page again for it.
    page = app.srcdir / "untitled.rst"
    page.write_text(page.read_text(encoding="utf-8").replace("Untitled-page role",
                                                             "Renamed role"), encoding="utf-8")
    stat = page.stat()
    os.utime(page, (stat.st_atime, stat.st_mtime + 10))
    app.build()
    # index.rst did not change, but its JSON-LD shows every entry.
    person = jsonld_person((app.outdir / "index.html").read_text(encoding="utf-8"))
    assert "Renamed role" in [role["roleName"] for role in person["alumniOf"]]
    resume = json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))
    assert "Renamed role" in [w["position"] for w in resume["work"]]
