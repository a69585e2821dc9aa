"""schema.org JSON-LD: the person and their whole CV, in the HTML pages' head.

The hub (by default the home page) and every page that holds entries carry one ``Person``
(name, email, telephone, url, image, address, sameAs, jobTitle, and one
``@id`` so readers know it is the same person). The hub lists every
entry but the works (publications, talks, projects), which the pages that
show them list; a page of entries lists the ones it shows, so a page's size does
not grow with the whole history and editing one page rewrites only it and
the home page. Each entry is given in schema.org's own terms, following
its Role pattern (https://schema.org/Role) where a role has dates:

* a ``job``: an ``EmployeeRole`` (roleName, startDate, endDate) around its
  ``Organization``, under ``worksFor`` while ongoing, ``alumniOf`` once ended;
* a ``volunteer`` role: an ``OrganizationRole`` under ``memberOf`` (never
  ``worksFor``: it is not employment);
* ``education``: its ``EducationalOrganization`` under ``alumniOf``, and
  the degree as an ``EducationalOccupationalCredential`` under
  ``hasCredential``, as is each ``certificate``;
* an ``award``: ``award`` (text); a ``language``: ``knowsLanguage``;
  ``skill`` and ``interest`` entries (and their keywords): ``knowsAbout``;
* ``publication``, ``talk`` and ``project`` entries: ``CreativeWork`` s the
  person is the ``author`` (a publication) or ``creator`` of, given with
  ``@reverse``;
* references have no schema.org term and are not given.

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

from ..config.options import is_web_url
from ..config.person import image_url
from ..config.settings import work_history_config
from ..model.kinds import (
    AwardRecord,
    CertificateRecord,
    EducationRecord,
    InterestRecord,
    LanguageRecord,
    ProjectRecord,
    PublicationRecord,
    Record,
    SkillRecord,
)
from ..model.records import JobRecord, VolunteerRecord
from ..sphinx.domain import get_domain
from .jsonresume.export import publishes_site

WORKS = frozenset({"publication", "talk", "project"})
_INERT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value}


def _organization(name: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": name} if name else {}


def _dates(record: Record, start: str = "startDate", end: str = "endDate") -> dict[str, str]:
    return {start: record.start.iso() if record.start else "",
            end: record.end.iso() if record.end and record.SPAN else ""}


def employee_role(record: JobRecord) -> dict[str, Any]:
    organization = {"@type": "Organization", "name": record.org, "url": record.url,
                    "description": record.description}
    prop = "worksFor" if record.ongoing else "alumniOf"  # an undated role is not published
    role = {
        "@type": "EmployeeRole",
        "roleName": record.position,  # absent when the entry has none
        **_dates(record),
        prop: _clean(organization),
    }
    return _clean(role)


def organization_role(record: JobRecord) -> dict[str, Any]:
    organization = {"@type": "Organization", "name": record.org, "url": record.url}
    return _clean({"@type": "OrganizationRole", "roleName": record.position,
                   **_dates(record), "memberOf": _clean(organization)})


def _institution(record: EducationRecord) -> dict[str, Any]:
    return _clean({"@type": "EducationalOrganization", "name": record.institution,
                   "url": record.url, "address": record.location})


def degree(record: EducationRecord) -> dict[str, Any]:
    return _clean({"@type": "EducationalOccupationalCredential",
                   "name": record.subtitle, "credentialCategory": "degree",
                   "educationalLevel": record.degree, "about": record.area,
                   "description": record.score, "competencyRequired": list(record.courses),
                   "recognizedBy": _institution(record),
                   "dateCreated": record.end.iso() if record.end else ""})


def certificate(record: CertificateRecord) -> dict[str, Any]:
    issuer = _organization(record.issuer)
    return _clean({"@type": "EducationalOccupationalCredential", "name": record.heading,
                   "credentialCategory": "certificate", "url": record.url,
                   "recognizedBy": issuer,
                   "dateCreated": record.start.iso() if record.start else ""})


def creative_work(record: Record) -> dict[str, Any]:
    """A publication, a talk or a project, as a ``CreativeWork``."""
    # No abstract: the page shows the text, and the hub's head stays small.
    work: dict[str, Any] = {"@type": "CreativeWork", "name": record.heading,
                            "url": getattr(record, "url", "")}
    if isinstance(record, PublicationRecord):
        work |= {"genre": "talk" if record.KIND == "talk" else "",
                 "datePublished": record.start.iso() if record.start else "",
                 "publisher": _organization(record.publisher)}
        work["identifier"] = _clean({"@type": "PropertyValue", "propertyID": "DOI",
                                     "value": record.doi}) if record.doi else {}
    elif isinstance(record, ProjectRecord):
        work |= {"genre": record.type, "keywords": list(record.keywords), **_dates(record),
                 "sourceOrganization": _organization(record.entity)}
    return _clean(work)


def postal_address(location: dict[str, str]) -> dict[str, Any]:
    if not location:
        return {}
    return _clean({"@type": "PostalAddress", "streetAddress": location.get("address"),
                   "postalCode": location.get("postalCode"),
                   "addressLocality": location.get("city"),
                   "addressRegion": location.get("region"),
                   "addressCountry": location.get("countryCode")})


def _entries(data: dict[str, Any], records: list[Record]) -> None:
    """Each entry under its schema.org term (the module's docstring)."""
    def add(key: str, value: Any) -> None:
        if value and value not in data.setdefault(key, []):
            data[key].append(value)

    authored: list[dict[str, Any]] = []
    created: list[dict[str, Any]] = []
    for record in records:
        if isinstance(record, VolunteerRecord):
            add("memberOf", organization_role(record))
        elif isinstance(record, JobRecord):
            role = employee_role(record)
            add("worksFor" if "worksFor" in role else "alumniOf", role)
        elif isinstance(record, EducationRecord):
            add("alumniOf", _institution(record))
            if record.degree or record.area:
                add("hasCredential", degree(record))
        elif isinstance(record, CertificateRecord):
            add("hasCredential", certificate(record))
        elif isinstance(record, AwardRecord):
            add("award", record.title)
        elif isinstance(record, LanguageRecord):
            add("knowsLanguage", {"@type": "Language", "name": record.language})
        elif isinstance(record, (SkillRecord, InterestRecord)):
            for topic in (record.heading, *record.keywords):
                add("knowsAbout", topic)
        elif isinstance(record, PublicationRecord) and record.KIND == "publication":
            authored.append(creative_work(record))
        elif isinstance(record, (PublicationRecord, ProjectRecord)):
            created.append(creative_work(record))
    reverse = _clean({"author": authored, "creator": created})
    if reverse:
        data["@reverse"] = reverse


def person_jsonld(env: BuildEnvironment, records: list[Record]) -> dict[str, Any]:
    person = work_history_config(env.config).person
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Person",
        "@id": f"{person['url']}#person" if person.get("url") else "",
        "name": person.get("name", ""),
        "email": person.get("email", ""),
        "telephone": person.get("phone", ""),
        "url": person.get("url", ""),
        "image": image_url(person) if is_web_url(image_url(person)) else "",
        "address": postal_address(person.get("location") or {}),
        "sameAs": [p["url"] for p in person.get("profiles", ()) if p.get("url")],
        "jobTitle": person.get("label", ""),
    }
    _entries(data, records)
    return _clean(data)


def script_element(data: dict[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` whose text cannot close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_INERT)
    return f'<script type="application/ld+json">{text}</script>'


def records_on(env: BuildEnvironment, pagename: str) -> list[Record]:
    """Every published entry on the hub; elsewhere, the page's own. Roles
    newest first, then the other kinds in page order."""
    domain = get_domain(env)
    if pagename == work_history_config(env.config).hub:
        # Works (publications, talks, projects) only where they are shown: a
        # long list of titles and addresses would weigh down the home page.
        others = [r for r in domain.published.values() if r.KIND != "job"
                  and (r.KIND not in WORKS or r.docname == pagename)]
        return [*domain.newest_first(), *others]
    own = [r for r in domain.entries_by_doc.get(pagename, ())
           if domain.published.get(r.name) is r and r.KIND != "job"]
    return [*domain.published_in(pagename), *own]


def _add_jsonld(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                doctree: nodes.document | None) -> None:
    if not publishes_site(app.builder):
        return
    records = records_on(app.env, pagename)
    if records or pagename == work_history_config(app.config).hub:
        context["metatags"] = (context.get("metatags") or "") + "\n" + script_element(
            person_jsonld(app.env, records))


def setup_jsonld(app: Sphinx) -> None:
    # The hub lists entries of other pages: collector.py has it written
    # again when their facts change, as it does pages holding a summary.
    app.connect("html-page-context", _add_jsonld)
