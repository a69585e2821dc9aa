"""The whole CV read from the pages, for the builders that write it as one file.

`read_cv` gathers what the CV shows, in the order the pages show it
(cv_model.py): the person, then every section of the CV's pages – the
root document with its toctrees' documents inlined where they stand, as
the LaTeX builder assembles them – with its prose and its entries. Each
entry's header comes from its record (views.py), its body from the page.
The pages are read as the builder resolves them, so ``only`` blocks
follow the builder's tags (its format, ``cv``, is one), a variant's
left-out entries are gone, and references are resolved. Pages that
``work_history_exclude_docs`` names are left out; a page with entries
that no toctree reaches comes after the rest.

A body becomes `Paragraph`, `BulletList` and `Aside` blocks; what else
it holds (quotes, containers) gives up its paragraphs and lists; a
work-history table, a toctree and raw markup are navigation or for one
format only, and are left out. Links to other pages of the project mean
nothing in a single file: only web and mail addresses stay links.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.builders import Builder
from sphinx.util.matching import Matcher
from sphinx.util.nodes import inline_all_toctrees

from .compat import resolved_doctree
from .cv_model import (
    CV,
    Aside,
    Block,
    BulletList,
    Contact,
    EmployerGroup,
    Entry,
    Item,
    Paragraph,
    PublicationItem,
    Run,
    Section,
    clean,
    is_link,
)
from .domain import get_domain
from .kinds import Record
from .messages import warn
from .model import EmployerRecord, JobRecord, span_of, tenure
from .nodes import cv_entry, employer_entry, job_header
from .text import SKIPPED, entry_body
from .views import Detail, describe

__all__ = ["CV", "Aside", "Block", "BulletList", "Contact", "EmployerGroup", "Entry",
           "Item", "Paragraph", "PublicationItem", "Run", "Section", "read_cv"]


# -- inline text --------------------------------------------------------------
def runs_of(node: nodes.Node, style: Run | None = None) -> Iterator[Run]:
    """The runs of *node*'s inline content, its styles carried down."""
    style = style or Run("")
    if isinstance(node, nodes.Text):
        if text := clean(str(node)):
            yield replace(style, text=text)
        return
    if isinstance(node, (*SKIPPED, nodes.footnote_reference, nodes.citation_reference)):
        return
    if isinstance(node, nodes.emphasis):
        style = replace(style, emphasis=True)
    elif isinstance(node, nodes.strong):
        style = replace(style, strong=True)
    elif isinstance(node, nodes.literal):
        style = replace(style, literal=True)
    elif isinstance(node, nodes.reference) and is_link(node.get("refuri", "")):
        style = replace(style, url=node["refuri"])
    elif isinstance(node, nodes.image):
        if alt := clean(node.get("alt", "")):
            yield replace(style, text=alt)
        return
    for child in node.children if isinstance(node, nodes.Element) else ():
        yield from runs_of(child, style)


def paragraph_of(*parts: nodes.Node) -> Paragraph:
    """The inline content of *parts* as one paragraph, white space collapsed."""
    runs: list[Run] = []
    for index, part in enumerate(parts):
        for run in (Run(" "), *runs_of(part)) if index else runs_of(part):
            text = re.sub(r"\s+", " ", run.text)
            if (not runs or runs[-1].text.endswith(" ")) and text.startswith(" "):
                text = text[1:]
            if not text:
                continue
            if runs and replace(runs[-1], text="") == replace(run, text=""):
                runs[-1] = replace(runs[-1], text=runs[-1].text + text)
            else:
                runs.append(replace(run, text=text))
    if runs:  # no white space at the end
        runs[-1] = replace(runs[-1], text=runs[-1].text.rstrip())
    return Paragraph(tuple(run for run in runs if run.text))


# -- blocks -------------------------------------------------------------------
_LISTS = (nodes.bullet_list, nodes.enumerated_list)


def _list_items(node: nodes.Element, depth: int) -> Iterator[tuple[int, Paragraph]]:
    for item in node.children:
        if not isinstance(item, nodes.list_item):
            continue
        text = paragraph_of(*(c for c in item.children if not isinstance(c, _LISTS)))
        if text.runs:
            yield depth, text
        for child in item.children:
            if isinstance(child, _LISTS):
                yield from _list_items(child, depth + 1)


def _navigation(node: nodes.Node) -> bool:
    """A toctree, a work-history table, a comment: nothing a CV file shows.
    Raw markup is left out too, with a warning (one format's markup only)."""
    if isinstance(node, nodes.raw):
        text = node.astext().strip()
        if not (text.startswith("<!--") and text.endswith("-->")):
            warn("left_out", f"raw {node.get('format', '')} markup {text[:40]!r} is left "
                 "out of the CV file (it is markup for one format only)", node)
        return True
    if isinstance(node, (*SKIPPED, nodes.substitution_definition, addnodes.toctree,
                         job_header)):
        return True
    return isinstance(node, nodes.Element) and bool(
        {"toctree-wrapper", "wh-summary", "wh-summary-empty"} & set(node["classes"]))


def blocks_of(children: list[nodes.Node]) -> Iterator[Block]:
    """Paragraphs, bullet lists and asides, from body elements."""
    for child in children:
        if _navigation(child):
            continue
        if isinstance(child, (nodes.Admonition, nodes.sidebar, nodes.topic)):
            title = next((c for c in child.children if isinstance(c, nodes.title)), None)
            heading = paragraph_of(title).text if title is not None else (
                "" if isinstance(child, nodes.admonition)
                else child.tagname.replace("_", " ").capitalize())
            rest = [c for c in child.children if not isinstance(c, nodes.title)]
            yield Aside(heading, tuple(blocks_of(rest)))
        elif isinstance(child, _LISTS):
            items = tuple(_list_items(child, 0))
            if items:
                yield BulletList(items)
        elif isinstance(child, (nodes.paragraph, nodes.literal_block, nodes.rubric,
                                nodes.title, nodes.line_block)):
            paragraph = paragraph_of(child)
            if isinstance(child, nodes.literal_block):
                paragraph = Paragraph(tuple(replace(r, literal=True) for r in paragraph.runs))
            if paragraph.runs:
                yield paragraph
        elif isinstance(child, nodes.Element) and any(
                isinstance(c, nodes.Element) for c in child.children):
            yield from blocks_of(child.children)  # quotes, containers
        elif (paragraph := paragraph_of(child)).runs:
            yield paragraph


# -- the whole CV -----------------------------------------------------------------
def _contacts(person: dict[str, Any]) -> tuple[Contact, ...]:
    contacts = []
    if email := person.get("email"):
        contacts.append(Contact("Email", email, f"mailto:{email}"))
    if phone := person.get("phone"):
        contacts.append(Contact("Phone", phone, "tel:" + re.sub(r"[^0-9+]", "", phone)))
    if url := person.get("url"):
        contacts.append(Contact("Web", url, url))
    location = person.get("location") or {}
    if where := ", ".join(location[key] for key in ("address", "postalCode", "city",
                                                    "region", "countryCode")
                          if location.get(key)):
        contacts.append(Contact("Location", where))
    for profile in person.get("profiles", ()):
        shown = profile.get("url") or profile.get("username", "")
        if shown:
            contacts.append(Contact(profile.get("network", "Profile"), shown,
                                    profile.get("url", "")))
    return tuple(Contact(clean(c.label), clean(c.text), c.url) for c in contacts)


def assembled_doctree(builder: Builder) -> nodes.document:
    """The root document with every document of its toctrees inlined where the
    toctree stands, resolved for *builder* (as Sphinx's LaTeX builder does)."""
    env = builder.env
    root = env.config.root_doc
    tree = inline_all_toctrees(builder, set(), root, env.get_doctree(root), str, [root])
    tree["docname"] = root
    env.resolve_references(tree, root, builder)
    return tree


def _holds_pages(node: nodes.Element) -> bool:
    return any(isinstance(c, (addnodes.start_of_file, nodes.section, cv_entry, employer_entry))
               for c in node.findall(include_self=False))


class _Reader:
    """Walks the assembled pages, section by section, into `Section` s."""

    def __init__(self, builder: Builder) -> None:
        self.config = builder.config
        self.domain = get_domain(builder.env)
        self.excluded = Matcher(self.config.work_history_exclude_docs)
        self.sections: list[Section] = []
        self.title, self.depth = "", 0
        self.items: list[Item] = []

    def open(self, title: str, depth: int) -> None:
        """End the section being read; what follows is under *title*."""
        if self.items:
            self.sections.append(Section(self.title, self.depth, tuple(self.items)))
        self.title, self.depth, self.items = title, max(depth, 0), []

    def read(self, node: nodes.Element, depth: int) -> None:
        """*node*'s children; *depth* is that of the section holding them (-1:
        the root document, whose own title is the CV's start, depth 0)."""
        pending: list[nodes.Node] = []

        def flush() -> None:
            self.items.extend(blocks_of(pending))
            pending.clear()

        for child in node.children:
            if isinstance(child, (cv_entry, employer_entry, nodes.section,
                                  addnodes.start_of_file)) or (
                    isinstance(child, (nodes.compound, nodes.container))
                    and _holds_pages(child)):
                flush()
            if isinstance(child, addnodes.start_of_file):
                if not self.excluded(child["docname"]):
                    self.read(child, 0)  # a page: its title has depth 1
                self.open("", depth)  # what follows is the outer section's again
            elif isinstance(child, nodes.section):
                title = next((c for c in child.children if isinstance(c, nodes.title)), None)
                self.open(paragraph_of(title).text if title is not None else "", depth + 1)
                self.read(child, depth + 1)
                self.open("", depth)
            elif isinstance(child, employer_entry):
                if (group := self.employer(child)) is not None:
                    self.items.append(group)
            elif isinstance(child, cv_entry):
                if (entry := self.entry(child)) is not None:
                    self.items.append(entry)
            elif isinstance(child, (nodes.compound, nodes.container)) and _holds_pages(child):
                self.read(child, depth)  # a wrapper of pages or entries
            elif not isinstance(child, nodes.title):  # a section's title is its heading
                pending.append(child)
        flush()

    def entry(self, node: nodes.Element) -> Entry | None:
        record: Record | None = self.domain.record(node["docname"], node["name"])
        if record is None or self.excluded(record.docname):
            return None
        view, span = describe(record), span_of(self.config, record)
        body = entry_body(node)
        org, location = view.subtitle, view.location
        if isinstance(record, JobRecord):
            # Inside an employer, its header names what the role does not set itself.
            org = org if record.org_shown or not record.position else ""
            location = location if record.location_shown else ""
        return Entry(
            kind=record.KIND, position=clean(view.heading), org=clean(org),
            org_url=view.subtitle_url if org else "", dates=clean(span.text),
            length=clean(span.length), location=clean(location),
            body=tuple(blocks_of(body.children)) if body is not None else (),
            url=view.heading_url, headed=not record.heading_in_body,
            details=tuple(Detail(clean(d.label), clean(d.text), d.url) for d in view.details))

    def employer(self, node: nodes.Element) -> EmployerGroup | None:
        record: EmployerRecord | None = self.domain.employer(node["docname"], node["index"])
        if record is None:
            return None
        entries = tuple(entry for child in node.findall(cv_entry)
                        if (entry := self.entry(child)) is not None)
        span = tenure(self.config, record, self.domain.kept_jobs_of(record))
        return EmployerGroup(clean(record.org), record.url, clean(span.text),
                             clean(span.length), clean(record.location), entries)


def read_cv(builder: Builder) -> CV:
    env = builder.env
    config = builder.config
    domain = get_domain(env)
    resume = domain.resume()
    reader = _Reader(builder)
    reader.read(assembled_doctree(builder), -1)
    # Pages with published entries that no toctree of the root document reaches.
    reached = set(domain.toctree_order())
    for docname in domain.page_order():
        if docname in reached or reader.excluded(docname) or not any(
                record.name in domain.published for record in domain.entries_by_doc[docname]):
            continue
        reader.open("", 0)
        reader.read(resolved_doctree(builder, docname), 0)
    reader.open("", 0)
    sections = list(reader.sections)
    shown = set(domain.toctree_order())
    if resume.publications and not shown.issuperset(config.work_history_publications):
        # The links on publications pages that no entry holds, and the CV does not show.
        items = BulletList(tuple(
            (0, PublicationItem(clean(p.name), p.url, clean(p.summary)).paragraph)
            for p in resume.publications))
        sections.append(Section("Publications", 1, (items,)))
    person = resume.person
    return CV(
        name=clean(person.get("name", "")), label=clean(person.get("label", "")),
        language=config.language or "en", contacts=_contacts(person),
        sections=tuple(sections), image=person.get("image", ""))
