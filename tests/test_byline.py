"""Headlines and the lines at an article's head that are none (bylines, credits, agency and date lines).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from briefdoc.read.article import parse
from briefdoc.read.byline import headline, is_credit

BODY = ("OTTAWA — The federal government said on Tuesday that it would extend the rental program for two more "
        "years, citing strong demand from tenants in every province.\nThe minister spoke in Ottawa.\n")


@pytest.mark.parametrize("line", [
    "By Tom Reyes and Ana Silva",
    "By JANE ROE",
    "BY Jane Roe in Kyiv",
    "Maria Novak, The Canadian Press",
    "Jane Roe | Reuters | 28.02.2023",
    "Staff and agencies",
    "With agencies",
    "Associated Press",
    "Reuters",
    "The Associated Press",
    "Pedro Alves, Washington Post Staff Writer",
])
def test_credit_lines(line):
    assert is_credit(line)


@pytest.mark.parametrize("line", [
    "Lavrov, Bayramov Meet in Baku",
    "Trump, Clinton Spar On Fox News",
    "Putin Meets Xi, Says State TV",
    "By Sunday, the ceasefire had collapsed.",
    "Council votes to close the old bridge",
    "Press freedom groups condemn the arrests",
])
def test_headlines_are_not_credits(line):
    assert not is_credit(line)


@pytest.mark.parametrize("head,title,source", [
    # a byline or credit first, then the article: no headline; the outlet a credit names is the source
    ("Maria Novak, The Canadian Press\n", "", "The Canadian Press"),
    ("By Tom Reyes and Ana Silva\n", "", None),
    ("With agencies\n", "", None),
    ("Staff and agencies\n", "", None),
    # a headline before or after the credit and date lines is the title
    ("Rent program extended\nBy Tom Reyes\n", "Rent program extended", None),
    ("Associated Press\nPublished: 28 February 2023\nRent program extended\n", "Rent program extended",
     "Associated Press"),
    ("Jane Roe | Reuters | 28.02.2023\nRent program extended\n", "Rent program extended", "Reuters"),
])
def test_headline_and_source(head, title, source):
    assert headline(head + BODY) == (title, source)
    article = parse(head + BODY, "x.txt")
    assert (article.title, article.source) == (title, source)


def test_front_matter_wins_over_the_credit_line():
    article = parse("---\ntitle: Rents\nsource: Daily Ledger\n---\nMaria Novak, The Canadian Press\n" + BODY, "x.md")
    assert (article.title, article.source) == ("Rents", "Daily Ledger")


def test_a_long_headline_is_cut_and_a_first_paragraph_is_none():
    long_head = "Representatives " + "of extraordinarily influential international organisations " * 4 + "meet"
    title, _ = headline(long_head + "\n" + BODY)
    assert title.endswith("…") and len(title) <= 121
    assert headline(BODY.split("\n", 1)[0] + "\nMore text.\n") == ("", None)


def test_a_layout_says_when_there_is_no_headline():
    import briefdoc

    article = parse("By Tom Reyes and Ana Silva\n" + BODY, "x.txt")
    brief = briefdoc.extract(article.text, published=None, title=article.title)
    assert brief.article.title == ""
    for layout in ("brief", "memo", "handout"):
        html = briefdoc.render_brief(brief, layout=layout, locale="fr", format="html")
        assert "Sans titre" in html and "Tom Reyes" not in html.split("<h1>", 1)[1].split("</h1>", 1)[0]
        assert "<title>Sans titre</title>" in html
