"""What differs between the Sphinx versions the package supports (8.2 to 9.x)."""

from __future__ import annotations

import inspect

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment

# Sphinx 9 takes the builder's tags (and warns without them); 8.2 has no such argument.
_TAKES_TAGS = "tags" in inspect.signature(BuildEnvironment.get_and_resolve_doctree).parameters


def resolved_doctree(builder: Builder, docname: str) -> nodes.document:
    """*docname*'s doctree as *builder* writes it: references resolved, ``only`` chosen."""
    env = builder.env
    if _TAKES_TAGS:
        return env.get_and_resolve_doctree(docname, builder, tags=builder.tags)
    return env.get_and_resolve_doctree(docname, builder)  # pragma: no cover (Sphinx 8.2)


def builder_format(env: BuildEnvironment) -> str:
    """The format of the builder the environment builds for (Sphinx 9 keeps its
    class on the environment and deprecates the transforms' ``app``)."""
    builder_cls = getattr(env, "_builder_cls", None)
    if builder_cls is not None:
        return str(builder_cls.format)
    return str(env.app.builder.format)  # pragma: no cover (Sphinx 8.2)


def builds_epub(env: BuildEnvironment) -> bool:
    """Whether the builder writes an ePub (which holds its own resources only)."""
    from sphinx.builders._epub_base import EpubBuilder

    builder_cls = getattr(env, "_builder_cls", None)
    if builder_cls is None:  # pragma: no cover (Sphinx 8.2)
        builder_cls = type(env.app.builder)
    return issubclass(builder_cls, EpubBuilder)


def builder_of(env: BuildEnvironment) -> Builder:
    """The builder the environment builds for (Sphinx 9 deprecates a transform's
    ``app``, and keeps the application on the environment)."""
    app = getattr(env, "_app", None) or env.app
    return app.builder


def app_of(builder: Builder) -> Sphinx:
    """The builder's application (Sphinx 9 deprecates the builder's ``app``; 8.2 has
    no ``_app``)."""
    app: Sphinx = getattr(builder, "_app", None) or builder.app
    return app


def fail_build(builder: Builder) -> None:
    """Make the build exit with status 1, as a warning under -W does."""
    app_of(builder).statuscode = 1
