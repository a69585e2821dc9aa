"""The directives of every kind of entry but roles: ``education``, ``project``,
``award``, ``certificate``, ``publication``, ``talk``, ``skill``, ``language``,
``interest`` and ``reference``.

    :::{education} University of Edinburgh
    :degree: MSc
    :area: Computer Science
    :start: 2005
    :end: 2006
    :::

One directive class serves every kind: a kind's record (kinds.py) says
which options it reads and how. The argument is the entry's heading; the
body is its text. While reading, the directive records the entry in the
domain and leaves a `cv_entry` node holding the entry's name and body;
render.py builds the header from the record when the page is written.
Every problem is a ``work_history.*`` warning and the entry is still shown
with what could be read.

The readers every entry directive shares (its dates, its id, its list
options, its body) are here too; job.py uses them.
"""

from __future__ import annotations

import csv
from typing import Any, ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ...config import options as opt
from ...config.messages import Location, warn
from ...config.settings import work_history_config
from ...model.dates import PRESENT, DateError, PartialDate, at_common_precision, parse_in_range
from ...model.kinds import KINDS, Record, option_fields
from ..domain import get_domain, target_name
from ..nodes import cv_entry
from ..rawtext import raw_as_text
from .translation import texts_node

COMMON_OPTIONS = ("tags", "name")
# Keys of env.current_document while a directive's content is parsed: what an
# employer hands down to its jobs, and whether an entry is being read.
EMPLOYER_KEY = "work_history:employer"
IN_JOB_KEY = "work_history:in_job"
# Set by an employer whose fence a job's closing fence closed (employer.py).
SHORT_FENCE_KEY = "work_history:short_fence"
# Where a role without a readable start is not: every place that orders entries by date.
UNDATED = ("the entry is shown on its page, but left out of the work-history tables, its "
           "employer's tenure, resume.json, the JSON-LD and the Word, text and Markdown CVs")
# What becomes of an entry whose end cannot be used: it ended, but when is not known.
UNKNOWN_END = ("its end is shown as unknown in every format (never as ongoing), and the entry "
               "is left out of resume.json, which would read an entry without an end as "
               "ongoing")
#: The word a warning uses for each kind's argument.
ARGUMENT_WORDS = {"heading": "name", "institution": "institution", "language": "language",
                  "position": "position"}


def split_list(value: str) -> tuple[str, ...]:
    """``Go, "Data, Structures", SQL`` -> ('Go', 'Data, Structures', 'SQL'): items
    separated by commas, an item holding a comma in double quotes (as CSV)."""
    if not value.strip():
        return ()
    row = next(csv.reader([value], skipinitialspace=True), [])
    return tuple(item.strip() for item in row if item.strip())


def parse_date(text: str, option: str, label: str, location: Location, fallback: str,
               today: PartialDate) -> PartialDate | None:
    """*text* as a date (within `parse_in_range`'s years, from *today*), or None and
    a warning that says what happens instead."""
    try:
        return parse_in_range(text, today)
    except DateError as exc:
        warn("bad_date", f"{label}: :{option}: {exc}; {fallback}", location)
        return None


def _before(date: PartialDate, other: PartialDate) -> bool:
    date, other = at_common_precision(date, other)
    return date < other


def read_span(options: dict[str, Any], label: str, location: Location, *,
              start_required: bool, start_missing: str, today: PartialDate
              ) -> tuple[PartialDate | None, PartialDate | None, bool]:
    """``:start:`` and ``:end:``: (start, end, whether an :end: was written but
    cannot be used). *start_missing* says what a missing or unreadable start
    costs the entry; a year out of range (*today*: `parse_in_range`) is unreadable."""
    start_text, end_text = opt.text(options, "start"), opt.text(options, "end")
    start = end = None
    end_unknown = False
    if not start_text:
        if start_required:
            warn("missing_field", f"{label}: :start: is missing; {start_missing}", location)
    elif start_text.lower() == PRESENT:
        warn("date_order", f"{label}: :start: cannot be 'present'; {start_missing}", location)
    else:
        start = parse_date(start_text, "start", label, location, start_missing, today)
    if end_text and end_text.lower() != PRESENT:
        try:
            end = parse_in_range(end_text, today)
        except DateError as exc:
            problem = str(exc)
            if not any(char.isdigit() for char in end_text):  # a word: current, now, today
                problem = (f"{end_text!r} is not a date, and the one word :end: takes is "
                           f"{PRESENT!r} (for an entry that goes on)")
            warn("bad_date", f"{label}: :end: {problem}; {UNKNOWN_END}", location)
            end_unknown = True
    if start and end and _before(end, start):
        warn("date_order", f"{label}: :end: {end.iso()} is before :start: {start.iso()}; "
             f"{UNKNOWN_END}", location)
        end, end_unknown = None, True
    return start, end, end_unknown


def entry_name(directive: SphinxDirective, label: str, location: Location, base: str,
               year: int | None, qualifier: str, kind: str) -> str:
    """The entry's id: its :name:, else made from *base* (an organisation or a
    heading) and *year*; a second entry with the same id in the document is
    told apart by *qualifier*, then by a number. A made-up id depends only on
    this document, so every build order gives the same ids."""
    taken: dict[str, Any] = {**directive.state.document.ids,
                             **get_domain(directive.env).doc_names(directive.env.docname)}
    if "name" in directive.options:
        written = opt.text(directive.options, "name")
        name = target_name(written)
        if not name:
            warn("missing_field", f"{label}: :name: {written!r} has no letters or digits "
                 "to make an id from; a name is made from the entry's heading", location)
        elif name in taken:
            holder = taken[name]
            what = (f"{holder.title} at line {holder.lineno}" if isinstance(holder, Record)
                    else f"a {holder.tagname} at line {holder.line}")
            warn("duplicate_name", f"{label}: duplicate name {name!r}, also used by "
                 f"{what}; a name is made from the entry's heading", location)
        else:
            return name
    # A heading in a script ids cannot hold (北京数据公司) gives "job-2004".
    when = year or ""
    first = target_name(f"{base or kind} {when}") or target_name(f"{kind} {when}")
    candidates = [first, target_name(f"{first} {qualifier}")]
    candidates += [f"{first}-{n}" for n in range(2, len(taken) + 3)]
    return next(c for c in candidates if c and c not in taken)


def register_id(directive: SphinxDirective, entry: nodes.Element) -> None:
    """Note the entry's id in the document, so no later heading takes it."""
    directive.state.document.set_id(entry)


def parse_body(directive: SphinxDirective, entry: nodes.Element, label: str,
               location: Location) -> None:
    """Read the directive's content into *entry*, as its body."""
    if not directive.content:
        return
    current = directive.env.current_document
    body = nodes.container(classes=["wh-job-body", "p-description"])
    outer, current[IN_JOB_KEY] = current.get(IN_JOB_KEY), True
    try:
        directive.state.nested_parse(directive.content, directive.content_offset, body)
    finally:
        current[IN_JOB_KEY] = outer
    raw_as_text(body, label, directive.env.docname, location)
    entry += body


def tag_index(tags: tuple[str, ...], title: str, name: str) -> list[nodes.Node]:
    """The general index's entries for an entry's tags."""
    if not tags:
        return []
    return [addnodes.index(entries=[("single", f"{tag}; {title}", name, "", None)
                                    for tag in tags])]


def add_record(directive: SphinxDirective, kind: type[Record], entry: nodes.Element,
               values: dict[str, Any], *, base: str, start: PartialDate | None,
               end: PartialDate | None, end_unknown: bool, tags: tuple[str, ...],
               label: str, location: str, line: int) -> list[nodes.Node]:
    """Make *kind*'s record of *values*, keep it in the domain and name *entry* (a
    `cv_entry`) after it: the nodes every entry directive leaves (its texts for
    translation, its tags' index entries, the entry)."""
    name = entry_name(directive, label, location, base, start.year if start else None,
                      kind.KIND, kind.KIND)
    record = kind(name=name, docname=directive.env.docname, lineno=line, source=location,
                  tags=tags, start=start, end=end, end_unknown=end_unknown, **values)
    get_domain(directive.env).add_entry(record)
    entry["ids"], entry["name"] = [name], name
    register_id(directive, entry)
    translatable = {field: values.get(field, "") for field in (kind.ARGUMENT, *(
        f.name for f in option_fields(kind) if f.metadata["type"] == "text"))}
    source, _ = directive.get_source_info()
    texts = texts_node(kind.KIND, directive.env.docname, name, translatable, source, line)
    return [texts, *tag_index(tags, record.title, name), entry]


class EntryDirective(SphinxDirective):
    """An entry of the kind `kind` (a subclass per kind: `directive_for`)."""

    kind: ClassVar[type[Record]]
    has_content = True
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True

    @classmethod
    def known_options(cls) -> tuple[str, ...]:
        dates = ("start", "end") if cls.kind.SPAN else ("date",) if cls.kind.DATED else ()
        own = tuple(f.metadata["option"] for f in option_fields(cls.kind))
        return (*dates, *own, *COMMON_OPTIONS)

    def run(self) -> list[nodes.Node]:
        kind = self.kind
        location = self.get_location()
        heading = " ".join(self.arguments[0].split()) if self.arguments else ""
        word = ARGUMENT_WORDS.get(kind.ARGUMENT, kind.ARGUMENT)
        label = f"{kind.KIND} {heading}" if heading else f"{kind.KIND} (no {word})"
        if self.env.current_document.get(IN_JOB_KEY):
            warn("misplaced", f"{label}: an entry inside an entry is shown as part of the "
                 "outer entry's text", location)
        opt.warn_unreadable(self.options, self.known_options(), label, location)
        if not opt.visible(heading) and not (kind.HEADING_FROM_LINK and self.content):
            warn("missing_field", f"{label}: the {word} (the directive's argument) is "
                 "missing", location)

        entry = cv_entry(classes=["wh-entry", f"wh-{kind.KIND}"], docname=self.env.docname)
        self.set_source_info(entry)
        parse_body(self, entry, label, location)
        values: dict[str, Any] = {}
        if not heading and kind.HEADING_FROM_LINK and self.content:
            values = self._heading_from_link(entry, label, location)
            heading = values.get(kind.ARGUMENT, "")
        values[kind.ARGUMENT] = heading
        for field in option_fields(kind):
            text = opt.text(self.options, field.metadata["option"])
            if field.metadata["type"] == "list":
                values[field.name] = split_list(text)
            elif field.metadata["type"] == "url":
                values[field.name] = opt.checked_url(text, label, location) or values.get(
                    field.name, "")
            else:
                values[field.name] = text
        start, end, end_unknown = self._dates(label, location)
        tags = opt.split_tags(opt.text(self.options, "tags"))
        _, line = self.get_source_info()
        return add_record(self, kind, entry, values, base=heading, start=start, end=end,
                          end_unknown=end_unknown, tags=tags, label=label, location=location,
                          line=line or self.lineno)

    def _heading_from_link(self, entry: nodes.Element, label: str, location: str
                           ) -> dict[str, Any]:
        """A publication written as a sentence around its link: the link's text is
        its name and the link its address; the body, which shows both, heads it."""
        link = next((ref for ref in entry.findall(nodes.reference)
                     if opt.is_web_url(ref.get("refuri", ""))), None)
        if link is None:
            warn("missing_field", f"{label}: the name (the directive's argument) is missing, "
                 "and the text has no link to take it from", location)
            return {}
        return {self.kind.ARGUMENT: " ".join(link.astext().split()), "url": link["refuri"],
                "heading_in_body": True}

    def _dates(self, label: str, location: str
               ) -> tuple[PartialDate | None, PartialDate | None, bool]:
        if self.kind.SPAN:
            return read_span(self.options, label, location, start_required=False,
                             start_missing="the entry is shown without dates",
                             today=work_history_config(self.config).today)
        text = opt.text(self.options, "date")
        if not self.kind.DATED or not text:
            return None, None, False
        date = parse_date(text, "date", label, location, "the entry is shown without a date",
                          work_history_config(self.config).today)
        return date, date, False


def directive_for(kind: type[Record]) -> type[EntryDirective]:
    class Directive(EntryDirective):
        pass

    Directive.kind = kind
    Directive.__name__ = Directive.__qualname__ = (
        f"{kind.__name__.removesuffix('Record')}Directive")
    Directive.option_spec = opt.option_spec(*Directive.known_options())
    return Directive


def setup_entries(app: Sphinx) -> None:
    for name, kind in KINDS.items():
        app.add_directive(name, directive_for(kind))
