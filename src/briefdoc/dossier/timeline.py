"""One timeline from several: an event that several articles report is one entry
that lists every one of them.

Each article's events were dated against that article's own publication date
("on Monday" in Tuesday's paper and in Wednesday's is the same day). Two reports
are one event when their dates agree (one holds the other: "March", "March 11"),
they name the same actors and say it in similar words; or when they say it in
nearly the same words and name the same actors but their dates are a few days
apart: then the entry keeps both dates, each with its sources, and the reader sees
that the reports differ. Nothing is dropped: every event of every article is in
exactly one entry."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..model.brief import Brief, Event, date_bounds
from ..model.dossier import DossierEvent, EventSource
from .actors import ActorMerge
from .text import assign, content_words, overlap, words

# Content-word overlap (shared over the smaller set) at which two reports with
# agreeing dates are one event: alone, or when they share an actor.
SAME_WORDS = 0.5
SAME_WORDS_WITH_ACTOR = 0.3
# ... and at which two reports whose dates differ by at most CONFLICT_DAYS are one
# event whose dates conflict (they must share an actor too).
CONFLICT_WORDS = 0.6
CONFLICT_DAYS = 7
# Words two reports must share, besides the actors they name, to be one event.
MIN_SHARED_WORDS = 2
# Without an actor in common, the words must be nearly the same, and enough of them.
CONFLICT_WORDS_ALONE = 0.8
CONFLICT_MIN_WORDS = 3

_CALENDAR = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun jul "
    "aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow "
    "week weeks month months year years day days ago last next earlier later morning evening night".split())


@dataclass
class _Report:
    article: str
    event: Event
    first: dt.date
    last: dt.date
    words: set[str]
    actors: set[str]


@dataclass
class _Entry:
    reports: list[_Report] = field(default_factory=list)

    def add(self, r: _Report) -> None:
        self.reports.append(r)

    @property
    def actors(self) -> set[str]:
        return set().union(*(r.actors for r in self.reports))


def _actor_patterns(brief: Brief, article: str, actors: ActorMerge) -> list[tuple[re.Pattern, str]]:
    """For each actor of the brief: a pattern of its names (and, for a country, the
    adjective its name begins: "Armenian") and its dossier id."""
    out = []
    for a in brief.actors:
        names = [n for n in (a.name, *a.aliases) if n]
        alts = [re.escape(n) for n in names]
        if a.kind == "country":
            alts += [re.escape(n[:-1]) + r"\w*" for n in names if len(n) >= 6 and " " not in n]
        if alts:
            out.append((re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)"), actors.id_of(article, a.id)))
    return out


def _reports(briefs: list[tuple[str, Brief]], actors: ActorMerge) -> list[_Report]:
    out = []
    for aid, b in briefs:
        patterns = _actor_patterns(b, aid, actors)
        for e in b.timeline:
            first, last = date_bounds(e.date)
            drop = set(words(e.expression)) | _CALENDAR
            found = set()
            for pattern, ident in patterns:
                for m in pattern.finditer(e.event) if ident else ():
                    found.add(ident)
                    drop |= set(words(m.group()))  # the actors count as actors, not again as words
            # the actors count once each, by identity, whatever name each report gives them
            out.append(_Report(aid, e, first, last, content_words(e.event, drop) | {f"@{i}" for i in found}, found))
    return out


def _gap(a: _Report, b: _Report) -> int:
    """Days between two reports' dates: 0 when they overlap."""
    if a.first <= b.last and b.first <= a.last:
        return 0
    return min(abs((a.first - b.last).days), abs((b.first - a.last).days))


def _fit(r: _Report, entry: _Entry) -> float | None:
    """How well report ``r`` fits ``entry`` (higher is better), or None."""
    shared = r.actors & entry.actors
    likeness = max(overlap(r.words, o.words) if len(r.words & o.words) >= MIN_SHARED_WORDS else 0.0
                   for o in entry.reports)
    gaps = [_gap(r, o) for o in entry.reports]
    conflicting = any(_gap(o, p) for o in entry.reports for p in entry.reports)
    if all(g == 0 for g in gaps) or (conflicting and 0 in gaps):
        if likeness >= SAME_WORDS or (shared and likeness >= SAME_WORDS_WITH_ACTOR):
            return 2 + likeness + 0.1 * len(shared)
        return None
    if min(gaps) > CONFLICT_DAYS:
        return None
    enough_words = min(len(r.words), *(len(o.words) for o in entry.reports)) >= CONFLICT_MIN_WORDS
    if (shared and likeness >= CONFLICT_WORDS) or (enough_words and likeness >= CONFLICT_WORDS_ALONE):
        return 1 + likeness + 0.1 * len(shared) - 0.01 * min(gaps)
    return None


def _dates(reports: list[_Report]) -> list[str]:
    """The dates an entry shows: the most precise of those that agree; several when
    the reports conflict."""
    kept = []
    for r in reports:
        finer = any(o is not r and r.first <= o.first and o.last <= r.last and (o.first, o.last) != (r.first, r.last)
                    for o in reports)
        if not finer and r.event.date not in kept:
            kept.append(r.event.date)
    return sorted(kept, key=lambda d: date_bounds(d))


def merge_timeline(briefs: list[tuple[str, Brief]], actors: ActorMerge) -> list[DossierEvent]:
    batches: dict[str, list[_Report]] = {}
    for r in _reports(briefs, actors):
        batches.setdefault(r.article, []).append(r)

    def new(r: _Report) -> _Entry:
        e = _Entry()
        e.add(r)
        return e

    entries = assign(list(batches.values()), _fit, new)
    out = []
    for e in entries:
        ordered_actors = list(dict.fromkeys(a for r in e.reports for a in sorted(r.actors)))
        out.append(DossierEvent(
            dates=_dates(e.reports),
            event=e.reports[0].event.event,
            actors=ordered_actors,
            sources=[EventSource(article=r.article, start=r.event.start, end=r.event.end, date=r.event.date,
                                 expression=r.event.expression, event=r.event.event, event_start=r.event.event_start,
                                 event_end=r.event.event_end) for r in e.reports],
        ))
    out.sort(key=lambda ev: date_bounds(ev.dates[0]))
    return out
