"""cv-docx appends to the Word document without searching it (outputs/docx/body.py).

python-docx's own calls search the whole document for each paragraph (its place
before the section properties), each style (among all styles), each link (among
all relationships) and each numbering (among all numberings): a CV of thousands
of entries took minutes. These tests forbid those searches while a CV is
written, and check that the document is the one python-docx's calls would make.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from sphinx_work_history.model.cv_model import CV, BulletList, Entry, Paragraph, Run, Section
from sphinx_work_history.testing import require_module

require_module("docx")  # the docx extra; the test requirements install it


def entry(n: int) -> Entry:
    return Entry(kind="job", position=f"Engineer {n}", org=f"Org {n}", org_url="https://org/",
                 dates="2020", length="1 yr", location="", compact_kind=False,
                 url=f"https://example.org/{n % 3}",
                 body=(Paragraph((Run("Did "), Run("this", url="https://org/"))),
                       BulletList(((0, Paragraph((Run("three"),))),
                                   (0, Paragraph((Run("two"),)))), (3, 2))))


def many_entries(count: int) -> CV:
    return CV(name="Ada", label="Engineer", language="en", contacts=(),
              sections=(Section("Experience", 1, tuple(entry(n) for n in range(count))),))


def test_writing_a_cv_never_searches_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    from docx.opc.rel import Relationships
    from docx.oxml.document import CT_Body
    from docx.oxml.numbering import CT_Numbering
    from docx.styles.styles import Styles

    from sphinx_work_history.outputs.docx.builder import build_docx

    def searched(*args: object, **kwargs: object) -> None:
        raise AssertionError("searched the whole document")

    monkeypatch.setattr(CT_Body, "_insert_p", searched)  # each paragraph's place
    monkeypatch.setattr(Relationships, "_get_matching", searched)  # each link's
    monkeypatch.setattr(CT_Numbering, "_next_numId", property(searched))  # each numbering's
    looked_up = []
    default = Styles.default
    monkeypatch.setattr(Styles, "default", lambda self, kind: looked_up.append(kind)
                        or default(self, kind))  # each style's, by name

    made = build_docx(many_entries(40), "CV", dt.datetime(2026, 11, 27, tzinfo=dt.UTC))
    texts = [p.text for p in made.paragraphs]
    assert texts[:3] == ["Ada", "Engineer", "Experience"]
    assert texts.count("three") == texts.count("two") == 40
    # Each style looked up once (Title, Subtitle, Heading 1 and 2, List Number),
    # not once a paragraph.
    assert len(looked_up) <= 5
    body = made.element.body
    assert body[-1].tag.endswith("}sectPr")  # the section's properties stay last


def test_the_document_is_the_one_python_docx_would_write() -> None:
    """Body's paragraphs, styles, links and numberings are python-docx's own: the
    same XML, the same relationship ids (one per address) and numbering ids."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE

    from sphinx_work_history.outputs.docx.body import Body

    ours, theirs = docx.Document(), docx.Document()
    body = Body(ours)
    for n in range(6):
        url = f"https://example.org/{n % 2}"
        for document, paragraph in ((ours, body.paragraph(f"p{n}", "List Number")),
                                    (theirs, theirs.add_paragraph(f"p{n}", "List Number"))):
            if document is ours:
                rid, num = body.link(url), body.numbering("List Number", n + 1)
            else:
                rid = document.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK,
                                              is_external=True)
                numbering = document.part.numbering_part.element
                made = numbering.add_num(next(
                    found.abstractNumId.val for found in numbering.num_lst
                    if found.numId == document.styles["List Number"].element.pPr.numPr
                    .numId.val))
                made.add_lvlOverride(ilvl=0).add_startOverride(n + 1)
                num = int(made.numId)
            paragraph.add_run(f"{rid} {num}")
        body.heading(2, f"h{n}")
        theirs.add_heading(f"h{n}", level=2)
        body.paragraph(f"plain {n}")
        theirs.add_paragraph(f"plain {n}")
    assert len(body.links) == 2
    assert [p.text for p in ours.paragraphs] == [p.text for p in theirs.paragraphs]
    assert ours.element.xml == theirs.element.xml
    assert (ours.part.numbering_part.element.xml == theirs.part.numbering_part.element.xml)

    def saved(document: object) -> dict[str, bytes]:
        written = io.BytesIO()
        document.save(written)  # type: ignore[attr-defined]
        with zipfile.ZipFile(written) as archive:
            return {name: archive.read(name) for name in archive.namelist()}

    assert saved(ours) == saved(theirs)
