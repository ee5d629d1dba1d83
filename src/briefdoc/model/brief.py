"""The data model: an Article and the Brief extracted from it.

Every extracted item carries ``start``/``end``, character offsets into
``Article.text``; ``article.text[start:end]`` is exactly the item's source text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_serializer, model_validator

# 2: a timeline date may be a range ("2010/2016"), an event may carry the sentence it reads as, a
# position may be a direct quote. A version 1 brief is a version 2 brief without these: it loads as one.
SCHEMA_VERSION = 2
# Marks that open a quotation in English text (an apostrophe is no opening mark).
OPENING_MARKS = ("“", '"', "‘", "«", "„", "``")
# The most text one article may have (characters; a seed file may have as many bytes):
# about 300,000 words, far more than any news article. Every reader stops there.
ARTICLE_LIMIT = 2_000_000

ActorKind = Literal["person", "organization", "country", "group"]

# A timeline date: a day, a month, a year, an ISO week (or its weekend) or a quarter; or a range of two
# of these, first/last as ISO 8601 writes an interval ("2010/2016", "2021-03/2021-05").
_ONE_DATE = r"\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}(?:-WE)?|-Q[1-4])?"
_PARTIAL_DATE = re.compile(rf"^{_ONE_DATE}(?:/{_ONE_DATE})?$")
_DATE_PARTS = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})(-WE)?|-Q([1-4]))?$")
DATE_FORMS = ("YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www (an ISO week), YYYY-Www-WE (its weekend), YYYY-Qn, or a range "
              "of two of these, FIRST/LAST (2010/2016, 2021-03/2021-05)")


def is_range(value: str) -> bool:
    """Whether a timeline date is a range ("2010/2016")."""
    return "/" in value


class OffCalendarError(ValueError):
    """A timeline date that is well formed but runs past the calendar's last day
    (9999-12-31): 9999-W52 ends on 10000-01-02."""


def date_bounds(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day that a timeline date covers: "2023-02-28", "2023-02",
    "2023", "2023-W09" (Monday to Sunday), "2023-W09-WE" (Saturday and Sunday),
    "2023-Q1", or a range from the first day of its first date to the last day of its
    last ("2010/2016": 2010-01-01 to 2016-12-31). ValueError when ``value`` has none of
    these forms, is no real date (2023-02-30, 2023-W53) or is a range whose first date
    does not end before its last begins; OffCalendarError (a ValueError) when it runs
    past 9999-12-31, the last day a date can be printed."""
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = _one_bounds(first, value), _one_bounds(last, value)
        if not a[1] < b[0]:
            raise ValueError(f"date range {value!r}: {first} does not end before {last} begins")
        return a[0], b[1]
    return _one_bounds(value, value)


def _one_bounds(value: str, whole: str) -> tuple[dt.date, dt.date]:
    m = _DATE_PARTS.match(value)
    if not m:
        raise ValueError(f"date {whole!r} is not {DATE_FORMS}")
    year = int(m[1])
    if m[3]:
        d = dt.date(year, int(m[2]), int(m[3]))
        return d, d
    if m[2]:
        month = int(m[2])
        first = dt.date(year, month, 1)
        return first, first.replace(day=calendar.monthrange(year, month)[1])
    if m[4]:
        monday = dt.date.fromisocalendar(year, int(m[4]), 1)
        try:
            return (monday + dt.timedelta(days=5) if m[5] else monday), monday + dt.timedelta(days=6)
        except OverflowError:
            raise OffCalendarError(f"date {whole!r} runs past {dt.date.max}, the last day of the calendar") from None
    if m[6]:
        q = int(m[6])
        first = dt.date(year, 3 * q - 2, 1)
        return first, dt.date(year, 3 * q, calendar.monthrange(year, 3 * q)[1])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


# A language tag (BCP 47 in its common forms: en, en-US, pt_BR, zh-Hant-TW); it is
# written into the lang attributes and :lang() rules of every layout.
LANGUAGE_TAG = r"^[A-Za-z]{2,8}(?:[_-][A-Za-z0-9]{1,8})*$"
# The web address of an article: http, https or mailto, nothing else (a file: or
# javascript: link has no place in a printed brief or its HTML).
URL_SCHEMES = ("http", "https", "mailto")
_URL = re.compile(r"(?i:https?://[^\s/?#]+|mailto:)[^\s\x00-\x1f\x7f]*")


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be an article's address, or None when it can."""
    if not _URL.fullmatch(url) or url.lower() == "mailto:":
        return f"{url[:80]!r} is not an http, https or mailto: address"
    return None


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A piece of the article: ``article.text[start:end]``."""

    start: int = Field(ge=0, description="Offset of the first character in article.text")
    end: int = Field(ge=0, description="Offset after the last character in article.text")

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Article(_Model):
    """A news article as read from a seed: its text and what is known about it."""

    title: str
    published: dt.date | None = None
    source: str | None = None
    url: str | None = Field(None, description="The article's address: http, https or mailto only")
    language: str = Field("en", description="The article's language tag (en, pt-BR)",
                          json_schema_extra={"pattern": LANGUAGE_TAG})
    text: str = Field(max_length=ARTICLE_LIMIT)

    @field_validator("language")
    @classmethod
    def _language_tag(cls, value: str) -> str:
        if not re.fullmatch(LANGUAGE_TAG, value):
            raise ValueError(f"{value[:80]!r} is not a language tag (en, fr, pt-BR)")
        return value

    @field_validator("url")
    @classmethod
    def _url_scheme(cls, value: str | None) -> str | None:
        if value is not None:
            problem = url_problem(value)
            if problem:
                raise ValueError(problem)
        return value
    seed: str | None = Field(None, description="The file the article was read from, relative to the folder of this "
                             "JSON ('briefdoc extract -o' writes it), so that 'render' and 'translate' find the "
                             "seed's content catalogs (<stem>.<locale>.po beside it); absent when not known")

    @model_serializer(mode="wrap")
    def _without_unknown_seed(self, handler):
        # Absent rather than null: a brief extracted in memory (and the JSON a PDF embeds) is as before.
        data = handler(self)
        if isinstance(data, dict) and data.get("seed") is None:
            data.pop("seed", None)
        return data


class KeyPoint(Span):
    """A sentence a reader needs first; ``text`` is the sentence as written."""

    text: str


class Actor(_Model):
    """Someone who acts or speaks in the article."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str
    kind: ActorKind
    title: str | None = None
    affiliation: str | None = Field(None, description="Id of the actor this one belongs to or speaks for")
    aliases: list[str] = Field(default_factory=list)


class Quote(Span):
    """What someone said or wrote; ``text`` is what stands between the quotation
    marks (the marks themselves are outside the span) or, when ``direct`` is false,
    the reported content (with the quoted words as written, marks and all, when the
    quote is mixed)."""

    text: str
    speaker: str | None = Field(None, description="Actor id, or null when no speaker was found")
    cue: str | None = Field(None, description="The verb or phrase that attributes the quote (said, added, according to)")
    direct: bool = True
    speaker_start: int | None = Field(None, ge=0, description="Offset of the mention that names the speaker here (a name, 'he', 'the minister')")
    speaker_end: int | None = Field(None, ge=0)

    @property
    def mixed(self) -> bool:
        """Reported content with the speaker's own words in quotation marks in it ("that Russia is ready to
        engage “in the post-conflict reconstruction”"): a mixed quote, shown with the direct ones."""
        return not self.direct and any(mark in self.text for mark in OPENING_MARKS)


class Position(Span):
    """What an actor said, did or stands for; ``statement`` is the source text: a clause from its verb
    ("denied the accusations": a layout names the holder before it), a stance noun with its owner
    ("Armenia's rejection of the demand"), or, when ``direct``, the holder's own words in quotation
    marks (the quote's span, the marks outside it)."""

    actor: str = Field(description="Actor id")
    statement: str
    cue: str | None = Field(None, description="The verb that carries the position (said, denied, welcomed, backed out)")
    actor_start: int | None = Field(None, ge=0, description="Offset of the mention of the actor here")
    actor_end: int | None = Field(None, ge=0)
    direct: bool = Field(False, description="The statement is a direct quote of the holder (between quotation "
                                            "marks in the article; the marks are outside the span)")


class Event(Span):
    """A dated event; ``start``/``end`` locate the time ``expression``, and
    ``event_start``/``event_end`` the clause that says what happened (``event``, as
    written). When that clause does not read on its own (its subject a pronoun, a
    relative "who" or "that"), ``sentence`` says it with the subject named, made of
    pieces of the text (``sentence_parts``, joined with spaces): "the road that it has
    been blockading since December 12" reads "Azerbaijan has been blockading the road
    since December 12"."""

    date: str = Field(description='"YYYY-MM-DD", "YYYY-MM", "YYYY", "YYYY-Www" (ISO week), "YYYY-Www-WE" '
                                  '(its weekend), "YYYY-Qn" (quarter), or a range of two of these, '
                                  '"FIRST/LAST" ("2010/2016", "2021-03/2021-05", "2016-09-16/2016-09-19")')
    expression: str
    event: str
    event_start: int = Field(ge=0)
    event_end: int = Field(ge=0)
    sentence: str | None = Field(None, description="The event as a sentence of its own, when the clause as written "
                                                   "is not one: its sentence_parts joined with spaces")
    sentence_parts: list[Span] | None = Field(None, description="The pieces of article.text the sentence is made of")

    @property
    def reads(self) -> str:
        """What a reader is shown: the sentence when there is one, else the clause as written."""
        return self.sentence or self.event

    @model_serializer(mode="wrap")
    def _without_sentence(self, handler):
        # Absent rather than null: an event that reads as written is as in a version 1 brief.
        data = handler(self)
        if isinstance(data, dict) and data.get("sentence") is None:
            data.pop("sentence", None)
            data.pop("sentence_parts", None)
        return data

    @field_validator("date")
    @classmethod
    def _date_form(cls, value: str) -> str:
        if not _PARTIAL_DATE.match(value):
            raise ValueError(f"date {value!r} is not {DATE_FORMS}")
        return value


class Brief(_Model):
    """The structured summary of one article."""

    schema_version: Literal[1, 2] = Field(SCHEMA_VERSION, description="2; a version 1 brief (before date ranges, "
                                                                       "event sentences and direct positions) "
                                                                       "loads as version 2")
    article: Article
    key_points: list[KeyPoint] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    timeline: list[Event] = Field(default_factory=list)

    @model_validator(mode="after")
    def _provenance(self) -> "Brief":
        """Every span must lie in the text and say what its item says."""
        self.schema_version = SCHEMA_VERSION  # a version 1 brief is a version 2 brief
        text = self.article.text
        n = len(text)

        def check(where: str, start: int, end: int, expected: str | None) -> None:
            if end > n:
                raise ValueError(f"{where}: end {end} is past the end of article.text ({n} characters)")
            if expected is not None and text[start:end] != expected:
                raise ValueError(f"{where}: article.text[{start}:{end}] does not match the item's text")

        for i, k in enumerate(self.key_points):
            check(f"key_points[{i}]", k.start, k.end, k.text)
        for i, q in enumerate(self.quotes):
            check(f"quotes[{i}]", q.start, q.end, q.text)
            if q.speaker_start is not None and q.speaker_end is not None:
                check(f"quotes[{i}] speaker", q.speaker_start, q.speaker_end, None)
        for i, p in enumerate(self.positions):
            check(f"positions[{i}]", p.start, p.end, p.statement)
            if p.actor_start is not None and p.actor_end is not None:
                check(f"positions[{i}] actor", p.actor_start, p.actor_end, None)
        for i, e in enumerate(self.timeline):
            check(f"timeline[{i}]", e.start, e.end, e.expression)
            check(f"timeline[{i}] event", e.event_start, e.event_end, e.event)
            if (e.sentence is None) != (e.sentence_parts is None):
                raise ValueError(f"timeline[{i}]: sentence and sentence_parts go together")
            if e.sentence_parts is not None:
                for j, part in enumerate(e.sentence_parts):
                    check(f"timeline[{i}] sentence_parts[{j}]", part.start, part.end, None)
                # compared blank for blank: a hard-wrapped text's pieces keep their line breaks
                if e.sentence.split() != " ".join(text[p.start:p.end] for p in e.sentence_parts).split():
                    raise ValueError(f"timeline[{i}].sentence: is not its sentence_parts joined with spaces")
        ids = {a.id for a in self.actors}
        if len(ids) != len(self.actors):
            raise ValueError("actors: two actors share an id")
        for i, a in enumerate(self.actors):
            if a.affiliation is not None and a.affiliation not in ids:
                raise ValueError(f"actors[{i}].affiliation: unknown actor id {a.affiliation!r}")
        for i, q in enumerate(self.quotes):
            if q.speaker is not None and q.speaker not in ids:
                raise ValueError(f"quotes[{i}].speaker: unknown actor id {q.speaker!r}")
        for i, p in enumerate(self.positions):
            if p.actor not in ids:
                raise ValueError(f"positions[{i}].actor: unknown actor id {p.actor!r}")
        return self

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def party(self, actor_id: str | None) -> Actor | None:
        """The top of the actor's affiliation chain: the party it speaks for."""
        seen: set[str] = set()
        actor = self.actor(actor_id)
        while actor is not None and actor.affiliation and actor.id not in seen:
            seen.add(actor.id)
            parent = self.actor(actor.affiliation)
            if parent is None:
                break
            actor = parent
        return actor


def json_schema() -> dict:
    """The JSON Schema of a Brief's JSON."""
    schema = Brief.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://briefdoc.invalid/schema/brief-2.json"
    return schema
