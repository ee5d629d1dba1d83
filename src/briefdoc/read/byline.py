"""The headline of a plain-text article, and the lines at its head that are none: bylines ("By Tom Reyes
and Ana Silva"), credits ("Maria Novak, The Canadian Press", "Staff and agencies", "With agencies"),
agency lines ("Associated Press", "Reuters") and date lines ("Published: 28 February 2023").

``headline(text)`` gives the first line that is none of these, when it is short enough to be a headline
(an article that starts with its first paragraph has none: "" then, and a layout says so), and the
outlet a credit line names (the article's source when its front matter gives none). The word lists are
data files in ``extractors/data/en/byline/``.
"""

from __future__ import annotations

import re

from ..extractors import lexicon, timex

TITLE_MAX_WORDS = 25  # a line longer than this is the article's first paragraph, not its headline
TITLE_MAX_CHARS = 120  # a headline longer than this is cut at a word, with "…"
HEAD_LINES = 6  # the lines at the head of an article where bylines and credits stand

_CREDITS = lexicon.words("byline/credit_lines")
_OUTLETS = lexicon.words("byline/outlets")
_OUTLET_WORDS = lexicon.words("byline/outlet_words")

_NAME_WORD = r"(?:[A-Z][\w.'’-]*|(?:de|da|van|von|der|den|al|el|bin|la|le|du|di))"
_NAMES = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}"
# "By Tom Reyes and Ana Silva", "By Jane Roe in Kyiv", "By JANE ROE": names only after "By"
_BY = re.compile(rf"^[Bb][Yy]:?\s+{_NAMES}(?:\s*(?:,|&|\band\b)\s*{_NAMES})*(?:\s+in\s+{_NAMES})?$")
# "Maria Novak, The Canadian Press", "Jane Roe | Reuters", "Jane Roe — AP"
_NAME_OUTLET = re.compile(rf"^(?:[Bb][Yy]:?\s+)?(?P<names>{_NAME_WORD}\s+{_NAMES}(?:\s*(?:&|\band\b)\s*{_NAMES})*)"
                          r"\s*(?:,|\||—|–|\s-)\s*(?P<outlet>[^,|]{2,60})$")
_EDGES = " \t*_#>·•|—–-"
# What may stand beside a date on a date line: "Published:", "Updated 14:02 GMT", "· 3 min read".
_DATE_LABELS = re.compile(
    r"(?i)\b(?:first|last)\b|\b(?:published|updated|posted|modified|dated?)\b|\bon\b|\bat\b"
    r"|\b\d{1,2}[:.]\d{2}\b|\b[ap]\.?m\b\.?|\b(?:gmt|utc|bst|cet|cest|eet|msk|est|edt|cst|cdt|pst|pdt|et)\b"
    r"|\b\d+\s+min(?:ute)?s?\s+read\b|[\s|·•,:;()\[\]/—–.-]+")


def headline(text: str) -> tuple[str, str | None]:
    """(headline, outlet): the article's headline ("" when it has none) and the outlet a credit line at
    its head names (None when none does)."""
    lines = [line.strip(_EDGES) for line in text.split("\n", 40)[:40]]
    lines = [line for line in lines if line][:HEAD_LINES]
    title: str | None = None
    outlet: str | None = None
    for line in lines:
        if is_credit(line):
            outlet = outlet or outlet_of(line)
            continue
        if title is None and not _date_only(line):
            title = line
    if title is None or len(title.split()) > TITLE_MAX_WORDS:
        return "", outlet
    if len(title) > TITLE_MAX_CHARS:
        title = title[:TITLE_MAX_CHARS].rsplit(" ", 1)[0] + "…"
    return title, outlet


def is_credit(line: str) -> bool:
    """A byline, credit or agency line: "By Tom Reyes and Ana Silva", "Maria Novak, The Canadian Press",
    "Staff and agencies", "With agencies", "Associated Press", "Reuters"."""
    line = line.strip(_EDGES)
    if _credit_words(line) in _CREDITS:
        return True
    if len(line.split()) > 14:
        return False
    if _BY.match(line):
        return True
    if "|" in line:
        return _bar_outlet(line) is not False
    m = _NAME_OUTLET.match(line)
    return m is not None and _names_an_outlet(m["outlet"])


def _bar_outlet(line: str) -> str | None | bool:
    """"Jane Roe | Reuters | 28.02.2023": names, then outlets and dates between bars. The outlet (None when
    only names and dates), or False when the line is no such credit."""
    first, *rest = [part.strip(_EDGES) for part in line.split("|")]
    if not rest or not (_BY.match(first) or re.fullmatch(rf"{_NAME_WORD}\s+{_NAMES}", first)):
        return False
    outlet = None
    for part in rest:
        if not part or _date_only(part) or re.fullmatch(r"[\d./-]+", part):
            continue
        if not _names_an_outlet(part):
            return False
        outlet = outlet or part
    return outlet


def outlet_of(line: str) -> str | None:
    """The outlet a credit line names, as it writes it ("The Canadian Press", "Reuters"), or None ("By
    Tom Reyes", "Staff and agencies")."""
    line = line.strip(_EDGES)
    if _credit_words(line) in _OUTLETS:
        return re.sub(r"^(?i:by|with)\s+", "", line).rstrip(".:;,")
    if "|" in line:
        outlet = _bar_outlet(line)
        return outlet or None
    m = _NAME_OUTLET.match(line)
    if m is not None and _names_an_outlet(m["outlet"]):
        outlet = m["outlet"].strip(_EDGES + ".")
        return outlet if _credit_words(outlet) not in _CREDITS or _credit_words(outlet) in _OUTLETS else None
    return None


def _credit_words(line: str) -> str:
    """A line as credit_lines.txt lists it: lower case, without "By"/"With" and the punctuation around."""
    low = line.lower().strip(_EDGES + ".:;,")
    return re.sub(r"^(?:by|with)\s+", "", low)


def _names_an_outlet(part: str) -> bool:
    """"The Canadian Press", "Reuters", "Washington Post Staff Writer": a credit line, or words that end on
    a word of an outlet's name and say nothing ("Putin Meets Xi, Says State TV" is a headline)."""
    words = [w.strip(".") for w in re.findall(r"[\w&'’.-]+", part.lower())]
    if _credit_words(part) in _CREDITS:
        return True
    return bool(words) and words[-1] in _OUTLET_WORDS and not set(words) & _SAYING


_SAYING = frozenset({"says", "said", "reports", "reported", "claims", "warns", "tells", "told", "sources"})


def _date_only(line: str) -> bool:
    """A line that only dates the article: "Published: 28 February 2023", "Tue 28 Feb 2023 09.15 GMT"."""
    if len(line) > 100:
        return False
    found = [t for t in timex.tag(line) if t.type in ("DATE", "TIME")]
    if not found:
        return False
    rest = line
    for t in sorted(found, key=lambda t: -t.start):
        rest = rest[:t.start] + " " + rest[t.end:]
    return not _DATE_LABELS.sub("", rest).strip()
