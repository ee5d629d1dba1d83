"""An event as a sentence of its own, when the clause as written is not one: a relative clause
("the road that it has been blockading since December 12", "Prime Minister Nikol Pashinyan who
last month alluded that ...") or a clause whose subject is a pronoun ("He said the following day
that ...").

``pieces(doc, cast, lo, hi, head)`` returns the character spans of the pieces of the text the
sentence is made of, in the order they are read ("Azerbaijan" "has been blockading" "the road"
"since December 12"), or None when the clause reads as written. A pronoun is named by the actor's
last mention by name before it (the cast resolves it); nothing is invented: every piece is text of
the article.
"""

from __future__ import annotations

from .nlp import text_of

# Pronouns a sentence of its own names: those of the narrative. "We", "I" and "you" speak inside a quote.
_NAMED_PRONOUNS = frozenset({"he", "she", "it", "they"})
_RELATIVES = frozenset({"that", "which", "who", "whom"})
_SUBJECTS = ("nsubj", "nsubjpass")


def pieces(doc, cast, lo: int, hi: int, head) -> list[tuple[int, int]] | None:
    """The pieces (character spans) of the sentence the clause of tokens ``lo``..``hi`` (inclusive)
    reads as, or None. ``head`` is the token the clause was built on: a verb, or the noun a relative
    clause with the date describes."""
    if head is None or cast is None:
        return None
    if head.pos_ in ("NOUN", "PROPN", "PRON"):
        verb = next((c for c in head.children if c.dep_ == "relcl" and lo <= c.i <= hi), None)
        return None if verb is None else _relative(doc, cast, lo, hi, head, verb)
    subj = next((c for c in head.children if c.dep_ in _SUBJECTS and lo <= c.i <= hi), None)
    if subj is None or subj.lower_ not in _NAMED_PRONOUNS or not subj.whitespace_:
        return None  # "She'll ...", "he's ...": the name cannot take the pronoun's place before a clitic
    name = _name(doc, cast, subj)
    if name is None:
        return None
    # "On Monday night, he was back": "On Monday night," keeps its comma before the name
    return _clean(text_of(doc), [_chars(doc, lo, subj.i - 1), name, _chars(doc, subj.i + 1, hi)], keep_comma=True)


def _relative(doc, cast, lo: int, hi: int, noun, verb) -> list[tuple[int, int]] | None:
    """"X who did Y" -> "X did Y"; "the road that it has been blockading since ..." -> "Azerbaijan has
    been blockading the road since ..."."""
    rel = next((c for c in verb.children if c.lower_ in _RELATIVES and c.i < verb.i), None)
    first = min(t.i for t in verb.subtree)
    np_end = (rel.i if rel is not None and rel.i < first else first) - 1
    phrase = _chars(doc, max(lo, noun.left_edge.i), np_end)
    if phrase is None:
        return None
    if rel is not None and rel.dep_ in _SUBJECTS:
        return _clean(text_of(doc), [phrase, _chars(doc, rel.i + 1, hi)])
    subj = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i), None)
    if subj is None or (rel is not None and rel.dep_ != "dobj") or any(c.dep_ == "dobj" and (rel is None or c.i != rel.i)
                                                                          for c in verb.children):
        return None  # "the city in which he lived": the relative is no object of the verb
    if subj.lower_ in _NAMED_PRONOUNS and subj.whitespace_:
        who = _name(doc, cast, subj)
    elif subj.pos_ == "PRON":
        return None  # "that we signed": the speaker's own
    else:
        who = _chars(doc, subj.left_edge.i, subj.right_edge.i)
    if who is None:
        return None
    middle = _chars(doc, subj.right_edge.i + 1, verb.i)
    rest = _chars(doc, verb.i + 1, hi)
    return _clean(text_of(doc), [who, middle, phrase, rest])


def _name(doc, cast, pronoun) -> tuple[int, int] | None:
    """The span of the last mention by name, before the pronoun, of the actor the pronoun refers to."""
    if pronoun.lower_ in ("he", "she"):
        ref = cast.resolve(pronoun, create=False)
        aid = ref.id if ref is not None else None
    else:
        # "it", "they": a body or a country only when the sentence names one before it and no other (the
        # cast's guess from a paragraph before would put words in a wrong mouth)
        aid = _only_body_before(doc, cast, pronoun)
    if not aid:
        return None
    text = text_of(doc)
    best = None
    for (s, e), who in cast.mentions.items():
        if who == aid and e <= pronoun.idx and text[s:s + 1].isupper() and (best is None or s > best[0]):
            best = (s, e)
    return best


def _only_body_before(doc, cast, pronoun) -> str | None:
    """For "it" (its antecedent often no subject: "opposing Azerbaijan's insistence on the road that it
    has been blockading"): the one country, body or group the sentence names before it, if it names one
    only, else the one named a few words before it."""
    if pronoun.lower_ != "it":
        return None  # "they" is as often people the text does not name
    start = pronoun.sent.start_char
    found = sorted((s, e, who) for (s, e), who in cast.mentions.items()
                   if start <= s and e <= pronoun.idx and getattr(cast.get(who), "kind", "person") != "person")
    if len({who for _, _, who in found}) == 1:
        return found[0][2]
    if found and len(text_of(doc)[found[-1][1]:pronoun.idx].split()) <= _NEAR_WORDS:
        return found[-1][2]  # "urged North Korea to resume talks it abandoned": the body just before it
    return None


_NEAR_WORDS = 6


def _chars(doc, a: int, b: int) -> tuple[int, int] | None:
    """The characters of tokens ``a``..``b`` (inclusive), or None when there are none."""
    if b < a:
        return None
    return doc[a].idx, doc[b].idx + len(doc[b])


def _clean(text: str, spans: list, keep_comma: bool = False) -> list[tuple[int, int]] | None:
    """The pieces without empty ones and without the commas and spaces at their edges (``keep_comma``:
    a comma that ends a piece stays); None when fewer than two are left (nothing to put together)."""
    out = []
    end_marks = " ;\n" if keep_comma else " ,;\n"
    for span in spans:
        if span is None:
            continue
        s, e = span
        while s < e and text[s] in " ,;\n":
            s += 1
        while e > s and text[e - 1] in end_marks:
            e -= 1
        if e > s:
            out.append((s, e))
    return out if len(out) >= 2 else None
