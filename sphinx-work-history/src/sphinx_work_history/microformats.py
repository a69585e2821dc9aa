"""Microformats2 h-resume around the entries of an HTML page.

Each entry already is a ``p-experience h-event`` (job.py, render.py); an
mf2 parser only files it under a résumé when an ``h-resume`` encloses it.
For every document that holds entries, the outermost section around them
becomes the ``h-resume`` and its heading's text the résumé's ``p-name``.

The résumé's ``p-contact h-card`` (name, url, email from
``work_history_person``) is written as ``<data>`` elements: the pages show
these facts elsewhere (the home page), not beside the entries.
"""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform

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


class Microformats(SphinxPostTransform):
    """The h-resume of an HTML page that holds entries."""

    default_priority = 110  # after render.py has filled the entries
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        roots: list[nodes.Element | None] = [
            _outermost_section(entry) for entry in self.document.findall(job_entry)]
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
