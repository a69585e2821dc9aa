"""What the résumé takes from the pages as text: the one extractor.

`blocks_of` reads body elements as `Paragraph`, `BulletList` and `Aside`
blocks of `Run` s (cv_model.py): the CV files set them, and the exports
take their text:

* an entry's body: its list items are the highlights, its other blocks
  the summary, paragraph by paragraph (JSON Resume's ``highlights`` and
  ``summary``);
* the hub's introduction: its paragraphs before the first subsection;
* a publications page: each external link (its text the title, its
  paragraph the summary).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes

from ..config.options import is_web_url
from ..model.cv_model import REVERSED, Aside, Block, BulletList, Paragraph, Run, clean, is_link
from .nodes import job_header

if TYPE_CHECKING:
    from sphinx.util.tags import Tags

SKIPPED = (nodes.Invisible, nodes.system_message)  # index entries, targets, comments
BODY_CLASS = "wh-job-body"


def text_of(node: nodes.Node) -> str:
    """A node's words on one line, as a reader sees them."""
    return " ".join(node.astext().split())


def exact_text(node: nodes.Node) -> str:
    """A node's text as written (its line breaks too), for the exports: resume.json
    gives back the text the author wrote, character for character."""
    return node.astext()


def entry_body(entry: nodes.Element) -> nodes.Element | None:
    return next((child for child in entry.children
                 if isinstance(child, nodes.Element) and BODY_CLASS in child["classes"]), None)


def shown_children(node: nodes.Element, tags: Tags | None) -> Iterator[nodes.Node]:
    """*node*'s children, with each ``only`` block replaced by its children
    when its condition holds for *tags* (the variant's), and left out when
    not; with no *tags*, every block's children."""
    for child in node.children:
        if isinstance(child, addnodes.only):
            try:
                shown = tags is None or tags.eval_condition(child["expr"])
            except Exception:  # Sphinx reports a bad condition itself
                shown = True
            if shown:
                yield from shown_children(child, tags)
        else:
            yield child


def body_text(body: nodes.Element | None, tags: Tags | None = None
              ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """An entry body's ``summary`` paragraphs and ``highlights``: each list item,
    in order, an item nested in another too (JSON Resume's highlights are a flat
    list of texts: a nested item is the highlight after its parent's)."""
    summary: list[str] = []
    highlights: list[str] = []

    def take(blocks: Iterator[Block]) -> None:
        for block in blocks:
            if isinstance(block, BulletList):
                highlights.extend(item.text for _, item in block.items)
            elif isinstance(block, Aside):
                if block.title:
                    summary.append(block.title)
                take(iter(block.blocks))
            elif block.text:
                summary.append(block.text)

    if body is not None:
        take(blocks_of(list(shown_children(body, tags)), exact=True))
    return tuple(summary), tuple(h for h in highlights if h)


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


def paragraph_of(*parts: nodes.Node, exact: bool = False) -> Paragraph:
    """The inline content of *parts* as one paragraph, white space collapsed
    (*exact*: as written, line breaks too, for the exports)."""
    runs: list[Run] = []
    for index, part in enumerate(parts):
        for run in (Run(" "), *runs_of(part)) if index else runs_of(part):
            text = run.text if exact else re.sub(r"\s+", " ", run.text)
            if not exact and (not runs or runs[-1].text.endswith(" ")) and text.startswith(" "):
                text = text[1:]
            if not text:
                continue
            if runs and replace(runs[-1], text="") == replace(run, text=""):
                runs[-1] = replace(runs[-1], text=runs[-1].text + text)
            else:
                runs.append(replace(run, text=text))
    if runs and not exact:  # no white space at the end
        runs[-1] = replace(runs[-1], text=runs[-1].text.rstrip())
    return Paragraph(tuple(run for run in runs if run.text))


# -- blocks -------------------------------------------------------------------
_LISTS = (nodes.bullet_list, nodes.enumerated_list)


def item_numbers(node: nodes.Element) -> Iterator[int | None]:
    """The number each item of the list *node* shows: None for a bullet; from the
    enumerated list's start, up, or down in a list of the class `REVERSED`."""
    numbered = isinstance(node, nodes.enumerated_list)
    number = int(node.get("start", 1)) if numbered else 0
    step = -1 if REVERSED in node.get("classes", ()) else 1
    for _ in node.children:
        yield number if numbered else None
        number += step


def _list_items(node: nodes.Element, depth: int, exact: bool
                ) -> Iterator[tuple[int, int | None, Paragraph]]:
    for item, number in zip(node.children, item_numbers(node), strict=True):
        if not isinstance(item, nodes.list_item):
            continue
        text = paragraph_of(*(c for c in item.children if not isinstance(c, _LISTS)),
                            exact=exact)
        if text.runs:
            yield depth, number, text
        for child in item.children:
            if isinstance(child, _LISTS):
                yield from _list_items(child, depth + 1, exact)


def _navigation(node: nodes.Node) -> bool:
    """A toctree, a work-history table, an entry's header, raw markup (one
    format's only): nothing the résumé's text holds."""
    if isinstance(node, (*SKIPPED, nodes.substitution_definition, addnodes.toctree,
                         nodes.raw, job_header)):
        return True
    return isinstance(node, nodes.Element) and bool(
        {"toctree-wrapper", "wh-summary", "wh-summary-empty"} & set(node["classes"]))


def blocks_of(children: list[nodes.Node], exact: bool = False) -> Iterator[Block]:
    """Paragraphs, bullet lists and asides, from body elements (*exact*: their
    text as written, line breaks too: `paragraph_of`)."""
    for child in children:
        if _navigation(child):
            continue
        if isinstance(child, (nodes.Admonition, nodes.sidebar, nodes.topic)):
            title = next((c for c in child.children if isinstance(c, nodes.title)), None)
            heading = paragraph_of(title).text if title is not None else (
                "" if isinstance(child, nodes.admonition)
                else child.tagname.replace("_", " ").capitalize())
            rest = [c for c in child.children if not isinstance(c, nodes.title)]
            yield Aside(heading, tuple(blocks_of(rest, exact)))
        elif isinstance(child, _LISTS):
            items = tuple(_list_items(child, 0, exact))
            if items:
                numbers = tuple(number for _, number, _ in items)
                yield BulletList(tuple((depth, text) for depth, _, text in items),
                                 numbers if any(n is not None for n in numbers) else ())
        elif isinstance(child, (nodes.paragraph, nodes.literal_block, nodes.rubric,
                                nodes.title, nodes.line_block)):
            paragraph = paragraph_of(child, exact=exact)
            if isinstance(child, nodes.literal_block):
                paragraph = Paragraph(tuple(replace(r, literal=True) for r in paragraph.runs))
            if paragraph.runs:
                yield paragraph
        elif isinstance(child, nodes.Element) and any(
                isinstance(c, nodes.Element) for c in child.children):
            yield from blocks_of(child.children, exact)  # quotes, containers
        elif (paragraph := paragraph_of(child, exact=exact)).runs:
            yield paragraph


def introduction(document: nodes.document, tags: Tags | None = None) -> tuple[str, ...]:
    """The paragraphs before the document's first subsection."""
    section = next(iter(document.findall(nodes.section)), None)
    container = section if section is not None else document
    return tuple(exact_text(child) for child in shown_children(container, tags)
                 if isinstance(child, nodes.paragraph) and text_of(child))


def links(document: nodes.document) -> list[dict[str, Any]]:
    """Every external link of *document*, in order, each URL once."""
    found: dict[str, dict[str, Any]] = {}
    for ref in document.findall(nodes.reference):
        url = ref.get("refuri", "")
        if not is_web_url(url) or url in found:
            continue
        paragraph = ref.parent
        while paragraph is not None and not isinstance(paragraph, nodes.paragraph):
            paragraph = paragraph.parent
        entry = {"name": text_of(ref), "url": url}
        if paragraph is not None:
            entry["summary"] = text_of(paragraph)
        found[url] = entry
    return list(found.values())
