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
again when they change although its own source did not: the records of
the documents about to be read are noted before the read and compared
after it; when they differ, ``env-get-updated`` names the summary pages
and the home page (whose JSON-LD lists every role, see jsonld.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from . import options as opt
from .domain import JobRecord, get_domain
from .job import dates_node
from .messages import warn
from .nodes import summary_placeholder

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
        get_domain(self.env).note_summary(self.env.docname)
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


def select(records: Iterable[JobRecord], tags: Sequence[str], since: int,
           limit: int) -> list[JobRecord]:
    """The entries a summary shows, in the order given (newest first)."""
    wanted = {tag.casefold() for tag in tags}
    chosen = [
        record for record in records
        if (not wanted or wanted & {tag.casefold() for tag in record.tags})
        and (not since or record.end is None or record.end.year >= since)
    ]
    return chosen[:limit] if limit else chosen


def summary_table(builder: Builder, fromdocname: str, records: Sequence[JobRecord],
                  durations: bool) -> nodes.Element:
    if not records:
        return nodes.paragraph("", "No entries match.", classes=["wh-summary-empty"])
    headings = ["Role", "Organisation", "Dates"] + (["Length"] if durations else [])
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
        link = make_refnode(builder, fromdocname, record.docname, record.name,
                            nodes.inline(record.position, record.position), record.title)
        cells: list[nodes.Node] = [link, nodes.Text(record.org),
                                   dates_node(record.start, record.end, microformats=False)]
        if durations:
            cells.append(nodes.Text(record.duration))
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
        table = summary_table(app.builder, docname, chosen, app.config.work_history_durations)
        table.source, table.line = node.source, node.line
        node.replace_self(table)


# -- keeping summary pages up to date ---------------------------------------------

def _note_before_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    domain = get_domain(env)
    domain.before_read.update(domain.fingerprint(docnames))


def _note_removed(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                  removed: set[str]) -> list[str]:
    domain = get_domain(env)
    domain.before_read = domain.fingerprint(removed)
    return []


def _overviews_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = get_domain(env)
    before, domain.before_read = domain.before_read, {}
    if before != domain.fingerprint(before):
        return sorted(set(domain.summaries) | {env.config.root_doc})
    return []


def setup_summary(app: Sphinx) -> None:
    app.add_config_value("work_history_exclude_docs", [], "env",
                         types=frozenset({list, tuple}),
                         description="glob patterns of documents whose entries summaries and "
                                     "exports leave out (such as a page of examples)")
    app.add_directive("work-history", WorkHistoryDirective)
    app.connect("doctree-resolved", _fill_summaries)
    app.connect("env-get-outdated", _note_removed)
    app.connect("env-before-read-docs", _note_before_read)
    app.connect("env-get-updated", _overviews_to_rewrite)
