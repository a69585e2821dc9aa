"""``cv-text``: the CV as plain text, for pasting into a form.

UTF-8, wrapped at 80 columns (a word longer than a line, such as an
address, runs past rather than being broken); the name, the sections and
the entries are underlined (``=`` for a page, ``-`` below it, ``~`` for an
entry), and set apart by blank lines. An aside is indented under its
title. A list's items follow a ``*``, or their number (``4.``, ``3.`` in a
list numbered down), a nested list indented under its item's text. A link
shows its address after its text, unless the text is the address. Bold and
italic are plain text here (the text is for pasting into a form).
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
    ItemList,
    Paragraph,
    compact_lists,
)
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
            for shown in block.lists:
                lines += list_lines(shown, indent)
        else:
            lines += wrap(inline(block), indent)
        lines.append("")
    return lines


def list_lines(shown: ItemList, indent: str) -> list[str]:
    """A list's items, each after its bullet (``*``) or its number (``4.``), its
    lines and its nested lists indented under its text."""
    lines: list[str] = []
    for item in shown.items:
        marker = "* " if item.number is None else f"{item.number}. "
        hanging = indent + " " * len(marker)
        if item.text.runs:
            lines += wrap(inline(item.text), indent + marker, hanging)
        for inner in item.lists:
            lines += list_lines(inner, hanging)
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


class CVTextBuilder(CVBuilder):
    name = "cv-text"
    suffix = ".txt"

    def write_cv(self, cv: CV, path: Path) -> bool:
        path.write_text(cv_text(cv), encoding="utf-8")
        return True


def setup_cv_text(app: Sphinx) -> None:
    app.add_builder(CVTextBuilder)
