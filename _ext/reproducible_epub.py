"""Byte-identical ePub files when ``SOURCE_DATE_EPOCH`` is set.

Sphinx already dates the ePub's metadata from ``SOURCE_DATE_EPOCH``, but
it zips the files with their modification times, which differ between
two builds. Once the ePub is written, this rewrites the archive with the
same entries, in the same order and compression, each dated
``SOURCE_DATE_EPOCH`` (what Debian's strip-nondeterminism does).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any
from zipfile import ZipFile, ZipInfo

from sphinx.application import Sphinx

from sphinx_work_history.model.dates import source_date_epoch

ZIP_EPOCH = 315532800  # 1980-01-01: a zip cannot hold an earlier date


def normalise_zip(path: Path, epoch: int) -> None:
    date_time = time.gmtime(max(epoch, ZIP_EPOCH))[:6]
    with ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    partial = path.with_name(path.name + ".part")
    with ZipFile(partial, "w") as target:
        for info, data in entries:
            fixed = ZipInfo(info.filename, date_time)
            fixed.compress_type = info.compress_type
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3  # Unix, whatever machine built it
            target.writestr(fixed, data)
    os.replace(partial, path)


def _normalise_epub(app: Sphinx, exception: BaseException | None) -> None:
    epoch = source_date_epoch()
    if exception is not None or app.builder.name != "epub" or epoch is None:
        return
    epub = Path(app.builder.outdir, f"{app.config.epub_basename}.epub")
    if epub.exists():
        normalise_zip(epub, int(epoch.timestamp()))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", _normalise_epub)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
