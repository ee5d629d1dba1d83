"""The data model and its JSON Schema."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import jsonschema
import pytest
from pydantic import ValidationError

from briefdoc.model.brief import Actor, Article, Brief, Event, Quote, json_schema

TEXT = "Ann Lee said on Monday: “We will win.” Bob agreed."


def _brief(**kw):
    start = TEXT.index("We will win.")
    data = dict(
        article=Article(title="t", text=TEXT),
        actors=[Actor(id="ann-lee", name="Ann Lee", kind="person")],
        quotes=[Quote(text="We will win.", start=start, end=start + 12, speaker="ann-lee", cue="said")],
    )
    data.update(kw)
    return Brief(**data)


def test_valid_brief_round_trips_and_validates_against_schema():
    brief = _brief()
    data = json.loads(brief.model_dump_json())
    jsonschema.validate(data, json_schema())
    assert Brief.model_validate(data) == brief


def test_span_must_match_text():
    with pytest.raises(ValidationError, match="quotes"):
        _brief(quotes=[Quote(text="We will lose", start=TEXT.index("We"), end=TEXT.index("We") + 12)])


def test_span_past_end_is_refused():
    with pytest.raises(ValidationError, match="past the end"):
        _brief(quotes=[Quote(text="x", start=len(TEXT), end=len(TEXT) + 1)])


def test_unknown_speaker_is_refused():
    with pytest.raises(ValidationError, match="unknown actor"):
        _brief(quotes=[Quote(text="We will win.", start=TEXT.index("We"), end=TEXT.index("We") + 12, speaker="nobody")])


def test_event_date_forms():
    s = TEXT.index("Monday")
    ok = Event(date="2023-02", expression="Monday", start=s, end=s + 6, event="Ann Lee said", event_start=0, event_end=12)
    assert ok.date == "2023-02"
    for form in ("2023", "2023-02-28", "2023-W09", "2023-W09-WE", "2023-Q1"):
        assert ok.model_copy(update={"date": form}).model_validate(ok.model_dump() | {"date": form}).date == form
    for bad in ("Feb 2023", "2023-W9", "2023-Q5", "2023-SU", "2023-02-28T10:00", "2023-H1"):
        with pytest.raises(ValidationError):
            Event(date=bad, expression="Monday", start=s, end=s + 6, event="x", event_start=0, event_end=1)


def test_date_bounds_of_each_form():
    from briefdoc.model.brief import date_bounds

    d = dt.date
    # worked out on a calendar: 28 February 2023 was a Tuesday, 1 January 2023 a Sunday
    assert date_bounds("2023-02-28") == (d(2023, 2, 28), d(2023, 2, 28))
    assert date_bounds("2024-02") == (d(2024, 2, 1), d(2024, 2, 29))
    assert date_bounds("2023-12") == (d(2023, 12, 1), d(2023, 12, 31))
    assert date_bounds("2023") == (d(2023, 1, 1), d(2023, 12, 31))
    assert date_bounds("2023-W09") == (d(2023, 2, 27), d(2023, 3, 5))
    assert date_bounds("2023-W09-WE") == (d(2023, 3, 4), d(2023, 3, 5))
    assert date_bounds("2023-W01") == (d(2023, 1, 2), d(2023, 1, 8))
    assert date_bounds("2020-W53") == (d(2020, 12, 28), d(2021, 1, 3))
    assert date_bounds("2023-Q1") == (d(2023, 1, 1), d(2023, 3, 31))
    assert date_bounds("2023-Q4") == (d(2023, 10, 1), d(2023, 12, 31))
    for impossible in ("2023-W53", "2023-02-29", "2023-13"):
        with pytest.raises(ValueError):
            date_bounds(impossible)


def test_party_follows_affiliation_chain():
    brief = _brief(actors=[
        Actor(id="ann-lee", name="Ann Lee", kind="person", affiliation="ministry"),
        Actor(id="ministry", name="Ministry", kind="organization", affiliation="utopia"),
        Actor(id="utopia", name="Utopia", kind="country"),
    ])
    assert brief.party("ann-lee").id == "utopia"


def test_cli_schema_is_the_model_schema():
    out = subprocess.run([sys.executable, "-m", "briefdoc", "schema"], capture_output=True, text=True, check=True)
    schema = json.loads(out.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    for key in ("article", "key_points", "actors", "quotes", "positions", "timeline"):
        assert key in schema["properties"]


def _event(**kw):
    start = TEXT.index("Monday")
    data = dict(start=start, end=start + 6, date="2023-02-27", expression="Monday", event=TEXT[:start + 6],
                event_start=0, event_end=start + 6)
    data.update(kw)
    return Event(**data)


def test_a_timeline_date_may_be_a_range_whose_first_date_ends_before_its_last():
    from briefdoc.model.brief import date_bounds

    for value in ("2010/2016", "2021-03/2021-05", "2016-09-16/2016-09-19", "2022-12/2023-W03"):
        brief = _brief(timeline=[_event(date=value)])
        jsonschema.validate(json.loads(brief.model_dump_json()), json_schema())
    assert date_bounds("1962/1963") == (dt.date(1962, 1, 1), dt.date(1963, 12, 31))
    for bad in ("2016/2010", "2021-05/2021", "2021/2021-05", "2021/", "/2021", "2021/2022/2023"):
        with pytest.raises((ValidationError, ValueError)):
            date_bounds(bad)
            _event(date=bad)


def test_an_event_sentence_is_its_pieces_of_the_text():
    ann, monday = (TEXT.index("Ann Lee"), TEXT.index("Ann Lee") + 7), (TEXT.index("said on Monday"), TEXT.index(":"))
    parts = [{"start": a, "end": b} for a, b in (ann, monday)]
    brief = _brief(timeline=[_event(sentence="Ann Lee said on Monday", sentence_parts=parts)])
    assert brief.timeline[0].reads == "Ann Lee said on Monday"
    with pytest.raises(ValidationError, match="sentence_parts joined"):
        _brief(timeline=[_event(sentence="Bob said on Monday", sentence_parts=parts)])
    with pytest.raises(ValidationError, match="go together"):
        _brief(timeline=[_event(sentence="Ann Lee said on Monday")])
    # an event that reads as written has no sentence in its JSON (as in a version 1 brief)
    assert "sentence" not in json.loads(_brief(timeline=[_event()]).model_dump_json())["timeline"][0]


def test_a_version_1_brief_loads_as_version_2():
    from briefdoc.model.briefjson import loads

    data = json.loads(_brief(timeline=[_event()]).model_dump_json())
    data["schema_version"] = 1
    for p in data["positions"]:
        p.pop("direct", None)
    brief = loads(json.dumps(data))
    assert brief.schema_version == 2 and json.loads(brief.model_dump_json())["schema_version"] == 2
