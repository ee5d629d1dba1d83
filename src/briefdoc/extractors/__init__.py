"""Extraction: an article's text to a Brief.

Each submodule finds one kind of thing in a parsed spaCy Doc and returns typed
items that carry their source spans; this module only composes them. (The stage
is named ``extractors``, not ``extract``: a subpackage ``briefdoc.extract`` would
replace the public function ``briefdoc.extract()`` the moment it is imported.)
"""

from __future__ import annotations

import datetime as dt

from ..model.brief import Article, Brief


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
    doc = nlp.parse(unwrapped)
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


def _first_line(text: str) -> str:
    line = text.strip().split("\n", 1)[0].strip()
    return line if len(line) <= 120 else line[:120].rsplit(" ", 1)[0] + "…"
