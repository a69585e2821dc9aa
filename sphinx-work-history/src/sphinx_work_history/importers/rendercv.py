"""RenderCV 2.x (a YAML file) into pages, one per section, with the package's directives.

``cv``'s fields become ``work_history_person``; each of ``cv.sections`` a
page titled as RenderCV titles it, its entries in order, by entry type
(found as RenderCV finds it, from the first of its own keys an entry has):

=================== ===============================================
RenderCV entry      written as
=================== ===============================================
one-line            ``skill`` (label; details as keywords)
normal              ``project`` (name)
experience          ``job`` (position, company)
education           ``education`` (institution, area, degree)
publication         ``publication`` (title, authors, journal, doi)
bullet              an item of a bulleted list
numbered            an item of a numbered list
reversed-numbered   an item of a list numbered down to 1 (``{.reversed}``)
text                a paragraph
=================== ===============================================

RenderCV's texts are Markdown, read by `rendercv_markdown` as data: its
bold, italic, code and links are written as MyST markup, everything else
as escaped text. A heading or option, which a directive shows as plain
text, keeps a link's text (the first link's address becomes ``:url:``),
drops emphasis marks, and has no line break; but an author in italics or
bold (RenderCV's mark of the CV's own name) is ``*so*`` or ``**so**`` in
``:authors:`` (kinds.marked). A highlight's " - " starts an item nested in
it, as in RenderCV. A social network's username links to the profile, by
RenderCV's table of networks (rendercv_tables.py); ``locale.language``
becomes conf.py's ``language``, ``design.theme`` the nearest design of the
PDF and ``design.page.size`` its paper. The file is read with every
scalar as the text written (YAML's BaseLoader), so ``2021`` and ``1.0``
stay as typed. What has no place, and a key given twice, is named in a
note; a value no text holds, or a date that is not one, stops the import.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markdown_it.token import Token

from ..config.options import is_web_url
from ..model.cv_model import REVERSED
from ..model.dates import PRESENT, DateError, PartialDate
from ..model.kinds import marked
from . import (
    LINE_BREAKS,
    MAX_DEPTH,
    InputError,
    Page,
    Project,
    check_values,
    json_path,
    one_line,
    read_text,
)
from . import myst_writer as mw
from .rendercv_markdown import highlight_items, inline_tokens, myst_paragraphs, plain, plain_text
from .rendercv_tables import (
    DEFAULT_PAGE,
    DEFAULT_THEME,
    DESIGNS,
    PAPERS,
    language_code,
    profile_url,
)

__all__ = ["load_yaml", "plain", "read_rendercv", "section_title"]

Where = tuple[str | int, ...]

PERSON = {"name": "name", "headline": "label", "email": "email", "phone": "phone",
          "website": "url", "photo": "image"}
# The person's texts RenderCV reads as Markdown (shown here as plain text).
PERSON_MARKDOWN = ("name", "headline")
# RenderCV's own top-level keys beside `cv` that say nothing of the CV (`locale` and
# `design` give the project's language, and the PDF's design and paper).
RENDERCV_OWN = {"settings": "RenderCV's own settings"}
# RenderCV's entry types, in the order RenderCV tries them, each with the keys that
# only it has (an entry is of the first type one of whose keys it has).
ENTRY_TYPES = [
    ("one-line", ("label", "details")),
    ("normal", ("name",)),
    ("experience", ("company", "position")),
    ("education", ("institution", "area", "degree")),
    ("publication", ("title", "authors", "doi", "url", "journal")),
    ("bullet", ("bullet",)),
    ("numbered", ("number",)),
    ("reversed-numbered", ("reversed_number",)),
]
_DATED = {"date", "start_date", "end_date", "location", "summary", "highlights"}
# The keys each entry type is imported from (a publication's highlights too).
KNOWN = {
    "one-line": {"label", "details"},
    "normal": {"name"} | _DATED,
    "experience": {"company", "position"} | _DATED,
    "education": {"institution", "area", "degree"} | _DATED,
    "publication": {"title", "authors", "summary", "doi", "url", "journal", "date",
                    "highlights"},
    "bullet": {"bullet"},
    "numbered": {"number"},
    "reversed-numbered": {"reversed_number"},
}
LISTS = {"bullet": "bullet", "numbered": "number", "reversed-numbered": "reversed_number"}
DIRECTIVES = {"one-line": "skill", "normal": "project", "experience": "job",
              "education": "education", "publication": "publication"}
# RenderCV's own words in section titles it makes from keys.
_SMALL_WORDS = {"and", "or", "of", "in", "on", "the", "a", "an", "for", "to", "with"}
# A `date` shaped as RenderCV checks it is a calendar date (others are free text).
_DATE_SHAPED = re.compile(r"[0-9]{4}(?:-[0-9]{2}){0,2}")


_EMPHASIS = ("em_open", "strong_open", "em_close", "strong_close")
# What `kinds.marked` would read as marks, or as a star kept by a backslash.
_STARTS_MARKED = re.compile(r"\\*\*")


def _whole_emphasis(tokens: list[Token]) -> tuple[bool, bool]:
    """(italic, bold): whether the whole of a paragraph's *tokens* is in italics, in
    bold, with no other bold or italic inside."""
    tokens = [token for token in tokens if token.type != "text" or token.content]
    italic = bold = False
    while len(tokens) >= 2 and tokens[0].type in ("em_open", "strong_open"):
        depth, index = 0, 0
        for index, token in enumerate(tokens):  # noqa: B007 (where the first closes)
            depth += token.nesting
            if not depth:
                break
        if index != len(tokens) - 1:
            break
        italic |= tokens[0].type == "em_open"
        bold |= tokens[0].type == "strong_open"
        tokens = tokens[1:-1]
    if any(token.type in _EMPHASIS for token in tokens):
        return False, False
    return italic, bold


# -- reading the file ------------------------------------------------------------
class _Loader(yaml.BaseLoader):
    """BaseLoader (every scalar the text written, no object built) that keeps the last
    of a key given twice in one mapping, as BaseLoader does, and notes it."""

    def __init__(self, text: str, source: str) -> None:
        super().__init__(text)
        self.source = source
        self.notes: list[str] = []
        self.paths: dict[yaml.Node, Where] = {}  # a collection's place in the file

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> list[Any]:
        where = self.paths.get(node, ())
        for index, child in enumerate(node.value):
            self.paths.setdefault(child, (*where, index))
        return super().construct_sequence(node, deep=deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False
                          ) -> dict[Any, Any]:
        where = self.paths.get(node, ())
        mapping: dict[Any, Any] = {}
        lines: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, "found unhashable key",
                    key_node.start_mark)
            line = key_node.start_mark.line + 1
            self.paths.setdefault(value_node, (*where, str(key)))
            if key in lines:
                self.notes.append(f"{self.source}: {json_path((*where, str(key)))}: given "
                                  f"twice (lines {lines[key]} and {line}); the one on line "
                                  f"{line} is imported")
            lines[key] = line
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def load_yaml(path: Path, notes: list[str] | None = None) -> Any:
    """The data of the YAML file *path*, each scalar a string; a note in *notes* for
    each key a mapping gives twice. Raise `InputError` (one line) for what cannot be
    read."""
    text = read_text(path)
    loader: _Loader | None = None
    try:
        loader = _Loader(text, str(path))  # which checks each character
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise InputError(f"{where}: {exc.problem or exc.context}") from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise InputError(f"{path}:{line}:{column}: the character U+{exc.character:04X} "
                         "is not allowed in YAML") from None
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: {' '.join(str(exc).split())}") from None
    except RecursionError:
        mark = loader.get_mark() if loader is not None else None
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise InputError(f"{where}: nested more than {MAX_DEPTH} levels deep") from None
    finally:
        if loader is not None:
            loader.dispose()
    if notes is not None:
        notes += loader.notes if loader is not None else []
    return data


# -- texts -----------------------------------------------------------------------
def section_title(key: str) -> str:
    """RenderCV's title for a section key: ``selected_honors`` -> "Selected Honors"."""
    if " " in key or any(char.isupper() for char in key):
        return key
    words = key.replace("_", " ").split()
    return " ".join(word if i and word in _SMALL_WORDS else word[:1].upper() + word[1:]
                    for i, word in enumerate(words))


def _item(marker: str, paragraphs: list[str]) -> str:
    """A list item: *marker*, then the paragraphs, their later lines indented under it."""
    first, *rest = "\n\n".join(paragraphs).split("\n")
    indent = " " * (len(marker) + 1)
    return "\n".join([f"{marker} {first}".rstrip(), *(indent + line if line else ""
                                                       for line in rest)])


def _nested(marker: str, paragraphs: list[str], nested: list[list[str]]) -> str:
    """An item with the items nested in it (a highlight's), indented under its text."""
    item = _item(marker, paragraphs)
    if not nested:
        return item
    indent = " " * (len(marker) + 1)
    inner = "\n".join(_item("-", sub) for sub in nested).split("\n")
    return "\n".join([item, *(indent + line if line else "" for line in inner)])


def _list(kind: str, items: list[list[str]], delimiter: str = ".") -> str:
    """A list of *kind* (`LISTS`); numbered, its numbers end in *delimiter* (``.`` or
    ``)``: a numbered list right after another needs the other, or they are one)."""
    count = len(items)
    if kind == "bullet":
        return "\n".join(_item("-", item) for item in items)
    if kind == "numbered":
        return "\n".join(_item(f"{n}{delimiter}", item) for n, item in enumerate(items, 1))
    # MyST numbers a list up from its first number: the class (on a line of its own,
    # which MyST's attrs_block gives the list) says it counts down.
    return f"{{.{REVERSED}}}\n\n" + "\n".join(
        _item(f"{count - i}{delimiter}", item) for i, item in enumerate(items))


def entry_type(entry: dict[str, Any]) -> str:
    """RenderCV's type of *entry*, or ''."""
    return next((kind for kind, keys in ENTRY_TYPES if any(key in entry for key in keys)), "")


@dataclass
class _Reader:
    """Reads one file's ``cv``, with the notes about what it leaves out."""

    source: Path
    notes: list[str] = field(default_factory=list)

    def where(self, path: Where) -> str:
        return f"{self.source}: {json_path(path)}"

    def note(self, path: Where, text: str) -> None:
        self.notes.append(f"{self.where(path)}: {text}")

    # -- values ---------------------------------------------------------------------
    def text(self, data: dict[str, Any], key: str, path: Where) -> str:
        """``data[key]`` if it is a text; '' with a note if it is something else."""
        value = data.get(key)
        if isinstance(value, str):
            return value
        if value is not None:
            self.note((*path, key), f"a {_kind(value)}, not a text; not imported")
        return ""

    def texts(self, data: dict[str, Any], key: str, path: Where
              ) -> list[tuple[Where, str]]:
        """The texts of the list ``data[key]`` that show something, each with its path."""
        value = data.get(key)
        if value in (None, ""):
            return []
        if not isinstance(value, list):
            self.note((*path, key), f"a {_kind(value)}, not a list of texts; not imported")
            return []
        found = []
        for index, item in enumerate(value):
            if isinstance(item, str):
                if item.strip():
                    found.append(((*path, key, index), item))
            else:
                self.note((*path, key, index), f"a {_kind(item)}, not a text; not imported")
        return found

    def line(self, value: str, path: Where) -> tuple[str, list[str]]:
        """(plain text on one line, each link's address) of RenderCV's Markdown."""
        text, urls = plain_text(value)
        return one_line(text, self.where(path), self.notes), urls

    def shown(self, data: dict[str, Any], key: str, path: Where) -> str:
        """``data[key]`` as an option's plain text; a link's address is noted, not kept."""
        text, urls = self.line(self.text(data, key, path), (*path, key))
        for url in urls:
            self.note((*path, key), f"the link to {url!r}: its text is kept, the address "
                      "is not imported")
        return text

    def heading(self, data: dict[str, Any], key: str, path: Where) -> tuple[str, str]:
        """(``data[key]`` as a heading's plain text, its first link's web address)."""
        text, urls = self.line(self.text(data, key, path), (*path, key))
        url = ""
        for address in urls:
            if not url and is_web_url(address):
                url = address
            else:
                self.note((*path, key), f"the link to {address!r}: its text is kept, the "
                          "address is not imported")
        return " ".join(text.split()), url

    def paragraphs(self, text: str, path: Where) -> list[str]:
        return myst_paragraphs(text, self.where(path), self.notes)

    # -- dates ----------------------------------------------------------------------
    def exact_date(self, entry: dict[str, Any], key: str, path: Where) -> str:
        """``start_date`` or ``end_date``: a calendar date (or, for an end, 'present')."""
        value = self.text(entry, key, path).strip()
        if not value or (key == "end_date" and value.lower() == PRESENT):
            return value
        try:
            PartialDate.parse(value)
        except DateError as exc:
            raise InputError(f"{self.where((*path, key))}: {exc}") from None
        return value

    def free_date(self, entry: dict[str, Any], path: Where) -> str:
        """``date``: free text ("Fall 2023"), but a calendar date if shaped as one."""
        value = self.text(entry, "date", path).strip()
        if _DATE_SHAPED.fullmatch(value):
            try:
                PartialDate.parse(value)
            except DateError as exc:
                raise InputError(f"{self.where((*path, 'date'))}: {exc}") from None
        return value

    def dates(self, entry: dict[str, Any], path: Where, start: str = "start",
              end: str = "end") -> tuple[list[mw.Option], list[tuple[Where, str]]]:
        """Options for an entry's dates, and the date that is text, as RenderCV reads
        them: a ``date`` wins over ``start_date`` and ``end_date``; an ``end_date`` alone
        is the date."""
        date = self.free_date(entry, path)
        first = self.exact_date(entry, "start_date", path) if end else ""
        last = self.exact_date(entry, "end_date", path) if end else ""
        if date:
            for key, value in (("start_date", first), ("end_date", last)):
                if value:
                    self.note((*path, key), "not imported (RenderCV shows the entry's "
                              "date when it has one)")
        elif last and not first and last.lower() != PRESENT:
            date = last
        elif first or last:
            return [(start, first), (end, last)], []
        if not date:
            return [], []
        if not _DATE_SHAPED.fullmatch(date):
            return [], [((*path, "date" if entry.get("date") else "end_date"), date)]
        return ([(start, date), (end, date)] if end else [(start, date)]), []

    # -- entries --------------------------------------------------------------------
    def body(self, entry: dict[str, Any], path: Where, *extra: tuple[Where, str]
             ) -> list[str]:
        blocks = [p for where, text in extra if text for p in self.paragraphs(text, where)]
        if summary := self.text(entry, "summary", path):
            blocks += self.paragraphs(summary, (*path, "summary"))
        items = []
        for where, text in self.texts(entry, "highlights", path):
            own, *nested = highlight_items(text, self.where(where), self.notes)
            nested = [sub for sub in nested if sub]
            if own or nested:
                items.append(_nested("-", own, nested))
        if items:
            blocks.append("\n".join(items))
        return blocks

    def entry(self, kind: str, entry: dict[str, Any], path: Where) -> str:
        """One entry of a section, of RenderCV's type *kind*, as a directive."""
        for key in entry:
            if key not in KNOWN[kind]:
                self.note((*path, key), f"not imported (the {DIRECTIVES[kind]} directive "
                          "has no place for it)")
        if kind == "education":
            dates, shown = self.dates(entry, path)
            title, url = self.heading(entry, "institution", path)
            options = [("area", self.shown(entry, "area", path)),
                       ("degree", self.shown(entry, "degree", path)), *dates,
                       ("location", self.shown(entry, "location", path)), ("url", url)]
            return _directive("education", title, options, self.body(entry, path, *shown))
        if kind == "experience":
            dates, shown = self.dates(entry, path)
            title, role_url = self.heading(entry, "position", path)
            org, url = self.heading(entry, "company", path)
            if url and role_url:
                self.note((*path, "position"), f"the link to {role_url!r}: its text is "
                          "kept, the address is not imported (the company's is the :url:)")
            options = [("org", org), *dates, ("location", self.shown(entry, "location", path)),
                       ("url", url or role_url)]
            return _directive("job", title, options, self.body(entry, path, *shown))
        if kind == "publication":
            return self.publication(entry, path)
        if kind == "normal":
            dates, shown = self.dates(entry, path)
            title, url = self.heading(entry, "name", path)
            place = ((*path, "location"), self.text(entry, "location", path))
            return _directive("project", title, [*dates, ("url", url)],
                              self.body(entry, path, *shown, place))
        return self.one_line_entry(entry, path)

    def publication(self, entry: dict[str, Any], path: Where) -> str:
        dates, shown = self.dates(entry, path, "date", "")
        title, url = self.heading(entry, "title", path)
        if (address := self.text(entry, "url", path)) and not is_web_url(address):
            self.note((*path, "url"), f"{address!r} is not an http(s) address; not imported")
            address = ""
        authors = [self.author(text, where) for where, text in
                   self.texts(entry, "authors", path)]
        options = [("publisher", self.shown(entry, "journal", path)), *dates,
                   ("url", address or url),
                   ("doi", one_line(self.text(entry, "doi", path).strip(),
                                    self.where((*path, "doi")), self.notes)),
                   ("authors", mw.csv_list(authors) if authors else "")]
        return _directive("publication", title, options, self.body(entry, path, *shown))

    def author(self, value: str, path: Where) -> str:
        """An author as ``:authors:`` holds one: in italics or bold as a whole
        (``*Ada*``, RenderCV's mark of the CV's own name) with its marks
        (kinds.marked), else as plain text, a star that starts it kept by a backslash."""
        name = self.line(value, path)[0].strip()
        tokens = inline_tokens(value)
        italic, bold = _whole_emphasis(tokens[0] if len(tokens) == 1 else [])
        if italic or bold:
            stars = "*" * (1 if not bold else 3 if italic else 2)
            if marked(stars + name + stars) == (name, italic, bold):
                return stars + name + stars
        if any(t.type in _EMPHASIS for paragraph in tokens for t in paragraph):
            self.note(path, "its bold or italic is not imported (an author's name is in "
                      "italics or bold as a whole, or not)")
        return "\\" + name if _STARTS_MARKED.match(name) else name

    def one_line_entry(self, entry: dict[str, Any], path: Where) -> str:
        title, _ = self.heading(entry, "label", path)
        details = self.text(entry, "details", path)
        if not details.strip():
            return _directive("skill", title, [], [])
        keywords = [k.strip() for k in details.split(",")]
        if (", ".join(keywords) == details and plain(details)[0] == details
                and not any(char in LINE_BREAKS for char in details)):
            return _directive("skill", title, [("keywords", mw.csv_list(keywords))], [])
        return _directive("skill", title, [], self.paragraphs(details, (*path, "details")))

    def section(self, key: str, entries: list[Any], path: Where) -> str:
        blocks = [mw.heading(1, one_line(section_title(key), self.where(path), self.notes))]
        run_kind, run_items = "", list[list[str]]()
        numbered: dict[int, str] = {}  # the numbered lists' places in blocks: delimiters

        def flush() -> None:
            if run_items:
                # A numbered list right after another takes the other delimiter.
                delimiter = ")" if numbered.get(len(blocks) - 1) == "." else "."
                if run_kind != "bullet":
                    numbered[len(blocks)] = delimiter
                blocks.append(_list(run_kind, run_items, delimiter))
                run_items.clear()

        for index, entry in enumerate(entries):
            where = (*path, index)
            kind = entry_type(entry) if isinstance(entry, dict) else ""
            list_kind = kind if kind in LISTS else ""
            if list_kind != run_kind:
                flush()
                run_kind = list_kind
            if list_kind:
                for key_ in entry:
                    if key_ not in KNOWN[kind]:
                        self.note((*where, key_), "not imported")
                text = self.text(entry, LISTS[kind], where)
                if paragraphs := self.paragraphs(text, (*where, LISTS[kind])):
                    run_items.append(paragraphs)
            elif isinstance(entry, str):
                blocks += self.paragraphs(entry, where)
            elif kind:
                blocks.append(self.entry(kind, entry, where))
            else:
                keys = f" (keys: {', '.join(map(repr, entry))})" if isinstance(entry, dict) else ""
                raise InputError(f"{self.where(where)}: not one of RenderCV's entry "
                                 f"types{keys}")
        flush()
        return mw.document(blocks)

    # -- the person -----------------------------------------------------------------
    def person(self, cv: dict[str, Any]) -> dict[str, Any]:
        person: dict[str, Any] = {}
        for key, target in PERSON.items():
            value = cv.get(key)
            path: Where = ("cv", key)
            if isinstance(value, list):  # RenderCV 2 takes several emails, phones, sites
                value, rest = (value[0] if value else ""), value[1:]
                if rest:
                    self.note(path, "only the first is imported "
                              f"(work_history_person has one {target})")
                path = (*path, 0)
            if not isinstance(value, str):
                if value is not None:
                    self.note(path, f"a {_kind(value)}, not a text; not imported")
                continue
            text = (self.line(value, path)[0] if key in PERSON_MARKDOWN
                    else one_line(value.strip(), self.where(path), self.notes))
            if text and target in ("url", "image") and not is_web_url(text):
                self.note(path, f"{text!r} is not an http(s) address; not imported" + (
                    " (copy the photo into the project and name it as "
                    "work_history_person's image in conf.py)" if target == "image" else ""))
            elif text:
                person[target] = text
        if location := self.text(cv, "location", ("cv",)):
            person["location"] = {"address": self.line(location, ("cv", "location"))[0]}
        if profiles := self.profiles(cv):
            person["profiles"] = profiles
        for key in cv:
            if key not in (*PERSON, "location", "social_networks", "custom_connections",
                           "sections"):
                self.note(("cv", key), "not imported")
        return person

    def profiles(self, cv: dict[str, Any]) -> list[dict[str, str]]:
        profiles = []
        for list_key, fields in (("social_networks", {"network": "network",
                                                      "username": "username"}),
                                 ("custom_connections", {"placeholder": "network",
                                                         "url": "url"})):
            items = cv.get(list_key)
            if items in (None, ""):
                continue
            if not isinstance(items, list):
                self.note(("cv", list_key), f"a {_kind(items)}, not a list; not imported")
                continue
            for index, item in enumerate(items):
                path: Where = ("cv", list_key, index)
                if not isinstance(item, dict):
                    self.note(path, f"a {_kind(item)}, not a mapping; not imported")
                    continue
                profile = {}
                for key, target in fields.items():
                    value = one_line(self.text(item, key, path).strip(),
                                     self.where((*path, key)), self.notes)
                    if key == "url" and value and not is_web_url(value):
                        self.note((*path, key), f"{value!r} is not an http(s) address; "
                                  "not imported")
                    elif value:
                        profile[target] = value
                if list_key == "social_networks" and (url := profile_url(
                        profile.get("network", ""), profile.get("username", ""))):
                    profile["url"] = url
                for key in item:
                    if key not in fields:
                        self.note((*path, key), "not imported" + (
                            " (an icon of RenderCV's header)" if key == "fontawesome_icon"
                            else ""))
                if profile:
                    profiles.append(profile)
        return profiles


    # -- the look -------------------------------------------------------------------
    def language(self, locale: Any) -> str:
        """``locale.language`` (``german``, or a code) as conf.py's ``language``, or ''."""
        if locale is None:
            return ""
        if not isinstance(locale, dict):
            self.note(("locale",), f"a {_kind(locale)}, not a mapping; not imported")
            return ""
        code = ""
        if name := self.text(locale, "language", ("locale",)).strip():
            code = language_code(name)
            if not code:
                self.note(("locale", "language"), f"{name!r} is not a language RenderCV "
                          "names, or a language code; conf.py's language is 'en'")
        if rest := [str(key) for key in locale if key != "language"]:
            self.note(("locale",), f"{', '.join(rest)}: not imported (the package's own "
                      "words and date formats for the language are used)")
        return code

    def look(self, design: Any) -> tuple[str, str]:
        """``design.theme`` as the nearest design of the PDF, and ``design.page.size``
        as its paper; RenderCV's own (classic, US Letter) where the file names none."""
        if design is not None and not isinstance(design, dict):
            self.note(("design",), f"a {_kind(design)}, not a mapping; not imported")
        design = design if isinstance(design, dict) else {}
        page = design.get("page")
        if page is not None and not isinstance(page, dict):
            self.note(("design", "page"), f"a {_kind(page)}, not a mapping; not imported")
        page = page if isinstance(page, dict) else {}
        theme = self.text(design, "theme", ("design",)).strip() or DEFAULT_THEME
        size = self.text(page, "size", ("design", "page")).strip() or DEFAULT_PAGE
        ours = DESIGNS.get(theme.lower(), "")
        if not ours:
            ours = DESIGNS[DEFAULT_THEME]
            self.note(("design", "theme"), f"{theme!r} is not one of RenderCV's themes; "
                      f"the PDF's design is {ours!r}")
        elif ours != theme.lower():
            self.note(("design", "theme"), f"{theme!r}: the PDF's design is {ours!r}, the "
                      "nearest (work_history_pdf_design in conf.py)")
        paper = PAPERS.get(size.lower(), "")
        if not paper:
            paper = PAPERS[DEFAULT_PAGE]
            self.note(("design", "page", "size"), f"{size!r} is not one of RenderCV's page "
                      f"sizes; the PDF's paper is {paper!r}")
        elif paper != size.lower():
            self.note(("design", "page", "size"), f"{size!r}: the PDF's paper is {paper!r}, "
                      "the nearest (work_history_pdf_paper in conf.py)")
        rest = [str(key) for key in design if key not in ("theme", "page")]
        rest += [f"page.{key}" for key in page if key != "size"]
        if rest:
            self.note(("design",), f"{', '.join(rest)}: not imported (the PDF's design and "
                      "conf.py's work_history_pdf_* settings set the look)")
        return ours, paper


def _kind(value: Any) -> str:
    """What a value of the file is: a text, a list, a mapping."""
    return "list" if isinstance(value, list) else "mapping" if isinstance(value, dict) else (
        "text" if isinstance(value, str) else type(value).__name__)


def _directive(kind: str, title: str, options: list[mw.Option], body: list[str]) -> str:
    return mw.directive(kind, title, [(k, v) for k, v in options if v], body)


def read_rendercv(path: Path) -> Project:
    reader = _Reader(path)
    data = load_yaml(path, reader.notes)
    check_values(data, path)
    if not isinstance(data, dict) or not isinstance(data.get("cv"), dict):
        raise InputError(f"{path}: no 'cv' mapping: not a RenderCV file")
    for key in data:
        if key not in ("cv", "locale", "design"):
            reader.note((key,), f"not imported ({RENDERCV_OWN[key]})" if key in RENDERCV_OWN
                        else "not a RenderCV key; not imported")
    cv = data["cv"]
    person = reader.person(cv)
    design, paper = reader.look(data.get("design"))
    project = Project(name=person.get("name", ""), person=person, notes=reader.notes,
                      photo_at=reader.where(("cv", "photo")),
                      language=reader.language(data.get("locale")), pdf_design=design,
                      pdf_paper=paper)
    sections = cv.get("sections") or {}
    if not isinstance(sections, dict):
        raise InputError(f"{reader.where(('cv', 'sections'))}: not a mapping of titles to "
                         "entries")
    slugs: set[str] = set()
    for key, entries in sections.items():
        where: Where = ("cv", "sections", key)
        if not isinstance(entries, list):
            raise InputError(f"{reader.where(where)}: not a list of entries")
        slug = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "section"
        while slug in slugs:
            slug += "-2"
        slugs.add(slug)
        project.pages.append(Page(f"pages/{slug}.md", reader.section(key, entries, where)))
    return project
