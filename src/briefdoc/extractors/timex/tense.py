"""The tense of the clause around a time expression, which says on which side of the
anchor a relative date lies ("met on Tuesday" is the Tuesday before, "will meet on
Tuesday" the one after): a heuristic over the words nearby (_text_tense) and, when it
finds nothing, the verb a dependency parse attaches the expression to (_doc_tense)."""

from __future__ import annotations

import re

from .. import lexicon
from .patterns import _TZ, _alternatives

# words of the future and of the past, strong (a tense marker) and weak (a past form)
_STRONG_FUTURE = lexicon.words("time/future_words")  # "will", "upcoming"
_INTENT = lexicon.words("time/intent_words")  # "plans", "expected", "due", "set"
# a present "be" before these words looks ahead: "is forecast to", "are likely to", "is poised to"
_FORECAST = lexicon.words("time/forecast_words")
_STRONG_PAST = lexicon.words("time/past_words")  # "said", "had", "ago"
_IRREGULAR_PAST = lexicon.words("time/irregular_past")  # "went", "took"
_NOT_PAST_ED = lexicon.words("time/not_past_ed")  # "need", "indeed"
# words right before a date that point ahead: "by Friday", "effective Jan. 1", "until June"
_FUTURE_PREP = re.compile(r"\b(?:" + _alternatives(lexicon.ordered("time/future_prepositions")) + r")\s+(?:the\s+)?$", re.I)
_UNTIL_PREP = re.compile(r"\b(?:" + _alternatives(lexicon.ordered("time/until_prepositions")) + r")\s+(?:the\s+)?$", re.I)
# words that may stand before a fronted date: "In January, the company ..."
_FRONT = lexicon.words("time/fronting_words")
# grammar words: what ends a clause, the present of "be", modals, determiners
_CLAUSE_STOP = {"and", "that", "which", "who", "but", ",", ";", "when", "while", "because", "after", "before", "although", "since"}
_BE_PRESENT = {"is", "are", "am", "'s", "’s"}
_BE_PRESENT_PASSIVE = {"is", "are", "am"}
_WORD = re.compile(r"[\w'’]+|[;]|,")
_MODALS = {"will", "would", "could", "can", "may", "might", "should", "must", "to", "'ll", "’ll", "shall"}
_DETS = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those"}


def _strong(w: str, nxt: str | None, prev: str | None = None) -> str | None:
    lw = w.lower()
    n = (nxt or "").lower()
    if lw in _BE_PRESENT and n == "to":
        return "future"
    if lw in _BE_PRESENT | {"'re", "’re"} and n in _FORECAST:
        return "future"  # "temperatures are forecast to reach 30C on Saturday"
    if lw in ("was", "were") and n == "to":
        return "past"
    if lw in ("was", "were") and n in _INTENT:
        return "future"
    if lw in _INTENT and (prev or "").lower() in _DETS:
        return None  # "the plan", "a set"
    if lw in _INTENT and (prev or "").lower() in ("as", "previously", "originally", "initially"):
        return None  # "went ahead as planned on Sunday": the plan says nothing of the tense
    if lw == "last" and ((prev or "").lower() in _MODALS or n in ("for", "until", "till", "through", "into")):
        return None  # the verb: "the ban will last", "talks could last for days"
    if lw == "next" and n == "to":
        return None  # the preposition: "the building next to the embassy"
    if lw in _STRONG_FUTURE:
        return "future"
    if lw in _INTENT:
        if lw in ("set", "due", "going") and n not in ("to", "for"):
            return None
        if lw == "expected" and n != "to":
            # "the verdict is expected on Thursday": a present passive of an expectation looks ahead
            return "future" if (prev or "").lower() in ("is", "are", "'s", "’s", "'re", "’re") else None
        return "future"
    if lw in _STRONG_PAST:
        if (prev or "").lower() == "be" and lw not in ("been", "had"):
            return None  # a participle after "be": "the deal will be announced Monday" looks ahead
        return "past"
    return None


def _weak(w: str) -> str | None:
    lw = w.lower()
    if lw in _IRREGULAR_PAST:
        return "past"
    if lw.endswith("ed") and len(lw) > 4 and lw not in _NOT_PAST_ED and w[0].islower():
        return "past"
    return None


# verbs of scheduled events: in the simple present a date they govern lies ahead
# ("they meet Monday", "the president travels Tuesday to ...", "talks resume in April")
_SCHEDULED = lexicon.words("time/scheduled_verbs")

_NOT_BEFORE_PRESENT = lexicon.words("time/not_before_scheduled") | _DETS


def _present_scheduled(lw: list[str], rw: list[str]) -> bool:
    """A present-tense verb of a scheduled event governs the date: "they meet
    [separately] Monday", "the vote is Thursday", "the court hears the case Wednesday",
    "Brazilians vote in a presidential runoff on Sunday". Not when a past verb follows the
    date: then the "verb" was a noun of the subject ("the Brexit vote in June sent ...")."""
    if rw and _weak(rw[0]) == "past":
        return False
    j = len(lw) - 1
    if j >= 0 and lw[j].lower() in ("on", "in", "at", "late", "early", "until", "through"):
        j -= 1
    if j >= 0 and lw[j].lower() in ("is", "are") and (j == 0 or lw[j - 1].lower() not in ("it", "there", "that", "this", "what")):
        return True  # "the vote is Thursday"
    if j >= 1 and lw[j].lower() == "due" and lw[j - 1].lower() in ("is", "are", "'s", "’s", "'re", "’re"):
        return True  # "results are due Tuesday"
    # the verb, up to five words (an adverb, an object) before the date
    for i in range(j, max(-1, j - 6), -1):
        w = lw[i]
        lo = w.lower()
        if w in (",", ";") or lo in _CLAUSE_STOP:
            return False
        if lo.endswith("ing") and i and lw[i - 1].lower() in ("is", "are", "am", "'s", "’s", "'re", "’re") and (
                {lo[:-3], lo[:-3] + "e", lo[:-4]} & _SCHEDULED):
            return True  # the present progressive of a planned event: "the minister is traveling to Kyiv Thursday"
        if lo in _SCHEDULED and w[0].islower():
            prev = lw[i - 1].lower() if i else ""
            if prev in _NOT_BEFORE_PRESENT or prev.endswith(("n't", "n’t", "'s", "’s", "ed")):
                return False  # "did not meet", "to meet", "a televised address", "the team's visit"
            if lo == "take" or lo == "takes":
                nxt = lw[i + 1].lower() if i + 1 < len(lw) else (rw[0].lower() if rw else "")
                if nxt not in ("effect", "office", "place", "over", "part"):
                    return False
            return True
        if _weak(w) or _strong(w, None) or lo in _BE_PRESENT:
            return False
    return False


def _reach(words: list[str], n: int) -> int:
    """How many of ``words`` make up ``n`` words when the words of a capitalized name
    count as one: "the National Abortion and Reproductive Rights Action League plans"
    reaches the verb."""
    k = 0
    for i, w in enumerate(words):
        if not (i and w[:1].isupper() and words[i - 1][:1].isupper() or w.lower() == "and" and i and words[i - 1][:1].isupper()
                and i + 1 < len(words) and words[i + 1][:1].isupper()):
            k += 1
        if k > n:
            return i
    return len(words)


_AT_CLOCK = re.compile(r"\s+at\s+(?:about\s+|around\s+)?\d[\d:.]*\s*(?:[ap]\.?m\.?)?(?:\s+(?:local\s+time|" + _TZ + "))?"
                       r"(?:\s*\([^()]{1,24}\))?,?(?P<on>\s+on)?\s*$", re.I)


def _skip_clock(left: str) -> str:
    """A clock time between the verb and the day does not part them: in "polls close at
    8pm local time (1700 GMT) on Sunday" the verb "close" governs "Sunday"."""
    m = _AT_CLOCK.search(left)
    return left[:m.start()] + (" on " if m and m["on"] else " ") if m else left


# a period that ends an abbreviation, not a sentence: "a.m.", "p.m.", "U.S.", "Sen.", "Gen."
_ABBREV_STOP = re.compile(r"(?:\b[A-Za-z]\.[A-Za-z]|\b(?:" + _alternatives(lexicon.ordered("time/abbreviations")) + "))$")


def _last_full_stop(left: str) -> int:
    """Where the last sentence-ending ". " in ``left`` is, -1 if none: the period of an
    abbreviation does not end the sentence ("at 9:30 a.m. ET on Wednesday", "Sen. Smith
    said on Monday")."""
    i = left.rfind(". ")
    while i >= 0 and _ABBREV_STOP.search(left, max(0, i - 6), i):
        i = left.rfind(". ", 0, i)
    return i


def _relative_past(lw: list[str]) -> bool:
    """The date sits in a relative clause with a past verb: "talks that began in Riyadh on
    Monday will continue on Friday" ("will" belongs to the main clause)."""
    for k in range(len(lw) - 1, max(-1, len(lw) - 9), -1):
        lo = lw[k].lower()
        if lw[k] in (",", ";") or lo in _CLAUSE_STOP and lo not in ("that", "which", "who"):
            return False
        if lo in ("that", "which", "who"):
            inner = lw[k + 1:]
            return any(_weak(w) == "past" and (not i or inner[i - 1].lower() not in _BE_PRESENT_PASSIVE | _MODALS | {"be", "been"})
                       for i, w in enumerate(inner)) and not any(_strong(w, None) == "future" for w in inner)
    return False


def _clause_around(text: str, start: int, end: int) -> tuple[str, list[str], list[str], bool]:
    """The sentence's text before [start, end), its words, the words after it to the end
    of the clause, and whether the expression is fronted ("In January, ...")."""
    lo = max(0, start - 240)
    left = text[lo:start]
    cut = max(_last_full_stop(left), left.rfind("\n"), left.rfind("? "), left.rfind("! "))
    if cut >= 0:
        left = left[cut + 1:]
    left = _skip_clock(left)
    right = text[end:end + 160]
    m = re.search(r"[.?!]\s|\n", right)
    if m:
        right = right[:m.start()]
    lw = _WORD.findall(left)
    rw = _WORD.findall(right)
    # "In January, American Medical brought ...": a fronted date belongs to the clause after the comma
    fronted = all(w.lower() in _FRONT for w in lw[-3:]) if len(lw) <= 3 else False
    return left, lw, rw[:_clause_end(rw, fronted)], fronted


def _clause_end(rw: list[str], fronted: bool) -> int:
    """How many of the words ``rw`` after the expression are in its clause: up to a comma
    (not the one right after a fronted date) or a conjunction."""
    for i, w in enumerate(rw):
        if w.lower() == "and" and 0 < i < len(rw) - 1 and rw[i - 1][:1].isupper() and rw[i + 1][:1].isupper():
            continue  # inside a name ("the Labor and Welfare Committee plans ..."), not between clauses
        if (w == "," and not (fronted and i == 0)) or (w != "," and w.lower() in _CLAUSE_STOP):
            return i
    return len(rw)


def _governed_by_past_verb(lw: list[str]) -> bool:
    """The verb right before the date governs it and is past: "Cuba predicted Wednesday",
    "met on Monday" (not a noun, "another cut in May", nor a participle after "be" or a modal)."""
    j = len(lw) - 1
    if j >= 0 and lw[j].lower() in ("on", "at", "in", "late", "early"):
        j -= 1
    return (j >= 0 and _weak(lw[j]) == "past" and lw[j].lower() not in _INTENT
            and (j == 0 or lw[j - 1].lower() not in _DETS | {"another", "every", "each", "no", "any"})  # a noun: "another cut in May"
            and (j == 0 or lw[j - 1].lower() not in ("be", "being", "will", "would", "to", "can", "could", "may", "might", "must", "should", "shall")
                 and lw[j - 1].lower() not in _BE_PRESENT_PASSIVE))


def _nearest_strong(lw: list[str], rw: list[str], fronted: bool) -> str | None:
    """The tense of the nearest strong marker: among the 16 words before the expression,
    or the 7 after it (a capitalised name counting as one word)."""
    best = None
    for i in range(len(lw) - 1, max(-1, len(lw) - 17), -1):
        t = _strong(lw[i], lw[i + 1] if i + 1 < len(lw) else (rw[0] if rw else None), lw[i - 1] if i else None)
        if t:
            if t == "future" and lw[i].lower() in _INTENT and [w.lower() for w in lw[max(0, i - 2):i]] == ["had", "been"]:
                t = "past"  # "had been due to expire Friday": a plan that lay in the past
            best = (len(lw) - i, t)
            break
    for i, w in enumerate(rw[:_reach(rw, 7)]):
        t = _strong(w, rw[i + 1] if i + 1 < len(rw) else None, rw[i - 1] if i else None)
        if t == "future" and fronted and w.lower() in _INTENT and w.lower().endswith("ed") and (
                not i or rw[i - 1].lower() not in ("is", "are", "was", "were", "be", "been")):
            t = "past"  # "On Friday, the government planned to pay ...": the planning was on Friday
        if t:
            if best is None or i + 1 < best[0]:
                best = (i + 1, t)
            break
    return best[1] if best else None


def _nearest_weak(lw: list[str], rw: list[str]) -> str | None:
    """The tense of the nearest past form: among the 12 words before the expression (not
    a present passive), else the 4 after it."""
    for i in range(len(lw) - 1, max(-1, len(lw) - 13), -1):
        t = _weak(lw[i])
        if t and i and lw[i - 1].lower() in _BE_PRESENT_PASSIVE:
            continue  # a present passive: "when the case is heard in May"
        if t:
            return t
    for w in rw[:4]:
        t = _weak(w)
        if t:
            return t
    return None


def _text_tense(text: str, start: int, end: int) -> str | None:
    """Tense of the clause around [start, end), from nearby markers: a heuristic."""
    left, lw, rw, fronted = _clause_around(text, start, end)
    if _governed_by_past_verb(lw):
        return "past"
    if _present_scheduled(lw, rw):
        return "future"
    if _relative_past(lw):
        return "past"
    pluperfect = any(w.lower() == "had" for w in lw[-16:] + rw[:7])
    if _UNTIL_PREP.search(left[-25:]) and not pluperfect:
        return "future"  # "until Friday" looks ahead, unless "until Friday, they had not ..."
    strong = _nearest_strong(lw, rw, fronted)
    if strong:
        return strong
    if _FUTURE_PREP.search(left[-30:]):
        return "future"
    return _nearest_weak(lw, rw)


_VERB_BEFORE = re.compile(r"\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?P<v>[a-z]+)\s+(?:on|in|at)?\s*$")

_PASSIVE_PAST = lexicon.words("time/passive_past")  # "held", "born"


def _verb_before_is_past(text: str, start: int) -> bool:
    """A passive past verb governs the date: "the election was held on April 2"."""
    m = _VERB_BEFORE.search(text[max(0, start - 40):start])
    return bool(m and (_weak(m["v"]) == "past" or m["v"] in _PASSIVE_PAST))


# verbs of planning (lemmas): "is planned to host"; those that look ahead on their own ("plans Monday talks")
_PLAN_LEMMAS = frozenset(row[0] for row in lexicon.rows("time/plan_lemmas"))
_PLAN_AHEAD = frozenset(row[0] for row in lexicon.rows("time/plan_lemmas") if row[1:] == ("ahead",))


def _doc_tense(doc, start: int, end: int) -> str | None:
    """Tense of the verb the expression attaches to, from the dependency parse."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    verb = None
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") and cur is not tok:
            verb = cur
            break
        if cur.head is cur:
            if cur.pos_ in ("VERB", "AUX"):
                verb = cur
            break
        cur = cur.head
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for a in auxes:
        low = a.lower_
        if low in ("will", "'ll", "’ll", "shall", "wo", "would", "could", "might", "should", "may", "can", "must"):
            return "future"
        if a.tag_ == "TO" or low == "to":
            continue
        if low in ("going",):
            return "future"
    # "is to host" / "was to host"
    if verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in verb.children):
        head = verb.head
        if head.lemma_ == "be":
            return "past" if head.tag_ == "VBD" else "future"
        if head.lemma_ in _PLAN_LEMMAS:
            return "past" if head.tag_ == "VBD" else "future"
    if any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if any(a.lemma_ == "have" for a in auxes):
        return "past"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "amod"):
        return "past"
    if verb.lemma_ in _PLAN_AHEAD and verb.tag_ in ("VBZ", "VBP", "VBN"):
        return "future"
    return None
