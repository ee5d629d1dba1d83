"""Hard-wrapped articles (e-mail, wire copy) read as their paragraphs, with exact provenance."""

import datetime as dt
import textwrap

import briefdoc
from briefdoc.extractors._wrapping import unwrap

PARAGRAPHS = [
    "Finance ministers from the eurozone agreed on Monday to extend the emergency credit line for "
    "another six months, ending weeks of uncertainty over the fate of the rescue programme.",
    "“We have bought time, but time is not a solution,” said Elena Marchetti, the Italian finance "
    "minister, after talks that ran past midnight in Brussels.",
    "Her Dutch counterpart, Pieter de Vries, said the decision was a mistake and warned that voters "
    "would not accept another extension without reforms in return.",
    "The agreement must still be approved by national parliaments, which are expected to vote by "
    "the end of March, officials said.",
    "- a list item that is short",
    "- another list item",
]


def one_per_line(sep: str = "\n\n") -> str:
    return sep.join(PARAGRAPHS) + "\n"


def wrapped(sep: str = "\n\n", width: int = 70) -> str:
    return sep.join(textwrap.fill(p, width) for p in PARAGRAPHS) + "\n"


def test_unwrap_joins_the_lines_of_each_paragraph_and_keeps_offsets():
    for sep in ("\n\n", "\n"):
        text = wrapped(sep)
        out = unwrap(text)
        assert len(out) == len(text)
        assert [line for line in out.split("\n") if line.strip()] == PARAGRAPHS
        assert all(a == b or (a == "\n" and b == " ") for a, b in zip(text, out))


def test_text_written_one_paragraph_per_line_is_left_alone():
    for sep in ("\n\n", "\n"):
        text = one_per_line(sep)
        assert unwrap(text) == text
    # short paragraphs, one per line, each a sentence: not a wrapped text either
    short = "".join(f"Line number {i} is a whole sentence of its own.\n" for i in range(12))
    assert unwrap(short) == short


def test_wrapped_article_extracts_as_the_unwrapped_one_with_exact_spans():
    text, plain = wrapped(), one_per_line()
    ours, theirs = briefdoc.extract(text, published=dt.date(2024, 3, 5)), briefdoc.extract(plain, published=dt.date(2024, 3, 5))
    assert [(q.start, q.end, q.speaker, q.direct) for q in ours.quotes] == \
        [(q.start, q.end, q.speaker, q.direct) for q in theirs.quotes]
    assert [(k.start, k.end) for k in ours.key_points] == [(k.start, k.end) for k in theirs.key_points]
    assert [(e.date, e.event_start, e.event_end) for e in ours.timeline] == \
        [(e.date, e.event_start, e.event_end) for e in theirs.timeline]
    # the items quote the article as written, line breaks included
    for q in ours.quotes:
        assert text[q.start:q.end] == q.text
    assert any("\n" in q.text for q in ours.quotes)
    speakers = {q.speaker for q in ours.quotes}
    assert {"elena-marchetti", "pieter-de-vries"} <= speakers
