"""``cv-docx``: the CV as a Word document, editable in Word and LibreOffice.

Built with python-docx (the ``docx`` extra of this package) from Word's
own styles, so a reader, a screen reader or an applicant tracking system
finds the structure: Title (the name), Subtitle (what they do), Heading 1
(the sections), Heading 2 (each entry), List Bullet and List Number (list
items, their 2 and 3 when nested; a numbered list numbered from its start,
a list numbered down item by item). No tables and no text boxes: the text flows
in reading order. Links are hyperlinks; the core properties name the
title, the author and the language. The person's photo, if the project
holds one (or photo.py could fetch it from its web address), stands above
the name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zipfile
from collections.abc import Set
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.application import Sphinx

from ...config.compat import app_of
from ...config.messages import conf_location, warn
from ...config.settings import work_history_config
from ...model.cv_model import (
    CV,
    Aside,
    Block,
    BulletList,
    EmployerGroup,
    Entry,
    Item,
    ItemList,
    Run,
    clean,
    compact_lists,
)
from ...model.l10n import direction
from ...model.letter import Letter
from ..cv.builder import CVBuilder
from .body import Body

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

LINK_COLOUR = (0x1A, 0x40, 0x8C)
#: The photos python-docx can embed.
DOCX_IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff")


def has_docx() -> bool:
    try:
        import docx  # noqa: F401
    except ImportError:  # the extra is not installed
        return False
    return True


def add_runs(body: Body, paragraph: Paragraph, runs: tuple[Run, ...]) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    for run in runs:
        added = paragraph.add_run(run.text)
        added.italic = run.emphasis or None
        added.bold = run.strong or None
        if run.literal:
            added.font.name = "Courier New"
        if run.url:
            added.font.underline = True
            added.font.color.rgb = RGBColor(*LINK_COLOUR)
            link = OxmlElement("w:hyperlink")
            link.set(qn("r:id"), body.link(run.url))
            link.append(added._r)  # moved from the paragraph into the link
            paragraph._p.append(link)


def add_blocks(body: Body, blocks: tuple[Block, ...]) -> None:
    for block in blocks:
        if isinstance(block, Aside):
            if block.title:
                add_runs(body, body.paragraph(style="Intense Quote"),
                         (Run(block.title, strong=True),))
            for inner in block.blocks:
                if isinstance(inner, BulletList | Aside):
                    add_blocks(body, (inner,))
                else:
                    add_runs(body, body.paragraph(style="Quote"), inner.runs)
        elif isinstance(block, BulletList):
            for shown in block.lists:
                add_list(body, shown, 0)
        else:
            add_runs(body, body.paragraph(), block.runs)


def add_list(body: Body, shown: ItemList, depth: int) -> None:
    """A list's items in Word's list styles (List Bullet, List Number; 2 and 3 when
    nested), a numbered list counting from its start in a numbering of its own. Word
    counts up only: in a list numbered down, each item has a numbering of its own,
    starting at its number."""
    kind = "Number" if shown.numbered else "Bullet"
    style = f"List {kind}" if depth == 0 else f"List {kind} {min(depth + 1, 3)}"
    numbering = 0
    for item in shown.items:
        if item.text.runs:
            paragraph = body.paragraph(style=style)
            if item.number is not None:
                if not numbering or shown.reversed:
                    numbering = body.numbering(style, item.number)
                numbers = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                numbers.get_or_add_ilvl().val = 0
                numbers.get_or_add_numId().val = numbering
            add_runs(body, paragraph, item.text.runs)
        for inner in item.lists:
            add_list(body, inner, depth + 1)


def _set_language(document: Document, language: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    normal = document.styles["Normal"].element
    rpr = normal.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language)
    if direction() == "rtl":
        # Right to left: bidirectional paragraphs (w:bidi) of right-to-left runs
        # (w:rtl), in every style (they are based on Normal), in schema order.
        lang.set(qn("w:bidi"), language)
        normal.get_or_add_pPr().insert_element_before(
            OxmlElement("w:bidi"), "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
            "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
            "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
            "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
        rpr.insert_element_before(OxmlElement("w:rtl"), "w:cs", "w:em", "w:lang",
                                  "w:eastAsianLayout", "w:specVanish", "w:oMath")
    rpr.append(lang)


def _plain_bullets(document: Document) -> None:
    """Bullets as the character U+2022 in the text's font, not Word's Symbol-font
    bullet (U+F0B7, a private-use character in any text extracted from it)."""
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element
    for level in numbering.iter(qn("w:lvl")):
        text = level.find(qn("w:lvlText"))
        if text is None or text.get(qn("w:val")) != "\uf0b7":
            continue
        text.set(qn("w:val"), "\u2022")
        for fonts in level.iter(qn("w:rFonts")):
            fonts.getparent().remove(fonts)


#: The longest text of a core property (python-docx refuses longer).
CORE_PROPERTY_LENGTH = 255


def core_property(text: str) -> str:
    """*text* as a document property holds it: without control characters, and cut
    at a word (ending in an ellipsis) past `CORE_PROPERTY_LENGTH` characters; the
    document's own text keeps it whole."""
    text = clean(text)
    if len(text) <= CORE_PROPERTY_LENGTH:
        return text
    cut = text[:CORE_PROPERTY_LENGTH - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def readable_photo(path: str) -> bool:
    """Whether python-docx can embed the photo at *path* (a web address is not
    fetched, so it is not one)."""
    from docx.image.exceptions import (
        InvalidImageStreamError,
        UnexpectedEndOfFileError,
        UnrecognizedImageError,
    )
    from docx.image.image import Image

    if "://" in path or Path(path).suffix.lower() not in DOCX_IMAGE_TYPES:
        return True  # not embedded (build_docx)
    try:
        Image.from_file(path)
    except (OSError, InvalidImageStreamError, UnexpectedEndOfFileError,
            UnrecognizedImageError):
        return False
    return True


def new_document(title: str, author: str, language: str, when: dt.datetime) -> Document:
    """An A4 Word document with 20 mm margins, in *language*, its properties set."""
    import docx
    from docx.shared import Mm

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    language = language.replace("_", "-")
    _set_language(document, language)
    _plain_bullets(document)
    properties = document.core_properties
    properties.title = core_property(title)
    properties.author = properties.last_modified_by = core_property(author)
    properties.language = language
    properties.created = properties.modified = when
    properties.revision = 1
    return document


def build_docx(cv: CV, title: str, when: dt.datetime) -> Document:
    from docx.shared import Mm

    document = new_document(title, cv.name, cv.language, when)

    if cv.image and "://" not in cv.image and Path(cv.image).suffix.lower() in DOCX_IMAGE_TYPES:
        # A photo in the output folder (photo.py has fetched one at a web address).
        document.add_picture(cv.image, width=Mm(30))
    body = Body(document)
    if cv.name:
        body.paragraph(cv.name, style="Title")
    if cv.label:
        body.paragraph(cv.label, style="Subtitle")
    if cv.contacts:
        contact = body.paragraph()
        for index, item in enumerate(cv.contacts):
            runs = (Run(f"{item.label}: "), Run(item.text, url=item.url))
            add_runs(body, contact, runs if index == 0 else (Run(" · "), *runs))
    for part in cv.sections:
        level = min(max(part.depth, 1), 8)
        if part.title and part.depth:
            body.heading(level, part.title)
        for shown in compact_lists(part.items):
            add_item(body, shown, min(level + 1, 9))
    return document


def add_entry(body: Body, entry: Entry, level: int) -> None:
    if entry.headed:
        runs = [Run(entry.position, url=entry.url)] if entry.position else []
        if entry.org:
            runs += [Run(", ")] if runs else []
            runs.append(Run(entry.org, url=entry.org_url))
        if runs and entry.labelled:
            runs.insert(0, Run(entry.labelled))
        add_runs(body, body.heading(level), tuple(runs))
    if entry.meta:
        # In italics; an item in italics in it (the CV's own name among a paper's
        # authors) upright, as emphasis in italic type is.
        add_runs(body, body.paragraph(), tuple(
            Run(run.text, emphasis=not run.emphasis, strong=run.strong)
            for run in entry.meta_runs))
    add_blocks(body, entry.body)


def add_item(body: Body, item: Item, level: int) -> None:
    if isinstance(item, EmployerGroup):
        add_runs(body, body.heading(level), (Run(item.org, url=item.org_url),))
        if item.meta:
            add_runs(body, body.paragraph(), (Run(item.meta, emphasis=True),))
        for entry in item.entries:
            add_entry(body, entry, min(level + 1, 9))
    elif isinstance(item, Entry):
        add_entry(body, item, level)
    else:
        add_blocks(body, (item,))


def save(document: Document, path: Path, when: dt.datetime) -> None:
    """Saved with every part dated *when*: the same CV, the same bytes."""
    written = io.BytesIO()
    document.save(written)
    stamp = when.timetuple()[:6]
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = item.external_attr
            target.writestr(info, source.read(item.filename))


# -- the letter (an application's) ----------------------------------------
def build_letter_docx(letter: Letter, when: dt.datetime) -> Document:
    from docx.shared import Mm

    document = new_document(letter.title, letter.name, letter.language, when)

    body = Body(document)
    if letter.name:
        body.paragraph(letter.name, style="Title")
    if letter.label:
        body.paragraph(letter.label, style="Subtitle")
    if letter.contacts:
        contact = body.paragraph()
        for index, item in enumerate(letter.contacts):
            runs = (Run(f"{item.label}: "), Run(item.text, url=item.url))
            add_runs(body, contact, runs if index == 0 else (Run(" · "), *runs))
    if letter.recipient.lines:
        recipient = body.paragraph()
        for index, line in enumerate(letter.recipient.lines):
            if index:
                recipient.add_run().add_break()
            recipient.add_run(line)
    body.paragraph(letter.date)
    if letter.subject:
        add_runs(body, body.paragraph(), (Run(letter.subject, strong=True),))
    if letter.salutation:
        body.paragraph(letter.salutation)
    add_blocks(body, letter.body)
    if letter.closing:
        body.paragraph(letter.closing)
    if letter.signature_image and Path(letter.signature_image).is_file():
        document.add_picture(letter.signature_image, width=Mm(40))
    if letter.signature:
        body.paragraph(letter.signature)
    return document


class CVDocxBuilder(CVBuilder):
    name = "cv-docx"
    suffix = ".docx"
    photo_types = DOCX_IMAGE_TYPES

    def init(self) -> None:
        # Said once, before reading, as a warning: an exception would be
        # Sphinx's crash report, traceback and all.
        self.docx = has_docx()
        if not self.docx:
            warn("bad_config", 'the cv-docx builder needs python-docx, which is not '
                 'installed: pip install "sphinx-work-history[docx]"; no Word file is written',
                 None)

    def write_documents(self, docnames: Set[str]) -> None:
        if self.docx:
            super().write_documents(docnames)

    def write_cv(self, cv: CV, path: Path) -> bool:
        if cv.image and not readable_photo(cv.image):
            warn("photo", f"work_history_person['image']: "
                 f"{work_history_config(self.config).person.get('image', '')!r} cannot be read "
                 "as an image; "
                 "the Word file has no photo",
                 conf_location(app_of(self).confdir, "work_history_person"))
            cv = dataclasses.replace(cv, image="")
        title = work_history_config(self.config).cv_title or self.config.project
        save(build_docx(cv, title, self.when), path, self.when)
        return True

    @property
    def when(self) -> dt.datetime:
        """The day the build counts to (SOURCE_DATE_EPOCH's, by default); a ZIP
        archive holds no date before 1980."""
        day = work_history_config(self.config).today
        return dt.datetime(max(day.year, 1980), day.month, day.day, tzinfo=dt.UTC)

    def write_letter(self, letter: Letter, path: Path) -> bool:
        save(build_letter_docx(letter, self.when), path, self.when)
        return True


def setup_cv_docx(app: Sphinx) -> None:
    app.add_builder(CVDocxBuilder)
