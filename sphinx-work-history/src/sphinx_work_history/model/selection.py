"""Which entries a summary table or a variant shows (the pure model: no Sphinx).

A ``work-history`` table chooses roles by tags, a year and a count
(`select`). A variant (`Variant`, declared in conf.py and checked by
variants.py) chooses among every entry of the CV (`Variant.choose`):

* ``kinds``: the kinds it keeps (default: every kind);
* ``tags``: of the entries that have tags, those with any of them; an
  entry without tags is in every variant (it is not tailored);
* ``since``: of the dated entries, those that end on or after it, or are
  ongoing; an undated entry (a skill, a language) stays;
* ``limit``: the N newest of each kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .dates import PartialDate, at_common_precision
from .kinds import Record

R = TypeVar("R", bound=Record)


def has_any_tag(record: Record, tags: Sequence[str]) -> bool:
    wanted = {tag.casefold() for tag in tags}
    return bool(wanted & {tag.casefold() for tag in record.tags})


def select(records: Iterable[R], tags: Sequence[str], since: int, limit: int) -> list[R]:
    """The roles a summary table shows, in the order given (newest first)."""
    chosen = [
        record for record in records
        if (not tags or has_any_tag(record, tags))
        and (not since or record.end is None or record.end.year >= since)
    ]
    return chosen[:limit] if limit else chosen


def not_before(end: PartialDate, since: PartialDate) -> bool:
    """*end* is on or after *since*, both cut to the coarser precision
    (a role that ended in 2011 counts for "since 2011-06")."""
    end, since = at_common_precision(end, since)
    return end >= since


@dataclass(frozen=True)
class Variant:
    """One tailored CV: which entries it shows, and its page budget."""

    name: str
    tags: tuple[str, ...] = ()
    since: PartialDate | None = None
    limit: int = 0
    pages: int = 0
    label: str = ""
    kinds: tuple[str, ...] = ()  # empty: every kind
    fit: bool | None = None  # the PDF is fitted to its budget; None: as the full CV is

    def keeps(self, record: Record) -> bool:
        """Whether *record* passes the variant's kinds, tags and since (not its limit)."""
        if self.kinds and record.KIND not in self.kinds:
            return False
        if self.tags and record.tags and not has_any_tag(record, self.tags):
            return False
        if self.since is None or record.start is None:
            return True
        if record.SPAN:
            # Ongoing, or ended when is not known: it may reach *since*.
            return record.end is None or not_before(record.end, self.since)
        return not_before(record.start, self.since)

    def choose(self, records: Iterable[R]) -> list[R]:
        """The entries this variant shows, in the order given; the limit counts
        each kind's entries newest first."""
        kept = [record for record in records if self.keeps(record)]
        if not self.limit:
            return kept
        newest: dict[str, list[R]] = {}
        for record in sorted(kept, key=lambda r: r.sort_key, reverse=True):
            newest.setdefault(record.KIND, []).append(record)
        allowed = {id(r) for rs in newest.values() for r in rs[: self.limit]}
        return [record for record in kept if id(record) in allowed]
