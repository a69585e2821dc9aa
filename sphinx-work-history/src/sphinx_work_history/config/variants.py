"""Variants: several tailored CVs from one source.

A variant is declared once, in conf.py, and picked per build::

    work_history_variants = {
        "short": {"pages": 1},
        "dba": {"pages": 2, "tags": ["databases", "postgres"]},
    }

    sphinx-build -b latex -D work_history_variant=dba . _build/cv/dba

A variant chooses among every entry of the CV by ``kinds``, ``tags``,
``since`` and ``limit`` (selection.py says how); ``pages`` is the PDF's
page budget (budget.py), ``fit`` whether the cv-pdf builder tightens the
PDF to meet it (else ``work_history_pdf_fit``), and ``label`` names its
download. The build adds
the variant's name as a Sphinx tag, so ``{only} dba`` and ``{only} not
dba`` choose text inside entries and pages.

An entry the variant leaves out is gone from that build: its
entry node is removed when the page is written (render.py), with its
index entries and any employer or section left empty; the summaries and
exports never see it (``WorkHistoryDomain.published``); a reference
to it is plain text, without a warning (``resolve_xref``). A section the
variant's ``{only}`` blocks leave with nothing but its heading goes too.

Every variant is checked at ``config-inited``: an unknown variant, a
name that is not a Sphinx tag name, an unknown key or an unreadable
value is a ``work_history.bad_variant`` warning located in conf.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.tags import Tags

from ..model.dates import DateError, PartialDate
from ..model.kinds import order
from ..model.selection import Variant
from .messages import conf_location, warn
from .options import split_tags

KEYS = ("tags", "since", "limit", "pages", "label", "kinds", "fit")
# Words the condition of {only} reads as operators or constants.
_OPERATORS = frozenset({"and", "or", "not", "in", "is", "if", "else", "true", "false", "none",
                        "True", "False", "None"})


def is_tag_name(name: str) -> bool:
    """*name* works as a Sphinx tag: ``{only} name`` is true when it is set,
    false when it is not, and ``not name`` the reverse."""
    if name in _OPERATORS:
        return False
    try:
        with_tag, without = Tags([name]), Tags()
        return (with_tag.eval_condition(name) is True
                and with_tag.eval_condition(f"not {name}") is False
                and without.eval_condition(name) is False)
    except Exception:  # the condition parser rejects it
        return False


def _read_variant(app: Sphinx, name: str, spec: Any) -> Variant:
    def problem(message: str, key: str) -> None:
        warn("bad_variant", f"work_history_variants[{name!r}]: {message}",
             conf_location(app.confdir, "work_history_variants", name, key))

    if not isinstance(spec, dict):
        problem("should be a dict of tags, since, limit, pages, label, kinds and fit; "
                "it chooses every entry", name)
        return Variant(name)
    fields: dict[str, Any] = {}
    for key, value in spec.items():
        if key not in KEYS:
            problem(f"unknown key {key!r} (known: {', '.join(KEYS)}); ignored", str(key))
        elif key == "tags":
            tags = split_tags(value) if isinstance(value, str) else (
                [str(t).strip() for t in value if isinstance(t, str) and t.strip()]
                if isinstance(value, (list, tuple)) else [])
            if not tags:
                problem("'tags' should be a list of tags; every entry is chosen", key)
            fields["tags"] = tuple(tags)
        elif key == "since":
            text = value.isoformat() if isinstance(value, dt.date) else str(value)
            try:
                fields["since"] = PartialDate.parse(text)
            except DateError as exc:
                problem(f"'since': {exc}; entries of every date are chosen", key)
        elif key == "kinds":
            kinds = ([value] if isinstance(value, str) else value
                     if isinstance(value, (list, tuple)) else [])
            unknown = [kind for kind in kinds if kind not in order()]
            if unknown or not kinds:
                problem(f"'kinds' should be a list of kinds of entry ({', '.join(order())}); "
                        f"{'unknown: ' + ', '.join(map(repr, unknown)) if unknown else 'empty'}"
                        "; every kind is kept", key)
            else:
                fields["kinds"] = tuple(kinds)
        elif key == "fit":
            if isinstance(value, bool):
                fields["fit"] = value
            else:
                problem(f"'fit' should be True or False, not {value!r}; ignored", key)
        elif key in ("limit", "pages"):
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                fields[key] = value
            else:
                problem(f"{key!r} should be a positive whole number, not {value!r}; ignored", key)
        elif isinstance(value, str) and value.strip():  # label
            fields["label"] = value.strip()
        else:
            problem(f"'label' should be text, not {value!r}; ignored", key)
    return Variant(name, **fields)


def check_variants(app: Sphinx, config: Config) -> None:
    """Read ``work_history_variants`` and the chosen ``work_history_variant``."""
    value = config.work_history_variants
    variants: dict[str, Variant] = {}
    where = conf_location(app.confdir, "work_history_variants")
    if not isinstance(value, dict):
        warn("bad_variant", "work_history_variants should be a dict: variant name -> "
             "{tags, since, limit, pages, label}; ignored", where)
        value = {}
    for name, spec in value.items():
        if not isinstance(name, str) or not is_tag_name(name):
            warn("bad_variant", f"work_history_variants: {name!r} is not a valid Sphinx tag "
                 "name (a Python identifier, not and/or/not/true/false/none); ignored",
                 conf_location(app.confdir, "work_history_variants", str(name)))
            continue
        variants[name] = _read_variant(app, name, spec)
    config.work_history_variants = {name: _as_setting(v) for name, v in variants.items()}

    chosen = config.work_history_variant or ""
    if chosen and chosen not in variants:
        known = ", ".join(sorted(variants)) or "none is declared"
        warn("bad_variant", f"work_history_variant: unknown variant {chosen!r} (known: "
             f"{known}); the full CV is built",
             _set_in_conf(app, "work_history_variant") or where)
        chosen = ""
    config.work_history_variant = chosen
    if chosen:
        app.tags.add(chosen)

    pages = config.work_history_pages
    if not isinstance(pages, int) or isinstance(pages, bool) or pages < 0:
        warn("bad_variant", f"work_history_pages should be a whole number of pages (0: no "
             f"budget), not {pages!r}; no budget", conf_location(app.confdir, "work_history_pages"))
        config.work_history_pages = 0


def _set_in_conf(app: Sphinx, setting: str) -> str | None:
    where = conf_location(app.confdir, setting)
    return where if where and where.rpartition(":")[2].isdigit() else None


def _as_setting(variant: Variant) -> dict[str, Any]:
    """A checked variant as plain data (the config is pickled with the environment)."""
    return {"tags": list(variant.tags), "since": variant.since.iso() if variant.since else "",
            "limit": variant.limit, "pages": variant.pages, "label": variant.label,
            "kinds": list(variant.kinds), "fit": variant.fit}


def variants_of(config: Config) -> dict[str, Variant]:
    """Every declared variant, checked."""
    return {name: Variant(name, tags=tuple(spec["tags"]),
                          since=PartialDate.parse(spec["since"]) if spec["since"] else None,
                          limit=spec["limit"], pages=spec["pages"], label=spec["label"],
                          kinds=tuple(spec["kinds"]), fit=spec.get("fit"))
            for name, spec in config.work_history_variants.items()}
