"""Reading a CV kept elsewhere into a new project: JSON Resume, RenderCV and ORCID.

Each importer reads one file into a `Project` (the person for conf.py and
the pages, as MyST), or raises `InputError` with one line that names the
file and where in it the problem is.

A value read from the file is text, never source: `check_values` refuses
what no text holds (a lone surrogate, a control character, a number that
is not one, nesting past `MAX_DEPTH`); `one_line` makes a value that
stands on one line of MyST (a directive's argument or option) hold no
line break of any kind, and `lf_text` makes each line break of a text of
paragraphs an LF. Both say so in a note naming the value.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .myst_writer import LINE_BREAKS as LINE_BREAKS
from .myst_writer import lf_lines

_LINE_BREAK = re.compile("\r\n|[" + LINE_BREAKS + "]")


class InputError(Exception):
    """Input that cannot be imported; the message is the one line to show."""


@dataclass
class Page:
    path: str  # relative to the project, with its suffix: "pages/work.md"
    text: str  # MyST


@dataclass
class Project:
    name: str
    person: dict[str, Any]  # work_history_person
    pages: list[Page] = field(default_factory=list)
    introduction: str = ""  # the home page's text under the name: the résumé's summary
    # conf.py's language, and the cv-pdf builder's design and paper ('': the defaults)
    language: str = ""
    pdf_design: str = ""
    pdf_paper: str = ""
    # What the file holds that the project has no place for, one line each.
    notes: list[str] = field(default_factory=list)
    # Where the file gives the photo, for a note ("resume.json: basics.image").
    photo_at: str = ""
    # Files of the project other than its texts (a photo): path (relative) -> bytes.
    files: dict[str, bytes] = field(default_factory=dict)


def read_project(path: Path) -> Project:
    """The project *path* describes, by its suffix."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        from .jsonresume import read_json_resume
        from .orcid import is_orcid_record, read_orcid

        if is_orcid_record(path):
            return read_orcid(path)

        return read_json_resume(path)
    if suffix in (".yaml", ".yml"):
        from .rendercv import read_rendercv

        return read_rendercv(path)
    raise InputError(f"{path}: not a JSON Resume (.json) or RenderCV (.yaml, .yml) file")


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: byte {exc.start}: not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror}") from None


_PLAIN_KEY = re.compile(r"[^\s.\[\]\"\\]+")


def json_path(parts: Any) -> str:
    """``work[0].startDate`` from ('work', 0, 'startDate'); a key that is not a plain
    word as a JSON string in brackets (``basics["a b"]``), so the path is one line."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PLAIN_KEY.fullmatch(part) and part.isprintable():
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part)}]"
    return out or "(the document)"


# Control characters no résumé text holds: C0 but tab and the line breaks, DEL, C1 but
# NEL; and the two noncharacters XML (so the ePub, the Word CV) cannot hold.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: How deep a file's lists and mappings may nest (a résumé needs about five levels).
MAX_DEPTH = 32
#: How many values, and characters of text, a file may hold: a résumé holds a few
#: thousand values; YAML's aliases could repeat one text beyond any memory.
MAX_VALUES = 200_000
MAX_CHARACTERS = 20_000_000


def _bad_text(text: str) -> str:
    """Why *text* cannot be imported, or ''."""
    if match := _SURROGATE.search(text):
        return f"a lone surrogate (U+{ord(match[0]):04X}) is not a character"
    if match := _CONTROL.search(text):
        kind = "noncharacter" if match[0] in "\ufffe\uffff" else "control character"
        return f"the {kind} U+{ord(match[0]):04X} is not text"
    return ""


def check_values(data: Any, source: Path | str, root: tuple[str | int, ...] = ()) -> None:
    """Raise `InputError` naming the first value of *data* (as read from *source*) that no
    text holds, by its path: keys and strings with a lone surrogate, a control
    character or U+FFFE/U+FFFF, a float that is not a number (NaN, Infinity), nesting
    deeper than `MAX_DEPTH`, more than `MAX_VALUES` values or `MAX_CHARACTERS`
    characters. Walks without recursion, so any depth is refused cleanly."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [(root, data)]
    values = characters = 0
    while stack:
        where, value = stack.pop()
        values += 1
        characters += len(value) if isinstance(value, str) else 0
        if values > MAX_VALUES or characters > MAX_CHARACTERS:
            raise InputError(f"{source}: {json_path(where)}: the file holds more than "
                             f"{MAX_VALUES:,} values or {MAX_CHARACTERS:,} characters "
                             "(a YAML alias repeats what it names each time)")
        if len(where) - len(root) > MAX_DEPTH:
            raise InputError(f"{source}: {json_path(where)}: nested more than {MAX_DEPTH} "
                             "levels deep")
        if isinstance(value, str):
            if reason := _bad_text(value):
                raise InputError(f"{source}: {json_path(where)}: {reason}")
        elif isinstance(value, float) and not math.isfinite(value):
            raise InputError(f"{source}: {json_path(where)}: {value!r} is not a number")
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                if isinstance(key, str) and (reason := _bad_text(key)):
                    raise InputError(f"{source}: {json_path(where)}: a key: {reason}")
                stack.append(((*where, str(key)), item))
        elif isinstance(value, list):
            stack.extend(((*where, index), item) for index, item in reversed(
                list(enumerate(value))))


def one_line(value: str, where: str, notes: list[str]) -> str:
    """*value* with each line break (of any kind MyST reads as one: `LINE_BREAKS`, CR LF
    as one) a space; a note naming *where* when there was one."""
    flat = _LINE_BREAK.sub(" ", value)
    if flat != value:
        notes.append(f"{where}: a line break in a one-line field became a space")
    return flat


def lf_text(value: str, where: str, notes: list[str]) -> str:
    """*value*, a text of paragraphs, with each line break an LF (`lf_lines`); a note
    naming *where* when one was another (CR LF, CR, U+2028 ...)."""
    text = lf_lines(value)
    if text != value:
        notes.append(f"{where}: its line breaks (CR, CR LF, U+2028 ...) became LF")
    return text
