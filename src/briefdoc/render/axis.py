"""The timeline graphic: events placed on a date axis, their labels in lanes so
that none overlaps another, positioned in HTML (mirrored for right-to-left)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from ..localize.localizer import Localizer
from ..model.brief import Event, date_bounds


def date_range(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day a timeline date ("2023", "2023-02", "2023-02-28",
    "2023-W09", "2023-Q1", a range "2010/2016") covers."""
    return date_bounds(value)


@dataclass
class Mark:
    """An event on the timeline graphic: its number in the table, where its date
    falls (percent of the axis from the inline start: a range spans from its first
    day to its last) and its label's lane; ``partial`` when the date is a period
    (a month, a year) rather than a day or a range of days."""

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
                  lane_mm: float = 4.2) -> TimelineAxis:
    """Place events on an axis by date. Labels (number and date) go in lanes so that
    none overlaps another; everything is positioned in HTML, mirrored for RTL."""
    events = sorted_events(events)
    if not events:
        return TimelineAxis([], [], 0)
    ranges = [date_range(e.date) for e in events]
    lo = min(r[0] for r in ranges)
    hi = max(r[1] for r in ranges)
    span_days = max((hi - lo).days, 30)
    pad = 0.02

    def pct(d: dt.date) -> float:
        return 100 * (pad + (1 - 2 * pad) * (d - lo).days / span_days)

    start_side, end_side = ("right", "left") if l10n.dir == "rtl" else ("left", "right")
    char_mm = font_pt * 0.3528 * 0.56  # average advance of a character
    # Labels on the first half of the axis run towards the end, on the second half
    # towards the start; placing each half from the middle outwards keeps leaders
    # from crossing labels.
    items = []
    for i, (e, (a, b)) in enumerate(zip(events, ranges), 1):
        label = f"{l10n.number(i)} · {l10n.partial_date(e.date)}"
        width = 100 * (len(label) * char_mm + 2.5) / width_mm
        x0, x1 = pct(a), pct(b)
        xa = (x0 + x1) / 2  # a day, or the middle of a month or year
        anchor_end = xa > 50 and xa - width >= 0 or xa + width > 100
        items.append((i, e, label, width, xa, x0, x1, anchor_end))
    order = sorted((it for it in items if not it[7]), key=lambda it: -it[4]) + sorted(
        (it for it in items if it[7]), key=lambda it: it[4])
    boxes: list[tuple[int, float, float]] = []  # (lane, from, to) taken by labels
    leaders: list[tuple[int, float]] = []  # (lane, x): a leader crosses every lane below its own
    placed = {}
    gap = 0.6
    for i, e, label, width, x, x0, x1, anchor_end in order:
        lo_edge, hi_edge = (x - width, x) if anchor_end else (x, x + width)

        def free(lane: int, strict: bool = True) -> bool:
            if any(k == lane and lo_edge - gap < t and f < hi_edge + gap for k, f, t in boxes):
                return False  # the label would overlap another label
            if not strict:
                return True
            if any(k < lane and f + 0.3 < x < t - 0.3 for k, f, t in boxes):
                return False  # the leader would cross a label below
            return not any(k > lane and lo_edge + 0.3 < lx < hi_edge - 0.3 for k, lx in leaders)

        lanes_range = range(len(events) + 1)
        lane = next((k for k in lanes_range if free(k)), None)
        if lane is None:
            lane = next(k for k in lanes_range if free(k, strict=False))
        boxes.append((lane, lo_edge, hi_edge))
        leaders.append((lane, x))
        height = f"height: {(lane + 1) * lane_mm:.1f}mm; bottom: 0"
        if anchor_end:
            style = f"{end_side}: {100 - x:.2f}%; {height}"
        else:
            style = f"{start_side}: {x:.2f}%; {height}"
        span_style = f"{start_side}: {x0:.2f}%; width: {max(x1 - x0, 0):.2f}%"
        placed[i] = Mark(i, e, label, x0, x1, lane, Markup(style), Markup(span_style), anchor_end,
                         partial=not _of_days(e.date))
    marks = [placed[k] for k in sorted(placed)]
    lanes = 1 + max((k for k, _, _ in boxes), default=0)
    ticks = []
    # a tick each year, or each 2, 5, 10... years on a long axis (a range from 1962 has sixty)
    step = next(n for n in (1, 2, 5, 10, 20, 50, 100, 200, 500) if (hi.year - lo.year) / n <= MAX_TICKS)
    for year in range(lo.year, hi.year + 1):  # (a year's first day after hi is never on the axis)
        d = dt.date(year, 1, 1)
        if lo <= d <= hi and year % step == 0:
            ticks.append((Markup(f"{start_side}: {pct(d):.2f}%"), l10n.partial_date(f"{year:04d}")))
    return TimelineAxis(marks, ticks, lanes)


MAX_TICKS = 12
