"""A cover letter as the builders write it (the pure model: no Sphinx).

The sender is the CV's person (name, label, contact block); the recipient,
the date, the subject, the salutation, the closing and the signature are
what the page's ``letter`` directive says, placed as written: nothing is
invented (no "Dear …" the author did not write). The body is the page's own
prose, as the CV's blocks (`Paragraph`, `BulletList`, `Aside`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

from .cv_model import Block, Contact
from .dates import source_date_epoch
from .l10n import RTL_LANGUAGES


@dataclass(frozen=True)
class Recipient:
    name: str = ""
    role: str = ""
    organisation: str = ""
    address: tuple[str, ...] = ()  # its lines

    @property
    def lines(self) -> tuple[str, ...]:
        """The recipient's block, a line each, the empty parts left out."""
        return tuple(line for line in (self.name, self.role, self.organisation, *self.address)
                     if line)


@dataclass(frozen=True)
class Letter:
    application: str  # its name in work_history_applications
    language: str  # as Sphinx writes it (en, de, ar, pt_BR)
    name: str  # the sender: the CV's person
    label: str
    contacts: tuple[Contact, ...]
    recipient: Recipient
    date: str  # as a reader reads it, in the letter's language
    subject: str = ""
    salutation: str = ""
    closing: str = ""
    signature: str = ""  # the name under the closing
    signature_image: str = ""  # a path, or ''
    body: tuple[Block, ...] = ()

    @property
    def title(self) -> str:
        """The document's title: "Letter to <recipient> — <sender>"."""
        to = self.recipient.organisation or self.recipient.name or self.application
        return f"Letter to {to} — {self.name}" if self.name else f"Letter to {to}"

    @property
    def direction(self) -> str:
        return letter_direction(self.language)


def letter_locale(language: str) -> Locale:
    """The CLDR locale of a letter's language (English when CLDR does not know it)."""
    code = (language or "en").replace("-", "_").split("@")[0]
    for candidate in (code, code.split("_")[0]):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    return Locale.parse("en")


def letter_day(written: str) -> dt.date:
    """The letter's date: *written* (ISO, checked by the directive), else
    SOURCE_DATE_EPOCH's date (reproducible builds), else today."""
    if written:
        return dt.date.fromisoformat(written)
    epoch = source_date_epoch()
    return epoch.date() if epoch else dt.date.today()


def letter_date(date: dt.date, language: str) -> str:
    """*date* as a letter is dated in *language*: CLDR's long form ("6 December 2026",
    "6. Dezember 2026", "٦ ديسمبر ٢٠٢٦")."""
    return str(format_date(date, format="long", locale=letter_locale(language)))


def letter_direction(language: str) -> str:
    """"rtl" for a language written right to left, else "ltr"."""
    locale = letter_locale(language)
    if locale.text_direction == "rtl":
        return "rtl"
    return "rtl" if (language or "").replace("-", "_").split("_")[0] in RTL_LANGUAGES else "ltr"
