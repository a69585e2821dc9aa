"""Who the résumé is about: the one place for facts the pages do not show as entries.

``work_history_person`` (conf.py) holds the person's name, label, email,
url, location and profiles; everything the exports (resume.json, the
JSON-LD) say about the person comes from it, or from the pages:

* ``name`` defaults to ``author``, ``url`` to ``html_baseurl``;
* ``summary`` defaults to the home page's introduction (its paragraphs
  before the first subsection), so the owner's words live in one place.

``work_history_publications`` names the documents whose external links
are the publications (each link's text is the title, its paragraph the
summary), so the writing page is their only source.

A value that cannot be used is a ``work_history.bad_config`` warning and
is left out; the build goes on.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from .messages import warn
from .options import is_web_url

TEXT_FIELDS = ("name", "label", "email", "url", "summary")
LOCATION_FIELDS = ("address", "postalCode", "city", "countryCode", "region")
PROFILE_FIELDS = ("network", "username", "url")
WHERE = "work_history_person"


def _text(value: Any, where: str, problems: list[str]) -> str:
    if isinstance(value, str):
        return value.strip()
    problems.append(f"{where} should be a string, not {type(value).__name__}; ignored")
    return ""


def _mapping(value: Any, fields: tuple[str, ...], where: str, problems: list[str]
             ) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append(f"{where} should be a dict, not {type(value).__name__}; ignored")
        return {}
    cleaned = {}
    for key, item in value.items():
        if key not in fields:
            problems.append(f"{where}: unknown key {key!r} is ignored (known: "
                            f"{', '.join(fields)})")
        elif text := _text(item, f"{where}[{key!r}]", problems):
            cleaned[key] = text
    return cleaned


def _profiles(value: Any, where: str, problems: list[str]) -> list[dict[str, str]]:
    if not isinstance(value, (list, tuple)):
        problems.append(f"{where} should be a list of dicts; ignored")
        return []
    profiles = []
    for index, item in enumerate(value):
        profile = _mapping(item, PROFILE_FIELDS, f"{where}[{index}]", problems)
        if "url" in profile and not is_web_url(profile["url"]):
            problems.append(f"{where}[{index}]: {profile['url']!r} is not an http(s) address; "
                            "the profile is left out")
        elif profile:
            profiles.append(profile)
    return profiles


def read_person(raw: Any, config: Config) -> tuple[dict[str, Any], list[str]]:
    """The person as the exports use it (checked, defaults filled, empties
    dropped), and the problems found on the way."""
    problems: list[str] = []
    if not isinstance(raw, dict):
        problems.append(f"{WHERE} should be a dict; ignored")
        raw = {}
    person: dict[str, Any] = {}
    for key, value in raw.items():
        if key in TEXT_FIELDS:
            person[key] = _text(value, f"{WHERE}[{key!r}]", problems)
        elif key == "location":
            person[key] = _mapping(value, LOCATION_FIELDS, f"{WHERE}['location']", problems)
        elif key == "profiles":
            person[key] = _profiles(value, f"{WHERE}['profiles']", problems)
        else:
            problems.append(f"{WHERE}: unknown key {key!r} is ignored (known: "
                            f"{', '.join(TEXT_FIELDS + ('location', 'profiles'))})")
    person["name"] = person.get("name") or config.author or ""
    person["url"] = person.get("url") or config.html_baseurl or ""
    if person["url"] and not is_web_url(person["url"]):
        problems.append(f"{WHERE}['url'] {person['url']!r} is not an http(s) address; ignored")
        person["url"] = ""
    if person.get("email") and "@" not in person["email"]:
        problems.append(f"{WHERE}['email'] {person['email']!r} is not an email address; ignored")
        person["email"] = ""
    return {key: value for key, value in person.items() if value}, problems


def get_person(config: Config) -> dict[str, Any]:
    """The checked person (its problems were reported at config-inited)."""
    return read_person(config.work_history_person, config)[0]


def text_of(node: nodes.Node) -> str:
    """A node's words on one line, as a reader sees them."""
    return " ".join(node.astext().split())


def home_introduction(env: BuildEnvironment) -> str:
    """The root document's paragraphs that come before its first subsection."""
    root = env.config.root_doc
    if root not in env.found_docs:
        return ""
    doctree = env.get_doctree(root)
    section = next(iter(doctree.findall(nodes.section)), None)
    container = section if section is not None else doctree
    paragraphs = [text_of(child) for child in container.children
                  if isinstance(child, nodes.paragraph)]
    return "\n\n".join(p for p in paragraphs if p)


def publications(env: BuildEnvironment) -> list[dict[str, str]]:
    """Every external link of the ``work_history_publications`` documents, in order."""
    found: dict[str, dict[str, str]] = {}
    for docname in env.config.work_history_publications:
        if docname not in env.found_docs:
            continue  # reported by _check_publications
        for ref in env.get_doctree(docname).findall(nodes.reference):
            url = ref.get("refuri", "")
            if not is_web_url(url) or url in found:
                continue
            paragraph = ref.parent
            while paragraph is not None and not isinstance(paragraph, nodes.paragraph):
                paragraph = paragraph.parent
            entry = {"name": text_of(ref), "url": url}
            if paragraph is not None:
                entry["summary"] = text_of(paragraph)
            found[url] = entry
    return list(found.values())


def _check_person(app: Sphinx, config: Config) -> None:
    for problem in read_person(config.work_history_person, config)[1]:
        warn("bad_config", problem, None)


def _check_publications(app: Sphinx, env: BuildEnvironment) -> None:
    for docname in env.config.work_history_publications:
        if docname not in env.found_docs:
            warn("bad_config", f"work_history_publications: no document {docname!r}", None)


def setup_person(app: Sphinx) -> None:
    app.add_config_value("work_history_person", {}, "env", types=frozenset({dict}),
                         description="the person the résumé is about (see person.py)")
    app.add_config_value("work_history_publications", [], "env",
                         types=frozenset({list, tuple}),
                         description="documents whose external links are the publications")
    app.connect("config-inited", _check_person)
    app.connect("env-check-consistency", _check_publications)
