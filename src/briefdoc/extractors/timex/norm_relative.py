"""Normalizers of relative and anaphoric dates and of generic references: "two weeks ago",
"three years later", "a week from Monday", "last month", "the following day", "the day
before", "the weekend", "the end of the month", "the long term", "now", "recently"."""

from __future__ import annotations

import datetime as dt
import re

from .anchor import _cap_ok, _coarse_base, _ctx_quarter, _last_date, _shift
from .dates import _week, calendar_date
from .values import _duration, _num, _unit_key
from .vocab import PARTS, REFERENCE_ADJECTIVES, RELATIVE_OFFSETS, UNTAGGED_REFS, WEEKDAYS, _REF


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
    sign = -1 if d in ("ago", "earlier", "before", "previously") else 1
    if anaphoric:
        base = _coarse_base(ctx, _unit_key(u)) or ctx.last_day
        if base is None and ctx.last_value and re.match(r"^\d{4}", ctx.last_value):
            base = dt.date(int(ctx.last_value[:4]), 7, 1) if _unit_key(u) in ("year", "decade", "century") else None
        if base is None and d == "earlier" and _COMPARED_THAN.search(ctx.text, max(0, s - 60), s):
            base = ctx.anchor  # "sales rose 5% from a year earlier": before the period the story reports on
        if base is None or _lands_after_told(ctx, base, u, sign * int(n or 1), s, e):
            # "were less likely to be working five years later": counted from an event the text does not
            # date (TimeML's reference time unknown), so no calendar date: the span of time it measures
            return "DURATION", _duration(n, u), (s, m.start("dir") - 1)
    else:
        base = ctx.anchor
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


def _lands_after_told(ctx, base: dt.date, unit: str, k: int, s: int, e: int) -> bool:
    """A date counted on from ``base`` that falls after the anchor while the clause around it tells of
    the past ("... were still working five years later", counted from a recent date): the count runs from
    something else."""
    if ctx.anchor is None or k <= 0:
        return False
    first = re.match(r"^(\d{4})(?:-(\d\d))?(?:-(\d\d))?", _shift(ctx, base, unit, k))
    if first is None:
        return False
    y, mo, d = int(first[1]), int(first[2] or 1), int(first[3] or 1)
    try:
        landed = dt.date(y, mo, d)
    except ValueError:
        return False
    return landed > ctx.anchor and ctx.tense(s, e) == "past"


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


def _n_yearago(m, ctx, s, e):
    u = m["w"].lower()
    if ctx.anchor is None:
        return "DATE", "PAST_REF"
    if u == "year" and ctx.last_value and re.match(r"^\d{4}-Q\d$", ctx.last_value):
        return "DATE", f"{int(ctx.last_value[:4]) - 1}{ctx.last_value[4:]}"
    return "DATE", _shift(ctx, ctx.anchor, u, -1)


# a comparison with an earlier figure: "from", "than", "compared with" (and the figure) before the date
_COMPARED_THAN = re.compile(r"\b(?:compared\s+(?:with|to)|from|than|versus|vs\.)\s+(?:[^.;:!?]*?[\d$#%][^.;:!?]*?\s+)?$", re.I)
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|from|versus|vs\.)\s+(?:[^.;:!?]*?[\d$#%][^.;:!?]*?\s+)?$", re.I)


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
    if rel == "the previous" and u != "weekend" and not m["fy"] and not re.search(
            r"\b(?:over|for|throughout|within)\s+$", ctx.text[max(0, s - 12):s], re.I):
        # "the previous year" is the one before the date the text last named (TimeML: a date counted
        # from the reference time), before the anchor's when none was named; "over the previous week" a span
        base = _last_date(ctx) or ctx.anchor
        if base is None:
            return "DATE", "PAST_REF"
        return "DATE", _shift(ctx, base, u, -1)
    if rel in ("the following", "the same", "that", "the preceding"):
        base = _last_date(ctx)
        if base is None:
            return "DATE", "XXXX" if u == "year" else "XXXX-XX"
        k = 1 if rel == "the following" else (-1 if rel == "the preceding" else 0)
        return "DATE", _shift(ctx, base, u, k)
    k = RELATIVE_OFFSETS.get(rel, 0)
    if m["fy"]:
        # "the current fiscal year", "next fiscal year": a year named by its calendar year
        return "DATE", "XXXX" if ctx.anchor is None else str(ctx.anchor.year + k)
    if ctx.anchor is None:
        return "DATE", {-1: "PAST_REF", 1: "FUTURE_REF"}.get(k, "PRESENT_REF")
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


def _n_endof(m, ctx, s, e):
    """"the end of the month": the month (week) of the anchor."""
    if ctx.anchor is None:
        return "DATE", "XXXX-XX" if m["u"].lower() == "month" else "XXXX-WXX"
    if m["u"].lower() == "month":
        return "DATE", f"{ctx.anchor.year}-{ctx.anchor.month:02d}"
    return "DATE", _week(ctx.anchor)


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
    if a.weekday() >= 5:  # written on a Saturday or Sunday: the weekend under way
        sat = a - dt.timedelta(days=a.weekday() - 5)
    elif tense == "future":
        sat = a + dt.timedelta(days=(5 - a.weekday()) % 7)
    else:
        sat = a - dt.timedelta(days=(a.weekday() - 5) % 7)
    y, w, _ = sat.isocalendar()
    return "DATE", f"{y}-W{w:02d}-WE"


def _n_term(m, ctx, s, e):
    """"(in) the near/short/long term": the future (TimeML FUTURE_REF), without the preposition."""
    return "DATE", "FUTURE_REF", (ctx.text.lower().index("the", s, e), e)


def _n_ref(m, ctx, s, e):
    w = m["w"].lower()
    if w == "now" and m["w"][0] == "N" and re.match(r"\s*,", ctx.text[e:e + 2]):
        before = ctx.text[max(0, s - 3):s]
        if not before.strip() or re.search(r"[.!?\"”']\s*$", before):
            return None  # discourse "Now, ..." opening a sentence
    if w in UNTAGGED_REFS:
        return None  # matched so that no other pattern takes it, not tagged
    if w in ("the past", "in the past") and re.match(
            r"\s+(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|few|several|couple)\b)",
            ctx.text[e:e + 20], re.I):
        return None  # "the past three summers": a span of counted units, not the generic past
    if w in ("in the past", "in the future", "in the near future"):
        s = s + 3
    return "DATE", _REF[w], (s, e)


def _n_refadj(m, ctx, s, e):
    value = REFERENCE_ADJECTIVES[m["w"].lower()]
    if value == "-":
        return None  # "former", "latest", "recent": matched, not tagged
    return "DATE", value
