"""Hand-checked cases in the style of international news (invented sentences)."""

from __future__ import annotations

import datetime as dt

from briefdoc.timex import tag

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
