"""sphinx_work_history: résumé entries for Sphinx.

Directives ``job`` (one role), ``employer`` (several roles at one
organisation), ``work-history`` (a summary table of every entry) and
``cv-downloads`` (the site's links to the CV's files, downloads.py); the
role ``job`` links to an entry. Each entry is one typed record (model.py)
kept by the domain (domain.py); every output renders from it when it is
written (render.py), so lengths count to the day of the build.

The same records are published as data: ``resume.json`` (JSON Resume),
schema.org JSON-LD and microformats2 h-resume (export_resume.py,
jsonld.py, microformats.py; the person behind them: person.py), and the
PDF's CV header (cvheader.py); the project's name and author are text
wherever a theme or LaTeX would print them raw (titles.py). The builders
``cv-docx``, ``cv-text`` and ``cv-markdown`` write the whole CV as one Word,
text or Markdown file (cv_docx.py, cv_text.py, cv_markdown.py, from
cv_document.py), and
``cv-pdf`` as a tagged PDF/UA-1 file through Typst (cv_pdf.py, cv_typst.py,
typst_fonts.py, the designs in assets/typst/). Every
setting is checked in config.py.

In a LaTeX or cv-pdf build, each character of the text that none of the PDF's fonts
has is a warning at its file and line (glyphs.py).
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util.fileutil import copy_asset_file

from .config.budget import setup_budget
from .config.catalogue import setup_catalogue
from .config.latex_matter import setup_latex_matter
from .config.titles import setup_titles
from .config.values import setup_config
from .outputs.cv.builder import setup_cv_builder
from .outputs.docx.builder import setup_cv_docx
from .outputs.glyphs import setup_glyphs
from .outputs.html.contact import setup_contact
from .outputs.html.downloads import setup_downloads
from .outputs.html.microformats import setup_microformats
from .outputs.html.visitors import setup_html_visitors
from .outputs.jsonld import setup_jsonld
from .outputs.jsonresume.export import setup_export_resume
from .outputs.latex.header import setup_cvheader
from .outputs.latex.visitors import setup_latex_visitors
from .outputs.markdown.builder import setup_cv_markdown
from .outputs.photo import setup_photo
from .outputs.text.builder import setup_cv_text
from .outputs.typst.builder import setup_cv_pdf
from .sphinx.collector import setup_collector
from .sphinx.directives.employer import setup_employer
from .sphinx.directives.entries import setup_entries
from .sphinx.directives.job import setup_job
from .sphinx.directives.letter import setup_letter
from .sphinx.directives.publications import setup_publications
from .sphinx.directives.summary import setup_summary
from .sphinx.directives.translation import setup_translation
from .sphinx.domain import WorkHistoryDomain
from .sphinx.letters import setup_letters
from .sphinx.nodes import setup_nodes
from .sphinx.transforms.capture import setup_capture
from .sphinx.transforms.drop_empty_sections import setup_drop_empty_sections
from .sphinx.transforms.fences import setup_fences
from .sphinx.transforms.render import KINDS_CSS, setup_render
from .sphinx.transforms.reversed_lists import setup_reversed_lists
from .sphinx.xref import setup_xref

__version__ = version("sphinx-work-history")
ASSETS = Path(__file__).parent / "assets"


def _copy_assets(app: Sphinx) -> None:
    # Copied when the builder starts (not when it finishes) so the ePub's
    # manifest, written before build-finished, lists the stylesheets.
    if app.builder.format == "html":
        assets = [ASSETS / "html" / "work_history.css", ASSETS / "html" / KINDS_CSS]
        target = Path(app.builder.outdir, "_static")
    elif app.builder.format == "latex":
        assets, target = [ASSETS / "latex" / "workhistory.sty"], Path(app.builder.outdir)
    else:
        return
    target.mkdir(parents=True, exist_ok=True)
    for asset in assets:
        copy_asset_file(asset, target / asset.name, force=True)


def setup(app: Sphinx) -> dict[str, Any]:
    setup_config(app)
    setup_catalogue(app)
    app.add_domain(WorkHistoryDomain)
    setup_nodes(app)
    setup_html_visitors(app)
    setup_latex_visitors(app)
    setup_translation(app)
    setup_job(app)
    setup_employer(app)
    setup_entries(app)
    setup_publications(app)
    setup_fences(app)
    setup_render(app)
    setup_capture(app)
    setup_summary(app)
    setup_letter(app)
    setup_letters(app)
    setup_collector(app)
    setup_xref(app)
    setup_drop_empty_sections(app)
    setup_reversed_lists(app)
    setup_export_resume(app)
    setup_jsonld(app)
    setup_microformats(app)
    setup_contact(app)
    setup_photo(app)
    setup_downloads(app)
    setup_cvheader(app)
    setup_titles(app)
    setup_latex_matter(app)
    setup_glyphs(app)
    setup_cv_builder(app)
    setup_cv_text(app)
    setup_cv_markdown(app)
    setup_cv_docx(app)
    setup_cv_pdf(app)
    setup_budget(app)  # loads workhistory.sty with the page budget
    app.add_css_file("work_history.css")
    app.connect("builder-inited", _copy_assets)
    return {
        "version": __version__,
        "env_version": 4,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
