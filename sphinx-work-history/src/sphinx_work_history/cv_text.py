"""``cv-text``: the CV as plain text, for pasting into a form.

UTF-8, wrapped at 80 columns (a word longer than a line, such as an
address, runs past rather than being broken); the name, the sections and
the entries are underlined, and set apart by blank lines. A link shows its
address after its text, unless the text is the address.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from sphinx.application import Sphinx

from .cv_builder import CVBuilder
from .cv_document import CV, Block, BulletList, Paragraph
from .l10n import word

WIDTH = 80


def wrap(text: str, indent: str = "", hanging: str = "") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=hanging or indent,
                         break_long_words=False, break_on_hyphens=False) or [indent.rstrip()]


def inline(paragraph: Paragraph) -> str:
    parts = []
    for run in paragraph.runs:
        shown = run.url.removeprefix("mailto:")
        parts.append(run.text if not run.url or run.text.strip() == shown
                     else f"{run.text} ({shown})")
    return "".join(parts)


def heading(text: str, rule: str) -> list[str]:
    lines = wrap(text)
    return [*lines, rule * max(len(line) for line in lines)]


def blocks(items: tuple[Block, ...]) -> list[str]:
    lines: list[str] = []
    for block in items:
        if isinstance(block, BulletList):
            for depth, item in block.items:
                indent = "  " * depth
                lines += wrap(inline(item), f"{indent}* ", f"{indent}  ")
        else:
            lines += wrap(inline(block))
        lines.append("")
    return lines


def cv_text(cv: CV) -> str:
    lines = heading(cv.name, "=") if cv.name else []
    if cv.label:
        lines += wrap(cv.label)
    for contact in cv.contacts:
        lines += wrap(f"{contact.label}: {contact.text}")
    lines.append("")
    if cv.introduction:
        lines += ["", *blocks(cv.introduction)]
    if cv.entries:
        lines += ["", *heading(word(cv.EXPERIENCE), "="), ""]
        for entry in cv.entries:
            lines += ["", *heading(entry.heading, "-")]
            if entry.meta:
                lines += wrap(entry.meta)
            lines += ["", *blocks(entry.body)]
    if cv.publications:
        lines += ["", *heading(word(cv.PUBLICATIONS), "="), ""]
        lines += blocks((BulletList(tuple((0, p.paragraph) for p in cv.publications)),))
    while lines and not lines[-1]:
        lines.pop()
    text = "\n".join(line.rstrip() for line in lines) + "\n"
    while "\n\n\n\n" in text:
        text = text.replace("\n\n\n\n", "\n\n\n")
    return text


class CVTextBuilder(CVBuilder):
    name = "cv-text"
    suffix = ".txt"

    def write_cv(self, cv: CV, path: Path) -> None:
        path.write_text(cv_text(cv), encoding="utf-8")


def setup_cv_text(app: Sphinx) -> None:
    app.add_builder(CVTextBuilder)
