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


def _quiet(subtype: str, message: str, location: Any) -> None:
    pass


def _clean_text(value: Any, where: str, warn=warn) -> str:
    if isinstance(value, str):
        return value.strip()
    warn("bad_config", f"{where} should be a string, not {type(value).__name__}; ignored", None)
    return ""


def _clean_mapping(value: Any, fields: tuple[str, ...], where: str, warn=warn
                   ) -> dict[str, str]:
    if not isinstance(value, dict):
        warn("bad_config", f"{where} should be a dict, not {type(value).__name__}; ignored", None)
        return {}
    cleaned = {}
    for key, item in value.items():
        if key not in fields:
            warn("bad_config", f"{where}: unknown key {key!r} is ignored (known: "
                 f"{', '.join(fields)})", None)
            continue
        if text := _clean_text(item, f"{where}[{key!r}]", warn):
            cleaned[key] = text
    return cleaned


def clean_person(raw: Any, config: Config, warn=warn) -> dict[str, Any]:
    """The person as the exports use it: checked, defaults filled, empties dropped.

    Problems are reported once, at config-inited; later calls pass a quiet *warn*.
    """
    where = "work_history_person"
    if not isinstance(raw, dict):
        warn("bad_config", f"{where} should be a dict; ignored", None)
        raw = {}
    person: dict[str, Any] = {}
    for key, value in raw.items():
        if key in TEXT_FIELDS:
            if text := _clean_text(value, f"{where}[{key!r}]", warn):
                person[key] = text
        elif key == "location":
            if location := _clean_mapping(value, LOCATION_FIELDS, f"{where}['location']", warn):
                person["location"] = location
        elif key == "profiles":
            person["profiles"] = _clean_profiles(value, f"{where}['profiles']", warn)
        else:
            warn("bad_config", f"{where}: unknown key {key!r} is ignored (known: "
                 f"{', '.join(TEXT_FIELDS + ('location', 'profiles'))})", None)
    person.setdefault("name", config.author or "")
    if not person.get("url") and config.html_baseurl:
        person["url"] = config.html_baseurl
    if person.get("url") and not is_web_url(person["url"]):
        warn("bad_config", f"{where}['url'] {person['url']!r} is not an http(s) address; "
             "ignored", None)
        del person["url"]
    if person.get("email") and "@" not in person["email"]:
        warn("bad_config", f"{where}['email'] {person['email']!r} is not an email address; "
             "ignored", None)
        del person["email"]
    return {key: value for key, value in person.items() if value}


def _clean_profiles(value: Any, where: str, warn=warn) -> list[dict[str, str]]:
    if not isinstance(value, (list, tuple)):
        warn("bad_config", f"{where} should be a list of dicts; ignored", None)
        return []
    profiles = []
    for index, item in enumerate(value):
        profile = _clean_mapping(item, PROFILE_FIELDS, f"{where}[{index}]", warn)
        if "url" in profile and not is_web_url(profile["url"]):
            warn("bad_config", f"{where}[{index}]: {profile['url']!r} is not an http(s) "
                 "address; the profile is left out", None)
            continue
        if profile:
            profiles.append(profile)
    return profiles


def get_person(config: Config) -> dict[str, Any]:
    """The checked person, defaults filled (its problems were reported at config-inited)."""
    return clean_person(config.work_history_person, config, warn=_quiet)


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
            warn("bad_config", f"work_history_publications: no document {docname!r}", None)
            continue
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
    clean_person(config.work_history_person, config)


def setup_person(app: Sphinx) -> None:
    app.add_config_value("work_history_person", {}, "env", types=frozenset({dict}),
                         description="the person the résumé is about (see person.py)")
    app.add_config_value("work_history_publications", [], "env",
                         types=frozenset({list, tuple}),
                         description="documents whose external links are the publications")
    app.connect("config-inited", _check_person)
