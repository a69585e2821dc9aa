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
from .kinds import Record, detail_fields, lead, marked


@dataclass(frozen=True)
class Detail:
    label: str  # "" for a fact that needs no label (a skill's level)
    text: str
    url: str = ""
    # A list's items when one is in italics or bold (kinds.marked): (text, italic,
    # bold) each, joined by commas they make `text`; () when none is.
    parts: tuple[tuple[str, bool, bool], ...] = ()


@dataclass(frozen=True)
class EntryView:
    kind: str
    heading: str
    heading_url: str  # the heading links here (a project's, a paper's address)
    subtitle: str  # who or where: the organisation, the awarder, the publisher
    subtitle_url: str
    location: str
    details: tuple[Detail, ...]
    label: str = ""  # its label in a numbered list ("[3]"), shown before its heading

    @property
    def lead(self) -> tuple[str, str]:
        """What heads the entry and what follows it (kinds.lead)."""
        return lead(self.heading, self.subtitle)

    @property
    def title(self) -> str:
        if self.heading and self.subtitle:
            return f"{self.heading}, {self.subtitle}"
        return self.heading or self.subtitle


def _shown(value: str | tuple[str, ...]) -> str:
    return ", ".join(value) if isinstance(value, tuple) else value


def _value(record: Record, name: str) -> str:
    return _shown(getattr(record, name)) if name else ""


def describe(record: Record) -> EntryView:
    """The heading, subtitle, location and details *record* shows, as its kind
    declares them (kinds.py)."""
    details = []
    for field in detail_fields(type(record)):
        value = getattr(record, field.name)
        parts: tuple[tuple[str, bool, bool], ...] = ()
        if field.metadata.get("marks"):
            parts = tuple(marked(item) for item in value)
            value = tuple(text for text, _, _ in parts)
            parts = parts if any(italic or bold for _, italic, bold in parts) else ()
        if text := _shown(value):
            label, url = field.metadata["detail"], field.metadata.get("detail_url", "")
            details.append(Detail(l10n.word(label) if label else "", text,
                                  url.format(text) if url else "", parts))
    return EntryView(record.KIND, record.heading, _value(record, record.HEADING_LINK),
                     record.subtitle, _value(record, record.SUBTITLE_LINK),
                     _value(record, record.LOCATION), tuple(details),
                     _value(record, record.LABEL))
