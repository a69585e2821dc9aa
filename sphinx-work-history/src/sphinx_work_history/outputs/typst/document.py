"""The CV document as Typst source, for the ``cv-pdf`` builder (cv_pdf.py).

The source imports one design (``assets/typst/<design>.typ``, copied beside
it into ``work-history/``) and calls its functions: ``cv`` (the document's
settings), ``header``, ``intro``, ``section``, ``entry``, ``employer`` and
``aside``. Every text the author wrote is a Typst string literal
(`string`), never markup: so no character of it (``*``, ``_``, ``#``,
``$``, ``@``, ``<``, ``[``, a quote mark...) is read as Typst syntax, and
Typst's smart quotes leave it as written.

The CV is read through `sections` (and `entry_fields`), the one place that
knows the shape of `cv_document.CV`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ...model.cv_model import (
    CV,
    Aside,
    BulletList,
    EmployerGroup,
    Entry,
    Item,
    ItemList,
    Paragraph,
    Run,
    Section,
    compact_lists,
)
from ...model.views import Detail

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def string(text: str) -> str:
    """*text* as a Typst string literal: backslash, quote and control characters escaped."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif unicodedata.category(char) in ("Cc", "Cs"):
            out.append(f"\\u{{{ord(char):x}}}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


# -- inline text and blocks ---------------------------------------------------------

def run(item: Run) -> str:
    """One run as a Typst expression (code mode)."""
    expr = f"raw({string(item.text)})" if item.literal else string(item.text)
    if item.emphasis:
        expr = f"emph({expr})"
    if item.strong:
        expr = f"strong({expr})"
    if item.url:
        expr = f"link({string(item.url)}, {expr})"
    return expr


def inline(paragraph: Paragraph) -> str:
    """A paragraph's runs as a content block."""
    return "[" + "".join(f"#{run(item)}" for item in paragraph.runs) + "]"


def item_list(shown: ItemList) -> str:
    """A list as Typst's ``list``, or ``enum`` from its start (``reversed: true``
    when numbered down); each item holds the lists nested in it."""
    made = []
    for item in shown.items:
        parts = [inline(item.text)] if item.text.runs else []
        parts += [item_list(inner) for inner in item.lists]
        made.append(f"{'enum' if shown.numbered else 'list'}.item({' + '.join(parts) or '[]'})")
    if not shown.numbered:
        return f"list({', '.join(made)})"
    numbering = [f"start: {shown.start}"] if shown.start != 1 or shown.reversed else []
    numbering += ["reversed: true"] if shown.reversed else []
    return f"enum({', '.join([*numbering, *made])})"


def bullets(block: BulletList) -> str:
    return "\n".join(f"#{item_list(shown)}" for shown in block.lists)


def block(item: Any) -> str:
    if isinstance(item, BulletList):
        return bullets(item) if item.items else ""
    if isinstance(item, Paragraph):
        return f"#par({inline(item)})" if item.runs else ""
    if isinstance(item, Aside):
        return (f"#aside(title: {string(item.title)})[\n{blocks(item.blocks)}\n]")
    return ""


def blocks(items: Iterable[Any]) -> str:
    return "\n".join(text for text in map(block, items) if text)


# -- the CV, read -------------------------------------------------------------------

def introduction(cv: CV) -> tuple[Item, ...]:
    """What the CV's start holds before its first heading: shown under the header."""
    first = cv.sections[0] if cv.sections else None
    return first.items if first is not None and not first.depth else ()


def sections(cv: CV) -> tuple[Section, ...]:
    """The CV's sections under a heading (a page's title, its subsections)."""
    return tuple(section for section in cv.sections if section.depth)


class Content(str):
    """A Typst content block, written as it is (`value`)."""


def detail_text(detail: Detail) -> str:
    """A detail's text; a content block when items of it are in italics or bold."""
    if not detail.parts:
        return detail.text
    runs: list[Run] = []
    for text, italic, bold in detail.parts:
        runs += [Run(", ")] if runs else []
        runs.append(Run(text, emphasis=italic, strong=bold))
    return Content(inline(Paragraph(tuple(runs))))


def entry_fields(entry: Entry) -> dict[str, Any]:
    """What an entry's heading shows, by the names the designs' ``entry`` takes."""
    (title, subtitle), (url, subtitle_url) = entry.lead, entry.lead_urls
    return {"kind": entry.kind, "title": title, "subtitle": subtitle,
            "subtitle-url": subtitle_url, "url": url,
            "dates": entry.dates, "length": entry.length, "location": entry.location,
            "details": tuple((d.label, detail_text(d), d.url) for d in entry.details),
            "headed": entry.headed}


# -- the document ---------------------------------------------------------------------

@dataclass(frozen=True)
class Settings:
    title: str
    author: str
    language: str = "en"
    design: str = "classic"
    paper: str = "a4"
    accent: str = "#1f4e79"
    fonts: tuple[str, ...] = ()
    heading_fonts: tuple[str, ...] = ()
    mono_fonts: tuple[str, ...] = ()
    photo: str = ""  # a path relative to the Typst source


def value(item: Any) -> str:
    """A Python value as a Typst value."""
    if isinstance(item, Content):
        return str(item)
    if isinstance(item, str):
        return string(item)
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, (tuple, list)):
        inner = ", ".join(map(value, item))
        return f"({inner},)" if len(item) == 1 else f"({inner})"
    raise TypeError(item)


def call(name: str, fields: dict[str, Any], body: str | None = None) -> str:
    args = ", ".join(f"{key}: {value(item)}" for key, item in fields.items())
    return f"#{name}({args})" + (f"[\n{body}\n]" if body is not None else "")


def entry_name(item: Entry) -> str:
    """How the page budget's message names an entry: its heading, or its first words."""
    if item.heading and item.headed:
        return item.heading
    first = next((b.text for b in item.body if isinstance(b, Paragraph)), "") or item.heading
    return first if len(first) <= 60 else first[:59].rsplit(" ", 1)[0] + "…"


def entry(item: Entry, level: int) -> str:
    name = string(entry_name(item))
    return "\n".join((f'#mark("start", {name})',
                      call("entry", {**entry_fields(item), "level": level}, blocks(item.body)),
                      f'#mark("end", {name})'))


def language_region(language: str) -> tuple[str, str]:
    """``en_GB`` or ``en-GB`` as Typst's ``lang`` and ``region``."""
    lang, _, region = language.replace("-", "_").partition("_")
    return lang.lower() or "en", region.upper()


def document(cv: CV, settings: Settings, design_path: str) -> str:
    lang, region = language_region(settings.language)
    lines = [
        "// The CV, written by sphinx-work-history's cv-pdf builder from the project's",
        "// pages. Edit it, then compile it again: typst compile <this file>.",
        f"#import {string(design_path)}: "
        "cv, header, intro, section, prose, entry, employer, aside, mark",
        "#show: cv.with(",
        f"  title: {string(settings.title)},",
        f"  author: {string(settings.author)},",
        f"  language: {string(lang)},",
        f"  region: {string(region) if region else 'none'},",
        f"  paper: {string(settings.paper)},",
        f"  accent: rgb({string(settings.accent)}),",
        f"  fonts: {value(settings.fonts)},",
        f"  heading-fonts: {value(settings.heading_fonts or settings.fonts)},",
        f"  mono-fonts: {value(settings.mono_fonts or settings.fonts)},",
        ")",
        "",
    ]
    photo = (f"image({string(settings.photo)}, width: 24mm, alt: {string(cv.name)})"
             if settings.photo else "none")
    contacts = "(" + "".join(
        f"(label: {string(c.label)}, text: {string(c.text)}, url: {string(c.url)}), "
        for c in cv.contacts) + ")"
    lines.append(f"#header(name: {string(cv.name)}, label: {string(cv.label)}, "
                 f"contacts: {contacts}, photo: {photo})")
    if intro := "\n".join(_items(introduction(cv), 2, prose=False)):
        lines.append(f"#intro[\n{intro}\n]")
    above = 1  # the name
    for part in sections(cv):
        lines.append("")
        # A heading is at most one level below the one before it (PDF/UA): a
        # subsection whose page title a variant left out moves up.
        level = above = min(part.depth + 1, above + 1, 6)
        lines.append(f"#section({string(part.title)}, level: {level})")
        lines.extend(_items(part.items, level + 1))
    return "\n".join(lines) + "\n"


def _items(items: Iterable[Item], level: int, prose: bool = True) -> Iterator[str]:
    """A section's items, its entries headed at *level*; skills, languages and
    interests as one list of a line each."""
    for item in compact_lists(tuple(items)):
        if isinstance(item, Entry):
            yield entry(item, min(level, 6))
        elif isinstance(item, EmployerGroup):
            inner = "\n".join(entry(role, min(level + 1, 6)) for role in item.entries)
            yield call("employer", {"org": item.org, "org-url": item.org_url,
                                    "dates": item.dates, "length": item.length,
                                    "location": item.location, "level": min(level, 6)}, inner)
        elif text := block(item):
            yield f"#prose[\n{text}\n]" if prose else text
