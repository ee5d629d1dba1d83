"""Normalizers of durations and sets: "three years" (P3Y), "two and a half hours",
"a decade-long war", "over the years", "in two weeks' time", "every week" (P1W), "twice
a month", "daily"."""

from __future__ import annotations

import re

from .. import lexicon
from .anchor import _month_num, _shift
from .patterns import _alternatives
from .values import _duration, _num
from .vocab import FREQUENCIES, MONTHS, PARTS, SEASONS, WEEKDAYS


# words after "quarterly", "annually" that leave it a set ("on a quarterly basis"), not an adjective
_SET_FOLLOW = lexicon.words("time/set_follow")


def _n_set(m, ctx, s, e):
    if m["adv"]:
        a = m["adv"].lower()
        nxt = re.match(r"\s+([a-z]+)", ctx.text[e:e + 20])
        if nxt and nxt.group(1) not in _SET_FOLLOW and a in ("quarterly", "annually", "semiannually"):
            return None  # "quarterly dividend" is a kind of payment; "daily life", "weekly radio address",
            # "hourly earnings" are tagged
        return "SET", FREQUENCIES[a]
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


# after these words "over" means "more than" and is part of the expression ("for over a
# week", "just over an hour", "lasted over a month"); elsewhere it is a preposition
_OVER_MEANS_MORE = re.compile(r"\b(?:" + _alternatives(lexicon.ordered("time/over_means_more")) + r")\s+$", re.I)


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
            r"\b(?:in|for|within|over|about|nearly|almost|than|after|of|by|under|around|least|past|last|next|long as|much as|little as"
            r"|spen[dt]s?|spending|took|takes?|taking|lasted|lasts|lasting|waited|waits?)\s+$", before
        ):  # the object of a verb of spending time: "spent a decade in prison", "took a year"
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


def _n_unitlong(m, ctx, s, e):
    """"decade-long", "year-long": a duration of one unit."""
    return "DURATION", _duration(1, m["u"])
