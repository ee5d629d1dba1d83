"""Extraction: an article's text to a Brief.

Each submodule finds one kind of thing in a parsed spaCy Doc and returns typed
items that carry their source spans; this module only composes them. (The stage
is named ``extractors``, not ``extract``: a subpackage ``briefdoc.extract`` would
replace the public function ``briefdoc.extract()`` the moment it is imported.)
"""

from __future__ import annotations

import datetime as dt
import re
import warnings

from ..model.brief import Article, Brief

# The most an article is read for its brief, in words and punctuation marks (spaCy's tokens,
# nearly): 125,000 hold a 100,000-word report (about 35 CPU-s, bench/long_articles.py). An
# article may have 2 MB of text (ARTICLE_LIMIT), which would take minutes: past this, the brief
# is made from the paragraphs up to it, with a warning (LengthWarning).
MAX_TOKENS = 125_000
_TOKEN = re.compile(r"\w+|[^\w\s]")


class LengthWarning(UserWarning):
    """The article is longer than briefdoc reads for one brief (MAX_TOKENS)."""


def extract(
    text: str,
    *,
    published: dt.date | None = None,
    title: str | None = None,
    article: Article | None = None,
) -> Brief:
    """Extract the structured summary of ``text``.

    ``published`` anchors relative dates ("last month", "Tuesday"); without it
    they stay underspecified and are left out of the timeline.
    """
    # The extractors load here, not when the package is imported: read/ imports the
    # temporal tagger (timex) alone, without compiling every extractor's patterns.
    from . import _wrapping, actors, keypoints, nlp, positions, quotes, timeline

    if article is None:
        article = Article(title=_first_line(text) if title is None else title, published=published, text=text)
    # A hard-wrapped text is parsed with its paragraphs on one line each (same offsets);
    # the items then quote the article as written, line breaks and all.
    unwrapped = _wrapping.unwrap(article.text)
    doc = nlp.parse(unwrapped[:_read_to(unwrapped)])
    cast = actors.find(doc)
    found_quotes, attributed = quotes.split(doc, cast)
    found_positions = positions.find(doc, cast, attributed)
    events = timeline.build(doc, article.published, cast)
    points = keypoints.pick(doc, found_quotes, title=article.title)
    if unwrapped != article.text:
        text = article.text
        for item in (*points, *found_quotes):
            item.text = text[item.start:item.end]
        for p in found_positions:
            p.statement = text[p.start:p.end]
        for e in events:
            e.expression, e.event = text[e.start:e.end], text[e.event_start:e.event_end]
            if e.sentence_parts:
                e.sentence = " ".join(text[p.start:p.end] for p in e.sentence_parts)
    return Brief(
        article=article,
        key_points=points,
        actors=cast.used(attributed, found_positions),  # who the text attributes anything to
        quotes=found_quotes,
        positions=found_positions,
        timeline=events,
    )


def _read_to(text: str) -> int:
    """Where the brief's reading of ``text`` stops: its end, or, past MAX_TOKENS, the end of the
    paragraph holding the last one read (of that word, when the paragraph runs on), with a
    LengthWarning saying how much is briefed."""
    last = None
    for n, match in enumerate(_TOKEN.finditer(text), 1):
        if n == MAX_TOKENS:
            last = match
            break
    if last is None or not _TOKEN.search(text, last.end()):
        return len(text)
    end = text.find("\n", last.end())
    cut = end if 0 <= end - last.end() <= 2_000 else last.end()
    words, total = len(text[:cut].split()), len(text.split())
    warnings.warn(LengthWarning(
        f"the article is longer than one brief reads ({MAX_TOKENS:,} words and marks): the brief covers its first "
        f"{words:,} words of {total:,} (to paragraph {_paragraphs(text[:cut]):,}); split it to brief the rest"),
        stacklevel=3)
    return cut


def _paragraphs(text: str) -> int:
    return sum(1 for line in text.split("\n") if line.strip())


def _first_line(text: str) -> str:
    line = text.strip().split("\n", 1)[0].strip()
    return line if len(line) <= 120 else line[:120].rsplit(" ", 1)[0] + "…"
