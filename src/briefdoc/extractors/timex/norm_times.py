"""Normalizers of days and times of day: weekdays ("Tuesday", "last Friday", "Sunday
mornings"), "today" and "yesterday", parts of the day ("this morning", "overnight"),
clock times ("5 p.m. EST", "1930 GMT", "at 18:45") and "noon", "midnight", "dawn"."""

from __future__ import annotations

import datetime as dt
import re

from .anchor import _Ctx, _cap_ok, _day, _month_num, _resolve_md, _weekday_value
from .patterns import _DAYNUM, _DAYWORD, _MON, _TZ, _WD, _YEAR
from .vocab import CLOCK_WORDS, DEICTIC_DAYS, DEICTIC_OFFSETS, DEICTIC_PARTS, DEICTIC_REFS, PARTS, WEEKDAYS


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
        if w in DEICTIC_DAYS:
            if ctx.anchor is None:
                return None
            return (ctx.anchor + dt.timedelta(days=DEICTIC_OFFSETS[w])).isoformat()
    return None


_ON_DAY = re.compile(rf"(?:\s+(?:\(?local\s+time\)?|{_TZ}))?(?:\s+\([^()]{{1,24}}\))?,?\s+on\s+(?:(?P<wd>{_WD}|{_DAYWORD})\b(?!,?\s+(?:the\s+)?(?:{_MON}|{_DAYNUM}\b))"
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


# (pattern, TIMEX3 time): "noon" 12:00, "mid[- ]?afternoon" AF
_CLOCK_WORDS = [(re.compile(pattern), value) for pattern, value in CLOCK_WORDS]


def _n_noon(m, ctx, s, e):
    if _title_word(ctx, s):
        return None  # "High Noon"
    if not m["wd"] and re.search(r"\b(?:a|an|the|his|her|its|their)\s+$", ctx.text[max(0, s - 8):s], re.I):
        return None  # "a midnight curfew"
    w = re.sub(r"[- ]", "", m["w"].lower())
    day = (_day_of(m["wd"], ctx, s, e) or (None if m["wd"] else _on_day(ctx, e))
           or (ctx.last_day.isoformat() if ctx.last_day else (ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX")))
    code = next(value for rx, value in _CLOCK_WORDS if rx.fullmatch(w))
    return "TIME", f"{day}T{code}"


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
    part = (m["part"] or "").lower() or DEICTIC_PARTS.get(w, "")  # "tonight" is tonight's night
    if ctx.anchor is None:
        return ("TIME" if part else "DATE"), DEICTIC_REFS[w]
    d = (ctx.anchor + dt.timedelta(days=DEICTIC_OFFSETS[w])).isoformat()
    if part:
        return "TIME", f"{d}T{PARTS[part]}"
    return "DATE", d


def _n_part(m, ctx, s, e):
    rel = m["rel"].lower()
    part = PARTS[m["part"].lower()]
    if m["rel"][0].isupper() and m["part"][0].isupper() and re.search(r"\w\s+$", ctx.text[max(0, s - 3):s]):
        return None  # a title inside a sentence: "CBS This Morning"
    if ctx.anchor is None:
        return "TIME", "PRESENT_REF" if "this" in rel else ("FUTURE_REF" if rel == "tomorrow" else "PAST_REF")
    off = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
    d = ctx.anchor + dt.timedelta(days=off)
    return "TIME", f"{d.isoformat()}T{part}"


def _n_overnight(m, ctx, s, e):
    """"overnight": the night that ended on the day of the news (the day the text last
    named near the anchor, else the anchor): "shares fell overnight in New York" on a
    Friday is Thursday night; after "will", the night of that day."""
    if ctx.anchor is None:
        return "TIME", "XXXX-XX-XXTNI"
    day = ctx.last_day if ctx.last_day is not None and abs((ctx.last_day - ctx.anchor).days) <= 7 else ctx.anchor
    back = 0 if ctx.tense(s, e) == "future" else 1
    return "TIME", f"{(day - dt.timedelta(days=back)).isoformat()}TNI"
