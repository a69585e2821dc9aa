"""What each kind of entry shows, in the words every output uses (the pure model).

`describe` turns a record into an `EntryView`: its heading and who or
where (each maybe a link), its dates, its location and its labelled
details (a degree's score, a skill's keywords, a paper's DOI). Every
writer lays out the same view in its own format, so a fact shown in the
HTML is shown in the PDF, the ePub and the CV files too.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import l10n
from .kinds import (
    CertificateRecord,
    EducationRecord,
    InterestRecord,
    LanguageRecord,
    ProjectRecord,
    PublicationRecord,
    Record,
    SkillRecord,
)
from .records import JobRecord


@dataclass(frozen=True)
class Detail:
    label: str  # "" for a fact that needs no label (a skill's level)
    text: str
    url: str = ""


@dataclass(frozen=True)
class EntryView:
    kind: str
    heading: str
    heading_url: str  # the heading links here (a project's, a paper's address)
    subtitle: str  # who or where: the organisation, the awarder, the publisher
    subtitle_url: str
    location: str
    details: tuple[Detail, ...]

    @property
    def title(self) -> str:
        if self.heading and self.subtitle:
            return f"{self.heading}, {self.subtitle}"
        return self.heading or self.subtitle


def _joined(items: tuple[str, ...]) -> str:
    return ", ".join(items)


def _details(*pairs: tuple[str, str] | Detail) -> tuple[Detail, ...]:
    found = [pair if isinstance(pair, Detail) else Detail(*pair) for pair in pairs]
    return tuple(detail for detail in found if detail.text)


def describe(record: Record) -> EntryView:
    """The heading, subtitle, location and details *record* shows."""
    heading, subtitle = record.heading, record.subtitle
    heading_url = subtitle_url = location = ""
    details: tuple[Detail, ...] = ()
    if isinstance(record, JobRecord):
        subtitle_url, location = record.url, record.location
        details = _details(("", record.description))
    elif isinstance(record, EducationRecord):
        heading_url, location = record.url, record.location
        details = _details((l10n.word("Score"), record.score),
                           (l10n.word("Courses"), _joined(record.courses)))
    elif isinstance(record, ProjectRecord):
        heading_url = record.url
        details = _details(("", record.type), (l10n.word("Roles"), _joined(record.roles)),
                           (l10n.word("Keywords"), _joined(record.keywords)))
    elif isinstance(record, CertificateRecord):
        heading_url = record.url
    elif isinstance(record, PublicationRecord):
        heading_url = record.url
        doi = (Detail(l10n.word("DOI"), record.doi, f"https://doi.org/{record.doi}")
               if record.doi else None)
        details = _details((l10n.word("Authors"), _joined(record.authors)),
                           *([doi] if doi else []))
    elif isinstance(record, SkillRecord):
        details = _details(("", record.level), ("", _joined(record.keywords)))
    elif isinstance(record, LanguageRecord):
        details = _details(("", record.fluency))
    elif isinstance(record, InterestRecord):
        details = _details(("", _joined(record.keywords)))
    return EntryView(record.KIND, heading, heading_url, subtitle, subtitle_url, location,
                     details)
