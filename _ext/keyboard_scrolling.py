"""A box that scrolls sideways can be scrolled from the keyboard.

On a phone a code block, or a table wider than the screen, scrolls inside
its own box (Furo wraps each table in ``div.table-wrapper`` for that). A
reader without a pointer reaches such a box only if it can take focus
(WCAG 2.1.1; axe's ``scrollable-region-focusable``), so the HTML writer
gives each ``<pre>`` and each table's box ``tabindex="0"``. The ePub is
left as it is: its readers page, and do not scroll.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

_PRE = re.compile(r"<pre\b")
_WRAPPER = re.compile(r'<div(?= class="table-wrapper\b)')


def _with_tabindex(start: re.Match[str]) -> str:
    return start.group(0) + ' tabindex="0"'


class KeyboardScrollingTranslator(HTML5Translator):
    """Sphinx's HTML writer, with its scrolling boxes focusable."""

    def visit_literal_block(self, node: nodes.literal_block) -> None:
        mark = len(self.body)
        try:
            super().visit_literal_block(node)
        finally:  # a highlighted block is written whole, then skipped
            for index in range(mark, len(self.body)):
                self.body[index], found = _PRE.subn(_with_tabindex, self.body[index], 1)
                if found:
                    break

    def visit_table(self, node: nodes.table) -> None:
        # The box Furo wraps the table in was written just before it. (Its
        # container is written by MyST's own visitor, so it is patched here.)
        box = node.parent
        if isinstance(box, nodes.container) and "table-wrapper" in box["classes"] \
                and self.body and _WRAPPER.match(self.body[-1]):
            self.body[-1] = _WRAPPER.sub(_with_tabindex, self.body[-1], 1)
        super().visit_table(node)


def setup(app: Sphinx) -> dict[str, Any]:
    for builder in ("html", "dirhtml"):
        app.set_translator(builder, KeyboardScrollingTranslator)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
