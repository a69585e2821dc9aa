"""Putting a new project's files in its folder: all of them, or none.

A folder that is not there yet is written as a hidden folder beside it (on
the same file system), renamed to its name once every file is in it. A
folder that is there (empty, or holding anything with ``--force``) gets a
hidden staging folder inside it; once every file is written there, each is
moved into place, and a file (or folder) it replaces is first moved into
``.sphinx-work-history-backup/<time>/``. A failure at any step undoes the
steps before it, so the folder is left as it was, and is said in one line
naming the path.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path, PurePosixPath

from ..importers import InputError

BACKUP = ".sphinx-work-history-backup"
# A run stopped before it could clean up (killed) leaves one; the next ignores it.
STAGING = ".sphinx-work-history-staging-"
# What a Sphinx project's pages are written in, with MyST.
PAGE_SUFFIXES = (".md", ".rst")


@dataclass
class Replaced:
    path: str  # relative to the project, as a POSIX path
    kept_as: Path  # where the replaced file is now


def check_target(folder: Path, force: bool) -> bool:
    """Whether *folder* is there (a folder the project may go in) or not (it may be
    made); InputError, with nothing written, if it cannot hold the project."""
    try:
        return _check_target(folder, force)
    except OSError as exc:
        raise InputError(f"{exc.filename or folder}: {exc.strerror or exc}; nothing written"
                         ) from None


def _check_target(folder: Path, force: bool) -> bool:
    if folder.is_symlink() and not folder.exists():
        raise InputError(f"{folder}: a symbolic link to {os.readlink(folder)}, which is not "
                         "there; nothing written")
    if folder.exists():
        if not folder.is_dir():
            raise InputError(f"{folder}: not a folder; nothing written")
        if not force and any(not entry.name.startswith(STAGING) for entry in folder.iterdir()):
            raise InputError(f"{folder}: not empty; nothing written (--force writes the "
                             "project's files into it, keeping each file it replaces in "
                             f"{BACKUP}/)")
        return True
    for parent in folder.parents:
        if parent.is_symlink() and not parent.exists():
            raise InputError(f"{folder}: {parent} is a symbolic link to "
                             f"{os.readlink(parent)}, which is not there; nothing written")
        if parent.exists():
            if not parent.is_dir():
                raise InputError(f"{folder}: {parent} is not a folder; nothing written")
            break
    return False


def pages_in(folder: Path) -> list[str]:
    """The pages in *folder* Sphinx would read (docnames, sorted): every .md and .rst
    file but the top README.md, and those in _build or in a hidden folder."""
    found = []
    seen: set[tuple[int, int]] = set()
    for root, dirs, names in os.walk(folder, followlinks=True):
        here = Path(root)
        identity = (os.stat(here).st_dev, os.stat(here).st_ino)
        if identity in seen:  # a link back to a folder already read
            dirs[:] = []
            continue
        seen.add(identity)
        top = here == folder
        dirs[:] = [d for d in dirs if not d.startswith(".") and not (top and d == "_build")]
        for name in names:
            path = PurePosixPath((here / name).relative_to(folder).as_posix())
            if (path.suffix in PAGE_SUFFIXES and not name.startswith(".")
                    and str(path) != "README.md"):
                found.append(str(path.with_suffix("")))
    return sorted(found)


def write_files(folder: Path, files: dict[str, bytes], exists: bool) -> list[Replaced]:
    """Put *files* (relative POSIX path -> content) in *folder*; those replaced (only
    when *exists*), each now in the backup folder. InputError, with *folder* as it
    was, if any step fails."""
    staging: list[Path] = []  # the staging folder, once made
    try:
        if exists:
            return _write_into(folder, files, staging)
        _write_new(folder, files, staging)
        return []
    except OSError as exc:
        raise InputError(f"{_where(exc, staging, folder)}: {exc.strerror or exc}; "
                         "nothing written") from None


def _where(exc: OSError, staging: list[Path], folder: Path) -> str:
    """The path *exc* is about, one in *folder* for one in the staging folder."""
    if exc.filename is None:
        return str(folder)
    path = Path(os.fsdecode(exc.filename))
    if staging and path.is_relative_to(staging[0]):
        return str(folder / path.relative_to(staging[0]))
    return str(path)


def _write_new(folder: Path, files: dict[str, bytes], staging: list[Path]) -> None:
    made = _make_folders(folder.parent)
    try:
        staging.append(_fresh_folder(folder.parent, STAGING))
        _fill(staging[0], files)
        staging[0].rename(folder)
    except BaseException:
        if staging:
            shutil.rmtree(staging[0], ignore_errors=True)
        _remove_empty(made)
        raise


def _write_into(folder: Path, files: dict[str, bytes], staging: list[Path]) -> list[Replaced]:
    undo: list[Callable[[], object]] = []  # each step's undoing, in the order done
    replaced: list[Replaced] = []
    backup: list[Path] = []  # this run's backup folder, once made
    try:
        staging.append(_fresh_folder(folder, STAGING))
        _fill(staging[0], files)
        for relative, data in files.items():
            target = folder / relative
            if _holds(target, data):
                continue
            for blocker in _in_the_way(folder, relative):
                if not backup:
                    backup.append(_backup_folder(folder, undo))
                kept = backup[0] / blocker
                _remove_empty_on_undo(_make_folders(kept.parent), undo)
                (folder / blocker).rename(kept)
                undo.append(partial(kept.rename, folder / blocker))
                replaced.append(Replaced(blocker, kept))
            _remove_empty_on_undo(_make_folders(target.parent), undo)
            (staging[0] / relative).rename(target)
            undo.append(target.unlink)
    except BaseException:
        for step in reversed(undo):
            with contextlib.suppress(OSError):
                step()
        raise
    finally:
        if staging:
            shutil.rmtree(staging[0], ignore_errors=True)
    return replaced


def _holds(path: Path, data: bytes) -> bool:
    """*path* is a file (not a link) that holds *data* already: nothing to replace."""
    try:
        return (not path.is_symlink() and path.is_file()
                and path.stat().st_size == len(data) and path.read_bytes() == data)
    except OSError:
        return False


def _in_the_way(folder: Path, relative: str) -> Iterator[str]:
    """What stands where *relative* goes: a file (or a link to nothing) named as one of
    its folders, or anything of its own name."""
    parts = PurePosixPath(relative).parts
    for end in range(1, len(parts)):
        path = folder.joinpath(*parts[:end])
        if (path.is_symlink() and not path.exists()) or (path.exists() and not path.is_dir()):
            yield "/".join(parts[:end])
            return
    if os.path.lexists(folder / relative):
        yield relative


def _backup_folder(folder: Path, undo: list[Callable[[], object]]) -> Path:
    """A new folder of this run's backups: .sphinx-work-history-backup/<time>."""
    _remove_empty_on_undo(_make_folders(folder / BACKUP), undo)
    stamp = datetime.now().strftime("%Y-%m-%dT%H-%M-%S")
    for suffix in ("", *(f"-{n}" for n in range(2, 100))):
        path = folder / BACKUP / (stamp + suffix)
        try:
            path.mkdir()
        except FileExistsError:
            continue
        _remove_empty_on_undo([path], undo)
        return path
    raise FileExistsError(17, "a backup folder of every name is there already",
                          str(folder / BACKUP / stamp))


def _fresh_folder(parent: Path, prefix: str) -> Path:
    """A new, empty folder in *parent*, made with the usual permissions (mkdtemp's are
    the owner's only, which the project would keep)."""
    while True:
        path = parent / (prefix + secrets.token_hex(4))
        try:
            path.mkdir()
            return path
        except FileExistsError:
            continue
        except OSError as exc:  # said of the folder that cannot hold it
            raise OSError(exc.errno, exc.strerror, str(parent)) from None


def _fill(staging: Path, files: dict[str, bytes]) -> None:
    for relative, data in files.items():
        path = staging / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _make_folders(path: Path) -> list[Path]:
    """Make *path* and those of its parents not there; those made, outermost first."""
    missing = []
    while not path.is_dir() and path != path.parent:
        missing.append(path)
        path = path.parent
    made: list[Path] = []
    try:
        for folder in reversed(missing):
            folder.mkdir()
            made.append(folder)
    except BaseException:
        _remove_empty(made)
        raise
    return made


def _remove_empty(folders: list[Path]) -> None:
    """Remove *folders* (outermost first), innermost first, each if empty."""
    for folder in reversed(folders):
        with contextlib.suppress(OSError):
            folder.rmdir()


def _remove_empty_on_undo(folders: list[Path], undo: list[Callable[[], object]]) -> None:
    for folder in folders:
        undo.append(folder.rmdir)
