"""The output's language: dates and lengths from CLDR, the package's words from its catalogue.

Input stays ISO; only what a reader sees is localised, in the build's
``language``:

* dates, at their own precision, by CLDR's skeletons through Babel:
  ``y`` ("2014年"), ``yMMM`` ("Mai 2020"), ``yMMMd`` ("3. Mai 2020"); a
  range joined by the language's interval pattern ("{0} – {1}",
  "{0}～{1}");
* lengths as CLDR's duration units, joined as a list of units
  ("5 Jahre, 8 Monate", "5年8个月");
* the package's own words (table headings, section names, labels) from the
  message catalogue shipped in ``locale/`` (`word`), which
  ``work_history_words`` overrides word by word.

English is the package's own: "May 2020 – present · 5 yrs 8 mos", as it
has always been. A language without a catalogue gets CLDR's dates and
lengths and English words; its ongoing end is CLDR's "today" (the word a
CV uses in German, "heute"), which a catalogue's "present" improves on
where CLDR's does not fit a CV (Japanese "今日" for "現在").

The build's language is set once per build, at ``config-inited``
(`activate`, by catalogue.py, which hands it the catalogue's translator),
as Sphinx's own translators are: a date or a length needs no
configuration passed down to it. This module is part of the pure model:
it imports nothing of Sphinx.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton
from babel.units import format_unit

if TYPE_CHECKING:
    from .dates import Precision

CATALOGUE = "sphinx_work_history"
LOCALE_DIR = Path(__file__).parents[1] / "locale"


def _untranslated(message: str) -> str:
    return message


def N_(message: str) -> str:
    """gettext's mark of a word to extract (pybabel -k N_), not translated here."""
    return message


#: Every word the package writes, as its catalogue's message ids.
WORDS: tuple[str, ...] = (
    # the work-history table
    N_("Role"), N_("Organisation"), N_("Dates"), N_("Length"), N_("No entries match."),
    # an ongoing end: "2020 – present"
    N_("present"),
    # an end that was written but cannot be used: "2020 – unknown"
    N_("unknown"),
    # the sections the CV builders write
    N_("Experience"), N_("Volunteering"), N_("Education"), N_("Projects"), N_("Awards"),
    N_("Certificates"), N_("Publications"), N_("Talks"), N_("Skills"), N_("Languages"),
    N_("Interests"), N_("References"),
    # contact details
    N_("Email"), N_("Phone"), N_("Web"), N_("Location"), N_("Profile"),
    # an entry's labelled details
    N_("Score"), N_("Courses"), N_("Keywords"), N_("Roles"), N_("Level"), N_("Fluency"),
    N_("Authors"), N_("DOI"), N_("Awarder"), N_("Issuer"), N_("Publisher"), N_("Area"),
    N_("Degree"),
    # the PDF's footer: "page 1 of 2", "Last updated May 2026" ({date}: the month and year)
    N_("page {page} of {pages}"), N_("Last updated {date}"),
)

#: The words of the home page `sphinx-work-history new` and `import` write, in the
#: project's language (cli/scaffold.py): the page's own text from then on, the
#: author's to edit, so not words ``work_history_words`` sets.
SCAFFOLD_WORDS: tuple[str, ...] = (
    # the home page's title, with no name; and the book's: "Ada Lovelace — CV"
    N_("CV"),
    # the home page's headings, on the site
    N_("Roles at a glance"), N_("Read more"),
    # "resume.json: the CV as data, in the JSON Resume format" ({format}: JSON Resume,
    # a link)
    N_("the CV as data, in the {format} format"),
    # before the links to the CV's files: "Download the CV: PDF · ePub · Word"
    N_("Download the CV:"),
)

#: Every message of the catalogue, in its order.
MESSAGES: tuple[str, ...] = WORDS + SCAFFOLD_WORDS

_SKELETONS: dict[Precision, str] = {"year": "y", "month": "yMMM", "day": "yMMMd"}
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"})


@dataclass(frozen=True)
class Language:
    """The build's language: its CLDR locale (None: the package's English) and the
    words ``work_history_words`` sets."""

    code: str = "en"
    locale: Locale | None = None
    words: dict[str, str] = field(default_factory=dict)
    translate: Callable[[str], str] = _untranslated  # the catalogue's, for this language


_active = Language()


def cldr_locale(language: str | None) -> Locale | None:
    """The CLDR locale of a Sphinx ``language`` (``pt_BR``, ``zh-TW``, ``sr@latin``);
    None for English (the package's own words) or a language CLDR does not know."""
    if not language:
        return None
    code = language.replace("-", "_").split("@")[0]
    try:
        found = Locale.parse(code)
    except (UnknownLocaleError, ValueError, TypeError):
        try:
            found = Locale.parse(code.split("_")[0])
        except (UnknownLocaleError, ValueError, TypeError):
            return None
    return None if found.language == "en" else found


def activate(language: str | None, words: dict[str, str] | None = None,
             translate: Callable[[str], str] | None = None) -> Language:
    """Make *language* the one dates, lengths and words are written in, its
    words translated by *translate* (the catalogue's translator)."""
    global _active
    _active = Language(language or "en", cldr_locale(language), dict(words or {}),
                       translate or _untranslated)
    return _active


def active() -> Language:
    """The language dates and words are written in now (to set it back, `use`)."""
    return _active


def use(language: Language) -> None:
    """Make *language* (as `activate` or `active` gave it) the one written in."""
    global _active
    _active = language


# -- words ----------------------------------------------------------------------
def translator(language: str | None) -> Callable[[str], str]:
    """The catalogue's words in *language*, outside a build (the scaffold writes a
    project's home page with them), found as a build finds them: gettext's own
    fallbacks (``pt_BR`` to ``pt``), and English where the catalogue has no such
    language."""
    if not language:
        return _untranslated
    found = gettext.translation(CATALOGUE, LOCALE_DIR, [language], fallback=True)
    return found.gettext


def word(message: str) -> str:
    """One of `WORDS` in the build's language: ``work_history_words``, else the
    catalogue, else English."""
    return _active.words.get(message) or _active.translate(message)


def has_catalogue_word(message: str) -> bool:
    return message in _active.words or _active.translate(message) != message


def present() -> str:
    """The end of an ongoing span: "present" (or the catalogue's word), else
    CLDR's "today" in a language without a catalogue."""
    if _active.locale is None or has_catalogue_word("present"):
        return word("present")
    try:
        today = _active.locale._data["date_fields"]["day"]["relative"][0]
    except (KeyError, IndexError, TypeError):
        return word("present")
    return str(today) if today else word("present")


def direction() -> Literal["ltr", "rtl"]:
    """The direction the build's language is written in."""
    locale = _active.locale
    if locale is not None:
        return "rtl" if locale.text_direction == "rtl" else "ltr"
    return "rtl" if _active.code.split("_")[0].split("-")[0] in RTL_LANGUAGES else "ltr"


# -- dates and lengths -------------------------------------------------------------
def format_date(year: int, month: int, day: int, precision: Precision) -> str | None:
    """A date at its precision in the build's language; None in English (dates.py
    writes the package's own)."""
    if _active.locale is None:
        return None
    return format_skeleton(_SKELETONS[precision], dt.date(year, month, day),
                           locale=_active.locale)


def month_year(date: dt.date) -> str:
    """A month and its year, in full, in the build's language ("May 2026",
    "Mai 2026", "2026年5月"): CLDR's, English's too."""
    return str(format_skeleton("yMMMM", date, locale=_active.locale or Locale.parse("en")))


def range_parts() -> tuple[str, str, str]:
    """The text before, between and after the two ends of a range."""
    pattern = "{0} – {1}"
    if _active.locale is not None:
        pattern = str(_active.locale.interval_formats.get(None) or pattern)
    before, rest = pattern.split("{0}", 1)
    between, after = rest.split("{1}", 1)
    return before, between, after


def format_length(years: int, months: int, year_precision: bool) -> str | None:
    """A length in CLDR's duration units; None in English (dates.py writes
    "5 yrs 8 mos")."""
    locale = _active.locale
    if locale is None:
        return None

    def unit(count: int, name: str) -> str:
        return str(format_unit(count, f"duration-{name}", length="long", locale=locale))

    if year_precision:
        return unit(years, "year") if years else f"< {unit(1, 'year')}"
    parts = ([unit(years, "year")] if years else []) + ([unit(months, "month")] if months
                                                        else [])
    if not parts:
        return f"< {unit(1, 'month')}"
    return parts[0] if len(parts) == 1 else _pair(locale, *parts)


def _pair(locale: Locale, first: str, second: str) -> str:
    # babel.lists.format_list repeats the last item where a locale's list of units
    # has no pattern for two (Arabic): the pattern is taken here as CLDR gives it.
    for style in ("unit", "unit-short", "standard"):
        try:
            patterns = locale.list_patterns[style]
        except KeyError:
            continue
        pattern = patterns.get("2") or patterns.get("end")
        if pattern:
            return str(pattern).format(first, second)
    return f"{first} {second}"
