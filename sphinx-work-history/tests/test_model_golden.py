"""The model without Sphinx: what each kind's entry shows (model/views.py's
`describe`, for a record of every kind with every field) and how spans of every
precision read in English, in German, in a right-to-left language and in Japanese
(model/records.py's `Span`, model/dates.py's lengths), each equal to its golden file
in tests/golden/.

After a deliberate change, rewrite them with

    UPDATE_SNAPSHOTS=1 pytest tests/test_model_golden.py

which fails, so that a person reviews the diff before the tests pass again.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from pathlib import Path

import pytest

from sphinx_work_history.model import l10n
from sphinx_work_history.model.dates import PartialDate, format_length
from sphinx_work_history.model.kinds import (
    AwardRecord,
    CertificateRecord,
    EducationRecord,
    InterestRecord,
    LanguageRecord,
    ProjectRecord,
    PublicationRecord,
    Record,
    ReferenceRecord,
    SkillRecord,
    TalkRecord,
)
from sphinx_work_history.model.records import JobRecord, Span, VolunteerRecord
from sphinx_work_history.model.views import describe
from sphinx_work_history.testing import check_snapshot

GOLDEN = Path(__file__).resolve().parent / "golden"


def date(text: str) -> PartialDate:
    return PartialDate.parse(text)


AT = {"docname": "cv", "lineno": 1}
RECORDS: tuple[Record, ...] = (
    JobRecord(name="job", **AT, position="Engineer <lead>", org="Acme & Sons",
              url="https://acme.example/", location="Zürich", start=date("2021-03")),
    JobRecord(name="job-no-position", **AT, org="Org Only", start=date("2019"),
              end=date("2020")),
    VolunteerRecord(name="volunteer", **AT, position="Mentor", org="Code Club",
                    start=date("2018-01-15"), end=date("2018-06-30")),
    EducationRecord(name="education", **AT, institution="Example University",
                    area="Computer Science", degree="MSc", score="1.0",
                    courses=("Compilers", "Types"), url="https://uni.example/",
                    location="Berlin", start=date("2010"), end=date("2012")),
    EducationRecord(name="education-bare", **AT, institution="A School"),
    ProjectRecord(name="project", **AT, heading="Widget", entity="Acme", type="library",
                  roles=("author", "maintainer"), keywords=("Python", "Typst"),
                  url="https://github.com/example/widget", start=date("2020-05")),
    AwardRecord(name="award", **AT, heading="Best Paper", awarder="ACM",
                start=date("2019-06")),
    CertificateRecord(name="certificate", **AT, heading="CKA", issuer="CNCF",
                      url="https://cncf.example/1", start=date("2022-02-02")),
    PublicationRecord(name="publication", **AT, heading="On Escaping",
                      publisher="Journal of *Markup*", url="https://doi.example/10.1/2",
                      authors=("A. Author", "B. Author"), doi="10.1/2",
                      start=date("2018")),
    TalkRecord(name="talk", **AT, heading="Typesetting CVs", publisher="PyCon",
               url="https://pycon.example/talk", start=date("2023-05")),
    SkillRecord(name="skill", **AT, heading="Python", level="Expert",
                keywords=("typing", "asyncio")),
    LanguageRecord(name="language", **AT, language="Deutsch", fluency="Fließend"),
    InterestRecord(name="interest", **AT, heading="Type design", keywords=("fonts", "ink")),
    ReferenceRecord(name="reference", **AT, heading="A. Colleague"),
)


def test_every_kind_is_described() -> None:
    lines = []
    for record in RECORDS:
        view = describe(record)
        lines += [f"{record.name} ({view.kind})",
                  f"  heading: {view.heading!r} -> {view.heading_url!r}",
                  f"  subtitle: {view.subtitle!r} -> {view.subtitle_url!r}",
                  f"  location: {view.location!r}",
                  f"  title: {view.title!r}", f"  ongoing: {record.ongoing}"]
        lines += [f"  detail: {d.label!r} {d.text!r} -> {d.url!r}" for d in view.details]
    check_snapshot(GOLDEN / "views.txt", "\n".join(lines) + "\n")


SPANS = (("2014", "2016"), ("2019-03", "2021-06"), ("2009-05-20", "2011-05-19"),
         ("2020-01", "2020-01"), ("2014-02", "2016"), ("2021-03", None), ("2018", "2018"))


@pytest.fixture(params=["en", "de", "ar", "ja"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The language active, its words from the package's catalogue, as a build has them."""
    catalogue = gettext.translation(l10n.CATALOGUE, l10n.LOCALE_DIR, [request.param],
                                    fallback=True)
    l10n.activate(request.param, translate=catalogue.gettext)
    yield request.param
    l10n.activate(None)


def test_spans_and_lengths(language: str) -> None:
    lines = [f"direction: {l10n.direction()}"]
    for start, end in SPANS:
        first = date(start)
        last = date(end) if end else None
        length = format_length(first, last or date("2026-11-27"))
        lines.append(f"{start} .. {end}: {Span(first, last, length).text} | {length}")
    lines.append(f"unknown end: {Span(date('2020-04'), None, end_unknown=True).text}")
    lines.append(f"no start: {Span(None, date('2020')).text!r}")
    check_snapshot(GOLDEN / f"spans-{language}.txt", "\n".join(lines) + "\n")
