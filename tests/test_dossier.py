"""`briefdoc dossier` end to end on an invented story told by three outlets
(tests/data/dossier): different spellings of the same people, the same events on
different days of publication, one date the outlets disagree on, one person who
shares a surname with another. Real extraction, the dossier.json read back, the
PDFs read back."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefdoc.build.dossier import run_dossier
from briefdoc.model.dossierjson import load_dossier
from briefdoc.render.layouts import get as get_layout

STORY = Path(__file__).resolve().parent / "data" / "dossier"
LOCALES = ("en", "ru", "hy", "fr", "az", "ar")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("dossier")
    log = io.StringIO()
    summary = run_dossier([STORY], out_dir=out, jobs=1, stream=log)
    return out, summary, log.getvalue()


def person(dossier, first: str):
    found = [a for a in dossier.actors if a.kind == "person" and a.name.startswith(first)]
    assert len(found) == 1, (first, [a.name for a in dossier.actors])
    return found[0]


def entry(dossier, date: str):
    found = [e for e in dossier.timeline if date in e.dates]
    assert len(found) == 1, (date, [(e.dates, e.event) for e in dossier.timeline])
    return found[0]


def test_every_person_is_one_actor_and_no_two_are_merged(built):
    out, summary, _ = built
    d = load_dossier(out / "dossier.json")
    assert [a.source for a in d.articles] == ["Caucasus Wire", "Yerevan Daily", "South Caucasus Observer"]
    beridze = person(d, "Giorgi")  # "Giorgi Beridze", "Georgy Beridze", "The energy minister of Georgia, Giorgi Beridze"
    assert {s.article for s in beridze.sources} == {a.id for a in d.articles}
    assert "Georgy Beridze" in beridze.aliases
    anahit = person(d, "Anahit")  # "Anahit Sargsyan", "Anahit Sargsian", "Sargsian"
    assert {s.article for s in anahit.sources} >= {"caucasus-wire", "yerevan-daily"}
    lindqvist = person(d, "Marta")  # "Marta Lindqvist", "Lindqvist", "Marta Lindquist"
    assert {s.article for s in lindqvist.sources} == {"caucasus-wire", "south-caucasus-observer"}
    tigran = person(d, "Tigran")  # shares the surname, not the first name nor the role
    assert tigran.id != anahit.id and "Tigran" not in " ".join(anahit.aliases)
    surnames = [a.name.split()[-1] for a in d.actors if a.kind == "person"]
    assert sorted(surnames) == ["Beridze", "Lindqvist", "Sargsyan", "Sargsyan"]


def test_every_shared_event_is_one_entry_with_all_its_sources(built):
    out, _, _ = built
    d = load_dossier(out / "dossier.json")
    ids = [a.id for a in d.articles]
    # "on Monday" in Tuesday's and Wednesday's papers, "on March 11" in Friday's
    talks = entry(d, "2024-03-11")
    assert sorted(s.article for s in talks.sources) == sorted(ids) and talks.dates == ["2024-03-11"]
    # "in January" and "on January 23": one visit, on the 23rd
    visit = entry(d, "2024-01-23")
    assert sorted(s.article for s in visit.sources) == ["south-caucasus-observer", "yerevan-daily"]
    # "next month" in March, "on April 2"
    brussels = entry(d, "2024-04-02")
    assert sorted(s.article for s in brussels.sources) == ["caucasus-wire", "south-caucasus-observer"]
    # "last Thursday" (March 7) against "on March 6": both dates, each with its article
    survey = entry(d, "2024-03-07")
    assert survey.dates == ["2024-03-06", "2024-03-07"]
    assert {(s.article, s.date) for s in survey.sources} == {("caucasus-wire", "2024-03-07"), ("south-caucasus-observer", "2024-03-06")}


def test_the_same_quote_from_two_outlets_is_one_quote(built):
    out, _, _ = built
    d = load_dossier(out / "dossier.json")
    (dam,) = [q for q in d.quotes if q.text.startswith("The dam will not be built")]
    assert sorted(s.article for s in dam.sources) == ["caucasus-wire", "south-caucasus-observer"]
    assert dam.speaker == person(d, "Giorgi").id


def test_every_span_is_the_exact_text(built):
    out, _, _ = built
    data = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    texts = {a["id"]: a["text"] for a in data["articles"]}
    n = 0
    for kind, field in (("key_points", "text"), ("quotes", "text"), ("positions", "statement"), ("timeline", "expression")):
        for item in data[kind]:
            for s in item["sources"]:
                assert texts[s["article"]][s["start"]:s["end"]] == s[field]
                n += 1
    assert n > 30


def test_the_pdfs_fit_their_budget_carry_the_dossier_and_its_sources_table(built):
    out, summary, log = built
    assert sorted(p.name for p in summary.built) == sorted(f"dossier.{loc}.pdf" for loc in LOCALES)
    budget = get_layout("dossier").max_pages
    for loc in LOCALES:
        reader = PdfReader(out / f"dossier.{loc}.pdf")
        assert 1 <= len(reader.pages) <= budget, loc
        first = reader.pages[0].extract_text()
        assert "South Caucasus Observer" in first and "Yerevan Daily" in first, loc  # the sources table, page 1
        assert json.loads(reader.attachments["dossier.json"][0])["kind"] == "dossier"
    en = "".join(p.extract_text() for p in PdfReader(out / "dossier.en.pdf").pages)
    assert "Reports differ" in en and "Who is who" in en
    ru = "".join(p.extract_text() for p in PdfReader(out / "dossier.ru.pdf").pages)
    assert "Источники расходятся" in ru and "Кто есть кто" in ru
    assert "not translated into ar, az, fr, hy, ru" in log


def test_a_second_run_extracts_and_renders_nothing(built):
    out, _, _ = built
    log = io.StringIO()
    again = run_dossier([STORY], out_dir=out, jobs=1, stream=log)
    assert again.extracted == 0 and not again.built and len(again.up_to_date) == len(LOCALES)


def test_content_catalogs_are_exported_and_used(built, tmp_path):
    out, _, _ = built
    log = io.StringIO()
    run_dossier([STORY], out_dir=out, jobs=1, locales=["fr"], export_translations=True, stream=log)
    po = out / "dossier.fr.po"
    text = po.read_text(encoding="utf-8")
    assert 'msgctxt "quote"' in text and "#: caucasus-wire.txt:2 south-caucasus-observer.txt:2" in text
    title = "Georgia and Armenia agree to keep talking about the Debed dam"
    po.write_text(text.replace(f'msgctxt "title"\nmsgid "{title}"\nmsgstr ""',
                               f'msgctxt "title"\nmsgid "{title}"\nmsgstr "La Géorgie et l’Arménie continuent de discuter du barrage"'),
                  encoding="utf-8")
    summary = run_dossier([STORY], out_dir=out, jobs=1, locales=["fr", "en"], stream=log)
    assert [p.name for p in summary.built] == ["dossier.fr.pdf"]
    first = PdfReader(out / "dossier.fr.pdf").pages[0].extract_text().replace("\u2010\n", "").replace("\n", " ")
    assert "La Géorgie et l’Arménie continuent de discuter du barrage" in first


def test_the_command_line(built, tmp_path):
    out, _, _ = built
    bin_ = [sys.executable, "-m", "briefdoc"]
    schema = subprocess.run([*bin_, "schema", "--dossier"], capture_output=True, text=True)
    assert schema.returncode == 0 and json.loads(schema.stdout)["$id"].endswith("dossier-1.json")
    wrong = subprocess.run([*bin_, "dossier", str(STORY), "-o", str(tmp_path / "x"), "--layouts", "memo"],
                           capture_output=True, text=True)
    assert wrong.returncode == 2 and wrong.stderr.count("\n") == 1 and "dossier layout" in wrong.stderr
    missing = subprocess.run([*bin_, "dossier", str(tmp_path / "none.md"), "-o", str(tmp_path / "x")], capture_output=True, text=True)
    assert missing.returncode == 2 and "none.md" in missing.stderr and "Traceback" not in missing.stderr
    # an edited dossier.json is rendered as it is, under a new title
    again = subprocess.run([*bin_, "dossier", str(out / "dossier.json"), "-o", str(tmp_path / "re"), "--locales", "en",
                            "--title", "The Debed dam"], capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert "from dossier.json" in again.stderr
    assert load_dossier(tmp_path / "re" / "dossier.json").title == "The Debed dam"
    assert "The Debed dam" in PdfReader(tmp_path / "re" / "dossier.en.pdf").pages[0].extract_text()


def test_build_leaves_dossier_layouts_out_unless_named():
    from briefdoc.build.batch import _choose

    names = [lay.name for lay in _choose(None, None, (), {})[0]]
    assert "dossier" not in names and {"brief", "memo", "handout"} <= set(names)
    assert [lay.name for lay in _choose(["dossier"], ["en"], (), {})[0]] == ["dossier"]


def test_worker_processes_render_the_same_bytes(built, tmp_path):
    out, _, _ = built
    summary = run_dossier([STORY], out_dir=tmp_path, jobs=2, locales=["en", "ar", "hy"], stream=io.StringIO())
    assert len(summary.built) == 3
    for loc in ("en", "ar", "hy"):
        assert (tmp_path / f"dossier.{loc}.pdf").read_bytes() == (out / f"dossier.{loc}.pdf").read_bytes(), loc
