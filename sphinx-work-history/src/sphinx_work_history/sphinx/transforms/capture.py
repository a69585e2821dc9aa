"""The text the résumé exports, taken as the author wrote it.

Sphinx's smart quotes (a read transform at priority 750) turn ``'`` into
``’`` in the doctree. The pages show that, but resume.json must hold what
the author wrote, so the entries' text, the hub's introduction and the
publications are taken just before (`WorkHistoryDomain.take_text`).
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from ..domain import get_domain


class CaptureText(SphinxTransform):
    default_priority = 740  # after substitutions and references, before SmartQuotes (750)

    def apply(self, **kwargs: object) -> None:
        get_domain(self.env).take_text(self.env, self.env.docname, self.document)


def setup_capture(app: Sphinx) -> None:
    app.add_transform(CaptureText)
