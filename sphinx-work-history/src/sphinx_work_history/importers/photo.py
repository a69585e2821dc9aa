"""An imported résumé's photo, kept in the project.

JSON Resume's ``basics.image`` and RenderCV's ``cv.photo`` name the photo by
its web address. `store_photo` fetches it (outputs/photo.py's `download`:
within a time limit and a size cap, and only a JPEG, PNG, GIF or WebP image,
by its content type and its first bytes) and keeps it as
``_static/photo`` plus the suffix of its type: a name of ours, never one
from the address. Then every format has the photo without the network.
When it cannot be fetched, the project names the photo by its address, as
the file does (the HTML shows it from there; the builders that embed a file
try again), and a note says why.
"""

from __future__ import annotations

from ..config.options import is_web_url
from ..outputs.photo import PhotoError, download
from . import Project

#: The project's folder for the photo.
PHOTO_DIR = "_static"


def store_photo(project: Project) -> None:
    """Fetch the photo *project*'s person names by its web address into the project's
    files, and name that file instead; a note either way."""
    url = project.person.get("image", "")
    if not is_web_url(url):
        return
    try:
        fetched = download(url)
    except PhotoError as exc:
        project.notes.append(f"{project.photo_at}: could not fetch {url}: {exc}; "
                             "person.json names the photo by its address")
        return
    path = f"{PHOTO_DIR}/photo{fetched.suffix}"
    project.files[path] = fetched.data
    project.person["image"] = path
    project.notes.append(f"{project.photo_at}: {url} is kept in the project as {path}")
