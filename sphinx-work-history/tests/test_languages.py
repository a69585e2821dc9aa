"""A CV in any language: CLDR's dates and lengths, the package's catalogue of words,
right-to-left layouts, and an entry's texts translated from the project's catalogue."""

from __future__ import annotations

import gettext
import json
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from babel import Locale
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from sphinx_work_history.model import l10n
from sphinx_work_history.model.dates import PartialDate, format_length
from sphinx_work_history.model.records import Span
from sphinx_work_history.testing import build, sphinx_build, work_history_warnings

LOCALE = l10n.LOCALE_DIR
CATALOGUES = sorted(path.parent.parent.name
                    for path in LOCALE.glob("*/LC_MESSAGES/sphinx_work_history.po"))
# RenderCV's languages (but English, the package's own), and Chinese in both scripts.
EXPECTED = {"ar", "da", "de", "es", "fa", "fr", "he", "hi", "hu", "id", "it", "ja", "ko",
            "nb", "nl", "nn", "pt", "ru", "tr", "vi", "zh", "zh_TW", "pl", "sv"}
SAME = "same word in this language"
# What English output of the package would leave in another language's build.
ENGLISH = ("present", "Experience", "Publications", "Role", "Organisation", "Dates",
           "Length", "Email", "Web", "yrs", "mos", "yr", "mo")


def english_left(text: str, language: str, words=ENGLISH) -> list[str]:
    """The English words of *words* in *text*, but those *language* shares
    (German "Organisation")."""
    path = LOCALE / language / "LC_MESSAGES" / "sphinx_work_history.po"
    shared = {m.id for m in _read_po(path) if m.id and m.string == m.id}
    return [word for word in words
            if word not in shared and re.search(rf"\b{re.escape(word)}\b", text)]


def shown(tag) -> str:
    """A tag's text as a reader sees it: spaces between elements, CLDR's thin and
    no-break spaces kept."""
    return re.sub(r"[ \t\n]+", " ", tag.get_text()).strip(" ")


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    l10n.activate(None)  # later tests in this process format dates in English


def _read_po(path: Path):
    with path.open("rb") as file:
        return read_po(file)


# -- the catalogue ----------------------------------------------------------------
def test_the_template_holds_every_word():
    template = _read_po(LOCALE / "sphinx_work_history.pot")
    assert [message.id for message in template if message.id] == list(l10n.MESSAGES)


def test_every_language_asked_for_has_a_catalogue():
    assert set(CATALOGUES) >= EXPECTED


@pytest.mark.parametrize("language", CATALOGUES)
def test_a_catalogue_is_complete_with_no_english_left(language):
    catalogue = _read_po(LOCALE / language / "LC_MESSAGES" / "sphinx_work_history.po")
    assert catalogue.locale == Locale.parse(language)
    messages = {message.id: message for message in catalogue if message.id}
    assert set(messages) == set(l10n.MESSAGES)
    for msgid, message in messages.items():
        assert message.string.strip(), f"{language}: {msgid!r} is not translated"
        assert not message.fuzzy, f"{language}: {msgid!r} is fuzzy"
        if message.string == msgid:
            # Only a word the language shares (DOI, French "Publications") is left as is.
            assert SAME in message.user_comments, f"{language}: {msgid!r} is left in English"


@pytest.mark.parametrize("language", CATALOGUES)
def test_the_compiled_catalogue_matches_its_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    source = {m.id: m.string for m in _read_po(folder / "sphinx_work_history.po") if m.id}
    with (folder / "sphinx_work_history.mo").open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    assert {msgid: compiled.gettext(msgid) for msgid in source} == source


# -- CLDR -------------------------------------------------------------------------------
def test_english_keeps_the_package_s_own_words():
    l10n.activate("en")
    start, end = PartialDate.parse("2020-05"), PartialDate.parse("2026-01")
    assert Span(start, None).text == "May 2020 – present"
    assert format_length(start, end) == "5 yrs 8 mos"
    assert PartialDate.parse("2014-03-03").display() == "3 Mar 2014"


@pytest.mark.parametrize(("language", "dates", "length", "year", "day"), [
    ("de", "Mai 2020\u2009–\u2009Jan. 2026", "5 Jahre, 8 Monate", "2014", "3. März 2014"),
    ("fr", "mai 2020\u2009–\u2009janv. 2026", "5 ans et 8\xa0mois", "2014", "3 mars 2014"),
    ("ja", "2020年5月～2026年1月", "5 年 8 か月", "2014年", "2014年3月3日"),
    ("zh_CN", "2020年5月 – 2026年1月", "5年8个月", "2014年", "2014年3月3日"),
    ("ar", "مايو 2020 – يناير 2026", "5 سنوات، و8 أشهر", "2014", "3 مارس 2014"),
])
def test_dates_and_lengths_come_from_cldr(language, dates, length, year, day):
    l10n.activate(language)
    start, end = PartialDate.parse("2020-05"), PartialDate.parse("2026-01")
    assert Span(start, end).text == dates
    assert format_length(start, end) == length
    assert PartialDate.parse("2014").display() == year
    assert PartialDate.parse("2014-03-03").display() == day


def test_lengths_keep_their_precision():
    l10n.activate("de")
    assert format_length(PartialDate.parse("2014"), PartialDate.parse("2016")) == "2 Jahre"
    assert format_length(PartialDate.parse("2014"), PartialDate.parse("2014")) == "< 1 Jahr"
    assert format_length(PartialDate.parse("2014-03"),
                         PartialDate.parse("2014-03")) == "< 1 Monat"


def test_a_language_without_a_catalogue_has_cldr_s_today_and_english_words():
    l10n.activate("sw")
    assert Span(PartialDate.parse("2020-05"), None).text == "Mei 2020\u2009–\u2009leo"
    assert l10n.word("Experience") == "Experience"


# -- builds -----------------------------------------------------------------------------
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _table(soup: BeautifulSoup) -> list[list[str]]:
    return [[shown(cell) for cell in row.find_all(["th", "td"])]
            for row in soup.select("table.wh-summary tr")]


def _headers(soup: BeautifulSoup) -> list[str]:
    return [shown(h) for h in soup.select(".wh-job-header, .wh-employer-header")]


@pytest.mark.sphinx("html", testroot="languages", srcdir="languages-de",
                    confoverrides={"language": "de"})
def test_a_german_cv_has_german_dates_words_and_lengths(app):
    app.build()
    assert app._warning.getvalue() == ""
    soup = _soup(app.outdir / "index.html")
    assert soup.html["lang"] == "de"
    assert _table(soup) == [
        ["Rolle", "Organisation", "Zeitraum", "Dauer"],
        ["Staff Engineer", "Initech", "Apr. 2019\u2009–\u2009heute", "7 Jahre, 7 Monate"],
        ["Engineer", "Initech", "15. Jan. 2017\u2009–\u200931. März 2019", "2 Jahre, 2 Monate"],
        ["Database Administrator", "Acme Widgets", "2015\u2009–\u20092017", "2 Jahre"],
    ]
    assert _headers(soup)[0] == ("Initech 15. Jan. 2017\u2009–\u2009heute · 9 Jahre, 10 Monate"
                                 " · Berlin")
    times = [t["datetime"] for t in soup.select(".wh-job-header time")]
    assert times[:2] == ["2019-04", "2017-01-15"]  # the input stays ISO
    article = soup.select_one("article.wh-job")
    assert "dir" not in article.attrs
    main = soup.select_one("div.body, div[role=main], article[role=main]") or soup
    text = main.get_text(" ")
    assert not english_left(text, "de")


@pytest.mark.sphinx("cv-text", testroot="languages", srcdir="languages-de-text",
                    confoverrides={"language": "de"})
def test_a_german_text_cv_has_german_labels_and_dates(app):
    app.build()
    assert app._warning.getvalue() == ""
    text = (app.outdir / "adascv.txt").read_text(encoding="utf-8")
    assert "E-Mail: ada@example.org" in text
    assert "Website: https://ada.example.org/" in text
    # Its sections are the pages' own headings, in the pages' words.
    assert "Apr. 2019\u2009–\u2009heute · 7 Jahre, 7 Monate" in text
    assert not english_left(text, "de")


@pytest.mark.sphinx("html", testroot="languages", srcdir="languages-fr",
                    confoverrides={"language": "fr"})
def test_a_french_catalogue_translates_every_entry_text(app):
    app.build()
    assert app._warning.getvalue() == ""
    soup = _soup(app.outdir / "index.html")
    assert soup.html["lang"] == "fr"
    assert _table(soup) == [
        ["Poste", "Organisation", "Période", "Durée"],
        ["Ingénieure principale", "Initech", "avr. 2019\u2009–\u2009aujourd’hui",
         "7 ans et 7\xa0mois"],
        ["Ingénieure", "Initech", "15 janv. 2017\u2009–\u200931 mars 2019",
         "2 ans et 2\xa0mois"],
        ["Administratrice de bases de données", "Acme Gadgets SA", "2015\u2009–\u20092017",
         "2 ans"],
    ]
    assert _headers(soup)[-1] == ("Administratrice de bases de données, Acme Gadgets SA "
                                  "2015\u2009–\u20092017 · 2 ans · À distance")
    resume = json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))
    assert resume["basics"]["summary"] == "Je construis des bases de données qui tiennent."
    assert [(w["position"], w["name"], w.get("location")) for w in resume["work"]] == [
        ("Ingénieure principale", "Initech", "Berlin"),
        ("Ingénieure", "Initech", "Berlin"),
        ("Administratrice de bases de données", "Acme Gadgets SA", "À distance"),
    ]
    assert resume["work"][0]["summary"] == "A mené le travail de réplication."
    assert resume["work"][0]["highlights"] == [
        "A réduit la bascule de quelques minutes à quelques secondes."]
    # The ids stay those of the source: links between translations hold.
    assert soup.select_one("article.wh-job")["id"] == "initech-2019"
    jsonld = " ".join(s.get_text() for s in soup.select('script[type="application/ld+json"]'))
    assert "Administratrice de bases de données" in jsonld
    assert "Database Administrator" not in jsonld


@pytest.mark.sphinx("cv-markdown", testroot="languages", srcdir="languages-fr-md",
                    confoverrides={"language": "fr"})
def test_a_french_markdown_cv_is_wholly_french(app):
    app.build()
    assert app._warning.getvalue() == ""
    text = (app.outdir / "adascv.md").read_text(encoding="utf-8")
    assert "## Postes" in text  # the page's heading, from the project's catalogue
    assert "### Administratrice de bases de données, Acme Gadgets SA" in text
    assert "2015\u2009–\u20092017 · 2 ans · À distance" in text
    english = ("Staff Engineer", "Database Administrator", "Remote", "Ran the", "I build",
               *ENGLISH)
    assert not english_left(text, "fr", english)


@pytest.mark.sphinx("gettext", testroot="languages", srcdir="languages-gettext")
def test_gettext_extracts_every_entry_text(app):
    app.build()
    assert app._warning.getvalue() == ""
    template = _read_po(app.outdir / "index.pot")
    ids = {message.id for message in template if message.id}
    assert {"Staff Engineer", "Engineer", "Database Administrator", "Initech",
            "Acme Widgets", "Berlin", "Remote", "Ran the replication work."} <= ids
    where = next(m for m in template if m.id == "Database Administrator").locations
    assert [(Path(path).name, line) for path, line in where] == [("index.md", 28)]


@pytest.mark.sphinx("html", testroot="languages", srcdir="languages-he",
                    confoverrides={"language": "he"})
def test_a_right_to_left_language_lays_entries_out_right_to_left(app):
    app.build()
    assert app._warning.getvalue() == ""
    soup = _soup(app.outdir / "index.html")
    assert soup.html["lang"] == "he"
    assert {a.get("dir") for a in soup.select("article.wh-job, section.wh-employer")} == {
        "rtl"}
    assert _table(soup)[0] == ["תפקיד", "ארגון", "תאריכים", "משך"]
    assert "היום" in _headers(soup)[1]


@pytest.mark.sphinx("cv-docx", testroot="languages", srcdir="languages-he-docx",
                    confoverrides={"language": "he"})
def test_a_right_to_left_word_cv_has_bidirectional_paragraphs(app):
    app.build()
    assert app._warning.getvalue() == ""
    path = app.outdir / "adascv.docx"
    document = docx.Document(str(path))
    [contact] = [p.text for p in document.paragraphs if "ada@example.org" in p.text]
    assert contact.startswith("דוא״ל: ada@example.org")
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml").decode()
    normal = styles[styles.index('w:styleId="Normal"'):]
    normal = normal[:normal.index("</w:style>")]
    assert "<w:bidi/>" in normal
    assert "<w:rtl/>" in normal
    assert 'w:bidi="he"' in normal


def test_work_history_words_overrides_a_word_and_refuses_an_unknown_one(rootdir, tmp_path):
    srcdir = tmp_path / "words"
    shutil.copytree(rootdir / "test-languages", srcdir)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('language = "de"\nwork_history_words = '
                   '{"Email": "Mail", "Nonsense": "x"}\n')
    app = build(srcdir, "cv-text")
    text = (app.outdir / "adascv.txt").read_text(encoding="utf-8")
    warnings = work_history_warnings(app.warning.getvalue())
    assert "Mail: ada@example.org" in text
    assert "Website: https://ada.example.org/" in text  # the catalogue's other words stay
    assert [(w.file, w.line, w.subtype, "'Nonsense'" in w.message) for w in warnings] == [
        ("conf.py", 13, "bad_config", True)]


@pytest.mark.sphinx("text", testroot="languages", srcdir="languages-de-plain",
                    confoverrides={"language": "de"})
def test_sphinx_s_text_builder_writes_german_dates_and_lengths(app):
    app.build()
    assert app._warning.getvalue() == ""
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "Apr. 2019\u2009–\u2009heute · 7 Jahre, 7 Monate" in text
    assert "Rolle" in text
    assert "Dauer" in text
    assert not english_left(text, "de")


@pytest.mark.sphinx("epub", testroot="languages", srcdir="languages-de-epub",
                    confoverrides={"language": "de"})
def test_a_german_epub_is_in_german(app):
    app.build()
    assert app._warning.getvalue() == ""
    opf = (app.outdir / "content.opf").read_text(encoding="utf-8")
    assert "<dc:language>de</dc:language>" in opf
    page = _soup(app.outdir / "index.xhtml")
    assert page.html["lang"] == "de"
    assert _table(page)[0] == ["Rolle", "Organisation", "Zeitraum", "Dauer"]
    assert "Apr. 2019\u2009–\u2009heute · 7 Jahre, 7 Monate · Berlin" in _headers(page)[1]


def test_a_changed_translation_reaches_the_record_in_the_next_build(rootdir, tmp_path):
    srcdir = tmp_path / "fr"
    shutil.copytree(rootdir / "test-languages", srcdir)
    po = srcdir / "locale" / "fr" / "LC_MESSAGES" / "index.po"

    def locations() -> list[str]:
        # Each build in its own process, as sphinx-build and sphinx-autobuild run it:
        # Python's gettext keeps a catalogue it loaded for the life of the process.
        sphinx_build(srcdir, srcdir / "_build" / "html", "html", "-q", "-D", "language=fr")
        resume = json.loads((srcdir / "_build" / "html" / "resume.json").read_text("utf-8"))
        return [work.get("location", "") for work in resume["work"]]

    assert locations()[-1] == "À distance"
    po.write_text(po.read_text(encoding="utf-8").replace('"À distance"', '"En télétravail"'),
                  encoding="utf-8")
    assert locations()[-1] == "En télétravail"  # the page is read again, and its record remade


def test_a_translation_is_text_kept_as_the_translator_wrote_it(rootdir, tmp_path):
    srcdir = tmp_path / "fr"
    shutil.copytree(rootdir / "test-languages", srcdir)
    po = srcdir / "locale" / "fr" / "LC_MESSAGES" / "index.po"
    hostile = 'Ingénieure <script>alert(1)</script> & \\"C++\\" {x} $1'
    po.write_text(po.read_text(encoding="utf-8").replace('"Ingénieure"', f'"{hostile}"'),
                  encoding="utf-8")
    sphinx_build(srcdir, srcdir / "_build" / "html", "html", "-q", "-D", "language=fr")
    out = srcdir / "_build" / "html"
    written = 'Ingénieure <script>alert(1)</script> & "C++" {x} $1'
    resume = json.loads((out / "resume.json").read_text(encoding="utf-8"))
    assert resume["work"][1]["position"] == written
    soup = _soup(out / "index.html")
    assert not soup.select("article script")
    positions = [p.get_text() for p in soup.select("article .wh-position")]
    assert written in positions
