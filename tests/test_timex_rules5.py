"""Hand-checked cases for the timex5 rules (invented sentences)."""

from __future__ import annotations

import datetime as dt

from briefdoc.extractors.timex import tag

ANCHOR = dt.date(2023, 2, 28)  # a Tuesday


def values(text: str, anchor: dt.date | None = ANCHOR) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, anchor)]


def test_a_long_name_before_the_verb_does_not_hide_the_tense():
    # the verb of a fronted date sits after a multi-word name with "and" inside it
    assert values("On Sunday, the Energy and Water Safety Commission plans to vote on the proposal.") == [
        ("Sunday", "2023-03-05")]
    # a real clause break still stops the search
    assert values("On Sunday, the commission met and the board plans to vote.") == [("Sunday", "2023-02-26")]


def test_the_verb_last_stays_out_of_a_duration():
    assert values("The talks could last several weeks.") == [("several weeks", "PXW")]
    assert values("The hearing is expected to last about a week.") == [("about a week", "P1W")]
    assert values("The strike did not last two days.") == [("two days", "P2D")]
    # the adjective stays in: "the last two weeks"
    assert values("Prices rose over the last two weeks.") == [("the last two weeks", "P2W")]


def test_this_past_season_or_month_is_the_one_just_gone():
    assert values("The firm closed its plant this past spring.") == [("this past spring", "2022-SP")]
    assert values("Sales slumped this past January.") == [("this past January", "2023-01")]
    assert values("Sales slumped this past January.", None) == [("this past January", "XXXX-01")]


def test_irregular_past_verbs_and_present_passives():
    # "spent" is a past tense: the summer before the anchor
    assert values("He then spent the summer in Bali.") == [("the summer", "2022-SU")]
    # "is heard" is a present passive, not a past: the coming May
    assert values("The appeal is heard in May, the court said.") == [("May", "2023-05")]
    assert values("The appeal was heard in May, the court said.") == [("May", "2022-05")]


def test_a_bare_day_of_the_month():
    # the month the text last named
    assert values("Voting began on March 3 and ends on the 20th.")[-1] == ("the 20th", "2023-03-20")
    # else the anchor's month, moved by the tense: the 10th is past by 28 February, so next month's
    assert values("The board will meet on the 10th, a spokesman said.") == [("the 10th", "2023-03-10")]
    assert values("The board met on the 10th and approved the plan.") == [("the 10th", "2023-02-10")]
    assert values("The board will meet on the 10th.", None) == [("the 10th", "XXXX-XX-10")]
    # ordinals that are not days
    assert values("He finished 20th in the race and lives on the 5th floor.") == []


def test_names_and_word_parts_that_look_like_times():
    assert values('He said so on CBS\'s "48 Hours" program.') == []
    assert values('The film "High Noon" was shown again.') == []
    assert values("Agents stormed the house in a pre-dawn raid.") == []
    # the real things stay
    assert values("The talks lasted 48 hours.") == [("48 hours", "PT48H")]
    assert values("Troops moved in at dawn.") == [("dawn", "2023-02-28TMO")]
    assert values("The Talks Lasted 48 Hours") == [("48 Hours", "PT48H")]  # a title-case headline


def test_movable_holidays():
    # Easter 2023 fell on 9 April, Good Friday on the 7th; US Election Day 2022 on 8 November
    assert values("Churches expect crowds at Easter.") == [("Easter", "2023-04-09")]
    assert values("The shops will close on Good Friday.") == [("Good Friday", "2023-04-07")]
    assert values("Turnout was high on Election Day.") == [("Election Day", "2022-11-08")]
    assert values("The campaign will run until Election Day 2024.") == [("Election Day 2024", "2024-11-05")]
    assert values("Pilgrims arrived as Easter week began.", dt.date(2023, 4, 3)) == [("Easter week", "2023-W14")]
    assert values("Eastern Airlines cut fares.") == []
    assert values("They sailed to Easter Island.") == []
    assert values("Children hunted Easter eggs.") == []
    assert values("Churches expect crowds at Easter.", None) == [("Easter", "XXXX-XX-XX")]


def test_a_vague_long_adjective_is_a_duration():
    assert values("The decades-long feud ended.") == [("decades-long", "PXY")]
    assert values("After a months-long search, police found him.") == [("months-long", "PXM")]
    assert values("Years of war followed.") == []  # a bare plural without a preposition stays out


def test_a_clock_time_with_local_time_before_its_day():
    found = values("The blast went off at 9:30 p.m. local time on Saturday.")
    assert found[0] == ("9:30 p.m.", "2023-02-25T21:30")
    assert found[1] == ("Saturday", "2023-02-25")


def test_the_plural_unit_as_an_unspecified_stretch():
    assert values("The town has changed over the years.") == [("the years", "PXY")]
    assert values("Prices may fall in the weeks ahead.") == [("the weeks ahead", "PXW")]
    assert values("In the years that followed, the firm grew.") == [("the years", "PXY")]
    # not a stretch of its own
    assert values("He recalled the days of plenty.") == []
    assert values("He was seen there in the weeks before the vote.") == []


def test_later_counts_from_the_month_or_year_last_named():
    assert values("In March 2018, he met the minister. Three months later, he was fired.")[-1] == (
        "Three months later", "2018-06")
    # a day named before a later-named year is not the reference for years
    assert values("On Jan. 5, 2017, the plant closed. In 2012 it had moved. A year later it was sold.")[-1] == (
        "A year later", "2013")


def test_the_next_unit_in_a_story_told_in_the_past():
    assert values("In 2012 the firm moved to Ohio. The next year it went bankrupt.") == [
        ("2012", "2012"), ("The next year", "2013")]
    assert values("The fire broke out on Jan. 3, 2018. The next week, the mayor resigned.")[-1] == (
        "The next week", "2018-W02")
    # a span ahead of the anchor stays a duration
    assert values("In 2012 the firm moved. Over the next year it will expand.")[-1] == ("the next year", "P1Y")
    assert values("The next year will be decisive, she said.") == [("The next year", "P1Y")]


def test_a_decade_later_counts_from_the_decade_named():
    assert values("The firm was founded in the early 2000s and went public a decade later.") == [
        ("the early 2000s", "200"), ("a decade later", "201")]


def test_an_abbreviated_quarter_ahead_of_the_anchor_is_last_years_unless_future():
    assert values("The bank reported weak Q4 results.") == [("Q4", "2022-Q4")]
    assert values("The bank will report Q2 results in July.")[0] == ("Q2", "2023-Q2")
    assert values("The bank reported weak Q4 results.", None) == [("Q4", "XXXX-Q4")]


def test_the_following_or_previous_month_counts_from_the_date_last_named():
    assert values("He was elected in 2016 and took office the following January.") == [
        ("2016", "2016"), ("the following January", "2017-01")]
    assert values("The plant closed in May 2015 after a fire the previous March.")[-1] == (
        "the previous March", "2015-03")
    # no date before it and no anchor: underspecified
    assert values("He took office the following January.", None) == [("the following January", "XXXX-01")]
