"""Dates as résumés write them: a year, a month, or a day.

A `PartialDate` keeps the precision the author gave, so that ``2014`` is
shown as "2014" and measured in whole years, while ``2014-03`` is shown
as "Mar 2014" and measured in months.

The length rule (documented in the package's docs/directives.md):

* both dates are cut to the coarser precision of the two;
* year precision gives whole years, ``end.year - start.year``;
* month and day precision give years and months; at day precision a
  month counts once its day of the month is reached;
* a length under the smallest unit reads "< 1 yr" or "< 1 mo".

The dates as a reader sees them ("Mar 2014 – present") are written here
once (`dates_parts`, `dates_text`) for every output: HTML makes its
``<time>`` elements from the parts, the others join them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from typing import Literal

from . import l10n

#: How much of a date the author wrote; the one declaration (l10n.py reads it).
Precision = Literal["year", "month", "day"]
_RANK: dict[Precision, int] = {"year": 0, "month": 1, "day": 2}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SHAPE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")

PRESENT = "present"
#: The earliest year of an entry's date (`parse_in_range`).
FIRST_YEAR = 1900


def source_date_epoch() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH``'s time (UTC), which reproducible builds date every output
    from; None when it is not set to a whole number of seconds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else None


class DateError(ValueError):
    """A date the author wrote that is not a calendar date."""


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int = 1
    day: int = 1
    precision: Precision = "year"

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise DateError."""
        text = text.strip()
        match = _SHAPE.fullmatch(text)
        if not match:
            raise DateError(f"{text!r} is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)")
        year = int(match[1])
        month, day = (int(part) if part else None for part in match.groups()[1:])
        if year == 0:
            raise DateError(f"{text!r} is not a date: there is no year 0")
        try:
            dt.date(year, 1 if month is None else month, 1 if day is None else day)
        except ValueError as exc:
            raise DateError(f"{text!r} is not a calendar date ({exc})") from None
        precision: Precision = "year" if month is None else "month" if day is None else "day"
        return cls(year, month or 1, day or 1, precision)

    @classmethod
    def from_date(cls, date: dt.date, precision: Precision = "day") -> PartialDate:
        return cls(date.year, date.month, date.day, "day").truncate(precision)

    def truncate(self, precision: Precision) -> PartialDate:
        if _RANK[precision] >= _RANK[self.precision]:
            return self
        if precision == "year":
            return PartialDate(self.year, 1, 1, "year")
        return PartialDate(self.year, self.month, 1, "month")

    def iso(self) -> str:
        """The date as written, at its own precision (for ``<time datetime>``)."""
        if self.precision == "year":
            return f"{self.year:04d}"
        if self.precision == "month":
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def display(self) -> str:
        """The date for a reader: ``2014``, ``Mar 2014`` or ``3 Mar 2014`` (in English;
        CLDR's pattern at that precision in another language: l10n.py)."""
        localised = l10n.format_date(self.year, self.month, self.day, self.precision)
        if localised is not None:
            return localised
        if self.precision == "year":
            return str(self.year)
        month = _MONTHS[self.month - 1]
        if self.precision == "month":
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"


def parse_in_range(text: str, today: PartialDate) -> PartialDate:
    """Read an entry's date as `PartialDate.parse` does, and refuse a year before
    `FIRST_YEAR` or after the year after *today* (a typing slip such as ``0201``
    or ``9999``, which would read as a span of days or as not begun)."""
    date = PartialDate.parse(text)
    last = today.year + 1
    if not FIRST_YEAR <= date.year <= last:
        raise DateError(f"{text.strip()!r} is out of range: its year should be from "
                        f"{FIRST_YEAR} to {last} (the year after the build's date)")
    return date


def coarser(a: Precision, b: Precision) -> Precision:
    return a if _RANK[a] <= _RANK[b] else b


def at_common_precision(a: PartialDate, b: PartialDate) -> tuple[PartialDate, PartialDate]:
    """Both dates cut to the coarser precision of the two, the one way dates are
    compared (a role that ended in 2011 is not before "2011-06")."""
    precision = coarser(a.precision, b.precision)
    return a.truncate(precision), b.truncate(precision)


def months_between(start: PartialDate, end: PartialDate) -> int:
    """Whole months from start to end, both taken at their common precision."""
    start, end = at_common_precision(start, end)
    precision = start.precision
    if precision == "year":
        return 12 * (end.year - start.year)
    months = 12 * (end.year - start.year) + end.month - start.month
    if precision == "day" and end.day < start.day:
        months -= 1
    return months


def format_length(start: PartialDate, end: PartialDate) -> str:
    """The length of a range, as ``2 yrs 3 mos``, ``1 yr``, ``4 mos``."""
    months = max(months_between(start, end), 0)
    years, months = divmod(months, 12)
    year_precision = coarser(start.precision, end.precision) == "year"
    localised = l10n.format_length(years, months, year_precision)
    if localised is not None:
        return localised
    if year_precision:
        return _plural(years, "yr") if years else "< 1 yr"
    parts = []
    if years:
        parts.append(_plural(years, "yr"))
    if months:
        parts.append(_plural(months, "mo"))
    return " ".join(parts) or "< 1 mo"


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


# -- the dates as shown ----------------------------------------------------------------
#: Which part of the dates a `DatesPart` is: a date ("start", "end", or "both" for one
#: period shown once), the word for an ongoing or unknown end, or the text around them.
PartRole = Literal["start", "end", "both", "present", "unknown", ""]


@dataclass(frozen=True)
class DatesPart:
    text: str
    date: PartialDate | None = None  # the date this part shows, if it shows one
    role: PartRole = ""


def dates_parts(start: PartialDate | None, end: PartialDate | None,
                end_unknown: bool = False) -> tuple[DatesPart, ...]:
    """The dates as shown, in parts, in the build's language: one date, or a range
    whose *end* None is "present" (or "unknown" if *end_unknown*)."""
    if start is None:
        return (DatesPart(end.display(), end, "end"),) if end else ()
    if end == start:  # one period shown once: it is both the start and the end
        return (DatesPart(start.display(), start, "both"),)
    before, between, after = l10n.range_parts()
    if end is not None:
        last = DatesPart(end.display(), end, "end")
    elif end_unknown:
        last = DatesPart(l10n.word("unknown"), role="unknown")
    else:
        last = DatesPart(l10n.present(), role="present")
    parts = (DatesPart(before), DatesPart(start.display(), start, "start"),
             DatesPart(between), last, DatesPart(after))
    return tuple(part for part in parts if part.text)


def dates_text(start: PartialDate | None, end: PartialDate | None,
               end_unknown: bool = False) -> str:
    """The dates as shown (`dates_parts`), as one text."""
    return "".join(part.text for part in dates_parts(start, end, end_unknown))
