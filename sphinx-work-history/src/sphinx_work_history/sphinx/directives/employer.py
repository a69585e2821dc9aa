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

The roles inside inherit ``:org:``, ``:url:`` and ``:location:`` and name
the employer in their records; the employer's header (render.py) shows the
organisation and the total tenure, computed from those records when the
page is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ...config import options as opt
from ...config.messages import warn
from ...model.records import EmployerRecord
from ..domain import get_domain
from ..nodes import employer_entry
from ..rawtext import raw_as_text
from .entries import EMPLOYER_KEY, IN_JOB_KEY, SHORT_FENCE_KEY
from .translation import texts_node

EMPLOYER_OPTIONS = ("org", "url", "location", "no-duration")
_JOB_FENCE = re.compile(r"\s*(:{3,}|`{3,})\s*\{(?:work_history:)?job\}")


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
        if (fence := unclosed_job_fence(self.content)) is not None:
            # The first job's closing fence closed the employer: the roles after it
            # are outside it (and their :org: is missing).
            warn("misplaced", f"{label}: the employer's fence needs more colons than its "
                 f"jobs' (for example ::::{{employer}} around {fence}{{job}}): with as many, "
                 "the first job's closing fence closes the employer, and the roles after it "
                 "are not in it", location)
            current[SHORT_FENCE_KEY] = self.get_source_info()[1] or self.lineno
        if not org:
            warn("missing_field", f"{label}: :org: is missing", location)

        domain = get_domain(self.env)
        docname = self.env.docname
        _, line = self.get_source_info()
        record = EmployerRecord(
            index=domain.next_employer_index(docname), docname=docname,
            lineno=line or self.lineno, org=org,
            url=opt.checked_url(opt.text(self.options, "url"), label, location),
            location=opt.text(self.options, "location"),
            show_length="no-duration" not in self.options, source=location)
        domain.add_employer(record)

        body = nodes.container(classes=["wh-employer-body"])
        outer = current.get(EMPLOYER_KEY)
        current[EMPLOYER_KEY] = {"index": record.index, "org": org, "url": record.url,
                                 "location": record.location}
        try:
            self.state.nested_parse(self.content, self.content_offset, body)
        finally:
            current[EMPLOYER_KEY] = outer
        raw_as_text(body, label, docname, location)
        if not any(job.start for job in domain.jobs_of(record)):
            warn("missing_field", f"{label}: holds no job with a readable :start:, so no "
                 "tenure is shown", location)

        entry = employer_entry(classes=["wh-employer"], index=record.index, docname=docname)
        self.set_source_info(entry)
        entry += body
        texts = texts_node("employer", docname, record.index,
                           {"org": org, "location": record.location}, *self.get_source_info())
        return [texts, entry]


def unclosed_job_fence(lines: Iterable[str]) -> str | None:
    """The fence of a ``job`` opened in *lines* and never closed there, if any:
    a sign that the job's closing fence ended the enclosing block instead."""
    opened: list[str] = []
    for line in lines:
        if match := _JOB_FENCE.match(line):
            opened.append(match[1])
        elif opened and (text := line.strip()) and text[0] == opened[-1][0] and \
                set(text) == {text[0]} and len(text) >= len(opened[-1]):
            opened.pop()
    return opened[0] if opened else None


def setup_employer(app: Sphinx) -> None:
    app.add_directive("employer", EmployerDirective)
