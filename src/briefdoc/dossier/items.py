"""Quotes, positions and key points across articles.

A quote two outlets report is one quote with both sources: the same speaker (or
one outlet names none) and the same words, give or take punctuation, a word or
two, or one outlet quoting only part of it. A position is one when the same actor
holds it in the same words. Key points: those the other articles bear out first,
then each article's lead before its later points, each with its article."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.brief import Brief
from ..model.dossier import DossierKeyPoint, DossierPosition, DossierQuote, PositionSource, QuoteSource, TextSource
from .actors import ActorMerge
from .text import assign, content_words, contains, overlap, sequence_ratio, words

SAME_QUOTE = 0.8  # word-sequence likeness at which two reports are one quote
SAME_POSITION = 0.75
SAME_KEY_POINT = 0.7  # content-word overlap at which two articles make one key point
BORNE_OUT = 0.5  # content-word overlap at which another article's item supports a key point
MIN_PART = 4  # words: a shorter quote inside a longer one is the same only from this length


def text_likeness(a: list[str], b: list[str]) -> float:
    """1 when one word sequence holds the other whole (and the shorter has MIN_PART
    words or more), else how alike they are."""
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) >= MIN_PART and contains(longer, shorter):
        return 1.0
    return sequence_ratio(a, b)


@dataclass
class _Group:
    key: str | None  # the speaker or actor
    words: list[str]
    sources: list = field(default_factory=list)  # (article, item)

    def add(self, entry) -> None:
        article, key, item, item_words = entry
        self.sources.append((article, item))
        if self.key is None:
            self.key = key
        if len(item_words) > len(self.words):
            self.words = item_words  # the fullest report stands for the group


def _group(entries, threshold: float, *, loose_key: bool) -> list[_Group]:
    """Entries (article, key, item, words) grouped: at most one source per article,
    each joining the group it is likest to, when alike enough."""
    def score(entry, g: _Group):
        _, key, _, item_words = entry
        if g.key != key and not (loose_key and (g.key is None or key is None)):
            return None
        s = text_likeness(item_words, g.words)
        return s if s >= threshold else None

    def new(entry) -> _Group:
        g = _Group(None, [])
        g.add(entry)
        return g

    batches: dict[str, list] = {}
    for entry in entries:
        batches.setdefault(entry[0], []).append(entry)
    return assign(list(batches.values()), score, new)


def merge_quotes(briefs: list[tuple[str, Brief]], actors: ActorMerge) -> list[DossierQuote]:
    entries = [(aid, actors.id_of(aid, q.speaker), q, words(q.text)) for aid, b in briefs for q in b.quotes]
    out = []
    for g in _group(entries, SAME_QUOTE, loose_key=True):
        rep = max((q for _, q in g.sources), key=lambda q: len(q.text))
        sources = [QuoteSource(article=aid, start=q.start, end=q.end, text=q.text, cue=q.cue,
                               speaker_start=q.speaker_start, speaker_end=q.speaker_end) for aid, q in g.sources]
        out.append(DossierQuote(text=rep.text, speaker=g.key, direct=any(q.direct for _, q in g.sources),
                                cue=rep.cue, sources=sources))
    return out


def merge_positions(briefs: list[tuple[str, Brief]], actors: ActorMerge) -> list[DossierPosition]:
    entries = [(aid, actors.id_of(aid, p.actor), p, words(p.statement)) for aid, b in briefs for p in b.positions]
    out = []
    for g in _group(entries, SAME_POSITION, loose_key=False):
        rep = g.sources[0][1]
        sources = [PositionSource(article=aid, start=p.start, end=p.end, statement=p.statement, cue=p.cue,
                                  actor_start=p.actor_start, actor_end=p.actor_end) for aid, p in g.sources]
        out.append(DossierPosition(actor=g.key, statement=rep.statement, cue=rep.cue, sources=sources))
    return out


def key_point_count(n_articles: int) -> int:
    """How many key points a dossier of ``n_articles`` articles leads with."""
    return min(10, 3 + n_articles)


def merge_key_points(briefs: list[tuple[str, Brief]]) -> list[DossierKeyPoint]:
    """The key points that matter most across the articles: those the other articles
    bear out (a key point, quote, position or event with the same content) first,
    then by rank in their article (each article's lead before anyone's second point)."""
    evidence = {aid: [content_words(t) for t in _texts(b)] for aid, b in briefs}
    entries = []
    for order, (aid, b) in enumerate(briefs):
        for rank, k in enumerate(b.key_points):
            cw = content_words(k.text)
            support = sum(1 for other, texts in evidence.items()
                          if other != aid and any(len(cw & t) >= 3 and overlap(cw, t) >= BORNE_OUT for t in texts))
            entries.append((support, rank, order, aid, k, cw))
    entries.sort(key=lambda e: (-e[0], e[1], e[2]))
    chosen: list[tuple[list, set]] = []  # (sources, content words)
    for support, rank, order, aid, k, cw in entries:
        same = next((c for c in chosen if aid not in {a for a, _ in c[0]} and overlap(cw, c[1]) >= SAME_KEY_POINT), None)
        if same is not None:
            same[0].append((aid, k))
        elif len(chosen) < key_point_count(len(briefs)):
            chosen.append(([(aid, k)], cw))
    return [DossierKeyPoint(text=sources[0][1].text,
                            sources=[TextSource(article=aid, start=k.start, end=k.end, text=k.text) for aid, k in sources])
            for sources, _ in chosen]


def _texts(b: Brief) -> list[str]:
    return ([k.text for k in b.key_points] + [q.text for q in b.quotes] + [p.statement for p in b.positions]
            + [e.event for e in b.timeline])
