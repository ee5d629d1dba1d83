"""Content translation: exporting a brief's content as a PO catalog, finding and
using a translated catalog (beside the brief, or --translations), fallbacks that
are marked and reported, --use-fuzzy, --require-complete, the seed's shipped
catalogs, and PDFs rendered in every locale read back."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from briefdoc.localize import content as content_mod
from briefdoc.localize import translator
from briefdoc.render import layouts
from briefdoc.model.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_3362ed2f4686983c.md"
LOCALES = ["ru", "hy", "fr", "az", "ar"]
KINDS = {"title", "key point", "actor", "actor title", "position", "quote", "event"}


def _read_po(path: Path):
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        return read_po(fh)


def _cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "briefdoc", *map(str, args)], capture_output=True, text=True, cwd=cwd)


# --- export --------------------------------------------------------------------------

def test_export_has_every_item_with_kind_and_reference(seed_brief):
    catalog = content_mod.export_catalog(seed_brief, "ru")
    entries = {(m.context, m.id): m for m in catalog if m.id}
    assert {ctx for ctx, _ in entries} == KINDS
    assert str(catalog.locale) == "ru" and catalog.num_plurals == 3
    for item in content_mod.content_items(seed_brief):
        m = entries[(item.kind, item.text)]
        assert m.string == ""
    q = entries[("quote", seed_brief.quotes[0].text)]
    assert q.locations == [("article.txt", 3)]
    assert any(c.startswith("Quote by Sergey Lavrov") for c in q.auto_comments)
    assert entries[("actor title", "Prime Minister")].auto_comments[0] == "Title of Nikol Pashinyan."
    # no sentences unless asked
    assert not any(ctx == "sentence" for ctx, _ in entries)


def test_export_with_sentences_and_quoted_passages(seed_brief):
    catalog = content_mod.export_catalog(seed_brief, "fr", sentences=True)
    sentences = [m for m in catalog if m.context == "sentence"]
    assert len(sentences) == 30
    assert sum(1 for m in catalog if m.context == "quote") >= len(seed_brief.quotes)


def test_merging_an_export_keeps_translations(seed_brief, tmp_path):
    from briefdoc.localize import pofiles

    first = content_mod.export_catalog(seed_brief, "ru")
    first.get("The blockade has still not been lifted.", context="key point").string = "Блокада до сих пор не снята."
    result = pofiles.merge(first, content_mod.export_catalog(seed_brief, "ru"))
    assert first.get("The blockade has still not been lifted.", context="key point").string == "Блокада до сих пор не снята."
    assert not result.changed and result.unchanged == len([m for m in first if m.id])


def test_cli_export_round_trip(seed_brief_json, tmp_path):
    out = tmp_path / "seed.hy.po"
    run = _cli("translate", "export", seed_brief_json, "--locale", "hy", "-o", out)
    assert run.returncode == 0, run.stderr
    catalog = _read_po(out)
    assert str(catalog.locale) == "hy"
    assert catalog.get("Sergey Lavrov", context="actor") is not None
    assert not any(m.context == "sentence" for m in catalog)  # a brief JSON: its items only
    run = _cli("translate", "export", seed_brief_json, "--locale", "xx")
    assert run.returncode == 2 and run.stderr.count("\n") == 1


# --- finding and using a catalog -------------------------------------------------------

@pytest.fixture()
def brief_dir(tmp_path, seed_brief_json):
    """A folder holding seed.json and its Russian catalog with a few translations."""
    brief = tmp_path / "seed.json"
    shutil.copy(seed_brief_json, brief)
    return tmp_path


def _catalog_with(brief, locale, path, translations: dict, fuzzy=()):
    from briefdoc.model.briefjson import load_brief

    catalog = content_mod.export_catalog(load_brief(brief), locale)
    for (kind, text), value in translations.items():
        m = catalog.get(text, context=kind)
        m.string = value
        if (kind, text) in fuzzy:
            m.flags.add("fuzzy")
    content_mod.write_catalog(catalog, path)


def test_catalog_beside_the_brief_is_found_and_fr_ca_uses_fr(brief_dir, seed_brief):
    brief = brief_dir / "seed.json"
    _catalog_with(brief, "fr", brief_dir / "seed.fr.po", {("key point", "The blockade has still not been lifted."): "Le blocus n’a toujours pas été levé."})
    for locale in ("fr", "fr_CA"):
        tr = content_mod.translator_for(seed_brief, locale, brief)
        assert tr.catalog_path == brief_dir / "seed.fr.po"
        assert tr("key point", "The blockade has still not been lifted.") == "Le blocus n’a toujours pas été levé."
    assert content_mod.translator_for(seed_brief, "ru", brief).catalog_path is None


def test_fuzzy_entries_only_when_asked(brief_dir, seed_brief):
    brief = brief_dir / "seed.json"
    key = ("actor", "Sergey Lavrov")
    _catalog_with(brief, "ru", brief_dir / "seed.ru.po", {key: "Сергей Лавров"}, fuzzy={key})
    assert not content_mod.translator_for(seed_brief, "ru", brief)(*key).translated
    tr = content_mod.translator_for(seed_brief, "ru", brief, use_fuzzy=True)
    assert tr(*key) == "Сергей Лавров" and tr.fuzzy_used == 1


def test_require_complete_names_locale_count_and_first_item(brief_dir, seed_brief):
    brief = brief_dir / "seed.json"
    _catalog_with(brief, "ru", brief_dir / "seed.ru.po", {("actor", "Sergey Lavrov"): "Сергей Лавров"})
    with pytest.raises(translator.MissingTranslationError) as err:
        content_mod.translator_for(seed_brief, "ru", brief, require_complete=True)
    message = str(err.value)
    assert err.value.exit_code == 2 and "\n" not in message
    assert re.match(r"ru: \d+ of \d+ content items have no translation in .*seed\.ru\.po; first: title 'Lavrov: no checkpoints", message)


def test_catalog_for_another_language_is_refused(brief_dir, seed_brief):
    brief = brief_dir / "seed.json"
    _catalog_with(brief, "fr", brief_dir / "other.po", {})
    with pytest.raises(InputError, match="a catalog for fr, not ru"):
        content_mod.translator_for(seed_brief, "ru", brief, translations=brief_dir / "other.po")


def test_broken_catalog_is_one_line_error(brief_dir, seed_brief):
    bad = brief_dir / "bad.po"
    bad.write_text("this is not a PO file\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a valid PO catalog"):
        content_mod.translator_for(seed_brief, "ru", None, translations=bad)
    with pytest.raises(InputError, match="no such content catalog"):
        content_mod.translator_for(seed_brief, "ru", None, translations=brief_dir / "missing.po")


def test_coverage_counts_sentence_compositions_and_cldr(brief_dir, seed_brief):
    cov = content_mod.coverage(seed_brief, "ru", brief_dir / "seed.json")
    # no catalog: only the countries (CLDR) are translated
    countries = sum(1 for a in seed_brief.actors if a.kind == "country")
    assert cov.translated == countries and cov.catalog is None
    assert content_mod.coverage(seed_brief, "en", None).percent == 100.0


# --- the seed's shipped catalogs -------------------------------------------------------

@pytest.mark.parametrize("locale", LOCALES)
def test_seed_catalog_is_complete_for_the_hand_made_brief(seed_brief, locale):
    path = SEED.with_name(f"{SEED.stem}.{locale}.po")
    catalog = _read_po(path)
    assert str(catalog.locale) == locale
    assert not any(m.fuzzy for m in catalog if m.id)
    sentences = [m for m in catalog if m.context == "sentence"]
    assert len(sentences) == 30 and all(m.string for m in sentences)
    cov = content_mod.coverage(seed_brief, locale, SEED)
    assert cov.missing == [] and cov.percent == 100.0


def test_seed_catalogs_cover_what_the_extractor_finds_now():
    """`make brief` gives fully translated briefs: every item of the seed's real
    extraction has a translation in every shipped locale (after an extractor
    change: 'briefdoc translate update SEED', then translate what is fuzzy or new)."""
    from briefdoc.pipeline import brief_from

    brief = brief_from(SEED)
    for locale in LOCALES:
        cov = content_mod.coverage(brief, locale, SEED)
        assert cov.missing == [], (locale, cov.missing[:3])


def test_seed_translations_use_the_agreed_terms():
    terms = {"ru": "Лачинск", "hy": "Լաչինի միջանցք", "fr": "corridor de Latchine", "az": "Laçın dəhliz", "ar": "ممر لاتشين"}
    for locale, term in terms.items():
        text = SEED.with_name(f"{SEED.stem}.{locale}.po").read_text(encoding="utf-8")
        assert text.count(term) > 10, locale
    fr = SEED.with_name(f"{SEED.stem}.fr.po").read_text(encoding="utf-8")
    assert "«\u00a0" in fr and "« " not in fr  # no-break spaces inside French guillemets


# --- PDFs in every locale, read back ---------------------------------------------------

SCRIPTS = {"ru": "CYRILLIC", "hy": "ARMENIAN", "ar": "ARABIC", "fr": "LATIN", "az": "LATIN", "en": "LATIN"}
DATES = {"en": "February 28, 2023", "ru": "28 февраля 2023 г.", "hy": "2023 թ. փետրվարի 28", "fr": "28 février 2023",
         "az": "28 fevral 2023", "ar": "28 فبراير 2023"}


def _letters_by_script(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            script = unicodedata.name(ch, "?").split()[0]
            counts[script] = counts.get(script, 0) + 1
    return counts


@pytest.fixture(scope="module")
def pdfs(seed_brief, tmp_path_factory):
    from briefdoc.render.pdf import render_pdf

    folder = tmp_path_factory.mktemp("pdfs")
    lay = layouts.get("brief")
    out = {}
    for locale in ["en", *LOCALES]:
        tr = content_mod.translator_for(seed_brief, locale, SEED)
        path = folder / f"brief.{locale}.pdf"
        path.write_bytes(render_pdf(seed_brief, lay, locale, content=tr))
        out[locale] = (path, tr)
    return out


def _pypdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _pdftext(path: Path) -> str:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"[ \u00a0\u202f]+", " ", text)


@pytest.mark.slow
@pytest.mark.parametrize("locale", ["en", *LOCALES])
def test_pdf_language_script_and_date(pdfs, locale):
    from pypdf import PdfReader

    path, tr = pdfs[locale]
    assert str(PdfReader(path).trailer["/Root"]["/Lang"]) == locale
    text = _pdftext(path)
    if locale == "ar":
        # pdftotext and pypdf give Arabic lines in visual pieces; the date's parts share a line
        lines = _pypdf_text(path).splitlines()
        assert any("28" in line and "فبراير" in line and "2023" in line for line in lines)
    else:
        assert DATES[locale] in text
    counts = _letters_by_script(text)
    main = max(counts, key=counts.get)
    assert main == SCRIPTS[locale], counts
    assert tr.missing == [], tr.missing[:3]


@pytest.mark.slow
def test_arabic_pdf_is_arabic(pdfs):
    path, _ = pdfs["ar"]
    text = _pypdf_text(path)
    counts = _letters_by_script(text)
    # the rest is the English original the layout prints under each translated quote
    assert counts.get("ARABIC", 0) > 0.75 * sum(counts.values()), counts
    for word in ("لافروف", "ممر لاتشين", "أذربيجان", "أبرز النقاط"):
        assert word in text


@pytest.mark.slow
def test_missing_translation_falls_back_marked_and_reported(seed_brief, tmp_path):
    """An item without a translation is shown in English, marked, and the CLI says so."""
    from briefdoc.model.briefjson import dumps

    brief = tmp_path / "seed.json"
    brief.write_text(dumps(seed_brief), encoding="utf-8")
    po = _read_po(SEED.with_name(f"{SEED.stem}.ru.po"))
    dropped = "The blockade has still not been lifted."
    for m in list(po):
        if m.id == dropped:
            m.string = ""
    content_mod.write_catalog(po, tmp_path / "seed.ru.po")
    run = _cli("render", brief, "--locale", "ru", "--format", "html", "-o", tmp_path / "out.html")
    assert run.returncode == 0, run.stderr
    warning = [line for line in run.stderr.splitlines() if "warning" in line]
    assert len(warning) == 1 and "ru: 1 content item not translated" in warning[0] and "key point" in warning[0]
    html = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert dropped in html and 'class="untranslated"' in html
    assert "Лавров" in html
    run = _cli("render", brief, "--locale", "ru", "--require-complete", "-o", tmp_path / "out.pdf")
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "ru: 1 of" in run.stderr and "The blockade" in run.stderr
    assert not (tmp_path / "out.pdf").exists()


def test_locales_command_shows_completeness(seed_brief_json):
    run = _cli("locales", "--brief", seed_brief_json)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].split()[:4] == ["locale", "name", "UI", "content"]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert set(rows) == {"en", "ru", "hy", "fr", "az", "ar"}
    assert rows["ru"].split()[-2] == "100%"  # UI complete


def test_party_actor_names_come_from_the_ui_catalog():
    """The parties the extractor makes actors of are named in each shipped locale
    (compiled UI catalog), as countries are by CLDR."""
    from briefdoc.extractors.actors import PARTIES

    expected = {"ru": "Республиканская партия", "fr": "Parti républicain", "ar": "الحزب الجمهوري"}
    for locale in ("ru", "hy", "fr", "az", "ar"):
        tr = translator.ContentTranslator(locale)
        for _pid, name, _words, _letter in PARTIES:
            got = tr("actor", name)
            assert got.translated and got.how == "catalog" and str(got) != name, (locale, name)
        if locale in expected:
            assert str(tr("actor", "Republican Party")) == expected[locale]
    assert not translator.ContentTranslator("ru")("actor", "Green Party").translated
