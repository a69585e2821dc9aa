"""The ``employer`` directive: several roles at one organisation.

    ::::{employer}
    :org: Heroku
    :::{job} Engineer
    :start: 2014
    :::
    :::{job} Lead Engineer
    :start: 2015
    :end: 2016
    :::
    ::::

The roles inside inherit ``:org:``, ``:url:`` and ``:location:``; the
employer's header shows the organisation and the total tenure, from the
earliest start to the latest end (ongoing if any role is).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import options as opt
from .dates import PartialDate
from .job import EMPLOYER_KEY, IN_JOB_KEY, date_text, dates_node, length_text
from .messages import warn
from .nodes import employer_entry, job_header
from .rawtext import raw_as_text

EMPLOYER_OPTIONS = ("org", "url", "location", "no-duration")


class EmployerDirective(SphinxDirective):
    has_content = True
    optional_arguments = 1  # the organisation may be the argument instead of :org:
    final_argument_whitespace = True
    option_spec = opt.option_spec(*EMPLOYER_OPTIONS)

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        current = self.env.current_document
        argument = " ".join(self.arguments[0].split()) if self.arguments else ""
        org = opt.text(self.options, "org") or argument
        if argument and argument != org:
            warn("bad_option", f"employer {org}: both an argument ({argument!r}) and :org: "
                 "name the organisation; :org: is used", location)
        label = f"employer {org or '(no :org:)'}"
        if current.get(EMPLOYER_KEY) or current.get(IN_JOB_KEY):
            warn("misplaced", f"{label}: an employer inside a job or an employer is not "
                 "supported; its roles are shown as part of the outer entry", location)
        opt.warn_unreadable(self.options, EMPLOYER_OPTIONS, label, location)
        if not org:
            warn("missing_field", f"{label}: :org: is missing", location)
        url = opt.checked_url(opt.text(self.options, "url"), label, location)
        where = opt.text(self.options, "location")

        body = nodes.container(classes=["wh-employer-body"])
        fields = {"org": org, "url": url, "location": where, "spans": []}
        outer = current.get(EMPLOYER_KEY)
        current[EMPLOYER_KEY] = fields
        try:
            self.state.nested_parse(self.content, self.content_offset, body)
        finally:
            current[EMPLOYER_KEY] = outer
        raw_as_text(body, label, self.env.docname, location)

        spans: list[tuple[PartialDate, PartialDate | None]] = fields["spans"]
        start = end = None
        if spans:
            start = min(s for s, _ in spans)
            ends = [e for _, e in spans]
            end = None if None in ends else max(ends)  # type: ignore[type-var]
        else:
            warn("missing_field", f"{label}: holds no job with a readable :start:, so no "
                 "tenure is shown", location)
        duration = length_text(self.config, self.options, start, end)

        entry = employer_entry(classes=["wh-employer"], org=org, url=url, location=where,
                               dates=date_text(start, end), duration=duration)
        self.set_source_info(entry)
        entry += _header(org, url, where, start, end, duration)
        entry += body
        return [entry]


def _header(org, url, where, start, end, duration) -> job_header:
    header = job_header(classes=["wh-employer-header"])
    title = nodes.paragraph(classes=["wh-employer-title"])
    name = nodes.strong(classes=["wh-org"])
    name += nodes.reference(org, org, refuri=url) if url else nodes.Text(org)
    title += name
    header += title
    meta = nodes.paragraph(classes=["wh-job-meta", "wh-tenure"])
    meta += dates_node(start, end, microformats=False)
    for text, cls in ((duration, "wh-duration"), (where, "wh-location")):
        if text:
            meta += nodes.Text(" · ")
            meta += nodes.inline(text, text, classes=[cls])
    header += meta
    return header


def setup_employer(app: Sphinx) -> None:
    app.add_directive("employer", EmployerDirective)
