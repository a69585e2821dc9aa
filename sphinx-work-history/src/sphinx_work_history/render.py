"""Entries take their header from their record when a page is written.

A `job_entry` or `employer_entry` node leaves the parser holding only
the name of its record and its body. `FillEntries`, a post-transform that
runs for every builder, gives it the record's facts (attributes the LaTeX
visitors set as ``\\begin{workhistoryentry}{…}``) and the header lines
HTML, ePub and text show, with lengths counted to today's date
(``work_history_today``). So a build on a later day reads no document
again, yet shows the new length of an ongoing role.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import l10n
from .dates import PartialDate
from .domain import get_domain
from .model import EmployerRecord, JobRecord, Span, job_span, tenure
from .nodes import employer_entry, job_date, job_entry, job_header
from .variants import remove_entry


class FillEntries(SphinxPostTransform):
    """Every entry's facts and header, from its record."""

    default_priority = 100  # before the microformats (HTML) and doctree-resolved

    def run(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        for node in list(self.document.findall(job_entry)):
            record = domain.job(node["docname"], node["name"])
            if domain.left_out(record):
                remove_entry(node)  # the variant built leaves it out
            elif record is not None:
                fill_job(node, record, job_span(self.config, record))
        for block in list(self.document.findall(employer_entry)):
            employer = domain.employer(block["docname"], block["index"])
            if employer is not None:
                span = tenure(self.config, employer, domain.jobs_of(employer))
                fill_employer(block, employer, span)


def fill_job(node: job_entry, record: JobRecord, span: Span) -> None:
    # Without a position the organisation heads the entry, inside an employer too.
    org_shown = record.org_shown or not record.position
    node.attributes.update(
        position=record.position, org=record.org, url=record.url, location=record.location,
        dates=span.text, duration=span.length,
        shown_org=record.org if org_shown else "",
        shown_location=record.location if record.location_shown else "")
    node.insert(0, job_header_node(record, span, org_shown))


def fill_employer(node: employer_entry, record: EmployerRecord, span: Span) -> None:
    node.attributes.update(org=record.org, url=record.url, location=record.location,
                           dates=span.text, duration=span.length)
    node.insert(0, employer_header_node(record, span))


def job_header_node(record: JobRecord, span: Span, org_shown: bool) -> job_header:
    """The title and meta lines. An organisation or location the employer's
    header shows stays in the markup, so each entry's microformat is whole,
    but is hidden in HTML (class ``wh-inherited``)."""
    header = job_header(classes=["wh-job-header"])
    title = nodes.paragraph(classes=["wh-job-title"])
    org = _org(record)
    if record.position:
        title += nodes.strong(record.position, record.position,
                              classes=["wh-position", "p-name"])
        if org is not None:
            where = _part(title, hidden=not org_shown)
            where += nodes.Text(", ")
            where += org
    else:  # the organisation heads the entry (a warning was given if there is none)
        name = nodes.strong(classes=["wh-position", "p-name"])
        if org is not None:
            name += org
        title += name
    header += title

    meta = nodes.paragraph(classes=["wh-job-meta"])
    meta += dates_node(record.start, record.end)
    if span.length:
        meta += nodes.Text(" · ")
        meta += nodes.inline(span.length, span.length, classes=["wh-duration"])
    if record.location:
        where = _part(meta, hidden=not record.location_shown)
        where += nodes.Text(" · ")
        where += nodes.inline(record.location, record.location,
                              classes=["wh-location", "p-location"])
    header += meta
    return header


def employer_header_node(record: EmployerRecord, span: Span) -> job_header:
    header = job_header(classes=["wh-employer-header"])
    title = nodes.paragraph(classes=["wh-employer-title"])
    name = nodes.strong(classes=["wh-org"])
    name += (nodes.reference(record.org, record.org, refuri=record.url) if record.url
             else nodes.Text(record.org))
    title += name
    header += title
    meta = nodes.paragraph(classes=["wh-job-meta", "wh-tenure"])
    meta += dates_node(span.start, span.end, microformats=False)
    for text, cls in ((span.length, "wh-duration"), (record.location, "wh-location")):
        if text:
            meta += nodes.Text(" · ")
            meta += nodes.inline(text, text, classes=[cls])
    header += meta
    return header


def _org(record: JobRecord) -> nodes.Element | None:
    if not record.org:
        return None
    classes = ["wh-org", "p-org", "h-card"]
    if record.url:
        return nodes.reference(record.org, record.org, refuri=record.url, classes=classes)
    return nodes.inline(record.org, record.org, classes=classes)


def _part(parent: nodes.Element, hidden: bool) -> nodes.Element:
    if not hidden:
        return parent
    part = nodes.inline(classes=["wh-inherited"])
    parent += part
    return part


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
    before, between, after = l10n.range_parts() if start is not None else ("", "", "")
    if start is not None:
        if before:
            dates += nodes.Text(before)
        dates += date(start, "dt-start")
        dates += nodes.Text(between)
        if end is None:
            dates += nodes.Text(l10n.present())
    if end is not None:
        dates += date(end, "dt-end")
    if after:
        dates += nodes.Text(after)
    return dates


def setup_render(app: Sphinx) -> None:
    app.add_post_transform(FillEntries)
