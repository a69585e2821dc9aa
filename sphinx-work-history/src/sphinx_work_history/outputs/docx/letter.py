"""An application's letter as a Word file (cv-docx): the sender's name, label and
contact block as the CV's, the recipient's lines, the date, the subject in bold,
the salutation, the body, the closing, the signature's image and the name; in
the letter's language and direction, with its title and author."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from ...model.cv_model import Run
from ...model.letter import Letter
from .builder import _plain_bullets, _set_language, add_blocks, add_runs, core_property

if TYPE_CHECKING:
    from docx.document import Document


def build_letter_docx(letter: Letter, when: dt.datetime) -> Document:
    import docx
    from docx.shared import Mm

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    language = letter.language.replace("_", "-")
    _set_language(document, language)
    _plain_bullets(document)
    properties = document.core_properties
    properties.title = core_property(letter.title)
    properties.author = properties.last_modified_by = core_property(letter.name)
    properties.language = language
    properties.created = properties.modified = when
    properties.revision = 1

    if letter.name:
        document.add_paragraph(letter.name, style="Title")
    if letter.label:
        document.add_paragraph(letter.label, style="Subtitle")
    if letter.contacts:
        contact = document.add_paragraph()
        for index, item in enumerate(letter.contacts):
            runs = (Run(f"{item.label}: "), Run(item.text, url=item.url))
            add_runs(contact, runs if index == 0 else (Run(" · "), *runs))
    if letter.recipient.lines:
        recipient = document.add_paragraph()
        for index, line in enumerate(letter.recipient.lines):
            if index:
                recipient.add_run().add_break()
            recipient.add_run(line)
    document.add_paragraph(letter.date)
    if letter.subject:
        add_runs(document.add_paragraph(), (Run(letter.subject, strong=True),))
    if letter.salutation:
        document.add_paragraph(letter.salutation)
    add_blocks(document, letter.body)
    if letter.closing:
        document.add_paragraph(letter.closing)
    if letter.signature_image and Path(letter.signature_image).is_file():
        document.add_picture(letter.signature_image, width=Mm(40))
    if letter.signature:
        document.add_paragraph(letter.signature)
    return document
