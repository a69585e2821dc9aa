"""The résumé's records, kept on the build environment.

`WorkHistoryDomain` holds, per document, the `JobRecord` of each ``job``
directive in document order, the `EmployerRecord` of each ``employer``,
and what the résumé takes from whole pages: the hub's introduction and
the publications. Data is keyed by document so it is purged per document
(`clear_doc`) and merged per document after a parallel read
(`merge_domaindata`): ``-j N``, incremental and serial clean builds all
end with the same data.

Records are made while a document is parsed; once it is parsed, and
before Sphinx's smart quotes change a quote mark (`take_text`, called by
capture.py's transform), each record takes its body's text as the author
wrote it, and the hub and publication pages give theirs.

A name used in two documents is resolved the same way whatever the read
order: the entry first by (document, line) wins, and `check_consistency`
(run once all documents are read) warns about the others.

Two views: `by_name` (every entry, for references) and `jobs` /
`newest_first` (the published history, for summaries and exports).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any, ClassVar

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util.matching import Matcher
from sphinx.util.nodes import make_refnode
from sphinx.util.tags import Tags

from .messages import warn
from .model import EmployerRecord, JobRecord, Publication, Resume
from .nodes import job_entry
from .person import get_person
from .text import body_text, entry_body, introduction, links
from .variants import current_variant


class JobRole(XRefRole):
    """``{job}`name``` and ``{work_history:job}`name```.

    A reference to no entry is reported by xref.py (warn-missing-reference),
    so ``nitpick_ignore`` can silence it.
    """

    def __init__(self) -> None:
        super().__init__(warn_dangling=True)

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.refdomain, self.reftype = "work_history", "job"
        self.classes = ["xref", "work_history", "work_history-job"]
        if self.disabled:
            return self.create_non_xref_node()
        return self.create_xref_node()


def target_name(text: str) -> str:
    """The id a name or a reference target stands for: ``Heroku 2014`` -> ``heroku-2014``."""
    return nodes.make_id(text)


class WorkHistoryDomain(Domain):
    name = "work_history"
    label = "Work history"
    object_types: ClassVar[dict[str, ObjType]] = {"job": ObjType("job", "job")}
    roles: ClassVar[dict[str, Any]] = {"job": JobRole()}
    initial_data: ClassVar[dict[str, Any]] = {"jobs": {}, "employers": {}, "intro": {},
                                              "publications": {}}
    data_version = 4  # 4: JobRecord.end_unknown; text taken before smart quotes

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._by_name: dict[str, JobRecord] | None = None
        self._published: dict[str, JobRecord] | None = None
        self._newest: list[JobRecord] | None = None
        self._history: dict[str, JobRecord] | None = None

    # -- the typed accessor ------------------------------------------------
    @property
    def jobs_by_doc(self) -> dict[str, list[JobRecord]]:
        """Each document's entries, in document order."""
        jobs: dict[str, list[JobRecord]] = self.data["jobs"]
        return jobs

    @property
    def employers_by_doc(self) -> dict[str, list[EmployerRecord]]:
        employers: dict[str, list[EmployerRecord]] = self.data["employers"]
        return employers

    def records(self) -> Iterator[JobRecord]:
        for docname in sorted(self.jobs_by_doc):
            yield from self.jobs_by_doc[docname]

    def job(self, docname: str, name: str) -> JobRecord | None:
        return next((r for r in self.jobs_by_doc.get(docname, ()) if r.name == name), None)

    def employer(self, docname: str, index: int) -> EmployerRecord | None:
        employers = self.employers_by_doc.get(docname, [])
        return employers[index] if 0 <= index < len(employers) else None

    def jobs_of(self, employer: EmployerRecord) -> list[JobRecord]:
        return [r for r in self.jobs_by_doc.get(employer.docname, ())
                if r.employer == employer.index]

    def by_name(self) -> dict[str, JobRecord]:
        """Name -> entry; of entries sharing a name, the first by (document, line)."""
        index = self._by_name
        if index is None:
            index = {}
            for record in self.records():
                index.setdefault(record.name, record)
            self._by_name = index
        return index

    def history(self) -> dict[str, JobRecord]:
        """Every dated entry, by name: the first holder of each name, and none from
        the documents ``work_history_exclude_docs`` names (such as a page of
        examples); those entries are still rendered and can be referenced."""
        history = self._history
        if history is None:
            excluded = Matcher(self.env.config.work_history_exclude_docs)
            history = {name: record for name, record in self.by_name().items()
                       if record.start is not None and not excluded(record.docname)}
            self._history = history
        return history

    @property
    def jobs(self) -> dict[str, JobRecord]:
        """The published history, by name: what summaries and exports show.

        The `history`, as the variant built, if any, chooses among it (variants.py).
        """
        published = self._published
        if published is None:
            history = self.history()
            variant = current_variant(self.env.config)
            if variant is not None:
                newest = sorted(history.values(), key=lambda r: r.sort_key, reverse=True)
                chosen = {record.name for record in variant.choose(newest)}
                published = {n: r for n, r in history.items() if n in chosen}
            else:
                published = history
            self._published = published
        return published

    def left_out(self, record: JobRecord | None) -> bool:
        """The variant built leaves *record* out: it is gone from this build."""
        return (record is not None and self.history().get(record.name) is record
                and record.name not in self.jobs)

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

    def doc_names(self, docname: str) -> dict[str, JobRecord]:
        return {r.name: r for r in self.jobs_by_doc.get(docname, ())}

    def introduction(self) -> tuple[str, ...]:
        return tuple(self.data["intro"].get(self.env.config.work_history_hub, ()))

    def publications(self) -> list[Publication]:
        """The publications pages' links, in the order of the setting, each URL once."""
        found: dict[str, Publication] = {}
        for docname in self.env.config.work_history_publications:
            for publication in self.data["publications"].get(docname, ()):
                found.setdefault(publication.url, publication)
        return list(found.values())

    def resume(self) -> Resume:
        """The whole CV as every output of it reads it."""
        return Resume(person=get_person(self.env.config), introduction=self.introduction(),
                      entries=tuple(self.newest_first()),
                      publications=tuple(self.publications()))

    # -- recording, while reading --------------------------------------------
    def add_job(self, record: JobRecord) -> None:
        self.jobs_by_doc.setdefault(record.docname, []).append(record)
        self._changed()

    def add_employer(self, record: EmployerRecord) -> None:
        self.employers_by_doc.setdefault(record.docname, []).append(record)

    def next_employer_index(self, docname: str) -> int:
        return len(self.employers_by_doc.get(docname, ()))

    def _changed(self) -> None:
        self._by_name = self._history = self._published = self._newest = None

    def take_text(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Each entry's text, and the pages' own parts, as *docname* was written."""
        # The text of the variant built: its {only} blocks. Only the variant's
        # tag counts (builders share doctrees; a variant is read on its own).
        tags = Tags([env.config.work_history_variant] if env.config.work_history_variant
                    else [])
        records = self.jobs_by_doc.get(docname)
        if records:
            bodies = {entry["name"]: entry_body(entry) for entry in document.findall(job_entry)}
            records[:] = [replace(r, summary=summary, highlights=highlights)
                          for r in records
                          for summary, highlights in [body_text(bodies.get(r.name), tags)]]
        config = env.config
        if docname == config.work_history_hub:
            self.data["intro"][docname] = introduction(document, tags)
        if docname in config.work_history_publications:
            self.data["publications"][docname] = tuple(
                Publication(**link) for link in links(document))

    # -- Domain API --------------------------------------------------------

    def clear_doc(self, docname: str) -> None:
        if self.jobs_by_doc.pop(docname, None) is not None:
            self._changed()
        for key in ("employers", "intro", "publications"):
            self.data[key].pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            for key in ("jobs", "employers", "intro", "publications"):
                if docname in otherdata[key]:
                    value = otherdata[key][docname]
                    self.data[key][docname] = list(value) if isinstance(value, list) else value
        self._changed()

    def check_consistency(self) -> None:
        """Once every document is read: duplicate names, and settings naming no page."""
        first: dict[str, JobRecord] = {}
        for record in self.records():
            holder = first.setdefault(record.name, record)
            if holder is not record and holder.docname != record.docname:
                warn("duplicate_name",
                     f"job {record.title}: duplicate name {record.name!r}, also used by "
                     f"{holder.title} in {holder.docname!r} (line {holder.lineno}); references "
                     "go to that entry (give this one its own :name:)", record.warn_at)
        config = self.env.config
        for docname in config.work_history_publications:
            if docname not in self.env.found_docs:
                warn("bad_config", f"work_history_publications: no document {docname!r}", None)
        if config.work_history_hub not in self.env.found_docs:
            warn("bad_config", f"work_history_hub: no document {config.work_history_hub!r}",
                 None)

    def resolve_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder,
                     typ: str, target: str, node: pending_xref, contnode: nodes.Element
                     ) -> nodes.reference | None:
        record = self.by_name().get(target_name(target))
        if record is None:
            return None  # xref.py words the warning
        if not node.get("refexplicit"):
            contnode = nodes.inline(record.title, record.title, classes=contnode["classes"])
        if self.left_out(record):
            # The variant built leaves it out: plain text, no warning. Sphinx puts any
            # node the domain returns in the pending_xref's place, though
            # Domain.resolve_xref is annotated as returning a reference.
            return contnode  # type: ignore[return-value]
        return make_refnode(builder, fromdocname, record.docname, record.name, contnode,
                            record.title)

    def resolve_any_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder,
                         target: str, node: pending_xref, contnode: nodes.Element
                         ) -> list[tuple[str, nodes.reference]]:
        ref = self.resolve_xref(env, fromdocname, builder, "job", target, node, contnode)
        return [("work_history:job", ref)] if ref is not None else []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for record in self.by_name().values():
            if self.left_out(record):
                continue
            yield record.name, record.title, "job", record.docname, record.name, 1


def get_domain(env: BuildEnvironment) -> WorkHistoryDomain:
    return env.domains["work_history"]  # type: ignore[return-value]
