"""What the builders of the CV as one file share: read it all, write it once.

Like Sphinx's ``singlehtml`` and ``latex`` builders, a `CVBuilder` writes
no file per document: every build is of the whole CV (`cv_document.CV`),
written to ``work_history_cv_basename`` plus the builder's suffix in the
output directory (through a file beside it, moved onto it once complete: a
build that fails midway never leaves a half-written CV). Its format, ``cv``,
is a tag ``only`` blocks can name.

The CV leaves out the pages ``work_history_exclude_docs`` names (pages of
examples), so a CV builder does not read them: Sphinx leaves the builder's
asset paths out of the documents it finds. A ``{doc}`` link to one of those
pages is its text, as every link to another page is in a CV file.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Set
from contextlib import contextmanager
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import docname_join, logging
from sphinx.util.matching import Matcher
from sphinx.util.osutil import make_filename_from_project

from ...config.applications import application_file
from ...config.settings import work_history_config
from ...model.cv_model import CV
from ...model.letter import Letter
from .document import read_cv
from .letter import in_language, letter_language, read_letter

logger = logging.getLogger(__name__)


@contextmanager
def _collector_skips_what_is_read() -> Iterator[None]:
    """The objects alive when the CV's writing starts (the environment, what the
    reading made) left out of the garbage collector's passes until it ends. Each pass
    would walk them all again, and there are more passes the larger the CV: its writing
    grew faster than its entries (5,000 entries: a quarter of the builder's CPU time).
    Thawed after, for a process that builds again (`sphinx-work-history live`)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class CVBuilder(Builder):
    format = "cv"
    suffix = ""
    #: The photo files it embeds; a photo at a web address is fetched for it
    #: (photo.py). Empty: it gives the photo by its address, or shows none.
    photo_types: tuple[str, ...] = ()
    epilog = "The CV is in %(outdir)s."

    def get_asset_paths(self) -> list[str]:
        # Never read: the pages the CV leaves out, in each source suffix.
        return [pattern + suffix for pattern in work_history_config(self.config).exclude_docs
                for suffix in self.config.source_suffix]

    def get_outdated_docs(self) -> str:
        return "the whole CV"  # one file, from every document: always written

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return ""  # one file: a reference to another page is text, not a link

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        pass  # the whole CV is written at once (write_documents)

    @property
    def target(self) -> Path:
        """The CV's file: BOOK, or BOOK-cv-NAME in the build of application NAME."""
        application = work_history_config(self.config).application
        book = cv_basename(self.config)
        name = application_file(book, "cv", application) if application else book
        return Path(self.outdir, name + self.suffix)

    @property
    def letter_target(self) -> Path:
        """The letter's file, in the build of application NAME: BOOK-letter-NAME."""
        application = work_history_config(self.config).application
        name = application_file(cv_basename(self.config), "letter", application)
        return Path(self.outdir, name + self.suffix)

    def write_documents(self, _docnames: Set[str]) -> None:
        with _collector_skips_what_is_read():
            cv = read_cv(self)
            self.write_whole(self.target, lambda partial: self.write_cv(cv, partial))
            application = work_history_config(self.config).current_application
            if application is None:
                return
            with in_language(self, letter_language(self, application)):
                if (letter := read_letter(self, application)) is not None:
                    self.write_whole(self.letter_target,
                                     lambda partial: self.write_letter(letter, partial))

    def write_whole(self, target: Path, write: Callable[[Path], bool]) -> None:
        """*write* to a file beside *target*, then moved onto it in one step: a build
        that fails midway leaves no half-written file, and the last complete one in
        place."""
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.stem}.{os.getpid()}.part{target.suffix}")
        try:
            if write(partial):
                os.replace(partial, target)
                logger.info("%s written", target.name)
        finally:
            partial.unlink(missing_ok=True)

    def write_letter(self, letter: Letter, path: Path) -> bool:
        """Write *letter* to *path*; False when it could not be made."""
        raise NotImplementedError

    def write_cv(self, cv: CV, path: Path) -> bool:
        """Write *cv* to *path*; False when it could not be made (the builder has
        said why, and failed the build)."""
        raise NotImplementedError


#: The longest file name (before its suffix) a CV takes from the project's name.
BASENAME_LENGTH = 60


def cv_basename(config: Config) -> str:
    return work_history_config(config).cv_basename or default_basename(config.project)


def default_basename(project: str) -> str:
    """The project's name as a file name (as Sphinx names its LaTeX file), of its
    words as many as fit in `BASENAME_LENGTH` characters: the name in the CV's
    text stays whole, the file name stays one any system can write."""
    name = make_filename_from_project(project)
    if len(name) <= BASENAME_LENGTH:
        return name
    words = project.split()
    for count in range(len(words) - 1, 0, -1):
        name = make_filename_from_project(" ".join(words[:count]))
        if len(name) <= BASENAME_LENGTH:
            return name
    return name[:BASENAME_LENGTH]  # one word longer than that


def _link_to_left_out_page(app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref,
                           contnode: nodes.TextElement) -> nodes.Node | None:
    """A ``{doc}`` link to a page the CV leaves out (and its builder did not read) is
    its text."""
    if not isinstance(app.builder, CVBuilder) or node.get("reftype") != "doc":
        return None
    target = docname_join(node.get("refdoc", ""), node["reftarget"])
    if Matcher(work_history_config(env.config).exclude_docs)(target):
        return contnode
    return None


def setup_cv_builder(app: Sphinx) -> None:
    app.connect("missing-reference", _link_to_left_out_page)
