"""Speakers: the person or body a cue's subject, a pronoun, a description or a document stands for.

``_speaker(ctx, subj)`` resolves the subject of a cue to a ``Ref`` (an actor of the cast, or a
description when the text names no one); ``_attribution_from_cue`` gives a cue its speaker. The quote
finder (``quotes``) calls these; the word lists are in ``data/en/quotes/`` and ``data/en/actors/``."""

from __future__ import annotations

import bisect
import re
from collections import Counter

from . import _reported, lexicon
from . import _countries as C
from .actors import HONORIFICS, KIN_NOUNS, ORGANIZATION_NOUNS, PEOPLE_NOUNS, SELF_PRONOUNS, TITLE_NOUNS, Ref, _spelled
from ._quote_context import (
    REPORT,
    SPEECH,
    _Att,
    _Ctx,
    _content_tail,
    _cue_text,
    _furniture_at,
    _is_cue,
    _sent_in_para,
)


def _apart(ctx: _Ctx, a, b) -> bool:
    """The two tokens are in different paragraphs: the parser's sentences sometimes run
    across a paragraph break ("The Latest: ...\n\n... commissioner says"), never a subject."""
    lo, hi = sorted((a.idx, b.idx))
    return "\n" in ctx.text[lo:hi]


def _subject(ctx: _Ctx, v):
    """The subject token of a cue (climbing through 'adding', 'saying', coordinated verbs)."""
    if v.lower_ == "according":
        return _according_source(v)
    agent = _agent_of_participle(v)
    if agent is not None:
        return agent  # "Asked by Thrush if ..., Sharpton avoided an answer": Thrush asks
    t = _climb_start(v)
    if t.i == v.i and _own_subject(ctx, v, v) is None:
        name = _name_right_before(ctx, v) or _inverted_object(ctx, v) or _name_before_relative(ctx, v) \
            or _age_right_before(ctx, v) or _inverted_name(ctx, v)
        if name is not None:
            return name
    on_quote = False  # the climb went into a quote: the parse made the quoted words the main clause
    for _ in range(4):
        subj = _own_subject(ctx, v, t)
        quoted = _quoted_as_saying(v, t)
        if quoted is not None:
            return quoted
        if subj is not None and subj.lower_ in ("who", "that", "which") and t.i != v.i and t.dep_ == "relcl":
            break  # "... an architect who said ..., saying, “...”": the parse hung the participle on the relative clause
        if subj is not None:
            return _agent_or_subject(t, subj)
        if t.dep_ in ("xcomp", "advcl", "conj", "pcomp") and t.head.i != t.i:
            t = t.head
            if t.dep_ == "prep":
                t = t.head
            on_quote = on_quote or t.i in ctx.quoted
            continue
        if t.dep_ == "relcl" and t.head.i != t.i:
            return t.head
        break
    return _subject_before(ctx, v, on_quote)


# a closing quotation mark as a token (curly, straight, or two apostrophes typed for one)
_CLOSING_MARKS = ("”", '"', "''", "’’")


def _inverted_object(ctx: _Ctx, v):
    """The speaker of an inverted cue that the parse made its object ("“...,” points out the laid-back
    Cambridge resident"): a noun right after the verb (and its particle) when a closing quote mark right
    before the verb ends the words it reports."""
    k = v.i - 1
    while k >= 0 and ctx.doc[k].text in (",", "—", "–"):
        k -= 1
    if k < 0 or ctx.doc[k].text not in _CLOSING_MARKS:
        return None
    named = _name_as_clause(ctx, v)
    if named is not None:
        return named
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i and c.pos_ in ("NOUN", "PROPN")), None)
    if obj is None or any(ctx.doc[i].pos_ not in ("ADP", "PART", "DET", "ADJ", "NOUN", "PROPN", "PUNCT", "NUM", "ADV")
                          for i in range(v.i + 1, obj.left_edge.i)):
        return None
    return obj


def _inverted_name(ctx: _Ctx, v):
    """The speaker after an inverted cue that ends a sentence of reported words without quotation marks
    ("That's not just a problem for the youth, but for society at large, argued Palvetzian."): a name or a
    noun right after the verb, the parse's object, with nothing but the stop after it."""
    doc = ctx.doc
    if v.i < 2 or doc[v.i - 1].text != "," or v.tag_ not in ("VBD", "VBZ") or _reported.lemma(v) not in SPEECH:
        return None
    who = next((k for k in v.children if k.dep_ in ("dobj", "nsubj") and k.i > v.i and k.pos_ in ("PROPN", "NOUN")),
               None)
    if who is None or who.left_edge.i != v.i + 1 or any(t.pos_ in ("VERB", "AUX") for t in doc[v.i + 1:who.right_edge.i + 1]):
        return None
    end = who.right_edge.i + 1
    if end >= len(doc) or doc[end].text not in (".", "!", "?") or doc[end].sent.start != v.sent.start:
        return None
    return who


def _name_as_clause(ctx: _Ctx, v):
    """A person's name and titles after an inverted cue that the parse read as a clause it reports ("“...,”
    said Rangers head coach Rob Danforth": "head" a verb with "Rangers" its subject): the clause right after
    the verb, of names, nouns and modifiers only, ending in a person's name. Its last word, else None."""
    doc = ctx.doc
    k = v.i - 1
    while k >= 0 and doc[k].text in (",", "—", "–"):
        k -= 1
    if k < 0 or doc[k].text not in _CLOSING_MARKS:
        return None
    comp = next((c for c in v.children if c.dep_ == "ccomp" and c.left_edge.i == v.i + 1), None)
    if comp is None or comp.right_edge.i - comp.left_edge.i > 8:
        return None
    words = doc[comp.left_edge.i:comp.right_edge.i + 1]
    if any(t.i != comp.i and t.pos_ not in ("PROPN", "NOUN", "ADJ", "DET", "NUM", "PUNCT") or t.pos_ == "PUNCT"
           and t.text not in ("-", ".") for t in words):
        return None
    last = words[-1]
    ref = ctx.cast.mention_at(last)
    return last if ref is not None and ctx.cast.actors[ref.id].kind == "person" else None


def _age_right_before(ctx: _Ctx, v):
    """A description by age right before a cue that the parse broke up ("“...,” the 27-year-old said": "the"
    and "old" hung on "said"): its last word ("old"), which names the person as the description does."""
    doc = ctx.doc
    k = v.i - 1
    if k < 3 or doc[k].lower_ != "old" or doc[k].head.i != v.i:
        return None
    m = _AGE.search(doc[max(0, k - 5):k + 1].text)
    return doc[k] if m is not None else None


def _name_before_relative(ctx: _Ctx, v):
    """The name that opens the sentence before a relative clause, when the parse lost it as the subject of
    the cue after that clause ("Blakely, who now has 14 goals on the season, said ...": "Blakely" made a
    modifier of "has"). Its last word, else None."""
    doc = ctx.doc
    sent = v.sent
    k = sent.start
    while k < v.i and (doc[k].is_punct or doc[k].is_space):
        k += 1
    ref = ctx.cast.mention_at(doc[k])
    if ref is None or ctx.cast.actors[ref.id].kind not in ("person", "organization"):
        return None
    while k + 1 < v.i and ctx.cast.mention_at(doc[k + 1]) == ref:
        k += 1
    if k + 2 >= v.i or doc[k + 1].text != "," or doc[k + 2].lower_ not in ("who", "which") or doc[v.i - 1].text != ",":
        return None
    return doc[k] if doc[k].dep_ not in ("nsubj", "nsubjpass") else None


def _name_right_before(ctx: _Ctx, v):
    """A speech verb with no subject right after a person's name that follows a closing quote or "and" ("the
    tour “was a real eye-opener” Farinloye says", "they asked him about next steps and Gillis suggested
    ..."): the parse took the name into the quoted clause or into the phrase before the "and"; it is the
    verb's subject."""
    if v.i < 2 or v.tag_ not in ("VBZ", "VBD", "VBP") or not _reported.lemma(v) in REPORT | SPEECH:
        return None
    name = ctx.doc[v.i - 1]
    if name.pos_ != "PROPN" or name.i in ctx.quoted or name.sent.start != v.sent.start:
        return None
    ref = ctx.cast.mention_at(name)
    if ref is None or ctx.cast.actors[ref.id].kind != "person":
        return None
    first = next(ctx.doc[i] for i in range(name.i, v.sent.start - 1, -1)
                 if i == v.sent.start or ctx.cast.mention_at(ctx.doc[i - 1]) != ref)
    return name if first.i > 0 and ctx.doc[first.i - 1].text in (*_CLOSING_MARKS, "and", "but") else None


def _agent_of_participle(v):
    """The agent of a cue that is a passive participle opening a clause with no subject of its own ("Asked
    by reporters whether ..., she said", "Told by the judge that ..."): who asks or tells; else None."""
    if v.tag_ != "VBN" or v.dep_ not in ("advcl", "ROOT") or any(k.dep_ in ("nsubj", "nsubjpass", "auxpass")
                                                                for k in v.children):
        return None
    agent = next((k for k in v.children if k.dep_ == "agent"), None)
    return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None


def _according_source(v):
    """The object of "according to", or None."""
    to = next((k for k in v.children if k.lower_ == "to"), None)
    if to is not None:
        for k in to.children:
            if k.dep_ == "pobj":
                return k
    return None


def _climb_start(v):
    """Where the climb to a cue's subject starts: the cue, or the speech verb whose reported clause the
    parse hung it on ("X said the plan was dead, adding ...", "X said A and warned that B")."""
    h = v.head
    if (v.tag_ == "VBG" and v.dep_ in ("advcl", "xcomp", "conj") and h.dep_ == "ccomp" and h.i < v.i
            and h.head.i < h.i and _reported.lemma(h.head) in REPORT | SPEECH and _content_tail(h) < v.i):
        # "X said the plan was dead, adding ...": the tail cut off the reported clause is X's, not the clause's
        return h.head
    if _participle_as_subject(v):
        # "X issued a warning, saying rain could fall": the parse made "saying" the subject of the clause it
        # reports; the clause hangs on X's verb
        return v.head.head if v.head.dep_ in ("advcl", "ccomp", "conj") and v.head.head.i < v.i else v
    if _reports_again(v):
        # "it said the units had provoked the clash and warned that it would respond": the parse joined the
        # second speech verb to the reported clause; its own reported clause makes it the speaker's
        return h.head
    return v


def _participle_as_subject(v) -> bool:
    """A speech verb's participle set off after a comma that the parse made the subject of the clause it
    reports ("..., saying between 25 and 35 millimetres of rain could fall": "saying" the subject of
    "fall")."""
    return (v.tag_ == "VBG" and v.dep_ == "csubj" and v.head.i > v.i and v.i > 0 and v.doc[v.i - 1].text == ","
            and v.head.pos_ in ("VERB", "AUX") and _reported.lemma(v) in REPORT | SPEECH)


def _own_subject(ctx: _Ctx, v, t):
    """The subject of ``t`` outside quotes and in cue ``v``'s paragraph, past a dateline the parse made one."""
    subj = None
    for k in t.children:
        if k.dep_ in ("nsubj", "nsubjpass") and k.i not in ctx.quoted and not _apart(ctx, k, v) and not k.is_punct:
            if subj is None or _dateline_word(ctx, subj):
                subj = k
            if not _dateline_word(ctx, subj):
                break
    if subj is not None and _dateline_word(ctx, subj):
        subj = _after_dateline(ctx, subj) or subj
    if subj is not None and ctx.cast.mention_at(subj) is None:
        # "The union representing the workers, Unifor, said": the parse made the name set off by commas a
        # second subject; it names the first. "The rejection signals ..., said Geert Wilders": the words
        # before the verb are what is said, the name right after it says them
        named = next((k for k in t.children if k.dep_ == "nsubj" and k.i > subj.i
                      and (ctx.doc[k.left_edge.i - 1].text == "," or k.i > t.i and k.left_edge.i == t.i + 1)
                      and ctx.cast.mention_at(k) is not None and k.i not in ctx.quoted), None)
        subj = named or subj
    if subj is not None and _setting(ctx, subj):
        subj = _past_setting(t, subj)
    if subj is None:  # "Will wrote": a surname the tagger read as a modal
        subj = next((k for k in t.children if k.dep_ == "aux" and k.tag_ == "MD" and k.is_title
                     and ctx.cast.mention_at(k) is not None), None)
    return subj


# words that open a sentence with where it happens, tagged as adjectives ("Outside court, ...")
_SETTING_WORDS = frozenset({"outside", "inside"})


def _setting(ctx: _Ctx, subj) -> bool:
    """The subject the parse found is the setting that opens the sentence, set off by a comma ("Outside court,
    the retired teacher said"; "Inside the arena, fans said")."""
    first = ctx.doc[subj.left_edge.i]
    return first.i < subj.i and first.lower_ in _SETTING_WORDS and (first.i == 0 or first.is_sent_start) \
        and subj.i + 1 < len(ctx.doc) and ctx.doc[subj.i + 1].text == ","


def _past_setting(t, subj):
    """Who speaks after a setting the parse made the subject: its apposition ("Outside court, Watt's son,
    Douglas Watt, said"), else the verb's other subject after it ("Outside court, the retired teacher said");
    None when there is none."""
    appos = next((k for k in subj.children if k.dep_ == "appos" and k.i > subj.i), None)
    if appos is not None:
        return appos
    return next((k for k in t.children if k.dep_ in ("nsubj", "nsubjpass", "dep") and subj.i < k.i < t.i
                 and k.pos_ in ("NOUN", "PROPN", "PRON")), None)


def _agent_or_subject(t, subj):
    """"X was quoted as saying": the subject is the speaker; otherwise the agent of a passive ("was told by X")."""
    if subj.dep_ == "nsubjpass":
        agent = next((k for k in t.children if k.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((k for k in agent.children if k.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if _reported.lemma(t) in _JUDGE:
            return None  # "the letter was widely ridiculed for ...": what is judged, not who judges
    return subj


def _subject_before(ctx: _Ctx, v, on_quote: bool):
    """A misparsed cue (", writing “...”"): the nearest subject before it in the sentence, or None."""
    if v.dep_ in ("acl", "relcl", "amod", "pcomp", "pobj", "compound") or v.tag_ in ("VBN",):
        return None
    sent = v.sent
    # a participle the parse hung on a quote ("X hardly clarified it, treating the remark as a compliment --
    # ''That makes me smart'' -- and, when questioned, asserting, ''...''"): it shares the subject of the
    # clause before the quote, however long the sentence
    reach = _participle_reach(ctx, v) if on_quote and v.tag_ == "VBG" else 25
    for i in range(v.i - 1, max(sent.start, v.i - reach) - 1, -1):
        k = ctx.doc[i]
        if k.dep_ in ("nsubj", "nsubjpass") and k.i not in ctx.quoted and k.head.i < v.i:
            return k
    return None


def _quoted_as_saying(v, t):
    """"Tass quoted the minister as saying ...", "X was quoted by Interfax as saying ...": the one quoted
    speaks, not the agency or paper that quotes him; the object of an active "quote", the subject of a
    passive one (never its agent). None when ``t``, the verb the climb from the cue reached, is no such
    "quote"."""
    if _reported.lemma(t) != "quote" or t.i == v.i or not (v.tag_ == "VBG" and v.head.lower_ == "as"):
        return None
    for k in t.children:
        if k.dep_ == "dobj" and k.i < v.i:
            return k
    return next((k for k in t.children if k.dep_ == "nsubjpass"), None)


def _reports_again(v) -> bool:
    """A speech verb with a content of its own ("... and warned that ...", "... and accused Y of ...") and no
    subject, coordinated with the verb of a clause that another speech verb reports ("X said A had done B and
    warned that C", "X said 20 people had been held and accused them of rioting")."""
    h = v.head
    return (v.dep_ == "conj" and h.i < v.i and h.dep_ == "ccomp" and h.head.i < h.i
            and _reported.lemma(v) in REPORT | SPEECH and _reported.lemma(h.head) in REPORT | SPEECH
            and v.tag_ == h.head.tag_ and _reported.lemma(v) != _reported.lemma(h)
            and not any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in v.children)
            and _content_of_its_own(v))


def _content_of_its_own(v) -> bool:
    """A speech verb with a content of its own: a reported clause ("warned that ..."), a prepositional content
    ("accused the army of shelling ...", "called for ...") or an infinitive ("urged both sides to ...")."""
    lem = _reported.lemma(v)
    for k in v.children:
        if k.dep_ == "ccomp" and lem in REPORT:
            return True
        if k.dep_ == "prep" and (lem, k.lower_) in _reported.PREP_VERBS and any(
                c.dep_ in ("pobj", "pcomp") for c in k.children):
            return True
        if k.dep_ == "xcomp" and lem in _reported.INF_VERBS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in k.children):
            return True
    return False


def _participle_reach(ctx: _Ctx, v) -> int:
    """How far back the subject of a participle hung on a quote may stand: to its sentence's start in
    its paragraph."""
    s, _ = _sent_in_para(ctx, v)
    return v.i - s


def _dateline_word(ctx: _Ctx, k) -> bool:
    """The place of a dateline that the parse made a subject ("WASHINGTON (AP) — Trump and Ryan
    pledged ...", "MYRTLE BEACH, S.C. - Sen. Ted Cruz continued ..."): capitals opening the paragraph,
    whether the parse tags them a proper noun or a common one ("TBILISI, May 15 (AFP) - ...")."""
    lo = k.left_edge
    return (k.text.isupper() and len(k.text) > 2 and k.pos_ in ("PROPN", "NOUN")
            and ctx.text[ctx.pstarts[ctx.para(lo.idx)]:lo.idx].strip() == ""
            and all(t.text.isupper() or not t.is_alpha for t in ctx.doc[lo.i:k.i + 1]))


def _after_dateline(ctx: _Ctx, k):
    """The name the parse hung under a dateline subject ("MYRTLE BEACH, S.C. - Sen. Ted Cruz (R-Tex.)
    continued ..."): the first mention after the dateline's dash, its last word."""
    dash = next((t.i for t in k.subtree if t.i > k.i and t.text in ("—", "–", "-", "--")), None)
    if dash is None:
        return None
    found = None
    for t in k.subtree:
        if t.i <= dash:
            continue
        r = ctx.cast.mention_at(t)
        if r is not None:
            if found is not None and r != found[1]:
                break
            found = (t, r)
        elif found is not None:
            break
    return found[0] if found is not None else None


def _speaker(ctx: _Ctx, subj, depth: int = 0) -> Ref | None:
    if subj is None:
        return None
    owner = _medium_owner(subj)
    if owner is not None:
        # "according to a speech Mrs. Clinton delivered", "Lavrov's statement", "a letter from the
        # ministry": the one who spoke or wrote is the source, if the reader can be told who
        ref = _speaker(ctx, owner)
        if ref is not None and ref.id:
            return ref
    if subj.lower_ in SELF_PRONOUNS:
        # the writer or an unnamed first person: the mention, no actor
        return Ref("", subj.idx, subj.idx + len(subj))
    if _share(subj) and depth < 2:
        return _share_of(ctx, subj, depth)
    kinds = ("person", "organization") if subj.lemma_.lower() in ORGANIZATION_NOUNS else ("person",)
    named = next((k for k in _appositions(subj) if ctx.cast.mention_at(k) is not None
                  and _named(ctx, ctx.cast.mention_at(k).id, kinds)), None)  # "the union ..., Unifor, said"
    if named is not None and ctx.cast.mention_at(subj) is None or named is not None and not _named(
            ctx, ctx.cast.mention_at(subj).id, ("person", "organization", "country")):
        return ctx.cast.mention_at(named)  # "Keeper of the Ruler's Seal, Syed Danial Syed Ahmad, said"
    members = _members_of_body(ctx, subj)
    if members is not None:
        return members
    if subj.lower_ in ("he", "she"):
        found = _pronoun_speaker(ctx, subj)
        if found is not None:
            return Ref(found, subj.idx, subj.idx + len(subj))
    if subj.lower_ == "it" and subj.dep_ == "nsubj" and all(t.is_space for t in subj.doc[subj.sent.start:subj.i]):
        found = _previous_body(ctx, subj)
        if found is None:
            found = _previous_document(ctx, subj)  # "" when the document's issuer is not known
        if found is not None:  # "Acme told staff it ... It also told them ...": what the last sentence was about
            return Ref(found, subj.idx, subj.idx + len(subj))
    medium = _one_of_media(subj)
    if medium is not None:
        return _speaker(ctx, medium, depth + 1)  # "one of her ads asking": the ads' owner
    if subj.lower_ in _QUANTIFIERS and subj.pos_ in ("PRON", "DET", "ADJ") or subj.lower_ == "one" and subj.pos_ in (
            "NUM", "PRON") and any(k.dep_ == "prep" and k.lower_ == "of" for k in subj.children):
        group = ctx.cast.restricted_group(subj)
        if group is not None:
            if subj.lower_ == "one":
                ctx.cast.actors[group.id].kind = "person"  # "one of the players says": someone of a group
            return group  # "some in the Muslim community say", "all those involved say"
    if subj.lower_ in ("who", "that", "which") and subj.dep_ == "nsubj" and subj.head.dep_ == "relcl" and depth < 2:
        found = _relative_antecedent(ctx, subj.head.head, depth, person=subj.lower_ == "who")
        if found is not None and found.id:
            return Ref(found.id, subj.idx, subj.idx + len(subj))
    ref = ctx.cast.resolve(subj, create=True)
    if ref is not None and subj.lower_ in ("who", "which", "that") and ref.id:
        # "Sanders, who endorsed Clinton": the mention is the relative pronoun, the actor its antecedent
        ref = Ref(ref.id, subj.idx, subj.idx + len(subj))
    pronoun = subj.pos_ == "PRON" and subj.ent_type_ != "PERSON"  # the tagger calls "Brind'Amour" a pronoun
    adhoc = ref is None and not pronoun
    if adhoc:
        ref = ctx.cast.adhoc(subj)
    if ref is None and pronoun and subj.lower_ not in SELF_PRONOUNS:
        return Ref("", subj.idx, subj.idx + len(subj))
    described = ref is not None and ref.id and (
        ctx.cast.actors[ref.id].head is not None or adhoc and subj.pos_ in ("NOUN", "ADJ") and subj.ent_type_ in ("", "DATE"))
    return _named_speaker(ctx, subj, ref) if described else ref


def _share(subj) -> bool:
    """A subject that is a share of people, as polls report them ("74 percent said", "a majority say")."""
    return subj.lower_ in _SHARE_NOUNS or subj.like_num and subj.lower_ not in ("one", "1") and subj.dep_ in ("nsubj", "nsubjpass")


def _share_of(ctx: _Ctx, subj, depth: int) -> Ref:
    """Who a share of people is: the people its "of" names ("54 per cent of Canadians"), else those an
    "among" in its sentence names ("Among Trump voters, 74 percent said"); else the share as written, no
    actor (never a person named nearby)."""
    mention = Ref("", ctx.doc[subj.left_edge.i].idx, subj.idx + len(subj))
    of = next((k for k in subj.children if k.dep_ == "prep" and k.lower_ == "of"), None)
    people = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if people is None:
        among = [t for t in subj.sent if t.lower_ == "among" and t.dep_ == "prep" and t.i < subj.i]
        people = next((g for g in among[-1].children if g.dep_ == "pobj"), None) if among else None
    if people is None or _share(people):
        return mention
    ref = _speaker(ctx, people, depth + 1)
    return Ref(ref.id, mention.start, mention.end) if ref is not None and ref.id else mention


def _members_of_body(ctx: _Ctx, subj) -> Ref | None:
    """A description of people that an apposition says are a named body's members ("their allies, members
    of the Democratic Unionist Party, have said"): that body."""
    if ctx.cast.mention_at(subj) is not None or subj.pos_ != "NOUN" or subj.tag_ != "NNS":
        return None
    bare_conj = [k for k in subj.children if k.dep_ == "conj" and ctx.doc[k.i - 1].text == ","
                 and not any(c.dep_ == "cc" for c in subj.children)]  # "their allies, members of X," parsed so
    for k in _appositions(subj) + bare_conj:
        if k.tag_ != "NNS" or k.lemma_.lower() not in PEOPLE_NOUNS:
            continue
        prep = next((c for c in k.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        body = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        ref = ctx.cast.mention_at(body) if body is not None else None
        if ref is not None and _named(ctx, ref.id, ("organization",)):
            return ref
    return None


def _owner_id(ctx: _Ctx, tok) -> str | None:
    """The named actor a token that owns or issues something mentions ("Gatsby's statement", "a suit filed by
    a former aide named X"), or None."""
    r = (ctx.cast.mention_at(tok) or _named_so(ctx, tok)) if tok is not None else None
    return r.id if r is not None and _named(ctx, r.id, ("person", "organization", "country", "group")) else None


def _one_of_media(subj):
    """The medium noun of "one of her ads", "one of the statements", or None."""
    if subj.lower_ != "one":
        return None
    of = next((k for k in subj.children if k.dep_ == "prep" and k.lower_ == "of"), None)
    noun = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if noun is not None and noun.pos_ == "NOUN" and (noun.lemma_.lower() in _OWNED_MEDIA or noun.lemma_.lower() in _DOCUMENTS):
        return noun
    return None


def _relative_antecedent(ctx: _Ctx, head, depth: int, person: bool) -> Ref | None:
    """Who a "who" stands for when the cast does not know its antecedent: the person the antecedent is an
    apposition or a predicate of ("John Bentel, a staffer who told ...", "Trump is a birther who has
    pledged ..."), else the antecedent described ("an architect who said ...", "economists who argue")."""
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "a liar, a racist and a birther who ..."
    if head.dep_ == "appos" or head.dep_ == "attr" and head.head.lemma_ == "be":
        verb = head.head
        while head.dep_ == "attr" and verb.dep_ == "conj" and not any(k.dep_ == "nsubj" for k in verb.children):
            verb = verb.head  # "Trump incites violence and is a birther who ...": the subject of the first verb
        owner = head.head if head.dep_ == "appos" else next((k for k in verb.children if k.dep_ == "nsubj"), None)
        ref = ctx.cast.mention_at(owner) if owner is not None else None
        if ref is not None and _named(ctx, ref.id, ("person", "organization")):
            return ref
    lemma = head.lemma_.lower()
    if head.pos_ == "NOUN" and not person and (lemma in _DOCUMENTS or lemma in _OWNED_MEDIA):
        # "Trump released a marketing video that said ...": whoever issued the document or owns the medium
        who = _issuer_of(ctx, head) or _owner_id(ctx, _medium_owner(head))
        return Ref(who, head.idx, head.idx + len(head)) if who else None
    if head.pos_ != "NOUN" or lemma in _MEDIA or lemma in _DOCUMENTS or lemma in _PROGRAMS or not (
            person or _person_like_noun(ctx, head) or lemma in PEOPLE_NOUNS | TITLE_NOUNS):
        return None  # ("who" stands for a person whatever the noun, "an architect who said", but a parse
    # may hang it on the show the people called: "listeners to his radio program who said")
    return _speaker(ctx, head, depth + 1)


# verbs whose object is whom the words are addressed to ("told AFP", "assured reporters")
_ADDRESSING = lexicon.words("quotes/addressing_verbs")


# what people speak on or through, never who speaks ("callers to his radio program who said")
_PROGRAMS = lexicon.words("quotes/program_nouns")


def _appositions(subj):
    """The appositions of a subject, and those that close it from the end of its "of" phrase ("the keeper
    of the archive, Jane Doe, said": the parse hangs the name on "archive")."""
    out = [k for k in subj.children if k.dep_ == "appos" or k.dep_ == "npadvmod" and k.pos_ == "PROPN"
           and k.i > subj.i and k.doc[k.left_edge.i - 1].text == ","]  # "says Wise's dad, Darrin" parsed so
    t = subj
    for _ in range(3):
        prep = next((k for k in t.children if k.dep_ == "prep" and k.lower_ == "of" and k.i > t.i), None)
        t = next((k for k in prep.children if k.dep_ == "pobj"), None) if prep is not None else None
        if t is None:
            break
        out += [k for k in t.children if k.dep_ == "appos" and k.right_edge.i + 1 < len(k.doc)
                and k.doc[k.right_edge.i + 1].text == "," and k.right_edge.i + 1 >= subj.right_edge.i]
    return out


# quantifiers that stand for a group with what restricts them ("some in the community", "those involved")
_QUANTIFIERS = {"some", "many", "most", "several", "all", "those", "others", "few", "both", "none"}
# the nouns of a share of people (data/en/quotes/shares without the quantifiers, groups of their own:
# restricted_group), "per cent" too
_SHARE_NOUNS = (lexicon.words("quotes/shares") - _QUANTIFIERS) | {"cent"}

# documents that speak for whoever issued them ("the statement said", "according to the complaint")
_DOCUMENTS = lexicon.words("quotes/document_nouns")
# nouns for an organization the text has named ("the company said", "the utility said")
_BODY_NOUNS = ORGANIZATION_NOUNS


def _named_speaker(ctx: _Ctx, subj, ref: Ref) -> Ref:
    """The speaker a description stands for, by name, when the text lets a reader tell: a document speaks
    for whoever issued it ("Gatsby said in a statement ... The statement said"), "the company" for the
    organization named before it, "the 26-year-old right wing" for the person named before it, "a hockey
    coach" for the person named right after it. A document whose issuer the text does not give has no
    speaker (the mention stays, the actor is unknown); other descriptions stay as they are."""
    head = ctx.cast.actors[ref.id].head or subj.lemma_.lower()
    mention = Ref("", ref.start, ref.end)
    if head in _DOCUMENTS or subj.lower_ in _DOCUMENTS:  # ("numbers", "figures": documents in the plural only)
        issuer = _issuer(ctx, subj.lemma_.lower(), subj) or (
            _spoken_before(ctx, subj) if _issued_by(subj) is None and not _bare_plural(subj) else None)
        return Ref(issuer, ref.start, ref.end) if issuer else mention
    definite = any(k.dep_ == "det" and k.lower_ in ("the", "this", "that") for k in subj.children) or any(
        k.dep_ == "poss" for k in subj.children) or subj.left_edge.i > 0 and ctx.doc[subj.left_edge.i - 1].lower_ == "the" \
        and ctx.doc[subj.left_edge.i - 1].head.i != subj.i and subj.pos_ == "ADJ"  # "the 27-year-old", broken up
    if head in _BODY_NOUNS:
        if definite:
            press = head in _PRESS_BODIES or any(k.lower_ in ("news", "press", "wire", "media") for k in subj.children)
            if _owned_by_place(ctx, subj):
                # "the city's public health department": a body of its own, unless one named so
                found = _named_with_noun(ctx, subj, head)
                return Ref(found, ref.start, ref.end) if found else ref
            other = _other_body(head)
            avoid = other if press else (lambda ctx, aid: _news_outlet(ctx, aid) or other(ctx, aid))
            owned = any(k.dep_ == "poss" for k in subj.children)  # "their union": of whom "their" means
            found = _named_with_noun(ctx, subj, head) or _named_before(ctx, subj, ("organization",), avoid=avoid) \
                or (None if owned else _only_body_before(ctx, subj, avoid))
            return Ref(found, ref.start, ref.end) if found else ref
        return ref
    given = _first_name_given(ctx, subj)
    if given is not None:
        return given  # "A mother of two who asked that only her first name, Crystal, be used"
    if not _one_person(ctx, subj, ref) or any(k.dep_ == "prep" and k.lower_ in ("for", "at", "with")
                                                and ctx.doc[k.i - 1].text != "-" for k in subj.children):
        return ref  # people ("the players"), or a role that introduces someone ("a spokeswoman for Trudeau")
    owner = ctx.cast.actors[ref.id].affiliation
    if any(k.dep_ == "poss" for k in subj.children) and owner in ctx.cast.actors \
            and ctx.cast.actors[owner].kind == "person":
        # "his father", "her lawyer": someone the person has, never that person; the one the text named
        # so before ("Smith's father, Joseph, ... His father said"), else the description
        found = _named_as_owned(ctx, subj, head, owner) or (_sole_holder(ctx, head, owner) if head in TITLE_NOUNS else None)
        return Ref(found, ref.start, ref.end) if found else ref
    if definite:
        if _UNNAMED.search(ctx.text[subj.left_edge.idx:subj.right_edge.idx + len(subj.right_edge)]):
            return ref  # "the official, who spoke on condition of anonymity"
        source = _unnamed_source_before(ctx, subj, head)
        if source is not None:
            return Ref(source, ref.start, ref.end)  # "A person familiar with the talks says ... the person said"
        found = _described_before(ctx, subj, head) or _named_before(
            ctx, subj, ("person",), gender=ctx.cast.gender.get(ref.id),
            avoid=_other_office(head) if head in TITLE_NOUNS else _other_age(ctx, subj))
        if found and head in _KIN and not _called(ctx, found, head, subj):
            return ref  # "the father" of someone the text speaks of, not the man named before
    else:
        found = _named_after(ctx, subj)
    return Ref(found, ref.start, ref.end) if found else ref


def _body_families() -> dict[str, int]:
    """Each noun for a body -> its kind (the line of data/en/quotes/body_families it is on)."""
    return {w: k for k, line in enumerate(lexicon.words("quotes/body_families")) for w in line.split()}


_BODY_FAMILY = _body_families()


def _other_body(head: str):
    """A predicate for ``_named_before``: the organization's name holds a noun for a body of another kind
    than ``head`` ("the union" is not the "Board of Trade"); a name with no such noun rules out nothing."""
    family = _BODY_FAMILY.get(head)

    def other(ctx: _Ctx, aid: str) -> bool:
        if family is None:
            return False
        words = re.findall(r"[a-z]+", ctx.cast.actors[aid].name.lower())
        kinds = {_BODY_FAMILY[w] for w in words if w in _BODY_FAMILY}
        return bool(kinds) and family not in kinds

    return other


def _owned_by_place(ctx: _Ctx, subj) -> bool:
    """A body noun that a place or a common noun owns ("the city's public health department", "Ontario's
    health ministry"), not a person or a pronoun ("Ford's government", "its board")."""
    for k in subj.children:
        if k.dep_ == "poss" and k.pos_ != "PRON":
            r = ctx.cast.mention_at(k)
            if r is None and k.pos_ == "NOUN" or r is not None and ctx.cast.actors[r.id].kind in ("country", "group") \
                    and k.ent_type_ in ("GPE", "LOC"):
                return True
    return False


def _only_body_before(ctx: _Ctx, subj, avoid, reach: int = 8) -> str | None:
    """The one organization named in the ``reach`` paragraphs before ``subj`` (outside quotes, bylines and
    credits, and not one ``avoid`` rules out), when the three before it name none ("Vancouver Coastal Health
    said ... ¶ [a quote, a video line] ¶ The health authority says"); None when several are named."""
    lo = ctx.pbounds[max(0, ctx.para(subj.idx) - reach)][0]
    found = {aid for s, e, aid in ctx.mentions_between(lo, subj.idx)
             if _named(ctx, aid, ("organization",)) and not _quoted_at(ctx, s) and not _furniture_at(ctx, s)
             and not (avoid and avoid(ctx, aid))}
    return next(iter(found)) if len(found) == 1 else None


def _other_age(ctx: _Ctx, subj):
    """A predicate for ``_named_before``, for a description by age ("the 81-year-old"): the person is one the
    text gives another age ("Olena Kravchuk, 73,"). None for a description without an age."""
    m = _AGE.search(ctx.text[subj.left_edge.idx:subj.idx + len(subj)])
    if m is None:
        return None
    age = int(m.group(1))
    ages = _ages(ctx)
    return lambda ctx, aid: bool(ages.get(aid)) and age not in ages[aid]


def _ages(ctx: _Ctx) -> dict[str, set[int]]:
    """Each person's ages as the text gives them: a number set off by commas right after their name
    ("Olena Kravchuk, 73, rolls out dough")."""
    found = ctx.ages
    if found is None:
        found = {}
        doc = ctx.doc
        for (s, e), aid in ctx.cast.mentions.items():
            a = ctx.cast.actors.get(aid)
            if a is None or a.kind != "person":
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            k = span.end if span is not None else len(doc)
            if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].like_num and doc[k + 1].text.isdigit() \
                    and doc[k + 2].text == "," and 0 < int(doc[k + 1].text) < 120:
                found.setdefault(aid, set()).add(int(doc[k + 1].text))
        ctx.ages = found
    return found


def _signed_actor(ctx: _Ctx, name) -> Ref:
    """The actor for a name that signs a quote and that the cast does not know: a person (an
    organization when the recognizer says so), mentioned there."""
    words = [t for t in name if t.lower_ not in HONORIFICS and t.lower_ not in TITLE_NOUNS] or list(name)
    label = _spelled(words)
    cast = ctx.cast
    aid = C.slug(label)
    kind = "organization" if any(t.ent_type_ == "ORG" for t in name) and not any(
        t.ent_type_ == "PERSON" for t in name) else "person"
    if aid not in cast.actors:
        cast._add(aid, label, kind, name[0].i)
    cast._mention(name[0].i, name[-1].i + 1, aid)
    return Ref(aid, name[0].idx, name[-1].idx + len(name[-1]))


def _first_name_given(ctx: _Ctx, subj) -> Ref | None:
    """The person a description gives the first name of ("A mother of two who asked that only her first name,
    Crystal, be used", "a nurse who gave only her first name, Maria"): that name, as a person."""
    doc = ctx.doc
    for t in subj.subtree:
        if t.lemma_.lower() == "name" and t.i > 0 and doc[t.i - 1].lower_ in ("first", "given") \
                and t.i + 2 < len(doc) and doc[t.i + 1].text == "," and doc[t.i + 2].is_title \
                and doc[t.i + 2].is_alpha and doc[t.i + 2].lower_ not in _NOT_NAMES:
            name = doc[t.i + 2]
            r = ctx.cast.mention_at(name)
            return Ref(r.id, name.idx, name.idx + len(name)) if r is not None else _signed_actor(ctx, [name])
    return None


# words that may follow "her first name," and are no name
_NOT_NAMES = frozenset({"be", "but", "and", "because", "so", "which", "the", "for"})


def _other_office(head: str):
    """A predicate for ``_named_before``: the person holds an office the text names by another title than
    ``head`` ("Finance Minister Bill Morneau" is not "the governor"); a title of no office ("Republican")
    or the same one in other words ("Sen.", "Justice" for "the judge") does not rule out."""
    same = {head} | _SAME_TITLE.get(head, set())

    def other(ctx: _Ctx, aid: str) -> bool:
        title = ctx.cast.actors[aid].title
        if not title:
            return False
        words = {w.strip(".").lower() for w in title.split()}
        offices = {w for w in words if w in TITLE_NOUNS or w in _TITLE_WORDS}
        return bool(offices) and not (words & same and _holds_title(title, same))

    return other


# words that make a title before which they stand another office ("Prime Minister" is not "the minister")
_OFFICE_MODIFIERS = lexicon.words("quotes/office_modifiers")


def _holds_title(title: str, heads: set[str]) -> bool:
    """The title (as written, "Deputy Prime Minister") names the office of one of ``heads`` ("minister"):
    it holds the word, and not right after a word that makes it another office ("prime", "deputy")."""
    words = [w.strip(".").lower() for w in title.replace("-", " ").split()]
    return any(w in heads and not (k and words[k - 1] in _OFFICE_MODIFIERS) for k, w in enumerate(words))


def _same_titles() -> dict[str, set[str]]:
    """Each title word of data/en/quotes/same_titles -> the other words for its office."""
    out: dict[str, set[str]] = {}
    for line in lexicon.words("quotes/same_titles"):
        words = set(line.split())
        for w in words:
            out.setdefault(w, set()).update(words - {w})
    return out


# titles that name one office in other words ("the judge" is "Justice X", "the senator" "Sen. X")
_SAME_TITLE = _same_titles()
_TITLE_WORDS = frozenset(_SAME_TITLE)


# a description that says its person is not named ("who spoke on condition of anonymity")
_UNNAMED = re.compile(r"\b(?:anonymity|anonymously|unnamed|not (?:to be )?(?:named|identified)|"
                      r"not authori[sz]ed to (?:speak|comment|discuss))\b", re.I)


def _unnamed_source_before(ctx: _Ctx, subj, head: str, reach: int = 3) -> str | None:
    """The unnamed source a definite description takes up: an indefinite description of the same noun that
    spoke before, in its paragraph or the ``reach`` before it, and that the text does not name ("A person
    familiar with the talks says ... according to the person")."""
    doc = ctx.doc
    lo = ctx.pbounds[max(0, ctx.para(subj.idx) - reach)][0]
    for j in range(bisect.bisect_left(ctx.subject_at, subj.left_edge.i) - 1, -1, -1):
        i, aid, _ = ctx.subject_list[j]
        k = doc[i]
        if k.idx < lo:
            break
        a = ctx.cast.actors.get(aid)
        if a is None or a.head != head or k.lemma_.lower() != head or _quoted_at(ctx, k.idx):
            continue
        if k.dep_ != "nsubj" or not _is_cue(k.head):
            continue
        if any(d.dep_ == "det" and d.lower_ in ("a", "an", "one") for d in k.children) and _named_after(ctx, k) is None:
            return aid
    return None


# nouns for someone's relative: "the father" is the person named before only if the text called him so
_KIN = KIN_NOUNS


def _sole_holder(ctx: _Ctx, head: str, owner: str) -> str | None:
    """The one named person the text gives the title ``head`` anywhere, not ``owner`` ("His lawyer argued ..."
    when the only lawyer named, later, is "Defence lawyer Sarah Inglis")."""
    found = {a.id for a in ctx.cast.actors.values() if a.kind == "person" and a.head is None and a.title
             and a.id != owner and _holds_title(a.title, {head})}
    return next(iter(found)) if len(found) == 1 else None


def _described_before(ctx: _Ctx, subj, head: str, reach: int = 3) -> str | None:
    """The person last described before ``subj`` by an apposition with its noun ("Linda Ostrowski, a retired
    teacher, ..." for "the retired teacher said"; "the chair, Jane Roe," for "the chair"), in its paragraph or
    the ``reach`` before it."""
    for aid, span in _people_named_before(ctx, subj, reach):
        root = span.root
        near = [k for k in root.children if k.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
        if any(n.lemma_.lower() == head and n.pos_ == "NOUN" for n in near):
            return aid
    return None


def _people_named_before(ctx: _Ctx, subj, reach: int):
    """(actor, span) of each named person's mention before ``subj`` outside quotation marks, in its paragraph
    or the ``reach`` before it, the nearest first."""
    lo = ctx.pbounds[max(0, ctx.para(subj.idx) - reach)][0]
    for s, e, aid in reversed(ctx.mentions_between(lo, subj.idx)):
        if not _named(ctx, aid, ("person",)) or _quoted_at(ctx, s):
            continue
        span = ctx.doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            yield aid, span


def _called(ctx: _Ctx, aid: str, noun: str, subj, reach: int = 3) -> bool:
    """The text calls ``aid`` by ``noun`` before ``subj``: the noun within four words of one of its
    mentions in ``subj``'s paragraph or the ``reach`` before it ("Ahmed, a father of three")."""
    doc = ctx.doc
    lo = ctx.pbounds[max(0, ctx.para(subj.idx) - reach)][0]
    for s, e, a in ctx.mentions_between(lo, subj.idx):
        if a != aid:
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and any(t.lemma_.lower() == noun for t in doc[max(0, span.start - 4):span.end + 4]):
            return True
    return False


def _named_as_owned(ctx: _Ctx, subj, head: str, owner: str, reach: int = 4) -> str | None:
    """The person named in apposition to the same description of the same owner before ``subj``, in its
    paragraph or the ``reach`` paragraphs before it: "Smith's father, Joseph," for a later "his father"."""
    for aid, span in _people_named_before(ctx, subj, reach):
        k = span.root
        if k.dep_ != "appos":
            continue
        poss = next((c for c in k.head.children if c.dep_ == "poss"), None)
        r = ctx.cast.mention_at(poss) if poss is not None else None
        if r is None:
            continue
        if aid != owner and k.head.lemma_.lower() == head and r.id == owner:
            return aid
        if aid == owner and k.head.lemma_.lower() in _KIN_INVERSE.get(head, ()) and r.id != owner \
                and _named(ctx, r.id, ("person",)):
            return r.id  # "Kravchuk's granddaughter, Tasha Kravchuk-Lee" for a later "her grandmother"
    return None


def _kin_inverses() -> dict[str, set[str]]:
    """Each noun for a relative -> the nouns for the relative from the other side (data/en/quotes/kin_inverses)."""
    out: dict[str, set[str]] = {}
    for line in lexicon.words("quotes/kin_inverses"):
        left, _, right = line.partition("|")
        for a in left.split():
            out.setdefault(a, set()).update(right.split())
        for b in right.split():
            out.setdefault(b, set()).update(left.split())
    return out


_KIN_INVERSE = _kin_inverses()


def _named_with_noun(ctx: _Ctx, subj, head: str) -> str | None:
    """The organization named before ``subj`` whose name holds the noun ("the commission" for the Ontario
    Civilian Police Commission, even after another body was named); of several, the one named most often
    before it, then first (the story's commission, not the one named in passing); None when none."""
    found = {a.id: a.first for a in ctx.cast.actors.values()
             if a.kind == "organization" and a.head is None and a.first < subj.i and len(a.name.split()) > 1
             and head in (w.lower() for w in re.findall(r"[\w'-]+", a.name))}
    if len(found) <= 1:
        return next(iter(found), None)
    named = Counter(aid for _, _, aid in ctx.mentions_between(0, subj.idx) if aid in found)
    return max(found, key=lambda aid: (named[aid], -found[aid]))


_AGE = re.compile(r"\b(\d+)-year-old\b")


def _one_person(ctx: _Ctx, subj, ref: Ref) -> bool:
    """A description of one person: a person's title or a noun for a person, one of an age ("the
    26-year-old right wing"), or a singular noun of the shape of one ("the affable proprietor")."""
    if ctx.cast.actors[ref.id].kind == "person":
        return True
    if _AGE.search(ctx.text[subj.left_edge.idx:subj.idx + len(subj)]) and subj.tag_ not in ("NNS", "NNPS"):
        return True  # "the 73-year-old", "the 26-year-old right wing"
    subj = _hyphen_first(subj)  # "the sergeant-at-arms", "the editor-in-chief": the first noun is the head
    if subj.tag_ != "NN":
        return False
    return subj.lemma_.lower() in PEOPLE_NOUNS or bool(_PERSON_SUFFIX.search(subj.lower_))


def _hyphen_first(tok):
    """The first word of the hyphenated noun ``tok`` ends ("sergeant" of "sergeant-at-arms"), a noun;
    else ``tok``."""
    doc = tok.doc
    i = tok.i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        i -= 2
    return doc[i] if i != tok.i and doc[i].pos_ == "NOUN" else tok


_PERSON_SUFFIX = re.compile(r"\w{3}(?:er|or|ist|ian|ant|ent|eer|ee)$")  # "owner", "chemist"; not "list"


SPEAKER_REACH = 4  # paragraphs back that a "he said" may reach for its speaker


def _pronoun_speaker(ctx: _Ctx, pron, depth: int = 0) -> str | None:
    """Who "he" or "she" as a speaker stands for (``_pronoun_scores``), each resolved once per document (a
    "he" takes up whom the "he" of the sentence before stood for)."""
    if pron.i not in ctx.pronoun_of:
        ctx.pronoun_of[pron.i] = _pronoun_scores(ctx, pron, depth)
    return ctx.pronoun_of[pron.i]


def _pronoun_scores(ctx: _Ctx, pron, depth: int = 0) -> str | None:
    """Who "he" or "she" as a speaker stands for: the named person of that gender (when known) most salient
    before it, each mention counting for more the nearer it is and the more it is what its sentence is about
    (the subject of a main clause, then of any clause, then any mention), a person quoted just before
    counting for more still; but the person the sentence before is about first (``_previous_topic``),
    when its own sentence names none before it; mentions inside quotation marks or inside what someone is reported to have said do not count ("He
    said the credit union of his father's friend, Martin Legere, ...")."""
    doc = ctx.doc
    want = "f" if pron.lower_ == "she" else "m"
    p = ctx.para(pron.idx)
    lo = ctx.pbounds[max(0, p - SPEAKER_REACH)][0]
    sent_of = {}
    scores: dict[str, float] = {}
    last: dict[str, int] = {}
    here = pron.sent.start
    reported = _reported_tokens(ctx)
    for s, e, aid in ctx.mentions_between(lo, pron.idx):
        if not _named(ctx, aid, ("person",)) or ctx.cast.gender.get(aid) not in (None, want):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or _quoted_at(ctx, s) or _furniture_at(ctx, s):
            continue
        root = span.root
        if root.i in reported and not _quote_speaker(ctx, root):
            continue
        if root.dep_ == "nsubj" and root.head.dep_ == "ROOT" and root.head.lemma_.lower() in SPEECH:
            weight = 4.0  # "Jane Doe said the school ...": a "he said" after it most often goes on with her
        elif root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ in ("ROOT", "conj") or _quote_speaker(ctx, root):
            weight = 3.0
        elif root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ in ("advcl", "relcl", "acl"):
            weight = 1.5  # "Although Trump has tweeted ...": the subject of a side clause is less in view
        elif root.dep_ in ("nsubj", "nsubjpass"):
            weight = 2.0
        else:
            weight = 1.0
        distance = sum(1 for _ in _sentences_between(doc, root.sent.start, here, sent_of))
        if ctx.cast.gender.get(aid) is None:
            weight *= 0.5  # a person the text gives the pronoun's gender counts for more than one it does not
        scores[aid] = scores.get(aid, 0.0) + weight * 0.5 ** distance
        last[aid] = s
    topic = _previous_topic(ctx, pron, want, lo, reported, depth)
    if topic is not None and not any(last.get(a, -1) >= doc[here].idx for a in last):
        return topic
    if not scores:
        return None
    return max(scores, key=lambda aid: (round(scores[aid], 6), last[aid]))  # a tie: the one named last


def _previous_body(ctx: _Ctx, pron) -> str | None:
    """The body the sentence right before ``pron``'s (in its paragraph or the one before) is about: the
    subject of its main clause when it is one organization, country or body ("the ministry's consular
    office"); None when that sentence is about something else."""
    doc = ctx.doc
    k = pron.sent.start - 1
    if k < 0 or ctx.para(doc[k].idx) < ctx.para(pron.idx) - 1 or _furniture_at(ctx, doc[k].idx):
        return None
    for t in doc[k].sent:
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and t.i not in ctx.quoted:
            if t.tag_ not in ("NN", "NNP", "NNPS"):
                return None  # "the ministries", "they"
            r = ctx.cast.mention_at(t) or ctx.cast.resolve(t, create=True)
            if r is None or not r.id or r.id not in ctx.cast.actors:
                return None
            kind = ctx.cast.actors[r.id].kind
            return r.id if kind in ("organization", "country") or kind == "group" and t.pos_ == "NOUN" else None
    return None


def _previous_document(ctx: _Ctx, pron) -> str | None:
    """The issuer of the document the sentence right before ``pron``'s names last, when "it" is that
    document ("X cited a memorandum issued by the agency. It says ..."): its issuer as ``_issuer_of``
    finds it; None when that sentence names no document or the text does not say who issued it."""
    doc = ctx.doc
    k = pron.sent.start - 1
    if k < 0 or ctx.para(doc[k].idx) < ctx.para(pron.idx) - 1 or _furniture_at(ctx, doc[k].idx):
        return None
    nouns = [t for t in doc[k].sent if t.pos_ == "NOUN" and t.tag_ == "NN" and t.lemma_.lower() in _DOCUMENTS
             and t.dep_ in ("dobj", "pobj", "attr", "appos") and t.i not in ctx.quoted]
    if not nouns:
        return None
    noun = nouns[-1]
    by = _issued_by(noun)
    if by is not None:  # "a memorandum issued by the immigration agency": the one it names, even unnamed
        r = ctx.cast.resolve(by, create=True)
        return r.id if r is not None and r.id else ""
    if noun.dep_ == "dobj" and _reported.lemma(noun.head) not in _ISSUING:
        return None  # "Salceda cited a memorandum": who cites it did not write it
    return _issuer_of(ctx, noun)


PRONOUN_CHAIN = 12  # sentences of "he ..." back that one "he said" may follow to a name


def _previous_topic(ctx: _Ctx, pron, want: str, lo: int, reported: set[int], depth: int = 0) -> str | None:
    """The person the sentence before the pronoun's is about: the subject of its main clause, named and of
    the pronoun's gender when known, or a "he"/"she" resolved before (a "he said" takes up whom the last
    sentence was about). Captions, tweets and quotations are skipped; None when that sentence is about no
    such person."""
    doc = ctx.doc
    k = pron.sent.start - 1
    for _ in range(3):  # past a caption or a line of furniture
        if k < 0 or doc[k].idx < lo:
            return None
        sent = doc[k].sent
        k = sent.start - 1
        if _furniture_at(ctx, sent.start_char) or all(t.i in ctx.quoted or t.is_punct or t.is_space for t in sent):
            continue
        for t in sent:
            if t.dep_ not in ("nsubj", "nsubjpass") or t.head.dep_ not in ("ROOT", "conj") or t.i in ctx.quoted \
                    or t.i in reported and not _quote_speaker(ctx, t):
                continue
            if t.lower_ == pron.lower_:
                return _pronoun_speaker(ctx, t, depth + 1) if depth < PRONOUN_CHAIN else None
            r = ctx.cast.mention_at(t)
            if r is not None and _named(ctx, r.id, ("person",)) and ctx.cast.gender.get(r.id) in (None, want):
                return r.id
            if r is None and _one_described(t) and not any(k.dep_ == "appos" and ctx.cast.mention_at(k) is not None
                                                           for k in t.children):  # not one named beside it
                # "The 35-year-old captain logged 26 minutes ... “...,” he said": whom the description means
                return _named_before(ctx, t, ("person",), gender=want, avoid=_other_age(ctx, t))
            if r is None and t.pos_ == "NOUN" and t.head.lemma_.lower() in SPEECH:
                # "A mother of two who asked that only her first name, Crystal, be used says ...": the speaker
                # the description was resolved to, a named person or one person described ("Another parent in
                # line, who asked not to be named, said ... “...,” she said")
                said = _speaker(ctx, t, depth + 1) if depth < PRONOUN_CHAIN else None
                if said is not None and said.id and (_named(ctx, said.id, ("person",)) or t.tag_ == "NN"
                                                     and ctx.cast.actors[said.id].kind in ("person", "group")
                                                     and t.lemma_.lower() in PEOPLE_NOUNS | TITLE_NOUNS | KIN_NOUNS) \
                        and ctx.cast.gender.get(said.id) in (None, want):
                    return said.id
            return None
        root = sent.root
        r = ctx.cast.mention_at(root) if root.pos_ == "PROPN" and root.i not in ctx.quoted else None
        if r is not None and _named(ctx, r.id, ("person",)) and ctx.cast.gender.get(r.id) in (None, want) \
                and all(ctx.cast.mention_at(t) == r or t.is_punct or t.lower_ in HONORIFICS for t in doc[sent.start:root.i]):
            return r.id  # "Mr. Brison, who has represented ..., announced ...", the parse making the name the root
        return None
    return None


def _one_described(t) -> bool:
    """A definite description of one person ("the 35-year-old captain", "the coach"), not a name."""
    return t.pos_ == "NOUN" and t.tag_ == "NN" and any(k.dep_ == "det" and k.lower_ == "the" for k in t.children) \
        and (t.lemma_.lower() in TITLE_NOUNS or t.lemma_.lower() in PEOPLE_NOUNS or bool(_AGE.search(
            t.doc[t.left_edge.i:t.i + 1].text)))


def _quote_speaker(ctx: _Ctx, tok) -> bool:
    """``tok`` is the subject of the cue that closes a direct quote (",” said Jane Doe", ",” Doe said"): a
    speaker, even where the parse hung that cue inside the next sentence's reported clause."""
    if tok.dep_ != "nsubj" or not _is_cue(tok.head):
        return False
    first = min(tok.head.i, tok.left_edge.i)
    return any(ctx.doc[i].i in ctx.mark_tok for i in range(max(0, first - 2), first))


def _sentences_between(doc, start: int, end: int, cache: dict):
    """The sentence starts from the sentence at token ``start`` up to, not including, the one at ``end``."""
    key = (start, end)
    if key not in cache:
        starts, i = [], start
        while i < end:
            starts.append(i)
            i = doc[i].sent.end
        cache[key] = starts
    return cache[key]


def _reported_tokens(ctx: _Ctx) -> set[int]:
    """The tokens of what speech verbs report ("said [the plan was dead]"), read once per document."""
    if ctx.reported is None:
        ctx.reported = set()
        for t in ctx.doc:
            if t.lemma_.lower() in SPEECH and t.pos_ in ("VERB", "AUX"):
                for k in t.children:
                    if k.dep_ == "ccomp":
                        ctx.reported.update(x.i for x in k.subtree)
    return ctx.reported


def _named(ctx: _Ctx, aid: str, kinds: tuple[str, ...]) -> bool:
    """An actor of one of ``kinds`` that the text names (not one made from a description)."""
    a = ctx.cast.actors.get(aid)
    return a is not None and a.kind in kinds and a.head is None


def _named_before(ctx: _Ctx, subj, kinds: tuple[str, ...], gender: str | None = None, reach: int = 3,
                  avoid=None) -> str | None:
    """The actor of one of ``kinds`` named last before ``subj`` outside quotation marks, in its paragraph or
    the ``reach`` paragraphs before it, of the gender given when it is known, and not one ``avoid`` (a
    predicate on the actor) rules out."""
    p = ctx.para(subj.idx)
    lo = ctx.pbounds[max(0, p - reach)][0]
    subjects = [(i, aid) for i, aid, _ in ctx.subject_list if lo <= ctx.doc[i].idx < subj.idx
                and _named(ctx, aid, kinds) and not _quoted_at(ctx, ctx.doc[i].idx) and not _furniture_at(ctx, ctx.doc[i].idx)
                and (not gender or ctx.cast.gender.get(aid) in (None, gender))
                and not (avoid and avoid(ctx, aid))]
    alone = _one_named_right_before(ctx, subj, kinds, gender, avoid)
    if alone is not None:
        return alone
    main = [(i, aid) for i, aid in subjects if ctx.doc[i].head.dep_ in ("ROOT", "conj")]
    for i, aid in reversed(main or subjects):  # the last one a sentence was about first
        return aid
    for s, e, aid in reversed(ctx.mentions_between(lo, subj.idx)):
        if _named(ctx, aid, kinds) and not _quoted_at(ctx, s) and not _furniture_at(ctx, s) \
                and (not gender or ctx.cast.gender.get(aid) in (None, gender)) and not (avoid and avoid(ctx, aid)):
            return aid  # not a byline's or a credit's name
    return None


def _one_named_right_before(ctx: _Ctx, subj, kinds: tuple[str, ...], gender: str | None, avoid) -> str | None:
    """The one actor of ``kinds`` the sentence right before ``subj``'s names, in any role, when ``subj``'s own
    sentence names none before it ("Giordano's goal was his 12th. The 35-year-old captain logged 26 minutes"):
    None when it names several, or none."""
    doc = ctx.doc
    sent = subj.sent
    if sent.start == 0 or ctx.para(doc[sent.start - 1].idx) != ctx.para(subj.idx):
        return None
    before = doc[sent.start - 1].sent

    def named(lo: int, hi: int) -> set[str]:
        return {aid for s, e, aid in ctx.mentions_between(lo, hi) if _named(ctx, aid, kinds)
                and not _quoted_at(ctx, s) and not _furniture_at(ctx, s)}

    if named(sent.start_char, subj.idx):
        return None
    found = named(before.start_char, before.end_char)
    if len(found) != 1:
        return None
    aid = next(iter(found))
    ok = (not gender or ctx.cast.gender.get(aid) in (None, gender)) and not (avoid and avoid(ctx, aid))
    return aid if ok else None


# nouns for a news outlet as a body ("the newspaper said"); "the agency" is one only as "the news agency"
_PRESS_BODIES = lexicon.words("quotes/press_bodies")


def _news_outlet(ctx: _Ctx, aid: str) -> bool:
    """Whether an actor is a news outlet by its name ("CBC News", "The Globe and Mail", "Reuters"): what "the
    agency" or "the company" means only when the text calls it a news agency or a media company."""
    return bool(_OUTLET_NAME.search(ctx.cast.actors[aid].name))


_OUTLET_NAME = re.compile(r"(?i:\b" + lexicon.pattern("byline/outlets") + r"\b)"
                          r"|\b" + lexicon.pattern("quotes/outlet_words") + r"\b")


def _named_after(ctx: _Ctx, subj) -> str | None:
    """The person an indefinite description introduces, when the text names them after it with the same
    noun ("A Vancouver hockey coach says ... coach Stephen Gillis"); None for an anonymous source ("a
    person familiar with the talks")."""
    doc = ctx.doc
    for s, e, aid in ctx.mentions_between(subj.idx + 1, len(ctx.text)):
        if not _named(ctx, aid, ("person",)) or _quoted_at(ctx, s):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        near = doc[max(0, span.start - 3):min(len(doc), span.end + 4)]
        if any(t.lemma_.lower() == subj.lemma_.lower() for t in near if t.i < span.start or t.i >= span.end):
            return aid
    return None


def _spoken_before(ctx: _Ctx, subj) -> str | None:
    """The named speaker of the sentence right before ``subj``'s, when it has one: "The aid group Gatsby
    said its director was killed. A statement said ..." (the statement is Gatsby's)."""
    sent = subj.sent
    if sent.start == 0:
        return None
    before = ctx.doc[sent.start - 1].sent
    for t in before:
        if _is_cue(t) and t.i not in ctx.quoted:
            att = _attribution_from_cue(ctx, t)
            if att.ref is not None and att.ref.id and _named(ctx, att.ref.id, ("person", "organization")) \
                    and ctx.text[att.ref.start:att.ref.end].lower() not in _PRONOUNS:
                return att.ref.id  # by name: "he told her ... according to the complaint" is no issuer
    return None


_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who"}


def _quoted_at(ctx: _Ctx, char: int) -> bool:
    """Character ``char`` stands between quotation marks."""
    spans = ctx.quoted_spans
    k = bisect.bisect_right(spans, (char, float("inf"))) - 1
    return k >= 0 and char < spans[k][1]


def _issuer(ctx: _Ctx, head: str, subj) -> str | None:
    """Who issued the document ``head`` names, as the text says it: its owner or author ("Gatsby's
    statement", "a statement from Gatsby", "a statement released by Gatsby"), or, for "the statement", the
    one who issued one before ("Gatsby said in a statement", "Gatsby released a statement", "a complaint
    filed by prosecutors")."""
    if ctx.by_lemma is None:
        ctx.by_lemma = {}
        for t in ctx.doc:
            if t.pos_ in ("NOUN", "PROPN"):
                ctx.by_lemma.setdefault(_ONE_DOCUMENT.get(t.lemma_.lower(), t.lemma_.lower()), []).append(t)
    before = [t for t in ctx.by_lemma.get(_ONE_DOCUMENT.get(head, head), []) if t.i <= subj.i]  # the mentions of one noun: a few
    if any(k.dep_ == "det" and k.lower_ in ("a", "an", "another") for k in subj.children) or _bare_plural(subj):
        before = before[-1:]  # "a statement", "exit polls" are new ones: not one issued before
    kind = _of_what(subj)
    for t in reversed(before):  # this document first, then the nearest one before it
        if t.tag_ == "NNS" and subj.tag_ == "NN" and t.i != subj.i:
            continue  # "the statement" is one of "impact statements" several delivered, not theirs
        if kind is not None and _of_what(t) != kind:
            continue  # "The statement of claim" is no "victim impact statement"
        who = _issuer_of(ctx, t)
        if who:
            return who
        by = _issued_by(t)
        if by is not None and (t.i == subj.i or ctx.cast.mention_at(by) is not None
                               or by.lemma_.lower() not in TITLE_NOUNS | PEOPLE_NOUNS):
            # "a statement released by the prime minister's office": the one it names, even unnamed; "The
            # report also warns" after "a report prepared by city staff": the staff (a person the text names
            # only by a title is left to the quote's own resolution)
            r = ctx.cast.resolve(by, create=True)
            return r.id if r is not None and r.id else None
    return None


def _of_what(noun) -> str | None:
    """What an "of" after a document noun says it is ("statement of claim": "claim"), else None."""
    prep = next((k for k in noun.children if k.dep_ == "prep" and k.lower_ == "of"), None)
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    return pobj.lemma_.lower() if pobj is not None else None


def _bare_plural(noun) -> bool:
    """A plural noun with no determiner or possessor ("exit polls", "numbers"): new documents, not ones
    the text spoke of before."""
    return noun.tag_ == "NNS" and not any(k.dep_ in ("det", "poss") for k in noun.children)


_PUBLISHED = {"report", "story", "article", "editorial", "column", "investigation"}
# nouns that name the same document ("Podliska's lawsuit ... the suit says")
_ONE_DOCUMENT = lexicon.table("quotes/same_documents")


def _issued_by(noun):
    """The possessor of a document noun ("a school's list"), or the object of "by" or "from" on it or on
    the participle after it ("a statement from X", "a complaint filed by X"), or None."""
    for k in noun.children:
        if k.dep_ == "poss":
            return k
        if k.dep_ == "prep" and k.lower_ == "in" and noun.lemma_.lower() in _PUBLISHED:
            pobj = next((g for g in k.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ == "PROPN":
                return pobj  # "a report in The Daily Courier": the paper that published it
        if k.dep_ == "prep" and k.lower_ in ("by", "from"):
            return next((g for g in k.children if g.dep_ == "pobj"), None)
        if k.dep_ in ("acl", "relcl") and _reported.lemma(k) not in _HOLDING:
            for p in k.children:
                if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ == "by"):
                    return next((g for g in p.children if g.dep_ == "pobj"), None)
    return None


# what is done to a document by someone other than its author ("a memo obtained by The Globe", "a report
# seen by Reuters", "a letter reviewed by the committee"): the one named did not issue it
_HOLDING = lexicon.words("quotes/holding_verbs")


def _issuer_of(ctx: _Ctx, noun) -> str | None:
    """The named actor that issued one mention of a document: its possessor, the object of "by"/"from"
    after it or after the participle on it ("filed by", "released by"), the subject of the verb that
    issues it ("X released a statement") or of the speech verb it is the medium of ("X said in a statement")."""
    def actor(tok) -> str | None:
        return _owner_id(ctx, tok)

    for k in noun.children:
        if k.dep_ in ("poss", "compound") and actor(k):
            return actor(k)  # "Gatsby's statement", "the Civic Action study"
        if k.dep_ == "compound" and k.pos_ == "PROPN":
            # "a Reuters/Ipsos poll": the name the recognizer tagged in the pollsters' compound
            found = next((actor(g) for g in k.subtree if g.i < k.i and g.pos_ == "PROPN" and actor(g)), None)
            if found:
                return found
        if k.dep_ == "prep" and k.lower_ in ("by", "from"):
            for g in k.children:
                if g.dep_ == "pobj":
                    return actor(g)  # "a letter from his doctor": the doctor's, named or not
        if k.dep_ in ("acl", "relcl") and _reported.lemma(k) not in _HOLDING:  # "a complaint filed by", "a study which is being released by"
            for p in k.children:
                if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ == "by"):
                    for g in p.children:
                        if g.dep_ == "pobj":
                            return actor(g)
    verb = noun.head
    if noun.dep_ == "nsubjpass" and _reported.lemma(verb) in _ISSUING:
        # "The complaint ... was filed last spring by Tom Varga"
        agent = next((g for p in verb.children if p.dep_ == "agent" for g in p.children if g.dep_ == "pobj"), None)
        return actor(agent) if agent is not None else None
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "said in a statement"
        root = noun.sent.root
        if (_reported.lemma(verb) not in SPEECH or verb.dep_ in ("advcl", "acl", "ccomp")) and root.i > noun.i \
                and root.i != verb.i and _reported.lemma(root) in SPEECH:
            verb = root  # "In a victim impact statement read aloud in court, Ostrowski wrote ...", misparsed
    elif noun.dep_ != "dobj" or _reported.lemma(verb) not in _ISSUING:
        return None  # "X released a report", not "X faces a lawsuit", "X cited a memo", "X read the letter"
    subj = next((k for k in verb.children if k.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if actor(subj) is None and subj.pos_ == "NOUN" and subj.lemma_.lower() not in _DOCUMENTS and _reported.lemma(verb) in _ISSUING:
        # "a group of parents sent a letter": the group the text describes, unnamed
        r = ctx.cast.resolve(subj, create=True)
        return r.id if r is not None and r.id and ctx.cast.actors[r.id].kind in ("person", "group", "organization") else None
    if subj.lower_ in ("he", "she"):
        return _pronoun_speaker(ctx, subj)  # "In a written statement read by the Crown, he wrote that ..."
    return actor(subj)


def _named_so(ctx: _Ctx, noun) -> Ref | None:
    """The name a participle gives a described noun ("a former staffer named Bradley Podliska", "a group
    called Parents First"), or None."""
    if noun.pos_ != "NOUN":
        return None
    for k in noun.children:
        if k.dep_ == "acl" and k.lemma_.lower() in ("name", "call") and k.tag_ == "VBN":
            for g in k.children:
                if g.dep_ in ("oprd", "attr", "dobj", "xcomp", "npadvmod"):
                    r = ctx.cast.mention_at(g)
                    if r is not None:
                        return r
    return None


# verbs that issue a document ("sent a letter", "released a statement", "filed a lawsuit")
_ISSUING = lexicon.words("quotes/issuing_verbs")


# What someone says or writes something in: its author is the source.
_OWNED_MEDIA = lexicon.words("quotes/owned_media")


def _medium_owner(subj):
    """The author of a medium noun: "Clinton's speech", "a speech Mrs. Clinton delivered",
    "a statement by / from the ministry"; None otherwise."""
    if subj.pos_ != "NOUN" or subj.lemma_.lower() not in _OWNED_MEDIA and subj.lower_ not in _OWNED_MEDIA:
        return None
    for k in subj.children:
        if k.dep_ == "poss" and k.lower_ not in ("its", "their"):
            return k
        if k.dep_ == "prep" and k.lower_ in ("by", "from"):
            pobj = next((c for c in k.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if k.dep_ in ("relcl", "acl") and k.pos_ in ("VERB", "AUX"):
            nsubj = next((c for c in k.children if c.dep_ == "nsubj"), None)
            if nsubj is not None and nsubj.lower_ not in ("that", "which", "who"):
                return nsubj
    return None


def _attribution_from_cue(ctx: _Ctx, v) -> _Att:
    cue, cs, _ = _cue_text(ctx.doc, v)
    subj = _subject(ctx, v)
    ref = _speaker(ctx, subj)
    if ref is None and v.dep_ == "acl" and v.head.pos_ == "NOUN" and v.head.lemma_.lower() in _DOCUMENTS:
        # "X released a statement saying that ...": the statement's issuer
        who = _issuer_of(ctx, v.head)
        if who:
            noun = v.head
            ref = Ref(who, ctx.doc[noun.left_edge.i].idx, noun.idx + len(noun))
    if ref is None:
        # "..., said Lavrov" parsed without a subject: the next name after the cue (not the subject of what
        # it reports: "saying that Trump had ...")
        for t in ctx.doc[v.i + 1:min(v.i + 4, len(ctx.doc))]:
            if t.lower_ == "that":
                break
            if t.dep_ in ("dobj", "dative") and t.head.i == v.i and _reported.lemma(v) in _ADDRESSING:
                break  # "Ramos told AFP": whom one tells is not who speaks
            r = ctx.cast.mention_at(t)
            if r is not None:
                ref, subj = r, t
                break
    if ref is None:
        # "“...,” Texas delegate Bill Eastland, wearing a hat, said": a name between the quote and the cue
        found = []
        for i in range(v.i - 1, max(-1, v.i - 25), -1):
            t = ctx.doc[i]
            if i in ctx.quoted or i in ctx.mark_tok or t.text in (".", "!", "?") or "\n" in t.whitespace_ or t.is_space:
                break  # nor into the paragraph before (a headline without a full stop)
            r = ctx.cast.mention_at(t)
            if r is not None:
                found.append((t, r))
        persons = [(t, r) for t, r in found if ctx.cast.actors[r.id].kind == "person"]
        pick = (persons or found)[-1:] if found else []
        if pick:
            subj, ref = pick[0]
    return _Att(cue, cs, ref)


# shares of people, as poll stories give them ("six in 10 say", "half said", "a majority of voters backed")
_SHARES = lexicon.words("quotes/shares")
_PEOPLE = lexicon.words("quotes/groups")
# words of a poll's sentence ("72 percent", "the poll")
_POLL_WORDS = lexicon.words("quotes/poll_words")


def _group_of_people(subj) -> bool:
    """"Six in 10 voters", "half", "72 percent of Democrats", "most in both states", "white men"."""
    lem = subj.lemma_.lower()
    if subj.head.lemma_.lower() in ("mean", "imply"):
        return False
    if lem in _PEOPLE or subj.lower_ in _PEOPLE:
        return True
    if lem in _SHARES or subj.lower_ in _SHARES or (subj.like_num and subj.dep_ in ("nsubj",)):
        of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if whole is not None:
            # "72 percent of Democrats", not "most of the money"
            return (whole.lemma_.lower() in _PEOPLE or whole.lower_ in ("them", "us", "those", "these")
                    or whole.ent_type_ in ("NORP", "PERSON", "ORG") or whole.lemma_.lower() in _SHARES)
        if lem in ("all", "some", "both", "none", "many", "few", "most"):
            # pronoun-like shares: only with people after them or in a poll sentence ("most in both states")
            return any(c.dep_ == "prep" for c in subj.children) or any(
                t.like_num or t.lower_ in _POLL_WORDS for t in subj.sent)
        return True
    return False


def _to_reader(subj) -> bool:
    """A question to the reader ("Do you support X?", "What do you think?"): nobody's claim."""
    return subj is not None and subj.lower_ == "you" and subj.sent.text.rstrip().endswith("?")


def _person_like(ctx: _Ctx, v) -> bool:
    subj = _subject(ctx, v)
    if subj is None:
        return False
    if _to_reader(subj):
        return False
    if subj.pos_ == "PRON":
        return subj.lower_ not in ("it", "this", "that", "which")
    return _person_like_noun(ctx, subj)


_PEOPLE_NOUNS = lexicon.words("quotes/speaker_nouns")


# bodies that speak through statements ("the ministry said", "the army denied")
_SPEAKING_BODIES = lexicon.words("quotes/speaking_bodies")


def _person_like_noun(ctx: _Ctx, subj) -> bool:
    """A noun that may stand for someone who speaks: a cast mention, a group of people, an official, a
    person, organization or nation, a body that speaks through statements ("the interior ministry")."""
    if ctx.cast.mention_at(subj) is not None:
        return True
    if _group_of_people(subj):
        return True
    return (subj.lemma_.lower() in _PEOPLE_NOUNS | _SPEAKING_BODIES
            or subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"))


def _animacy(ctx: _Ctx, tok) -> str:
    """Who a noun stands for, as a feature of the learned models: an actor's kind ("person",
    "organization", "country", "group"), "people" ("voters", "officials", "72 percent of Democrats"),
    a named person, organization or place, a document ("the report", "a poll"), or a thing."""
    ref = ctx.cast.mention_at(tok)
    if ref is not None:
        a = ctx.cast.actors.get(ref.id)
        return a.kind if a is not None else "actor"
    lem = tok.lemma_.lower()
    if _group_of_people(tok) or lem in _PEOPLE_NOUNS:
        return "people"
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return "ent:" + tok.ent_type_
    if lem in _reported.SOURCE_NOUNS:
        return "document"
    if tok.ent_type_:
        return "ent:other"
    return "propn" if tok.pos_ == "PROPN" else "thing"
# what a source does not wish to be: "did not wish to be named"
# verbs of praise and blame: their object is what they judge, and a quote in it names that thing
# ("hailed an “allied cooperation agreement” signed with ..."), it is not what was said about it
_JUDGE = _reported.speech_verbs("judge")


# what carries content rather than being it ("wrote a letter", "issued a statement")
_MEDIA = _reported.SOURCE_NOUNS | lexicon.words("quotes/media_nouns")
