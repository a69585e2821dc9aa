"""The résumé as JSON Resume v1 data, read from the domain and the doctrees.

Every field comes from the sources: the entries' facts from their
`JobRecord`, their text from the entry's body in the document
(``highlights``: the items of the body's lists; ``summary``: the rest,
paragraph by paragraph), the person and the publications from person.py.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from docutils import nodes
from sphinx.environment import BuildEnvironment

from .domain import JobRecord, get_domain
from .nodes import job_entry
from .person import get_person, home_introduction, publications, text_of

RESUME_JSON = "resume.json"  # at the site's root
SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
SKIPPED = (nodes.Invisible, nodes.system_message)  # index entries, targets, comments


def entry_bodies(env: BuildEnvironment) -> dict[str, nodes.Element]:
    """Each entry's body container, by entry name (one doctree read per document)."""
    bodies: dict[str, nodes.Element] = {}
    for docname in sorted({record.docname for record in get_domain(env).jobs.values()}):
        for entry in env.get_doctree(docname).findall(job_entry):
            body = next((child for child in entry.children
                         if "wh-job-body" in child.get("classes", ())), None)
            if body is not None:
                bodies.update(dict.fromkeys(entry["ids"], body))
    return bodies


def summary_and_highlights(body: nodes.Element | None) -> tuple[str, list[str]]:
    summary, highlights = [], []
    for child in body.children if body is not None else ():
        if isinstance(child, SKIPPED):
            continue
        if isinstance(child, (nodes.bullet_list, nodes.enumerated_list)):
            highlights.extend(text_of(item) for item in child.children
                              if isinstance(item, nodes.list_item))
        elif text := text_of(child):
            summary.append(text)
    return "\n\n".join(summary), [h for h in highlights if h]


def work_item(record: JobRecord, body: nodes.Element | None) -> dict[str, Any]:
    summary, highlights = summary_and_highlights(body)
    item: dict[str, Any] = {
        "name": record.org,
        "position": record.position,
        "url": record.url,
        "startDate": record.start.iso(),
        "endDate": record.end.iso() if record.end else "",  # absent: ongoing
        "location": record.location,
        "summary": summary,
        "highlights": highlights,
    }
    return {key: value for key, value in item.items() if value}


def build_resume(env: BuildEnvironment) -> dict[str, Any]:
    person = get_person(env.config)
    basics = {key: person.get(key) for key in ("name", "label", "email", "url")}
    basics["summary"] = person.get("summary") or home_introduction(env)
    basics |= {key: person.get(key) for key in ("location", "profiles")}
    bodies = entry_bodies(env)
    resume: dict[str, Any] = {
        "$schema": SCHEMA_URL,
        "basics": {key: value for key, value in basics.items() if value},
        "work": [work_item(record, bodies.get(record.name))
                 for record in get_domain(env).newest_first()],
    }
    if pubs := publications(env):
        resume["publications"] = pubs
    if person.get("url"):
        resume["meta"] = {"canonical": urljoin(person["url"], RESUME_JSON)}
    return resume
