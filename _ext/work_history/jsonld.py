"""schema.org JSON-LD: the person and their roles, in the HTML pages' head.

The home page and every page that holds entries carry one ``Person``
(name, email, url, sameAs, jobTitle); each entry is an ``EmployeeRole``
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

from .domain import JobRecord, get_domain
from .export_resume import publishes_site
from .person import get_person

_INERT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def employee_role(record: JobRecord) -> dict[str, Any]:
    organization = {"@type": "Organization", "name": record.org, "url": record.url}
    prop = "worksFor" if record.end is None else "alumniOf"
    role = {
        "@type": "EmployeeRole",
        "roleName": record.position,
        "startDate": record.start.iso(),
        "endDate": record.end.iso() if record.end else "",
        prop: {key: value for key, value in organization.items() if value},
    }
    return {key: value for key, value in role.items() if value}


def person_jsonld(env: BuildEnvironment) -> dict[str, Any]:
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
    roles = [employee_role(record) for record in get_domain(env).newest_first()]
    data["worksFor"] = [role for role in roles if "worksFor" in role]
    data["alumniOf"] = [role for role in roles if "alumniOf" in role]
    return {key: value for key, value in data.items() if value}


def script_element(data: dict[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` whose text cannot close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_INERT)
    return f'<script type="application/ld+json">{text}</script>'


def pages_with_jsonld(env: BuildEnvironment) -> set[str]:
    """The home page and the documents that hold entries."""
    docnames = {record.docname for record in get_domain(env).jobs.values()}
    return (docnames | {env.config.root_doc}) & env.found_docs


def _add_jsonld(app: Sphinx, pagename: str, templatename: str, context: dict,
                doctree: nodes.document | None) -> None:
    if not publishes_site(app.builder) or pagename not in pages_with_jsonld(app.env):
        return
    context["metatags"] = (context.get("metatags") or "") + "\n" + script_element(
        person_jsonld(app.env))


class _Freshness:
    """Every JSON-LD page shows every entry: when a read changes any entry's
    facts, those pages are written again (not read again), even if their
    own sources did not change."""

    def __init__(self) -> None:
        self.before: tuple = ()

    @staticmethod
    def facts(env: BuildEnvironment) -> tuple:
        return tuple(sorted(
            (r.name, r.docname, r.position, r.org, r.url, r.start.iso(),
             r.end.iso() if r.end else "") for r in get_domain(env).jobs.values()))

    def before_read(self, app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
        self.before = self.facts(env)

    def updated(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        if self.facts(env) == self.before:
            return []
        return sorted(pages_with_jsonld(env))


def setup_jsonld(app: Sphinx) -> None:
    freshness = _Freshness()
    app.connect("env-before-read-docs", freshness.before_read)
    app.connect("env-updated", freshness.updated)
    app.connect("html-page-context", _add_jsonld)
