"""A variant's build leaves out the sections its ``{only}`` blocks emptied.

Sphinx's ``only`` directive cannot hold a heading, so a section whose every entry a
variant leaves out keeps its title alone; `DropEmptySections` removes it.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ...config.compat import builder_format
from ...config.settings import work_history_config


class DropEmptySections(SphinxPostTransform):
    """In a variant's build, a section its ``{only}`` blocks leave with nothing
    but a heading goes too (Sphinx's ``only`` cannot hold a heading); the
    pages a LaTeX build inlined into it stay."""

    default_priority = 110  # after Sphinx's OnlyNodeTransform (50) and FillEntries

    def run(self, **kwargs: Any) -> None:
        if not work_history_config(self.config).variant:
            return
        for section in reversed(list(self.document.findall(nodes.section))):
            rest = [child for child in section.children
                    if not isinstance(child, (nodes.title, nodes.Invisible))
                    and not _raw_for_others(child, builder_format(self.env))]
            # In LaTeX, the documents of a toctree are inlined where it stood:
            # they stay, in the section's place.
            if section.parent is not None and all(_inlined_pages(child) for child in rest):
                section.replace_self(rest) if rest else section.parent.remove(section)


def _raw_for_others(node: nodes.Node, fmt: str) -> bool:
    """Raw markup this builder drops (a Markdown page's HTML comment, in LaTeX)."""
    return isinstance(node, nodes.raw) and fmt not in node.get("format", "").split()


def _inlined_pages(node: nodes.Node) -> bool:
    """*node* holds only pages a LaTeX build inlined (its toctree's wrapper)."""
    if isinstance(node, addnodes.start_of_file):
        return True
    return (isinstance(node, nodes.compound) and bool(node.children)
            and all(_inlined_pages(child) for child in node.children))


def setup_drop_empty_sections(app: Sphinx) -> None:
    app.add_post_transform(DropEmptySections)
