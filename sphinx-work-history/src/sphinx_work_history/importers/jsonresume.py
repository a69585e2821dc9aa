"""JSON Resume v1 (resume.json) into pages, one per section, with the package's directives.

Each section's entries keep their order, each value its exact text: the
mapping is the directives' (docs/directives.md), read back by the
resume.json export, so importing then building gives the same document.
``basics`` becomes ``work_history_person``, its summary the home page's
introduction; ``meta`` and ``$schema`` describe the file, not the person,
and are not imported (the export writes its own).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from .. import myst_writer as mw
from ..dates import DateError, PartialDate
from ..domain import target_name
from ..options import is_web_url
from . import InputError, Page, Project, json_path, read_text

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


def load_json(path: Path) -> Any:
    try:
        return json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.colno}: {exc.msg}") from None


# -- one directive per entry ------------------------------------------------------
def _opt(item: dict[str, Any], key: str, name: str | None = None) -> Options:
    value = item.get(key)
    if key == "url" and isinstance(value, str) and not is_web_url(value):
        return []  # a link is an http(s) address; _notes names the value left out
    return [(name or key, value)] if isinstance(value, str) and value else []


def _list_opt(item: dict[str, Any], key: str, name: str | None = None) -> Options:
    value = item.get(key)
    return [(name or key, mw.csv_list(value))] if value else []


def _body(item: dict[str, Any], text_key: str, list_key: str = "highlights") -> list[str]:
    blocks = mw.paragraphs(item[text_key]) if item.get(text_key) else []
    if item.get(list_key):
        blocks.append(mw.bullet_list(item[list_key]))
    return blocks


def _job(item: dict[str, Any]) -> tuple[str, Options, list[str]]:
    options = (_opt(item, "name", "org") + _opt(item, "startDate", "start")
               + _opt(item, "endDate", "end") + _opt(item, "location") + _opt(item, "url")
               + _opt(item, "description"))
    return "job", options, _body(item, "summary")


def _volunteer(item: dict[str, Any]) -> tuple[str, Options, list[str]]:
    options = (_opt(item, "organization", "org") + _opt(item, "startDate", "start")
               + _opt(item, "endDate", "end") + _opt(item, "url"))
    return "volunteer", options, _body(item, "summary")


def _education(item: dict[str, Any]) -> tuple[str, Options, list[str]]:
    options = (_opt(item, "area") + _opt(item, "studyType", "degree")
               + _opt(item, "startDate", "start") + _opt(item, "endDate", "end")
               + _opt(item, "score") + _list_opt(item, "courses") + _opt(item, "url"))
    return "education", options, []


def _project(item: dict[str, Any]) -> tuple[str, Options, list[str]]:
    options = (_opt(item, "startDate", "start") + _opt(item, "endDate", "end")
               + _opt(item, "url") + _list_opt(item, "roles") + _opt(item, "entity")
               + _opt(item, "type") + _list_opt(item, "keywords"))
    return "project", options, _body(item, "description")


def _simple(kind: str, options: Callable[[dict[str, Any]], Options], body: str = ""
            ) -> Callable[[dict[str, Any]], tuple[str, Options, list[str]]]:
    def entry(item: dict[str, Any]) -> tuple[str, Options, list[str]]:
        return kind, options(item), _body(item, body) if body else []
    return entry


# section -> (page, title, the key of the heading, the entry's directive)
SECTIONS: dict[str, tuple[str, str, str, Callable[[dict[str, Any]],
                                                  tuple[str, Options, list[str]]]]] = {
    "work": ("work", "Work", "position", _job),
    "volunteer": ("volunteer", "Volunteering", "position", _volunteer),
    "education": ("education", "Education", "institution", _education),
    "projects": ("projects", "Projects", "name", _project),
    "awards": ("awards", "Awards", "title", _simple(
        "award", lambda i: _opt(i, "date") + _opt(i, "awarder"), "summary")),
    "certificates": ("certificates", "Certificates", "name", _simple(
        "certificate", lambda i: _opt(i, "date") + _opt(i, "issuer") + _opt(i, "url"))),
    "publications": ("publications", "Publications", "name", _simple(
        "publication", lambda i: (_opt(i, "publisher") + _opt(i, "releaseDate", "date")
                                  + _opt(i, "url")), "summary")),
    "skills": ("skills", "Skills", "name", _simple(
        "skill", lambda i: _opt(i, "level") + _list_opt(i, "keywords"))),
    "languages": ("languages", "Languages", "language", _simple(
        "language", lambda i: _opt(i, "fluency"))),
    "interests": ("interests", "Interests", "name", _simple(
        "interest", lambda i: _list_opt(i, "keywords"))),
    "references": ("references", "References", "name", _simple(
        "reference", lambda i: [], "reference")),
}
# The keys each section's directive has a place for.
KNOWN = {
    "work": {"name", "position", "url", "startDate", "endDate", "location", "description",
             "summary", "highlights"},
    "volunteer": {"organization", "position", "url", "startDate", "endDate", "summary",
                  "highlights"},
    "education": {"institution", "url", "area", "studyType", "startDate", "endDate", "score",
                  "courses"},
    "projects": {"name", "description", "highlights", "keywords", "startDate", "endDate",
                 "url", "roles", "entity", "type"},
    "awards": {"title", "date", "awarder", "summary"},
    "certificates": {"name", "date", "issuer", "url"},
    "publications": {"name", "publisher", "releaseDate", "url", "summary"},
    "skills": {"name", "level", "keywords"},
    "languages": {"language", "fluency"},
    "interests": {"name", "keywords"},
    "references": {"name", "reference"},
}


def made_up_name(kind: str, item: dict[str, Any], heading: str) -> str:
    """The id the directive makes for an entry without ``:name:`` (entries.py): from
    its organisation (a role) or heading, and its start year."""
    base = (item.get("name") if kind == "job" else item.get("organization")
            if kind == "volunteer" else "") or item.get(heading) or ""
    when = str(item.get("startDate") or item.get("date") or item.get("releaseDate") or "")[:4]
    return target_name(f"{base or kind} {when}") or target_name(f"{kind} {when}")


def entry_text(section: str, item: dict[str, Any], taken: set[str],
               given: set[str] | None = None) -> str:
    """One entry of *section* as a directive; a ``:name:`` only where the id made up
    for it is another page's (a page tells its own entries apart)."""
    page, _, heading, make = SECTIONS[section]
    kind, options, body = make(item)
    name = made_up_name(kind, item, heading)
    if name in taken:
        name = next(candidate for n in range(1, len(taken) + 2)
                    if (candidate := f"{page}-{name}" + (f"-{n}" if n > 1 else ""))
                    not in taken)
        options = [("name", name), *options]
        if given is not None:
            given.add(name)
    return mw.directive(kind, item.get(heading) or "", options, body)


def page_text(section: str, items: list[dict[str, Any]], taken: set[str] | None = None
              ) -> str:
    _, title, _, _ = SECTIONS[section]
    given: set[str] = set()
    entries = [entry_text(section, item, set(taken or ()), given) for item in items]
    if taken is not None:
        taken |= given | {made_up_name(SECTIONS[section][3](item)[0], item,
                                       SECTIONS[section][2]) for item in items}
    return mw.document([mw.heading(1, title), *entries])


def _notes(data: dict[str, Any], path: Path) -> list[str]:
    notes = []
    for key in data:
        if key not in SECTIONS and key not in ("basics", *SKIPPED):
            notes.append(f"{path}: {key}: not a JSON Resume section; not imported")
    if data.get("basics") and not data["basics"].get("email"):
        notes.append(f"{path}: basics.email: none; the build warns until "
                     "work_history_person in conf.py has one")
    for key in data.get("basics") or {}:
        if key not in BASICS:
            notes.append(f"{path}: basics.{key}: not imported (work_history_person has no "
                         "place for it)")
    for section, known in KNOWN.items():
        for index, item in enumerate(data.get(section) or []):
            for key, value in item.items():
                if key not in known:
                    notes.append(f"{path}: {section}[{index}].{key}: not imported (the "
                                 f"{SECTIONS[section][3](item)[0]} directive has no place "
                                 "for it)")
                elif value in ("", [], {}):
                    notes.append(f"{path}: {section}[{index}].{key}: empty; not imported")
                elif key == "url" and not is_web_url(value):
                    notes.append(f"{path}: {section}[{index}].url: {value!r} is not an "
                                 "http(s) address; not imported")
    basics = data.get("basics") or {}
    for where, url in [("basics.url", basics.get("url")), *(
            (f"basics.profiles[{i}].url", p.get("url"))
            for i, p in enumerate(basics.get("profiles") or []))]:
        if url and not is_web_url(url):
            notes.append(f"{path}: {where}: {url!r} is not an http(s) address; not imported")
    return notes


def _web(value: Any) -> bool:
    return not isinstance(value, str) or is_web_url(value)


def person_of(basics: dict[str, Any]) -> dict[str, Any]:
    """``work_history_person`` from *basics*: the keys it knows, each address an http(s)
    one (as the build requires)."""
    # The summary is the home page's introduction (the export's summary unless the
    # person has one): shown, and kept in one place.
    person = {key: basics[key] for key in BASICS if key != "summary"
              and basics.get(key) not in (None, "", [], {}) and (key != "url" or _web(basics[key]))}
    if "profiles" in person:
        person["profiles"] = [{k: v for k, v in profile.items() if k != "url" or _web(v)}
                              for profile in person["profiles"]]
    return person


def project_of(data: dict[str, Any], path: Path) -> Project:
    basics = data.get("basics") or {}
    project = Project(name=basics.get("name") or "", person=person_of(basics),
                      introduction=basics.get("summary") or "", notes=_notes(data, path))
    taken: set[str] = set()
    for section, (page, _, _, _) in SECTIONS.items():
        if items := data.get(section):
            project.pages.append(Page(f"pages/{page}.md", page_text(section, items, taken)))
    return project


def read_json_resume(path: Path) -> Project:
    data = load_json(path)
    _validate(data, path)
    _check_dates(data, path)
    return project_of(data, path)
