"""An application's letter read from its page, for the CV builders.

The letter page's ``letter`` directive (sphinx/directives/letter.py) gives
the recipient, the date, the subject, the salutation, the closing and the
signature; the rest of the page (but its title) is the body, read into the
CV's blocks as the CV's prose is (text.py's `blocks_of`), ``only`` blocks
chosen by the builder's tags, the application's variant among them. The
sender is the CV's person. The letter is read and written in its
application's language (`in_language`): its date from CLDR, the contact
block's words from the package's catalogue.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from docutils import nodes
from sphinx.builders import Builder

from ...config.applications import Application
from ...config.compat import resolved_doctree
from ...config.settings import work_history_config
from ...model import l10n
from ...model.cv_model import clean, contacts_of
from ...model.letter import Letter, Recipient, letter_date, letter_day
from ...sphinx.directives.letter import letter_node
from ...sphinx.text import blocks_of


def letter_language(builder: Builder, application: Application) -> str:
    return application.language or builder.config.language or "en"


@contextmanager
def in_language(builder: Builder, language: str) -> Iterator[None]:
    """Dates and the package's words in *language* while the letter is read and
    written (the project's own language keeps ``work_history_words``)."""
    before = l10n.active()
    if language != (builder.config.language or "en"):
        code = language.replace("-", "_")
        translation = gettext.translation(l10n.CATALOGUE, str(l10n.LOCALE_DIR),
                                          languages=[code, code.split("_")[0]], fallback=True)
        l10n.activate(language, {}, translation.gettext)
    try:
        yield
    finally:
        l10n.use(before)


def read_letter(builder: Builder, application: Application) -> Letter | None:
    """The letter of *application*; None when its page holds none (sphinx/letters.py
    has said so)."""
    if application.letter not in builder.env.found_docs:
        return None
    tree = resolved_doctree(builder, application.letter)
    node = next(tree.findall(letter_node), None)
    if node is None:
        return None
    page = next(iter(tree.findall(nodes.section)), tree)
    body = [child for child in page.children
            if not isinstance(child, (nodes.title, letter_node))]
    person = work_history_config(builder.config).person
    language = letter_language(builder, application)
    signature = str(Path(builder.srcdir, node["signature"])) if node["signature"] else ""
    name = clean(str(person.get("name", "")))
    return Letter(
        application=application.name, language=language, name=name,
        label=clean(str(person.get("label", ""))), contacts=contacts_of(person),
        recipient=Recipient(clean(node["recipient"]), clean(node["role"]),
                            clean(node["organisation"]),
                            tuple(clean(line) for line in node["address"])),
        date=letter_date(letter_day(node["date"]), language),
        subject=clean(node["subject"]), salutation=clean(node["salutation"]),
        closing=clean(node["closing"]), signature=name, signature_image=signature,
        body=tuple(blocks_of(body)))
