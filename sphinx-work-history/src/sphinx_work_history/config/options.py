"""Reading directive options without ever raising.

Docutils and MyST both reject an unknown option before the directive
runs, with a generic error. `LenientOptions` accepts every name, so the
directive itself can say which option is unknown, under its own warning
type, and still render the entry.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from docutils.parsers.rst import directives

from .messages import Location, warn


class Unknown(str):
    """The value of an option the directive does not know."""


def _unknown(value: str | None) -> Unknown:
    return Unknown(value or "")


class LenientOptions(dict[str, Callable[[str], Any]]):
    def __missing__(self, name: str) -> Callable[[str], Any]:
        return _unknown


def option_spec(*names: str) -> LenientOptions:
    """Every known option is read as plain text and checked by the directive."""
    return LenientOptions(dict.fromkeys(names, directives.unchanged))


def unknown_options(options: dict[str, Any]) -> list[str]:
    return sorted(name for name, value in options.items() if isinstance(value, Unknown))


def text(options: dict[str, Any], name: str) -> str:
    """An option's value, stripped; '' when absent or empty."""
    value = options.get(name)
    return value.strip() if isinstance(value, str) else ""


def visible(value: str) -> bool:
    """Whether *value* shows anything: a letter, digit, mark of punctuation or symbol
    (not only spaces, joiners, direction marks or combining marks)."""
    return any(unicodedata.category(char)[0] in "LNPS" for char in value)


def split_tags(value: str) -> tuple[str, ...]:
    """``postgres, operations`` -> ('postgres', 'operations'), duplicates dropped."""
    seen: dict[str, None] = {}
    for tag in value.split(","):
        tag = " ".join(tag.split())
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


# C0 and C1 controls, DEL, and the line and paragraph separators: characters no
# address holds, which a Word file cannot store and which end a line of LaTeX.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def control_character(value: str) -> str:
    """The first control character of *value* as ``U+0001``, or ''."""
    found = _CONTROL.search(value)
    return f"U+{ord(found[0]):04X}" if found else ""


def is_web_url(value: str) -> bool:
    """An http(s) address with a host, and no space or control character."""
    if control_character(value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(
        c.isspace() for c in value)


def warn_unreadable(options: dict[str, Any], known: tuple[str, ...], label: str,
                    location: Location) -> None:
    """Warn about options a directive does not know and a flag given a value."""
    for name in unknown_options(options):
        warn("unknown_option", f"{label}: unknown option :{name}: (its value is ignored; "
             f"known: {', '.join(known)})", location)
    if "no-duration" in known and text(options, "no-duration"):
        warn("bad_option", f"{label}: :no-duration: is a flag and takes no value", location)


def checked_url(url: str, label: str, location: Location) -> str:
    """*url* when it is a web address; else '' and a warning."""
    if url and not is_web_url(url):
        control = control_character(url)
        problem = (f"holds a control character ({control})" if control
                   else "is not an http(s) address")
        warn("bad_url", f"{label}: :url: {url!r} {problem}; "
             "the organisation is shown without a link", location)
        return ""
    return url
