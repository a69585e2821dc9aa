"""The entries of every document, kept on the build environment.

`WorkHistoryDomain` holds one `JobRecord` per ``job`` directive, keyed by
the entry's name, and the set of documents that show a summary. It is
purged per document (`clear_doc`) and merged per document after a
parallel read (`merge_domaindata`), so ``-j N`` and incremental builds
see the same data as a serial clean build.
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
from sphinx.util.nodes import make_refnode

from .dates import PartialDate


@dataclass(frozen=True)
class JobRecord:
    """What the summary, the references and the exports need of an entry."""

    name: str
    docname: str
    lineno: int
    position: str
    org: str
    start: PartialDate
    end: PartialDate | None  # None: ongoing
    url: str = ""
    location: str = ""
    tags: tuple[str, ...] = ()
    duration: str = ""

    @property
    def title(self) -> str:
        return f"{self.position}, {self.org}" if self.org else self.position

    @property
    def sort_key(self) -> tuple:
        """Newest first: ongoing entries, then by end, then by start."""
        end = self.end or PartialDate(9999, 12, 31, "day")
        return (end, self.start, self.name)


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
    data_version = 1

    # -- the typed accessor ------------------------------------------------
    @property
    def jobs(self) -> dict[str, JobRecord]:
        return self.data["jobs"]

    @property
    def summaries(self) -> dict[str, int]:
        """Documents that show a summary, with how many they show."""
        return self.data["summaries"]

    def add_job(self, record: JobRecord) -> JobRecord | None:
        """Store *record*; return the entry already holding its name, if any."""
        existing = self.jobs.get(record.name)
        if existing is not None:
            return existing
        self.jobs[record.name] = record
        return None

    def note_summary(self, docname: str) -> None:
        self.summaries[docname] = self.summaries.get(docname, 0) + 1

    def newest_first(self) -> list[JobRecord]:
        return sorted(self.jobs.values(), key=lambda r: r.sort_key, reverse=True)

    # -- Domain API --------------------------------------------------------
    def clear_doc(self, docname: str) -> None:
        for name in [n for n, r in self.jobs.items() if r.docname == docname]:
            del self.jobs[name]
        self.summaries.pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        docnames = set(docnames)
        for name, record in otherdata["jobs"].items():
            if record.docname not in docnames:
                continue
            existing = self.jobs.get(name)
            if existing is not None and existing.docname != record.docname:
                # The same clash a serial build reports, reported by the
                # document that comes later so -j gives the same message.
                first, second = sorted((existing, record), key=lambda r: (r.docname, r.lineno))
                from .messages import warn

                warn("duplicate_name",
                     f"duplicate job name {name!r}, also used at {first.docname}:{first.lineno}",
                     (second.docname, second.lineno))
                self.jobs[name] = first
                continue
            self.jobs[name] = record
        for docname, count in otherdata["summaries"].items():
            if docname in docnames:
                self.summaries[docname] = count

    def resolve_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder,
                     typ: str, target: str, node: pending_xref, contnode: nodes.Element
                     ) -> nodes.reference | None:
        record = self.jobs.get(target)
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
        for record in self.jobs.values():
            yield record.name, record.title, "job", record.docname, record.name, 1


def get_domain(env: BuildEnvironment) -> WorkHistoryDomain:
    return env.domains["work_history"]  # type: ignore[return-value]
