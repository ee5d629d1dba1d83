"""Key points: the few sentences a reader needs first.

Extractive and lead-biased, as news is written: sentences are scored by position,
by how many of the article's salient words and named entities they carry, and
lose weight when they are mostly quotation (quotes have a section of their own),
when they open on a pronoun that points back to a sentence the reader will not
see ("His views were echoed by ..."), when they read as a headline (most words
capitalised), or when they have no verb (a dateline, a label)."""

from __future__ import annotations

import bisect
import re
from collections import Counter

from ..model.brief import KeyPoint, Quote
from . import lexicon
from .nlp import text_of

MIN_POINTS, MAX_POINTS = 3, 6
_QUOTE_MARKS = "\"“”«»„‘"
# Pronouns that need the sentence before them ("It" is left out: "It is hard to ..." stands alone).
_BACK_POINTING = lexicon.words("keypoints/back_pointing")


def _opens_on_a_pronoun(span) -> bool:
    """The sentence starts with a pronoun that refers back ("He said ...", "His
    views ...", "These measures ..." as a determiner counts too, "This week" does not)."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words:
        return False
    first = words[0]
    if first.lower_ not in _BACK_POINTING:
        return False
    if first.pos_ == "PRON":
        return True
    # "These measures", "Those talks": a demonstrative determiner before a noun, but not of time
    nxt = words[1] if len(words) > 1 else None
    return first.lower_ in ("these", "those") and nxt is not None and nxt.ent_type_ not in ("DATE", "TIME")


def _headline_like(span) -> bool:
    """Most of the words that prose writes in lower case (verbs, adjectives, common
    nouns) are capitalised: "Clinton Plan for Taxes Is Expansive but Complex."; names
    do not count ("NATO, the EU and the UN met in New York" is prose)."""
    words = [t for t in span[1:] if t.is_alpha and t.pos_ in ("NOUN", "VERB", "AUX", "ADJ", "ADV")]
    if len(words) >= 2 and sum(1 for t in words if t.text[0].isupper()) >= 0.7 * len(words):
        return True
    # a headline the parser read as one long name: no word but small ones in lower case
    alpha = [t for t in span if t.is_alpha]
    return len(alpha) >= 5 and all(t.text[0].isupper() or t.is_stop and len(t) <= 4 for t in alpha)


# A wire dateline before the first sentence: "YEREVAN, March 3 (Reuters) - ", "WASHINGTON (AP) — ",
# "FLINT, Mich., Oct. 4 (UPI) — ", "MYRTLE BEACH, S.C. - ": at the start of a line, a place in capitals,
# an optional region and date, an optional agency in brackets, then a dash.
_DATELINE = re.compile(
    r"(?:ST\.\s+)?[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2})?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?"
    r"\s*(?:\([^()\n]{1,40}\))?\s*(?:—|–|--?)\s+(?=[A-Z\"“‘'])")


def _sentences(doc):
    """Sentences as (start, end) character spans, trimmed of whitespace and of a
    leading wire dateline ("WASHINGTON (AP) — "), split at line breaks too (a
    paragraph never ends mid-sentence in a key point)."""
    text = text_of(doc)
    for sent in doc.sents:
        start = sent.start_char
        for piece in re.finditer(r"[^\n]+", text[start:sent.end_char]):
            s, e = start + piece.start(), start + piece.end()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            dateline = _DATELINE.match(text, s, e) if s == 0 or text[s - 1] == "\n" else None
            if dateline and len(text[dateline.end():e].split()) >= 3:
                s = dateline.end()
            if e > s:
                yield s, e


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def pick(doc, quotes: list[Quote], limit: int = 5, title: str | None = None) -> list[KeyPoint]:
    """3 to ``limit`` (at most 6) key sentences, in text order. A sentence that
    repeats the title (a headline kept in the text) is not a key point."""
    text = text_of(doc)
    limit = max(MIN_POINTS, min(MAX_POINTS, limit))
    spans = _candidates(doc, title)
    if not spans:
        return []
    content_words = [t.lemma_.lower() for t in doc if t.is_alpha and not t.is_stop and t.pos_ in {"NOUN", "PROPN", "VERB"}]
    freq = Counter(content_words)
    top = max(freq.values(), default=1)
    ents = Counter(e.text for e in doc.ents if e.label_ in {"PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT", "LAW"})
    named = _names_in(text, spans, [name for name, c in ents.items() if c > 1])
    quoted = _quoted_shares(spans, [(q.start, q.end) for q in quotes if q.direct])
    scored = [(_score(doc, rank, s, e, freq, top, named[rank], quoted[rank]), rank, s, e) for rank, (s, e) in enumerate(spans)]
    n = len(spans)
    want = min(limit, max(MIN_POINTS, round(n / 4)), n)
    return [KeyPoint(text=text[s:e], start=s, end=e) for s, e in sorted(_choose(text, scored, want))]


def _candidates(doc, title: str | None) -> list[tuple[int, int]]:
    """The sentences that may be key points: those of six words or more that do not repeat the title (all of
    them when none is left)."""
    text = text_of(doc)
    headline = _norm(title or "")
    spans = [
        (s, e) for s, e in _sentences(doc)
        if len(text[s:e].split()) >= 6 and not (headline and _norm(text[s:e]) in headline)
    ]
    if not spans:
        spans = list(_sentences(doc))
    return spans


def _names_in(text: str, spans: list[tuple[int, int]], names: list[str]) -> list[int]:
    """How many of ``names`` each span (in text order, none overlapping) holds: each name's
    occurrences found once in the whole text, not each span searched for every name."""
    starts = [s for s, _ in spans]
    found: list[set[str]] = [set() for _ in spans]
    for name in names:
        at = text.find(name)
        while at >= 0:
            k = bisect.bisect_right(starts, at) - 1
            if k >= 0 and at + len(name) <= spans[k][1]:
                found[k].add(name)
                nxt = starts[k + 1] if k + 1 < len(spans) else len(text)  # the rest of span k tells nothing new
            elif k >= 0 and at >= spans[k][1] or k < 0:
                nxt = starts[k + 1] if k + 1 < len(spans) else len(text)  # between spans: on to the next
            else:
                nxt = at + 1  # across span k's end
            at = text.find(name, max(nxt, at + 1))
    return [len(f) for f in found]


def _quoted_shares(spans: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> list[float]:
    """The share of each span that the direct quotes' spans ``quoted`` cover (summed over quotes), each
    span reading only the quotes that can overlap it."""
    quoted = sorted(quoted)
    longest = max((qe - qs for qs, qe in quoted), default=0)
    out = []
    for s, e in spans:
        near = quoted[bisect.bisect_left(quoted, (s - longest,)):bisect.bisect_left(quoted, (e,))]
        out.append(sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in near) / max(1, e - s))
    return out


def _score(doc, rank: int, s: int, e: int, freq: Counter, top: int, named: int, share: float) -> float:
    """The score of the sentence [s, e), ``rank``-th of the candidates: its position, the salience of its
    words (``freq``, highest ``top``) and of the entities it names twice or more (``named`` of them), less
    weight for quotation (``share``: how much of it the direct quotes cover), headlines, datelines and a
    pronoun that points back."""
    text = text_of(doc)
    span = doc.char_span(s, e, alignment_mode="expand")
    words = [t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop] if span is not None else []
    salience = sum(freq[w] / top for w in set(words)) / (len(set(words)) ** 0.5 or 1)
    entity_bonus = named * 0.15
    position = 1.0 / (1 + rank) ** 0.7 + (0.5 if rank == 0 else 0.0)
    score = 1.2 * position + 0.6 * salience + entity_bonus
    if share > 0.5 or text[s] in _QUOTE_MARKS:
        score -= 2.0  # a quotation is shown in the quotes section
    elif share > 0:
        score -= share
    if text[s:e].rstrip()[-1:] not in ".!?”\"'’":
        score -= 0.5  # headlines, datelines, captions
    if span is not None and _headline_like(span):
        score -= 2.0  # a headline kept in the text ("Clinton Plan for Taxes Is Expansive but Complex.")
    if span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span):
        score -= 2.0  # no verb: a dateline ("FLINT, Mich., Oct. 4 (UPI) —"), a label, a header
    if span is not None and _opens_on_a_pronoun(span):
        score -= 0.6  # "His views were echoed by ...": whose?
    return score


def _choose(text: str, scored: list[tuple[float, int, int, int]], want: int) -> list[tuple[int, int]]:
    """The ``want`` best-scored sentences (ties in text order), none much like one chosen before it."""
    best = sorted(scored, key=lambda x: (-x[0], x[1]))
    chosen: list[tuple[int, int]] = []
    for _, _, s, e in best:
        if len(chosen) >= want:
            break
        if any(_similar(text[s:e], text[cs:ce]) for cs, ce in chosen):
            continue
        chosen.append((s, e))
    return chosen


def _similar(a: str, b: str) -> bool:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / max(1, min(len(wa), len(wb))) > 0.7
