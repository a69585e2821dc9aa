"""The package's message catalogue, and the build's language set from the config.

The words of l10n.py's `WORDS` are translated in ``locale/<language>/
LC_MESSAGES/sphinx_work_history.po`` (compiled to ``.mo`` by ``make
catalogues``; with them, `SCAFFOLD_WORDS`, which the scaffold writes into a
new project's home page), which `setup_catalogue` hands to Sphinx
(``app.add_message_catalog``). At ``config-inited`` the build's
``language`` and ``work_history_words`` become l10n.py's active language,
with the catalogue's translator.
"""

from __future__ import annotations

from typing import Any

from sphinx import locale as sphinx_locale
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.locale import get_translation

from ..model import l10n
from .settings import work_history_config

_ = get_translation(l10n.CATALOGUE)


def _activate(app: Sphinx, config: Config) -> None:
    l10n.activate(config.language, work_history_config(config).words,
                  lambda message: str(_(message)))


def _epub_language(app: Sphinx, pagename: str, templatename: str,
                   context: dict[str, Any], doctree: object) -> None:
    # The ePub's pages replace the HTML theme's <html lang=...> by their own
    # html_tag (with the XHTML namespaces): the language goes back on it.
    tag = context.get("html_tag")
    lang = str(app.config.epub_language or app.config.language or "en").replace("_", "-")
    if app.builder.name == "epub" and isinstance(tag, str) and "lang=" not in tag:
        context["html_tag"] = tag.replace("<html ", f'<html lang="{lang}" xml:lang="{lang}" ', 1)


def setup_catalogue(app: Sphinx) -> None:
    # sphinx.locale.init merges a catalogue into the one loaded first: a second
    # build in the same process (another language) would keep the first's words.
    sphinx_locale.translators.pop(("general", l10n.CATALOGUE), None)
    app.add_message_catalog(l10n.CATALOGUE, str(l10n.LOCALE_DIR))
    app.connect("config-inited", _activate, priority=450)  # after config.py's checks
    app.connect("html-page-context", _epub_language)
