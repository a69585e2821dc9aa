"""The résumé model: one record per entry, rendered when pages are written.

* a build on a later day reads no document again, yet shows the new
  length of an ongoing role, in HTML and in a builder that writes only
  changed pages (text);
* Sphinx's own hooks: ``nitpick_ignore`` silences a dangling ``{job}``;
* the configuration is checked once, its warnings located in conf.py;
* the PDF's CV header comes from the checked person, escaped;
* the hub is a setting.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_work_history.sphinx.domain import get_domain
from sphinx_work_history.testing import build, copy_root, work_history_warnings

ROOTS = Path(__file__).resolve().parent / "roots"


def meter_length(html: str) -> str:
    meter = BeautifulSoup(html, "html.parser").find("article", id="meter-2020")
    return meter.select_one(".wh-duration").get_text()


@pytest.mark.parametrize("builder", ["html", "text"])
def test_a_later_day_reads_nothing_again_and_shows_the_new_length(tmp_path, builder):
    srcdir = copy_root(ROOTS / "test-job-basic", tmp_path / "src")
    first = build(srcdir, builder, confoverrides={"work_history_today": "2026-11-27"})
    assert first.warning.getvalue() == ""
    later = build(srcdir, builder, confoverrides={"work_history_today": "2026-12-27"})
    status = later.status.getvalue()
    assert "0 added, 0 changed, 0 removed" in status, status
    out = (later.outdir / f"index.{'html' if builder == 'html' else 'txt'}").read_text(
        encoding="utf-8")
    if builder == "html":
        assert meter_length(out) == "6 yrs"  # Meter started in 2020: year precision
    next_year = build(srcdir, builder, confoverrides={"work_history_today": "2027-01-02"})
    assert "0 added, 0 changed, 0 removed" in next_year.status.getvalue()
    out = (next_year.outdir / f"index.{'html' if builder == 'html' else 'txt'}").read_text(
        encoding="utf-8")
    if builder == "html":
        assert meter_length(out) == "7 yrs"
    else:
        assert "2020 – present · 7 yrs" in out


def test_an_unchanged_rebuild_writes_nothing(tmp_path):
    srcdir = copy_root(ROOTS / "test-history", tmp_path / "src")
    build(srcdir, "text")
    again = build(srcdir, "text")
    status = again.status.getvalue()
    assert "0 added, 0 changed, 0 removed" in status
    assert "no targets are out of date" in status


def test_records_hold_the_body_text_once_read(tmp_path):
    srcdir = copy_root(ROOTS / "test-job-basic", tmp_path / "src")
    app = build(srcdir, "html")
    heroku = get_domain(app.env).record("index", "heroku-2014")
    assert heroku.summary == ("On call for a million databases & more: 100% uptime_{#}~^.",)
    assert heroku.highlights == ("Automation.", "Support.")


MISSING_REF = """\
# Refs

:::{job} Engineer
:org: Meter
:start: 2020
:::

See {job}`nowhere-2000` and {job}`meter-2020`.
"""


@pytest.mark.parametrize("ignored", [False, True])
def test_nitpick_ignore_silences_a_dangling_job_reference(tmp_path, ignored):
    (tmp_path / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_work_history"]\n'
        'myst_enable_extensions = ["colon_fence"]\nnitpicky = True\n'
        'work_history_today = "2026-11-27"\n'
        + ('nitpick_ignore = [("work_history:job", "nowhere-2000")]\n' if ignored else ""),
        encoding="utf-8")
    (tmp_path / "index.md").write_text(MISSING_REF, encoding="utf-8")
    app = build(tmp_path, "html")
    found = work_history_warnings(app.warning.getvalue())
    if ignored:
        assert app.warning.getvalue() == ""
    else:
        assert [(w.file, w.line, w.subtype) for w in found] == [("index.md", 8, "unknown_ref")]
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "nowhere-2000" in page.select_one("[role=main]").get_text()  # the text stays


PERSON_CONF = """\
extensions = ["myst_parser", "sphinx_work_history"]
myst_enable_extensions = ["colon_fence"]
project = "person"
author = "Ann Example"
work_history_today = "2026-11-27"
work_history_person = {
    "label": "Engineer",
    "url": "javascript:alert(1)",
    "profiles": [{"network": "Blog", "url": "ftp://example.org/"}],
}
"""


def test_a_person_without_email_or_with_an_unsafe_url_is_a_located_warning(tmp_path):
    (tmp_path / "conf.py").write_text(PERSON_CONF, encoding="utf-8")
    (tmp_path / "index.md").write_text("# Ann\n\nHello.\n", encoding="utf-8")
    app = build(tmp_path, "latex")
    found = work_history_warnings(app.warning.getvalue())
    assert {(w.file, w.line, w.subtype) for w in found} == {("conf.py", 6, "bad_config")}
    messages = " ".join(w.message for w in found)
    assert "'email'" in messages
    assert "javascript:alert(1)" in messages
    assert "ftp://example.org/" in messages
    assert "Traceback" not in app.warning.getvalue()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\workhistorycvheader{Engineer}{}" in tex  # no address, no unsafe link


def test_the_cv_header_is_the_checked_person_escaped(tmp_path):
    app = build(copy_root(ROOTS / "test-resume-hostile", tmp_path / "src"), "latex")
    assert app.warning.getvalue() == ""
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    (header,) = re.findall(r"^\\workhistorycvheader.*$", tex, re.M)
    assert header.startswith(r"\workhistorycvheader{Engineer \textless{}/SCRIPT\textgreater{} "
                             r"\& \textless{}b\textgreater{}friends")
    assert r"\href{mailto:zoe@example.org}{zoe@example.org}" in header
    assert r"\texttt{example.org/\textasciitilde{}zoë}" in header


def test_a_maketitle_of_the_project_is_kept(tmp_path):
    app = build(copy_root(ROOTS / "test-resume-hostile", tmp_path / "src"), "latex",
                confoverrides={"latex_elements": {"maketitle": r"\section*{Mine}"}})
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\section*{Mine}" in tex
    assert r"\workhistorycvheader" not in tex


def test_the_hub_is_a_setting(tmp_path):
    app = build(copy_root(ROOTS / "test-resume-hostile", tmp_path / "src"), "html",
                confoverrides={"work_history_hub": "writing"})
    resume = json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))
    writing = BeautifulSoup((app.outdir / "writing.html").read_text(encoding="utf-8"),
                            "html.parser")
    first = writing.select_one("[role=main] section > p:not(.wh-contact)").get_text(" ")
    assert resume["basics"]["summary"].startswith(" ".join(first.split())[:20])
    assert writing.find("link", rel="alternate", type="application/json")
    index = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"),
                          "html.parser")
    assert not index.find("link", rel="alternate", type="application/json")


def test_an_employer_whose_last_role_has_an_unknown_end_is_not_ongoing():
    from types import SimpleNamespace

    from sphinx_work_history.model.dates import PartialDate
    from sphinx_work_history.model.records import EmployerRecord, JobRecord, tenure

    config = SimpleNamespace(durations=True, today=PartialDate.parse("2026-11-27"))
    employer = EmployerRecord(index=0, docname="cv", lineno=1, org="Example Co")

    def job(start, end=None, unknown=False):
        return JobRecord(name=start, docname="cv", lineno=2, position="", org="Example Co",
                         start=PartialDate.parse(start),
                         end=PartialDate.parse(end) if end else None, end_unknown=unknown,
                         employer=0)

    ended = [job("2015", "2017"), job("2017-03", unknown=True)]
    assert tenure(config, employer, ended).text == "2015 – unknown"
    assert tenure(config, employer, ended).length == ""
    ongoing = [*ended, job("2018")]
    assert tenure(config, employer, ongoing).text == "2015 – present"
    assert tenure(config, employer, [job("2015", "2017")]).text == "2015 – 2017"
