"""The tagging driver: every pattern runs (near its trigger), overlapping candidates are
resolved longest first, and each survivor is normalized in text order, the reading
context remembering the dates named so far."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .anchor import _Ctx
from .dates import _parse_value_date, calendar_date
from .holidays import _n_holiday
from .norm_dates import (
    _n_century, _n_decade, _n_dmy, _n_iso, _n_mdy, _n_my, _n_newyear, _n_ordday, _n_season, _n_slash,
    _n_weekof, _n_wordyear, _n_worddecade, _n_year, _n_yearend, _n_yearrange, range_end_year,
)
from .norm_durations import _n_bareunits, _n_duration, _n_set, _n_unitlong
from .norm_periods import _n_agoq, _n_latestp, _n_monthsq, _n_qabbr, _n_quarter, _n_relyearq, _n_yearq
from .norm_relative import (
    _n_ago, _n_anaday, _n_daybefore, _n_endof, _n_fromday, _n_ref, _n_refadj, _n_relunit, _n_term,
    _n_theunit, _n_yearago,
)
from .norm_times import (
    _n_clock, _n_clock24, _n_clockz, _n_deictic, _n_noon, _n_overnight, _n_part, _n_weekday, _n_weekdays,
)
from .patterns import _COMPILED, _TRIGGER_RX


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str


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
    r"(?![,.]\d)(?=\s*(?:[,.;:!?)\"'”]|$)|\s+(?:in|at|on|and|to|when|with|before|after|for|that|this|next|last|among|by|from|over|during|across|as|but|while|of|[A-Z])\b)",
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


_YEAR_AFTER = re.compile(r",?\s+((?:1[6-9]|20)\d\d)\b")


def _year_after_second_day(text: str, first: Timex, second: Timex) -> tuple[list[Timex], Timex]:
    """"September 16-19, 2021": the year after the second day is both days' year."""
    m = _YEAR_AFTER.match(text, second.end)
    if m is None or not re.match(r"^(?:\d{4}|XXXX)-\d\d-\d\d$", first.value):
        return [first], second
    year = m[1]
    a = Timex(first.start, first.end, first.text, first.type, year + first.value[4:])
    b = Timex(second.start, m.end(), text[second.start:m.end()], second.type, year + second.value[4:])
    if calendar_date(a.value) is None or calendar_date(b.value) is None:
        return [first], second
    return [a], b


_EDGE_OF = re.compile(r"\b(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle)\s+of\s+$", re.I)

_OR_SO = re.compile(r"\s+or\s+(?:so|two|three|four|five|more)\b(?![- ](?:[a-z]+s|people|men|women)\b)", re.I)

_SHIFTED = re.compile(r"\b(?:ago|earlier|before)\b|year-(?:ago|earlier)", re.I)  # "later" moves the story on

# pattern name -> its normalizer (norm_*.py)
_NORMALIZERS = {
    "iso": _n_iso, "slash": _n_slash, "mdy": _n_mdy, "dmy": _n_dmy, "my": _n_my, "season": _n_season,
    "quarter": _n_quarter, "qabbr": _n_qabbr, "yearq": _n_yearq, "relyearq": _n_relyearq, "agoq": _n_agoq, "monthsq": _n_monthsq,
    "latestp": _n_latestp, "weekof": _n_weekof, "ordday": _n_ordday, "term": _n_term, "decade": _n_decade, "year": _n_year, "clock": _n_clock,
    "clock24": _n_clock24, "clockz": _n_clockz, "endof": _n_endof, "noon": _n_noon, "weekday": _n_weekday, "weekdays": _n_weekdays,
    "deictic": _n_deictic, "part": _n_part, "set": _n_set, "ago": _n_ago, "fromday": _n_fromday, "yearago": _n_yearago,
    "relunit": _n_relunit, "anaday": _n_anaday, "daybefore": _n_daybefore, "duration": _n_duration,
    "bareunits": _n_bareunits, "ref": _n_ref, "refadj": _n_refadj, "holiday": _n_holiday,
    "century": _n_century, "yearrange": _n_yearrange, "overnight": _n_overnight, "unitlong": _n_unitlong, "newyear": _n_newyear,
    "wordyear": _n_wordyear, "worddecade": _n_worddecade, "theunit": _n_theunit, "yearend": _n_yearend,
}


# What joins the two ends of a range: "2010-2016", "Sept. 19 to 22", "from March to May 2021", "between
# 1994 and 1997" (the last two only after "from" and "between").
_RANGE_JOIN = re.compile(r"\s*(?:(?P<dash>[-–—])|(?P<to>to|through|thru|until|till)|(?P<and>and))\s*", re.I)
_RANGE_OPEN = {"to": re.compile(r"\bfrom\s+(?:the\s+)?$", re.I), "and": re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)}


def range_join(text: str, first: Timex, last: Timex) -> bool:
    """Whether two time expressions are the ends of one range: a dash between them, "to"/"through"/
    "until" after "from", or "and" after "between"."""
    m = _RANGE_JOIN.fullmatch(text, first.end, last.start)
    if m is None:
        return False
    if m["dash"]:
        return True
    opener = _RANGE_OPEN["and" if m["and"] else "to"]
    return bool(opener.search(text, max(0, first.start - 14), first.start))


_MONTH_VALUE = re.compile(r"^(\d{4})-(\d\d)(-\d\d)?$")


def _range_years(text: str, result: list[Timex]) -> list[Timex]:
    """The first end of a range written without its year takes the year of the last ("from March to
    May 2021": March 2021; "from Dec. 5 to Jan. 10, 2021": December 2020), not the anchor's."""
    out = list(result)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        ma, mb = _MONTH_VALUE.match(a.value), _MONTH_VALUE.match(b.value)
        if not (ma and mb and re.search(r"\d{4}", b.text) and not re.search(r"\d{4}", a.text)
                and range_join(text, a, b)):
            continue
        year = int(mb[1]) - (1 if int(ma[2]) > int(mb[2]) else 0)
        out[i] = Timex(a.start, a.end, a.text, a.type, f"{year}{a.value[4:]}")
    return out


def _off_calendar(exc: Exception) -> bool:
    """``exc`` is Python's date arithmetic leaving years 1 to 9999 ("date value out of range",
    "year 10000 is out of range")."""
    return isinstance(exc, OverflowError) or "out of range" in str(exc)


def tag(text: str, anchor: dt.date | None = None, doc=None) -> list[Timex]:
    """Time expressions in ``text``, normalized against ``anchor``."""
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    ctx = _Ctx(text, anchor, doc)
    result: list[Timex] = []
    taken_to = 0  # the end of a second day that took the year after it ("September 16-19, 2021")
    for s, e, name, m in _candidates(text):
        if s < taken_to:
            continue
        try:
            norm = _NORMALIZERS[name](m, ctx, s, e)
        except (OverflowError, ValueError) as exc:
            if not _off_calendar(exc):
                raise
            norm = None  # a date past year 1 or 9999 from an anchor at the calendar's edge: left undated
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
        if name == "yearrange":  # "2010-2016": the last year is a date too
            last = range_end_year(int(m["y1"]), m["y2"])
            result.append(Timex(m.start("y2"), m.end("y2"), m["y2"], "DATE", str(last)))
        if name == "mdy" and typ == "DATE":
            second = _second_day(text, e, value)  # "April 24 and 25": the 25th is a date too
            if second is not None:
                result[-1:], second = _year_after_second_day(text, result[-1], second)
                result.append(second)
                taken_to = second.end
        if typ in ("DATE", "TIME"):
            d = _parse_value_date(value)
            if d is not None:
                ctx.last_day = d
            comparison = ctx.last_quarter is not None and value[:4] < ctx.last_quarter[:4] and name in ("yearq", "relyearq")
            if re.match(r"^\d{3}(?:\d|$)", value) and not _SHIFTED.search(text[s:e]) and not comparison:
                ctx.last_value = value
                if re.match(r"^\d{4}-Q[1-4]$", value) and ctx.last_quarter is None:
                    ctx.last_quarter = value
    return _range_years(text, result)
