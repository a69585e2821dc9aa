"""Who the résumé is about: the one place for facts the pages do not show as entries.

``work_history_person`` (conf.py) holds the person's name, label, email,
phone, url, image (a path in the project or a web address), location and
profiles, as JSON Resume's ``basics`` has them; everything the exports (resume.json, the
JSON-LD) and the CV's header say about the person comes from it, or from
the pages:

* ``name`` defaults to ``author``, ``url`` to ``html_baseurl``;
* ``summary`` defaults to the hub's introduction (model.py), so the
  owner's words live in one place.

A value that cannot be used is a ``work_history.bad_config`` warning (the
image's, ``work_history.photo``) and is left out; the build goes on. An
address or email with a control character is refused: no address holds one,
and a Word file or LaTeX could not.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import urljoin, urlsplit

from sphinx.config import Config

from .options import control_character, is_web_url

TEXT_FIELDS = ("name", "label", "email", "phone", "url", "image", "summary")
LOCATION_FIELDS = ("address", "postalCode", "city", "countryCode", "region")
PROFILE_FIELDS = ("network", "username", "url")
WHERE = "work_history_person"
#: Where a photo in the project is copied, in the HTML output (and the ePub).
IMAGE_DIR = "_images"
#: The file names a photo in the project may have: images, and a PDF (for LaTeX).
PHOTO_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".bmp", ".tif",
               ".tiff", ".pdf")


def _not_an_address(url: str) -> str:
    """Why *url* (not a web address) is refused, for a warning."""
    control = control_character(url)
    return f"holds a control character ({control})" if control else "is not an http(s) address"


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
            problems.append(f"{where}[{index}]: {profile['url']!r} "
                            f"{_not_an_address(profile['url'])}; the profile is left out")
        elif profile:
            profiles.append(profile)
    return profiles


def read_person(raw: Any, config: Config) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The person as the exports use it (checked, defaults filled, empties
    dropped), and the problems found on the way, each with its warning's
    subtype: ``photo`` for the image, ``bad_config`` for the rest. Whether the
    image is a file of the project is checked where the project's folders are
    known (`photo_problem`)."""
    problems: list[str] = []
    photo_problems: list[str] = []
    if not isinstance(raw, dict):
        problems.append(f"{WHERE} should be a dict; ignored")
        raw = {}
    person: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "image":
            person[key] = _text(value, f"{WHERE}['image']", photo_problems)
        elif key in TEXT_FIELDS:
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
        problems.append(f"{WHERE}['url'] {person['url']!r} {_not_an_address(person['url'])}; "
                        "ignored")
        person["url"] = ""
    for key in ("email", "phone"):
        if control := control_character(person.get(key, "")):
            problems.append(f"{WHERE}[{key!r}] {person[key]!r} holds a control character "
                            f"({control}); ignored")
            person[key] = ""
    if person.get("email") and "@" not in person["email"]:
        problems.append(f"{WHERE}['email'] {person['email']!r} is not an email address; ignored")
        person["email"] = ""
    if raw and not person.get("email"):
        problems.append(f"{WHERE} has no 'email': the CV and the exports give no address "
                        "to write to")
    found = [("bad_config", p) for p in problems] + [("photo", p) for p in photo_problems]
    return {key: value for key, value in person.items() if value}, found


def photo_problem(image: str, srcdir: str | Path, confdir: str | Path) -> str:
    """Why *image* cannot be the photo, or '' when it can: an http(s) address, or
    an image file inside the project, named relative to conf.py, whose target
    (links followed) lies in the source folder or the configuration folder. No
    other address (file:, data:, javascript:), no absolute path and no ``..``."""
    if control := control_character(image):
        return f"{image!r} holds a control character ({control})"
    if is_web_url(image):
        return ""
    windows = PureWindowsPath(image)  # reads both / and \ as separators
    try:
        scheme = urlsplit(image).scheme
    except ValueError:  # such as an unclosed [ of an IPv6 host
        return f"{image!r} is neither an http(s) address nor a file name"
    if scheme and not windows.drive:
        return (f"{image!r} is a {scheme}: address, and a photo is an http(s) address or a "
                "file of the project")
    if PurePosixPath(image).is_absolute() or windows.drive or windows.root:
        return (f"{image!r} is an absolute path, and a photo is a file of the project, "
                "named relative to conf.py")
    if ".." in windows.parts:
        return f"{image!r} goes up a folder (..), and a photo is a file inside the project"
    if PurePosixPath(windows.as_posix()).suffix.lower() not in PHOTO_TYPES:
        return (f"{image!r} is not an image file (its name ends in none of "
                f"{', '.join(PHOTO_TYPES)})")
    try:
        target = Path(confdir, image).resolve()
    except (OSError, RuntimeError):  # a loop of links
        return f"{image!r} cannot be followed to a file"
    folders = {Path(srcdir).resolve(), Path(confdir).resolve()}
    if not any(target.is_relative_to(folder) for folder in folders):
        return f"{image!r} is a link to a file outside the project"
    if not target.is_file():
        return f"no file {image!r} (relative to conf.py)"
    return ""


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
