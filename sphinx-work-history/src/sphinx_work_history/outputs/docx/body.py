"""Where cv-docx appends a Word document's paragraphs, links and list numberings,
in time linear in them.

python-docx's own calls search the whole document for each one: a paragraph
is inserted before the body's section properties, found by scanning every
paragraph before it; a paragraph style is looked up by name among all the
styles; a link's relationship is matched against every relationship, and a
numbering's id against every numbering. A CV of thousands of entries took
minutes. `Body` finds each of those once and keeps what it found (the
section properties, the style ids, the links' ids, the next free ids), so
it writes the same document, byte for byte, as those calls would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph


class Body:
    """The end of *document*'s body, where paragraphs are added."""

    def __init__(self, document: Document) -> None:
        self.document = document
        body = document.element.body
        self._body = body
        # The section's properties stay the body's last child: each new
        # paragraph goes just before them.
        self._end = body.sectPr
        self._style_ids: dict[str, str | None] = {}
        self.links: dict[str, str] = {}  # a hyperlink's address -> its relationship's id
        self._next_rid = 1
        self._abstract_ids: dict[str, int] = {}  # a list style -> its abstract numbering
        self._num_ids: set[int] | None = None
        self._next_num_id = 1

    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        """A new paragraph at the end of the body, as `Document.add_paragraph` adds it."""
        from docx.text.paragraph import Paragraph

        p = self._body._new_p()
        if self._end is not None:
            self._end.addprevious(p)
        else:
            self._body.append(p)
        paragraph = Paragraph(p, self.document._body)
        if text:
            paragraph.add_run(text)
        if style is not None:
            p.style = self.style_id(style)
        return paragraph

    def heading(self, level: int, text: str = "") -> Paragraph:
        """A heading paragraph, as `Document.add_heading` adds it."""
        return self.paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def style_id(self, name: str) -> str | None:
        """The id of the paragraph style named *name* (None: the default style)."""
        if name not in self._style_ids:
            from docx.enum.style import WD_STYLE_TYPE

            self._style_ids[name] = self.document.part.get_style_id(  # type: ignore[no-untyped-call]
                name, WD_STYLE_TYPE.PARAGRAPH)
        return self._style_ids[name]

    def link(self, url: str) -> str:
        """The id of the document's relationship to the web address *url*, added the
        first time: the lowest id free, as python-docx numbers them."""
        if url not in self.links:
            from docx.opc.constants import RELATIONSHIP_TYPE

            rels = self.document.part.rels
            while f"rId{self._next_rid}" in rels:
                self._next_rid += 1
            rid = f"rId{self._next_rid}"
            rels.add_relationship(RELATIONSHIP_TYPE.HYPERLINK, url, rid, is_external=True)
            self.links[url] = rid
        return self.links[url]

    def numbering(self, style: str, start: int) -> int:
        """The id of a new instance of the numbering the list style *style* uses,
        counting from *start*: the lowest id free, as python-docx numbers them."""
        from docx.oxml.numbering import CT_Num

        numbering = self.document.part.numbering_part.element
        if style not in self._abstract_ids:
            used = self.document.styles[style].element.pPr.numPr.numId.val
            self._abstract_ids[style] = next(
                num.abstractNumId.val for num in numbering.num_lst if num.numId == used)
        if self._num_ids is None:
            self._num_ids = {int(num.numId) for num in numbering.num_lst}
        while self._next_num_id in self._num_ids:
            self._next_num_id += 1
        num_id = self._next_num_id
        self._num_ids.add(num_id)
        new = CT_Num.new(num_id, self._abstract_ids[style])  # type: ignore[no-untyped-call]
        num = numbering._insert_num(new)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return num_id
