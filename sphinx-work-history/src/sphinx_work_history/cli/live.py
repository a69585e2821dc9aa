"""``sphinx-work-history live``: the CV rebuilt on each save, by one process.

`sphinx-build` starts afresh on each save: Python, Sphinx, the extensions, the
pickled environment, Typst's fonts. ``live`` starts them once and keeps them:
the Sphinx application and its environment stay in memory, so a save re-reads
the changed pages alone (Sphinx's incremental read, ``app.build()`` again), and
the CV is written again with the fonts Typst found at the first build.

The build runs in ``OUTDIR/.live`` (its doctrees and its output). Only a build
that succeeds (under ``-W``, with no warning either) is published: each CV file
is copied beside ``.live`` through a temporary file moved onto it in one step,
so a viewer never reads half a file and a failed build leaves the last good
CV in place. Warnings and errors go to the terminal with their file and line,
as ``sphinx-build`` says them; after a build that warned, the next one reads
every page again, so the warnings of the pages not edited are said again.

What is watched is polled (no dependency): every page Sphinx found and the
files they depend on (rebuild), the files beside ``conf.py`` (a new application,
its configuration read again), and the Python modules loaded from the project
or from this package (the process starts again).
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import signal
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # Sphinx is imported when a build starts, not for `new` or `import`
    from sphinx.application import Sphinx

PACKAGE = Path(__file__).resolve().parents[1]
STAGING = ".live"
#: Seconds between two looks at the watched files.
INTERVAL = 0.05

Stamp = tuple[int, int] | None  # a file's mtime (ns) and size; None when absent


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    live = commands.add_parser(
        "live", help="rebuild the CV in OUTDIR on each save",
        description="Build the CV of the project in SOURCEDIR into OUTDIR, then again each "
                    "time a page, a file it includes or conf.py changes, in one process that "
                    "keeps Sphinx and its environment: a save re-reads the changed pages "
                    "alone. A CV file is replaced in one step, and only by a build that "
                    "succeeds: a failed one leaves the last good CV in place. Ctrl-C stops.")
    live.add_argument("sourcedir", metavar="SOURCEDIR", type=Path)
    live.add_argument("outdir", metavar="OUTDIR", type=Path)
    live.add_argument("-b", dest="builder", default="cv-pdf",
                      help="a CV builder: cv-pdf (the default), cv-docx, cv-text, cv-markdown")
    live.add_argument("-D", dest="define", action="append", default=[], metavar="NAME=VALUE",
                      help="override a setting of conf.py, as sphinx-build's -D")
    live.add_argument("-t", dest="tags", action="append", default=[], metavar="TAG",
                      help="define a tag, as sphinx-build's -t")
    live.add_argument("-n", dest="nitpicky", action="store_true",
                      help="warn about every missing reference, as sphinx-build's -n")
    live.add_argument("-W", dest="strict", action="store_true",
                      help="a build that warns is a failed one: its CV is not published")
    live.add_argument("--once", action="store_true", help="build once, then stop")


class LiveBuild:
    """One Sphinx application building *builder* into *outdir*'s staging folder,
    and the CV files a successful build publishes into *outdir*."""

    def __init__(self, sourcedir: Path, outdir: Path, builder: str = "cv-pdf",
                 overrides: dict[str, object] | None = None, tags: Iterable[str] = (),
                 strict: bool = True, status: TextIO | None = None,
                 warning: TextIO | None = None) -> None:
        self.sourcedir, self.outdir = sourcedir.resolve(), outdir.resolve()
        self.staging = self.outdir / STAGING
        self.builder, self.overrides, self.tags = builder, dict(overrides or {}), list(tags)
        self.strict = strict
        self.status, self.warning = status, warning or sys.stderr
        self.app: Sphinx | None = None
        self.stamps: dict[Path, Stamp] = {}
        self.pages: set[Path] = set()
        self.suffix = ""  # the CV files' (the builder's)
        self.config_files: set[Path] = set()
        self.code_files: set[Path] = set()

    def start(self) -> Sphinx:
        """A new application (the configuration read again), on the kept environment."""
        from sphinx.application import Sphinx
        from sphinx.errors import SphinxError

        from ..outputs.cv.builder import CVBuilder

        app = Sphinx(self.sourcedir, self.sourcedir, self.staging / "out",
                     self.staging / "doctrees", self.builder, confoverrides=self.overrides,
                     status=self.status, warning=self.warning, freshenv=False,
                     warningiserror=self.strict, tags=self.tags, keep_going=True)
        if not isinstance(app.builder, CVBuilder):
            raise SphinxError(f"live builds a CV builder (cv-pdf, cv-docx, cv-text, "
                              f"cv-markdown), not {self.builder!r}")
        self.suffix = app.builder.suffix
        return app

    def build(self) -> list[Path] | None:
        """Build, and publish the CV if the build succeeded: the files published, or
        None when it failed."""
        try:
            if self.app is None:
                self.app = self.start()
            app = self.app
            app._warncount = 0  # each build says its own warnings
            app.statuscode = 0
            # The environment keeps the doctrees it read from disk: those of the pages
            # read again would be the old ones (sphinx.testing's application clears
            # them before each build too).
            app.env._pickled_doctree_cache.clear()
            app.env._write_doc_doctree_cache.clear()
            app.env.__dict__.pop("master_doctree", None)
            app.build()
        except Exception as exc:  # said in one line; the next save tries again
            self.say(f"the build failed: {one_line(exc)}; the last good CV stays")
            self.app = None
            self.watch()
            return None
        self.watch()
        if app.statuscode or (self.strict and app._warncount):
            # The pages not edited would not say their warnings again: read them all.
            app.env.reread_always.update(app.env.found_docs)
            self.say("the build failed (above); the last good CV stays")
            return None
        return self.publish(Path(app.outdir), self.suffix)

    def publish(self, built: Path, suffix: str) -> list[Path]:
        """Each CV file of *built* copied into the output folder, each moved onto its
        name in one step."""
        published = []
        for source in sorted(built.glob(f"*{suffix}")):
            target = self.outdir / source.name
            partial = self.outdir / f".{source.name}.{os.getpid()}.part"
            try:
                shutil.copyfile(source, partial)
                os.replace(partial, target)
            finally:
                partial.unlink(missing_ok=True)
            published.append(target)
        return published

    def watch(self) -> None:
        """Note what to watch, and how each file is now."""
        if self.app is not None:
            env = self.app.env
            self.pages = {Path(env.doc2path(doc)) for doc in env.found_docs}
            self.pages.update(Path(dep) for deps in env.dependencies.values() for dep in deps)
        pages = self.pages  # without an application, those of the last one
        confdir = self.sourcedir
        self.config_files = {path for path in confdir.iterdir() if path.is_file()
                             and not path.name.startswith(".")} - pages
        self.code_files = loaded_modules((confdir, PACKAGE))
        self.stamps = {path: stamp(path)
                       for path in pages | self.config_files | self.code_files}

    def changed(self) -> list[Path]:
        """The watched files changed since they were noted."""
        return [path for path, before in self.stamps.items() if stamp(path) != before]

    def say(self, text: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} live: {text}", file=self.warning, flush=True)


def stamp(path: Path) -> Stamp:
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size)


def loaded_modules(folders: Iterable[Path]) -> set[Path]:
    """The files of the Python modules loaded from *folders*."""
    within = tuple(f"{folder}{os.sep}" for folder in folders)
    files = set()
    for module in list(sys.modules.values()):
        name = getattr(module, "__file__", None)
        if name and name.endswith(".py") and os.path.abspath(name).startswith(within):
            files.add(Path(os.path.abspath(name)))
    return files


def one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def run(args: argparse.Namespace) -> int:
    overrides: dict[str, object] = {}
    for item in args.define:
        name, _, value = item.partition("=")
        overrides[name] = value
    if args.nitpicky:
        overrides["nitpicky"] = True
    live = LiveBuild(args.sourcedir, args.outdir, args.builder, overrides, args.tags,
                     strict=args.strict)
    written = live.build()
    for path in written or ():
        live.say(f"{path} written")
    if args.once:
        return 0 if written is not None else 1
    # Stopped by a signal, it exits as by Ctrl-C: the processes extensions started
    # (sphinx-sitemap's multiprocessing manager) end with it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    live.say(f"watching {args.sourcedir}; Ctrl-C stops")
    try:
        while True:
            time.sleep(INTERVAL)
            if not (changed := live.changed()):
                continue
            if any(path in live.code_files for path in changed):
                live.say("code changed: starting again")
                sys.stdout.flush()
                # What an exit would end first: the processes extensions started
                # (sphinx-sitemap's multiprocessing manager), which exec would orphan.
                atexit._run_exitfuncs()
                os.execv(sys.executable, sys.orig_argv)
            if any(path in live.config_files for path in changed):
                live.app = None  # conf.py, or a file it reads, is read again
            started = time.perf_counter()
            names = ", ".join(sorted(path.name for path in changed))
            if written := live.build():
                live.say(f"{', '.join(p.name for p in written)} written "
                         f"{time.perf_counter() - started:.2f} s after {names} changed")
    except KeyboardInterrupt:
        return 0
