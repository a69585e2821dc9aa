"""Pages that show entries of other pages, and when they are written again.

A page with a ``work-history`` summary, and the hub (whose JSON-LD lists
every role), show entries of other documents: when those change, the
page must be written again although its own source did not change.
`OverviewCollector` notes, as each document is read, whether it holds a
summary; once all are read (``env-get-updated``) it compares the facts
every overview shows with those of the last build and names the overview
pages when they differ. Likewise, when the date lengths count to (or
whether lengths are shown) has changed, it names every page that shows a
length, so a builder that writes only changed pages (text, say) shows
today's lengths without reading any document again.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors import EnvironmentCollector

from ..config.settings import work_history_config
from .domain import get_domain
from .nodes import summary_placeholder


@dataclass
class Written:
    """What the last build's pages showed: the overviews' facts, and the settings of lengths."""

    facts: tuple[Any, ...]
    lengths: tuple[Any, ...]


def _overviews(env: BuildEnvironment) -> set[str]:
    if not hasattr(env, "work_history_overviews"):
        env.work_history_overviews = set()  # type: ignore[attr-defined]
    return env.work_history_overviews  # type: ignore[attr-defined,no-any-return]


class OverviewCollector(EnvironmentCollector):
    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        _overviews(env).discard(docname)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: Set[str],
                    other: BuildEnvironment) -> None:
        _overviews(env).update(_overviews(other) & set(docnames))

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        if any(doctree.findall(summary_placeholder)):
            _overviews(app.env).add(app.env.docname)

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        domain = get_domain(env)
        settings = work_history_config(env)
        now = Written(facts=tuple(record.facts() for record in domain.newest_first()),
                      lengths=(settings.today, settings.durations))
        before: Written | None = getattr(env, "work_history_written", None)
        env.work_history_written = now  # type: ignore[attr-defined]
        if before is None:
            return []
        to_write: set[str] = set()
        if before.facts != now.facts:
            to_write |= _overviews(env) | {settings.hub}
        if before.lengths != now.lengths:
            to_write |= _overviews(env) | set(domain.jobs_by_doc) | set(domain.employers_by_doc)
        return sorted(to_write & env.found_docs)


def setup_collector(app: Sphinx) -> None:
    app.add_env_collector(OverviewCollector)
