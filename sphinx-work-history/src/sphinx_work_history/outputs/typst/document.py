"""The CV document as Typst source, for the ``cv-pdf`` builder (cv_pdf.py).

The source imports one design (``assets/typst/<design>.typ``, copied beside
it into ``work-history/``) and calls its functions: ``cv`` (the document's
settings), ``header``, ``intro``, ``section``, ``entry``, ``employer`` and
``aside``. Every text the author wrote is a Typst string literal
(`string`), never markup: so no character of it (``*``, ``_``, ``#``,
``$``, ``@``, ``<``, ``[``, a quote mark...) is read as Typst syntax, and
Typst's smart quotes leave it as written.

The CV is read through `sections` (and `entry_fields`), the one place that
knows the shape of `cv_document.CV`. A design with a side column (`SIDE_COLUMN`)
gets the header and the sections of skills, languages and interests in one
column, and the rest in the other (`two-columns`): the tags, and the text, read
the side column whole, then the main one.
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
    Contact,
    EmployerGroup,
    Entry,
    Item,
    ItemList,
    Paragraph,
    Run,
    Section,
    compact_lists,
    web_shown,
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
    """Typst code (a content block, an expression), written as it is (`value`)."""


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
            "headed": entry.headed,
            # A numbered list's label (the designs' default: none).
            **({"label": entry.label} if entry.label else {})}


def side_section(section: Section) -> bool:
    """A section of skills, languages or interests only (each a line, no text of its
    own): a side column's."""
    entries = [item for item in section.items if isinstance(item, (Entry, EmployerGroup))]
    return bool(entries) and all(isinstance(item, Entry) and item.compact for item in entries)


def without_empty(parts: list[Section]) -> list[Section]:
    """*parts* without a heading that nothing follows but the next heading of its level
    or above (a page title whose subsections all went to the side column)."""
    kept = []
    for index, part in enumerate(parts):
        after = next((later for later in parts[index + 1:]
                      if later.items or later.depth <= part.depth), None)
        if part.items or (after is not None and after.depth > part.depth):
            kept.append(part)
    return kept


# -- the document ---------------------------------------------------------------------

#: The designs with a side column: their ``two-columns`` sets it beside the main one.
SIDE_COLUMN = frozenset({"sidebar"})

@dataclass(frozen=True)
class Footer:
    """What every page's footer says (base.typ's ``page-footer``)."""

    name: str
    pages: str = ""  # "page {page} of {pages}", in the CV's language
    updated: str = ""  # "Last updated May 2026", or ''


@dataclass(frozen=True)
class Layout:
    """What the fit to the page budget tightens (fit.py); None: the design's, or conf.py's."""

    spacing: float = 1.0  # times the design's leading and space between paragraphs
    margins: tuple[tuple[str, str], ...] = ()  # ("x", "17mm"), ("y", "12mm"): over the design's
    size: str | None = None  # the body text's size, as Typst writes it


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
    icons: tuple[str, ...] = ()  # each contact's icon, relative to the designs ('': its label)
    footer: Footer | None = None
    layout: Layout = Layout()
    section_style: str = "auto"  # "auto": the design's
    date_style: str = "auto"  # "auto": the design's
    entry_breaks: bool = False  # an entry may break across pages


def value(item: Any) -> str:
    """A Python value as a Typst value."""
    if isinstance(item, Content):
        return str(item)
    if isinstance(item, str):
        return string(item)
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, (int, float)):
        return repr(item)
    if item is None:
        return "none"
    if isinstance(item, Footer):
        return dictionary({"name": item.name, "pages": item.pages, "updated": item.updated})
    if isinstance(item, (tuple, list)):
        inner = ", ".join(map(value, item))
        return f"({inner},)" if len(item) == 1 else f"({inner})"
    raise TypeError(item)


def dictionary(fields: dict[str, Any]) -> str:
    """A Typst dictionary of *fields*, each a Python value (`value`)."""
    inner = ", ".join(f"{key}: {value(item)}" for key, item in fields.items())
    return f"({inner})" if inner else "(:)"


def call(name: str, fields: dict[str, Any], body: str | None = None) -> str:
    args = ", ".join(f"{key}: {value(item)}" for key, item in fields.items())
    return f"#{name}({args})" + (f"[\n{body}\n]" if body is not None else "")


def entry_name(item: Entry) -> str:
    """How the page budget's message names an entry: its heading, or its first words."""
    if item.heading and item.headed:
        return item.heading
    first = next((b.text for b in item.body if isinstance(b, Paragraph)), "") or item.heading
    return first if len(first) <= 60 else first[:59].rsplit(" ", 1)[0] + "…"


def entry(item: Entry, level: int, date_style: str = "auto") -> str:
    name = string(entry_name(item))
    fields = {**entry_fields(item), "level": level, "dates": dated(item.dates, date_style)}
    return "\n".join((f'#mark("start", {name})', call("entry", fields, blocks(item.body)),
                      f'#mark("end", {name})'))


def dated(dates: str, style: str) -> str:
    """An entry's dates: the text, or (a style asked for) base.typ's ``dated`` of it."""
    return dates if style == "auto" or not dates else Content(
        f"dated({string(dates)}, {string(style)})")


def language_region(language: str) -> tuple[str, str]:
    """``en_GB`` or ``en-GB`` as Typst's ``lang`` and ``region``."""
    lang, _, region = language.replace("-", "_").partition("_")
    return lang.lower() or "en", region.upper()


def document(cv: CV, settings: Settings, design_path: str) -> str:
    base = design_path.rpartition("/")[0] + "/base.typ" if "/" in design_path else "base.typ"
    side = settings.design in SIDE_COLUMN
    lines = [
        "// The CV, written by sphinx-work-history's cv-pdf builder from the project's",
        "// pages. Edit it, then compile it again: typst compile <this file>.",
        f"#import {string(design_path)}: "
        "cv, header, intro, section, prose, entry, employer, aside, mark"
        + (", two-columns" if side else ""),
        *([f"#import {string(base)}: dated"] if settings.date_style != "auto" else []),
        *show_cv(settings, settings.title, settings.author, settings.language),
        "",
    ]
    if settings.entry_breaks:
        folder = design_path.rpartition("/")[0]
        typeset = f"{folder}/typeset.typ" if folder else "typeset.typ"
        lines += [f"#import {string(typeset)}: entry-breaks",
                  "#entry-breaks.update(true)", ""]
    photo = (f"image({string(settings.photo)}, width: 24mm, alt: {string(cv.name)})"
             if settings.photo else "none")
    header = (f"#header(name: {string(cv.name)}, label: {string(cv.label)}, "
              f"contacts: {contact_list(cv.contacts, settings.icons)}, photo: {photo})")
    intro = "\n".join(_items(introduction(cv), 2, prose=False))
    main = [f"#intro[\n{intro}\n]"] if intro else []
    parts = list(sections(cv))
    if not side:
        lines.append(header)
        lines.extend(main + _sections(parts, settings.date_style))
        return "\n".join(lines) + "\n"
    # The side column's sections are each a heading of their own (level 2).
    aside = [Section(part.title, 1, part.items) for part in parts if side_section(part)]
    rest = without_empty([part for part in parts if not side_section(part)])
    lines += ["#two-columns(", "[", header, *_sections(aside, settings.date_style), "],",
              "[", *main, *_sections(rest, settings.date_style), "])"]
    return "\n".join(lines) + "\n"


def show_cv(settings: Settings, title: str, author: str, language: str) -> list[str]:
    """The lines that set the document up with the design's ``cv``: its title,
    author and language, and the settings conf.py (and the fit) give."""
    lang, region = language_region(language)
    return [
        "#show: cv.with(",
        f"  title: {string(title)},",
        f"  author: {string(author)},",
        f"  language: {string(lang)},",
        f"  region: {string(region) if region else 'none'},",
        f"  paper: {string(settings.paper)},",
        f"  accent: rgb({string(settings.accent)}),",
        f"  fonts: {value(settings.fonts)},",
        f"  heading-fonts: {value(settings.heading_fonts or settings.fonts)},",
        f"  mono-fonts: {value(settings.mono_fonts or settings.fonts)},",
        *(f"  {key}: {text}," for key, text in _design_settings(settings).items()),
        ")",
    ]


def contact_list(contacts: tuple[Contact, ...], icons: tuple[str, ...]) -> str:
    """The contact block's details as a Typst array, each with its icon ('' for none:
    its label shows)."""
    icons = icons or ("",) * len(contacts)
    return "(" + "".join(
        f"(label: {string(c.label)}, text: {string(shown(c.text))}, url: {string(c.url)}, "
        f"icon: {string(icon)}), " for c, icon in zip(contacts, icons, strict=True)) + ")"


def _sections(parts: Iterable[Section], date_style: str = "auto") -> list[str]:
    """Each section's heading, then its items."""
    lines: list[str] = []
    above = 1  # the name
    for part in parts:
        lines.append("")
        # A heading is at most one level below the one before it (PDF/UA): a
        # subsection whose page title a variant left out moves up.
        level = above = min(part.depth + 1, above + 1, 6)
        lines.append(f"#section({string(part.title)}, level: {level})")
        lines.extend(_items(part.items, level + 1, date_style=date_style))
    return lines


def shown(text: str) -> str:
    """A contact detail's text as the PDF shows it: a web address without its scheme
    (its link keeps it)."""
    return web_shown(text) if text.startswith(("http://", "https://")) else text


def _design_settings(settings: Settings) -> dict[str, str]:
    """The arguments of the design's ``cv`` that conf.py (and the fit) set: only
    those set, so each design keeps its own otherwise."""
    layout, made = settings.layout, {}
    if layout.margins:
        made["margins"] = "(" + ", ".join(f"{axis}: {length}"
                                          for axis, length in layout.margins) + ")"
    if layout.size:
        made["size"] = layout.size
    if layout.spacing != 1.0:
        made["spacing"] = value(layout.spacing)
    if settings.section_style != "auto":
        made["section-style"] = string(settings.section_style)
    if settings.footer is not None:
        made["footer"] = value(settings.footer)
    return made


def _items(items: Iterable[Item], level: int, prose: bool = True,
           date_style: str = "auto") -> Iterator[str]:
    """A section's items, its entries headed at *level*; skills, languages and
    interests as one list of a line each."""
    for item in compact_lists(tuple(items)):
        if isinstance(item, Entry):
            yield entry(item, min(level, 6), date_style)
        elif isinstance(item, EmployerGroup):
            inner = "\n".join(entry(role, min(level + 1, 6), date_style)
                               for role in item.entries)
            yield call("employer", {"org": item.org, "org-url": item.org_url,
                                    "dates": dated(item.dates, date_style),
                                    "length": item.length,
                                    "location": item.location, "level": min(level, 6)}, inner)
        elif text := block(item):
            yield f"#prose[\n{text}\n]" if prose else text
