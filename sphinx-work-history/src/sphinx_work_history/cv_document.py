"""The whole CV as a few plain blocks, for the builders that write it as one file.

`read_cv` gathers what the CV shows, in the order it shows it: the person
(name, label, contact details), the hub's introduction, every published
entry newest first (its header from the record, its body from the page)
and the publications. Bodies are read from the doctrees as the builder
resolves them, so ``only`` blocks follow the builder's tags and
references are resolved.

A body becomes `Paragraph` and `BulletList` blocks of `Run` s (text with
emphasis, strong, literal or a link); what else it holds (admonitions,
quotes, containers) gives up its paragraphs and lists. Links to other
pages of the project mean nothing in a single file: only web and mail
addresses stay links. Each builder (cv_text.py, cv_markdown.py,
cv_docx.py) sets these blocks in its own format.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.builders import Builder

from .compat import resolved_doctree
from .domain import get_domain
from .l10n import word
from .model import JobRecord, job_span
from .nodes import job_entry
from .text import SKIPPED, entry_body

# What XML 1.0 (and so a DOCX) cannot hold, and what no reader wants.
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    return _UNWANTED.sub("", text)


@dataclass(frozen=True)
class Run:
    text: str
    emphasis: bool = False
    strong: bool = False
    literal: bool = False
    url: str = ""  # a web or mail address: the run is a link


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class BulletList:
    items: tuple[tuple[int, Paragraph], ...]  # (depth from 0, the item's text)


Block = Paragraph | BulletList


@dataclass(frozen=True)
class Contact:
    label: str  # what it is: "Email", "Web", or a profile's network
    text: str  # as shown
    url: str = ""


@dataclass(frozen=True)
class Entry:
    position: str
    org: str
    org_url: str
    dates: str
    length: str
    location: str
    body: tuple[Block, ...]

    @property
    def heading(self) -> str:
        """The position, and the organisation after it; without a position, the organisation."""
        if self.position and self.org:
            return f"{self.position}, {self.org}"
        return self.position or self.org

    @property
    def meta(self) -> str:
        return " · ".join(part for part in (self.dates, self.length, self.location) if part)


@dataclass(frozen=True)
class PublicationItem:
    title: str
    url: str
    summary: str  # the paragraph the link stands in, which often holds the title

    @property
    def paragraph(self) -> Paragraph:
        """The summary with the title in it as the link, or the link then the summary."""
        link = Run(self.title, url=self.url)
        runs: tuple[Run, ...]
        before, found, after = self.summary.partition(self.title)
        if found and self.title:
            runs = (Run(before), link, Run(after))
        elif self.summary:
            runs = (link, Run(f": {self.summary}"))
        else:
            runs = (link,)
        return Paragraph(tuple(run for run in runs if run.text))


@dataclass(frozen=True)
class CV:
    name: str
    label: str
    language: str
    contacts: tuple[Contact, ...]
    introduction: tuple[Block, ...]
    entries: tuple[Entry, ...]
    publications: tuple[PublicationItem, ...] = field(default=())

    EXPERIENCE = "Experience"
    PUBLICATIONS = "Publications"


def is_link(url: str) -> bool:
    return url.startswith(("http://", "https://", "mailto:"))


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


def blocks_of(children: list[nodes.Node]) -> Iterator[Block]:
    """Paragraphs and bullet lists, from body elements."""
    for child in children:
        if isinstance(child, (*SKIPPED, nodes.substitution_definition, addnodes.toctree)):
            continue
        # A resolved toctree: navigation.
        if isinstance(child, nodes.Element) and "toctree-wrapper" in child["classes"]:
            continue
        if isinstance(child, _LISTS):
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
            yield from blocks_of(child.children)  # admonitions, quotes, containers
        elif (paragraph := paragraph_of(child)).runs:
            yield paragraph


# -- the whole CV -----------------------------------------------------------------
def _contacts(person: dict[str, Any]) -> tuple[Contact, ...]:
    contacts = []
    if email := person.get("email"):
        contacts.append(Contact(word("Email"), email, f"mailto:{email}"))
    if url := person.get("url"):
        contacts.append(Contact(word("Web"), url, url))
    location = person.get("location") or {}
    if where := ", ".join(location[key] for key in ("city", "region", "countryCode")
                          if location.get(key)):
        contacts.append(Contact(word("Location"), where))
    for profile in person.get("profiles", ()):
        shown = profile.get("url") or profile.get("username", "")
        if shown:
            contacts.append(Contact(profile.get("network") or word("Profile"), shown,
                                    profile.get("url", "")))
    return tuple(Contact(clean(c.label), clean(c.text), c.url) for c in contacts)


def _introduction(document: nodes.document) -> tuple[Block, ...]:
    """The blocks before the hub's first subsection (as text.py's `introduction`)."""
    section = next(iter(document.findall(nodes.section)), None)
    container = section if section is not None else document
    own = [child for child in container.children
           if not isinstance(child, (nodes.section, nodes.title))]
    return tuple(blocks_of(own))


def read_cv(builder: Builder) -> CV:
    env = builder.env
    config = builder.config
    domain = get_domain(env)
    resume = domain.resume()
    resolved: dict[str, nodes.document] = {}

    def doctree(docname: str) -> nodes.document:
        if docname not in resolved:
            resolved[docname] = resolved_doctree(builder, docname)
        return resolved[docname]

    def body(record: JobRecord) -> tuple[Block, ...]:
        entry = next((node for node in doctree(record.docname).findall(job_entry)
                      if node["name"] == record.name), None)
        found = entry_body(entry) if entry is not None else None
        return tuple(blocks_of(found.children)) if found is not None else ()

    entries = []
    for record in resume.entries:
        span = job_span(config, record)
        entries.append(Entry(clean(record.position), clean(record.org), record.url,
                             clean(span.text), clean(span.length), clean(record.location),
                             body(record)))
    hub = config.work_history_hub
    introduction = _introduction(doctree(hub)) if hub in env.found_docs else ()
    person = resume.person
    return CV(
        name=clean(person.get("name", "")), label=clean(person.get("label", "")),
        language=config.language or "en", contacts=_contacts(person),
        introduction=introduction, entries=tuple(entries),
        publications=tuple(PublicationItem(clean(p.name), p.url, clean(p.summary))
                           for p in resume.publications))
