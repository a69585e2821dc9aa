"""The ``letter`` directive: the parts of a cover letter, placed on its page.

    :::{letter}
    :recipient: Ada Byron
    :role: Head of Engineering
    :organisation: Acme Ltd
    :address: 1 Example Street
              Springfield
    :date: 2026-03-02
    :subject: Site reliability engineer, ref. 42
    :salutation: Dear Ms Byron,
    :closing: Yours sincerely,
    :signature: _static/signature.png
    :::

The body is the rest of the page: its own prose, with everything MyST gives.
The directive leaves a `letter_node` holding what it read; the CV builders
read it (outputs/cv/letter.py), and any other builder, which shows a letter
only when its application is public, gets it as standard nodes
(`_as_text`): the recipient and the date before the subject and the
salutation, where the directive stands, the closing and the signature at the
end of the page. Nothing the author did not write is added: no salutation,
no closing. The signature's name is the person's (``work_history_person``).

A letter page is an orphan (no toctree lists it: it is private unless its
application is public), and is marked so in its metadata, with
``work_history_letter``, which sphinx/letters.py checks.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ...config import options as opt
from ...config.messages import warn
from ...config.settings import work_history_config
from ...model.dates import DateError, PartialDate
from ...model.letter import letter_date, letter_day

LETTER_OPTIONS = ("recipient", "role", "organisation", "address", "date", "subject",
                  "salutation", "closing", "signature")
TEXT_FIELDS = ("recipient", "role", "organisation", "subject", "salutation", "closing")
METADATA = "work_history_letter"


class letter_node(nodes.General, nodes.Element):
    """The letter's parts: attributes named as the directive's options (``address``
    a list of lines, ``date`` ISO or '', ``signature`` a path from the source folder)."""


class LetterDirective(SphinxDirective):
    has_content = True  # accepted so the warning is ours: the body is the page's prose
    option_spec = opt.option_spec(*LETTER_OPTIONS)

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        metadata = self.env.metadata[self.env.docname]
        if metadata.get(METADATA):
            warn("letter", "a second letter directive on this page; ignored", location)
            return []
        metadata[METADATA] = True
        metadata["orphan"] = True  # private: no toctree lists it
        if self.content:
            warn("bad_option", "letter takes options only: its text is the page's own prose "
                 "around it; the text inside the directive is ignored", location)
        for name in opt.unknown_options(self.options):
            warn("unknown_option", f"letter: unknown option :{name}: (known: "
                 f"{', '.join(LETTER_OPTIONS)}); ignored", location)
        letters = {a.letter for a in work_history_config(self.env).applications.values()}
        if self.env.docname not in letters:
            warn("letter", f"a letter on {self.env.docname!r}, which no "
                 "work_history_applications entry names as its 'letter': no builder writes "
                 "it", location)
        node = letter_node()
        for name in TEXT_FIELDS:
            node[name] = opt.text(self.options, name)
        node["address"] = [line.strip() for line in opt.text(self.options, "address").splitlines()
                           if line.strip()]
        node["date"] = self._date(location)
        node["signature"] = self._signature(location)
        self.set_source_info(node)
        return [node]

    def _date(self, location: str) -> str:
        written = opt.text(self.options, "date")
        if not written:
            return ""
        try:
            date = PartialDate.parse(written)
        except DateError as exc:
            warn("bad_date", f"letter :date: {exc}; the build's date is used", location)
            return ""
        if date.precision != "day":
            warn("bad_date", f"letter :date: {written!r} should be a day (YYYY-MM-DD); the "
                 "build's date is used", location)
            return ""
        return date.iso()

    def _signature(self, location: str) -> str:
        written = opt.text(self.options, "signature")
        if not written:
            return ""
        relative, absolute = self.env.relfn2path(written)
        root = Path(self.env.srcdir).resolve()
        path = Path(absolute).resolve()
        if path.suffix.lower() not in (".png", ".jpg", ".jpeg") or not path.is_file() or (
                not path.is_relative_to(root)):
            warn("letter", f"letter :signature: {written!r} is not a PNG or JPEG file inside "
                 "the project; the signature is the name alone", location)
            return ""
        self.env.note_dependency(relative)
        return relative


def _as_text(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """A letter on a page any builder but the CV builders writes: standard nodes."""
    if app.builder.format == "cv":
        return
    settings = work_history_config(app.config)
    application = next((a for a in settings.applications.values() if a.letter == docname),
                       None)
    language = (application.language if application else "") or app.config.language or "en"
    for node in list(doctree.findall(letter_node)):
        head: list[nodes.Node] = []
        recipient = [line for line in (node["recipient"], node["role"], node["organisation"],
                                       *node["address"]) if line]
        if recipient:
            head.append(nodes.line_block("", *(nodes.line(text, text) for text in recipient)))
        shown = letter_date(letter_day(node["date"]), language)
        head.append(nodes.paragraph(shown, shown, classes=["letter-date"]))
        if node["subject"]:
            head.append(nodes.paragraph("", "", nodes.strong(node["subject"], node["subject"])))
        if node["salutation"]:
            head.append(nodes.paragraph(node["salutation"], node["salutation"]))
        node.replace_self(head)
        name = str(settings.person.get("name", ""))
        tail = [nodes.paragraph(text, text) for text in (node["closing"], name) if text]
        section = next(iter(doctree.findall(nodes.section)), doctree)
        section.extend(tail)


def setup_letter(app: Sphinx) -> None:
    app.add_node(letter_node)
    app.add_directive("letter", LetterDirective)
    app.connect("doctree-resolved", _as_text)
