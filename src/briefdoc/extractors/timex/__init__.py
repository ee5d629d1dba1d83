"""A rule-based temporal expression tagger (TimeML TIMEX3 values).

``tag(text, anchor)`` finds time expressions with regular expressions in the
style of HeidelTime/SUTime and normalizes them:

* absolute dates ("November 9, 2020", "9 Nov. 2020", "2020-11-09", "11/9/2020",
  "in 2022", "the 1990s", "the third quarter", "last fall");
* relative dates resolved against ``anchor`` (the publication date), in the
  direction the tense of the clause implies ("Tuesday", "in December", "last
  month", "two weeks ago", "next year");
* anaphoric dates resolved against the previous date in the text ("the
  following day", "two days later", "that day");
* durations ("three years" -> P3Y), sets ("every week" -> P1W), clock times, and
  the generic references PRESENT_REF / PAST_REF / FUTURE_REF.

Without an anchor, relative values stay underspecified ("XXXX-12-12",
"XXXX-WXX-2") or become reference types (PAST_REF ...); the clock is never
consulted.

The package is laid out as HeidelTime's resources and rules are: the word lists and
tables are data files in ``extractors/data/en/time/``, read by

* ``vocab``: month, weekday, unit, number, season and day-part names and their values;
* ``patterns``: the regular expressions of each family of expression, and their triggers;
* ``values``: numbers and durations written as TIMEX3 values;
* ``dates``: calendar arithmetic (months, quarters, ISO weeks), ``calendar_date``;
* ``tense``: the tense of the clause around an expression;
* ``anchor``: the reading context, and resolving dates against the anchor and the text;
* ``holidays``: fixed and movable holidays (Easter, Thanksgiving, Election Day);
* ``norm_dates``, ``norm_periods``, ``norm_times``, ``norm_relative``, ``norm_durations``:
  the normalizers of each family;
* ``tagger``: the driver, ``tag``.
"""

from __future__ import annotations

from .dates import calendar_date
from .tagger import Timex, tag
from .tense import _DETS as _DETS  # timeline.py leaves determiners out of an event's words
from .vocab import (
    MONTHS as MONTHS, NUMBERS as NUMBERS, ORDINALS as ORDINALS, PARTS as PARTS, SEASONS as SEASONS, UNITS as UNITS,
    VAGUE_NUMBERS as VAGUE_NUMBERS, WEEKDAYS as WEEKDAYS,
)

__all__ = ["Timex", "tag", "calendar_date"]
