"""``cv-pdf``: the CV as a tagged PDF/UA-1 file, through Typst.

The builder writes the CV document (cv_document.py, as the Word, text and
Markdown builders read it) as Typst source, ``<basename>.typ``, beside a
copy of the designs (``work-history/``), and compiles it in-process with
the ``typst`` package (``pip install sphinx-work-history[pdf]``) into
``<basename>.pdf``: tagged, declaring PDF/UA-1, with the title, author and
language of the configuration. No Typst package is imported and nothing is
downloaded. The fonts are typst_fonts.py's chains, without fallback to
other fonts: a character none of them has fails the export, and the glyph
check (glyphs.py) has already said where it is in the pages.

The page budget (the variant's ``pages``, else ``work_history_pages``) is
checked on the PDF as Typst laid it out (its page count, read back from an
invisible mark, as the compiler that wrote it answers a query); past it, the
build fails naming the entries that reach past the budget, with the pages each
is on (read back from marks the source sets around each entry).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from ...config.compat import fail_build
from ...config.messages import warn
from ...config.settings import work_history_config
from ...model.cv_model import CV
from ...model.dates import source_date_epoch
from ..cv.builder import CVBuilder
from . import fonts as typst_fonts
from .document import Settings, document

logger = logging.getLogger(__name__)
DESIGNS = Path(__file__).parents[2] / "assets" / "typst"
DESIGN_DIR = "work-history"


class CVPdfBuilder(CVBuilder):
    name = "cv-pdf"
    suffix = ".pdf"

    def settings(self, cv: CV, chains: dict[str, tuple[str, ...]], photo: str) -> Settings:
        config, chosen = self.config, work_history_config(self.config)
        title = chosen.cv_title or config.project
        return Settings(
            title=title, author=cv.name or config.author or title,
            language=config.language or "en", design=chosen.pdf_design,
            paper=chosen.pdf_paper, accent=chosen.pdf_accent,
            entry_breaks=chosen.pdf_entry_breaks,
            fonts=chains["text"], heading_fonts=chains["headings"], mono_fonts=chains["code"],
            photo=photo)

    def copy_photo(self, cv: CV) -> str:
        """The CV's photo, copied beside the source: its name there, or ''."""
        image = cv.image
        if not image:
            return ""
        source = Path(self.confdir, image)
        if "://" in image or not source.is_file():
            # Nothing is downloaded at build time.
            warn("photo", f"work_history_person's image {image!r} is not a file of the "
                 "project; the PDF's header has no photo", None)
            return ""
        shutil.copyfile(source, Path(self.outdir, "photo" + source.suffix))
        return "photo" + source.suffix

    def write_cv(self, cv: CV, path: Path) -> bool:
        try:
            import typst
        except ImportError:
            warn("pdf", "the cv-pdf builder needs the typst package: "
                 "pip install sphinx-work-history[pdf]", None)
            fail_build(self)
            return False
        designs = Path(self.outdir, DESIGN_DIR)
        designs.mkdir(parents=True, exist_ok=True)
        for template in DESIGNS.glob("*.typ"):
            shutil.copyfile(template, designs / template.name)
        # The fonts the text needs: Typst's own alone when they set every character.
        design = f"{DESIGN_DIR}/{work_history_config(self.config).pdf_design}.typ"
        photo = self.copy_photo(cv)
        draft = document(cv, self.settings(cv, typst_fonts.configured_chains(self.config),
                                           photo), design)
        chains, paths = typst_fonts.plan(self.config, self.confdir, draft)
        # Named after the CV (*path* is where it is written before it is complete).
        source = self.target.with_suffix(".typ")
        source.write_text(document(cv, self.settings(cv, chains, photo), design),
                          encoding="utf-8")
        compiler = typst.Compiler(str(source), root=str(self.outdir),
                                  font_paths=typst_fonts.fonts(paths), ignore_system_fonts=True)
        try:
            compiler.compile(output=str(path), pdf_standards="ua-1", timestamp=source_date_epoch())
        except typst.TypstError as exc:
            message = " ".join(str(getattr(exc, "message", exc)).split())
            warn("pdf", f"Typst could not make the PDF: {message}{_where(exc, source)}",
                 None)
            fail_build(self)
            return False
        logger.info("%s written", source.name)
        self.check_budget(compiler)
        return True

    def check_budget(self, compiler: Any) -> None:
        """The PDF's pages against the budget; past it, the entries that reach
        past it, each with its pages. *compiler* made the PDF: it answers the
        queries from the layout it made."""
        budget = work_history_config(self.config).page_budget
        if not budget:
            return
        count = json.loads(compiler.query("<work-history-pages>", field="value", one=True))
        if count <= budget:
            return
        variant = work_history_config(self.config).current_variant
        which = f"variant {variant.name!r}" if variant else "the full CV"
        past = [f"{name} (page {end})" if start == end else f"{name} (pages {start}-{end})"
                for name, start, end in entry_pages(compiler) if end > budget]
        named = "; ".join(past) or "no entry reaches past it: the text after the entries"
        warn("page_budget", f"the CV ({which}) has {count} pages; its budget is {budget}. "
             f"Past the budget: {named}", None)
        fail_build(self)


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

