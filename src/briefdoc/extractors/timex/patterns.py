"""The tagger's patterns (HeidelTime's repattern and rules): a regular expression for each
family of time expression, built from the word lists in ``data/en/time/``, and the cheap
trigger expressions that say where a pattern can match at all."""

from __future__ import annotations

import re

from .. import lexicon
from .vocab import (
    CLOCK_WORDS, COUNTED_UNITS, DAY_ORDINALS, DECADE_WORDS, DEICTIC_DAYS, DEICTIC_OFFSETS, FREQUENCIES, MONTH_ABBREVIATIONS,
    MONTH_NAMES, ONES, PARTS, REFERENCE_ADJECTIVES, REFERENCE_PHRASES, SEASONS, TENS_ONLY, UNDER_TWENTY,
    WEEKDAY_NAMES, _ONES, _TENS,
)


def _alternatives(words) -> str:
    """Words (or regex pieces) as the alternatives of a regex, in the order given."""
    return "|".join(words)


def _listed(name: str) -> str:
    """The entries of the data file ``time/<name>`` as the alternatives of a regex, in file order."""
    return _alternatives(lexicon.ordered(f"time/{name}"))


def _with_plural(word: str, plural: str) -> str:
    """A word or its plural: "weeks?", "centur(?:y|ies)"."""
    if plural == word + "s":
        return word + "s?"
    stem = 0
    while word[stem] == plural[stem]:
        stem += 1
    return f"{word[:stem]}(?:{word[stem:]}|{plural[stem:]})"


# --------------------------------------------------------------------------- regex parts

# "January|...|December|Jan\.?|...|Dec\.?": full names first, then abbreviations with or without the stop
_MON = "(?:" + _alternatives(MONTH_NAMES) + "|" + _alternatives(abbr + r"\.?" for abbr in MONTH_ABBREVIATIONS) + ")"
_WD = "(?:" + _alternatives(WEEKDAY_NAMES) + ")"
_NUMW = (
    r"(?:(?:" + _alternatives(TENS_ONLY) + r")(?:[- ](?:" + _alternatives(ONES) + r"))?"
    r"|" + _alternatives(UNDER_TWENTY) + r"|a hundred|one hundred|a dozen|half an?|a|an)"
)
_NUM = rf"(?:\d+(?: 1/2|\.\d+)?|{_NUMW}|(?:a )?(?:few|couple(?: of)?)|several|many|some|a number of)"
_UNIT = "(?:" + _alternatives(_with_plural(unit, plural) for unit, plural in COUNTED_UNITS) + ")"
_MOD = r"(?:(?:" + _listed("modifiers") + r")\s+)*"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# a day spelled out, as transcripts write it: "March eighth", "the twenty-first of May"
_DAYWORD_ORD = r"(?:" + _alternatives(DAY_ORDINALS) + r")(?![-\w])"
# a spoken year in broadcast transcripts: "nineteen ninety-four"
_WYEAR = r"(?:nineteen|twenty)[- ](?:" + _alternatives(_TENS) + r")(?:[- ](?:" + _alternatives(ONES) + r"))?\b"
# "June last year", "April next year", "early October this year"
_RELYEAR = r",?\s+(?:of\s+)?(?P<ry>last|this|next)\s+year\b(?!['’])"
_EDGE = r"(?:(?:the\s+)?(?:early|late|mid|middle|end|beginning|start)(?:\s+of)?(?:\s+the)?[- ]|mid-)?"
# time-zone abbreviations after a clock time, in capitals only ("ET", "BST", "JST", "CEST", "AEDT")
_TZ = "(?-i:" + _listed("timezones") + ")"
_PART = _alternatives(PARTS)  # "morning|afternoon|evening|night"
_PARTS = _alternatives(part + "s" for part in PARTS)  # "mornings|..."
_DEICTIC = _alternatives(DEICTIC_OFFSETS)  # "today|tonight|yesterday|tomorrow"
_DAYWORD = _alternatives(DEICTIC_DAYS)  # "today|yesterday|tomorrow"
_SEASON = _alternatives(SEASONS)
# seasons of a set, not "fall" ("every fall" is as often a drop as the season)
_SET_SEASON = _alternatives(season for season in SEASONS if season != "fall")
_CLOCKWORD = _alternatives(pattern for pattern, _ in CLOCK_WORDS)
_FREQUENCY = _alternatives(FREQUENCIES)
_DURATION_ADJ = _listed("duration_adjectives")
_OVERNIGHT_NOUNS = _listed("overnight_nouns")

_PATTERNS: list[tuple[str, str]] = [
    # ISO date with optional time
    ("iso", rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?:[ T](?P<hh>\d\d):(?P<mi>\d\d)(?::\d\d)?)?\b"),
    # 11/9/2020 (US order); 28/02/2023 (day first, as in British and European texts)
    ("slash", r"\b(?P<m>0?[1-9]|[12]\d|3[01])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>\d{4}|\d\d)(?:\s+(?P<hh>\d\d):(?P<mi>\d\d)(?::\d\d)?)?\b"),
    # [Tuesday,] November 9[, 2020]
    ("mdy", rf"(?:\b(?P<rel>last|this|next|this coming)\s+)?(?:\b(?P<wd>{_WD}),?\s+)?{_EDGE}\b(?P<mon>{_MON})\s+(?P<d>{_DAYNUM}\b|{_DAYWORD_ORD})(?:,?\s+(?P<y>{_YEAR})\b|{_RELYEAR})?"),
    # 9 November [2020]
    ("dmy", rf"(?:\b(?P<wd>{_WD}),?\s+)?\b(?:the\s+)?(?P<d>{_DAYNUM}|{_DAYWORD_ORD}(?=\s+of\s))\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR})\b)?"),
    # [early] November [of] [2020] / last November / this December
    ("my", rf"(?:\b(?P<rel>the following|the next|the previous|the preceding|this past|last|this|next|past|coming)\s+)?{_EDGE}\b(?P<mon>{_MON})(?:,?\s+(?:of\s+)?(?:(?P<y>{_YEAR})\b|(?P<wy>{_WYEAR}))|{_RELYEAR}|(?![\w]))"),
    # seasons
    ("season", rf"(?:\b(?P<rel>this past|last|this|next|past|coming)\s+)?{_EDGE}\b(?P<s>{_SEASON})(?:\s+(?:of\s+)?(?:(?P<y>{_YEAR})(?:[-–](?:{_YEAR}|\d\d)(?![\w-]))?\b|(?P<wy>{_WYEAR}))|{_RELYEAR})?"),
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
    # a range of years: "2010-2016", "1962-63", "the 2011–2012 season" (TimeML tags each end: the tagger
    # gives the first year here and the second after it)
    ("yearrange", rf"(?<![\w$#.,/-])(?P<y1>{_YEAR})\s?[-–]\s?(?P<y2>{_YEAR}|\d\d)(?![\w%/]|,\d|\.\d|-\d|\s*(?:percent|per cent))"),
    # fiscal year / plain year
    ("year", rf"(?<![\w$#.,/-])(?:(?P<fy>fiscal year|calendar year|fiscal|calendar|the year|year)\s+)?{_EDGE}(?P<y>{_YEAR})(?![\w%/]|,\d|\.\d|-\d|\s*(?:percent|per cent))"),
    # clock time, optionally followed by a day
    ("clock", rf"\b(?:(?:about|around|at about|approximately|shortly after|shortly before|just after|just before)\s+)?(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am\b|pm\b|a\.m\b|p\.m\b)(?:\s+(?P<tz>{_TZ})\b)?(?:,?\s+(?P<wd>{_WD}|{_DAYWORD})\b|,?\s+(?P<cmon>{_MON})\s+(?P<cd>{_DAYNUM})\b(?:,?\s+(?P<cy>{_YEAR})\b)?)?"),
    ("clockz", rf"\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?P<tz>{_TZ}|local\s+time)\b"
               r"|\b(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)\b(?!\s*(?:[ap]\.?m\b|[-:.,]\d|\d))"),
    ("clock24", rf"\b(?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::\d\d)?\s*(?P<tz>{_TZ})\b"),
    ("noon", rf"(?<!-)\b(?P<w>{_CLOCKWORD})(?:\s+(?P<wd>{_WD}|{_DAYWORD})\b)?"),
    # weekdays with modifiers and parts of day
    ("weekday", rf"\b(?:(?P<rel>last|this past|this|next|past|coming|early|late|on|the previous|the preceding|the following|the next)\s+)?(?P<wd>{_WD})(?!s\b)(?:\s+(?P<part>{_PART})(?!s\b))?(?!,?\s+{_MON})"),
    ("weekdays", rf"\b(?P<wd>{_WD})(?:s\b|\s+(?P<part>{_PARTS})\b)"),
    # deictic days
    ("deictic", rf"\b(?:(?P<edge>early|late|earlier|later)\s+)?(?P<w>{_DEICTIC})(?:\s+(?P<part>{_PART}))?\b"),
    # "overnight" ("struck overnight", "overnight losses"), not a kind of thing ("overnight rates", "an overnight success")
    ("overnight", rf"\bovernight\b(?![- ](?:{_OVERNIGHT_NOUNS})\b)"),
    ("part", rf"\b(?P<rel>this|last|tomorrow|yesterday|this past|early this|late this|later this|earlier this)\s+(?P<part>{_PART})\b"),
    # set expressions
    ("set", rf"\b(?:(?:every|each|per)\s+(?:(?P<n>{_NUMW}|other|\d+)\s+)?(?P<u>{_UNIT}|{_WD}|{_MON}|{_SET_SEASON}|weekends?|(?:{_PART})s?\b)|(?:once|twice|(?:{_NUMW}|\d+) times)\s+(?:a|an|per|each)\s+(?P<u2>{_UNIT})|(?P<adv>{_FREQUENCY}))\b"),
    # "two weeks ago", "three years earlier/later"
    ("ago", rf"\b{_MOD}(?P<n>{_NUM})[\s-]+(?P<u>{_UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|previously|hence|from now)\b"),
    # "a week from Monday", "ten days from today": that far after the named day
    ("fromday", rf"\b(?P<n>{_NUM})[\s-]+(?P<u>days?|weeks?|fortnights?)\s+from\s+(?P<wd>{_WD}|today|tomorrow)\b"),
    ("yearago", r"\b(?P<w>year|month|week|quarter)[- ](?P<dir>earlier|ago)\b"),
    # last/this/next unit
    ("relunit", r"\b(?:(?P<edge>early|earlier|late|later|mid)\s+)?(?P<rel>last|this past|this|next|the past|the previous|the coming|the current|the following|the preceding|the same|that|previous|current|the next|coming|past)\s+(?P<fy>fiscal\s+(?=year))?(?P<u>week|month|year|decade|century|weekend)\b(?!['’]?s?\s+of\b)"),
    # anaphoric days
    ("anaday", rf"\b(?P<rel>the following|the next|the previous|the preceding|that|the same|that same|the very next)\s+(?P<u>day|{_PART})\b"),
    ("daybefore", r"\bthe\s+(?P<u>day|week|month|year)\s+(?P<dir>before|after)(?=\s*[,.;:!?)”\"']|\s+(?:that|this|last|yesterday)\b)"),
    # durations
    ("duration", rf"\b{_MOD}(?P<n>{_NUM})(?:\s+(?:{_DURATION_ADJ}))?[\s-]+(?P<u>{_UNIT})(?P<adj>-(?:long|old))?(?:\s+(?:and\s+a\s+half))?\b"),
    ("unitlong", r"\b(?P<u>hour|day|week|month|year|decade|century)[- ]long\b"),
    ("bareunits", r"\b(?P<pre>(?:recent|coming|past|the past|the last|in recent|several|many|the next few|the)\s+)?(?P<u>years|months|weeks|days|decades|hours|centuries)(?P<adj>-long)?\b"),
    # generic references
    ("ref", rf"\b(?P<w>{_alternatives(REFERENCE_PHRASES)})\b"),
    ("refadj", rf"\b(?P<w>{_alternatives(REFERENCE_ADJECTIVES)})(?=\s+[a-z])"),
    # holidays
    ("holiday", rf"\b(?P<w>{_listed('holiday_patterns')})\b(?:,?\s+(?P<y>{_YEAR})\b)?"),
    # spoken years and decades: "nineteen ninety-six", "the year two thousand", "the nineties"
    ("wordyear", r"\b(?:the\s+year\s+)?(?:nineteen|twenty)[- ](?P<t>" + _alternatives(_TENS) + r")(?:[- ](?P<o>" + _alternatives(ONES) + r"))?\b"
                 r"(?!\s+(?:percent|per|hundred|thousand|million|billion|dollars|people))|\bthe\s+year\s+two\s+thousand(?:\s+and\s+(?P<o2>" + _alternatives(_ONES) + r"))?\b"),
    ("worddecade", rf"\b(?:the\s+)?(?:early\s+|late\s+|mid-)?(?:nineteen[- ])?(?P<t>{_alternatives(DECADE_WORDS)})\b"),
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
_MONTH_PREP = re.compile(r"(?:\b(?:" + _listed("month_prepositions") + r")\s+|mid-)$", re.IGNORECASE)

# --------------------------------------------------------------------------- triggers

# the first three letters of a month name, in title and in upper case
_MON_T = r"\b(?:" + _alternatives(name[:3] for name in MONTH_NAMES) + "|" + _alternatives(name[:3].upper() for name in MONTH_NAMES) + ")"
_WD_STEMS = _alternatives(name.lower()[:-3] for name in WEEKDAY_NAMES)  # "mon|tues|...|sun"
_WD_T = "(?:" + _WD_STEMS + ")day"
_UNITW_T = r"\b" + _UNIT + r"\b"
# a cheap regex that any match of the pattern must contain: the pattern runs only near it
_TRIGGERS = {
    "ago": r"\b(?:ago|earlier|later|before|after|previously|hence|from now)\b", "duration": _UNITW_T,
    "bareunits": r"\b(?:years|months|weeks|days|decades|hours|centuries)\b",
    "relunit": r"\b(?:week|month|year|decade|century|weekend)\b",
    "anaday": rf"\b(?:day|{_PART})\b", "daybefore": r"\b(?:before|after)\b",
    "fromday": rf"\bfrom\s+(?:{_WD_STEMS}|to)", "yearago": r"(?:year|month|week|quarter)[- ](?:earlier|ago)", "theunit": r"\b(?:weekend|year)\b",
    "set": rf"\b(?:every|each|per|once|twice|times|{_FREQUENCY})\b",
    "my": _MON_T, "mdy": _MON_T, "dmy": _MON_T, "season": _SEASON,
    "quarter": r"quarter|half", "yearq": r"quarter|period", "relyearq": r"quarter|period",
    "agoq": r"quarter|period", "monthsq": r"quarter|period", "latestp": r"latest", "weekof": r"week of", "ordday": r"\d(?:st|nd|rd|th)\b", "term": r"\bterm\b", "weekday": _WD_T, "weekdays": _WD_T, "worddecade": r"ties\b",
    "wordyear": r"nineteen|twenty|thousand", "decade": r"\d0'?s\b", "century": r"centur",
    "deictic": rf"\b(?:{_DEICTIC})\b", "clock": r"(?:\b|\d)[ap]\.?m\b",
    "part": rf"\b(?:{_PART})\b",
    "clockz": r"\d\d\s*(?:[A-Z]{2,4}|local)\b|\d:\d\d\b",
    "endof": r"\b(?:end|beginning|start|middle)\s+of\s+the\s+(?:month|week)\b", "noon": r"noon|midnight|midday|afternoon|morning|dawn|dusk",
    "holiday": _listed("holiday_triggers"),
}
_TRIGGER_RX = {k: re.compile(v, re.IGNORECASE if k not in ("my", "mdy", "dmy") else 0) for k, v in _TRIGGERS.items()}
