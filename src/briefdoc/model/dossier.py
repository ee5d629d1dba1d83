"""The data model of a dossier: one brief merged from several articles on one story.

A Dossier holds its ``articles`` (each with an ``id`` and its full text) and the
merged items. Every item lists its ``sources``: for each article that reports it,
the article's ``id`` and the span there (``start``/``end`` into that article's
``text``) with the item as that article words it. A merged item (the same person
in three articles, one quote reported by two outlets, one event several articles
date) lists all of them; the item's own text is one of its sources' texts.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from .brief import DATE_FORMS, ActorKind, Brief, Span, _Model, _PARTIAL_DATE, date_bounds

DOSSIER_SCHEMA_VERSION = 1
_ID = r"^[a-z0-9][a-z0-9_-]*$"


class DossierArticle(_Model):
    """One of the dossier's articles: what is known about it and its text."""

    id: str = Field(pattern=_ID, description="The article's id, which every item's sources refer to")
    title: str
    published: dt.date | None = None
    source: str | None = Field(None, description="The outlet")
    url: str | None = None
    language: str = "en"
    text: str


class Source(Span):
    """Where an item comes from: ``articles[article].text[start:end]``."""

    article: str = Field(description="Id of the article (see articles)")


class TextSource(Source):
    """A key point as one article words it."""

    text: str


class QuoteSource(TextSource):
    """A quote as one article reports it."""

    cue: str | None = None
    speaker_start: int | None = Field(None, ge=0, description="Offset of the mention that names the speaker in this article")
    speaker_end: int | None = Field(None, ge=0)


class PositionSource(Source):
    """A position as one article states it."""

    statement: str
    cue: str | None = None
    actor_start: int | None = Field(None, ge=0)
    actor_end: int | None = Field(None, ge=0)


class EventSource(Source):
    """An event as one article dates it: ``start``/``end`` locate the time
    ``expression``, ``event_start``/``event_end`` the clause (``event``); ``date``
    is resolved against this article's own publication date."""

    date: str = Field(description=DATE_FORMS)
    expression: str
    event: str
    event_start: int = Field(ge=0)
    event_end: int = Field(ge=0)


class ActorSource(_Model):
    """An actor as one article names it: the actor's id in that article's brief, the
    name it goes by there and, when the text spells it, its first mention."""

    article: str
    actor: str = Field(description="The actor's id in this article's own brief")
    name: str
    start: int | None = Field(None, ge=0)
    end: int | None = Field(None, ge=0)


class DossierKeyPoint(_Model):
    text: str
    sources: list[TextSource] = Field(min_length=1)


class DossierActor(_Model):
    """Someone who acts or speaks in the story: one actor across every article
    that names them, whatever the spelling."""

    id: str = Field(pattern=_ID)
    name: str
    kind: ActorKind
    title: str | None = None
    affiliation: str | None = Field(None, description="Id of the actor this one belongs to or speaks for")
    aliases: list[str] = Field(default_factory=list, description="Every other name the articles use")
    sources: list[ActorSource] = Field(min_length=1)


class DossierQuote(_Model):
    """Words attributed to a speaker; reported by every article in ``sources``."""

    text: str
    speaker: str | None = Field(None, description="Actor id, or null when no speaker was found")
    direct: bool = True
    cue: str | None = None
    sources: list[QuoteSource] = Field(min_length=1)


class DossierPosition(_Model):
    actor: str = Field(description="Actor id")
    statement: str
    cue: str | None = None
    sources: list[PositionSource] = Field(min_length=1)


class DossierEvent(_Model):
    """One event, however many articles report it. ``dates``: one date when the
    reports agree (the most precise one they give); several when they conflict,
    each then borne by its sources' ``date``."""

    dates: list[str] = Field(min_length=1, description=f"Each a date: {DATE_FORMS}; more than one: the reports differ")
    event: str
    actors: list[str] = Field(default_factory=list, description="Ids of the actors the reports name in the event")
    sources: list[EventSource] = Field(min_length=1)

    @property
    def conflicting(self) -> bool:
        return len(self.dates) > 1


class Dossier(_Model):
    """The merged brief of several articles on one story."""

    schema_version: Literal[1] = DOSSIER_SCHEMA_VERSION
    kind: Literal["dossier"] = "dossier"
    title: str
    articles: list[DossierArticle] = Field(min_length=1)
    key_points: list[DossierKeyPoint] = Field(default_factory=list)
    actors: list[DossierActor] = Field(default_factory=list)
    quotes: list[DossierQuote] = Field(default_factory=list)
    positions: list[DossierPosition] = Field(default_factory=list)
    timeline: list[DossierEvent] = Field(default_factory=list)

    @model_validator(mode="after")
    def _provenance(self) -> "Dossier":
        """Every source names an article and its span says what the item says there."""
        texts = {}
        for i, a in enumerate(self.articles):
            if a.id in texts:
                raise ValueError(f"articles[{i}]: two articles share the id {a.id!r}")
            texts[a.id] = a.text

        def check(where: str, src, start: int | None, end: int | None, expected: str | None) -> None:
            if src.article not in texts:
                raise ValueError(f"{where}: unknown article id {src.article!r}")
            if start is None or end is None:
                return
            text = texts[src.article]
            if end < start:
                raise ValueError(f"{where}: end ({end}) is before start ({start})")
            if end > len(text):
                raise ValueError(f"{where}: end {end} is past the end of article {src.article!r} ({len(text)} characters)")
            if expected is not None and text[start:end] != expected:
                raise ValueError(f"{where}: article {src.article!r} text[{start}:{end}] does not match the item's text")

        def one_of(where: str, value: str, sources, field: str) -> None:
            if value not in {getattr(s, field) for s in sources}:
                raise ValueError(f"{where}: is none of its sources' {field}")

        for i, k in enumerate(self.key_points):
            for j, s in enumerate(k.sources):
                check(f"key_points[{i}].sources[{j}]", s, s.start, s.end, s.text)
            one_of(f"key_points[{i}].text", k.text, k.sources, "text")
        for i, q in enumerate(self.quotes):
            for j, s in enumerate(q.sources):
                check(f"quotes[{i}].sources[{j}]", s, s.start, s.end, s.text)
                check(f"quotes[{i}].sources[{j}] speaker", s, s.speaker_start, s.speaker_end, None)
            one_of(f"quotes[{i}].text", q.text, q.sources, "text")
        for i, p in enumerate(self.positions):
            for j, s in enumerate(p.sources):
                check(f"positions[{i}].sources[{j}]", s, s.start, s.end, s.statement)
                check(f"positions[{i}].sources[{j}] actor", s, s.actor_start, s.actor_end, None)
            one_of(f"positions[{i}].statement", p.statement, p.sources, "statement")
        for i, e in enumerate(self.timeline):
            for j, s in enumerate(e.sources):
                check(f"timeline[{i}].sources[{j}]", s, s.start, s.end, s.expression)
                check(f"timeline[{i}].sources[{j}] event", s, s.event_start, s.event_end, s.event)
                _check_date(f"timeline[{i}].sources[{j}].date", s.date)
            for d in e.dates:
                _check_date(f"timeline[{i}].dates", d)
            one_of(f"timeline[{i}].event", e.event, e.sources, "event")
        for i, a in enumerate(self.actors):
            for j, s in enumerate(a.sources):
                check(f"actors[{i}].sources[{j}]", s, s.start, s.end, None)
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
        for i, e in enumerate(self.timeline):
            for actor_id in e.actors:
                if actor_id not in ids:
                    raise ValueError(f"timeline[{i}].actors: unknown actor id {actor_id!r}")
        return self

    def article(self, article_id: str) -> DossierArticle | None:
        return next((a for a in self.articles if a.id == article_id), None)

    def actor(self, actor_id: str | None) -> DossierActor | None:
        """The actor with this id, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def party(self, actor_id: str | None) -> DossierActor | None:
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

    @property
    def language(self) -> str:
        """The language most of the articles are in."""
        langs = [a.language for a in self.articles]
        return max(dict.fromkeys(langs), key=langs.count)

    @property
    def published(self) -> dt.date | None:
        """The latest publication date of the articles (the dossier is as recent as they are)."""
        dates = [a.published for a in self.articles if a.published]
        return max(dates) if dates else None

    @classmethod
    def from_brief(cls, brief: Brief, article_id: str = "a1") -> "Dossier":
        """A dossier of one article: each of its items with that article as its only source."""
        art = brief.article
        text = art.text
        aid = article_id
        actors = [
            DossierActor(id=a.id, name=a.name, kind=a.kind, title=a.title, affiliation=a.affiliation,
                         aliases=list(a.aliases), sources=[ActorSource(article=aid, actor=a.id, name=a.name)])
            for a in brief.actors
        ]
        return cls(
            title=art.title,
            articles=[DossierArticle(id=aid, title=art.title, published=art.published, source=art.source,
                                     url=art.url, language=art.language, text=text)],
            key_points=[DossierKeyPoint(text=k.text, sources=[TextSource(article=aid, start=k.start, end=k.end, text=k.text)])
                        for k in brief.key_points],
            actors=actors,
            quotes=[DossierQuote(text=q.text, speaker=q.speaker, direct=q.direct, cue=q.cue, sources=[QuoteSource(
                article=aid, start=q.start, end=q.end, text=q.text, cue=q.cue, speaker_start=q.speaker_start,
                speaker_end=q.speaker_end)]) for q in brief.quotes],
            positions=[DossierPosition(actor=p.actor, statement=p.statement, cue=p.cue, sources=[PositionSource(
                article=aid, start=p.start, end=p.end, statement=p.statement, cue=p.cue, actor_start=p.actor_start,
                actor_end=p.actor_end)]) for p in brief.positions],
            timeline=[DossierEvent(dates=[e.date], event=e.event, sources=[EventSource(
                article=aid, start=e.start, end=e.end, date=e.date, expression=e.expression, event=e.event,
                event_start=e.event_start, event_end=e.event_end)]) for e in brief.timeline],
        )


def _check_date(where: str, value: str) -> None:
    if not _PARTIAL_DATE.match(value):
        raise ValueError(f"{where}: {value!r} is not {DATE_FORMS}")
    try:
        date_bounds(value)
    except ValueError:
        raise ValueError(f"{where}: {value!r} is not a real date") from None


def dossier_json_schema() -> dict:
    """The JSON Schema of a dossier's JSON (dossier.json)."""
    schema = Dossier.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://briefdoc.invalid/schema/dossier-1.json"
    return schema
