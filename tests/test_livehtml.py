"""Live preview: sphinx-autobuild serves the site and rebuilds it when a page changes."""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from site_testing import PROJECT
from sphinx_work_history.testing import STRICT

SITE_FILES = ["conf.py", "index.md", "pages", "_static", "_templates", "_ext",
              # what the markup reference includes
              "sphinx-work-history/docs", "sphinx-work-history/tests/snippets"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# A read that races sphinx-autobuild rewriting the page: the server sends the
# file as it was when the response began, and the connection ends short.
RACED = (http.client.IncompleteRead, ConnectionResetError)
READ_ATTEMPTS = 5


def fetch(url: str) -> str | None:
    """The page, or None while nothing serves it. A read that races a rewrite
    is read again (a few times, then the error is raised); an answer is never
    retried, whatever it says."""
    for attempt in range(1, READ_ATTEMPTS + 1):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except RACED:
            if attempt == READ_ATTEMPTS:
                raise
            time.sleep(0.2)
        except OSError:
            return None
    raise AssertionError("not reached")


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.25)
    pytest.fail(f"timed out after {timeout}s waiting for {what}")


@pytest.fixture
def site_copy(tmp_path) -> Path:
    source = tmp_path / "site"
    source.mkdir()
    for name in SITE_FILES:
        path = PROJECT / name
        if path.is_dir():
            shutil.copytree(path, source / name,
                            ignore=shutil.ignore_patterns("__pycache__", "_build"))
        else:
            shutil.copy2(path, source / name)
    return source


def test_autobuild_serves_and_reloads_an_edited_page(site_copy, tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "sphinx_autobuild", str(site_copy), str(tmp_path / "html"),
         *STRICT, "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/pages/writing.html"
    try:
        page = wait_for(lambda: fetch(url), 120, "the first build to be served")
        assert "Programming is terrible" in page
        # The live-reload script is injected so the browser refreshes itself.
        assert "websocket-reload" in page or "/websocket-reload" in page

        writing = site_copy / "pages" / "writing.md"
        writing.write_text(writing.read_text(encoding="utf-8").replace(
            "# Writing and talks", "# Writing, talks and more"), encoding="utf-8")
        page = wait_for(lambda: (p := fetch(url)) and "Writing, talks and more" in p and p,
                        120, "the edited page to be rebuilt and served")
        assert "Writing, talks and more" in page
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    assert fetch(url) is None, "the server is still answering after it was stopped"
