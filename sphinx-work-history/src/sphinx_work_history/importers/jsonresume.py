"""JSON Resume v1 (resume.json) into pages, one per section, with the package's directives.

Each section's entries keep their order, each value its text: the mapping
is the directives' (docs/directives.md), read back by the resume.json
export, so importing then building gives the same document, up to what
docs/import.md lists. ``basics`` becomes ``work_history_person``, its
summary the home page's introduction; ``meta`` and ``$schema`` describe the
file, not the person, and are not imported (the export writes its own).

Every value is data: read as JSON (a repeated key noted, NaN, Infinity and
what no text holds refused by `check_values`), it reaches a page only
through the MyST writer's escapes, a one-line value (an argument, an option)
with its line breaks spaces (`one_line`), a text's line breaks LF
(`lf_text`), each change a note naming the value's JSON path.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from ..config.options import is_web_url
from ..config.person import LOCATION_FIELDS, PROFILE_FIELDS
from ..model.dates import DateError, PartialDate
from ..model.kinds import KINDS as KIND_CLASSES
from ..model.kinds import Record, option_fields
from ..model.records import JobRecord, VolunteerRecord
from ..outputs.jsonresume.data import ORGANISATION_KEY, ROLE_ONLY_KEYS
from ..sphinx.domain import target_name
from . import (
    MAX_DEPTH,
    InputError,
    Page,
    Project,
    check_values,
    json_path,
    lf_text,
    one_line,
    read_text,
)
from . import myst_writer as mw

BASICS = ("name", "label", "image", "email", "phone", "url", "summary", "location", "profiles")
SKIPPED = ("$schema", "meta")

Options = list[mw.Option]


def _schema() -> dict[str, Any]:
    path = resources.files("sphinx_work_history") / "assets" / "schemas" / (
        "jsonresume-v1.schema.json")
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _validate(data: Any, path: Path) -> None:
    try:
        import jsonschema
    except ImportError:  # pragma: no cover - the 'import' extra installs it
        raise InputError(f"{path}: checking it needs jsonschema: "
                         "pip install 'sphinx-work-history[import]'") from None
    validator = jsonschema.Draft7Validator(
        _schema(), format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        message = error.message
        if error.validator == "pattern" and "[1-2][0-9]{3}" in str(error.validator_value):
            message = f"{error.instance!r} is not a date as YYYY, YYYY-MM or YYYY-MM-DD"
        raise InputError(f"{path}: {json_path(error.absolute_path)}: {message}")


def _check_dates(data: dict[str, Any], path: Path) -> None:
    """The schema's date pattern lets 2020-13 through; the directives would not."""
    for section, items in data.items():
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            for key in ("startDate", "endDate", "date", "releaseDate"):
                value = item.get(key) if isinstance(item, dict) else None
                if isinstance(value, str) and value:
                    try:
                        PartialDate.parse(value)
                    except DateError as exc:
                        raise InputError(f"{path}: {section}[{index}].{key}: {exc}") from None


class _Object(dict[str, Any]):
    """A JSON object, and the keys it was given more than once (the last value kept,
    as JSON readers do)."""

    repeated: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object(pairs)
    if len(obj) < len(pairs):
        keys = [key for key, _ in pairs]
        obj.repeated = tuple(dict.fromkeys(k for k in keys if keys.count(k) > 1))
    return obj


class _Constant(float):
    """NaN, Infinity or -Infinity, which Python's JSON reader takes and JSON has not:
    `check_values` refuses it by its path, in the file's words."""

    def __repr__(self) -> str:
        return {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}[str(float(self))]


def load_json(path: Path) -> Any:
    """The document *path* holds, each value one text can hold (`check_values`)."""
    text = read_text(path)
    try:
        data = json.loads(text, object_pairs_hook=_object, parse_constant=_Constant)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.colno}: {exc.msg}") from None
    except RecursionError:
        line, column = _too_deep(text)
        raise InputError(f"{path}:{line}:{column}: nested more than {MAX_DEPTH} levels deep"
                         ) from None
    check_values(data, path)
    return data


def _too_deep(text: str) -> tuple[int, int]:
    """Where in *text* (line, column) a list or object opens deeper than `MAX_DEPTH`."""
    depth, in_string, escaped = 0, False, False
    for index, char in enumerate(text):
        if in_string:
            escaped, in_string = (not escaped and char == "\\",
                                  escaped or char != '"')
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH + 1:  # the document itself is level 0
                line = text.count("\n", 0, index) + 1
                return line, index - text.rfind("\n", 0, index)
        elif char in "]}":
            depth -= 1
    return 1, 1


def repeated_keys(data: Any, path: Path) -> list[str]:
    """A note for each key an object of *data* was given more than once."""
    notes = []
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            notes += [f"{path}: {json_path((*where, key))}: given more than once; the last "
                      "value is imported" for key in getattr(value, "repeated", ())]
            stack += [((*where, key), item) for key, item in reversed(value.items())]
        elif isinstance(value, list):
            stack += [((*where, index), item) for index, item in reversed(
                list(enumerate(value)))]
    return notes


# -- one directive per entry ------------------------------------------------------
class _Entry:
    """An entry of a section as its directive's argument, options and body: every
    one-line value through `one_line`, every text's line breaks LF (`lf_text`), each
    change a note naming the value's path."""

    def __init__(self, item: dict[str, Any], where: str, notes: list[str]):
        self.item, self.where, self.notes = item, where, notes

    def line(self, key: str) -> str:
        value = self.item.get(key)
        return one_line(value, f"{self.where}.{key}", self.notes) if isinstance(
            value, str) else ""

    def opt(self, key: str, name: str | None = None) -> Options:
        value = self.line(key)
        if key == "url" and not is_web_url(value):
            return []  # a link is an http(s) address; _notes names the value left out
        return [(name or key, value)] if value else []

    def list_opt(self, key: str, name: str | None = None) -> Options:
        items = self.item.get(key) or []
        flat = [one_line(item, f"{self.where}.{key}[{index}]", self.notes)
                for index, item in enumerate(items)]
        return [(name or key, mw.csv_list(flat))] if flat else []

    def body(self, text_key: str, list_key: str = "highlights") -> list[str]:
        text = self.item.get(text_key)
        blocks = mw.paragraphs(lf_text(text, f"{self.where}.{text_key}", self.notes)
                               ) if text else []
        if items := self.item.get(list_key):
            blocks.append(mw.bullet_list(
                lf_text(item, f"{self.where}.{list_key}[{index}]", self.notes)
                for index, item in enumerate(items)))
        return blocks


Made = tuple[Options, list[str]]  # an entry's options and body


def _job(e: _Entry) -> Made:
    options = (e.opt("name", "org") + e.opt("startDate", "start") + e.opt("endDate", "end")
               + e.opt("location") + e.opt("url") + e.opt("description"))
    return options, e.body("summary")


def _volunteer(e: _Entry) -> Made:
    options = (e.opt("organization", "org") + e.opt("startDate", "start")
               + e.opt("endDate", "end") + e.opt("url"))
    return options, e.body("summary")


def _education(e: _Entry) -> Made:
    options = (e.opt("area") + e.opt("studyType", "degree") + e.opt("startDate", "start")
               + e.opt("endDate", "end") + e.opt("score") + e.list_opt("courses")
               + e.opt("url"))
    return options, []


def _project(e: _Entry) -> Made:
    options = (e.opt("startDate", "start") + e.opt("endDate", "end") + e.opt("url")
               + e.list_opt("roles") + e.opt("entity") + e.opt("type")
               + e.list_opt("keywords"))
    return options, e.body("description")


def _simple(options: Callable[[_Entry], Options], body: str = "") -> Callable[[_Entry], Made]:
    def entry(e: _Entry) -> Made:
        return options(e), e.body(body) if body else []
    return entry


# section -> (page, title, the entry's directive's options and body)
_MAKERS: dict[str, tuple[str, str, Callable[[_Entry], Made]]] = {
    "work": ("work", "Work", _job),
    "volunteer": ("volunteer", "Volunteering", _volunteer),
    "education": ("education", "Education", _education),
    "projects": ("projects", "Projects", _project),
    "awards": ("awards", "Awards", _simple(lambda e: e.opt("date") + e.opt("awarder"),
                                           "summary")),
    "certificates": ("certificates", "Certificates", _simple(
        lambda e: e.opt("date") + e.opt("issuer") + e.opt("url"))),
    "publications": ("publications", "Publications", _simple(
        lambda e: e.opt("publisher") + e.opt("releaseDate", "date") + e.opt("url"),
        "summary")),
    "skills": ("skills", "Skills", _simple(lambda e: e.opt("level") + e.list_opt("keywords"))),
    "languages": ("languages", "Languages", _simple(lambda e: e.opt("fluency"))),
    "interests": ("interests", "Interests", _simple(lambda e: e.list_opt("keywords"))),
    "references": ("references", "References", _simple(lambda e: [], "reference")),
}


def _kind_of(section: str) -> type[Record]:
    """The kind whose entries JSON Resume keeps in *section* (the first: a talk is
    exported as a publication, imported as one)."""
    kinds: list[type[Record]] = [JobRecord, VolunteerRecord, *KIND_CLASSES.values()]
    return next(kind for kind in kinds if section == kind.JSON_SECTION)


def _known(kind: type[Record]) -> set[str]:
    """The keys of its JSON Resume item a kind has a place for (its record's)."""
    if issubclass(kind, JobRecord):  # a role's keys are the export's own (jsonresume/data.py)
        return ({ORGANISATION_KEY[kind.JSON_SECTION], "position", "url", kind.JSON_START,
                 kind.JSON_END, kind.JSON_SUMMARY, kind.JSON_HIGHLIGHTS}
                | (ROLE_ONLY_KEYS if kind.JSON_SECTION == "work" else set()))
    keys = {kind.JSON_HEADING, kind.JSON_START, kind.JSON_END, kind.JSON_SUMMARY,
            kind.JSON_HIGHLIGHTS, *(f.metadata["json"] for f in option_fields(kind))}
    return keys - {""}


# section -> (page, title, the key of the heading, the entry's directive)
SECTIONS: dict[str, tuple[str, str, str, Callable[[_Entry], Made]]] = {
    section: (page, title, _kind_of(section).JSON_HEADING, make)
    for section, (page, title, make) in _MAKERS.items()}
# Each section's directive.
KINDS = {section: _kind_of(section).KIND for section in _MAKERS}
# The keys each section's directive has a place for.
KNOWN = {section: _known(_kind_of(section)) for section in _MAKERS}


def made_up_name(kind: str, item: dict[str, Any], heading: str) -> str:
    """The id the directive makes first for an entry without ``:name:`` (entries.py):
    from its organisation (a role) or heading, and its start year."""
    base = (item.get("name") if kind == "job" else item.get("organization")
            if kind == "volunteer" else "") or item.get(heading) or ""
    when = str(item.get("startDate") or item.get("date") or item.get("releaseDate") or "")[:4]
    return target_name(f"{base or kind} {when}") or target_name(f"{kind} {when}")


def _directive_name(kind: str, item: dict[str, Any], heading: str, in_page: set[str]) -> str:
    """The id the directive makes for an entry without ``:name:``, as entries.py's
    `entry_name` does: the first of its candidates no id of the page holds."""
    first = made_up_name(kind, item, heading)
    qualifier = item.get("position") or "" if kind in ("job", "volunteer") else kind
    candidates = [first, target_name(f"{first} {qualifier}")]
    candidates += [f"{first}-{n}" for n in range(2, len(in_page) + 3)]
    return next(c for c in candidates if c and c not in in_page)


def entry_text(section: str, entry: _Entry, in_page: set[str], elsewhere: set[str]) -> str:
    """One entry of *section* as a directive, and its id added to *in_page*: the id the
    directive makes, or a ``:name:`` where that id is another page's (*elsewhere*),
    so every entry has an id of its own."""
    page, _, heading, make = SECTIONS[section]
    kind = KINDS[section]
    options, body = make(entry)
    name = _directive_name(kind, entry.item, heading, in_page)
    if name in elsewhere:
        first = made_up_name(kind, entry.item, heading)
        name = next(candidate for n in range(1, len(in_page) + len(elsewhere) + 2)
                    if (candidate := f"{page}-{first}" + (f"-{n}" if n > 1 else ""))
                    not in in_page | elsewhere)
        options = [("name", name), *options]
    in_page.add(name)
    return mw.directive(kind, entry.line(heading), options, body)


def page_text(section: str, items: list[dict[str, Any]], taken: set[str], where: str,
              notes: list[str]) -> str:
    """*section*'s page: its title, then its entries (*where*: the file, for the notes);
    the ids its entries take are added to *taken* (the ids of the pages before it)."""
    _, title, _, _ = SECTIONS[section]
    in_page = {target_name(title)}  # the page's title is a section, with its id
    entries = [entry_text(section, _Entry(item, f"{where}{section}[{index}]", notes),
                          in_page, taken) for index, item in enumerate(items)]
    taken |= in_page - {target_name(title)}
    return mw.document([mw.heading(1, title), *entries])


def _section_notes(data: dict[str, Any], path: Path) -> list[str]:
    notes = []
    for key in data:
        if key not in SECTIONS and key not in ("basics", *SKIPPED):
            notes.append(f"{path}: {json_path([key])}: not a JSON Resume section; not imported")
    if data.get("basics") and not data["basics"].get("email"):
        notes.append(f"{path}: basics.email: none; the build warns until "
                     "work_history_person in conf.py has one")
    return notes


def _entry_notes(data: dict[str, Any], path: Path) -> list[str]:
    notes = []
    for section, known in KNOWN.items():
        for index, item in enumerate(data.get(section) or []):
            for key, value in item.items():
                where = json_path([section, index, key])
                if key not in known:
                    notes.append(f"{path}: {where}: not imported (the {KINDS[section]} "
                                 "directive has no place for it)")
                elif value in ("", [], {}):
                    notes.append(f"{path}: {where}: empty; not imported")
                elif key == "url" and not is_web_url(value):
                    notes.append(f"{path}: {where}: {value!r} is not an http(s) address; "
                                 "not imported")
    return notes


def person_of(basics: dict[str, Any], path: Path, notes: list[str]) -> dict[str, Any]:
    """``work_history_person`` from *basics*: the keys it knows, each address (a link,
    the photo) an http(s) one; a note for each value left out."""
    def kept(where: tuple[str | int, ...], value: Any, fields: tuple[str, ...],
             holder: str) -> dict[str, Any]:
        out = {}
        for key, item in value.items():
            at = json_path((*where, key))
            if key not in fields:
                notes.append(f"{path}: {at}: not imported ({holder} has no place for it)")
            elif item in (None, "", [], {}):
                continue  # no value: nothing to say
            elif key in ("url", "image") and not is_web_url(item):
                notes.append(f"{path}: {at}: {item!r} is not an http(s) address; not imported")
            elif isinstance(item, str):
                # One line each (the build refuses a line break in an address, a phone
                # or an e-mail), but the postal address, whose lines JSON Resume keeps.
                out[key] = (lf_text if key == "address" else one_line)(
                    item, f"{path}: {at}", notes)
                if key in ("email", "phone") and "\t" in out[key]:  # the build refuses one
                    out[key] = out[key].replace("\t", " ")
                    notes.append(f"{path}: {at}: a tab became a space")
            else:
                out[key] = item
        return out

    # The summary is the home page's introduction (the export's summary unless the
    # person has one): shown, and kept in one place.
    person = kept(("basics",), {k: v for k, v in basics.items() if k != "summary"},
                  BASICS, "work_history_person")
    if "location" in person:
        person["location"] = kept(("basics", "location"), person["location"],
                                  LOCATION_FIELDS, "work_history_person's location")
    if "profiles" in person:
        profiles = [kept(("basics", "profiles", index), profile, PROFILE_FIELDS,
                         "a profile of work_history_person")
                    for index, profile in enumerate(person["profiles"])]
        person["profiles"] = [profile for profile in profiles if profile]
    return {key: value for key, value in person.items() if value not in ({}, [])}


def project_of(data: dict[str, Any], path: Path) -> Project:
    basics = data.get("basics") or {}
    notes = _section_notes(data, path)
    person = person_of(basics, path, notes)
    notes += _entry_notes(data, path)
    project = Project(
        name=one_line(basics.get("name") or "", f"{path}: basics.name", notes).strip(),
        person=person, introduction=lf_text(basics.get("summary") or "",
                                            f"{path}: basics.summary", notes),
        notes=notes, photo_at=f"{path}: basics.image")
    taken: set[str] = set()
    for section, (page, _, _, _) in SECTIONS.items():
        if items := data.get(section):
            project.pages.append(Page(f"pages/{page}.md", page_text(
                section, items, taken, f"{path}: ", notes)))
    return project


def read_json_resume(path: Path) -> Project:
    data = load_json(path)
    repeated = repeated_keys(data, path)
    _validate(data, path)
    _check_dates(data, path)
    project = project_of(data, path)
    project.notes[:0] = repeated
    return project
