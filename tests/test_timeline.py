"""Timeline: dated clauses from a parsed article, in date order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefdoc.extractors import nlp
from briefdoc.extractors import timeline

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_3362ed2f4686983c.txt"
ANCHOR = dt.date(2023, 2, 28)


def build(text: str, anchor: dt.date | None = ANCHOR):
    doc = nlp.parse(text)
    events = timeline.build(doc, anchor)
    for e in events:
        assert text[e.start:e.end] == e.expression
        assert text[e.event_start:e.event_end] == e.event
        assert e.event_start <= e.start and e.end <= e.event_end
    return events


@pytest.fixture(scope="module")
def demo():
    if not SEED.exists():
        pytest.skip("demo seed not available")
    return build(SEED.read_text(encoding="utf-8"))


def test_demo_has_exactly_the_eight_dated_events(demo):
    # written by hand from the article (published Tuesday 2023-02-28)
    assert [(e.date, e.expression) for e in demo] == [
        ("2020-11-09", "November 9, 2020"),
        ("2022", "last year"),
        ("2022-12", "December"),
        ("2022-12-12", "December 12"),
        ("2023-01", "last month"),
        ("2023-01-17", "January 17"),
        ("2023-01-18", "the following day"),
        ("2023-02-28", "Tuesday"),
    ]


def test_demo_events_say_what_happened(demo):
    by_date = {e.date: e.event for e in demo}
    assert "agreement" in by_date["2020-11-09"]
    assert "allied cooperation agreement" in by_date["2022"] and "signed" in by_date["2022"]
    assert by_date["2022-12"].startswith("Russia was to host a meeting")
    assert "blockading since December 12" in by_date["2022-12-12"]
    assert "alluded" in by_date["2023-01"]
    assert "phone call" in by_date["2023-01-17"]
    assert by_date["2023-01-18"].startswith("He said the following day")
    assert by_date["2023-02-28"].startswith("Russian Foreign Minister Sergey Lavrov said Tuesday")
    # the clause, not the whole sentence: the side clause after the comma is left out
    assert "opposing" not in by_date["2023-02-28"]
    for e in demo:
        assert not e.event.endswith((".", ",", " ")) and not e.event.startswith(("and ", "but "))


def test_quoted_today_is_left_out(demo):
    assert all(e.expression.lower() != "today" for e in demo)


def test_order_by_first_day_then_text_order():
    events = build("The company was founded in 2019. It moved in March 2019. It was sold on January 5, 2019.")
    assert [e.date for e in events] == ["2019", "2019-01-05", "2019-03"]


def test_no_anchor_keeps_only_absolute_dates():
    events = build("He said Tuesday that the November 9, 2020 agreement still holds. Talks failed last month.", None)
    assert [(e.date, e.expression) for e in events] == [("2020-11-09", "November 9, 2020")]


def test_durations_sets_and_refs_are_not_events():
    events = build("The war lasted 44 days. Inspectors come every week. Prices are now stable and recently fell.")
    assert events == []


def test_absolute_date_inside_quote_stays_but_deictic_goes():
    text = "“We signed it on March 3, 2021, and we met again yesterday,” the minister said on Monday."
    events = build(text)
    assert [(e.date, e.expression) for e in events] == [("2021-03-03", "March 3, 2021"), ("2023-02-27", "Monday")]


def test_coordinated_clause_is_trimmed():
    text = "Russia was to host the talks in December, but Armenia backed out of the meeting."
    (event,) = build(text)
    assert event.event == "Russia was to host the talks in December"


def test_a_verb_sharing_a_dated_clause_s_subject_keeps_its_own_date():
    # "began in April 2021 but stalled in March": two events, each with its own words
    text = "Indirect talks began in April 2021 but stalled in March 2022 over a list of demands."
    first, second = build(text)
    assert (first.date, first.event) == ("2021-04", "Indirect talks began in April 2021")
    assert (second.date, second.event) == ("2022-03", "stalled in March 2022 over a list of demands")
    # with one date only, the shared subject stays in the event
    (only,) = build("The minister arrived in Paris and met Macron on Monday.")
    assert only.event == "The minister arrived in Paris and met Macron on Monday"


def test_time_of_day_counts_as_its_date():
    (event,) = build("The blast went off at 10:35 a.m. Friday, killing dozens.")
    assert event.date == "2023-02-24"
    assert event.expression == "10:35 a.m. Friday"


def test_datelines_and_timestamps_are_not_events():
    text = "PARIS, Aug. 31 (Reuters) - The minister resigned on Tuesday.\n\n2:45 p.m.\n\nThe talks went on."
    events = build(text, dt.date(2016, 8, 31))
    assert [(e.date, e.expression) for e in events] == [("2016-08-30", "Tuesday")]


def test_short_participle_takes_its_clause():
    text = "She told CNN in the interview taped and released on Wednesday."
    (event,) = build(text, dt.date(2016, 8, 31))
    assert event.date == "2016-08-31"
    assert event.event.startswith("She told CNN")


def test_month_names_as_person_names_are_not_dates():
    events = build("The panel includes June Smith, April Jones and Steve Doe, who met in May.", dt.date(2016, 8, 31))
    assert [(e.date, e.expression) for e in events] == [("2016-05", "May")]


def test_empty_and_dateless_texts():
    assert build("") == []
    assert build("No dates here.") == []


def test_weeks_weekends_and_quarters_date_events():
    # anchor: Tuesday 28 February 2023, in ISO week 9 (27 February to 5 March)
    events = build("Parliament passed the budget last week. The company said profits rose 4% in the first quarter "
                   "of 2022. Ministers will meet next week. He has worked there for three weeks.")
    assert [(e.date, e.expression) for e in events] == [
        ("2022-Q1", "the first quarter of 2022"), ("2023-W08", "last week"), ("2023-W10", "next week")]
    assert events[1].event == "Parliament passed the budget last week"


def test_the_eval_script_compares_at_the_golds_granularity():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "eval_timeline.py"
    spec = importlib.util.spec_from_file_location("eval_timeline", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.same("2006-03-28", "2006-03") and mod.same("2006-W12", "2006-03") and mod.same("2006-03", "2006-03")  # W12: 20-26 March 2006
    assert not mod.same("2006", "2006-03") and not mod.same("2006-04-01", "2006-03") and not mod.same("2006-W13", "2006-03")  # W13 ends on 2 April


def test_a_date_before_a_noun_dates_that_thing_not_the_clause():
    events = build("The agency on Saturday released Trump's 1995 state tax returns. "
                   "The 2015 budget deficit was $438 billion. "
                   "She left a Sept. 11 memorial event early. "
                   "Lavrov called for calm during a January 17 phone call with Bayramov. "
                   "The plan cuts emissions to 30 percent below 2005 levels.")
    got = {(e.date, e.event) for e in events}
    assert got == {
        # the release was not in 1995, and a tax return (a thing the date describes) is no event
        ("2023-02-25", "The agency on Saturday released Trump's 1995 state tax returns"),
        ("2015", "The 2015 budget deficit was $438 billion"),  # the clause tells of the dated thing
        ("2022-09-11", "She left a Sept. 11 memorial event early"),  # what is done at an event happens then
        ("2023-01-17", "Lavrov called for calm during a January 17 phone call with Bayramov"),
        # "2005 levels" names no event: left out
    }


def test_a_thing_made_at_a_date_is_an_event_with_its_year_only():
    events = build("Investors cited the March 4, 2019 agreement that ended the strike. "
                   "The senator read from a 2013 memo on the program. "
                   "Critics spread Sept. 11 conspiracy theories. "
                   "Analysts quoted the June report.", dt.date(2016, 9, 20))
    got = {(e.date, e.event) for e in events}
    assert got == {
        ("2019-03-04", "the March 4, 2019 agreement that ended the strike"),  # concluded that day
        ("2013", "a 2013 memo on the program"),  # written that year
        # "Sept. 11 conspiracy theories": no event; "The June report" without its year: which June?
    }


def test_relative_date_inside_a_british_style_quote_is_not_dated():
    """‘Yesterday’ inside a quote in single marks is the speaker's yesterday, as inside
    double marks; the apostrophe of “don’t” does not end the quote."""
    import datetime as dt

    import briefdoc

    text = ("The minister spoke in Paris on Monday.\n"
            "‘We don’t know what happened yesterday,’ she said.\n")
    brief = briefdoc.extract(text, published=dt.date(2023, 3, 1))
    assert [e.date for e in brief.timeline] == ["2023-02-27"]


def test_a_clause_dated_twice_keeps_the_finer_date():
    import datetime as _dt

    from briefdoc.extractors import timeline as _timeline

    doc = nlp.parse("Ramadan begins next week, and the price of dates has risen.")
    events = _timeline.build(doc, _dt.date(2023, 3, 14))
    assert [(e.expression, e.date) for e in events] == [("next week", "2023-W12")]


# --- issue 15: dates right or absent, ranges, events that read on their own (sentences written for these tests)

@pytest.mark.parametrize("text,date,expression", [
    ("The survey was conducted September 16-19 among 900 voters.", "2022-09-16/2022-09-19", "September 16-19"),
    ("The bank fired 500 employees from 2011 to 2016 for the practice.", "2011/2016", "2011 to 2016"),
    ("A 2010-2016 survey of 5,000 adults found rising debt.", "2010/2016", "2010-2016"),
    ("Heavy snow isolated the villages in the winter of 1962-63.", "1962/1963", "the winter of 1962-63"),
    ("She scored 40 goals for the club in the 2011-2012 season.", "2011/2012", "2011-2012"),
    ("The reservoir was drained from March to May 2021 for repairs.", "2021-03/2021-05", "March to May 2021"),
    ("Talks were held between 1994 and 1997 in Geneva.", "1994/1997", "1994 and 1997"),
    ("A panel met September 16-19, 2021 to review the dam.", "2021-09-16/2021-09-19", "September 16-19, 2021"),
])
def test_ranges_are_one_entry_with_a_range_date(text, date, expression):
    (event,) = build(text)
    assert (event.date, event.expression) == (date, expression)


def test_later_without_a_date_told_before_it_is_left_out():
    assert build("People who had a stroke were less likely to be working five years later.") == []
    # published Tuesday 2023-02-28: five years after Tuesday is no date a report in the past can tell
    assert [e.expression for e in build("A study published Tuesday found that patients were still in pain two years "
                                         "later.")] == ["Tuesday"]
    events = build("The engineer was jailed in 2004. Five years later he was freed. The next year he moved to Oslo.")
    assert [(e.date, e.expression) for e in events] == [
        ("2004", "2004"), ("2009", "Five years later"), ("2010", "The next year")]


def test_before_and_after_date_their_object_not_the_clause():
    events = build("France unveiled a plan ahead of Friday's meeting. The party raised $18 million on the day after "
                   "Monday's debate. After a test in January, the council imposed sanctions. Prices rose after "
                   "Thursday.")
    assert [(e.date, e.event) for e in events] == [
        ("2023-01", "a test in January"), ("2023-02-24", "Friday's meeting"), ("2023-02-27", "Monday's debate")]


def test_a_time_of_day_alone_and_a_title_date_nothing():
    assert build("The senator asked who gets up at 3 a.m. to send angry tweets.") == []
    (event,) = build("The minister told CBS This Morning on Monday that talks would resume.")
    assert event.expression == "Monday"


def test_events_read_as_sentences_with_their_subject_named():
    from briefdoc.extractors import actors

    text = ("Norway rejected the demand for a toll on the road that it has been blockading since March 3.\n"
            "The minister criticized Prime Minister Ivan Petrov, who last month alluded that the dam was unsafe.\n"
            "Elena Varga arrived in Oslo on Monday. She said the following day that the border would reopen.\n")
    doc = nlp.parse(text)
    events = timeline.build(doc, ANCHOR, actors.find(doc))
    reads = {e.expression: e.reads for e in events}
    assert reads["March 3"] == "Norway has been blockading the road since March 3"
    assert reads["last month"] == "Prime Minister Ivan Petrov last month alluded that the dam was unsafe"
    assert reads["the following day"] == "Elena Varga said the following day that the border would reopen"
    for e in events:  # the sentence is pieces of the text, and the clause as written stays the event
        assert e.sentence is None or e.sentence == " ".join(text[p.start:p.end] for p in e.sentence_parts)
        assert text[e.event_start:e.event_end] == e.event
    # without the actors, the clause as written
    assert all(e.sentence is None for e in timeline.build(doc, ANCHOR))
