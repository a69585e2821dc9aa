"""The extension's own nodes and their visitors for every builder.

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
renders it through Sphinx's MRO-based dispatch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.application import Sphinx

from ..config.budget import entry_name_latex
from ..model import l10n
from ..model.cv_model import COMPACT_KINDS
from ..model.dates import PartialDate
from ..model.kinds import Record
from ..model.l10n import direction
from ..model.records import span_of
from ..model.views import EntryView, describe

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
    """The entry's record, from the domain (by name: this module is below it)."""
    domain: Any = self.builder.env.get_domain("work_history")
    record: Record | None = domain.record(node["docname"], node["name"])
    return record


def _latex_link(self: LaTeXTranslator, text: str, url: str) -> str:
    text = self.encode(text)
    return rf"\href{{{self.encode_uri(url)}}}{{{text}}}" if text and url else text


def _latex_facts(self: LaTeXTranslator, view: EntryView) -> str:
    details = [(f"{self.encode(d.label)}: " if d.label else "") + _latex_link(self, d.text, d.url)
               for d in view.details]
    return r" \textperiodcentered{} ".join(details)


def _entry_view(self: LaTeXTranslator, node: cv_entry
                ) -> tuple[EntryView, str, bool, bool] | None:
    """The entry's view, its dates as shown, whether its body shows its heading,
    and whether it is set as one line."""
    record = _record(self, node)
    if record is None:
        return None
    view = describe(record)
    compact = record.KIND in COMPACT_KINDS and not any(
        isinstance(child, nodes.Element) and "wh-job-body" in child["classes"]
        for child in node.children)  # no text (text.py's entry_body: a layer above)
    return view, span_of(self.config, record).text, record.heading_in_body, compact


def visit_cv_entry_latex(self: LaTeXTranslator, node: cv_entry) -> None:
    found = _entry_view(self, node)
    if found is None:
        self.body.append("\n" + self.hypertarget_to(node) if node["ids"] else "\n")
        return
    view, dates, in_body, compact = found
    heading = "" if in_body else _latex_link(
        self, view.heading, view.heading_url)
    if compact:
        self.body.append("\n" + self.hypertarget_to(node) if node["ids"] else "\n")
        self.body.append(f"\\workhistorycompact{{{heading}}}{{{_latex_facts(self, view)}}}\n")
        raise nodes.SkipNode
    subtitle = "" if in_body else _latex_link(
        self, view.subtitle, view.subtitle_url)
    _latex_begin(self, node, "workhistoryitem", self.encode(dates), heading, subtitle,
                 self.encode(view.location), _latex_facts(self, view))
    self.body.append(entry_name_latex(view.heading, view.subtitle))


def depart_cv_entry_latex(self: LaTeXTranslator, node: cv_entry) -> None:
    if _entry_view(self, node) is not None:
        self.body.append("\n\\end{workhistoryitem}\n")

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


def visit_job_header_latex(self: LaTeXTranslator, node: job_header) -> None:
    # A role's or an employer's LaTeX environment sets its header from the
    # node's attributes; any other entry's header is standard nodes, set as they are.
    if isinstance(node.parent, (job_entry, employer_entry)):
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
                 latex=(visit_cv_entry_latex, depart_cv_entry_latex),
                 text=PASS, man=PASS, texinfo=PASS)
    app.add_node(job_entry,
                 html=(visit_job_entry_html, depart_job_entry_html),
                 latex=(visit_job_entry_latex, depart_job_entry_latex),
                 text=PASS, man=PASS, texinfo=PASS)
    app.add_node(job_header,
                 html=(visit_job_header_html, depart_job_header_html),
                 latex=(visit_job_header_latex, depart_passthrough),
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
