"""An application's letter in CommonMark (cv-markdown), escaped as the CV is: the
sender's name as its heading, the contact block, the recipient's lines, the date,
the subject in bold, the salutation, the body, the closing and the name."""

from __future__ import annotations

from ...model.letter import Letter
from .builder import _linked, blocks, escape, line_start


def _lines(texts: list[str]) -> list[str]:
    """Lines of one paragraph: a backslash at the end of a line is a line break."""
    return [" \\\n".join(texts), ""] if texts else []


def letter_markdown(letter: Letter) -> str:
    lines = [f"# {escape(letter.name)}", ""] if letter.name else []
    if letter.label:
        lines += [f"**{escape(letter.label)}**", ""]
    lines += _lines([line_start(f"{escape(c.label)}: {_linked(c.text, c.url)}")
                     for c in letter.contacts])
    lines += _lines([line_start(escape(line)) for line in letter.recipient.lines])
    lines += [line_start(escape(letter.date)), ""]
    if letter.subject:
        lines += [f"**{escape(letter.subject)}**", ""]
    if letter.salutation:
        lines += [line_start(escape(letter.salutation)), ""]
    lines += blocks(letter.body)
    lines += _lines([line_start(escape(part)) for part in (letter.closing, letter.signature)
                     if part])
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
