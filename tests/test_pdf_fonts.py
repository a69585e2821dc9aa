"""The PDF's fonts (_ext/pdf_fonts.py) are installed wherever it is built.

Each font file is found by kpsewhich, as LuaTeX finds it, and comes from a
Debian package that CI (.ci/run), Read the Docs (.readthedocs.yaml's
build.apt_packages) and the README all install.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

import pdf_fonts  # _ext/, on pytest's pythonpath
from site_testing import PROJECT
from sphinx_work_history.testing import require_fonts, require_tool

FILES = sorted({name for chain in pdf_fonts.checked_fonts().values() for name in chain}
               | {name for family in pdf_fonts.FAMILIES.values()
                  for name in (family.italic, family.bolditalic)})


def ci_packages() -> set[str]:
    script = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    return set(re.search(r"apt_packages=\((.*?)\)", script, re.DOTALL)[1].split())


def rtd_packages() -> set[str]:
    config = yaml.safe_load((PROJECT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    return set(config["build"].get("apt_packages", []))


def test_every_font_comes_from_a_package_ci_and_read_the_docs_install():
    paths = require_fonts(*FILES)
    dpkg = require_tool("dpkg")
    owners = {}
    for name, path in paths.items():
        out = subprocess.run([dpkg, "-S", path], capture_output=True, text=True, check=False)
        assert out.returncode == 0, f"{path} is in no Debian package"
        owners[name] = out.stdout.split(":", 1)[0]
    packages = set(owners.values())
    # `make latexpdf`'s fonts: CI installs them (Read the Docs makes its PDF with Typst).
    assert packages <= ci_packages(), packages - ci_packages()
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert all(package in readme for package in packages | {"texlive-luatex"})


def test_the_typst_pdfs_fonts_come_from_packages_ci_and_read_the_docs_install():
    """The cv-pdf builder's fonts beyond Typst's own: Noto and Symbola, from Debian."""
    from sphinx_work_history.outputs.typst import fonts as typst_fonts

    dpkg = require_tool("dpkg")
    found = typst_fonts.available(tuple(p for p in typst_fonts.DEFAULT_PATHS
                                        if Path(p).is_dir()))
    wanted = {name for chain in typst_fonts.DEFAULT_FONTS.values() for name in chain}
    missing = sorted(name for name in wanted if name not in found)
    if missing and not os.environ.get("CI"):
        pytest.skip(f"fonts not installed: {', '.join(missing)} (CI installs them)")
    assert not missing, missing
    files = {found[name][0] for name in wanted if found[name][0]}
    assert files  # Noto and Symbola: not only Typst's own
    owners = {subprocess.run([dpkg, "-S", path], capture_output=True, text=True,
                             check=True).stdout.split(":", 1)[0] for path in files}
    assert owners <= ci_packages(), owners - ci_packages()
    assert owners <= rtd_packages(), owners - rtd_packages()
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert all(package in readme for package in owners)


def test_each_latin_italic_has_the_characters_of_its_upright():
    """Italics fall back as their uprights do: the check of the upright holds for them."""
    from fontTools.ttLib import TTFont

    for family in pdf_fonts.FAMILIES.values():
        paths = require_fonts(family.regular, family.italic, family.bold, family.bolditalic)
        cmap = {name: set(TTFont(path, lazy=True).getBestCmap()) for name, path in paths.items()}
        assert cmap[family.italic] >= cmap[family.regular], family.italic
        assert cmap[family.bolditalic] >= cmap[family.bold], family.bolditalic


def test_the_chains_name_the_same_fonts_the_preamble_loads():
    preamble = pdf_fonts.fontpkg()
    for name in FILES:
        assert name in preamble, name
