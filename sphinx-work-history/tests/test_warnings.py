"""Each mistake is a warning with file, line and type, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_work_history.testing import (
    build,
    copy_root,
    directive_line,
    line_of,
    other_warnings,
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
    # The end date is dropped (it is before the start), the start stays.
    assert backwards.select_one("time.dt-start")["datetime"] == "2020-05"
    assert "present" in backwards.select_one(".wh-dates").get_text()
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
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         str(ROOT), str(tmp_path / "html"), "-d", str(tmp_path / "doctrees")],
        capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "[work_history.bad_date]" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
