"""A rule-based temporal expression tagger (TimeML TIMEX3 values).

``tag(text, anchor)`` finds time expressions with regular expressions in the
style of HeidelTime/SUTime and normalizes them:

* absolute dates ("November 9, 2020", "9 Nov. 2020", "2020-11-09", "11/9/2020",
  "in 2022", "the 1990s", "the third quarter", "last fall");
* relative dates resolved against ``anchor`` (the publication date), in the
  direction the tense of the clause implies ("Tuesday", "in December", "last
  month", "two weeks ago", "next year");
* anaphoric dates resolved against the previous date in the text ("the
  following day", "two days later", "that day");
* durations ("three years" -> P3Y), sets ("every week" -> P1W), clock times, and
  the generic references PRESENT_REF / PAST_REF / FUTURE_REF.

Without an anchor, relative values stay underspecified ("XXXX-12-12",
"XXXX-WXX-2") or become reference types (PAST_REF ...); the clock is never
consulted.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["Timex", "tag", "calendar_date"]


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str


# --------------------------------------------------------------------------- vocab

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}
UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W",
    "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE", "centurie": "CE", "weekend": "WE", "night": "D",
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12, "half": 0.5,
}
VAGUE_NUMBERS = {"several", "few", "many", "some", "number", "numerous", "dozens", "hundreds"}
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "last": 4, "final": 4,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}

# --------------------------------------------------------------------------- regex parts

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|"
    r"Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMW = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|a hundred|one hundred|a dozen|half an?|a|an)"
)
_NUM = rf"(?:\d+(?: 1/2|\.\d+)?|{_NUMW}|(?:a )?(?:few|couple(?: of)?)|several|many|some|a number of)"
_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))"
_MOD = (
    r"(?:(?:about|around|approximately|roughly|nearly|almost|more than|less than|fewer than|at least|"
    r"at most|up to|over(?!\s+the\b)|under(?!\s+the\b)|some|only|just|barely|no more than|no less than|well over|"
    r"the better part of|an additional|another|the first|the last|the past|the next|the previous|"
    r"the coming|the final|the following|the latest|the same|the initial|the remaining|the full|the entire|"
    r"the|past|last|next|first|recent|coming|previous)\s+)*"
)
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# a spoken year in broadcast transcripts: "nineteen ninety-four"
_WYEAR = (r"(?:nineteen|twenty)[- ](?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
          r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b")
# "June last year", "April next year", "early October this year"
_RELYEAR = r",?\s+(?:of\s+)?(?P<ry>last|this|next)\s+year\b(?!['’])"
_EDGE = r"(?:(?:the\s+)?(?:early|late|mid|middle|end|beginning|start)(?:\s+of)?(?:\s+the)?[- ]|mid-)?"
# time-zone abbreviations after a clock time, in capitals only ("ET", "BST", "JST", "CEST", "AEDT")
_TZ = r"(?-i:[ECMP][SD]?T|GMT|UTC|BST|CES?T|EES?T|WES?T|JST|KST|HKT|SGT|AE[SD]T|MSK|IST|PKT|SAST|WIB)"

_PATTERNS: list[tuple[str, str]] = [
    # ISO date with optional time
    ("iso", rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?:[ T](?P<hh>\d\d):(?P<mi>\d\d)(?::\d\d)?)?\b"),
    # 11/9/2020 (US order); 28/02/2023 (day first, as in British and European texts)
    ("slash", rf"\b(?P<m>0?[1-9]|[12]\d|3[01])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>\d{{4}}|\d\d)(?:\s+(?P<hh>\d\d):(?P<mi>\d\d)(?::\d\d)?)?\b"),
    # [Tuesday,] November 9[, 2020]
    ("mdy", rf"(?:\b(?P<rel>last|this|next|this coming)\s+)?(?:\b(?P<wd>{_WD}),?\s+)?{_EDGE}\b(?P<mon>{_MON})\s+(?P<d>{_DAYNUM})\b(?:,?\s+(?P<y>{_YEAR})\b|{_RELYEAR})?"),
    # 9 November [2020]
    ("dmy", rf"(?:\b(?P<wd>{_WD}),?\s+)?\b(?:the\s+)?(?P<d>{_DAYNUM})\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR})\b)?"),
    # [early] November [of] [2020] / last November / this December
    ("my", rf"(?:\b(?P<rel>the following|the next|the previous|the preceding|this past|last|this|next|past|coming)\s+)?{_EDGE}\b(?P<mon>{_MON})(?:,?\s+(?:of\s+)?(?:(?P<y>{_YEAR})\b|(?P<wy>{_WYEAR}))|{_RELYEAR}|(?![\w]))"),
    # seasons
    ("season", rf"(?:\b(?P<rel>this past|last|this|next|past|coming)\s+)?{_EDGE}\b(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?:(?P<y>{_YEAR})\b|(?P<wy>{_WYEAR}))|{_RELYEAR})?"),
    # quarters and halves
    ("quarter", rf"\b(?:the\s+)?(?:(?P<rel>latest|last|previous|current|this|next|year-earlier|year-ago|same)\s+)?(?:(?P<fy>fiscal|calendar)(?:\s+(?P<y1>{_YEAR}))?\s+)?(?:(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[- ])?(?P<q>quarter|half)\b(?![- ]?(?:point|of a|-century|-mile))(?:\s+(?:of\s+)?(?:(?:fiscal|calendar)\s+)?(?P<y2>{_YEAR})\b|\s+of\s+(?P<ry2>the|this|last|next)\s+(?:(?:fiscal|calendar)\s+)?year\b(?!['’]))?"),
    # fiscal periods tied to a year: "the 1988 third quarter", "this year's third quarter",
    # "the year-ago period", "the quarter a year ago", "the latest period"
    # "the July-September quarter", "the April–June period"
    ("monthsq", r"\b(?:the\s+)?(?P<m1>Jan(?:uary|\.)?|Apr(?:il|\.)?|July?\.?|Oct(?:ober|\.)?)\s?[-–/]\s?(?P<m2>Mar(?:ch|\.)?|June?\.?|Sep(?:t|tember)?\.?|Dec(?:ember|\.)?)"
                rf"\s+(?:(?P<y>{_YEAR})\s+)?(?:quarter|period)\b"),
    ("yearq", rf"\b(?:the\s+)?(?:fiscal\s+)?(?P<y>{_YEAR})\s+(?:(?P<ord>first|second|third|fourth)[- ])?(?P<p>quarter|period)\b(?!-)"),
    ("relyearq", r"\b(?P<rel>this|next|last)\s+year['’]s\s+(?:(?P<ord>first|second|third|fourth)[- ])?(?P<p>quarter|period)\b(?!-)"),
    ("agoq", r"\b(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?:year-earlier|year-ago)\s+(?P<p>quarter|period)\b"
             r"|\bthe\s+(?:(?:comparable|corresponding|same)\s+)?(?P<p2>quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|(?:of\s+)?the\s+previous\s+year)\b"),
    ("latestp", r"\bthe\s+latest\s+(?:(?P<p>period)|(?P<fy>fiscal\s+year))\b"),
    # a bare day of the month: "talks resume on the 20th"
    ("ordday", r"\b(?:on|by|until|till|from|since|before|after|through)\s+(?P<x>the\s+(?P<d>[12]\d|3[01]|[1-9])(?:st|nd|rd|th))\b"
               r"(?=\s*[,.;:!?)\"'”]|\s*$|\s+(?:and|or|to|at|in|when|with|but|as|after|before|for|until|if)\b)"),
    ("weekof", rf"\bthe\s+week\s+of\s+(?P<mon>{_MON})\s+(?P<d>{_DAYNUM})\b(?:,?\s+(?P<y>{_YEAR})\b)?"),
    ("term", r"\b(?:in\s+|over\s+|for\s+)?the\s+(?P<w>near|short|long)\s+term\b(?=\s*[,.;:!?)\"'”]|\s+(?:and|or|but|as|to|for|in|at|of|is|are|was|were|will|would)\b|\s*$)"),
    ("qabbr", rf"\b(?P<q>Q[1-4])(?:\s+(?P<y>{_YEAR}))?\b|\b(?P<h>H[12])\s+(?P<hy>{_YEAR})\b|\bFY\s?(?P<fy>{_YEAR}|\d\d)\b"),
    # decades
    ("decade", rf"\b(?:the\s+)?{_EDGE}(?:(?P<c>1[6-9]|20)(?P<dd>\d)0|'(?P<sd>\d)0)'?s\b|\bthe\s+{_EDGE}(?P<sd2>[1-9])0['’]?s\b"),
    # fiscal year / plain year
    ("year", rf"(?<![\w$#.,/-])(?:(?P<fy>fiscal year|calendar year|fiscal|calendar|the year|year)\s+)?{_EDGE}(?P<y>{_YEAR})(?![\w%/]|,\d|\.\d|-\d|\s*(?:percent|per cent))"),
    # clock time, optionally followed by a day
    ("clock", rf"\b(?:(?:about|around|at about|approximately|shortly after|shortly before|just after|just before)\s+)?(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am\b|pm\b|a\.m\b|p\.m\b)(?:\s+(?P<tz>{_TZ})\b)?(?:,?\s+(?P<wd>{_WD}|today|yesterday|tomorrow)\b|,?\s+(?P<cmon>{_MON})\s+(?P<cd>{_DAYNUM})\b(?:,?\s+(?P<cy>{_YEAR})\b)?)?"),
    ("clockz", rf"\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?P<tz>{_TZ}|local\s+time)\b"
               r"|\b(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)\b(?!\s*(?:[ap]\.?m\b|[-:.,]\d|\d))"),
    ("clock24", rf"\b(?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::\d\d)?\s*(?P<tz>{_TZ})\b"),
    ("noon", rf"(?<!-)\b(?P<w>noon|midnight|midday|mid[- ]?afternoon|mid[- ]?morning|dawn|dusk)(?:\s+(?P<wd>{_WD}|today|yesterday|tomorrow)\b)?"),
    # weekdays with modifiers and parts of day
    ("weekday", rf"\b(?:(?P<rel>last|this past|this|next|past|coming|early|late|on|the previous|the preceding|the following|the next)\s+)?(?P<wd>{_WD})(?!s\b)(?:\s+(?P<part>morning|afternoon|evening|night)(?!s\b))?(?!,?\s+{_MON})"),
    ("weekdays", rf"\b(?P<wd>{_WD})(?:s\b|\s+(?P<part>mornings|afternoons|evenings|nights)\b)"),
    # deictic days
    ("deictic", r"\b(?:(?P<edge>early|late|earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow)(?:\s+(?P<part>morning|afternoon|evening|night))?\b"),
    # "overnight" ("struck overnight", "overnight losses"), not a kind of thing ("overnight rates", "an overnight success")
    ("overnight", r"\bovernight\b(?![- ](?:rates?|lending|loans?|repo|index|interbank|money|success|sensation|celebrity|star|hit|bag|stay|"
                  r"camp|trip|flight|train|bus|ferry|shift|express|delivery|oats)\b)"),
    ("part", r"\b(?P<rel>this|last|tomorrow|yesterday|this past|early this|late this|later this|earlier this)\s+(?P<part>morning|afternoon|evening|night)\b"),
    # set expressions
    ("set", rf"\b(?:(?:every|each|per)\s+(?:(?P<n>{_NUMW}|other|\d+)\s+)?(?P<u>{_UNIT}|{_WD}|{_MON}|spring|summer|autumn|winter|weekends?|(?:morning|afternoon|evening|night)s?\b)|(?:once|twice|(?:{_NUMW}|\d+) times)\s+(?:a|an|per|each)\s+(?P<u2>{_UNIT})|(?P<adv>daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly|biweekly|semiannually))\b"),
    # "two weeks ago", "three years earlier/later"
    ("ago", rf"\b{_MOD}(?P<n>{_NUM})[\s-]+(?P<u>{_UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|previously|hence|from now)\b"),
    # "a week from Monday", "ten days from today": that far after the named day
    ("fromday", rf"\b(?P<n>{_NUM})[\s-]+(?P<u>days?|weeks?|fortnights?)\s+from\s+(?P<wd>{_WD}|today|tomorrow)\b"),
    ("yearago", r"\b(?P<w>year|month|week|quarter)[- ](?P<dir>earlier|ago)\b"),
    # last/this/next unit
    ("relunit", r"\b(?:(?P<edge>early|earlier|late|later|mid)\s+)?(?P<rel>last|this past|this|next|the past|the previous|the coming|the current|the following|the preceding|the same|that|previous|current|the next|coming|past)\s+(?P<fy>fiscal\s+(?=year))?(?P<u>week|month|year|decade|century|weekend)\b(?!['’]?s?\s+of\b)"),
    # anaphoric days
    ("anaday", r"\b(?P<rel>the following|the next|the previous|the preceding|that|the same|that same|the very next)\s+(?P<u>day|morning|afternoon|evening|night)\b"),
    ("daybefore", r"\bthe\s+(?P<u>day|week|month|year)\s+(?P<dir>before|after)(?=\s*[,.;:!?)”\"']|\s+(?:that|this|last|yesterday)\b)"),
    # durations
    ("duration", rf"\b{_MOD}(?P<n>{_NUM})(?:\s+(?:more|additional|full|straight|consecutive|long|short|trading|business|working|calendar))?[\s-]+(?P<u>{_UNIT})(?P<adj>-(?:long|old))?(?:\s+(?:and\s+a\s+half))?\b"),
    ("unitlong", r"\b(?P<u>hour|day|week|month|year|decade|century)[- ]long\b"),
    ("bareunits", r"\b(?P<pre>(?:recent|coming|past|the past|the last|in recent|several|many|the next few|the)\s+)?(?P<u>years|months|weeks|days|decades|hours|centuries)(?P<adj>-long)?\b"),
    # generic references
    ("ref", r"\b(?P<w>now|right now|currently|nowadays|at present|at the moment|these days|presently|recently|lately|in the past|the past|previously|formerly|soon|the future|in the near future|in the future|the near future|future|the time being|at this time|at that time|once|eventually|so far|to date|as yet|yet|earlier)\b"),
    ("refadj", r"\b(?P<w>current|recent|former|latest)(?=\s+[a-z])"),
    # holidays
    ("holiday", rf"\b(?P<w>Christmas(?: Day| Eve)?|New Year['’]s(?: Day| Eve)?|Thanksgiving(?: Day)?|Independence Day|Labor Day|Memorial Day|Halloween|Valentine['’]s Day|Election Day|Easter(?: Sunday| Monday| week)?|Good Friday|"
     r"Nowruz|Norouz|Newroz|Armistice Day|Remembrance Day|Bastille Day|Boxing Day|Anzac Day|May Day|"
     rf"Ramadan|Eid(?: al-(?:Fitr|Adha))?|Yom Kippur|Rosh Hashanah|Hanukkah|Passover|Diwali|Lunar New Year|Chinese New Year)\b(?:,?\s+(?P<y>{_YEAR})\b)?"),
    # spoken years and decades: "nineteen ninety-six", "the year two thousand", "the nineties"
    ("wordyear", r"\b(?:the\s+year\s+)?(?:nineteen|twenty)[- ](?P<t>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?P<o>one|two|three|four|five|six|seven|eight|nine))?\b(?!\s+(?:percent|per|hundred|thousand|million|billion|dollars|people))|\bthe\s+year\s+two\s+thousand(?:\s+and\s+(?P<o2>one|two|three|four|five|six|seven|eight|nine|ten))?\b"),
    ("worddecade", r"\b(?:the\s+)?(?:early\s+|late\s+|mid-)?(?:nineteen[- ])?(?P<t>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"),
    # "in the new year": the year that begins next
    ("newyear", r"\b(?:in|into|after|from|by|until|till|early in|for|over)\s+(?P<x>the\s+new\s+year)\b(?!['’])"),
    # the weekend, the year, year-end
    ("theunit", r"\b(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)?the\s+(?P<mod>full\s+|fiscal\s+|current\s+|whole\s+|entire\s+)?(?P<u>weekend|year)\b(?!\s*[-’']|\s+(?:of|before|after|in|that|when|ago|earlier)\b)"),
    ("endof", r"\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+the\s+(?P<u>month|week)\b(?!\s*['’-]|\s+(?:of|before|after|that|when)\b)"),
    ("yearend", r"\b(?:the\s+)?year(?:-end|\s+end|['’]s\s+end)\b"),
    # century
    ("century", r"\b(?:the\s+)?(?:(?P<rel>this|last|next|the past)\s+century|(?P<ord>\d\d)(?:st|nd|rd|th)[- ]century)\b"),
]

_COMPILED = [(name, re.compile(p, re.IGNORECASE)) for name, p in _PATTERNS]

# words that make a bare "may"/"march"/... acceptable as a month
_MONTH_PREP = re.compile(
    r"(?:\b(?:in|since|by|until|till|through|from|to|of|before|after|during|early|late|mid|last|next|this|"
    r"between|and|or|on|for|past|coming)\s+|mid-)$",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- helpers


def _num(s: str) -> float | None:
    """Number from digits or words; None when vague ("several")."""
    s = s.lower().strip().replace("-", " ")
    if re.fullmatch(r"\d+(\.\d+)?", s):
        return float(s)
    if re.fullmatch(r"\d+ 1/2", s):
        return float(s.split()[0]) + 0.5
    words = s.split()
    if words in (["half", "a"], ["half", "an"]):  # "half a century"
        return 0.5
    if "couple" in words:  # "a couple of years": two (TimeML P2Y)
        return None if any(w in VAGUE_NUMBERS for w in words) else 2.0
    if not words or any(w in VAGUE_NUMBERS for w in words):
        return None
    total = 0.0
    cur = 0.0
    for w in words:
        if w == "of":
            continue
        v = NUMBERS.get(w)
        if v is None:
            return None
        if v == 100:
            cur = (cur or 1) * 100
        elif v == 12 and w == "dozen":
            cur = (cur or 1) * 12
        else:
            cur += v
    total += cur
    return total


def _fmt_num(n: float | None) -> str:
    if n is None:
        return "X"
    if n == int(n):
        return str(int(n))
    return str(n)


def _unit_key(u: str) -> str:
    u = u.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") and u[:-1] in UNITS else u


def _duration(n: float | None, unit: str) -> str:
    u = _unit_key(unit)
    if u == "fortnight":
        n = None if n is None else n * 2
    if u == "decade":
        return f"P{_fmt_num(None if n is None else n * 10)}Y"
    if u == "century":
        return f"P{_fmt_num(None if n is None else n * 100)}Y"
    if u == "quarter":
        return f"P{_fmt_num(None if n is None else n * 3)}M"
    if u == "weekend":
        return "P2D" if n in (None, 1) else f"P{_fmt_num(n * 2)}D"
    code = UNITS.get(u, "D")
    if n is not None and n != int(n):  # half units: "2 1/2 years" P2Y6M, "half an hour" PT30M
        whole = int(n)
        if code == "H":
            return f"PT{whole}H{int(round((n - whole) * 60))}M" if whole else f"PT{int(n * 60)}M"
        if code == "M" and u == "minute":
            return f"PT{whole}M{int(round((n - whole) * 60))}S" if whole else f"PT{int(n * 60)}S"
        if code == "Y":
            return f"P{whole}Y{int(round((n - whole) * 12))}M" if whole else f"P{int(n * 12)}M"
        if code == "D":
            return f"P{whole}DT{int(round((n - whole) * 24))}H" if whole else f"PT{int(n * 24)}H"
        if code == "M":
            return f"P{whole}M{int(round((n - whole) * 30))}D" if whole else f"P{int(n * 30)}D"
    if code in ("H", "S") or (code == "M" and u == "minute"):
        return f"PT{_fmt_num(n)}{code}"
    return f"P{_fmt_num(n)}{code}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _parse_value_date(v: str) -> dt.date | None:
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)", v)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def calendar_date(value: str) -> str | None:
    """The calendar part of a TIMEX3 value when it is a plain date ("YYYY-MM-DD",
    "YYYY-MM" or "YYYY", a time reduced to its day); None otherwise."""
    m = re.match(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?$", value)
    if not m:
        return None
    if m[3]:
        try:
            dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        return f"{m[1]}-{m[2]}-{m[3]}"
    if "T" in value:
        return None
    if m[2]:
        return f"{m[1]}-{m[2]}" if 1 <= int(m[2]) <= 12 else None
    return m[1]


# --------------------------------------------------------------------------- tense

_STRONG_FUTURE = {"will", "'ll", "’ll", "shall", "wo", "would", "gonna", "upcoming", "tomorrow", "next"}
_INTENT = ("plan", "plans", "planned", "planning", "scheduled", "expects", "expect", "expected", "intends",
           "intend", "due", "hopes", "hope", "aims", "set", "going", "scheduling", "slated")
# a present "be" before these words looks ahead: "is forecast to", "are likely to", "is poised to"
_FORECAST = {"forecast", "predicted", "projected", "likely", "poised", "slated", "tipped", "scheduled", "planned"}
_STRONG_PAST = {"said", "did", "had", "has", "have", "been", "ago", "last", "yesterday", "told", "announced",
                "reported", "earlier", "was", "were", "'d", "’d"}
_IRREGULAR_PAST = {"went", "came", "made", "took", "gave", "began", "left", "held", "won", "lost", "fell", "rose",
                   "sold", "bought", "paid", "found", "saw", "got", "became", "met", "spoke", "wrote", "ran",
                   "brought", "kept", "sent", "led", "felt", "struck", "hit", "put", "set", "cut", "quit", "began",
                   "spent", "thought", "sought", "fought", "taught", "caught", "built", "drove", "flew", "grew", "knew",
                   "threw", "wore", "chose", "rode", "broke", "stole", "froze", "woke", "forgot", "hid", "fled", "meant",
                   "dealt", "slept", "swept", "wept", "shot", "stood", "understood", "withdrew", "drew", "sat", "laid",
                   "heard", "arose", "sank", "shook", "swore", "tore", "rang", "sang", "swam", "overcame", "undertook",
                   "oversaw", "withheld", "upheld", "dug", "hung", "slid", "spun", "stuck", "swung", "lent", "bent",
                   "sprang", "sped", "overthrew", "forgave", "mistook", "shrank", "told", "sold", "said"}
_NOT_PAST_ED = {"need", "speed", "seed", "feed", "indeed", "proceed", "exceed", "succeed", "bed", "red", "shed",
                "bled", "deed", "weed", "breed", "reed", "greed", "creed", "steed", "embed"}
_FUTURE_PREP = re.compile(r"\b(?:by|until|till|through|effective|payable|as early as|as soon as|starting|beginning|expires?|expiring|before)\s+(?:the\s+)?$", re.I)
_UNTIL_PREP = re.compile(r"\b(?:until|till|through|as early as|effective|payable|starting|beginning)\s+(?:the\s+)?$", re.I)
_FRONT = {"in", "on", "at", "by", "since", "during", "early", "late", "last", "the", "of", "until", "through",
          "and", "but", "then", "also", "so", "later", "earlier", "until", "before", "after", "from", "mid"}
_CLAUSE_STOP = {"and", "that", "which", "who", "but", ",", ";", "when", "while", "because", "after", "before", "although", "since"}
_BE_PRESENT = {"is", "are", "am", "'s", "’s"}
_BE_PRESENT_PASSIVE = {"is", "are", "am"}
_WORD = re.compile(r"[\w'’]+|[;]|,")


_MODALS = {"will", "would", "could", "can", "may", "might", "should", "must", "to", "'ll", "’ll", "shall"}
_DETS = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those"}


def _strong(w: str, nxt: str | None, prev: str | None = None) -> str | None:
    lw = w.lower()
    n = (nxt or "").lower()
    if lw in _BE_PRESENT and n == "to":
        return "future"
    if lw in _BE_PRESENT | {"'re", "’re"} and n in _FORECAST:
        return "future"  # "temperatures are forecast to reach 30C on Saturday"
    if lw in ("was", "were") and n == "to":
        return "past"
    if lw in ("was", "were") and n in _INTENT:
        return "future"
    if lw in _INTENT and (prev or "").lower() in _DETS:
        return None  # "the plan", "a set"
    if lw == "last" and ((prev or "").lower() in _MODALS or n in ("for", "until", "till", "through", "into")):
        return None  # the verb: "the ban will last", "talks could last for days"
    if lw == "next" and n == "to":
        return None  # the preposition: "the building next to the embassy"
    if lw in _STRONG_FUTURE:
        return "future"
    if lw in _INTENT:
        if lw in ("set", "due", "going") and n not in ("to", "for"):
            return None
        if lw == "expected" and n != "to":
            # "the verdict is expected on Thursday": a present passive of an expectation looks ahead
            return "future" if (prev or "").lower() in ("is", "are", "'s", "’s", "'re", "’re") else None
        return "future"
    if lw in _STRONG_PAST:
        return "past"
    return None


def _weak(w: str) -> str | None:
    lw = w.lower()
    if lw in _IRREGULAR_PAST:
        return "past"
    if lw.endswith("ed") and len(lw) > 4 and lw not in _NOT_PAST_ED and w[0].islower():
        return "past"
    return None


# verbs of scheduled events: in the simple present a date they govern lies ahead
# ("they meet Monday", "the president travels Tuesday to ...", "talks resume in April")
_SCHEDULED = {
    "meet", "travel", "visit", "play", "open", "reopen", "begin", "start", "end", "close", "hear", "arrive",
    "leave", "head", "return", "resume", "vote", "face", "host", "hold", "launch", "debut", "expire", "go",
    "fly", "sign", "testify", "appear", "speak", "address", "unveil", "deliver", "air", "premiere", "convene",
    "gather", "march", "race", "compete", "conclude", "decide", "rule", "kick", "take", "tour", "attend",
    "sit", "run", "wrap", "continue", "remain", "stay", "meets", "travels", "visits", "plays", "opens",
    "reopens", "begins", "starts", "ends", "closes", "hears", "arrives", "leaves", "heads", "returns",
    "resumes", "votes", "faces", "hosts", "holds", "launches", "debuts", "expires", "goes", "flies", "signs",
    "testifies", "appears", "speaks", "addresses", "unveils", "delivers", "airs", "premieres", "convenes",
    "gathers", "marches", "races", "competes", "concludes", "decides", "rules", "kicks", "takes", "tours",
    "attends", "sits", "runs", "wraps", "continues", "remains", "stays",
}
_NOT_BEFORE_PRESENT = {"did", "didn't", "didn’t", "not", "never", "to", "had", "has", "have", "was", "were"} | _DETS


def _present_scheduled(lw: list[str], rw: list[str]) -> bool:
    """A present-tense verb of a scheduled event governs the date: "they meet
    [separately] Monday", "the vote is Thursday", "the court hears the case Wednesday",
    "Brazilians vote in a presidential runoff on Sunday". Not when a past verb follows the
    date: then the "verb" was a noun of the subject ("the Brexit vote in June sent ...")."""
    if rw and _weak(rw[0]) == "past":
        return False
    j = len(lw) - 1
    if j >= 0 and lw[j].lower() in ("on", "in", "at", "late", "early", "until", "through"):
        j -= 1
    if j >= 0 and lw[j].lower() in ("is", "are") and (j == 0 or lw[j - 1].lower() not in ("it", "there", "that", "this", "what")):
        return True  # "the vote is Thursday"
    if j >= 1 and lw[j].lower() == "due" and lw[j - 1].lower() in ("is", "are", "'s", "’s", "'re", "’re"):
        return True  # "results are due Tuesday"
    # the verb, up to five words (an adverb, an object) before the date
    for i in range(j, max(-1, j - 6), -1):
        w = lw[i]
        lo = w.lower()
        if w in (",", ";") or lo in _CLAUSE_STOP:
            return False
        if lo.endswith("ing") and i and lw[i - 1].lower() in ("is", "are", "am", "'s", "’s", "'re", "’re") and (
                {lo[:-3], lo[:-3] + "e", lo[:-4]} & _SCHEDULED):
            return True  # the present progressive of a planned event: "the minister is traveling to Kyiv Thursday"
        if lo in _SCHEDULED and w[0].islower():
            prev = lw[i - 1].lower() if i else ""
            if prev in _NOT_BEFORE_PRESENT or prev.endswith(("n't", "n’t", "'s", "’s", "ed")):
                return False  # "did not meet", "to meet", "a televised address", "the team's visit"
            if lo == "take" or lo == "takes":
                nxt = lw[i + 1].lower() if i + 1 < len(lw) else (rw[0].lower() if rw else "")
                if nxt not in ("effect", "office", "place", "over", "part"):
                    return False
            return True
        if _weak(w) or _strong(w, None) or lo in _BE_PRESENT:
            return False
    return False


def _reach(words: list[str], n: int) -> int:
    """How many of ``words`` make up ``n`` words when the words of a capitalized name
    count as one: "the National Abortion and Reproductive Rights Action League plans"
    reaches the verb."""
    k = 0
    for i, w in enumerate(words):
        if not (i and w[:1].isupper() and words[i - 1][:1].isupper() or w.lower() == "and" and i and words[i - 1][:1].isupper()
                and i + 1 < len(words) and words[i + 1][:1].isupper()):
            k += 1
        if k > n:
            return i
    return len(words)


_AT_CLOCK = re.compile(r"\s+at\s+(?:about\s+|around\s+)?\d[\d:.]*\s*(?:[ap]\.?m\.?)?(?:\s+(?:local\s+time|" + _TZ + "))?"
                       r"(?:\s*\([^()]{1,24}\))?,?(?P<on>\s+on)?\s*$", re.I)


def _skip_clock(left: str) -> str:
    """A clock time between the verb and the day does not part them: in "polls close at
    8pm local time (1700 GMT) on Sunday" the verb "close" governs "Sunday"."""
    m = _AT_CLOCK.search(left)
    return left[:m.start()] + (" on " if m and m["on"] else " ") if m else left


# a period that ends an abbreviation, not a sentence: "a.m.", "p.m.", "U.S.", "Sen.", "Gen."
_ABBREV_STOP = re.compile(r"(?:\b[A-Za-z]\.[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Pres|No|Jr|Sr|Rev|Adm|Cmdr))$")


def _last_full_stop(left: str) -> int:
    """Where the last sentence-ending ". " in ``left`` is, -1 if none: the period of an
    abbreviation does not end the sentence ("at 9:30 a.m. ET on Wednesday", "Sen. Smith
    said on Monday")."""
    i = left.rfind(". ")
    while i >= 0 and _ABBREV_STOP.search(left, max(0, i - 6), i):
        i = left.rfind(". ", 0, i)
    return i


def _relative_past(lw: list[str]) -> bool:
    """The date sits in a relative clause with a past verb: "talks that began in Riyadh on
    Monday will continue on Friday" ("will" belongs to the main clause)."""
    for k in range(len(lw) - 1, max(-1, len(lw) - 9), -1):
        lo = lw[k].lower()
        if lw[k] in (",", ";") or lo in _CLAUSE_STOP and lo not in ("that", "which", "who"):
            return False
        if lo in ("that", "which", "who"):
            inner = lw[k + 1:]
            return any(_weak(w) == "past" and (not i or inner[i - 1].lower() not in _BE_PRESENT_PASSIVE | _MODALS | {"be", "been"})
                       for i, w in enumerate(inner)) and not any(_strong(w, None) == "future" for w in inner)
    return False


def _text_tense(text: str, start: int, end: int) -> str | None:
    """Tense of the clause around [start, end), from nearby markers: a heuristic."""
    lo = max(0, start - 240)
    left = text[lo:start]
    cut = max(_last_full_stop(left), left.rfind("\n"), left.rfind("? "), left.rfind("! "))
    if cut >= 0:
        left = left[cut + 1:]
    left = _skip_clock(left)
    right = text[end:end + 160]
    m = re.search(r"[.?!]\s|\n", right)
    if m:
        right = right[:m.start()]
    lw = _WORD.findall(left)
    rw = _WORD.findall(right)
    rstop = len(rw)
    # "In January, American Medical brought ...": a fronted date belongs to the clause after the comma
    fronted = all(w.lower() in _FRONT for w in lw[-3:]) if len(lw) <= 3 else False
    for i, w in enumerate(rw):
        if w.lower() == "and" and 0 < i < len(rw) - 1 and rw[i - 1][:1].isupper() and rw[i + 1][:1].isupper():
            continue  # inside a name ("the Labor and Welfare Committee plans ..."), not between clauses
        if (w == "," and not (fronted and i == 0)) or (w != "," and w.lower() in _CLAUSE_STOP):
            rstop = i
            break
    rw = rw[:rstop]
    best = None
    # the verb right before the date governs it: "Cuba predicted Wednesday", "met on Monday"
    j = len(lw) - 1
    if j >= 0 and lw[j].lower() in ("on", "at", "in", "late", "early"):
        j -= 1
    if (j >= 0 and _weak(lw[j]) == "past" and lw[j].lower() not in _INTENT
            and (j == 0 or lw[j - 1].lower() not in _DETS | {"another", "every", "each", "no", "any"})  # a noun: "another cut in May"
            and (j == 0 or lw[j - 1].lower() not in ("be", "being", "will", "would", "to", "can", "could", "may", "might", "must", "should", "shall")
                 and lw[j - 1].lower() not in _BE_PRESENT_PASSIVE)):
        return "past"
    if _present_scheduled(lw, rw):
        return "future"
    if _relative_past(lw):
        return "past"
    pluperfect = any(w.lower() == "had" for w in lw[-16:] + rw[:7])
    if _UNTIL_PREP.search(left[-25:]) and not pluperfect:
        return "future"  # "until Friday" looks ahead, unless "until Friday, they had not ..."
    for i in range(len(lw) - 1, max(-1, len(lw) - 17), -1):
        t = _strong(lw[i], lw[i + 1] if i + 1 < len(lw) else (rw[0] if rw else None), lw[i - 1] if i else None)
        if t:
            if t == "future" and lw[i].lower() in _INTENT and [w.lower() for w in lw[max(0, i - 2):i]] == ["had", "been"]:
                t = "past"  # "had been due to expire Friday": a plan that lay in the past
            best = (len(lw) - i, t)
            break
    for i, w in enumerate(rw[:_reach(rw, 7)]):
        t = _strong(w, rw[i + 1] if i + 1 < len(rw) else None, rw[i - 1] if i else None)
        if t == "future" and fronted and w.lower() in _INTENT and w.lower().endswith("ed") and (
                not i or rw[i - 1].lower() not in ("is", "are", "was", "were", "be", "been")):
            t = "past"  # "On Friday, the government planned to pay ...": the planning was on Friday
        if t:
            if best is None or i + 1 < best[0]:
                best = (i + 1, t)
            break
    if best:
        return best[1]
    if _FUTURE_PREP.search(left[-30:]):
        return "future"
    for i in range(len(lw) - 1, max(-1, len(lw) - 13), -1):
        t = _weak(lw[i])
        if t and i and lw[i - 1].lower() in _BE_PRESENT_PASSIVE:
            continue  # a present passive: "when the case is heard in May"
        if t:
            return t
    for w in rw[:4]:
        t = _weak(w)
        if t:
            return t
    return None


_VERB_BEFORE = re.compile(r"\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?P<v>[a-z]+)\s+(?:on|in|at)?\s*$")


def _verb_before_is_past(text: str, start: int) -> bool:
    """A passive past verb governs the date: "the election was held on April 2"."""
    m = _VERB_BEFORE.search(text[max(0, start - 40):start])
    return bool(m and (_weak(m["v"]) == "past" or m["v"] in ("held", "born", "killed", "found", "shot")))


def _doc_tense(doc, start: int, end: int) -> str | None:
    """Tense of the verb the expression attaches to, from the dependency parse."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    verb = None
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") and cur is not tok:
            verb = cur
            break
        if cur.head is cur:
            if cur.pos_ in ("VERB", "AUX"):
                verb = cur
            break
        cur = cur.head
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for a in auxes:
        low = a.lower_
        if low in ("will", "'ll", "’ll", "shall", "wo", "would", "could", "might", "should", "may", "can", "must"):
            return "future"
        if a.tag_ == "TO" or low == "to":
            continue
        if low in ("going",):
            return "future"
    # "is to host" / "was to host"
    if verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in verb.children):
        head = verb.head
        if head.lemma_ == "be":
            return "past" if head.tag_ == "VBD" else "future"
        if head.lemma_ in ("plan", "expect", "schedule", "intend", "hope", "aim", "want", "seek"):
            return "past" if head.tag_ == "VBD" else "future"
    if any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if any(a.lemma_ == "have" for a in auxes):
        return "past"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "amod"):
        return "past"
    if verb.lemma_ in ("plan", "schedule", "expect", "intend") and verb.tag_ in ("VBZ", "VBP", "VBN"):
        return "future"
    return None


# --------------------------------------------------------------------------- tagger


@dataclass
class _Ctx:
    text: str
    anchor: dt.date | None
    doc: object | None
    last_day: dt.date | None = None
    last_value: str | None = None
    last_quarter: str | None = None  # the first "YYYY-Qn" mentioned: the period a report is about

    def tense(self, start: int, end: int) -> str | None:
        # the nearby-marker heuristic scores better on TimeBank than the parse;
        # the parse decides only when the heuristic finds nothing
        t = _text_tense(self.text, start, end)
        if self.doc is not None and (t is None or t == "future" and self._scheduled_word_is_a_noun(start)):
            # the parse decides when the heuristic finds nothing, or when the "scheduled
            # verb" it saw is a noun ("released Trump's tax returns on Saturday")
            t = _doc_tense(self.doc, start, end)
        return t

    def _scheduled_word_is_a_noun(self, start: int) -> bool:
        span = self.doc.char_span(max(0, start - 40), start, alignment_mode="contract")
        if span is None:
            return False
        near = [tok for tok in span if tok.lower_ in _SCHEDULED][-1:]
        return bool(near) and near[0].pos_ in ("NOUN", "PROPN")


_UNIT_T = r"second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur|night|morning|afternoon|evening"
_MON_T = r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
_WD_T = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# a cheap regex that any match of the pattern must contain: the pattern runs only near it
_UNITW_T = r"\b(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))\b"
_TRIGGERS = {
    "ago": r"\b(?:ago|earlier|later|before|after|previously|hence|from now)\b", "duration": _UNITW_T,
    "bareunits": r"\b(?:years|months|weeks|days|decades|hours|centuries)\b",
    "relunit": r"\b(?:week|month|year|decade|century|weekend)\b",
    "anaday": r"\b(?:day|morning|afternoon|evening|night)\b", "daybefore": r"\b(?:before|after)\b",
    "fromday": r"\bfrom\s+(?:mon|tues|wednes|thurs|fri|satur|sun|to)", "yearago": r"(?:year|month|week|quarter)[- ](?:earlier|ago)", "theunit": r"\b(?:weekend|year)\b",
    "set": r"\b(?:every|each|per|once|twice|times|daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly|biweekly|semiannually)\b",
    "my": _MON_T, "mdy": _MON_T, "dmy": _MON_T, "season": r"spring|summer|fall|autumn|winter",
    "quarter": r"quarter|half", "yearq": r"quarter|period", "relyearq": r"quarter|period",
    "agoq": r"quarter|period", "monthsq": r"quarter|period", "latestp": r"latest", "weekof": r"week of", "ordday": r"\d(?:st|nd|rd|th)\b", "term": r"\bterm\b", "weekday": _WD_T, "weekdays": _WD_T, "worddecade": r"ties\b",
    "wordyear": r"nineteen|twenty|thousand", "decade": r"\d0'?s\b", "century": r"centur",
    "deictic": r"\b(?:today|tonight|yesterday|tomorrow)\b", "clock": r"(?:\b|\d)[ap]\.?m\b",
    "part": r"\b(?:morning|afternoon|evening|night)\b",
    "clockz": r"\d\d\s*(?:[A-Z]{2,4}|local)\b|\d:\d\d\b",
    "endof": r"\b(?:end|beginning|start|middle)\s+of\s+the\s+(?:month|week)\b", "noon": r"noon|midnight|midday|afternoon|morning|dawn|dusk",
    "holiday": r"Christmas|New Year|Thanksgiving|Independence|Labor Day|Memorial Day|Halloween|Valentine|Election Day|Easter|Good Friday|"
               r"Nowruz|Norouz|Newroz|Armistice|Remembrance|Bastille|Boxing Day|Anzac|May Day|Ramadan|Eid|Yom Kippur|"
               r"Rosh Hashanah|Hanukkah|Passover|Diwali",
}
_TRIGGER_RX = {k: re.compile(v, re.IGNORECASE if k not in ("my", "mdy", "dmy") else 0) for k, v in _TRIGGERS.items()}


def _windows(text: str, rx: re.Pattern, left: int = 90, right: int = 45) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in rx.finditer(text):
        lo, hi = max(0, m.start() - left), min(len(text), m.end() + right)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _finditer(name: str, rx: re.Pattern, text: str):
    trig = _TRIGGER_RX.get(name)
    if trig is None:
        yield from rx.finditer(text)
        return
    last_end = -1
    for lo, hi in _windows(text, trig):
        # a window starts mid-word at worst; \b and look-behinds still see the real text
        while lo > 0 and text[lo - 1].isalnum():
            lo -= 1
        while hi < len(text) and text[hi].isalnum():
            hi += 1
        for m in rx.finditer(text, lo, hi):
            if m.start() < last_end:
                continue
            last_end = m.end()
            yield m


def _candidates(text: str) -> list[tuple[int, int, str, re.Match]]:
    out = []
    for prio, (name, rx) in enumerate(_COMPILED):
        for m in _finditer(name, rx, text):
            s, e = m.start(), m.end()
            # trim trailing whitespace / commas the optional groups may leave
            while e > s and text[e - 1] in " ,\t\n":
                e -= 1
            if e > s:
                out.append((s, e, name, m, prio))
    # longest first, then earliest, then pattern priority
    out.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[4]))
    taken = bytearray(len(text) + 1)
    chosen = []
    for s, e, name, m, _ in out:
        if any(taken[s:e]):
            continue
        taken[s:e] = b"\x01" * (e - s)
        chosen.append((s, e, name, m))
    chosen.sort()
    return chosen


_SECOND_DAY = re.compile(
    r"\s*(?:and|or|to|through|-|–)\s*(?P<d>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)?\b"
    r"(?![,.]\d)(?=\s*(?:[,.;:!?)\"'”]|$)|\s+(?:in|at|on|and|to|when|with|before|after|for|that|this|next|last|[A-Z])\b)",
    re.IGNORECASE,
)


def _second_day(text: str, end: int, value: str) -> Timex | None:
    """The bare day after a month-day date: "April 24 and 25", "May 5-6"."""
    mm = re.match(r"^(\d{4}|XXXX)-(\d\d)-(\d\d)$", value)
    m = _SECOND_DAY.match(text, end)
    if not mm or not m or int(m["d"]) <= int(mm[3]):
        return None
    v = f"{mm[1]}-{mm[2]}-{int(m['d']):02d}"
    if mm[1] != "XXXX" and calendar_date(v) is None:
        return None
    return Timex(m.start("d"), m.end(), text[m.start("d"):m.end()], "DATE", v)


_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|from|versus|vs\.)\s+(?:[^.;:!?]*?[\d$#%][^.;:!?]*?\s+)?$", re.I)
_EDGE_OF = re.compile(r"\b(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle)\s+of\s+$", re.I)
_OR_SO = re.compile(r"\s+or\s+(?:so|two|three|four|five|more)\b(?![- ](?:[a-z]+s|people|men|women)\b)", re.I)
_SHIFTED = re.compile(r"\b(?:ago|earlier|later|before|after)\b|year-(?:ago|earlier)", re.I)


def tag(text: str, anchor: dt.date | None = None, doc=None) -> list[Timex]:
    """Time expressions in ``text``, normalized against ``anchor``."""
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    ctx = _Ctx(text, anchor, doc)
    result: list[Timex] = []
    for s, e, name, m in _candidates(text):
        norm = _NORMALIZERS[name](m, ctx, s, e)
        if norm is None:
            continue
        if len(norm) == 3:  # normalizer adjusted the extent
            typ, value, (s, e) = norm
        else:
            typ, value = norm
        if e <= s:
            continue
        if name == "relunit" and typ == "DATE":
            edge = _EDGE_OF.search(text, max(0, s - 24), s)
            if edge:  # "the end of next week": the part of the period is in the extent (TimeML mod)
                s = edge.start()
        if name in ("duration", "relunit"):
            approx = _OR_SO.match(text, e)
            if approx:  # "a year or two", "the next month or so": the approximation is part of the expression
                e = approx.end()
        result.append(Timex(s, e, text[s:e], typ, value))
        if name == "mdy" and typ == "DATE":
            second = _second_day(text, e, value)  # "April 24 and 25": the 25th is a date too
            if second is not None:
                result.append(second)
        if typ in ("DATE", "TIME"):
            d = _parse_value_date(value)
            if d is not None:
                ctx.last_day = d
            comparison = ctx.last_quarter is not None and value[:4] < ctx.last_quarter[:4] and name in ("yearq", "relyearq")
            if re.match(r"^\d{3}(?:\d|$)", value) and not _SHIFTED.search(text[s:e]) and not comparison:
                ctx.last_value = value
                if re.match(r"^\d{4}-Q[1-4]$", value) and ctx.last_quarter is None:
                    ctx.last_quarter = value
    return result


# --------------------------------------------------------------------------- normalizers


def _cap_ok(word: str) -> bool:
    return word[:1].isupper()


def _month_num(tok: str) -> int:
    return MONTHS[tok.lower().rstrip(".")]


_DEFAULT_PAST = False


def _resolve_md(month: int, day: int | None, ctx: _Ctx, s: int, e: int) -> str:
    """Year for a month (and day) without one: on the side of the anchor the
    tense implies; a day (not a bare month) goes to the other side when the
    tense puts it most of a year away and the other side is close ("the offer
    was extended to Nov. 20" written on Nov. 2 means this Nov. 20)."""
    dd = f"-{day:02d}" if day else ""
    if ctx.anchor is None:
        return f"XXXX-{month:02d}{dd}"
    a = ctx.anchor
    tense = ctx.tense(s, e)
    key_a = (a.month, a.day if day else 0)
    key = (month, day or 0)
    past_y = a.year if key <= key_a else a.year - 1
    next_y = a.year if key >= key_a else a.year + 1

    def dist(y: int) -> int:
        try:
            d = dt.date(y, month, day or 15)
        except ValueError:
            d = dt.date(y, month, 28)
        return abs((d - a).days)

    if tense == "future":
        y, other = next_y, past_y
    elif tense == "past" or (tense is None and _DEFAULT_PAST):
        y, other = past_y, next_y
    else:  # nearest
        y = min((past_y, next_y), key=dist)
        other = y
    if day and dist(y) > _FAR and dist(other) < _NEAR and not (tense == "past" and _verb_before_is_past(ctx.text, s)):
        y = other
    return f"{y}-{month:02d}{dd}"


_FAR, _NEAR = 200, 100


def _rel_year(rel: str, ctx: _Ctx) -> str:
    if ctx.anchor is None:
        return "XXXX"
    return str(ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[rel.lower()])


def _n_iso(m, ctx, s, e):
    v = f"{m['y']}-{m['m']}-{m['d']}"
    if m["hh"]:
        return "TIME", f"{v}T{m['hh']}:{m['mi']}"
    return "DATE", v


_DAY_FIRST = re.compile(r"\b(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])/(?:\d{4}|\d\d)\b")


def _n_slash(m, ctx, s, e):
    """A slashed date: month first as in American texts, day first when the first number
    cannot be a month ("28/02/2023") or another slashed date of the text puts the day first."""
    y = m["y"]
    if len(y) == 2:
        y = ("19" if int(y) > 30 else "20") + y
    mo, d = int(m["m"]), int(m["d"])
    if mo > 12 or (d <= 12 and _DAY_FIRST.search(ctx.text)):
        mo, d = d, mo
    if mo > 12:
        return None
    v = f"{y}-{mo:02d}-{d:02d}"
    if calendar_date(v) is None:
        return None
    if m["hh"]:
        return "TIME", f"{v}T{m['hh']}:{m['mi']}"
    return "DATE", v


def _day(tok: str) -> int:
    return int(re.match(r"\d+", tok).group())


def _n_mdy(m, ctx, s, e):
    mon = m["mon"]
    if not _cap_ok(mon):
        return None
    month = _month_num(mon)
    day = _day(m["d"])
    if m["y"]:
        return "DATE", f"{m['y']}-{month:02d}-{day:02d}"
    if m["ry"]:
        return "DATE", f"{_rel_year(m['ry'], ctx)}-{month:02d}-{day:02d}"
    rel = (m["rel"] or "").lower()
    if rel and ctx.anchor is not None:
        a = ctx.anchor
        if rel == "last":
            y = a.year if (month, day) < (a.month, a.day) else a.year - 1
        else:
            y = a.year if (month, day) >= (a.month, a.day) else a.year + 1
        return "DATE", f"{y}-{month:02d}-{day:02d}"
    return "DATE", _year_by_weekday(m["wd"], month, day, ctx) or _resolve_md(month, day, ctx, s, e)


def _year_by_weekday(wd: str | None, month: int, day: int, ctx: _Ctx) -> str | None:
    """The weekday says which year ("Saturday, April 25", "Thursday 2 March"): the
    nearest year to the anchor's whose date falls on it."""
    if not wd or ctx.anchor is None:
        return None
    a = ctx.anchor
    for y in sorted((a.year, a.year - 1, a.year + 1), key=lambda y: abs(y - a.year)):
        try:
            if dt.date(y, month, day).weekday() == WEEKDAYS[wd.lower()]:
                return f"{y}-{month:02d}-{day:02d}"
        except ValueError:
            return None
    return None


def _n_dmy(m, ctx, s, e):
    mon = m["mon"]
    if not _cap_ok(mon):
        return None
    if mon.lower().startswith("may") and not m["y"] and not re.search(r"(?:on|from|since|until|by)\s+(?:the\s+)?$", ctx.text[max(0, s - 12):s]):
        # "5 May" vs "5 may ..." ambiguity: accept only with a preposition or year
        if not ctx.text[s:e].lower().startswith("the"):
            return None
    month = _month_num(mon)
    day = _day(m["d"])
    if m["y"]:
        return "DATE", f"{m['y']}-{month:02d}-{day:02d}"
    return "DATE", _year_by_weekday(m["wd"], month, day, ctx) or _resolve_md(month, day, ctx, s, e)


def _n_my(m, ctx, s, e):
    mon = m["mon"]
    if not _cap_ok(mon):
        return None
    month = _month_num(mon)
    full = ctx.text[s:e]
    low = mon.lower().rstrip(".")
    if (mon.endswith(".") or len(mon.rstrip(".")) <= 4 and low not in ("may", "june", "july")) and not m["y"]:
        # abbreviation without a day or year: "Jan." alone is rare
        return None
    attributive = re.search(r"\b(?:the|a|its|his|her|their)\s+$", ctx.text[max(0, s - 8):s], re.I) and re.match(
        r"\s+[a-z]{3,}\b", ctx.text[e:e + 20])  # "a June agreement", "the October slaying"
    if not m["y"] and not m["rel"] and full == mon and not attributive and not _MONTH_PREP.search(ctx.text[max(0, s - 12):s]):
        # a bare month needs a preposition: "in June", not "June Smith" or "May I"
        nxt = ctx.text[e:e + 2]
        if low in ("may", "march", "april", "june", "august") or not re.match(r"^[,.;:]|^\s*$", nxt):
            return None
    if m["y"] or m["wy"]:
        return "DATE", f"{m['y'] or _word_year(m['wy'])}-{month:02d}"
    if m["ry"]:
        return "DATE", f"{_rel_year(m['ry'], ctx)}-{month:02d}"
    rel = (m["rel"] or "").lower().replace("this past", "past")
    if rel.startswith("the "):
        # "took office the following January": the first such month after the date last named
        mm = re.match(r"^(\d{4})(?:-(\d\d))?", ctx.last_value or "")
        if mm is None and ctx.anchor is None:
            return "DATE", f"XXXX-{month:02d}"
        by, bm = (int(mm[1]), int(mm[2]) if mm[2] and 1 <= int(mm[2]) <= 12 else None) if mm else (ctx.anchor.year, ctx.anchor.month)
        if rel in ("the following", "the next"):
            y = by + 1 if bm is None or month <= bm else by
        else:
            y = by - 1 if bm is None or month >= bm else by
        return "DATE", f"{y}-{month:02d}"
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}"
    a = ctx.anchor
    if rel in ("last", "past"):
        y = a.year if month < a.month else a.year - 1
        return "DATE", f"{y}-{month:02d}"
    if rel in ("next", "coming"):
        y = a.year if month > a.month else a.year + 1
        return "DATE", f"{y}-{month:02d}"
    if rel == "this":
        return "DATE", f"{a.year}-{month:02d}"
    return "DATE", _resolve_md(month, None, ctx, s, e)


def _n_season(m, ctx, s, e):
    """A season, with its article as TimeBank marks it ("the summer of 2021", "the autumn")."""
    norm = _season_value(m, ctx, s, e)
    the = re.search(r"\bthe\s+$", ctx.text[max(0, s - 4):s], re.I)
    if norm is None or not the or m["rel"] or ctx.text[s:s + 4].lower() == "the ":
        return norm
    return norm[0], norm[1], (s - len(the.group()), e)


def _season_value(m, ctx, s, e):
    code = SEASONS[m["s"].lower()]
    if m["y"] or m["wy"]:
        return "DATE", f"{m['y'] or _word_year(m['wy'])}-{code}"
    if m["ry"]:
        return "DATE", f"{_rel_year(m['ry'], ctx)}-{code}"
    rel = (m["rel"] or "").lower().replace("this past", "past")
    if not rel and not re.search(r"(?:\b(?:in|this|last|next|the|since|until|by|during|early|late|of)\s+)$", ctx.text[max(0, s - 10):s], re.I):
        if ctx.text[s:e].lower() == m["s"].lower():
            return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}"
    a = ctx.anchor
    order = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
    cur = {12: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2, 9: 3, 10: 3, 11: 3}[a.month]
    if rel in ("last", "past"):
        y = a.year if order[code] < cur else a.year - 1
    elif rel in ("next", "coming"):
        y = a.year if order[code] > cur else a.year + 1
    elif rel == "this":
        y = a.year
    else:
        tense = ctx.tense(s, e)
        if tense == "past":
            y = a.year if order[code] <= cur else a.year - 1
        elif tense == "future":
            y = a.year if order[code] >= cur else a.year + 1
        else:
            y = a.year
    return "DATE", f"{y}-{code}"


def _n_quarter(m, ctx, s, e):
    r = _n_quarter_value(m, ctx, s, e)
    if r is not None and re.match(r"the\s+(?:fiscal\s+)?\w+-(?:quarter|half)$", ctx.text[s:e], re.I) and re.match(
            r"\s+[a-z]", ctx.text[e:e + 3]):
        s = s + 3 + len(re.match(r"the(\s+)", ctx.text[s:e], re.I).group(1))  # "the third-quarter results": an adjective
        return r[0], r[1], (s, e)
    return r


def _n_quarter_value(m, ctx, s, e):
    kind = m["q"].lower()
    ordw = (m["ord"] or "").lower()
    rel = (m["rel"] or "").lower()
    y = m["y1"] or m["y2"]
    if m["ry2"]:  # "the fourth quarter of last year"
        if ctx.anchor is None:
            y = "XXXX"
        else:
            y = str(ctx.anchor.year + {"last": -1, "next": 1}.get(m["ry2"].lower(), 0))
        if not ordw and rel in ("last", "final"):
            ordw = "final"  # "the last quarter of the year"
    txt = ctx.text[s:e].lower()
    if kind == "half":
        if not ordw and not y:
            return None
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2}.get(ordw)
        if n is None and (rel == "last" or ordw == "final") and y:
            n = 2  # "the last half of 1989"
        if n is None:
            return None
        if y:
            return "DATE", f"{y}-H{n}"
        if ctx.anchor is None:
            return "DATE", f"XXXX-H{n}"
        return "DATE", f"{ctx.anchor.year}-H{n}"
    if re.match(r"-\w", ctx.text[e:e + 2]):
        return None  # "quarter-to-quarter"
    # bare "quarter" needs "the"/a relative word ("a quarter of the votes" is not a date)
    if not ordw and not rel and not y and not txt.startswith("the"):
        return None
    if not ordw and not rel and not y and not m["fy"]:
        # "the quarter": the quarter being reported
        rel = "the"
    if not ordw and rel == "last" and m["y2"]:
        ordw = "final"  # "the last quarter of 2012"
    if ordw:
        q = ORDINALS[ordw]
        if y:
            return "DATE", f"{y}-Q{q}"
        if ctx.anchor is None:
            return "DATE", f"XXXX-Q{q}"
        ay, aq = _quarter(ctx.anchor)
        yy = ay
        if q > aq and ctx.tense(s, e) != "future" and rel not in ("next", "this", "current"):
            yy = ay - 1
        if rel in ("year-earlier", "year-ago"):
            yy -= 1
        return "DATE", f"{yy}-Q{q}"
    if y:
        return "DATE", f"{y}"
    if ctx.anchor is None:
        return "DATE", "XXXX-QX"
    ay, aq = _quarter(ctx.anchor)
    if rel in ("latest", "the") or (rel == "same" and not ctx.last_value):
        # "the quarter", "the latest quarter": the quarter the report is about
        yy, qq = _ctx_quarter(ctx)
        return "DATE", f"{yy}-Q{qq}"
    if rel in ("last", "previous", "same"):
        yy, qq = (ay, aq - 1) if aq > 1 else (ay - 1, 4)
        if rel == "same" and ctx.last_value and re.match(r"^\d{4}-Q\d$", ctx.last_value):
            return "DATE", ctx.last_value
        return "DATE", f"{yy}-Q{qq}"
    if rel in ("year-earlier", "year-ago"):
        yy, qq = (ay, aq - 1) if aq > 1 else (ay - 1, 4)
        if ctx.last_value and re.match(r"^\d{4}-Q\d$", ctx.last_value):
            yy, qq = int(ctx.last_value[:4]), int(ctx.last_value[-1])
        return "DATE", f"{yy - 1}-Q{qq}"
    if rel in ("current", "this"):
        return "DATE", f"{ay}-Q{aq}"
    if rel == "next":
        yy, qq = (ay, aq + 1) if aq < 4 else (ay + 1, 1)
        return "DATE", f"{yy}-Q{qq}"
    return None


def _ctx_quarter(ctx: _Ctx) -> tuple[int, int] | None:
    """The quarter a report is about: the first one the text named (the headline
    figure), else the last completed one before the anchor."""
    if ctx.last_quarter:
        return int(ctx.last_quarter[:4]), int(ctx.last_quarter[-1])
    if ctx.anchor is None:
        return None
    ay, aq = _quarter(ctx.anchor)
    return (ay, aq - 1) if aq > 1 else (ay - 1, 4)


def _n_yearq(m, ctx, s, e):
    y = int(m["y"])
    if m["ord"]:
        return "DATE", f"{y}-Q{ORDINALS[m['ord'].lower()]}"
    cq = _ctx_quarter(ctx)
    return "DATE", f"{y}-Q{cq[1]}" if cq else str(y)


def _n_relyearq(m, ctx, s, e):
    if ctx.anchor is None:
        return "DATE", "XXXX-QX"
    y = ctx.anchor.year + {"this": 0, "next": 1, "last": -1}[m["rel"].lower()]
    if m["ord"]:
        return "DATE", f"{y}-Q{ORDINALS[m['ord'].lower()]}"
    cq = _ctx_quarter(ctx)
    return "DATE", f"{y}-Q{cq[1]}" if cq else str(y)


def _n_monthsq(m, ctx, s, e):
    """"the July-September quarter": the calendar quarter the three months make; its year
    the one named, else the latest such quarter begun by the anchor."""
    m1, m2 = _month_num(m["m1"]), _month_num(m["m2"])
    if m1 % 3 != 1 or m2 != m1 + 2 or not (_cap_ok(m["m1"]) and _cap_ok(m["m2"])):
        return None
    q = (m1 - 1) // 3 + 1
    if m["y"]:
        return "DATE", f"{m['y']}-Q{q}"
    if ctx.anchor is None:
        return "DATE", f"XXXX-Q{q}"
    return "DATE", f"{ctx.anchor.year - (m1 > ctx.anchor.month)}-Q{q}"


def _n_agoq(m, ctx, s, e):
    if ctx.last_quarter is None and ctx.anchor is not None and re.search(r"last\s+year|previous\s+year", ctx.text[s:e], re.I):
        return "DATE", str(ctx.anchor.year - 1)  # "the same period last year", no quarter named: last year
    cq = _ctx_quarter(ctx)
    if cq is None:
        return "DATE", "XXXX-QX"
    return "DATE", f"{cq[0] - 1}-Q{cq[1]}"


def _n_latestp(m, ctx, s, e):
    if m["fy"]:
        return "DATE", str(ctx.anchor.year - 1) if ctx.anchor else "XXXX"
    cq = _ctx_quarter(ctx)
    return "DATE", f"{cq[0]}-Q{cq[1]}" if cq else "XXXX-QX"


def _n_ordday(m, ctx, s, e):
    """"on the 20th": that day of the month the text last named, else of the anchor's
    month, in the direction the tense says."""
    d = int(m["d"])
    span = (m.start("x"), m.end("x"))
    last = ctx.last_value
    if last and re.match(r"^\d{4}-\d\d(?:-\d\d)?$", last):
        v = f"{last[:7]}-{d:02d}"
    elif ctx.anchor is None:
        return "DATE", f"XXXX-XX-{d:02d}", span
    else:
        a = ctx.anchor
        tense = ctx.tense(*span)
        k = 1 if tense == "future" and d < a.day else (-1 if tense == "past" and d > a.day else 0)
        y, mo = _add_months(a.year, a.month, k)
        v = f"{y}-{mo:02d}-{d:02d}"
    return "DATE", v if calendar_date(v) else f"XXXX-XX-{d:02d}", span


def _n_weekof(m, ctx, s, e):
    """"the week of March 6": the ISO week that contains the day."""
    mo, d = _month_num(m["mon"]), _day(m["d"])
    v = f"{m['y']}-{mo:02d}-{d:02d}" if m["y"] else _resolve_md(mo, d, ctx, s, e)
    day = _parse_value_date(v)
    if day is None:
        return "DATE", "XXXX-WXX"
    return "DATE", _week(day)


def _n_term(m, ctx, s, e):
    """"(in) the near/short/long term": the future (TimeML FUTURE_REF), without the preposition."""
    return "DATE", "FUTURE_REF", (ctx.text.lower().index("the", s, e), e)


def _n_qabbr(m, ctx, s, e):
    if m["fy"]:  # "FY2023", "FY 23": the fiscal year, named by its calendar year
        y = m["fy"]
        return "DATE", y if len(y) == 4 else ("19" if int(y) > 50 else "20") + y
    if m["h"]:  # "H1 2023": a half year
        if m["h"][0] != "H":
            return None
        return "DATE", f"{m['hy']}-{m['h']}"
    q = m["q"][1]
    if m["q"][0] != "Q":
        return None
    if m["y"]:
        return "DATE", f"{m['y']}-Q{q}"
    if ctx.anchor is None:
        return "DATE", f"XXXX-Q{q}"
    ay, aq = _quarter(ctx.anchor)
    if int(q) > aq and ctx.tense(s, e) != "future":
        ay -= 1  # "reported its Q4 results" in March: last year's fourth quarter, as "the fourth quarter"
    return "DATE", f"{ay}-Q{q}"


def _n_decade(m, ctx, s, e):
    if m["c"]:
        return "DATE", f"{m['c']}{m['dd']}"
    sd = m["sd"] or m["sd2"]
    if ctx.anchor is not None:
        # '90s: the most recent such decade before the anchor
        c = ctx.anchor.year // 100
        v = c * 10 + int(sd)
        if v * 10 > ctx.anchor.year:
            v -= 10
        return "DATE", f"{v:03d}"
    return "DATE", f"XX{sd}"


_NOT_YEAR_AFTER = re.compile(r"^\s+(?:people|persons|troops|soldiers|votes|units|shares|cars|men|women|feet|miles|meters|km|tons|pounds|dollars|employees|workers|jobs|members|acres|students|cases|deaths|residents|years|votes|of the)\b", re.I)


_YEAR_NOUNS_OK = {"levels", "elections", "olympics", "games", "figures", "budgets", "results", "standards",
                  "prices", "rates", "talks", "was", "is", "has", "does", "saw", "marks", "remains", "as", "versus",
                  "reports", "returns", "sales", "earnings", "deals", "accords", "agreements", "protests", "riots",
                  "attacks", "floods", "midterms", "primaries", "finals", "seasons", "models", "plans"}


def _the_recent_year(ctx: _Ctx, s: int, y: int) -> bool:
    """"the 2010 champions", "Spain's 2014 squad": after "the" or a possessive, a number in
    the decades up to the anchor is a year that classifies the noun, not a count."""
    if ctx.anchor is None or not ctx.anchor.year - 40 <= y <= ctx.anchor.year:
        return False
    return bool(re.search(r"(?:\bthe|\w['’]s?)\s+$", ctx.text[max(0, s - 12):s], re.I))


def _n_year(m, ctx, s, e):
    y = int(m["y"])
    before = ctx.text[max(0, s - 3):s]
    if re.search(r"[$£€¥]\s*$", before):
        return None
    if _NOT_YEAR_AFTER.match(ctx.text[e:e + 20]):
        return None
    if not m["fy"] and re.search(r"\b(?:some|about|around|nearly|almost|over|than|at least|up to|roughly|approximately|estimated|another|only|just|all)\s+$", ctx.text[max(0, s - 16):s], re.I):
        return None  # "some 1800 migrants"
    nxt = re.match(r"\s+([a-z]+s)\b", ctx.text[e:e + 24])
    if nxt and not m["fy"] and nxt.group(1) not in _YEAR_NOUNS_OK and not _the_recent_year(ctx, s, y):
        return None  # "1500 troops"
    if y > 2100:
        return None
    # counts such as "1900 students" are caught above; a year far after the anchor is suspicious
    if ctx.anchor is not None and y > ctx.anchor.year + 30 and not m["fy"]:
        return None
    if ctx.anchor is None and not m["fy"] and (y < 1800):
        return None
    return "DATE", str(y)


def _hour24(h: int, ap: str) -> int:
    ap = ap.lower()
    if ap.startswith("p") and h < 12:
        return h + 12
    if ap.startswith("a") and h == 12:
        return 0
    return h


def _day_of(word: str | None, ctx: _Ctx, s: int, e: int) -> str | None:
    """Date value of the day a time is on: a weekday or a deictic word, else the anchor."""
    if word:
        w = word.lower()
        if w in WEEKDAYS:
            return _weekday_value(WEEKDAYS[w], "", ctx, s, e)
        if w in ("today", "yesterday", "tomorrow"):
            if ctx.anchor is None:
                return None
            off = {"today": 0, "yesterday": -1, "tomorrow": 1}[w]
            return (ctx.anchor + dt.timedelta(days=off)).isoformat()
    return None


_ON_DAY = re.compile(rf"(?:\s+(?:\(?local\s+time\)?|{_TZ}))?(?:\s+\([^()]{{1,24}}\))?,?\s+on\s+(?:(?P<wd>{_WD}|today|yesterday|tomorrow)\b(?!,?\s+(?:the\s+)?(?:{_MON}|{_DAYNUM}\b))"
                     rf"|(?:{_WD},?\s+)?(?:(?P<mon>{_MON})\s+(?P<d>{_DAYNUM})|(?:the\s+)?(?P<d2>{_DAYNUM})\s+(?:of\s+)?(?P<mon2>{_MON}))\b(?:,?\s+(?P<y>{_YEAR})\b)?)")


def _on_day(ctx: _Ctx, e: int) -> str | None:
    """The day a time of day is on when the text names it right after: "at 11 p.m. on
    Wednesday", "at noon on 10 November", "at dawn on March 3, 2021" (the day is a timex
    of its own). None when no day follows."""
    on = _ON_DAY.match(ctx.text, e)
    if not on:
        return None
    if on["wd"]:
        day = _day_of(on["wd"], ctx, on.start("wd"), on.end("wd"))
        return day if day is not None or ctx.anchor is not None else "XXXX-XX-XX"
    mon, d = (on["mon"], on["d"]) if on["mon"] else (on["mon2"], on["d2"])
    if not _cap_ok(mon):
        return None
    mo, dd = _month_num(mon), _day(d)
    if on["y"]:
        return f"{on['y']}-{mo:02d}-{dd:02d}"
    return _resolve_md(mo, dd, ctx, on.start(), on.end())


def _n_clock(m, ctx, s, e):
    h = int(m["h"])
    if h > 12 or h == 0:
        return None
    hh = _hour24(h, m["ap"])
    mi = m["mi"] or "00"
    day = _day_of(m["wd"], ctx, s, e)
    on_day = None if m["wd"] or m["cmon"] else _on_day(ctx, e)
    if on_day:  # "at 11 p.m. on Wednesday", "at 6 a.m. on 3 March"
        day = on_day
    if m["cmon"]:  # "5 p.m. EST, Nov. 6"
        mo, d = _month_num(m["cmon"]), _day(m["cd"])
        day = f"{m['cy']}-{mo:02d}-{d:02d}" if m["cy"] else _resolve_md(mo, d, ctx, s, e)
    if day is None:
        if m["wd"] and ctx.anchor is None:
            day = "XXXX-XX-XX"
        elif ctx.last_day is not None and ctx.anchor is not None and abs((ctx.last_day - ctx.anchor).days) <= 7:
            day = ctx.last_day.isoformat()
        elif ctx.anchor is not None:
            day = ctx.anchor.isoformat()
        else:
            day = "XXXX-XX-XX"
    # keep leading "about"/"around" out of the extent's value but inside the span (TimeML includes mods)
    return "TIME", f"{day}T{hh:02d}:{mi}"


def _n_clockz(m, ctx, s, e):
    """"1930 GMT", "1845 local time", "at 18:45"; not when it restates the time before it in
    parentheses: "10:35 a.m. (0735 GMT)"."""
    if re.search(r"(?:[ap]\.?m\.?|\d|local time)\s*\(\s*$", ctx.text[max(0, s - 16):s], re.I):
        return None
    h, mi = m["h"] or m["h2"], m["mi"] or m["mi2"]
    if m["h2"] and not re.search(r"\b(?:at|by|until|till|from|around|about|after|before|since)\s+$", ctx.text[max(0, s - 8):s], re.I):
        return None  # a bare "18:45" is a time only after a preposition (not a score, a ratio or a verse)
    if m["tz"] and m["tz"].lower().startswith("local"):
        e = m.start("tz") + len(m["tz"].split()[0]) + 1 + len(m["tz"].split()[-1])
    day = _on_day(ctx, e) or (
        ctx.last_day.isoformat() if ctx.last_day is not None and ctx.anchor is not None and abs((ctx.last_day - ctx.anchor).days) <= 7 else (
            ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"))
    return "TIME", f"{day}T{int(h):02d}:{mi}", (s, e)


def _n_clock24(m, ctx, s, e):
    day = ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"
    return "TIME", f"{day}T{m['h']}:{m['mi']}"


def _title_word(ctx: _Ctx, s: int) -> bool:
    """The capitalized word at ``s`` continues a capitalized word mid-sentence: part of a
    name or title ("High Noon"), not a time."""
    prev = re.search(r"[\"'`“‘]*(\S+)\s+$", ctx.text[max(0, s - 24):s])
    return bool(ctx.text[s:s + 1].isupper() and prev and prev.group(1)[:1].isupper()
                and prev.group(1)[-1:] not in ".!?:\"”")


def _n_noon(m, ctx, s, e):
    if _title_word(ctx, s):
        return None  # "High Noon"
    if not m["wd"] and re.search(r"\b(?:a|an|the|his|her|its|their)\s+$", ctx.text[max(0, s - 8):s], re.I):
        return None  # "a midnight curfew"
    w = re.sub(r"[- ]", "", m["w"].lower())
    day = (_day_of(m["wd"], ctx, s, e) or (None if m["wd"] else _on_day(ctx, e))
           or (ctx.last_day.isoformat() if ctx.last_day else (ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX")))
    code = {"noon": "12:00", "midday": "12:00", "midnight": "24:00", "midafternoon": "AF", "midmorning": "MO", "dawn": "MO", "dusk": "EV"}[w]
    return "TIME", f"{day}T{code}"


def _weekday_value(wd: int, rel: str, ctx: _Ctx, s: int, e: int) -> str:
    if ctx.anchor is None:
        return f"XXXX-WXX-{wd + 1}"
    a = ctx.anchor
    back = (a.weekday() - wd) % 7
    fwd = (wd - a.weekday()) % 7
    if rel == "last":
        d = a - dt.timedelta(days=back or 7)
    elif rel in ("next", "coming"):
        d = a + dt.timedelta(days=fwd or 7)
    elif rel == "this":
        d = a + dt.timedelta(days=wd - a.weekday())
    elif rel == "past":
        d = a - dt.timedelta(days=back)
    else:
        # "Wednesday's ruling": in news a possessive weekday names a day that has come
        # unless the noun's verb looks ahead: "Wednesday's summit will focus on migration"
        possessive = re.match(r"(?:\s+(?:morning|afternoon|evening|night))?['’]s\b", ctx.text[e:e + 12])
        ahead = possessive and re.match(r"(?:\s+(?:morning|afternoon|evening|night))?['’]s(?:\s+[\w-]+){1,3}\s+(?:will|is\s+(?:expected|set|due|scheduled)\s+to|is\s+to)\b",
                                        ctx.text[e:e + 80])
        tense = "future" if ahead else "past" if possessive else ctx.tense(s, e)
        if tense == "future":
            d = a + dt.timedelta(days=fwd)
        else:
            d = a - dt.timedelta(days=back)
    return d.isoformat()


def _n_weekday(m, ctx, s, e):
    wdw = m["wd"]
    if not _cap_ok(wdw):
        return None
    rel = (m["rel"] or "").lower()
    if rel == "this past":
        rel = "past"  # "this past Sunday": the one just gone
    span = (s, e)
    if rel in ("on", "early", "late"):
        if rel == "on":
            span = (m.start("wd"), e)
        rel = ""
    wd = WEEKDAYS[wdw.lower()]
    base = ctx.last_day or ctx.anchor
    if rel.startswith("the ") and base is not None:
        # "the previous Friday", "the following Monday": from the date the text last mentioned
        if rel in ("the previous", "the preceding"):
            d = base - dt.timedelta(days=(base.weekday() - wd) % 7 or 7)
        else:
            d = base + dt.timedelta(days=(wd - base.weekday()) % 7 or 7)
        v = d.isoformat()
    else:
        v = _weekday_value(wd, "" if rel.startswith("the ") else rel, ctx, s, e)
    if m["part"]:
        return "TIME", f"{v}T{PARTS[m['part'].lower()]}", span
    return "DATE", v, span


def _n_weekdays(m, ctx, s, e):
    if not _cap_ok(m["wd"]):
        return None
    v = f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}"
    if m["part"]:  # "Sunday mornings"
        v += f"T{PARTS[m['part'].lower()[:-1]]}"
    return "SET", v


def _n_endof(m, ctx, s, e):
    """"the end of the month": the month (week) of the anchor."""
    if ctx.anchor is None:
        return "DATE", "XXXX-XX" if m["u"].lower() == "month" else "XXXX-WXX"
    if m["u"].lower() == "month":
        return "DATE", f"{ctx.anchor.year}-{ctx.anchor.month:02d}"
    return "DATE", _week(ctx.anchor)


def _n_deictic(m, ctx, s, e):
    w = m["w"].lower()
    word = m["w"]
    prev = re.search(r"(\S+)\s+$", ctx.text[max(0, s - 20):s])
    if word[0].isupper() and prev and prev.group(1)[:1].isupper() and prev.group(1)[-1:] not in ".!?:\"”":
        return None  # a name: "USA Today", "VOA Today"
    if w == "today" and not m["edge"] and not m["part"] and (
        re.search(r"\b(?:even|still|until|till|up to)\s+$", ctx.text[max(0, s - 10):s], re.I)
    ):
        return "DATE", "PRESENT_REF"  # "even today", "today's youth": the present, not the day
    part = (m["part"] or "").lower()
    if w == "tonight":
        part = part or "night"
    off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
    if ctx.anchor is None:
        v = {"today": "PRESENT_REF", "tonight": "PRESENT_REF", "yesterday": "PAST_REF", "tomorrow": "FUTURE_REF"}[w]
        return ("TIME" if part else "DATE"), v
    d = (ctx.anchor + dt.timedelta(days=off)).isoformat()
    if part:
        return "TIME", f"{d}T{PARTS[part]}"
    return "DATE", d


def _n_part(m, ctx, s, e):
    rel = m["rel"].lower()
    part = PARTS[m["part"].lower()]
    if ctx.anchor is None:
        return "TIME", "PRESENT_REF" if "this" in rel else ("FUTURE_REF" if rel == "tomorrow" else "PAST_REF")
    off = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
    if rel == "last" and part != "NI":
        off = -1
    d = ctx.anchor + dt.timedelta(days=off)
    return "TIME", f"{d.isoformat()}T{part}"


_SET_FOLLOW = {"and", "or", "to", "in", "for", "since", "through", "at", "on", "by", "from", "until", "over",
               "with", "basis", "the", "a", "an", "as", "during", "into", "than", "but", "after", "before"}


def _n_set(m, ctx, s, e):
    if m["adv"]:
        a = m["adv"].lower()
        nxt = re.match(r"\s+([a-z]+)", ctx.text[e:e + 20])
        if nxt and nxt.group(1) not in _SET_FOLLOW and a in ("quarterly", "annually", "semiannually"):
            return None  # "quarterly dividend" is a kind of payment; "daily life", "weekly radio address",
            # "hourly earnings" are tagged
        v = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
             "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "quarterly": "P3M", "semiannually": "P6M"}[a]
        return "SET", v
    u = m["u"] or m["u2"]
    if m["u"] and not m["n"] and u.lower() in SEASONS:  # "every summer"
        return "SET", f"XXXX-{SEASONS[u.lower()]}"
    if m["u"] and not m["n"] and u.lower() == "weekend":  # "every weekend"
        return "SET", "XXXX-WXX-WE"
    if m["u"] and not m["n"] and u.lower() in PARTS:  # "every night", "each morning"
        return "SET", f"XXXX-XX-XXT{PARTS[u.lower()]}"
    if u.lower() in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[u.lower()] + 1}"
    if u.lower().rstrip(".") in MONTHS:
        return "SET", f"XXXX-{_month_num(u):02d}"
    n = m["n"]
    k = 2.0 if (n or "").lower() == "other" else (_num(n) if n else 1.0)
    return "SET", _duration(k, u)


def _shift(ctx: _Ctx, base: dt.date, unit: str, k: int) -> str:
    u = _unit_key(unit)
    if u in ("day", "night"):
        return (base + dt.timedelta(days=k)).isoformat()
    if u in ("hour", "minute", "second"):
        # "48 hours later", "two hours ago": the day it lands on, counted in whole days
        # (the clock time of the reference is not known)
        per_day = {"hour": 24, "minute": 24 * 60, "second": 24 * 3600}[u]
        return (base + dt.timedelta(days=int(k / per_day))).isoformat()
    if u == "fortnight":
        return _week(base + dt.timedelta(weeks=2 * k))
    if u == "week":
        return _week(base + dt.timedelta(weeks=k))
    if u == "month":
        y, mo = _add_months(base.year, base.month, k)
        return f"{y}-{mo:02d}"
    if u == "quarter":
        y, q = _quarter(base)
        t = y * 4 + (q - 1) + k
        return f"{t // 4}-Q{t % 4 + 1}"
    if u == "year":
        return str(base.year + k)
    if u == "decade":
        return str((base.year + 10 * k) // 10)
    if u == "century":
        return str((base.year + 100 * k) // 100)
    return (base + dt.timedelta(days=k)).isoformat()


def _n_ago(m, ctx, s, e):
    n = _num(m["n"])
    u = m["u"]
    d = m["dir"].lower()
    txt = ctx.text[s:e].lower()
    if d in ("before", "after"):
        # "two days before the vote": a duration, leave the preposition out
        return "DURATION", _duration(n, u), (s, m.start("dir") - 1)
    anaphoric = d in ("earlier", "later", "before", "after", "previously")
    if d == "earlier" and "year" in u.lower() and ctx.last_value and re.match(r"^\d{4}-Q\d$", ctx.last_value):
        y = int(ctx.last_value[:4]) - int(n or 1)
        return "DATE", f"{y}{ctx.last_value[4:]}"
    base = None
    if anaphoric:
        base = _coarse_base(ctx, _unit_key(u)) or ctx.last_day
        if base is None and ctx.last_value and re.match(r"^\d{4}", ctx.last_value):
            base = dt.date(int(ctx.last_value[:4]), 7, 1) if _unit_key(u) in ("year", "decade", "century") else None
        if base is None:
            base = ctx.anchor
    else:
        base = ctx.anchor
    sign = -1 if d in ("ago", "earlier", "before", "previously") else 1
    if n is None or n != int(n):
        if base is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
        u_ = _unit_key(u)
        if u_ == "year":
            return "DATE", f"{str(base.year)[:3]}X"
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    if base is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    if "year-ago" in txt or (d == "ago" and _unit_key(u) == "year" and int(n) == 1 and ctx.last_value and re.match(r"^\d{4}-Q\d$", ctx.last_value)):
        y = int(ctx.last_value[:4]) - 1
        return "DATE", f"{y}{ctx.last_value[4:]}"
    return "DATE", _shift(ctx, base, u, sign * int(n))


def _n_fromday(m, ctx, s, e):
    """"a week from Monday": the Monday ahead (or today, tomorrow) moved on by the span."""
    n = _num(m["n"])
    if n is None or n != int(n) or ctx.anchor is None or not _cap_ok(m["wd"]) and m["wd"].lower() in WEEKDAYS:
        return None
    w = m["wd"].lower()
    if w in WEEKDAYS:
        day = ctx.anchor + dt.timedelta(days=(WEEKDAYS[w] - ctx.anchor.weekday()) % 7 or 7)
    else:
        day = ctx.anchor + dt.timedelta(days=1 if w == "tomorrow" else 0)
    days = int(n) * {"day": 1, "week": 7, "fortnight": 14}[_unit_key(m["u"])]
    return "DATE", (day + dt.timedelta(days=days)).isoformat()


def _coarse_base(ctx: _Ctx, unit: str) -> dt.date | None:
    """The date the text last named when it was a month or a year and the shift is
    counted in units at least that coarse ("In March 2018 ... Three months later"):
    a day named earlier in the text is then not the reference."""
    v = ctx.last_value or ""
    mm = re.match(r"^(\d{4})-(\d\d)$", v)
    if mm and unit in ("month", "quarter", "year", "decade", "century") and 1 <= int(mm[2]) <= 12:
        return dt.date(int(mm[1]), int(mm[2]), 15)
    if re.match(r"^\d{4}$", v) and unit in ("year", "decade", "century"):
        return dt.date(int(v), 7, 1)
    if re.match(r"^\d{3}$", v) and unit in ("decade", "century"):  # a decade: "the 1970s ... a decade later"
        return dt.date(int(v) * 10 + 5, 7, 1)
    return None


def _n_yearago(m, ctx, s, e):
    u = m["w"].lower()
    if ctx.anchor is None:
        return "DATE", "PAST_REF"
    if u == "year" and ctx.last_value and re.match(r"^\d{4}-Q\d$", ctx.last_value):
        return "DATE", f"{int(ctx.last_value[:4]) - 1}{ctx.last_value[4:]}"
    return "DATE", _shift(ctx, ctx.anchor, u, -1)


def _last_date(ctx: _Ctx) -> dt.date | None:
    """The date the text last mentioned, at whatever granularity it was given."""
    v = ctx.last_value
    if v:
        mm = re.match(r"^(\d{4})(?:-(\d\d))?(?:-(\d\d))?", v)
        if mm:
            try:
                return dt.date(int(mm[1]), int(mm[2] or 7), int(mm[3] or 1))
            except ValueError:
                pass
    return ctx.last_day


def _n_relunit(m, ctx, s, e):
    rel = m["rel"].lower()
    u = m["u"].lower()
    if m["u"][0].isupper() and m["rel"][0].isupper() and not m["edge"]:
        return None  # a title: ABC's "This Week"
    if (rel == "last" and u == "year" and not m["edge"] and not m["fy"] and ctx.last_quarter is not None
            and _COMPARED.search(ctx.text, max(0, s - 60), s)):
        # in a quarterly report, "compared with a loss of $3 million last year" is the year-ago quarter
        yy, qq = _ctx_quarter(ctx)
        return "DATE", f"{yy - 1}-Q{qq}"
    if rel in ("the following", "the same", "that", "the preceding", "the previous") and rel != "the previous":
        base = _last_date(ctx)
        if base is None:
            return "DATE", "XXXX" if u == "year" else "XXXX-XX"
        k = 1 if rel == "the following" else (-1 if rel == "the preceding" else 0)
        return "DATE", _shift(ctx, base, u, k)
    if m["fy"]:
        # "the current fiscal year", "next fiscal year": a year named by its calendar year
        k = {"last": -1, "this past": -1, "the past": -1, "the previous": -1, "previous": -1, "past": -1, "this": 0,
             "the current": 0, "current": 0, "next": 1, "the next": 1, "the coming": 1, "coming": 1}.get(rel, 0)
        return "DATE", "XXXX" if ctx.anchor is None else str(ctx.anchor.year + k)
    if ctx.anchor is None:
        v = "PAST_REF" if rel in ("last", "this past", "the past", "the previous", "previous", "past") else (
            "FUTURE_REF" if rel in ("next", "the next", "the coming", "coming") else "PRESENT_REF")
        return "DATE", v
    k = {"last": -1, "this past": -1, "the past": -1, "the previous": -1, "previous": -1, "past": -1,
         "this": 0, "the current": 0, "next": 1, "the next": 1, "the coming": 1, "coming": 1}.get(rel, 0)
    if u == "weekend":
        a = ctx.anchor
        sat = a + dt.timedelta(days=(5 - a.weekday()) % 7)
        if k < 0 or (k == 0 and a.weekday() >= 5):
            sat = a - dt.timedelta(days=(a.weekday() - 5) % 7 or 7) if k < 0 else a - dt.timedelta(days=a.weekday() - 5)
        elif k == 0 and ctx.tense(s, e) == "past":
            sat = a - dt.timedelta(days=a.weekday() + 2)  # "protesters gathered this weekend": the one just gone
        elif k > 0:
            sat = sat if sat > a else sat + dt.timedelta(days=7)
        y, w, _ = sat.isocalendar()
        return "DATE", f"{y}-W{w:02d}-WE"
    if rel in ("the past", "the previous", "past") and u in ("week", "month", "year", "decade", "century"):
        # "the past week" in news is usually the last seven days: a duration
        return "DURATION", _duration(1, u)
    if rel == "the next" and u in ("week", "month", "year") and not m["edge"] and not re.search(
            r"\b(?:over|during|for|within|in|throughout|through|of|into|until|till|by|from)\s+$", ctx.text[max(0, s - 12):s], re.I):
        # "In 2012 the firm moved. The next year it went bankrupt": in a story told in the past,
        # the year after the one just named, not the year ahead of the anchor
        mm = re.match(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?$", ctx.last_value or "")
        base = None
        if mm and (mm[2] or u == "year") and (mm[3] or u != "week") and calendar_date(ctx.last_value.split("T")[0]):
            base = dt.date(int(mm[1]), int(mm[2] or 7), int(mm[3] or 1))
        if base is not None and _shift(ctx, base, u, 0) < _shift(ctx, ctx.anchor, u, 0):
            return "DATE", _shift(ctx, base, u, 1)
    if rel in ("the next", "the coming") and u in ("week", "month", "year", "decade"):
        return "DURATION", _duration(1, u)
    return "DATE", _shift(ctx, ctx.anchor, u, k)


def _n_anaday(m, ctx, s, e):
    rel = m["rel"].lower()
    u = m["u"].lower()
    k = {"the following": 1, "the next": 1, "the very next": 1, "the previous": -1, "the preceding": -1}.get(rel, 0)
    base = ctx.last_day
    if base is None and k:
        base = ctx.anchor  # "the next day" before any date: from the day of publication
    elif base is None:
        return None  # "that day" with no day named before it: generic ("trades made that day")
    if base is None:
        return "DATE", "XXXX-XX-XX"
    d = (base + dt.timedelta(days=k)).isoformat()
    if u != "day":
        return "TIME", f"{d}T{PARTS[u]}"
    return "DATE", d


def _n_daybefore(m, ctx, s, e):
    k = -1 if m["dir"].lower() == "before" else 1
    base = ctx.last_day
    if base is None:
        base = ctx.anchor
    if base is None:
        return "DATE", "XXXX-XX-XX"
    return "DATE", _shift(ctx, base, m["u"], k)


# after these words "over" means "more than" and is part of the expression ("for over a
# week", "just over an hour", "lasted over a month"); elsewhere it is a preposition
_OVER_MEANS_MORE = re.compile(r"\b(?:just|for|in|after|within|of|since|last|lasts|lasted|lasting|take|takes|took|taken|"
                              r"spend|spends|spent|spending)\s+$", re.I)


def _n_duration(m, ctx, s, e):
    n_txt = m["n"]
    u = m["u"]
    low = n_txt.lower()
    if m["u"][:1].isupper() and not m["n"][:1].isupper() and re.search(
            r"(?:(?<![\w'’])[a-z][\w'’]*|[,;'\"`’”“])\s*$", ctx.text[max(0, s - 24):s]):
        return None  # a capitalized unit mid-sentence is a name: CBS's "60 Minutes"
    if low in ("a", "an") and u.lower().endswith("s") and (m["adj"] or "").lower() == "-long":
        return "DURATION", _duration(None, u), (m.start("u"), e)  # "a months-long search": the article is the noun's
    verb = re.match(r"last\s+", ctx.text[s:e], re.I)
    if verb and re.search(r"\b(?:will|would|could|can|may|might|should|must|to|did|does|do|not|n['’]t)\s+$", ctx.text[max(0, s - 8):s], re.I):
        s += verb.end()  # the verb: "talks could last several weeks", "expected to last over a week"
    txt = ctx.text[s:e]
    if txt.lower() == "one day" and re.search(
            r"\b(?:will|would|could|may|might|can|should|must|to|hope|hopes|hoped|dream|dreams|wants?)\s+$",
            ctx.text[max(0, s - 8):s], re.I):
        return "DATE", "FUTURE_REF"  # "Islam will one day be ...": some day ahead, not a span
    # "a year" alone is mostly a set ("$5 a year") or an article ("a year of"), keep only with a modifier
    if low in ("a", "an") and txt.lower() == f"{low} {u.lower()}":
        # "a year" alone: a duration after a preposition ("in a year", "within a week");
        # a rate after anything else ("$2 million a year", "24 hours a day"); "a second" is an ordinal
        before = ctx.text[max(0, s - 12):s].lower()
        if u.lower() == "second" or not re.search(
            r"\b(?:in|for|within|over|about|nearly|almost|than|after|of|by|under|around|least|past|last|next|long as|much as|little as)\s+$", before
        ):
            return None
    if re.fullmatch(r"\d+(\.\d+)?", n_txt) and float(n_txt) > 1000:
        return None
    if (m["adj"] or "").lower() == "-old" or re.match(r"[\s-]+old\b", ctx.text[e:e + 6]):
        return None  # ages
    if u.lower() == "quarters" and re.search(r"\w-quarters$", txt, re.I):
        return None  # "three-quarters": a fraction
    n = _num(n_txt)
    if n is not None and re.search(r"\band\s+a\s+half$", txt, re.I):
        n += 0.5  # "a minute and a half"
    time = re.match(r"['’]s?\s+time\b", ctx.text[e:e + 10])
    if time and n is not None and n == int(n) and re.search(r"\bin\s+$", ctx.text[max(0, s - 4):s]) and ctx.anchor is not None:
        # "in two weeks' time": the date that far ahead of the anchor
        return "DATE", _shift(ctx, ctx.anchor, u, int(n)), (s, e + time.end())
    over = re.match(r"over\s+", txt, re.I)
    if over and not _OVER_MEANS_MORE.search(ctx.text, max(0, s - 12), s):
        s += over.end()  # the preposition: "deliberated for nine hours over two days", "used over three years"
        txt = ctx.text[s:e]
    # "first/last N units" of something is still a duration; "the 1990 year" is not matched here
    lead = re.match(r"(?:(?:only|just|barely|merely)\s+)+|the\s+(?=[\w.]+-\w+$)", txt, re.I)
    if lead and not (lead.group().lower().startswith("the") and not re.match(r"\s+[a-z]", ctx.text[e:e + 3])):
        # "only six months", "the two-week crisis": the adverb and the article stay out of the extent
        return "DURATION", _duration(n, u), (s + lead.end(), e)
    return "DURATION", _duration(n, u), (s, e)


def _n_bareunits(m, ctx, s, e):
    pre = (m["pre"] or "").lower().strip()
    u = m["u"]
    if not pre and not m["adj"]:  # "a decades-long feud" needs no preposition
        before = ctx.text[max(0, s - 10):s].lower()
        if not re.search(r"\b(?:for|in|over|within|took|take|takes|lasted)\s+$", before):
            return None
        if re.match(r"\s+(?:of|old)\b", ctx.text[e:e + 6]):
            return None
    if pre == "the" and m["adj"]:
        return "DURATION", _duration(None, u), (m.start("u"), e)  # "the decades-long feud"
    if pre == "the":
        # "over the years", "the weeks ahead", "in the years that followed": an unspecified stretch;
        # not "the days of ...", nor "in the weeks before the vote" (a time relative to an event)
        ahead = re.match(r"\s+(?:ahead|to\s+come)\b", ctx.text[e:e + 12], re.I)
        if ahead:
            e += ahead.end()
        elif not (re.search(r"\bover\s+$", ctx.text[max(0, s - 6):s], re.I) and not re.match(r"\s+(?:of|before|after)\b", ctx.text[e:e + 8])
                  or re.search(r"\bin\s+$", ctx.text[max(0, s - 4):s], re.I)
                  and re.match(r"\s+(?:(?:that|which)\s+followed|since)\b", ctx.text[e:e + 16])):
            return None
        return "DURATION", _duration(None, u), (s, e)
    if pre in ("recent", "in recent"):
        if pre == "in recent":
            s = m.start("pre") + 3
        return "DATE", "PAST_REF", (s, e)
    return "DURATION", _duration(None, u)


_REF = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF", "at the moment": "PRESENT_REF", "these days": "PRESENT_REF",
    "presently": "PRESENT_REF", "the time being": "PRESENT_REF", "at this time": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "in the past": "PAST_REF", "the past": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "once": "PAST_REF", "earlier": "PAST_REF",
    "soon": "FUTURE_REF", "the future": "FUTURE_REF", "in the near future": "FUTURE_REF",
    "in the future": "FUTURE_REF", "the near future": "FUTURE_REF", "future": "FUTURE_REF",
    "eventually": "FUTURE_REF",
}


def _n_ref(m, ctx, s, e):
    w = m["w"].lower()
    if w == "now" and m["w"][0] == "N" and re.match(r"\s*,", ctx.text[e:e + 2]):
        before = ctx.text[max(0, s - 3):s]
        if not before.strip() or re.search(r"[.!?\"”']\s*$", before):
            return None  # discourse "Now, ..." opening a sentence
    if w in ("once", "so far", "to date", "as yet", "yet", "at that time", "eventually", "earlier",
             "previously", "formerly", "soon", "future"):
        return None
    if w in ("the past", "in the past") and re.match(
            r"\s+(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|few|several|couple)\b)",
            ctx.text[e:e + 20], re.I):
        return None  # "the past three summers": a span of counted units, not the generic past
    if w in ("in the past", "in the future", "in the near future"):
        s = s + 3
    return "DATE", _REF[w], (s, e)


def _n_refadj(m, ctx, s, e):
    w = m["w"].lower()
    if w in ("former", "latest", "recent"):
        return None
    return "DATE", "PRESENT_REF" if w == "current" else "PAST_REF"


_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's": (1, 1),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14),
    # fixed days of international news: the Persian new year on the March equinox (21 March in Iran's calendar),
    # the 1918 armistice, France's national day, the day after Christmas, Australia's and New Zealand's war day
    "nowruz": (3, 21), "norouz": (3, 21), "newroz": (3, 21), "armistice day": (11, 11), "remembrance day": (11, 11),
    "bastille day": (7, 14), "boxing day": (12, 26), "anzac day": (4, 25), "may day": (5, 1),
}

# Independence Day is 4 July only in the United States: another country named in the sentence gives its own day
# (Azerbaijan: 28 May since 2021; 18 October is its Independence Restoration Day)
_INDEPENDENCE = [
    (r"Ukrain", (8, 24)), (r"India(?!na)", (8, 15)), (r"Pakistan", (8, 14)), (r"Bangladesh", (3, 26)),
    (r"Indonesia", (8, 17)), (r"Philippin|Filipino", (6, 12)), (r"Mexic", (9, 16)), (r"Brazil", (9, 7)),
    (r"Argentin", (7, 9)), (r"Colombia", (7, 20)), (r"Peru", (7, 28)), (r"Venezuela", (7, 5)), (r"Chile", (9, 18)),
    (r"Algeria", (7, 5)), (r"Nigeria", (10, 1)), (r"Ghana", (3, 6)), (r"South Sudan", (7, 9)), (r"Sri Lanka", (2, 4)),
    (r"Kazakh", (12, 16)), (r"Georgia(?!n? Democrat)", (5, 26)), (r"Armenia", (9, 21)), (r"Azerbaij", (5, 28)),
    (r"Moldova", (8, 27)), (r"Belarus", (7, 3)), (r"Lebanon|Lebanese", (11, 22)), (r"Finland|Finnish", (12, 6)),
    (r"Poland|Polish", (11, 11)), (r"Kenya", (12, 12)), (r"Zimbabwe", (4, 18)), (r"Jordan", (5, 25)),
    (r"Tunisia", (3, 20)), (r"Morocc", (11, 18)), (r"Vietnam", (9, 2)), (r"Malaysia", (8, 31)), (r"Kosovo", (2, 17)),
    (r"Estonia", (2, 24)), (r"Lithuania", (2, 16)), (r"Latvia", (11, 18)), (r"Croatia", (5, 30)),
]


def _independence_day(ctx, s: int) -> tuple[int, int]:
    """The day of "Independence Day": that of the country the sentence names ("Ukraine
    marked Independence Day"), else the United States' 4 July."""
    lo = max(ctx.text.rfind(". ", 0, s), ctx.text.rfind("\n", 0, s), 0)
    hi = [i for i in (ctx.text.find(". ", s), ctx.text.find("\n", s)) if i >= 0]
    sent = ctx.text[lo:min(hi) if hi else len(ctx.text)]
    if re.search(r"\b(?:America|United States|U\.S\.|US)\b", sent):
        return 7, 4
    for rx, md in _INDEPENDENCE:
        if re.search(rf"\b(?:{rx})", sent):
            return md
    return 7, 4


def _easter(y: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * mm + 114) // 31
    day = (h + l - 7 * mm + 114) % 31 + 1
    return dt.date(y, month, day)


def _thanksgiving(y: int) -> dt.date:  # the fourth Thursday of November
    first = dt.date(y, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


def _election_day(y: int) -> dt.date:  # the Tuesday after the first Monday of November
    first = dt.date(y, 11, 1)
    return first + dt.timedelta(days=(0 - first.weekday()) % 7 + 1)


# holidays on a different day every year
_MOVABLE = {"thanksgiving": _thanksgiving, "election day": _election_day, "easter": _easter,
            "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
            "easter monday": lambda y: _easter(y) + dt.timedelta(days=1)}


# What may follow a holiday that is still the day: "Christmas morning", "the Thanksgiving weekend".
_HOLIDAY_TIME_WORDS = {"morning", "afternoon", "evening", "night", "eve", "day", "holiday", "holidays", "season",
                       "week", "weekend", "break", "period", "vacation", "recess", "time"}
_FUNCTION_WORDS = {"and", "or", "but", "to", "in", "on", "at", "of", "for", "with", "by", "from", "as", "when", "while",
                   "this", "that", "last", "next", "is", "was", "will", "would", "the", "a", "an", "he", "she", "they",
                   "we", "it", "i", "you", "his", "her", "their", "its", "after", "before", "until", "since", "so",
                   "because", "if", "then", "than", "are", "were", "has", "had", "have", "be", "been", "said", "says"}


# verbs in -s that say what a holiday does ("Ramadan begins next week"): not a plural noun after it
_HOLIDAY_VERBS = {"begins", "starts", "ends", "falls", "comes", "marks", "approaches", "lasts", "runs", "arrives",
                  "nears", "continues", "sees", "brings", "coincides", "follows", "precedes", "is", "was", "has"}


def _names_a_kind_of_thing(ctx, e: int) -> bool:
    """The holiday that ends at ``e`` modifies the noun after it ("Christmas trees"): with a
    parse, the holiday is a compound of a noun; without, a plural noun follows. Words of
    time ("Christmas morning", "the Thanksgiving weekend") keep it a date."""
    nxt = re.match(r"\s+([a-z]+)\b", ctx.text[e:e + 24])
    if not nxt or nxt[1] in _HOLIDAY_TIME_WORDS or nxt[1] in _FUNCTION_WORDS:
        return False
    if ctx.doc is not None:
        span = ctx.doc.char_span(e + nxt.start(1), e + nxt.end(1), alignment_mode="expand")
        if span is not None and len(span):
            word = span[0]
            prev = ctx.doc[word.i - 1] if word.i else None
            return word.pos_ == "NOUN" and prev is not None and prev.dep_ == "compound" and prev.head.i == word.i
    return nxt[1].endswith("s") and not nxt[1].endswith("ss") and nxt[1] not in _HOLIDAY_VERBS


def _n_holiday(m, ctx, s, e):
    w = m["w"].lower().replace("’", "'")
    if not _cap_ok(m["w"]):
        return None
    if re.search(r"\b(?:merry|happy)\s+$", ctx.text[max(0, s - 8):s], re.I):
        return None  # a greeting
    if not m["y"] and _names_a_kind_of_thing(ctx, e):
        return None  # "Christmas trees", "Halloween costumes": a kind of thing, not the day
    if w in _HOLIDAYS:
        mo, d = _independence_day(ctx, s) if w == "independence day" else _HOLIDAYS[w]
        if m["y"]:
            return "DATE", f"{m['y']}-{mo:02d}-{d:02d}"
        return "DATE", _resolve_md(mo, d, ctx, s, e)
    if w == "easter" and re.match(r"\s+[A-Z]", ctx.text[e:e + 3]):
        return None  # "Easter Island", "the Easter Rising": a name
    movable = _MOVABLE.get(w) or next((f for k, f in _MOVABLE.items() if w.startswith(k)), None)
    if movable is not None:
        if m["y"]:
            d = movable(int(m["y"]))
            return "DATE", _week(d) if w.endswith(" week") else d.isoformat()
        if ctx.anchor is None:
            return "DATE", "XXXX-XX-XX" if w.startswith(("easter", "good friday")) else "XXXX-11"
        a = ctx.anchor
        tense = ctx.tense(s, e)
        week = w.endswith(" week")  # "Easter week": the ISO week that ends on Easter Sunday
        lead = 6 if week else 0  # a week under way has begun
        d = movable(a.year)
        if tense == "future":
            d = d if d >= a else movable(a.year + 1)
        else:
            d = d if d - dt.timedelta(days=lead) <= a else movable(a.year - 1)
        return "DATE", _week(d) if week else d.isoformat()
    # moving holidays: year only
    if m["y"]:
        return "DATE", m["y"]
    if ctx.anchor is None:
        return "DATE", "XXXX"
    return "DATE", str(ctx.anchor.year)


def _n_century(m, ctx, s, e):
    if m["ord"]:
        the = re.match(r"the\s+", ctx.text[s:e], re.I)
        if the and re.match(r"\s+[a-z]", ctx.text[e:e + 3]) and re.search(r"(?:st|nd|rd|th)-century$", ctx.text[s:e], re.I):
            # "the 19th-century mill": the article belongs to the noun the adjective describes
            return "DATE", f"{int(m['ord']) - 1:02d}", (s + the.end(), e)
        return "DATE", f"{int(m['ord']) - 1:02d}"
    rel = (m["rel"] or "").lower()
    if ctx.anchor is None:
        return "DATE", "XX"
    c = ctx.anchor.year // 100
    if rel == "the past":
        return "DURATION", "P100Y"
    return "DATE", f"{c + {'last': -1, 'next': 1}.get(rel, 0):02d}"


def _n_overnight(m, ctx, s, e):
    """"overnight": the night that ended on the day of the news (the day the text last
    named near the anchor, else the anchor): "shares fell overnight in New York" on a
    Friday is Thursday night; after "will", the night of that day."""
    if ctx.anchor is None:
        return "TIME", "XXXX-XX-XXTNI"
    day = ctx.last_day if ctx.last_day is not None and abs((ctx.last_day - ctx.anchor).days) <= 7 else ctx.anchor
    back = 0 if ctx.tense(s, e) == "future" else 1
    return "TIME", f"{(day - dt.timedelta(days=back)).isoformat()}TNI"


def _n_unitlong(m, ctx, s, e):
    """"decade-long", "year-long": a duration of one unit."""
    return "DURATION", _duration(1, m["u"])


def _n_newyear(m, ctx, s, e):
    """"in the new year": the coming year when written in the last months of a year, else the
    anchor's year (a new year just begun)."""
    span = (m.start("x"), m.end("x"))
    if "New" in m["x"]:
        return None  # "the New Year": the holiday
    if ctx.anchor is None:
        return "DATE", "FUTURE_REF", span
    return "DATE", str(ctx.anchor.year + (1 if ctx.anchor.month >= 9 else 0)), span


_NORMALIZERS = {
    "iso": _n_iso, "slash": _n_slash, "mdy": _n_mdy, "dmy": _n_dmy, "my": _n_my, "season": _n_season,
    "quarter": _n_quarter, "qabbr": _n_qabbr, "yearq": _n_yearq, "relyearq": _n_relyearq, "agoq": _n_agoq, "monthsq": _n_monthsq,
    "latestp": _n_latestp, "weekof": _n_weekof, "ordday": _n_ordday, "term": _n_term, "decade": _n_decade, "year": _n_year, "clock": _n_clock,
    "clock24": _n_clock24, "clockz": _n_clockz, "endof": _n_endof, "noon": _n_noon, "weekday": _n_weekday, "weekdays": _n_weekdays,
    "deictic": _n_deictic, "part": _n_part, "set": _n_set, "ago": _n_ago, "fromday": _n_fromday, "yearago": _n_yearago,
    "relunit": _n_relunit, "anaday": _n_anaday, "daybefore": _n_daybefore, "duration": _n_duration,
    "bareunits": _n_bareunits, "ref": _n_ref, "refadj": _n_refadj, "holiday": _n_holiday,
    "century": _n_century, "overnight": _n_overnight, "unitlong": _n_unitlong, "newyear": _n_newyear, "wordyear": None, "worddecade": None, "theunit": None, "yearend": None,
}


_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _word_year(txt: str) -> str:
    """"nineteen ninety-four" -> "1994"."""
    w = re.split(r"[- ]+", txt.lower().strip())
    return str((1900 if w[0] == "nineteen" else 2000) + _TENS[w[1]] + (_ONES.get(w[2], 0) if len(w) > 2 else 0))


def _n_wordyear(m, ctx, s, e):
    txt = ctx.text[s:e].lower()
    if "thousand" in txt:
        return "DATE", str(2000 + _ONES.get((m["o2"] or "").lower(), 0))
    century = 1900 if re.search(r"nineteen", txt.split()[-2] if len(txt.split()) > 1 else txt) or txt.startswith(("nineteen", "the year nineteen")) else 2000
    y = century + _TENS[m["t"].lower()] + _ONES.get((m["o"] or "").lower(), 0)
    return "DATE", str(y)


def _n_worddecade(m, ctx, s, e):
    if not ctx.text[s:e].lower().startswith(("the", "nineteen")):
        return None
    d = _TENS[{"twenties": "twenty", "thirties": "thirty", "forties": "forty", "fifties": "fifty",
               "sixties": "sixty", "seventies": "seventy", "eighties": "eighty", "nineties": "ninety"}[m["t"].lower()]]
    return "DATE", f"19{d // 10}"


def _n_theunit(m, ctx, s, e):
    u = m["u"].lower()
    mod = (m["mod"] or "").strip().lower()
    if u == "year" and (mod == "fiscal" or re.match(r"\s+(?:that\s+)?(?:ended|ending|ends|through|to)\b", ctx.text[e:e + 16])):
        return "DURATION", "P1Y"  # "the fiscal year", "the year ended March 31": a period
    if ctx.anchor is None:
        return "DATE", "XXXX" if u == "year" else "XXXX-WXX-WE"
    a = ctx.anchor
    if u == "year":
        return "DATE", str(a.year)
    tense = ctx.tense(s, e)
    if tense == "future":
        sat = a + dt.timedelta(days=(5 - a.weekday()) % 7)
    else:
        sat = a - dt.timedelta(days=(a.weekday() - 5) % 7)
    y, w, _ = sat.isocalendar()
    return "DATE", f"{y}-W{w:02d}-WE"


def _n_yearend(m, ctx, s, e):
    if ctx.anchor is None:
        return "DATE", "XXXX"
    return "DATE", str(ctx.anchor.year)


_NORMALIZERS.update(wordyear=_n_wordyear, worddecade=_n_worddecade, theunit=_n_theunit, yearend=_n_yearend)
