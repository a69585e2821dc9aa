"""The ``job`` role and what happens when its target does not exist."""

from __future__ import annotations

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .domain import JobRole
from .messages import warn


def _missing_job(app: Sphinx, env: BuildEnvironment, node: pending_xref,
                 contnode: nodes.TextElement) -> nodes.Node | None:
    if node.get("refdomain") != "work_history":
        return None
    warn("unknown_ref", f"{{job}} reference to unknown entry {node['reftarget']!r}; "
         "shown as plain text", node)
    return contnode  # the text stays; returning it stops the generic warning


def setup_xref(app: Sphinx) -> None:
    app.add_role("job", JobRole())
    app.connect("missing-reference", _missing_job)
