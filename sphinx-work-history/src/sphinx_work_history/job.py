"""The ``job`` directive: one role, rendered as one block.

    :::{job} Lead Infra Engineer
    :org: Heroku
    :start: 2014
    :end: 2016
    The role's own text.
    :::

Every problem is a warning (see messages.py) and the entry is still
rendered with what could be read.
"""

from __future__ import annotations

import datetime as dt
import os

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import options as opt
from .dates import PRESENT, DateError, PartialDate, coarser, format_length
from .domain import JobRecord, get_domain, target_name
from .messages import warn
from .nodes import job_date, job_entry, job_header
from .rawtext import raw_as_text

JOB_OPTIONS = ("org", "start", "end", "location", "url", "tags", "name", "no-duration")
# Keys of env.current_document while a directive's content is parsed.
EMPLOYER_KEY = "work_history:employer"  # the employer's fields, and the spans of its roles
IN_JOB_KEY = "work_history:in_job"


def today(config) -> PartialDate:
    return PartialDate.parse(config.work_history_today)


def length_text(config, options: dict, start: PartialDate | None,
                end: PartialDate | None) -> str:
    """The length shown for a span, or '' when lengths are off (globally or by
    ``:no-duration:``) or the start is unknown; ongoing spans count to today."""
    if start is None or not config.work_history_durations or "no-duration" in options:
        return ""
    return format_length(start, end or today(config))


class JobDirective(SphinxDirective):
    has_content = True
    required_arguments = 0  # a missing position is our warning, not docutils' error
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = opt.option_spec(*JOB_OPTIONS)

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        current = self.env.current_document
        employer = current.get(EMPLOYER_KEY) or {}
        fields = {key: opt.text(self.options, key) or employer.get(key, "")
                  for key in ("org", "url", "location")}
        position = " ".join(self.arguments[0].split()) if self.arguments else ""
        label = f"job {position or '(no position)'}" + (f" at {fields['org']}" if fields["org"] else "")

        if current.get(IN_JOB_KEY):
            warn("misplaced", f"{label}: a job inside a job is shown as part of the outer "
                 "entry's text", location)
        opt.warn_unreadable(self.options, JOB_OPTIONS, label, location)
        if not position:
            warn("missing_field", f"{label}: the position (the directive's argument) is missing",
                 location)
        if not fields["org"]:
            warn("missing_field", f"{label}: :org: is missing", location)
        url = opt.checked_url(fields["url"], label, location)

        start, end = self._dates(label, location)
        duration = length_text(self.config, self.options, start, end)
        if employer and start:
            employer["spans"].append((start, end))

        name = self._name(label, location, fields["org"], position, start)
        tags = opt.split_tags(opt.text(self.options, "tags"))

        # Inside an employer the header names only what the employer's does not.
        shown = {key: opt.text(self.options, key) if employer else fields[key]
                 for key in ("org", "location")}
        entry = job_entry(classes=["wh-job", "h-event", "p-experience"],
                          position=position, org=fields["org"], url=url,
                          location=fields["location"], dates=date_text(start, end),
                          duration=duration, shown_org=shown["org"],
                          shown_location=shown["location"])
        self.set_source_info(entry)
        inherited = {key for key in ("org", "location") if fields[key] and not shown[key]}
        entry += self._header(position, fields["org"], url, fields["location"], start, end,
                              duration, inherited)
        result: list[nodes.Node] = []
        if name:  # recorded before the body is read, so entries keep document order
            entry["ids"].append(name)
            _, line = self.get_source_info()
            record = JobRecord(name=name, docname=self.env.docname, lineno=line or self.lineno,
                               position=position, org=fields["org"], start=start, end=end,
                               url=url, location=fields["location"], tags=tags,
                               duration=duration, source=location)
            get_domain(self.env).add_job(record)
            if tags:
                result.append(addnodes.index(entries=[
                    ("single", f"{tag}; {record.title}", name, "", None) for tag in tags]))
        result.append(entry)

        if self.content:
            body = nodes.container(classes=["wh-job-body", "p-description"])
            outer, current[IN_JOB_KEY] = current.get(IN_JOB_KEY), True
            try:
                self.state.nested_parse(self.content, self.content_offset, body)
            finally:
                current[IN_JOB_KEY] = outer
            raw_as_text(body, label, self.env.docname, location)
            entry += body
        return result

    # -- parts ----------------------------------------------------------------
    def _dates(self, label, location) -> tuple[PartialDate | None, PartialDate | None]:
        start_text, end_text = opt.text(self.options, "start"), opt.text(self.options, "end")
        start = end = None
        if not start_text:
            warn("missing_field", f"{label}: :start: is missing; the entry is left out of "
                 "the summary", location)
        elif start_text.lower() == PRESENT:
            warn("date_order", f"{label}: :start: cannot be 'present'; the entry is left out "
                 "of the summary", location)
        else:
            try:
                start = PartialDate.parse(start_text)
            except DateError as exc:
                warn("bad_date", f"{label}: :start: {exc}; the entry is left out of the summary",
                     location)
        if end_text and end_text.lower() != PRESENT:
            try:
                end = PartialDate.parse(end_text)
            except DateError as exc:
                warn("bad_date", f"{label}: :end: {exc}; the entry is shown as ongoing", location)
        if start and end and _cut(end, start) < _cut(start, end):
            warn("date_order", f"{label}: :end: {end.iso()} is before :start: {start.iso()}; "
                 "the end date is ignored", location)
            end = None
        return start, end

    def _name(self, label, location, org, position, start) -> str:
        """The entry's id: its :name:, else made from organisation and start year.

        A made-up id depends only on this document, so every build order
        gives the same ids; a second role at one employer in one year is
        told apart by its position.
        """
        taken = get_domain(self.env).doc_names(self.env.docname)
        if "name" in self.options:
            written = opt.text(self.options, "name")
            name = target_name(written)
            if not name:
                warn("missing_field", f"{label}: :name: {written!r} has no letters or digits "
                     "to make an id from; a name is made from the organisation and start year",
                     location)
            elif name in taken:
                warn("duplicate_name", f"{label}: duplicate name {name!r}, also used by "
                     f"{taken[name].title} at line {taken[name].lineno}; a name is made from "
                     "the organisation and start year", location)
            else:
                return name
        year = start.year if start else ""
        # An organisation in a script ids cannot hold (北京数据公司) gives "job-2004".
        base = target_name(f"{org or position or 'job'} {year}") or target_name(f"job {year}")
        candidates = [base, target_name(f"{base} {position}")] if base else []
        candidates += [f"{base}-{n}" for n in range(2, len(taken) + 3)] if base else []
        return next((c for c in candidates if c and c not in taken), "")

    def _header(self, position, org, url, location, start, end, duration,
                inherited: set[str]) -> job_header:
        """The title and meta lines. Fields in *inherited* come from an employer
        that shows them: they stay in the markup, so each entry's microformat
        is whole, but are hidden in HTML (class ``wh-inherited``)."""
        header = job_header(classes=["wh-job-header"])
        title = nodes.paragraph(classes=["wh-job-title"])
        title += nodes.strong(position, position, classes=["wh-position", "p-name"])
        if org:
            where = _part(title, "org" in inherited)
            where += nodes.Text(", ")
            if url:
                where += nodes.reference(org, org, refuri=url, classes=["wh-org", "p-org", "h-card"])
            else:
                where += nodes.inline(org, org, classes=["wh-org", "p-org", "h-card"])
        header += title

        meta = nodes.paragraph(classes=["wh-job-meta"])
        meta += dates_node(start, end)
        if duration:
            meta += nodes.Text(" · ")
            meta += nodes.inline(duration, duration, classes=["wh-duration"])
        if location:
            where = _part(meta, "location" in inherited)
            where += nodes.Text(" · ")
            where += nodes.inline(location, location, classes=["wh-location", "p-location"])
        header += meta
        return header


def _part(parent: nodes.Element, hidden: bool) -> nodes.Element:
    if not hidden:
        return parent
    part = nodes.inline(classes=["wh-inherited"])
    parent += part
    return part


def _cut(date: PartialDate, other: PartialDate) -> PartialDate:
    """*date* at the coarser precision of the two, for comparing them."""
    return date.truncate(coarser(date.precision, other.precision))


def date_text(start: PartialDate | None, end: PartialDate | None) -> str:
    if start is None:
        return end.display() if end else ""
    if end is None:
        return f"{start.display()} – present"
    if end == start:
        return start.display()
    return f"{start.display()} – {end.display()}"


def dates_node(start: PartialDate | None, end: PartialDate | None,
               microformats: bool = True) -> nodes.inline:
    """The dates as ``<time>`` elements; *microformats*: classed ``dt-start``
    and ``dt-end`` (an entry's own dates; not a summary's or a tenure's)."""
    def date(value: PartialDate, *classes: str) -> job_date:
        return job_date(value.display(), value.display(), datetime=value.iso(),
                        classes=list(classes) if microformats else [])

    dates = nodes.inline(classes=["wh-dates"])
    if start is not None and end == start:
        # One period shown once: it is both the start and the end.
        dates += date(start, "dt-start", "dt-end")
        return dates
    if start is not None:
        dates += date(start, "dt-start")
        dates += nodes.Text(" – ")
        if end is None:
            dates += nodes.Text("present")
    if end is not None:
        dates += date(end, "dt-end")
    return dates


def default_today() -> str:
    """SOURCE_DATE_EPOCH's date when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
    return dt.date.today().isoformat()


def _check_today(app: Sphinx, config) -> None:
    value = config.work_history_today
    if isinstance(value, dt.date):
        config.work_history_today = value = value.isoformat()
    if not value:
        config.work_history_today = default_today()
        return
    try:
        PartialDate.parse(value)
    except DateError as exc:
        warn("bad_date", f"work_history_today: {exc}; counting to the build date instead", None)
        config.work_history_today = default_today()


def setup_job(app: Sphinx) -> None:
    app.add_config_value("work_history_today", "", "env", types=frozenset({str, dt.date}),
                         description="the date ongoing entries count to (YYYY, YYYY-MM or "
                                     "YYYY-MM-DD); default: SOURCE_DATE_EPOCH's date, else today")
    app.add_config_value("work_history_durations", True, "env", types=frozenset({bool}),
                         description="show each entry's length")
    app.connect("config-inited", _check_today)
    app.add_directive("job", JobDirective)
