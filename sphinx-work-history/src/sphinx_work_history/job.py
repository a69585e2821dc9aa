"""The ``job`` directive: one role, read into a `JobRecord`.

    :::{job} Lead Infra Engineer
    :org: Heroku
    :start: 2014
    :end: 2016
    The role's own text.
    :::

The position (the argument) is optional: an entry without one is headed by
its organisation. While reading, the directive records the entry's facts
in the domain and leaves a `job_entry` node holding only the entry's name
and its body; render.py builds the header from the record when the page
is written. Every problem is a warning (see messages.py) and the entry
is still rendered with what could be read.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import options as opt
from .dates import PRESENT, DateError, PartialDate, coarser
from .domain import get_domain, target_name
from .messages import warn
from .model import JobRecord
from .nodes import job_entry
from .rawtext import raw_as_text
from .translation import texts_node

JOB_OPTIONS = ("org", "start", "end", "location", "url", "tags", "name", "no-duration")
# Keys of env.current_document while a directive's content is parsed: what an
# employer hands down to its jobs, and whether a job is being read.
EMPLOYER_KEY = "work_history:employer"
IN_JOB_KEY = "work_history:in_job"


class JobDirective(SphinxDirective):
    has_content = True
    required_arguments = 0
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
        label = "job " + " at ".join(filter(None, (position, fields["org"]))) if (
            position or fields["org"]) else "job (no position or :org:)"

        if current.get(IN_JOB_KEY):
            warn("misplaced", f"{label}: a job inside a job is shown as part of the outer "
                 "entry's text", location)
        opt.warn_unreadable(self.options, JOB_OPTIONS, label, location)
        if not fields["org"]:
            warn("missing_field", f"{label}: :org: is missing", location)
        elif not position and not opt.visible(fields["org"]):
            warn("missing_field", f"{label}: there is no position, and :org: shows nothing "
                 "to head the entry", location)
        url = opt.checked_url(fields["url"], label, location)
        start, end = self._dates(label, location)
        tags = opt.split_tags(opt.text(self.options, "tags"))

        domain = get_domain(self.env)
        name = self._name(label, location, fields["org"], position, start)
        _, line = self.get_source_info()
        record = JobRecord(
            name=name, docname=self.env.docname, lineno=line or self.lineno,
            position=position, org=fields["org"], start=start, end=end, url=url,
            location=fields["location"], tags=tags,
            show_length="no-duration" not in self.options,
            employer=employer.get("index"),
            # Inside an employer, its header shows what the job does not set itself.
            org_shown=not employer or bool(opt.text(self.options, "org")),
            location_shown=not employer or bool(opt.text(self.options, "location")),
            source=location)
        domain.add_job(record)  # before the body is read, so entries keep document order

        entry = job_entry(classes=["wh-job", "h-event", "p-experience"], ids=[name],
                          name=name, docname=self.env.docname)
        self.set_source_info(entry)
        result: list[nodes.Node] = [texts_node(
            "job", self.env.docname, name,
            {"position": position, "org": fields["org"], "location": fields["location"]},
            *self.get_source_info())]
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
    def _dates(self, label: str, location: str
               ) -> tuple[PartialDate | None, PartialDate | None]:
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

    def _name(self, label: str, location: str, org: str, position: str,
              start: PartialDate | None) -> str:
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
        candidates = [base, target_name(f"{base} {position}")]
        candidates += [f"{base}-{n}" for n in range(2, len(taken) + 3)]
        return next(c for c in candidates if c and c not in taken)


def _cut(date: PartialDate, other: PartialDate) -> PartialDate:
    """*date* at the coarser precision of the two, for comparing them."""
    return date.truncate(coarser(date.precision, other.precision))


def setup_job(app: Sphinx) -> None:
    app.add_directive("job", JobDirective)
