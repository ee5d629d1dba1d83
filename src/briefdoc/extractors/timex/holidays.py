"""Holidays: the fixed ones from ``data/en/time/holidays.txt`` (and each country's
Independence Day), the movable ones computed (Easter by the Gregorian computus,
Thanksgiving, Election Day), and their normalizer."""

from __future__ import annotations

import datetime as dt
import re

from .. import lexicon
from .anchor import _cap_ok, _resolve_md
from .dates import _week


def _month_day(text: str) -> tuple[int, int]:
    """ "12-25" -> (12, 25)."""
    month, day = text.split("-")
    return int(month), int(day)


# name (lower case) -> (month, day): "christmas" (12, 25)
_HOLIDAYS = {name: _month_day(md) for name, md in lexicon.table("time/holidays").items()}

# Independence Day is 4 July only in the United States: another country named in the sentence gives its own day
_INDEPENDENCE = [(country, _month_day(md)) for country, md in lexicon.rows("time/independence_days")]


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
_HOLIDAY_TIME_WORDS = lexicon.words("time/holiday_time_words")

# function words after a holiday do not make it modify a noun ("at Christmas and ...")
_FUNCTION_WORDS = lexicon.words("time/function_words")

# verbs in -s that say what a holiday does ("Ramadan begins next week"): not a plural noun after it
_HOLIDAY_VERBS = lexicon.words("time/holiday_verbs")


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
        ahead = d if d >= a else movable(a.year + 1)
        behind = d if d - dt.timedelta(days=lead) <= a else movable(a.year - 1)
        if tense == "future":
            d = ahead
        elif tense == "past":
            d = behind
        else:  # "urged supporters to vote on Election Day": no tense says which, the nearer one
            d = min((behind, ahead), key=lambda day: abs((day - a).days))
        return "DATE", _week(d) if week else d.isoformat()
    # moving holidays: year only
    if m["y"]:
        return "DATE", m["y"]
    if ctx.anchor is None:
        return "DATE", "XXXX"
    return "DATE", str(ctx.anchor.year)
