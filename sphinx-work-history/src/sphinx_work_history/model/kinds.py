"""Every kind of entry a CV holds, as one typed record each (the pure model: no Sphinx).

A record's fields say how the directive reads them and where JSON Resume
keeps them: ``field(metadata=...)`` with

* ``option``: the directive option that fills it (the argument fills the
  kind's `Record.ARGUMENT` field);
* ``type``: ``text`` (default), ``url`` (an http(s) address), ``list``
  (comma-separated, CSV-quoted where an item holds a comma) or ``date``;
* ``json``: its key in the kind's JSON Resume section, if it has one.

So adding a field to a kind is one line here (and its row in the docs);
adding a kind is one class here, registered in `KINDS`, plus its
renderers' rows. `JobRecord` (model.py) is the ``job`` kind and
`VolunteerRecord` its unpaid twin.

Every record has a name (its id, for references), its document and line,
its tags, and its body's text: ``summary`` (paragraphs) and
``highlights`` (list items), captured once the page is read.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .dates import PartialDate

_FAR_FUTURE = PartialDate(9999, 12, 31, "day")
_DISTANT_PAST = PartialDate(1)


def opt(option: str = "", *, type: str = "text", json: str = "", default: Any = "") -> Any:
    """A record field read from the directive option *option*, kept in JSON Resume as *json*."""
    return field(default=default, metadata={"option": option, "type": type, "json": json})


def listopt(option: str, json: str = "") -> Any:
    return field(default=(), metadata={"option": option, "type": "list", "json": json})


@dataclass(frozen=True, kw_only=True)
class Record:
    """What every entry has. Subclasses add their fields."""

    KIND: ClassVar[str] = ""
    #: The field the directive's argument fills (the entry's heading).
    ARGUMENT: ClassVar[str] = "heading"
    #: Where the entry goes in JSON Resume: its section, and its dates' and body's keys.
    JSON_SECTION: ClassVar[str] = ""
    JSON_START: ClassVar[str] = ""
    JSON_END: ClassVar[str] = ""
    JSON_SUMMARY: ClassVar[str] = ""
    JSON_HIGHLIGHTS: ClassVar[str] = ""
    #: Whether the entry has a start and an end (a span) or one date (``:date:``).
    SPAN: ClassVar[bool] = False
    DATED: ClassVar[bool] = False
    #: Without an argument, the first link of the body names the entry.
    HEADING_FROM_LINK: ClassVar[bool] = False

    name: str
    docname: str
    lineno: int
    source: str = ""  # "path:line" of the directive (an included file differs from docname)
    tags: tuple[str, ...] = ()
    start: PartialDate | None = None  # for one-date kinds, the date
    end: PartialDate | None = None  # None: ongoing (a span), or the start (one date)
    end_unknown: bool = False  # an :end: was written but cannot be used
    summary: tuple[str, ...] = ()  # the body's paragraphs, as text
    highlights: tuple[str, ...] = ()  # the items of the body's lists, as text
    heading_in_body: bool = False  # the heading is the first link of the body (it shows it)

    @property
    def heading(self) -> str:
        value: str = getattr(self, self.ARGUMENT)
        return value

    @property
    def subtitle(self) -> str:
        """Who or where, after the heading (an organisation, an awarder, a publisher)."""
        return ""

    @property
    def title(self) -> str:
        """The entry in a few words, for links and messages."""
        if self.heading and self.subtitle:
            return f"{self.heading}, {self.subtitle}"
        return self.heading or self.subtitle or self.name

    @property
    def label(self) -> str:
        """How a warning names the entry: its kind and title."""
        return f"{self.KIND} {self.title}"

    @property
    def ongoing(self) -> bool:
        return self.SPAN and self.start is not None and self.end is None and not self.end_unknown

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """Sorted in reverse, newest first: ongoing, then by end, then by start."""
        end = _FAR_FUTURE if self.ongoing else (self.end or self.start or _DISTANT_PAST)
        start = self.start or _DISTANT_PAST
        return (end.year, end.month, end.day, start.year, start.month, start.day,
                self.docname, -self.lineno)

    @property
    def warn_at(self) -> str | tuple[str, int]:
        """Where a warning about this entry points."""
        return self.source or (self.docname, self.lineno)

    def facts(self) -> tuple[Any, ...]:
        """What pages other than the entry's own show of it (summaries, the JSON-LD)."""
        return (self.KIND, self.name, self.docname, self.title, self.start, self.end,
                self.tags, *(getattr(self, f.name) for f in option_fields(type(self))))


def option_fields(kind: type[Record]) -> list[dataclasses.Field[Any]]:
    """The fields of *kind* an option fills, in the order the kind declares them."""
    return [f for f in dataclasses.fields(kind) if f.metadata.get("option")]


@dataclass(frozen=True, kw_only=True)
class EducationRecord(Record):
    KIND = "education"
    ARGUMENT = "institution"
    JSON_SECTION, JSON_START, JSON_END = "education", "startDate", "endDate"
    SPAN = DATED = True

    institution: str = ""
    area: str = opt("area", json="area")
    degree: str = opt("degree", json="studyType")
    score: str = opt("score", json="score")
    courses: tuple[str, ...] = listopt("courses", json="courses")
    url: str = opt("url", type="url", json="url")
    location: str = opt("location")

    @property
    def subtitle(self) -> str:
        return ", ".join(part for part in (self.degree, self.area) if part)


@dataclass(frozen=True, kw_only=True)
class ProjectRecord(Record):
    KIND = "project"
    JSON_SECTION, JSON_START, JSON_END = "projects", "startDate", "endDate"
    JSON_SUMMARY, JSON_HIGHLIGHTS = "description", "highlights"
    SPAN = DATED = True

    heading: str = ""
    entity: str = opt("entity", json="entity")
    type: str = opt("type", json="type")
    roles: tuple[str, ...] = listopt("roles", json="roles")
    keywords: tuple[str, ...] = listopt("keywords", json="keywords")
    url: str = opt("url", type="url", json="url")

    @property
    def subtitle(self) -> str:
        return self.entity


@dataclass(frozen=True, kw_only=True)
class AwardRecord(Record):
    KIND = "award"
    JSON_SECTION, JSON_START, JSON_SUMMARY = "awards", "date", "summary"
    DATED = True

    heading: str = ""
    awarder: str = opt("awarder", json="awarder")

    @property
    def subtitle(self) -> str:
        return self.awarder


@dataclass(frozen=True, kw_only=True)
class CertificateRecord(Record):
    KIND = "certificate"
    JSON_SECTION, JSON_START = "certificates", "date"
    DATED = True

    heading: str = ""
    issuer: str = opt("issuer", json="issuer")
    url: str = opt("url", type="url", json="url")

    @property
    def subtitle(self) -> str:
        return self.issuer


@dataclass(frozen=True, kw_only=True)
class PublicationRecord(Record):
    KIND = "publication"
    JSON_SECTION, JSON_START, JSON_SUMMARY = "publications", "releaseDate", "summary"
    DATED = HEADING_FROM_LINK = True

    heading: str = ""
    publisher: str = opt("publisher", json="publisher")
    url: str = opt("url", type="url", json="url")
    authors: tuple[str, ...] = listopt("authors")
    doi: str = opt("doi")

    @property
    def subtitle(self) -> str:
        return self.publisher


@dataclass(frozen=True, kw_only=True)
class TalkRecord(PublicationRecord):
    """A talk: a publication of its own kind (its publisher is the event)."""

    KIND = "talk"


@dataclass(frozen=True, kw_only=True)
class SkillRecord(Record):
    KIND = "skill"
    JSON_SECTION = "skills"

    heading: str = ""
    level: str = opt("level", json="level")
    keywords: tuple[str, ...] = listopt("keywords", json="keywords")


@dataclass(frozen=True, kw_only=True)
class LanguageRecord(Record):
    KIND = "language"
    ARGUMENT = "language"
    JSON_SECTION = "languages"

    language: str = ""
    fluency: str = opt("fluency", json="fluency")


@dataclass(frozen=True, kw_only=True)
class InterestRecord(Record):
    KIND = "interest"
    JSON_SECTION = "interests"

    heading: str = ""
    keywords: tuple[str, ...] = listopt("keywords", json="keywords")


@dataclass(frozen=True, kw_only=True)
class ReferenceRecord(Record):
    KIND = "reference"
    JSON_SECTION, JSON_SUMMARY = "references", "reference"

    heading: str = ""


#: The kinds the generic ``entries`` directives read, by directive name. (``job``
#: and ``volunteer`` have directives of their own: job.py.)
KINDS: dict[str, type[Record]] = {kind.KIND: kind for kind in (
    EducationRecord, ProjectRecord, AwardRecord, CertificateRecord, PublicationRecord,
    TalkRecord, SkillRecord, LanguageRecord, InterestRecord, ReferenceRecord)}

#: The JSON key of each kind's heading, in its JSON Resume section.
JSON_HEADING = {"education": "institution", "project": "name", "award": "title",
                "certificate": "name", "publication": "name", "talk": "name",
                "skill": "name", "language": "language", "interest": "name",
                "reference": "name"}

#: Every kind in the order a CV usually gives them (the CV builders' section
#: names and the variants' ``kinds`` use these names).
ORDER = ("job", "volunteer", "education", "project", "award", "certificate", "publication",
         "talk", "skill", "language", "interest", "reference")
