"""schema.org's shapes the records give themselves in (pure: plain dictionaries).

Each kind says where under the ``Person`` its entries go (`Record.jsonld`);
outputs/jsonld.py writes them in the pages' head.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .kinds import Record

#: A key under the person starting so is given with ``@reverse`` (the person
#: is the work's ``author`` or ``creator``).
REVERSE = "@reverse "


def clean(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value}


def organization(name: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": name} if name else {}


def dates(record: Record, start: str = "startDate", end: str = "endDate") -> dict[str, str]:
    return {start: record.start.iso() if record.start else "",
            end: record.end.iso() if record.end and record.SPAN else ""}
