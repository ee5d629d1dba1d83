"""Calendar arithmetic for TIMEX3 values: months and quarters counted on, ISO weeks, and
reading the calendar date back out of a value."""

from __future__ import annotations

import datetime as dt
import re


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _parse_value_date(v: str) -> dt.date | None:
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)", v)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def calendar_date(value: str) -> str | None:
    """The calendar part of a TIMEX3 value when it is a plain date ("YYYY-MM-DD",
    "YYYY-MM" or "YYYY", a time reduced to its day); None otherwise."""
    m = re.match(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?$", value)
    if not m:
        return None
    if m[3]:
        try:
            dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        return f"{m[1]}-{m[2]}-{m[3]}"
    if "T" in value:
        return None
    if m[2]:
        return f"{m[1]}-{m[2]}" if 1 <= int(m[2]) <= 12 else None
    return m[1]
