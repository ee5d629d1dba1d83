"""Key points: lead-biased, extractive, no headline repeat, no quote repeat."""

from __future__ import annotations

import briefdoc


def test_headline_kept_in_the_text_is_not_a_key_point():
    text = (
        "Storm Over Harbor: City Council Votes to Close the Port.\n"
        "The city council voted on Monday to close the port for two weeks after a storm damaged its piers.\n"
        "The mayor said the closure would cost the city about $3 million in lost fees.\n"
        "Shipping companies said they would reroute vessels to the northern terminal.\n"
        "Repairs are expected to begin next week, officials said.\n"
    )
    brief = briefdoc.extract(text)
    assert brief.article.title.startswith("Storm Over Harbor")
    assert all("City Council Votes" not in k.text and "Storm Over Harbor" not in k.text for k in brief.key_points)
    assert any(k.text.startswith("The city council voted") for k in brief.key_points)


def test_key_points_are_sentences_of_the_text_in_order_without_quotes():
    text = (
        "Officials in Lisbon said on Friday that the new bridge would open in May, two years late.\n"
        "“We are proud of this bridge and of the workers who built it,” the mayor said.\n"
        "The project cost 1.2 billion euros, twice the original estimate, according to the transport ministry.\n"
        "Opposition councillors have called for an inquiry into the delays.\n"
        "Traffic on the old bridge has grown by a third since 2015.\n"
    )
    brief = briefdoc.extract(text, title="Lisbon bridge to open in May")
    points = brief.key_points
    assert 3 <= len(points) <= 6
    assert [p.start for p in points] == sorted(p.start for p in points)
    assert points[0].text.startswith("Officials in Lisbon said on Friday")
    for p in points:
        assert text[p.start:p.end] == p.text
        assert not p.text.startswith("“")


def test_a_sentence_that_opens_on_a_pronoun_pointing_back_gives_way():
    text = (
        "The city council voted on Monday to close the port for two weeks after a storm damaged its piers.\n"
        "Harbour pilots warned the council last year that the northern piers were unsafe.\n"
        "His warning was repeated by engineers who inspected the piers in the spring.\n"
        "The port handles about a third of the region's grain exports.\n"
        "Repairs to the piers are expected to cost the city about $3 million.\n"
        "Shipping companies said they would reroute grain vessels to the northern terminal.\n"
        "Grain traders expect delays of a week at the northern terminal.\n"
        "The council will review the closure on Friday.\n"
    )
    points = [k.text for k in briefdoc.extract(text, title="Port closed").key_points]
    assert not any(p.startswith("His warning") for p in points)
    assert points[0].startswith("The city council voted")


def test_a_headline_inside_the_text_is_not_a_key_point():
    text = (
        "The city council voted on Monday to close the port for two weeks after a storm damaged its piers.\n"
        "Repairs to the piers are expected to cost the city about $3 million.\n"
        "Council Weighs New Fees for Shipping Lines After Storm.\n"
        "Shipping companies said they would reroute grain vessels to the northern terminal.\n"
        "NATO, the EU and the UN sent observers to the port on Tuesday.\n"
    )
    points = [k.text for k in briefdoc.extract(text, title="Port closed").key_points]
    assert "Council Weighs New Fees for Shipping Lines After Storm." not in points
    assert any(p.startswith("NATO, the EU and the UN") for p in points) or len(points) >= 3


def test_a_dateline_line_is_not_a_key_point():
    import briefdoc

    text = ("Norway cuts cod quota\n"
            "OSLO, Norway, May 4 (Wire) —\n"
            "The Norwegian government approved a new fishing quota on Thursday after months of talks.\n"
            "The quota cuts the catch of cod by a fifth from next year, the ministry said.\n"
            "Fishermen's groups said the cut would cost hundreds of jobs in the north.\n"
            "The opposition called the decision rushed and demanded a vote in parliament.\n")
    points = [k.text for k in briefdoc.extract(text).key_points]
    assert points and not any(p.startswith("OSLO") for p in points)


def test_a_dateline_before_the_first_sentence_is_left_out_of_the_key_point():
    text = ("Norway cuts cod quota\n\n"
            "OSLO, Norway, May 4 (Wire) — The Norwegian government approved a new fishing quota on Thursday.\n\n"
            "The quota cuts the catch of cod by a fifth from next year, the ministry said.\n\n"
            "BERGEN - Fishermen's groups said the cut would cost hundreds of jobs in the north.\n\n"
            "The opposition called the decision rushed and demanded a vote in parliament.\n")
    brief = briefdoc.extract(text)
    points = [k.text for k in brief.key_points]
    assert "The Norwegian government approved a new fishing quota on Thursday." in points
    assert "Fishermen's groups said the cut would cost hundreds of jobs in the north." in points
    assert all(brief.article.text[k.start:k.end] == k.text for k in brief.key_points)
    assert not any("OSLO" in p or "BERGEN" in p for p in points)
