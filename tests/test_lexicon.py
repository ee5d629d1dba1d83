"""The extractors' data files: every one loads, none lists a word twice."""

from __future__ import annotations

import pytest

from briefdoc.extractors import lexicon


def test_every_data_file_loads_without_duplicates():
    names = lexicon.names()
    assert names, "no data files under briefdoc/extractors/data/en"
    for name in names:
        assert lexicon.ordered(name), f"{name}.txt is empty"


def test_a_word_listed_twice_is_an_error():
    with pytest.raises(lexicon.LexiconError, match=r"x.txt: 'say' is listed twice"):
        lexicon.parse("say\ntell  # a comment\n\nsay\n", "x.txt")


def test_a_key_listed_twice_in_a_table_is_an_error():
    with pytest.raises(lexicon.LexiconError, match="'jan' is listed twice"):
        lexicon.parse("jan | 1\nfeb | 2\njan | 1\n", "months.txt")


def test_comments_blank_lines_and_fields():
    assert lexicon.parse("# heading\n\nsay  # the commonest\ntell\n", "x") == ("say", "tell")
    assert lexicon.parse("jan | 1\n", "x") == ("jan | 1",)
