"""The ``job`` and ``volunteer`` directives: one role, read into a `JobRecord`
(or a `VolunteerRecord`: unpaid work, published as volunteering).

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

from typing import ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ...config import options as opt
from ...config.messages import warn
from ...config.settings import work_history_config
from ...model.records import JobRecord, VolunteerRecord
from ..domain import get_domain
from ..nodes import job_entry
from .entries import (
    EMPLOYER_KEY,
    IN_JOB_KEY,
    SHORT_FENCE_KEY,
    UNDATED,
    entry_name,
    parse_body,
    read_span,
    register_id,
    tag_index,
)
from .translation import texts_node

JOB_OPTIONS = ("org", "start", "end", "location", "url", "description", "tags", "name",
               "no-duration")


class JobDirective(SphinxDirective):
    record_type: ClassVar[type[JobRecord]] = JobRecord
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
        kind = self.record_type.KIND
        label = f"{kind} " + " at ".join(filter(None, (position, fields["org"]))) if (
            position or fields["org"]) else f"{kind} (no position or :org:)"

        if current.get(IN_JOB_KEY):
            warn("misplaced", f"{label}: a job inside a job is shown as part of the outer "
                 "entry's text", location)
        opt.warn_unreadable(self.options, JOB_OPTIONS, label, location)
        if not fields["org"]:
            hint = (f" (the employer at line {current[SHORT_FENCE_KEY]} closed before this job: "
                    "its fence needs more colons than its jobs')"
                    if current.get(SHORT_FENCE_KEY) else "")
            warn("missing_field", f"{label}: :org: is missing{hint}", location)
        elif not position and not opt.visible(fields["org"]):
            warn("missing_field", f"{label}: there is no position, and :org: shows nothing "
                 "to head the entry", location)
        url = opt.checked_url(fields["url"], label, location)
        start, end, end_unknown = read_span(self.options, label, location,
                                            start_required=True, start_missing=UNDATED,
                                            today=work_history_config(self.config).today)
        tags = opt.split_tags(opt.text(self.options, "tags"))

        domain = get_domain(self.env)
        name = entry_name(self, label, location, fields["org"] or position,
                          start.year if start else None, position, kind)
        _, line = self.get_source_info()
        record = self.record_type(
            name=name, docname=self.env.docname, lineno=line or self.lineno,
            position=position, org=fields["org"], start=start, end=end,
            end_unknown=end_unknown, url=url, location=fields["location"], tags=tags,
            description=opt.text(self.options, "description"),
            show_length="no-duration" not in self.options,
            employer=employer.get("index"),
            # Inside an employer, its header shows what the job does not set itself.
            org_shown=not employer or bool(opt.text(self.options, "org")),
            location_shown=not employer or bool(opt.text(self.options, "location")),
            source=location)
        domain.add_job(record)  # before the body is read, so entries keep document order

        classes = ["wh-job", "h-event", "p-experience"]
        if kind != "job":
            classes = ["wh-job", f"wh-{kind}", "h-event"]
        entry = job_entry(classes=classes, ids=[name], name=name, docname=self.env.docname)
        self.set_source_info(entry)
        register_id(self, entry)
        parse_body(self, entry, label, location)
        texts = texts_node(kind, self.env.docname, name,
                           {"position": position, "org": fields["org"],
                            "location": fields["location"],
                            "description": record.description}, *self.get_source_info())
        return [texts, *tag_index(tags, record.title, name), entry]


class VolunteerDirective(JobDirective):
    record_type = VolunteerRecord


def setup_job(app: Sphinx) -> None:
    app.add_directive("job", JobDirective)
    app.add_directive("volunteer", VolunteerDirective)
