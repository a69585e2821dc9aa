"""The LaTeX visitors of the extension's nodes (sphinx/nodes.py).

* `cv_entry`: a ``workhistoryitem`` environment (dates in the left column, as a
  role's; the heading, who or where, the location and the details beside them)
  around its body, or, for a skill, a language or an interest without text, one
  ``\\workhistorycompact`` line (its name, then its facts). It reads the entry's
  record from the domain and its view (model/views.py), as render.py does for HTML.
* `job_entry`: a ``workhistoryentry`` environment laid out like moderncv's
  ``\\cventry``; `employer_entry` a ``workhistoryemployer`` environment around its
  roles'.
* `job_header`: skipped inside every entry's environment (and with a compact
  line), which prints the same heading and facts from the record.
* `job_date`: its text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.application import Sphinx

from ...config.budget import entry_name_latex
from ...model.kinds import Record
from ...model.views import EntryView, describe
from ...sphinx.domain import get_domain
from ...sphinx.nodes import (
    PASS,
    cv_entry,
    depart_passthrough,
    employer_entry,
    job_date,
    job_entry,
    job_header,
)

if TYPE_CHECKING:
    from sphinx.writers.latex import LaTeXTranslator


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
    record = _record(self, node)
    if description := getattr(record, "description", ""):  # the organisation in one line
        self.body.append(f"\\workhistorydescription{{{self.encode(description)}}}\n")
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


def _record(self: LaTeXTranslator, node: nodes.Element) -> Record | None:
    """The entry's record, from the domain."""
    return get_domain(self.builder.env).record(node["docname"], node["name"])


def _latex_link(self: LaTeXTranslator, text: str, url: str) -> str:
    text = self.encode(text)
    return rf"\href{{{self.encode_uri(url)}}}{{{text}}}" if text and url else text


def _latex_facts(self: LaTeXTranslator, view: EntryView, in_body: bool = False) -> str:
    details = [(f"{self.encode(d.label)}: " if d.label else "") + _latex_link(self, d.text, d.url)
               for d in view.details]
    if view.label and in_body:  # no heading line: the label leads the facts
        details.insert(0, self.encode(view.label))
    return r" \textperiodcentered{} ".join(details)


def _entry_view(self: LaTeXTranslator, node: cv_entry
                ) -> tuple[EntryView, str, bool, bool] | None:
    """The entry's view, its dates as shown, whether its body shows its heading,
    and whether it is set as one line."""
    record = _record(self, node)
    if record is None:
        return None
    view = describe(record)
    compact = record.COMPACT and not any(
        isinstance(child, nodes.Element) and "wh-job-body" in child["classes"]
        for child in node.children)  # no text (text.py's entry_body: a layer above)
    return view, node.get("dates", ""), record.heading_in_body, compact


def visit_cv_entry_latex(self: LaTeXTranslator, node: cv_entry) -> None:
    found = _entry_view(self, node)
    if found is None:
        self.body.append("\n" + self.hypertarget_to(node) if node["ids"] else "\n")
        return
    view, dates, in_body, compact = found
    heading = "" if in_body else _latex_link(
        self, view.heading, view.heading_url)
    if heading and view.label:  # a numbered list's label leads, in regular weight
        heading = rf"\textmd{{{self.encode(view.label)}}} {heading}"
    if compact:
        self.body.append("\n" + self.hypertarget_to(node) if node["ids"] else "\n")
        self.body.append(f"\\workhistorycompact{{{heading}}}{{{_latex_facts(self, view)}}}\n")
        raise nodes.SkipNode
    subtitle = "" if in_body else _latex_link(
        self, view.subtitle, view.subtitle_url)
    _latex_begin(self, node, "workhistoryitem", self.encode(dates), heading, subtitle,
                 self.encode(view.location), _latex_facts(self, view, in_body))
    self.body.append(entry_name_latex(view.heading, view.subtitle))


def depart_cv_entry_latex(self: LaTeXTranslator, node: cv_entry) -> None:
    if _entry_view(self, node) is not None:
        self.body.append("\n\\end{workhistoryitem}\n")


def visit_job_header_latex(self: LaTeXTranslator, node: job_header) -> None:
    # Each entry's LaTeX environment sets its heading and facts itself: a role's
    # and an employer's from the node's attributes, any other kind's from its
    # record (render.py's header lines are for HTML and text). A header elsewhere
    # is standard nodes, set as they are.
    if isinstance(node.parent, (cv_entry, employer_entry)):
        raise nodes.SkipNode


def setup_latex_visitors(app: Sphinx) -> None:
    # Added to each node's visitors (sphinx/nodes.py registers the nodes).
    app.add_node(cv_entry, override=True, latex=(visit_cv_entry_latex, depart_cv_entry_latex))
    app.add_node(job_entry, override=True,
                 latex=(visit_job_entry_latex, depart_job_entry_latex))
    app.add_node(job_header, override=True, latex=(visit_job_header_latex, depart_passthrough))
    app.add_node(employer_entry, override=True,
                 latex=(visit_employer_entry_latex, depart_employer_entry_latex))
    app.add_node(job_date, override=True, latex=PASS)
