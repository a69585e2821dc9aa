"""The extension's settings as the rest of it reads them: typed, frozen, read once.

values.py declares every ``work_history_*`` value (`VALUES`: name, default,
rebuild level, types) and checks it at ``config-inited``; once every check
has run (the photo's, outputs/html/contact.py, included), `freeze_settings`
makes `WorkHistoryConfig` from the checked values, and every module reads
them through `work_history_config` (an application, an environment or a
config). Each field is a value of `VALUES`, named without its prefix (a test
checks that the two agree).

The view is kept on the Config, which parallel builds share by forking and
which Sphinx pickles without it (a name that starts with ``_``); where it is
missing (a config nobody froze, or read by a check before the last one ran)
it is made afresh from the config, which is cheap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx.application import Sphinx
from sphinx.config import Config

from ..model.dates import PartialDate
from ..model.selection import Variant
from .applications import Application, applications_of
from .variants import variants_of

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

PREFIX = "work_history_"
_KEPT_AS = "_work_history"  # the Config's attribute; Sphinx pickles no name with a "_"

#: Fonts as conf.py gives them: a name (``-D``), a list, or a dict of lists by family.
FontSetting = str | list[str] | tuple[str, ...] | dict[str, Any]


@dataclass(frozen=True, kw_only=True)
class WorkHistoryConfig:
    """Every ``work_history_*`` value, checked (values.py says what each holds)."""

    today: PartialDate  # the date ongoing entries count to
    durations: bool
    exclude_docs: tuple[str, ...]
    person: dict[str, Any]  # checked by person.py
    hub: str  # root_doc unless set
    publications: tuple[str, ...]
    latex_header: bool
    latex_fonts: FontSetting
    cv_basename: str
    cv_title: str
    variants: dict[str, Variant]
    variant: str  # '' for the full CV
    pdf_design: str
    pdf_paper: str
    pdf_accent: str
    pdf_entry_breaks: bool
    pdf_fonts: FontSetting | None
    pdf_font_paths: list[str] | tuple[str, ...] | None
    pdf_icons: bool
    pdf_footer: bool
    pdf_last_updated: bool
    pdf_margins: dict[str, str] | None  # "x" and/or "y", each a Typst length; None: the design's
    pdf_size: str | None  # a Typst length; None: the design's
    pdf_section_style: str  # "auto": the design's
    pdf_date_style: str  # "auto": the design's
    pdf_fit: bool
    words: dict[str, str]
    pages: int  # 0: no budget
    applications: dict[str, Application]
    application: str  # '' when the build makes no letter

    @property
    def current_application(self) -> Application | None:
        """The application this build makes, or None."""
        return self.applications.get(self.application) if self.application else None

    @property
    def private_letters(self) -> tuple[str, ...]:
        """The letter pages no application publishes."""
        public = {a.letter for a in self.applications.values() if a.public}
        return tuple(sorted({a.letter for a in self.applications.values()} - public))

    @property
    def current_variant(self) -> Variant | None:
        """The variant this build makes, or None for the full CV."""
        return self.variants.get(self.variant) if self.variant else None

    @property
    def page_budget(self) -> int:
        """This build's page budget: its variant's ``pages``, else ``pages``."""
        variant = self.current_variant
        return (variant.pages if variant and variant.pages else 0) or self.pages

    @property
    def fit_to_budget(self) -> bool:
        """Whether the PDF is fitted to its budget: its variant's ``fit``, else ``pdf_fit``."""
        variant = self.current_variant
        return variant.fit if variant and variant.fit is not None else self.pdf_fit


def read_settings(config: Config) -> WorkHistoryConfig:
    """The view of *config*'s checked values."""
    def value(name: str) -> Any:
        return getattr(config, PREFIX + name)

    return WorkHistoryConfig(
        today=PartialDate.parse(value("today")),
        durations=value("durations"),
        exclude_docs=tuple(value("exclude_docs")),
        person=value("person"),
        hub=value("hub"),
        publications=tuple(value("publications")),
        latex_header=value("latex_header"),
        latex_fonts=value("latex_fonts"),
        cv_basename=value("cv_basename"),
        cv_title=value("cv_title"),
        variants=variants_of(config),
        variant=value("variant"),
        pdf_design=value("pdf_design"),
        pdf_paper=value("pdf_paper"),
        pdf_accent=value("pdf_accent"),
        pdf_entry_breaks=value("pdf_entry_breaks"),
        pdf_fonts=value("pdf_fonts"),
        pdf_font_paths=value("pdf_font_paths"),
        pdf_icons=value("pdf_icons"),
        pdf_footer=value("pdf_footer"),
        pdf_last_updated=value("pdf_last_updated"),
        pdf_margins=value("pdf_margins"),
        pdf_size=value("pdf_size"),
        pdf_section_style=value("pdf_section_style"),
        pdf_date_style=value("pdf_date_style"),
        pdf_fit=value("pdf_fit"),
        words=value("words"),
        pages=value("pages"),
        applications=applications_of(config),
        application=value("application"),
    )


def work_history_config(source: Sphinx | BuildEnvironment | Config) -> WorkHistoryConfig:
    """The build's settings (`WorkHistoryConfig`), from an application, an
    environment or a config."""
    config = source if isinstance(source, Config) else source.config
    kept = config.__dict__.get(_KEPT_AS)
    return kept if isinstance(kept, WorkHistoryConfig) else read_settings(config)


def freeze_settings(app: Sphinx, config: Config) -> None:
    setattr(config, _KEPT_AS, read_settings(config))
