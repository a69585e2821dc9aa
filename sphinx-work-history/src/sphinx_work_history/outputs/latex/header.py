r"""The PDF's CV header, in place of a title page, from ``work_history_person``.

``\workhistorycvheader[photo]{label}{contact}`` (workhistory.sty) sets
the author's name large, what they do under it, the contact details on
the right – the email, the phone, the web address, the location and the
profiles, as every format gives them (cv_model.py) – and the photo, if
the person has one in the project (contact.py copies it) or at a web
address photo.py could fetch (the header is then set again once the
builder has started, with the copy's name). Every value is the checked
person's (config.py), escaped for LaTeX. A project that sets
``latex_elements['maketitle']`` itself keeps it; so does one that turns
``work_history_latex_header`` off or names no person.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.latex import LaTeXBuilder
from sphinx.config import Config
from sphinx.util import texescape
from sphinx.util.texescape import escape

from ...config.options import is_web_url
from ...config.settings import work_history_config
from ...model.cv_model import contacts_of, web_shown
from ..html.contact import LATEX_IMAGE_TYPES, latex_photo
from ..photo import fetch_to_output


def _uri(url: str) -> str:
    # As Sphinx's LaTeX writer writes an \href target.
    return (escape(url).replace(r"\textasciitilde{}", "~").replace(r"\sphinxhyphen{}", "-")
            .replace(r"\textquotesingle{}", "'"))


def contact_line(person: dict[str, Any], site: str) -> str:
    """Each contact detail (cv_model.py's `contacts_of`), a link where it has one,
    a profile after its network (as the HTML contact block and the CV files give it)."""
    parts = []
    for contact in contacts_of({**person, "url": site}):
        if contact.kind == "web" or contact.url.startswith("http"):
            shown = rf"\texttt{{{escape(web_shown(contact.text))}}}"
        else:
            shown = escape(contact.text)
        if contact.url:
            shown = rf"\href{{{_uri(contact.url)}}}{{{shown}}}"
        if contact.kind == "profile":  # a username alone says nothing of where it is
            shown = rf"{escape(contact.label)}: {shown}"
        parts.append(shown)
    return r" \textperiodcentered{} ".join(parts)


def cv_header(config: Config, photo: str | None = None) -> str:
    """The header; *photo*: the photo's file in the output (by default, the
    project's photo's copy, if LaTeX can show it)."""
    # At config-inited the LaTeX builder has not yet filled escape's table.
    texescape.init()
    person = work_history_config(config).person
    site = person.get("url") or config.html_baseurl or ""
    label = escape(person.get("label", ""))
    if photo is None:
        photo = latex_photo(person)
    option = f"[{photo}]" if photo else ""
    return rf"\workhistorycvheader{option}{{{label}}}{{{contact_line(person, site)}}}"


def _set_header(app: Sphinx, config: Config) -> None:
    elements = config.latex_elements
    settings = work_history_config(config)
    if (settings.latex_header and settings.person
            and "maketitle" not in elements):
        config.latex_elements = {**elements, "maketitle": cv_header(config)}


def _fetched_photo_in_header(app: Sphinx) -> None:
    """A photo at a web address, fetched (photo.py) when the header is the one in
    place, and named in it: its suffix is known only then, once the LaTeX builder has
    read ``latex_elements`` into its template's values."""
    builder = app.builder
    if not isinstance(builder, LaTeXBuilder):
        return
    url = work_history_config(app.config).person.get("image", "")
    if not is_web_url(url) or builder.context.get("maketitle") != cv_header(app.config):
        return
    photo = fetch_to_output(app, url, LATEX_IMAGE_TYPES)
    if photo is not None:
        builder.context["maketitle"] = cv_header(app.config, photo.name)


def setup_cvheader(app: Sphinx) -> None:
    app.connect("config-inited", _set_header, priority=600)  # after config.py's checks
    app.connect("builder-inited", _fetched_photo_in_header)
