"""The person's contact block: shown on the HTML hub page, and the photo copied.

`ContactBlock`, a post-transform of the HTML builders (the site and the
ePub), puts who ``work_history_person`` is under the hub page's title, in
standard nodes: the photo, the headline (``label``), then a line of the
email (a ``mailto:`` link), the phone (a ``tel:`` link), the web address,
the location and each profile (its username, linked) – the same details,
in the same order, as the PDF's header (cvheader.py) and the CV files
(cv_model.py) give.

The photo (``work_history_person['image']``) is a web address or an image
file inside the project (relative to conf.py; person.py's `photo_problem`
says what else is refused, with a ``work_history.photo`` warning, before
anything is copied). A file is copied when the builder
starts: to ``_images/`` of the HTML output (and so into the ePub), as
``workhistory-photo`` plus its suffix to the LaTeX output (the PDF's
header shows it) and to the CV files' output (the Word CV shows it). A
photo at a web address is shown from there; the formats that embed a file
have photo.py fetch it. An ePub shows no photo from the web: it holds its
own resources only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.fileutil import copy_asset_file
from sphinx.util.osutil import relative_uri

from ...config.compat import builder_of, builds_epub
from ...config.messages import conf_location, warn
from ...config.person import image_is_local, image_output_path, photo_problem
from ...config.settings import work_history_config
from ...model.cv_model import contacts_of, web_shown

#: The photo's file name in the LaTeX and CV files' output (a name TeX reads whole).
PHOTO_NAME = "workhistory-photo"
LATEX_IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".pdf")


def photo_source(confdir: str | Path, person: dict[str, Any]) -> Path | None:
    """The photo's file in the project, if the person's image is one."""
    return Path(confdir, person["image"]) if image_is_local(person) else None


def latex_photo(person: dict[str, Any]) -> str:
    """The photo's name in the LaTeX output, or '' when the PDF cannot show it."""
    if not image_is_local(person):
        return ""
    suffix = Path(person["image"]).suffix.lower()
    return PHOTO_NAME + suffix if suffix in LATEX_IMAGE_TYPES else ""


def _check_image(app: Sphinx, config: Config) -> None:
    """A photo that is neither a web address nor an image file inside the project
    is left out of every output (nothing outside the project is ever copied)."""
    person = work_history_config(config).person
    if not person.get("image"):
        return
    if problem := photo_problem(person["image"], app.srcdir, app.confdir):
        warn("photo", f"work_history_person['image']: {problem}; the photo is left out",
             conf_location(app.confdir, "work_history_person"))
        config.work_history_person = {k: v for k, v in person.items() if k != "image"}


def _copy_photo(app: Sphinx) -> None:
    person = work_history_config(app.config).person
    source = photo_source(app.confdir, person)
    if source is None:
        return
    if app.builder.format == "html":
        target = Path(app.builder.outdir, image_output_path(person))
    elif app.builder.format == "latex" or (app.builder.format == "cv"
                                           and app.builder.name != "cv-text"):
        target = Path(app.builder.outdir, PHOTO_NAME + source.suffix.lower())
    else:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    copy_asset_file(source, target, force=True)


def contact_line(person: dict[str, Any]) -> nodes.paragraph:
    """Each contact detail, a link where it has one (a profile after its
    network), between middle dots."""
    line = nodes.paragraph(classes=["wh-contact"])
    for index, contact in enumerate(contacts_of(person)):
        if index:
            line += nodes.Text(" · ")
        # An address shown as a reader writes it; a username as it is.
        shown = (web_shown(contact.text) if contact.text == contact.url
                 and contact.url.startswith("http") else contact.text)
        if contact.kind == "profile":  # the others are plain from their text
            line += nodes.Text(f"{contact.label}: ")
        line += nodes.reference(shown, shown, refuri=contact.url) if contact.url else (
            nodes.Text(shown))
    return line


def headline(person: dict[str, Any]) -> nodes.paragraph | None:
    """The person's headline (JSON Resume's ``label``), which every format shows."""
    label = person.get("label", "")
    return nodes.paragraph(label, label, classes=["wh-headline"]) if label else None


class ContactBlock(SphinxPostTransform):
    """Who the person is, under the hub page's title: photo, headline, contact details."""

    default_priority = 120
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if self.env.docname != work_history_config(self.config).hub:
            return
        person = work_history_config(self.config).person
        section = next(iter(self.document.findall(nodes.section)), None)
        if section is None or not person:
            return
        line = contact_line(person)
        parts = [part for part in (self._photo(person), headline(person),
                                   line if line.children else None) if part is not None]
        if not parts:
            return
        # The line alone, when it is all there is: the home page stays light.
        block: nodes.Element = parts[0]
        if len(parts) > 1:
            block = nodes.container("", *parts, classes=["wh-contact-block"])
        title = next((c for c in section.children if isinstance(c, nodes.title)), None)
        section.insert(section.index(title) + 1 if title is not None else 0, block)

    def _photo(self, person: dict[str, Any]) -> nodes.image | None:
        path = image_output_path(person)
        if not path:
            return None
        if image_is_local(person):
            uri = relative_uri(builder_of(self.env).get_target_uri(self.env.docname), path)
        elif builds_epub(self.env):
            return None  # an ePub holds its own resources only
        else:
            uri = path
        name = person.get("name", "")
        # candidates '?': Sphinx leaves the image as it is (it is copied here).
        return nodes.image(uri=uri, alt=f"Photo of {name}" if name else "Photo",
                           candidates={"?": uri}, classes=["wh-contact-photo", "u-photo"])


def setup_contact(app: Sphinx) -> None:
    app.connect("config-inited", _check_image, priority=500)  # after config.py's checks
    app.connect("builder-inited", _copy_photo)
    app.add_post_transform(ContactBlock)
