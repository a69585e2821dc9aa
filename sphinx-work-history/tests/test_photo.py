"""A photo at a web address: kept in the project by `import`, fetched by the builders
that embed a file (LaTeX, cv-docx, cv-pdf), and one located warning naming the address
when it cannot be had. Never the network: a server on 127.0.0.1 serves the photos, and
a port nothing listens on is the address that cannot be reached."""

from __future__ import annotations

import base64
import json
import socket
import threading
import time
from collections.abc import Iterator
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sphinx_work_history.cli import main
from sphinx_work_history.outputs import photo
from sphinx_work_history.testing import build, line_of, work_history_warnings

ROOTS = Path(__file__).resolve().parent / "roots"
PNG = (ROOTS / "test-kinds" / "photo.png").read_bytes()  # 16 pixels of one colour
# The first bytes of each type, as the checks read them (the import keeps the bytes).
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
GIF = base64.b64decode("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==")
WEBP = base64.b64decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
MODIFIED = 1_700_000_000  # the photos' Last-Modified

# path -> (content type, body)
SERVED = {
    "/me.png": ("image/png", PNG),
    "/me.jpg": ("image/jpeg", JPEG),
    "/avatar?s=200": ("image/gif", GIF),  # no suffix in the address: the type names it
    "/me.webp": ("image/webp", WEBP),
    "/me.svg": ("image/svg+xml", SVG),
    "/page.html": ("text/html; charset=utf-8", b"<html><body>not a photo</body></html>"),
    "/lies.png": ("image/png", b"<html>a page that says it is a PNG</html>"),
}


class Server:
    """The photos of `SERVED`, on 127.0.0.1; each request's path and If-Modified-Since."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str | None]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                since = self.headers.get("If-Modified-Since")
                server.requests.append((self.path, since))
                if self.path == "/slow.png":
                    time.sleep(1)  # past the time limit the test sets
                if self.path not in SERVED:
                    self.send_error(404)
                    return
                if since and parsedate_to_datetime(since).timestamp() >= MODIFIED:
                    self.send_response(304)
                    self.end_headers()
                    return
                kind, body = SERVED[self.path]
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Last-Modified", formatdate(MODIFIED, usegmt=True))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    served = Server()
    thread = threading.Thread(target=served.httpd.serve_forever, daemon=True)
    thread.start()
    yield served
    served.httpd.shutdown()
    served.httpd.server_close()
    thread.join()


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (taken, then let go)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- import -----------------------------------------------------------------------

def import_with_photo(tmp_path: Path, url: str, capsys: pytest.CaptureFixture[str],
                      rendercv: bool = False) -> tuple[Path, list[str]]:
    """Import a résumé whose photo is *url*: the project, and the notes printed."""
    if rendercv:
        source = tmp_path / "cv.yaml"
        source.write_text(f"cv:\n  name: Ada Example\n  email: ada@example.org\n"
                          f"  photo: {url}\n", encoding="utf-8")
    else:
        source = tmp_path / "resume.json"
        source.write_text(json.dumps({"basics": {"name": "Ada Example", "image": url,
                                                 "email": "ada@example.org"}}),
                          encoding="utf-8")
    assert main(["import", str(source), str(tmp_path / "cv")]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return tmp_path / "cv", [line for line in err.splitlines() if "note:" in line]


@pytest.mark.parametrize(("path", "body", "suffix"), [
    ("/me.png", PNG, ".png"), ("/me.jpg", JPEG, ".jpg"), ("/avatar?s=200", GIF, ".gif"),
    ("/me.webp", WEBP, ".webp")], ids=["png", "jpeg", "gif", "webp"])
def test_import_keeps_the_photo_in_the_project(tmp_path, capsys, server, path, body, suffix):
    url = server.url + path
    project, notes = import_with_photo(tmp_path, url, capsys)
    person = json.loads((project / "person.json").read_text(encoding="utf-8"))
    assert person["image"] == f"_static/photo{suffix}"  # our name, never the address's
    assert (project / "_static" / f"photo{suffix}").read_bytes() == body
    assert [p.name for p in (project / "_static").iterdir()] == [f"photo{suffix}"]
    assert notes == [f"sphinx-work-history: note: {tmp_path / 'resume.json'}: basics.image: "
                     f"{url} is kept in the project as _static/photo{suffix}"]


def test_import_keeps_rendercv_s_photo_in_the_project(tmp_path, capsys, server):
    project, notes = import_with_photo(tmp_path, server.url + "/me.png", capsys, rendercv=True)
    assert json.loads((project / "person.json").read_text())["image"] == "_static/photo.png"
    assert (project / "_static" / "photo.png").read_bytes() == PNG
    assert f"{tmp_path / 'cv.yaml'}: cv.photo: " in notes[0]


@pytest.mark.parametrize(("path", "why"), [
    ("/page.html", "it is text/html, not an image"),
    ("/me.svg", "it is not a JPEG, PNG, GIF or WebP image (image/svg+xml)"),
    ("/lies.png", "it is not a JPEG, PNG, GIF or WebP image (image/png)"),
    ("/gone.png", "the server answered 404 Not Found"),
    (None, "could not connect (Connection refused)")],
    ids=["html", "svg", "not-a-png", "404", "unreachable"])
def test_import_notes_a_photo_it_cannot_fetch_and_keeps_its_address(
        tmp_path, capsys, server, closed_port, path, why):
    url = f"http://127.0.0.1:{closed_port}/me.png" if path is None else server.url + path
    project, notes = import_with_photo(tmp_path, url, capsys)
    assert json.loads((project / "person.json").read_text())["image"] == url
    assert not (project / "_static").exists()
    assert notes == [f"sphinx-work-history: note: {tmp_path / 'resume.json'}: basics.image: "
                     f"could not fetch {url}: {why}; person.json names the photo by its "
                     "address"]


def test_import_gives_up_on_a_server_that_does_not_answer_in_time(tmp_path, capsys, server,
                                                                   monkeypatch):
    monkeypatch.setattr(photo, "TIMEOUT", 0.2)
    url = server.url + "/slow.png"
    project, notes = import_with_photo(tmp_path, url, capsys)
    assert json.loads((project / "person.json").read_text())["image"] == url
    assert notes == [f"sphinx-work-history: note: {tmp_path / 'resume.json'}: basics.image: "
                     f"could not fetch {url}: no answer within 0.2 seconds; person.json names "
                     "the photo by its address"]


def test_import_refuses_a_photo_past_the_size_cap(tmp_path, capsys, server, monkeypatch):
    monkeypatch.setattr(photo, "MAX_BYTES", len(PNG) - 1)
    url = server.url + "/me.png"
    project, notes = import_with_photo(tmp_path, url, capsys)
    assert json.loads((project / "person.json").read_text())["image"] == url
    assert f"could not fetch {url}: it is {len(PNG):,} bytes; a photo may be " in notes[0]


# -- the builders that embed a file -------------------------------------------------

def project(tmp_path: Path, image: str) -> Path:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinx_work_history"]\n'
        'project = "Ada\'s CV"\nauthor = "Ada Example"\n'
        "work_history_person = {\n"
        '    "email": "ada@example.org",\n'
        f'    "image": "{image}",\n'
        "}\n", encoding="utf-8")
    (srcdir / "index.rst").write_text("Ada Example\n===========\n\nI build databases.\n",
                                      encoding="utf-8")
    return srcdir


def docx_images(path: Path) -> list[bytes]:
    import docx

    document = docx.Document(str(path))
    return [document.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip
                                        .embed].blob for shape in document.inline_shapes]


def test_cv_docx_embeds_a_photo_at_a_web_address_and_keeps_it(tmp_path, server):
    url = server.url + "/me.png"
    srcdir = project(tmp_path, url)
    for _ in range(2):  # the second build asks whether it changed, and keeps its copy
        app = build(srcdir, "cv-docx")
        assert app.warning.getvalue() == ""
        assert docx_images(app.outdir / "adascv.docx") == [PNG]
    first, second = [since for path, since in server.requests if path == "/me.png"][-2:]
    assert first is None
    assert parsedate_to_datetime(second).timestamp() == MODIFIED
    [cached] = Path(app.doctreedir, "images").glob("*/photo.png")
    assert cached.read_bytes() == PNG


def test_cv_pdf_shows_a_photo_at_a_web_address(tmp_path, server):
    import pypdf

    app = build(project(tmp_path, server.url + "/me.png"), "cv-pdf")
    assert app.warning.getvalue() == ""
    assert pypdf.PdfReader(app.outdir / "adascv.pdf").pages[0].images
    assert (app.outdir / "photo.png").read_bytes() == PNG


def test_the_latex_header_shows_a_photo_at_a_web_address(tmp_path, server):
    app = build(project(tmp_path, server.url + "/me.png"), "latex")
    assert app.warning.getvalue() == ""
    tex = (app.outdir / "adascv.tex").read_text(encoding="utf-8")
    assert r"\workhistorycvheader[workhistory-photo.png]" in tex
    assert (app.outdir / "workhistory-photo.png").read_bytes() == PNG


@pytest.mark.parametrize(("builder", "output"), [
    ("cv-docx", "the Word file"), ("cv-pdf", "the PDF"), ("latex", "the PDF")])
def test_a_photo_that_cannot_be_fetched_is_one_warning_naming_it(tmp_path, closed_port,
                                                                 builder, output):
    url = f"http://127.0.0.1:{closed_port}/me.png"
    srcdir = project(tmp_path, url)
    app = build(srcdir, builder)
    assert "Traceback" not in app.warning.getvalue()
    [warning] = work_history_warnings(app.warning.getvalue())
    assert (warning.file, warning.line, warning.subtype) == (
        "conf.py", line_of(srcdir / "conf.py", "work_history_person"), "photo")
    assert warning.message == (f"work_history_person['image']: could not fetch {url}: could "
                               f"not connect (Connection refused); {output} has no photo")
    assert not list(Path(app.outdir).glob("workhistory-photo.*"))
    if builder == "latex":
        tex = (app.outdir / "adascv.tex").read_text(encoding="utf-8")
        assert r"\workhistorycvheader{" in tex  # the header, without a photo
    else:
        assert (app.outdir / f"adascv{'.docx' if builder == 'cv-docx' else '.pdf'}").is_file()


def test_a_photo_the_format_cannot_show_is_one_warning(tmp_path, server):
    url = server.url + "/me.webp"
    app = build(project(tmp_path, url), "cv-docx")
    [warning] = work_history_warnings(app.warning.getvalue())
    assert warning.message == (f"work_history_person['image']: {url} is a WebP image, which "
                               "the Word file cannot show; it has no photo")
    assert docx_images(app.outdir / "adascv.docx") == []

