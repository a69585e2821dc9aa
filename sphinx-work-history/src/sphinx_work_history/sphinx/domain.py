"""The résumé's records, kept on the build environment.

`WorkHistoryDomain` holds, per document, the record of each entry (of
every kind: kinds.py) in document order, the `EmployerRecord` of each ``employer``,
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

Views: `by_name` (every entry, for references); `published` (what the
build publishes: every kind, in page order, as the variant chooses) and
`jobs` / `newest_first` (its roles, for the summaries and the JSON-LD).
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

from ..config.messages import warn
from ..config.settings import work_history_config
from ..model.kinds import Record, order
from ..model.records import EmployerRecord, JobRecord, Publication, Resume
from .nodes import cv_entry
from .text import body_text, entry_body, introduction, links


class JobRole(XRefRole):
    """``{job}`name``` and ``{entry}`name```: a link to an entry (``{job}``
    for roles, ``{entry}`` for any kind).

    A reference to no entry is reported by xref.py (warn-missing-reference),
    so ``nitpick_ignore`` can silence it.
    """

    def __init__(self, reftype: str = "job") -> None:
        super().__init__(warn_dangling=True)
        self._reftype = reftype

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.refdomain, self.reftype = "work_history", self._reftype
        self.classes = ["xref", "work_history", f"work_history-{self._reftype}"]
        if self.disabled:
            return self.create_non_xref_node()
        return self.create_xref_node()


def target_name(text: str) -> str:
    """The id a name or a reference target stands for: ``Heroku 2014`` -> ``heroku-2014``."""
    return nodes.make_id(text)


class WorkHistoryDomain(Domain):
    name = "work_history"
    label = "Work history"
    object_types: ClassVar[dict[str, ObjType]] = {}  # every kind's: __init__
    roles: ClassVar[dict[str, Any]] = {"job": JobRole(), "entry": JobRole("entry")}
    initial_data: ClassVar[dict[str, Any]] = {"entries": {}, "employers": {}, "intro": {},
                                              "publications": {}}
    data_version = 5  # 5: a record per entry of every kind; text taken before smart quotes

    def __init__(self, env: BuildEnvironment) -> None:
        # The kinds registered when the project is set up (kinds.register).
        self.object_types = {  # type: ignore[misc]
            kind: ObjType(kind, "entry", *(("job",) if kind in ("job", "volunteer") else ()))
            for kind in order()}
        super().__init__(env)
        self._by_name: dict[str, Record] | None = None
        self._published: dict[str, Record] | None = None
        self._jobs: dict[str, JobRecord] | None = None
        self._newest: list[JobRecord] | None = None
        self._history: dict[str, Record] | None = None

    # -- the typed accessor ------------------------------------------------
    @property
    def entries_by_doc(self) -> dict[str, list[Record]]:
        """Each document's entries, of every kind, in document order."""
        entries: dict[str, list[Record]] = self.data["entries"]
        return entries

    @property
    def jobs_by_doc(self) -> dict[str, list[JobRecord]]:
        """Each document's roles (jobs and volunteering), in document order."""
        return {docname: jobs for docname, records in self.entries_by_doc.items()
                if (jobs := [r for r in records if isinstance(r, JobRecord)])}

    @property
    def employers_by_doc(self) -> dict[str, list[EmployerRecord]]:
        employers: dict[str, list[EmployerRecord]] = self.data["employers"]
        return employers

    def records(self) -> Iterator[Record]:
        for docname in sorted(self.entries_by_doc):
            yield from self.entries_by_doc[docname]

    def record(self, docname: str, name: str) -> Record | None:
        return next((r for r in self.entries_by_doc.get(docname, ()) if r.name == name), None)

    def employer(self, docname: str, index: int) -> EmployerRecord | None:
        employers = self.employers_by_doc.get(docname, [])
        return employers[index] if 0 <= index < len(employers) else None

    def jobs_of(self, employer: EmployerRecord) -> list[JobRecord]:
        return [r for r in self.entries_by_doc.get(employer.docname, ())
                if isinstance(r, JobRecord) and r.employer == employer.index]

    def kept_jobs_of(self, employer: EmployerRecord) -> list[JobRecord]:
        """The employer's roles this build shows (a variant may leave some out)."""
        return [job for job in self.jobs_of(employer) if not self.left_out(job)]

    def by_name(self) -> dict[str, Record]:
        """Name -> entry; of entries sharing a name, the first by (document, line)."""
        index = self._by_name
        if index is None:
            index = {}
            for record in self.records():
                index.setdefault(record.name, record)
            self._by_name = index
        return index

    def history(self) -> dict[str, Record]:
        """Every entry the CV can publish, by name: the first holder of each name,
        no role without a readable start, and none from the documents
        ``work_history_exclude_docs`` names (such as a page of examples); those
        entries are still rendered and can be referenced."""
        history = self._history
        if history is None:
            excluded = Matcher(work_history_config(self.env.config).exclude_docs)
            history = {name: record for name, record in self.by_name().items()
                       if not (isinstance(record, JobRecord) and record.start is None)
                       and not excluded(record.docname)}
            self._history = history
        return history

    def toctree_order(self) -> list[str]:
        """The root document, then its toctrees' documents, depth first."""
        env = self.env
        order: dict[str, None] = {}

        def visit(docname: str) -> None:
            if docname in order or docname not in env.found_docs:
                return
            order[docname] = None
            for child in env.toctree_includes.get(docname, ()):
                visit(child)

        visit(env.config.root_doc)
        return list(order)

    def page_order(self) -> list[str]:
        """The documents as the CV reads them: `toctree_order`, then any other
        document with entries, by name."""
        order = self.toctree_order()
        return [*order, *sorted(set(self.entries_by_doc) - set(order))]

    @property
    def published(self) -> dict[str, Record]:
        """What this build publishes, by name, in page order: the `history`, as
        the variant built, if any, chooses among it (selection.py)."""
        published = self._published
        if published is None:
            history = self.history()
            position = {docname: n for n, docname in enumerate(self.page_order())}
            ordered = sorted(history.values(),
                             key=lambda r: (position.get(r.docname, len(position)),
                                            r.docname, r.lineno))
            variant = work_history_config(self.env.config).current_variant
            chosen = variant.choose(ordered) if variant is not None else ordered
            published = {record.name: record for record in chosen}
            self._published = published
        return published

    @property
    def jobs(self) -> dict[str, JobRecord]:
        """The published roles (``job``, not volunteering), by name: what the
        summaries and the JSON-LD show."""
        if self._jobs is None:
            self._jobs = {name: r for name, r in self.published.items()
                          if isinstance(r, JobRecord) and r.KIND == "job"}
        return self._jobs

    def left_out(self, record: Record | None) -> bool:
        """The variant built leaves *record* out: it is gone from this build."""
        return (record is not None and self.history().get(record.name) is record
                and record.name not in self.published)

    def newest_first(self) -> list[JobRecord]:
        """The published roles (`jobs`), newest first."""
        if self._newest is None:  # asked for by every page that is written
            self._newest = sorted(self.jobs.values(), key=lambda r: r.sort_key, reverse=True)
        return list(self._newest)

    def published_in(self, docname: str) -> list[JobRecord]:
        """The published roles of one document, newest first."""
        published = self.jobs
        # This document's entries alone: `jobs_by_doc` would filter every document's,
        # and every page asks (a build's time would grow with pages times entries).
        own = [r for r in self.entries_by_doc.get(docname, ())
               if isinstance(r, JobRecord) and published.get(r.name) is r]
        return sorted(own, key=lambda r: r.sort_key, reverse=True)

    def doc_names(self, docname: str) -> dict[str, Record]:
        return {r.name: r for r in self.entries_by_doc.get(docname, ())}

    def introduction(self) -> tuple[str, ...]:
        return tuple(self.data["intro"].get(work_history_config(self.env.config).hub, ()))

    def publications(self) -> list[Publication]:
        """The publications pages' links, in the order of the setting, each URL once
        (and none that a publication entry already names)."""
        found: dict[str, Publication] = {}
        named = {getattr(r, "url", "") for r in self.published.values()}
        for docname in work_history_config(self.env.config).publications:
            for publication in self.data["publications"].get(docname, ()):
                if publication.url not in named:
                    found.setdefault(publication.url, publication)
        return list(found.values())

    def resume(self) -> Resume:
        """The whole CV as every output of it reads it."""
        return Resume(person=work_history_config(self.env).person,
                      introduction=self.introduction(),
                      entries=tuple(self.published.values()),
                      publications=tuple(self.publications()))

    # -- recording, while reading --------------------------------------------
    def add_entry(self, record: Record) -> None:
        self.entries_by_doc.setdefault(record.docname, []).append(record)
        self._changed()

    add_job = add_entry

    def add_employer(self, record: EmployerRecord) -> None:
        self.employers_by_doc.setdefault(record.docname, []).append(record)

    def next_employer_index(self, docname: str) -> int:
        return len(self.employers_by_doc.get(docname, ()))

    def records_changed(self) -> None:
        """A record was replaced (translation.py): the views are made again."""
        self._changed()

    def _changed(self) -> None:
        self._by_name = self._history = self._published = self._jobs = self._newest = None

    def take_text(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Each entry's text, and the pages' own parts, as *docname* was written."""
        # The text of the variant built: its {only} blocks. Only the variant's
        # tag counts (builders share doctrees; a variant is read on its own).
        variant = work_history_config(env).variant
        tags = Tags([variant] if variant else [])
        records = self.entries_by_doc.get(docname)
        if records:
            bodies = {entry["name"]: entry_body(entry) for entry in document.findall(cv_entry)}
            records[:] = [replace(r, summary=summary, highlights=highlights)
                          for r in records
                          for summary, highlights in [body_text(bodies.get(r.name), tags)]]
        settings = work_history_config(env)
        if docname == settings.hub:
            self.data["intro"][docname] = introduction(document, tags)
        if docname in settings.publications:
            self.data["publications"][docname] = tuple(
                Publication(**link) for link in links(document))

    # -- Domain API --------------------------------------------------------

    def clear_doc(self, docname: str) -> None:
        if self.entries_by_doc.pop(docname, None) is not None:
            self._changed()
        for key in ("employers", "intro", "publications"):
            self.data[key].pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            for key in ("entries", "employers", "intro", "publications"):
                if docname in otherdata[key]:
                    value = otherdata[key][docname]
                    self.data[key][docname] = list(value) if isinstance(value, list) else value
        self._changed()

    def check_consistency(self) -> None:
        """Once every document is read: duplicate names, and settings naming no page."""
        first: dict[str, Record] = {}
        for record in self.records():
            holder = first.setdefault(record.name, record)
            if holder is not record and holder.docname != record.docname:
                warn("duplicate_name",
                     f"{record.label}: duplicate name {record.name!r}, also used by "
                     f"{holder.title} in {holder.docname!r} (line {holder.lineno}); references "
                     "go to that entry (give this one its own :name:)", record.warn_at)
        settings = work_history_config(self.env)
        for docname in settings.publications:
            if docname not in self.env.found_docs:
                warn("bad_config", f"work_history_publications: no document {docname!r}", None)
        if settings.hub not in self.env.found_docs:
            warn("bad_config", f"work_history_hub: no document {settings.hub!r}",
                 None)
        # The general index leaves out the entries the variant leaves out.
        index = self.env.domains["index"].entries
        for record in self.by_name().values():
            if self.left_out(record) and record.docname in index:
                index[record.docname] = [entry for entry in index[record.docname]
                                         if entry[2] != record.name]

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
        ref = self.resolve_xref(env, fromdocname, builder, "entry", target, node, contnode)
        return [("work_history:entry", ref)] if ref is not None else []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for record in self.by_name().values():
            if self.left_out(record):
                continue
            yield record.name, record.title, record.KIND, record.docname, record.name, 1


def get_domain(env: BuildEnvironment) -> WorkHistoryDomain:
    return env.domains["work_history"]  # type: ignore[return-value]
