"""The learned attribution models (extractors/_learned.py, weights in attribution.json.gz).

Expected items below are what a reader would mark as attributed content in each sentence, written by
hand; the sentences are made up (not from any evaluation corpus).
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

import pytest

from briefdoc.extractors import _learned

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _quotes(text):
    from briefdoc.extractors import nlp
    from briefdoc.extractors import actors, quotes

    doc = nlp.parse(text)
    return [q for q, _ in quotes.attributions(doc, actors.find(doc))]


def test_weights_ship_in_the_package_and_are_sane():
    raw = _learned.MODEL_PATH.read_bytes()
    assert raw[:2] == b"\x1f\x8b"  # gzip
    m = json.loads(gzip.decompress(raw))
    assert set(m) >= {"cue", "content", "source", "threshold"}
    assert 0.1 <= m["threshold"] <= 0.9  # on cue score x content score
    # lexical knowledge, not a corpus: a few tens of thousands of rounded weights, under 1 MB compressed
    assert 1_000 < len(m["cue"]) < 150_000 and len(raw) < 1_000_000
    assert all(isinstance(v, float) and abs(v) < 50 for v in m["cue"].values())
    # the model knows speech verbs are cues and prepositions mostly are not
    assert m["cue"].get("L=say", 0) > 0
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "attribution.json.gz" in pyproject  # shipped as package data


@pytest.mark.parametrize(
    "text, cue, speaker_text, content",
    [
        ("Senator Maria Lopez took aim at the administration's trade policy on Monday.",
         "took", "Maria Lopez", "the administration's trade policy"),
        ("Most economists expect the central bank to raise interest rates in March.",
         "expect", "Most economists", "the central bank to raise interest rates in March"),
    ],
)
def test_attributions_without_a_speech_verb(text, cue, speaker_text, content):
    found = [q for q in _quotes(text) if not q.direct]
    assert len(found) == 1
    q = found[0]
    assert q.cue == cue and q.text == content == text[q.start:q.end]
    assert text[q.speaker_start:q.speaker_end] == speaker_text


def test_a_subject_inside_the_content_is_not_its_source():
    text = "The opposition leader seemed unconvinced by the government's promises."
    found = [q for q in _quotes(text) if not q.direct]
    assert len(found) == 1
    q = found[0]
    assert q.cue == "seemed"
    assert "opposition leader" in q.text and "promises" in q.text
    assert q.speaker is None and q.speaker_start is None  # the writer's impression, no named source


def test_the_owner_of_a_learned_noun_cue_is_its_source():
    text = "Anna Berg arrived on Monday.\n\nBerg's opposition to the harbor plan surprised the council.\n"
    found = [q for q in _quotes(text) if q.cue == "opposition"]
    assert [(q.text, q.speaker, text[q.speaker_start:q.speaker_end]) for q in found] == [
        ("the harbor plan", "anna-berg", "Berg")]
    # no owner: no source
    text = "Anna Berg arrived on Monday.\n\nThe opposition to the harbor plan grew in May.\n"
    assert [q.speaker for q in _quotes(text) if q.cue == "opposition"] in ([], [None])


@pytest.mark.parametrize("text", [
    "The bridge was built in 1932 and carries 40,000 cars a day.",
    "Heavy rain flooded the valley on Tuesday, and the river rose two meters.",
    "The company opened a new factory in Ohio and hired 300 workers.",
    "She was elected mayor in 2019 after two terms on the city council.",
])
def test_plain_facts_are_not_attributions(text):
    assert _quotes(text) == []


def test_learned_items_never_reuse_a_cue_or_overlap_the_rules():
    text = ("“We will not accept checkpoints,” the minister said on Tuesday. He accused the neighbours of "
            "stalling, and analysts expect the talks to resume in March. Officials took aim at the plan.")
    found = _quotes(text)
    spans = sorted((q.start, q.end) for q in found)
    for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
        assert a1 <= b0, f"overlapping items {text[a0:a1]!r} / {text[b0:b1]!r}"
    cues = [(q.cue, q.start) for q in found]
    assert len({c for c, _ in cues if c}) == len([c for c, _ in cues if c])
    assert all(text[q.start:q.end] == q.text for q in found)


def test_fit_learns_a_separable_rule():
    spec = importlib.util.spec_from_file_location("train_attribution", ROOT / "scripts" / "train_attribution.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    data = [(["b", "L=say"], 1)] * 40 + [(["b", "L=build"], 0)] * 40 + [(["b", "L=claim"], 1)] * 5 + [(["b", "L=eat"], 0)] * 5
    w = mod.fit(data, epochs=4)
    assert _learned.score(w, ["b", "L=say"]) > 0.9
    assert _learned.score(w, ["b", "L=build"]) < 0.1
    assert _learned.score(w, ["b", "L=claim"]) > 0.5 > _learned.score(w, ["b", "L=eat"])
    assert mod.fit(data, epochs=4) == w  # deterministic


def _parse(text):
    from briefdoc.extractors import nlp
    from briefdoc.extractors import actors, quotes

    doc = nlp.parse(text)
    cast = actors.find(doc)
    return doc, cast, quotes._Ctx(doc, cast)


def test_animacy_tells_people_and_documents_from_things():
    from briefdoc.extractors import quotes

    doc, cast, ctx = _parse("Anna Berg arrived on Monday. Voters think the plan is dead, the report shows, "
                            "and the river rose.")
    word = {t.text: t for t in doc}
    assert quotes._animacy(ctx, word["Berg"]) == "person"
    assert quotes._animacy(ctx, word["Voters"]) == "people"
    assert quotes._animacy(ctx, word["report"]) == "document"
    assert quotes._animacy(ctx, word["river"]) == "thing"
    # the cue model sees who the subject is, alone and with the cue's lemma
    f = _learned.cue_features(word["rose"], cast.mention_at, False, lambda t: quotes._animacy(ctx, t))
    assert "SA=thing" in f and "LSA=rise|thing" in f
    f = _learned.source_features(word["think"], word["Voters"], 0, 0, lambda t: quotes._animacy(ctx, t))
    assert "SA=people" in f and "ISA=out|people" in f


def test_a_cue_needs_a_content_the_content_model_likes(monkeypatch):
    text = "Senator Maria Lopez took aim at the harbor plan on Monday."
    base = {"cue": {"L=take": 12.0, "b": -8.0}, "source": {"b": 5.0}, "threshold": 0.5}
    # the threshold applies to cue score x best content score: a sure cue with no likely content is dropped
    monkeypatch.setattr(_learned, "model", lambda: {**base, "content": {"b": -3.0}})
    assert [q for q in _quotes(text) if not q.direct] == []
    monkeypatch.setattr(_learned, "model", lambda: {**base, "content": {"b": 1.0, "K=oprep:at": 4.0, "K=prep:at": 4.0}})
    assert [(q.cue, q.text) for q in _quotes(text) if not q.direct] == [("took", "the harbor plan")]


@pytest.mark.parametrize("text, cue, dropped", [
    ("Senator Ruth Okoye was proud of the new farm bill.", "was", True),
    ("Senator Ruth Okoye answered questions about the new farm bill.", "answered", True),
    ("Senator Ruth Okoye raised questions about the new farm bill.", "raised", False),
    ("The new farm bill covered the harbor.", "covered", False),
    ("The proposal covered the harbor.", "covered", True),
    ("Norway was to host the talks in May.", "was", True),
])
def test_contents_that_are_not_the_subjects_own(text, cue, dropped):
    from briefdoc.extractors import quotes

    doc, cast, ctx = _parse(text)
    v = next(t for t in doc if t.text == cue)
    obj = max((k for k in v.subtree if k.i > v.i and k.dep_ == "pobj"), key=lambda k: k.i, default=None)
    x = next((k for k in v.children if k.dep_ == "xcomp"), None)
    if v.lemma_ == "be" and x is not None:
        lo, hi = x.left_edge.i, x.right_edge.i + 1
    elif v.lemma_ == "be":
        lo, hi = obj.left_edge.i, obj.right_edge.i + 1
    else:
        o = next(k for k in v.children if k.dep_ == "dobj")
        lo, hi = o.left_edge.i, o.right_edge.i + 1
    assert quotes._not_own_content(v, quotes._subject(ctx, v), lo, hi) is dropped


def test_the_cue_model_trains_only_on_words_the_rules_leave():
    spec = importlib.util.spec_from_file_location("train_attribution", ROOT / "scripts" / "train_attribution.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    doc, cast, _ = _parse("The minister said the talks would resume. Analysts expect a deal in March.")
    seen = mod._rule_cues(doc, cast)
    word = {t.text: t for t in doc}
    assert word["said"].idx in seen
    assert word["resume"].idx not in seen
