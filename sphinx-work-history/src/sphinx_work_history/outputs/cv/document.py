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

Text becomes `Paragraph`, `BulletList` and `Aside` blocks (text.py's
`blocks_of`, the one extractor); raw markup is left out with a warning.
Links to other pages of the project mean nothing in a single file: only
web and mail addresses stay links.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.builders import Builder
from sphinx.util.matching import Matcher
from sphinx.util.nodes import inline_all_toctrees

from ...config.compat import resolved_doctree
from ...config.messages import warn
from ...config.options import is_web_url
from ...config.settings import work_history_config
from ...model.cv_model import (
    CV,
    BulletList,
    EmployerGroup,
    Entry,
    Item,
    PublicationItem,
    Section,
    clean,
    contacts_of,
)
from ...model.kinds import Record
from ...model.l10n import word
from ...model.records import EmployerRecord, JobRecord, span_of, tenure
from ...model.views import Detail, describe
from ...sphinx.domain import get_domain
from ...sphinx.nodes import cv_entry, employer_entry
from ...sphinx.text import blocks_of, entry_body, paragraph_of
from ..html.contact import PHOTO_NAME
from ..photo import fetched_photo, photo_types


# -- the whole CV -----------------------------------------------------------------
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
        self.settings = work_history_config(builder.config)
        self.domain = get_domain(builder.env)
        self.excluded = Matcher(self.settings.exclude_docs)
        self.sections: list[Section] = []
        self.title, self.depth = "", 0
        self.items: list[Item] = []

    def open(self, title: str, depth: int) -> None:
        """End the section being read; what follows is under *title*."""
        if self.items or self.title:
            self.sections.append(Section(self.title, self.depth, tuple(self.items)))
        self.title, self.depth, self.items = title, max(depth, 0), []

    def read(self, node: nodes.Element, depth: int) -> None:
        """*node*'s children; *depth* is that of the section holding them (-1:
        the root document, whose own title is the CV's start, depth 0)."""
        pending: list[nodes.Node] = []

        def flush() -> None:
            for raw in (n for node in pending for n in node.findall(nodes.raw)):
                text = raw.astext().strip()
                if not (text.startswith("<!--") and text.endswith("-->")):  # a comment
                    warn("left_out", f"raw {raw.get('format', '')} markup {text[:40]!r} is "
                         "left out of the CV file (it is markup for one format only)", raw)
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
        if record is None or self.domain.published.get(record.name) is not record:
            return None  # an excluded page's, a role without a start (its warning says so)
        view, span = describe(record), span_of(self.settings, record)
        body = entry_body(node)
        org, location = view.subtitle, view.location
        if isinstance(record, JobRecord):
            # Inside an employer, its header names what the role does not set itself.
            org = org if record.org_shown or record.subtitle_leads else ""
            location = location if record.location_shown else ""
        return Entry(
            kind=record.KIND, position=clean(view.heading), org=clean(org),
            org_url=view.subtitle_url if org else "", dates=clean(span.text),
            length=clean(span.length), location=clean(location),
            body=tuple(blocks_of(body.children)) if body is not None else (),
            url=view.heading_url, headed=not record.heading_in_body, compact_kind=record.COMPACT,
            label=clean(view.label),
            details=tuple(Detail(clean(d.label), clean(d.text), d.url,
                                 tuple((clean(t), i, b) for t, i, b in d.parts))
                          for d in view.details))

    def employer(self, node: nodes.Element) -> EmployerGroup | None:
        record: EmployerRecord | None = self.domain.employer(node["docname"], node["index"])
        if record is None:
            return None
        entries = tuple(entry for child in node.findall(cv_entry)
                        if (entry := self.entry(child)) is not None)
        span = tenure(self.settings, record, self.domain.kept_jobs_of(record))
        return EmployerGroup(clean(record.org), record.url, clean(span.text),
                             clean(span.length), clean(record.location), entries)


def headed_only(sections: list[Section]) -> list[Section]:
    """*sections* without the empty ones, but for a heading whose subsections
    hold something (a page whose title only its subsections follow)."""
    kept = []
    for index, section in enumerate(sections):
        if not section.items:
            after = next((later for later in sections[index + 1:]
                          if later.items or later.depth <= section.depth), None)
            if after is None or after.depth <= section.depth:
                continue
        kept.append(section)
    return kept


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
    sections = headed_only(reader.sections)
    shown = set(domain.toctree_order())
    publications = work_history_config(config).publications
    if resume.publications and not shown.issuperset(publications):
        # The links on publications pages that no entry holds, and the CV does not show.
        items = BulletList(tuple(
            (0, PublicationItem(clean(p.name), p.url, clean(p.summary)).paragraph)
            for p in resume.publications))
        sections.append(Section(word("Publications"), 1, (items,)))
    person = resume.person
    return CV(
        name=clean(person.get("name", "")), label=clean(person.get("label", "")),
        language=config.language or "en", contacts=contacts_of(person),
        sections=tuple(sections), image=_photo(builder, person))


def _photo(builder: Builder, person: dict[str, Any]) -> str:
    """The photo as the CV files use it: its copy in the output folder (contact.py,
    or photo.py's of a photo at a web address, for a builder that embeds a file),
    or its web address."""
    image: str = person.get("image", "")
    if image and not is_web_url(image):
        copy = Path(builder.outdir, PHOTO_NAME + Path(image).suffix.lower())
        return str(copy) if copy.is_file() else ""
    if image and photo_types(builder):
        fetched = fetched_photo(builder.outdir)
        return str(fetched) if fetched else ""  # photo.py has said why there is none
    return image
