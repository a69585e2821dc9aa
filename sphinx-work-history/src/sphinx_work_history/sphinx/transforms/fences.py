"""A page of ``:::{job}`` blocks read without MyST's ``colon_fence`` extension.

Without it, MyST reads a colon fence as a paragraph: the page shows the
markup as text, and there is no entry to warn about. `ColonFenceOff` finds
such lines in the paragraphs of a Markdown page and warns at each one.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from ...config.messages import warn

_FENCE = re.compile(r":{3,}\s*\{[\w:.-]+\}")


class ColonFenceOff(SphinxTransform):
    default_priority = 500

    def apply(self, **kwargs: object) -> None:
        extensions = getattr(self.config, "myst_enable_extensions", None)
        if extensions is None or "colon_fence" in extensions:
            return  # MyST is not loaded, or reads colon fences
        suffix = self.env.doc2path(self.env.docname).suffix
        if self.config.source_suffix.get(suffix) != "markdown":
            return
        for paragraph in self.document.findall(nodes.paragraph):
            for offset, line in enumerate(_plain_text(paragraph).splitlines()):
                if match := _FENCE.match(line.strip()):
                    where = (self.env.docname, (paragraph.line or 1) + offset)
                    warn("bad_config", f"{match[0]} is shown as text: MyST reads colon fences "
                         "only with its colon_fence extension (myst_enable_extensions = "
                         '["colon_fence"] in conf.py)', where)


def _plain_text(paragraph: nodes.paragraph) -> str:
    """The paragraph's own text, line for line; anything else (code, links) as a
    mark, so that ``:::{job}`` written as code is not taken for a fence."""
    return "".join(child.astext() if isinstance(child, nodes.Text)
                   else "\0" + "\n" * child.astext().count("\n")
                   for child in paragraph.children)


def setup_fences(app: Sphinx) -> None:
    app.add_transform(ColonFenceOff)
