"""Anchoring: what the tagger knows while it reads a text (the anchor, the date the text
last named, the quarter a report is about) and how it resolves an underspecified date
against them ("in December" after or before the anchor as the tense says, "the
following day" after the date last named, "three months later" counted from it)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import _add_months, _quarter, _week
from .tense import _SCHEDULED, _doc_tense, _text_tense, _verb_before_is_past
from .values import _unit_key
from .vocab import DAY_ORDINALS, MONTHS, WEEKDAYS


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


def _cap_ok(word: str) -> bool:
    return word[:1].isupper()


def _month_num(tok: str) -> int:
    return MONTHS[tok.lower().rstrip(".")]


def _day(tok: str) -> int:
    if tok.lower() in DAY_ORDINALS:
        return DAY_ORDINALS[tok.lower()]  # "eighth"
    return int(re.match(r"\d+", tok).group())


# days: a day a tense puts this far from the anchor goes to the other side if that is this near
_FAR, _NEAR = 200, 100


def _resolve_md(month: int, day: int | None, ctx: _Ctx, s: int, e: int) -> str:
    """Year for a month (and day) without one: on the side of the anchor the
    tense implies; a day (not a bare month) goes to the other side when the
    tense puts it most of a year away and the other side is close ("the offer
    was extended to Nov. 20" written on Nov. 2 means this Nov. 20)."""
    dd = f"-{day:02d}" if day else ""
    if ctx.anchor is None:
        return f"XXXX-{month:02d}{dd}"
    a = ctx.anchor
    since = re.search(r"\bsince\s+$", ctx.text[max(0, s - 8):s], re.I) is not None  # "since January 1": the past, always
    tense = "past" if since else ctx.tense(s, e)
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
    elif tense == "past":
        y, other = past_y, next_y
    else:  # nearest
        y = min((past_y, next_y), key=dist)
        other = y
    if day and dist(y) > _FAR and dist(other) < _NEAR and not since \
            and not (tense == "past" and _verb_before_is_past(ctx.text, s)):
        y = other
    return f"{y}-{month:02d}{dd}"


def _rel_year(rel: str, ctx: _Ctx) -> str:
    if ctx.anchor is None:
        return "XXXX"
    return str(ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[rel.lower()])


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


# "will win Monday's debate", "expect Clinton to win Monday's debate": a possessive weekday ahead
_LOOKS_AHEAD_BEFORE = re.compile(r"\b(?:will|(?:expect\w*|predict\w*|likely|poised|set|going|plan|plans|hope|hopes|want|wants|is|are)"
                                 r"\s+(?:[\w’']+\s+)?to)\s+[a-z]+\s+$")


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
        ahead = possessive and (re.match(r"(?:\s+(?:morning|afternoon|evening|night))?['’]s(?:\s+[\w-]+){1,6}\s+(?:will|is\s+(?:expected|set|due|scheduled)\s+to|is\s+to)\b",
                                         ctx.text[e:e + 80])
                                or _LOOKS_AHEAD_BEFORE.search(ctx.text[max(0, s - 50):s]))
        tense = "future" if ahead else "past" if possessive else ctx.tense(s, e)
        if tense == "future":
            d = a + dt.timedelta(days=fwd)
        else:
            d = a - dt.timedelta(days=back)
    return d.isoformat()


def _ctx_quarter(ctx: _Ctx) -> tuple[int, int] | None:
    """The quarter a report is about: the first one the text named (the headline
    figure), else the last completed one before the anchor."""
    if ctx.last_quarter:
        return int(ctx.last_quarter[:4]), int(ctx.last_quarter[-1])
    if ctx.anchor is None:
        return None
    ay, aq = _quarter(ctx.anchor)
    return (ay, aq - 1) if aq > 1 else (ay - 1, 4)


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
