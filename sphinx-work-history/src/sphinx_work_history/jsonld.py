"""schema.org JSON-LD: the person and their roles, in the HTML pages' head.

The hub (by default the home page) and every page that holds entries carry one ``Person``
(name, email, url, sameAs, jobTitle, and one ``@id`` so readers know it
is the same person). The hub lists every role; a page of entries
lists the roles it shows, so a page's size does not grow with the whole
history and editing one page rewrites only it and the home page. Each
role is an ``EmployeeRole``
(roleName, startDate, endDate) around its ``Organization`` – under
``worksFor`` while ongoing and ``alumniOf`` once ended, following
schema.org's Role pattern (https://schema.org/Role).

The JSON is escaped so no text can end the ``<script>`` element: ``<``,
``>`` and ``&`` are written ``\\u003c``, ``\\u003e``, ``\\u0026``, which
JSON reads back unchanged.
"""

from __future__ import annotations

import json
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .domain import get_domain
from .export_resume import publishes_site
from .model import JobRecord
from .person import get_person

_INERT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def employee_role(record: JobRecord) -> dict[str, Any]:
    organization = {"@type": "Organization", "name": record.org, "url": record.url}
    prop = "worksFor" if record.end is None and not record.end_unknown else "alumniOf"
    role = {
        "@type": "EmployeeRole",
        "roleName": record.position,  # absent when the entry has none
        "startDate": record.start.iso() if record.start else "",
        "endDate": record.end.iso() if record.end else "",
        prop: {key: value for key, value in organization.items() if value},
    }
    return {key: value for key, value in role.items() if value}


def person_jsonld(env: BuildEnvironment, records: list[JobRecord]) -> dict[str, Any]:
    person = get_person(env.config)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Person",
        "@id": f"{person['url']}#person" if person.get("url") else "",
        "name": person.get("name", ""),
        "email": person.get("email", ""),
        "url": person.get("url", ""),
        "sameAs": [p["url"] for p in person.get("profiles", ()) if p.get("url")],
        "jobTitle": person.get("label", ""),
    }
    roles = [employee_role(record) for record in records]
    data["worksFor"] = [role for role in roles if "worksFor" in role]
    data["alumniOf"] = [role for role in roles if "alumniOf" in role]
    return {key: value for key, value in data.items() if value}


def script_element(data: dict[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` whose text cannot close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_INERT)
    return f'<script type="application/ld+json">{text}</script>'


def roles_on(env: BuildEnvironment, pagename: str) -> list[JobRecord]:
    """Every role on the hub; elsewhere, the page's own."""
    if pagename == env.config.work_history_hub:
        return get_domain(env).newest_first()
    return get_domain(env).published_in(pagename)


def _add_jsonld(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                doctree: nodes.document | None) -> None:
    if not publishes_site(app.builder):
        return
    roles = roles_on(app.env, pagename)
    if roles or pagename == app.config.work_history_hub:
        context["metatags"] = (context.get("metatags") or "") + "\n" + script_element(
            person_jsonld(app.env, roles))


def setup_jsonld(app: Sphinx) -> None:
    # The hub lists entries of other pages: collector.py has it written
    # again when their facts change, as it does pages holding a summary.
    app.connect("html-page-context", _add_jsonld)
