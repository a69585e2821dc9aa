"""The command, ``sphinx-work-history`` (`main`): ``new`` and ``import`` write a project."""

from .command import main

__all__ = ["main"]
