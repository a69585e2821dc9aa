"""The ``work-history`` directive: a table of every entry in the project.

    :::{work-history}
    :tags: databases, python
    :since: 2011
    :limit: 5
    :::

While reading, the directive leaves a `summary_placeholder`; once every
document is read, ``doctree-resolved`` replaces it with a standard
docutils table built from the domain, newest first, each position
linking to its entry. Standard table nodes render in every builder (a
real table in LaTeX and ePub too).

A summary shows entries of other documents, so its page must be written
again when they change although its own source did not: collector.py
names it to Sphinx then.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from ...config import options as opt
from ...config.messages import warn
from ...config.settings import work_history_config
from ...model.l10n import word
from ...model.records import JobRecord, job_span
from ...model.selection import select
from ..domain import get_domain
from ..nodes import dates_node, summary_placeholder

SUMMARY_OPTIONS = ("tags", "since", "limit")


class WorkHistoryDirective(SphinxDirective):
    # Text or an argument is a mistake: accepted here so the warning is ours.
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = opt.option_spec(*SUMMARY_OPTIONS)

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        if self.arguments or self.content:
            warn("bad_option", "work-history takes options only; its argument and text are "
                 "ignored", location)
        opt.warn_unreadable(self.options, SUMMARY_OPTIONS, "work-history", location)
        node = summary_placeholder(tags=self._tags(location), since=self._since(location),
                                   limit=self._limit(location))
        self.set_source_info(node)
        return [node]

    def _tags(self, location: str) -> list[str]:
        tags = list(opt.split_tags(opt.text(self.options, "tags")))
        if "tags" in self.options and not tags:
            warn("bad_option", "work-history: :tags: is empty; every entry is shown", location)
        return tags

    def _since(self, location: str) -> int:
        if "since" not in self.options:
            return 0
        text = opt.text(self.options, "since")
        if len(text) == 4 and text.isascii() and text.isdigit() and text != "0000":
            return int(text)
        warn("bad_option", f"work-history: :since: {text!r} is not a year (YYYY); "
             "entries of every year are shown", location)
        return 0

    def _limit(self, location: str) -> int:
        if "limit" not in self.options:
            return 0
        text = opt.text(self.options, "limit")
        if text.isascii() and text.isdigit() and int(text) > 0:
            return int(text)
        warn("bad_option", f"work-history: :limit: {text!r} is not a positive whole number; "
             "every entry is shown", location)
        return 0


def summary_table(builder: Builder, fromdocname: str, records: Sequence[JobRecord]
                  ) -> nodes.Element:
    if not records:
        return nodes.paragraph("", word("No entries match."), classes=["wh-summary-empty"])
    settings = work_history_config(builder.config)
    durations = settings.durations
    headings = [word(text) for text in ("Role", "Organisation", "Dates")] + (
        [word("Length")] if durations else [])
    widths = [40, 25, 22, 13][: len(headings)]
    table = nodes.table(classes=["wh-summary"], align="left")
    group = nodes.tgroup(cols=len(headings))
    table += group
    group.extend(nodes.colspec(colwidth=width) for width in widths)
    head, body = nodes.thead(), nodes.tbody()
    group += head
    group += body
    head += _row([nodes.Text(text) for text in headings])
    for record in records:
        # Without a position, the role cell is empty and the organisation links the entry.
        named = record.lead[0]
        link = make_refnode(builder, fromdocname, record.docname, record.name,
                            nodes.inline(named, named), record.title)
        cells: list[nodes.Node] = ([nodes.Text(""), link] if record.subtitle_leads
                                   else [link, nodes.Text(record.org)])
        cells.append(dates_node(record.start, record.end, microformats=False,
                                end_unknown=record.end_unknown))
        if durations:
            cells.append(nodes.Text(job_span(settings, record).length))
        body += _row(cells)
    return table


def _row(cells: Iterable[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += nodes.paragraph("", "", cell)
        row += entry
    return row


def _fill_summaries(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(summary_placeholder))
    if not placeholders:
        return
    records = get_domain(app.env).newest_first()
    for node in placeholders:
        chosen = select(records, node["tags"], node["since"], node["limit"])
        table = summary_table(app.builder, docname, chosen)
        table.source, table.line = node.source, node.line
        node.replace_self(table)


def setup_summary(app: Sphinx) -> None:
    app.add_directive("work-history", WorkHistoryDirective)
    app.connect("doctree-resolved", _fill_summaries)
