"""A learned complement to the attribution rules: which words attribute content, and which part of
the sentence is that content.

News attributes content with far more words than speech verbs ("seemed", "is expected to", "took a
shot at", "has no doubt that", "in the view of"). Listing them by hand does not close the gap, so two
small logistic-regression models, trained by ``scripts/train_attribution.py`` on the train split of
PolNeAR (annotated political news), fill it in:

- the *cue* model scores each content word of a sentence: is it the word that attributes something
  (features: its lemma, part of speech, dependency relation, its children's relations, the kind of
  subject it has, a preposition or object it takes);
- the *content* model picks, for a cue, the part of the sentence that is attributed among a few
  candidates read off the parse (the clausal complement, the object, the object of a preposition,
  the rest of the sentence around a parenthetical cue, ...).

Only the weights ship (``attribution.json.gz``: feature name -> weight, rounded), never the corpus.
The rules run first; this model only adds items where the rules found nothing: the cue model is trained on
the words the rules leave, and ``threshold`` applies to the cue score times the best content score (a
likely cue with no likely content is dropped).
"""

from __future__ import annotations

import gzip
import json
import math
from functools import lru_cache
from pathlib import Path

from . import lexicon

MODEL_PATH = Path(__file__).with_name("attribution.json.gz")

# parts of speech that can carry an attribution cue
CUE_POS = {"VERB", "AUX", "NOUN", "ADJ", "ADP"}
# children whose subtree can be the content
CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "advcl", "acl", "attr", "oprd", "dative", "nsubj", "nsubjpass", "csubj",
                "acomp", "relcl", "conj", "parataxis", "npadvmod", "pcomp", "pobj"}
PERSON_PRONOUNS = lexicon.words("quotes/person_pronouns")
THING_PRONOUNS = lexicon.words("quotes/thing_pronouns")


@lru_cache(maxsize=1)
def model() -> dict:
    """The shipped weights: {"cue": {...}, "content": {...}, "threshold": float}."""
    return json.loads(gzip.decompress(MODEL_PATH.read_bytes()).decode("utf-8"))


def _lemma(t) -> str:
    return t.lemma_.lower()


def cue_subject(t):
    """The subject of a word (or of the verb it is the complement, conjunct or clause of), or None."""
    for k in t.children:
        if k.dep_ in ("nsubj", "nsubjpass", "expl", "csubj"):
            return k
    if t.dep_ in ("xcomp", "conj", "advcl") and t.head.i != t.i:
        for k in t.head.children:
            if k.dep_ in ("nsubj", "nsubjpass"):
                return k
    return None


def subject_kind(t, mention_at) -> str:
    """What kind of subject the word has: a known actor, a person pronoun, a thing, a common noun, none."""
    subj = cue_subject(t)
    if subj is None:
        return "none"
    low = subj.lower_
    if low in PERSON_PRONOUNS:
        return "pperson"
    if low in THING_PRONOUNS:
        return "pthing"
    if subj.dep_ == "expl":
        return "expl"
    if mention_at(subj) is not None:
        return "actor"
    if subj.ent_type_:
        return "ent:" + subj.ent_type_
    return "noun"


def cue_features(t, mention_at, in_quote_sentence: bool, animacy=None) -> list[str]:
    """``animacy``: tok -> who a noun stands for ("person", "organization", "people", "document",
    "thing", ...; quotes._animacy), for the subject of the word."""
    lem = _lemma(t)
    pos = t.pos_
    f = ["b", "L=" + lem, "LP=" + lem + "|" + pos, "P=" + pos, "T=" + t.tag_, "D=" + t.dep_,
         "LD=" + lem + "|" + t.dep_, "PD=" + pos + "|" + t.dep_]
    sk = subject_kind(t, mention_at)
    f += ["S=" + sk, "LS=" + lem + "|" + sk, "PS=" + pos + "|" + sk]
    if animacy is not None and sk not in ("none", "pperson", "pthing", "expl"):
        # who the subject is: "the report shows" / "voters think" / "the river rose"
        a = animacy(cue_subject(t))
        f += ["SA=" + a, "LSA=" + lem + "|" + a, "PSA=" + pos + "|" + a]
    deps = set()
    for k in t.children:
        d = k.dep_
        deps.add(d)
        if d == "prep" or d == "agent":
            f.append("LPR=" + lem + "|" + k.lower_)
        elif d in ("dobj", "attr"):
            f.append("LO=" + lem + "|" + _lemma(k))
            for g in k.children:
                if g.dep_ == "prep":
                    f.append("LOP=" + lem + "|" + _lemma(k) + "|" + g.lower_)
                elif g.dep_ in ("acl", "relcl", "ccomp"):
                    f.append("LOC=" + lem + "|" + g.dep_)
        elif d == "prt":
            f.append("LPT=" + lem + "|" + k.lower_)
        elif d == "poss":
            f.append("LPOSS=" + lem)
        elif d == "neg":
            f.append("NEG")
        elif d == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in k.children):
            f.append("LXTO=" + lem)
        elif d == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in k.children):
            f.append("LTHAT=" + lem)
    for d in sorted(deps):
        f.append("C=" + d)
        f.append("LC=" + lem + "|" + d)
        f.append("PC=" + pos + "|" + d)
    h = t.head
    if h.i != t.i:
        f.append("H=" + _lemma(h) + "|" + t.dep_)
        f.append("HP=" + h.pos_ + "|" + t.dep_)
    if t.i > 0 and t.doc[t.i - 1].lower_ in ("to", "not", "n't", "also", "be", "was", "is", "were", "been", "as"):
        f.append("PV=" + t.doc[t.i - 1].lower_)
    if in_quote_sentence:
        f.append("QS")
    return f


def candidates(cue, lo_s: int, hi_s: int) -> list[tuple[str, int, int]]:
    """Parts of the sentence (token ranges within [lo_s, hi_s)) that may be what ``cue`` attributes."""
    out: list[tuple[str, int, int]] = []

    def add(kind: str, lo: int, hi: int) -> None:
        lo, hi = max(lo, lo_s), min(hi, hi_s)
        if hi > lo and not (lo <= cue.i < hi and kind not in ("sent", "head")):
            out.append((kind, lo, hi))

    for k in cue.children:
        if k.dep_ in CONTENT_DEPS:
            add(k.dep_, k.left_edge.i, k.right_edge.i + 1)
        if k.dep_ in ("prep", "agent", "dative"):
            for g in k.children:
                if g.dep_ in ("pobj", "pcomp"):
                    add("prep:" + k.lower_, g.left_edge.i, g.right_edge.i + 1)
        if k.dep_ in ("dobj", "attr", "acomp"):
            for g in k.children:
                if g.dep_ == "prep":
                    for h in g.children:
                        if h.dep_ in ("pobj", "pcomp"):
                            add("oprep:" + g.lower_, h.left_edge.i, h.right_edge.i + 1)
                elif g.dep_ in ("acl", "relcl", "ccomp"):
                    add("o" + g.dep_, g.left_edge.i, g.right_edge.i + 1)
    lo, hi = cue.left_edge.i, cue.right_edge.i + 1
    if cue.dep_ != "ROOT":
        if lo - lo_s > 2:
            add("before", lo_s, lo)
        if hi_s - hi > 2:
            add("after", hi, hi_s)
        h = cue.head
        add("head", h.left_edge.i, h.right_edge.i + 1)
    add("sent", lo_s, hi_s)
    return out


def content_features(cue, kind: str, lo: int, hi: int, lo_s: int, hi_s: int) -> list[str]:
    lem = _lemma(cue)
    n = hi - lo
    size = "1" if n == 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9+"
    share = (hi - lo) / max(1, hi_s - lo_s)
    sh = "lt25" if share < 0.25 else "lt50" if share < 0.5 else "lt90" if share < 0.9 else "all"
    base = kind.split(":", 1)[0]
    first = cue.doc[lo]
    f = ["b", "K=" + kind, "KB=" + base, "LK=" + lem + "|" + kind, "LKB=" + lem + "|" + base,
         "PK=" + cue.pos_ + "|" + kind, "DK=" + cue.dep_ + "|" + kind, "N=" + size, "KN=" + base + "|" + size,
         "SH=" + sh, "KSH=" + base + "|" + sh, "F=" + first.lower_ if first.lower_ in ("that", "to", "whether", "if", "how", "what", "why") else "F=" + first.pos_,
         "KF=" + base + "|" + first.pos_]
    if lo > cue.i:
        f.append("AFTER")
    else:
        f.append("BEFORE")
    return f


def source_features(cue, subj, lo: int, hi: int, animacy=None) -> list[str]:
    """Is the subject of a learned cue its source? ("Trump seemed unperturbed": no; "Trump vowed to ...": yes)"""
    lem = _lemma(cue)
    inside = "in" if lo <= subj.i < hi else "out"
    sk = "pperson" if subj.lower_ in PERSON_PRONOUNS else "pthing" if subj.lower_ in THING_PRONOUNS else (
        "ent:" + subj.ent_type_ if subj.ent_type_ else subj.pos_)
    f = ["b", "L=" + lem, "LP=" + lem + "|" + cue.pos_, "I=" + inside, "LI=" + lem + "|" + inside,
         "SK=" + sk, "LSK=" + lem + "|" + sk, "SD=" + subj.dep_, "D=" + cue.dep_, "T=" + cue.tag_,
         "IS=" + inside + "|" + sk]
    if animacy is not None and subj.pos_ != "PRON":
        a = animacy(subj)
        f += ["SA=" + a, "LSA=" + lem + "|" + a, "ISA=" + inside + "|" + a]
    return f


def score(weights: dict, feats: list[str]) -> float:
    z = 0.0
    for x in feats:
        w = weights.get(x)
        if w is not None:
            z += w
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
