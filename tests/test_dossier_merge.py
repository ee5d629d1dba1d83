"""The dossier merge on briefs written by hand (no extraction): names across
transliterations and titles, people who share a surname, quotes and events that
several outlets report, conflicting dates, provenance, the JSON and its schema."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pydantic import ValidationError

from briefdoc.dossier.merge import article_ids, merge
from briefdoc.dossier.text import fold, same_spelling
from briefdoc.model.brief import Actor, Article, Brief, Event, KeyPoint, Quote
from briefdoc.model.dossier import Dossier, dossier_json_schema
from briefdoc.model.dossierjson import dumps_dossier, loads_dossier
from briefdoc.model.errors import InputError


def brief(text: str, published: str, actors: list[Actor], *, quotes=(), events=(), key_points=(), source="Outlet"):
    """A Brief of ``text``: quotes (speaker, words), events (date, expression, clause),
    key points (sentences), each located with str.index."""
    def span(needle: str) -> tuple[int, int]:
        start = text.index(needle)
        return start, start + len(needle)

    qs = [Quote(start=span(w)[0], end=span(w)[1], text=w, speaker=who, cue="said") for who, w in quotes]
    es = []
    for date, expression, clause in events:
        s, e = span(expression)
        cs, ce = span(clause)
        es.append(Event(start=s, end=e, date=date, expression=expression, event=clause, event_start=cs, event_end=ce))
    ks = [KeyPoint(start=span(k)[0], end=span(k)[1], text=k) for k in key_points]
    return Brief(article=Article(title=text.split(".")[0], published=dt.date.fromisoformat(published), source=source,
                                 text=text), actors=actors, quotes=qs, timeline=es, key_points=ks)


RUSSIA = Actor(id="russia", name="Russia", kind="country", aliases=["Moscow"])


def people(dossier: Dossier) -> list:
    return [a for a in dossier.actors if a.kind == "person"]


# --- names ----------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [("Sergey", "Sergei"), ("Aliyev", "Aliev"), ("Лавров", "Lavrov"), ("Bayramov", "Bairamov"),
                                  ("Aleksandr", "Alexandr"), ("Pashinyan", "Pashinian"), ("Yevgeny", "Evgeny"),
                                  ("Dzhabarov", "Jabarov"), ("Mikhail", "Mihail"), ("Müller", "Muller")])
def test_transliterations_fold_alike(a, b):
    assert fold(a) == fold(b)


def test_one_letter_apart_is_one_name_only_for_long_names():
    assert same_spelling("Jeyhun", "Ceyhun", loose=True) and same_spelling("Lindqvist", "Lindquist", loose=True)
    assert not same_spelling("Maria", "Marta", loose=True) and not same_spelling("Anna", "Anne", loose=True)
    assert not same_spelling("Jeyhun", "Ceyhun")


# --- actors ---------------------------------------------------------------------------

def test_lavrov_sergey_lavrov_and_the_russian_foreign_minister_sergei_lavrov_are_one():
    a = brief("Lavrov spoke in Baku. Russia said nothing.", "2023-02-28",
              [Actor(id="lavrov", name="Lavrov", kind="person", title="Foreign Minister", affiliation="russia"), RUSSIA],
              quotes=[("lavrov", "spoke in Baku")])
    b = brief("Sergey Lavrov met his counterpart.", "2023-03-01",
              [Actor(id="sergey-lavrov", name="Sergey Lavrov", kind="person", aliases=["Lavrov"])],
              quotes=[("sergey-lavrov", "met his counterpart")])
    c = brief("Russian Foreign Minister Sergei Lavrov said Moscow would wait.", "2023-03-02",
              [Actor(id="sergei-lavrov", name="Sergei Lavrov", kind="person", title="Foreign Minister",
                     affiliation="russia", aliases=["Lavrov"]), RUSSIA],
              quotes=[("sergei-lavrov", "Moscow would wait")])
    d = merge([a, b, c])
    (lavrov,) = people(d)
    assert lavrov.name in ("Sergey Lavrov", "Sergei Lavrov") and lavrov.title == "Foreign Minister"
    assert lavrov.affiliation == "russia" and {s.article for s in lavrov.sources} == {"a1", "a2", "a3"}
    assert {"Lavrov", "Sergey Lavrov", "Sergei Lavrov"} <= {lavrov.name, *lavrov.aliases}
    assert {q.speaker for q in d.quotes} == {lavrov.id}
    assert len([a for a in d.actors if a.id == "russia"]) == 1


def test_people_who_share_a_surname_stay_apart():
    a = brief("Mayor Anna Kovacs opened the bridge.", "2024-05-01",
              [Actor(id="anna-kovacs", name="Anna Kovacs", kind="person", title="Mayor", aliases=["Kovacs"])])
    b = brief("Peter Kovacs, the opposition leader, objected.", "2024-05-02",
              [Actor(id="peter-kovacs", name="Peter Kovacs", kind="person", title="opposition leader")])
    c = brief("Kovacs said the bridge was safe.", "2024-05-03",  # which Kovacs? the article does not say
              [Actor(id="kovacs", name="Kovacs", kind="person")])
    e = brief("Mayor Kovacs cut the ribbon.", "2024-05-04", [Actor(id="kovacs", name="Kovacs", kind="person", title="Mayor")])
    d = merge([a, b, c, e])
    names = sorted((p.name, tuple(sorted(s.article for s in p.sources))) for p in people(d))
    assert names == [("Anna Kovacs", ("a1", "a4")), ("Kovacs", ("a3",)), ("Peter Kovacs", ("a2",))]


def test_a_surname_whose_role_differs_is_someone_else():
    a = brief("Energy Minister Ivan Petrov spoke.", "2024-05-01",
              [Actor(id="ivan-petrov", name="Ivan Petrov", kind="person", title="Energy Minister")])
    b = brief("Mayor Petrov spoke too.", "2024-05-02", [Actor(id="petrov", name="Petrov", kind="person", title="Mayor")])
    c = brief("Olga Petrova, his deputy, agreed.", "2024-05-03", [Actor(id="olga-petrova", name="Olga Petrova", kind="person")])
    assert len(people(merge([a, b, c]))) == 3


def test_different_first_names_are_different_people_even_with_one_party():
    a = brief("Tigran Sargsyan spoke.", "2024-05-01",
              [Actor(id="tigran-sargsyan", name="Tigran Sargsyan", kind="person", affiliation="armenia"),
               Actor(id="armenia", name="Armenia", kind="country")])
    b = brief("Anahit Sargsian spoke.", "2024-05-02",
              [Actor(id="anahit-sargsian", name="Anahit Sargsian", kind="person", affiliation="armenia"),
               Actor(id="armenia", name="Armenia", kind="country")])
    d = merge([a, b])
    assert sorted(p.name for p in people(d)) == ["Anahit Sargsian", "Tigran Sargsyan"]
    assert len({p.id for p in people(d)}) == 2


def test_bodies_merge_by_name_alias_or_acronym():
    a = brief("The EU said so.", "2024-05-01", [Actor(id="eu", name="EU", kind="organization")])
    b = brief("The European Union agreed.", "2024-05-02", [Actor(id="european-union", name="European Union", kind="organization")])
    c = brief("Moscow agreed.", "2024-05-03", [Actor(id="russia", name="Russia", kind="country", aliases=["Moscow", "Kremlin"])])
    d = brief("The Kremlin said no.", "2024-05-04", [Actor(id="russia", name="Russia", kind="country", aliases=["Kremlin"])])
    merged = merge([a, b, c, d])
    assert sorted(len(x.sources) for x in merged.actors) == [2, 2]


def test_same_initials_are_not_one_body_and_a_legal_form_is_not_a_name():
    a = brief("Apple Computer sued.", "2006-03-28", [Actor(id="apple-computer", name="Apple Computer", kind="organization"),
                                                    Actor(id="apple-inc", name="Apple Inc.", kind="organization")])
    b = brief("Apple Corps sued. Apple answered.", "2006-05-08", [Actor(id="apple-corps", name="Apple Corps", kind="organization"),
                                                                 Actor(id="apple", name="Apple", kind="organization")])
    merged = merge([a, b])
    assert sorted(sorted({x.name, *x.aliases}) for x in merged.actors) == [
        ["Apple", "Apple Inc."], ["Apple Computer"], ["Apple Corps"]]


def test_one_person_tied_to_a_company_and_to_its_brand_is_one_person():
    a = brief("Steve Jobs of Apple Inc. spoke.", "2010-07-16",
              [Actor(id="steve-jobs", name="Steve Jobs", kind="person", affiliation="apple-inc"),
               Actor(id="apple-inc", name="Apple Inc.", kind="organization")])
    b = brief("Steve Jobs of AppleInsider fame spoke.", "2010-07-17",
              [Actor(id="steve-jobs", name="Steve Jobs", kind="person", affiliation="appleinsider"),
               Actor(id="appleinsider", name="AppleInsider", kind="organization")])
    c = brief("Steve Jobs of Armenia spoke.", "2010-07-18",  # a country of his own: someone else
              [Actor(id="steve-jobs", name="Steve Jobs", kind="person", affiliation="armenia"),
               Actor(id="armenia", name="Armenia", kind="country")])
    d = brief("Steve Jobs of Russia spoke.", "2010-07-19",
              [Actor(id="steve-jobs", name="Steve Jobs", kind="person", affiliation="russia"), RUSSIA])
    assert sorted(len(p.sources) for p in people(merge([a, b, c, d]))) == [1, 3]


# --- quotes, events, key points -----------------------------------------------------------

def _story():
    beridze = Actor(id="giorgi-beridze", name="Giorgi Beridze", kind="person", title="Energy Minister", aliases=["Beridze"])
    a = brief("Beridze and the EU met on Monday in Tbilisi. “The dam will not be built without the consent of both "
              "countries,” Beridze said. A joint survey of the river began last Thursday.", "2024-03-12",
              [beridze], source="Caucasus Wire",
              quotes=[("giorgi-beridze", "The dam will not be built without the consent of both countries,")],
              events=[("2024-03-11", "on Monday", "Beridze and the EU met on Monday in Tbilisi"),
                      ("2024-03-07", "last Thursday", "A joint survey of the river began last Thursday")],
              key_points=["Beridze and the EU met on Monday in Tbilisi."])
    b = brief("Georgy Beridze and the EU met in Tbilisi on March 11. ‘The dam will not be built without the consent of "
              "both countries’, he said. The joint survey of the river began on March 6.", "2024-03-15",
              [Actor(id="georgy-beridze", name="Georgy Beridze", kind="person", aliases=["Beridze"])], source="Observer",
              quotes=[("georgy-beridze", "The dam will not be built without the consent of both countries")],
              events=[("2024-03-11", "on March 11", "Georgy Beridze and the EU met in Tbilisi on March 11"),
                      ("2024-03-06", "on March 6", "The joint survey of the river began on March 6")],
              key_points=["Georgy Beridze and the EU met in Tbilisi on March 11."])
    return a, b


def test_one_quote_two_outlets_one_entry_with_both_sources():
    d = merge(list(_story()))
    (q,) = d.quotes
    assert [s.article for s in q.sources] == ["a1", "a2"] and q.speaker == people(d)[0].id
    for s in q.sources:
        assert d.article(s.article).text[s.start:s.end] == s.text


def test_an_event_two_articles_date_is_one_entry_and_conflicting_dates_are_both_shown():
    d = merge(list(_story()))
    assert len(d.timeline) == 2
    survey, talks = d.timeline
    assert talks.dates == ["2024-03-11"] and [s.article for s in talks.sources] == ["a1", "a2"]
    assert survey.dates == ["2024-03-06", "2024-03-07"] and survey.conflicting
    assert {(s.article, s.date) for s in survey.sources} == {("a1", "2024-03-07"), ("a2", "2024-03-06")}


def test_a_month_and_a_day_in_it_agree():
    a = brief("Beridze visited Yerevan in January.", "2024-03-13", [],
              events=[("2024-01", "in January", "Beridze visited Yerevan in January")])
    b = brief("Beridze visited Yerevan on January 23 to present the project.", "2024-03-15", [],
              events=[("2024-01-23", "on January 23", "Beridze visited Yerevan on January 23 to present the project")])
    (e,) = merge([a, b]).timeline
    assert e.dates == ["2024-01-23"] and len(e.sources) == 2


def test_unrelated_events_and_far_dates_stay_apart():
    a = brief("The talks began on Monday. Farmers protested in February.", "2024-03-12", [],
              events=[("2024-03-11", "on Monday", "The talks began on Monday"),
                      ("2024-02", "in February", "Farmers protested in February")])
    b = brief("The talks began on May 6.", "2024-05-07", [], events=[("2024-05-06", "on May 6", "The talks began on May 6")])
    assert len(merge([a, b]).timeline) == 3


def test_key_points_borne_out_by_other_articles_come_first():
    d = merge(list(_story()))
    first = d.key_points[0]
    assert [s.article for s in first.sources] == ["a1", "a2"]


def test_nothing_is_lost():
    a, b = _story()
    d = merge([a, b])
    assert sum(len(e.sources) for e in d.timeline) == len(a.timeline) + len(b.timeline)
    assert sum(len(q.sources) for q in d.quotes) == len(a.quotes) + len(b.quotes)


def test_articles_in_publication_order_with_ids_from_names():
    a, b = _story()
    d = merge([b, a], ids=article_ids(["observer", "caucasus wire"]))
    assert [x.id for x in d.articles] == ["caucasus-wire", "observer"]
    assert article_ids(["A b", "a-b", "ä b"]) == ["a-b", "a-b-2", "a-b-3"]


# --- the model and its JSON -------------------------------------------------------------

def test_the_json_round_trips_and_its_spans_are_checked():
    d = merge(list(_story()))
    again = loads_dossier(dumps_dossier(d))
    assert again == d
    data = json.loads(dumps_dossier(d))
    data["quotes"][0]["sources"][0]["start"] += 1
    with pytest.raises(InputError, match=r"quotes\[0\]\.sources\[0\].*does not match"):
        loads_dossier(json.dumps(data))
    data = json.loads(dumps_dossier(d))
    data["timeline"][0]["sources"][0]["article"] = "nowhere"
    with pytest.raises(InputError, match="unknown article id 'nowhere'"):
        loads_dossier(json.dumps(data))
    data = json.loads(dumps_dossier(d))
    data["timeline"][0]["dates"] = ["2024-02-30"]
    with pytest.raises(InputError, match="not a real date"):
        loads_dossier(json.dumps(data))


def test_a_brief_is_a_dossier_of_one_article(seed_brief):
    d = Dossier.from_brief(seed_brief)
    assert len(d.articles) == 1 and len(d.quotes) == len(seed_brief.quotes)
    assert Dossier.model_validate_json(dumps_dossier(d)) == d
    with pytest.raises(ValidationError):
        Dossier.model_validate({**json.loads(dumps_dossier(d)), "articles": []})


def test_the_schema_names_the_sources_of_every_item():
    schema = dossier_json_schema()
    assert schema["$id"].endswith("dossier-1.json")
    for item in ("DossierKeyPoint", "DossierActor", "DossierQuote", "DossierPosition", "DossierEvent"):
        assert "sources" in schema["$defs"][item]["required"], item
    assert set(schema["$defs"]["DossierArticle"]["properties"]) >= {"id", "title", "published", "source", "url", "language", "text"}


def test_each_articles_own_catalog_translates_the_dossier_and_the_dossiers_catalog_overrides_it(tmp_path):
    from briefdoc.dossier.catalog import export_catalog, translator_for
    from briefdoc.localize.content import write_catalog

    a, b = _story()
    d = merge([a, b], ids=["wire", "observer"])
    article = tmp_path / "wire.md"
    article.write_text("(the article)", encoding="utf-8")
    catalog = export_catalog(d, "fr")
    assert catalog.get(d.quotes[0].text, context="quote").locations == [("wire.txt", 1), ("observer.txt", 1)]
    for m in catalog:
        if m.context == "key point":
            m.string = "Beridze et l’UE se sont rencontrés lundi à Tbilissi."
    own = export_catalog(d, "fr")
    for m in own:
        if m.context == "key point":
            m.string = "(from the article's own catalog)"
        if m.context == "event" and "survey" in m.id:
            m.string = "Une étude conjointe de la rivière a commencé jeudi dernier"
    write_catalog(own, tmp_path / "wire.fr.po")
    write_catalog(catalog, tmp_path / "dossier.fr.po")
    tr = translator_for(d, "fr", tmp_path / "dossier.fr.po", article_files=[article])
    assert tr("key point", d.key_points[0].text) == "Beridze et l’UE se sont rencontrés lundi à Tbilissi."
    survey = next(e for e in d.timeline if "survey" in e.event)
    assert tr("event", survey.event).startswith("Une étude conjointe")
    assert translator_for(d, "fr")("event", survey.event).translated is False
