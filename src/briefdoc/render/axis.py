"""The timeline graphic: events placed on a date axis, their labels in lanes so
that none overlaps another, positioned in HTML (mirrored for right-to-left)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from babel.dates import format_interval
from markupsafe import Markup

from ..localize.localizer import Localizer
from ..model.brief import Event, date_bounds


# The graphic's height in lanes of labels (the seed's eight events take up to seven), and the
# most events placed one mark each; past that, neighbours share a mark.
MAX_LANES = 8
SINGLE_MARKS = 36
MAX_TICKS = 12


def date_range(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day a timeline date ("2023", "2023-02", "2023-02-28",
    "2023-W09", "2023-Q1") covers."""
    return date_bounds(value)


@dataclass
class Mark:
    """An event on the timeline graphic (or a run of neighbours sharing one mark): its
    number in the table (the first's), where its date falls (percent of the axis from the
    inline start: a range spans from its first day to its last) and its label's lane;
    ``partial`` when the date is a period (a month, a year) rather than a day or a range
    of days."""

    number: int
    event: Event
    label: str
    start: float
    end: float
    lane: int
    style: Markup  # position of the mark and label (physical sides, mirrored for RTL)
    span_style: Markup
    anchor_end: bool
    partial: bool = False
    events: list = field(default_factory=list)  # the events the mark stands for: ``event`` and, past the lanes, its neighbours


@dataclass
class TimelineAxis:
    marks: list[Mark]
    ticks: list[tuple[Markup, str]]  # (style, label)
    lanes: int


def _of_days(value: str) -> bool:
    """A day, or a range from a day to a day: a date as exact as a timeline date gets."""
    return all(len(side) == 10 for side in value.split("/"))


def sorted_events(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (date_range(e.date)[0], e.start))


def timeline_axis(events: list[Event], l10n: Localizer, *, width_mm: float = 170, font_pt: float = 7.5,
                  lane_mm: float = 4.2, max_lanes: int = MAX_LANES) -> TimelineAxis:
    """Place events on an axis by date. Labels (number and date) go in lanes so that
    none overlaps another; everything is positioned in HTML, mirrored for RTL. Past
    ``max_lanes`` lanes, events next to each other on the axis share one mark ("4–9 ·
    Sep 11 – 30, 2016": their numbers in the table and their dates), as few marks
    shared as keep the graphic within ``max_lanes`` lanes, whatever the number of events."""
    events = sorted_events(events)
    if not events:
        return TimelineAxis([], [], 0)
    axis = _Axis(events, l10n, width_mm, font_pt, lane_mm)
    singles = [[i] for i in range(len(events))]
    if len(events) <= SINGLE_MARKS:
        marks, lanes = axis.place(singles)
        if lanes <= max_lanes:
            return TimelineAxis(marks, axis.ticks(), lanes)
    # The most marks that stay within max_lanes: found by bisection on their number.
    lo, hi = 1, min(len(events), SINGLE_MARKS)
    best = axis.place(axis.clusters(1))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        placed = axis.place(axis.clusters(mid))
        if placed[1] <= max_lanes:
            lo, best = mid, placed
        else:
            hi = mid - 1
    return TimelineAxis(best[0], axis.ticks(), best[1])


class _Axis:
    """An axis from the first to the last day of ``events`` (sorted by date), and the
    placing of marks, each for one event or a run of neighbours, on it."""

    def __init__(self, events: list[Event], l10n: Localizer, width_mm: float, font_pt: float, lane_mm: float):
        self.events, self.l10n, self.width_mm, self.lane_mm = events, l10n, width_mm, lane_mm
        self.ranges = [date_range(e.date) for e in events]
        self.lo = min(r[0] for r in self.ranges)
        self.hi = max(r[1] for r in self.ranges)
        self.span_days = max((self.hi - self.lo).days, 30)
        self.sides = ("right", "left") if l10n.dir == "rtl" else ("left", "right")
        self.char_mm = font_pt * 0.3528 * 0.56  # average advance of a character

    def pct(self, d: dt.date) -> float:
        pad = 0.02
        return 100 * (pad + (1 - 2 * pad) * (d - self.lo).days / self.span_days)

    def clusters(self, k: int) -> list[list[int]]:
        """The events in ``k`` runs of neighbours, cut at the k - 1 widest gaps on the axis."""
        middles = [(self.pct(a) + self.pct(b)) / 2 for a, b in self.ranges]
        gaps = sorted(range(1, len(middles)), key=lambda i: (-(middles[i] - middles[i - 1]), i))
        cuts = sorted(gaps[: max(k - 1, 0)])
        bounds = [0, *cuts, len(middles)]
        return [list(range(a, b)) for a, b in zip(bounds, bounds[1:])]

    def label(self, group: list[int]) -> str:
        l10n = self.l10n
        first, last = group[0], group[-1]
        if first == last:
            return f"{l10n.number(first + 1)} · {l10n.partial_date(self.events[first].date)}"
        dates = [self.events[i].date for i in group]
        start, end = min(self.ranges[i][0] for i in group), max(self.ranges[i][1] for i in group)
        if len(set(dates)) == 1:
            when = l10n.partial_date(dates[0])
        else:
            precise = min(len(side) for d in dates for side in d.split("/"))  # the coarsest date of the run says how precise the range is
            skeleton = "yMMMd" if precise >= 10 else "yMMM" if precise >= 7 else "y"
            when = format_interval(start, end, skeleton, locale=l10n.babel_locale)
        return f"{l10n.number(first + 1)}–{l10n.number(last + 1)} · {when}"

    def ticks(self) -> list[tuple[Markup, str]]:
        ticks = []
        # a tick each year, or each 2, 5, 10... years on a long axis (a range from 1962 has sixty)
        step = next(n for n in (1, 2, 5, 10, 20, 50, 100, 200, 500) if (self.hi.year - self.lo.year) / n <= MAX_TICKS)
        for year in range(self.lo.year, self.hi.year + 1):  # (a year's first day after hi is never on the axis)
            d = dt.date(year, 1, 1)
            if self.lo <= d <= self.hi and year % step == 0:
                ticks.append((Markup(f"{self.sides[0]}: {self.pct(d):.2f}%"), self.l10n.partial_date(f"{year:04d}")))
        return ticks

    def place(self, groups: list[list[int]]) -> tuple[list[Mark], int]:
        """Marks for ``groups`` (runs of event indices) with their labels in lanes, and the lanes taken."""
        # Labels on the first half of the axis run towards the end, on the second half
        # towards the start; placing each half from the middle outwards keeps leaders
        # from crossing labels.
        items = []
        for group in groups:
            label = self.label(group)
            width = 100 * (len(label) * self.char_mm + 2.5) / self.width_mm
            x0 = min(self.pct(self.ranges[i][0]) for i in group)
            x1 = max(self.pct(self.ranges[i][1]) for i in group)
            xa = (x0 + x1) / 2  # a day, or the middle of a month or year (or of a run)
            anchor_end = xa > 50 and xa - width >= 0 or xa + width > 100
            items.append((group, label, width, xa, x0, x1, anchor_end))
        order = sorted((it for it in items if not it[6]), key=lambda it: -it[3]) + sorted(
            (it for it in items if it[6]), key=lambda it: it[3])
        boxes: list[tuple[int, float, float]] = []  # (lane, from, to) taken by labels
        leaders: list[tuple[int, float]] = []  # (lane, x): a leader crosses every lane below its own
        placed = {}
        start_side, end_side = self.sides
        for group, label, width, x, x0, x1, anchor_end in order:
            edges = (x - width, x) if anchor_end else (x, x + width)
            lane = _free_lane(boxes, leaders, x, edges, len(groups) + 1)
            boxes.append((lane, *edges))
            leaders.append((lane, x))
            height = f"height: {(lane + 1) * self.lane_mm:.1f}mm; bottom: 0"
            style = f"{end_side}: {100 - x:.2f}%; {height}" if anchor_end else f"{start_side}: {x:.2f}%; {height}"
            span_style = f"{start_side}: {x0:.2f}%; width: {max(x1 - x0, 0):.2f}%"
            events = [self.events[i] for i in group]
            placed[group[0]] = Mark(group[0] + 1, events[0], label, x0, x1, lane, Markup(style), Markup(span_style),
                                    anchor_end, partial=not all(_of_days(e.date) for e in events), events=events)
        return [placed[k] for k in sorted(placed)], 1 + max((k for k, _, _ in boxes), default=0)


def _free_lane(boxes, leaders, x: float, edges: tuple[float, float], lanes: int) -> int:
    """The lowest lane where a label between ``edges`` overlaps no other label, its
    leader (at ``x``) crosses no label below and no leader from above crosses it; else
    the lowest where it overlaps no other label."""
    lo_edge, hi_edge = edges
    gap = 0.6

    def free(lane: int, strict: bool = True) -> bool:
        if any(k == lane and lo_edge - gap < t and f < hi_edge + gap for k, f, t in boxes):
            return False  # the label would overlap another label
        if not strict:
            return True
        if any(k < lane and f + 0.3 < x < t - 0.3 for k, f, t in boxes):
            return False  # the leader would cross a label below
        return not any(k > lane and lo_edge + 0.3 < lx < hi_edge - 0.3 for k, lx in leaders)

    lane = next((k for k in range(lanes) if free(k)), None)
    if lane is None:
        lane = next(k for k in range(lanes) if free(k, strict=False))
    return lane
