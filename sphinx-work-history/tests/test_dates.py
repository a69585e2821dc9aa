"""The length rule the reference page documents, and reading dates."""

from __future__ import annotations

import datetime as dt

import pytest

from sphinx_work_history.config.values import default_today
from sphinx_work_history.model import l10n
from sphinx_work_history.model.dates import (
    DateError,
    PartialDate,
    at_common_precision,
    dates_parts,
    format_length,
)
from sphinx_work_history.model.records import Span
from sphinx_work_history.sphinx.nodes import dates_node, job_date


def length(start: str, end: str) -> str:
    return format_length(PartialDate.parse(start), PartialDate.parse(end))


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2014", "2016", "2 yrs"),            # year-only dates give whole years
    ("2020", "2021", "1 yr"),
    ("2007", "2007", "< 1 yr"),
    ("2019-03", "2021-06", "2 yrs 3 mos"),
    ("2020-01", "2020-05", "4 mos"),
    ("2020-01", "2021-01", "1 yr"),
    ("2020-01", "2020-01", "< 1 mo"),
    ("2014-02", "2016", "2 yrs"),          # the coarser precision of the two
    ("2009-05-20", "2011-05-19", "1 yr 11 mos"),  # a month counts once its day is reached
    ("2009-05-20", "2011-05-20", "2 yrs"),
    ("2020-01-31", "2020-02-29", "< 1 mo"),
])
def test_length_rule(start, end, expected):
    assert length(start, end) == expected


@pytest.mark.parametrize("text", ["2020-13", "2021-02-30", "20", "0000", "2020-00",
                                  "2020-01-00", "2020-1", "２０２０", "2020 ", "March 2020", ""])
def test_not_a_calendar_date(text):
    if text.strip() == "2020":
        assert PartialDate.parse(text).iso() == "2020"  # surrounding space is allowed
        return
    with pytest.raises(DateError):
        PartialDate.parse(text)


def test_dates_keep_their_precision():
    assert [PartialDate.parse(t).display() for t in ("2014", "2014-03", "2014-03-02")] == [
        "2014", "Mar 2014", "2 Mar 2014"]
    assert PartialDate.parse("2014-03").iso() == "2014-03"


def test_today_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795737600")
    assert default_today() == "2026-11-27"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert default_today() == dt.date.today().isoformat()


def test_a_year_out_of_range_is_not_a_date():
    """From 1900 to the year after the build's: a year outside is a slip of the keyboard."""
    from sphinx_work_history.model.dates import parse_in_range

    today = PartialDate.parse("2026-11-27")
    assert parse_in_range("1900", today).iso() == "1900"
    assert parse_in_range("2027-12-31", today).iso() == "2027-12-31"
    for text in ("1899-12", "0001", "0201", "2028", "9999"):
        with pytest.raises(DateError, match="out of range: its year should be from 1900 to 2027"):
            parse_in_range(text, today)


def _date(text: str | None) -> PartialDate | None:
    return PartialDate.parse(text) if text else None


@pytest.mark.parametrize(("start", "end", "unknown", "parts"), [
    ("2014-03", None, False, [("Mar 2014", "start"), (" – ", ""), ("present", "present")]),
    ("2014-03", None, True, [("Mar 2014", "start"), (" – ", ""), ("unknown", "unknown")]),
    ("2014", "2016", False, [("2014", "start"), (" – ", ""), ("2016", "end")]),
    ("2014", "2014", False, [("2014", "both")]),  # one period, shown once
    (None, "2016-05-02", False, [("2 May 2016", "end")]),  # a one-date entry
    (None, None, False, []),
])
def test_the_dates_are_written_once_in_parts(start, end, unknown, parts):
    l10n.activate("en")
    shown = dates_parts(_date(start), _date(end), unknown)
    assert [(part.text, part.role) for part in shown] == parts


@pytest.mark.parametrize("language", ["en", "de", "ja", "ar"])
@pytest.mark.parametrize(("start", "end", "unknown"), [
    ("2020-05", None, False), ("2020-05", None, True), ("2019-03", "2021-06-01", False),
    ("2014", "2014", False), (None, "2016", False)])
def test_html_shows_the_dates_the_other_outputs_write(language, start, end, unknown):
    l10n.activate(language)
    try:
        html = dates_node(_date(start), _date(end), end_unknown=unknown)
        assert html.astext() == Span(_date(start), _date(end), end_unknown=unknown).text
        times = [node["datetime"] for node in html.findall(job_date)]
        assert times == list(dict.fromkeys(date for date in (start, end) if date))
    finally:
        l10n.activate("en")


@pytest.mark.parametrize(("a", "b", "cut"), [
    ("2011", "2011-06", ("2011", "2011")),
    ("2011-05-31", "2011-06", ("2011-05", "2011-06")),
    ("2011-05-31", "2011-06-01", ("2011-05-31", "2011-06-01")),
])
def test_dates_are_compared_at_the_coarser_precision(a, b, cut):
    first, second = at_common_precision(PartialDate.parse(a), PartialDate.parse(b))
    assert (first.iso(), second.iso()) == cut
