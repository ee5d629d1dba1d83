"""Normalizers of fiscal periods: quarters and halves ("the third quarter", "Q4 2022",
"H1", "the July-September quarter"), a year's quarter or period ("the 1988 third
quarter", "the year-ago period") and fiscal years ("FY2023")."""

from __future__ import annotations

import re

from .anchor import _cap_ok, _ctx_quarter, _month_num
from .dates import _quarter
from .vocab import HALVES, ORDINALS


def _n_quarter(m, ctx, s, e):
    r = _n_quarter_value(m, ctx, s, e)
    if r is not None and re.match(r"the\s+(?:fiscal\s+)?\w+-(?:quarter|half)$", ctx.text[s:e], re.I) and re.match(
            r"\s+[a-z]", ctx.text[e:e + 3]):
        s = s + 3 + len(re.match(r"the(\s+)", ctx.text[s:e], re.I).group(1))  # "the third-quarter results": an adjective
        return r[0], r[1], (s, e)
    return r


def _n_quarter_value(m, ctx, s, e):
    """A quarter or a half year: its ordinal, relative word and year, read off the match."""
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
        return _half_value(ordw, rel, y, ctx)
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
        return _ordinal_quarter(ORDINALS[ordw], rel, y, ctx, s, e)
    if y:
        return "DATE", f"{y}"
    if ctx.anchor is None:
        return "DATE", "XXXX-QX"
    return _relative_quarter(rel, ctx)


def _half_value(ordw: str, rel: str, y: str | None, ctx):
    """"the first half", "the second half of 2020", "the last half of 1989": its year's half."""
    if not ordw and not y:
        return None
    n = HALVES.get(ordw)
    if n is None and (rel == "last" or ordw == "final") and y:
        n = 2  # "the last half of 1989"
    if n is None:
        return None
    if y:
        return "DATE", f"{y}-H{n}"
    if ctx.anchor is None:
        return "DATE", f"XXXX-H{n}"
    return "DATE", f"{ctx.anchor.year}-H{n}"


def _ordinal_quarter(q: int, rel: str, y: str | None, ctx, s: int, e: int):
    """"the third quarter": of the year named, else the latest one begun by the anchor
    (the next one when the tense looks ahead)."""
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


def _relative_quarter(rel: str, ctx):
    """"the quarter", "last quarter", "the year-ago quarter", "next quarter": from the
    quarter the report is about or the anchor's."""
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
