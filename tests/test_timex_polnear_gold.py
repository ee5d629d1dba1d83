"""The hand-made PolNeAR TIMEX3 gold (scripts/timex_polnear_gold.tsv) is well formed:
it parses, its offsets lie inside the article texts and do not overlap, its types
are TIMEX3 types, its values are TimeML values, and the dev/test halves are 12
articles each.  Needs the texts from ../shared/data/polnear; skipped without them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "scripts" / "timex_polnear_gold.tsv"
TEXTS = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"

pytestmark = pytest.mark.skipif(not TEXTS.is_dir(), reason="PolNeAR texts (../shared/data/polnear) not available")

TYPES = {"DATE", "TIME", "DURATION", "SET"}
_NUM = r"(\d+(\.\d+)?|X)"
_DUR = re.compile(rf"^P(({_NUM}(Y|M|W|D|DE|CE|ML|Q|WE))+(T({_NUM}(H|M|S))+)?|T({_NUM}(H|M|S))+)$")
_DATE = re.compile(
    r"^(\d{1,4}|\d{0,3}X{1,4})"  # year, decade "197", century "19", or X
    r"(-(\d\d|XX)(-(\d\d|XX))?|-W(\d\d|XX)(-(WE|WD|\d))?|-(Q[1-4X]|H[12X]|SP|SU|FA|WI))?"
    r"(T(\d\d(:\d\d(:\d\d)?)?|MO|AF|EV|NI|DT))?$"
)
_REF = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


def standoff_rows(path: Path, columns: int) -> list[tuple[int, list[str]]]:
    """(line number, columns) of each line of a hand-made standoff file (comments and blank lines
    skipped), asserting that every line has ``columns`` tab-separated columns."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) == columns, f"line {n}: {len(cols)} columns"
        rows.append((n, cols))
    return rows


def _rows():
    return [(n, name, int(start), int(end), typ, value, split)
            for n, (name, start, end, typ, value, split) in standoff_rows(GOLD, 6)]


def _value_ok(typ: str, value: str) -> bool:
    if value in _REF:
        return typ in ("DATE", "TIME")
    if _DUR.match(value):
        return typ in ("DURATION", "SET")
    return bool(_DATE.match(value))


def test_the_gold_parses_and_lies_inside_the_texts_without_overlaps():
    rows = _rows()
    assert len(rows) >= 150
    texts: dict[str, str] = {}
    last: dict[str, int] = {}
    for n, name, start, end, typ, value, split in sorted(rows, key=lambda r: (r[1], r[2])):
        if name not in texts:
            texts[name] = (TEXTS / name).read_text(encoding="utf-8")
        text = texts[name]
        assert 0 <= start < end <= len(text), f"line {n}: {start}-{end} outside {name}"
        span = text[start:end]
        assert span == span.strip() and span[0].isalnum() and span[-1] not in ",;:'\"", f"line {n}: ragged {span!r}"
        assert start >= last.get(name, 0), f"line {n}: overlaps the previous timex in {name}"
        last[name] = end
        assert typ in TYPES, f"line {n}: type {typ}"
        assert _value_ok(typ, value), f"line {n}: value {value!r} for {typ}"


def test_the_splits_are_twelve_articles_each_alternating_in_file_order():
    rows = _rows()
    split_of = {}
    for _, name, *_rest, split in rows:
        assert split_of.setdefault(name, split) == split
    names = sorted(split_of)
    assert len(names) == 24
    assert [split_of[n] for n in names] == ["dev", "test"] * 12
    for name in names:
        assert re.search(r"_\d{4}-\d\d-\d\d_", name), name
        assert sum(r[1] == name for r in rows) >= 3


def test_the_eval_script_reads_the_gold_it_scores():
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import eval_timex_polnear as ev

    docs = ev.load("dev")
    assert len(docs) == 12 and all(d.corpus == "dev" for d in docs)
    assert sum(len(d.gold) for d in ev.load("all")) == len(_rows())
