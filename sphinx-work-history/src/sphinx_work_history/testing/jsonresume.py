"""Hypothesis strategies for JSON Resume v1 documents, section by section, as the
schema (tests/schemas/jsonresume-v1.schema.json) allows them and people write them.

Every text holds Markdown's characters (``*_{}[]<>$#\\`|``) and quotes. What a
page cannot hold is left out, as the import documents: no empty values (an
empty string, list or object is no value, and the export writes none), no text
with white space at either end or a control character, line breaks only in the
long texts that are paragraphs (summary, description, reference). Every job has
an organisation and a start (the job directive needs both), every person an email.

`hostile_resume` is the same documents with texts a résumé file from anyone may
hold: any character the import lets through, every line break MyST knows, and
MyST's, CommonMark's, HTML's and LaTeX's syntax weighted in, in every value.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from hypothesis import strategies as st

MARKUP = "*_{}[]<>$#\\`|~:%=+-().!&;'\"/@?,"
_char = st.one_of(st.sampled_from(MARKUP), st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp", "Zs", "Co", "Cn")),
    st.just(" "))

# A line of text: no white space at its ends, single spaces inside, and something that
# shows (an entry's heading of only soft hyphens or joiners is a defect the build names).
line = st.text(_char, min_size=1, max_size=20).map(lambda t: " ".join(t.split())).filter(
    lambda t: any(unicodedata.category(char)[0] in "LNPS" for char in t))
paragraph = st.lists(line, min_size=1, max_size=3).map("\n".join)
long_text = st.lists(paragraph, min_size=1, max_size=3).map("\n\n".join)
url = st.sampled_from(["https://example.org/", "https://example.org/a_b?q=1&r=*2*",
                       "http://exa-mple.net/~me"])
email = st.sampled_from(["ada@example.org", "a.b+cv@example.co.uk"])


@st.composite
def date(draw: st.DrawFn) -> str:
    year = draw(st.integers(1990, 2025))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return f"{year}"
    month = draw(st.integers(1, 12))
    if precision == "month":
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{draw(st.integers(1, 28)):02d}"


def _object(required: dict[str, Any], optional: dict[str, Any]) -> st.SearchStrategy[Any]:
    return st.fixed_dictionaries(required, optional=optional)


@st.composite
def span(draw: st.DrawFn) -> dict[str, str]:
    start = draw(date())
    out = {"startDate": start}
    if draw(st.booleans()):
        end = draw(date())
        out["endDate"] = max(start, end)  # ISO text sorts as the dates do
    return out


def _with_span(strategy: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[Any]:
    return st.tuples(strategy, span()).map(lambda pair: {**pair[0], **pair[1]})


def resume_of(line: st.SearchStrategy[str], paragraph: st.SearchStrategy[str],
              long_text: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, Any]]:
    """JSON Resume documents whose one-line values are *line*'s, whose list items
    (highlights) are *paragraph*'s and whose long texts (summary, description,
    reference) are *long_text*'s."""
    items = st.lists(line, min_size=1, max_size=4)
    highlights = st.lists(paragraph, min_size=1, max_size=3)
    work = _with_span(_object({"name": line}, {
        "position": line, "url": url, "location": line, "description": line,
        "summary": long_text, "highlights": highlights}))
    volunteer = _with_span(_object({"organization": line}, {
        "position": line, "url": url, "summary": long_text, "highlights": highlights}))
    education = _with_span(_object({"institution": line}, {
        "url": url, "area": line, "studyType": line, "score": line, "courses": items}))
    awards = _object({"title": line}, {"date": date(), "awarder": line, "summary": long_text})
    certificates = _object({"name": line}, {"date": date(), "issuer": line, "url": url})
    publications = _object({"name": line}, {"publisher": line, "releaseDate": date(),
                                            "url": url, "summary": long_text})
    skills = _object({"name": line}, {"level": line, "keywords": items})
    languages = _object({"language": line}, {"fluency": line})
    interests = _object({"name": line}, {"keywords": items})
    references = _object({"name": line}, {"reference": long_text})
    projects = _with_span(_object({"name": line}, {
        "description": long_text, "highlights": highlights, "keywords": items, "url": url,
        "roles": items, "entity": line, "type": line}))

    location = _object({}, {"address": line, "postalCode": line, "city": line,
                            "countryCode": st.sampled_from(["GB", "US", "JP"]), "region": line})
    profile = _object({"network": line}, {"username": line, "url": url})
    basics = _object({"name": line, "email": email}, {
        "label": line, "image": url, "phone": line, "url": url, "summary": long_text,
        "location": location.filter(bool),
        "profiles": st.lists(profile, min_size=1, max_size=2)})

    sections = {"work": work, "volunteer": volunteer, "education": education,
                "awards": awards, "certificates": certificates, "publications": publications,
                "skills": skills, "languages": languages, "interests": interests,
                "references": references, "projects": projects}
    return _object({"basics": basics}, {
        name: st.lists(strategy, min_size=1, max_size=3) for name, strategy in sections.items()})


resume = resume_of(line, paragraph, long_text)

# -- hostile text -----------------------------------------------------------------
#: Every line break MyST knows: markdown-it's, and Python's str.splitlines'.
LINE_BREAKS = ("\n", "\r", "\r\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028",
               "\u2029")
#: What MyST, CommonMark, HTML and LaTeX could read as markup, and what would turn the
#: rest of a page into code: directives, fences, roles, raw HTML, maths, footnotes,
#: substitutions, link definitions, autolinks, the markers that open a block.
SYNTAX = ("{literalinclude} /etc/passwd", ":::{raw} html", ":::", "::::", "```{raw} html",
          "```", "~~~", "<script>alert(1)</script>", "{raw}`<b>x</b>`", "$$", "$x$",
          "\\begin{align}", "[^1]", "[^1]: note", "{{x}}", "[a]: http://x", "[a](b)",
          "<http://x>", "http://example.com", "<!-- c -->", "&amp;", "&#10;", "&#x2028;",
          "\\", "\\\\", "`", "*e*", "**s**", "_e_", "~~s~~", "{.c}", "{#i}", "# ", "#", "> ",
          "- ", "+ ", "* ", "1. ", "1) ", "| a |", "|---|", "===", "---", "    ", "% ", "(t)=",
          "+++", "^^^", ": ", "~ ", "- [ ] ", "\\input{/etc/passwd}", "%", "{", "}", "^", "&",
          "--", "x--")
#: Odd but legal characters: white space of every width, joiners, direction marks,
#: combining marks, a byte order mark, noncharacters, the last plane.
ODD = ("\t", " ", "  ", "\xa0", "\u2003", "\u3000", "\ufeff", "\u200b", "\u200d", "\u202e",
       "e\u0301", "\U0001F600", "\ufdd0", "\U0010FFFD", "\u0600", "\uFFFD")
# Any character check_values lets through: no lone surrogate, no control character but
# tab and the line breaks, no U+FFFE or U+FFFF.
_any_char = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"),
                          exclude_characters="\ufffe\uffff")
_hostile_part = st.one_of(st.sampled_from(SYNTAX), st.sampled_from(LINE_BREAKS),
                          st.sampled_from(ODD), st.text(_any_char, min_size=1, max_size=6))
_hostile = st.lists(_hostile_part, max_size=6).map("".join)
# A letter between the hostile parts: every value shows something (the directives
# warn about a heading of white space or joiners alone).
hostile_text = st.tuples(_hostile, st.sampled_from("AxΩ7ßж"), _hostile).map("".join)
hostile_resume = resume_of(hostile_text, hostile_text, hostile_text)
