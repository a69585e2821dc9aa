"""A list numbered down, in the formats that cannot count down.

An enumerated list of the class ``reversed`` (MyST's ``{.reversed}`` before it,
attrs_block; reST's ``.. rst-class:: reversed``) counts down from its start:
the HTML (and the ePub) say so as ``<ol reversed>`` (outputs/html/visitors.py),
and the CV files read its numbers (sphinx/text.py). LaTeX, man pages, Texinfo
and plain text count up only: for them, `NumberEachItem` makes each item a list
of its own, starting at the item's number, so every item shows the number it has.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ...config.compat import builder_format
from ...model.cv_model import REVERSED
from ..text import item_numbers

#: The formats that count a list down themselves, or read its numbers (the CV files).
COUNTS_DOWN = ("html", "cv")


class NumberEachItem(SphinxPostTransform):
    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        if builder_format(self.env) in COUNTS_DOWN:
            return
        for node in list(self.document.findall(nodes.enumerated_list)):
            if REVERSED not in node["classes"] or len(node.children) < 2:
                continue
            parts: list[nodes.Node] = []
            for item, number in zip(node.children, item_numbers(node), strict=True):
                part = node.copy()  # its attributes, without its items
                part["start"] = number
                if parts:
                    part["ids"] = []  # the list's id names its first part
                part += item.deepcopy()
                parts.append(part)
            node.replace_self(parts)


def setup_reversed_lists(app: Sphinx) -> None:
    app.add_post_transform(NumberEachItem)
