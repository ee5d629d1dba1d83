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
