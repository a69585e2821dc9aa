"""``publications-from``: the `publication` and `talk` entries of bibliography files.

    :::{publications-from} refs.bib talks.json
    :highlight: Ada Lovelace; Lovelace, A.
    :group: year
    :style: numbered
    :::

Each record of a BibTeX/BibLaTeX (``.bib``, read by pybtex) or CSL-JSON
(``.json``) file becomes the entry the `publication` directive (or `talk`, for a
talk) makes, through the same code (`entries.add_record`): every output shows
it. A file is untrusted text: its fields become text nodes, never markup. A
file that cannot be read, or a record without a title or a year, is one
``work_history.bibliography`` warning at the file's line (BibTeX) or JSON path
(CSL-JSON).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ...config import options as opt
from ...config.messages import warn
from ...config.settings import work_history_config
from ...model import l10n
from ...model.bibliography import (
    KINDS as WORK_KINDS,
)
from ...model.bibliography import (
    STYLES,
    Selection,
    Work,
    authors_shown,
    groups,
    select,
)
from ...model.kinds import KINDS
from ..nodes import cv_entry
from .entries import add_record, parse_date

OPTIONS = ("keys", "keywords", "types", "since", "sort", "group", "highlight", "style",
           "abstracts", "tags")
#: The heading of each group of `:group: type`: the CV's own section words.
GROUP_WORDS = {"publication": "Publications", "talk": "Talks"}


def _choice(options: dict[str, Any], name: str, choices: tuple[str, ...], default: str,
            label: str, location: str) -> str:
    value = opt.text(options, name) or default
    if value not in choices:
        warn("bad_option", f"{label}: :{name}: {value!r} is not one of "
             f"{', '.join(choices)}; {default or 'none'} is used", location)
        return default
    return value


def _items(value: str, separator: str = ",") -> tuple[str, ...]:
    return tuple(item.strip() for item in value.split(separator) if item.strip())


class PublicationsFrom(SphinxDirective):
    has_content = False
    required_arguments = 1
    optional_arguments = 0
    final_argument_whitespace = True
    option_spec = opt.option_spec(*OPTIONS)

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        label = f"publications-from {self.arguments[0]}"
        opt.warn_unreadable(self.options, OPTIONS, label, location)
        works: list[Work] = []
        for written in self.arguments[0].split():
            works.extend(self._read(written, label, location))
        since_text = opt.text(self.options, "since")
        since = int(since_text) if since_text.isdigit() else None
        if since_text and since is None:
            warn("bad_option", f"{label}: :since: {since_text!r} is not a year; every "
                 "year is listed", location)
        kinds = _items(opt.text(self.options, "types"))
        for kind in kinds:
            if kind not in WORK_KINDS:
                warn("bad_option", f"{label}: :types: {kind!r} is not one of "
                     f"{', '.join(WORK_KINDS)}", location)
        selection = Selection(
            keys=_items(opt.text(self.options, "keys")),
            keywords=_items(opt.text(self.options, "keywords")), kinds=kinds, since=since,
            sort=_choice(self.options, "sort", ("date", "type"), "date", label, location))
        group_by = _choice(self.options, "group", ("", "year", "type"), "", label, location)
        style = _choice(self.options, "style", STYLES, "author-year", label, location)
        highlight = _items(opt.text(self.options, "highlight"), ";")
        if "abstracts" in self.options and opt.text(self.options, "abstracts"):
            warn("bad_option", f"{label}: :abstracts: is a flag and takes no value", location)
        tags = opt.split_tags(opt.text(self.options, "tags"))
        known = {work.key for work in works}
        for key in selection.keys:
            if key not in known:
                warn("bibliography", f"{label}: :keys: {key!r} is in none of its files",
                     location)
        chosen = select(works, selection)
        found: list[nodes.Node] = []
        number = 0
        for heading, members in groups(chosen, group_by):
            if heading:
                text = l10n.word(GROUP_WORDS[heading]) if group_by == "type" else heading
                found.append(nodes.rubric(text, text, classes=["wh-publications-group"]))
            for work in members:
                number += 1
                found.extend(self._entry(work, style, highlight, tags, number))
        return found

    def _read(self, written: str, label: str, location: str) -> list[Work]:
        from ...model.bibtex import bib_text, read_bibtex
        from ...model.csl_json import read_csl_json

        relative, absolute = self.env.relfn2path(written)
        path = Path(absolute)
        if path.suffix.lower() not in (".bib", ".json"):
            warn("bibliography", f"{label}: {written!r} is neither a .bib nor a .json "
                 "(CSL-JSON) file; it is not read", location)
            return []
        try:
            data = path.read_bytes()
            text = data.decode("utf-8-sig") if path.suffix.lower() == ".json" else ""
        except (OSError, UnicodeDecodeError) as exc:
            warn("bibliography", f"{label}: {written!r} cannot be read ({exc}); its "
                 "publications are not listed", location)
            return []
        self.env.note_dependency(relative)
        if path.suffix.lower() == ".json":
            works, json_problems = read_csl_json(text, str(path))
            for where, problem in json_problems:
                warn("bibliography", f"{path}: {where} {problem}", location)
            return works
        text, problems = bib_text(data)
        try:
            works, found = read_bibtex(text, str(path))
        except ImportError:
            warn("bibliography", f"{label}: pybtex is missing to read {written!r} "
                 '(pip install "sphinx-work-history[publications]")', location)
            return []
        problems += found
        for line, problem in problems:
            warn("bibliography", f"{problem}", f"{path}:{line}" if line else str(path))
        return works

    def _entry(self, work: Work, style: str, highlight: tuple[str, ...],
               tags: tuple[str, ...], number: int) -> list[nodes.Node]:
        kind = KINDS["talk" if work.kind == "talk" else "publication"]
        where = work.source
        label = f"{kind.KIND} {work.key}"
        if not opt.visible(work.title):
            warn("bibliography", f"{label}: has no title; it is listed by its venue", where)
        if work.year is None:
            warn("bibliography", f"{label}: has no year; it is listed without a date", where)
        start = parse_date(work.date, "date", label, where, "the entry is shown without a "
                           "date", work_history_config(self.config).today
                           ) if work.date else None
        values: dict[str, Any] = {
            "heading": work.title, "publisher": work.venue,
            # Without an address of its own, the paper's DOI is its address.
            "url": opt.checked_url(work.url, label, where) or (
                f"https://doi.org/{work.doi}" if opt.is_web_url(f"https://doi.org/{work.doi}")
                and work.doi else ""),
            "number": f"[{number}]" if style == "numbered" else "",
            "authors": authors_shown(work, style, highlight), "doi": work.doi,
            "heading_runs": work.title_runs}
        entry = cv_entry(classes=["wh-entry", f"wh-{kind.KIND}"], docname=self.env.docname)
        self.set_source_info(entry)
        if work.abstract and "abstracts" in self.options:
            body = nodes.container(classes=["wh-job-body", "p-description"])
            body += nodes.paragraph(work.abstract, "", nodes.Text(work.abstract))
            entry += body
        _, line = self.get_source_info()
        return add_record(self, kind, entry, values, base=work.key, start=start, end=start,
                          end_unknown=False, tags=tags, label=label, location=where,
                          line=line or self.lineno)


def setup_publications(app: Sphinx) -> None:
    app.add_directive("publications-from", PublicationsFrom)
