"""``cv-pdf``: the CV as a tagged PDF/UA-1 file, through Typst.

The builder writes the CV document (cv_document.py, as the Word, text and
Markdown builders read it) as Typst source, ``<basename>.typ``, beside a
copy of the designs (``work-history/``), and compiles it in-process with
the ``typst`` package (``pip install sphinx-work-history[pdf]``) into
``<basename>.pdf``: tagged, declaring PDF/UA-1, with the title, author and
language of the configuration. No Typst package is imported and nothing is
downloaded (but a photo at a web address, which photo.py fetches). The
fonts are typst_fonts.py's chains, without fallback to other fonts: a
character none of them has fails the export, and the glyph check
(glyphs.py) has already said where it is in the pages. The contact
block's icons are drawn from the icon fonts shipped with the package
(icons.py) beside the designs (``work-history/icons/``); every page has a
footer (the name, "page N of M", the month of the build), as conf.py asks.

The page budget (the variant's ``pages``, else ``work_history_pages``) is
checked on the PDF as Typst laid it out (its page count, read back from an
invisible mark, as the compiler that wrote it answers a query). Past it, with
``work_history_pdf_fit`` (or the variant's ``fit``), the CV is laid out again,
tighter each time (fit.py); still past it, the build fails naming the entries
that reach past the budget, with the pages each is on (read back from marks the
source sets around each entry), and what the fit tightened.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from ...config.compat import fail_build
from ...config.messages import conf_location, warn
from ...config.settings import work_history_config
from ...model.cv_model import CV
from ...model.dates import source_date_epoch
from ...model.l10n import month_year, word
from ...model.letter import Letter
from ..cv.builder import CVBuilder
from . import fit
from . import fonts as typst_fonts
from .document import Footer, Layout, Settings, document
from .icons import IconError, write_icons
from .letter import LETTER_SIZE_PT, letter_source

logger = logging.getLogger(__name__)
DESIGNS = Path(__file__).parents[2] / "assets" / "typst"
DESIGN_DIR = "work-history"
ICON_DIR = "icons"  # in DESIGN_DIR: the contact block's icons (icons.py)


#: The photos Typst shows (an SVG of the project's too, but none is fetched).
TYPST_IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp")


class CVPdfBuilder(CVBuilder):
    name = "cv-pdf"
    suffix = ".pdf"
    photo_types = TYPST_IMAGE_TYPES

    def settings(self, cv: CV, chains: dict[str, tuple[str, ...]], photo: str,
                 icons: tuple[str, ...] = ()) -> Settings:
        config, chosen = self.config, work_history_config(self.config)
        title = chosen.cv_title or config.project
        author = cv.name or config.author or title
        return Settings(
            title=title, author=author,
            language=config.language or "en", design=chosen.pdf_design,
            paper=chosen.pdf_paper, accent=chosen.pdf_accent,
            entry_breaks=chosen.pdf_entry_breaks,
            fonts=chains["text"], heading_fonts=chains["headings"], mono_fonts=chains["code"],
            photo=photo, icons=icons, footer=self.footer(author),
            layout=Layout(margins=tuple((chosen.pdf_margins or {}).items()),
                          size=chosen.pdf_size),
            section_style=chosen.pdf_section_style, date_style=chosen.pdf_date_style)

    def footer(self, name: str) -> Footer | None:
        """Every page's footer, as conf.py asks: the name, "page N of M", and the month
        of the build ("Last updated May 2026")."""
        chosen = work_history_config(self.config)
        if not chosen.pdf_footer:
            return None
        updated = ""
        if chosen.pdf_last_updated:
            built = source_date_epoch() or dt.datetime.now(dt.UTC)
            updated = word("Last updated {date}").replace("{date}", month_year(built.date()))
        return Footer(name, word("page {page} of {pages}"), updated)

    def copy_photo(self, cv: CV) -> str:
        """The CV's photo (its copy in the output folder: contact.py's, or photo.py's
        of one fetched from the web), copied beside the source: its name there, or ''."""
        if not cv.image:
            return ""
        source = Path(self.confdir, cv.image)
        shutil.copyfile(source, Path(self.outdir, "photo" + source.suffix))
        return "photo" + source.suffix

    def draw_icons(self, cv: CV, designs: Path) -> tuple[str, ...]:
        """The contact block's icons, drawn beside the designs (their paths from there);
        none when conf.py asks for labels, or (with a warning) when they cannot be drawn."""
        chosen = work_history_config(self.config)
        if not chosen.pdf_icons or not cv.contacts:
            return ()
        try:
            names = write_icons(cv.contacts, designs / ICON_DIR, chosen.pdf_accent)
        except IconError as exc:
            warn("pdf", f"{exc}; the contact block shows labels instead of icons", None)
            return ()
        return tuple(f"{ICON_DIR}/{name}" for name in names)

    def write_cv(self, cv: CV, path: Path) -> bool:
        if not self.copy_designs():
            return False
        designs = Path(self.outdir, DESIGN_DIR)
        # The fonts the text needs: Typst's own alone when they set every character.
        design = f"{DESIGN_DIR}/{work_history_config(self.config).pdf_design}.typ"
        if lacking := typst_fonts.missing(self.config, self.confdir):
            warn("bad_config", f"work_history_pdf_fonts: {', '.join(map(repr, lacking))} "
                 "found neither among Typst's own fonts nor in work_history_pdf_font_paths; "
                 "left out", conf_location(self.confdir, "work_history_pdf_fonts"))
        photo, icons = self.copy_photo(cv), self.draw_icons(cv, designs)
        draft = document(cv, self.settings(cv, typst_fonts.configured_chains(self.config),
                                           photo, icons), design)
        chains, paths = typst_fonts.plan(self.config, self.confdir, draft)
        settings = self.settings(cv, chains, photo, icons)
        # Named after the CV (*path* is where it is written before it is complete).
        source = self.target.with_suffix(".typ")

        def laid_out(chosen: Settings) -> Any:
            source.write_text(document(cv, chosen, design), encoding="utf-8")
            return self.compile(source, path, paths)

        compiler = laid_out(settings)
        if compiler is None:
            return False
        self.check_budget(compiler, lambda layout: laid_out(replace(settings, layout=layout)))
        return True

    def write_letter(self, letter: Letter, path: Path) -> bool:
        if not self.copy_designs():
            return False
        design = f"{DESIGN_DIR}/{work_history_config(self.config).pdf_design}.typ"
        letter_design = f"{DESIGN_DIR}/letter.typ"
        if letter.signature_image:
            copy = "signature" + Path(letter.signature_image).suffix.lower()
            shutil.copyfile(letter.signature_image, Path(self.outdir, copy))
            letter = dataclasses.replace(letter, signature_image=copy)
        cv = CV(name=letter.name, label=letter.label, language=letter.language,
                contacts=letter.contacts, sections=())
        icons = self.draw_icons(cv, Path(self.outdir, DESIGN_DIR))
        draft = letter_source(letter, self.settings(
            cv, typst_fonts.configured_chains(self.config), "", icons), design, letter_design)
        chains, paths = typst_fonts.plan(self.config, self.confdir, draft)
        settings = self.settings(cv, chains, "", icons)
        source = self.letter_target.with_suffix(".typ")

        def laid_out(chosen: Settings, size: str | None = None) -> Any:
            source.write_text(letter_source(letter, chosen, design, letter_design, size),
                              encoding="utf-8")
            return self.compile(source, path, paths)

        compiler = laid_out(settings)
        if compiler is None:
            return False
        chosen = work_history_config(self.config)
        application = chosen.current_application
        budget = application.pages if application else 1
        count = page_count(compiler)
        if count <= budget:
            return True
        which = f"the letter of application {letter.application!r}"
        fitted = ""
        if chosen.pdf_fit:
            first = replace(fit.Start.of(json.loads(compiler.query(
                "<work-history-layout>", field="value", one=True))), size_pt=LETTER_SIZE_PT)
            tightened = self.tighten(first, budget, lambda layout: laid_out(
                replace(settings, layout=layout), layout.size), which)
            if tightened is None:
                return False
            _, count, fitted = tightened
            if count <= budget:
                return True
        even = f", even tightened to fit it ({fitted})" if fitted else ""
        warn("page_budget", f"{which} has {count} pages; its budget is {budget} (its "
             f"application's 'pages'){even}", None)
        fail_build(self)
        return True

    def copy_designs(self) -> bool:
        """The designs beside the sources; False without the typst package."""
        try:
            import typst  # noqa: F401
        except ImportError:
            warn("pdf", "the cv-pdf builder needs the typst package: "
                 "pip install sphinx-work-history[pdf]", None)
            fail_build(self)
            return False
        designs = Path(self.outdir, DESIGN_DIR)
        designs.mkdir(parents=True, exist_ok=True)
        for template in DESIGNS.glob("*.typ"):
            shutil.copyfile(template, designs / template.name)
        return True

    def compile(self, source: Path, path: Path, font_paths: Any) -> Any:
        """*source* compiled to *path*, tagged PDF/UA-1: the compiler (it answers
        queries on the layout), or None when Typst could not (said, build failed)."""
        import typst

        compiler = typst.Compiler(str(source), root=str(self.outdir),
                                  font_paths=typst_fonts.fonts(font_paths),
                                  ignore_system_fonts=True)
        try:
            compiler.compile(output=str(path), pdf_standards="ua-1", timestamp=source_date_epoch())
        except typst.TypstError as exc:
            message = " ".join(str(getattr(exc, "message", exc)).split())
            warn("pdf", f"Typst could not make the PDF: {message}{_where(exc, source)}",
                 None)
            fail_build(self)
            return None
        logger.info("%s written", source.name)
        return compiler

    def check_budget(self, compiler: Any, again: Callable[[Layout], Any]) -> None:
        """The PDF's pages against the budget. Past it, when conf.py asks for the fit,
        the CV is laid out again, tighter each time (fit.py), by *again* (which compiles
        a layout); still past it, the entries that reach past it, each with its pages.
        *compiler* made the PDF: it answers the queries from the layout it made."""
        chosen = work_history_config(self.config)
        budget = chosen.page_budget
        if not budget:
            return
        count = page_count(compiler)
        if count <= budget:
            return
        variant = chosen.current_variant
        which = f"variant {variant.name!r}" if variant else "the full CV"
        fitted = ""
        if chosen.fit_to_budget:
            first = fit.Start.of(json.loads(compiler.query(
                "<work-history-layout>", field="value", one=True)))
            tightened = self.tighten(first, budget, again, f"the CV ({which})")
            if tightened is None:
                return
            compiler, count, fitted = tightened
            if count <= budget:
                return
        past = [f"{name} (page {end})" if start == end else f"{name} (pages {start}-{end})"
                for name, start, end in entry_pages(compiler) if end > budget]
        named = "; ".join(past) or "no entry reaches past it: the text after the entries"
        even = f", even tightened to fit it ({fitted})" if fitted else ""
        warn("page_budget", f"the CV ({which}) has {count} pages; its budget is {budget}"
             f"{even}. Past the budget: {named}", None)
        fail_build(self)

    def tighten(self, first: fit.Start, budget: int, again: Callable[[Layout], Any],
                which: str) -> tuple[Any, int, str] | None:
        """The PDF laid out again by *again*, tighter each time (fit.py), until *which*
        fits *budget* (said): the compiler of the last layout tried, its page count and
        what it tightened; None when Typst could not lay one out (said, build failed)."""
        compiler, count, fitted = None, 0, ""
        for layout in fit.steps(first):
            compiler = again(layout)
            if compiler is None:
                return None
            count, fitted = page_count(compiler), fit.described(first, layout)
            if count <= budget:
                logger.info("%s fits its budget of %d once tightened: %s", which, budget,
                            fitted)
                break
        return compiler, count, fitted


def page_count(compiler: Any) -> int:
    """The pages of the PDF *compiler* made (base.typ's invisible mark)."""
    return int(json.loads(compiler.query("<work-history-pages>", field="value", one=True)))


def entry_pages(compiler: Any) -> list[tuple[str, int, int]]:
    """Each entry's name and the pages it starts and ends on, as Typst laid the source
    out (the marks the writer puts around each entry)."""
    found = json.loads(compiler.query("<work-history-mark>", field="value"))
    entries: list[tuple[str, int, int]] = []
    starts: list[tuple[str, int]] = []
    for mark in found:
        if mark["edge"] == "start":
            starts.append((mark["name"], mark["page"]))
        elif starts:
            name, start = starts.pop()
            entries.append((name, start, mark["page"]))
    return entries


def _where(exc: Exception, source: Path) -> str:
    """The line of the Typst source an error points at, from its diagnostic."""
    diagnostic = str(getattr(exc, "diagnostic", ""))
    for line in diagnostic.splitlines():
        line = line.strip()
        if line.startswith("┌─ "):
            return f" (at {source.name}:{line[3:].split(':')[1]})" if ":" in line else ""
    return ""


def setup_cv_pdf(app: Sphinx) -> None:
    app.add_builder(CVPdfBuilder)

