"""The extension's own nodes and their visitors for every builder.

The entry is built from standard docutils nodes (paragraphs, strong,
references, inline) so every writer can render it. Custom nodes exist
only where a format needs more:

* `cv_entry` – an entry of any kind: HTML ``<article>``; in LaTeX its
  standard nodes (the header render.py gives it, then its body), after
  a hypertarget references can reach.
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
renders it through Sphinx's MRO-based dispatch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.application import Sphinx

from . import l10n
from .budget import entry_name_latex
from .dates import PartialDate
from .l10n import direction

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator


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


# -- HTML (and ePub, which uses the HTML visitors) --------------------------

def visit_cv_entry_latex(self: LaTeXTranslator, node: cv_entry) -> None:
    self.body.append("\n" + self.hypertarget_to(node) if node["ids"] else "\n")
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


# -- LaTeX --------------------------------------------------------------------

def _latex_org(self: LaTeXTranslator, org: str, url: str) -> str:
    org = self.encode(org)
    if org and url:
        org = rf"\href{{{self.encode_uri(url)}}}{{{org}}}"
    return org


def _latex_begin(self: LaTeXTranslator, node: nodes.Element, environment: str, *args: str) -> None:
    self.body.append("\n" + self.hypertarget_to(node) if node["ids"] else "\n")
    arguments = "".join(f"{{{arg}}}" for arg in args)
    self.body.append(f"\\begin{{{environment}}}{arguments}\n")


def visit_job_entry_latex(self: LaTeXTranslator, node: job_entry) -> None:
    # Inside an employer, its environment already names the organisation.
    org = node.get("shown_org", node.get("org", ""))
    location = node.get("shown_location", node.get("location", ""))
    _latex_begin(self, node, "workhistoryentry", self.encode(node.get("dates", "")),
                 self.encode(node.get("position", "")),
                 _latex_org(self, org, node.get("url", "")),
                 self.encode(location), self.encode(node.get("duration", "")))
    # The name the page budget's message gives the entry (budget.py).
    self.body.append(entry_name_latex(node.get("position", ""), node.get("org", "")))
    if node.get("duration") and not _has_text(node):
        # The length under the dates needs a line of its own (an {only} block
        # may have left the entry without text).
        self.body.append("\\workhistorynotext\n")


def _has_text(node: job_entry) -> bool:
    return any(not isinstance(child, (job_header, nodes.Invisible)) and child.astext().strip()
               for child in node.children)


def depart_job_entry_latex(self: LaTeXTranslator, node: job_entry) -> None:
    self.body.append("\n\\end{workhistoryentry}\n")


def visit_employer_entry_latex(self: LaTeXTranslator, node: employer_entry) -> None:
    _latex_begin(self, node, "workhistoryemployer", self.encode(node.get("dates", "")),
                 _latex_org(self, node.get("org", ""), node.get("url", "")),
                 self.encode(node.get("location", "")), self.encode(node.get("duration", "")))


def depart_employer_entry_latex(self: LaTeXTranslator, node: employer_entry) -> None:
    self.body.append("\n\\end{workhistoryemployer}\n")


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
    app.add_node(cv_entry,
                 html=(visit_job_entry_html, depart_job_entry_html),
                 latex=(visit_cv_entry_latex, depart_passthrough),
                 text=PASS, man=PASS, texinfo=PASS)
    app.add_node(job_entry,
                 html=(visit_job_entry_html, depart_job_entry_html),
                 latex=(visit_job_entry_latex, depart_job_entry_latex),
                 text=PASS, man=PASS, texinfo=PASS)
    app.add_node(job_header,
                 html=(visit_job_header_html, depart_job_header_html),
                 latex=(skip, None),
                 text=PASS, man=PASS, texinfo=PASS)
    app.add_node(employer_entry,
                 html=(visit_employer_entry_html, depart_employer_entry_html),
                 latex=(visit_employer_entry_latex, depart_employer_entry_latex),
                 text=PASS, man=PASS, texinfo=PASS)
    app.add_node(summary_placeholder, html=(skip, None), latex=(skip, None),
                 text=(skip, None), man=(skip, None), texinfo=(skip, None))
    app.add_node(job_date,
                 html=(visit_job_date_html, depart_job_date_html),
                 latex=PASS, text=PASS, man=PASS, texinfo=PASS)
