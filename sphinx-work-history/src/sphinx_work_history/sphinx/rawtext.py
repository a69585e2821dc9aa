"""Raw markup inside an entry is shown as text, with a warning.

An entry is published as HTML, PDF and ePub. Raw HTML in its body (which
MyST passes through, as CommonMark does) would reach the HTML alone and be
dropped from the PDF without a word; raw LaTeX the reverse. So the body's
raw nodes become literal text, and the author is told where.
"""

from __future__ import annotations

from docutils import nodes

from ..config.messages import Location, warn


def raw_as_text(body: nodes.Element, label: str, docname: str,
                location: Location) -> None:
    """Replace *body*'s raw nodes by literal text; warn at each one's line
    (or at *location*, the directive's, when docutils gave it none)."""
    for raw in list(body.findall(nodes.raw)):
        text = raw.astext()
        where = (docname, raw.line) if raw.line else location
        warn("raw_markup", f"{label}: raw {raw.get('format', '')} markup {text[:40]!r} is shown "
             "as text (only one output format would show it)", where)
        raw.replace_self(nodes.literal(text, text) if isinstance(raw.parent, nodes.TextElement)
                         else nodes.literal_block(text, text))
