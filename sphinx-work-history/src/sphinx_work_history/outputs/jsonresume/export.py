"""resume.json (JSON Resume v1) at the HTML site's root, and the ways to find it.

* ``resume.json`` is written when an HTML build finishes (not for the
  ePub or other packaged builders, which have no site root);
* the home page links it: ``<link rel="alternate" type="application/json">``;
* the ``{resume-json}`text``` role is a visible link to it: relative on the
  HTML site, the published address (``work_history_person['url']``) in
  the PDF and the ePub.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util.docutils import SphinxRole
from sphinx.util.osutil import relative_uri

from ...config.messages import warn
from ...config.settings import work_history_config
from ...sphinx.domain import get_domain
from .data import RESUME_JSON, build_resume


def publishes_site(builder: Builder) -> bool:
    """An HTML site with a root (html, dirhtml, singlehtml), not a packaged book."""
    return builder.format == "html" and not getattr(builder, "embedded", True)


def resume_json_text(app: Sphinx) -> str:
    data = build_resume(get_domain(app.env).resume())
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _write_resume(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or not publishes_site(app.builder):
        return
    Path(app.builder.outdir, RESUME_JSON).write_text(resume_json_text(app), encoding="utf-8")


def _link_from_home(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                    doctree: nodes.document | None) -> None:
    if pagename != work_history_config(app.config).hub or not publishes_site(app.builder):
        return
    href = escape(context["pathto"](RESUME_JSON, resource=True))
    context["metatags"] = (context.get("metatags") or "") + (
        f'\n<link rel="alternate" type="application/json" title="Résumé (JSON Resume)" '
        f'href="{href}">')


class resume_link(nodes.inline):
    """Placeholder for a link to resume.json; replaced at doctree-resolved."""


class ResumeJsonRole(SphinxRole):
    """``{resume-json}`my résumé as JSON``` – a link to resume.json."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        node = resume_link(self.rawtext, self.text or RESUME_JSON)
        self.set_source_info(node)
        return [node], []


def _resolve_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for node in list(doctree.findall(resume_link)):
        text = node.astext()
        if publishes_site(app.builder):
            uri = relative_uri(app.builder.get_target_uri(docname), RESUME_JSON)
        elif url := work_history_config(app.config).person.get("url"):
            uri = urljoin(url, RESUME_JSON)
        else:
            warn("bad_config", f"{{resume-json}}: a {app.builder.name} build has no resume.json "
                 "and work_history_person has no 'url' to link to; shown as plain text", node)
            node.replace_self(nodes.Text(text))
            continue
        node.replace_self(nodes.reference(text, text, refuri=uri, classes=["wh-resume-json"]))


def setup_export_resume(app: Sphinx) -> None:
    app.add_role("resume-json", ResumeJsonRole())
    app.connect("doctree-resolved", _resolve_links)
    app.connect("html-page-context", _link_from_home)
    app.connect("build-finished", _write_resume)
