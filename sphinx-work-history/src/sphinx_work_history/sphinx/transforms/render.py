"""Entries take their header from their record when a page is written.

A `cv_entry` (any kind), `job_entry` or `employer_entry` node leaves the
parser holding only the name of its record and its body. `FillEntries`, a post-transform that
runs for every builder, gives it the record's facts (attributes the LaTeX
visitors set as ``\\begin{workhistoryentry}{…}``) and the header lines
HTML, ePub and text show, with lengths counted to today's date
(``work_history_today``). So a build on a later day reads no document
again, yet shows the new length of an ongoing role.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ...config.settings import work_history_config
from ...model.kinds import Record
from ...model.records import EmployerRecord, JobRecord, Span, job_span, span_of, tenure
from ...model.views import Detail, describe
from ..domain import get_domain
from ..nodes import cv_entry, dates_node, employer_entry, job_entry, job_header


class FillEntries(SphinxPostTransform):
    """Every entry's facts and header, from its record."""

    default_priority = 100  # before the microformats (HTML) and doctree-resolved

    def run(self, **kwargs: Any) -> None:
        domain, settings = get_domain(self.env), work_history_config(self.config)
        for node in list(self.document.findall(cv_entry)):
            record = domain.record(node["docname"], node["name"])
            if domain.left_out(record):
                remove_entry(node)  # the variant built leaves it out
            elif isinstance(node, job_entry) and isinstance(record, JobRecord):
                fill_job(node, record, job_span(settings, record))
            elif record is not None:
                span = span_of(settings, record)
                node["dates"] = span.text  # as LaTeX's environment sets them
                header = entry_header_node(record, span)
                if header.children:
                    node.insert(0, header)
        for block in list(self.document.findall(employer_entry)):
            employer = domain.employer(block["docname"], block["index"])
            if employer is not None:
                # A variant's tenure counts only the roles it keeps.
                span = tenure(settings, employer, domain.kept_jobs_of(employer))
                fill_employer(block, employer, span)


def fill_job(node: job_entry, record: JobRecord, span: Span) -> None:
    # Without a position the organisation heads the entry, inside an employer too.
    org_shown = record.org_shown or record.subtitle_leads
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
    if not record.subtitle_leads:
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
    if record.description:  # the organisation in one line
        description = nodes.paragraph(classes=["wh-job-meta", "wh-job-description"])
        description += nodes.emphasis(record.description, record.description)
        header += description

    meta = nodes.paragraph(classes=["wh-job-meta"])
    meta += dates_node(record.start, record.end, end_unknown=record.end_unknown)
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
    meta += dates_node(span.start, span.end, microformats=False, end_unknown=span.end_unknown)
    for text, cls in ((span.length, "wh-duration"), (record.location, "wh-location")):
        if text:
            meta += nodes.Text(" · ")
            meta += nodes.inline(text, text, classes=[cls])
    header += meta
    return header


def entry_header_node(record: Record, span: Span) -> job_header:
    """The heading line and the facts line of an entry of any kind but a role:
    standard nodes, so every builder shows them."""
    view = describe(record)
    header = job_header(classes=["wh-entry-header"])
    if not record.heading_in_body:  # else the body shows the heading, as its link
        title = nodes.paragraph(classes=["wh-entry-title"])
        if view.label:  # a numbered list's label leads the entry, as in a reference list
            title += nodes.inline(view.label, view.label, classes=["wh-label"])
            title += nodes.Text(" ")
        heading = nodes.strong(classes=["wh-heading", "p-name"])
        heading += _heading(record, view.heading, view.heading_url)
        title += heading
        if view.subtitle:
            title += nodes.Text(", ")
            title += nodes.inline("", "", _linked(view.subtitle, view.subtitle_url),
                                  classes=["wh-subtitle"])
        header += title
    facts: list[nodes.Node] = []
    if view.label and record.heading_in_body:  # no heading line: it leads the facts
        facts.append(nodes.inline(view.label, view.label, classes=["wh-label"]))
    if span.start is not None:
        facts.append(dates_node(span.start, span.end, end_unknown=span.end_unknown))
    if view.location:
        facts.append(nodes.inline(view.location, view.location,
                                  classes=["wh-location", "p-location"]))
    facts.extend(_detail(detail) for detail in view.details)
    if facts:
        meta = nodes.paragraph(classes=["wh-job-meta"])
        for index, fact in enumerate(facts):
            if index:
                meta += nodes.Text(" · ")
            meta += fact
        header += meta
    return header


#: The docutils node of each mark of a run of a title's rich text (csl_markup).
MARK_NODES: dict[str, type[nodes.TextElement]] = {
    "italic": nodes.emphasis, "bold": nodes.strong, "sup": nodes.superscript,
    "sub": nodes.subscript}


def _heading(record: Record, text: str, url: str) -> nodes.Node:
    """The heading, its runs in italics, bold, superscript or subscript when its
    record has them (a CSL-JSON title) and they still spell it (a translated
    heading is shown as its text)."""
    runs: tuple[tuple[str, str], ...] = getattr(record, "heading_runs", ())
    if not runs or "".join(piece for piece, _ in runs) != text:
        return _linked(text, url, "u-url")
    holder: nodes.Element = (nodes.reference(text, refuri=url, classes=["u-url"]) if url
                             else nodes.inline(text))
    for piece, marks in runs:
        node: nodes.Node = nodes.Text(piece)
        for mark in marks.split():
            node = MARK_NODES[mark](piece, "", node)
        holder += node
    return holder


def _linked(text: str, url: str, *classes: str) -> nodes.Node:
    if url:
        return nodes.reference(text, text, refuri=url, classes=list(classes))
    return nodes.Text(text)


def _detail(detail: Detail) -> nodes.inline:
    node = nodes.inline(classes=["wh-detail"])
    if detail.label:
        node += nodes.Text(f"{detail.label}: ")
    if not detail.parts:
        node += _linked(detail.text, detail.url)
        return node
    for index, (text, italic, bold) in enumerate(detail.parts):
        if index:
            node += nodes.Text(", ")
        part: nodes.Node = nodes.Text(text)
        if italic:
            part = nodes.emphasis(text, "", part)
        if bold:
            part = nodes.strong(text, "", part)
        node += part
    return node


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


def remove_entry(node: nodes.Element) -> None:
    """Take a left-out entry off its page, with its index entries; an employer
    or a section left without an entry goes too."""
    parent = node.parent
    if parent is None:
        return
    section = next((a for a in _ancestors(node) if isinstance(a, nodes.section)), None)
    index = parent.index(node)
    before = parent[index - 1] if index > 0 else None
    if isinstance(before, addnodes.index) and all(
            entry[2] == node["name"] for entry in before["entries"]):
        parent.remove(before)
    parent.remove(node)
    employer = parent
    while employer is not None and not isinstance(employer, employer_entry):
        employer = employer.parent
    if employer is not None and employer.parent is not None and not any(
            employer.findall(job_entry)):
        employer.parent.remove(employer)
    # A section that held entries, all left out, and no subsection: its
    # heading and words would introduce nothing.
    if (section is not None and section.parent is not None
            and not any(section.findall(cv_entry))
            and not any(isinstance(c, nodes.section) for c in section.children)):
        section.parent.remove(section)


def _ancestors(node: nodes.Node) -> Iterable[nodes.Node]:
    while node.parent is not None:
        node = node.parent
        yield node


KINDS_CSS = "work_history_kinds.css"


def kinds_stylesheet(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                     doctree: nodes.document | None) -> None:
    """The other kinds' layouts (and the photo's), on the pages that show one
    only: a page of roles (the home page) loads no more than it shows."""
    if doctree is not None and (
            any(not isinstance(node, job_entry) for node in doctree.findall(cv_entry))
            or any("wh-contact-photo" in image["classes"]
                   for image in doctree.findall(nodes.image))):
        app.add_css_file(KINDS_CSS)  # called now: for this page only


def setup_render(app: Sphinx) -> None:
    app.add_post_transform(FillEntries)
    app.connect("html-page-context", kinds_stylesheet)
