"""Hand-checked cases for the timex6 rules (invented sentences, values worked out from the
TimeML guidelines)."""

from __future__ import annotations

import datetime as dt

from briefdoc.extractors.timex import tag

ANCHOR = dt.date(2024, 5, 15)  # a Wednesday


def values(text: str, anchor: dt.date | None = ANCHOR) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, anchor)]


def typed(text: str, anchor: dt.date | None = ANCHOR) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, anchor)]


def test_the_previous_unit_is_a_date_before_the_one_last_named():
    # anaphoric: the year before the one the text named
    assert typed("The mill was sold in 2021. The previous year it had lost money.") == [
        ("2021", "DATE", "2021"), ("The previous year", "DATE", "2020")]
    assert typed("Turnout fell last year after rising the previous year.") == [
        ("last year", "DATE", "2023"), ("the previous year", "DATE", "2022")]
    # nothing named before: the one before the anchor's
    assert typed("Inflation was unchanged from the previous month.") == [("the previous month", "DATE", "2024-04")]
    # a span after "over", "for": still the length of one unit
    assert typed("Prices rose 3 percent over the previous week.") == [("the previous week", "DURATION", "P1W")]
    assert typed("Inflation was unchanged from the previous month.", None) == [("the previous month", "DATE", "PAST_REF")]


def test_a_year_earlier_in_a_comparison_is_a_date():
    # no date named before: the figure compared with is the one a year before the anchor's
    assert typed("Exports rose 5 percent from a year earlier.") == [("a year earlier", "DATE", "2023")]
    assert typed("Exports fell to $2 billion, compared with $3 billion a month earlier.") == [
        ("a month earlier", "DATE", "2024-04")]
    assert typed("Output was higher than a year earlier.") == [("a year earlier", "DATE", "2023")]
    # not a comparison, and nothing to count from: the span only
    assert typed("A year earlier, he had moved abroad.") == [("A year", "DURATION", "P1Y")]


def test_a_single_unit_after_a_verb_of_spending_time_is_a_duration():
    assert typed("He spent a decade in exile.") == [("a decade", "DURATION", "P10Y")]
    assert typed("The repairs took a week.") == [("a week", "DURATION", "P1W")]
    assert typed("The siege lasted a month.") == [("a month", "DURATION", "P1M")]
    assert typed("Passengers waited an hour on the runway.") == [("an hour", "DURATION", "PT1H")]
    # a rate is still not tagged
    assert values("She earns $40,000 a year.") == []


def test_a_participle_after_be_does_not_make_the_clause_past():
    # "announced", "reported" are past markers, but not in "will be announced"
    assert values("The results will be announced Monday.") == [("Monday", "2024-05-20")]
    assert values("The figures are to be reported on Monday.") == [("Monday", "2024-05-20")]
    assert values("The results were announced Monday.") == [("Monday", "2024-05-13")]
    assert values("The results have been announced Monday.") == [("Monday", "2024-05-13")]


def test_as_planned_is_no_plan_ahead():
    # "as planned", "as scheduled": the verb of the clause gives the tense
    assert values("The parade went ahead as planned on Sunday.") == [("Sunday", "2024-05-12")]
    assert values("The parade will go ahead as planned on Sunday.") == [("Sunday", "2024-05-19")]
    assert values("The launch took place as scheduled on Thursday.") == [("Thursday", "2024-05-09")]
    assert values("Elections were held as originally planned in March.") == [("March", "2024-03")]
    # a plan itself still looks ahead
    assert values("The town plans to hold the parade on Sunday.") == [("Sunday", "2024-05-19")]


def test_a_day_of_the_month_spelled_out():
    # transcripts write the day as a word: "June fifth", "the twenty-second of June"
    assert values("The festival opens on June fifth.") == [("June fifth", "2024-06-05")]
    assert values("Polls close on the twenty-second of June.") == [("the twenty-second of June", "2024-06-22")]
    assert values("The strike began on the third of May.") == [("the third of May", "2024-05-03")]
    assert values("The festival opens on June fifth.", None) == [("June fifth", "XXXX-06-05")]
    # an ordinal that is not a day
    assert [t.text for t in tag("Sales of June second-quarter contracts rose.", ANCHOR)] == ["June", "second-quarter"]


def test_since_a_month_and_day_is_always_in_the_past():
    # written late in September: "since January 1" is this January, never the coming one
    late = dt.date(2016, 9, 29)
    assert values("They have had thousands of shootings since January 1st.", late) == [("January 1st", "2016-01-01")]
    # without "since", a date the tense puts far back and that is near ahead is still the coming one
    assert values("The offer was extended to Nov. 20.", dt.date(2016, 11, 2)) == [("Nov. 20", "2016-11-20")]
