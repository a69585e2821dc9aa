"""Each page loads only the CSS and JavaScript it uses.

Sphinx and Furo put the same assets on every page. On this site:

* ``furo-extensions.css`` styles extensions the site does not use
  (sphinx-design, copybutton, tabs, ...): never loaded.
* ``pygments.css`` colours highlighted code: loaded only by pages that
  have a code block.
* ``documentation_options.js``, ``doctools.js`` and ``sphinx_highlight.js``
  serve the search page's ``searchtools.js``; other pages do not use them
  (the cost: a page opened from a search result does not highlight the
  search terms).

* the favicon, when it is a small SVG, is written into the page as a
  ``data:`` URI: the icon without a request of its own.

So the home page loads its HTML, furo.css, furo.js and the site's own
stylesheets. The browser tests load every page with no console error,
and the search test runs a real search.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from docutils import nodes
from sphinx.application import Sphinx

NEVER = {"styles/furo-extensions.css"}
CODE_ONLY = {"pygments.css"}
SEARCH_ONLY = {"documentation_options.js", "doctools.js", "sphinx_highlight.js"}
SEARCH_PAGES = {"search"}
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


def _filename(asset: Any) -> str:
    return str(getattr(asset, "filename", asset)).split("?")[0].removeprefix("_static/")


def _lean(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if app.builder.name != "html":  # the ePub bundles its files; keep them all
        return
    drop = set(NEVER)
    if doctree is None or not any(doctree.findall(nodes.literal_block)):
        drop |= CODE_ONLY
    if pagename not in SEARCH_PAGES:
        drop |= SEARCH_ONLY
    if context.get("favicon_url") and (icon := inline_svg_icon(app)):
        context["favicon_url"] = icon
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [a for a in context[key] if _filename(a) not in drop]


def setup(app: Sphinx) -> dict[str, Any]:
    # After Furo's own handler (priority 500), which may add assets.
    app.connect("html-page-context", _lean, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
