"""Each mistake is a warning with file, line and type, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_work_history.testing import (
    build,
    copy_root,
    directive_line,
    line_of,
    other_warnings,
    sphinx_build,
    work_history_warnings,
)

ROOTS = Path(__file__).resolve().parent / "roots"


ROOT = ROOTS / "test-warnings"

# file, a string inside the entry (or on the line), subtype, words the message must hold
CASES = [
    ("fields.md", "No organisation", "missing_field", ":org: is missing"),
    ("fields.md", "No start", "missing_field", ":start: is missing"),
    ("fields.md", "Unknown option", "unknown_option", ":colour:"),
    ("fields.md", "Not a web address", "bad_url", "ftp://ftp.example.com/"),
    ("fields.md", "Flag with a value", "bad_option", ":no-duration: is a flag"),
    ("dates.md", "Month thirteen", "bad_date", "'2020-13'"),
    ("dates.md", "February thirtieth", "bad_date", "'2021-02-30'"),
    ("dates.md", "Two digits", "bad_date", "'20'"),
    ("dates.md", "Year zero", "bad_date", "'0000'"),
    ("dates.md", "Words", "bad_date", "'March 2020'"),
    ("dates.md", "Present start", "date_order", ":start: cannot be 'present'"),
    ("dates.md", "Backwards", "date_order", ":end: 2019 is before :start: 2020-05"),
    ("dates.md", "Bad end", "bad_date", "'2020-00'"),
    ("dates.md", "Current end", "bad_date",
     "'current' is not a date, and the one word :end: takes is 'present'"),
    ("dates.md", "Year one", "bad_date",
     ":start: '0001' is out of range: its year should be from 1900 to 2027"),
    ("dates.md", "Far future", "bad_date", ":start: '9999' is out of range"),
    ("dates.md", "Ends too late", "bad_date", ":end: '2100' is out of range"),
    ("dates.md", "Victorian prize", "bad_date",
     ":date: '1850' is out of range: its year should be from 1900 to 2027 (the year after "
     "the build's date); the entry is shown without a date"),
    ("names.md", "Empty name", "missing_field", ":name: ''"),
    ("names.md", "Second holder", "duplicate_name", "'shared'"),
    ("other.md", "Across again", "duplicate_name", "'across'"),
    ("other.md", ":since: last year", "bad_option", "'last year' is not a year"),
    ("other.md", ":limit: -3", "bad_option", "'-3' is not a positive whole number"),
    ("other.md", ":colour: blue", "unknown_option", "work-history: unknown option :colour:"),
    ("other.md", ":colour: blue", "bad_option", ":tags: is empty"),
    ("other.md", "Inner Ltd", "misplaced", "a job inside a job"),
    ("other.md", ":location: Nowhere", "missing_field", "employer (no :org:): :org: is missing"),
    ("other.md", ":location: Nowhere", "missing_field", "holds no job"),
    ("other.md", "Some text.", "bad_option", "work-history takes options only"),
    ("other.md", ":org: Option Co", "bad_option", "both an argument ('Argument Co') and :org:"),
    ("other.md", ":org: Option Co", "missing_field", "employer Option Co: holds no job"),
    ("other.md", ":org: Short Fence Co", "misplaced",
     "the employer's fence needs more colons than its jobs'"),
    ("other.md", "Fenced out", "missing_field",
     ":org: is missing (the employer at line 46 closed before this job: its fence needs "
     "more colons than its jobs')"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(copy_root(ROOT, tmp_path_factory.mktemp("warnings")))


@pytest.mark.parametrize(("file", "marker", "subtype", "words"), CASES,
                         ids=[f"{c[2]}-{c[1]}" for c in CASES])
def test_warning_has_file_line_and_type(built, file, marker, subtype, words):
    line = directive_line(ROOT / file, marker)
    found = [w for w in work_history_warnings(built.warning.getvalue())
             if (w.file, w.line, w.subtype) == (file, line, subtype)]
    assert found, f"no work_history.{subtype} at {file}:{line}"
    assert any(words in w.message for w in found), [w.message for w in found]


def test_unknown_reference_points_at_the_role(built):
    line = line_of(ROOT / "other.md", "nobody-1999")
    [warning] = [w for w in work_history_warnings(built.warning.getvalue())
                 if w.subtype == "unknown_ref"]
    assert (warning.file, warning.line) == ("other.md", line)
    assert "'nobody-1999'" in warning.message


def test_no_warning_beyond_the_expected_ones(built):
    stream = built.warning.getvalue()
    assert other_warnings(stream) == []
    expected = {(f, directive_line(ROOT / f, m), s) for f, m, s, _ in CASES}
    got = {(w.file, w.line, w.subtype) for w in work_history_warnings(stream)}
    assert got - expected == {("other.md", line_of(ROOT / "other.md", "nobody-1999"),
                               "unknown_ref")}
    assert "Traceback" not in stream


def test_every_warned_entry_is_still_shown(built):
    text = " ".join(
        BeautifulSoup((built.outdir / f"{doc}.html").read_text(), "html.parser").get_text(" ")
        for doc in ("fields", "dates", "names", "other"))
    for _, marker, subtype, _ in CASES:
        if subtype not in ("bad_option", "unknown_option") and not marker.startswith(":"):
            assert marker in text, marker
    # The unknown reference keeps its text.
    assert "nobody-1999" in text


def test_warned_entries_keep_what_could_be_read(built):
    page = BeautifulSoup((built.outdir / "dates.html").read_text(), "html.parser")
    backwards = next(a for a in page.select("article.wh-job")
                     if "Backwards" in a.get_text())
    # The end date cannot be used (it is before the start): the start stays, and the
    # end is unknown, never "present".
    assert backwards.select_one("time.dt-start")["datetime"] == "2020-05"
    assert backwards.select_one(".wh-dates").get_text() == "May 2020 – unknown"
    assert backwards.select_one(".dt-end") is None
    # A year out of range is not read as a date: no span of days for year one, no
    # ongoing role for a start in 9999; an end too late is unknown, as any bad end is.
    shown = {a.select_one(".wh-org").get_text(): a for a in page.select("article.wh-job")}
    for org in ("Early Ltd", "Future Ltd"):
        assert shown[org].select_one(".wh-job-meta").get_text() == "", shown[org]
        assert shown[org].select_one("time") is None
    assert shown["Late Ltd"].select_one(".wh-dates").get_text() == "2019 – unknown"
    award = next(a for a in page.select("article") if "Victorian prize" in a.get_text())
    assert award.select_one("time") is None
    assert "1850" not in award.get_text()
    fields = BeautifulSoup((built.outdir / "fields.html").read_text(), "html.parser")
    ftp = next(a for a in fields.select("article.wh-job") if "Ftp Ltd" in a.get_text())
    assert ftp.select_one(".wh-org").name == "span"  # shown, but not linked


def test_suppress_warnings_silences_one_subtype(tmp_path):
    app = build(copy_root(ROOT, tmp_path),
                confoverrides={"suppress_warnings": ["work_history.bad_date"]})
    subtypes = {w.subtype for w in work_history_warnings(app.warning.getvalue())}
    assert "bad_date" not in subtypes
    assert {"date_order", "missing_field", "bad_url"} <= subtypes


def test_strict_build_fails(tmp_path):
    result = sphinx_build(ROOT, tmp_path / "html", "html", "-q", must_pass=False)
    assert result.returncode != 0
    assert "[work_history.bad_date]" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_an_entry_without_a_start_is_left_out_where_the_warning_says(built, tmp_path):
    [message] = [w.message for w in work_history_warnings(built.warning.getvalue())
                 if "Month thirteen" in w.message]
    for place in ("work-history tables", "employer's tenure", "resume.json", "JSON-LD",
                  "Word, text and Markdown CVs"):
        assert place in message, place
    undated = ("Thirteen Ltd", "Present Ltd", "Words Ltd")
    # Shown on its page ...
    dates = (built.outdir / "dates.html").read_text(encoding="utf-8")
    assert all(org in dates for org in undated)
    # ... and nowhere else.
    resume = json.loads((built.outdir / "resume.json").read_text(encoding="utf-8"))
    orgs = {item.get("name") for item in resume["work"]}
    assert "Across Ltd" in orgs
    assert not orgs & set(undated)
    index = BeautifulSoup((built.outdir / "index.html").read_text(encoding="utf-8"),
                          "html.parser")
    [ld] = [s.get_text() for s in index.select('script[type="application/ld+json"]')]
    assert "Across Ltd" in ld
    assert not any(org in ld for org in undated)
    other = BeautifulSoup((built.outdir / "other.html").read_text(encoding="utf-8"),
                          "html.parser")
    tables = " ".join(t.get_text(" ") for t in other.select("table.wh-summary"))
    assert "Across Ltd" in tables
    assert not any(org in tables for org in undated)
    text = build(copy_root(ROOT, tmp_path), "cv-text")
    cv = (text.outdir / "warnings.txt").read_text(encoding="utf-8")
    assert "Across Ltd" in cv
    assert not any(org in cv for org in undated)


@pytest.mark.parametrize("builder", ["cv-text", "cv-markdown", "text", "latex"])
def test_an_unusable_end_is_never_shown_as_ongoing(builder, tmp_path):
    app = build(copy_root(ROOT, tmp_path), builder)
    shown = "\n".join(path.read_text(encoding="utf-8") for path in app.outdir.rglob("*")
                      if path.suffix in (".txt", ".md", ".tex"))
    shown = " ".join(shown.replace(r"\textendash{}", "–").split())
    for start in ("May 2020", "2020"):  # Backwards Ltd, Badend Ltd
        assert f"{start} – unknown" in shown, start
    assert "May 2020 – present" not in shown


def test_an_unusable_end_is_not_exported_as_ongoing(built):
    resume = json.loads((built.outdir / "resume.json").read_text(encoding="utf-8"))
    orgs = {item.get("name") for item in resume["work"]}
    assert not orgs & {"Backwards Ltd", "Badend Ltd"}
    index = BeautifulSoup((built.outdir / "index.html").read_text(encoding="utf-8"),
                          "html.parser")
    [ld] = [json.loads(s.get_text()) for s in
            index.select('script[type="application/ld+json"]')]
    roles = {}

    def walk(value):
        if isinstance(value, dict):
            if value.get("@type") == "EmployeeRole":
                org = value.get("worksFor") or value.get("alumniOf")
                roles[org.get("name")] = value
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(ld)
    for org in ("Backwards Ltd", "Badend Ltd"):  # ended, on a date not known
        assert "alumniOf" in roles[org], roles[org]
        assert "endDate" not in roles[org]
    page = BeautifulSoup((built.outdir / "dates.html").read_text(encoding="utf-8"),
                         "html.parser")
    badend = next(a for a in page.select("article.wh-job") if "Bad end" in a.get_text())
    assert badend.select_one(".wh-dates").get_text() == "2020 – unknown"


def test_an_employer_fence_closed_by_its_first_job_is_told_from_a_right_one():
    from sphinx_work_history.sphinx.directives.employer import unclosed_job_fence

    short = [":org: A", "", ":::{job} One", ":start: 2018", "", "Text."]
    assert unclosed_job_fence(short) == ":::"
    right = [":org: A", "", ":::{job} One", ":start: 2018", ":::", "", ":::{job} Two", ":::"]
    assert unclosed_job_fence(right) is None
    backticks = ["```{job} One", ":start: 2018"]
    assert unclosed_job_fence(backticks) == "```"
    assert unclosed_job_fence(["```{job} One", "````"]) is None
    assert unclosed_job_fence(["Some text about :::{job} fences."]) is None


def test_colon_fences_without_colon_fence_are_a_warning_at_each_fence(tmp_path):
    (tmp_path / "conf.py").write_text('extensions = ["myst_parser", "sphinx_work_history"]\n',
                                      encoding="utf-8")
    page = tmp_path / "index.md"
    page.write_text(
        "# CV\n\nSome text, and `:::{job}` as code, and a line that says :::{job}.\n\n"
        ":::{job} Engineer\n:org: Example Co\n:start: 2020\n\nThe role.\n:::\n\n"
        "::::{employer}\n:org: Example Cloud\n:::{job} Support\n:start: 2019\n:::\n::::\n",
        encoding="utf-8")
    app = build(tmp_path)
    stream = app.warning.getvalue()
    found = work_history_warnings(stream)
    assert [(w.file, w.line, w.subtype) for w in found] == [
        ("index.md", line_of(page, ":::{job} Engineer"), "bad_config"),
        ("index.md", line_of(page, "::::{employer}"), "bad_config"),
        ("index.md", line_of(page, ":::{job} Support"), "bad_config")]
    assert found[0].message == (
        ":::{job} is shown as text: MyST reads colon fences only with its colon_fence "
        'extension (myst_enable_extensions = ["colon_fence"] in conf.py)')
    assert other_warnings(stream) == []
    assert "wh-job" not in (app.outdir / "index.html").read_text(encoding="utf-8")
    # With the extension on, the same page has entries and no warning.
    (tmp_path / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_work_history"]\n'
        'myst_enable_extensions = ["colon_fence"]\n', encoding="utf-8")
    app = build(tmp_path, freshenv=True)
    assert app.warning.getvalue() == ""
    assert 'class="wh-job' in (app.outdir / "index.html").read_text(encoding="utf-8")
