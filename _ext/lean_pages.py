"""Each page loads what it uses, and keeps every reader feature of Furo.

The site's template (``_templates/base.html``) overrides the blocks of
Furo's ``!base.html`` that link the stylesheets and scripts, and asks this
extension which of them a page uses:

* Stylesheets: Sphinx's and the theme's own, each extension's, and the
  site's (``html_css_files``), in Sphinx's documented priorities (200, 500
  and 800). A stylesheet a theme adds after the extensions' (Furo's, at
  600, restyles extensions the site does not use: sphinx-design, tabs,
  ...) is not linked. The code colours (Sphinx's ``pygments.css``) are
  linked only from a page with a code block.
* Scripts: all of them, except Sphinx's ``sphinx_highlight.js`` outside
  the search page. It highlights the search terms on a page opened from a
  search result and adds "Hide Search Matches": the template writes it
  inert (in a ``<template>``), and a line of script puts it in the page
  when the search left terms where it looks for them (``localStorage``,
  or the URL's ``?highlight=``). "/" still focuses the search box
  (doctools.js).
* The favicon, when it is a small SVG, is written into the page as a
  ``data:`` URI: the icon without a request of its own.

When Sphinx no longer adds a file this extension names, the build warns
(``lean_pages.asset_not_found``), which ``-W`` makes fatal: a feature is
never lost unnoticed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

# Sphinx's documented priorities: below 500 its own and the theme's files,
# 500 an extension's, 800 conf.py's html_css_files.
EXTENSIONS, CONF_PY = 500, 800
CODE_STYLESHEET = "pygments.css"
ON_DEMAND = "sphinx_highlight.js"
# searchtools.js reads sphinx_highlight.js's flag as the search page loads.
SEARCH_PAGES = frozenset({"search"})
INLINE_ICON_LIMIT = 2048  # bytes: a larger icon is better cached as a file


def inline_svg_icon(app: Sphinx) -> str:
    """The favicon as a data: URI, or '' when it is not a small SVG file."""
    icon = app.config.html_favicon
    if not icon or "://" in str(icon) or not str(icon).endswith(".svg"):
        return ""
    path = Path(app.confdir, icon)
    if not path.is_file() or path.stat().st_size > INLINE_ICON_LIMIT:
        return ""
    # Single quotes inside, so the URI sits in the template's href="..." as is.
    svg = " ".join(path.read_text(encoding="utf-8").split()).replace('"', "'")
    return "data:image/svg+xml," + quote(svg, safe="/:='")


def asset_name(asset: Any) -> str:
    """An asset's path under _static/, without a query string."""
    return str(getattr(asset, "filename", asset)).split("?")[0].removeprefix("_static/")


def _priority(asset: Any) -> int:
    return int(getattr(asset, "priority", EXTENSIONS))


def lean_stylesheets(css_files: Iterable[Any], has_code: bool) -> tuple[list[Any], bool]:
    """The stylesheets a page links, and whether the code colours were among them."""
    found = False
    kept = []
    for css in css_files:
        if asset_name(css) == CODE_STYLESHEET:
            found = True
            if not has_code:
                continue
        elif EXTENSIONS < _priority(css) < CONF_PY:
            continue  # a theme's restyling of extensions
        kept.append(css)
    return kept, found


def lean_scripts(script_files: Iterable[Any], searching: bool) -> tuple[list[Any], list[Any]]:
    """The scripts a page loads, and those it loads only when a search left terms."""
    scripts = list(script_files)
    if searching:
        return scripts, []
    on_demand = [js for js in scripts if asset_name(js) == ON_DEMAND]
    return [js for js in scripts if js not in on_demand], on_demand


def _not_found(name: str) -> None:
    logger.warning("lean_pages: the page's assets no longer include %r: Sphinx "
                   "renamed or dropped it; update _ext/lean_pages.py", name,
                   type="lean_pages", subtype="asset_not_found", once=True)


Stylesheets = Callable[[Iterable[Any]], list[Any]]
Scripts = Callable[[Iterable[Any]], tuple[list[Any], list[Any]]]


def _page_functions(pagename: str, doctree: nodes.document | None
                    ) -> tuple[Stylesheets, Scripts]:
    has_code = doctree is not None and any(doctree.findall(nodes.literal_block))

    def stylesheets(css_files: Iterable[Any]) -> list[Any]:
        kept, found = lean_stylesheets(css_files, has_code)
        if not found:
            _not_found(CODE_STYLESHEET)
        return kept

    def scripts(script_files: Iterable[Any]) -> tuple[list[Any], list[Any]]:
        kept, on_demand = lean_scripts(script_files, pagename in SEARCH_PAGES)
        if pagename not in SEARCH_PAGES and not on_demand:
            _not_found(ON_DEMAND)
        return kept, on_demand

    return stylesheets, scripts


def _lean(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
          doctree: nodes.document | None) -> None:
    if app.builder.name != "html":  # the ePub bundles its files; keep them all
        context["lean_stylesheets"] = list
        context["lean_scripts"] = lambda script_files: (list(script_files), [])
        return
    context["lean_stylesheets"], context["lean_scripts"] = _page_functions(pagename, doctree)
    if context.get("favicon_url") and (icon := inline_svg_icon(app)):
        context["favicon_url"] = icon


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("html-page-context", _lean)
    return {"version": "2.0", "parallel_read_safe": True, "parallel_write_safe": True}
