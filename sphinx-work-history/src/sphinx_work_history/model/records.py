"""The résumé model: one typed record per entry, and the résumé built from them.

A `JobRecord` holds everything known about one ``job`` entry: its facts,
read from the directive's options, and its text (summary paragraphs and
highlights), captured from its body once the document is read. An
`EmployerRecord` holds an ``employer`` block; its tenure is not stored but
computed from the jobs that name it. Nothing here depends on the day of
the build: lengths are computed when a page is written (`length_of`).

`Resume` is what every output of the whole CV draws from: the person, the
introduction, the published entries newest first, and the publications.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from .dates import PartialDate, dates_text, format_length
from .kinds import Record
from .schema_org import clean, dates


class Counting(Protocol):
    """What a length is counted with: the build's settings (config/settings.py)."""

    @property
    def today(self) -> PartialDate:
        """The date an ongoing span counts to."""

    @property
    def durations(self) -> bool:
        """Whether lengths are shown at all."""

@dataclass(frozen=True, kw_only=True)
class JobRecord(Record):
    """One role: what the entry, the summaries, the references and the exports show."""

    KIND = "job"
    ARGUMENT = "position"
    SUBTITLE, SUBTITLE_LINK, LOCATION, SECTION = ("org",), "url", "location", "Experience"
    JSON_SECTION, JSON_HEADING, JSON_START, JSON_END = (
        "work", "position", "startDate", "endDate")
    JSON_SUMMARY, JSON_HIGHLIGHTS = "summary", "highlights"
    MICROFORMAT: ClassVar[tuple[str, ...] | None] = None  # job.py's p-experience h-event
    SPAN = DATED = True

    position: str = ""
    org: str = ""
    url: str = ""
    location: str = ""
    description: str = field(default="", metadata={"detail": ""})  # the organisation in one line
    show_length: bool = True  # False: ``:no-duration:``
    employer: int | None = None  # the index of its employer block in the document
    org_shown: bool = True  # False: the employer's header names the organisation
    location_shown: bool = True  # likewise the location

    def facts(self) -> tuple[Any, ...]:
        return (self.KIND, self.name, self.docname, self.position, self.org, self.start,
                self.end, self.end_unknown, self.url, self.tags, self.show_length)

    def jsonld(self) -> list[tuple[str, Any]]:
        """An ``EmployeeRole`` around its organisation: ``worksFor`` while ongoing,
        ``alumniOf`` once ended."""
        organization = {"@type": "Organization", "name": self.org, "url": self.url,
                        "description": self.description}
        prop = "worksFor" if self.ongoing else "alumniOf"  # an undated role is not published
        return [(prop, clean({
            "@type": "EmployeeRole",
            "roleName": self.position,  # absent when the entry has none
            **dates(self),
            prop: clean(organization),
        }))]


@dataclass(frozen=True, kw_only=True)
class VolunteerRecord(JobRecord):
    """Unpaid work: a role like a job's, published as volunteering, never as work."""

    KIND = "volunteer"
    SECTION = "Volunteering"
    JSON_SECTION = "volunteer"
    # the organisation is the affiliation's name, the position its role
    MICROFORMAT = ("h-card", "p-affiliation")
    MF_SWAPS = (("p-name", ("p-role",)), ("h-card", ("p-name",)))

    def jsonld(self) -> list[tuple[str, Any]]:
        """An ``OrganizationRole`` under ``memberOf`` (never ``worksFor``: it is
        not employment)."""
        organization = {"@type": "Organization", "name": self.org, "url": self.url}
        return [("memberOf", clean({"@type": "OrganizationRole", "roleName": self.position,
                                    **dates(self), "memberOf": clean(organization)}))]


@dataclass(frozen=True)
class EmployerRecord:
    """Several roles at one organisation; the roles name it by `index`."""

    index: int  # its place among the document's employer blocks
    docname: str
    lineno: int
    org: str
    url: str = ""
    location: str = ""
    show_length: bool = True
    source: str = ""


@dataclass(frozen=True)
class Span:
    """A stretch of time as shown: dates, and a length when one is shown."""

    start: PartialDate | None
    end: PartialDate | None  # None: ongoing (or unknown when start is None or end_unknown)
    length: str = ""
    end_unknown: bool = False  # an end was written, but cannot be used

    @property
    def text(self) -> str:
        return dates_text(self.start, self.end, self.end_unknown)


def length_of(settings: Counting, start: PartialDate | None, end: PartialDate | None,
              shown: bool = True) -> str:
    """The length shown for a span, or '' when lengths are off (globally or for
    this entry) or the start is unknown; an ongoing span counts to today."""
    if start is None or not shown or not settings.durations:
        return ""
    return format_length(start, end or settings.today)


def job_span(settings: Counting, record: JobRecord) -> Span:
    if record.end_unknown:  # ended, but when is not known: no length either
        return Span(record.start, None, end_unknown=True)
    return Span(record.start, record.end,
                length_of(settings, record.start, record.end,
                          record.show_length and not record.end_unknown),
                end_unknown=record.end_unknown)


def span_of(settings: Counting, record: Record) -> Span:
    """The dates *record* shows: a role's with its length, another span's
    without one, a one-date entry's date, or nothing."""
    if isinstance(record, JobRecord):
        return job_span(settings, record)
    if record.SPAN:
        return Span(record.start, record.end, end_unknown=record.end_unknown)
    return Span(record.start, record.start) if record.start else Span(None, None)


def tenure(settings: Counting, employer: EmployerRecord, jobs: list[JobRecord]) -> Span:
    """From the earliest start of the employer's dated jobs to the latest end
    (ongoing if any of them is; else unknown if the end of any is)."""
    dated = [job for job in jobs if job.start is not None]
    if not dated:
        return Span(None, None)
    start = min(job.start for job in dated if job.start is not None)
    ends = [job.end for job in dated if not job.end_unknown]
    if None not in ends and len(ends) < len(dated):
        return Span(start, None, end_unknown=True)
    end = None if None in ends else max(e for e in ends if e is not None)
    return Span(start, end, length_of(settings, start, end, employer.show_length))


@dataclass(frozen=True)
class Publication:
    name: str
    url: str
    summary: str = ""


@dataclass(frozen=True)
class Resume:
    """The whole CV, as every output of it reads it."""

    person: dict[str, Any]
    introduction: tuple[str, ...]  # the hub's paragraphs before its first subsection
    entries: tuple[Record, ...]  # every published entry, of every kind, in page order
    publications: tuple[Publication, ...]

    def of_kind(self, *kinds: str) -> tuple[Record, ...]:
        return tuple(record for record in self.entries if record.KIND in kinds)

    @property
    def summary(self) -> str:
        """The person's summary: theirs if given, else the introduction."""
        return self.person.get("summary") or "\n\n".join(self.introduction)
