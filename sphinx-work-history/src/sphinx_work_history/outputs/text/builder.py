"""``cv-text``: the CV as plain text, for pasting into a form.

UTF-8, wrapped at 80 columns (a word longer than a line, such as an
address, runs past rather than being broken); the name, the sections and
the entries are underlined (``=`` for a page, ``-`` below it, ``~`` for an
entry), and set apart by blank lines. An aside is indented under its
title. A link shows its address after its text, unless the text is the
address.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from sphinx.application import Sphinx

from ...model.cv_model import (
    CV,
    Aside,
    Block,
    BulletList,
    EmployerGroup,
    Entry,
    Item,
    Paragraph,
    compact_lists,
)
from ...model.letter import Letter
from ..cv.builder import CVBuilder

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


def blocks(items: tuple[Block, ...], indent: str = "") -> list[str]:
    lines: list[str] = []
    for block in items:
        if isinstance(block, Aside):
            if block.title:
                lines += wrap(block.title, indent)
            lines += blocks(block.blocks, indent + "    ")
            continue
        if isinstance(block, BulletList):
            for depth, item in block.items:
                bullet = indent + "  " * depth
                lines += wrap(inline(item), f"{bullet}* ", f"{bullet}  ")
        else:
            lines += wrap(inline(block), indent)
        lines.append("")
    return lines


RULES = ("=", "=", "-", "~")  # by depth: the CV's start, a page, a subsection, below


def entry_lines(entry: Entry, rule: str) -> list[str]:
    lines = [""]
    if entry.headed:
        lines += heading(entry.heading, rule)
    if entry.meta:
        lines += wrap(entry.meta)
    if entry.url and entry.headed:
        lines += wrap(entry.url)
    return [*lines, "", *blocks(entry.body)]


def rule(depth: int) -> str:
    return RULES[min(depth, len(RULES) - 1)]


def item_lines(item: Item, depth: int) -> list[str]:
    """An item of a section at *depth*: an entry is headed one level below it."""
    if isinstance(item, EmployerGroup):
        lines = ["", *heading(item.org, rule(depth + 1))]
        if item.meta:
            lines += wrap(item.meta)
        for entry in item.entries:
            lines += entry_lines(entry, rule(depth + 2))
        return lines
    if isinstance(item, Entry):
        return entry_lines(item, rule(depth + 1))
    return blocks((item,))


def cv_text(cv: CV) -> str:
    lines = heading(cv.name, "=") if cv.name else []
    if cv.label:
        lines += wrap(cv.label)
    for contact in cv.contacts:
        lines += wrap(f"{contact.label}: {contact.text}")
    lines.append("")
    for section in cv.sections:
        if section.title and section.depth:
            lines += ["", *heading(section.title, rule(section.depth)), ""]
        for item in compact_lists(section.items):
            lines += item_lines(item, section.depth)
    while lines and not lines[-1]:
        lines.pop()
    text = "\n".join(line.rstrip() for line in lines) + "\n"
    while "\n\n\n\n" in text:
        text = text.replace("\n\n\n\n", "\n\n\n")
    return text


# -- the letter (an application's) ----------------------------------------
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


class CVTextBuilder(CVBuilder):
    name = "cv-text"
    suffix = ".txt"

    def write_cv(self, cv: CV, path: Path) -> bool:
        path.write_text(cv_text(cv), encoding="utf-8")
        return True

    def write_letter(self, letter: Letter, path: Path) -> bool:
        path.write_text(letter_text(letter), encoding="utf-8")
        return True


def setup_cv_text(app: Sphinx) -> None:
    app.add_builder(CVTextBuilder)
