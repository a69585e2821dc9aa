"""A box that scrolls sideways can be scrolled from the keyboard.

On a phone a code block, or a table wider than the screen, scrolls inside
its own box (Furo wraps each table in ``div.table-wrapper`` for that). A
reader without a pointer reaches such a box only if it can take focus
(WCAG 2.1.1; axe's ``scrollable-region-focusable``), so each ``<pre>`` and
each table's box gets ``tabindex="0"``.

A post-transform of the HTML builders (after Furo's, which makes the
table boxes) turns each such box into a node of this extension, whose HTML
visitor writes it focusable. The ePub is left as it is: its readers page,
and do not scroll.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator

FOCUSABLE = "0"
# Furo's post-transform wrapping each table runs at the default priority (500).
AFTER_FURO = 510


class scrolling_code(nodes.literal_block):
    """A literal block whose ``<pre>`` takes focus."""


class scrolling_box(nodes.container):
    """The box a wide table scrolls in, taking focus."""


class FocusableScrollingBoxes(SphinxPostTransform):
    default_priority = AFTER_FURO
    builders = ("html", "dirhtml")

    def run(self, **kwargs: Any) -> None:
        for block in list(self.document.findall(nodes.literal_block)):
            if not isinstance(block, scrolling_code):
                block.replace_self(_as(scrolling_code, block))
        for box in list(self.document.findall(nodes.container)):
            if "table-wrapper" in box["classes"] and not isinstance(box, scrolling_box):
                box.replace_self(_as(scrolling_box, box))


def _as(cls: type[nodes.Element], node: nodes.Element) -> nodes.Element:
    new = cls(node.rawsource, *node.children, **node.attributes)
    new.source, new.line = node.source, node.line
    return new


def visit_scrolling_code(self: HTML5Translator, node: scrolling_code) -> None:
    if node.rawsource != node.astext():  # a parsed literal: docutils' <pre>, focusable
        self.body.append(self.starttag(node, "pre", "", CLASS="literal-block", tabindex=FOCUSABLE))
        if "code" in node["classes"]:
            self.body.append("<code>")
        return
    if node.get("linenos"):  # a table of line numbers and code: Sphinx's own
        HTML5Translator.visit_literal_block(self, node)
    # As Sphinx's visitor writes it, with the <pre> that Pygments would write
    # (`nowrap` leaves it to the caller) focusable.
    lang = node.get("language", "default")
    highlight_args = {**node.get("highlight_args", {}), "force": node.get("force", False)}
    tokens = self.highlighter.highlight_block(
        node.rawsource, lang, opts=self.config.highlight_options.get(lang, {}),
        location=node, nowrap=True, **highlight_args)
    starttag = self.starttag(node, "div", suffix="", CLASS=f"highlight-{lang} notranslate")
    # The empty span keeps a leading empty line, as Pygments has it.
    self.body.append(f'{starttag}<div class="highlight"><pre tabindex="{FOCUSABLE}">'
                     f"<span></span>{tokens}</pre></div>\n</div>\n")
    raise nodes.SkipNode


def depart_scrolling_code(self: HTML5Translator, node: scrolling_code) -> None:
    HTML5Translator.depart_literal_block(self, node)


def visit_scrolling_box(self: HTML5Translator, node: scrolling_box) -> None:
    self.body.append(self.starttag(node, "div", CLASS="docutils container", tabindex=FOCUSABLE))


def depart_scrolling_box(self: HTML5Translator, node: scrolling_box) -> None:
    self.body.append("</div>\n")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(scrolling_code, html=(visit_scrolling_code, depart_scrolling_code))
    app.add_node(scrolling_box, html=(visit_scrolling_box, depart_scrolling_box))
    app.add_post_transform(FocusableScrollingBoxes)
    return {"version": "2.0", "parallel_read_safe": True, "parallel_write_safe": True}
