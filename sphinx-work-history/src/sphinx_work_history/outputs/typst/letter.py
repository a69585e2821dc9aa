"""An application's letter as Typst source, for the ``cv-pdf`` builder.

The source imports the CV's design (``<design>.typ``: its ``cv`` settings, so
the letter has the CV's paper, accent and fonts, and its ``header``, the
sender's block) and ``letter.typ`` (the recipient, the date, the subject, the
salutation, the body, the closing and the signature); in a design with a
side column (the sidebar), the sender's block is that column, the letter
beside it. Text is a Typst string
literal, never markup, as in the CV (document.py). The document's title is
"Letter to … — NAME", its language the letter's. Its type is ``LETTER_SIZE``
unless the fit to the page budget sets it smaller (``size``), with the
spacing the fit gives (the settings' layout).
"""

from __future__ import annotations

from ...model.letter import Letter
from .document import SIDE_COLUMN, Settings, blocks, contact_list, show_cv, string, value

#: The letter's type, in points: a little larger than a CV's.
LETTER_SIZE_PT = 10.5


def letter_source(letter: Letter, settings: Settings, design_path: str,
                  letter_path: str, size: str | None = None) -> str:
    image = (f"image({string(letter.signature_image)}, width: 40mm, "
             f"alt: {string('Signature of ' + letter.name)})"
             if letter.signature_image else "none")
    header = (f"header(name: {string(letter.name)}, label: {string(letter.label)}, "
              f"contacts: {contact_list(letter.contacts, settings.icons)}, photo: none)")
    call = (
        f"letter(recipient: {value(letter.recipient.lines)}, date: {string(letter.date)}, "
        f"subject: {string(letter.subject)}, salutation: {string(letter.salutation)}, "
        f"closing: {string(letter.closing)}, signature: {string(letter.signature)}, "
        f"signature-image: {image}, size: {size or f'{LETTER_SIZE_PT:g}pt'}, "
        f"spacing: {settings.layout.spacing:g})")
    # A design with a side column (the sidebar) has the sender there, beside the letter.
    sided = settings.design in SIDE_COLUMN
    lines = [
        "// The letter, written by sphinx-work-history's cv-pdf builder from the",
        "// project's pages. Edit it, then compile it again: typst compile <this file>.",
        f"#import {string(design_path)}: cv, header, aside"
        + (", two-columns" if sided else ""),
        f"#import {string(letter_path)}: letter",
        *show_cv(settings, letter.title, letter.name, letter.language),
        "",
        *([f"#two-columns({header}, {call}[", blocks(letter.body), "])"] if sided
          else [f"#{header}", f"#{call}[", blocks(letter.body), "]"]),
    ]
    return "\n".join(lines) + "\n"
