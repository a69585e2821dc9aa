"""What the résumé takes from the pages as text, once they are read.

* an entry's body: its list items are the highlights, its other blocks
  the summary, paragraph by paragraph (JSON Resume's ``highlights`` and
  ``summary``);
* the hub's introduction: its paragraphs before the first subsection;
* a publications page: each external link (its text the title, its
  paragraph the summary).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes

from .options import is_web_url

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
    """An entry body's ``summary`` paragraphs and ``highlights``."""
    summary: list[str] = []
    highlights: list[str] = []
    for child in shown_children(body, tags) if body is not None else ():
        if isinstance(child, SKIPPED):
            continue
        if isinstance(child, (nodes.bullet_list, nodes.enumerated_list)):
            highlights.extend(exact_text(item) for item in child.children
                              if isinstance(item, nodes.list_item) and text_of(item))
        elif text_of(child):
            summary.append(exact_text(child))
    return tuple(summary), tuple(highlights)


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
