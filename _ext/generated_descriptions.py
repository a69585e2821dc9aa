"""A ``<meta name="description">`` for the pages Sphinx writes itself.

sphinxext-opengraph describes every page made from a document; the index,
the search page and the 404 page have no document, so no description.
Search engines (and Lighthouse's SEO audit) ask every page for one.
"""

from __future__ import annotations

import html
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

DESCRIPTIONS = {
    "genindex": "Index of {project}: every entry and term, A to Z.",
    "search": "Search the pages of {project}: the work history, the writing and the talks.",
    "404": "There is nothing at this address on {project}; the home page says who I am.",
}


def _describe(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
              doctree: nodes.document | None) -> None:
    if app.builder.name == "epub" or pagename not in DESCRIPTIONS:
        return
    metatags = context.get("metatags", "")
    if 'name="description"' not in metatags:
        text = DESCRIPTIONS[pagename].format(project=app.config.project)
        context["metatags"] = metatags + (
            f'\n<meta name="description" content="{html.escape(text, quote=True)}" />')


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("html-page-context", _describe)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
