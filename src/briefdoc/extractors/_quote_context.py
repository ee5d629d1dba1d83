"""The parse of an article as the quote finder and the speaker resolver read it: paragraphs, mentions,
the speech lexicon, what makes a word a cue, and the furniture (bylines, credits) that is never a quote."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from . import _reported, lexicon
from .nlp import text_of
from .actors import Cast, Ref


# The speech lexicon (data/en/speech_verbs.txt), one for every extractor.
# Verbs that attribute words to a speaker (lemmas).
SPEECH = _reported.speech_verbs("cue")
# Report verbs that only count with a person-like subject (not "polls show").
_BELIEF = lexicon.words("belief_verbs")
# Verbs that take reported content as a clause ("X said that ...").
REPORT = _reported.speech_verbs("report") | _BELIEF
# Phrasal cues: a verb plus a particle or preposition ("called for", "pointed out").
PHRASAL = _reported.pairs("phrasal_verbs")

SCARE_MAX_WORDS = 4


@dataclass
class _Att:
    cue: str | None
    cue_start: int
    ref: Ref | None  # speaker mention


def _para_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: a line with a letter or a digit in it (a line of punctuation alone,
    " ." or "* * *", separates paragraphs as a blank line does)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if any(c.isalnum() for c in line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out or [(0, len(text))]


class _Ctx:
    def __init__(self, doc, cast: Cast):
        self.doc = doc
        self.cast = cast
        self.text = text_of(doc)
        self.pbounds = _para_bounds(text_of(doc))
        self.pstarts = [b[0] for b in self.pbounds]
        self.marks = cast.marks
        self.quoted: set[int] = set()
        self.mark_tok: set[int] = set()
        self.opening = {m.open_at for m in self.marks}
        self.reported: set[int] | None = None  # tokens of reported content (``_reported_tokens``)
        for m in self.marks:
            self.quoted.update(_tok_range(doc, m.start, m.end))
        for t in doc:
            if t.text in ("“", "”", '"', "‘", "’", "''", "``") and t.is_punct:
                self.mark_tok.add(t.i)
        # the cast's mentions in text order, to look a few paragraphs back or ahead without reading them all
        self.mentions = sorted((s, e, aid) for (s, e), aid in cast.mentions.items())
        self.mention_starts = [m[0] for m in self.mentions]
        self.subject_list = cast.subjects()
        self.subject_at = [i for i, _, _ in self.subject_list]
        self.by_lemma: dict[str, list] | None = None  # nouns by lemma (``_issuer``)
        self.quoted_spans = _union((m.start, m.end) for m in self.marks)  # where the text is in quotation marks
        self._token_starts: list[int] | None = None
        self.furniture: dict[int, tuple] = {}  # paragraph -> its tweet bylines and last photo credit (``_furniture_at``)
        self.pronoun_of: dict[int, str | None] = {}  # whom each "he"/"she" was resolved to (``_pronoun_speaker``)
        self.ages: dict[str, set[int]] | None = None  # each person's ages the text gives (``_speakers._ages``)

    def mentions_between(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """The cast's mentions that start in [lo, hi), in text order (the cast gains mentions as speakers
        are resolved: read again when it has)."""
        if len(self.mentions) != len(self.cast.mentions):
            self.mentions = sorted((s, e, aid) for (s, e), aid in self.cast.mentions.items())
            self.mention_starts = [m[0] for m in self.mentions]
        return self.mentions[bisect.bisect_left(self.mention_starts, lo):bisect.bisect_left(self.mention_starts, hi)]

    def token_starts(self) -> list[int]:
        """Each token's first character, in order (read once)."""
        if self._token_starts is None:
            self._token_starts = [t.idx for t in self.doc]
        return self._token_starts

    def para(self, char: int) -> int:
        return bisect.bisect_right(self.pstarts, char) - 1

    def same_para(self, a: int, b: int) -> bool:
        return self.para(a) == self.para(b)


def _union(spans) -> list[tuple[int, int]]:
    """Character spans merged where they overlap, in text order."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if s >= e:
            continue
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _tok_range(doc, start: int, end: int) -> range:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return range(0)
    return range(span.start, span.end)


def _is_cue(t) -> bool:
    if t.lemma_.lower() in SPEECH and t.pos_ in ("VERB", "AUX") and t.dep_ != "amod":
        if t.i > 0 and t.doc[t.i - 1].text == "-":  # "so-called"
            return False
        return True
    if t.lower_ == "according" and any(k.lower_ == "to" for k in t.children):
        return True
    return _as_put_it(t)


# verbs of wording: "as X put it", "as X phrased it"
_WORDING = lexicon.words("quotes/wording_verbs")


def _puts_it(t) -> bool:
    """"The mayor put it bluntly: “...”", "She phrased it this way:": a verb of wording with "it" as its
    object, before a colon, introduces the words quoted after it."""
    return (t.lemma_.lower() in _WORDING and t.pos_ == "VERB"
            and any(k.dep_ == "dobj" and k.lower_ == "it" for k in t.children))


def _as_put_it(t) -> bool:
    """"As Ms. Doe put it (in a statement), ...", "..., as he phrased it": a verb of wording with "it"
    as its object in a clause opened by "as" attributes the words of the sentence to its subject."""
    return _puts_it(t) and any(k.dep_ == "mark" and k.lower_ == "as" for k in t.children)


def _cue_text(doc, t) -> tuple[str, int, int]:
    if t.lower_ == "according":
        to = next((k for k in t.children if k.lower_ == "to"), None)
        if to is not None:
            return doc[t.i:to.i + 1].text, t.idx, to.idx + len(to)
    lem = t.lemma_.lower()
    for k in t.children:
        if k.i == t.i + 1 and (lem, k.lower_) in PHRASAL:
            return doc[t.i:k.i + 1].text, t.idx, k.idx + len(k)
    return t.text, t.idx, t.idx + len(t)


def _furniture_at(ctx: _Ctx, char: int) -> bool:
    """Character ``char`` is in the page's furniture: an embedded tweet's byline ("— Jane Roe (@janeroe)
    December 18, 2018") or a photo caption with its credit."""
    bylines, last_credit = _paragraph_furniture(ctx, max(0, ctx.para(char)))
    # (a credit's parentheses hold no parenthesis: one that starts after ``char`` is found from the paragraph's start)
    return any(a <= char < b for a, b in bylines) or last_credit >= char


def _paragraph_furniture(ctx: _Ctx, p: int) -> tuple[list[tuple[int, int]], int]:
    """Paragraph ``p``'s tweet bylines (spans), and where its last photo credit starts (-1: none),
    read once per paragraph."""
    found = ctx.furniture.get(p)
    if found is None:
        ps, pe = ctx.pbounds[p]
        bylines = [(m.start(), m.end()) for m in _TWEET_BYLINE.finditer(ctx.text, ps, pe)]
        credits = [m.start() for m in _PHOTO_CREDIT_MARK.finditer(ctx.text, ps, pe)] if pe - ps < 400 else []
        if pe - ps < 400 and (_CREDIT_FIRST.match(ctx.text, ps, pe) or _BYLINE.match(ctx.text, ps, pe)
                              or _CREDIT_LAST.search(ctx.text, ps, pe)):
            # "The Canadian Press Jane Roe watches as ...": a caption with its credit first; "... at Queen's Park
            # on April 15, 2019. THE CANADIAN PRESS": with its credit last, in capitals
            credits.append(pe)
        found = ctx.furniture[p] = (bylines, credits[-1] if credits else -1)
    return found


def _sent_in_para(ctx: _Ctx, tok):
    """The token range of tok's sentence, cut at paragraph breaks."""
    sent = tok.sent
    p = ctx.para(tok.idx)
    # the paragraph's tokens are those from its first character to the next paragraph's (by bisection:
    # a sentence can run for thousands of tokens in a text without punctuation)
    starts = ctx.token_starts()
    s = max(sent.start, bisect.bisect_left(starts, ctx.pstarts[p]))
    e = sent.end if p + 1 >= len(ctx.pstarts) else min(sent.end, bisect.bisect_left(starts, ctx.pstarts[p + 1]))
    # the opening mark of the next quote, left at the end by the sentence splitter (". ''Next")
    while e - 1 > tok.i and (ctx.doc[e - 1].is_space or ctx.doc[e - 1].idx in ctx.opening):
        e -= 1
    return s, e


def _content_tail(comp) -> int:
    """Where a reported clause ends before what the parse hung on it but the writer added: a trailing
    participle after a comma ("said he could not support Trump, throwing a wrench in ..."), or a second
    speech verb without a subject of its own, which is the speaker's ("said X and suggested Y")."""
    doc = comp.doc
    for k in sorted(comp.children, key=lambda k: k.i):
        if k.i <= comp.i:
            continue
        lo = k.left_edge.i
        if k.dep_ in ("advcl", "xcomp", "conj") and doc[lo].tag_ == "VBG" and lo > 0 and doc[lo - 1].text == ",":
            return lo - 1
        if (k.dep_ == "conj" and k.pos_ == "VERB" and k.lemma_.lower() in SPEECH | REPORT
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in k.children)):
            cc = next((c for c in comp.children if c.dep_ == "cc" and comp.i < c.i < lo), None)
            return cc.i if cc is not None else lo
    return comp.right_edge.i + 1
# an embedded tweet's byline: "— Jane Roe (@janeroe) September 27, 2016"
_TWEET_BYLINE = re.compile(r"[—–-]\s*[^—–()\n]{1,60}\(@\w{1,30}\)\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}")
# a photo credit closing a caption: "(Adrian Wyld/The Canadian Press)", "(Photo: Jane Roe/Reuters)"
# or one that says it is a photo: "( THE CANADIAN PRESS FILE PHOTO )", "(Getty Images)"
_CREDIT = (r"\((?:(?:Photo:\s*)?[A-Z][\w.'’ -]{1,40}/\s?[A-Z][\w.'’ -]{1,40}|"
           r"\s*[A-Z][\w.'’ -]{0,40}\b(?:PHOTO|Photo|IMAGES?|Images)\b[\w.'’ /:-]{0,40})\)")
_PHOTO_CREDIT_MARK = re.compile(_CREDIT)  # "(Photo: Jane Roe/Agency)"
# a caption that opens with its agency's credit, then the caption's first capitalised word
_CREDIT_FIRST = re.compile(r"\s*(?i:" + lexicon.pattern("byline/outlets") + r")\s+(?:[A-Z][a-z]|[A-Z]\b)")
# a caption's credit at its end, in capitals: "... on April 15, 2019. THE CANADIAN PRESS"
_CREDIT_LAST = re.compile(r"[.)]\s*(?:" + "|".join(
    r"\s+".join(re.escape(w.upper()) for w in name.split()) for name in sorted(lexicon.words("byline/outlets"), key=len,
                                                                          reverse=True)) + r")\s*$")
# a byline paragraph: "By Jane Roe, The Canadian Press", "Jane Roe - Reuters", "Jane Roe · CBC News · Posted: ..."
# (an outlet: a wire service's name, or a short capitalised name with a word of outlets' names: "CBC News",
# "National Post", "The Globe and Mail")
_OUTLET = (r"(?:(?i:" + lexicon.pattern("byline/outlets") + r")|(?:The\s+)?(?:[A-Z][\w.'’&-]*\s+){0,3}(?i:"
           + lexicon.pattern("byline/outlet_words") + r")\b(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,2})")
_BYLINE = re.compile(r"\s*(?:By\s+)?[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*(?:,|-|—|/|·|\|)\s*" + _OUTLET
                     + r"(?:\s*[·|,]\s*(?:Posted|Updated|Published|Last Updated)\b.*)?\W*$")
