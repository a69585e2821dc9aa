"""The extension's own nodes and their visitors for every builder.

The entry is built from standard docutils nodes (paragraphs, strong,
references, inline) so every writer can render it. Custom nodes exist
only where a format needs more:

* `job_entry` – HTML ``<article>``; LaTeX a ``workhistoryentry``
  environment laid out like moderncv's ``\\cventry``.
* `job_header` – the position/organisation/date lines. HTML and text
  show them; LaTeX skips them, as the environment prints the same facts.
* `job_date` – HTML ``<time datetime="…">``; plain text elsewhere.

Each subclasses a standard node, so any writer not listed here still
renders it through Sphinx's MRO-based dispatch.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx


class job_entry(nodes.container):
    """One entry. Attributes: position, org, url, location, dates, duration."""


class job_header(nodes.container):
    """The entry's header lines (HTML and text only)."""


class job_date(nodes.inline):
    """A date; attribute ``datetime`` holds its ISO form."""


# -- HTML (and ePub, which uses the HTML visitors) --------------------------

def visit_job_entry_html(self, node: job_entry) -> None:
    self.body.append(self.starttag(node, "article"))


def depart_job_entry_html(self, node: job_entry) -> None:
    self.body.append("</article>\n")


def visit_job_header_html(self, node: job_header) -> None:
    self.body.append(self.starttag(node, "header"))


def depart_job_header_html(self, node: job_header) -> None:
    self.body.append("</header>\n")


def visit_job_date_html(self, node: job_date) -> None:
    self.body.append(self.starttag(node, "time", "", datetime=node["datetime"]))


def depart_job_date_html(self, node: job_date) -> None:
    self.body.append("</time>")


# -- LaTeX --------------------------------------------------------------------

def visit_job_entry_latex(self, node: job_entry) -> None:
    org = self.encode(node["org"])
    if node.get("url"):
        org = r"\href{%s}{%s}" % (self.encode_uri(node["url"]), org)
    args = (self.encode(node["dates"]), self.encode(node["position"]), org,
            self.encode(node.get("location", "")), self.encode(node.get("duration", "")))
    self.body.append("\n" + self.hypertarget_to(node))
    self.body.append("\\begin{workhistoryentry}" + "".join("{%s}" % a for a in args) + "\n")


def depart_job_entry_latex(self, node: job_entry) -> None:
    self.body.append("\n\\end{workhistoryentry}\n")


def skip(self, node: nodes.Node) -> None:
    raise nodes.SkipNode


# -- text, man, texinfo: the standard nodes underneath do the work -------------

def visit_passthrough(self, node: nodes.Node) -> None:
    pass


def depart_passthrough(self, node: nodes.Node) -> None:
    pass


PASS = (visit_passthrough, depart_passthrough)


def setup_nodes(app: Sphinx) -> None:
    app.add_node(job_entry,
                 html=(visit_job_entry_html, depart_job_entry_html),
                 latex=(visit_job_entry_latex, depart_job_entry_latex),
                 text=PASS, man=PASS, texinfo=PASS)
    app.add_node(job_header,
                 html=(visit_job_header_html, depart_job_header_html),
                 latex=(skip, None),
                 text=PASS, man=PASS, texinfo=PASS)
    app.add_node(job_date,
                 html=(visit_job_date_html, depart_job_date_html),
                 latex=PASS, text=PASS, man=PASS, texinfo=PASS)
