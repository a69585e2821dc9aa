"""The ``cv-downloads`` directive: the HTML site's links to the CV as files.

    :::{cv-downloads} Download the CV:
    :::

On the HTML site it is a paragraph: its argument, then a link to each file
of the CV there is (the PDF, the ePub, the Word document, the text and the
Markdown), between middle dots; with none, nothing. Every other build (the
ePub, the PDF, the CV files) leaves it out: they are the files.

Where a file is, for the site's build:

* on Read the Docs (``READTHEDOCS`` set), where a generated project's
  ``.readthedocs.yaml`` puts it: the PDF and the ePub at Read the Docs'
  own addresses (``/_/downloads/<language>/<version>/pdf/``), the Word,
  text and Markdown files beside the HTML (its ``post_build`` jobs write
  them there once the site is built);
* elsewhere, the file that is there when the page is written: in the
  folder beside the site's that ``make`` (``sphinx -M``) gives its builder
  (``_build/cv-pdf/`` beside ``_build/html/``; ``latex/`` for Sphinx's own
  PDF, ``epub/``), which is copied into the site, so the published site
  holds what it links; or already in the site's folder.

The page is read again at every build (``note_reread``), so it links the
files the last builds made; a file named after ``work_history_cv_basename``
(the PDF's, the ePub's and LaTeX's as their settings name them).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from ...config.messages import warn
from ..cv.builder import cv_basename
from ..jsonresume.export import publishes_site

#: Read the Docs' address of the PDF and the ePub it builds, by format.
READTHEDOCS_DOWNLOAD = "/_/downloads/{language}/{version}/{format}/"


class cv_downloads(nodes.General, nodes.Element):
    """Placeholder for the links; its children are the argument's text. Replaced
    at doctree-resolved, in every build."""


@dataclass(frozen=True)
class Download:
    label: str
    target: str  # a file name at the site's root, or an address from the server's root
    source: Path | None = None  # the file to copy to the site's root first


def _latex_pdf(config: Config) -> str:
    """The PDF file Sphinx's LaTeX builder makes of the root document, or ''."""
    for document in getattr(config, "latex_documents", None) or ():
        if (isinstance(document, (tuple, list)) and len(document) > 1
                and document[0] == config.root_doc and isinstance(document[1], str)):
            return str(Path(document[1]).with_suffix(".pdf"))
    return ""


def _candidates(config: Config) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each format's label, and where ``sphinx -M`` leaves its file: (folder, file)."""
    book = cv_basename(config)
    epub = getattr(config, "epub_basename", "") or ""
    return [
        ("PDF", [("cv-pdf", f"{book}.pdf"), ("latex", _latex_pdf(config))]),
        ("ePub", [("epub", f"{epub}.epub" if epub else "")]),
        ("Word", [("cv-docx", f"{book}.docx")]),
        ("Text", [("cv-text", f"{book}.txt")]),
        ("Markdown", [("cv-markdown", f"{book}.md")]),
    ]


def _on_readthedocs(config: Config) -> list[Download]:
    language = os.environ.get("READTHEDOCS_LANGUAGE") or config.language or "en"
    version = os.environ.get("READTHEDOCS_VERSION") or "latest"
    found = []
    for label, places in _candidates(config):
        if label in ("PDF", "ePub"):
            found.append(Download(label, READTHEDOCS_DOWNLOAD.format(
                language=language, version=version, format=label.lower())))
        else:
            found.append(Download(label, places[0][1]))
    return found


def downloads(config: Config, outdir: Path) -> list[Download]:
    """The CV's files the site at *outdir* links, in the order they are shown."""
    if os.environ.get("READTHEDOCS") == "True":
        return _on_readthedocs(config)
    found = []
    for label, places in _candidates(config):
        # A file name, never a path: nothing but the builds' own files is copied.
        places = [(folder, name) for folder, name in places if name and Path(name).name == name]
        built = next((outdir.parent / folder / name for folder, name in places
                      if (outdir.parent / folder / name).is_file()), None)
        if built is not None:
            found.append(Download(label, built.name, built))
        elif present := next((name for _, name in places if (outdir / name).is_file()), ""):
            found.append(Download(label, present))
    return found


class CVDownloadsDirective(SphinxDirective):
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        # The files change without the page: it is written again at every build.
        self.env.note_reread()
        node = cv_downloads()
        if self.arguments:
            text, messages = self.parse_inline(self.arguments[0], lineno=self.lineno)
            node.extend(text)
            node.extend(messages)
        self.set_source_info(node)
        return [node]


def _copied(download: Download, outdir: Path, node: nodes.Node) -> bool:
    if download.source is None:
        return True
    try:
        shutil.copyfile(download.source, outdir / download.target)
    except OSError as exc:
        warn("left_out", f"cv-downloads: {download.source} cannot be copied into the site "
             f"({exc.strerror or exc}); it is not linked", node)
        return False
    return True


def _resolve(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(cv_downloads))
    if not placeholders:
        return
    outdir = Path(app.builder.outdir)
    found = downloads(app.config, outdir) if publishes_site(app.builder) else []
    for node in placeholders:
        links = [download for download in found if _copied(download, outdir, node)]
        if not links:
            node.parent.remove(node)
            continue
        line = nodes.paragraph(classes=["wh-downloads"])
        if node.children:
            line.extend(node.children)
            line += nodes.Text(" ")
        for index, download in enumerate(links):
            if index:
                line += nodes.Text(" · ")
            uri = download.target if download.target.startswith("/") else relative_uri(
                app.builder.get_target_uri(docname), download.target)
            line += nodes.reference(download.label, download.label, refuri=uri,
                                    classes=["wh-download"])
        line.source, line.line = node.source, node.line
        node.replace_self(line)


def setup_downloads(app: Sphinx) -> None:
    app.add_node(cv_downloads)
    app.add_directive("cv-downloads", CVDownloadsDirective)
    app.connect("doctree-resolved", _resolve)
