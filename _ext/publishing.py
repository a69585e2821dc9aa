"""publishing: small fixes the site's PDF and ePub need from Sphinx.

* Paragraphs whose classes are named in ``latex_paragraph_classes`` keep
  them in LaTeX: the writer drops a paragraph's classes but keeps a
  container's (as a ``sphinxuseclass`` environment), so they are wrapped in
  one, and the LaTeX style can define ``sphinxclass<name>``.
* With LuaLaTeX or XeLaTeX, the few characters Sphinx writes as LaTeX
  commands for pdflatex's sake (✓ ✔ ✕ ✖ as math symbols, ℯ ⅈ ⎽ as e i _)
  are written as themselves (each becomes a raw LaTeX node, which the
  writer does not escape, once the doctree is resolved): the PDF's text keeps them, and the fonts'
  fallbacks set them.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.texescape import tex_replacements


class KeepParagraphClassesInLatex(SphinxPostTransform):
    default_priority = 400
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        wanted = set(self.config.latex_paragraph_classes)
        for para in list(self.document.findall(nodes.paragraph)):
            classes = [name for name in para["classes"] if name in wanted]
            if classes:
                box = nodes.container(classes=classes)
                para.replace_self(box)
                box += para


# The characters Sphinx replaces even for Unicode engines (not the invisible U+FEFF).
_KEPT = re.compile("([{}])".format(re.escape("".join(
    char for char, _ in tex_replacements
    if ord(char) > 127 and unicodedata.category(char) != "Cf"))))


def keep_unicode_characters_in_latex(app: Sphinx, doctree: nodes.document, _docname: str
                                     ) -> None:
    # At doctree-resolved, after every handler that fills in text (the work history
    # summaries): the writer escapes what it finds then.
    if app.builder.format != "latex" or app.config.latex_engine not in ("lualatex", "xelatex"):
        return
    for text in list(doctree.findall(nodes.Text)):
        if isinstance(text.parent, (nodes.FixedTextElement, nodes.raw)) or not _KEPT.search(text):
            continue
        text.parent.replace(text, [
            nodes.raw(part, part, format="latex") if _KEPT.fullmatch(part) else nodes.Text(part)
            for part in _KEPT.split(text) if part])


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("latex_paragraph_classes", [], "env", types=frozenset({list, tuple}))
    app.add_post_transform(KeepParagraphClassesInLatex)
    app.connect("doctree-resolved", keep_unicode_characters_in_latex, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
