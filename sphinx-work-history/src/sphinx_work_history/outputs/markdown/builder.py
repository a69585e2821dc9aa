"""``cv-markdown``: the CV in CommonMark, as GitHub, a gist or a mail client renders it.

Text is escaped, so what an entry says is never read as markup: every
character that makes Markdown (CommonMark's, and GitHub's strikethrough,
tables and math) is backslash-escaped where it would (CommonMark allows
escaping any ASCII punctuation), raw HTML included. Links keep their
address (in ``<…>``, so parentheses in it are safe); inline code is a code
span whose fence is longer than any run of backticks it holds. Italics and
bold are spans a CommonMark reader shows on exactly the text they mark
(emphasis.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

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
    Run,
    compact_lists,
)
from ...model.letter import Letter
from ..cv.builder import CVBuilder
from .emphasis import Piece, emphasised

# Markup wherever it stands (GitHub's too: ~strike~, $math$, tables).
_SPECIAL = re.compile(r"([\\`*_\[\]<>#~|$])")
# Markup in some contexts only: an entity (&amp;), an emoji code (:tada:).
_ENTITY = re.compile(r"&(?=#?\w+;)")
_EMOJI = re.compile(r":(?=[\w+-]+:)")
# What opens a block at the start of a line: a list, a heading underline, a quote.
_LINE_START = re.compile(r"^([-+=])|^(\d+)([.)])")


def escape(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", text)
    return _EMOJI.sub(r"\\:", _ENTITY.sub(r"\\&", text))


def line_start(markdown: str) -> str:
    """*markdown* made safe to stand at the start of a line."""
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}",
                           markdown, count=1)


def _url(url: str) -> str:
    # In <…> an address may hold anything but <, > and line ends.
    return quote(url, safe="/:?#[]@!$&'()*+,;=%~-._")


def _code(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _piece(run: Run) -> Piece:
    """A run as Markdown and its marks: a code span shows no marks; a link's marks
    are inside its brackets."""
    text = run.text
    match = re.match(r"(\s*)(.*?)(\s*)$", text, re.DOTALL)
    assert match is not None  # the pattern matches any text
    lead, body, trail = match.groups()
    if not body:
        return Piece(text)
    if run.literal:
        return Piece(f"{lead}{_code(body)}{trail}")
    if run.url:
        shown = emphasised((Piece(escape(body), run.emphasis, run.strong),))
        return Piece(f"{lead}[{shown}](<{_url(run.url)}>){trail}")
    return Piece(escape(text), run.emphasis, run.strong)


def inline(paragraph: Paragraph) -> str:
    return line_start(emphasised(_piece(run) for run in paragraph.runs))


def _marked(text: str, *, emphasis: bool = False, strong: bool = False) -> str:
    """*text* escaped, in italics or bold."""
    return emphasised((Piece(escape(text), emphasis, strong),))


def list_lines(lists: tuple[ItemList, ...], indent: str = "") -> list[str]:
    """Lists as CommonMark lists: bullets ``-``, numbers from the list's start.

    CommonMark numbers a list up from its first number, and starts a new list where
    the bullet or the number's delimiter changes: so a list numbered down is a list
    of one item per number, their delimiters ``.`` and ``)`` in turn, and so is any
    list after one of its kind. A nested list not starting at 1 has a blank line
    before it (it could not interrupt its item's paragraph)."""
    lines: list[str] = []
    bullet, delimiter = "-", "."
    previous = ""  # the kind of the last list: "bullet" or "number"
    for shown in lists:
        kind = "number" if shown.numbered else "bullet"
        groups = [(item,) for item in shown.items] if shown.reversed else [shown.items]
        for group in groups:
            if previous == kind:  # a new list of the same kind
                bullet, delimiter = ("*" if bullet == "-" else "-",
                                     ")" if delimiter == "." else ".")
            previous = kind
            if indent and kind == "number" and group[0].number != 1:
                lines.append("")
            for item in group:
                marker = bullet if item.number is None else f"{item.number}{delimiter}"
                text = inline(item.text) if item.text.runs else ""
                lines.append(f"{indent}{marker} {text}".rstrip())
                lines += list_lines(item.lists, indent + " " * (len(marker) + 1))
    return lines


def blocks(items: tuple[Block, ...], quote: str = "") -> list[str]:
    lines: list[str] = []
    for block in items:
        if isinstance(block, Aside):
            title = [line_start(_marked(block.title, strong=True)), ""] if block.title else []
            inner = title + blocks(block.blocks)
            while inner and not inner[-1]:
                inner.pop()
            lines += [f"> {line}".rstrip() for line in inner]
        elif isinstance(block, BulletList):
            lines += list_lines(block.lists)
        else:
            lines.append(inline(block))
        lines.append("")
    return lines


def _linked(text: str, url: str) -> str:
    shown = escape(text)
    return f"[{shown}](<{_url(url)}>)" if url and shown else shown


def entry_lines(entry: Entry, level: int) -> list[str]:
    title = ", ".join(part for part in (_linked(entry.position, entry.url),
                                        _linked(entry.org, entry.org_url)) if part)
    if title and entry.labelled:
        title = f"{escape(entry.labelled)}{title}"
    lines = [f"{'#' * level} {title}", ""] if entry.headed else []
    if entry.meta:
        lines += [meta_line(entry), ""]
    return lines + blocks(entry.body)


def meta_line(entry: Entry) -> str:
    """An entry's facts in italics; an item in italics among them (the CV's own name
    among a paper's authors) upright, as emphasis in italic type is, one in bold
    bold."""
    return line_start(emphasised(Piece(escape(run.text), not run.emphasis, run.strong)
                                 for run in entry.meta_runs))


def item_lines(item: Item, level: int) -> list[str]:
    if isinstance(item, EmployerGroup):
        lines = [f"{'#' * level} {_linked(item.org, item.org_url)}", ""]
        if item.meta:
            lines += [line_start(_marked(item.meta, emphasis=True)), ""]
        for entry in item.entries:
            lines += entry_lines(entry, min(level + 1, 6))
        return lines
    if isinstance(item, Entry):
        return entry_lines(item, level)
    return blocks((item,))


def cv_markdown(cv: CV) -> str:
    lines = [f"# {escape(cv.name)}", ""] if cv.name else []
    if cv.image:  # a web address, or the photo's copy beside the CV
        source = cv.image if "://" in cv.image else Path(cv.image).name
        lines += [f"![{escape(f'Photo of {cv.name}' if cv.name else 'Photo')}](<{_url(source)}>)",
                  ""]
    if cv.label:
        lines += [line_start(_marked(cv.label, strong=True)), ""]
    contacts = [line_start(f"{escape(contact.label)}: {_linked(contact.text, contact.url)}")
                for contact in cv.contacts]
    if contacts:
        # A backslash at the end of a line is a line break.
        lines += [" \\\n".join(contacts), ""]
    for section in cv.sections:
        level = min(section.depth + 1, 6)
        if section.title and section.depth:
            lines += [f"{'#' * level} {escape(section.title)}", ""]
        for item in compact_lists(section.items):
            lines += item_lines(item, min(level + 1, 6))
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


# -- the letter (an application's) ----------------------------------------
def _lines(texts: list[str]) -> list[str]:
    """Lines of one paragraph: a backslash at the end of a line is a line break."""
    return [" \\\n".join(texts), ""] if texts else []


def letter_markdown(letter: Letter) -> str:
    lines = [f"# {escape(letter.name)}", ""] if letter.name else []
    if letter.label:
        lines += [line_start(_marked(letter.label, strong=True)), ""]
    lines += _lines([line_start(f"{escape(c.label)}: {_linked(c.text, c.url)}")
                     for c in letter.contacts])
    lines += _lines([line_start(escape(line)) for line in letter.recipient.lines])
    lines += [line_start(escape(letter.date)), ""]
    if letter.subject:
        lines += [line_start(_marked(letter.subject, strong=True)), ""]
    if letter.salutation:
        lines += [line_start(escape(letter.salutation)), ""]
    lines += blocks(letter.body)
    lines += _lines([line_start(escape(part)) for part in (letter.closing, letter.signature)
                     if part])
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


class CVMarkdownBuilder(CVBuilder):
    name = "cv-markdown"
    suffix = ".md"

    def write_cv(self, cv: CV, path: Path) -> bool:
        path.write_text(cv_markdown(cv), encoding="utf-8")
        return True

    def write_letter(self, letter: Letter, path: Path) -> bool:
        path.write_text(letter_markdown(letter), encoding="utf-8")
        return True


def setup_cv_markdown(app: Sphinx) -> None:
    app.add_builder(CVMarkdownBuilder)
