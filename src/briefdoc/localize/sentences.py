"""Sentences: the article's text cut where a sentence ends, and translations put
together from whole-sentence translations. Deterministic and independent of the
NLP pipeline, so that a content catalog keeps working when the extractors change."""

from __future__ import annotations

import re
from functools import lru_cache

_QUOTE_CHARS = "\"'“”‘’«»„‟‹›"
_SENTENCE_END = re.compile(r"""(?<=[.!?…])[\"'”’»)\]]*(?=\s+["'“‘«(\[]?[A-Z0-9])""")
_ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Prof|Sen|Rep|Gov|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|No|vs|etc|i\.e|e\.g)|\b[A-Z])\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, paragraph by paragraph (a line
    is a paragraph); the quotation marks that close a sentence belong to it."""
    out: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        base, body = para.start(), para.group()
        start = 0
        cuts = []
        for m in _SENTENCE_END.finditer(body):
            if _ABBREVIATIONS.search(body[start:m.start()]):
                continue
            cuts.append((start, m.end()))
            start = m.end()
        cuts.append((start, len(body)))
        for s, e in cuts:
            seg = body[s:e]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg) - len(seg.rstrip())
            if seg.strip():
                out.append((base + s + lead, base + e - trail))
    return out


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (see split_sentences)."""
    return [text[s:e] for s, e in split_sentences(text)]


_LEADING_MARKS = re.compile(f"^[\\s{_QUOTE_CHARS}]+")
# Closing marks at the end, also before the sentence's final stop: Russian and
# Armenian close the quote before the full stop (»., »։), French after a space (. »).
_TRAILING_MARKS = re.compile(f"[\\s{_QUOTE_CHARS}]*[{_QUOTE_CHARS}]\\s*(?=[.!?…։]?\\s*$)")


def _strip_marks(text: str) -> str:
    """``text`` without the quotation marks that open or close it."""
    return _TRAILING_MARKS.sub("", _LEADING_MARKS.sub("", text.strip())).strip()


def compose_from_sentences(text: str, translations: dict[str, str]) -> str | None:
    """A translation of ``text`` put together from whole-sentence translations,
    when ``text`` is one sentence or several consecutive ones (quotation marks
    at the ends aside: a quote's text stands without them); None otherwise.

    ``translations`` maps each sentence's source text to its translation."""
    target = " ".join(text.split())
    if not target:
        return None
    exact = translations.get(text) or translations.get(target)
    if exact:
        return exact
    index = _sentence_index(tuple(sorted(translations.items())))
    rest = _strip_marks(target)
    parts: list[str] = []
    while rest:
        hit = None
        for src in index:
            if rest.startswith(src) and (len(rest) == len(src) or rest[len(src)] == " ") and (hit is None or len(src) > len(hit)):
                hit = src
        if hit is None:
            return None
        parts.append(index[hit])
        rest = rest[len(hit):].lstrip()
    return " ".join(parts) if parts else None


@lru_cache(maxsize=32)
def _sentence_index(items: tuple) -> dict[str, str]:
    """Sentence text without end quotation marks -> its translation, likewise
    without them (a quote's text is shown inside the locale's own marks)."""
    index: dict[str, str] = {}
    for src, tr in items:
        key = _strip_marks(" ".join(src.split()))
        if key and tr:
            index[key] = _strip_marks(tr)
    return index
