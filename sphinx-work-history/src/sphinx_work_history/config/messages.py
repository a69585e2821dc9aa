"""Every warning the extension gives goes through `warn`.

Each has the type ``work_history`` and one of the subtypes below, so
``suppress_warnings = ["work_history.<subtype>"]`` silences exactly it.
The list is documented in the package's documentation (docs/).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeAlias

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger("work_history")

#: Where a warning points: a node, ``(docname, line)``, a docname, or nowhere.
Location: TypeAlias = str | tuple[str | None, int | None] | nodes.Node | None

SUBTYPES = {
    "missing_field": "a required field (:org:, :start:) is missing or empty, a "
                     ":name: has nothing to make an id from, an employer has no dated role",
    "bad_date": ":start:, :end: or :date: is not a calendar date in YYYY, YYYY-MM or "
                "YYYY-MM-DD form, or its year is before 1900 or after next year",
    "date_order": ":end: is before :start:, or :start: is 'present'",
    "unknown_option": "an option the directive does not know",
    "bad_option": "an option value that cannot be read (a flag with a value, a :since: "
                  "that is not a year, a :limit: that is not a positive number, empty :tags:)",
    "bad_url": ":url: is not an http(s) address, or holds a control character",
    "duplicate_name": "two entries with the same name, in one document or across documents",
    "unknown_ref": "a {job} reference to an entry that does not exist",
    "raw_markup": "raw HTML or LaTeX in an entry's text (shown as text: other formats "
                  "would drop it)",
    "misplaced": "a directive used where it makes no sense (a job inside a job, an "
                 "employer inside a job or an employer), or an employer fenced with no more "
                 "colons than its jobs",
    "bad_config": "a work_history_* setting that cannot be used (a person without an email, "
                  "an address that is not http(s), a hub or publications page that does not "
                  "exist, a font of work_history_latex_fonts that cannot be found or read, "
                  "a family of work_history_pdf_fonts that Typst cannot find, a margin, size "
                  "or style of the PDF's design that cannot be used, "
                  "python-docx missing for cv-docx, a :::{job} fence on a page read without MyST's "
                  "colon_fence)",
    "photo": "a work_history_person['image'] that cannot be the photo, which is left out "
             "of every output: neither an http(s) address nor an image file inside the "
             "project (an absolute path, a '..', a link to a file outside the project, a "
             "file:, data: or javascript: address, a file that is not there); a photo at a "
             "web address that the LaTeX, cv-pdf or cv-docx builder cannot fetch (or that is "
             "no image it can show); a photo the cv-docx builder cannot read as an image",
    "glyph": "a character of the PDF's text that no font of work_history_latex_fonts (in "
             "a LaTeX build) or work_history_pdf_fonts (cv-pdf) has (the PDF would lose it)",
    "pdf": "the cv-pdf builder could not make the PDF: Typst's error, with the line of the "
           "Typst source it wrote (a missing `typst` package: pip install "
           "sphinx-work-history[pdf]); or the contact block's icons cannot be drawn "
           "(fontTools missing), and its details show their labels instead",
    "page_budget": "the CV's PDF (cv-pdf) has more pages than its budget (the variant's "
                   "'pages', else work_history_pages), even tightened by work_history_pdf_fit "
                   "when it is on: the message names the entries past it, and what the fit "
                   "tightened",
    "left_out": "something a page shows that a CV file (cv-docx, cv-text, cv-markdown) "
                "cannot hold, such as raw HTML or LaTeX: the warning says what is left out; "
                "a file of the CV that cv-downloads cannot copy into the site (it is not "
                "linked)",
    "bad_variant": "a work_history_variants entry that cannot be used (a name that is not a "
                   "Sphinx tag name, an unknown key, an unreadable value), an unknown "
                   "work_history_variant, a work_history_pages that is not a page count",
    "bad_application": "a work_history_applications entry that cannot be used (an unknown "
                       "variant, an unknown key, no 'letter' page, an unreadable value), an "
                       "unknown work_history_application",
    "bibliography": "a publications-from file that cannot be read (not there, not a .bib or "
                    ".json, malformed BibTeX at its line, CSL-JSON that is not a list of items "
                    "at its JSON path, pybtex missing), or a record without a title or a year",
    "letter": "an application's letter page that does not exist, holds no letter "
              "directive, or is in a toctree while its application keeps it private; a "
              "letter directive on a page no application names, or twice on one page",
}


def warn(subtype: str, message: str, location: Location) -> None:
    """Log a warning of type ``work_history.<subtype>`` at *location*.

    *location* is anything Sphinx accepts: a node, ``(docname, line)``,
    or a docname.
    """
    assert subtype in SUBTYPES, subtype
    logger.warning(message, type="work_history", subtype=subtype, location=location)


def conf_location(confdir: str | Path, setting: str, *keys: str) -> str | None:
    """``conf.py:LINE`` of the assignment of *setting* in effect (the last), or of the
    first line after it that holds each of *keys* in turn as ``"key":`` (a variant, then
    a key inside it); ``conf.py`` when none is found; None without a conf.py."""
    path = Path(confdir, "conf.py")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    assignment = re.compile(rf"^\s*{re.escape(setting)}\s*[:=]")
    starts = [n for n, text in enumerate(lines, 1) if assignment.match(text)]
    if not starts:
        return str(path)
    line = starts[-1]
    for key in keys:
        pattern = re.compile(rf"""["']{re.escape(key)}["']\s*:""")
        found = next((n for n, text in enumerate(lines[line - 1:], line)
                      if pattern.search(text)), None)
        if found is None:
            break
        line = found
    return f"{path}:{line}"
