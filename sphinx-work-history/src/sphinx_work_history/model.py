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

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import l10n
from .dates import PartialDate, format_length

if TYPE_CHECKING:
    from sphinx.config import Config

_FAR_FUTURE = PartialDate(9999, 12, 31, "day")
_DISTANT_PAST = PartialDate(1)


@dataclass(frozen=True)
class JobRecord:
    """One role: what the entry, the summaries, the references and the exports show."""

    name: str
    docname: str
    lineno: int
    position: str
    org: str
    start: PartialDate | None  # None: unreadable; such entries stay out of summaries
    end: PartialDate | None  # None: ongoing
    url: str = ""
    location: str = ""
    tags: tuple[str, ...] = ()
    show_length: bool = True  # False: ``:no-duration:``
    employer: int | None = None  # the index of its employer block in the document
    org_shown: bool = True  # False: the employer's header names the organisation
    location_shown: bool = True  # likewise the location
    summary: tuple[str, ...] = ()  # the body's paragraphs, as text
    highlights: tuple[str, ...] = ()  # the items of the body's lists, as text
    source: str = ""  # "path:line" of the directive, for warnings (includes differ from docname)

    @property
    def title(self) -> str:
        if self.position and self.org:
            return f"{self.position}, {self.org}"
        return self.position or self.org or self.name

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """Sorted in reverse, newest first: ongoing, then by end, then by start."""
        end = self.end or _FAR_FUTURE
        start = self.start or _DISTANT_PAST
        return (end.year, end.month, end.day, start.year, start.month, start.day,
                self.docname, -self.lineno)

    @property
    def warn_at(self) -> str | tuple[str, int]:
        """Where a warning about this entry points."""
        return self.source or (self.docname, self.lineno)

    def facts(self) -> tuple[Any, ...]:
        """What pages other than the entry's own show of it (summaries, the JSON-LD)."""
        return (self.name, self.docname, self.position, self.org, self.start, self.end,
                self.url, self.tags, self.show_length)


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
    end: PartialDate | None  # None: ongoing (or unknown when start is None)
    length: str = ""

    @property
    def text(self) -> str:
        start, end = self.start, self.end
        if start is None:
            return end.display() if end else ""
        if end == start:
            return start.display()
        return l10n.span(start.display(), end.display() if end else None)


def today(config: Config) -> PartialDate:
    """The date ongoing entries count to (validated at config-inited)."""
    return PartialDate.parse(config.work_history_today)


def length_of(config: Config, start: PartialDate | None, end: PartialDate | None,
              shown: bool = True) -> str:
    """The length shown for a span, or '' when lengths are off (globally or for
    this entry) or the start is unknown; an ongoing span counts to today."""
    if start is None or not shown or not config.work_history_durations:
        return ""
    return format_length(start, end or today(config))


def job_span(config: Config, record: JobRecord) -> Span:
    return Span(record.start, record.end,
                length_of(config, record.start, record.end, record.show_length))


def tenure(config: Config, employer: EmployerRecord, jobs: list[JobRecord]) -> Span:
    """From the earliest start of the employer's dated jobs to the latest end
    (ongoing if any of them is)."""
    dated = [job for job in jobs if job.start is not None]
    if not dated:
        return Span(None, None)
    start = min(job.start for job in dated if job.start is not None)
    ends = [job.end for job in dated]
    end = None if None in ends else max(e for e in ends if e is not None)
    return Span(start, end, length_of(config, start, end, employer.show_length))


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
    entries: tuple[JobRecord, ...]  # the published history, newest first
    publications: tuple[Publication, ...]

    @property
    def summary(self) -> str:
        """The person's summary: theirs if given, else the introduction."""
        return self.person.get("summary") or "\n\n".join(self.introduction)
