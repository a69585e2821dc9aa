"""Fitting the CV to its page budget (``work_history_pdf_fit``, a variant's ``fit``).

A PDF past its budget is laid out again, tighter each time: first the spacing
(the leading and the space between paragraphs and list items, to 70 % of the
design's), then the margins (to 12 mm), then the body type (to 9 pt), one step
at a time, until it fits or every floor is reached (config/pdf_design.py's
`FLOORS`). A setting already below its floor (conf.py's 10 mm margins) is left
as it is. Typst lays the CV out in the process in milliseconds, so each step
is a compile; `steps` gives them, `described` says what a step changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...config.pdf_design import FLOORS
from .document import Layout

SPACING_STEP = 0.1
MARGIN_STEP_MM = 2.0
SIZE_STEP_PT = 0.25


@dataclass(frozen=True)
class Start:
    """The layout the CV was first set in (base.typ's ``<work-history-layout>``)."""

    size_pt: float
    margin_x_mm: float
    margin_y_mm: float
    spacing: float = 1.0

    @classmethod
    def of(cls, found: dict[str, float]) -> Start:
        """From the mark's value: ``(size, margin-x, margin-y, spacing)``."""
        return cls(size_pt=found["size"], margin_x_mm=found["margin-x"],
                   margin_y_mm=found["margin-y"], spacing=found["spacing"])


def _down(start: float, floor: float, step: float) -> list[float]:
    """From *start* down to *floor* by *step*, *start* left out (none if it is at or
    below the floor)."""
    values = []
    value = start
    while value - floor > 1e-6:
        value = max(floor, round(value - step, 4))
        values.append(value)
    return values


def _layout(spacing: float, margin_x: float, margin_y: float, size: float) -> Layout:
    return Layout(spacing=spacing, margins=(("x", f"{margin_x:g}mm"), ("y", f"{margin_y:g}mm")),
                  size=f"{size:g}pt")


def steps(start: Start) -> Iterator[Layout]:
    """Each layout to try, tighter than the one before."""
    spacing, size = start.spacing, start.size_pt
    x, y = start.margin_x_mm, start.margin_y_mm
    for tighter in _down(spacing, FLOORS["spacing"], SPACING_STEP):
        spacing = tighter
        yield _layout(spacing, x, y, size)
    xs = _down(x, FLOORS["margin_mm"], MARGIN_STEP_MM)
    ys = _down(y, FLOORS["margin_mm"], MARGIN_STEP_MM)
    for index in range(max(len(xs), len(ys))):
        x = xs[min(index, len(xs) - 1)] if xs else x
        y = ys[min(index, len(ys) - 1)] if ys else y
        yield _layout(spacing, x, y, size)
    for smaller in _down(size, FLOORS["size_pt"], SIZE_STEP_PT):
        yield _layout(spacing, x, y, smaller)


def described(start: Start, layout: Layout) -> str:
    """What *layout* changed from *start*, as the build's message says it."""
    margins = dict(layout.margins)
    changed = []
    if layout.spacing < start.spacing:
        changed.append(f"the spacing to {layout.spacing:.0%}")
    x, y = (float(margins[axis].removesuffix("mm")) for axis in ("x", "y"))
    if (x, y) != (start.margin_x_mm, start.margin_y_mm):
        changed.append(f"the margins to {x:g} mm" if x == y
                       else f"the margins to {x:g} mm × {y:g} mm")
    size = float((layout.size or "0pt").removesuffix("pt"))
    if size < start.size_pt:
        changed.append(f"the type to {size:g} pt")
    return ", ".join(changed) or "nothing"
