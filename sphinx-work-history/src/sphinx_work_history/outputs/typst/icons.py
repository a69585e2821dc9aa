"""The contact block's icons, drawn from the icon fonts shipped with the package.

Font Awesome Free's solid and brands fonts (``assets/typst/icons/``, SIL OFL
1.1, with their licence) hold every icon: an envelope for an email, a phone,
a globe for a web address, a pin for a place, a network's logo for a profile
(a link for a network it has no logo of). The builder draws each icon a CV
needs from its glyph, with fontTools, as a small SVG file beside the Typst
source (``work-history/icons/``), which the designs show as an image whose
alternative text is the detail's label ("Email", "GitHub"): a screen reader
says what the icon means, and the PDF's text (what an applicant tracking
system or a copy reads) holds no private-use character, as it would if the
icon were set as a character of the font. Nothing is downloaded.

Every icon named below is drawn once, ahead, into ``outlines.json`` beside the
fonts (its outline, advance, and its font's ascent and descent): a build reads
that table, as reading the fonts with fontTools takes longer than the rest of
the PDF's layout. A test checks the table against the fonts; after changing
the fonts or the icons, write it again with `write_table`. An icon the table lacks
is drawn from its font.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ...model.cv_model import Contact

FONTS = Path(__file__).parents[2] / "assets" / "typst" / "icons"
OUTLINES = FONTS / "outlines.json"
SOLID, BRANDS = "fa-solid-900.ttf", "fa-brands-400.ttf"
# The fonts ask for it (their licence's "Attribution").
ATTRIBUTION = ("Font Awesome Free 6.7.2 by @fontawesome - https://fontawesome.com "
               "License - https://fontawesome.com/license/free Copyright 2024 Fonticons, Inc.")


class IconError(Exception):
    """An icon that cannot be drawn: fontTools missing, a font or a glyph not there."""


@dataclass(frozen=True)
class Icon:
    name: str  # Font Awesome's name of it, and its file's
    font: str  # the font file that has it
    code: int  # its code point there


#: By the kind of detail (cv_model.Contact.kind); a profile of an unknown network: a link.
BY_KIND = {
    "email": Icon("envelope", SOLID, 0xF0E0),
    "phone": Icon("phone", SOLID, 0xF095),
    "web": Icon("globe", SOLID, 0xF0AC),
    "location": Icon("location-dot", SOLID, 0xF3C5),
    "profile": Icon("link", SOLID, 0xF0C1),
}
#: A profile's icon, by its network's name in lower case without spaces or punctuation.
BY_NETWORK = {key: Icon(name, BRANDS, code) for key, name, code in (
    ("github", "github", 0xF09B), ("gitlab", "gitlab", 0xF296),
    ("bitbucket", "bitbucket", 0xF171), ("linkedin", "linkedin", 0xF08C),
    ("x", "x-twitter", 0xE61B), ("twitter", "x-twitter", 0xE61B),
    ("mastodon", "mastodon", 0xF4F6), ("bluesky", "bluesky", 0xE671),
    ("threads", "threads", 0xE618), ("stackoverflow", "stack-overflow", 0xF16C),
    ("orcid", "orcid", 0xF8D2), ("researchgate", "researchgate", 0xF4F8),
    ("googlescholar", "google-scholar", 0xE63B), ("youtube", "youtube", 0xF167),
    ("instagram", "instagram", 0xF16D), ("facebook", "facebook", 0xF09A),
    ("medium", "medium", 0xF23A), ("dev", "dev", 0xF6CC), ("devto", "dev", 0xF6CC),
    ("kaggle", "kaggle", 0xF5FA), ("telegram", "telegram", 0xF2C6),
    ("whatsapp", "whatsapp", 0xF232), ("discord", "discord", 0xF392),
    ("reddit", "reddit", 0xF1A1), ("hackernews", "hacker-news", 0xF1D4),
    ("hackerrank", "hackerrank", 0xF5F7), ("codepen", "codepen", 0xF1CB),
    ("dribbble", "dribbble", 0xF17D), ("behance", "behance", 0xF1B4),
    ("xing", "xing", 0xF168), ("imdb", "imdb", 0xF2D8), ("npm", "npm", 0xF3D4),
    ("keybase", "keybase", 0xF4F5), ("artstation", "artstation", 0xF77A),
    ("twitch", "twitch", 0xF1E8), ("vimeo", "vimeo", 0xF40A),
    ("flickr", "flickr", 0xF16E), ("soundcloud", "soundcloud", 0xF1BE),
    ("spotify", "spotify", 0xF1BC), ("patreon", "patreon", 0xF3D9),
    ("wikipedia", "wikipedia-w", 0xF266),
)}


def icon_for(contact: Contact) -> Icon:
    """The icon of a contact detail: its network's logo, else its kind's."""
    if contact.kind == "profile":
        found = BY_NETWORK.get(re.sub(r"[\W_]+", "", contact.label.casefold()))
        if found:
            return found
    return BY_KIND.get(contact.kind, BY_KIND["profile"])


@cache
def _glyphs(font: str) -> tuple[Any, dict[int, str], int, int]:
    """A font's glyph set, its cmap, and its ascent and descent (font units)."""
    try:
        from fontTools.ttLib import TTFont
    except ImportError:
        raise IconError("the contact icons need fontTools "
                        "(pip install sphinx-work-history[pdf])") from None
    path = FONTS / font
    try:
        ttfont = TTFont(path, lazy=True)
        hhea = ttfont["hhea"]
        return (ttfont.getGlyphSet(), ttfont.getBestCmap() or {}, int(hhea.ascent),
                int(hhea.descent))
    except Exception as exc:  # a missing or damaged file: fontTools raises many kinds
        raise IconError(f"cannot read the icon font {path}: {exc}") from exc


@dataclass(frozen=True)
class Outline:
    """An icon's glyph: its path (SVG's ``d``, in font units, y up), its advance, and
    its font's ascent and descent."""

    path: str
    width: int
    ascent: int
    descent: int


def drawn(icon: Icon) -> Outline:
    """*icon*'s glyph, read from its font with fontTools. Raises IconError."""
    from fontTools.pens.svgPathPen import SVGPathPen

    glyphs, cmap, ascent, descent = _glyphs(icon.font)
    name = cmap.get(icon.code)
    if name is None:
        raise IconError(f"the icon font {icon.font} has no glyph {icon.name!r} "
                        f"(U+{icon.code:04X})")
    glyph = glyphs[name]
    pen = SVGPathPen(glyphs)
    glyph.draw(pen)
    path: str = pen.getCommands()  # type: ignore[no-untyped-call]
    return Outline(path, int(glyph.width), ascent, descent)


def _key(icon: Icon) -> str:
    return f"{icon.font} U+{icon.code:04X}"


@cache
def _table() -> dict[str, Outline]:
    """The outlines drawn ahead (``outlines.json``), by font and code point."""
    try:
        table = json.loads(OUTLINES.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # none, or damaged: each icon is drawn from its font
        return {}
    return {key: Outline(*value) for key, value in table.items()}


def outline(icon: Icon) -> Outline:
    """*icon*'s glyph: from the table drawn ahead, else from its font. Raises IconError."""
    found = _table().get(_key(icon))
    return found if found is not None else drawn(icon)


def table() -> dict[str, list[str | int]]:
    """``outlines.json``: every icon of BY_KIND and BY_NETWORK, drawn from its font."""
    every = {_key(icon): icon for icon in (*BY_KIND.values(), *BY_NETWORK.values())}
    return {key: [*vars(drawn(icon)).values()] for key, icon in sorted(every.items())}


def svg(icon: Icon, colour: str) -> str:
    """*icon*'s glyph as an SVG image in *colour*, as wide as the glyph's advance and as
    tall as the font's ascent and descent (so every icon sits on the same baseline).
    Raises IconError."""
    glyph = outline(icon)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 {-glyph.ascent} {glyph.width} {glyph.ascent - glyph.descent}">'
            f"<!-- {ATTRIBUTION} -->"
            f'<path transform="scale(1,-1)" fill="{colour}" d="{glyph.path}"/></svg>\n')


def write_icons(contacts: tuple[Contact, ...], folder: Path, colour: str
                ) -> tuple[str, ...]:
    """Draw each contact's icon into *folder*; their file names, in the contacts' order.
    Raises IconError (and draws none) when one cannot be drawn."""
    icons = [icon_for(contact) for contact in contacts]
    drawn = {icon.name: svg(icon, colour) for icon in icons}
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in drawn.items():
        (folder / f"{name}.svg").write_text(text, encoding="utf-8")
    return tuple(f"{icon.name}.svg" for icon in icons)


def write_table() -> None:
    """Write ``outlines.json`` again (the module's docstring says when)."""
    OUTLINES.write_text(json.dumps(table(), indent=0) + "\n", encoding="utf-8")
