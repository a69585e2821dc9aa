"""``cv-text``: the CV as plain text, for pasting into a form.

UTF-8, wrapped at 80 columns (a word longer than a line, such as an
address, runs past rather than being broken); the name, the sections and
the entries are underlined (``=`` for a page, ``-`` below it, ``~`` for an
entry), and set apart by blank lines. An aside is indented under its
title. A list's items follow a ``*``, or their number (``4.``, ``3.`` in a
list numbered down), a nested list indented under its item's text. A link
shows its address after its text, unless the text is the address; so does
a contact detail (a profile's username, its address). An entry's addresses
(its own, its organisation's) stand under its dates. Bold and italic are
plain text here (the text is for pasting into a form).
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
    Contact,
    EmployerGroup,
    Entry,
    Item,
    ItemList,
    Paragraph,
    compact_lists,
    is_link,
    web_shown,
)
from ...model.letter import Letter
from ..cv.builder import CVBuilder

WIDTH = 80


def wrap(text: str, indent: str = "", hanging: str = "") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=hanging or indent,
                         break_long_words=False, break_on_hyphens=False) or [indent.rstrip()]


def linked(text: str, url: str) -> str:
    """*text*, then its address in brackets unless the text is the address."""
    shown = url.removeprefix("mailto:")
    return text if not url or text.strip() == shown else f"{text} ({shown})"


def inline(paragraph: Paragraph) -> str:
    return "".join(linked(run.text, run.url) for run in paragraph.runs)


def contact_line(contact: Contact) -> str:
    """A contact detail; its web address after it where the text is not that address
    (a profile's username). A phone's ``tel:`` and an email's ``mailto:`` say the
    text again."""
    url = contact.url if is_link(contact.url) and not contact.url.startswith("mailto:") else ""
    if url and web_shown(url) == web_shown(contact.text):
        url = ""
    return f"{contact.label}: {linked(contact.text, url)}"


def addresses(*urls: str) -> list[str]:
    """Each address once, a line each."""
    return [line for url in dict.fromkeys(url for url in urls if url) for line in wrap(url)]


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
    if entry.headed:  # else the body shows the heading, its link after it
        lines += addresses(entry.url, entry.org_url)
    return [*lines, "", *blocks(entry.body)]


def rule(depth: int) -> str:
    return RULES[min(depth, len(RULES) - 1)]


def item_lines(item: Item, depth: int) -> list[str]:
    """An item of a section at *depth*: an entry is headed one level below it."""
    if isinstance(item, EmployerGroup):
        lines = ["", *heading(item.org, rule(depth + 1))]
        if item.meta:
            lines += wrap(item.meta)
        lines += addresses(item.org_url)
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
        lines += wrap(contact_line(contact))
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
