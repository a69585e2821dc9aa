"""Applications: a cover letter for one employer, with the CV it goes with.

Declared in conf.py, built one per build (``-D work_history_application=NAME``)::

    work_history_applications = {
        "acme-sre": {"variant": "sre", "letter": "letters/acme", "label": "Acme, SRE"},
    }

An application's build makes its variant's CV (as ``-D work_history_variant``
would, the variant's Sphinx tag set) and the letter of its ``letter`` page;
the CV builders name them ``BOOK-cv-NAME`` and ``BOOK-letter-NAME``
(`application_file`: BOOK without its own ``-cv`` ending).
``language`` is the letter's (default: the project's), ``pages`` its page
budget (default: one), ``public: true`` publishes the letter page on the
site; every other letter page is private (sphinx/letters.py leaves it out of
every build but the CV builders').

A key that cannot be used is a ``work_history.bad_application`` warning at
its line in conf.py, and is left out: an unknown variant gives the full CV.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from .messages import conf_location, warn

KEYS = ("variant", "letter", "label", "language", "public", "pages")
SETTING = "work_history_applications"


@dataclass(frozen=True)
class Application:
    name: str
    letter: str  # the letter page's docname
    variant: str = ""  # '' for the full CV
    label: str = ""
    language: str = ""  # '' for the project's
    public: bool = False
    pages: int = 1  # the letter's page budget


def _read(app: Sphinx, config: Config, name: str, spec: Any) -> Application | None:
    def problem(text: str, *keys: str) -> None:
        warn("bad_application", f"{SETTING}[{name!r}]: {text}",
             conf_location(app.confdir, SETTING, name, *keys))

    if not isinstance(spec, dict):
        problem("should be a dict of variant, letter, label, language, public, pages; ignored")
        return None
    fields: dict[str, Any] = {}
    for key, value in spec.items():
        if key not in KEYS:
            problem(f"unknown key {key!r} (known: {', '.join(KEYS)}); ignored", str(key))
        elif key == "variant":
            if not isinstance(value, str) or value not in config.work_history_variants:
                known = ", ".join(sorted(config.work_history_variants)) or "none is declared"
                problem(f"unknown variant {value!r} (known: {known}); its CV is the full CV",
                        key)
            else:
                fields["variant"] = value
        elif key == "public":
            if isinstance(value, bool):
                fields["public"] = value
            else:
                problem(f"'public' should be True or False, not {value!r}; the letter is "
                        "private", key)
        elif key == "pages":
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                fields["pages"] = value
            else:
                problem(f"'pages' should be a positive whole number, not {value!r}; one page",
                        key)
        elif isinstance(value, str) and value.strip():  # letter, label, language
            text = value.strip()
            fields[key] = text.removesuffix(".md").strip("/") if key == "letter" else text
        else:
            problem(f"{key!r} should be text, not {value!r}; ignored", key)
    if "letter" not in fields:
        problem("no 'letter' page (the page of its letter, such as 'letters/acme'); "
                "ignored")
        return None
    return Application(name, **fields)


def check_applications(app: Sphinx, config: Config) -> None:
    """Read ``work_history_applications`` and the chosen ``work_history_application``
    (after the variants: an application picks one)."""
    value = config.work_history_applications
    where = conf_location(app.confdir, SETTING)
    if not isinstance(value, dict):
        warn("bad_application", f"{SETTING} should be a dict: application name -> "
             "{variant, letter, label, language, public, pages}; ignored", where)
        value = {}
    applications: dict[str, Application] = {}
    for name, spec in value.items():
        if not isinstance(name, str) or not name.strip() or "/" in name or name != name.strip():
            warn("bad_application", f"{SETTING}: {name!r} is not a name a file can take; "
                 "ignored", conf_location(app.confdir, SETTING, str(name)))
            continue
        if (read := _read(app, config, name, spec)) is not None:
            applications[name] = read
    config.work_history_applications = {name: _as_setting(a) for name, a in applications.items()}

    chosen = config.work_history_application or ""
    if chosen and chosen not in applications:
        known = ", ".join(sorted(applications)) or "none is declared"
        warn("bad_application", f"work_history_application: unknown application {chosen!r} "
             f"(known: {known}); no letter is written", where)
        chosen = ""
    config.work_history_application = chosen
    if chosen and (variant := applications[chosen].variant):
        config.work_history_variant = variant
        app.tags.add(variant)


def _as_setting(application: Application) -> dict[str, Any]:
    """A checked application as plain data (the config is pickled with the environment)."""
    return {"letter": application.letter, "variant": application.variant,
            "label": application.label, "language": application.language,
            "public": application.public, "pages": application.pages}


def applications_of(config: Config) -> dict[str, Application]:
    """Every declared application, checked."""
    return {name: Application(name, **spec)
            for name, spec in config.work_history_applications.items()}


def application_file(book: str, part: str, application: str) -> str:
    """The file name, without its suffix, of an application's CV (*part* ``"cv"``)
    or letter (``"letter"``): the CV's own name without its ``-cv`` ending, the part,
    the application (``ada-lovelace-cv`` → ``ada-lovelace-letter-acme``)."""
    return f"{book.removesuffix('-cv') or book}-{part}-{application}"
