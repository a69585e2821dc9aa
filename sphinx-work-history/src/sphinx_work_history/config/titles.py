"""The project's name and author, shown as written where a theme or LaTeX prints them raw.

Sphinx hands ``html_title`` (its default holds ``project``) to the theme's
templates as it is, and Furo prints it unescaped in the sidebar's brand and
the search page's ``<title>`` (and ``project`` in the brand when there is no
title); a name such as ``A & B <i>`` would be markup on every page. So each
page's ``docstitle``, ``shorttitle`` (``html_short_title``) and ``project``
are given to the templates as escaped `markupsafe.Markup`: printed raw they
are text, and a template that escapes them (``|e``, as Sphinx's own themes
do) leaves them as they are, since ``Markup`` is escaped already. (The
configuration keeps its plain strings: Sphinx checks their types again when it
loads a theme, and ``Markup`` is not ``str``.) A value that is ``Markup``
already (another extension's) is left as it is.

Sphinx writes each ``latex_documents`` entry's title and author into the
LaTeX source as LaTeX (``\\directlua{...}`` would run under LuaLaTeX). At
``config-inited`` the entries conf.py gives are escaped with Sphinx's own
`sphinx.util.texescape`, as cvheader.py escapes the person; Sphinx's default
entry, escaped already by Sphinx, is left as it is.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape
from sphinx.application import Sphinx
from sphinx.builders.latex import default_latex_documents
from sphinx.config import Config
from sphinx.util import texescape

#: What a page's templates print of the configuration: html_title, html_short_title, project.
HTML_TITLES = ("docstitle", "shorttitle", "project")


def html_text(value: str) -> str:
    """*value* as text in HTML, whether a template escapes it or not."""
    return value if isinstance(value, Markup) else escape(value)


def _escape_html_titles(app: Sphinx, pagename: str, templatename: str,
                        context: dict[str, Any], doctree: Any) -> None:
    for key in HTML_TITLES:
        if isinstance(context.get(key), str):
            context[key] = html_text(context[key])


def latex_text(value: str, engine: str) -> str:
    """*value* as text in LaTeX, as Sphinx escapes the title of its default entry."""
    return texescape.escape_abbr(texescape.escape(value, engine))


def _escape_latex_documents(app: Sphinx, config: Config) -> None:
    documents = config.latex_documents
    if [tuple(entry) for entry in documents] == default_latex_documents(config):
        return
    texescape.init()  # at config-inited the LaTeX builder has not filled the tables yet
    engine = config.latex_engine
    escaped: list[Any] = []
    for entry in documents:
        entry = tuple(entry)
        if len(entry) >= 4 and isinstance(entry[2], str) and isinstance(entry[3], str):
            entry = (*entry[:2], latex_text(entry[2], engine), latex_text(entry[3], engine),
                     *entry[4:])
        escaped.append(entry)  # a malformed entry is Sphinx's to report
    config.latex_documents = escaped


def setup_titles(app: Sphinx) -> None:
    app.connect("config-inited", _escape_latex_documents, priority=600)
    app.connect("html-page-context", _escape_html_titles)
