"""An application's letter as plain text (cv-text): the sender's block, the
recipient's, the date, the subject, the salutation, the body, the closing and
the name, set apart by blank lines, wrapped as the CV is."""

from __future__ import annotations

from ...model.letter import Letter
from .builder import blocks, wrap


def letter_text(letter: Letter) -> str:
    lines = [letter.name] if letter.name else []
    if letter.label:
        lines += wrap(letter.label)
    for contact in letter.contacts:
        lines += wrap(f"{contact.label}: {contact.text}")
    lines.append("")
    if letter.recipient.lines:
        lines += [*letter.recipient.lines, ""]
    lines += [letter.date, ""]
    for part in (letter.subject, letter.salutation):
        if part:
            lines += [*wrap(part), ""]
    lines += blocks(letter.body)
    for part in (letter.closing, letter.signature):
        if part:
            lines += wrap(part)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(line.rstrip() for line in lines) + "\n"
