"""The PDF's page budget, enforced by the LaTeX run itself.

The budget (the variant's ``pages``, else ``work_history_pages``) and the
variant's name reach workhistory.sty as package options::

    \\usepackage[pages=1,variant=short]{workhistory}

Each entry names itself (``\\workhistoryname{Position, Organisation}``)
inside its ``workhistoryentry``; the style writes the page it starts and
ends on to the .aux file. At the end of the document LaTeX reads the .aux
file back; the style then compares the page count with the budget and,
when it is over, stops with a ``\\PackageError`` naming the variant, its
page count, its budget and the entries past it. So ``latexmk`` fails
wherever it runs: ``make cv``, ``make latexpdf`` or Read the Docs'
``latexmk -r latexmkrc -pdf``.
"""

from __future__ import annotations

import unicodedata

from sphinx.application import Sphinx
from sphinx.config import Config

from .settings import work_history_config

_PLAIN = frozenset(" ,.;:'()/+-&")


def plain_name(text: str) -> str:
    """*text* in characters LaTeX passes through .aux files and error
    messages unchanged, whatever the engine: accents are dropped, other
    letters become ``?``, ``&`` becomes ``and``."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(
        c if c.isascii() and (c.isalnum() or c in _PLAIN) else "" if unicodedata.combining(c)
        else " " if c.isspace() else "?" for c in decomposed)
    return " ".join(kept.replace("&", " and ").split())


def entry_name_latex(position: str, org: str) -> str:
    name = plain_name(", ".join(part for part in (position, org) if part))
    return f"\\workhistoryname{{{name}}}\n" if name else ""


def _package_options(app: Sphinx, config: Config) -> None:
    options = []
    settings = work_history_config(config)
    budget = settings.page_budget
    if budget:
        options.append(f"pages={budget}")
    if settings.variant:  # a tag name: letters, digits and _ only
        options.append(f"variant={settings.variant}")
    app.add_latex_package("workhistory", ",".join(options) or None)


def setup_budget(app: Sphinx) -> None:
    # After config.py has checked the values (priority 400).
    app.connect("config-inited", _package_options, priority=450)
