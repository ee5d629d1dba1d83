"""The spaCy pipeline loads without spaCy's command-line package, which stays importable."""

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_pipeline_loads_without_the_cli_and_parses():
    words = run(
        "import sys\n"
        "from briefdoc.extractors import nlp\n"
        "doc = nlp.parse('The minister said that talks would resume.')\n"
        "print(*[t.dep_ for t in doc])\n"
        "print('weasel' in sys.modules, any(m.startswith('spacy.cli') for m in sys.modules))\n")
    assert words[:3] == ["det", "nsubj", "ROOT"]
    assert words[-2:] == ["False", "False"]


def test_spacy_cli_and_info_still_work_afterwards():
    words = run(
        "from briefdoc.extractors import nlp\n"
        "nlp.pipeline()\n"
        "import spacy, spacy.cli\n"
        "from spacy.cli.download import download\n"
        "print(callable(download), spacy.cli.info.__module__, isinstance(spacy.info(), dict))\n")
    assert words == ["True", "spacy.cli.info", "True"]


def test_stored_tokenizer_is_the_pipeline_s_own():
    """The pipeline's tokenizer, built empty and filled from the pipeline's folder, has
    the same rules and patterns as spaCy's usual load, and splits text the same way."""
    import importlib

    from briefdoc.extractors import nlp

    ours = nlp.pipeline().tokenizer
    assert ours is not None and nlp.pipeline().config["nlp"]["tokenizer"]["@tokenizers"] == nlp.STORED_TOKENIZER
    usual = importlib.import_module(nlp.MODEL).load().tokenizer
    assert ours.rules == usual.rules and len(ours.rules) > 1000
    for attr in ("prefix_search", "suffix_search", "infix_finditer", "url_match"):
        assert getattr(ours, attr).__self__.pattern == getattr(usual, attr).__self__.pattern, attr
    assert ours.token_match is usual.token_match is None and ours.faster_heuristics == usual.faster_heuristics
    text = ("Don't split U.S. or e-mail; (Mr. O'Neil's) 3.5% rise, “quoted,” "
            "https://example.org/a?b=1 and 10km/h... 9:30 a.m. Jan. 5th, can't won't y'all!")
    assert [(t.text, t.whitespace_) for t in ours(text)] == [(t.text, t.whitespace_) for t in usual(text)]


def test_a_long_text_is_parsed_in_paragraph_batches_into_one_doc():
    from briefdoc.extractors import nlp

    paragraph = "The minister said on Tuesday that the talks would resume. Officials declined to comment.\n\n"
    text = paragraph * (nlp.WHOLE_CHARS // len(paragraph) + 40)
    pieces = nlp.paragraph_batches(text)
    assert "".join(pieces) == text and len(pieces) > 1
    assert all(p.endswith("\n\n") for p in pieces[:-1])  # cut only between paragraphs
    doc = nlp.parse(text)
    assert doc.text == text
    starts = {s.start_char for s in doc.sents}
    assert all(i in starts for i in range(0, len(text), len(paragraph)))  # every paragraph starts a sentence
    assert {e.text for e in doc.ents} == {e.text for e in nlp.parse(paragraph).ents}


def test_a_paragraph_too_long_to_parse_whole_is_cut_after_a_sentence_or_a_space():
    from briefdoc.extractors import nlp

    sentence = "The minister said on Tuesday that the talks would resume. "
    text = sentence * (3 * nlp.BATCH_CHARS // len(sentence))  # one paragraph, no line break
    pieces = nlp.paragraph_batches(text)
    assert "".join(pieces) == text and len(pieces) >= 3
    assert all(len(p) <= nlp.BATCH_CHARS and p.endswith("resume. ") for p in pieces[:-1])
    words = "word " * nlp.BATCH_CHARS  # no sentence end: cut after a space, never inside a word
    pieces = nlp.paragraph_batches(words)
    assert "".join(pieces) == words and all(p.endswith(" ") and len(p) <= nlp.BATCH_CHARS for p in pieces[:-1])
    blob = "x" * (2 * nlp.BATCH_CHARS + 5)  # no space at all: cut at the size
    assert [len(p) for p in nlp.paragraph_batches(blob)] == [nlp.BATCH_CHARS, nlp.BATCH_CHARS, 5]
    doc = nlp.parse(text)
    assert doc.text == text and len(list(doc.sents)) >= text.count(". ")


def test_an_article_past_the_reading_limit_is_briefed_to_that_paragraph_with_a_warning(monkeypatch):
    import warnings

    import pytest

    import briefdoc
    from briefdoc import extractors

    monkeypatch.setattr(extractors, "MAX_TOKENS", 40)
    # 14 words, 19 words and marks; two of them end at the 38th, and the 40th is in the first "later"
    first = "Lavrov said on Tuesday that the talks would resume. “We are ready,” he said.\n\n"
    later = "Bayramov said on Wednesday that the road would stay closed.\n\n"  # 10 words
    text = first * 2 + later * 3
    read = 2 * len(first) + len(later) - 2  # to the end of paragraph 3
    with pytest.warns(extractors.LengthWarning, match=r"first 38 words of 58 \(to paragraph 3\)"):
        brief = briefdoc.extract(text)
    assert brief.quotes and all(text[q.start:q.end] == q.text for q in brief.quotes)
    assert all(q.end <= read for q in brief.quotes) and any(q.start > 2 * len(first) for q in brief.positions + brief.quotes)
    assert brief.article.text == text  # the article itself is whole
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # under the limit: no warning
        assert briefdoc.extract(first * 2).quotes
