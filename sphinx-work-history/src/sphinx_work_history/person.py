"""Who the résumé is about: the one place for facts the pages do not show as entries.

``work_history_person`` (conf.py) holds the person's name, label, email,
phone, url, image (a path in the project or a web address), location and
profiles, as JSON Resume's ``basics`` has them; everything the exports (resume.json, the
JSON-LD) and the CV's header say about the person comes from it, or from
the pages:

* ``name`` defaults to ``author``, ``url`` to ``html_baseurl``;
* ``summary`` defaults to the hub's introduction (model.py), so the
  owner's words live in one place.

A value that cannot be used is a ``work_history.bad_config`` warning and
is left out; the build goes on.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urljoin

from sphinx.config import Config

from .options import is_web_url

TEXT_FIELDS = ("name", "label", "email", "phone", "url", "image", "summary")
LOCATION_FIELDS = ("address", "postalCode", "city", "countryCode", "region")
PROFILE_FIELDS = ("network", "username", "url")
WHERE = "work_history_person"
#: Where a photo in the project is copied, in the HTML output (and the ePub).
IMAGE_DIR = "_images"


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
                            f"{', '.join((*TEXT_FIELDS, 'location', 'profiles'))})")
    person["name"] = person.get("name") or config.author or ""
    person["url"] = person.get("url") or config.html_baseurl or ""
    if person["url"] and not is_web_url(person["url"]):
        problems.append(f"{WHERE}['url'] {person['url']!r} is not an http(s) address; ignored")
        person["url"] = ""
    if person.get("email") and "@" not in person["email"]:
        problems.append(f"{WHERE}['email'] {person['email']!r} is not an email address; ignored")
        person["email"] = ""
    if raw and not person.get("email"):
        problems.append(f"{WHERE} has no 'email': the CV and the exports give no address "
                        "to write to")
    return {key: value for key, value in person.items() if value}, problems


def get_person(config: Config) -> dict[str, Any]:
    """The checked person (config.py checks it once, at config-inited)."""
    person: dict[str, Any] = config.work_history_person
    return person


def image_is_local(person: dict[str, Any]) -> bool:
    """The person's image is a file of the project (not a web address)."""
    return bool(person.get("image")) and not is_web_url(person["image"])


def image_output_path(person: dict[str, Any]) -> str:
    """Where the HTML output holds the image, from its root: a web address as
    it is, a file of the project in `IMAGE_DIR`, by its own name."""
    image: str = person.get("image", "")
    if not image or is_web_url(image):
        return image
    return f"{IMAGE_DIR}/{PurePosixPath(image.replace(chr(92), '/')).name}"


def image_url(person: dict[str, Any]) -> str:
    """The image's published address: absolute when the person's ``url`` is
    known, else relative to the site's root."""
    path = image_output_path(person)
    site: str = person.get("url", "")
    return urljoin(site, path) if path and site and not is_web_url(path) else path
