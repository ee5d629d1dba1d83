"""Actors across articles: the same person, body or country named by several
articles becomes one actor.

People: two full names are one person when their surnames are one name's spellings
and so are their first names ("Sergey Lavrov", "Sergei Lavrov"; an initial matches
its name), unless the articles tie them to different parties. A surname alone
("Lavrov") joins the one person of that surname whose role agrees with it (title
and party); when two people share the surname it joins the one whose title is the
same, or stays apart. Two people whose first names or roles differ are never one.
Bodies and countries: one name or alias in common ("Russia"/"Moscow", "EU"/"European
Union"), and a kind that agrees. Actors of one article stay as that article's
brief has them: the extractor has already told them apart."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model.brief import Actor, Brief
from ..model.dossier import ActorSource, DossierActor
from .text import STOPWORDS, fold, same_spelling, slug, words

# Words before a name that are a form of address or a rank, not a first name.
_HONORIFICS = {fold(w) for w in """mr mrs ms miss dr prof sir dame lord lady sen senator rep gov governor president
minister premier chancellor mayor general gen col colonel capt captain sgt judge justice rev pope king queen prince
princess sheikh ambassador secretary deputy spokesman spokeswoman""".split()}
_PARTICLES = {"de", "da", "di", "del", "van", "von", "der", "den", "le", "la", "al", "el", "bin", "ibn", "ben"}
_ORG_KINDS = {"organization", "group"}


@dataclass
class _Name:
    given: str | None  # the first name, or its initial ("s"); None for a surname alone
    surname: str
    full: str  # the name as written

    @property
    def initial_only(self) -> bool:
        return self.given is not None and len(fold(self.given)) <= 1


def person_name(actor: Actor) -> _Name:
    """The actor's fullest name (of its name and aliases) as first name and surname."""
    forms = [actor.name, *actor.aliases]
    best = None
    for form in forms:
        tokens = [t for t in re.split(r"\s+", form.strip()) if t]
        while len(tokens) > 1 and fold(tokens[0].rstrip(".")) in _HONORIFICS:
            tokens = tokens[1:]
        if not tokens:
            continue
        # "Jean-Luc de la Fontaine": the particles belong to the surname
        i = len(tokens) - 1
        while i > 0 and tokens[i - 1].lower() in _PARTICLES:
            i -= 1
        surname = " ".join(tokens[i:])
        given = tokens[0] if i > 0 else None
        name = _Name(given, surname, form)
        rank = (given is not None and not name.initial_only, given is not None, len(tokens))
        if best is None or rank > best[0]:
            best = (rank, name)
    return best[1] if best else _Name(None, actor.name, actor.name)


def _given_agree(a: str, b: str) -> tuple[bool, bool]:
    """(compatible, exact): an initial agrees with any name it begins."""
    fa, fb = fold(a.rstrip(".")), fold(b.rstrip("."))
    if not fa or not fb:
        return False, False
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0], False
    if fa == fb:
        return True, True
    return same_spelling(a, b, loose=True), False


def _title_words(title: str) -> set[str]:
    return {fold(w) for w in words(title) if w not in STOPWORDS}


def titles_agree(a: str | None, b: str | None) -> bool:
    """Whether two titles can be one person's: either is unknown, or one's words are
    all in the other's ("Minister" and "Foreign Minister"; not "Foreign Minister" and
    "Prime Minister")."""
    if not a or not b:
        return True
    wa, wb = _title_words(a), _title_words(b)
    return wa <= wb or wb <= wa


# A company's legal form is not part of its name: "Apple Inc." is "Apple".
_LEGAL_FORMS = {"inc", "incorporated", "corp", "corporation", "co", "ltd", "limited", "llc", "plc", "ag", "sa", "gmbh", "nv", "bv"}


def _org_keys(actor: Actor) -> set[str]:
    keys = set()
    for form in [actor.name, *actor.aliases]:
        ws = [fold(w) for w in words(form)]
        if ws and ws[0] == "the":
            ws = ws[1:]
        while len(ws) > 1 and ws[-1] in _LEGAL_FORMS:
            ws = ws[:-1]
        if ws:
            keys.add("name:" + " ".join(ws))
        letters = re.sub(r"[^A-Za-z]", "", form)
        if 2 <= len(letters) <= 6 and letters.isupper():
            keys.add("acronym:" + letters.lower())
        else:
            initials = "".join(w[0] for w in words(form) if w not in {"of", "the", "and", "for"})
            if len(initials) >= 2 and len(form.split()) >= 2:
                keys.add("initials:" + initials)
    return keys


def _keys_meet(a: set[str], b: set[str]) -> bool:
    """One name (or acronym) in common, or the acronym of one is the initials of the
    other ("EU", "European Union"); two long names with the same initials are not."""
    if any(k in b for k in a if not k.startswith("initials:")):
        return True
    flip = {k.replace("acronym:", "initials:") if k.startswith("acronym:") else k.replace("initials:", "acronym:")
            for k in a if not k.startswith("name:")}
    return bool(flip & b)


@dataclass
class _Cluster:
    kind: str
    members: list[tuple[str, Actor]] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    names: list[_Name] = field(default_factory=list)  # people
    keys: set[str] = field(default_factory=set)  # bodies and countries
    id: str = ""

    def add(self, article: str, actor: Actor) -> None:
        self.members.append((article, actor))
        self.articles.add(article)
        if self.kind == "person":
            self.names.append(person_name(actor))
        else:
            self.keys |= _org_keys(actor)

    @property
    def titles(self) -> list[str]:
        return [a.title for _, a in self.members if a.title]


class ActorMerge:
    """The actors of several briefs merged; ``id_of(article, brief actor id)`` is the
    dossier id each of them became."""

    def __init__(self, briefs: list[tuple[str, Brief]]):
        self.briefs = briefs
        self.clusters: list[_Cluster] = []
        self._where: dict[tuple[str, str], _Cluster] = {}
        entries = [(aid, a) for aid, b in briefs for a in b.actors]
        for aid, actor in entries:
            if actor.kind != "person":
                self._place_body(aid, actor)
        people = [(aid, a) for aid, a in entries if a.kind == "person"]
        full = [p for p in people if person_name(p[1]).given is not None and not person_name(p[1]).initial_only]
        rest = [p for p in people if p not in full]
        for aid, actor in full + rest:
            self._place_person(aid, actor)
        self._surnames_taken_for_groups()
        self._name_clusters()

    # -- bodies and countries -----------------------------------------------------------

    def _place_body(self, aid: str, actor: Actor) -> None:
        keys = _org_keys(actor)
        for c in self.clusters:
            if c.kind == "person" or aid in c.articles:
                continue
            kinds_agree = c.kind == actor.kind or (c.kind in _ORG_KINDS and actor.kind in _ORG_KINDS)
            if kinds_agree and (_keys_meet(keys, c.keys) or any(a.id == actor.id for _, a in c.members)):
                self._join(c, aid, actor)
                return
        self._join(_Cluster(actor.kind), aid, actor, new=True)

    # -- people ---------------------------------------------------------------------------

    def _party_of(self, aid: str, actor: Actor) -> _Cluster | None:
        return self._where.get((aid, actor.affiliation)) if actor.affiliation else None

    def _parties_agree(self, aid: str, actor: Actor, c: _Cluster, *, countries_only: bool = False) -> bool:
        """Whether the actor's party (its affiliation) is one the cluster's members have,
        when both are known. ``countries_only``: only a different country counts (two
        articles may tie one person to a company and to its brand)."""
        mine = self._party_of(aid, actor)
        if mine is None or (countries_only and mine.kind != "country"):
            return True
        theirs = [p for p in (self._party_of(a, m) for a, m in c.members) if p is not None]
        if countries_only:
            theirs = [p for p in theirs if p.kind == "country"]
        return not theirs or any(p is mine for p in theirs)

    def _match(self, aid: str, actor: Actor, c: _Cluster) -> int:
        """How well ``actor`` fits person cluster ``c``: 0 not at all, 1 by surname
        and role, 2 by surname and an agreeing title, 3 by full name."""
        if c.kind != "person" or aid in c.articles:
            return 0
        me = person_name(actor)
        full = [n for n in c.names if n.given is not None]
        full_match = me.given is not None and not me.initial_only and bool(full)
        if not self._parties_agree(aid, actor, c, countries_only=full_match):
            return 0
        if me.given is not None:
            if full:
                exact = False
                for other in full:
                    if not same_spelling(me.surname, other.surname, loose=True):
                        return 0
                    agree, same = _given_agree(me.given, other.given)
                    if not agree:
                        return 0
                    exact = exact or same
                return 3 if exact or not me.initial_only else 1
            # a cluster of surnames alone: the full name must fit their roles
            if not all(fold(n.surname) == fold(me.surname) for n in c.names):
                return 0
            return 1 if all(titles_agree(actor.title, t) for t in c.titles) else 0
        # a surname alone
        if not any(fold(n.surname) == fold(me.surname) for n in c.names):
            return 0
        if not all(titles_agree(actor.title, t) for t in c.titles):
            return 0
        if actor.title and any(_title_words(actor.title) == _title_words(t) for t in c.titles):
            return 2
        return 1

    def _place_person(self, aid: str, actor: Actor) -> None:
        scored = [(self._match(aid, actor, c), i) for i, c in enumerate(self.clusters)]
        scored = [s for s in scored if s[0]]
        if scored:
            best = max(s for s, _ in scored)
            top = [i for s, i in scored if s == best]
            if len(top) == 1:  # two people it could be: it is neither, for sure
                self._join(self.clusters[top[0]], aid, actor)
                return
        self._join(_Cluster("person"), aid, actor, new=True)

    def _surnames_taken_for_groups(self) -> None:
        """A one-word name the extractor could not place ("Sargsian" said...: a group)
        is the person of that surname when exactly one person of the other articles
        has it (its own article's people are someone else, as its brief says)."""
        for c in [c for c in self.clusters if c.kind == "group"]:
            forms = {a.name for _, a in c.members}
            if len(forms) != 1 or len(next(iter(forms)).split()) != 1 or not next(iter(forms))[:1].isupper():
                continue
            surname = fold(next(iter(forms)))
            people = [p for p in self.clusters if p.kind == "person" and not p.articles & c.articles
                      and any(fold(n.surname) == surname for n in p.names)]
            if len(people) == 1:
                person = people[0]
                for aid, actor in c.members:
                    self._join(person, aid, actor)
                self.clusters.remove(c)

    def _join(self, c: _Cluster, aid: str, actor: Actor, new: bool = False) -> None:
        c.add(aid, actor)
        self._where[(aid, actor.id)] = c
        if new:
            self.clusters.append(c)

    # -- the merged actors ------------------------------------------------------------------

    def _name_clusters(self) -> None:
        taken: set[str] = set()
        for c in self.clusters:
            base = slug(self._canonical(c))
            ident, n = base, 2
            while ident in taken:
                ident, n = f"{base}-{n}", n + 1
            taken.add(ident)
            c.id = ident

    @staticmethod
    def _canonical(c: _Cluster) -> str:
        """The name most articles use; of those, the fullest; then the first."""
        names = [a.name for _, a in c.members]
        counts = Counter(names)
        if c.kind == "person":
            return max(dict.fromkeys(names), key=lambda n: (len(n.split()) >= 2, counts[n], len(n.split())))
        return max(dict.fromkeys(names), key=lambda n: counts[n])

    def id_of(self, article: str, actor_id: str | None) -> str | None:
        if actor_id is None:
            return None
        c = self._where.get((article, actor_id))
        return c.id if c else None

    def actors(self) -> list[DossierActor]:
        texts = {aid: b.article.text for aid, b in self.briefs}
        out = []
        for c in self.clusters:
            name = self._canonical(c)
            aliases = []
            for _, a in c.members:
                for form in (a.name, *a.aliases):
                    if form != name and form not in aliases:
                        aliases.append(form)
            titles = Counter(c.titles)
            title = max(titles, key=lambda t: (titles[t], len(t))) if titles else None
            parties = Counter(p for p in (self.id_of(aid, a.affiliation) for aid, a in c.members) if p and p != c.id)
            affiliation = max(parties, key=lambda p: parties[p]) if parties else None
            kinds = Counter(a.kind for _, a in c.members)
            kind = c.kind if c.kind == "person" else max(kinds, key=lambda k: kinds[k])
            sources = [ActorSource(article=aid, actor=a.id, name=a.name, **_mention(texts[aid], [a.name, *a.aliases]))
                       for aid, a in c.members]
            out.append(DossierActor(id=c.id, name=name, kind=kind, title=title,
                                    affiliation=affiliation, aliases=aliases, sources=sources))
        return out


def _mention(text: str, names: list[str]) -> dict:
    """The first place ``text`` spells one of ``names`` as a word, as start/end."""
    best = None
    for name in names:
        if not name:
            continue
        m = re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end())
    return {"start": best[0], "end": best[1]} if best else {}
