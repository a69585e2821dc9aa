"""Reading a CV kept elsewhere into a new project: JSON Resume and RenderCV.

Each importer reads one file into a `Project` (the person for conf.py and
the pages, as MyST), or raises `InputError` with one line that names the
file and where in it the problem is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


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
    # What the file holds that the project has no place for, one line each.
    notes: list[str] = field(default_factory=list)


def read_project(path: Path) -> Project:
    """The project *path* describes, by its suffix."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        from .jsonresume import read_json_resume

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


def json_path(parts: Any) -> str:
    """``work[0].startDate`` from ('work', 0, 'startDate')."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(the document)"
