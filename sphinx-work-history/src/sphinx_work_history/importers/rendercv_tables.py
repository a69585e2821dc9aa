"""RenderCV's names for what it links and how it looks, as this package names them.

* `profile_url`: a social network's username as the address of its profile,
  by RenderCV's own table of networks;
* `language_code`: RenderCV's ``locale.language`` (``german``, or a code) as
  Sphinx's ``language``;
* `DESIGNS`: each of RenderCV's themes as the nearest design of the ``cv-pdf``
  builder (``work_history_pdf_design``);
* `PAPERS`: RenderCV's ``design.page.size`` as ``work_history_pdf_paper``.

The network table, the language names and the themes are RenderCV 2.8's
(https://github.com/rendercv/rendercv: ``schema/models/cv/social_network.py``,
``schema/models/locale/``, ``schema/models/design/``), MIT licence, © 2023 to
present Sina Atalay and individual contributors.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from ..config.options import is_web_url

# RenderCV 2.8's url_dictionary (social_network.py): the address a username follows.
NETWORK_URLS = {
    "LinkedIn": "https://linkedin.com/in/",
    "GitHub": "https://github.com/",
    "GitLab": "https://gitlab.com/",
    "IMDB": "https://imdb.com/name/",
    "Instagram": "https://instagram.com/",
    "ORCID": "https://orcid.org/",
    "StackOverflow": "https://stackoverflow.com/users/",
    "ResearchGate": "https://researchgate.net/profile/",
    "YouTube": "https://youtube.com/@",
    "Google Scholar": "https://scholar.google.com/citations?user=",
    "Telegram": "https://t.me/",
    "WhatsApp": "https://wa.me/",
    "Leetcode": "https://leetcode.com/u/",
    "X": "https://x.com/",
    "Bluesky": "https://bsky.app/profile/",
    "Reddit": "https://reddit.com/user/",
}
# Names RenderCV 1 took, and the network's old name.
NETWORK_ALIASES = {"Twitter": "X"}
_MASTODON = re.compile(r"@([^@/\s]+)@([^@/\s]+)")


def profile_url(network: str, username: str) -> str:
    """The address of *username*'s profile on *network*, as RenderCV makes it (a
    Mastodon ``@user@host`` is ``https://host/@user``), the username's characters
    that an address cannot hold percent-encoded; '' for a network RenderCV has no
    address for, or a username that makes none."""
    network = NETWORK_ALIASES.get(network, network)
    if network == "Mastodon":
        match = _MASTODON.fullmatch(username)
        url = f"https://{match[2]}/@{quote(match[1])}" if match else ""
    elif network in NETWORK_URLS:
        url = NETWORK_URLS[network] + quote(username, safe="/@-._~")
    else:
        url = ""
    return url if url and is_web_url(url) else ""


# RenderCV 2.8's locale names (language_iso_639_1), as Sphinx's language codes:
# Chinese and Norwegian Bokmål with the region Sphinx translates them for.
LANGUAGES = {
    "arabic": "ar", "danish": "da", "dutch": "nl", "english": "en", "french": "fr",
    "german": "de", "hebrew": "he", "hindi": "hi", "hungarian": "hu", "indonesian": "id",
    "indonesia": "id", "italian": "it", "japanese": "ja", "korean": "ko",
    "mandarin_chinese": "zh_CN", "norwegian_bokmål": "nb_NO", "norwegian_nynorsk": "nn",
    "persian": "fa", "portuguese": "pt", "russian": "ru", "spanish": "es", "turkish": "tr",
    "vietnamese": "vi",
}
#: A language code, as Sphinx's ``language`` takes one: ``de``, ``pt_BR``, ``zh_Hant``.
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(_([A-Z]{2}|[A-Z][a-z]{3}))?")


def language_code(name: str) -> str:
    """RenderCV's language *name* (``german``) or code (``de``, ``pt-BR``) as Sphinx's
    ``language``; '' if it is neither."""
    key = name.strip().lower().replace(" ", "_")
    if key in LANGUAGES:
        return LANGUAGES[key]
    language, _, region = name.strip().replace("-", "_").partition("_")
    code = language.lower() + (f"_{region.upper() if len(region) == 2 else region.title()}"
                               if region else "")
    return code if LANGUAGE_CODE.fullmatch(code) else ""


# RenderCV's themes, by the design of ours nearest in layout: a centred header over
# one column and rules (classic), a column of dates (moderncv), or dense single-column
# pages for engineers (compact).
DESIGNS = {
    "classic": "classic", "harvard": "classic", "ink": "classic", "opal": "classic",
    "ember": "classic", "moderncv": "moderncv", "sb2nov": "compact",
    "engineeringresumes": "compact", "engineeringclassic": "compact",
}
#: RenderCV's theme and paper when its file names none.
DEFAULT_THEME, DEFAULT_PAGE = "classic", "us-letter"
# RenderCV's page sizes, by the paper of ours that holds the same text.
PAPERS = {"a4": "a4", "us-letter": "us-letter", "a5": "a4", "us-executive": "us-letter"}
