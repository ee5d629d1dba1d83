"""The temporal tagger as a package: its word lists are data files under
data/en/time/, its patterns are built from them with the alternations they always had,
its modules import one another without a loop, and no function is over 80 lines."""

from __future__ import annotations

import ast
import datetime as dt
import re
from importlib import resources

import pytest

from briefdoc.extractors import lexicon, timex
from briefdoc.extractors.timex import patterns, vocab

PACKAGE = resources.files("briefdoc.extractors.timex")
MODULES = sorted(p.name[:-3] for p in PACKAGE.iterdir() if p.name.endswith(".py"))


def _tree(module: str) -> ast.Module:
    return ast.parse(PACKAGE.joinpath(f"{module}.py").read_text(encoding="utf-8"))


def test_what_other_code_uses_is_importable_from_the_package():
    from briefdoc.extractors.timex import _DETS, Timex, calendar_date, tag  # noqa: F401

    assert "the" in timex._DETS
    assert timex.calendar_date("2023-02-28T10:00") == "2023-02-28"
    assert [t.value for t in timex.tag("on 9 November 2020")] == ["2020-11-09"]


def test_the_modules_import_one_another_without_a_loop():
    imports: dict[str, set[str]] = {}
    for module in MODULES:
        found = set()
        for node in ast.walk(_tree(module)):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                found.add(node.module or "__init__")
        imports[module] = found
    assert all("__init__" not in found for module, found in imports.items() if module != "__init__")
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, "import loop: " + " -> ".join((*path, module))
        if module not in done:
            for other in imports[module]:
                visit(other, (*path, module))
            done.add(module)

    for module in MODULES:
        visit(module, ())


def test_no_function_is_over_80_lines():
    long = [f"{module}.{node.name}: {node.end_lineno - node.lineno + 1} lines"
            for module in MODULES for node in ast.walk(_tree(module))
            if isinstance(node, ast.FunctionDef) and node.end_lineno - node.lineno + 1 > 80]
    assert not long


def test_month_names_are_written_once_and_every_form_is_read():
    assert len(vocab.MONTH_NAMES) == 12 and len(set(vocab.MONTHS.values())) == 12
    for row in lexicon.rows("time/months"):
        for name in (row[0], *(row[2].split() if len(row) > 2 else ())):
            assert vocab.MONTHS[name.lower()] == int(row[1])
    assert vocab.MONTHS["sept"] == 9 and vocab.MONTHS["may"] == 5


def test_patterns_built_from_the_data_keep_their_alternations():
    # alternation order matters ("Sept\.?|Sep\.?"): pin what the files must produce
    assert patterns._MON == (
        r"(?:January|February|March|April|May|June|July|August|September|October|"
        r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|"
        r"Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
    )
    assert patterns._MON_T == r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
    assert patterns._WD == r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    assert patterns._WD_T == r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    assert patterns._UNIT == (r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|"
                              r"decades?|centur(?:y|ies))")
    assert patterns._NUMW == (
        r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
        r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
        r"sixteen|seventeen|eighteen|nineteen|a hundred|one hundred|a dozen|half an?|a|an)"
    )
    assert patterns._TZ == r"(?-i:[ECMP][SD]?T|GMT|UTC|BST|CES?T|EES?T|WES?T|JST|KST|HKT|SGT|AE[SD]T|MSK|IST|PKT|SAST|WIB)"
    assert dict(patterns._PATTERNS)["slash"] == (
        r"\b(?P<m>0?[1-9]|[12]\d|3[01])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>\d{4}|\d\d)(?:\s+(?P<hh>\d\d):(?P<mi>\d\d)(?::\d\d)?)?\b")


@pytest.mark.parametrize("name", ["modifiers", "timezones", "holiday_patterns", "holiday_triggers", "overnight_nouns",
                                  "not_year_after", "count_modifiers", "over_means_more", "future_prepositions",
                                  "until_prepositions", "abbreviations"])
def test_regex_entries_compile(name):
    for entry in lexicon.ordered(f"time/{name}"):
        re.compile(entry)


def test_tables_hold_what_the_code_reads():
    for name, md in lexicon.table("time/holidays").items():
        month, day = md.split("-")
        dt.date(2024, int(month), int(day))
    for country, md in lexicon.rows("time/independence_days"):
        re.compile(country)
        dt.date(2024, *map(int, md.split("-")))
    assert set(vocab.UNITS.values()) <= {"S", "M", "H", "D", "W", "Q", "Y", "DE", "CE", "WE"}
    assert set(vocab.SEASONS.values()) == {"SP", "SU", "FA", "WI"}
    assert set(vocab.PARTS.values()) == {"MO", "AF", "EV", "NI"}
    assert set(vocab.RELATIVE_OFFSETS.values()) == {-1, 0, 1}
    assert all(v in ("PRESENT_REF", "PAST_REF", "FUTURE_REF", "-") for v in lexicon.table("time/references").values())
    assert vocab.NUMBERS["ninety"] == 90 and vocab.NUMBERS["half"] == 0.5 and vocab.NUMBERS["an"] == 1
