"""RenderCV 2.x (a YAML file) into pages, one per section, with the package's directives.

``cv``'s fields become ``work_history_person``; each of ``cv.sections`` a
page titled as RenderCV titles it, its entries in order, by entry type:

=================== ===============================================
RenderCV entry      written as
=================== ===============================================
education           ``education`` (institution, area, degree)
experience          ``job`` (position, company)
normal              ``project`` (name)
publication         ``publication`` (title, authors, journal, doi)
one-line            ``skill`` (label; details as keywords)
bullet              an item of a bulleted list
numbered            an item of a numbered list
reversed-numbered   an item of a list numbered down to 1
text                a paragraph
=================== ===============================================

RenderCV's texts are Markdown, which MyST reads as it is: they are
written unescaped. A heading or option, which a directive shows as plain
text, keeps a link's text (the link's address becomes ``:url:``) and
drops emphasis marks. The file is read with every scalar as the text
written (YAML's BaseLoader), so ``2021`` and ``1.0`` stay as typed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .. import myst_writer as mw
from ..dates import PRESENT, DateError, PartialDate
from . import InputError, Page, Project, read_text

_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_EMPHASIS = re.compile(r"(\*\*|\*|__)(.+?)\1")
PERSON = {"name": "name", "headline": "label", "email": "email", "phone": "phone",
          "website": "url", "photo": "image"}
# RenderCV's own words in section titles it makes from keys.
_SMALL_WORDS = {"and", "or", "of", "in", "on", "the", "a", "an", "for", "to", "with"}


def load_yaml(path: Path) -> Any:
    text = read_text(path)
    try:
        return yaml.load(text, Loader=yaml.BaseLoader)  # BaseLoader builds no objects
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise InputError(f"{where}: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: {exc}") from None


def plain(markdown: str) -> tuple[str, str]:
    """(text, the first link's address) of inline Markdown shown as plain text."""
    url = ""
    if match := _LINK.search(markdown):
        url = match[2]
    text = _LINK.sub(r"\1", markdown)
    while (stripped := _EMPHASIS.sub(r"\2", text)) != text:
        text = stripped
    return text, url


def section_title(key: str) -> str:
    """RenderCV's title for a section key: ``selected_honors`` -> "Selected Honors"."""
    if " " in key or any(char.isupper() for char in key):
        return key
    words = key.replace("_", " ").split()
    return " ".join(word if i and word in _SMALL_WORDS else word[:1].upper() + word[1:]
                    for i, word in enumerate(words))


def _iso(value: str) -> bool:
    try:
        PartialDate.parse(value)
    except DateError:
        return False
    return True


def _dates(entry: dict[str, Any], start: str = "start", end: str = "end"
           ) -> tuple[list[mw.Option], list[str]]:
    """Options for an entry's dates; a date that is not a calendar date is shown as text."""
    options: list[mw.Option] = []
    shown: list[str] = []
    date, first, last = (str(entry.get(key) or "") for key in ("date", "start_date", "end_date"))
    if first or last:
        for key, value in ((start, first), (end, last)):
            if value and (_iso(value) or (key == end and value.lower() == PRESENT)):
                options.append((key, value))
            elif value:
                shown.append(value)
    elif date:
        if _iso(date):
            options += [(start, date), (end, date)] if end else [(start, date)]
        else:
            shown.append(date)
    return options, shown


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _body(entry: dict[str, Any], *extra: str) -> list[str]:
    blocks = [text for text in extra if text]
    if summary := _text(entry.get("summary")):
        blocks.append(summary)
    highlights = [h for h in entry.get("highlights") or [] if isinstance(h, str) and h]
    if highlights:
        blocks.append("\n".join("- " + h.replace("\n", "\n  ") for h in highlights))
    return blocks


def _entry(entry: dict[str, Any]) -> tuple[str, str]:
    """(kind, MyST) of one entry of a section."""
    if "institution" in entry:
        dates, shown = _dates(entry)
        title, url = plain(_text(entry["institution"]))
        options = [("area", plain(_text(entry.get("area")))[0]),
                   ("degree", plain(_text(entry.get("degree")))[0]),
                   *dates, ("location", _text(entry.get("location"))), ("url", url)]
        return "education", _directive("education", title, options, _body(entry, *shown))
    if "company" in entry:
        dates, shown = _dates(entry)
        title, _ = plain(_text(entry.get("position")))
        org, url = plain(_text(entry["company"]))
        options = [("org", org), *dates, ("location", _text(entry.get("location"))),
                   ("url", url)]
        return "job", _directive("job", title, options, _body(entry, *shown))
    if "authors" in entry or ("title" in entry and "journal" in entry):
        dates, shown = _dates(entry, "date", "")
        title, url = plain(_text(entry.get("title")))
        authors = [plain(a)[0] for a in entry.get("authors") or [] if isinstance(a, str)]
        options = [("publisher", plain(_text(entry.get("journal")))[0]), *dates,
                   ("url", _text(entry.get("url")) or url), ("doi", _text(entry.get("doi"))),
                   ("authors", mw.csv_list(authors) if authors else "")]
        return "publication", _directive("publication", title, options,
                                         _body(entry, *shown))
    if "name" in entry:
        dates, shown = _dates(entry)
        title, url = plain(_text(entry["name"]))
        location = _text(entry.get("location"))
        options = [*dates, ("url", url)]
        return "project", _directive("project", title, options,
                                     _body(entry, *shown, location))
    if "label" in entry:
        title, _ = plain(_text(entry["label"]))
        details = _text(entry.get("details"))
        keywords = [k.strip() for k in details.split(",")]
        if ", ".join(keywords) == details and plain(details)[0] == details:
            return "skill", _directive("skill", title, [("keywords", mw.csv_list(keywords))], [])
        return "skill", _directive("skill", title, [], [details])
    raise ValueError("not an entry")


def _directive(kind: str, title: str, options: list[mw.Option], body: list[str]) -> str:
    return mw.directive(kind, " ".join(title.split()),
                        [(k, v) for k, v in options if v], body)


LISTS = {"bullet": "bullet", "number": "numbered", "reversed_number": "reversed-numbered"}


def _list(kind: str, texts: list[str]) -> str:
    if kind == "bullet":
        return "\n".join("- " + t.replace("\n", "\n  ") for t in texts)
    numbers = range(1, len(texts) + 1) if kind == "number" else range(len(texts), 0, -1)
    if kind == "number":
        return "\n".join(f"{n}. " + t.replace("\n", "\n   ") for n, t in zip(numbers, texts,
                                                                           strict=True))
    # Markdown numbers lists upwards: a list numbered down shows its numbers as text.
    return "\n".join(f"- {n}\\. " + t.replace("\n", "\n  ") for n, t in zip(numbers, texts,
                                                                           strict=True))


def section_page(key: str, entries: list[Any], where: str) -> str:
    blocks = [mw.heading(1, section_title(key))]
    run_kind, run_texts = "", list[str]()

    def flush() -> None:
        if run_texts:
            blocks.append(_list(run_kind, run_texts))
            run_texts.clear()

    for index, entry in enumerate(entries):
        kind = next((k for k in LISTS if isinstance(entry, dict) and k in entry), "")
        if kind != run_kind:
            flush()
            run_kind = kind
        if kind:
            run_texts.append(_text(entry[kind]))
        elif isinstance(entry, str):
            blocks.append(entry)
        elif isinstance(entry, dict):
            try:
                blocks.append(_entry(entry)[1])
            except ValueError:
                raise InputError(f"{where}[{index}]: not one of RenderCV's entry types (keys: "
                                 f"{', '.join(entry)})") from None
        else:
            raise InputError(f"{where}[{index}]: not one of RenderCV's entry types")
    flush()
    return mw.document(blocks)


def _person(cv: dict[str, Any], path: Path, notes: list[str]) -> dict[str, Any]:
    person: dict[str, Any] = {}
    for key, target in PERSON.items():
        value = cv.get(key)
        if isinstance(value, list):  # RenderCV 2 takes several emails or phones
            value, rest = (value[0] if value else ""), value[1:]
            if rest:
                notes.append(f"{path}: cv.{key}: only the first is imported "
                             f"(work_history_person has one {target})")
        if isinstance(value, str) and value:
            person[target] = value
    if location := _text(cv.get("location")):
        person["location"] = {"address": location}
    profiles = []
    for item in cv.get("social_networks") or []:
        if isinstance(item, dict):
            profiles.append({k: item[k] for k in ("network", "username") if item.get(k)})
    for item in cv.get("custom_connections") or []:
        if isinstance(item, dict):
            profile = {"network": _text(item.get("placeholder")), "url": _text(item.get("url"))}
            profiles.append({k: v for k, v in profile.items() if v})
    if profiles:
        person["profiles"] = profiles
    for key in cv:
        if key not in (*PERSON, "location", "social_networks", "custom_connections",
                       "sections"):
            notes.append(f"{path}: cv.{key}: not imported")
    return person


def read_rendercv(path: Path) -> Project:
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("cv"), dict):
        raise InputError(f"{path}: no 'cv' mapping: not a RenderCV file")
    cv = data["cv"]
    notes: list[str] = []
    project = Project(name=_text(cv.get("name")), person=_person(cv, path, notes), notes=notes)
    sections = cv.get("sections") or {}
    if not isinstance(sections, dict):
        raise InputError(f"{path}: cv.sections: not a mapping of titles to entries")
    slugs: set[str] = set()
    for key, entries in sections.items():
        where = f"{path}: cv.sections.{key}"
        if not isinstance(entries, list):
            raise InputError(f"{where}: not a list of entries")
        slug = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "section"
        while slug in slugs:
            slug += "-2"
        slugs.add(slug)
        project.pages.append(Page(f"pages/{slug}.md", section_page(key, entries, where)))
    return project
