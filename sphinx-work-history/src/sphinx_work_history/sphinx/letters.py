"""Letter pages are private: read by the CV builders only, unless public.

Every builder but the CV builders (format ``cv``) leaves out the letter pages
of the applications that are not ``public`` (config/applications.py): the
HTML site, its search index and sitemap, the ePub, the JSON-LD and
resume.json, LaTeX. They are added to ``exclude_patterns`` when the builder
starts and taken out again once the pages are read, so the environment
pickled with the configuration is not seen as changed by the next build.

Once every page is read, each application's letter page is checked: it
exists, it holds a ``letter`` directive, and, when private, no toctree
lists it (the site would link a page it leaves out).
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..config.messages import conf_location, warn
from ..config.settings import work_history_config
from .directives.letter import METADATA

_ADDED = "_work_history_letters_excluded"


def _exclude_private_letters(app: Sphinx) -> None:
    if app.builder.format == "cv":
        return
    private = work_history_config(app.config).private_letters
    added = [docname + suffix for docname in private for suffix in app.config.source_suffix]
    if added:
        setattr(app.config, _ADDED, list(app.config.exclude_patterns))
        app.config.exclude_patterns = [*app.config.exclude_patterns, *added]


def _restore_exclude_patterns(app: Sphinx, env: BuildEnvironment) -> list[str]:
    kept = app.config.__dict__.pop(_ADDED, None)
    if kept is not None:
        app.config.exclude_patterns = kept
    return []


def _check_letters(app: Sphinx, env: BuildEnvironment) -> None:
    settings = work_history_config(app.config)
    private = set(settings.private_letters)
    cv_build = app.builder.format == "cv"
    for application in settings.applications.values():
        docname = application.letter
        where = conf_location(app.confdir, "work_history_applications", application.name,
                              "letter")
        if docname not in env.found_docs:
            if cv_build or docname not in private:  # else left out on purpose
                warn("letter", f"application {application.name!r}: its letter page "
                     f"{docname!r} does not exist", where)
            continue
        if not env.metadata.get(docname, {}).get(METADATA):
            warn("letter", f"application {application.name!r}: its letter page {docname!r} "
                 "holds no letter directive", where)
        if docname in private:
            for parent, children in env.toctree_includes.items():
                if docname in children:
                    warn("letter", f"the private letter page {docname!r} is in this "
                         "toctree: the site leaves it out (list it nowhere, or make "
                         f"application {application.name!r} public)",
                         _toctree_of(env, parent, docname))


def _toctree_of(env: BuildEnvironment, parent: str, docname: str) -> nodes.Node | str:
    """The toctree of *parent* that lists *docname* (its line), else *parent*."""
    for toctree in env.get_doctree(parent).findall(addnodes.toctree):
        if docname in toctree.get("includefiles", ()):
            return toctree
    return parent


def setup_letters(app: Sphinx) -> None:
    app.connect("builder-inited", _exclude_private_letters)
    app.connect("env-updated", _restore_exclude_patterns)
    app.connect("env-check-consistency", _check_letters)
