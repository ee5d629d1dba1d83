"""Positions: what actors said, did or stand for, each tied to a source span.

``find(doc, cast, quotes)`` returns ``Position`` items in text order. A
position comes from a stance or speech verb ("denied the accusations",
"backed out of the meeting saying ...", "welcomed a mission"; the statement
starts at the verb and a layout names the holder before it), from a stance
noun with its owner ("Armenia's rejection of the demand": the owner is in the
statement), or from a direct quote that states its speaker's stance (``quotes``:
the quote's own span, ``Position.direct``), with the actor resolved through the
cast (names, capitals, pronouns, "his government"). A mixed quote ("pledged that
Azerbaijan “will do everything ...”") is the speaker's statement; a statement
inside a larger one of the same party, or the same words under a second party
that no verb gives them to, is given once.

The word lists are data files: ``data/en/positions/`` (stance verbs and nouns, words that
make a quote a stance), with the speech lexicon and the phrasal cues shared with the quotes
(``speech_verbs.txt``, ``phrasal_verbs.txt``).
"""

from __future__ import annotations

import bisect
import re

from ..model.brief import Position, Quote
from . import lexicon
from ._reported import speech_verbs
from .nlp import text_of
from .actors import SELF_PRONOUNS, Cast, Ref
from ._quote_context import PHRASAL, REPORT, SPEECH, _BELIEF, _Ctx, _cue_text, _sent_in_para
from ._speakers import _person_like, _subject
from .quotes import _trim

# Stance verbs: the verb and what follows it are the position of its subject ("rejected the demand").
STANCE = lexicon.words("positions/stance_verbs")
# Speech verbs that state a position: the speech lexicon's, but those that state none by themselves
# ("asked", "answered", "read").
SAY = (SPEECH | REPORT) - _BELIEF - speech_verbs("nostance")
# Verbs that only make a stance with a particle ("backed out", "pulled out", "walked away"): verb -> its
# particles among the phrasal cues.
NEED_PARTICLE = {verb: frozenset(p for v, p in PHRASAL if v == verb)
                 for verb in lexicon.ordered("positions/particle_verbs")}
# Stance verbs that only make a position with a person-like subject ("the ministry wants ...").
_INTENT = lexicon.words("positions/intent_verbs")
# Stance nouns: with an owner, a position ("Armenia's rejection of the demand").
STANCE_NOUNS = lexicon.words("positions/stance_nouns")


def _statement_bounds(ctx: _Ctx, v) -> tuple[int, int] | None:
    doc = ctx.doc
    s, e = _sent_in_para(ctx, v)
    start = v.i
    neg = [k for k in v.children if k.dep_ == "neg" and k.i < v.i]
    if neg:
        start = min([neg[0].i] + [k.i for k in v.children if k.dep_ in ("aux", "auxpass") and neg[0].i > k.i >= v.i - 4])
    end = v.i + 1
    for k in v.children:
        if k.i < v.i or k.dep_ in ("conj", "cc", "punct"):
            continue
        if k.dep_ in ("nsubj", "nsubjpass"):
            continue  # "said Lavrov"
        end = max(end, k.right_edge.i + 1)
    end = min(end, e)
    start = max(start, s)
    while end > start + 1 and doc[end - 1].is_punct and doc[end - 1].text not in ("”", '"', "’", "'", ")"):
        end -= 1
    if end <= start:
        return None
    cs, ce = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    return cs, _close_quote(text_of(doc), cs, ce)


def _close_quote(text: str, cs: int, ce: int) -> int:
    """The end of a statement that stops inside a quotation the parse hung elsewhere
    ('urged both sides to accept it "quickly".'): past the closing mark right after it, or after the
    stop before it ('pledged that Azerbaijan “will do everything ... of Azerbaijan.”')."""
    frag = text[cs:ce]
    stop = 1 if text[ce:ce + 1] in (".", "!", "?") else 0
    nxt = text[ce + stop:ce + stop + 1]
    if (nxt == '"' and frag.count('"') % 2 == 1 or nxt == "”" and frag.count("“") > frag.count("”")
            or nxt == "’" and frag.count("‘") > frag.count("’")):
        return ce + stop + 1
    return ce


def _quote_share(ctx: _Ctx, cs: int, ce: int) -> float:
    covered = 0
    for m in ctx.marks:
        a, b = max(cs, m.open_at), min(ce, (m.close_at + 1) if m.close_at is not None else m.end)
        if b > a:
            covered += b - a
    return covered / max(1, ce - cs)


def _actors_of(ctx: _Ctx, subj) -> list[Ref]:
    """The subject's actor(s): coordinated subjects each count ("Both Yerevan and Stepanakert")."""
    if subj is None or subj.lower_ in SELF_PRONOUNS:
        return []
    cast = ctx.cast
    out: list[Ref] = []
    toks = [subj] + [c for c in subj.children if c.dep_ == "conj"]
    for t in toks:
        r = cast.resolve(t, create=True)
        if r is not None and r.id and all(r.id != o.id for o in out):
            out.append(r)
    return out


def find(doc, cast: Cast, quotes: list[Quote] | None = None) -> list[Position]:
    """The positions of ``doc`` in text order: what stance and speech verbs, stance nouns with an owner and
    the direct ``quotes`` that state a stance give to an actor."""
    ctx = _Ctx(doc, cast)
    out: list[Position] = []
    seen: set[tuple[int, int, str]] = set()
    for v in doc:
        found = _verb_position(ctx, v)
        if found is not None:
            cs, ce, cue, subj = found
            for ref in _actors_of(ctx, subj):
                _add(ctx.text, out, seen, cs, ce, ref, cue)
    # stance nouns with an owner: "Armenia's rejection of ...", "the Azerbaijani accusations"
    for n in doc:
        found = _noun_position(ctx, n)
        if found is not None:
            cs, ce, ref = found
            _add(ctx.text, out, seen, cs, ce, ref, n.text)
    # direct quotes that state their speaker's stance: the words themselves
    out.extend(p for p in (_quote_position(ctx, q) for q in quotes or ()) if p is not None)
    out = _title_repeats(ctx, _dedupe(out, cast))
    out.sort(key=lambda p: (p.start, p.end))
    return out


# Words that make a direct quote state a stance: modals, negation, first persons, verbs of wish and
# judgment (data/en/positions/quote_stance_words.txt).
QUOTE_STANCE = lexicon.words("positions/quote_stance_words")
QUOTE_MIN_WORDS = 8


def _quote_position(ctx: _Ctx, q: Quote) -> Position | None:
    """A direct quote as its speaker's position: a clause of its own (a finite verb, at least
    QUOTE_MIN_WORDS words) that says what the speaker wants, rejects or holds ("We are seeing how the
    European Union is openly abusing its relations with Armenia"); a term or a fragment ("historic")
    is none."""
    if not q.direct or not q.speaker or ctx.cast.get(q.speaker) is None:
        return None
    span = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or sum(1 for t in span if t.is_alpha) < QUOTE_MIN_WORDS:
        return None
    if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span):
        return None
    if not any(t.lower_ in QUOTE_STANCE or t.lemma_.lower() in QUOTE_STANCE or t.dep_ == "neg" for t in span):
        return None
    end = q.end
    while end > q.start and ctx.text[end - 1] in ",;: ":
        end -= 1  # “... civilians,” Lavrov said: the comma is the sentence's around the quote
    return Position(start=q.start, end=end, statement=ctx.text[q.start:end], actor=q.speaker, cue=q.cue,
                    actor_start=q.speaker_start, actor_end=q.speaker_end, direct=True)


def _add(text: str, out: list[Position], seen: set[tuple[int, int, str]], cs: int, ce: int, ref: Ref,
         cue: str | None) -> None:
    """Append the position of ``ref`` over the trimmed span [cs, ce), unless it is too short or ``seen``."""
    cs, ce = _trim(text, cs, ce)
    if ce - cs < 8:
        return
    key = (cs, ce, ref.id)
    if key in seen:
        return
    seen.add(key)
    out.append(Position(start=cs, end=ce, statement=text[cs:ce], actor=ref.id, cue=cue,
                        actor_start=ref.start, actor_end=ref.end))


def _verb_position(ctx: _Ctx, v):
    """(start, end, cue, subject) of the statement a stance or speech verb makes, or None."""
    if v.i in ctx.quoted or v.pos_ not in ("VERB", "AUX"):
        return None
    lem = v.lemma_.lower()
    if not _takes_position(ctx, v, lem):
        return None
    span = _statement_span(ctx, v, lem)
    if span is None:
        return None
    cue, _, _ = _cue_text(ctx.doc, v)
    subj = _subject(ctx, v)
    if subj is None:
        subj = _expl_subject(ctx, v)
    if subj is not None and subj.lower_ in ("it", "this", "that") and subj.head.i != v.i:
        return None  # "it was too early to tell ..."
    if subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == v.i:
        return None  # "the law was not approved", "he was accused of ...": what is acted on holds no position
    return span[0], span[1], cue, subj


def _takes_position(ctx: _Ctx, v, lem: str) -> bool:
    """A stance or speech verb, with its particle when it needs one, with a person-like subject when it
    is a verb of intent."""
    if lem not in STANCE and lem not in SAY:
        return False
    if lem in NEED_PARTICLE:
        parts = {k.lower_ for k in v.children if k.i == v.i + 1 and k.dep_ in ("prt", "prep", "advmod")}
        if not parts & NEED_PARTICLE[lem]:
            return False
    return not (lem in _INTENT and not _person_like(ctx, v))


def _statement_span(ctx: _Ctx, v, lem: str) -> tuple[int, int] | None:
    """The characters of the statement: the verb and what follows it, or, for "..., X said", the content
    before it; None when a speech verb has no content or a direct quote stands for it."""
    doc = ctx.doc
    bounds = _statement_bounds(ctx, v)
    if bounds is None:
        return None
    cs, ce = bounds
    comp_left = [k for k in v.children if k.dep_ == "ccomp" and k.i < v.i]
    right = [k for k in v.children if k.i > v.i and k.dep_ in ("ccomp", "xcomp", "dobj", "prep", "advcl", "prt")
             and not (k.dep_ == "prep" and k.lower_ not in NEED_PARTICLE.get(lem, ()) and lem in SAY)]
    if lem in SAY and not comp_left and not any(k.dep_ in ("ccomp", "xcomp") or _time_that(k) for k in right + [
            k for k in v.children if k.i > v.i and k.dep_ == "npadvmod"]):
        if lem not in STANCE or not right:
            return None
    if lem in SAY and comp_left and not any(k.dep_ == "ccomp" for k in right):
        # "..., X said": the content stands before the verb
        comp = comp_left[0]
        if comp.i in ctx.quoted:
            return None  # "“...,” said X": the quote stands for it
        s, _ = _sent_in_para(ctx, v)
        lo = max(comp.left_edge.i, s)
        cs = doc[lo].idx
        subj = _subject(ctx, v)
        if subj is not None and subj.i < v.i:
            ce2 = subj.left_edge.idx
            if ce2 > cs:
                ce = ce2
        if _quote_share(ctx, max(0, cs - 1), ce) >= 0.6:
            return None
    else:
        # content after the verb; skip when it is a direct quote and nothing else (the quote itself may be a
        # position: _quote_positions); a mixed quote ("pledged that Azerbaijan “will do everything ...”")
        # is the speaker's statement
        if ce - cs < len(v.text) + 6:
            return None
        body = v.idx + len(v.text)
        if lem in SAY and _quote_share(ctx, body, ce) >= 0.6 and not _reported_words(ctx, body, ce):
            return None
    return cs, ce


def _time_that(k) -> bool:
    """"said the following day that Moscow told Baku ...", parsed as a relative clause of "day": the
    content of the speech verb all the same."""
    return k.dep_ == "npadvmod" and any(c.dep_ == "relcl" and c.left_edge.lower_ == "that" for c in k.children)


# Words that introduce a quote and say nothing of their own: "said that “...”", "told reporters: “...”".
_FRAME_WORDS = frozenset({"that", "to", "and", "as", "reporters", "journalists", "us", "me", "him", "her", "them"})


def _reported_words(ctx: _Ctx, cs: int, ce: int) -> bool:
    """Whether [cs, ce) has words of its own outside quotation marks: a mixed quote, not a direct one."""
    text = ctx.text
    keep = [True] * (ce - cs)
    for m in ctx.marks:
        a, b = max(cs, m.open_at), min(ce, (m.close_at + 1) if m.close_at is not None else m.end)
        for i in range(a, b):
            keep[i - cs] = False
    outside = "".join(ch if k else " " for ch, k in zip(text[cs:ce], keep))
    return any(w.lower() not in _FRAME_WORDS for w in re.findall(r"[^\W\d_]{2,}", outside))


def _noun_position(ctx: _Ctx, n) -> tuple[int, int, Ref] | None:
    """(start, end, actor) of a stance noun with an owner and a complement ("Armenia's rejection of the
    demand", "the Azerbaijani accusations that ..."), or None."""
    if n.i in ctx.quoted or n.pos_ != "NOUN" or n.lower_ not in STANCE_NOUNS:
        return None
    cast, doc = ctx.cast, ctx.doc
    owner = _stance_owner(cast, n)
    if owner is None or owner.lower_ in SELF_PRONOUNS:
        return None
    if not any(k.i > n.i and (k.dep_ in ("prep", "acl", "ccomp") or k.dep_ == "relcl" and any(
            c.dep_ == "mark" for c in k.children)) for k in n.children):
        return None  # a bare stance noun ("Azerbaijani accusations") says nothing by itself
    ref = cast.resolve(owner, create=False) if cast.mention_at(owner) is None else cast.mention_at(owner)
    if ref is None and cast.nationality(owner):
        ref = Ref(cast.nationality(owner), owner.idx, owner.idx + len(owner))
    if ref is None or not ref.id:
        return None
    # the owner is part of the statement: "Armenia’s rejection of the demand" says whose it is
    lo = owner.left_edge.i if owner.dep_ == "poss" else owner.i
    _, e = _sent_in_para(ctx, n)
    hi = min(n.right_edge.i + 1, e)
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]), ref


def _stance_owner(cast: Cast, n):
    """The owner of a stance noun: its possessor ("Armenia's"), else a nationality before it ("Azerbaijani")."""
    owner = None
    for k in n.children:
        if k.i < n.i and k.dep_ == "poss":
            owner = k
        elif k.i < n.i and k.dep_ in ("amod", "compound", "nmod") and cast.nationality(k) and owner is None:
            owner = k
    return owner


def _dedupe(out: list[Position], cast: Cast) -> list[Position]:
    """A clause inside or overlapping a larger statement of the same actor adds nothing ("backed out ...
    saying ..."): keep the longer one. So does a statement inside a larger one of the same party ("Moscow
    told Baku that ..." inside Lavrov's "said the following day that Moscow told Baku that ...", a quote
    inside the statement that quotes it). And one statement is one party's: the same words under two
    parties stay with the first found (a verb's subject before a noun's owner), unless one verb gives them
    to both ("Both Yerevan and Stepanakert have denied ...")."""
    text = text_of(cast.doc)

    def longer(o, p) -> bool:
        lo, lp = o.end - o.start, p.end - p.start
        return lo > lp or (lo == lp and o.start < p.start)

    def party(p) -> str:
        return cast.party(p.actor) or p.actor

    def covered(p, o) -> bool:
        if o.actor == p.actor:
            return o.start < p.end and p.start < o.end and longer(o, p)
        # "... goods in it" holds the quote "... goods in it.": a closing stop does not stand out
        inside = o.start <= p.start and (p.end <= o.end or not text[o.end:p.end].strip(".!?”’\"' "))
        return party(o) == party(p) and inside and longer(o, p)

    # Only a statement that overlaps p can cover it: those starting from p's start minus the longest
    # statement's length up to p's end, found by bisection (a long report has thousands of statements).
    by_start = sorted(out, key=lambda o: o.start)
    starts = [o.start for o in by_start]
    longest = max((o.end - o.start for o in out), default=0)

    def near(p):
        return by_start[bisect.bisect_left(starts, p.start - longest):bisect.bisect_right(starts, p.end)]

    kept = [p for p in out if not any(o is not p and o.end >= p.start and covered(p, o) for o in near(p))]
    final: list[Position] = []
    for p in kept:
        twin = next((o for o in final if (o.start, o.end) == (p.start, p.end) and party(o) != party(p)), None)
        if twin is not None and not _one_verb_gives_both(cast, twin, p):
            continue
        final.append(p)
    return final


def _one_verb_gives_both(cast: Cast, a: Position, b: Position) -> bool:
    """Two actors hold the same statement as coordinated subjects of its verb ("Both Yerevan and
    Stepanakert have denied"): their mentions sit before it in one sentence, with "and" between them."""
    if None in (a.actor_start, b.actor_start):
        return False
    lo, hi = sorted((a.actor_start, b.actor_start))
    between = text_of(cast.doc)[lo:hi]
    return a.actor_start < a.start and b.actor_start < b.start and "\n" not in between and bool(
        re.search(r"\b(?:and|or|nor)\b|,", between))


TITLE_MAX_WORDS = 25
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}


def _title_bounds(ctx: _Ctx) -> tuple[int, int] | None:
    """The article's title: its first line, when it is short and the body follows it."""
    if len(ctx.pbounds) < 2:
        return None
    s, e = ctx.pbounds[0]
    return (s, e) if len(ctx.text[s:e].split()) <= TITLE_MAX_WORDS else None


def _content_words(doc, cs: int, ce: int, cue: str | None) -> set[str]:
    span = doc.char_span(cs, ce, alignment_mode="expand")
    cue_words = set((cue or "").lower().split())
    return {t.lemma_.lower() for t in span or () if t.pos_ in _CONTENT_POS and not t.is_stop
            and t.lower_ not in cue_words} if span is not None else set()


def _title_repeats(ctx: _Ctx, out: list[Position]) -> list[Position]:
    """A headline restates the story's lead ("Russia accuses Ukraine of drone attack" over "Russia accused
    Ukraine on Tuesday of launching a drone attack ..."): a position in the title is dropped when the same
    actor holds a position in the body that has at least half of the title position's content words; a title
    position with nothing like it in the body stays (it may be the only place that says it)."""
    bounds = _title_bounds(ctx)
    if bounds is None:
        return out
    doc = ctx.doc
    keep = []
    for p in out:
        if not (bounds[0] <= p.start < bounds[1]):
            keep.append(p)
            continue
        words = _content_words(doc, p.start, p.end, p.cue)
        if len(words) >= 2 and any(o.actor == p.actor and o.start >= bounds[1]
                                   and 2 * len(words & _content_words(doc, o.start, o.end, o.cue)) >= len(words)
                                   for o in out):
            continue
        keep.append(p)
    return keep


def _expl_subject(ctx: _Ctx, v):
    """For "X said there would not be checkpoints, opposing ...": climb through a subjectless clause."""
    t = v
    for _ in range(4):
        if t.head.i == t.i:
            return None
        h = t.head
        if any(k.dep_ in ("nsubj", "nsubjpass") for k in h.children):
            return _subject(ctx, h)
        if not any(k.dep_ == "expl" for k in h.children) and h.dep_ not in ("ccomp", "advcl", "xcomp", "conj"):
            return None
        t = h
    return None
