"""The tagger's word tables, read from ``data/en/time/`` (HeidelTime's normalization
resources): month, weekday, unit, number, ordinal, season and day-part names and the
TIMEX3 values they stand for. The patterns are built from the same tables."""

from __future__ import annotations

from .. import lexicon


def _number(text: str) -> int | float:
    """A value as the table writes it: "12" is 12, "0.5" is 0.5."""
    return float(text) if "." in text else int(text)


# --------------------------------------------------------------------------- months

# rows: name | number | abbreviations
_MONTH_ROWS = lexicon.rows("time/months")
MONTH_NAMES = tuple(row[0] for row in _MONTH_ROWS)  # "January" ... "December"
MONTH_ABBREVIATIONS = tuple(abbr for row in _MONTH_ROWS if len(row) > 2 for abbr in row[2].split())
# name or abbreviation, lower case -> month number: "january" 1, "jan" 1, "sept" 9 ...
MONTHS = {
    name.lower(): int(row[1])
    for row in _MONTH_ROWS
    for name in (row[0], *(row[2].split() if len(row) > 2 else ()))
}
# month names that are also words or names ("may", "march"): bare, never a month
MONTH_HOMOGRAPHS = lexicon.words("time/month_homographs")

# --------------------------------------------------------------------------- days

WEEKDAY_NAMES = lexicon.ordered("time/weekdays")  # "Monday" ... "Sunday"
WEEKDAYS = {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)}  # "monday" 0 ... "sunday" 6
# part of the day -> TIMEX3 code: "morning" MO
PARTS = lexicon.table("time/day_parts")
# rows: word | days from the anchor | value without an anchor [| part of the day]
_DEICTIC_ROWS = lexicon.rows("time/deictic_days")
DEICTIC_OFFSETS = {row[0]: int(row[1]) for row in _DEICTIC_ROWS}  # "yesterday" -1
DEICTIC_REFS = {row[0]: row[2] for row in _DEICTIC_ROWS}  # "yesterday" PAST_REF
DEICTIC_PARTS = {row[0]: row[3] for row in _DEICTIC_ROWS if len(row) > 3}  # "tonight" night
DEICTIC_DAYS = tuple(row[0] for row in _DEICTIC_ROWS if len(row) == 3)  # today, yesterday, tomorrow
# times of day named by a word: (pattern, TIMEX3 time), "noon" 12:00
CLOCK_WORDS = lexicon.rows("time/clock_words")
SEASONS = lexicon.table("time/seasons")  # "spring" SP

# --------------------------------------------------------------------------- units and numbers

# rows: unit | TIMEX3 code | plural
_UNIT_ROWS = lexicon.rows("time/units")
UNITS = {row[0]: row[1] for row in _UNIT_ROWS}  # "week" W
COUNTED_UNITS = tuple((row[0], row[2]) for row in _UNIT_ROWS if len(row) > 2)  # ("week", "weeks") ...
# counting words: "one" 1 ... "nineteen" 19, "twenty" 20 ... "ninety" 90
COUNTING = {word: int(value) for word, value in lexicon.table("time/numbers").items()}
NUMBERS = {**COUNTING, **{word: _number(value) for word, value in lexicon.table("time/quantities").items()}}
VAGUE_NUMBERS = lexicon.words("time/vague_numbers")
ONES = tuple(w for w, v in COUNTING.items() if v < 10)  # "one" ... "nine"
UNDER_TWENTY = tuple(w for w, v in COUNTING.items() if v < 20)  # "one" ... "nineteen"
TENS_ONLY = tuple(w for w, v in COUNTING.items() if v >= 20)  # "twenty" ... "ninety"
# the second word of a spoken year ("nineteen ninety"): "ten" 10 ... "ninety" 90
_TENS = {w: v for w, v in COUNTING.items() if v >= 10}
# its third word ("ninety-four"), and the last of "the year two thousand and ten"
_ONES = {w: v for w, v in COUNTING.items() if v <= 10}
# "twenties" ... "nineties" -> "twenty" ... "ninety"
DECADE_WORDS = {w[:-1] + "ies": w for w in TENS_ONLY}
ORDINALS = {word: int(n) for word, n in lexicon.table("time/ordinals").items()}  # "third" 3
HALVES = {word: n for word, n in ORDINALS.items() if n <= 2}  # "first" 1, "2nd" 2
DAY_ORDINALS = {word: int(n) for word, n in lexicon.table("time/day_ordinals").items()}  # "eighth" 8

# --------------------------------------------------------------------------- sets and references

FREQUENCIES = lexicon.table("time/frequencies")  # "weekly" P1W
# phrase -> PRESENT_REF, PAST_REF or FUTURE_REF; "-" for phrases matched but not tagged
_REFERENCE_ROWS = lexicon.table("time/references")
_REF = {w: v for w, v in _REFERENCE_ROWS.items() if v != "-"}
UNTAGGED_REFS = frozenset(w for w, v in _REFERENCE_ROWS.items() if v == "-")
REFERENCE_PHRASES = tuple(_REFERENCE_ROWS)  # in the pattern's order
REFERENCE_ADJECTIVES = lexicon.table("time/reference_adjectives")  # "current" PRESENT_REF, "former" -
# "last" -1, "this" 0, "next" 1: how many units from the anchor's
RELATIVE_OFFSETS = {word: int(k) for word, k in lexicon.table("time/relative_offsets").items()}
