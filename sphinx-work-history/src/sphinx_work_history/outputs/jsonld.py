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
from ..model.kinds import Record
from ..model.schema_org import REVERSE, clean
from ..sphinx.domain import get_domain
from .jsonresume.export import publishes_site

_INERT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def postal_address(location: dict[str, str]) -> dict[str, Any]:
    if not location:
        return {}
    return clean({"@type": "PostalAddress", "streetAddress": location.get("address"),
                   "postalCode": location.get("postalCode"),
                   "addressLocality": location.get("city"),
                   "addressRegion": location.get("region"),
                   "addressCountry": location.get("countryCode")})


def _entries(data: dict[str, Any], records: list[Record]) -> None:
    """Each entry under the schema.org term its kind gives (`Record.jsonld`)."""
    def add(key: str, value: Any) -> None:
        if value and value not in data.setdefault(key, []):
            data[key].append(value)

    reverse: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        for key, value in record.jsonld():
            if key.startswith(REVERSE):
                reverse.setdefault(key.removeprefix(REVERSE), []).append(value)
            else:
                add(key, value)
    if reverse:
        data["@reverse"] = {key: reverse[key] for key in sorted(reverse)}


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
    return clean(data)


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
                  and (not r.JSONLD_WORK or r.docname == pagename)]
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
