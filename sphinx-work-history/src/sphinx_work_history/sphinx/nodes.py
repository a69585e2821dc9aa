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

from docutils import nodes
from sphinx.application import Sphinx

from ..model.dates import PartialDate, dates_parts


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
    """The dates as every output shows them (`dates_parts`), each date a ``<time>``
    element; *microformats*: classed ``dt-start`` and ``dt-end`` (an entry's own
    dates; not a summary's or a tenure's)."""
    dates = nodes.inline(classes=["wh-dates"])
    for part in dates_parts(start, end, end_unknown):
        if part.date is not None:
            classes = _MICROFORMATS[part.role] if microformats else []
            dates += job_date(part.text, part.text, datetime=part.date.iso(),
                              classes=list(classes))
        elif part.role == "unknown":
            dates += nodes.inline(part.text, part.text, classes=["wh-end-unknown"])
        else:
            dates += nodes.Text(part.text)
    return dates


_MICROFORMATS = {"start": ("dt-start",), "end": ("dt-end",), "both": ("dt-start", "dt-end")}


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
