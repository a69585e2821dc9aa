"""Microformats2 h-resume around the entries of an HTML page.

Each entry already is a ``p-experience h-event`` (nodes.py, job.py); an
mf2 parser only files it under a résumé when an ``h-resume`` encloses it.
For every document that holds entries, the outermost section around them
becomes the ``h-resume`` and its heading's text the résumé's ``p-name``.

A role that starts and ends in the same period shows one ``<time>``; it is
marked both ``dt-start`` and ``dt-end``, so parsers read the end too.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from .domain import get_domain
from .nodes import job_date, job_entry


def _outermost_section(node: nodes.Node) -> nodes.section | None:
    found = None
    while node is not None:
        if isinstance(node, nodes.section):
            found = node
        node = node.parent
    return found


def _mark_resume_root(section: nodes.section) -> None:
    if "h-resume" in section["classes"]:
        return
    section["classes"].append("h-resume")
    title = next((child for child in section.children if isinstance(child, nodes.title)), None)
    if title is not None:
        name = nodes.inline("", "", *title.children, classes=["p-name"])
        title.children = []
        title += name


def _mark_single_date(entry: job_entry, env) -> None:
    domain = get_domain(env)
    record = next((domain.jobs[name] for name in entry["ids"] if name in domain.jobs), None)
    if record is None or record.end is None or record.end != record.start:
        return
    dates = list(entry.findall(job_date))
    if any("dt-end" in d["classes"] for d in dates):
        return
    for date in dates:
        if "dt-start" in date["classes"]:
            date["classes"].append("dt-end")


def _mark_entries(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "html":
        return
    entries = list(doctree.findall(job_entry))
    for entry in entries:
        _mark_single_date(entry, app.env)
    sections = [_outermost_section(entry) for entry in entries]
    if None in sections:
        # Entries outside any section (a page without a title): the whole
        # page is the résumé.
        wrapper = nodes.container(classes=["h-resume"])
        wrapper.extend(list(doctree.children))
        doctree.children = [wrapper]
        wrapper.parent = doctree
        return
    for section in sections:
        _mark_resume_root(section)


def setup_microformats(app: Sphinx) -> None:
    app.connect("doctree-resolved", _mark_entries)
