"""Shared fixtures. ``seed_brief`` is a realistic Brief for the demo seed, written by
hand (spans found with str.index in the article text), so that the layouts are
exercised on real volume whatever state the extractors are in."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_3362ed2f4686983c.md"


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def make_seed_brief():
    """The demo seed's Brief: 4 key points, 6 actors, 12 quotes, 8 positions, 8 events."""
    from briefdoc.read.article import read_article
    from briefdoc.model.brief import Actor, Brief, Event, KeyPoint, Position, Quote, Span

    article = read_article(SEED)
    text = article.text

    def kp(sentence):
        s, e = _span(text, sentence)
        return KeyPoint(start=s, end=e, text=sentence)

    def quote(words, speaker, cue="said", direct=True):
        s, e = _span(text, words)
        return Quote(start=s, end=e, text=words, speaker=speaker, cue=cue, direct=direct)

    def position(actor, statement, cue):
        s, e = _span(text, statement)
        return Position(start=s, end=e, actor=actor, statement=statement, cue=cue)

    def event(date, expression, what, after=0, pieces=()):
        s, e = _span(text, expression, after)
        es, ee = _span(text, what)
        parts = [Span(start=a, end=b) for a, b in (_span(text, p) for p in pieces)] or None
        return Event(start=s, end=e, date=date, expression=expression, event=what, event_start=es, event_end=ee,
                     sentence=" ".join(pieces) or None, sentence_parts=parts)

    key_points = [
        kp("Russian Foreign Minister Sergey Lavrov said Tuesday that there would not be checkpoints on the Lachin Corridor, opposing Azerbaijan’s insistence for such a mechanism on the road that it has been blockading since December 12."),
        kp("The blockade has still not been lifted."),
        kp("Lavrov announced that Azerbaijan has agreed to hold a meeting in Russia, but added that Armenia has not yet given a final response to Moscow’s proposal to mediate peace talks between the two countries."),
        kp("Lavrov also had strong words for Prime Minister Nikol Pashinyan who last month alluded that Russian military presence was a threat to Armenia’s security."),
    ]
    actors = [
        Actor(id="russia", name="Russia", kind="country", aliases=["Moscow"]),
        Actor(id="azerbaijan", name="Azerbaijan", kind="country", aliases=["Baku"]),
        Actor(id="armenia", name="Armenia", kind="country", aliases=["Yerevan"]),
        Actor(id="sergey-lavrov", name="Sergey Lavrov", kind="person", title="Foreign Minister", affiliation="russia", aliases=["Lavrov"]),
        Actor(id="jeyhum-bayramov", name="Jeyhum Bayramov", kind="person", title="Foreign Minister", affiliation="azerbaijan", aliases=["Bayramov"]),
        Actor(id="nikol-pashinyan", name="Nikol Pashinyan", kind="person", title="Prime Minister", affiliation="armenia", aliases=["Pashinyan"]),
    ]
    L, B = "sergey-lavrov", "jeyhum-bayramov"
    quotes = [
        quote("It [the agreement] calls for the free movement of solely civilian and humanitarian cargo and civilians,", L),
        quote("In our contacts, we are trying to achieve that first and foremost through the peacekeeping contingent. The setting up of any checkpoint there is not envisioned.", L),
        quote("But it is possible to dispel, by technical means, suspicions that the corridor is not functioning as intended. We discussed that today,", L),
        quote("swift and full unblocking of traffic along the Lachin corridor", L, cue="called for"),
        quote("can check each vehicle for the absence of prohibited, non-humanitarian, non-civilian goods in it.", L),
        quote("will do everything to avoid negative humanitarian consequences for the Armenian population living in the Karabakh region of Azerbaijan.", B, cue="pledged"),
        quote("the legitimate demands of the representatives of the Azerbaijani civil society should be heard and fulfilled,", B),
        quote("The Azerbaijani side is ready for it. The Armenian side has said that it does not object either, but has not yet given a final agreement. I don’t think that we will persistently offer our services,", L, cue="emphasized"),
        quote("We are seeing how the European Union is openly abusing its relations with Armenia and Azerbaijan, including through the advancement of its so-called mission in the territory of Armenia, which raises serious doubts about its legitimacy,", L),
        quote("including about its functions, mandate, duration and from the point of view of the added value that the mission can have in efforts to normalize relations between Armenia and Azerbaijan.", L),
        quote("We are guided by the ‘do no harm’ principle in all our actions.", L, cue="added"),
        quote("in the post-conflict reconstruction of Azerbaijani territories.", L),
    ]
    positions = [
        position(L, "there would not be checkpoints on the Lachin Corridor", "said"),
        position(L, "traffic through the Lachin corridor must be regulated in strict conformity with the November 9, 2020 agreement", "said"),
        position(L, "Azerbaijan has agreed to hold a meeting in Russia", "announced"),
        position("russia", "Russia is ready to engage", "said"),
        position(B, "expressed his displeasure with Armenia’s rejection of Azerbaijan’s demand to install a checkpoint at the Lachin corridor", "expressed"),
        position(B, "accused Armenia of misleading the international community and creating confusion about the situation", "accused"),
        position("armenia", "Both Yerevan and Stepanakert have vehemently denied the Azerbaijani accusations.", "denied"),
        position("armenia", "Yerevan backed out of the meeting saying its focus was on the Artsakh blockade", "backed out"),
    ]
    timeline = [
        event("2020-11-09", "November 9, 2020", "agreement that placed the road under the control of Russian peacekeepers stationed in Artsakh"),
        event("2022", "last year", "“allied cooperation agreement” signed with Azerbaijan"),
        event("2022-12", "in December", "Russia was to host a meeting between the Armenian and Azerbaijani foreign ministers"),
        event("2022-12-12", "December 12", "it has been blockading"),
        event("2023-01", "last month", "Prime Minister Nikol Pashinyan who last month alluded that Russian military presence was a threat to Armenia’s security",
              pieces=("Prime Minister Nikol Pashinyan", "last month alluded that Russian military presence was a threat to Armenia’s security")),
        event("2023-01-17", "January 17", "Lavrov called for a “swift and full unblocking of traffic along the Lachin corridor”"),
        event("2023-01-18", "the following day", "Moscow told Baku that the Russian peacekeepers “can check each vehicle"),
        event("2023-02-28", "Tuesday", "Russian Foreign Minister Sergey Lavrov said Tuesday that there would not be checkpoints on the Lachin Corridor"),
    ]
    return Brief(article=article, key_points=key_points, actors=actors, quotes=quotes, positions=positions, timeline=timeline)


@pytest.fixture(scope="session")
def seed_brief():
    """A realistic Brief for the demo seed (hand-made; see make_seed_brief)."""
    return make_seed_brief()


@pytest.fixture(scope="session")
def seed_brief_json(tmp_path_factory, seed_brief):
    """seed_brief written as `briefdoc extract` would write it."""
    from briefdoc.model.briefjson import dumps

    path = tmp_path_factory.mktemp("brief") / "seed.json"
    path.write_text(dumps(seed_brief), encoding="utf-8")
    return path
