"""Quotes: direct quotes (between quotation marks) and reported speech, with speakers.

``find(doc, cast)`` returns ``Quote`` items in text order. A direct quote's
``text`` is what stands between the marks; reported speech (``direct=False``)
is the content clause of a speech verb ("X said that ...") or the clause that
"according to X" attributes.

This module finds the quotes and their cues; ``_speakers`` resolves who speaks (a cue's subject, a
pronoun, a description, a document's issuer) and ``_quote_context`` holds the parse both read.

The word lists are data files (``lexicon``): the speech lexicon ``data/en/speech_verbs.txt``
(verbs of speaking and writing with their kinds of use, shared with positions), ``belief_verbs.txt``,
``phrasal_verbs.txt``, and this extractor's own lists in ``data/en/quotes/`` (read by ``_speakers``,
``_reported`` and ``_learned`` too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.brief import Quote
from . import _countries as C
from . import _learned, _marks, _reported, lexicon
from ._quote_context import (
    _BELIEF,
    _CREDIT,
    _TWEET_BYLINE,
    REPORT,
    SCARE_MAX_WORDS,
    SPEECH,
    _as_put_it,
    _Att,
    _content_tail,
    _Ctx,
    _cue_text,
    _furniture_at,
    _is_cue,
    _paragraph_furniture,
    _puts_it,
    _sent_in_para,
    _tok_range,
)
from ._speakers import (
    _DOCUMENTS,
    _JUDGE,
    _MEDIA,
    _animacy,
    _attribution_from_cue,
    _content_of_its_own,
    _sole_holder,
    _inverted_name,
    _name_as_clause,
    _named,
    _participle_as_subject,
    _person_like,
    _person_like_noun,
    _quoted_at,
    _signed_actor,
    _speaker,
    _subject,
    _to_reader,
)
from .actors import PEOPLE_NOUNS, TITLE_NOUNS, Cast, Ref


def _direct_attribution(ctx: _Ctx, m: _marks.Mark) -> _Att | None:
    """The attribution of a direct quote by its cue in the paragraph: a speech verb that governs the quote,
    else one right after the closing mark, else one right before the opening mark; else a phrase of wording
    in its sentence ("as X put it")."""
    doc = ctx.doc
    qr = _tok_range(doc, m.start, m.end)
    if not qr:
        return None
    inside = set(qr)
    p = ctx.para(m.start)

    def ok(t) -> bool:
        return t.i not in ctx.quoted and ctx.para(t.idx) == p and _is_cue(t)

    found = _governing_cue(ctx, qr, inside, p, ok)
    if found is None:
        found = _cue_after(ctx, qr[-1] + 1, inside, p, ok)
    if found is None:
        found = _cue_preceding(ctx, qr[0] - 1, p, ok)
    if found is None:
        return _wording_attribution(ctx, qr)
    return _attribution_from_cue(ctx, found)


def _governing_cue(ctx: _Ctx, qr: range, inside: set[int], p: int, ok):
    """A cue governing the quote's tokens ``qr``: the outermost speech verb above it in paragraph ``p``
    (the inner one, "adding", when it shares the outer one's subject), or None."""
    doc = ctx.doc
    found = inner = None
    for i in qr:
        t = doc[i]
        h = t.head
        if h.i in inside:
            continue
        steps = 0
        while steps < 12:
            if ok(h):
                found = h if (found is None or _depth(h) < _depth(found)) else found
                inner = h if inner is None else inner
            if h.head.i == h.i or ctx.para(h.head.idx) != p:
                break
            h = h.head
            steps += 1
    if found is not None and inner is not None and inner.i != found.i and found.dep_ == "relcl" and inner.tag_ == "VBG":
        found = inner  # "... an architect who said ..., saying, “...”": not the relative clause's speaker
    elif (found is not None and inner is not None and inner.i != found.i and inner.tag_ == "VBG"
            and inner.dep_ in ("advcl", "conj", "xcomp") and inner.head.i == found.i):
        # "“A,” X said, adding, “B.”": B's cue is "adding", when its subject is X too
        s_in, s_out = _subject(ctx, inner), _subject(ctx, found)
        if s_in is not None and s_out is not None and s_in.i == s_out.i:
            found = inner
    elif found is not None and inner is not None and inner.i != found.i and _closing_attribution(ctx, inner, qr):
        # "“A,” said Sen. Jane Doe, D-Conn. Smith, she said, ...": the sentence splitter ran the quote's own
        # attribution into the next sentence, whose cue the parse put above it
        found = inner
    return found


def _closing_attribution(ctx: _Ctx, v, qr: range) -> bool:
    """Cue ``v`` is the attribution right after the quote's closing mark (",” said X" or ",” X said") and
    has a name of its own for a subject."""
    if not 0 < v.i - qr[-1] <= 3 or any(ctx.doc[i].text not in (",", "”", '"', "''") for i in range(qr[-1] + 1, v.i)
                                        if ctx.doc[i].ent_type_ == "" and ctx.doc[i].pos_ != "PROPN"):
        return False
    subj = next((k for k in v.children if k.dep_ == "nsubj" and k.i not in ctx.quoted), None)
    return subj is not None and subj.pos_ == "PROPN" and ctx.cast.mention_at(subj) is not None


def _cue_after(ctx: _Ctx, end_tok: int, inside: set[int], p: int, ok):
    """A cue within a few words after the closing mark ("...,” Lavrov said), or past a long name
    (``_late_cue``), or None."""
    doc = ctx.doc
    k = end_tok
    n = 0
    while k < len(doc) and n < 8:
        t = doc[k]
        if ctx.para(t.idx) != p or t.i in ctx.quoted and t.i not in inside:
            break
        if t.idx in ctx.opening or t.text == "“" or (t.is_sent_start and n > 2):
            break
        if ok(t):
            if _content_of_its_own(t) and any(doc[j].is_sent_start for j in range(end_tok + 1, k + 1)):
                return None  # "“...” While some critics say government should ...": the next sentence's own report
            return t
        k += 1
        n += 1
    if n == 8:
        return _late_cue(ctx, end_tok, ok)
    return None


def _cue_preceding(ctx: _Ctx, start: int, p: int, ok):
    """A cue within a few words before the opening mark, in its sentence ("Lavrov said: “...”"), or None."""
    doc = ctx.doc
    k = start
    n = 0
    while k >= 0 and n < 10:
        t = doc[k]
        if ctx.para(t.idx) != p or (t.i in ctx.quoted):
            break
        if t.text in (".", "?", "!") and n > 0:
            break
        if ok(t):
            return t
        k -= 1
        n += 1
    return None


def _wording_attribution(ctx: _Ctx, qr: range) -> _Att | None:
    """A quote in a sentence whose words a phrase of wording gives to someone, wherever it stands in
    the sentence: "As Ms. Doe put it in a statement to reporters on Monday, the agency is “doing its
    job.”", "In Mr. Doe's words, the plan is “dead.”", "in the words of one senator". The speaker is
    the subject of "put it", or the owner of "words"."""
    doc = ctx.doc
    s, e = _sent_in_para(ctx, doc[qr[0]])
    for i in range(s, e):
        t = doc[i]
        if i in ctx.quoted or i in qr:
            continue
        if _as_put_it(t):
            return _attribution_from_cue(ctx, t)
        owner = _words_owner(t)
        if owner is not None:
            prep = t.head
            return _Att(doc[prep.i:t.i + 1].text, prep.idx, _speaker(ctx, owner))
    return None


def _words_owner(t):
    """The one whose words "in X's words", "in his own words", "in the words of X" gives (not "in
    other words"): the possessor or the object of "of"; None otherwise."""
    if t.lower_ != "words" or t.dep_ != "pobj" or t.head.lower_ != "in":
        return None
    for k in t.children:
        if k.dep_ == "poss" and k.lower_ not in ("its",):
            return k
        if k.dep_ == "prep" and k.lower_ == "of":
            return next((c for c in k.children if c.dep_ == "pobj"), None)
    return None


LATE_CUE_MAX = 30


def _late_cue(ctx: _Ctx, end_tok: int, ok):
    """"“...,” James B. Comey Jr., the director of the F.B.I., said", "“...,” Rep. Jim Doe (D-Wash.)
    said": a cue after the closing mark that a long name with its appositive or its party and state
    keeps beyond the usual few words. Only when a name opens
    the stretch right after the mark and the stretch holds no finite verb before the cue (so a new
    sentence or clause is not taken for the attribution)."""
    doc = ctx.doc
    k = end_tok
    while k < len(doc) and doc[k].is_punct and doc[k].text in (",", "''", "”", '"'):
        k += 1
    described = k + 1 < len(doc) and doc[k].lower_ in ("a", "an", "the", "one") and doc[k + 1].pos_ in ("NOUN", "ADJ")
    if k >= len(doc) or not described and (not doc[k].text[:1].isupper() or not any(
            ctx.cast.mention_at(t) is not None or t.ent_type_ == "PERSON" for t in doc[k:k + 3])):
        return None
    p = ctx.para(doc[end_tok].idx) if end_tok < len(doc) else -1
    depth = 0  # inside parentheses, a period ends an abbreviation ("(D-Wash.)"), not the sentence
    relative = False  # inside ", who/whose/which ...,": its verbs are not the sentence's
    for i in range(k, min(len(doc), end_tok + LATE_CUE_MAX)):
        t = doc[i]
        depth += (t.text == "(") - (t.text == ")")
        if depth > 0 and t.text == ".":
            continue
        if ctx.para(t.idx) != p or i in ctx.quoted or i in ctx.mark_tok or t.text in (".", "!", "?", ";", ":", "“"):
            return None
        if t.text == ",":
            relative = i + 1 < len(doc) and doc[i + 1].lower_ in ("who", "whose", "which", "whom")
            continue
        if ok(t) and not relative:
            return t if doc[i - 1].text in (",", ")") else None
        if t.tag_ in ("VBD", "VBZ", "VBP", "MD") and not relative:
            return None
    return None


def _depth(t) -> int:
    d = 0
    while t.head.i != t.i and d < 50:
        t = t.head
        d += 1
    return d


def _words(text: str) -> int:
    return len(text.split())


_SMALL = lexicon.words("quotes/title_small_words")


def _title(text: str) -> bool:
    """A short title in title case ("Fox and Friends", "The Trumps: Three Generations That Built an Empire"):
    every word capitalized but the small ones, at most 8 words, no sentence punctuation inside."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if not words or len(words) > 8 or len(text.split()) > 8 or re.search(r"[.!?]\s+\S", text.strip()):
        return False
    big = [w for w in words if w.lower() not in _SMALL]
    return len(big) >= 2 and all(w[0].isupper() for w in big) and not all(w.isupper() for w in big)


_DANGLING = tuple(" " + word for word in lexicon.ordered("quotes/dangling_words"))
_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'’]{1,60}\([A-Z][A-Za-z]{1,12}\)\s*[—–-]+\s*")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-."):
        e -= 1
    # a dangling conjunction left by the parse ("... any candidate, and")
    for w in _DANGLING:
        if text[s:e].endswith(w) and e - s > len(w) + 8:
            e -= len(w)
            while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-"):
                e -= 1
            break
    # a dateline before the content ("CAMBRIDGE, Mass., Dec. 11 (UPI) — ...")
    m = _DATELINE.match(text[s:e])
    if m and e - s - m.end() > 12:
        s += m.end()
    return s, e


_REASON_MARKS = {"because", "unless"}


def _reason_tail(v, hi: int, e: int) -> int:
    """Where a reported clause ends when the parse hung the speaker's reason or condition on the speech verb
    instead of on the clause: a "because ..." or "unless ..." clause right after it (after a comma or not) is
    still what the speaker said ("said the plan was dead, because the votes were not there")."""
    doc = v.doc
    for k in v.children:
        if k.dep_ != "advcl" or k.i < hi:
            continue
        lo = k.left_edge.i
        if lo != hi and not (lo == hi + 1 and doc[hi].text == ","):
            continue
        if any(c.dep_ == "mark" and c.lower_ in _REASON_MARKS and c.i == lo for c in k.children):
            return min(k.right_edge.i + 1, e)
    return hi


def _clause_on_addressee(ctx: _Ctx, v):
    """The reported clause the parse hung on the addressee as a relative clause: "told a meeting of
    leaders that few people understood ...", where "that" opens the clause as a conjunction (a relative
    "that" would be its subject or object), so the clause is what was told, not a description of them."""
    for o in v.children:
        if o.dep_ not in ("dobj", "dative") or o.i < v.i:
            continue
        for k in o.subtree:
            if k.dep_ == "relcl" and k.i not in ctx.quoted and any(
                    c.dep_ == "mark" and c.lower_ == "that" and c.i == k.left_edge.i for c in k.children):
                return k
    return _clause_on_setting(ctx, v)


_TOPIC_PREPS = lexicon.words("quotes/topic_prepositions")


def _clause_on_setting(ctx: _Ctx, v):
    """The reported clause the parse hung on the noun of a phrase that sets the scene between the speech
    verb and the clause: "said in a statement that two people were hurt", "told Reuters on condition of
    anonymity that the depot was hit". The clause opens with the conjunction "that" and has a subject of
    its own; a content noun the phrase makes the topic ("spoke about the claim that ...") keeps its clause."""
    for o in v.children:
        if o.dep_ != "prep" or o.i < v.i:
            continue
        for k in o.subtree:
            if k.dep_ not in ("acl", "relcl") or k.i in ctx.quoted:
                continue
            if k.head.lemma_.lower() in _reported.CONTENT_NOUNS and o.lower_ in _TOPIC_PREPS:
                continue  # "spoke about the claim that ...": the claim is the topic, not what was said
            if any(c.dep_ == "mark" and c.lower_ == "that" and c.i == k.left_edge.i for c in k.children) and any(
                    c.dep_ in ("nsubj", "nsubjpass", "expl") for c in k.children):
                return k
    return None


def _reported_clause(ctx: _Ctx, v):
    """The clause a speech verb reports: its clausal complement, one outside a direct quote first. When the
    parse gives it one on each side ("It is unlikely; her team says she will run.", "Writing for a panel that
    agreed he won, X noted that ..."), the one after the verb: a clause before it is only the content when
    nothing follows ("A, X said.")."""
    comps = [k for k in v.children if k.dep_ == "ccomp" and not _participle_aside(k, v)]
    free = [k for k in comps if k.i not in ctx.quoted]
    if not free:
        return comps[-1] if comps else _clause_on_addressee(ctx, v)
    after = [k for k in free if k.i > v.i]
    return after[0] if after and len(free) > 1 else free[0]


# verbs whose participle, set off after a speaker's name, tells how they came to speak ("X, asked about Y, said")
_ASIDE_VERBS = lexicon.words("quotes/aside_verbs")


def _participle_aside(comp, v) -> bool:
    """A clause before the cue that is the speaker's participle aside, set off by commas, which the parse made
    a clause the cue reports ("Justin Trudeau, asked about the funding on Tuesday, said ...")."""
    doc = v.doc
    if not (comp.i < v.i and v.i > 0 and doc[v.i - 1].text == "," and comp.i > 0 and doc[comp.i - 1].text == ","):
        return False
    if any(k.dep_ in ("aux", "auxpass") for k in comp.children) or not any(k.dep_ in ("nsubj", "nsubjpass")
                                                                            for k in comp.children):
        return False
    # "asked about", "pressed on", "reached by phone": a participle that tells how the speaker came to speak
    return comp.tag_ == "VBN" or comp.tag_ == "VBD" and comp.lemma_.lower() in _ASIDE_VERBS


def _parenthetical_conj(ctx: _Ctx, v, comp) -> int:
    """Where the content ends when the attribution stands between two clauses set off by commas: "A, the
    agency said in a report, and B." is one report, A and B (the parse joins B to the speech verb)."""
    doc = ctx.doc
    a = comp.right_edge.i + 1
    if a >= v.i or doc[a].text != ",":
        return comp.right_edge.i + 1
    for k in v.children:
        if k.dep_ != "conj" or k.i < v.i or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in k.children):
            continue
        cc = next((c for c in v.children if c.dep_ == "cc" and v.i < c.i < k.i), None)
        if cc is None or doc[cc.i - 1].text != "," or cc.i > k.left_edge.i:
            continue
        if any(i in ctx.quoted or i in ctx.mark_tok for i in range(v.i, k.right_edge.i + 1)):
            continue
        return k.right_edge.i + 1
    return comp.right_edge.i + 1


def _discourse_said(v) -> bool:
    """"That said, ...", "That being said, ...", "All that said, ...": a connective, not a report."""
    doc = v.doc
    if v.lower_ != "said" or v.i + 1 >= len(doc) or doc[v.i + 1].text != ",":
        return False
    i = v.i - 1
    if i >= 0 and doc[i].lower_ in ("being", "having", "been"):
        i -= 1
        if i >= 0 and doc[i].lower_ == "having":
            i -= 1
    if i < 0 or doc[i].lower_ not in ("that", "this"):
        return False
    j = i - 1
    if j >= 0 and doc[j].lower_ in ("all", "with"):
        j -= 1
    return j < 0 or doc[j].is_sent_end or doc[j + 1].is_sent_start or doc[j].is_punct or doc[j].is_space


def _indirect(ctx: _Ctx) -> list[tuple[int, int, _Att]]:
    """Reported speech: the clause "according to X" modifies, and the content clause of a report verb
    ("X said that ..."), as (start, end, attribution); none that a direct quote stands for."""
    out = []
    for v in ctx.doc:
        if v.i in ctx.quoted or _discourse_said(v):
            continue
        lem = _reported.lemma(v)
        content = None
        if v.lower_ == "according" and any(k.lower_ == "to" for k in v.children):
            content = _according_content(ctx, v)
            if _someone_says(ctx, *content):
                continue  # "According to GMA News, Salceda said ...": the quote is Salceda's, reported by the outlet
        elif lem in REPORT and v.pos_ in ("VERB", "AUX"):
            content = _report_content(ctx, v, lem)
        if content is None or content[1] - content[0] < 12 or _quote_stands_for(ctx, *content):
            continue
        att = _attribution_from_cue(ctx, v)
        if (att.ref is None or att.ref.id == "") and lem in _BELIEF and not _evidence_source(ctx, v):
            continue
        out.append((content[0], content[1], att))
    return out


def _someone_says(ctx: _Ctx, cs: int, ce: int) -> bool:
    """The main clause of the text in [cs, ce) is someone's speech act with its subject in it ("Salceda said
    the ..."): that speaker's, not the source that reports it."""
    span = ctx.doc.char_span(cs, ce, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return _is_cue(root) and _reported.lemma(root) in QUOTE_VERBS and any(
        k.dep_ == "nsubj" and cs <= k.idx < ce and k.pos_ in ("PROPN", "NOUN") for k in root.children)


def _according_content(ctx: _Ctx, v) -> tuple[int, int]:
    """The clause "according to X" modifies: the rest of the sentence after an opening "According to X, ...",
    the whole sentence when the clause runs on after the source, else what stands before it."""
    doc = ctx.doc
    s, e = _sent_in_para(ctx, v)
    to = next(k for k in v.children if k.lower_ == "to")
    a0, a1 = v.i, to.right_edge.i + 1
    if a0 - s <= 1 or (a0 - s <= 4 and doc[a0 - 1].text == "," and e - a1 > 2 * (a0 - s)):
        # "According to X, ...", "In addition, according to X, ..."
        cs, ce = doc[a1].idx if a1 < e else doc[e - 1].idx, doc[e - 1].idx + len(doc[e - 1])
    elif sum(1 for k in range(a1, e) if not doc[k].is_punct) >= 3:
        # "At the heart of the trouble, according to X, was ...": the clause runs on after
        # the source, so what X says is the whole sentence, not its opening phrase
        cs, ce = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
    else:
        cs, ce = doc[s].idx, doc[a0 - 1].idx + len(doc[a0 - 1])
    return _trim(ctx.text, cs, ce)


def _report_content(ctx: _Ctx, v, lem: str) -> tuple[int, int] | None:
    """What a report verb reports: its content clause, or, without one, the sentence around a parenthetical
    cue (", she said,") or the bare clause after it ("said the plan was dead"). None when a direct quote
    stands for it or a verb of belief has no person or document for its subject."""
    if _participle_as_subject(v):
        s, e = _sent_in_para(ctx, v)
        hi = min(v.head.right_edge.i + 1, e)
        return _trim(ctx.text, ctx.doc[v.i + 1].idx, ctx.doc[hi - 1].idx + len(ctx.doc[hi - 1])) if hi > v.i + 1 else None
    comp = _reported_clause(ctx, v)
    if comp is not None and comp.i in ctx.quoted and comp.i < v.i:
        return None  # "“...,” X said": the direct quote stands for it
    if comp is not None and _name_as_clause(ctx, v) is not None:
        return None  # "“...,” said Rangers head coach Rob Danforth": the parse made the speaker a clause
    if comp is None:
        content = _parenthetical(ctx, v)
        if content is None:
            content = _run_on(ctx, v)
        return content
    if lem in _BELIEF and not _person_like(ctx, v) and not _evidence_source(ctx, v):
        return None
    return _clause_content(ctx, v, comp)


def _clause_content(ctx: _Ctx, v, comp) -> tuple[int, int] | None:
    """The span of the content clause ``comp`` of report verb ``v`` in its sentence: without what the
    writer added after it, with what the parse hung on the verb that is still the content, and never
    holding the cue (a clause before the cue ends before its subject)."""
    doc, text = ctx.doc, ctx.text
    around = False
    s, e = _sent_in_para(ctx, v)
    lo = max(comp.left_edge.i, s)
    hi = min(comp.right_edge.i + 1, e)
    if comp.i > v.i:
        hi = min(hi, _content_tail(comp))
        if hi == comp.right_edge.i + 1:
            hi = _reason_tail(v, hi, e)
    else:
        hi = max(hi, min(e, _parenthetical_conj(ctx, v, comp)))
        around = hi > v.i  # "A, X said, and B": the cue inside, as in "A, X said, B"
    if lo >= hi:
        return None
    cs, ce = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    content = _trim(text, cs, ce)
    # the content clause must not contain the cue (a parse loop)
    if content[0] <= v.idx < content[1] and not around:
        if comp.i >= v.i:
            return None
        content = _trim(text, cs, v.idx)
        # drop the subject before the verb (", sources said")
        subj = _subject(ctx, v)
        if subj is not None and subj.i < v.i:
            content = _trim(text, cs, min(content[1], subj.left_edge.idx))
    return content


def _quote_stands_for(ctx: _Ctx, cs: int, ce: int) -> bool:
    """Reported content that a direct quote stands for: one that opens with the quote ("said that “...”"),
    or that is mostly quoted."""
    text = ctx.text
    lead = text[cs:ce]
    if lead.startswith("that "):
        lead = lead[5:]
    if lead[:1] in ("“", '"') or lead.startswith("''") or ce - len(lead) in ctx.opening:
        return True
    covered = 0
    for m in ctx.marks:
        a, b = max(cs, m.open_at), min(ce, (m.close_at + 1) if m.close_at is not None else m.end)
        if b > a:
            covered += b - a
    return covered >= 0.6 * (ce - cs)


def _transcript_speaker(ctx: _Ctx, m) -> _Att | None:
    """A transcript line inside a quote: "RAMOS: Secretary Clinton, did you ..." """
    mt = re.match(r"([A-Z][A-Z.'’ -]{1,30}[A-Z]):\s", ctx.text[m.start:m.end])
    if mt is None:
        return None
    name = mt.group(1).strip()
    low = name.lower().split()[-1]
    cast = ctx.cast
    aid = None
    for a in cast.actors.values():
        if a.kind == "person" and a.name.lower().split()[-1] == low:
            aid = a.id
            break
    if aid is None:
        aid = C.slug(name)
        if aid not in cast.actors:
            cast._add(aid, name.title(), "person", 0)
    s = m.start + mt.start(1)
    return _Att(None, s, Ref(aid, s, s + len(name)))


# a dash that signs a quote with a name: "” ― Maria Lopez", "” — Sen. John Doe, R-Ohio", "” - Jane Roe"
_SIGN_DASH = re.compile(r"[ \t\u00a0]*(?:[—―–]|--| - |-(?=[ \u00a0]))[ \t\u00a0]*")
SIGN_NAME_MAX_WORDS = 6  # words of the name itself (a description may follow after a comma)
_NAME_PARTICLES = lexicon.words("quotes/name_particles")


def _dash_signature(ctx: _Ctx, m) -> _Att | None:
    """A quote signed with a dash and a name to the end of its line (vox pops, epigraphs, embedded
    tweets): "“We need more time.” ― Maria Lopez", "“...” — Sen. John Doe, R-Ohio", "“...” — Jane Roe
    (@janeroe) September 27, 2016". The name is the speaker: the words in capitals after the dash, up
    to a comma, a parenthesis or the end of the line; an actor is made for it when the cast has none."""
    if m.close_at is None:
        return None
    text = ctx.text
    pe = ctx.pbounds[ctx.para(m.close_at)][1]
    k = m.close_at + 1
    if k < pe and text[k] in ",.":
        k += 1  # "...”. ― Name"
    dash = _SIGN_DASH.match(text, k, pe)
    if dash is None or not dash.group().strip():
        return None
    ref = _signer(ctx, dash.end(), pe)
    if ref is None:
        return None
    cue = dash.group().strip()
    return _Att(cue, text.index(cue, k), ref)


def _signer(ctx: _Ctx, start: int, end: int) -> Ref | None:
    """The name that signs a quote after its dash, from ``start`` to the end of its line ``end``: the words in
    capitals up to a comma, a parenthesis or the end; None for a sentence. An actor is made for it when
    the cast has none."""
    doc = ctx.doc
    toks = [doc[i] for i in _tok_range(doc, start, end) if not doc[i].is_space]
    name = []
    for t in toks:
        if t.text in (",", "(", ";") or t.text == "." and t.i == toks[-1].i:
            break
        if not (t.text[:1].isupper() or t.lower_ in _NAME_PARTICLES or t.text in ("-", "'", "’")):
            return None  # "“...” — and then he left": a sentence, not a name
        name.append(t)
    if not name or len(name) > SIGN_NAME_MAX_WORDS or name[0].pos_ == "PRON" or not name[0].text[:1].isupper():
        return None
    if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.pos_ in ("VERB", "AUX") for t in name):
        return None  # "“...” — He paused": a sentence
    ref = next((r for r in (ctx.cast.mention_at(t) for t in name) if r is not None), None)
    if ref is None:
        return _signed_actor(ctx, name)
    return Ref(ref.id, name[0].idx, name[-1].idx + len(name[-1]))  # the name, not a dash the mention took in


# the link that ends an embedded tweet's text ("... more days. #BCStormpic.twitter.com/rg2GLQvMx7")
_TWEET_LINK = re.compile(r"\s*(?:pic\.twitter\.com|https?://t\.co)/\S+\s*$")
TWEET_MIN_WORDS = 4


def _embedded_tweets(ctx: _Ctx) -> list[tuple[int, int, _Att]]:
    """Tweets set into the text without quotation marks, signed after their link: "Thursday's windstorm was
    one of the most devastating storms ... pic.twitter.com/rg2GLQvMx7 — BC Hydro (@bchydro) December 22,
    2018". The words before the link, in the signature's paragraph or, when the signature stands alone,
    in the paragraph before it, are the signer's: (start, end, attribution)."""
    text = ctx.text
    out = []
    for m in _TWEET_BYLINE.finditer(text):
        p = ctx.para(m.start())
        ps, pe = ctx.pbounds[p]
        lo, hi = ps, m.start()
        if not any(c.isalnum() for c in _TWEET_LINK.sub("", text[lo:hi])) and p > 0:
            lo, hi = ctx.pbounds[p - 1]  # the signature a paragraph of its own
        link = _TWEET_LINK.search(text, lo, hi)
        if link is None:
            continue  # a signature with no link: a quote signed so is found by its marks
        s, e = _trim(text, lo, link.start())
        if e - s < 1 or _words(text[s:e]) < TWEET_MIN_WORDS or text[s] in "“\"‘'" or _quoted_at(ctx, s) \
                or text[s:e].rstrip().endswith(":"):
            continue
        ref = _signer(ctx, m.start() + 1, m.end())
        if ref is not None:
            out.append((s, e, _Att(text[m.start()], m.start(), ref)))
    return out


def _previous_sentence_cue(ctx: _Ctx, m) -> _Att | None:
    """A quote that opens a sentence inside a paragraph, right after a sentence with a speech verb
    whose speaker the cast knows: "..., Schiff said. “The other factor is ...”", "Cummings called him
    a master at deals. “He showed again and again ...”"; also a quote opening a paragraph after such a
    sentence ends the one before ("Howard continued his remarks.\n\n“...”"). The quote goes on with
    that speaker's words. Not a subhead in capitals ("“EVENTUALLY VOTERS DECIDE”")."""
    text, doc = ctx.text, ctx.doc
    if not any(c.islower() for c in text[m.start:m.end]):
        return None
    k = m.open_at - 1
    while k >= 0 and (text[k] in " \t\u00a0\n" or not _in_paragraph(ctx, k)):
        k -= 1
    if k < 0 or text[k] not in ".!?":
        return None
    toks = _tok_range(doc, k, k + 1)
    if not toks:
        return None
    s, e = _sent_in_para(ctx, doc[toks[0]])
    if e <= toks[0] or any(i in ctx.quoted or i in ctx.mark_tok for i in range(s, e)):
        return None  # a sentence with quotes of its own carries its attribution already
    cues = [t for t in doc[s:e] if _is_cue(t)]
    # the main verb's first ("Chapman said ..., according to EHS"); failing a speaker there, the cue
    # nearest the quote ("According to EHS, ... but Chapman says ...")
    for cue in [min(cues, key=_depth), *reversed(cues)] if cues else []:
        att = _attribution_from_cue(ctx, cue)
        if att.ref is not None and att.ref.id and ctx.cast.actors[att.ref.id].kind in ("person", "organization"):
            return att
    return None if cues else _topic_speaks(ctx, s, e)


def _topic_speaks(ctx: _Ctx, s: int, e: int) -> _Att | None:
    """A quote with no attribution right after a sentence about one named person ("Gillis was diagnosed in
    May. “My condition is getting worse.”"): that person's words, as news writing sets them out."""
    root = next((t for t in ctx.doc[s:e] if t.dep_ == "ROOT"), None)
    subj = next((k for k in root.children if k.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if subj is None or subj.tag_ not in ("NNP", "PRP") or subj.lower_ in ("it", "they", "we", "i", "you"):
        return None
    ref = _speaker(ctx, subj)
    if ref is None or not ref.id or not _named(ctx, ref.id, ("person",)):
        return None
    return _Att(None, None, ref)


def _in_paragraph(ctx: _Ctx, k: int) -> bool:
    """Character ``k`` belongs to a paragraph, not to a separator line of punctuation."""
    ps, pe = ctx.pbounds[max(0, ctx.para(k))]
    return ps <= k < pe


def _colon_intro(ctx: _Ctx, m) -> _Att | None:
    """A quote introduced by a sentence ending with a colon: "Trump told reporters on Monday: “...”"."""
    text = ctx.text
    k = m.open_at - 1
    while k >= 0 and text[k] in " \t\n":
        k -= 1
    if k < 0 or text[k] != ":":
        return None
    toks = _tok_range(ctx.doc, k, k + 1)
    if not toks:
        return None
    colon = ctx.doc[toks[0]]
    sent = colon.sent
    cues = [t for t in ctx.doc[sent.start:colon.i] if (_is_cue(t) or _puts_it(t)) and t.i not in ctx.quoted]
    if cues:
        return _attribution_from_cue(ctx, min(cues, key=_depth))
    # no verb of saying: "Continued Stone: “...”", or a sentence about one named person ("Tory was blunt
    # about the budget: “...”")
    return _inverted_label(ctx, k) or _colon_subject(ctx, colon)


# what someone answers with ("His answer: “...”", "Her response was blunt: “...”")
_REPLY_NOUNS = lexicon.words("quotes/reply_nouns")


def _colon_subject(ctx: _Ctx, colon) -> _Att | None:
    """The named person a clause ending with a colon is about, when it has no verb of saying ("Tory was
    blunt about the budget: “...”"): the subject of the verb the colon closes, a name or a pronoun."""
    v = colon.head
    if v.i > colon.i:
        # the parse hung the colon on the quoted words: the clause before it is the verb of the words before
        v = next((t for t in reversed(ctx.doc[colon.sent.start:colon.i]) if t.head.i > colon.i
                  and t.pos_ in ("VERB", "AUX", "NOUN")), None)
        if v is None:
            return None
    if v.pos_ == "NOUN" and v.lemma_.lower() in _REPLY_NOUNS:
        subj = v  # "His answer: “...”"
    else:
        subj = next((k for k in v.children if k.dep_ in ("nsubj", "nsubjpass") and k.i < colon.i), None)
    if subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in _REPLY_NOUNS:
        subj = next((k for k in subj.children if k.dep_ == "poss"), None)  # "His response was blunt:"
    if subj is None or subj.tag_ not in ("NNP", "PRP", "PRP$") or subj.lower_ in ("it", "its", "they", "their", "we",
                                                                                  "our", "i", "my", "you", "your") \
            or subj.i in ctx.quoted:
        return None
    ref = _speaker(ctx, subj)
    return _Att(None, None, ref) if ref is not None and ref.id and _named(ctx, ref.id, ("person",)) else None


def _dash_aside(ctx: _Ctx, m) -> _Att | None:
    """A quote set between dashes right after a person's name ("including Mitt Romney -- “It is
    disqualifying ...” -- and Fred Goldberg"): that person's words."""
    text = ctx.text
    lo = max(0, m.open_at - 80)
    before = re.search(r"\S+\s*(?:--|—|–)\s*$", text[lo:m.open_at])
    if before is None or not re.match(r"\s*(?:''|[”\"’])?\s*(?:--|—|–)", text[m.end:m.end + 8]):
        return None  # an aside has a dash on both sides
    toks = _tok_range(ctx.doc, lo + before.start(), lo + before.start() + 1)
    ref = ctx.cast.mention_at(ctx.doc[toks[0]]) if toks else None
    if ref is None or not _named(ctx, ref.id, ("person",)):
        return None
    return _Att(None, None, ref)


def _document_intro(ctx: _Ctx, m) -> _Att | None:
    """A quote set out right after the document that holds it, past a comma or a colon: "Trump issued a
    statement, “...”", "the ministry posted a message: “...”": the verb that issues it, and its subject."""
    text = ctx.text
    k = m.open_at - 1
    while k >= 0 and text[k] in " \t\n\xa0":
        k -= 1
    if k < 0 or text[k] not in ",:" or text[k] == "," and "\n" in text[k:m.open_at]:
        return None  # (a colon may end the paragraph before: "X issued the following statement:")
    toks = _tok_range(ctx.doc, k, k + 1)
    if not toks or toks[0] < 1:
        return None
    noun = ctx.doc[toks[0] - 1]
    if noun.lemma_.lower() not in _DOCUMENTS or noun.dep_ != "dobj" or noun.head.pos_ != "VERB" or noun.i in ctx.quoted:
        return None
    return _attribution_from_cue(ctx, noun.head)


_INVERTED = re.compile(r"([A-Z][a-z]+) +([A-Z][\w.’'-]*(?: +[A-Z][\w.’'-]*){0,3}) *$")
_IRREGULAR_PAST = lexicon.table("quotes/irregular_past")


def _speech_past(word: str) -> bool:
    """A past tense of a speech verb ("Added", "Stated", "Quipped", "Said", "Wrote")."""
    w = word.lower()
    if w in _IRREGULAR_PAST:
        return True
    if not w.endswith("ed"):
        return False
    return any(c in SPEECH for c in (w[:-1], w[:-2], w[:-3], w[:-3] + "y" if w.endswith("ied") else w[:-2]))


def _inverted_label(ctx: _Ctx, colon: int) -> _Att | None:
    """A lead-in of a speech verb put before the name, ending with a colon ("Continued Stone: “...”",
    "Added Smith:" on a line of its own): the name is the speaker."""
    text, doc = ctx.text, ctx.doc
    line_start = text.rfind("\n", 0, colon) + 1
    lead = text[line_start:colon].strip()
    mt = _INVERTED.match(lead)
    if mt is None or not _speech_past(mt.group(1)):
        return None
    off = text.index(lead, line_start)
    ns, ne = off + mt.start(2), off + mt.end(2)
    name = [doc[i] for i in _tok_range(doc, ns, ne)]
    if not name:
        return None
    ref = next((r for r in (ctx.cast.mention_at(t) for t in name) if r is not None), None)
    if ref is None or ref.start < ns or _speech_past(ctx.cast.actors[ref.id].name.split()[0]):
        # the recognizer took the verb into the name ("Stated Stone"): the person of that surname
        last = name[-1].text
        aid = next((a.id for a in ctx.cast.actors.values() if a.kind == "person" and a.name.split()[-1] == last
                    and not _speech_past(a.name.split()[0])), None)
        ref = Ref(aid, ns, ne) if aid else _signed_actor(ctx, name)
    return _Att(mt.group(1), off, Ref(ref.id, ns, ne))


def _parenthetical(ctx: _Ctx, v) -> tuple[int, int] | None:
    """", Barden says," / ", he said." set off by commas: the rest of the sentence is the content."""
    doc, text = ctx.doc, ctx.text
    subj = next((k for k in v.children if k.dep_ == "nsubj"), None)
    evidence = (subj is not None and v.lemma_.lower() in _reported.EVIDENCE_VERBS
                and subj.lemma_.lower() in _reported.SOURCE_NOUNS)  # "..., records show."
    if not evidence and (v.lemma_.lower() in _BELIEF or v.lemma_.lower() not in SPEECH):
        return None
    if any(k.dep_ in ("xcomp", "ccomp") and k.i > v.i for k in v.children):
        return None
    # what may follow the cue inside the attribution: the addressee of "told", a time, a short
    # circumstance ("..., Lopez told a Senate panel Wednesday.", "..., she said in an interview.")
    inverted = _inverted_name(ctx, v) if subj is None else None  # "..., argued Palvetzian."
    tail = v.i
    for k in v.children:
        if k.i < v.i or k.is_punct or inverted is not None and k.i == inverted.i:
            continue
        if k.dep_ in ("dobj", "dative") and not (v.lemma_.lower() in _ADDRESSEE and k.pos_ in ("NOUN", "PROPN", "PRON")):
            return None
        if k.dep_ == "prep" and k.right_edge.i - k.i > 4:
            return None
        if k.dep_ not in ("dobj", "dative", "prep", "npadvmod", "advmod"):
            return None
        tail = max(tail, k.right_edge.i)
    subj = next((k for k in v.children if k.dep_ == "nsubj"), None) or inverted
    if subj is None:
        return None
    lo_att = min(subj.left_edge.i, v.i)
    hi_att = max(subj.right_edge.i, tail) + 1
    s, e = _sent_in_para(ctx, v)
    if lo_att <= s or doc[lo_att - 1].text != ",":
        return None
    # a quoted fragment after the attribution ("The plan, she said, “is a disaster” for the town"): the
    # sentence is still the content, unless the quotes make up half of it; a quote before it belongs to
    # a cue of its own ("“A,” he said, “B.”", "saying “A” and B, she said, “C”")
    if 2 * sum(1 for i in range(s, e) if i in ctx.quoted or i in ctx.mark_tok) >= e - s or any(
            i in ctx.quoted or i in ctx.mark_tok for i in range(s, lo_att)):
        return None
    if subj.lower_ in ("who", "which", "that"):
        return None  # "Lee, who declared in the spin room, ...": a relative clause, not a parenthesis
    if hi_att < e and doc[hi_att].text not in (",", ".", "!", "?", ";"):
        return None
    cs = doc[s].idx
    if hi_att >= e - 1 or doc[hi_att].text in (".", "!", "?"):
        ce = doc[lo_att - 1].idx  # "..., he said."
    else:
        ce = doc[e - 1].idx + len(doc[e - 1])  # "A, he says, B."
    cs, ce = _trim(text, cs, ce)
    if ce - cs < 12:
        return None
    return cs, ce


# verbs whose first object is the addressee ("told reporters the plan was dead")
_ADDRESSEE = _reported.speech_verbs("addressee")
# speech verbs that take a bare clause as their content ("said the plan was dead")
_CLAUSE_VERBS = _reported.speech_verbs("bare")


_NOT_CLAUSE_START = lexicon.words("quotes/not_clause_start")


def _run_on(ctx: _Ctx, v) -> tuple[int, int] | None:
    """"X said the plan was dead." parsed without a content clause: a speech verb with a subject
    before it, and after it (past an addressee and "that") a clause with a subject of its own
    running to the end of the sentence."""
    doc, text = ctx.doc, ctx.text
    lem = v.lemma_.lower()
    if lem not in _CLAUSE_VERBS or v.pos_ != "VERB" or v.dep_ not in ("ROOT", "conj", "ccomp"):
        return None
    subj = next((k for k in v.children if k.dep_ == "nsubj" and k.i < v.i and k.i not in ctx.quoted), None)
    if subj is None:
        return None
    s, e = _sent_in_para(ctx, v)
    if any(i in ctx.quoted or i in ctx.mark_tok for i in range(s, e)):
        return None
    k = v.i + 1
    if lem in _ADDRESSEE:
        obj = next((c for c in v.children if c.dep_ in ("dobj", "dative") and c.i > v.i), None)
        if obj is None or obj.pos_ not in ("PRON", "PROPN", "NOUN"):
            return None
        k = obj.right_edge.i + 1
    if k < e and doc[k].lower_ == "that":
        k += 1
    while e > k and doc[e - 1].is_punct:
        e -= 1
    if e - k < 4 or doc[k].is_punct:
        return None
    # the rest must open with a clause: a noun phrase, then its subject's verb
    if doc[k].pos_ not in ("PRON", "PROPN", "NOUN", "DET", "NUM", "ADJ", "VERB") or doc[k].lower_ in _NOT_CLAUSE_START:
        return None
    if not any(doc[i].dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and doc[i].i < doc[i].head.i < e
               and doc[i].head.pos_ in ("VERB", "AUX") and not any(doc[j].is_punct for j in range(k, i))
               for i in range(k, min(e, k + 8))) and not _subject_past_aside(doc, k, e):
        return None
    cs, ce = _trim(text, doc[k].idx, doc[e - 1].idx + len(doc[e - 1]))
    if ce - cs < 12:
        return None
    return cs, ce


ASIDE_MAX = 8


def _subject_past_aside(doc, k: int, e: int) -> bool:
    """"said the result, if the trends held, would be ...": the parse took the subject of the reported
    clause for the verb's object, because an aside set off by commas stands between it and its verb. A
    short noun phrase (no verb in it), a comma, an aside of a few words, a comma, then a finite verb."""
    c1 = next((i for i in range(k, min(e, k + 6)) if doc[i].text == ","), None)
    if c1 is None or c1 == k or any(doc[i].pos_ in ("VERB", "AUX") for i in range(k, c1)):
        return False
    if not any(doc[i].pos_ in ("NOUN", "PROPN") for i in range(k, c1)):
        return False
    c2 = next((i for i in range(c1 + 2, min(e, c1 + 2 + ASIDE_MAX)) if doc[i].text == ","), None)
    return c2 is not None and c2 + 1 < e and doc[c2 + 1].tag_ in ("MD", "VBD", "VBZ", "VBP")


_LABEL = re.compile(r"^(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})$")


_INTERVIEW_LABELS = lexicon.words("quotes/interview_labels")


# the labels of an editor's notice ("Correction: An earlier version ...", "Editor's note: ...")
_NOTICE_LABELS = lexicon.words("quotes/notice_labels")


def _speaker_label(head: str) -> bool:
    """A transcript's speaker label opening a long paragraph: "FALLIN: ...", "Alex Seitz-Wald: ..."."""
    return bool(_LABEL.match(head.strip())) and head.strip().lower() not in _NOTICE_LABELS


# the press as a headline's source ("Newspaper: ...", "Report: ...")
_OUTLETS = lexicon.words("quotes/outlets")


def _headline_source(ctx: _Ctx, root) -> bool:
    """What stands before the colon of a headline and names no one the text knows may still be a speaker
    when it is a person or a group of people ("Officials: ...", "Senator: ..."), a named person, organization
    or place, the press or a document ("Newspaper: ...", "Poll: ..."); a title ("Stealth Over Health: ...",
    "Frustration with police: ...") is none."""
    lem = root.lemma_.lower()
    if lem in _OUTLETS or lem in TITLE_NOUNS or lem in PEOPLE_NOUNS or root.lower_ in _OUTLETS:
        return True
    return _animacy(ctx, root) in ("people", "ent:PERSON", "ent:ORG", "ent:NORP", "ent:GPE", "document")


# words that open a headline's title, never its source ("From Homs to Agricola Street: ...", "Inside the ...: ...")
_HEAD_PREPOSITIONS = frozenset({"from", "in", "inside", "at", "on", "after", "before", "behind", "beyond", "into",
                                "with", "without", "for", "of", "to", "under", "over", "between", "among", "across"})


def _headlines(ctx: _Ctx) -> list[tuple[int, int, _Att]]:
    """Short one-line paragraphs of the form "Source: what they said" (headlines, captions)."""
    doc, text = ctx.doc, ctx.text
    out = []
    for ps, pe in ctx.pbounds:
        line = text[ps:pe]
        if not line.strip() or ": " not in line:
            continue
        head, _, rest = line.partition(": ")
        if len(line) > 200 and not _speaker_label(head):
            continue
        if not head.strip() or len(head.split()) > 5 or len(rest.split()) < 3 or not head.strip()[0].isupper():
            continue
        if head.strip().lower() in _INTERVIEW_LABELS:
            continue  # an interview's "Q: ..." / "A: ...": the line is a question or an answer, not a headline
        if head.strip().lower() in _NOTICE_LABELS:
            continue  # "Correction: An earlier version of this article ...": the paper's notice, nobody's claim
        if re.search(r"\b(?:posted|updated|published)$", head.strip(), re.I):
            continue  # "CBC News · Posted: May 20, 2019 8:15 PM MT": a date line
        if head.split()[0].lower() in _HEAD_PREPOSITIONS:
            continue  # "From Homs to Agricola Street: ...": a title, nobody's claim
        span = doc.char_span(ps, ps + len(head), alignment_mode="expand")
        if span is None:
            continue
        ref = _named_label(ctx, span)
        h = head.strip()
        if ref is None and h.isupper() and _speaker_label(h):
            # a transcript label in capitals ("FALLIN:"): the person of that surname
            low = h.lower().split()[-1]
            aid = next((a.id for a in ctx.cast.actors.values()
                        if a.kind == "person" and a.name.lower().split()[-1] == low), None)
            if aid is not None:
                ref = Ref(aid, span.start_char, span.end_char)
        for t in span if ref is None else ():
            ref = ctx.cast.mention_at(t)
            if ref is not None:
                break
        if ref is None:
            root = span.root
            if root.pos_ not in ("PROPN", "NOUN") or not _headline_source(ctx, root):
                continue
            ref = ctx.cast.describe(root, create=True)
            if ref is None:
                continue
        cs, ce = _trim(text, ps + len(head) + 2, pe)
        if ce - cs < 12:
            continue
        out.append((cs, ce, _Att(None, ps, ref)))
    return _without_interviewer(text, out)


def _named_label(ctx: _Ctx, span) -> Ref | None:
    """The actor a line's label names ("Kyiv Herald: ..." after "The Kyiv Herald spoke with Ana Roe";
    "Roe: ..."): the actor of that full name, not the place its first word names, or the one person of
    that surname."""
    label = span.text.strip().lower()
    label = label[4:] if label.startswith("the ") else label
    actors = ctx.cast.actors.values()
    if len(label.split()) > 1:
        aid = next((a.id for a in actors if a.name.lower() == label), None)
    else:
        people = [a.id for a in actors if a.kind == "person" and a.name.lower().split()[-1] == label]
        aid = people[0] if len(people) == 1 else None
    return Ref(aid, span.start_char, span.end_char) if aid else None


def _without_interviewer(text: str, lines: list[tuple[int, int, _Att]]) -> list[tuple[int, int, _Att]]:
    """An interview given as labelled turns ("Herald: How bad is it?" / "Roe: It is the worst ..."): the
    label whose every line is a question, in turns with another label, is the interviewer's; the questions
    are not what the news reports."""
    by_label: dict[str, list[int]] = {}
    for n, (_, _, att) in enumerate(lines):
        if att.ref is not None and att.ref.id:
            by_label.setdefault(att.ref.id, []).append(n)
    if len(by_label) < 2:
        return lines
    asks = {aid for aid, ns in by_label.items() if len(ns) >= 2 and all(text[lines[n][1] - 1] == "?" for n in ns)}
    if not asks or len(asks) == len(by_label):
        return lines
    return [ln for ln in lines if ln[2].ref is None or ln[2].ref.id not in asks]


def _evidence_source(ctx: _Ctx, v) -> bool:
    """A document or a poll as the subject of a report verb ("records show", "the poll found")."""
    if v.lemma_.lower() not in _reported.EVIDENCE_VERBS:
        return False
    subj = _subject(ctx, v)
    return subj is not None and subj.lemma_.lower() in _reported.SOURCE_NOUNS and subj.lower_ not in _reported.NOT_SOURCES


def _closing_as_opening(text: str, m: _marks.Mark) -> bool:
    """A mark glued to the word before it and followed by a space closes a quote or means inches
    ('his systems" including', '6\'3" tall', 'for her here,“ said'): what runs from it to the next mark is
    the text between two quotes, not a quote."""
    return m.open_at > 0 and not text[m.open_at - 1].isspace() and text[m.start:m.start + 1].isspace()


def find(doc, cast: Cast) -> list[Quote]:
    """The quotes of ``doc`` in text order: what someone said or wrote, direct, indirect or mixed, introduced
    by a speech or writing act (see ``_speech``). Beliefs, plans, perceptions and actions that the text
    attributes ("was upbeat about", "found that") are not quotes, nor is a quoted term on its own."""
    return split(doc, cast)[0]


def split(doc, cast: Cast) -> tuple[list[Quote], list[Quote]]:
    """(the quotes, every attribution): the quotes of ``find``, and all that the text attributes to someone,
    quotes or not ("was upbeat about the rinks", "found that ..."), which positions may take a stance from."""
    ctx = _Ctx(doc, cast)
    items = _found(ctx)
    return _role_named_elsewhere(ctx, _named_next(ctx, _speech(ctx, items))), [item.quote for item in items]


def _named_next(ctx: _Ctx, quotes: list[Quote]) -> list[Quote]:
    """Quotes of an unnamed role ("A spokeswoman for the premier said ...") whose speaker the text names at
    the next quote ("... said Jane Doe."): the named person, when that quote is in the same or the next
    paragraph, by someone of the same gender who is first named there, bare (no title, no apposition, so
    not someone the text introduces as another person). A role of any kind that opens the story, before
    anyone is named, is named so too ("B.C.'s health minister says ... ¶ Adrian Dix told reporters ...")."""
    out = list(quotes)
    for i, q in enumerate(quotes):
        role = _unnamed_role(ctx, q.speaker)
        if role is None or q.speaker_start is None or not (re.match(
                r"(?:an?|another)\s", ctx.text[q.speaker_start:q.speaker_end], re.I) or _opens_story(ctx, q)):
            continue
        k = next((k for k in range(i + 1, len(quotes)) if quotes[k].speaker not in (q.speaker, None)), None)
        nxt = quotes[k] if k is not None else None
        if nxt is None or nxt.speaker_start is None or ctx.para(nxt.start) - ctx.para(q.start) > 1:
            continue
        person = ctx.cast.get(nxt.speaker)
        if person is None or person.kind != "person" or person.head is not None or person.title:
            continue
        first = ctx.doc[person.first]
        if not (nxt.speaker_start <= first.idx < nxt.speaker_end) or _introduced_as(first):
            continue
        genders = {ctx.cast.gender.get(role.id), ctx.cast.gender.get(person.id)} - {None}
        if len(genders) > 1:
            continue  # "a spokeswoman" is not the man named next
        for j in range(i, k):
            if out[j].speaker == q.speaker:
                out[j] = out[j].model_copy(update={"speaker": person.id})
    return out


def _opens_story(ctx: _Ctx, q: Quote) -> bool:
    """The quote's speaker is described before the text names any person (but in a byline or a credit)."""
    return not any(ctx.cast.actors[aid].kind == "person" and not _furniture_at(ctx, s)
                   for s, e, aid in ctx.mentions_between(0, q.speaker_start))


def _unnamed_role(ctx: _Ctx, aid: str | None):
    """The actor ``aid`` when it is one person the text describes and does not name ("a spokeswoman for
    the premier"), else None."""
    a = ctx.cast.get(aid)
    return a if a is not None and a.head is not None and a.kind == "person" else None


def _role_named_elsewhere(ctx: _Ctx, quotes: list[Quote]) -> list[Quote]:
    """Quotes of an unnamed role ("A spokesman for Hillary Clinton called ...") whose holder the text names
    elsewhere with the same title and the same principal ("Clinton spokesman Brian Fallon"): that person,
    when exactly one named person is so described."""
    out = list(quotes)
    done: dict[tuple[str, bool], str | None] = {}
    for i, q in enumerate(quotes):
        role = _unnamed_role(ctx, q.speaker)
        if role is None or role.head not in TITLE_NOUNS:
            continue
        definite = q.speaker_start is not None and re.match(r"the\s", ctx.text[q.speaker_start:q.speaker_end], re.I)
        key = (role.id, bool(definite))
        if key not in done:
            done[key] = _holder_of(ctx, role, definite=bool(definite))
        if done[key]:
            out[i] = q.model_copy(update={"speaker": done[key]})
    return out


def _holder_of(ctx: _Ctx, role, definite: bool = False) -> str | None:
    """The one named person the text calls by ``role``'s title for the same principal, or None. A definite
    role with no principal ("The mayor, who ..., said"; "“...,” Mayor Brian Bowman said") is the one named
    person the text gives that title at all."""
    # the words that name the principal: after "for"/"of" in the role's name ("Spokesman for the police")
    named = re.split(r"\b(?:for|of|at|with)\b", role.name.lower(), maxsplit=1)
    words = set(re.findall(r"[\w’'-]+", named[1])) - _FUNCTION_WORDS if len(named) == 2 else set()
    if not words and definite and len(role.name.split()) == 1:
        return _sole_holder(ctx, role.head, role.id)
    if not words:
        return None  # "a spokesman said": whose, the text does not say
    found = set()
    for (s, e), aid in ctx.cast.mentions.items():
        a = ctx.cast.actors.get(aid)
        if a is None or a.kind != "person" or a.head is not None or not a.title \
                or role.head not in a.title.lower().split():
            continue
        near = re.findall(r"[\w’'-]+", ctx.text[max(0, s - 50):e + 60].lower())
        if role.head in near and (words & set(near) or role.affiliation and a.affiliation == role.affiliation):
            found.add(aid)
    return next(iter(found)) if len(found) == 1 else None


_FUNCTION_WORDS = _SMALL | {"s", "’s", "'s"}


def _introduced_as(name) -> bool:
    """A person's first mention that says who they are: an apposition or a title before the name."""
    root = name
    while root.dep_ in ("compound", "flat") and root.head.i != root.i:
        root = root.head
    return any(k.dep_ in ("appos", "acl", "relcl") for k in root.children) or any(
        k.dep_ in ("compound", "amod") and not k.ent_type_ == "PERSON" and k.i < name.i for k in root.children)


def attributions(doc, cast: Cast) -> list[tuple[Quote, str]]:
    """Every attribution the rules and the learned models find, in text order, each with how it was found:
    "direct", "headline", "indirect" (a report verb's clause, "according to"), "reported:<kind>" (see
    ``_reported``), "fragment" (the content around a short quoted fragment) or "learned"."""
    return [(item.quote, item.origin) for item in _found(_Ctx(doc, cast))]


@dataclass
class _Item:
    """An attribution as found: the quote, how it was found, and its cue token (None: no cue)."""

    quote: Quote
    origin: str
    cue: object = None


def _found(ctx: _Ctx) -> list[_Item]:
    """Every attribution of ``ctx``'s document (see ``attributions``), boilerplate left out."""
    text = ctx.text
    atts = _attributions(ctx)
    used: set[int] = set()  # where the cues of the items found by the rules start
    quotes = _direct_quotes(ctx, atts, used)
    att_of = {id(q): att for q, att in zip(quotes, _attributed(ctx, atts, quotes))}
    origin = {id(q): "direct" for q in quotes}
    for cs, ce, att in _headlines_outside(ctx, quotes):
        quotes.append(_quote(cs, ce, text, att, direct=False))
        origin[id(quotes[-1])], att_of[id(quotes[-1])] = "headline", att
    tweets = _embedded_tweets(ctx)
    for cs, ce, att in tweets:
        quotes.append(_quote(cs, ce, text, att, direct=True))
        origin[id(quotes[-1])], att_of[id(quotes[-1])] = "tweet", att
    for cs, ce, att in _indirect(ctx):
        quotes.append(_quote(cs, ce, text, att, direct=False))
        origin[id(quotes[-1])], att_of[id(quotes[-1])] = "indirect", att
        used.add(att.cue_start)
    for q, kind, att in _reported_items(ctx, [(q.start, q.end) for q in quotes], used):
        quotes.append(q)
        origin[id(q)], att_of[id(q)] = "reported:" + kind, att
    for span, att in _fragments(ctx, atts, quotes):
        quotes.append(_quote(span[0], span[1], text, att, direct=False))
        origin[id(quotes[-1])], att_of[id(quotes[-1])] = "fragment", att
    for q, att in _learned_items(ctx, [(q.start, q.end) for q in quotes], used):
        quotes.append(q)
        origin[id(q)], att_of[id(q)] = "learned", att
    found = []
    for q in quotes:
        if origin[id(q)] != "tweet" and any(s <= q.start and q.end <= e for s, e, _ in tweets):
            continue  # "... the paramedics union says ..." inside a tweet: the tweet is the quote
        if _on_a_sign(ctx, att_of.get(id(q))):
            continue  # "A hand-lettered sign by the till reads “Cash only”": a slogan, nobody's words
        if not _boilerplate(ctx, q) and not _no_content(ctx, q):
            att = att_of.get(id(q))
            cue = _cue_token(ctx, att) if att is not None else None
            found.append(_Item(_to_quote_end(ctx, q), origin[id(q)], cue))
    found.sort(key=lambda item: (item.quote.start, item.quote.end))
    return found


# things with words written on them ("a sign reads", "placards reading")
_SIGN_NOUNS = lexicon.words("quotes/sign_nouns")


def _on_a_sign(ctx: _Ctx, att: _Att | None) -> bool:
    """The attribution's cue has a sign, a placard or a banner for its subject: what it reads is written on it."""
    if att is None or att.cue is None:
        return False
    cue = _cue_token(ctx, att)
    subj = _subject(ctx, cue) if cue is not None else None
    return subj is not None and subj.lemma_.lower() in _SIGN_NOUNS and ctx.cast.mention_at(subj) is None


# --- what is a quote ---------------------------------------------------------------------------------

# Verbs whose content is a quote: words said or written, reported as such (data/en/speech_verbs.txt, "quote").
QUOTE_VERBS = _reported.speech_verbs("quote")
# A short quoted phrase in the middle of a sentence is a term, not a quote, unless a reported clause holds it.
TERM_MAX_WORDS = 6
# A quote this short stands alone as nothing a reader can use ("historic", "game-changer").
SHORT_MAX_WORDS = 3
_SAYING_ORIGINS = ("indirect", "fragment", "reported:inf", "reported:inf:passive")


def _speech(ctx: _Ctx, items: list[_Item]) -> list[Quote]:
    """The attributions of ``ctx`` that are quotes. Reported content counts when a verb of saying or writing
    introduces it as a clause or an infinitive, with someone to say it, or when it holds the speaker's own
    words in quotation marks ("called the senator a “nasty guy”": a mixed quote). A direct quote inside such
    content is part of it (the content, quoted words and all, is the quote); a quoted phrase that nothing
    reports is a term, not a quote ("in a box labeled “medical problem”"), and so is a quote of three words
    or fewer that is not a whole utterance introduced as such ("“We need change,” he said" is one)."""
    reported = [it for it in items if not it.quote.direct and _says(ctx, it)]
    out = [it.quote for it in reported]
    for it in items:
        q = it.quote
        if not q.direct:
            continue
        if it.origin == "tweet":
            out.append(q)  # a signed tweet: its author's words
            continue
        if any(r.quote.start <= q.start and q.end <= r.quote.end + 2 and r.quote.speaker in (q.speaker, None)
               or (r.quote.start <= q.start < r.quote.end and _words(q.text) <= TERM_MAX_WORDS) for r in reported):
            continue  # the reported content holds it: a mixed quote
        introduced = _introduced(ctx, q, it.cue)
        if not introduced:
            mixed = _mixed(ctx, q, it)
            if mixed is not None and mixed is not q:
                if not any(r.start <= mixed.start < r.end or mixed.start <= r.start < mixed.end
                           for r in out if not r.direct):
                    out.append(mixed)  # the clause a speech verb reports, the quoted words in it
                continue
            if mixed is None and _words(q.text) <= (TERM_MAX_WORDS if it.cue is None else SHORT_MAX_WORDS):
                continue  # a term in the middle of the writer's sentence
        if _words(q.text) <= SHORT_MAX_WORDS and not _utterance(q, it, introduced):
            continue
        out.append(q)
    out = [_with_closing_mark(ctx, q) for q in out]
    out.sort(key=lambda q: (q.start, q.end))
    return out


def _utterance(q: Quote, it: _Item, introduced: bool) -> bool:
    """A short direct quote that is a whole utterance of someone's, set out as one ("“We need change,” Garcia
    said", "protesters chanted “What curfew?”"), not a label ("in a box labeled “urgent”")."""
    return introduced and it.cue is not None and q.speaker is not None and _reported.lemma(it.cue) not in _reported.NAMING


def _with_closing_mark(ctx: _Ctx, q: Quote) -> Quote:
    """A mixed quote that ends where its quoted words end takes their closing mark too ("she voted
    “present.”"), so that it reads as written; one that runs on into the writer's words after the quoted
    ones (", referring to ...") ends with the quoted words."""
    if q.direct:
        return q
    for m in ctx.marks:
        if q.start <= m.open_at and m.end == q.end and m.close_at is not None:
            end = m.close_at + (2 if ctx.text.startswith("''", m.close_at) else 1)
            return q.model_copy(update={"end": end, "text": ctx.text[q.start:end]})
    # what the writer adds after the quoted words ("said that “...,” referring to the activists who ...")
    for m in ctx.marks:
        if q.start <= m.open_at and m.close_at is not None and m.close_at < q.end:
            after = _WRITER_AFTER.match(ctx.text, m.close_at + 1, q.end)
            if after:
                end = m.close_at + 1
                return q.model_copy(update={"end": end, "text": ctx.text[q.start:end]})
    return q


# after a mixed quote's closing mark: a comma and a participle opening the writer's own words
_WRITER_AFTER = re.compile(r"\s*,?\s+(?:[a-z]+ing)\b")


def _mixed(ctx: _Ctx, q: Quote, it: _Item) -> Quote | None:
    """For a direct quote in the middle of a sentence, the mixed quote it belongs to: the content a speech
    verb of its sentence reports with the quoted words in it ("She says it underscores that Trump is
    “temperamentally unfit”": the clause after "says"). The quote itself when the verb reports just the
    quoted words; None when no speech verb governs them (a term: "in a box labeled “medical problem”")."""
    doc = ctx.doc
    toks = _tok_range(doc, q.start, q.end)
    if not toks:
        return None
    inside = set(toks)
    top = next((doc[i] for i in toks if doc[i].head.i not in inside), None)
    if top is None:
        return None
    child, node = top, top.head
    for _ in range(4):
        if node.i in inside or node.sent.start != top.sent.start:
            return None
        if _is_cue(node) and node.i not in ctx.quoted and not _names_what_is_judged(ctx, node, q):
            break
        if node.head.i == node.i:
            return None
        child, node = node, node.head
    else:
        return None
    s, e = _sent_in_para(ctx, node)
    lo, hi = max(child.left_edge.i, s), min(child.right_edge.i + 1, e)
    obj = next((k for k in node.children if k.dep_ == "dobj" and node.i < k.i < child.i), None)
    if child.dep_ in ("oprd", "attr", "acomp", "xcomp") and obj is not None:
        lo = max(obj.left_edge.i, s)  # "called the senator a “nasty guy”": what was called, and what
    if lo <= node.i < hi:
        return None
    cs, ce = _trim(ctx.text, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
    att = _attribution_from_cue(ctx, node)
    if not (cs <= q.start and q.end <= ce + 2) or _words(ctx.text[cs:ce]) <= _words(q.text) + 2:
        return q  # the verb reports the quoted words themselves ("called for a “swift ...”")
    if att.ref is not None and cs <= att.ref.start < ce:
        return None  # a parse that runs the content into its speaker
    speaker = q.speaker or (att.ref.id if att.ref is not None else None) or None
    mixed = _quote(cs, ce, ctx.text, att, direct=False)
    return _to_quote_end(ctx, mixed.model_copy(update={"speaker": speaker})) if speaker else None


def _says(ctx: _Ctx, it: _Item) -> bool:
    """Whether a reported item is speech: "according to X", or a verb of saying or writing that reports a
    clause or an infinitive, said by someone (not "you", not an unnamed "to say"), not negated ("did not
    say why", "declined to say whether"); or content that holds the speaker's words in quotation marks
    with a speech verb ("called the senator a “nasty guy”", "described it as a “disgrace”")."""
    q, cue = it.quote, it.cue
    if it.origin == "headline":
        return q.speaker is not None
    if cue is None or (q.speaker is None and q.speaker_start is None and not _someone(cue)):
        return False  # nobody said it (an unknown speaker still has a mention: "a statement said")
    if cue.lower_ == "according":
        return it.origin in ("indirect", "fragment")
    lemma = _reported.lemma(cue)
    if _holds_quoted_words(ctx, q) and not _names_what_is_judged(ctx, cue, q) and (lemma in SPEECH or q.speaker is not None):
        return not _unsaid(cue)
    if lemma not in QUOTE_VERBS:
        return False
    if it.origin not in _SAYING_ORIGINS and not (it.origin in ("learned", "reported:obj") and lemma in _ADDRESSEE):
        return False
    if it.origin == "indirect" and not _clause_like(ctx, q):
        return False
    return not _unsaid(cue)


def _names_what_is_judged(ctx: _Ctx, cue, q: Quote) -> bool:
    """A verb of praise or blame whose object holds the quoted words: they name what is judged ("hailed an
    “allied cooperation agreement”"); in what it is judged as or for they are the judgement itself
    ("blasted Clinton as a “disgrace”")."""
    if _reported.lemma(cue) not in _JUDGE_VERBS:
        return False
    obj = next((k for k in cue.children if k.dep_ == "dobj"), None)
    return obj is None or obj.left_edge.idx <= q.start < obj.right_edge.idx + len(obj.right_edge) and not any(
        k.dep_ == "prep" and k.lower_ in ("as", "for") and k.idx <= q.start for k in obj.subtree)


def _holds_quoted_words(ctx: _Ctx, q: Quote) -> bool:
    """Reported content with words in quotation marks in it."""
    return any(q.start <= m.start and m.end <= q.end + 2 for m in ctx.marks)


def _introduced(ctx: _Ctx, q: Quote, cue) -> bool:
    """A direct quote set out as an utterance: it opens its sentence, or it follows its cue ("chanted
    “What curfew?”", "said: “...”", "wrote, “...”"), not a phrase in the middle of the writer's sentence
    ("shot at them “like snipers”", "in a box labeled “medical problem”")."""
    toks = _tok_range(ctx.doc, q.start, q.end)
    if not toks:
        return True
    first = ctx.doc[toks.start]
    before = [t for t in ctx.doc[first.sent.start:toks.start] if not t.is_space and t.i not in ctx.mark_tok]
    if not before:
        return True
    while before and before[-1].text in (":", ",", "—", "–", "-"):
        before.pop()
    return bool(before) and cue is not None and before[-1].i == cue.i


_ADVERBIAL_OPENERS = lexicon.words("quotes/adverbial_openers")


def _clause_like(ctx: _Ctx, q: Quote) -> bool:
    """Reported content that reads as what was said: a clause ("the plan was dead", "that ..."), a question
    ("whether ...", "why ..."), or words in quotation marks; not a noun phrase ("added a goal and an
    assist") nor an adverbial clause ("said no when reporters asked")."""
    toks = _tok_range(ctx.doc, q.start, q.end)
    if not toks:
        return False
    doc = ctx.doc
    first = doc[toks.start]
    root = doc[toks.start:toks.stop].root
    if first.lower_ in _ADVERBIAL_OPENERS and first.head.i == root.i:
        return False  # the whole of it is an adverbial clause
    if any(i in ctx.quoted for i in toks):
        return True
    if first.lower_ in ("that", "whether", "if") or first.tag_ in ("WDT", "WP", "WRB", "WP$"):
        return True
    return root.pos_ in ("VERB", "AUX")  # a clause, its subject perhaps before it ("which, X said, is ...")


def _someone(cue) -> bool:
    """A speech verb with a subject that names people, though no actor the brief knows ("some in the
    community say", "all those involved say"): a quote whose speaker is unknown, not nobody's."""
    subj = next((k for k in cue.children if k.dep_ == "nsubj"), None)
    return subj is not None and subj.pos_ in ("NOUN", "PRON", "PROPN", "DET") and subj.lower_ not in ("you", "it", "this")


def _unsaid(cue) -> bool:
    """A speech verb that says nothing: negated ("did not say"), refused ("declined to say", "would not
    say"), asked of the reader ("When you say ...", "Tell him ..."), or a mere possibility ("to say that")."""
    if any(k.dep_ == "neg" for k in cue.children):
        return True
    head = cue.head
    if cue.dep_ == "xcomp" and (any(k.dep_ == "neg" for k in head.children)
                                or _reported.lemma(head) in _REFUSAL_VERBS):
        return True
    subj = next((k for k in cue.children if k.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ == "you":
        return True
    return subj is None and cue.tag_ == "VB" and (cue.i == cue.sent.start or cue.dep_ == "ROOT")


_REFUSAL_VERBS = lexicon.words("quotes/refusal_verbs")
# verbs of praise and blame: a quote in their object names what is judged ("hailed an “allied cooperation
# agreement”"), it is not what was said about it
_JUDGE_VERBS = _reported.speech_verbs("judge")


def _attributed(ctx: _Ctx, atts: list[_Att | None], quotes: list[Quote]) -> list[_Att | None]:
    """The attribution of each direct quote kept by ``_direct_quotes`` (in their order)."""
    by_start = {m.start: att for m, att in zip(ctx.marks, atts)}
    return [by_start.get(q.start) for q in quotes]


def _cue_token(ctx: _Ctx, att: _Att):
    """The token an attribution's cue starts at, or None (a label, a signature)."""
    if att.cue is None or att.cue_start is None:
        return None
    span = ctx.doc.char_span(att.cue_start, att.cue_start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _attributions(ctx: _Ctx) -> list[_Att | None]:
    """The attribution of each direct quote (``ctx.marks``): its own, else one carried from a neighbour, a
    transcript label inside it first."""
    atts: list[_Att | None] = []
    for m in ctx.marks:
        att = _dash_signature(ctx, m) or _dash_aside(ctx, m) or _direct_attribution(ctx, m)
        if att is None:
            att = _colon_intro(ctx, m) or _document_intro(ctx, m)
        atts.append(att)
    # carry attributions: within a multi-paragraph chain, to the next/previous piece in a paragraph,
    # and to a paragraph that follows a quote paragraph without attribution of its own
    for _ in range(2):
        for i in range(len(ctx.marks)):
            if atts[i] is None:
                atts[i] = _carried(ctx, atts, i)
    for i, m in enumerate(ctx.marks):
        pre = _transcript_speaker(ctx, m)
        if pre is not None:
            atts[i] = pre
    return atts


def _carried(ctx: _Ctx, atts: list[_Att | None], i: int) -> _Att | None:
    """The attribution quote ``i``, which has none of its own, takes from the quotes around it: another piece
    of its chain, the next or previous quote in its paragraph, the paragraph before it, or the sentence
    before it."""
    marks, text = ctx.marks, ctx.text
    m, n = marks[i], len(marks)
    # chain pieces share the speaker
    chain = [j for j in range(n) if marks[j].chain == m.chain and j != i and atts[j] is not None]
    if chain:
        return atts[chain[-1]]
    # the next quote in the same paragraph, when only a mark/space separates them
    if i + 1 < n and atts[i + 1] is not None and ctx.same_para(m.start, marks[i + 1].start):
        between = text[(m.close_at or m.end) + 1:marks[i + 1].open_at]
        if not between.strip(" \n,.;:"):
            return atts[i + 1]
    # the previous quote in the same paragraph ("A," he said. "B.")
    if i > 0 and atts[i - 1] is not None and ctx.same_para(m.start, marks[i - 1].start):
        return atts[i - 1]
    att = _from_paragraph_before(ctx, atts, i)
    if att is not None:
        return att
    return _previous_sentence_cue(ctx, m)


def _from_paragraph_before(ctx: _Ctx, atts: list[_Att | None], i: int) -> _Att | None:
    """A paragraph that opens with quote ``i`` right after a paragraph with an attributed quote or ending
    with "X said:": that attribution."""
    marks, text = ctx.marks, ctx.text
    m = marks[i]
    p = ctx.para(m.start)
    para_start = ctx.pstarts[p]
    if text[para_start:m.open_at].strip() != "" or p <= 0:
        return None
    prev_start = ctx.pstarts[p - 1]
    prev_text = text[prev_start:para_start].rstrip()
    if i > 0 and ctx.para(marks[i - 1].start) == p - 1 and atts[i - 1] is not None:
        return atts[i - 1]
    if prev_text.endswith(":"):
        last = ctx.doc.char_span(prev_start, prev_start + len(prev_text), alignment_mode="expand")
        if last is not None:
            cues = [t for t in last if _is_cue(t) and t.i not in ctx.quoted]
            if cues:
                return _attribution_from_cue(ctx, cues[-1])
    return None


def _direct_quotes(ctx: _Ctx, atts: list[_Att | None], used: set[int]) -> list[Quote]:
    """The direct quotes that are speech (not a scare quote, a title, the text between two quotes), with
    their attributions; the start of each one's cue goes into ``used``."""
    text = ctx.text
    quotes: list[Quote] = []
    for m, att in zip(ctx.marks, atts):
        content = text[m.start:m.end]
        if att is None and _words(content) <= SCARE_MAX_WORDS:
            continue  # a scare quote or a title, not speech
        if _title(content):
            continue  # the name of a show, a book, a podcast ("speaking to “Andrea Mitchell Reports”")
        if _closing_as_opening(text, m):
            continue
        quotes.append(_quote(m.start, m.end, text, att, direct=True))
        if att is not None:
            used.add(att.cue_start)
    return quotes


def _headlines_outside(ctx: _Ctx, quotes: list[Quote]) -> list[tuple[int, int, _Att]]:
    """The headline items ("Source: what they said") that no quote found so far holds or mostly covers."""
    out = []
    for cs, ce, att in _headlines(ctx):
        inside = sum(max(0, min(ce, q.end) - max(cs, q.start)) for q in quotes if q.direct)
        if not any(q.start <= cs < q.end for q in quotes) \
                and inside < 0.3 * (ce - cs) and not any(a <= cs < b for a, b, _ in out):
            out.append((cs, ce, att))
    return out


def _reported_items(ctx: _Ctx, taken: list[tuple[int, int]], used: set[int]) -> list[tuple[Quote, str, _Att]]:
    """The reported speech of ``_reported`` (objects, infinitives, content nouns, hearsay, polls ...) with a
    source, outside what is ``taken``, each with its kind; the start of each one's cue goes into ``used``."""
    out = []
    for cs, ce, cue, kind in _reported.find(ctx, taken, _subject, _sent_in_para, _trim, _person_like):
        att = _reported_attribution(ctx, cue, kind)
        if att is None:
            continue
        out.append((_quote(cs, ce, ctx.text, att, direct=False), kind, att))
        used.add(cue.idx)
    return out


def _reported_attribution(ctx: _Ctx, cue, kind: str) -> _Att | None:
    """The attribution of an item of ``_reported`` by its kind; None when it has no source to give."""
    if kind == "hearsay":
        # "reportedly": attributed to reports nobody names
        return _Att(cue.text, cue.idx, None)
    if kind == "poll":
        pobj = next(k for k in cue.children if k.dep_ == "pobj")
        return _Att(cue.text, cue.idx, _speaker(ctx, pobj))
    if kind == "noun":
        owner = _possessor_subject(ctx, cue, _reported._noun_source(cue))
        att = _Att(cue.text, cue.idx, _speaker(ctx, owner))
    elif kind.endswith(":passive"):
        # the agent of a passive cue ("asked by X"), or no named source ("was asked whether")
        ag = _reported.agent(cue)
        att = _Att(_cue_text(ctx.doc, cue)[0], cue.idx, _speaker(ctx, ag) if ag is not None else None)
        return None if att.ref is None and ag is not None else att
    else:
        att = _attribution_from_cue(ctx, cue)
    return att if att.ref is not None else None


def _fragments(ctx: _Ctx, atts: list[_Att | None], quotes: list[Quote]) -> list[tuple[tuple[int, int], _Att]]:
    """For each short quoted fragment a speech verb governs, the reported content around it (see
    ``_fragment_object``), unless reported content found so far overlaps it."""
    out: list[tuple[tuple[int, int], _Att]] = []
    for m, att in zip(ctx.marks, atts):
        span = _fragment_object(ctx, m, att)
        if span is None:
            continue
        taken = [(q.start, q.end) for q in quotes if not q.direct] + [s for s, _ in out]
        if not any(min(b, span[1]) > max(a, span[0]) for a, b in taken):
            out.append((span, att))
    return out


# the writer's sign-off ("Follow Jane Roe on Twitter @janeroe.", "Reach him at jroe@paper.com.")
_NETWORKS = "|".join(lexicon.ordered("quotes/social_networks"))
_SIGN_OFF = re.compile(r"^\W*(?:(?:Follow|Like)\b[^.\n]{0,80}?(?:\bon (?:" + _NETWORKS + r")\b|@\w)"
                       r"|(?:Reach|Contact|E-?mail|Write to)\b[^\n]{0,80}?\S+@\w+\.\w)")
SIGN_OFF_MAX = 200


# a source's request for anonymity ("who asked not to be named", "asked that her name be withheld")
_ANONYMITY = re.compile(r"^(?:that\s+)?(?:(?:his|her|their|its)\s+names?\s+(?:not\s+)?be\s+(?:withheld|used|published|"
                        r"given|disclosed|revealed)|not\s+to\s+be\s+(?:named|identified|quoted)|for\s+anonymity)\b",
                        re.I)
# the verbs that ask for it ("asked not to be named"), and those that, negated, say it ("did not wish to be named")
_ANONYMITY_CUES = lexicon.words("quotes/anonymity_cues")
_TO_BE_NAMED = re.compile(r"^to\s+be\s+(?:named|identified|quoted)\b", re.I)
_UNNAMED_CUES = lexicon.words("quotes/unnamed_cues")


def _no_content(ctx: _Ctx, q: Quote) -> bool:
    """A reported item that says nothing of the source's view: the terms of the source's anonymity ("a diplomat,
    who asked not to be named, said", "a resident, who asked that her name be withheld, said", "an official who
    did not wish to be named")."""
    if q.direct or not q.cue:
        return False
    if _ANONYMITY.match(q.text):
        cue = _cue_before(ctx, q)
        return cue is not None and cue.lemma_.lower() in _ANONYMITY_CUES
    if _TO_BE_NAMED.match(q.text):
        cue = _cue_before(ctx, q)
        return cue is not None and cue.lemma_.lower() in _UNNAMED_CUES and any(
            k.dep_ == "neg" for k in cue.children)
    return False


def _cue_before(ctx: _Ctx, q: Quote):
    """The cue token of a reported item whose content follows it closely ("asked not to ...", "comment on
    the claim"): the token spelled as the cue among the few before the content."""
    toks = _tok_range(ctx.doc, q.start, q.end)
    if not toks:
        return None
    first = q.cue.split()[0]
    for i in range(toks.start - 1, max(-1, toks.start - 4), -1):
        if ctx.doc[i].text == first:
            return ctx.doc[i]
    return None


def _boilerplate(ctx: _Ctx, q: Quote) -> bool:
    """An item read out of the page's furniture rather than the story: the writer's sign-off line ("Follow
    Jane Roe on Twitter: @janeroe"), a content that runs into the byline closing an embedded tweet, the
    headline of a link or video set in the text ("READ MORE: X says ...", "WATCH | ..."), or a photo
    caption ("... in Ottawa on Monday. (Jane Roe/The Canadian Press)")."""
    p = ctx.para(q.start)
    ps, pe = ctx.pbounds[p]
    if pe - ps <= SIGN_OFF_MAX and _SIGN_OFF.match(ctx.text[ps:pe]):
        return True
    if any(q.start < a < q.end for a, _ in _paragraph_furniture(ctx, p)[0]):
        return True
    toks = _tok_range(ctx.doc, q.start, q.end)
    if not toks:
        return False
    sent = ctx.doc[toks.start].sent
    lead = ctx.text[max(ps, sent.start_char):q.start]
    if _LINK_LABEL.match(lead) or _LINK_LABEL.match(ctx.text[ps:q.start]):
        return True
    return bool(_PHOTO_CREDIT.match(ctx.text, q.end, min(pe, sent.end_char + 80)))


# the label of a link, a video or a gallery set in the text: "READ MORE:", "WATCH |", "Video:"
_LINK_LABEL = re.compile(r"^\W*(?:" + lexicon.pattern("quotes/link_labels") + r")\s*[:|]", re.I)
_PHOTO_CREDIT = re.compile(r"[^()\n]{0,200}?" + _CREDIT)  # a caption's words, then the credit


# what a speech verb says about its object or in its clause ("called X “racist”", "asked X to “cease”")
_COMPLEMENTS = {"dobj", "dative", "oprd", "xcomp", "attr", "acomp"}
_CLAUSES = {"ccomp"}  # a clause alone: only when the quote is under half of it
FRAGMENT_MAX_WORDS = 6


def _fragment_object(ctx: _Ctx, m, att: _Att | None) -> tuple[int, int] | None:
    """A short quoted fragment in the middle of a sentence whose speech verb governs it ("Ryan called
    Trump's remarks “racist,”", "questioned Trump's “New York values” and his readiness"): what was
    reported is the verb's object and complement around the fragment, not the fragment alone. The span of
    those (from the cue's first complement after it to the last), or None when the fragment is the whole
    of it or the cue does not govern it."""
    if att is None or att.ref is None or _words(ctx.text[m.start:m.end]) > FRAGMENT_MAX_WORDS:
        return None
    doc = ctx.doc
    qr = _tok_range(doc, m.start, m.end)
    if not qr:
        return None
    inside = set(qr)
    words = [i for i in qr if not doc[i].is_punct]
    cue = None
    for i in words:
        cue = next((a for a in doc[i].ancestors if a.i not in inside and _is_cue(a)
                    and att.cue_start <= a.idx <= att.cue_start + len(att.cue or "")), None)
        if cue is not None:
            break
    if cue is None or not words or cue.i > words[0] or cue.lemma_.lower() in _JUDGE:
        return None
    # the cue's child that holds the fragment
    holder = next((k for k in cue.children if k.left_edge.i <= words[0] and words[-1] <= k.right_edge.i), None)
    if holder is None or holder.i < cue.i or holder.dep_ not in _COMPLEMENTS | _CLAUSES | {"prep"}:
        return None
    parts = [k for k in cue.children if k.i > cue.i and (k.dep_ in _COMPLEMENTS or k.i == holder.i)]
    lo = min(k.left_edge.i for k in parts)
    hi = max(k.right_edge.i for k in parts) + 1
    sent = cue.sent
    lo, hi = max(lo, sent.start), min(hi, sent.end)
    cs, ce = _trim(ctx.text, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
    if not ctx.same_para(cs, m.start) or _words(ctx.text[cs:ce]) <= _words(ctx.text[m.start:m.end]) + 1:
        return None
    if holder.dep_ in _CLAUSES and 2 * _words(ctx.text[m.start:m.end]) >= _words(ctx.text[cs:ce]):
        return None  # a clause that is mostly the quote: the quote stands for it
    return cs, ce


def _to_quote_end(ctx: _Ctx, q: Quote) -> Quote:
    """Reported content that ends inside a direct quote runs to the end of that quote ("says he voted
    “uncommitted.”" is 'he voted “uncommitted.'): the quoted words are part of what was reported, and the
    parse (or the trimming of a final period) stops short of the closing mark."""
    if q.direct:
        return q
    for m in ctx.marks:
        if q.start <= m.start < q.end < m.end and m.close_at is not None:
            return q.model_copy(update={"end": m.end, "text": ctx.text[q.start:m.end]})
    return q


def _learned_items(ctx: _Ctx, taken: list[tuple[int, int]], used: set[int]) -> list[tuple[Quote, _Att]]:
    """Attributions the rules missed, found by the learned cue and content models (see ``_learned``).
    ``used``: where the cues of the rules' items start (a cue attributes one content)."""
    doc, text = ctx.doc, ctx.text
    out = []
    for _, i, best, _, hi_s in _learned_cues(ctx, used):
        t = doc[i]
        lo, hi = _learned_bounds(t, best, hi_s)
        if not _checkable(doc, lo, hi):
            continue
        subj = _subject(ctx, t)
        if _to_reader(subj) or _not_own_content(t, subj, lo, hi) or _holds_own_cue(t, subj, lo, hi):
            continue
        cs, ce = _trim(text, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
        if ce - cs < 3:
            continue
        inside = sum(1 for k in range(lo, hi) if k in ctx.quoted or k in ctx.mark_tok)
        if inside >= 0.5 * (hi - lo):
            continue
        if any(min(b, ce) > max(a, cs) for a, b in taken):
            continue
        att = _learned_attribution(ctx, t, lo, hi)
        if att.ref is None and subj is not None and not lo <= subj.i < hi:
            continue  # a subject outside the content that is nobody the brief knows: no source to give
        taken.append((cs, ce))
        out.append((_quote(cs, ce, text, att, direct=False), att))
    return out


def _learned_cues(ctx: _Ctx, used: set[int]) -> list[tuple]:
    """The words the cue model takes for cues, each with the best content the content model finds for it,
    best first: (-score, token index, (content score, lo, hi, kind), sentence start, sentence end)."""
    doc = ctx.doc
    model = _learned.model()
    cue_w, content_w, threshold = model["cue"], model["content"], model["threshold"]
    mention_at = ctx.cast.mention_at
    qsent = {doc[i].sent.start for i in ctx.mark_tok}

    def animacy(tok) -> str:
        return _animacy(ctx, tok)

    scored = []
    for t in doc:
        if t.pos_ not in _learned.CUE_POS or t.i in ctx.quoted or t.is_punct or t.idx in used or _discourse_said(t):
            continue
        p = _learned.score(cue_w, _learned.cue_features(t, mention_at, t.sent.start in qsent, animacy))
        if p < threshold:
            continue
        lo_s, hi_s = _sent_in_para(ctx, t)
        best = None
        for kind, lo, hi in _learned.candidates(t, lo_s, hi_s):
            sc = _learned.score(content_w, _learned.content_features(t, kind, lo, hi, lo_s, hi_s))
            if best is None or sc > best[0]:
                best = (sc, lo, hi, kind)
        # a cue is only as good as the content it has: "took aim at the plan" has an object that is what
        # took aim is about; "took time away from campaigning" has none the content model likes
        if best is not None and p * best[0] >= threshold:
            scored.append((-p * best[0], t.i, best, lo_s, hi_s))
    return sorted(scored)


def _learned_bounds(t, best: tuple, hi_s: int) -> tuple[int, int]:
    """The token range of the content ``best`` of learned cue ``t``: an object runs on through a list of
    objects and the phrase of what it is cast as or blamed for."""
    _, lo, hi, kind = best
    if kind == "dobj":
        obj = next((k for k in t.children if k.dep_ == "dobj" and k.left_edge.i == lo), None)
        if obj is not None:
            hi = min(hi_s, max(hi, _reported.list_end(t, obj)))
        # "portrayed Trump as a titan", "blasted Obama for not arming the Kurds": the object with
        # what it is cast as or blamed for
        k = next((c for c in t.children if c.dep_ == "prep" and c.i == hi and c.lower_ in ("as", "for", "to")
                  and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
        if k is not None:
            hi = min(hi_s, k.right_edge.i + 1)
    return lo, hi


def _checkable(doc, lo: int, hi: int) -> bool:
    """A content a reader could check against the source: not a lone pronoun ("endorsed him"), not a medium
    ("wrote a letter to the board", "released a statement")."""
    if hi - lo == 1 and doc[lo].pos_ == "PRON":
        return False
    root = doc[lo:hi].root
    return not (root.pos_ == "NOUN" and root.lemma_.lower() in _MEDIA)


def _holds_own_cue(t, subj, lo: int, hi: int) -> bool:
    """A content that holds its own cue: only right when it holds the subject too ("X seemed to ..."); a
    speech verb never attributes a clause it stands in."""
    return lo <= t.i < hi and (t.lemma_.lower() in SPEECH or (subj is not None and not lo <= subj.i < hi))


def _not_own_content(cue, subj, lo: int, hi: int) -> bool:
    """Learned items whose content is not the subject's: a copula with an adjective that takes no stance
    in what its "of" names ("was proud of the bill", unlike "was critical of"), a copula with "to" ("was to
    host the talks": a plan), questions someone else asked ("answered
    questions about the bill", unlike "raised questions about"), and a subject that is itself content,
    not someone who holds it ("Questions in the poll covered the harbor")."""
    doc = cue.doc
    root = doc[lo:hi].root
    if cue.lemma_.lower() == "be" and root.dep_ == "xcomp" and root.head.i == cue.i and any(
            k.dep_ == "aux" and k.lower_ == "to" for k in root.children):
        return True  # "Russia was to host the talks": a plan, nobody's claim
    if cue.lemma_.lower() == "be" and root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ == "of":
        adj = root.head.head
        if adj.dep_ == "acomp" and adj.head.i == cue.i and (adj.lower_, root.head.lower_) not in _reported.ADJ_PREP:
            return True
    obj = next((k for k in cue.children if k.dep_ == "dobj" and lo <= k.i < hi), None)
    if (obj is not None and obj.lemma_.lower() == "question"
            and cue.lemma_.lower() not in _reported.OWN_VERBS | _reported.ASK_VERBS | {"pose"}):
        return True
    return (subj is not None and subj.pos_ == "NOUN" and not lo <= subj.i < hi
            and subj.lemma_.lower() in _reported.CONTENT_NOUNS | {"question"})


_POSS_PRONOUNS = {"his", "her", "their", "my", "our"}


def _possessor_subject(ctx: _Ctx, noun, owner):
    """"She stepped up her attacks on ...": a possessive pronoun stands for the subject of the verb the
    noun is the object of; that subject is the mention to report (it names the source where "her" does not)."""
    if owner is None or owner.lower_ not in _POSS_PRONOUNS:
        return owner
    h = noun.head
    if noun.dep_ == "pobj" and h.dep_ == "prep":
        h = h.head
    if noun.dep_ not in ("dobj", "pobj") or h.pos_ not in ("VERB", "AUX"):
        return owner
    subj = _subject(ctx, h)
    if subj is None or subj.i > noun.i or subj.lower_ in _reported.NOT_SOURCES or (
            subj.pos_ == "PRON" and subj.lower_ not in ("he", "she", "they", "i", "we")):
        return owner
    return subj


def _learned_attribution(ctx: _Ctx, v, lo: int, hi: int) -> _Att:
    """The source of a learned cue: its subject (or the agent of a passive), no guessing beyond that;
    none when the source model says the subject is not a source ("Trump seemed unperturbed")."""
    cue, cs, _ = _cue_text(ctx.doc, v)
    if v.pos_ == "NOUN":
        # "Trump's opposition to ...", "the Clinton critique of ...": the owner of the noun holds the view
        owner = next((k for k in v.children if k.dep_ == "poss" and k.i < v.i and k.lower_ != "its"), None)
        if owner is None:
            owner = next((k for k in v.children if k.dep_ == "compound" and k.i < v.i
                          and ctx.cast.mention_at(k) is not None), None)
        if owner is None:
            # "faced opposition from the homeowners", "criticism by Democrats": the one it comes from
            prep = next((k for k in v.children if k.dep_ == "prep" and k.i > v.i and k.lower_ in ("from", "by")), None)
            owner = None if prep is None else next((c for c in prep.children if c.dep_ == "pobj"
                                                     and (c.pos_ in ("PROPN", "PRON") or _person_like_noun(ctx, c))), None)
        if owner is not None and not lo <= owner.i < hi:
            ref = _speaker(ctx, owner)
            if ref is not None:
                return _Att(cue, cs, ref)
    if _reported.passive(v):
        subj = _reported.agent(v)
    else:
        subj = _subject(ctx, v)
    if subj is None and v.tag_ == "VBG" and v.dep_ == "acl" and v.head.i < v.i and (
            v.head.pos_ in ("PROPN", "PRON") or _person_like_noun(ctx, v.head)):
        # "Democrats supporting Mrs. Clinton say ...": the noun the participle describes
        subj = v.head
    if subj is None or subj.dep_ == "expl":
        return _Att(cue, cs, None)
    if _learned.score(_learned.model()["source"], _learned.source_features(
            v, subj, lo, hi, lambda tok: _animacy(ctx, tok))) < 0.5:
        return _Att(cue, cs, None)
    return _Att(cue, cs, _speaker(ctx, subj))


def _quote(s: int, e: int, text: str, att: _Att | None, *, direct: bool) -> Quote:
    speaker = ss = se = None
    cue = None
    if att is not None:
        cue = att.cue
        if att.ref is not None:
            speaker = att.ref.id or None
            ss, se = att.ref.start, att.ref.end
    return Quote(start=s, end=e, text=text[s:e], speaker=speaker, cue=cue, direct=direct,
                 speaker_start=ss, speaker_end=se)
