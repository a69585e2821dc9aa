"""Sphinx configuration for tef.computer."""

import os
import sys
import uuid
from urllib.parse import urlsplit

# The site's own small extensions (the work history is the sphinx-work-history
# package, installed from requirements.txt).
sys.path.insert(0, os.path.abspath("_ext"))

import pdf_fonts  # in _ext, on the path above

# -- The site ----------------------------------------------------------------
project = "tef.computer"
author = "tef"
copyright = "tef"
# ePub needs a version; the site has no releases, so it names its edition.
version = release = "2026"
language = "en"

extensions = [
    "myst_parser",
    "sphinx_work_history",
    "sphinxext.opengraph",
    "sphinx_sitemap",
    "notfound.extension",
    "publishing",
    "reproducible_epub",
    "lean_pages",
    "keyboard_scrolling",
    "generated_descriptions",
    "pdf_fonts",
    "nested_includes",
]

myst_enable_extensions = ["colon_fence", "attrs_block"]

# -- The person, for resume.json and the JSON-LD
# (see sphinx-work-history/src/sphinx_work_history/person.py)
# The one place for facts the pages do not show as entries. The summary is
# the home page's introduction, the roles are the pages' `job` entries and
# the publications the writing page's `publication` and `talk` entries.
work_history_person = {
    "name": "tef",
    "label": "Staff or principal engineer (DBA, SRE)",
    "email": "tef@printf.net",
    "url": "https://tef.computer/",
    "profiles": [
        {"network": "Blog", "url": "https://programmingisterrible.com/"},
    ],
}
# Tailored CVs, chosen from the same pages (`make cv` builds each PDF):
# `-D work_history_variant=NAME` picks one, and NAME is a Sphinx tag, so
# `{only} not short` blocks hold what the one-page CV leaves out. Each PDF
# must fit its page budget: the LaTeX run fails past it.
work_history_pages = 3  # the full CV
work_history_variants = {
    "short": {"pages": 1, "label": "one page"},
    "dba": {"pages": 2, "tags": ["databases", "postgres", "migrations"], "label": "DBA"},
    "sre": {"pages": 2, "label": "SRE",
            "tags": ["operations", "reliability", "automation", "distributed systems",
                     "cloud", "security"]},
}
# The markup reference renders example entries: keep them out of the
# summaries and the exports (they are still shown, and can be linked to).
work_history_exclude_docs = ["pages/work-history-markup"]

root_doc = "index"
templates_path = ["_templates"]
# conf.py sits at the top of the repository: the site's pages are the home
# page and pages/ (what they include, such as the package's documentation,
# is read as they include it).
include_patterns = ["index.md", "pages/**"]
# Sphinx walks every folder under conf.py to find the pages, even those no
# pattern above includes: the virtual environments alone hold thousands, and
# each build spent up to seconds walking them.
exclude_patterns = ["_build", ".*", "node_modules", "sphinx-work-history", "tests", "scripts"]

# -- Where the site lives ------------------------------------------------------
# Read the Docs names the canonical address of the version being built;
# elsewhere SITE_URL may name it (`make dist SITE_URL=...`). Without one the
# site carries no absolute URLs: no canonical link and no sitemap.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL") or os.environ.get("SITE_URL", "")
ON_READTHEDOCS = os.environ.get("READTHEDOCS") == "True"
# The PDF and the ePub share a name, so the downloads are easy to tell apart.
# Only this file names it (and the variants, above): the Makefile, Read the
# Docs' jobs, the scripts and the tests read both through scripts/site_config.py.
BOOK_NAME = "tef-cv"
BOOK_TITLE = "tef — CV"
# The CV as Word, plain text and Markdown (`make cv-docx cv-text cv-markdown`)
# shares the name.
work_history_cv_basename = BOOK_NAME
work_history_cv_title = BOOK_TITLE

# -- HTML ----------------------------------------------------------------------
html_theme = "furo"
html_title = "tef.computer"
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_favicon = "_static/favicon.svg"
html_show_sourcelink = False
html_copy_source = False
html_theme_options: dict[str, object] = {
    "top_of_page_buttons": [],
}
# Furo's sidebar has the downloads under its navigation
# (_templates/sidebar/navigation.html).

# The CV as Word, plain text and Markdown: written beside the HTML by
# `make dist` and by Read the Docs' build.jobs (.readthedocs.yaml).
CV_FILES = [
    ("docx", "Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("txt", "Text", "text/plain"),
    ("md", "Markdown", "text/markdown"),
]


def _downloads() -> list[dict[str, str]]:
    """Where the HTML links the PDFs, the ePub and the CV files of the same build.

    The full CV's PDF, then each variant's (`make cv` builds them), the ePub,
    then the CV as Word, text and Markdown. Read the Docs serves the PDF and
    the ePub from its own URLs, and the others beside the HTML
    (.readthedocs.yaml's build.jobs puts them there). Elsewhere they are all
    copies beside the HTML: `make dist` puts them there and builds with
    ``-t downloads``; a plain `make html` has none, so links none.
    """
    variants = [(f"pdf-{name}", f"PDF, {spec.get('label', name)}", f"{BOOK_NAME}-{name}.pdf",
                 "application/pdf") for name, spec in work_history_variants.items()]
    if ON_READTHEDOCS:
        lang = os.environ.get("READTHEDOCS_LANGUAGE", language)
        ver = os.environ.get("READTHEDOCS_VERSION", "latest")
        pdf, epub = (f"/_/downloads/{lang}/{ver}/{fmt}/" for fmt in ("pdf", "epub"))
    elif tags.has("downloads"):  # type: ignore[name-defined]  # noqa: F821 (Sphinx provides `tags`)
        pdf, epub = (f"{BOOK_NAME}.{fmt}" for fmt in ("pdf", "epub"))
    else:
        return []
    files = [(fmt, label, f"{BOOK_NAME}.{fmt}", mime) for fmt, label, mime in CV_FILES]
    books = [("pdf", "PDF", pdf, "application/pdf"), *variants,
             ("epub", "ePub", epub, "application/epub+zip"), *files]
    return [{"key": key, "label": label, "url": url, "type": mime}
            for key, label, url, mime in books]


html_context = {"downloads": _downloads()}

# -- Found and shared: description, OpenGraph, sitemap, 404 ---------------------
ogp_site_url = html_baseurl
ogp_site_name = project
# Social cards need matplotlib, which the site does not install. (On import,
# sphinxext-opengraph 0.13.0 prints a line saying so: a print, not a warning.)
ogp_social_cards = {"enable": False}
# Read the Docs' canonical URL already holds the language and version.
sitemap_url_scheme = "{link}"
sitemap_excludes = ["404.html", "search.html", "genindex.html"]
# Without a base URL there is no sitemap to write, so no sphinx-sitemap: it
# would say so as a warning on every build (even LaTeX and ePub), which -W
# makes fatal, and it starts a multiprocessing manager, a process of its own,
# on every build (a clean cv-pdf build took 0.15 s longer for it).
if not html_baseurl:
    extensions.remove("sphinx_sitemap")
# The 404 page is served at any address, so its links are absolute.
notfound_urls_prefix = urlsplit(html_baseurl).path or "/"
notfound_context = {
    "title": "Page not found",
    "body": (
        "<h1>Page not found</h1>\n"
        "<p>There is nothing at this address. The "
        f'<a href="{notfound_urls_prefix}index.html">home page</a> says who I am; '
        f'the <a href="{notfound_urls_prefix}pages/work-history.html">work history</a> '
        "lists the roles I've had.</p>"
    ),
}

# -- ePub ----------------------------------------------------------------------
epub_title = BOOK_TITLE
epub_author = author
epub_publisher = author
epub_contributor = author
epub_copyright = copyright
epub_description = "tef's CV: who I am, the roles I've had since 2007, and my writing."
# A stable identifier, so the book keeps its identity from build to build.
# Sphinx writes epub_uid as the NCX's dtb:uid, which epubcheck wants equal to
# the identifier, and as an XML id: so one value, a name that is both.
epub_uid = epub_identifier = f"{BOOK_NAME}-{uuid.uuid5(uuid.NAMESPACE_DNS, project)}"
epub_basename = BOOK_NAME
epub_show_urls = "no"
# The pages sit in a hidden toctree (the home page lists them itself): the
# ePub's navigation must still name them.
epub_tocscope = "includehidden"
# Sphinx keeps the previous build's info as .buildinfo.bak when the
# configuration changes, then warns that the ePub cannot package it.
epub_exclude_files = [".buildinfo.bak"]


# -- LaTeX: the PDF is a CV of at most three A4 pages ---------------------------
# LuaLaTeX: its font fallbacks and HarfBuzz set every script the HTML shows
# (pdflatex sets only what its 8-bit fonts have). _latex/tefcv.sty lays it out;
# _ext/pdf_fonts.py names the fonts.
latex_engine = "lualatex"
# Sphinx would pick pLaTeX's classes (jreport) for Japanese: LuaLaTeX sets it,
# as every script, in the standard classes with its fallback fonts.
latex_docclass = {"howto": "article", "manual": "report"}
latex_documents = [(root_doc, f"{BOOK_NAME}.tex", BOOK_TITLE, author, "howto", False)]
latex_additional_files = ["_latex/tefcv.sty"]
latex_show_urls = "no"
# The home page's opening line is set larger (tefcv.sty), as on the site.
latex_paragraph_classes = ["hero-lead"]
latex_show_pagerefs = False
latex_domain_indices = False
# The CV's header (the owner's name, label, email and web address) is made by
# sphinx-work-history from work_history_person, in place of a title page.
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "10pt",
    "extraclassoptions": "oneside",
    "fncychap": "",
    # TeX Gyre Pagella for the text, Heros for headings, then a font for every
    # other script (_ext/pdf_fonts.py).
    "fontpkg": pdf_fonts.fontpkg(),
    # babel, not polyglossia: its bidi=basic sets Hebrew and Arabic right to
    # left wherever they occur, with no markup.
    "polyglossia": "",
    "babel": r"\usepackage[bidi=basic]{babel}",
    "sphinxsetup": "hmargin={17mm,17mm}, vmargin={14mm,16mm}, "
                   "TitleColor={rgb}{0.1,0.1,0.1}, InnerLinkColor={rgb}{0.1,0.25,0.55}, "
                   "OuterLinkColor={rgb}{0.1,0.25,0.55}",
    "extrapackages": r"\usepackage{tefcv}",
    "tableofcontents": "",
    "makeindex": "",
    "printindex": "",
}
# Every character of the PDF's text must be in one of each chain's fonts,
# else a work_history.glyph warning says where it is.
work_history_latex_fonts = pdf_fonts.checked_fonts()
