"""An ORCID record (the JSON of ORCID's public API v3.0, ``/v3.0/{id}/record``,
saved as a file) read into a project, offline.

The record's person, employments and educations become what a JSON Resume
file's ``basics``, ``work`` and ``education`` would (`jsonresume.project_of`
writes them): the person with the ORCID iD as a profile and their
researcher URLs as profiles, each employment a ``job``, each education an
``education``. Its works become a CSL-JSON file, ``pages/works.json``, that a
``publications-from`` directive on ``pages/publications.md`` lists (a
``lecture-speech`` or ``conference-presentation`` is a talk). A record's
work summaries name no authors: the entries have none.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..config.options import is_web_url
from . import InputError, Page, Project
from . import myst_writer as mw
from .jsonresume import load_json, project_of
from .myst_writer import Option

#: ORCID's work types -> CSL's (any other: "document").
WORK_TYPES = {
    "journal-article": "article-journal", "magazine-article": "article-magazine",
    "newspaper-article": "article-newspaper", "conference-paper": "paper-conference",
    "book-chapter": "chapter", "book": "book", "edited-book": "book",
    "dissertation-thesis": "thesis", "dissertation": "thesis", "report": "report",
    "working-paper": "report", "preprint": "article", "lecture-speech": "speech",
    "conference-presentation": "speech", "conference-poster": "speech",
}
WORKS_FILE = "pages/works.json"


def is_orcid_record(path: Path) -> bool:
    """Whether the JSON file *path* is an ORCID record (it has its ``orcid-identifier``)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # read_json_resume says what is wrong
        return False
    return isinstance(data, dict) and isinstance(data.get("orcid-identifier"), dict)


def _value(holder: Any, *keys: str) -> str:
    """The text at *keys* in *holder* (ORCID wraps most texts as ``{"value": ...}``)."""
    for key in keys:
        holder = holder.get(key) if isinstance(holder, dict) else None
    if isinstance(holder, dict):
        holder = holder.get("value")
    return holder.strip() if isinstance(holder, str) else ""


def _date(holder: Any) -> str:
    """An ORCID fuzzy date (``{"year": {"value": "2020"}, "month": ...}``) as ISO."""
    parts = []
    for key, width in (("year", 4), ("month", 2), ("day", 2)):
        text = _value(holder, key)
        if not text.isdigit():
            break
        parts.append(text.zfill(width))
    return "-".join(parts)


def _summaries(activities: dict[str, Any], section: str, kind: str) -> list[dict[str, Any]]:
    found = []
    groups = (activities.get(section) or {}).get("affiliation-group") or []
    for group in groups if isinstance(groups, list) else []:
        for summary in (group.get("summaries") or []) if isinstance(group, dict) else []:
            if isinstance(summary, dict) and isinstance(summary.get(kind), dict):
                found.append(summary[kind])
    return found


def _place(summary: dict[str, Any]) -> str:
    address = (summary.get("organization") or {}).get("address") or {}
    return ", ".join(part for key in ("city", "region", "country")
                     if isinstance(part := address.get(key), str) and part)


def _affiliation(summary: dict[str, Any]) -> dict[str, str]:
    url = _value(summary, "url")
    return {"organization": _value(summary, "organization", "name"),
            "role": _value(summary, "role-title"),
            "department": _value(summary, "department-name"),
            "startDate": _date(summary.get("start-date")),
            "endDate": _date(summary.get("end-date")),
            "url": url if is_web_url(url) else "", "location": _place(summary)}


def _resume(data: dict[str, Any]) -> dict[str, Any]:
    """The record as a JSON Resume document (what `project_of` reads)."""
    identifier = data["orcid-identifier"]
    person = data.get("person") or {}
    name = _value(person, "name", "credit-name") or " ".join(
        part for part in (_value(person, "name", "given-names"),
                          _value(person, "name", "family-name")) if part)
    emails = (person.get("emails") or {}).get("email") or []
    email = next((e["email"] for e in emails if isinstance(e, dict)
                  and isinstance(e.get("email"), str)), "")
    profiles = [{"network": "ORCID", "username": str(identifier.get("path") or ""),
                 "url": str(identifier.get("uri") or "")}]
    for link in (person.get("researcher-urls") or {}).get("researcher-url") or []:
        url = _value(link, "url")
        if is_web_url(url):
            profiles.append({"network": (link.get("url-name") or "Web")
                             if isinstance(link.get("url-name"), str) else "Web", "url": url})
    basics: dict[str, Any] = {"name": name, "email": email, "profiles": profiles,
                              "summary": _value(person, "biography", "content")
                              or ((person.get("biography") or {}).get("content") or "")}
    countries = [_value(address, "country") for address in
                 (person.get("addresses") or {}).get("address") or []]
    if countries and countries[0]:
        basics["location"] = {"countryCode": countries[0]}
    activities = data.get("activities-summary") or {}
    work = []
    for summary in _summaries(activities, "employments", "employment-summary"):
        found = _affiliation(summary)
        work.append({"name": found["organization"],
                     "position": found["role"] or found["department"],
                     "startDate": found["startDate"], "endDate": found["endDate"],
                     "url": found["url"], "location": found["location"]})
    education = []
    for summary in _summaries(activities, "educations", "education-summary"):
        found = _affiliation(summary)
        education.append({"institution": found["organization"], "studyType": found["role"],
                          "area": found["department"], "startDate": found["startDate"],
                          "endDate": found["endDate"], "url": found["url"]})
    resume: dict[str, Any] = {"basics": {k: v for k, v in basics.items() if v}}
    for key, items in (("work", work), ("education", education)):
        if items:
            resume[key] = [{k: v for k, v in item.items() if v} for item in items]
    return resume


def works(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The record's works as CSL-JSON items (the first summary of each group: ORCID
    groups one work's copies from several sources)."""
    items: list[dict[str, Any]] = []
    groups = ((data.get("activities-summary") or {}).get("works") or {}).get("group") or []
    for group in groups if isinstance(groups, list) else []:
        summaries = group.get("work-summary") if isinstance(group, dict) else None
        if not isinstance(summaries, list) or not summaries or not isinstance(
                summaries[0], dict):
            continue
        work = summaries[0]
        item: dict[str, Any] = {
            "id": f"orcid-{work.get('put-code', len(items) + 1)}",
            "type": WORK_TYPES.get(str(work.get("type", "")).lower(), "document"),
            "title": _value(work, "title", "title")}
        if venue := _value(work, "journal-title"):
            item["container-title"] = venue
        date = [int(part) for part in _date(work.get("publication-date")).split("-") if part]
        if date:
            item["issued"] = {"date-parts": [date]}
        ids = ((work.get("external-ids") or {}).get("external-id") or [])
        for external in ids if isinstance(ids, list) else []:
            if isinstance(external, dict) and str(external.get("external-id-type")
                                                  ).lower() == "doi":
                item["DOI"] = str(external.get("external-id-value") or "").strip()
                break
        if is_web_url(url := _value(work, "url")):
            item["URL"] = url
        items.append({key: value for key, value in item.items() if value})
    return items


def read_orcid(path: Path) -> Project:
    data = load_json(path)
    if not isinstance(data, dict) or not isinstance(data.get("orcid-identifier"), dict):
        raise InputError(f"{path}: not an ORCID record (no orcid-identifier)")
    project = project_of(_resume(data), path)
    items: list[dict[str, Any]] = works(data)
    if items:
        project.files[WORKS_FILE] = (json.dumps(items, indent=2, ensure_ascii=False)
                                     + "\n").encode("utf-8")
        options: list[Option] = [("group", "year")]
        if project.name:
            options.append(("highlight", project.name))
        project.pages.append(Page("pages/publications.md", mw.document([
            mw.heading(1, "Publications"),
            mw.directive("publications-from", Path(WORKS_FILE).name, options)])))
    return project
