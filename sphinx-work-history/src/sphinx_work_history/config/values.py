"""Every configuration value of the extension, registered and checked in one place.

Each value is checked once, at ``config-inited``; a value that cannot be
used is a ``work_history.bad_config`` (or ``bad_date``, ``photo``) warning located in
conf.py, and is replaced by its default or its usable part, so the rest
of the extension reads checked values only.

Rebuild levels: values that change what is read from the pages (which
document is the hub, which hold publications) are ``"env"``; values used
only when pages are written (today's date, lengths, the person, excluded
pages) are ``"html"``: pages are written again, none is read again
(collector.py rewrites the pages they show on for other builders).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Literal

from sphinx.application import Sphinx
from sphinx.config import Config

from ..model.dates import DateError, PartialDate, source_date_epoch
from ..model.l10n import WORDS
from .applications import check_applications
from .messages import conf_location, warn
from .pdf_design import DATE_STYLES, SECTION_STYLES, read_margins, read_size
from .person import read_person
from .settings import freeze_settings
from .variants import check_variants

Rebuild = Literal["", "env", "html"]
#: name -> (default, rebuild, types, description)
VALUES: dict[str, tuple[Any, Rebuild, frozenset[type], str]] = {
    "work_history_today": (
        "", "html", frozenset({str, dt.date}),
        "the date ongoing entries count to (YYYY, YYYY-MM or YYYY-MM-DD); default: "
        "SOURCE_DATE_EPOCH's date, else today"),
    "work_history_durations": (
        True, "html", frozenset({bool}), "show each entry's length"),
    "work_history_exclude_docs": (
        [], "html", frozenset({list, tuple}),
        "glob patterns of documents whose entries summaries and exports leave out (such as "
        "a page of examples)"),
    "work_history_person": (
        {}, "html", frozenset({dict}), "the person the résumé is about (see person.py)"),
    "work_history_hub": (
        None, "env", frozenset({str, type(None)}),
        "the document whose introduction is the résumé's summary and whose page lists every "
        "role in its JSON-LD; default: root_doc"),
    "work_history_publications": (
        [], "env", frozenset({list, tuple}),
        "documents whose external links are the publications"),
    "work_history_latex_header": (
        True, "", frozenset({bool}),
        "in LaTeX, replace the title page by a CV header (name, label, contact) built from "
        "work_history_person, unless latex_elements sets 'maketitle'"),
    "work_history_latex_fonts": (
        [], "", frozenset({list, tuple, dict}),
        "the fonts the PDF is set in, in the order the engine tries them (or a dict of such "
        "lists, one per family), for the glyph check (glyphs.py)"),
    "work_history_cv_basename": (
        "", "", frozenset({str}),
        "the file name (without suffix) of the CV the cv-docx, cv-text and cv-markdown "
        "builders write; default: the project's name, as a file name (its words up to 60 "
        "characters)"),
    "work_history_cv_title": (
        "", "", frozenset({str}),
        "the title of the CV the cv-docx builder writes (its core properties); default: "
        "the project's name"),
    "work_history_variants": (
        {}, "env", frozenset({dict}),
        "tailored CVs from the same pages: variant name -> {tags, since, limit, pages, "
        "label} (see variants.py)"),
    "work_history_variant": (
        "", "env", frozenset({str}),
        "the variant this build makes (-D work_history_variant=NAME); also set as a Sphinx "
        "tag, for {only} blocks; default: the full CV"),
    "work_history_applications": (
        {}, "env", frozenset({dict}),
        "cover letters, one per application: name -> {variant, letter, label, language, "
        "public, pages} (see applications.py); letter pages are private unless public"),
    "work_history_application": (
        "", "env", frozenset({str}),
        "the application this build makes (-D work_history_application=NAME): its "
        "variant's CV and its letter; default: none"),
    "work_history_pdf_design": (
        "classic", "", frozenset({str}),
        "the cv-pdf builder's design: 'classic', 'moderncv' (a column of dates), 'compact', "
        "'sidebar' (a side column of contact details and skills) or 'engineering' (dense "
        "and plain)"),
    "work_history_pdf_paper": (
        "a4", "", frozenset({str}), "the cv-pdf builder's paper: 'a4' or 'us-letter'"),
    "work_history_pdf_accent": (
        "#1f4e79", "", frozenset({str}),
        "the cv-pdf builder's accent colour (headings, links, the dates column), as #RRGGBB"),
    "work_history_pdf_entry_breaks": (
        False, "", frozenset({bool}),
        "whether the cv-pdf builder may break an entry across pages; default: an entry "
        "that fits on a page is kept whole on one"),
    "work_history_pdf_fonts": (
        None, "", frozenset({list, tuple, dict, type(None)}),
        "the cv-pdf builder's fonts, Typst family names in the order it tries them: a list, "
        "or a dict of such lists for 'text', 'headings' and 'code'; default: Typst's own "
        "fonts (Latin, Greek, Cyrillic), then Noto and Symbola for every other script"),
    "work_history_pdf_font_paths": (
        None, "", frozenset({list, tuple, type(None)}),
        "folders the cv-pdf builder finds fonts in (relative to the configuration "
        "directory), besides the fonts Typst embeds; no system font is used unless listed; "
        "default: Debian's Noto and Symbola folders, where they exist"),
    "work_history_pdf_icons": (
        True, "", frozenset({bool}),
        "the cv-pdf builder's contact block: an icon before each detail (from Font Awesome "
        "Free, shipped with the package), its label as the icon's alternative text; False: "
        "the label as text ('Email: ...')"),
    "work_history_pdf_footer": (
        True, "", frozenset({bool}),
        "a footer on every page of the cv-pdf builder's PDF: the name and 'page N of M'"),
    "work_history_pdf_last_updated": (
        False, "", frozenset({bool}),
        "the cv-pdf builder's footer also says 'Last updated <month year>' (the build's "
        "date: SOURCE_DATE_EPOCH's, else today's)"),
    "work_history_pdf_margins": (
        None, "", frozenset({str, dict, type(None)}),
        "the cv-pdf builder's page margins: a length ('18mm', '2cm', '0.75in', '50pt'), or "
        "a dict of 'x' (left and right) and 'y' (top and bottom); None: the design's"),
    "work_history_pdf_size": (
        None, "", frozenset({str, int, float, type(None)}),
        "the cv-pdf builder's body text size: a length ('10.5pt', or a number of points); "
        "None: the design's"),
    "work_history_pdf_section_style": (
        "auto", "", frozenset({str}),
        "how the cv-pdf builder's section titles look: 'auto' (the design's), 'rule' (over "
        "a rule), 'plain' (bold, in the accent colour) or 'smallcaps' (small capitals over a "
        "rule)"),
    "work_history_pdf_date_style": (
        "auto", "", frozenset({str}),
        "how the cv-pdf builder's dates look: 'auto' (the design's), 'plain', 'italic', "
        "'bold' or 'accent' (in the accent colour)"),
    "work_history_pdf_fit": (
        False, "", frozenset({bool}),
        "the cv-pdf builder fits the CV to its page budget before failing: it tightens the "
        "spacing, then the margins (to 12 mm), then the type (to 9 pt); a variant's 'fit' "
        "overrides it"),
    "work_history_words": (
        {}, "env", frozenset({dict}),
        "the package's words in this build's language, overriding its catalogue: English "
        "word -> word (such as {'Experience': 'Berufserfahrung', 'present': 'heute'})"),
    "work_history_pages": (
        0, "", frozenset({int}),
        "the PDF's page budget, enforced by the LaTeX run and by the cv-pdf builder, for the "
        "full CV and any variant "
        "without 'pages'; 0: no budget"),
}


def default_today() -> str:
    """SOURCE_DATE_EPOCH's date when set (reproducible builds), else today."""
    epoch = source_date_epoch()
    return (epoch.date() if epoch else dt.date.today()).isoformat()


def _check_today(app: Sphinx, config: Config) -> None:
    value = config.work_history_today
    if isinstance(value, dt.date):
        config.work_history_today = value = value.isoformat()
    if not value:
        config.work_history_today = default_today()
        return
    try:
        PartialDate.parse(value)
    except DateError as exc:
        warn("bad_date", f"work_history_today: {exc}; counting to the build date instead",
             conf_location(app.confdir, "work_history_today"))
        config.work_history_today = default_today()


def _check_lists(app: Sphinx, config: Config) -> None:
    for name in ("work_history_exclude_docs", "work_history_publications"):
        value = config[name]
        kept = [item for item in value if isinstance(item, str) and item]
        if len(kept) != len(value):
            warn("bad_config", f"{name}: every item should be a document name; "
                 "the others are ignored", conf_location(app.confdir, name))
        setattr(config, name, kept)
    if not isinstance(config.work_history_hub, str) or not config.work_history_hub:
        config.work_history_hub = config.root_doc


#: The longest CV file name, in bytes, before its suffix: room under the 255 bytes
#: of a file name for the suffix and the name of the file it is first written to.
BASENAME_BYTES = 200


def _check_cv_basename(app: Sphinx, config: Config) -> None:
    name = config.work_history_cv_basename
    problem = ""
    if name and (name != Path(name).name or name in (".", "..")):
        problem = "is not a file name"
    elif len(name.encode("utf-8")) > BASENAME_BYTES:
        problem = f"is longer than {BASENAME_BYTES} bytes"
    if problem:
        warn("bad_config", f"work_history_cv_basename: {name!r} {problem}; the "
             "project's name is used instead",
             conf_location(app.confdir, "work_history_cv_basename"))
        config.work_history_cv_basename = ""


def _check_person(app: Sphinx, config: Config) -> None:
    person, problems = read_person(config.work_history_person, config)
    where = conf_location(app.confdir, "work_history_person")
    for subtype, problem in problems:
        warn(subtype, problem, where)
    config.work_history_person = person


_HEX = re.compile(r"#[0-9a-fA-F]{6}")
#: The cv-pdf builder's designs (assets/typst/<name>.typ), the default first.
PDF_DESIGNS = ("classic", "moderncv", "compact", "sidebar", "engineering")
_CHOICES = {"work_history_pdf_design": PDF_DESIGNS,
            "work_history_pdf_paper": ("a4", "us-letter")}


def _check_pdf(app: Sphinx, config: Config) -> None:
    for name, choices in _CHOICES.items():
        if config[name] not in choices:
            warn("bad_config", f"{name}: {config[name]!r} is not one of {', '.join(choices)}; "
                 f"{choices[0]!r} is used instead", conf_location(app.confdir, name))
            setattr(config, name, choices[0])
    if not _HEX.fullmatch(config.work_history_pdf_accent):
        warn("bad_config", f"work_history_pdf_accent: {config.work_history_pdf_accent!r} is "
             "not a colour written #RRGGBB; '#1f4e79' is used instead",
             conf_location(app.confdir, "work_history_pdf_accent"))
        config.work_history_pdf_accent = "#1f4e79"


#: The choices of the design settings that are words (the first is the default).
_STYLES = {"work_history_pdf_section_style": SECTION_STYLES,
           "work_history_pdf_date_style": DATE_STYLES}


def _check_pdf_design(app: Sphinx, config: Config) -> None:
    """Margins, size and styles: a value that cannot be used is a warning, and the
    design's own is used instead."""
    for name, choices in _STYLES.items():
        if config[name] not in choices:
            warn("bad_config", f"{name}: {config[name]!r} is not one of {', '.join(choices)}; "
                 "the design's own is used", conf_location(app.confdir, name))
            setattr(config, name, choices[0])
    margins, problems = read_margins(config.work_history_pdf_margins)
    for key, problem in problems:
        where = conf_location(app.confdir, "work_history_pdf_margins", *((key,) if key else ()))
        warn("bad_config", f"work_history_pdf_margins: {problem}", where)
    config.work_history_pdf_margins = margins
    size, problem = read_size(config.work_history_pdf_size)
    if problem:
        warn("bad_config", f"work_history_pdf_size: {problem}",
             conf_location(app.confdir, "work_history_pdf_size"))
    config.work_history_pdf_size = size


def _check_words(app: Sphinx, config: Config) -> None:
    words = config.work_history_words
    kept = {key: value for key, value in words.items()
            if key in WORDS and isinstance(value, str) and value.strip()}
    if len(kept) != len(words):
        unknown = sorted(repr(key) for key in words if key not in kept)
        warn("bad_config", f"work_history_words: {', '.join(unknown)} ignored: each key is "
             "one of the package's words (docs: languages) and each value a non-empty text",
             conf_location(app.confdir, "work_history_words"))
    config.work_history_words = kept


def check_config(app: Sphinx, config: Config) -> None:
    _check_today(app, config)
    _check_lists(app, config)
    _check_person(app, config)
    _check_cv_basename(app, config)
    _check_pdf(app, config)
    _check_pdf_design(app, config)
    _check_words(app, config)
    check_variants(app, config)
    check_applications(app, config)


def setup_config(app: Sphinx) -> None:
    for name, (default, rebuild, types, description) in VALUES.items():
        app.add_config_value(name, default, rebuild, types=types, description=description)
    # Before the handlers that read the checked values (cvheader.py's header).
    app.connect("config-inited", check_config, priority=400)
    # Once every check has run (the photo's, outputs/html/contact.py, at 500): the
    # values as the extension reads them (settings.py).
    app.connect("config-inited", freeze_settings, priority=550)
