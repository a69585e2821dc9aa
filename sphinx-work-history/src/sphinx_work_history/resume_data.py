"""The résumé as JSON Resume v1 data, from the résumé model (model.py).

The entries' facts and text come from their `JobRecord` (``highlights``:
the items of the body's lists; ``summary``: the rest, paragraph by
paragraph), the person from ``work_history_person``, its summary and the
publications from the pages.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from .model import JobRecord, Resume

RESUME_JSON = "resume.json"  # at the site's root
SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"


def work_item(record: JobRecord) -> dict[str, Any]:
    item: dict[str, Any] = {
        "name": record.org,
        "position": record.position,  # absent when the entry has none
        "url": record.url,
        "startDate": record.start.iso() if record.start else "",
        "endDate": record.end.iso() if record.end else "",  # absent: ongoing
        "location": record.location,
        "summary": "\n\n".join(record.summary),
        "highlights": list(record.highlights),
    }
    return {key: value for key, value in item.items() if value}


def build_resume(resume: Resume) -> dict[str, Any]:
    person = resume.person
    basics = {key: person.get(key) for key in ("name", "label", "email", "url")}
    basics["summary"] = resume.summary
    basics |= {key: person.get(key) for key in ("location", "profiles")}
    data: dict[str, Any] = {
        "$schema": SCHEMA_URL,
        "basics": {key: value for key, value in basics.items() if value},
        # JSON Resume reads a role without an endDate as ongoing: one whose end is
        # unknown is left out (its warning says so).
        "work": [work_item(record) for record in resume.entries if not record.end_unknown],
    }
    if resume.publications:
        data["publications"] = [
            {key: value for key, value in vars(pub).items() if value}
            for pub in resume.publications]
    if person.get("url"):
        data["meta"] = {"canonical": urljoin(person["url"], RESUME_JSON)}
    return data
