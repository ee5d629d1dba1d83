"""Hand-checked cases in the style of international news (invented sentences)."""

from __future__ import annotations

import datetime as dt

from briefdoc.extractors.timex import tag

ANCHOR = dt.date(2023, 2, 28)  # a Tuesday


def values(text: str, anchor: dt.date | None = ANCHOR) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, anchor)]


def test_a_clock_time_written_without_a_space_before_am_or_pm():
    assert values("Missiles struck the city at around 4am.") == [("around 4am", "2023-02-28T04:00")]
    assert values("The strike ended at 5pm yesterday.") == [("5pm yesterday", "2023-02-27T17:00")]


def test_local_time_and_a_restated_gmt_time_before_the_day():
    # "3pm local time (1200 GMT) on Sunday": the time is on the day named after it, past the restated GMT
    assert values("Polls close at 3pm local time (1200 GMT) on Sunday.") == [
        ("3pm", "2023-03-05T15:00"), ("Sunday", "2023-03-05")]
    assert values("The blast happened at 10:30 local time (0730 GMT) on Sunday.") == [
        ("10:30", "2023-02-26T10:30"), ("Sunday", "2023-02-26")]
    assert values("The meeting starts at 14:00 on Thursday.") == [("14:00", "2023-03-02T14:00"), ("Thursday", "2023-03-02")]


def test_fixed_days_of_international_news():
    assert values("Iranians will celebrate Nowruz on 21 March.", dt.date(2023, 3, 14)) == [
        ("Nowruz", "2023-03-21"), ("21 March", "2023-03-21")]
    assert values("Veterans gathered on 11 November, Armistice Day.", dt.date(2021, 11, 15)) == [
        ("11 November", "2021-11-11"), ("Armistice Day", "2021-11-11")]
    assert values("Shops reopened on Boxing Day.") == [("Boxing Day", "2022-12-26")]
    assert values("Paris held its parade on Bastille Day.", dt.date(2023, 7, 20)) == [("Bastille Day", "2023-07-14")]


def test_easter_monday_is_the_day_after_easter():
    assert values("The pope died on Easter Monday.", dt.date(2025, 6, 11)) == [("Easter Monday", "2025-04-21")]


def test_independence_day_of_the_country_the_sentence_names():
    sat = dt.date(2024, 8, 25)
    assert values("Ukraine marked Independence Day on Saturday.", sat) == [
        ("Independence Day", "2024-08-24"), ("Saturday", "2024-08-24")]
    assert values("India celebrated Independence Day with a speech by the prime minister.", sat) == [
        ("Independence Day", "2024-08-15")]
    # no other country named: the American holiday
    assert values("Fireworks lit up the sky on Independence Day.", sat) == [("Independence Day", "2024-07-04")]


def test_lunar_religious_holidays_are_tagged_with_their_year_only():
    # Ramadan, Eid and Passover move with a lunar calendar: the year, not a guessed day
    assert values("Ramadan begins next week.", dt.date(2023, 3, 14)) == [("Ramadan", "2023"), ("next week", "2023-W12")]
    assert values("Muslims marked Eid al-Adha last week.", dt.date(2025, 6, 11)) == [
        ("Eid al-Adha", "2025"), ("last week", "2025-W23")]


def test_overnight_is_the_night_before_the_day_of_the_news():
    assert values("Russia fired 30 drones at Kyiv overnight, officials said.") == [("overnight", "2023-02-27TNI")]
    assert values("Rescue teams worked overnight to free survivors.") == [("overnight", "2023-02-27TNI")]
    # a kind of thing, not a time
    assert values("Banks raised overnight rates.") == []
    assert values("The band became an overnight success.") == []


def test_a_slashed_date_with_the_day_first():
    june = dt.date(2025, 6, 11)
    assert values("Record temperatures were recorded on 28/05/2025 in Seville.", june) == [("28/05/2025", "2025-05-28")]
    # another date of the text that can only be day-first makes the ambiguous one day-first too
    assert values("Polls open on 03/07/2025 and close on 15/07/2025.", june) == [
        ("03/07/2025", "2025-07-03"), ("15/07/2025", "2025-07-15")]
    # otherwise the American order stays
    assert values("The deal was signed on 11/9/2020.", june) == [("11/9/2020", "2020-11-09")]


def test_every_season_weekend_or_part_of_the_day_is_a_set():
    assert values("The festival takes place every summer.") == [("every summer", "XXXX-SU")]
    assert values("Protesters have marched every weekend.") == [("every weekend", "XXXX-WXX-WE")]
    assert values("He has addressed the nation every night.") == [("every night", "XXXX-XX-XXTNI")]


def test_tense_of_an_expectation_a_noun_in_past_form_and_a_possessive_day_ahead():
    # a present passive of an expectation looks ahead
    assert values("The verdict is expected on Thursday.") == [("Thursday", "2023-03-02")]
    # "cut" after a determiner is a noun, not the past verb of the date
    assert values("Investors expect another cut in September.", dt.date(2025, 6, 11)) == [("September", "2025-09")]
    # a possessive day whose noun's verb looks ahead
    assert values("Wednesday's summit will focus on migration.") == [("Wednesday", "2023-03-01")]
    assert values("Wednesday's summit focused on migration.") == [("Wednesday", "2023-02-22")]


def test_unit_long_half_a_unit_and_n_units_time():
    assert values("The decade-long conflict has killed thousands.") == [("decade-long", "P10Y")]
    assert values("The regime has held power for more than half a century.") == [("more than half a century", "P50Y")]
    # "in two weeks' time" is the date two weeks ahead
    assert values("The regulator will announce its decision in two weeks' time.") == [("two weeks' time", "2023-W11")]


def test_in_the_new_year():
    assert values("The court will rule on the case in the new year.", dt.date(2023, 12, 15)) == [("the new year", "2024")]
    assert values("The government said it would review the policy in the new year.", dt.date(2021, 11, 15)) == [
        ("the new year", "2022")]
    assert values("Prices have risen since the start of the year.", dt.date(2024, 1, 10)) == [
        ("the start of the year", "2024")]


# anchor 2024-01-16 is a Tuesday; 2014-06-19 a Thursday
TUE = dt.date(2024, 1, 16)
THU = dt.date(2014, 6, 19)


def test_time_zones_beyond_gmt_and_a_day_after_them():
    assert values("Trading resumes at 9:30 a.m. ET on Wednesday.", TUE) == [
        ("9:30 a.m. ET", "2024-01-17T09:30"), ("Wednesday", "2024-01-17")]
    assert values("The final starts at 2 p.m. BST on Sunday.", TUE) == [
        ("2 p.m. BST", "2024-01-21T14:00"), ("Sunday", "2024-01-21")]
    assert values("Markets in Seoul close at 1530 KST.", TUE) == [("1530 KST", "2024-01-16T15:30")]
    # a zone is written in capitals: "et" is not a zone
    assert [t.text for t in tag("The band played at 9 p.m. et cetera.", TUE)] == ["9 p.m."]


def test_an_abbreviation_period_does_not_end_the_sentence_read_for_tense():
    assert values("The vote begins at 7 a.m. local time on Friday.", TUE) == [
        ("7 a.m.", "2024-01-19T07:00"), ("Friday", "2024-01-19")]


def test_next_to_is_a_place_not_the_future():
    assert values("A bomb exploded next to the ministry on Friday.", TUE) == [("Friday", "2024-01-12")]


def test_forecast_likely_poised_to_look_ahead():
    assert values("Temperatures are forecast to reach 30C on Saturday afternoon.", THU) == [
        ("Saturday afternoon", "2014-06-21TAF")]
    assert values("The bill is likely to pass on Monday.", TUE) == [("Monday", "2024-01-22")]


def test_a_date_in_a_past_relative_clause_is_past_despite_a_future_main_verb():
    assert values("Talks that began in Riyadh on Monday will continue on Friday.", THU) == [
        ("Monday", "2014-06-16"), ("Friday", "2014-06-20")]
    assert values("Aid that arrived on Sunday will be shared out on Wednesday.", TUE) == [
        ("Sunday", "2024-01-14"), ("Wednesday", "2024-01-17")]


def test_a_scheduled_verb_reaches_over_its_object_but_not_a_noun_before_a_past_verb():
    assert values("Brazilians vote in a presidential runoff on Sunday.", TUE) == [("Sunday", "2024-01-21")]
    assert values("The Brexit vote in June sent the pound lower.", dt.date(2016, 11, 9)) == [("June", "2016-06")]


def test_over_before_a_duration_a_preposition_or_more_than():
    assert values("The jury deliberated for nine hours over two days.", TUE) == [("nine hours", "PT9H"), ("two days", "P2D")]
    assert values("The team has been in place for just over two months.", TUE) == [("over two months", "P2M")]
    assert values("The outage lasted over a week.", TUE) == [("over a week", "P1W")]


def test_a_span_from_a_named_day():
    assert values("The trial is set to resume a week from Monday.", TUE) == [("a week from Monday", "2024-01-29")]
    assert values("Results are due ten days from tomorrow.", TUE) == [("ten days from tomorrow", "2024-01-27")]


def test_a_quarter_named_by_its_months():
    assert values("Profit in the July-September quarter doubled.", dt.date(2022, 10, 25)) == [
        ("the July-September quarter", "2022-Q3")]
    assert values("Sales in the October-December period rose.", dt.date(2023, 2, 1)) == [
        ("the October-December period", "2022-Q4")]
    assert values("Sales fell in the Jan-Mar 2021 quarter.", TUE) == [("the Jan-Mar 2021 quarter", "2021-Q1")]


def test_a_recent_year_after_the_or_a_possessive_before_a_plural_noun():
    assert values("Spain, the 2010 champions, were knocked out.", THU) == [("2010", "2010")]
    assert values("Spain's 2010 champions were knocked out.", THU) == [("2010", "2010")]
    assert values("The 1500 troops were sent home.", THU) == []


def test_a_season_keeps_its_article_a_century_adjective_does_not():
    assert values("The Olympics were postponed until the summer of 2021.", dt.date(2020, 4, 2)) == [
        ("the summer of 2021", "2021-SU")]
    assert values("The 19th-century mill burned down.", TUE) == [("19th-century", "18")]
    assert values("The city was rebuilt in the 19th century.", TUE) == [("the 19th century", "18")]
