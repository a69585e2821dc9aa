r"""The PDF's CV header, in place of a title page, from ``work_history_person``.

``\workhistorycvheader{label}{contact}`` (workhistory.sty) sets the
author's name large, what they do under it and the contact details on
the right: the email, and the web address. Every value is the checked
person's (config.py), escaped for LaTeX. A project that sets
``latex_elements['maketitle']`` itself keeps it; so does one that turns
``work_history_latex_header`` off or names no person.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.texescape import escape

from .person import get_person


def _uri(url: str) -> str:
    # As Sphinx's LaTeX writer writes an \href target.
    return (escape(url).replace(r"\textasciitilde{}", "~").replace(r"\sphinxhyphen{}", "-")
            .replace(r"\textquotesingle{}", "'"))


def contact_line(person: dict[str, str], site: str) -> str:
    parts = []
    if email := person.get("email"):
        parts.append(rf"\href{{{_uri('mailto:' + email)}}}{{{escape(email)}}}")
    if site:
        shown = site.split("://", 1)[-1].rstrip("/")
        parts.append(rf"\href{{{_uri(site)}}}{{\texttt{{{escape(shown)}}}}}")
    return r" \textperiodcentered{} ".join(parts)


def cv_header(config: Config) -> str:
    person = get_person(config)
    site = person.get("url") or config.html_baseurl or ""
    label = escape(person.get("label", ""))
    return rf"\workhistorycvheader{{{label}}}{{{contact_line(person, site)}}}"


def _set_header(app: Sphinx, config: Config) -> None:
    elements = config.latex_elements
    if (config.work_history_latex_header and get_person(config)
            and "maketitle" not in elements):
        config.latex_elements = {**elements, "maketitle": cv_header(config)}


def setup_cvheader(app: Sphinx) -> None:
    app.connect("config-inited", _set_header, priority=600)  # after config.py's checks
