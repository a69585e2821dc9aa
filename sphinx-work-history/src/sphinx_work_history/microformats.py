"""Microformats2 h-resume around the entries of an HTML page.

Each entry already is a ``p-experience h-event`` (nodes.py, job.py); an
mf2 parser only files it under a résumé when an ``h-resume`` encloses it.
For every document that holds entries, the outermost section around them
becomes the ``h-resume`` and its heading's text the résumé's ``p-name``.

The résumé's ``p-contact h-card`` (name, url, email from
``work_history_person``) is written as ``<data>`` elements: the pages show
these facts elsewhere (the home page), not beside the entries.
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from .nodes import job_entry
from .person import get_person


def contact_card(config: Config) -> nodes.raw | None:
    person = get_person(config)
    fields = [("p-name", person.get("name")), ("u-url", person.get("url")),
              ("u-email", f"mailto:{person['email']}" if person.get("email") else None)]
    inner = "".join(f'<data class="{cls}" value="{escape(value)}"></data>'
                    for cls, value in fields if value)
    if not inner:
        return None
    html = f'<data class="p-contact h-card" value="{escape(person.get("name", ""))}">{inner}</data>'
    return nodes.raw("", html, format="html")


def _outermost_section(node: nodes.Node) -> nodes.section | None:
    found = None
    while node is not None:
        if isinstance(node, nodes.section):
            found = node
        node = node.parent
    return found


def _mark_resume_root(root: nodes.Element, config: Config) -> None:
    if "h-resume" in root["classes"]:
        return
    root["classes"].append("h-resume")
    title = next((child for child in root.children if isinstance(child, nodes.title)), None)
    if title is not None:
        name = nodes.inline("", "", *title.children, classes=["p-name"])
        title.children = []
        title += name
    if (card := contact_card(config)) is not None:
        root.insert(root.index(title) + 1 if title is not None else 0, card)


def _mark_entries(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "html":
        return
    entries = list(doctree.findall(job_entry))
    sections = [_outermost_section(entry) for entry in entries]
    if None in sections:
        # Entries outside any section (a page without a title): the whole
        # page is the résumé.
        wrapper = nodes.container()
        wrapper.extend(list(doctree.children))
        doctree.children = [wrapper]
        wrapper.parent = doctree
        sections = [wrapper]
    for section in sections:
        _mark_resume_root(section, app.config)


def setup_microformats(app: Sphinx) -> None:
    app.connect("doctree-resolved", _mark_entries)
