"""The entries of every document, kept on the build environment.

`WorkHistoryDomain` holds, per document, the `JobRecord` of each ``job``
directive in document order, and the documents that show a summary.
Data is keyed by document so it is purged per document (`clear_doc`) and
merged per document after a parallel read (`merge_domaindata`): ``-j N``,
incremental and serial clean builds all end with the same data.

A name used in two documents is resolved the same way whatever the read
order: the entry first by (document, line) wins, and `check_duplicates`
(run once all documents are read) warns about the others.

Two views: `by_name` (every entry, for references) and `jobs` /
`newest_first` (the published history, for summaries and exports).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util.matching import Matcher
from sphinx.util.nodes import make_refnode

from .dates import PartialDate
from .messages import warn

_FAR_FUTURE = PartialDate(9999, 12, 31, "day")


@dataclass(frozen=True)
class JobRecord:
    """What the summary, the references and the exports need of an entry."""

    name: str
    docname: str
    lineno: int
    position: str
    org: str
    start: PartialDate | None  # None: unreadable; such entries stay out of summaries
    end: PartialDate | None  # None: ongoing
    url: str = ""
    location: str = ""
    tags: tuple[str, ...] = ()
    duration: str = ""
    source: str = ""  # "path:line" of the directive, for warnings (includes differ from docname)

    @property
    def title(self) -> str:
        if self.position and self.org:
            return f"{self.position}, {self.org}"
        return self.position or self.org or self.name

    @property
    def sort_key(self) -> tuple:
        """Sorted in reverse, newest first: ongoing, then by end, then by start."""
        end = self.end or _FAR_FUTURE
        start = self.start or PartialDate(1)
        return (end.year, end.month, end.day, start.year, start.month, start.day,
                self.docname, -self.lineno)

    @property
    def warn_at(self) -> str | tuple[str, int]:
        """Where a warning about this entry points."""
        return self.source or (self.docname, self.lineno)


def target_name(text: str) -> str:
    """The id a name or a reference target stands for: ``Heroku 2014`` -> ``heroku-2014``."""
    return nodes.make_id(text)


class JobRole(XRefRole):
    """``{job}`name``` and ``{work_history:job}`name```."""

    def run(self):
        self.refdomain, self.reftype = "work_history", "job"
        self.classes = ["xref", "work_history", "work_history-job"]
        if self.disabled:
            return self.create_non_xref_node()
        return self.create_xref_node()


class WorkHistoryDomain(Domain):
    name = "work_history"
    label = "Work history"
    object_types = {"job": ObjType("job", "job")}
    roles = {"job": JobRole()}
    initial_data: dict[str, Any] = {"jobs": {}, "summaries": {}}
    data_version = 2

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._by_name: dict[str, JobRecord] | None = None
        self._published: dict[str, JobRecord] | None = None
        self._newest: list[JobRecord] | None = None
        #: The records of the documents being read, as they were before (summary.py).
        self.before_read: dict[str, tuple[JobRecord, ...]] = {}

    # -- the typed accessor ------------------------------------------------
    @property
    def jobs_by_doc(self) -> dict[str, list[JobRecord]]:
        """Each document's entries, in document order."""
        return self.data["jobs"]

    @property
    def summaries(self) -> dict[str, int]:
        """Documents that show a summary, with how many they show."""
        return self.data["summaries"]

    def records(self) -> Iterator[JobRecord]:
        for docname in sorted(self.jobs_by_doc):
            yield from self.jobs_by_doc[docname]

    def by_name(self) -> dict[str, JobRecord]:
        """Name -> entry; of entries sharing a name, the first by (document, line)."""
        index = self._by_name
        if index is None:
            index = {}
            for record in self.records():
                index.setdefault(record.name, record)
            self._by_name = index
        return index

    @property
    def jobs(self) -> dict[str, JobRecord]:
        """The published history, by name: what summaries and exports show.

        Dated entries only, the first holder of each name, and none from the
        documents ``work_history_exclude_docs`` names (such as a page of
        examples); those entries are still rendered and can be referenced.
        """
        published = self._published
        if published is None:
            excluded = Matcher(self.env.config.work_history_exclude_docs)
            published = {name: record for name, record in self.by_name().items()
                         if record.start is not None and not excluded(record.docname)}
            self._published = published
        return published

    def _changed(self) -> None:
        self._by_name = self._published = self._newest = None

    def doc_names(self, docname: str) -> dict[str, JobRecord]:
        return {r.name: r for r in self.jobs_by_doc.get(docname, ())}

    def add_job(self, record: JobRecord) -> None:
        self.jobs_by_doc.setdefault(record.docname, []).append(record)
        self._changed()

    def note_summary(self, docname: str) -> None:
        self.summaries[docname] = self.summaries.get(docname, 0) + 1

    def newest_first(self) -> list[JobRecord]:
        """The published history (`jobs`), newest first."""
        if self._newest is None:  # asked for by every page that is written
            self._newest = sorted(self.jobs.values(), key=lambda r: r.sort_key, reverse=True)
        return list(self._newest)

    def published_in(self, docname: str) -> list[JobRecord]:
        """The published entries of one document, newest first."""
        published = self.jobs
        own = [r for r in self.jobs_by_doc.get(docname, ()) if published.get(r.name) is r]
        return sorted(own, key=lambda r: r.sort_key, reverse=True)

    def fingerprint(self, docnames: Iterable[str]) -> dict[str, tuple[JobRecord, ...]]:
        """What a summary shows of *docnames*: compared before and after a read."""
        return {d: tuple(self.jobs_by_doc.get(d, ())) for d in docnames}

    def check_duplicates(self) -> None:
        """Warn about each entry whose name an earlier document already holds."""
        first: dict[str, JobRecord] = {}
        for record in self.records():
            holder = first.setdefault(record.name, record)
            if holder is not record and holder.docname != record.docname:
                warn("duplicate_name",
                     f"job {record.title}: duplicate name {record.name!r}, also used by "
                     f"{holder.title} in {holder.docname!r} (line {holder.lineno}); references "
                     "go to that entry (give this one its own :name:)", record.warn_at)

    # -- Domain API --------------------------------------------------------
    def clear_doc(self, docname: str) -> None:
        if self.jobs_by_doc.pop(docname, None) is not None:
            self._changed()
        self.summaries.pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["jobs"]:
                self.jobs_by_doc[docname] = list(otherdata["jobs"][docname])
            if docname in otherdata["summaries"]:
                self.summaries[docname] = otherdata["summaries"][docname]
        self._changed()

    def resolve_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder,
                     typ: str, target: str, node: pending_xref, contnode: nodes.Element
                     ) -> nodes.reference | None:
        record = self.by_name().get(target_name(target))
        if record is None:
            return None
        if not node.get("refexplicit"):
            contnode = nodes.inline(record.title, record.title, classes=contnode["classes"])
        return make_refnode(builder, fromdocname, record.docname, record.name, contnode,
                            record.title)

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        ref = self.resolve_xref(env, fromdocname, builder, "job", target, node, contnode)
        return [("work_history:job", ref)] if ref is not None else []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for record in self.by_name().values():
            yield record.name, record.title, "job", record.docname, record.name, 1


def get_domain(env: BuildEnvironment) -> WorkHistoryDomain:
    return env.domains["work_history"]  # type: ignore[return-value]
