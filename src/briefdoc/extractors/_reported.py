"""Reported speech beyond "X said that ...": the other shapes news uses to attribute content.

``find(ctx, taken)`` returns ``(start, end, verb_or_noun_token, kind)`` for:

- objects of stance and report verbs: "endorsed Ted Cruz", "criticized the plan",
  "called the plan a disaster" (the object and what it is called);
- infinitives: "promised to ...", "urged Y to ..." (the infinitive clause);
- prepositional contents: "called for ...", "spoke about ...", "accused Y of ...";
- question complements: "asked whether ...";
- evidence sources: "a poll found that ...", "records show ...";
- "as X put it / as X noted, CONTENT";
- content nouns with an owner: "X's claim that ...", "his decision to ...";
- hearsay adverbs: "X has reportedly left" (the clause; no named source);
- polls as the frame of a figure: "In the new poll, Trump leads with 40 percent" (the clause; the poll).

Each content excludes the cue and the source. ``taken`` holds the (start, end) of
quotes already found; a content overlapping one of them is left out.
"""

from __future__ import annotations

from functools import lru_cache

from . import lexicon

# The kinds of use of a speech verb, the second column of data/en/speech_verbs.txt.
SPEECH_KINDS = ("cue", "report", "bare", "addressee", "judge", "nostance", "governs", "quote")


@lru_cache(maxsize=1)
def _speech_lexicon() -> dict[str, frozenset[str]]:
    """The speech lexicon by kind: kind -> the verbs marked with it; LexiconError on a kind not in SPEECH_KINDS."""
    found: dict[str, set[str]] = {kind: set() for kind in SPEECH_KINDS}
    for verb, kinds in lexicon.table("speech_verbs").items():
        for kind in kinds.split():
            if kind not in found:
                raise lexicon.LexiconError(f"{lexicon.LANGUAGE}/speech_verbs.txt: {verb!r} has an unknown kind {kind!r}")
            found[kind].add(verb)
    return {kind: frozenset(verbs) for kind, verbs in found.items()}


def speech_verbs(kind: str) -> frozenset[str]:
    """The verbs of the speech lexicon (data/en/speech_verbs.txt) of one kind of use: "cue" (quotes.SPEECH),
    "report", "bare", "addressee", "judge", "nostance", "governs"."""
    return _speech_lexicon()[kind]


def pairs(name: str) -> frozenset[tuple[str, ...]]:
    """A data file of two-word entries ("call for") as a set of word pairs (("call", "for"))."""
    return frozenset(tuple(entry.split()) for entry in lexicon.ordered(name))


# content = the direct object ("criticized the plan")
OBJ_VERBS = lexicon.words("quotes/object_verbs")
# what may follow the object as part of the content
OBJ_TAIL = {"prep", "xcomp", "oprd"}
# verbs whose object is followed by what it is called ("called the plan a disaster")
NAMING = lexicon.words("quotes/naming_verbs")
# naming verbs whose object and name the parse may give as one clause ("considered it a mistake")
NAMING_CLAUSE = lexicon.words("quotes/naming_clause_verbs")
# content = the infinitive ("promised to ...", "urged Y to ...")
INF_VERBS = lexicon.words("quotes/infinitive_verbs")
# (verb, preposition): content = the prepositional object ("called for a ban")
PREP_VERBS = pairs("quotes/prep_verbs")
# content = a gerund clause ("denied targeting civilians", "admitted making mistakes", "admitted to lying")
GERUND_VERBS = lexicon.words("quotes/gerund_verbs")
# question complements
ASK_VERBS = lexicon.words("quotes/ask_verbs")
# report verbs that take a document or a poll as their source
EVIDENCE_VERBS = lexicon.words("quotes/evidence_verbs")
SOURCE_NOUNS = lexicon.words("quotes/source_nouns")
# evidence verbs whose object is the finding ("a poll showed Trump leading")
EVIDENCE_OBJ = lexicon.words("quotes/evidence_object_verbs")
# "as X said, ..."
AS_VERBS = lexicon.words("quotes/as_verbs")
# content nouns: "X's claim that ...", "his decision to ..."
CONTENT_NOUNS = lexicon.words("quotes/content_nouns")
# nouns whose content follows a copula ("his response was that ...")
COPULA_NOUNS = lexicon.words("quotes/copula_nouns")
# content nouns whose complement is a prepositional object ("his criticism of the plan")
CONTENT_OF = lexicon.words("quotes/content_of_nouns")

# (content noun, preposition): an owned noun whose prepositional object is the content
# ("Trump's attack on the press", "her stance on trade", "his call for a ban")
NOUN_PREP = pairs("quotes/noun_prep")
# (stance adjective, preposition): "X was critical of the plan", "X is skeptical about ..."
ADJ_PREP = pairs("quotes/adj_prep")
# pronouns of things: never a source ("it said", "this shows")
NOT_SOURCES = lexicon.words("quotes/thing_pronouns")
# adverbs that attribute their clause to unnamed reports ("The FBI is reportedly ...")
HEARSAY = lexicon.words("quotes/hearsay_adverbs")
# "in the poll, ...": the nouns that frame a figure as a finding
POLL_NOUNS = lexicon.words("quotes/poll_nouns")
# verbs whose object may be the text itself ("wrote a letter", "said goodbye"), and such texts
TEXT_VERBS = lexicon.words("quotes/text_verbs")
TEXT_NOUNS = lexicon.words("quotes/text_nouns")


def lemma(t) -> str:
    """The lemma, with the small model's slips mended ("hopes" -> "hop")."""
    low = t.lower_
    lem = t.lemma_.lower()
    if lem == "hop" and low.startswith("hop") and low in ("hopes", "hoped", "hoping", "hope"):
        return "hope"
    return lem


def _span(doc, lo: int, hi: int) -> tuple[int, int]:
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])


def list_end(v, obj) -> int:
    """The end (token index) of an object the parse broke into a list of objects of the verb ("discussed
    the economy, women's health, the environment or ..."): the last object that follows it after a comma."""
    hi = obj.right_edge.i + 1
    doc = v.doc
    for k in sorted((k for k in v.children if k.dep_ == "dobj" and k.i > obj.i), key=lambda k: k.i):
        if k.left_edge.i == hi + 1 and doc[hi].text == ",":
            hi = k.right_edge.i + 1
        else:
            break
    return hi


def _subject_tok(v):
    for k in v.children:
        if k.dep_ in ("nsubj",):
            return k
    return None


def find(ctx, taken: list[tuple[int, int]], subject, sent_bounds, trim, person_like):
    """Candidate reported contents: (start, end, cue token, kind).

    ``subject`` (ctx, v) -> the source token; ``sent_bounds`` (ctx, tok) -> the sentence's token
    range within its paragraph; ``trim`` (text, s, e) -> trimmed span; ``person_like`` (ctx, v) -> bool.
    """
    finder = _Finder(ctx, taken, subject, sent_bounds, trim, person_like)
    for t in ctx.doc:
        if t.i not in ctx.quoted:
            finder.token(t)
    return finder.out


class _Finder:
    """The shapes of reported content, one method each, over the tokens of one text: ``out`` collects
    the contents found, ``taken`` the spans already used (the quotes' and these)."""

    def __init__(self, ctx, taken: list[tuple[int, int]], subject, sent_bounds, trim, person_like):
        self.ctx, self.doc, self.text = ctx, ctx.doc, ctx.text
        self.taken = taken
        self.subject, self.sent_bounds, self.trim, self.person_like = subject, sent_bounds, trim, person_like
        self.out: list[tuple[int, int, object, str]] = []

    def add(self, lo: int, hi: int, cue, kind: str, *, holds_quotes: bool = False) -> None:
        """Keep the content [lo, hi) of ``cue``, cut to its sentence, unless it is mostly a direct quote or
        overlaps what is taken. ``holds_quotes``: a quote wholly inside the content and under half of it does
        not stand for it (the content is the quote's setting: "accused a ‘war party’ of trying to ...")."""
        ctx = self.ctx
        if cue.pos_ in ("VERB", "AUX") and passive(cue):
            kind += ":passive"
        s, e = self.sent_bounds(ctx, cue)
        lo, hi = max(lo, s), min(hi, e)
        if hi <= lo:
            return
        cs, ce = self.trim(self.text, *_span(self.doc, lo, hi))
        if ce - cs < 3:
            return
        if any(i in ctx.quoted or i in ctx.mark_tok for i in range(lo, hi)):
            # content that is (mostly) a direct quote: the quote stands for it
            inside = sum(1 for i in range(lo, hi) if i in ctx.quoted or i in ctx.mark_tok)
            if inside >= 0.5 * (hi - lo):
                return
        for a, b in self.taken:
            inter = min(b, ce) - max(a, cs)
            if holds_quotes and cs <= a and b <= ce and 2 * (b - a) < ce - cs:
                continue
            if inter > 0 and inter >= 0.3 * min(b - a, ce - cs):
                return
        self.taken.append((cs, ce))
        self.out.append((cs, ce, cue, kind))

    def source_ok(self, v, *, evidence: bool = False) -> bool:
        """The cue has a source: a named agent of a passive, a person-like subject, or (``evidence``) a document."""
        if passive(v):
            # "was asked whether ...", "asked by X to ...": the asker is the agent, if named
            return agent(v) is not None or lemma(v) in ASK_VERBS
        subj = self.subject(self.ctx, v)
        if subj is None or subj.lower_ in NOT_SOURCES:
            return False
        if evidence and subj.lemma_.lower() in SOURCE_NOUNS:
            return True
        return self.person_like(self.ctx, v)

    def _evidence_subject(self, v) -> bool:
        """The subject of ``v`` is a document or a poll ("records show", "the poll found")."""
        subj = self.subject(self.ctx, v)
        return subj is not None and subj.lemma_.lower() in SOURCE_NOUNS and subj.lower_ not in NOT_SOURCES

    def token(self, t) -> None:
        """The reported content ``t`` cues, if any, by the part of speech it is."""
        lem = lemma(t)
        if t.lower_ in HEARSAY and t.dep_ == "advmod":
            self.hearsay(t)
        elif t.pos_ == "ADP" and t.lower_ == "in" and t.dep_ == "prep" and t.head.pos_ in ("VERB", "AUX"):
            self.poll_frame(t)
        elif t.pos_ in ("VERB", "AUX"):
            self.verb(t, lem)
        elif t.pos_ == "ADJ" and t.dep_ == "acomp" and t.head.pos_ in ("VERB", "AUX"):
            self.adjective(t)
        elif t.pos_ == "NOUN" and (lem in CONTENT_NOUNS | CONTENT_OF or any(
                (lem, k.lower_) in NOUN_PREP for k in t.children if k.dep_ == "prep")):
            self.noun(t, lem)

    def hearsay(self, t) -> None:
        """"X has reportedly left": the clause it qualifies, with its subject."""
        h = t.head
        while h.dep_ in ("conj", "xcomp") and h.head.i != h.i and h.head.i < h.i:
            h = h.head
        s, _ = self.sent_bounds(self.ctx, t)
        lo, hi = max(s, h.left_edge.i), h.right_edge.i + 1
        if lo == t.i:  # "Reportedly, he ..."
            lo += 1
        self.add(lo, hi, t, "hearsay")

    def poll_frame(self, t) -> None:
        """"In the new poll, Trump leads ...", "Trump was at 25 percent in the Fox poll": the clause, the poll
        its source."""
        pobj = next((k for k in t.children if k.dep_ == "pobj"), None)
        # one poll ("in the CBS poll"), not standing in the polls in general ("leads in the polls"),
        # and a clause of its own, not a relative one ("who leads in the poll")
        if pobj is not None and pobj.lower_ in POLL_NOUNS and pobj.tag_ == "NN" and t.head.dep_ != "relcl":
            h = t.head
            s, _ = self.sent_bounds(self.ctx, t)
            lo_h = max(s, h.left_edge.i)
            if t.i - lo_h <= 1:  # the frame opens the clause: the rest of it
                lo, hi = t.right_edge.i + 1, h.right_edge.i + 1
            else:  # the frame follows the figure: what comes before it
                lo, hi = lo_h, t.i
            if hi - lo >= 3:
                self.add(lo, hi, t, "poll")

    def verb(self, t, lem: str) -> None:
        """The content of a verb: the first of its shapes that applies."""
        kids = [k for k in t.children if k.i > t.i]
        deps = {k.dep_ for k in kids}
        if lem == "be":
            self.copula(t, kids)
        elif lem in AS_VERBS and any(k.dep_ in ("mark", "advmod") and k.lower_ == "as" and k.i < t.i
                                     for k in t.children) \
                and t.dep_ == "advcl" and not ({"dobj", "ccomp"} & deps and lem != "put"):
            self.as_clause(t)
        elif "ccomp" in deps and lem in ASK_VERBS:
            self.question(t, kids)
        elif "ccomp" in deps and lem in EVIDENCE_VERBS:
            comp = next(k for k in kids if k.dep_ == "ccomp")
            if self._evidence_subject(t):
                self.add(comp.left_edge.i, comp.right_edge.i + 1, t, "evidence")
        else:
            dobj = next((k for k in kids if k.dep_ == "dobj"), None)
            if (self.evidence_object(t, lem, kids, dobj) or self.naming(t, lem, kids, deps, dobj)
                    or self.prep_content(t, lem, kids)):
                return
            self.complement(t, lem, kids, deps, dobj)

    def copula(self, t, kids) -> None:
        """"X's view is that ...", "his response was that ...": the clause, the noun's owner the source."""
        n = next((k for k in t.children if k.dep_ == "nsubj" and k.i < t.i), None)
        comp = next((k for k in kids if k.dep_ in ("ccomp", "attr") and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in k.children)), None)
        if n is not None and comp is not None and n.pos_ == "NOUN" and lemma(n) in CONTENT_NOUNS | COPULA_NOUNS \
                and _noun_source(n) is not None:
            self.add(comp.left_edge.i, comp.right_edge.i + 1, n, "noun")

    def as_clause(self, t) -> None:
        """"As X put it, ...", "..., as X noted": the rest of the sentence."""
        if self.source_ok(t, evidence=True):
            lo_c = min(k.i for k in t.subtree)
            hi_c = max(k.i for k in t.subtree) + 1
            s, e = self.sent_bounds(self.ctx, t)
            if lo_c - s <= 1 and e - hi_c > 3:
                self.add(hi_c, e, t, "as")
            elif hi_c >= e - 1 and lo_c - s > 3:
                self.add(s, lo_c, t, "as")

    def question(self, t, kids) -> None:
        """"asked whether ...": the question complement."""
        comp = next(k for k in kids if k.dep_ == "ccomp")
        if self.source_ok(t) and any(k.lower_ in ("whether", "if", "why", "how", "what", "when", "where", "who")
                                     for k in comp.subtree if k.i <= comp.i):
            self.add(comp.left_edge.i, comp.right_edge.i + 1, t, "ask")

    def evidence_object(self, t, lem: str, kids, dobj) -> bool:
        """"a poll showed Trump leading the field": the object and what it does. True when found."""
        if not (lem in EVIDENCE_OBJ and dobj is not None and dobj.pos_ in ("NOUN", "PROPN", "NUM")):
            return False
        if not self._evidence_subject(t):
            return False
        hi = dobj.right_edge.i + 1
        for k in kids:
            if k.i == hi and k.dep_ in ("xcomp", "acl", "advcl", "ccomp", "oprd", "prep") and not any(
                    c.ent_type_ in ("DATE", "TIME") for c in k.subtree):
                hi = k.right_edge.i + 1
        self.add(dobj.left_edge.i, hi, t, "evidence")
        return True

    def naming(self, t, lem: str, kids, deps, dobj) -> bool:
        """"called the plan a disaster", "considered it a mistake": the object and its name. True when found."""
        if lem in NAMING and dobj is not None:
            pred = next((k for k in kids if k.dep_ in ("oprd", "ccomp", "xcomp") and k.i > dobj.i), None)
            if pred is not None and self.source_ok(t):
                self.add(dobj.left_edge.i, pred.right_edge.i + 1, t, "naming")
                return True
        if lem in NAMING and "ccomp" in deps and lem in NAMING_CLAUSE:
            comp = next(k for k in kids if k.dep_ == "ccomp")
            if self.source_ok(t) and not any(k.dep_ == "mark" for k in comp.children):
                self.add(comp.left_edge.i, comp.right_edge.i + 1, t, "naming")
                return True
        return False

    def prep_content(self, t, lem: str, kids) -> bool:
        """"called for a ban", "accused the ministry of lying": the prepositional content. True when found."""
        for k in kids:
            if k.dep_ == "prep" and (lem, k.lower_) in PREP_VERBS:
                pobj = next((c for c in k.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is None or pobj.ent_type_ in ("DATE", "TIME") or not self.source_ok(t):
                    continue  # "spoke on Monday": a date, not a topic
                hi = pobj.right_edge.i + 1
                for k2 in kids:  # "called for the United States to step up ...", "called on allies to send ..."
                    if k2.i > k.i and k2.dep_ in ("xcomp", "advcl", "ccomp") and (k2.i == k.right_edge.i + 1 or (
                            k2.dep_ == "xcomp" and k2.left_edge.i == k.right_edge.i + 1 and k2.left_edge.lower_ == "to")):
                        hi = max(hi, k2.right_edge.i + 1)
                # "criticized him for his votes", "accused the ministry of lying", "cast him as a fraud": the
                # object with it (not "hit X on Y": the topic alone)
                obj = next((c for c in kids if c.dep_ == "dobj" and c.i < k.i and c.right_edge.i + 1 == k.i
                            and k.lower_ in ("for", "of", "as")), None)
                with_obj = obj is not None and obj.pos_ in ("PRON", "PROPN", "NOUN")
                lo = obj.left_edge.i if with_obj else pobj.left_edge.i
                self.add(lo, hi, t, "prep", holds_quotes=with_obj)
                return True
        return False

    def complement(self, t, lem: str, kids, deps, dobj) -> None:
        """A gerund ("denied targeting ..."), an infinitive ("promised to ...") or an object ("criticized the
        plan") as the content: the first that the verb takes."""
        ger = _gerund(t) if lem in GERUND_VERBS else None
        if ger is not None:
            if self.source_ok(t):
                self.add(ger.left_edge.i, ger.right_edge.i + 1, t, "gerund")
            return
        xcomp = next((k for k in kids if k.dep_ in ("xcomp",)), None)
        if lem in INF_VERBS and xcomp is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in xcomp.children):
            if self.source_ok(t):
                self.add(xcomp.left_edge.i, xcomp.right_edge.i + 1, t, "inf")
            return
        if lem in OBJ_VERBS and dobj is not None and "ccomp" not in deps:
            self.object_content(t, lem, kids, dobj)

    def object_content(self, t, lem: str, kids, dobj) -> None:
        """"endorsed Cruz for president", "announced steps to tighten ...": the object and what it takes."""
        if dobj.pos_ == "PRON" and dobj.lower_ not in ("what", "whatever"):
            return  # "supported him": no content to check against the source
        if lem in TEXT_VERBS and (
                dobj.lemma_.lower() in SOURCE_NOUNS | TEXT_NOUNS
                or any(k.dep_ == "prt" for k in t.children)):
            return  # "wrote a letter", "write off": the text itself, not what it says
        if self.source_ok(t):
            hi = list_end(t, dobj)
            for k in kids:
                if k.i == hi and k.dep_ in OBJ_TAIL and k.ent_type_ not in ("DATE", "TIME") and not any(
                        c.ent_type_ in ("DATE", "TIME") for c in k.children):
                    hi = k.right_edge.i + 1
            self.add(dobj.left_edge.i, hi, t, "obj", holds_quotes=_judged_for(t, dobj))

    def adjective(self, t) -> None:
        """"X was critical of the plan": the prepositional object, the copula's subject the source."""
        k = next((k for k in t.children if k.dep_ == "prep" and (t.lower_, k.lower_) in ADJ_PREP), None)
        pobj = None if k is None else next((c for c in k.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is not None and self.source_ok(t.head):
            self.add(pobj.left_edge.i, pobj.right_edge.i + 1, t, "adj")

    def noun(self, t, lem: str) -> None:
        """"X's claim that ...", "his decision to ...", "his criticism of the plan": the noun's complement,
        its owner the source."""
        comp = None
        for k in t.children:
            if k.i < t.i:
                continue
            if lem in CONTENT_NOUNS and k.dep_ in ("acl", "ccomp") and (
                    any(c.dep_ == "mark" and c.lower_ == "that" for c in k.children)
                    or any(c.dep_ == "aux" and c.lower_ == "to" for c in k.children)):
                comp = (k.left_edge.i, k.right_edge.i + 1)
                break
            if k.dep_ == "prep" and ((lem in CONTENT_OF and k.lower_ in ("of", "for")) or (lem, k.lower_) in NOUN_PREP):
                pobj = next((c for c in k.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    comp = (pobj.left_edge.i, pobj.right_edge.i + 1)
                break
        if comp is None or _noun_source(t) is None:
            return
        self.add(comp[0], comp[1], t, "noun")


def _gerund(v):
    """The gerund clause a verb of denial, admission or memory takes as its content ("denied targeting
    civilians", "admitted making mistakes", "admitted to lying"): its -ing verb, or None."""
    for k in v.children:
        if k.i <= v.i:
            continue
        if k.dep_ == "prep" and k.lower_ == "to" and k.i == v.i + 1:
            k = next((c for c in k.children if c.dep_ == "pcomp"), None)
            if k is None:
                continue
        elif k.dep_ not in ("xcomp", "dobj", "ccomp"):
            continue
        if k.tag_ == "VBG" and not any(c.dep_ in ("aux", "nsubj") for c in k.children):
            return k
    return None


def _judged_for(v, obj) -> bool:
    """An object with what it is blamed, praised or accused of hung on it by the parse ("praised the
    ‘brave crews’ for saving the town"): the object and its "for"/"of"/"as" phrase are the content."""
    lem = lemma(v)
    return any(k.dep_ == "prep" and k.i > obj.i and (lem, k.lower_) in PREP_VERBS and k.lower_ in ("for", "of", "as")
               and any(c.dep_ in ("pobj", "pcomp") for c in k.children) for k in obj.children)


def passive(v) -> bool:
    """A passive cue: "was asked", "is expected to", or a bare participle ("Asked whether ...")."""
    if any(k.dep_ in ("nsubjpass", "auxpass") for k in v.children):
        return True
    return v.tag_ == "VBN" and v.dep_ in ("advcl", "acl", "ROOT", "conj") and not any(
        k.dep_ in ("nsubj", "aux") for k in v.children)


def agent(v):
    """The "by X" of a passive cue."""
    for k in v.children:
        if k.dep_ == "agent":
            return next((c for c in k.children if c.dep_ == "pobj"), None)
    return None


# verbs that make a content noun the owner's own ("repeated his promise to ...")
OWN_VERBS = lexicon.words("quotes/own_verbs")
# verbs whose subject, not the owner of the content noun they take, is the source ("Clinton bashed Trump's
# proposal to ..."): those of the content shapes above, the speech verbs of kind "governs", verbs of attack
# and debate
_GOVERNING = (OBJ_VERBS | NAMING | ASK_VERBS | {v for v, _ in PREP_VERBS} | speech_verbs("governs")
              | lexicon.words("quotes/governing_verbs"))


def _noun_source(n):
    """The owner of a content noun: "Trump's claim", "his decision", or the subject of the
    verb it is the object of ("X made the claim that", "X announced his decision to")."""
    h = n.head
    if n.dep_ == "pobj" and h.dep_ == "prep":
        h = h.head
    if n.dep_ in ("dobj", "pobj") and h.pos_ in ("VERB", "AUX") and lemma(h) in _GOVERNING - OWN_VERBS:
        return None  # "Clinton bashed Trump's proposal to ...": the verb's subject is the source
    for k in n.children:
        if k.dep_ == "poss" and k.i < n.i and k.lower_ not in ("its",):
            return k
    if n.dep_ in ("dobj",) and h.pos_ in ("VERB", "AUX") and lemma(h) in OWN_VERBS:
        subj = _subject_tok(h)
        if subj is not None and subj.lower_ not in NOT_SOURCES:
            return subj
    return None
