"""An entry's texts in the project's translations (``locale_dirs``, ``-D language=xx``).

The body of an entry is made of paragraphs and lists, which Sphinx's
gettext already extracts and translates. Its facts (position,
organisation, location, and the other kinds' fields) are options of the
directive, kept in its record, and would stay in the source language.

So a directive also leaves, beside its entry, an `entry_texts` node
holding one `entry_text` per text field: a node of Sphinx's
`addnodes.translatable` protocol. ``-b gettext`` extracts each text into
the document's catalogue (``sphinx-intl update`` then updates the .po
files); in a translated build Sphinx's `Locale` transform gives each its
translation, and a transform right after it replaces the texts in the
record by their translations. Every
output draws from the record, so every output is translated, resume.json
included. One node per field: Sphinx's transform skips a node's other
messages once one of them translates to itself (a name such as "Heroku").

The nodes carry their texts as attributes, not as text, and a
post-transform removes them before any writer sees them (but for the
gettext builder, which reads them from the resolved doctree).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import fields as fields_of
from dataclasses import replace
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.gettext import I18nBuilder
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..domain import get_domain


class entry_texts(nodes.Element, nodes.Invisible):
    """The translatable texts of one entry. Attributes: ``kind`` (the record's
    kind), ``docname`` and ``key`` (which name its record)."""


class entry_text(nodes.Element, nodes.Invisible, addnodes.translatable):
    """One text field of an entry. Attributes: ``field``, ``text`` (as written)
    and, in a translated build, ``translation``."""

    def preserve_original_messages(self) -> None:
        self.setdefault("rawtext", self["text"])

    def apply_translated_message(self, original_message: str,
                                 translated_message: str) -> None:
        if original_message == self.get("rawtext", self["text"]):
            self["translation"] = " ".join(translated_message.split())

    def extract_original_messages(self) -> list[str]:
        return [self.get("rawtext", self["text"])]


def texts_node(kind: str, docname: str, key: Any, fields: Mapping[str, str],
               source: str | None, line: int | None) -> entry_texts:
    """The node a directive leaves for its record's *fields* (empty ones are left out)."""
    node = entry_texts(kind=kind, docname=docname, key=key)
    node.source, node.line = source, line
    for name, text in fields.items():
        if text.strip():
            child = entry_text(field=name, text=text)
            child.source, child.line = source, line
            node += child
    return node


#: kind -> (env, docname, key, translated fields) -> None: replaces the record's texts
#: (an entry of any kind, by default).
Updater = Callable[[BuildEnvironment, str, Any, dict[str, str]], None]
_UPDATERS: dict[str, Updater] = {}


def register_kind(kind: str, updater: Updater) -> None:
    _UPDATERS[kind] = updater


def translated_fields(node: entry_texts) -> dict[str, str]:
    return {child["field"]: child["translation"] for child in node.findall(entry_text)
            if child.get("translation")}


class ApplyEntryTranslations(SphinxTransform):
    """Each record takes its texts' translations, once Sphinx's `Locale` gave them."""

    default_priority = 30  # after Locale (20); before the domain reads the page (850)

    def apply(self, **kwargs: Any) -> None:
        for node in self.document.findall(entry_texts):
            fields = translated_fields(node)
            if fields:
                updater = _UPDATERS.get(node["kind"], _update_entry)
                updater(self.env, node["docname"], node["key"], fields)


class RemoveEntryTexts(SphinxPostTransform):
    """The texts have reached their records: no writer needs the nodes."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        # Sphinx 9 names the builder's class on the environment (its app is deprecated).
        builder = getattr(self.env, "_builder_cls", None) or type(self.app.builder)
        if issubclass(builder, I18nBuilder):
            return  # the gettext builder extracts them from the resolved doctree
        for node in list(self.document.findall(entry_texts)):
            node.parent.remove(node)


# -- the kinds of this package ---------------------------------------------------
def _replace(record: Any, fields: dict[str, str]) -> Any:
    """*record* with its text *fields* replaced (fields it does not have are ignored)."""
    known = {name: text for name, text in fields.items() if name in _field_names(record)}
    return replace(record, **known)


def _field_names(record: Any) -> set[str]:
    return {f.name for f in fields_of(record)}


def _update_entry(env: BuildEnvironment, docname: str, key: Any,
                  fields: dict[str, str]) -> None:
    """An entry of any kind: its record, named *key* in *docname*."""
    domain = get_domain(env)
    records = domain.entries_by_doc.get(docname, [])
    records[:] = [_replace(r, fields) if r.name == key else r for r in records]
    domain.records_changed()


def _update_employer(env: BuildEnvironment, docname: str, key: Any,
                     fields: dict[str, str]) -> None:
    employers = get_domain(env).employers_by_doc.get(docname, [])
    employers[:] = [_replace(e, fields) if e.index == key else e for e in employers]


def setup_translation(app: Sphinx) -> None:
    app.add_node(entry_texts)
    app.add_node(entry_text)
    app.add_post_transform(RemoveEntryTexts)
    app.add_transform(ApplyEntryTranslations)
    register_kind("employer", _update_employer)
