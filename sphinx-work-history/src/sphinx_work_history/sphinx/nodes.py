"""The extension's own nodes, and their visitors for text, man and Texinfo.

The entry is built from standard docutils nodes (paragraphs, strong,
references, inline) so every writer can render it. Custom nodes exist
only where a format needs more:

* `cv_entry` – an entry of any kind: HTML ``<article>``; LaTeX a
  ``workhistoryitem`` environment (dates in the left column, as a role's;
  the heading, who or where, the location and the details beside them)
  around its body, or, for a skill, a language or an interest without
  text, one ``\\workhistorycompact`` line (its name, then its facts).
  The LaTeX visitor reads the entry's record from the domain and its
  view (views.py), as render.py does for HTML.
* `job_entry` – a role (``job``, ``volunteer``): HTML ``<article>``;
  LaTeX a ``workhistoryentry`` environment laid out like moderncv's
  ``\\cventry``.
* `job_header` – the position/organisation/date lines. HTML and text
  show them; LaTeX skips them, as the environment prints the same facts.
* `job_date` – HTML ``<time datetime="…">``; plain text elsewhere.
* `employer_entry` – several roles at one organisation: HTML
  ``<section>``; LaTeX a ``workhistoryemployer`` environment around
  the roles' ``workhistoryentry`` environments.
* `summary_placeholder` – where a ``work-history`` table goes; replaced
  at doctree-resolved (summary.py), and skipped by every writer should
  one ever reach it.

Each subclasses a standard node, so any writer not listed here still
renders it through Sphinx's MRO-based dispatch. The HTML visitors are in
``outputs/html/visitors.py``, the LaTeX ones in ``outputs/latex/visitors.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.application import Sphinx

from ..model import l10n
from ..model.dates import PartialDate

if TYPE_CHECKING:
    pass


class cv_entry(nodes.container):
    """One entry of any kind. Attributes: ``docname`` and ``name``, which name its record."""


class job_entry(cv_entry):
    """One role. Attributes: ``docname`` and ``name``, which name its record;
    when written (render.py), also position, org, url, location, dates, duration."""


class job_header(nodes.container):
    """The entry's header lines (HTML and text only)."""


class job_date(nodes.inline):
    """A date; attribute ``datetime`` holds its ISO form."""


class employer_entry(nodes.container):
    """Several roles at one organisation. Attributes: ``docname`` and ``index``,
    which name its record; when written, also org, url, location, dates, duration."""


class summary_placeholder(nodes.General, nodes.Element):
    """A ``work-history`` directive, until the summary table replaces it."""


def dates_node(start: PartialDate | None, end: PartialDate | None,
               microformats: bool = True, end_unknown: bool = False) -> nodes.inline:
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
        if end_unknown:
            unknown = l10n.word("unknown")
            dates += nodes.inline(unknown, unknown, classes=["wh-end-unknown"])
        elif end is None:
            dates += nodes.Text(l10n.present())
    if end is not None:
        dates += date(end, "dt-end")
    if after:
        dates += nodes.Text(after)
    return dates


def skip(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    raise nodes.SkipNode


# -- text, man, texinfo: the standard nodes underneath do the work -------------

def visit_passthrough(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    pass


def depart_passthrough(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    pass


PASS = (visit_passthrough, depart_passthrough)


def setup_nodes(app: Sphinx) -> None:
    """The nodes, shown in text, man and Texinfo through the standard nodes they hold;
    the HTML and LaTeX visitors are their formats' (outputs/html, outputs/latex)."""
    for node in (cv_entry, job_entry, job_header, employer_entry, job_date):
        app.add_node(node, text=PASS, man=PASS, texinfo=PASS)
    app.add_node(summary_placeholder, html=(skip, None), latex=(skip, None),
                 text=(skip, None), man=(skip, None), texinfo=(skip, None))
