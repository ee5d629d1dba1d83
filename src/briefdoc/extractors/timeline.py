"""The timeline: dated events, one per dated clause, in date order.

``build(doc, anchor, cast)`` tags the time expressions of ``doc.text`` with
``briefdoc.timex`` (relative ones resolved against ``anchor``, the publication
date; anaphoric ones against the date the text told last, or left undated when
there is none: "five years later" after no date is no date), keeps those that
name a calendar date ("YYYY-MM-DD", "YYYY-MM", "YYYY"; a time counts as its day
when it names one: "10:35 a.m. Friday", not "at 3 a.m."), an ISO week or weekend
("YYYY-Www", "YYYY-Www-WE"), a quarter ("YYYY-Qn") or the years of a season
written with both ("the winter of 1962-63"), joins the two ends of a range into
one ("2010-2016", "from March to May 2021", "September 16-19": "FIRST/LAST"),
and pairs each with the clause it dates, found with the dependency parse:

* the verb the expression attaches to, and its subtree, without coordinated
  clauses or side clauses that do not contain the date;
* when the verb only describes a noun ("the agreement signed last year", "the
  road that it has been blockading since December 12"), the noun phrase instead;
* a date before the noun it describes dates that noun phrase when the noun is a
  thing made at a date ("the November 9, 2020 agreement that ..."), the clause
  when the noun is an event ("during a January 17 phone call") and nothing when
  it is neither ("Trump's 1995 tax returns", "Sept. 11 conspiracy theories");
* a date in the object of "before", "after", "ahead of" does not date the clause
  ("France unveiled a plan ahead of Friday's meeting"): the object does, when it
  is an event.

An event whose clause does not read on its own (a relative clause, a pronoun for
its subject) also gets the sentence it reads as, made of pieces of the text
(``_event_sentence``; it needs the ``cast``).

Deictic expressions ("today", "Tuesday", "last month") inside a direct quotation
are anchored at the speech, not at the publication, and are left out.

The word lists (deictic words, event nouns, things made at a date, prepositions of
time and of offset, connectives) are data files in ``data/en/timeline/``.
"""

from __future__ import annotations

import datetime as dt
import re

from . import _event_sentence, _marks, lexicon, timex
from ..model.brief import Event, Span, date_bounds
from .timex.norm_dates import range_end_year
from .nlp import text_of
from .timex.tagger import range_join

# deictic words of time ("today", "Tuesday", "last"): inside a quote they are anchored at the speech
_DEICTIC = re.compile(r"\b(?:" + "|".join(lexicon.ordered("timeline/deictic_words")) + r")\b", re.IGNORECASE)
_HAS_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:,\s*[A-Z][A-Za-z.]+)?,\s*[^()]{3,30}?(?:\s*\([^)]*\))?\s*$")
# connectives trimmed from the ends of an event clause
_LEADING = lexicon.words("timeline/leading_words")


def build(doc, anchor: dt.date | None, cast=None) -> list[Event]:
    """The dated events of ``doc`` in date order (ties in text order). With the ``cast`` (the actors), an
    event whose clause does not read on its own gets the sentence it reads as (``Event.sentence``)."""
    text = text_of(doc)
    quoted = _quoted_spans(text)
    events: list[tuple[tuple, Event]] = []
    seen: set[tuple[str, int, int]] = set()
    tagged = [t for t in timex.tag(text, anchor, doc=doc) if t.type in ("DATE", "TIME")]
    dated = {i for t in tagged for i in _tok_ids(doc, t.start, t.end)}
    for t, date in _dated(text, tagged):
        if _inside(quoted, t.start, t.end) and _is_deictic(t.text):
            continue
        ev = _event(doc, cast, t, date, dated)
        if ev is None:
            continue
        key = (date, ev.event_start, ev.event_end)
        if key in seen:
            continue
        seen.add(key)
        events.append(((_first_day(date), t.start), ev))
    events = _finest(events)
    events.sort(key=lambda p: p[0])
    return [e for _, e in events]


def _event(doc, cast, t, date: str, dated: set[int]) -> Event | None:
    """The event the expression ``t`` dates, or None when its clause says nothing happened: a bare
    timestamp, a dateline ("PARIS, Aug 31 (Reuters)"), a date that only qualifies a word ("2005
    levels", "Sept. 11 conspiracy theories")."""
    text = text_of(doc)
    found = _clause(doc, t.start, t.end, dated)
    if found is None:
        return None
    ev_start, ev_end, head = found
    rest = text[ev_start:ev_end].replace(t.text, "", 1).strip(" ,.:;-—–()")
    least = 1 if head is not None and head.lemma_.lower() in _EVENT_NOUNS else 2  # "Monday's debate"
    if len(_content_words(rest)) < least or _DATELINE.match(text[ev_start:ev_end]):
        return None
    ev = Event(start=t.start, end=t.end, date=date, expression=t.text, event=text[ev_start:ev_end],
               event_start=ev_start, event_end=ev_end)
    toks = doc.char_span(ev_start, ev_end, alignment_mode="contract")
    parts = _event_sentence.pieces(doc, cast, toks.start, toks.end - 1, head) if toks is not None and len(toks) else None
    if parts:
        ev.sentence = " ".join(text[a:b] for a, b in parts)
        ev.sentence_parts = [Span(start=a, end=b) for a, b in parts]
    return ev


def _dated(text: str, tagged: list) -> list[tuple]:
    """(expression, timeline date) for each expression that dates an event: the two ends of a range
    ("2010-2016", "from March to May 2021", "September 16-19") as one expression dated by the range."""
    dates = [_timeline_date(t) for t in tagged]
    out = []
    i = 0
    while i < len(tagged):
        t, date = tagged[i], dates[i]
        if i + 1 < len(tagged) and date and dates[i + 1] and range_join(text, t, tagged[i + 1]):
            last = tagged[i + 1]
            whole = f"{date}/{dates[i + 1]}"
            if _real(whole):
                out.append((timex.Timex(t.start, last.end, text[t.start:last.end], t.type, whole), whole))
                i += 2
                continue
        if date:
            out.append((t, date))
        i += 1
    return out


# A time of day alone ("at 3 a.m.", "midnight"): the day it falls on is a guess (the text's last
# day, or the publication's), so it dates nothing; "10:35 a.m. Friday" names its day.
_DAY_WORDS = re.compile(r"\b(?:" + "|".join(lexicon.ordered("timeline/deictic_words")) + r"|\d{4}|"
                        + "|".join(re.escape(m) for m in timex.MONTHS) + r")\b", re.IGNORECASE)
_SEASON_RANGE = re.compile(r"\b(\d{4})[-–](\d{4}|\d\d)\b")


def _timeline_date(t) -> str | None:
    """The timeline date of an expression: a calendar date (a time counts as its day), an ISO week or
    weekend, a quarter, or the years of a season written with both ("the winter of 1962-63"); None for
    a time of day alone and for anything else (durations, seasons, vague references)."""
    if t.type == "TIME" and not _DAY_WORDS.search(t.text):
        return None
    date = timex.calendar_date(t.value) or _period(t.value)
    if date is None and re.match(r"^\d{4}-(?:WI|SP|SU|FA)$", t.value):
        years = _SEASON_RANGE.search(t.text)
        if years is not None:
            last = range_end_year(int(years[1]), years[2])
            date = f"{years[1]}/{last}" if last is not None else None
    return date


def _real(value: str) -> bool:
    try:
        date_bounds(value)
    except ValueError:
        return False
    return True


def _finest(events: list) -> list:
    """A clause dated twice, once by a period that holds the other date ("Ramadan [2023]
    begins next week", "in 2020, on 5 March"), keeps the finer date: the coarse one says
    nothing more about when it happened."""
    bounds = {id(ev): date_bounds(ev.date) for _, ev in events}
    out = []
    for k, ev in events:
        b = bounds[id(ev)]
        if any(o is not ev and (o.event_start, o.event_end) == (ev.event_start, ev.event_end)
               and b[0] <= bounds[id(o)][0] and bounds[id(o)][1] <= b[1] and bounds[id(o)] != b
               for _, o in events):
            continue
        out.append((k, ev))
    return out


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]{2,}", text) if w.lower() not in timex._DETS]


def _first_day(date: str) -> dt.date:
    return date_bounds(date)[0]


_PERIOD = re.compile(r"^\d{4}-(?:W\d\d(?:-WE)?|Q[1-4])$")


def _period(value: str) -> str | None:
    """A TIMEX3 week ("2023-W09"), weekend ("2023-W09-WE") or quarter ("2023-Q1")
    value when it is a real one: "last week" and "the first quarter" date events
    too. Other periods (seasons, halves, decades) are left out."""
    return value if _PERIOD.match(value) and _real(value) else None


def _is_deictic(expr: str) -> bool:
    return bool(_DEICTIC.search(expr)) and not _HAS_YEAR.search(expr)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges between quotation marks (curly or straight); an
    unclosed quotation ends with its paragraph. A text quoted in the British style
    (‘…’ outside) has its quotes from ``_marks``: there ’ is also the apostrophe."""
    if _marks.style_of(text).single:
        return [(m.start, m.end) for m in _marks.find(text)]
    spans = []
    open_at: int | None = None
    opener = ""
    # two apostrophes stand for a double mark in some wire copy (''like this''); a paragraph that opens on
    # a closing mark (a typo) opens a quote all the same
    text = text.replace("''", '" ').replace("``", '" ')
    for i, ch in enumerate(text):
        if ch == "\n":
            if open_at is not None:
                spans.append((open_at, i))
            open_at = None
            continue
        if open_at is None:
            if ch in "“\"«" or ch == "”" and (i == 0 or text[i - 1] == "\n"):
                open_at, opener = i + 1, "“" if ch == "”" else ch
        else:
            closes = {"“": "”", "\"": "\"", "«": "»"}[opener]
            if ch == closes or (opener == "“" and ch == "\""):
                spans.append((open_at, i))
                open_at = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _tok_ids(doc, start: int, end: int) -> set[int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return {t.i for t in span} if span is not None else set()


def _clause(doc, start: int, end: int, dated: set[int] = frozenset()):
    """(start, end, head) of the clause the time expression at [start, end) dates: its characters and
    the token it was built on (a verb, or the noun a date describes; None when the clause is the
    sentence around a date that hangs on nothing); None when the date describes a thing, not an event
    ("2005 levels", "Trump's 1995 tax returns"). ``dated`` holds the tokens of all the text's time
    expressions."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return start, end, None
    sent = span.sent
    inside = {t.i for t in span}
    obj = _offset_object(span.root)
    if obj is not None:
        return _offset_event(doc, obj, inside)
    noun = _premodified(span.root, inside, bool(_HAS_YEAR.search(span.text)))
    if noun is _NOT_EVENT:
        return None
    head = noun or _governor(span.root, inside, dated - inside)
    if noun is None and head is not None and head.pos_ not in ("VERB", "AUX") and sum(1 for _ in head.subtree) < 7 \
            and not _told_by_its_own_subject(head):
        head = _verb_around(head)  # "the data released on Wednesday" says too little
    text = text_of(doc)
    p_start = text.rfind("\n", 0, start) + 1
    p_end = text.find("\n", end)
    p_end = len(text) if p_end < 0 else p_end
    if head is None:
        ids = [t.i for t in sent if t.idx >= p_start and t.idx + len(t) <= p_end] or [t.i for t in span]
        return (*_trim(doc, min(ids), max(ids)), None)
    # a clause never crosses a paragraph break (the parser's sentences sometimes do)
    kept = {i for i in _subtree_minus(head, inside) if doc[i].idx >= p_start and doc[i].idx + len(doc[i]) <= p_end}
    kept |= inside
    lo = max(min(kept), sent.start)
    hi = min(max(kept), sent.end - 1)

    def loose(i: int) -> bool:
        return i not in kept or doc[i].is_space or (doc[i].is_punct and doc[i].text not in "”\"’)")

    while hi > lo and loose(hi):
        hi -= 1
    while lo < hi and (lo not in kept or doc[lo].is_space or doc[lo].is_punct and doc[lo].text not in "“\"‘("):
        lo += 1
    s, e = _trim(doc, lo, hi)
    short = _shorten(doc, s, e, start, end)
    return (*short, head if short == (s, e) else None)


def _told_by_its_own_subject(noun) -> bool:
    """A noun whose relative clause has a subject of its own ("talks it abandoned in 2009"): that clause
    is the event, not the one around the noun ("Kerry urged North Korea to resume talks ...")."""
    if noun.lemma_.lower() in ("one", "ones") or noun.pos_ == "PRON":
        return False  # "another performance like the one he delivered Monday": the clause around it
    return any(c.dep_ == "relcl" and any(k.dep_ in ("nsubj", "nsubjpass") and k.lower_ not in _SPEAKERS
                                         for k in c.children) for c in noun.children)


# The writer and the reader as a subject ("the segment I watched last week"): the clause around it tells more.
_SPEAKERS = frozenset({"i", "we", "you"})


def _offset_object(root):
    """The object of "before", "after", "ahead of", "following"... whose phrase holds the date ("ahead of
    Friday's meeting": meeting; "after a test in January": test; "after Tuesday": Tuesday), or None."""
    noun = root
    for _ in range(6):
        if noun.dep_ in _PREMODIFIER_DEPS | {"poss", "npadvmod", "case"} and noun.head.i != noun.i \
                and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head
        elif noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ not in _OFFSET_PREPOSITIONS \
                and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head  # "a test in January": the test
        else:
            break
    if noun.dep_ != "pobj":
        return None
    prep = noun.head
    word = prep.lower_
    if word in ("of", "to") and prep.head.i != prep.i:
        word = f"{prep.head.lower_} {word}"  # "ahead of", "prior to"
    return noun if word in _OFFSET_PREPOSITIONS else None


def _offset_event(doc, obj, inside: set[int]):
    """A date in the object of "before"/"after": the clause did not happen then. The object is the event
    when it is one ("the day after Monday's debate": the debate, on Monday); a date alone ("after
    Tuesday") or a thing dates nothing."""
    if obj.i in inside or obj.lemma_.lower() not in _EVENT_NOUNS:
        return None
    lo, hi = obj.left_edge.i, obj.right_edge.i
    while lo < hi and doc[lo].is_punct:
        lo += 1
    s, e = _trim(doc, lo, hi)
    return s, e, obj


def _verb_around(head):
    """The verb of the clause around a short noun phrase ("the data released on Wednesday"), climbing
    out of "was to host"; ``head`` itself when there is none."""
    cur = head.head
    for _ in range(20):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            break
        cur = cur.head
    if cur.pos_ in ("VERB", "AUX") and cur.i != head.i:
        while cur.dep_ == "xcomp" and cur.head.i != cur.i and cur.head.pos_ in ("VERB", "AUX"):
            cur = cur.head
        return cur
    return head


_MAX_EVENT = 300


def _shorten(doc, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    """An event longer than _MAX_EVENT characters (a list, a run-on sentence)
    is cut to the segment around the expression between strong, then weak,
    punctuation."""
    text = text_of(doc)
    for marks in (";:—–", ",;:—–"):
        if e - s <= _MAX_EVENT:
            break
        lo = max([text.rfind(c, s, start) for c in marks] + [s - 1]) + 1
        hi_c = [i for i in (text.find(c, end, e) for c in marks) if i >= 0]
        hi = min(hi_c) if hi_c else e
        s, e = lo, hi
        while s < e and text[s] in " \t\n\"“”'’":
            s += 1
        while e > s and text[e - 1] in " \t\n,.;:":
            e -= 1
    return s, e


_PREMODIFIER_DEPS = {"nummod", "compound", "nmod", "amod"}  # not "poss": "Monday's vote" was an event
# Nouns of things that happen at a time: a clause about one ("she left the Sept. 11
# memorial event early", "the Feb. 13 death of the justice left the court split") happened
# then too, unlike a clause about a thing that a date only describes ("Trump's 1995 tax
# returns", "2005 levels", "the 2015 deficit").
_EVENT_NOUNS = lexicon.words("timeline/event_nouns")
# Prepositions that place a clause in the time of a noun ("during the 2020 war").
_WHEN_PREPOSITIONS = lexicon.words("timeline/when_prepositions")


# Nouns of things made, concluded or published at a date: "the November 9, 2020 agreement", "a 2013 memo",
# "the 1994 Crime Bill" tell when the thing was made; other things a date describes ("Trump's 1995 tax
# returns", "2005 levels", "the 1996 pageant winner") are no event.
_MADE_NOUNS = lexicon.words("timeline/made_nouns")
# Prepositions of time that are also of place or matter ("in", "at", "on"): they place a clause in the time
# of a thing only when the thing is made at a date ("said in a June report", not "trafficked in Sept. 11
# conspiracy theories").
_PLACE_PREPOSITIONS = frozenset({"in", "at", "on"})
# Prepositions (with the word before "of"/"to": "ahead of", "prior to") that put a clause before or after
# the time of their object: "France unveiled a plan ahead of Friday's meeting" did not happen on Friday.
_OFFSET_PREPOSITIONS = lexicon.words("timeline/offset_prepositions")
_NOT_EVENT = object()  # what _premodified says of a date that describes a thing


def _premodified(root, inside: set[int], has_year: bool = True):
    """The noun that the expression stands before and describes ("the November 9, 2020 agreement"),
    _NOT_EVENT when that noun is no event ("Trump's 1995 tax returns", "Sept. 11 conspiracy theories"),
    or None. Such a date dates that thing, not the clause around it: "the agency released Trump's 1995
    returns on Saturday" did not happen in 1995. The clause is kept when it tells of the thing (its
    subject: "the 2015 deficit was $438 billion"), when the thing is an event ("she left the Sept. 11
    memorial early") or when a preposition of time places the clause in it ("during a January 17 phone
    call"). A thing made at a date ("the 2020 agreement") is an event only with its year."""
    head = root.head
    if root.dep_ in _PREMODIFIER_DEPS and head.i not in inside and head.i > max(inside) \
            and head.pos_ in ("NOUN", "PROPN"):
        while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head  # "a 2014 Senate hearing": the hearing
        if head.lemma_.lower() in _EVENT_NOUNS:
            return None  # "left a Sept. 11 memorial event early": what is done at an event happens then
        if head.dep_ in ("nsubj", "nsubjpass"):
            return None  # "the 2015 budget deficit was $438 billion": the clause tells of the dated thing
        prep = head.head
        if head.dep_ == "pobj" and prep.lower_ in _WHEN_PREPOSITIONS and prep.head.pos_ in ("VERB", "AUX") and (
                prep.lower_ not in _PLACE_PREPOSITIONS or head.lemma_.lower() in _MADE_NOUNS):
            # "called for ... during a January 17 phone call", "said in a June report": the clause happened
            # then ("trafficked in Sept. 11 conspiracy theories" did not)
            return None
        return head if has_year and head.lemma_.lower() in _MADE_NOUNS else _NOT_EVENT
    return None


def _governor(root, inside: set[int], other_dates: set[int] = frozenset()):
    """The verb (or the described noun) whose clause the expression dates. A verb that shares
    the subject of the one before it ("arrived on Sunday and left") is dated with that clause,
    unless that clause has a date of its own ("talks began in April 2021 but stalled in March"):
    then the verb's own words are the event."""
    cur = root
    noun = None
    for _ in range(20):
        if cur.i not in inside:
            if cur.pos_ in ("VERB", "AUX"):
                break
            if noun is None and cur.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ in ("relcl", "acl") and c.i not in inside for c in cur.children
            ):
                # "the November 9, 2020 agreement that placed ...": the noun phrase says it
                return cur
        if cur.head.i == cur.i:
            break
        cur = cur.head
    else:
        return None
    if cur.i in inside or cur.pos_ not in ("VERB", "AUX"):
        return None
    verb = cur
    # a verb without its own subject ("... and concluded Monday", "after fleeing on
    # Monday", "including offering in August"): the clause it belongs to
    for _ in range(3):
        if verb.dep_ in ("conj", "pcomp", "advcl") and verb.head.i != verb.i and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children
        ):
            up = verb.head
            while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
                up = up.head
            own = {t.i for t in verb.subtree}
            if verb.dep_ == "conj" and any(t.i in other_dates and t.i not in own for t in up.subtree):
                break
            if up.pos_ in ("VERB", "AUX"):
                verb = up
                continue
        break
    # "was to host": climb to the finite verb
    while verb.dep_ in ("xcomp",) and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    # a participle or relative clause describing a noun: take the noun phrase
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    return verb


def _subtree_minus(head, inside: set[int]) -> list[int]:
    """Token indices of head's subtree without side clauses that miss the date
    (coordinated or adverbial clauses, parentheticals), at any depth."""
    drop: set[int] = set()
    for tok in head.subtree:
        if tok.i == head.i or tok.i in drop:
            continue
        clausal = tok.dep_ in ("advcl", "parataxis") or (
            tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")
        )
        if not clausal:
            continue
        sub = {t.i for t in tok.subtree}
        if sub & inside:
            continue
        drop |= sub
        # the conjunction that joined a dropped clause goes with it
        if tok.dep_ == "conj":
            for sib in tok.head.children:
                if sib.dep_ == "cc" and sib.i < tok.i:
                    drop.add(sib.i)
    keep = [t.i for t in head.subtree if t.i not in drop]
    return keep or [head.i]


def _trim(doc, lo: int, hi: int) -> tuple[int, int]:
    # a clause says what happened without its "that" ("[said] that talks would resume in April")
    while lo < hi and (doc[lo].is_space or doc[lo].is_punct and doc[lo].text not in "“\"‘'(" or doc[lo].lower_ in _LEADING
                       or doc[lo].dep_ == "cc" or doc[lo].dep_ == "mark" and doc[lo].lower_ == "that"):
        lo += 1
    while hi > lo and (doc[hi].is_space or doc[hi].dep_ == "cc" or doc[hi].lower_ in _LEADING
                       or doc[hi].is_punct and doc[hi].text not in "”\"’')"):
        hi -= 1
    # balance a closing quotation mark left without its opening one
    s = doc[lo].idx
    e = doc[hi].idx + len(doc[hi].text)
    frag = text_of(doc)[s:e]
    if frag.count("”") > frag.count("“") and frag.endswith("”"):
        e -= 1
        frag = frag[:-1]
        while frag and frag[-1] in " ,.;:":
            e -= 1
            frag = frag[:-1]
    return s, e
