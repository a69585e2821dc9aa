"""A photo at a web address, fetched for the formats that embed a file.

The HTML shows ``work_history_person['image']`` by its address, and the
Markdown CV links it; the LaTeX PDF, the Word CV and the Typst PDF embed a
file. For those builders the photo is fetched when the builder starts, as
Sphinx's own image downloader fetches a remote image
(``sphinx.transforms.post_transforms.images.ImageDownloader``): with
``sphinx.util.requests`` (the project's ``user_agent``, ``tls_verify`` and
``tls_cacerts``), kept in the doctree folder's ``images/`` and asked for
again only if modified since. Then it is copied to the output, where a photo
of the project goes (contact.py): ``workhistory-photo`` plus its suffix.
The CV builders say which types they embed (``photo_types``); the LaTeX
header asks for its photo itself, when it is the header in place
(latex/header.py).

Unlike a page's image, the photo comes from data (an imported résumé), so
what is fetched must be a photo: at most `MAX_BYTES`, within `TIMEOUT`
seconds, declared an image by its content type, and a JPEG, PNG, GIF or
WebP image by its first bytes. SVG is refused: it is a document, which can
hold scripts and fetch other files, and neither LaTeX nor Word shows it.
The file's name is always ours, from its type, never from the address.

A photo that cannot be fetched, or is of a type the format cannot show, is a
``work_history.photo`` warning naming the address; the output has no photo.
``sphinx-work-history import`` fetches with `download` too (importers/photo.py).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias, overload

from sphinx.application import Sphinx
from sphinx.builders import Builder

from ..config.messages import conf_location, warn
from ..config.options import is_web_url
from ..config.settings import work_history_config
from .html.contact import PHOTO_NAME

if TYPE_CHECKING:
    from requests import Response

#: The largest photo fetched: a CV's photo is a few hundred kilobytes.
MAX_BYTES = 5 * 1024 * 1024
#: Seconds to wait for a connection, and then for each part of the answer.
TIMEOUT = 10
#: The first bytes of each image type fetched, and the suffix it is kept under.
SIGNATURES = ((b"\xff\xd8\xff", ".jpg"), (b"\x89PNG\r\n\x1a\n", ".png"),
              (b"GIF87a", ".gif"), (b"GIF89a", ".gif"))
TYPE_NAMES = {".jpg": "JPEG", ".png": "PNG", ".gif": "GIF", ".webp": "WebP"}
#: What each builder calls the file it embeds the photo in.
FORMAT_NAMES = {"latex": "the PDF", "cv-pdf": "the PDF", "cv-docx": "the Word file"}


class PhotoError(Exception):
    """A photo that could not be fetched; the message is why, in a few words."""


@dataclass(frozen=True)
class Fetched:
    data: bytes
    suffix: str  # from its first bytes: ".jpg", ".png", ".gif" or ".webp"
    modified: float | None  # its Last-Modified, as a timestamp


def image_suffix(data: bytes) -> str:
    """The suffix of the image *data* starts as, or '' when it is none of those fetched."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ".webp"
    return next((suffix for magic, suffix in SIGNATURES if data.startswith(magic)), "")


TLS: TypeAlias = tuple[bool, str | dict[str, str] | None]


@overload
def download(url: str, *, user_agent: str = ..., tls: TLS = ...,
             modified_since: None = None) -> Fetched: ...
@overload
def download(url: str, *, user_agent: str = ..., tls: TLS = ...,
             modified_since: float) -> Fetched | None: ...
def download(url: str, *, user_agent: str = "", tls: TLS = (True, None),
             modified_since: float | None = None) -> Fetched | None:
    """The photo at *url*, or None when the server says it is not modified since
    *modified_since*; `PhotoError` when it cannot be had, or is not a photo."""
    import requests
    from sphinx.util import requests as sphinx_requests
    from sphinx.util.http_date import epoch_to_rfc1123

    headers = {"Accept": "image/jpeg, image/png, image/gif, image/webp"}
    if modified_since is not None:
        headers["If-Modified-Since"] = epoch_to_rfc1123(modified_since)
    try:
        with sphinx_requests.get(url, headers=headers, stream=True, timeout=TIMEOUT,
                                 _user_agent=user_agent, _tls_info=tls) as response:
            if response.status_code == 304 and modified_since is not None:
                return None
            if response.status_code >= 400:
                raise PhotoError(f"the server answered {response.status_code} "
                                 f"{response.reason or ''}".rstrip())
            kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if not kind.startswith("image/"):
                raise PhotoError(f"it is {kind or 'of no declared type'}, not an image")
            data = _read(response)
    except requests.Timeout:
        raise PhotoError(f"no answer within {TIMEOUT} seconds") from None
    except requests.RequestException as exc:
        raise PhotoError(_why(exc)) from None
    except ValueError:  # an address http.client or urllib3 cannot send
        raise PhotoError("not an address that can be fetched") from None
    suffix = image_suffix(data)
    if not suffix:
        raise PhotoError(f"it is not a JPEG, PNG, GIF or WebP image ({kind})")
    return Fetched(data, suffix, _timestamp(response.headers.get("Last-Modified", "")))


def _read(response: Response) -> bytes:
    """The body, up to `MAX_BYTES` and within `TIMEOUT` seconds: a larger or a
    slower one is refused as soon as it is seen."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        raise PhotoError(f"it is {int(declared):,} bytes; a photo may be {MAX_BYTES:,}")
    deadline = time.monotonic() + TIMEOUT
    data = bytearray()
    for chunk in response.iter_content(64 * 1024):
        data += chunk
        if len(data) > MAX_BYTES:
            raise PhotoError(f"it is more than {MAX_BYTES:,} bytes, the most a photo may be")
        if time.monotonic() > deadline:
            raise PhotoError(f"it did not all come within {TIMEOUT} seconds")
    return bytes(data)


def _why(exc: Exception) -> str:
    """What went wrong, in a few words: requests' messages run to several lines of
    nested reprs."""
    from requests import ConnectionError, TooManyRedirects

    if isinstance(exc, TooManyRedirects):
        return "too many redirects"
    if "timed out" in str(exc):  # a read that timed out, as iter_content says it
        return f"no answer within {TIMEOUT} seconds"
    if isinstance(exc, ConnectionError):
        found = re.search(r"\[Errno -?\d+\] ([^'\")\]]+)", str(exc))
        return f"could not connect ({found[1].strip()})" if found else "could not connect"
    return type(exc).__name__


def _timestamp(value: str) -> float | None:
    try:
        return parsedate_to_datetime(value).timestamp() if value else None
    except (TypeError, ValueError, IndexError):
        return None


def photo_types(builder: Builder) -> tuple[str, ...]:
    """The photo files a CV builder embeds (its ``photo_types``); () when it shows a
    photo at a web address by its address, or none at all. (The LaTeX header asks
    for its own: latex/header.py.)"""
    return tuple(getattr(builder, "photo_types", ()))


def fetched_photo(outdir: str | Path) -> Path | None:
    """The copy of a fetched photo in *outdir*, if this build has one."""
    return next((path for suffix in TYPE_NAMES
                 if (path := Path(outdir, PHOTO_NAME + suffix)).is_file()), None)


def cached_photo(app: Sphinx, url: str) -> Path:
    """The photo at *url*, fetched into the doctree folder's ``images/`` (or as kept
    there, if not modified since); `PhotoError` when it cannot be had."""
    folder = Path(app.doctreedir, "images", hashlib.sha1(url.encode(), usedforsecurity=False)
                  .hexdigest())
    kept = next(iter(sorted(folder.glob("photo.*"))), None)
    config = app.config
    fetched = download(url, user_agent=config.user_agent,
                       tls=(config.tls_verify, config.tls_cacerts),
                       modified_since=kept.stat().st_mtime if kept else None)
    if fetched is None and kept is not None:
        return kept
    if fetched is None:
        raise PhotoError("the server answered 304 Not Modified to a first request")
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("photo.*"):
        old.unlink()
    path = folder / f"photo{fetched.suffix}"
    path.write_bytes(fetched.data)
    if fetched.modified is not None:
        os.utime(path, (fetched.modified, fetched.modified))
    return path


def fetch_to_output(app: Sphinx, url: str, types: tuple[str, ...]) -> Path | None:
    """The photo at *url*, fetched (or as cached) and copied to the builder's output
    as ``workhistory-photo`` plus its suffix, one of *types*; None, with a warning
    naming *url*, when it cannot be had or is of another type."""
    outdir = Path(app.builder.outdir)
    for old in outdir.glob(PHOTO_NAME + ".*"):
        old.unlink()  # a photo an earlier build fetched, or copied from the project
    where = conf_location(app.confdir, "work_history_person")
    shown_in = FORMAT_NAMES.get(app.builder.name, "the output")
    try:
        path = cached_photo(app, url)
    except PhotoError as exc:
        warn("photo", f"work_history_person['image']: could not fetch {url}: {exc}; "
             f"{shown_in} has no photo", where)
        return None
    if path.suffix not in types:
        warn("photo", f"work_history_person['image']: {url} is a {TYPE_NAMES[path.suffix]} "
             f"image, which {shown_in} cannot show; it has no photo", where)
        return None
    outdir.mkdir(parents=True, exist_ok=True)
    copy = outdir / (PHOTO_NAME + path.suffix)
    shutil.copyfile(path, copy)
    return copy


def _fetch_for_cv_builder(app: Sphinx) -> None:
    url = work_history_config(app.config).person.get("image", "")
    if is_web_url(url) and (types := photo_types(app.builder)):
        fetch_to_output(app, url, types)


def setup_photo(app: Sphinx) -> None:
    app.connect("builder-inited", _fetch_for_cv_builder)
