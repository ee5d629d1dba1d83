"""Actors: people, organizations, countries and groups, and their mentions.

``find(doc)`` returns a ``Cast``: the actors, a map from mentions (token ranges)
to actor ids, and helpers to resolve a token (a name, a capital used as a
metonym, a description such as "the foreign minister", a pronoun) to an actor.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..model.brief import Actor
from . import _countries as C
from . import _marks, _reported, lexicon, nlp
from .nlp import text_of

# Word lists (data/en/, data/en/actors/): what each is for is said at the top of its file.
TITLE_NOUNS = lexicon.words("title_nouns")
STATE_TITLES = lexicon.words("actors/state_titles")
HONORIFICS = lexicon.words("honorifics")
# Nouns whose possessor or nationality is the party ("his government", "Azerbaijani authorities").
BODY_NOUNS = lexicon.words("actors/body_nouns")
_PRONOUNS = lexicon.rows("actors/pronouns")  # word | person, group or relative | gender
PERSON_PRONOUNS = frozenset(word for word, kind, *_ in _PRONOUNS if kind == "person")
GROUP_PRONOUNS = frozenset(word for word, kind, *_ in _PRONOUNS if kind == "group")
FEMALE = frozenset(word for word, kind, *gender in _PRONOUNS if gender == ["female"])
RELATIVE = frozenset(word for word, kind, *_ in _PRONOUNS if kind == "relative")
_GENDERED = lexicon.table("actors/gendered_words")  # word -> female or male
_FEMALE_WORDS = frozenset(w for w, g in _GENDERED.items() if g == "female")
_MALE_WORDS = frozenset(w for w, g in _GENDERED.items() if g == "male")
_GIVEN_NAMES = lexicon.table("actors/given_names")  # given name -> female or male
# verbs of saying and believing: their plural subjects are people ("environmentalists worry", "analysts say")
_SAYING = _reported.speech_verbs("cue") | lexicon.words("belief_verbs")
SELF_PRONOUNS = lexicon.words("self_pronouns")
NOT_ACTORS = lexicon.words("actors/not_actors")
TIME_NOUNS = lexicon.words("actors/time_nouns")
# Nouns for people that are not titles: a subject made of one is someone a later pronoun can stand for
# ("A Democratic source said he ...", "Labor experts say ... a provision they say ...").
PEOPLE_NOUNS = lexicon.words("people_nouns")
PLACE_NOUNS = lexicon.words("actors/place_nouns")


@dataclass
class _Actor:
    id: str
    name: str
    kind: str
    title: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    first: int = 0  # token index of the first mention
    head: str | None = None  # the head noun's lemma, for an actor made from a description ("senator")

    def model(self) -> Actor:
        """The actor as the brief has it."""
        return Actor(id=self.id, name=self.name, kind=self.kind, title=self.title,
                     affiliation=self.affiliation, aliases=list(self.aliases))


@dataclass
class Ref:
    """An actor named at a place in the text."""

    id: str
    start: int  # char offsets of the mention
    end: int


@dataclass
class _Phrase:
    """The parts of a noun phrase that ``Cast.describe`` reads: its head and the head's lemma; the
    possessor, determiner and modifiers left of the head, and the first words of hyphenated
    modifiers ("Saudi" of "Saudi-led"); the country they or an "of"/"for" phrase name (``part``:
    named by a part of it, "the Welsh government": its own actor, of the UK); whom a title's
    "of"/"for" phrase says it speaks for ("a spokesman for Senator X"); the phrase's first token,
    and its char offsets."""

    head: object
    lemma: str
    poss: object
    det: object
    mods: list
    glued: list
    code: str | None
    part: bool
    side: str | None
    left: int
    start: int
    end: int


class Cast:
    """The actors of a document and where they are mentioned."""

    def __init__(self, doc):
        self.doc = doc
        self.actors: dict[str, _Actor] = {}
        self.mentions: dict[tuple[int, int], str] = {}  # (char start, char end) -> actor id
        self._tok: dict[int, tuple[int, int, str]] = {}  # token index -> (first token, end token, id)
        self._nationality: dict[int, str] = {}  # token index -> country actor id (adjectives, names)
        self._subjects: list[tuple[int, str, str]] = []  # (token index, actor id, kind): salience list
        self.gender: dict[str, str] = {}  # actor id -> "m" / "f", from honorifics and titles
        self._described: list[tuple[int, str]] = []  # (head token index, actor id) of description actors
        self._cut: set[int] = set()  # tokens cut from a name entity that are no title either ("Crooked")
        self._title_pronoun: dict[int, int] = {}  # token of a name or title noun -> its title's "its"/"their"
        self._title_its: dict[str, int] = {}  # person id -> the "its"/"their" of their title
        self.marks = _marks.find(text_of(doc))
        self._in_quote = _quote_tokens(doc, self.marks)

    # --- building -------------------------------------------------------
    def _add(self, aid: str, name: str, kind: str, at: int) -> _Actor:
        """The actor of this id, made on first use (first mentioned at token ``at``), with the
        party a group's name stands for or the international body an institution is part of."""
        a = self.actors.get(aid)
        if a is None:
            a = _Actor(aid, _capital(_plain(name)), kind, first=at)
            self.actors[aid] = a
            if kind in ("group", "organization"):
                party = _party_group(name)
                if party is not None and party[0] != aid:
                    self._add(party[0], party[1], "organization", at)
                    a.affiliation = party[0]
            if kind == "organization" and not a.affiliation:
                body = C.body_of_part(name)  # "European Commission", "UN Security Council": the body's
                if body is not None and C.slug(body) != aid:
                    a.affiliation = self._add(C.slug(body), body, "organization", at).id
        return a

    def _mention(self, start: int, end: int, aid: str) -> None:
        """Tokens start to end mention the actor; their text is one of its aliases if not its name."""
        doc = self.doc
        self.mentions[(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))] = aid
        for i in range(start, end):
            self._tok[i] = (start, end, aid)
        a = self.actors[aid]
        text = doc[start:end].text
        if text != a.name and text not in a.aliases:
            a.aliases.append(text)

    def country(self, code: str, at: int = 0) -> str:
        """The id of the country of an ISO code, made on first use."""
        name = C.display_name(code)
        aid = C.slug(name)
        self._add(aid, name, "country", at)
        return aid

    # --- queries --------------------------------------------------------
    def get(self, aid: str | None) -> _Actor | None:
        """The actor of an id, or None."""
        return self.actors.get(aid) if aid else None

    def in_quote(self, i: int) -> bool:
        """Token i is inside quotation marks."""
        return i in self._in_quote

    def mention_at(self, tok) -> Ref | None:
        """The named mention that covers this token."""
        hit = self._tok.get(tok.i)
        if hit is None:
            return None
        s, e, aid = hit
        d = self.doc
        return Ref(aid, d[s].idx, d[e - 1].idx + len(d[e - 1]))

    def nationality(self, tok) -> str | None:
        """The country a token names as a nationality or a country's name, or None."""
        return self._nationality.get(tok.i)

    def party(self, aid: str | None) -> str | None:
        """The actor an actor acts for: its affiliation's affiliation and so on, to the last."""
        seen = set()
        while aid and aid not in seen:
            seen.add(aid)
            a = self.actors.get(aid)
            if a is None or not a.affiliation:
                return aid
            aid = a.affiliation
        return aid

    def resolve(self, tok, *, create: bool = True) -> Ref | None:
        """The actor a subject-like token refers to: a name, a pronoun, a description."""
        doc = self.doc
        ref = self.mention_at(tok)
        if ref is not None:
            # "Moscow's decision": the mention itself; a body noun is handled below.
            return ref
        low = tok.lower_
        if low in RELATIVE and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "relcl":
            antecedent = tok.head.head
            r = self.resolve(antecedent, create=False)
            if r is not None:
                return r
            return None
        if low == "who" and tok.dep_ in ("nsubj", "nsubjpass"):
            # "Sanders, meanwhile, who sits at zero endorsements, said ..." parsed with "who" as the
            # subject of "said": the name right before it (past commas and adverbs)
            j = tok.i - 1
            while j >= max(0, tok.i - 5) and (doc[j].is_punct or doc[j].pos_ == "ADV"):
                j -= 1
            if j >= 0 and j < tok.i - 1 and doc[tok.i - 1].text == ",":
                r = self.mention_at(doc[j])
                if r is not None and self.actors[r.id].kind == "person":
                    return r
            return None
        if low in PERSON_PRONOUNS or low in GROUP_PRONOUNS:
            aid = self.pronoun(tok)
            if aid:
                return Ref(aid, tok.idx, tok.idx + len(tok))
            return None
        if tok.lemma_.lower() in TIME_NOUNS:
            return None  # "this past weekend ... committed" misparsed as the subject: a time, not an actor
        if tok.pos_ in ("NOUN", "PROPN"):
            return self.describe(tok, create=create)
        return None

    def subjects(self) -> list[tuple[int, str, str]]:
        """(token index, actor id, kind) of each clause subject the cast knows, in text order: who the
        text is about, most recent last."""
        return list(self._subjects)

    def pronoun(self, tok) -> str | None:
        """The most recent compatible subject before this pronoun ("they": a plural one first)."""
        low = tok.lower_
        if low in ("they", "them", "their", "themselves"):
            found = self._plural_antecedent(tok)
            if found is not None:
                return found
        want_person = low in PERSON_PRONOUNS
        sent_start = tok.sent.start
        best = None
        for i, aid, kind in reversed(self._subjects):
            if i >= tok.i:
                continue
            if tok.i - i > 400:
                break
            # a subject of the same verb is not the antecedent ("he said he...": is)
            is_person = kind == "person"
            if want_person != is_person:
                continue
            if low in ("it", "its", "itself") and self.doc[i].tag_ in ("NNS", "NNPS"):
                continue  # "it" is not "labor experts"
            g = self.gender.get(aid)
            if g and low in PERSON_PRONOUNS and g != ("f" if low in FEMALE else "m"):
                continue
            if i >= sent_start and self.doc[i].head.i == tok.head.i:
                continue
            best = aid
            break
        return best

    def _plural_antecedent(self, tok, depth: int = 0) -> str | None:
        """What "they" stands for when the nearest plural subject before it, in its sentence or the two
        before, names people or bodies: a named group ("The Conservatives believe ...; they say"), or a
        noun for people or bodies ("Several executives warned of it. They say ..."), a "they" before it
        taking up the same. None when that subject is something else ("Prices rose. They ...") or there
        is none: the most recent subject then (``pronoun``)."""
        doc = self.doc
        sent, sents = tok.sent, [tok.sent]
        while len(sents) < 3 and sent.start > 0:
            sent = doc[sent.start - 1].sent
            sents.append(sent)
        for sent in sents:
            for t in reversed(sent):
                if t.i >= tok.i or t.dep_ not in ("nsubj", "nsubjpass") or self.in_quote(t.i) or t.head.i == tok.head.i:
                    continue
                if t.lower_ == "they":
                    return self._plural_antecedent(t, depth + 1) if depth < 3 else None
                if t.tag_ not in ("NNS", "NNPS") and not (t.ent_type_ == "NORP" and t.lower_.endswith("s")):
                    continue  # (the tagger calls "the Greens", "Democrats" singular names)
                r = self.mention_at(t)
                if r is None and (_people_noun(t) or t.lemma_.lower() in BODY_NOUNS or t.tag_ in ("NNP", "NNPS")
                                  or t.head.lemma_.lower() in _SAYING):
                    r = self.describe(t, create=True)
                return r.id if r is not None and r.id in self.actors else None
        return None

    def describe(self, head, *, create: bool = True) -> Ref | None:
        """Resolve a noun phrase ("the Azerbaijani foreign minister", "his government",
        "a spokeswoman for the ministry") to an actor."""
        lemma = head.lemma_.lower()
        named = self._named_in_apposition(head, lemma)
        if named is not None:
            return named
        p = self._phrase(head, lemma)
        if p.det is not None and p.det.lower_ == "the" and p.poss is None and not p.code and not _people_noun(head) \
                and lemma not in TITLE_NOUNS:
            org = self._named_org(head, p.mods)
            if org is not None:
                return Ref(org, p.start, p.end)
        if lemma in BODY_NOUNS and not p.part:
            return self._body_of(p)
        if p.poss is not None and not p.code and _owned_noun(head):
            owner = self._person_owner(p.poss)
            if owner is not None:
                return self._owned(head, owner, p.poss, p.start, p.end, create)
        if lemma in TITLE_NOUNS and (p.det is None or p.det.lower_ in ("the", "this", "that")):
            ref = self._titled_before(p)
            if ref is not None:
                return ref
        if not create or head.pos_ not in ("NOUN", "PROPN") or lemma in NOT_ACTORS or _header_word(head):
            return None
        return self._new_described(p)

    def _named_in_apposition(self, head, lemma: str) -> Ref | None:
        """The person or organization a description's head has a name in apposition after ("a
        Pentagon spokesman, John Kirby, said"), or a title noun has right after it ("army chief
        General Ali Musa")."""
        kids = list(head.children)
        appos = [k for k in kids if k.dep_ == "appos"]
        if lemma in TITLE_NOUNS:
            # "the mayor of Lyon, Grégory Doucet," parsed as "Lyon, Grégory Doucet"
            appos += [a for k in kids if k.dep_ == "prep" and k.lower_ in ("of", "for", "at")
                      for p in k.children if p.dep_ == "pobj" for a in p.children if a.dep_ == "appos"]
        for k in appos:
            if k.i > head.i and k.pos_ == "PROPN":
                r = self.mention_at(k)
                if r is not None and self.actors[r.id].kind in ("person", "organization"):
                    if k.head.i != head.i and self.actors[r.id].kind != "person":
                        continue
                    return r
        if lemma in TITLE_NOUNS:
            return _name_after_title(self, head)
        return None

    def _phrase(self, head, lemma: str) -> _Phrase:
        """The parts of the noun phrase a head makes (``_Phrase``)."""
        poss = det = None
        mods = []
        for k in head.children:
            if k.i > head.i:
                continue
            if k.dep_ == "poss":
                poss = k
            elif k.dep_ == "det":
                det = k
            elif k.dep_ in ("amod", "compound", "nmod") and not self.in_quote(k.i):
                mods.append(k)  # (not quoted words the parse hung on it: "“Shame!” protesters chanted")
        glued = [g for g in (_hyphen_front(m) for m in mods) if g is not None]
        code = None
        part = False
        for k in mods + glued + ([poss] if poss is not None else []):
            c = self._nationality.get(k.i)
            if c is None:
                r = self.mention_at(k)
                if r is not None and self.actors[r.id].kind == "country":
                    c = r.id
            if c:
                code = c
                part = C.is_part(k.text)
        side = None
        for k in head.children:
            if k.dep_ == "prep" and k.lower_ in ("of", "for"):
                for p in k.children:
                    if p.dep_ == "pobj":
                        r = self.mention_at(p)
                        if r is not None and self.actors[r.id].kind == "country":
                            code = r.id
                if lemma in TITLE_NOUNS:
                    side = _side_of(self, k)
        left = min([head.i] + [m.i for m in mods + glued] + ([poss.i] if poss is not None else [])
                   + ([det.i] if det is not None else []))
        span = self.doc[left:head.i + 1]
        return _Phrase(head, lemma, poss, det, mods, glued, code, part, side, left, span.start_char, span.end_char)

    def _body_of(self, p: _Phrase) -> Ref | None:
        """Whose a body noun is ("the Azerbaijani government", "his administration"): the country's
        (its party), the possessor's (a person's party when they have one)."""
        if p.code:
            return Ref(self.party(p.code), p.start, p.end)
        if p.poss is not None:
            r = self.resolve(p.poss, create=False)
            if r is not None:
                a = self.actors.get(r.id)
                if a is not None and a.kind == "person":
                    return Ref(self.party(r.id), p.start, p.end) if a.affiliation else Ref(r.id, p.start, p.end)
                return Ref(r.id, p.start, p.end)
        return None

    def _titled_before(self, p: _Phrase) -> Ref | None:
        """The person named before with this title ("the foreign minister" after "Foreign Minister
        X"), of the phrase's country and holding its other words, mentioned last; else the last
        person described with that noun ("A Republican senator said ... The senator added")."""
        lemma = p.lemma
        words = {m.lower_ for m in p.mods if self._nationality.get(m.i) is None}
        best = None
        for a in self.actors.values():
            if a.kind != "person" or not a.title or a.first >= p.head.i:
                continue
            t = a.title.lower().split()
            if not t or t[-1].rstrip("s") != lemma:
                continue
            if not words <= set(t):
                continue
            if p.code and self.party(a.id) != p.code:
                continue
            if best is None or self._last_mention(a.id, p.head.i) > self._last_mention(best.id, p.head.i):
                best = a
        if best is not None:
            return Ref(best.id, p.start, p.end)
        prev = self._described_as(lemma, words, p.code, p.head.i)
        if prev is not None:
            self._described.append((p.head.i, prev))
            return Ref(prev, p.start, p.end)
        return None

    def _new_described(self, p: _Phrase) -> Ref:
        """An actor for a description nothing before resolves: named with the phrase (its "of"/"for"
        phrase too, "spokesman for the Russian Foreign Ministry"), a person for a singular title or
        people noun, else a group; of the party, organization or country the phrase names."""
        doc = self.doc
        head, lemma, det, left = p.head, p.lemma, p.det, p.left
        phrase = doc[(det.i + 1 if det is not None and det.i == left else left):head.i + 1]
        right = head.i + 1
        for k in head.rights:
            if k.dep_ == "prep" and k.lower_ in ("for", "of", "at", "with"):
                right = _name_end(k)
                break
        phrase = doc[phrase.start:right]
        named = _titled_name(phrase, head)
        if named is not None:  # "Premier Ana Ruiz", a name the recognizer missed after a title
            a = self._add(C.slug(named.text), named.text, "person", named.start)
            a.title = a.title or doc[phrase.start:named.start].text
            return Ref(a.id, named.start_char, named.end_char)
        name = _org_spelled_out(self, phrase)
        aid = C.slug(name)
        kind = "person" if (lemma in TITLE_NOUNS and lemma != "campaign" or lemma in PEOPLE_NOUNS) and head.tag_ not in ("NNS", "NNPS") else "group"
        if aid not in self.actors:
            a = self._add(aid, name, kind, head.i)
            a.head = lemma
            owner = _party(self, [m for m in p.mods if m.i in range(left, head.i)], None, head.i + 1) or _org_among(self, p.mods)
            if p.side or owner or p.code:
                a.affiliation = p.side or a.affiliation or owner or p.code  # a party before a country
            if kind == "person":
                self._gender_from(aid, {w.lower_ for w in phrase} | {lemma})
        if self.actors[aid].head == lemma:
            self._described.append((head.i, aid))
        return Ref(aid, p.start, phrase.end_char)

    def _gender_from(self, aid: str, words: set[str]) -> None:
        """A described person's gender, from the words of their description ("spokeswoman", "man"),
        unless known."""
        if words & (_FEMALE_WORDS | {"woman"}):
            self.gender.setdefault(aid, "f")
        elif words & (_MALE_WORDS | {"man"}):
            self.gender.setdefault(aid, "m")

    def _named_org(self, head, mods) -> str | None:
        """The organization "the council", "the ministry", "the foreign ministry" points back to: the
        one organization named before whose name ends in that noun and holds the other words, if
        there is exactly one."""
        noun = head.lower_
        if head.lemma_.lower() not in _INSTITUTION_NOUNS:
            return None
        words = {m.lower_ for m in mods}
        found = {a.id for a in self.actors.values()
                 if a.kind == "organization" and a.first < head.i and len(a.name.split()) > 1
                 and a.name.lower().split()[-1] == noun and words <= set(a.name.lower().split())
                 and self._last_mention(a.id, head.i) >= 0}
        return found.pop() if len(found) == 1 else None

    def _person_owner(self, poss) -> str | None:
        """The person a possessive names: a person's name, or "his", "her": the person last named
        before it in its sentence ("Ana Ruiz called for talks, her office said"), outside the quote it may
        follow, else the person the pronoun stands for; a named person, not one described ("a resident ...
        her safety")."""
        aid = None
        if poss.lower_ in ("his", "her"):
            want = "f" if poss.lower_ == "her" else "m"
            for i in range(poss.i - 1, poss.sent.start - 1, -1):
                hit = self._tok.get(i)
                if hit is not None and self.actors[hit[2]].kind == "person" and self.gender.get(hit[2], want) == want \
                        and (self.in_quote(poss.i) or not self.in_quote(i)):  # not a name in the quote before
                    aid = hit[2]
                    break
            aid = aid or self.pronoun(poss)
        else:
            r = self.mention_at(poss)
            aid = r.id if r is not None else None
        return aid if aid and self.actors[aid].kind == "person" and self.actors[aid].head is None else None

    def _owned(self, head, owner: str, poss, start: int, end: int, create: bool) -> Ref | None:
        """Someone a person has ("his spokesman", "Aliyev's office", "her lawyers"): an actor of
        that person, named with the person's name ("Ilham Aliyev's spokesman"), made on first use;
        a person of that title who belongs to the owner, if one is named before."""
        doc = self.doc
        lemma = head.lemma_.lower()
        for a in self.actors.values():
            if a.kind == "person" and a.affiliation in (owner, None) and a.title and a.first < head.i \
                    and a.title.lower().split()[-1].rstrip("s") == lemma and a.id != owner:
                return Ref(a.id, start, end)  # "Mills ... as her lawyer": the lawyer named before
        lo = poss.i + 1
        while lo < head.i and doc[lo].text in ("'s", "’s", "'", "’"):
            lo += 1
        rest = _spelled(doc[lo:head.i + 1])
        name = f"{self.actors[owner].name}'s {rest}"
        aid = C.slug(f"{self.actors[owner].name} {rest}")
        if aid not in self.actors:
            if not create:
                return None
            single = head.tag_ not in ("NNS", "NNPS")
            kind = "person" if single and (lemma in TITLE_NOUNS or lemma in PEOPLE_NOUNS) and lemma not in _OWNED_BODIES else "group"
            a = self._add(aid, name, kind, head.i)
            a.head = lemma
            a.affiliation = owner
            if kind == "person":
                self._gender_from(aid, {w.lower_ for w in doc[lo:head.i + 1]})
        return Ref(aid, start, end)

    def _described_as(self, lemma: str, words: set[str], code: str | None, before: int) -> str | None:
        """The most recent description actor of this head noun before a token, whose
        description holds the given words and whose country is the given one."""
        for i, aid in reversed(self._described):
            if i >= before:
                continue
            a = self.actors[aid]
            if a.head != lemma or a.kind != "person":
                continue
            if not words <= {w.lower() for w in a.name.split()}:
                continue
            if code and self.party(aid) != code:
                continue
            return aid
        return None

    def adhoc(self, head) -> Ref | None:
        """An actor made from the noun phrase itself ("the ministry", "the 46-year-old")."""
        doc = self.doc
        if head.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") and head.ent_type_ != "PERSON" or head.lower_ in NOT_ACTORS:
            return None
        if head.lemma_.lower() in TIME_NOUNS or _header_word(head):
            return None  # "This past weekend, the two leaders committed ...": a time, not an actor
        lo = head.left_edge.i
        while lo < head.i and doc[lo].dep_ in ("det", "punct"):
            lo += 1
        hi = head.i + 1
        while hi < len(doc) and doc[hi].head.i in range(lo, hi) and doc[hi].dep_ in ("compound", "flat", "appos") and hi - head.i < 4:
            hi += 1
        span = doc[lo:hi]
        if not span.text.strip():
            return None
        aid = C.slug(span.text)
        if aid not in self.actors:
            titled = head.pos_ == "PROPN" and head.ent_type_ in ("", "PERSON") and any(
                k.lemma_.lower() in TITLE_NOUNS | PEOPLE_NOUNS for k in span if k.i < head.i)  # "actor Oh"
            kind = "person" if head.lemma_.lower() in TITLE_NOUNS or head.ent_type_ == "PERSON" or titled else (
                "organization" if head.ent_type_ == "ORG" else "group")
            self._add(aid, span.text, kind, head.i)
        s0 = doc[head.left_edge.i] if doc[head.left_edge.i].dep_ == "det" else span[0]
        return Ref(aid, s0.idx, span.end_char)

    def restricted_group(self, head) -> Ref | None:
        """A group a quantifier stands for with what restricts it ("some in the Muslim community", "all
        those involved", "many of the residents"), named with those words (eight at most); None for a
        quantifier alone ("some say")."""
        doc = self.doc
        if not any(k.i > head.i and k.dep_ in ("prep", "acl", "relcl", "amod") for k in head.children):
            return None
        lo, hi = head.left_edge.i, head.right_edge.i + 1
        if hi - lo > 8 or any(t.is_punct or t.is_space for t in doc[lo:hi]):
            return None
        span = doc[lo:hi]
        aid = C.slug(span.text)
        if aid not in self.actors:
            a = self._add(aid, span.text, "group", head.i)
            a.head = head.lower_
        return Ref(aid, span.start_char, span.end_char)

    def _last_mention(self, aid: str, before: int) -> int:
        """The last token before ``before`` that mentions the actor, or -1."""
        best = -1
        for i, (s, e, a) in self._tok.items():
            if a == aid and i < before and i > best:
                best = i
        return best

    def used(self, quotes, positions) -> list[Actor]:
        """The actors the brief shows: the quotes' speakers, the positions' actors and whom they
        are affiliated with."""
        ids: list[str] = []
        for q in quotes:
            if q.speaker and q.speaker not in ids:
                ids.append(q.speaker)
        for p in positions:
            if p.actor and p.actor not in ids:
                ids.append(p.actor)
        k = 0
        while k < len(ids):
            a = self.actors.get(ids[k])
            if a is not None and a.affiliation and a.affiliation not in ids:
                ids.append(a.affiliation)
            k += 1
        return [self.actors[i].model() for i in ids if i in self.actors]



def _titled_name(phrase, head):
    """The name in a phrase that is a title, then a name the recognizer missed ("Premier Ana Ruiz"): the
    capitalised proper nouns after the last title word, ending at the head; None otherwise."""
    if head.pos_ != "PROPN" or not head.is_title or head.i != phrase.end - 1:
        return None
    titles = [t.i for t in phrase if t.i < head.i and t.lemma_.lower() in TITLE_NOUNS and t.is_title]
    if not titles:
        return None
    name = phrase.doc[titles[-1] + 1:head.i + 1]
    if len(name) < 2 or not all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in name):
        return None
    return name


def _header_word(head) -> bool:
    """A head that makes no actor: a superlative before a colon ("The Latest: Trump urges ...", a
    column's header; not "most are planning to ...") or a common noun in capitals ("THE BORROWING",
    a section's header)."""
    doc = head.doc
    if head.tag_ == "JJS":
        return head.i + 1 < len(doc) and doc[head.i + 1].text == ":"
    return head.tag_ in ("NN", "NNS") and head.text.isupper() and len(head.text) > 1


# words of a description's "of"/"for" phrase that a name keeps at most ("Daughter of Aung San", not what follows)
_DESC_PHRASE_MAX = 6


def _name_end(prep) -> int:
    """Where a description's name ends in its "of"/"for"/"at"/"with" phrase ("a spokesman for the
    Russian Foreign Ministry"): before a comma, a bracket, a dash or a clause on the phrase ("the
    daughter of Aung San, the Burmese leader who ..." is "daughter of Aung San"), and a few words in."""
    doc = prep.doc
    end = min(prep.right_edge.i + 1, prep.i + 1 + _DESC_PHRASE_MAX)
    for i in range(prep.i + 1, end):
        t = doc[i]
        if t.text in (",", "(", "—", "–", ";", ":") or t.dep_ in ("relcl", "appos") or t.tag_ in ("WDT", "WP"):
            return i
    return end


def _spelled(toks) -> str:
    """A name as the article spells it: "Holtz-Eakin", "Urban-Brookings", not
    "Holtz - Eakin"; tokens that are not side by side (an honorific left out) are
    joined by a space, and any run of spaces becomes one (a line break or a
    no-break space too); brackets ("Major [Humayun] Khan") and soft hyphens are left out."""
    toks = [t for t in toks if not t.is_bracket]
    if not toks:
        return ""
    out = []
    for a, b in itertools.pairwise(toks):
        out.append(a.text + ((" " if a.whitespace_ else "") if b.i == a.i + 1 else " "))
    out.append(toks[-1].text)
    return _plain("".join(out))


def _capital(name: str) -> str:
    """A name with a capital first letter, as the brief shows it in a heading or after a dash:
    an actor named by a description ("source", "defence ministry", "resident of El Fasher") gets
    one; a name with a capital inside its first word is left as written ("eBay")."""
    first = name.split(" ", 1)[0]
    if name[:1].islower() and not any(c.isupper() for c in first):
        return name[0].upper() + name[1:]
    return name


def _plain(name: str) -> str:
    """A name on one line: runs of white space (line breaks, no-break spaces) as one space,
    no soft hyphens, no dash or bullet glued to its front ("-Craig Fehrman" in a list)."""
    name = re.sub(r"\s+", " ", name.replace("\xad", "")).strip()
    return re.sub(r"^[-–—•*·]+(?=\w)", "", name)

def _quote_tokens(doc, marks) -> set[int]:
    """The tokens inside the quotation marks."""
    out: set[int] = set()
    if not marks:
        return out
    for m in marks:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _clean_ent(ent):
    """The name inside an entity: without "the", a possessive, punctuation or white space at
    its ends, nor a word at its ends that is not part of a name (``_not_name_word``; at the
    front only for a person: "Keep the Promise PAC" is an organization's whole name)."""
    s, e = ent.start, ent.end
    doc = ent.doc
    person = ent.label_ == "PERSON"
    while e > s:
        first, last = doc[s], doc[e - 1]
        if first.lower_ == "the" or first.is_space or first.is_punct and first.text not in ("@", "#") or (
                person and e - s > 1 and _not_name_word(first, s, e)):
            s += 1
        elif last.text in ("'s", "’s", "'", "’") or last.is_punct or last.is_space or (
                ent.label_ in ("PERSON", "ORG") and e - s > 1 and _not_name_word(last, s, e)):
            e -= 1
        else:
            break
    return s, e


# Tags of closed-class words, no part of a name unless the parse makes them a modifier of it.
_CLOSED_TAGS = {"MD", "CC", "DT", "IN", "WRB", "WDT", "WP", "PRP", "PRP$", "UH", "TO"}


def _not_name_word(t, s: int, e: int) -> bool:
    """A word at an end of a name entity that is not part of the name, as the parse has it (not
    attached to the name as a compound): a conjunction, a determiner, a modal ("Neither Cruz nor
    ...", "Will Sanders come down?"), an English verb or adverb ("Said Comey,", a headline's "Obama
    Says ..."; not "Bill O'Reilly" tagged an adverb); or, in front of the name, a capitalised -ing
    or -ed form of an English verb ("Injecting Clinton's troubles", "Crooked Hillary Clinton")."""
    if t.dep_ != "compound":
        if t.tag_ in _CLOSED_TAGS:
            return True
        index = _word_index()
        if index and (t.tag_.startswith("VB") and t.lemma_.lower() in index["verb"]
                      or t.tag_ == "RB" and t.lower_ in index["adv"]):
            return True
    return t.i == s and t.i + 1 < e and t.is_title and _participle(t.lower_)


def _participle(word: str) -> bool:
    """An -ing or -ed form of a verb of four letters or more (or an -ed adjective) in the English
    word lists of the parser's lemmatizer: "injecting", "telling", "crooked"; not "Sterling", "Jared"."""
    index = _word_index()
    if not index:
        return False
    if word.endswith("ing"):
        stem = word[:-3]
        cands = (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else "")
    elif word.endswith("ed"):
        if word in index["adj"]:
            return True
        stem = word[:-2]
        cands = (stem, word[:-1], stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else "")
    else:
        return False
    return any(len(c) >= 4 and c in index["verb"] for c in cands)


_INDEX: list = []


def _word_index() -> dict | None:
    """The English base forms the lemmatizer knows (WordNet's), by part of speech ("noun", "verb",
    "adj", "adv"), or None for a pipeline without them."""
    if not _INDEX:
        try:
            table = nlp.pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_index")
            _INDEX.append({pos: set(table[pos]) for pos in ("noun", "verb", "adj", "adv")})
        except Exception:  # no such tables: no word is known
            _INDEX.append(None)
    return _INDEX[0]


def _english_word(t) -> bool:
    """A word that is an English noun, verb, adjective or adverb when written in lower case."""
    index = _word_index()
    low = t.lower_.rstrip(".")
    return bool(index) and any(low in words for words in index.values())


def _headline_entity(doc, s: int, e: int) -> bool:
    """A title-case headline the recognizer took for a name ("Obama Power Plant Rules
    Face Key Test In U.S. Court"): four words or more in a line whose words are nearly
    all capitalized."""
    return e - s >= 4 and _title_case_line(doc, s)


def _capitals_line(doc, i: int) -> bool:
    """The token's line is written in capitals (a header): no lower-case letter in it."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, doc[i].idx) + 1
    line_end = text.find("\n", doc[i].idx)
    line = text[line_start:len(text) if line_end == -1 else line_end]
    return not any(c.islower() for c in line)


def _title_case_line(doc, i: int) -> bool:
    """The token is in a title-case line (a headline): five words of four letters or more,
    nearly all capitalized."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, doc[i].idx) + 1
    line_end = text.find("\n", doc[i].idx)
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text[line_start:len(text) if line_end == -1 else line_end])
             if len(w) > 3]
    return len(words) >= 5 and sum(1 for w in words if w[0].isupper()) >= 0.8 * len(words)


# Nouns that end the name of a natural feature ("the Irish Sea", "the Taiwan Strait").
_FEATURE_NOUNS = lexicon.words("actors/feature_nouns")


def _place_tokens(doc) -> set[int]:
    """The words of a natural feature's name: capitalized words right before a capitalized feature
    noun ("the Irish Sea", "the South China Sea", "the Taiwan Strait"), which name a place, not
    the country or nationality they hold (not in a title-case headline, whose capitals say nothing)."""
    out: set[int] = set()
    for t in doc:
        if t.lower_ not in _FEATURE_NOUNS or not t.is_title or t.i == 0 or _title_case_line(doc, t.i):
            continue
        j = t.i - 1
        while j >= 0 and doc[j].is_title and doc[j].whitespace_ and doc[j].pos_ in ("PROPN", "ADJ", "NOUN"):
            j -= 1
        if j < t.i - 1:
            out.update(range(j + 1, t.i + 1))
    return out


# Lower-case particles inside a person's name ("Ursula von der Leyen", "Rafael van der Vaart").
_PARTICLES = lexicon.words("actors/name_particles")


def _with_particles(doc) -> list:
    """The named entities, a person's name going on over lower-case particles and the capitalized
    word after them that the recognizer cut off or tagged apart ("Ursula von der" + "Leyen")."""
    from spacy.tokens import Span  # spaCy loads with the pipeline, never when briefdoc is imported

    out = []
    skip_to = 0
    for ent in doc.ents:
        if ent.start < skip_to:
            continue
        end = ent.end
        if ent.label_ == "PERSON":
            j = end
            while j > ent.start + 1 and doc[j - 1].text in _PARTICLES:
                j -= 1  # particles inside the entity at its end
            k = j
            while k < len(doc) and (doc[k].text in _PARTICLES or k < end):
                k += 1
            if k > j and k < len(doc) and doc[k - 1].text in _PARTICLES and doc[k].is_title and doc[k].pos_ == "PROPN":
                end = k + 1
                while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].is_title:
                    end += 1
                skip_to = end
        out.append(Span(doc, ent.start, end, label=ent.label_) if end != ent.end else ent)
    return out


def _glued_name(doc, s: int, e: int, *tables) -> int:
    """The end of a name that goes on, glued by a hyphen, past the entity the recognizer found
    ("Guinea" of "Guinea-Bissau", "Timor" of "Timor-Leste"): the longest run of words with no space
    between them that is a name in one of the tables; else the entity's own end."""
    best = e
    j = e
    while j < len(doc) and j - e < 4 and not doc[j - 1].whitespace_ and not doc[j].is_space:
        j += 1
        if any(doc[s:j].text.lower() in t for t in tables):
            best = j
    return best


def find(doc) -> Cast:
    """The actors of a document and where they are mentioned: nationality words, the names the
    recognizer found, then countries, capitals, abbreviations and surnames it did not tag; then
    titles, the subjects in text order, and whose a title's "its" is."""
    cast = Cast(doc)
    names, capitals, adjectives, _ = C.tables()
    places = _place_tokens(doc)
    _nationality_words(cast, adjectives, places)
    pending = _cut_before_names(cast, _name_entities(cast, places, names, capitals, adjectives))
    people = _People(cast, [(s, e) for s, e, label in pending if label == "PERSON" and e - s >= 2])
    pending, abbrev = _acronyms(doc, pending, _abbreviations(doc, pending))
    _mention_names(cast, pending, people, abbrev)
    _bodies_named_as_people(cast)
    _untagged_places(cast, places, names, capitals)
    _untagged_abbreviations(cast, abbrev)
    _untagged_bodies(cast)
    _untagged_surnames(cast, people)
    _named_in_apposition_to_kin(cast)
    _titles(cast)
    _title_initials(cast)
    _salience(cast)
    _title_owners(cast)
    return cast


_TITLE_INITIALS = lexicon.table("actors/title_initials")  # "pm" -> "prime minister"


def _title_initials(cast: Cast) -> None:
    """Initials that stand for a title ("the PM said", "the IG report") mention the one person the text
    names with that title ("Prime Minister Justin Trudeau"), not an organization of those letters."""
    holders: dict[str, set[str]] = {}
    for aid, a in cast.actors.items():
        if a.kind == "person" and a.head is None and a.title:
            title = a.title.lower().replace("-", " ")
            for initials, expansion in _TITLE_INITIALS.items():
                if re.search(r"\b" + re.escape(expansion) + r"\b", title):
                    holders.setdefault(initials, set()).add(aid)
    if not holders:
        return
    for t in cast.doc:
        low = t.lower_
        if t.is_upper and low in holders and len(holders[low]) == 1:
            if t.i + 1 < len(cast.doc) and cast.doc[t.i + 1].is_title and cast.doc[t.i + 1].pos_ == "PROPN":
                continue  # "Aurelian CEO Louise Bergeron": a title before a name, not a mention of its holder
            hit = cast._tok.get(t.i)
            if hit is None or hit[1] - hit[0] == 1 and cast.actors[hit[2]].kind != "person":
                cast._mention(t.i, t.i + 1, next(iter(holders[low])))


# nouns for an organization ("the company said"); written right before a name, they say the name is that
# body's ("company Zenith Optimedia")
ORGANIZATION_NOUNS = lexicon.words("quotes/organization_nouns")


def _bodies_named_as_people(cast: Cast) -> None:
    """Names the recognizer took for people that a noun for a body introduces ("media buying company
    Zenith Optimedia", "the charity Mary's Meals"): organizations."""
    doc = cast.doc
    for aid, a in cast.actors.items():
        if a.kind != "person" or a.head is not None or a.title:
            continue
        s = a.first
        if s > 0 and doc[s - 1].lemma_.lower() in ORGANIZATION_NOUNS and doc[s - 1].is_lower and doc[s - 1].pos_ == "NOUN":
            a.kind = "organization"
        elif s > 0 and doc[s - 1].text == "," and _set_off_after_body(doc, s):
            a.kind = "organization"  # "The union representing the workers, Unifor, said"


def _set_off_after_body(doc, s: int) -> bool:
    """The name at ``s``, set off by commas, renames a noun for a body before it: its apposition, or a second
    subject of the same verb as the parse may make it ("The union ..., Unifor, said")."""
    name = doc[s]
    while name.head.i != name.i and s <= name.head.i < s + 4 and name.dep_ in ("compound", "flat"):
        name = name.head
    if name.dep_ == "appos":
        before = name.head
    elif name.dep_ == "nsubj":
        before = next((k for k in name.head.children if k.dep_ == "nsubj" and k.i < s), None)
    else:
        return False
    return before is not None and before.i < s and before.pos_ == "NOUN" and before.lemma_.lower() in ORGANIZATION_NOUNS


def _nationality_words(cast: Cast, adjectives: dict[str, str], places: set[int]) -> None:
    """Nationality adjectives anywhere (spaCy tags them NORP, PERSON or nothing), of two words too
    ("South Korean", "Northern Irish"); not a word of a place's name ("the Irish Sea")."""
    doc = cast.doc
    for t in doc:
        if t.text[:1].isupper() and t.pos_ in ("ADJ", "PROPN", "NOUN") and t.i not in places:
            two = t.i > 0 and doc[t.i - 1].text[:1].isupper() and doc[t.i - 1].whitespace_ and adjectives.get(
                doc[t.i - 1].lower_ + " " + t.lower_)
            code = two or adjectives.get(t.lower_)
            if code and not (t.ent_type_ == "PERSON" and t.ent_iob_ != "B" and t.i > 0 and doc[t.i - 1].ent_type_ == "PERSON"):
                cast._nationality[t.i] = cast.country(code, t.i)
                if two:
                    cast._nationality[t.i - 1] = cast._nationality[t.i]


def _name_entities(cast: Cast, places: set[int], names: dict[str, str], capitals: dict[str, str],
                   adjectives: dict[str, str]) -> list[tuple[int, int, str]]:
    """The recognizer's name entities, cleaned (``_clean_ent``), that are not countries, capitals or
    nationalities (those are mentioned now), places or headlines: (start, end, label) to mention
    once the people's full names are known. Words cut from an entity's ends go in ``cast._cut``."""
    doc = cast.doc
    pending: list[tuple[int, int, str]] = []
    glued = 0  # the end of the last name extended past its entity
    for ent in _with_particles(doc):
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP", "LOC"):
            continue
        s, e = _clean_ent(ent)
        if s < glued:
            continue
        if s >= e or _headline_entity(doc, s, e) or all(i in places for i in range(s, e)):
            continue
        if _glued_name(doc, s, e, names, capitals) > e:
            e = glued = _glued_name(doc, s, e, names, capitals)
        if ent.label_ == "GPE" and _body_of_country(doc, s, e, names):
            pending.append((s - 1, e, "ORG"))  # "Environment Canada", "Team Canada": a body, not the country
            continue
        if _country_entity(cast, ent, s, e, names, capitals, adjectives) or ent.label_ == "NORP" \
                or _place_entity(doc, ent, s, e):
            continue
        cast._cut.update(t.i for t in (*doc[ent.start:s], *doc[e:ent.end])
                         if not (t.is_punct or t.is_space or t.lower_ == "the" or t.text in ("'s", "’s")))
        if ent.label_ == "ORG" and _name_after_inner_title(doc, s, e) is not None:
            s = _name_after_inner_title(doc, s, e)  # "Gatineau Mayor Maxime Pedneaud-Jobin": the person, titled
            pending.append((s, e, "PERSON"))
            continue
        label = "PERSON" if ent.label_ == "ORG" and (_titled(doc, s, e) or _given_name_described(doc, s, e)
                                                     or _described_by_who(doc, s, e)
                                                     or _given_an_age(doc, s, e)) else ent.label_
        if label == "PERSON" and e - s >= 2 and doc[e - 1].is_title and doc[e - 1].lower_.rstrip(".") in _COMPANY_WORDS:
            label = "ORG"  # "Studiocomix Press", "Acme Holdings": no person's name ends so
        if label == "PERSON" and any(c.isdigit() for c in doc[s:e].text):
            label = "ORG" if doc[s].is_title else label  # "Bill C-74", "Proposition 22": no person's name has a digit
        pending.append((s, e, label))
    untagged = _untagged_titled_names(doc, places) + _given_name_people(doc, pending, places)
    untagged += _surname_speakers(doc, pending, places, {i for s, e, _ in untagged for i in range(s, e)})
    if not untagged:
        return pending
    taken = {i for s, e, _ in untagged for i in range(s, e)}
    return sorted([p for p in pending if not any(i in taken for i in range(p[0], p[1]))] + untagged)


_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC")


def _given_name_people(doc, pending: list[tuple[int, int, str]], places: set[int]) -> list[tuple[int, int, str]]:
    """People's names the recognizer missed or took for something else ("Sandra Oh" tagged an
    organization "Sandra", "Oh" an interjection): a given name that is all but always a person's
    (``_GIVEN_NAMES``) followed by one or two capitalised words that are no dictionary noun of places or
    bodies ("Street", "Foundation"), outside any longer name entity the recognizer gave."""
    person = {i for s, e, label in pending if label == "PERSON" and e - s > 1 for i in range(s, e)}
    other = {i: e - s for s, e, label in pending if label != "PERSON" or e - s == 1 for i in range(s, e)}
    found = []
    i = 0
    while i < len(doc) - 1:
        t = doc[i]
        if t.lower_ not in _GIVEN_NAMES or not t.is_title or t.pos_ != "PROPN" or i in person or other.get(i, 1) > 1 \
                or i in places or i > 0 and doc[i - 1].is_title and doc[i - 1].pos_ == "PROPN":
            i += 1
            continue
        e = i + 1
        while e < min(len(doc), i + 3) and _surname_word(doc[e]) and e not in person and other.get(e, 1) == 1 \
                and e not in places:
            e += 1
        if e > i + 1 and not (e < len(doc) and doc[e].is_title and doc[e].pos_ == "PROPN"):
            found.append((i, e, "PERSON"))
        i = e
    return found


def _given_name_described(doc, s: int, e: int) -> bool:
    """A given name alone that an apposition describes as a person ("Maria, a nurse who asked that her last
    name not be used, said"): a person, whatever the recognizer called it."""
    if e - s != 1 or doc[s].lower_ not in _GIVEN_NAMES:
        return False
    return any(k.dep_ == "appos" and k.pos_ == "NOUN" and k.lemma_.lower() in PEOPLE_NOUNS | TITLE_NOUNS
               for k in doc[s].children)


def _described_by_who(doc, s: int, e: int) -> bool:
    """A name of two or three capitalised words set off before a relative "who" ("Tomasz Wielgosz, who
    manages a coffee shop, said"): a person's, whatever the recognizer called it. Not a plural name ("The
    Toronto Raptors, who ..."), one after "the", or one ending in a noun for a body or a place ("Acme
    Holdings", "Grace Hospital")."""
    if not 2 <= e - s <= 3 or e + 1 >= len(doc) or doc[e].text != "," or doc[e + 1].lower_ != "who":
        return False
    span = doc[s:e]
    if s > 0 and doc[s - 1].lower_ == "the" or not all(t.is_title and t.is_alpha and t.tag_ == "NNP" for t in span):
        return False
    if _body_or_place_word(span[-1].lower_):
        return False
    who = doc[e + 1]
    verb = who.head
    if not (who.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "relcl" and s <= verb.head.i < e):
        return False
    # one person: "who has", "who was", not a plural's "who have argued" ("Democrats on Capitol Hill, who ...")
    return not any(t.tag_ == "VBP" or t.lower_ in ("are", "were") for t in (verb, *verb.children) if t.i > who.i)


def _given_an_age(doc, s: int, e: int) -> bool:
    """A name of two or three capitalised words with an age set off after it ("Olena Kravchuk, 73, rolls out
    dough"): a person's, whatever the recognizer called it; not one ending in a noun for a body."""
    if not 2 <= e - s <= 3 or e + 2 >= len(doc) or doc[e].text != "," or doc[e + 2].text != ",":
        return False
    age = doc[e + 1]
    if not (age.text.isdigit() and 0 < int(age.text) < 120):
        return False
    return all(t.is_title and t.is_alpha and t.pos_ == "PROPN" for t in doc[s:e]) and not _body_or_place_word(
        doc[e - 1].lower_)


def _body_or_place_word(low: str) -> bool:
    """A word (lower case) that ends a body's or a place's name, no person's ("Holdings", "Hospital", "Street")."""
    return low in _COMPANY_WORDS or low in ORGANIZATION_NOUNS or low in BODY_NOUNS or low in PLACE_NOUNS


def _surname_speakers(doc, pending: list[tuple[int, int, str]], places: set[int], taken: set[int]) -> list[tuple[int, int, str]]:
    """People's names the recognizer split or mistook ("Chrystia" a place, "Freeland" an organization): two
    or three capitalised words whose last the text later uses alone as the subject of a verb of saying
    ("Chrystia Freeland met ... Freeland said") or as the owner of a relative ("Kravchuk's granddaughter"),
    as news refers to a person, not to a body or a place.
    Not a title ("Premier Ford"), a country's or nationality's name, or a name already tagged a person."""
    person = {i for s, e, label in pending if label == "PERSON" and e - s > 1 for i in range(s, e)}
    longer = [(s, e) for s, e, label in pending if e - s > 1]  # names of several words as tagged
    said = {}
    for t in doc:
        if (t.dep_ == "nsubj" and t.head.lemma_.lower() in _SAYING
            or t.dep_ == "poss" and t.head.lemma_.lower() in KIN_NOUNS) and t.is_title and t.pos_ == "PROPN" \
                and not (t.i > 0 and doc[t.i - 1].is_title and doc[t.i - 1].pos_ == "PROPN") \
                and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN"):
            said.setdefault(t.lower_, t.i)
    if not said:
        return []
    found = []
    i = 0
    while i < len(doc) - 1:
        for n in (2, 3):
            span = doc[i:i + n]
            if len(span) < n or i > 0 and doc[i - 1].is_title and doc[i - 1].pos_ == "PROPN" or \
                    i + n < len(doc) and doc[i + n].is_title and doc[i + n].pos_ == "PROPN":
                continue
            last = span[-1]
            if said.get(last.lower_, -1) <= last.i:
                continue
            if not all(t.is_title and t.is_alpha and t.pos_ == "PROPN" and t.i not in places and t.i not in taken
                       and t.i not in person and t.ent_type_ not in ("DATE", "TIME") for t in span):
                continue
            if any(s < i + n and i < e and (s, e) != (i, i + 2) for s, e in longer):
                continue  # within or across a longer name ("Washington Post Trump"); a pair tagged so is relabelled
            if (i, i + n, "ORG") in pending and span[-1].tag_ == "NNPS":
                continue  # a team's name, tagged a body and ending in a plural ("the Kitchener Rangers ... Rangers said")
            first = span[0].lower_
            if first in HONORIFICS or first in TITLE_NOUNS or any(C.country_of_name(t.text) or t.ent_type_ == "NORP"
                                                                  for t in span):
                continue
            if not all(_surname_word(t) or t.i == span[0].i for t in span):
                continue
            found.append((i, i + n, "PERSON"))
            i += n - 1
            break
        i += 1
    return found


def _surname_word(t) -> bool:
    """A word that can be a surname after a given name: capitalised letters, not a noun of places or
    bodies, not an honorific."""
    low = t.lower_
    return (t.is_title and t.is_alpha and (t.pos_ in ("PROPN", "INTJ", "NOUN", "ADJ") or _modal_surname(t))
            and low not in PLACE_NOUNS
            and low not in _INSTITUTION_NOUNS and low not in BODY_NOUNS and low not in HONORIFICS
            and low not in _FEATURE_NOUNS and not t.is_sent_start)


def _untagged_titled_names(doc, places: set[int]) -> list[tuple[int, int, str]]:
    """People's names the recognizer missed that a title in apposition right after them shows for names
    ("Jane Roe, Minister of Health, said"): two or three capitalised proper nouns outside any entity,
    at the start of their clause's subject, with a title noun in apposition."""
    from spacy.attrs import DEP  # here, not at import: importing the extractors loads no spaCy (as nlp)

    found = []
    deps = doc.to_array(DEP)
    for i in (deps == doc.vocab.strings["appos"]).nonzero()[0]:  # the appositions alone, not every token
        t = doc[int(i)]
        if t.lemma_.lower() not in TITLE_NOUNS or t.i < 3 or doc[t.i - 1].text != ",":
            continue
        h = t.head
        if h.i != t.i - 2 or h.pos_ != "PROPN" or not h.is_title or h.ent_type_ in _NAME_LABELS or h.i in places:
            continue
        s = h.i
        while s > h.i - 2 and doc[s - 1].dep_ == "compound" and doc[s - 1].head.i == h.i and doc[s - 1].pos_ == "PROPN" \
                and doc[s - 1].is_title and doc[s - 1].ent_type_ not in _NAME_LABELS and doc[s - 1].lower_ not in HONORIFICS:
            s -= 1
        if s < h.i and h.dep_ in ("nsubj", "nsubjpass"):
            found.append((s, h.i + 1, "PERSON"))
    return found


def _body_of_country(doc, s: int, e: int, names: dict[str, str]) -> bool:
    """A country's name right after a capitalised common noun the recognizer left out ("Environment
    Canada has issued a warning", "Team Canada"): the name of a body (a department, a team), not the
    country."""
    if s == 0 or names.get(doc[s:e].text.lower()) is None:
        return False
    before = doc[s - 1]
    index = _word_index()
    noun = before.pos_ == "NOUN" or before.pos_ == "PROPN" and index is not None and before.lower_ in index["noun"]
    return (noun and before.is_title and before.is_alpha and not before.ent_type_ and before.lower_ not in _FEATURE_NOUNS
            and before.lower_ not in _REGION_WORDS and not (s >= 2 and doc[s - 2].is_title and doc[s - 2].pos_ == "PROPN"))


# words that make a region of a country's name, not a body ("North America", "Mainland China")
_REGION_WORDS = lexicon.words("actors/region_words")


def _country_entity(cast: Cast, ent, s: int, e: int, names: dict[str, str], capitals: dict[str, str],
                    adjectives: dict[str, str]) -> bool:
    """An entity (its words s to e) that is a nationality, a country ("Georgia" the U.S. state
    too), or a capital (a seat of an international body, "Brussels", maybe): mentioned as such
    here, True; else False."""
    doc = cast.doc
    text = doc[s:e].text
    low = text.lower()
    if low in adjectives and e - s <= 2:
        return True
    code = names.get(low) if not (C.is_ambiguous(text) and ent.label_ == "PERSON") else None
    if code and _us_state(doc, s, e):
        cast._add(C.slug(text) + "-us-state", text, "group", s)
        cast._mention(s, e, C.slug(text) + "-us-state")
        return True
    if code is None and low.startswith("the "):
        code = names.get(low[4:])
    if code:
        cast._mention(s, e, cast.country(code, s))
        for i in range(s, e):
            cast._nationality[i] = cast._tok[i][2]
        return True
    code = capitals.get(low)
    if code and ent.label_ != "PERSON" or code and e - s == 1:
        aid = _seat(cast, s, e, code) or cast.country(code, s)
        cast._mention(s, e, aid)
        return True
    return False


def _place_entity(doc, ent, s: int, e: int) -> bool:
    """An entity that names a place: it ends in a place noun ("the Lachin Corridor"; a person's
    name only after "the"), or is a person's name written before one ("the Mandela bridge")."""
    last = doc[e - 1]
    the_before = ent.start > 0 and doc[ent.start - 1].lower_ == "the" or doc[ent.start].lower_ == "the"
    root = doc[s:e].root
    return (last.lower_ in PLACE_NOUNS and (ent.label_ != "PERSON" or the_before)) or (
        ent.label_ == "PERSON" and root.dep_ == "compound" and root.head.i >= e and root.head.pos_ == "NOUN"
        and root.head.lower_ in PLACE_NOUNS)


class _People:
    """The people named in full (two words or more), made actors first so that "Lavrov" (tagged
    ORG or GPE too) links to "Sergey Lavrov"; and whom a surname alone stands for: the person of
    that surname whom the article names in full first ("Hillary Clinton ... Bill Clinton ...
    Clinton said": Hillary Clinton; not in a headline, whose capitals make no name, nor as a
    modifier: "Former Bill Clinton pollster"), unless one of them is named in full just before it."""

    def __init__(self, cast: Cast, persons: list[tuple[int, int]]):
        self.doc = cast.doc
        self.surname: dict[str, str] = {}  # surname -> id
        self.fullnames: dict[str, str] = {}  # lowercased full name -> id
        self.full_at: list[tuple[int, str, str]] = []  # (token, surname, id) of the full names
        by_last: dict[str, list[str]] = {}
        earliest: dict[str, int] = {}
        for s, e in sorted(persons, key=lambda se: -(se[1] - se[0])):
            self._add(cast, s, e, by_last, earliest)
        for last, ids in by_last.items():
            self.surname[last] = min(ids, key=lambda a: earliest.get(a, len(self.doc)))
        self.full_at.sort()

    def _add(self, cast: Cast, s: int, e: int, by_last: dict[str, list[str]], earliest: dict[str, int]) -> None:
        """A person named in full at tokens s to e (the longest names come first): a new actor, or
        the one of the same first name and surname; "De Blasio" after (or before) "Bill de Blasio"
        is the same person."""
        doc = self.doc
        short = _spelled([t for t in doc[s:e] if t.lower_ not in HONORIFICS]).lower()
        longer = next((aid for n, aid in self.fullnames.items() if n.endswith(" " + short)), None)
        if longer:
            self.surname.setdefault(doc[e - 1].text, longer)
            return
        toks = [t for t in doc[s:e] if t.lower_ not in HONORIFICS]
        if not toks:
            return
        name = _spelled(toks)
        last = toks[-1].text
        aid = next((a for a in by_last.get(last, ()) if cast.actors[a].name.split()[0] == toks[0].text), None)
        if aid is None:
            aid = C.slug(name)
            if aid in cast.actors and cast.actors[aid].kind != "person":
                aid = aid + "-person"
            by_last.setdefault(last, []).append(aid)
            cast._add(aid, name, "person", s)
        root = doc[s:e].root
        if not (_title_case_line(doc, s) or root.dep_ == "compound" and root.head.i >= e):
            earliest[aid] = min(s, earliest.get(aid, s))
        self.full_at.append((s, last, aid))
        hyphenated = _hyphenated_surname(toks)
        if hyphenated and aid not in by_last.get(hyphenated, ()):
            # "Tasha Kravchuk-Lee ... Kravchuk-Lee says": the surname is both words
            by_last.setdefault(hyphenated, []).append(aid)
            self.full_at.append((s, hyphenated, aid))
        self.fullnames.setdefault(name.lower(), aid)

    def full(self, low: str) -> str | None:
        """The person of a lowercased full name, or whose full name ends in it."""
        return self.fullnames.get(low) or next((a for n, a in self.fullnames.items() if n.endswith(" " + low)), None)

    def owner(self, i: int, word: str) -> str:
        """Whom the surname ``word`` alone at token i stands for (``_surname_owner``)."""
        return _surname_owner(self.doc, i, [(j, a) for j, last, a in self.full_at if last == word], self.surname[word])


def _hyphenated_surname(toks) -> str | None:
    """The surname of two words joined by a hyphen that ends a full name ("Kravchuk-Lee"), else None."""
    if len(toks) < 4 or toks[-2].text != "-" or toks[-3].whitespace_ or toks[-2].whitespace_:
        return None
    return toks[-3].text + "-" + toks[-1].text


def _mention_names(cast: Cast, pending: list[tuple[int, int, str]], people: _People, abbrev: dict[str, str]) -> None:
    """The mentions of the pending name entities: the people named in full, surnames, and the
    actors the other names make."""
    doc = cast.doc
    owned: dict[str, str] = {}  # lowercased name of a country's institution -> its id ("security council")
    for s, e, label in pending:
        toks = [t for t in doc[s:e] if t.lower_ not in HONORIFICS]
        if not toks:
            continue
        text = _spelled(toks)
        if label == "PERSON" and e - s >= 2:
            cast._mention(s, e, _person_of(cast, people, s, toks, text))
            continue
        if len(toks) >= 2 and label in ("ORG", "GPE", "NORP", "LOC"):
            aid = people.full(text.lower())
            if aid:
                cast._mention(s, e, aid)
                continue
        if len(toks) == 1 and toks[0].text in people.surname:
            cast._mention(s, e, people.owner(s, toks[0].text))
            continue
        cast._mention(s, e, _name_actor(cast, s, e, label, toks, text, people, abbrev, owned))


def _person_of(cast: Cast, people: _People, s: int, toks, text: str) -> str:
    """The person a name of two words or more (``toks``, spelled ``text``) is: one named in full,
    else the person of its surname when the first names agree, else a new person."""
    aid = people.full(text.lower())
    if aid:
        return aid
    aid = people.surname.get(toks[-1].text)
    if aid and cast.actors[aid].name != text and cast.actors[aid].name.split()[0] != toks[0].text:
        aid = C.slug(text)
    aid = aid or C.slug(text)
    if aid not in cast.actors:
        cast._add(aid, text, "person", s)
    return aid


def _name_actor(cast: Cast, s: int, e: int, label: str, toks, text: str, people: _People, abbrev: dict[str, str],
                owned: dict[str, str]) -> str:
    """The actor of any other name entity, made on first use: a one-word person's name (a place
    when coordinated with countries), a country's institution, an organization (an abbreviation
    or an international body by its own name), else a group (regions, cities, unrecognized states)."""
    if label == "PERSON" and len(toks) == 1 and (_with_places(cast, toks[0]) or _region_after_town(cast.doc, s, e)):
        aid = C.slug(text)
        cast._add(aid, text, "group", s)
    elif label == "PERSON":
        aid = C.slug(text)
        cast._add(aid, text, "person", s)
        people.surname.setdefault(text, aid)
    elif label == "ORG" and (institution := _owned_institution(cast, s, e, owned)):
        aid = institution
    elif label == "ORG" or _body_name(text, abbrev):
        text = abbrev.get(text, text)
        text = C.body_of_name(text) or text
        aid = C.slug(text)
        if not (aid in cast.actors and cast.actors[aid].kind == "person"):
            cast._add(aid, text, "organization", s)
    else:  # GPE/LOC that are not countries: regions, cities, unrecognized states
        aid = C.slug(text)
        cast._add(aid, text, "group", s)
    return aid


def _untagged_places(cast: Cast, places: set[int], names: dict[str, str], capitals: dict[str, str]) -> None:
    """Countries and capitals spaCy did not tag: capitalized words, three at most, that are a
    country's name or a capital (not an ambiguous name: "Chad")."""
    doc = cast.doc
    i = 0
    while i < len(doc):
        t = doc[i]
        if i in cast._tok or i in places or not t.text[:1].isupper() or t.pos_ not in ("PROPN", "NOUN"):
            i += 1
            continue
        hit = None
        for n in (3, 2, 1):
            if i + n > len(doc) or any(j in cast._tok for j in range(i, i + n)):
                continue
            low = doc[i:i + n].text.lower()
            if C.is_ambiguous(doc[i:i + n].text):
                continue
            code = names.get(low) or capitals.get(low)
            if code:
                hit = (n, code)
                break
        if hit:
            n, code = hit
            seat = _seat(cast, i, i + n, code)
            if seat:
                cast._mention(i, i + n, seat)
                i += n
                continue
            cast._mention(i, i + n, cast.country(code, i))
            for j in range(i, i + n):
                cast._nationality[j] = cast._tok[j][2]
            i += n
        else:
            i += 1


def _untagged_abbreviations(cast: Cast, abbrev: dict[str, str]) -> None:
    """Abbreviations spaCy did not tag ("The Democratic Unionist Party (DUP) ... the DUP said")."""
    for t in cast.doc:
        if t.i not in cast._tok and t.text in abbrev:
            aid = C.slug(C.body_of_name(abbrev[t.text]) or abbrev[t.text])
            if aid in cast.actors:
                cast._mention(t.i, t.i + 1, aid)


def _untagged_bodies(cast: Cast) -> None:
    """International bodies by an abbreviation in capitals that spaCy did not tag ("WHO officials
    said"), not in a line in capitals."""
    doc = cast.doc
    for t in doc:
        if (t.i not in cast._tok and len(t.text) >= 2 and t.text.isupper() and C.body_of_name(t.text)
                and not _capitals_line(doc, t.i)):
            body = C.body_of_name(t.text)
            cast._mention(t.i, t.i + 1, cast._add(C.slug(body), body, "organization", t.i).id)


KIN_NOUNS = lexicon.words("quotes/kin_nouns")  # relatives ("his father", "Wise's dad")


def _named_in_apposition_to_kin(cast: Cast) -> None:
    """A given name alone set off after a noun for a relative or a person ("Wise's dad, Darrin, says",
    "Her husband, Bob, said") names a person, whatever the recognizer called it (a place, nothing)."""
    doc = cast.doc
    for k in doc:
        if not (k.pos_ == "PROPN" and k.is_title and k.is_alpha and k.i > 0 and doc[k.i - 1].text == ","):
            continue
        head = k.head
        if k.dep_ not in ("appos", "npadvmod") or head.i >= k.i or head.pos_ != "NOUN" or \
                head.lemma_.lower() not in KIN_NOUNS:
            continue
        if any(c.dep_ not in ("punct",) for c in k.children) or k.i + 1 < len(doc) and doc[k.i + 1].pos_ == "PROPN":
            continue  # a longer name: the recognizer's business
        hit = cast._tok.get(k.i)
        if hit is not None and cast.actors[hit[2]].kind == "person" or C.country_of_name(k.text):
            continue
        a = cast._add(C.slug(k.text), k.text, "person", k.i)
        if a.kind in ("group", "organization"):
            a.kind = "person"  # ("Darrin" tagged a place: made a group of)
        cast._mention(k.i, k.i + 1, a.id)


def _untagged_surnames(cast: Cast, people: _People) -> None:
    """Surnames spaCy did not tag, or tagged as something else ("Adler added", "Sargsian" taken for a
    nationality, "Blakely" for an adverb): the surname of a person named in full."""
    for t in cast.doc:
        if (t.i not in cast._tok and (t.pos_ == "PROPN" or t.pos_ == "NOUN" and t.text[:1].isupper()
                                      or t.pos_ in ("INTJ", "ADJ", "ADV", "VERB") and t.is_title
                                      and (not t.is_sent_start or t.dep_ in ("nsubj", "nsubjpass")
                                           or t.i + 2 < len(t.doc) and t.nbor().text == "," and t.nbor(2).lower_ == "who")
                                      or _modal_surname(t))
                and t.text in people.surname and t.ent_type_ in ("", "PERSON", "ORG", "GPE", "NORP")
                and t.i not in cast._nationality):
            cast._mention(t.i, t.i + 1, people.owner(t.i, t.text))
    doc = cast.doc
    for t in doc[:-2]:
        if t.is_title and t.nbor().text == "-" and not t.whitespace_ and not t.nbor().whitespace_ \
                and not any(i in cast._tok for i in range(t.i, t.i + 3)):
            word = doc[t.i:t.i + 3].text
            if word in people.surname:  # "Kravchuk-Lee says", whatever the recognizer called it
                cast._mention(t.i, t.i + 3, people.owner(t.i, word))


def _modal_surname(t) -> bool:
    """A surname the tagger read as a modal ("George Will ... Will wrote"): capitalised, before a verb in
    the past or the third person that no modal can come before, or inside a sentence."""
    return t.tag_ == "MD" and t.is_title and (t.head.tag_ in ("VBD", "VBZ", "VBN") or not t.is_sent_start)


def _main_subject(cast: Cast, i: int) -> str | None:
    """The actor, not a person, that is the subject of a main clause in the sentence of a
    possessive pronoun or the one before it ("The agency said in a report that Iran had ... Its
    director general": the agency, not Iran), the last before the pronoun."""
    doc = cast.doc
    sent = doc[i].sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else 0
    for j, aid, kind in reversed(cast._subjects):
        if j >= i:
            continue
        if j < first:
            break
        t = doc[j]
        if kind != "person" and t.head.dep_ == "ROOT" and not (doc[i].lower_ == "its" and t.tag_ in ("NNS", "NNPS")):
            return aid
    return None


def _title_owners(cast: Cast) -> None:
    """A title's possessive pronoun gives the person's affiliation ("The Democratic Unionist Party
    said ... Its leader, Jeffrey Donaldson, told"): the organization, country or group "its" or
    "their" stands for (once the subjects are known)."""
    for aid, i in cast._title_its.items():
        a = cast.actors[aid]
        owner = _main_subject(cast, i) or cast.pronoun(cast.doc[i])
        if not a.affiliation and owner and owner != aid and cast.actors[owner].kind != "person":
            a.affiliation = owner


# Titles that news writes in front of a name and the recognizer may take into it ("Gov Fallin").
_NAME_TITLES = lexicon.words("actors/name_titles")


def _titled(doc, s: int, e: int) -> bool:
    """A name the recognizer took for an organization that is a person's: two words or more,
    without "the", in apposition to a person's title or a singular noun for a person ("Moussa Faki
    Mahamat, the chairperson of the Commission, said", "the chairperson of the Commission, Moussa Faki
    Mahamat,", "opposition politician Nika Roe")."""
    if e - s < 2 or s > 0 and doc[s - 1].lower_ == "the":
        return False
    root = doc[s:e].root
    prev = doc[s - 1] if s > 0 else None
    if prev is not None and (prev.head.i == root.i and prev.dep_ == "compound" or root.dep_ == "appos"
                             and root.head.i == prev.i) and _person_word(prev) \
            and e - s <= 3 and all(t.pos_ == "PROPN" and t.is_title and t.is_alpha and t.lower_ not in _COMPANY_WORDS
                                   and t.lower_ not in ORGANIZATION_NOUNS for t in doc[s:e]):
        return True  # "Former Hewlett-Packard CEO Carly Fiorina", "opposition politician Nika Roe"
    near = [k for k in root.children if k.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    return any(n.tag_ == "NN" and (n.lemma_.lower() in TITLE_NOUNS or n.lemma_.lower() in PEOPLE_NOUNS)
               and n.lemma_.lower() not in _NOT_PERSON_TITLES and not (s <= n.i < e) for n in near)


def _name_after_inner_title(doc, s: int, e: int) -> int | None:
    """Where a person's name starts in a name the recognizer took whole for an organization, when a person's
    title stands inside it ("Gatineau Mayor Maxime Pedneaud-Jobin", "Bank of Canada Governor Stephen Poloz"):
    after the title, two or three capitalised words (a hyphenated one counts once) that are no noun for a
    body. None for a body's name ("Ministry of Health", "Minister of Finance's office")."""
    for k in range(s + 1, e - 2):
        t = doc[k]
        if not (t.is_title and t.pos_ in ("PROPN", "NOUN") and t.lemma_.lower() in TITLE_NOUNS and _person_word(t)
                and t.lower_ not in _COMPANY_WORDS):
            continue
        words, i = 0, k + 1
        while i < e:
            if doc[i].text == "-" and i + 1 < e and not doc[i].whitespace_ and not doc[i - 1].whitespace_:
                i += 2  # "Pedneaud-Jobin": one name
                continue
            w = doc[i]
            if not (w.is_title and w.is_alpha and w.pos_ == "PROPN" and not _body_or_place_word(w.lower_)
                    and not _person_word(w)):
                return None
            words += 1
            i += 1
        return k + 1 if 2 <= words <= 3 else None
    return None


def _person_word(t) -> bool:
    """A title or a noun for a person ("CEO", "politician"), not one that can head a body's description."""
    low = t.lemma_.lower()
    return (low in TITLE_NOUNS or low in PEOPLE_NOUNS) and low not in _NOT_PERSON_TITLES


# Title nouns that can head an organization's description ("the campaign", "the executive").
_NOT_PERSON_TITLES = lexicon.words("actors/not_person_titles")


def _seat(cast: Cast, s: int, e: int, code: str) -> str | None:
    """The international body a capital stands for when it is also the body's seat ("Brussels
    said", "Brussels and London agreed": the European Union), unless its sentence names the host
    country ("Belgium", "Belgian"), which makes it the country's capital; made on first use."""
    doc = cast.doc
    body = C.body_of_seat(doc[s:e].text)
    if body is None:
        return None
    sent = doc[s].sent
    for t in sent:
        if t.i not in range(s, e) and (C.country_of_name(t.text) == code or C.country_of_adjective(t.text) == code):
            return None
    return cast._add(C.slug(body), body, "organization", s).id


def _abbreviations(doc, pending: list) -> dict[str, str]:
    """Abbreviations an article gives in brackets after an organization's name ("the Democratic
    Unionist Party (DUP)", "the International Atomic Energy Agency (IAEA)"): abbreviation -> name.
    The abbreviation is in capitals and begins with the name's first letter."""
    out: dict[str, str] = {}
    for s, e, label in pending:
        if label not in ("ORG", "GPE", "NORP") or e + 2 >= len(doc) or doc[e].text != "(" or doc[e + 2].text != ")":
            continue
        ab = doc[e + 1].text
        name = _spelled(doc[s:e])
        if 2 <= len(ab) <= 8 and ab.isupper() and ab.isalpha() and ab[0] == name[:1] and " " in name:
            out.setdefault(ab, name)
    return out


def _acronyms(doc, pending: list, abbrev: dict[str, str]) -> tuple[list, dict[str, str]]:
    """Abbreviations an article uses without brackets for an organization it names in full ("the
    Society of Motor Manufacturers and Traders ... the SMMT said"): a word in capitals that spells the
    initials of a name's words in capitals. The recognizer sometimes ends such a name before its "and"
    ("the Society of Motor Manufacturers" and Traders); the name takes that "and" and the capitalised
    words after it when the abbreviation spells them too. ``pending`` (with the names so extended) and
    ``abbrev`` (with the abbreviations found) are returned."""
    capitals = {t.text for t in doc if 2 <= len(t.text) <= 8 and t.text.isalpha() and t.text.isupper()}
    capitals.difference_update(abbrev)
    if not capitals:
        return pending, abbrev
    named = {i for s, e, _ in pending for i in range(s, e)}
    out = []
    for s, e, label in pending:
        if label == "ORG" and e - s >= 2:
            longer = e
            while (longer + 1 < len(doc) and doc[longer].lower_ == "and" and doc[longer + 1].is_title
                   and longer + 1 not in named and not doc[longer + 1].is_sent_start):
                longer += 2
                while longer < len(doc) and doc[longer].is_title and longer not in named:
                    longer += 1
            for end in (longer, e) if longer > e else (e,):
                ab = _initials(doc[s:end])
                if ab in capitals:
                    e = end
                    abbrev.setdefault(ab, _spelled(doc[s:e]))
                    break
        out.append((s, e, label))
    return out, abbrev


def _initials(toks) -> str:
    """The initials of a name's words in capitals ("Society of Motor Manufacturers and Traders": SMMT)."""
    return "".join(t.text[0] for t in toks if t.text[:1].isupper() and t.is_alpha)


def _body_name(text: str, abbrev: dict[str, str]) -> bool:
    """A name the recognizer did not tag an organization that is one: an abbreviation given in
    brackets, or an international body ("EU" tagged a place)."""
    return text in abbrev or C.body_of_name(text) is not None


def _cut_before_names(cast: Cast, pending: list) -> list:
    """Person entities without the words in front of the name: a title ("Gov Fallin", "Rabbi Marvin
    Hier"), or English words before a full name that the article also writes on its own (the tail,
    two words or more, of another person entity, whose surname is also found alone): a nickname, a
    title or a headline's verb ("Crooked Hillary Clinton", "Filmmaker Jack Marino", "Rip Donald Trump"
    beside "Hillary Clinton" and "Clinton", ...; not "Marine Le Pen" beside "Le Pen")."""
    doc = cast.doc
    full = {n for n in (_spelled(doc[s:e]) for s, e, label in pending if label == "PERSON") if " " in n}
    single = {doc[s].text for s, e, label in pending if e - s == 1}
    out = []
    for s, e, label in pending:
        if label == "PERSON":
            if e - s >= 2 and doc[s].lower_.rstrip(".") in _NAME_TITLES and doc[s + 1].is_title:
                s += 1
            for k in range(s + 1, e - 1):
                first = doc[k]
                tail = _spelled(doc[k:e])
                if (first.is_title and len(first.text.rstrip(".")) > 1 and doc[k - 1].whitespace_ and " " in tail
                        and tail in full and doc[e - 1].text in single and all(_english_word(t) for t in doc[s:k])):
                    cast._cut.update(i for i in range(s, k) if doc[i].lower_.rstrip(".") not in _NAME_TITLES
                                     and doc[i].lower_ not in TITLE_NOUNS)
                    s = k
                    break
        out.append((s, e, label))
    return out


def _surname_owner(doc, i: int, full: list[tuple[int, str]], default: str) -> str:
    """Whom a surname alone at token i stands for, among the people of that surname named in full
    (token, id): the one named in full last, in the same sentence or the one before in the same
    paragraph ("Khizr Khan spoke. Khan said ..."), else the default (the first named in full)."""
    before = [(j, a) for j, a in full if j < i]
    if before:
        j, aid = before[-1]
        sent = doc[i].sent
        if (doc[j].sent.start >= (doc[sent.start - 1].sent.start if sent.start > 0 else 0)
                and "\n" not in text_of(doc)[doc[j].idx:doc[i].idx]):
            return aid
    return default


def _region_after_town(doc, s: int, e: int) -> bool:
    """A one-word "person" that is a region's abbreviation after a town ("Red Deer, Alta.", "Fresno,
    Calif."): a short capitalised word with its abbreviation's period, after a capitalised word and a comma."""
    t = doc[s]
    dotted = t.text.endswith(".") or e < len(doc) and doc[e].text == "." and not doc[e - 1].whitespace_
    return (e - s == 1 and s >= 2 and doc[s - 1].text == "," and doc[s - 2].is_title and dotted
            and 2 <= len(t.text.rstrip(".")) <= 5 and t.text[:1].isupper() and t.text.rstrip(".")[1:].islower())


def _with_places(cast: Cast, tok) -> bool:
    """A one-word "person" coordinated with countries or capitals is a place ("Yerevan and Stepanakert")."""
    near = [tok.head] if tok.dep_ == "conj" else []
    near += [k for k in tok.children if k.dep_ == "conj"]
    for n in near:
        r = cast.mention_at(n)
        if r is not None and cast.actors[r.id].kind == "country":
            return True
    return False


# Nouns that end an institution's name and stand for it after "the" ("the council", "the ministry").
_INSTITUTION_NOUNS = lexicon.words("actors/institution_nouns")
_COMPANY_WORDS = lexicon.words("actors/company_words") | _INSTITUTION_NOUNS
# Nouns for what a person has that can speak for them ("his office", "her campaign", "his team").
_OWNED_BODIES = lexicon.words("actors/owned_bodies")
# Title nouns that do not name someone who belongs to the possessor ("his counterpart", "her rival").
_NOT_OWNED = lexicon.words("actors/not_owned")


def _owned_noun(head) -> bool:
    """A noun for someone or something a person has that speaks for them: a title ("his spokesman",
    "her lawyer", "Ali's chief of staff"), a person ("his wife") or a body ("his office", "her campaign")."""
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or lemma in _NOT_OWNED and lemma not in _OWNED_BODIES:
        return False
    return lemma in TITLE_NOUNS or lemma in PEOPLE_NOUNS or lemma in _OWNED_BODIES


def _hyphen_front(tok):
    """The first word of a hyphenated compound that ends in this word ("Russian" of "Russian-installed",
    "U.S." of "U.S.-made", "Saudi" of "Saudi-led"), or None."""
    doc = tok.doc
    j = tok.i
    while j >= 2 and doc[j - 1].text in ("-", "–") and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_:
        j -= 2
    return doc[j] if j < tok.i else None


def _org_spelled_out(cast: Cast, phrase) -> str:
    """A described group's name with the abbreviation of an international body in it written out
    when the parse did not take it for a name ("WHO officials", "WHO" a pronoun: "World Health
    Organization officials"; "EU officials" stays)."""
    out = []
    spelled = False
    for t in phrase:
        body = C.body_of_name(t.text) if t.text.isupper() and t.pos_ != "PROPN" and cast.mention_at(t) else None
        spelled = spelled or body is not None
        out.append((body or t.text) + t.whitespace_)
    return _plain("".join(out)) if spelled else phrase.text


# Words after a U.S. state's name that make it the state ("Georgia Gov. Brian Kemp", "Georgia voters").
_STATE_WORDS = lexicon.words("actors/us_state_words")


def _us_state(doc, s: int, e: int) -> bool:
    """A country's name that is the U.S. state of that name here ("Georgia"): a state's title or
    voters after it ("Georgia Gov. Brian Kemp", "Georgia Republicans"), or a city and a comma before
    it ("Atlanta, Georgia"), unless the text has the country's own words (its capital, "Georgians",
    the Caucasus) or it names the country's prime minister or president ("Georgia's prime minister");
    with no such word, the state when the text writes the state's abbreviation ("(R-Ga.)")."""
    text = doc[s:e].text
    homonym = C.us_state_homonym(text)
    if homonym is None:
        return False
    abbrevs, own = homonym
    nxt = [t.lower_.rstrip(".") for t in doc[e:e + 3]]
    if nxt and nxt[0] in ("'s", "’s") and len(nxt) > 1 and (nxt[1] in STATE_TITLES or nxt[1] in ("prime", "foreign")):
        return False
    if nxt and nxt[0] in _STATE_WORDS:
        return True
    words, abbreviated = _doc_words(doc)
    if own & words:
        return False
    if s >= 2 and doc[s - 1].text == "," and doc[s - 2].ent_type_ == "GPE" and doc[s - 2].is_title:
        return True
    return bool(abbrevs & abbreviated)


def _doc_words(doc) -> tuple[frozenset, frozenset]:
    """The document's words (lower case), and those written capitalised after a dash or comma ("(R-Ga.)"),
    read once per Doc."""
    found = doc.user_data.get(_WORDS_KEY)
    if found is None:
        found = doc.user_data[_WORDS_KEY] = (
            frozenset(t.lower_ for t in doc),
            frozenset(t.lower_ for t in doc if t.text[:1].isupper() and t.i > 0 and doc[t.i - 1].text in ("-", "–", ",")))
    return found


_WORDS_KEY = ("briefdoc", "words")


def _generic_name(toks) -> bool:
    """An institution's name made of English words only, no proper name ("Security Council",
    "High Court", "Foreign Ministry"; not "Gazprom"), and no party's."""
    index = _word_index()
    if not index or not toks or toks[-1].pos_ not in ("PROPN", "NOUN"):
        return False
    if _spelled(toks) in _PARTY_NAMES.values() or C.body_of_name(_spelled(toks)) is not None:
        return False
    return all(t.is_title and any(t.lower_ in index[pos] or t.lemma_.lower() in index[pos] for pos in ("noun", "adj"))
               for t in toks)


def _owned_institution(cast: Cast, s: int, e: int, owned: dict[str, str]) -> str | None:
    """A country's own institution named after its possessive ("Armenia's Security Council", "Kenya's
    High Court"): an organization of that country, named and identified with it, not an international
    body of the same name (the UN's Security Council); the same words alone later, when no other
    organization of that name is named, are it too. Made on first use; its id, or None."""
    doc = cast.doc
    toks = [t for t in doc[s:e] if t.lower_ != "the"]
    if not _generic_name(toks):
        return None
    base = _spelled(toks)
    if s >= 2 and doc[s - 1].text in ("'s", "’s"):
        hit = cast._tok.get(s - 2)
        if hit is not None:
            country = hit[2] if cast.actors[hit[2]].kind == "country" else None
        else:
            code = C.country_of_name(doc[s - 2].text)
            country = cast.country(code, s - 2) if code else None
        if country is None:
            return None
        c = cast.actors[country]
        aid = C.slug(f"{c.name} {base}")
        if aid not in cast.actors:
            cast.actors[aid] = _Actor(aid, f"{c.name}'s {base}", "organization", affiliation=country, first=s)
        owned[base.lower()] = aid if owned.get(base.lower(), aid) == aid else ""
        return aid
    aid = owned.get(base.lower())
    if aid and not any(a.kind == "organization" and a.name.lower().endswith(" " + base.lower()) and a.id != aid
                       and not a.name.lower().endswith("'s " + base.lower()) for a in cast.actors.values()):
        return aid
    return None


def _name_after_title(cast: Cast, head) -> Ref | None:
    """The person whose name follows a title noun with no comma between ("Sudan's army chief General
    Ali Musa said", "Russia's top diplomat Ivan Petrov said", parsed as two subjects): the title is
    that person's, not someone else's; capitalized ranks may stand between ("chief General")."""
    doc = cast.doc
    j = head.i + 1
    while j < len(doc) and j - head.i <= 3 and j not in cast._tok and doc[j].is_title and (
            doc[j].lower_.rstrip(".") in _NAME_TITLES or doc[j].lower_ in TITLE_NOUNS):
        j += 1
    if j >= len(doc) or j not in cast._tok or not doc[j - 1].whitespace_:
        return None
    s, e, aid = cast._tok[j]
    if s != j or cast.actors[aid].kind != "person":
        return None
    return Ref(aid, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))


def _title_run(cast: Cast, s: int) -> tuple[list, str | None]:
    """The title right before a name after a possessive, read word by word when the parse does not
    join it to the name ("Israel's Prime Minister Ana Levi", "Sudan's army chief General Ali Musa",
    "the country's top diplomat Ivan Petrov"): the nouns and adjectives back to the "'s", the title
    ending at its last lower-case title noun ("army chief", not "army chief General"); and the
    possessor, a country or an organization ("the country's": the country named last)."""
    doc = cast.doc
    i = s - 1
    while i >= 0 and s - i <= 5 and i not in cast._tok and doc[i].pos_ in ("NOUN", "PROPN", "ADJ") \
            and doc[i].text not in ("'s", "’s") and doc[i].whitespace_:
        i -= 1
    run = list(doc[i + 1:s])
    if not run or i < 1 or doc[i].text not in ("'s", "’s") or not any(t.lower_ in TITLE_NOUNS for t in run):
        return [], None
    low = [k for k, t in enumerate(run) if t.lower_ in TITLE_NOUNS and t.is_lower]
    if low:
        run = run[:low[-1] + 1]
    owner = doc[i - 1]
    r = cast.mention_at(owner)
    if r is not None and cast.actors[r.id].kind in ("country", "organization"):
        return run, r.id
    if owner.lemma_.lower() in ("country", "nation") and owner.i > 0 and doc[owner.i - 1].lower_ == "the":
        return run, _country_before(cast, owner.i)
    return [], None


def _country_before(cast: Cast, i: int) -> str | None:
    """The country named last before a token as a subject or a possessor ("Kenya's court sent police
    to Haiti ... the country's president": Kenya), else the country named last."""
    last = None
    for j in range(i - 1, -1, -1):
        hit = cast._tok.get(j)
        if hit is not None and cast.actors[hit[2]].kind == "country":
            if cast.doc[j].dep_ in ("nsubj", "nsubjpass", "poss"):
                return hit[2]
            last = last or hit[2]
    return last


def _title_words(cast: Cast, s: int) -> tuple[list, str | None]:
    """Tokens left of a name (or a noun) that modify it: title words and a nationality, or the
    organization the title names ("European Commission president") or whose title it is ("the
    EU's foreign affairs spokesman"); a possessive pronoun ("its leader") is kept in
    ``cast._title_pronoun`` for after the pronouns are resolved."""
    doc = cast.doc
    words = []
    code = org = None
    i = s - 1
    while i >= 0:
        t = doc[i]
        if t.dep_ == "case" and t.head.i == i - 1:
            i -= 1  # the "'s" of a possessor
            continue
        if t.dep_ not in ("compound", "amod", "nmod", "poss") or t.head.i < i or t.head.i >= s + 8:
            break
        if t.i in cast._cut:
            break  # a nickname or a verb cut from the name ("Crooked Hillary Clinton") is no title
        c = cast._nationality.get(t.i)
        kind = cast.actors[cast._tok[t.i][2]].kind if t.i in cast._tok else None
        if c is None and kind == "country":
            code = code or cast._tok[t.i][2]  # a seat of government as a title word: "Kremlin spokesman"
            if t.dep_ == "poss":
                break  # "Jordan's King Abdullah": whose, not a title word
            words.append(t)
        elif c:
            code = code or c
        elif kind == "organization" and cast._tok[t.i][2] not in _PARTY_NAMES and not cast.actors[cast._tok[t.i][2]].affiliation in _PARTY_NAMES:
            org = org or cast._tok[t.i][2]
            if t.dep_ == "poss":
                break
            words.append(t)
        elif t.dep_ == "poss":
            if t.lower_ in ("its", "their"):
                cast._title_pronoun[s] = t.i
            elif t.lemma_.lower() in BODY_NOUNS:
                r = cast.describe(t, create=False)  # "the Japanese government's chief spokesman"
                code = code or (r.id if r is not None else None)
            elif t.lemma_.lower() in ("country", "nation") and t.i > 0 and doc[t.i - 1].lower_ == "the":
                code = code or _country_before(cast, t.i)  # "the country's president": the country named last
            break
        elif t.ent_type_ in ("PERSON",) and t.i in cast._tok:
            break
        else:
            words.append(t)
        i -= 1
    words.reverse()
    return words, code or org  # a country named in the title before an organization ("British Defence Secretary")


def _titles(cast: Cast) -> None:
    """Titles and affiliations from the words around the mentions of each person and organization
    (in the order they are first mentioned); then the countries of state officials."""
    firsts: dict[str, tuple[int, int]] = {}
    for i, (s, e, aid) in sorted(cast._tok.items()):
        if aid not in firsts:
            firsts[aid] = (s, e)
    titled: dict[str, tuple[int, int]] = {}  # person id -> the mention their title is written with
    by_id: dict[str, set[tuple[int, int]]] = {}  # (a set: one actor can have thousands of mentions)
    for s, e, aid in cast._tok.values():
        by_id.setdefault(aid, set()).add((s, e))
    for aid, spans in sorted(by_id.items(), key=lambda kv: min(kv[1])):
        a = cast.actors[aid]
        if a.kind not in ("person", "organization"):
            continue
        for s, e in sorted(spans):
            words, code = _title_words(cast, s)
            if a.kind == "organization":
                _org_country(cast, a, s, e, code)
            elif _person_title(cast, a, s, e, words, code):
                titled[aid] = (s, e)
    _state_officials(cast, {**firsts, **titled})


def _org_country(cast: Cast, a: _Actor, s: int, e: int, code: str | None) -> None:
    """An organization's country, from its title words or the nationality inside its name
    ("Russian Foreign Ministry"), unless it has an affiliation."""
    for t in cast.doc[s:e]:
        c = cast._nationality.get(t.i)
        if c and c != a.id:
            code = code or c
    if code and not a.affiliation:
        a.affiliation = code


def _person_title(cast: Cast, a: _Actor, s: int, e: int, words: list, code: str | None) -> bool:
    """A person's title and affiliation from a mention (tokens s to e) and the title words before
    it (``_title_words``, else ``_title_run``) or a description in apposition; a title's "its"
    kept for later. True when the person's title is taken from this mention."""
    doc = cast.doc
    if not code:
        run, owner = _title_run(cast, s)
        if run and owner:
            words, code = run, owner
    desc = _apposed_description(doc[s:e].root)
    title = None
    tw = [w for w in words if w.lower_ not in HONORIFICS]
    if tw and (any(w.lower_ in TITLE_NOUNS for w in tw) or all(w.text[:1].isupper() for w in tw)):
        title = doc[tw[0].i:tw[-1].i + 1].text
        if tw[-1].lower_ == "counterpart":
            title = None
            desc = desc or tw[-1]
    if desc is not None and desc.lemma_.lower() in TITLE_NOUNS:
        title, code = _description_title(cast, desc, title, code)
    took = bool(title and not a.title)
    if took:
        a.title = title
    party = _party(cast, words, desc, e)
    if party and (not a.affiliation or cast.actors[a.affiliation].kind == "country"):
        a.affiliation = party  # a party before a country: "U.S. Sen. Ted Cruz (R-Texas)"
        return took
    if code and not a.affiliation and code != a.id:
        a.affiliation = code
    pron = cast._title_pronoun.get(s, cast._title_pronoun.get(desc.i if desc is not None else -1))
    if pron is not None and not a.affiliation:
        cast._title_its.setdefault(a.id, pron)
    return took


def _apposed_description(root):
    """The noun in apposition to a name (its root), or that the name is in apposition to ("Maria
    X, a spokeswoman", "a spokeswoman, Maria X,"; "a spokeswoman for the ministry, Maria X," parsed
    as the ministry's apposition), or None."""
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return root.head
    if (root.dep_ == "appos" and root.head.dep_ == "pobj" and root.head.head.dep_ == "prep"
            and root.head.head.head.pos_ == "NOUN" and root.head.head.head.lemma_.lower() in TITLE_NOUNS):
        return root.head.head.head
    desc = None
    for k in root.children:
        if k.dep_ == "appos" and k.pos_ == "NOUN":
            desc = k
    return desc


def _description_title(cast: Cast, desc, title: str | None, code: str | None) -> tuple[str | None, str | None]:
    """The title and country (title, code) a person's description headed by a title noun adds to
    the ones found so far: its own title words, whose side its "of"/"for" ("to" for an aide) phrase
    names, and for "his counterpart" the title of the clause's subject."""
    dw, dcode = _title_words(cast, desc.i)
    code = code or dcode
    for k in desc.children:
        if k.dep_ == "prep" and (k.lower_ in ("of", "for") or k.lower_ == "to" and desc.lemma_.lower() in _AIDES):
            # "a spokesman for the State Department", "an aide to ...": whose side they speak for
            r = _side_of(cast, k)
            if r is not None:
                code = code or r
    if desc.lower_ == "counterpart":
        # "his Azerbaijani counterpart X": the possessor's title
        poss = next((k for k in desc.children if k.dep_ == "poss"), None)
        other = _subject_person(cast, desc) if poss is not None else None
        if other and cast.actors[other].title and not title:
            title = cast.actors[other].title
    elif not title:
        tw2 = [w for w in dw if w.lower_ not in HONORIFICS] + [desc]
        title = cast.doc[tw2[0].i:desc.i + 1].text
    return title, code


def _state_officials(cast: Cast, firsts: dict[str, tuple[int, int]]) -> None:
    """State officials with no nationality in their title ("President Ilham Aliyev"): the country
    the person is named with elsewhere ("Aliyev's Azerbaijan", "Azerbaijan's Aliyev"); else a
    country in the sentence of the mention with the title (else the first) that is a possessive or
    the place the sentence opens with ("Armenia's security ... President X", "In Guinea-Bissau,
    President X said"; not "unlike in Cuba, President X's decision"); else the country the text names overwhelmingly (three times or more, twice any other);
    else a country named in that sentence or the next; else none."""
    doc = cast.doc
    dominant = _dominant_country(cast)
    for aid, a in cast.actors.items():
        if a.kind != "person" or a.affiliation or not a.title or aid in cast._title_its:
            continue
        if not any(w in STATE_TITLES for w in a.title.lower().split()):
            continue
        with_country = _named_with_country(cast, aid)
        if with_country:
            a.affiliation = with_country
            continue
        s, _e = firsts.get(aid, (a.first, a.first + 1))
        sent = doc[s].sent
        others = {cast.actors[x].affiliation for (_, _, x) in (cast._tok[i] for i in range(sent.start, sent.end) if i in cast._tok)
                  if cast.actors[x].kind == "person" and x != aid}
        others |= {cast.actors[o].affiliation for o in cast.actors if o != aid and cast.actors[o].kind == "person" and cast.actors[o].affiliation and cast.actors[o].first < s and cast.actors[o].title and a.title and cast.actors[o].title.lower() == a.title.lower()}
        cands = []
        for i in range(sent.start, sent.end):
            c = cast._nationality.get(i)
            if c and c not in others:
                t = doc[i]
                if t.dep_ == "poss":
                    cands.append((0, i, c))
                elif t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.i == sent.start:
                    cands.append((1, i, c))
        if cands:
            a.affiliation = min(cands)[2]
        elif dominant and dominant not in others:
            a.affiliation = dominant
        else:
            a.affiliation = _country_near(cast, sent, others)


def _country_near(cast: Cast, sent, others: set) -> str | None:
    """A country named in a sentence or the next one, not one of the others': a possessive
    country name before a plain name before an adjective, the sentence's own before the next's
    ("In Guinea-Bissau, President X said ... Papua New Guinea's foreign minister ...")."""
    doc = cast.doc
    cands = []
    region = list(range(sent.start, sent.end))
    nxt = sent.end
    if nxt < len(doc):
        region += list(range(nxt, doc[nxt].sent.end))
    for n, i in enumerate(region):
        c = cast._nationality.get(i)
        if c and c not in others:
            rank = 0 if doc[i].dep_ == "poss" else (1 if i in cast._tok else 2)
            cands.append((i >= sent.end, rank, n, c))
    return min(cands)[3] if cands else None


def _named_with_country(cast: Cast, aid: str) -> str | None:
    """The country a person is named with by a possessive: "Aliyev's Azerbaijan", "Azerbaijan's Aliyev"."""
    doc = cast.doc
    for i, (s, e, x) in sorted(cast._tok.items()):
        if x != aid or i != s:
            continue
        if e + 1 < len(doc) and doc[e].text in ("'s", "’s") and e + 1 in cast._tok \
                and cast.actors[cast._tok[e + 1][2]].kind == "country":
            return cast._tok[e + 1][2]
        if s >= 2 and doc[s - 1].text in ("'s", "’s") and s - 2 in cast._tok \
                and cast.actors[cast._tok[s - 2][2]].kind == "country":
            return cast._tok[s - 2][2]
    return None


def _dominant_country(cast: Cast) -> str | None:
    """The country a text names overwhelmingly: by its name, capital or adjective three times or
    more and at least twice as often as any other."""
    count: dict[str, int] = {}
    seen: set[tuple[int, int]] = set()
    for i, c in [*cast._nationality.items(), *((i, hit[2]) for i, hit in cast._tok.items())]:
        hit = cast._tok.get(i)
        key = (hit[0], hit[1]) if hit is not None else (i, i + 1)
        if key in seen or cast.actors[c].kind != "country":
            continue
        seen.add(key)
        count[c] = count.get(c, 0) + 1
    ranked = sorted(count.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 3 or len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


# Political parties that English-language news names by an adjective or a letter:
# (id, name, capitalized words that stand for it, the letter of "Sen. X (R-Texas)" or "").
PARTIES = tuple((pid, name, frozenset(words.split(", ")), letter[0] if letter else "")
                for pid, name, words, *letter in lexicon.rows("actors/parties"))
_PARTY_NAMES = {pid: name for pid, name, _words, _letter in PARTIES}
# members of a party as a group: "Republicans", "Senate Democrats", "the GOP leadership", "Labour"
_PARTY_MEMBERS = lexicon.table("actors/party_members")
_PARTY_GROUP_WORDS = lexicon.words("actors/party_group_words")


def _party_group(name: str):
    """The party (id, name) a group's name stands for, when it is a party's members
    ("Republicans", "Senate Democrats", "the GOP leadership", "Labour"), not a name
    that only contains the word ("Sweden Democrats", "Social Democrats")."""
    words = [w.strip(".,'’") for w in name.split()]
    hits = [i for i, w in enumerate(words) if w[:1].isupper() and w.lower() in _PARTY_MEMBERS]
    if len(hits) != 1 or any(w.lower() not in _PARTY_GROUP_WORDS for i, w in enumerate(words) if i != hits[0]):
        return None
    pid = _PARTY_MEMBERS[words[hits[0]].lower()]
    return pid, _PARTY_NAMES[pid]


_PARTY_TAG = re.compile(r"\s*[,(]\s*([A-Z])\s*[-–]\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\s*[),]")


def _party(cast: Cast, words, desc, end: int) -> str | None:
    """The party a person's title or description names ("Democratic Sen.", "the
    Republican nominee", "Labour leader"), or the letter after the name ("Ted Cruz
    (R-Texas)", "Jim Jordan, R-Ohio,"); its actor is made on first use."""
    doc = cast.doc
    toks = list(words)
    if desc is not None:
        toks += [k for k in desc.lefts if k.dep_ in ("amod", "compound")]
    found = None
    for t in toks:
        if not t.text[:1].isupper():
            continue
        low = t.lower_
        nxt = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
        if low in ("lib", "liberal") and nxt in ("dem", "dems", "democrat", "democrats"):
            low = "lib"  # "Lib Dem", "Liberal Democrat": not the Democratic Party
        elif low == "lib" or low in ("democrat", "democratic") and t.i > 0 and doc[t.i - 1].lower_ in ("lib", "liberal"):
            continue
        found = next((p for p in PARTIES if low in p[2]), None)
        if found:
            break
    if found is None and end < len(doc):
        tag = _PARTY_TAG.match(text_of(doc), doc[end - 1].idx + len(doc[end - 1]))
        if tag:
            found = next((p for p in PARTIES if p[3] and p[3] == tag[1]), None)
    if found is None:
        return None
    pid, name = found[0], found[1]
    if pid not in cast.actors:
        cast._add(pid, name, "organization", desc.i if desc is not None else end - 1)
    return pid


# Titles of people who work for someone, named after "to" ("an adviser to the president").
_AIDES = lexicon.words("actors/aide_titles")


def _org_among(cast: Cast, toks) -> str | None:
    """The organization named among a description's modifiers ("a Hamas spokesman", "a
    Labour spokesperson"): the party it stands for, else itself."""
    for t in toks:
        r = cast.mention_at(t)
        if r is not None and cast.actors[r.id].kind == "organization":
            return cast.actors[r.id].affiliation if cast.actors[r.id].affiliation in _PARTY_NAMES else r.id
    return None


def _side_of(cast: Cast, prep) -> str | None:
    """The actor a title's "of"/"for"/"to" phrase names ("spokesman for the Russian Foreign
    Ministry", "aide for Senator X", "an official of the ministry", "an adviser to President X"):
    a country, an organization, or (after "for" or "to") a person."""
    for p in prep.children:
        if p.dep_ != "pobj":
            continue
        for t in [p, *p.subtree]:
            r = cast.mention_at(t)
            if r is None or r.id not in cast.actors:
                continue
            kind = cast.actors[r.id].kind
            if kind in ("country", "organization") or kind == "person" and prep.lower_ in ("for", "to"):
                return r.id
    return None


def _subject_person(cast: Cast, tok) -> str | None:
    """The person subject of the clause a token is in (for "his counterpart")."""
    t = tok
    for _ in range(6):
        h = t.head
        for k in h.children:
            if k.dep_ in ("nsubj",) and k.i != tok.i:
                r = cast.resolve(k, create=False) if k.i not in cast._tok else cast.mention_at(k)
                if r and cast.actors[r.id].kind == "person":
                    return r.id
        if h.i == t.i:
            break
        if h.dep_ == "relcl":
            r = cast.mention_at(h.head)
            if r and cast.actors[r.id].kind == "person":
                return r.id
        t = h
    return None


def _genders(cast: Cast) -> None:
    """People's genders, from the words before a mention of them or their title ("Mrs.",
    "spokeswoman"), or a "his"/"her" in their own clause."""
    doc = cast.doc
    seen: set[int] = set()
    for s, _e, aid in cast._tok.values():
        if s in seen or cast.actors[aid].kind != "person":
            continue
        seen.add(s)
        words = []  # the words just before the name, up to a preposition ("a spokesman for Anna Berg")
        j = s - 1
        while j >= max(0, s - 3) and doc[j].pos_ not in ("ADP", "PUNCT", "VERB", "AUX", "CCONJ", "SCONJ"):
            words.append(doc[j].lower_)
            j -= 1
        a = cast.actors[aid]
        if a.title:
            words += a.title.lower().split()
        if any(w in _FEMALE_WORDS for w in words):
            cast.gender.setdefault(aid, "f")
        elif any(w in _MALE_WORDS for w in words):
            cast.gender.setdefault(aid, "m")
    for aid, a in cast.actors.items():  # a given name that is all but always one gender's ("Denise Roy")
        names = a.name.split()
        if a.kind == "person" and a.head is None and len(names) >= 2 and names[0].lower() in _GIVEN_NAMES:
            cast.gender.setdefault(aid, "f" if _GIVEN_NAMES[names[0].lower()] == "female" else "m")
    # "X ... his/her" in X's own clause
    for t in doc:
        if t.dep_ == "poss" and t.lower_ in ("his", "her"):
            h = t.head.head
            subj = next((k for k in h.children if k.dep_ == "nsubj"), None)
            if subj is not None:
                r = cast.mention_at(subj)
                if r is not None and cast.actors[r.id].kind == "person":
                    cast.gender.setdefault(r.id, "f" if t.lower_ == "her" else "m")
    _genders_from_pronouns(cast)


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}


def _genders_from_pronouns(cast: Cast) -> None:
    """People's genders from the pronouns that stand for them: the subject of what a person is reported to
    say ("Jayme told police she could hear the sirens": she is Jayme, strong evidence), and the pronouns of
    a sentence that names one person alone, outside quotation marks (weak evidence: they may stand for
    someone the sentence does not name). A gender is taken when it has two thirds of the evidence."""
    doc = cast.doc
    votes: dict[str, dict[str, float]] = {}

    def vote(aid: str, gender: str, weight: float) -> None:
        votes.setdefault(aid, {"m": 0.0, "f": 0.0})[gender] += weight

    for t in doc:
        if t.lower_ in ("he", "she") and t.dep_ == "nsubj" and t.head.dep_ == "ccomp" and not cast.in_quote(t.i):
            subj = next((k for k in t.head.head.children if k.dep_ == "nsubj"), None)
            hit = cast._tok.get(subj.i) if subj is not None else None
            if hit is not None and cast.actors[hit[2]].kind == "person":
                vote(hit[2], _PRONOUN_GENDER[t.lower_], 3.0)
    for sent in doc.sents:
        people, first = set(), None
        for t in sent:
            if cast.in_quote(t.i):
                continue
            hit = cast._tok.get(t.i)
            if hit is not None and cast.actors[hit[2]].kind == "person" and cast.actors[hit[2]].head is None:
                people.add(hit[2])
                first = t.i if first is None else first
        if len(people) != 1 or doc[cast._tok[first][1] - 1].dep_ not in ("nsubj", "nsubjpass"):
            continue  # one person, and what the sentence is about
        said = {_PRONOUN_GENDER[t.lower_] for t in sent if t.i > first and t.lower_ in _PRONOUN_GENDER and not cast.in_quote(t.i)}
        if len(said) == 1:
            vote(next(iter(people)), next(iter(said)), 1.0)
    for aid, counts in votes.items():
        gender = max(counts, key=counts.get)
        if counts[gender] >= 2 * sum(counts.values()) / 3:
            cast.gender.setdefault(aid, gender)


def _people_noun(t) -> bool:
    """A noun that names a person or a group of people (a title, "source", "experts", "Republicans")."""
    lemma = t.lemma_.lower()
    if lemma in BODY_NOUNS or lemma in NOT_ACTORS or lemma == "campaign":
        return False
    return lemma in TITLE_NOUNS and len(lemma) > 4 or lemma in PEOPLE_NOUNS or lemma.rstrip("s") in PEOPLE_NOUNS


def _introduces(cast: Cast, t) -> bool:
    """A description that brings in someone new: indefinite ("a Democratic source", "labor experts",
    "Trump's wife"), or definite ("the prime minister") with no one of its kind named before it, whom
    "the" could point back to ("the Vermont senator" is most often the senator named before)."""
    h = t.head
    while h.head.i != h.i:
        if h.dep_ in ("relcl", "acl", "advcl", "pcomp", "csubj", "xcomp"):
            return False  # a subject down in a subordinate clause is not what the text goes on about
        h = h.head
    det = next((k for k in t.children if k.dep_ == "det"), None)
    if det is not None and det.lower_ in ("a", "an") and not any(
            k.dep_ in ("amod", "compound", "nmod", "prep") for k in t.children):
        return False  # "a reporter asked Sanders ...", "a president should ...": nobody in particular
    if det is None or det.lower_ not in ("the", "this", "that", "these", "those"):
        return True
    person = t.tag_ not in ("NNS", "NNPS")
    return not any((k == "person") == person for i, _, k in cast._subjects if t.i - i <= 400)


def _salience(cast: Cast) -> None:
    """The subjects in text order, each resolved to an actor (pronouns included)."""
    doc = cast.doc
    _genders(cast)
    for t in doc:
        if t.dep_ not in ("nsubj", "nsubjpass") or cast.in_quote(t.i):
            continue
        if t.lower_ in SELF_PRONOUNS:
            continue
        r = cast.resolve(t, create=False)
        if r is None and t.pos_ in ("NOUN", "PROPN") and _people_noun(t) and _introduces(cast, t):
            # a described person or group ("A Democratic source said ...", "Labor experts say ...",
            # "The prime minister defended ..." with nobody before): an actor now, for the pronouns after it
            r = cast.resolve(t, create=True)
        if r is None:
            continue
        a = cast.actors.get(r.id)
        if a is None:
            continue
        cast._subjects.append((t.i, r.id, a.kind))
