"""The cv-pdf builder's design settings as conf.py writes them, read.

Margins and the body size are lengths Typst reads as written (``18mm``,
``2cm``, ``0.75in``, ``10.5pt``); values.py checks them with `read_margins`
and `read_size` at ``config-inited`` and keeps them written the one way
Typst reads, so the builder passes them on unchanged. The fit to the page
budget (outputs/typst/fit.py) never goes below `FLOORS`.
"""

from __future__ import annotations

import re
from typing import Any

SECTION_STYLES = ("auto", "rule", "plain", "smallcaps")
DATE_STYLES = ("auto", "plain", "italic", "bold", "accent")
#: Points per unit.
UNITS = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0}
_LENGTH = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*(pt|mm|cm|in)\s*")
#: What a setting may be, in points: a margin from 5 to 60 mm, a size from 6 to 24 pt.
MARGIN_RANGE = (5 * UNITS["mm"], 60 * UNITS["mm"])
SIZE_RANGE = (6.0, 24.0)
#: How far the fit to the budget goes: the spacing to 70 %, margins to 12 mm, type to 9 pt.
FLOORS = {"spacing": 0.7, "margin_mm": 12.0, "size_pt": 9.0}


def points(length: str) -> float:
    """A length checked by `read_length`, in points."""
    match = _LENGTH.fullmatch(length)
    assert match, length
    return float(match[1]) * UNITS[match[2]]


def read_length(value: Any, low: float, high: float) -> tuple[str | None, str]:
    """*value* as Typst writes a length (``18mm``), and '' or what is wrong with it."""
    match = _LENGTH.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None, f"{value!r} is not a length written as a number and pt, mm, cm or in"
    number, unit = float(match[1]), match[2]
    if not low <= number * UNITS[unit] <= high:
        return None, (f"{value!r} is outside {_shown(low, unit)} to {_shown(high, unit)}")
    return f"{number:g}{unit}", ""


def _shown(pt: float, unit: str) -> str:
    return f"{round(pt / UNITS[unit], 2):g} {unit}"


def read_margins(value: Any) -> tuple[dict[str, str] | None, list[tuple[str, str]]]:
    """``work_history_pdf_margins`` as ``{"x": ..., "y": ...}`` (an axis not given is the
    design's), and each problem with the key it is at ('' for the whole value)."""
    if value is None:
        return None, []
    if isinstance(value, str):
        length, problem = read_length(value, *MARGIN_RANGE)
        if problem:
            return None, [("", f"{problem}; the design's margins are used")]
        return {"x": str(length), "y": str(length)}, []
    if not isinstance(value, dict):
        return None, [("", f"{value!r} is neither a length nor a dict of 'x' and 'y'; the "
                           "design's margins are used")]
    margins: dict[str, str] = {}
    problems = []
    for key, given in value.items():
        if key not in ("x", "y"):
            problems.append((str(key), f"unknown key {key!r} (known: x, y); ignored"))
            continue
        length, problem = read_length(given, *MARGIN_RANGE)
        if problem:
            problems.append((key, f"{key!r}: {problem}; the design's is used"))
        else:
            margins[key] = str(length)
    return margins or None, problems


def read_size(value: Any) -> tuple[str | None, str]:
    """``work_history_pdf_size`` as Typst writes it (a number is in points), and '' or
    what is wrong with it."""
    if value is None:
        return None, ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = f"{value}pt"
    elif isinstance(value, str) and re.fullmatch(r"\s*\d+(?:\.\d*)?\s*", value):
        value = f"{value.strip()}pt"  # -D work_history_pdf_size=11
    size, problem = read_length(value, *SIZE_RANGE)
    return (None, f"{problem}; the design's size is used") if problem else (size, "")
