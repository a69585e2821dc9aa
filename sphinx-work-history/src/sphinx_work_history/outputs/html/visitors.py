"""The HTML visitors of the extension's nodes (sphinx/nodes.py); the ePub uses them too.

An entry is an ``<article>`` (a right-to-left language's runs right to left), its
header lines a ``<header>``, an employer's roles a ``<section>``, a date a
``<time datetime="...">``; a list numbered down an ``<ol reversed>``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.application import Sphinx

from ...model.cv_model import REVERSED
from ...model.l10n import direction
from ...sphinx.nodes import cv_entry, employer_entry, job_date, job_entry, job_header

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator


def _direction() -> dict[str, Any]:
    # A right-to-left language (l10n.py): the entry's layout runs right to left.
    return {"dir": "rtl"} if direction() == "rtl" else {}


def visit_job_entry_html(self: HTML5Translator, node: job_entry) -> None:
    self.body.append(self.starttag(node, "article", **_direction()))


def depart_job_entry_html(self: HTML5Translator, node: job_entry) -> None:
    self.body.append("</article>\n")


def visit_job_header_html(self: HTML5Translator, node: job_header) -> None:
    self.body.append(self.starttag(node, "header"))


def depart_job_header_html(self: HTML5Translator, node: job_header) -> None:
    self.body.append("</header>\n")


def visit_employer_entry_html(self: HTML5Translator, node: employer_entry) -> None:
    self.body.append(self.starttag(node, "section", **_direction()))


def depart_employer_entry_html(self: HTML5Translator, node: employer_entry) -> None:
    self.body.append("</section>\n")


def visit_job_date_html(self: HTML5Translator, node: job_date) -> None:
    self.body.append(self.starttag(node, "time", "", datetime=node["datetime"]))


def depart_job_date_html(self: HTML5Translator, node: job_date) -> None:
    self.body.append("</time>")


def visit_enumerated_list_html(self: HTML5Translator, node: nodes.enumerated_list) -> None:
    """Docutils' ``<ol>``, numbered down when the list is of the class ``reversed``
    (sphinx/text.py's `REVERSED`)."""
    type(self).visit_enumerated_list(self, node)
    if REVERSED in node["classes"] and self.body[-1].startswith("<ol"):
        self.body[-1] = self.body[-1].replace("<ol", '<ol reversed="reversed"', 1)


def depart_enumerated_list_html(self: HTML5Translator, node: nodes.enumerated_list) -> None:
    type(self).depart_enumerated_list(self, node)


def setup_html_visitors(app: Sphinx) -> None:
    # Added to each node's visitors (sphinx/nodes.py registers the nodes). No epub=
    # visitors: the ePub builder takes the HTML ones unless it has its own.
    for node in (cv_entry, job_entry):
        app.add_node(node, override=True, html=(visit_job_entry_html, depart_job_entry_html))
    app.add_node(job_header, override=True,
                 html=(visit_job_header_html, depart_job_header_html))
    app.add_node(employer_entry, override=True,
                 html=(visit_employer_entry_html, depart_employer_entry_html))
    app.add_node(job_date, override=True, html=(visit_job_date_html, depart_job_date_html))
    app.add_node(nodes.enumerated_list, override=True,
                 html=(visit_enumerated_list_html, depart_enumerated_list_html))
