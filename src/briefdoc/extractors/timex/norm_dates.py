"""Normalizers of calendar dates: written dates ("November 9, 2020", "9 Nov.", "2020-11-09",
"11/9/2020"), months, seasons, days of the month, years, decades and centuries, spoken
or written as numbers.

A normalizer takes the match of its pattern, the reading context and the extent, and
returns (type, value), (type, value, (start, end)) when it moves the extent, or None
when the match is no time expression."""

from __future__ import annotations

import re

from .. import lexicon
from .anchor import _Ctx, _cap_ok, _day, _month_num, _rel_year, _resolve_md, _year_by_weekday
from .dates import _add_months, _parse_value_date, _week, calendar_date
from .patterns import _MONTH_PREP, _alternatives
from .values import _word_year
from .vocab import DECADE_WORDS, MONTH_HOMOGRAPHS, MONTH_NAMES, SEASONS, _ONES, _TENS

_MONTH_NAMES = frozenset(name.lower() for name in MONTH_NAMES)  # "may", "june": names, not abbreviations


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
    if (mon.endswith(".") or len(mon.rstrip(".")) <= 4 and low not in _MONTH_NAMES) and not m["y"]:
        # abbreviation without a day or year: "Jan." alone is rare
        return None
    attributive = re.search(r"\b(?:the|a|its|his|her|their)\s+$", ctx.text[max(0, s - 8):s], re.I) and re.match(
        r"\s+[a-z]{3,}\b", ctx.text[e:e + 20])  # "a June agreement", "the October slaying"
    if not m["y"] and not m["rel"] and full == mon and not attributive and not _MONTH_PREP.search(ctx.text[max(0, s - 12):s]):
        # a bare month needs a preposition: "in June", not "June Smith" or "May I"
        nxt = ctx.text[e:e + 2]
        if low in MONTH_HOMOGRAPHS or not re.match(r"^[,.;:]|^\s*$", nxt):
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


# words after a number that make it a count: "1500 troops", "2000 votes"
_NOT_YEAR_AFTER = re.compile(r"^\s+(?:" + _alternatives(lexicon.ordered("time/not_year_after")) + r")\b", re.I)

# plural nouns that may follow a year: "the 2016 elections", "1998 sales"
_YEAR_NOUNS_OK = lexicon.words("time/year_nouns")
# words before a number that make it a count: "some 1800 migrants"
_COUNT_BEFORE = re.compile(r"\b(?:" + _alternatives(lexicon.ordered("time/count_modifiers")) + r")\s+$", re.I)


def _the_recent_year(ctx: _Ctx, s: int, y: int) -> bool:
    """"the 2010 champions", "Spain's 2014 squad": after "the" or a possessive, a number in
    the decades up to the anchor is a year that classifies the noun, not a count."""
    if ctx.anchor is None or not ctx.anchor.year - 40 <= y <= ctx.anchor.year:
        return False
    return bool(re.search(r"(?:\bthe|\w['’]s?)\s+$", ctx.text[max(0, s - 12):s], re.I))


def _n_year(m, ctx, s, e):
    y = int(m["y"])
    if not _a_year(ctx, s, e, y, bool(m["fy"])):
        return None
    return "DATE", str(y)


def _a_year(ctx: _Ctx, s: int, e: int, y: int, fiscal: bool = False) -> bool:
    """Whether the number ``y`` written at [s, e) (or the range of years that ends at ``e``) is a year,
    not a count or an amount ("1500 troops", "$1995", "some 1800 migrants")."""
    before = ctx.text[max(0, s - 3):s]
    if re.search(r"[$£€¥]\s*$", before):
        return False
    if _NOT_YEAR_AFTER.match(ctx.text[e:e + 20]):
        return False
    if not fiscal and _COUNT_BEFORE.search(ctx.text[max(0, s - 16):s]):
        return False  # "some 1800 migrants"
    nxt = re.match(r"\s+([a-z]+s)\b", ctx.text[e:e + 24])
    if nxt and not fiscal and nxt.group(1) not in _YEAR_NOUNS_OK and not _the_recent_year(ctx, s, y):
        return False  # "1500 troops"
    if y > 2100:
        return False
    # counts such as "1900 students" are caught above; a year far after the anchor is suspicious
    if ctx.anchor is not None and y > ctx.anchor.year + 30 and not fiscal:
        return False
    return not (ctx.anchor is None and not fiscal and y < 1800)


def range_end_year(first: int, written: str) -> int | None:
    """The last year of a range of years from ``first``, written in full or by its last two digits
    ("2010-2016", "1962-63", "1999-00"), or None when it is no later year within a century."""
    if len(written) == 4:
        last = int(written)
    else:
        last = first // 100 * 100 + int(written)
        if last <= first:
            last += 100
    return last if first < last <= first + 99 else None


def _n_yearrange(m, ctx, s, e):
    """The first year of a range of years ("2010-2016", "1962-63"); the tagger adds the second."""
    y1 = int(m["y1"])
    last = range_end_year(y1, m["y2"])
    if last is None or not _a_year(ctx, s, e, y1) or not _a_year(ctx, s, e, last):
        return None
    return "DATE", str(y1), (s, m.end("y1"))


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


def _n_newyear(m, ctx, s, e):
    """"in the new year": the coming year when written in the last months of a year, else the
    anchor's year (a new year just begun)."""
    span = (m.start("x"), m.end("x"))
    if "New" in m["x"]:
        return None  # "the New Year": the holiday
    if ctx.anchor is None:
        return "DATE", "FUTURE_REF", span
    return "DATE", str(ctx.anchor.year + (1 if ctx.anchor.month >= 9 else 0)), span


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
    d = _TENS[DECADE_WORDS[m["t"].lower()]]
    return "DATE", f"19{d // 10}"


def _n_yearend(m, ctx, s, e):
    if ctx.anchor is None:
        return "DATE", "XXXX"
    return "DATE", str(ctx.anchor.year)
