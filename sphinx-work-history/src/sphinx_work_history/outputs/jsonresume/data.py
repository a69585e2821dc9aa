"""The résumé as JSON Resume v1 data, from the résumé model (model.py, kinds.py).

Each entry goes in its kind's section (``work``, ``volunteer``,
``education``, ``projects``, ``awards``, ``certificates``,
``publications`` – talks too –, ``skills``, ``languages``,
``interests``, ``references``), in page order, its fields named as its
record's metadata says. Its body's text is its ``summary`` (paragraph by
paragraph) and ``highlights`` (the items of its lists), or whatever the
section calls them (a project's ``description``, a reference's
``reference``); a section with no place for highlights takes them into
the summary. The person comes from ``work_history_person`` (a photo of the project's
as its published address), its summary
from the hub's introduction unless the person has one; links on the
publications pages that no entry holds are publications too.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from ...config.person import image_url
from ...model.kinds import Record, option_fields
from ...model.records import JobRecord, Resume

RESUME_JSON = "resume.json"  # at the site's root
SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
#: The sections in JSON Resume's order.
SECTIONS = ("work", "volunteer", "education", "awards", "certificates", "publications",
            "skills", "languages", "interests", "references", "projects")
#: JSON Resume's name for a role's organisation, by section.
ORGANISATION_KEY = {"work": "name", "volunteer": "organization"}
#: What a job's item holds and a volunteer role's does not.
ROLE_ONLY_KEYS = frozenset({"location", "description"})


def _body(record: Record) -> dict[str, Any]:
    summary, highlights = list(record.summary), list(record.highlights)
    if not record.JSON_HIGHLIGHTS:
        summary += highlights
        highlights = []
    found: dict[str, Any] = {}
    if record.JSON_SUMMARY and summary:
        found[record.JSON_SUMMARY] = "\n\n".join(summary)
    if record.JSON_HIGHLIGHTS and highlights:
        found[record.JSON_HIGHLIGHTS] = highlights
    return found


def entry_item(record: Record) -> dict[str, Any]:
    """One entry as its section's item, with no empty value."""
    item: dict[str, Any] = {}
    if isinstance(record, JobRecord):
        item[ORGANISATION_KEY[record.JSON_SECTION]] = record.org
        item["position"] = record.position  # absent when the entry has none
        item["url"] = record.url
        if record.JSON_SECTION == "work":
            item["location"] = record.location
            item["description"] = record.description
    else:
        item[record.JSON_HEADING] = record.heading
        for field in option_fields(type(record)):
            if key := field.metadata["json"]:
                value = getattr(record, field.name)
                item[key] = list(value) if isinstance(value, tuple) else value
    if record.JSON_START and record.start is not None:
        item[record.JSON_START] = record.start.iso()
    if record.JSON_END and record.end is not None:  # absent: ongoing
        item[record.JSON_END] = record.end.iso()
    item |= _body(record)
    return {key: value for key, value in item.items() if value}


def build_resume(resume: Resume) -> dict[str, Any]:
    person = resume.person
    basics = {key: person.get(key) for key in ("name", "label", "image", "email", "phone",
                                                "url")}
    basics["image"] = image_url(person)  # the published address of a photo in the project
    basics["summary"] = resume.summary
    basics |= {key: person.get(key) for key in ("location", "profiles")}
    data: dict[str, Any] = {
        "$schema": SCHEMA_URL,
        "basics": {key: value for key, value in basics.items() if value},
    }
    sections: dict[str, list[dict[str, Any]]] = {}
    for record in resume.entries:
        if record.end_unknown:
            # JSON Resume reads an entry without an end date as ongoing: one whose
            # end is unknown is left out (its warning says so).
            continue
        if record.JSON_SECTION and (item := entry_item(record)):
            sections.setdefault(record.JSON_SECTION, []).append(item)
    if resume.publications:
        sections.setdefault("publications", []).extend(
            {key: value for key, value in vars(pub).items() if value}
            for pub in resume.publications)
    data["work"] = sections.pop("work", [])
    data |= {name: sections[name] for name in SECTIONS if name in sections}
    if person.get("url"):
        data["meta"] = {"canonical": urljoin(person["url"], RESUME_JSON)}
    return data
