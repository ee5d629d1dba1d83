"""Numbers and spans of time as TIMEX3 values: "two and a half years" is P2Y6M, "half an
hour" PT30M, "nineteen ninety-four" 1994."""

from __future__ import annotations

import re

from .vocab import NUMBERS, UNITS, VAGUE_NUMBERS, _ONES, _TENS


def _num(s: str) -> float | None:
    """Number from digits or words; None when vague ("several")."""
    s = s.lower().strip().replace("-", " ")
    if re.fullmatch(r"\d+(\.\d+)?", s):
        return float(s)
    if re.fullmatch(r"\d+ 1/2", s):
        return float(s.split()[0]) + 0.5
    words = s.split()
    if words in (["half", "a"], ["half", "an"]):  # "half a century"
        return 0.5
    if "couple" in words:  # "a couple of years": two (TimeML P2Y)
        return None if any(w in VAGUE_NUMBERS for w in words) else 2.0
    if not words or any(w in VAGUE_NUMBERS for w in words):
        return None
    total = 0.0
    cur = 0.0
    for w in words:
        if w == "of":
            continue
        v = NUMBERS.get(w)
        if v is None:
            return None
        if v == 100:
            cur = (cur or 1) * 100
        elif v == 12 and w == "dozen":
            cur = (cur or 1) * 12
        else:
            cur += v
    total += cur
    return total


def _fmt_num(n: float | None) -> str:
    if n is None:
        return "X"
    if n == int(n):
        return str(int(n))
    return str(n)


def _unit_key(u: str) -> str:
    u = u.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") and u[:-1] in UNITS else u


def _duration(n: float | None, unit: str) -> str:
    u = _unit_key(unit)
    if u == "fortnight":
        n = None if n is None else n * 2
    if u == "decade":
        return f"P{_fmt_num(None if n is None else n * 10)}Y"
    if u == "century":
        return f"P{_fmt_num(None if n is None else n * 100)}Y"
    if u == "quarter":
        return f"P{_fmt_num(None if n is None else n * 3)}M"
    if u == "weekend":
        return "P2D" if n in (None, 1) else f"P{_fmt_num(n * 2)}D"
    code = UNITS.get(u, "D")
    if n is not None and n != int(n):  # half units: "2 1/2 years" P2Y6M, "half an hour" PT30M
        whole = int(n)
        if code == "H":
            return f"PT{whole}H{int(round((n - whole) * 60))}M" if whole else f"PT{int(n * 60)}M"
        if code == "M" and u == "minute":
            return f"PT{whole}M{int(round((n - whole) * 60))}S" if whole else f"PT{int(n * 60)}S"
        if code == "Y":
            return f"P{whole}Y{int(round((n - whole) * 12))}M" if whole else f"P{int(n * 12)}M"
        if code == "D":
            return f"P{whole}DT{int(round((n - whole) * 24))}H" if whole else f"PT{int(n * 24)}H"
        if code == "M":
            return f"P{whole}M{int(round((n - whole) * 30))}D" if whole else f"P{int(n * 30)}D"
    if code in ("H", "S") or (code == "M" and u == "minute"):
        return f"PT{_fmt_num(n)}{code}"
    return f"P{_fmt_num(n)}{code}"


def _word_year(txt: str) -> str:
    """"nineteen ninety-four" -> "1994"."""
    w = re.split(r"[- ]+", txt.lower().strip())
    return str((1900 if w[0] == "nineteen" else 2000) + _TENS[w[1]] + (_ONES.get(w[2], 0) if len(w) > 2 else 0))
