"""Readers for each export (resume.json, JSON-LD, mf2) that reduce an entry
to the same tuple, so the three can be compared with each other and with
the sources; and the JSON Resume schema check.

Nothing here imports the extension: the outputs are read with json,
BeautifulSoup and mf2py, as their consumers would.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import mf2py
from bs4 import BeautifulSoup

HERE = Path(__file__).resolve().parent
SCHEMA = json.loads((HERE / "schemas" / "jsonresume-v1.schema.json").read_text(encoding="utf-8"))

# (position, organisation, start, end): end is None while the role is ongoing.
Entry = tuple[str, str, str, "str | None"]


# -- dates ---------------------------------------------------------------------

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def is_calendar_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month and day."""
    match = _DATE.fullmatch(text)
    if not match:
        return False
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return year > 0


def resume_dates(resume: dict) -> list[str]:
    dates = []
    for section in ("work", "volunteer", "education", "awards", "certificates",
                    "publications", "projects"):
        for item in resume.get(section, []):
            dates += [item[key] for key in ("startDate", "endDate", "releaseDate", "date")
                      if key in item]
    return dates


def schema_errors(resume: dict) -> list[str]:
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator.iter_errors(resume)]
    errors += [f"{date!r} is not a calendar date" for date in resume_dates(resume)
               if not is_calendar_date(date)]
    return errors


# -- the three exports, each reduced to Entry tuples -----------------------------

def resume_entries(resume: dict) -> list[Entry]:
    return [(w.get("position", ""), w["name"], w["startDate"], w.get("endDate"))
            for w in resume["work"]]


def jsonld_blocks(html: str) -> list[str]:
    """The raw text of each JSON-LD script, as an HTML tokenizer ends it."""
    return re.findall(r'<script type="application/ld\+json">(.*?)</script', html,
                      flags=re.S | re.I)


def assert_inert(html: str) -> str:
    """The page's one JSON-LD block, checked to be unable to leave its element."""
    (block,) = jsonld_blocks(html)
    assert not {"<", ">", "&"} & set(block), block
    # Browsers' tokenizer (html5lib) and Python's end the element in the same place,
    # and see no script the sources did not ask for.
    for parser in ("html5lib", "html.parser"):
        scripts = BeautifulSoup(html, parser).find_all("script")
        ld = [s for s in scripts if s.get("type") == "application/ld+json"]
        assert [s.string for s in ld] == [block]
        assert len(scripts) == len(re.findall(r"<script\b", html, flags=re.I))
    return block


def jsonld_person(html: str) -> dict:
    (block,) = jsonld_blocks(html)
    return json.loads(block)


def jsonld_entries(person: dict) -> list[Entry]:
    entries = []
    for prop in ("worksFor", "alumniOf"):
        for role in person.get(prop, []):
            assert role["@type"] == "EmployeeRole"
            assert ("endDate" in role) == (prop == "alumniOf")  # worksFor: ongoing
            org = role[prop]
            assert org["@type"] == "Organization"
            entries.append((role.get("roleName", ""), org["name"], role["startDate"],
                            role.get("endDate")))
    return entries


def mf2_resumes(html: str, url: str) -> list[dict]:
    parsed = mf2py.parse(doc=html, url=url)
    return [item for item in parsed["items"] if "h-resume" in item["type"]]


def _one(props: dict, key: str) -> str | None:
    values = props.get(key, [])
    assert len(values) <= 1, (key, values)
    if not values:
        return None
    value = values[0]
    return value["value"] if isinstance(value, dict) else value


def mf2_entries(h_resume: dict) -> list[Entry]:
    entries = []
    for event in h_resume["properties"].get("experience", []):
        assert "h-event" in event["type"]
        props = event["properties"]
        name, org = _one(props, "name"), _one(props, "org")
        # An entry without a position is named by its organisation.
        entries.append(("" if name == org else name, org, _one(props, "start"),
                        _one(props, "end")))
    return entries


def mf2_contact(h_resume: dict) -> dict:
    """The properties of the résumé's one p-contact h-card."""
    (card,) = h_resume["properties"]["contact"]
    assert card["type"] == ["h-card"]
    return card["properties"]


def mf2_extras(h_resume: dict) -> list[tuple[str | None, str | None]]:
    """(location, organisation url) of each entry."""
    extras = []
    for event in h_resume["properties"].get("experience", []):
        org = event["properties"].get("org", [{}])[0]
        url = org.get("properties", {}).get("url", [None])[0] if isinstance(org, dict) else None
        extras.append((_one(event["properties"], "location"), url))
    return extras


def soup(path: Path, parser: str = "html.parser") -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), parser)
