"""Which items a layout shows when a brief holds more than its pages do.

Each kind is ranked once per brief, most important first (``Ranking``); a layout
shows the first n of each kind (``select``), n being the smallest of the brief's
count, the layout's [limits] entry and the plan's ``cap``, and prints them in their
own order (key points as extracted, quotes and positions as in the article, events
by date). How each kind is ranked:

- key points: as the extractor ranked them;
- quotes (direct and mixed): speakers in turn, the least heard first (so that one
  voice does not fill the section), and within a turn the most telling quote: direct,
  attributed, a whole sentence of a readable length; then the most prominent speaker
  (the most quotes and positions in the brief), then the earliest; quotes without a
  speaker come after all attributed ones;
- positions: actors in turn, the least heard first, and within a turn the most
  prominent actor (its quotes and positions, with its party's) whose statement is a
  named actor's (a person, body or country rather than a loose group) of a readable
  length; then the earliest in the article;
- events: the most precise date first (a day, then a week or month, then a quarter or
  year), events near the publication date before distant ones, a readable clause
  before a fragment; then the earliest in the article."""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field

from ..model.brief import Brief, Event, Quote, date_bounds

KINDS = ("key_points", "positions", "quotes", "events")


@dataclass(frozen=True)
class Plan:
    """How far a layout with ``max_pages`` departs from its design to fit: ``level``
    (its fit-geN classes, and its [limits] shrunk by 15% a level) and ``cap``, the
    most items of each kind it shows (None: as many as the layout's limits allow)."""

    level: int = 0
    cap: int | None = None

    @property
    def design(self) -> bool:
        return self.level == 0 and self.cap is None


DESIGN = Plan()


def as_plan(fit) -> Plan:
    """A Plan from ``fit``: a Plan, or a fit level (the older ``fit=N``)."""
    return fit if isinstance(fit, Plan) else Plan(level=int(fit or 0))


# --- ranking ---------------------------------------------------------------------------

def in_turn(items: list, group, key) -> list:
    """``items`` in turns: each step takes, from the groups taken least so far, the item
    with the smallest ``key(item)`` (its group's best); ``group(item)`` names its group.
    The same order as repeatedly taking min(remaining, key=(taken[group], key)), in
    O(n log n)."""
    queues: dict = {}
    for item in items:
        queues.setdefault(group(item), []).append(item)
    heap = []
    for g, queue in queues.items():
        queue.sort(key=key, reverse=True)  # best last: pop() takes it
        heap.append((0, key(queue[-1]), id(queue), g))
    heapq.heapify(heap)
    order = []
    while heap:
        taken, _, _, g = heapq.heappop(heap)
        queue = queues[g]
        order.append(queue.pop())
        if queue:
            heapq.heappush(heap, (taken + 1, key(queue[-1]), id(queue), g))
    return order


def quote_score(q: Quote, max_chars: int = 0) -> float:
    """How telling a quote is: direct, attributed, a whole sentence of a readable length."""
    length = len(q.text)
    s = 0.0
    s += 3 if q.direct else 0
    s += 2 if q.speaker else 0
    s += 1 if q.text[:1].isupper() else 0  # a whole sentence, not a fragment
    s += 1 if 50 <= length <= (max_chars or 240) else 0
    s -= 2 if max_chars and length > max_chars * 1.6 else 0
    return s


def telling_order(pool: list[Quote], max_chars: int = 0, prominence: dict | None = None) -> list[Quote]:
    """``pool`` ranked: speakers in turn, the least heard first; in a turn the best
    score, then (with ``prominence``) the most prominent speaker, then the earliest."""
    weight = prominence or {}
    return in_turn(pool, lambda q: q.speaker,
                   lambda q: (-quote_score(q, max_chars), -weight.get(q.speaker, 0), q.start))


def _prominence(brief: Brief) -> dict[str, int]:
    """Actor id -> how much of the brief is theirs: their quotes and positions."""
    count: dict[str, int] = {}
    for item in (*brief.quotes, *brief.positions):
        who = getattr(item, "speaker", None) or getattr(item, "actor", None)
        if who:
            count[who] = count.get(who, 0) + 1
    return count


def _event_score(e: Event, published, names) -> float:
    """How much an event tells: a precise date, written out (not "that night"), about the
    brief's main actors, near the publication date, in a readable clause."""
    first, last = date_bounds(e.date)
    s = 3.0 if len(e.date) == 10 else 2.0 if (last - first).days <= 31 else 1.0 if "-Q" in e.date else 0.0
    s += 1 if any(ch.isdigit() for ch in e.expression) or _MONTH.search(e.expression) else 0
    if names is not None:
        s += min(2, len({m.group(0) for m in names.finditer(e.event)}))
    if published is not None:
        s += 1 if min(abs((first - published).days), abs((last - published).days)) <= 31 else 0
    s += 1 if 40 <= len(e.event) <= 220 else 0
    return s


_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\b")


def _main_actor_names(brief: Brief, weight: dict[str, int], n: int = 10):
    """A pattern of the names (and aliases) of the ``n`` actors with the most quotes and
    positions; None when none has any."""
    main = sorted((a for a in brief.actors if weight.get(a.id)), key=lambda a: -weight[a.id])[:n]
    names = sorted({name for a in main for name in (a.name, *a.aliases) if len(name) > 2}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b") if names else None


@dataclass
class Ranking:
    """A brief's items, each kind most important first (see the module's docstring);
    computed once per brief and render, whatever the plan."""

    brief: Brief
    key_points: list = field(init=False)
    positions: list = field(init=False)
    events: list = field(init=False)
    _quotes: dict = field(init=False, default_factory=dict)
    _order: dict = field(init=False, default_factory=dict)

    def __post_init__(self):
        brief = self.brief
        weight = _prominence(brief)
        self.prominence = weight
        self.key_points = list(brief.key_points)

        def actor_weight(actor_id: str) -> int:
            party = brief.party(actor_id)
            return weight.get(actor_id, 0) + (weight.get(party.id, 0) if party and party.id != actor_id else 0)

        kinds = {a.id: a.kind for a in brief.actors}

        def position_key(p):
            named = kinds.get(p.actor) in ("person", "organization", "country")
            readable = 40 <= len(p.statement) <= 300
            return (-actor_weight(p.actor), -(int(named) + int(readable)), p.start)

        self.positions = in_turn(list(brief.positions), lambda p: p.actor, position_key)
        published = brief.article.published
        names = _main_actor_names(brief, weight)
        self.events = sorted(brief.timeline, key=lambda e: (-_event_score(e, published, names), e.start))

    def in_order(self, kind: str, items: list) -> list:
        """``items`` of ``kind`` in reading order: as in the brief (key points, quotes,
        positions), events by date (as the timeline table lists them)."""
        if kind not in self._order:
            brief = self.brief
            source = {"key_points": brief.key_points, "positions": brief.positions, "quotes": brief.quotes,
                      "events": sorted(brief.timeline, key=lambda e: (date_bounds(e.date)[0], e.start))}[kind]
            self._order[kind] = {id(item): i for i, item in enumerate(source)}
        index = self._order[kind]
        return sorted(items, key=lambda item: index[id(item)])

    def quotes(self, max_chars: int = 0) -> list[Quote]:
        """Direct and mixed quotes ranked: attributed ones in turn, then the others."""
        if max_chars not in self._quotes:
            pool = [q for q in self.brief.quotes if q.direct or q.mixed]
            attributed = telling_order([q for q in pool if q.speaker], max_chars, self.prominence)
            others = sorted((q for q in pool if not q.speaker), key=lambda q: (-quote_score(q, max_chars), q.start))
            self._quotes[max_chars] = attributed + others
        return self._quotes[max_chars]


# --- selecting -----------------------------------------------------------------------------

@dataclass
class Selection:
    """What a layout shows of each kind, in reading order, and the brief's counts."""

    key_points: list
    positions: list
    quotes: list
    events: list
    totals: dict
    cut: bool  # the plan (the page budget), not the layout's design, left items out

    def left_out(self) -> dict[str, int]:
        """Kind -> how many of the brief's items are not shown."""
        return {k: self.totals[k] - len(getattr(self, k)) for k in KINDS if self.totals[k] > len(getattr(self, k))}


def _count(total: int, limit: int, cap: int | None) -> int:
    n = total if not limit else min(total, limit)
    return n if cap is None else min(n, max(cap, 0))


def select(ranking: Ranking, plan: Plan, limit, design_limit) -> Selection:
    """The items shown under ``plan``: of each kind the first n of its ranking, n the
    smallest of the brief's count, ``limit(kind)`` (the layout's [limits] at the plan's
    level; 0: none) and the plan's cap. ``design_limit`` is ``limit`` at level 0: what
    the layout shows by design, so that ``cut`` says whether the plan left out more."""
    brief = ranking.brief
    quotes = ranking.quotes()
    ranked = {"key_points": ranking.key_points, "positions": ranking.positions, "quotes": quotes,
              "events": ranking.events}
    shown, cut = {}, False
    for kind, items in ranked.items():
        n = _count(len(items), limit(kind), plan.cap)
        cut = cut or n < _count(len(items), design_limit(kind), None)
        shown[kind] = items[:n]
    return Selection(
        key_points=ranking.in_order("key_points", shown["key_points"]),
        positions=ranking.in_order("positions", shown["positions"]),
        quotes=ranking.in_order("quotes", shown["quotes"]),
        events=ranking.in_order("events", shown["events"]),
        totals={k: len(v) for k, v in ranked.items()},
        cut=cut,
    )
