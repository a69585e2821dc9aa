"""Every kind of entry a CV holds, as one typed record each (the pure model: no Sphinx).

A kind is described once, on its record: every renderer reads these facts
and none names a kind. A record's fields say how the directive reads them,
where JSON Resume and schema.org keep them and how an entry shows them:
``field(metadata=...)`` (`opt`, `listopt`) with

* ``option``: the directive option that fills it (the argument fills the
  kind's `Record.ARGUMENT` field);
* ``type``: ``text`` (default), ``url`` (an http(s) address), ``list``
  (comma-separated, CSV-quoted where an item holds a comma) or ``date``;
* ``json``: its key in the kind's JSON Resume section, if it has one;
* ``jsonld``: its schema.org term, for a kind the generic `Record.jsonld` gives;
* ``detail``: shown among the entry's details, under this label word (one of
  `l10n.WORDS`; ``""``: unlabelled), with ``detail_url`` its link (``{}``
  the value), or None: not a detail.

The record's class variables say the rest: which field heads it
(``ARGUMENT``), which follow it (``SUBTITLE``) and which link them
(``HEADING_LINK``, ``SUBTITLE_LINK``), its ``LOCATION``, whether it is
``COMPACT`` (a line in a list of its kind), its section ``SECTION``, its
JSON Resume keys, its schema.org place (``JSONLD_PROPERTY``,
``JSONLD_TYPE``, ``JSONLD_DATE``, or its own `Record.jsonld`) and its
microformat classes (``MICROFORMAT``, ``MF_SWAPS``).

Adding a kind is one class, given to `register` (the built-in kinds are
registered here; `JobRecord` (records.py) is the ``job`` kind and
`VolunteerRecord` its unpaid twin, which have directives of their own).

Every record has a name (its id, for references), its document and line,
its tags, and its body's text: ``summary`` (paragraphs) and
``highlights`` (list items), captured once the page is read.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from . import schema_org
from .dates import PartialDate
from .schema_org import clean, organization

_FAR_FUTURE = PartialDate(9999, 12, 31, "day")
_DISTANT_PAST = PartialDate(1)


def opt(option: str = "", *, type: str = "text", json: str = "", default: Any = "",
        jsonld: str = "", detail: str | None = None, detail_url: str = "") -> Any:
    """A record field read from the directive option *option*, kept in JSON Resume as
    *json* and in schema.org as *jsonld*, shown as a detail labelled *detail*."""
    return field(default=default, metadata={
        "option": option, "type": type, "json": json, "jsonld": jsonld, "detail": detail,
        "detail_url": detail_url})


def listopt(option: str, json: str = "", *, jsonld: str = "", detail: str | None = None,
            marks: bool = False) -> Any:
    """A list field; with *marks*, an item written ``*so*`` is shown in italics,
    ``**so**`` in bold (`marked`)."""
    return field(default=(), metadata={"option": option, "type": "list", "json": json,
                                       "jsonld": jsonld, "detail": detail, "detail_url": "",
                                       "marks": marks})


_MARKED = re.compile(r"(\*{1,3})([^*\s](?:.*[^*\s])?)\1", re.DOTALL)
_ESCAPED_STAR = re.compile(r"\\+\*")


def marked(item: str) -> tuple[str, bool, bool]:
    """(text, italic, bold) of an item of a list with marks: ``*Ada*`` in italics,
    ``**Ada**`` in bold, ``***Ada***`` both (how RenderCV marks the CV's own name
    among a paper's authors). A backslash before a star that starts the item keeps
    the star as written (``\\*Ada*`` is "*Ada*")."""
    if _ESCAPED_STAR.match(item):
        return item[1:], False, False
    if match := _MARKED.fullmatch(item):
        stars = len(match[1])
        return match[2], stars != 2, stars >= 2
    return item, False, False


def subtitle_leads(heading: str) -> bool:
    """Whether an entry's subtitle heads it: it has no heading (a role with no
    position is headed by its organisation)."""
    return not heading


def lead(heading: str, subtitle: str) -> tuple[str, str]:
    """Who heads an entry and who follows: its heading, then its subtitle; or
    its subtitle alone (`subtitle_leads`)."""
    return (subtitle, "") if subtitle_leads(heading) else (heading, subtitle)


@dataclass(frozen=True, kw_only=True)
class Record:
    """What every entry has. Subclasses add their fields."""

    KIND: ClassVar[str] = ""
    #: The field the directive's argument fills (the entry's heading).
    ARGUMENT: ClassVar[str] = "heading"
    #: The fields that say who or where, after the heading (joined by commas).
    SUBTITLE: ClassVar[tuple[str, ...]] = ()
    #: The fields whose address the heading, or the subtitle, links to.
    HEADING_LINK: ClassVar[str] = ""
    SUBTITLE_LINK: ClassVar[str] = ""
    #: The field an entry shows as its location.
    LOCATION: ClassVar[str] = ""
    #: Shown as one line in a list of its kind when it has no text (a skill).
    COMPACT: ClassVar[bool] = False
    #: The heading of a section of entries of this kind (one of `l10n.WORDS`).
    SECTION: ClassVar[str] = ""
    #: Where the entry goes in JSON Resume: its section, its heading's key, and its
    #: dates' and body's keys.
    JSON_SECTION: ClassVar[str] = ""
    JSON_HEADING: ClassVar[str] = "name"
    JSON_START: ClassVar[str] = ""
    JSON_END: ClassVar[str] = ""
    JSON_SUMMARY: ClassVar[str] = ""
    JSON_HIGHLIGHTS: ClassVar[str] = ""
    #: Where the person holds the entry in schema.org (a `schema_org.REVERSE` key
    #: for a work), as what type, its date's term, and whether the hub leaves it
    #: to the page that shows it (a work: the hub's head stays small).
    JSONLD_PROPERTY: ClassVar[str] = ""
    JSONLD_TYPE: ClassVar[str] = "Thing"
    JSONLD_DATE: ClassVar[str] = ""
    JSONLD_WORK: ClassVar[bool] = False
    #: The microformat classes of the entry's root (None: its directive sets
    #: them), and the classes its parts trade for this kind's (old, new...).
    MICROFORMAT: ClassVar[tuple[str, ...] | None] = ("h-item",)
    MF_SWAPS: ClassVar[tuple[tuple[str, tuple[str, ...]], ...]] = ()
    #: Whether the entry has a start and an end (a span) or one date (``:date:``).
    SPAN: ClassVar[bool] = False
    DATED: ClassVar[bool] = False
    #: Without an argument, the first link of the body names the entry.
    HEADING_FROM_LINK: ClassVar[bool] = False
    #: The field that labels the entry in a numbered list ("[3]"): shown before
    #: its heading, as a reference list shows its numbers.
    LABEL: ClassVar[str] = ""

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
        return ", ".join(part for name in self.SUBTITLE if (part := getattr(self, name)))

    @property
    def lead(self) -> tuple[str, str]:
        """What heads the entry, and what follows it (`lead`)."""
        return lead(self.heading, self.subtitle)

    @property
    def subtitle_leads(self) -> bool:
        return subtitle_leads(self.heading)

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

    def jsonld(self) -> list[tuple[str, Any]]:
        """The entry in schema.org: (the person's property, its value) pairs. By
        default one ``JSONLD_TYPE`` named by the heading, with the terms of its
        fields and its date."""
        if not self.JSONLD_PROPERTY:
            return []
        terms = {f.metadata["jsonld"]: _jsonld_value(getattr(self, f.name))
                 for f in dataclasses.fields(self) if f.metadata.get("jsonld")}
        date = {self.JSONLD_DATE: self.start.iso() if self.start else ""
                } if self.JSONLD_DATE else {}
        return [(self.JSONLD_PROPERTY, clean({"@type": self.JSONLD_TYPE, "name": self.heading,
                                              **terms, **date}))]


def _jsonld_value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def option_fields(kind: type[Record]) -> list[dataclasses.Field[Any]]:
    """The fields of *kind* an option fills, in the order the kind declares them."""
    return [f for f in dataclasses.fields(kind) if f.metadata.get("option")]


def detail_fields(kind: type[Record]) -> list[dataclasses.Field[Any]]:
    """The fields of *kind* shown as its details, in the order the kind declares them."""
    return [f for f in dataclasses.fields(kind) if f.metadata.get("detail") is not None]


@dataclass(frozen=True, kw_only=True)
class EducationRecord(Record):
    KIND = "education"
    ARGUMENT = "institution"
    SUBTITLE = ("degree", "area")
    HEADING_LINK, LOCATION, SECTION = "url", "location", "Education"
    JSON_SECTION, JSON_HEADING, JSON_START, JSON_END = (
        "education", "institution", "startDate", "endDate")
    MICROFORMAT = ("h-event", "p-education")
    SPAN = DATED = True

    institution: str = ""
    area: str = opt("area", json="area")
    degree: str = opt("degree", json="studyType")
    score: str = opt("score", json="score", detail="Score")
    courses: tuple[str, ...] = listopt("courses", json="courses", detail="Courses")
    url: str = opt("url", type="url", json="url")
    location: str = opt("location")

    def institution_jsonld(self) -> dict[str, Any]:
        return clean({"@type": "EducationalOrganization", "name": self.institution,
                      "url": self.url, "address": self.location})

    def jsonld(self) -> list[tuple[str, Any]]:
        """Its institution under ``alumniOf``, and its degree as a credential."""
        found: list[tuple[str, Any]] = [("alumniOf", self.institution_jsonld())]
        if self.degree or self.area:
            found.append(("hasCredential", clean({
                "@type": "EducationalOccupationalCredential", "name": self.subtitle,
                "credentialCategory": "degree", "educationalLevel": self.degree,
                "about": self.area, "description": self.score,
                "competencyRequired": list(self.courses),
                "recognizedBy": self.institution_jsonld(),
                "dateCreated": self.end.iso() if self.end else ""})))
        return found


@dataclass(frozen=True, kw_only=True)
class ProjectRecord(Record):
    KIND = "project"
    SUBTITLE, HEADING_LINK, SECTION = ("entity",), "url", "Projects"
    JSON_SECTION, JSON_START, JSON_END = "projects", "startDate", "endDate"
    JSON_SUMMARY, JSON_HIGHLIGHTS = "description", "highlights"
    JSONLD_WORK = True
    SPAN = DATED = True

    heading: str = ""
    entity: str = opt("entity", json="entity")
    type: str = opt("type", json="type", detail="")
    roles: tuple[str, ...] = listopt("roles", json="roles", detail="Roles")
    keywords: tuple[str, ...] = listopt("keywords", json="keywords", detail="Keywords")
    url: str = opt("url", type="url", json="url")

    def jsonld(self) -> list[tuple[str, Any]]:
        return [(schema_org.REVERSE + "creator", clean({
            "@type": "CreativeWork", "name": self.heading, "url": self.url,
            "genre": self.type, "keywords": list(self.keywords), **schema_org.dates(self),
            "sourceOrganization": organization(self.entity)}))]


@dataclass(frozen=True, kw_only=True)
class AwardRecord(Record):
    KIND = "award"
    SUBTITLE, SECTION = ("awarder",), "Awards"
    JSON_SECTION, JSON_HEADING, JSON_START, JSON_SUMMARY = (
        "awards", "title", "date", "summary")
    DATED = True

    heading: str = ""
    awarder: str = opt("awarder", json="awarder")

    def jsonld(self) -> list[tuple[str, Any]]:
        return [("award", self.title)]


@dataclass(frozen=True, kw_only=True)
class CertificateRecord(Record):
    KIND = "certificate"
    SUBTITLE, HEADING_LINK, SECTION = ("issuer",), "url", "Certificates"
    JSON_SECTION, JSON_START = "certificates", "date"
    DATED = True

    heading: str = ""
    issuer: str = opt("issuer", json="issuer")
    url: str = opt("url", type="url", json="url")

    def jsonld(self) -> list[tuple[str, Any]]:
        return [("hasCredential", clean({
            "@type": "EducationalOccupationalCredential", "name": self.heading,
            "credentialCategory": "certificate", "url": self.url,
            "recognizedBy": organization(self.issuer),
            "dateCreated": self.start.iso() if self.start else ""}))]


@dataclass(frozen=True, kw_only=True)
class PublicationRecord(Record):
    KIND = "publication"
    SUBTITLE, HEADING_LINK, SECTION = ("publisher",), "url", "Publications"
    JSON_SECTION, JSON_START, JSON_SUMMARY = "publications", "releaseDate", "summary"
    JSONLD_PROPERTY, JSONLD_WORK = schema_org.REVERSE + "author", True
    MICROFORMAT = ("h-cite",)
    MF_SWAPS = (("dt-start", ("dt-published",)),)
    DATED = HEADING_FROM_LINK = True
    LABEL = "number"
    #: schema.org's genre of the work ("talk").
    GENRE: ClassVar[str] = ""

    heading: str = ""
    publisher: str = opt("publisher", json="publisher")
    url: str = opt("url", type="url", json="url")
    #: Its label in a numbered list ("[3]": `publications-from`'s numbered style).
    number: str = opt("number")
    authors: tuple[str, ...] = listopt("authors", detail="Authors", marks=True)
    doi: str = opt("doi", detail="DOI", detail_url="https://doi.org/{}")
    #: The heading's runs with their marks, when a CSL-JSON title has rich text
    #: (`csl_markup`); `heading` is their text. No option sets it.
    heading_runs: tuple[tuple[str, str], ...] = ()

    def jsonld(self) -> list[tuple[str, Any]]:
        """A ``CreativeWork``; a paper (a publication with a DOI or authors) is a
        ``ScholarlyArticle`` with its authors as persons and its DOI's address as
        ``sameAs``."""
        # No abstract: the page shows the text, and the hub's head stays small.
        identifier = clean({"@type": "PropertyValue", "propertyID": "DOI",
                            "value": self.doi}) if self.doi else {}
        scholarly = not self.GENRE and bool(self.doi or self.authors)
        authors = [{"@type": "Person", "name": marked(author)[0]} for author in self.authors]
        return [(self.JSONLD_PROPERTY, clean({
            "@type": "ScholarlyArticle" if scholarly else "CreativeWork",
            "name": self.heading, "url": self.url, "author": authors,
            "sameAs": f"https://doi.org/{self.doi}" if self.doi else "",
            "genre": self.GENRE, "datePublished": self.start.iso() if self.start else "",
            "publisher": organization(self.publisher), "identifier": identifier}))]


@dataclass(frozen=True, kw_only=True)
class TalkRecord(PublicationRecord):
    """A talk: a publication of its own kind (its publisher is the event)."""

    KIND = "talk"
    SECTION = "Talks"
    JSONLD_PROPERTY = schema_org.REVERSE + "creator"
    GENRE = "talk"


@dataclass(frozen=True, kw_only=True)
class SkillRecord(Record):
    KIND = "skill"
    SECTION, COMPACT = "Skills", True
    JSON_SECTION = "skills"
    MICROFORMAT = ()
    MF_SWAPS = (("p-name", ("p-skill",)),)

    heading: str = ""
    level: str = opt("level", json="level", detail="")
    keywords: tuple[str, ...] = listopt("keywords", json="keywords", detail="")

    def jsonld(self) -> list[tuple[str, Any]]:
        return [("knowsAbout", topic) for topic in (self.heading, *self.keywords)]


@dataclass(frozen=True, kw_only=True)
class LanguageRecord(Record):
    KIND = "language"
    ARGUMENT = "language"
    SECTION, COMPACT = "Languages", True
    JSON_SECTION, JSON_HEADING = "languages", "language"
    JSONLD_PROPERTY, JSONLD_TYPE = "knowsLanguage", "Language"

    language: str = ""
    fluency: str = opt("fluency", json="fluency", detail="")


@dataclass(frozen=True, kw_only=True)
class InterestRecord(Record):
    KIND = "interest"
    SECTION, COMPACT = "Interests", True
    JSON_SECTION = "interests"

    heading: str = ""
    keywords: tuple[str, ...] = listopt("keywords", json="keywords", detail="")

    def jsonld(self) -> list[tuple[str, Any]]:
        return [("knowsAbout", topic) for topic in (self.heading, *self.keywords)]


@dataclass(frozen=True, kw_only=True)
class ReferenceRecord(Record):
    """A reference: schema.org has no term for it, so the JSON-LD leaves it out."""

    KIND = "reference"
    SECTION = "References"
    JSON_SECTION, JSON_SUMMARY = "references", "reference"

    heading: str = ""


#: The kinds the generic ``entries`` directives read, by directive name. (``job``
#: and ``volunteer`` have directives of their own: job.py.)
KINDS: dict[str, type[Record]] = {}


def register(kind: type[Record]) -> type[Record]:
    """Make *kind* a kind of entry: its directive, its place in every output.
    Call it before Sphinx sets the package up (a kind's directive is added then)."""
    KINDS[kind.KIND] = kind
    return kind


for _kind in (EducationRecord, ProjectRecord, AwardRecord, CertificateRecord,
              PublicationRecord, TalkRecord, SkillRecord, LanguageRecord, InterestRecord,
              ReferenceRecord):
    register(_kind)


def order() -> tuple[str, ...]:
    """Every kind in the order a CV usually gives them (the variants' ``kinds``
    use these names)."""
    return ("job", "volunteer", *KINDS)
