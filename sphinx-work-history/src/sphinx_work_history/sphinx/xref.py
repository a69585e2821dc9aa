"""The ``job`` and ``entry`` roles, and what happens when a target does not exist.

Sphinx's ``warn-missing-reference`` event lets the domain word its own
warning; ``nitpick_ignore`` (``("work_history:job", "name")``) silences
one, as for any other role. The reference's text stays, as plain text.
"""

from __future__ import annotations

from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.domains import Domain

from ..config.messages import warn
from .domain import JobRole


def _missing_job(app: Sphinx, domain: Domain | None, node: pending_xref) -> bool | None:
    if domain is None or domain.name != "work_history":
        return None
    warn("unknown_ref", f"{{{node['reftype']}}} reference to unknown entry "
         f"{node['reftarget']!r}; shown as plain text", node)
    return True


def setup_xref(app: Sphinx) -> None:
    app.add_role("job", JobRole())
    app.add_role("entry", JobRole("entry"))
    app.connect("warn-missing-reference", _missing_job)
