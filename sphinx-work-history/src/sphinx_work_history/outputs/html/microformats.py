"""Microformats2 h-resume around the entries of an HTML page.

A role already is a ``p-experience h-event`` (job.py, render.py); an mf2
parser only files it under a résumé when an ``h-resume`` encloses it. For
every document that holds entries, the outermost section around them
becomes the ``h-resume`` and its heading's text the résumé's ``p-name``.
The other kinds take h-resume's properties where one fits
(each kind's ``MICROFORMAT``, kinds.py): education is a ``p-education h-event``, a skill's name
a ``p-skill``, a volunteer role a ``p-affiliation h-card`` (the
organisation its name, the position its ``p-role``); publications and
talks are ``h-cite`` s, the rest ``h-item`` s, so their names and dates
stay theirs and never become the résumé's.

The résumé's ``p-contact h-card`` (name, url, email, tel, adr and photo
from ``work_history_person``) is written as ``<data>`` elements: the
pages show these facts elsewhere (the hub's contact block), not beside
the entries.
"""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform

from ...config.person import image_url
from ...config.settings import work_history_config
from ...model.kinds import Record
from ...sphinx.domain import get_domain
from ...sphinx.nodes import cv_entry

ADR_FIELDS = (("p-street-address", "address"), ("p-locality", "city"),
              ("p-region", "region"), ("p-postal-code", "postalCode"),
              ("p-country-name", "countryCode"))


def _data(cls: str, value: str) -> str:
    return f'<data class="{cls}" value="{escape(value)}"></data>'


def contact_card(config: Config) -> nodes.raw | None:
    person = work_history_config(config).person
    fields = [("p-name", person.get("name")), ("u-url", person.get("url")),
              ("u-email", f"mailto:{person['email']}" if person.get("email") else None),
              ("p-tel", person.get("phone")), ("u-photo", image_url(person))]
    inner = "".join(_data(cls, value) for cls, value in fields if value)
    location = person.get("location") or {}
    if adr := "".join(_data(cls, location[key]) for cls, key in ADR_FIELDS
                      if location.get(key)):
        inner += f'<data class="p-adr h-adr" value="">{adr}</data>'
    if not inner:
        return None
    html = f'<data class="p-contact h-card" value="{escape(person.get("name", ""))}">{inner}</data>'
    return nodes.raw("", html, format="html")


def _outermost_section(node: nodes.Node) -> nodes.section | None:
    found = None
    parent: nodes.Node | None = node
    while parent is not None:
        if isinstance(parent, nodes.section):
            found = parent
        parent = parent.parent
    return found


def _mark_resume_root(root: nodes.Element, config: Config) -> None:
    if "h-resume" in root["classes"]:
        return
    root["classes"].append("h-resume")
    title = next((child for child in root.children if isinstance(child, nodes.title)), None)
    if title is not None:
        name = nodes.inline("", "", classes=["p-name"])
        name.extend(title.children)
        title[:] = [name]
    if (card := contact_card(config)) is not None:
        root.insert(root.index(title) + 1 if title is not None else 0, card)


def _swap(node: nodes.Element, old: str, *new: str) -> None:
    """Every element under *node* classed *old* is classed *new* instead."""
    for element in node.findall(nodes.Element):
        if old in element["classes"]:
            element["classes"] = [c for c in element["classes"] if c != old] + [
                c for c in new if c not in element["classes"]]


def mark_entry(entry: cv_entry, record: Record) -> None:
    """The entry's microformat root classes and properties, as its kind declares
    them (`Record.MICROFORMAT`, `Record.MF_SWAPS`)."""
    if record.MICROFORMAT is None:
        return  # its directive's (a role's p-experience h-event: job.py)
    entry["classes"] = [c for c in entry["classes"] if c != "h-event"]
    for old, new in record.MF_SWAPS:
        _swap(entry, old, *new)
    if record.heading_in_body:  # the sentence's link is the entry's name and address
        url = getattr(record, record.HEADING_LINK) if record.HEADING_LINK else ""
        link = next((ref for ref in entry.findall(nodes.reference)
                     if url and ref.get("refuri") == url), None)
        if link is not None:
            link["classes"] += ["p-name", "u-url"]
    entry["classes"] += list(record.MICROFORMAT)


class Microformats(SphinxPostTransform):
    """The h-resume of an HTML page that holds entries."""

    default_priority = 110  # after render.py has filled the entries
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        entries = list(self.document.findall(cv_entry))
        domain = get_domain(self.env)
        for entry in entries:
            record = domain.record(entry["docname"], entry["name"])
            if record is not None:
                mark_entry(entry, record)
        roots: list[nodes.Element | None] = [_outermost_section(entry) for entry in entries]
        if None in roots:
            # Entries outside any section (a page without a title): the whole
            # page is the résumé.
            wrapper = nodes.container()
            wrapper.extend(list(self.document.children))
            self.document[:] = [wrapper]
            roots = [wrapper]
        for root in roots:
            if root is not None:
                _mark_resume_root(root, self.config)


def setup_microformats(app: Sphinx) -> None:
    app.add_post_transform(Microformats)
