"""A CSL-JSON file's items as `Work`s (pure: no Sphinx).

CSL-JSON (what Zotero, Mendeley and citeproc read) is a list of items, each
with an ``id``, a ``type``, a ``title``, ``author`` names (``family`` and
``given``, or ``literal``) and ``issued`` (``date-parts``). Its text is plain:
nothing in it is read as markup, but for the few rich-text tags CSL-JSON allows
in a title (``<i>``, ``<b>``, ``<sup>``, ``<sub>``, small capitals, "no case"),
which `csl_markup` reads into runs of text. An item of type ``speech`` or
``presentation`` is a talk.
"""

from __future__ import annotations

import json
from typing import Any

from .bibliography import Author, Work, one_line
from .csl_markup import marked_runs, plain

TYPES = {
    "article-journal": "article", "article": "article", "article-magazine": "article",
    "article-newspaper": "article", "paper-conference": "paper", "chapter": "chapter",
    "entry-encyclopedia": "chapter", "book": "book", "thesis": "thesis", "report": "report",
    "speech": "talk", "presentation": "talk",
}
VENUES = ("container-title", "event-title", "event", "publisher", "collection-title")


def read_csl_json(text: str, filename: str) -> tuple[list[Work], list[tuple[str, str]]]:
    """The works of a CSL-JSON file's *text*, and its problems: (JSON path, what)."""
    problems: list[tuple[str, str]] = []
    try:
        data = json.loads(text)
    except ValueError as exc:
        return [], [(f"line {getattr(exc, 'lineno', 0)}", f"is not JSON: {exc}")]
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]
    if not isinstance(data, list):
        return [], [("$", "is not a list of CSL items")]
    works = []
    for index, item in enumerate(data):
        path = f"$[{index}]"
        if not isinstance(item, dict):
            problems.append((path, "is not a CSL item (an object)"))
            continue
        works.append(_work(item, f"{filename}: {path}", path, problems))
    return works, problems


def _text(item: dict[str, Any], key: str, path: str, problems: list[tuple[str, str]]) -> str:
    value = item.get(key, "")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        problems.append((f"{path}.{key}", "is not text; it is left out"))
        return ""
    return one_line(value)


def _work(item: dict[str, Any], source: str, path: str,
          problems: list[tuple[str, str]]) -> Work:
    kind = TYPES.get(str(item.get("type", "")), "other")
    authors = []
    names = item.get("author", [])
    if not isinstance(names, list):
        problems.append((f"{path}.author", "is not a list of names; it is left out"))
        names = []
    for number, name in enumerate(names):
        if not isinstance(name, dict):
            problems.append((f"{path}.author[{number}]", "is not a name; it is left out"))
            continue
        family = " ".join(part for key in ("non-dropping-particle", "family", "suffix")
                          if (part := _text(name, key, f"{path}.author[{number}]", problems)))
        given = _text(name, "given", f"{path}.author[{number}]", problems)
        literal = _text(name, "literal", f"{path}.author[{number}]", problems)
        if family or literal:
            authors.append(Author(given=given if family else "", family=family or literal))
    year, month, day = _issued(item.get("issued"), f"{path}.issued", problems)
    venue = next((found for key in VENUES if (found := _text(item, key, path, problems))), "")
    keywords = tuple(word.strip() for word in
                     _text(item, "keyword", path, problems).replace(";", ",").split(",")
                     if word.strip())
    fields = {key: _text(item, key, path, problems) for key, value in item.items()
              if isinstance(value, (str, int)) and not isinstance(value, bool)}
    title = _text(item, "title", path, problems)
    return Work(key=_text(item, "id", path, problems), kind=kind, source=source,
                title=plain(title), title_runs=marked_runs(title), authors=tuple(authors),
                year=year, month=month, day=day, venue=venue,
                url=_text(item, "URL", path, problems), doi=_text(item, "DOI", path, problems),
                abstract=_text(item, "abstract", path, problems), keywords=keywords,
                fields=fields)


def _issued(value: Any, path: str, problems: list[tuple[str, str]]
            ) -> tuple[int | None, int | None, int | None]:
    if value is None:
        return None, None, None
    parts = value.get("date-parts") if isinstance(value, dict) else None
    first = parts[0] if isinstance(parts, list) and parts and isinstance(parts[0], list) else None
    numbers: list[int] = []
    for part in first or []:
        try:
            numbers.append(int(part))
        except (TypeError, ValueError):
            break
    if not numbers:
        problems.append((path, "has no date-parts year; the work is undated"))
        return None, None, None
    month = numbers[1] if len(numbers) > 1 and 1 <= numbers[1] <= 12 else None
    day = numbers[2] if month and len(numbers) > 2 and 1 <= numbers[2] <= 31 else None
    return numbers[0], month, day
