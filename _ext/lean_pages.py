"""Each page loads what it uses, and keeps every reader feature of Furo.

Sphinx and Furo link the same assets from every page. On this site:

* ``styles/furo-extensions.css`` styles extensions the site does not use
  (sphinx-design, copybutton, tabs, ...): never linked.
* ``pygments.css`` colours highlighted code: linked only from pages that
  have a code block.
* ``sphinx_highlight.js`` highlights the search terms on a page opened
  from a search result, and adds "Hide Search Matches". Outside the search
  page it is loaded only then: a line of script in the page (added with
  ``app.add_js_file``, which Sphinx allows for one page) loads it when
  the search left terms where it looks for them (``localStorage``, or the
  URL's ``?highlight=``). Every other script stays, so "/" still focuses
  the search box (doctools.js).
* The favicon, when it is a small SVG, is written into the page as a
  ``data:`` URI: the icon without a request of its own.

Sphinx has no way to take back an asset a theme or Sphinx itself added, so
these are taken out of each page's context by name. When a page's context
no longer holds one of those names (Furo or Sphinx renamed or dropped the
file), the build warns (``lean_pages.asset_not_found``), which ``-W``
makes fatal: a renamed file is never linked unnoticed, and a feature
never lost unnoticed.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

NEVER = frozenset({"styles/furo-extensions.css"})
CODE_ONLY = frozenset({"pygments.css"})
ON_DEMAND = frozenset({"sphinx_highlight.js"})
# searchtools.js reads sphinx_highlight.js's flag as the search page loads.
SEARCH_PAGES = frozenset({"search"})
LOAD_WHEN_SEARCHED = ('if (localStorage.sphinx_highlight_terms || /[?&]highlight=/.test(location.search))'
                      ' document.body.append(Object.assign(document.createElement("script"), '
                      '{src: %s}));')
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


def lean_stylesheets(css_files: list, has_code: bool) -> tuple[list, set[str]]:
    """The stylesheets a page links, and the expected names it did not hold."""
    drop = NEVER if has_code else NEVER | CODE_ONLY
    names = {asset_name(css) for css in css_files}
    kept = [css for css in css_files if asset_name(css) not in drop]
    return kept, set(NEVER | CODE_ONLY) - names


def script_src(context: dict, script: Any) -> str:
    """The address a page loads *script* from, as its own <script> tag has it."""
    found = re.search(r' src="([^"]*)"', context["js_tag"](script))
    return html.unescape(found.group(1)) if found else ""


def _not_found(names: set[str]) -> None:
    for name in sorted(names):
        logger.warning("lean_pages: the page's assets no longer include %r: Furo or Sphinx "
                       "renamed or dropped it; update _ext/lean_pages.py", name,
                       type="lean_pages", subtype="asset_not_found", once=True)


def _lean(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if app.builder.name != "html":  # the ePub bundles its files; keep them all
        return
    if "css_files" in context:
        has_code = doctree is not None and any(doctree.findall(nodes.literal_block))
        # In place: Sphinx's list for this page, which it restores for the next.
        context["css_files"][:], missing = lean_stylesheets(context["css_files"], has_code)
        _not_found(missing)
    if "script_files" in context and pagename not in SEARCH_PAGES:
        scripts = context["script_files"]
        on_demand = [js for js in scripts if asset_name(js) in ON_DEMAND]
        _not_found(set(ON_DEMAND) - {asset_name(js) for js in on_demand})
        scripts[:] = [js for js in scripts if js not in on_demand]
        if on_demand:
            src = json.dumps(script_src(context, on_demand[0])).replace("<", "\\u003c")
            # Called now, Sphinx adds it to this page's list of scripts only.
            app.add_js_file(None, body=LOAD_WHEN_SEARCHED % src)
    if context.get("favicon_url") and (icon := inline_svg_icon(app)):
        context["favicon_url"] = icon


def setup(app: Sphinx) -> dict[str, Any]:
    # After Furo's own handler (priority 500), which may add assets.
    app.connect("html-page-context", _lean, priority=900)
    return {"version": "1.1", "parallel_read_safe": True, "parallel_write_safe": True}
