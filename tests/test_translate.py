"""The translators' workflow, read from the files it writes: `translate update`
merges like msgmerge and loses no translation when the seed changes, `translate
status` counts and gates on fuzzy and untranslated entries, `translate export`
writes a template, a language the package does not ship renders with its UI
marked as English, a brief JSON finds its seed's catalogs, and `msgfmt --check`
accepts every catalog the project ships or writes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefdoc.localize import pofiles

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_3362ed2f4686983c.md"
LOCALES = ["ar", "az", "fr", "hy", "ru"]


def _cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "briefdoc", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def _msgfmt():
    found = shutil.which("msgfmt")
    if found is None:
        pytest.fail("msgfmt is not installed: apt-get install gettext (make setup does; remove .stamps/apt first)")
    return found


def msgfmt_check(path: Path) -> str:
    """msgfmt --check's complaints about ``path`` (empty when it accepts it without a warning)."""
    run = subprocess.run([_msgfmt(), "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stderr.strip()


def _read(path: Path):
    return pofiles.read(Path(path).read_bytes())


def _strings(catalog) -> dict[str, str]:
    """Every non-empty msgstr in ``catalog`` -> where it is: translated, fuzzy or obsolete."""
    out = {}
    for m in catalog:
        if m.id and m.string:
            out.setdefault(m.string, "fuzzy" if m.fuzzy else "translated")
    for m in catalog.obsolete.values():
        if m.string:
            out.setdefault(m.string, "obsolete")
    return out


@pytest.fixture()
def seed_copy(tmp_path):
    """The seed and its five content catalogs in a folder of their own."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    for locale in LOCALES:
        name = f"{SEED.stem}.{locale}.po"
        shutil.copy(SEED.with_name(name), folder / name)
    return folder / SEED.name


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- the floor: an edited seed loses no translation ------------------------------------

EDITS = {
    "two words": [("have vehemently denied the Azerbaijani", "have firmly rejected the Azerbaijani")],
    "paragraphs": [("The blockade has still not been lifted.\n", ""),
                   ("said Tuesday that there would not be", "said on Tuesday that there would be no"),
                   ("Calling the document “historic” Lavrov said", "Calling the document “historic,” Lavrov added")],
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_update_after_an_edit_loses_no_translation(seed_copy, edit):
    from briefdoc.pipeline import update_catalog

    before = {loc: _read(seed_copy.with_name(f"{SEED.stem}.{loc}.po")) for loc in LOCALES}
    for old, new in EDITS[edit]:
        _edit(seed_copy, old, new)
    if edit == "two words":  # the command, once; the same function in this process otherwise (no spaCy reload)
        run = _cli("translate", "update", seed_copy)
        assert run.returncode == 0, run.stderr
        lines = run.stdout.splitlines()
    else:
        lines = update_catalog(seed_copy)
    assert len(lines) == len(LOCALES)
    for line in lines:
        assert re.search(r"\.po: \d+ unchanged, [1-9]\d* fuzzy, \d+ new, \d+ obsolete(, \d+ revived)?; now \d+ translated, "
                         r"[1-9]\d* fuzzy, \d+ untranslated$", line), line
    for loc in LOCALES:
        path = seed_copy.with_name(f"{SEED.stem}.{loc}.po")
        after = _read(path)
        kept = _strings(after)
        lost = [s for s in _strings(before[loc]) if s not in kept]
        assert lost == [], (loc, lost[:3])
        assert msgfmt_check(path) == ""
        # every entry the merge guessed says what it was guessed from
        for m in after:
            if m.id and m.fuzzy:
                assert m.previous_id and m.previous_id[0] != m.id or m.previous_context != m.context, m.id
    if edit == "two words":
        fr = seed_copy.with_name(f"{SEED.stem}.fr.po").read_text(encoding="utf-8")
        assert ('#, fuzzy\n#| msgctxt "sentence"\n#| msgid "Both Yerevan and Stepanakert have vehemently denied the '
                'Azerbaijani accusations."\nmsgctxt "sentence"\nmsgid "Both Yerevan and Stepanakert have firmly '
                'rejected the Azerbaijani accusations."\nmsgstr "Erevan comme Stepanakert ont catégoriquement démenti') in fr
        assert '#~ msgid "Both Yerevan and Stepanakert have vehemently denied' not in fr  # fuzzy, not also obsolete


def test_status_gates_on_fuzzy_until_reviewed_then_update_is_a_no_op(seed_copy):
    from briefdoc.model.errors import BriefdocError
    from briefdoc.pipeline import require_complete, translation_status, update_catalog

    _edit(seed_copy, *EDITS["two words"][0])
    update_catalog(seed_copy)
    run = _cli("translate", "status", seed_copy, "-q", "--require-complete")
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("briefdoc: error: content translations incomplete: ar ")
    assert "fuzzy" in run.stderr and "Traceback" not in run.stderr
    heads = [line for line in run.stdout.splitlines() if not line.startswith(" ")]
    assert [h.split()[0] for h in heads] == LOCALES
    assert all(re.match(r"\w+ +\d+ translated +[1-9]\d* fuzzy +0 untranslated ", h) for h in heads), heads
    assert "fuzzy sentence: Both Yerevan and Stepanakert have firmly rejected the Azerbaijani accusations." in run.stdout
    # a translator reviews the French fuzzy entries (keeps the translations, drops the flag)
    path = seed_copy.with_name(f"{SEED.stem}.fr.po")
    catalog = _read(path)
    for m in catalog:
        m.flags.discard("fuzzy")
    path.write_bytes(pofiles.dumps(catalog))
    statuses = translation_status(seed_copy, "fr")
    assert [(st.locale, st.progress.complete) for st in statuses] == [("fr", True)]
    require_complete(statuses)
    with pytest.raises(BriefdocError) as err:
        require_complete(translation_status(seed_copy, "ru"))
    assert err.value.exit_code == 2
    # nothing changed since: update leaves every file as it is
    texts = {p: p.read_bytes() for p in seed_copy.parent.glob("*.po")}
    lines = update_catalog(seed_copy)
    assert len(lines) == len(LOCALES) and all(": up to date; " in line for line in lines), lines
    assert {p: p.read_bytes() for p in texts} == texts


def test_shipped_seed_catalogs_are_complete_and_current():
    from briefdoc.pipeline import require_complete, translation_status

    statuses = translation_status(SEED)
    assert [st.locale for st in statuses] == LOCALES
    for st in statuses:
        p = st.progress
        assert st.catalog == SEED.with_name(f"{SEED.stem}.{st.locale}.po")
        assert p.complete and p.translated == p.total > 90 and p.absent == p.extra == 0, (st.locale, p)
    require_complete(statuses)
    run = _cli("translate", "update", SEED, "--locale", "fr", "--catalog", "/dev/null/never-written.po")
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "no folder" in run.stderr


# --- status on a catalog with a missing entry, and on a complete one -------------------

@pytest.fixture()
def brief_folder(tmp_path, seed_brief_json):
    shutil.copy(seed_brief_json, tmp_path / "seed.json")
    return tmp_path


def test_status_counts_missing_and_fuzzy_entries_and_passes_a_complete_catalog(brief_folder):
    brief = brief_folder / "seed.json"
    run = _cli("translate", "update", brief, "--locale", "hy")
    assert run.returncode == 0, run.stderr
    path = brief_folder / "seed.hy.po"
    assert run.stdout.strip() == f"{path}: started, {len(_read(path))} entries to translate"
    catalog = _read(path)
    entries = [m for m in catalog if m.id]
    for i, m in enumerate(entries):
        m.string = f"թարգմանություն {i}"
    entries[0].flags.add("fuzzy")
    entries[1].string = ""
    path.write_bytes(pofiles.dumps(catalog))
    run = _cli("translate", "status", brief, "--locale", "hy", "--require-complete")
    assert run.returncode == 2, run
    head = run.stdout.splitlines()[0]
    assert re.match(rf"hy +{len(entries) - 2} translated +1 fuzzy +1 untranslated +{re.escape(str(path))}$", head), head
    assert run.stdout.count("\n       fuzzy ") == 1 and run.stdout.count("\n       untranslated ") == 1
    assert "hy 1 fuzzy, 1 untranslated" in run.stderr
    # the missing entry: gone from the file altogether (a catalog not updated since)
    catalog.delete(entries[1].id, context=entries[1].context)
    entries[0].flags.discard("fuzzy")
    path.write_bytes(pofiles.dumps(catalog))
    run = _cli("translate", "status", brief, "--locale", "hy", "-q", "--require-complete")
    assert run.returncode == 2 and "1 untranslated" in run.stdout and "run 'briefdoc translate update'" in run.stdout
    catalog.add(entries[1].id, "թարգմանություն", context=entries[1].context)
    path.write_bytes(pofiles.dumps(catalog))
    run = _cli("translate", "status", brief, "--locale", "hy", "-q", "--require-complete")
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
    assert msgfmt_check(path) == ""


# --- export: templates, and never over work ---------------------------------------------

def test_export_without_locale_writes_a_template(brief_folder):
    brief = brief_folder / "seed.json"
    pot = brief_folder / "seed.pot"
    run = _cli("translate", "export", brief, "-o", pot)
    assert run.returncode == 0, run.stderr
    text = pot.read_text(encoding="utf-8")
    assert '"Language: \\n"' in text and "Plural-Forms" not in text and "YEAR-MO-DA" not in text
    template = _read(pot)
    assert template.locale is None and len(template) > 30 and not any(m.string for m in template if m.id)
    assert {m.context for m in template if m.id} == {"title", "key point", "actor", "actor title", "position", "quote", "event"}
    # a template's Language is for msginit, Poedit or Weblate to fill in: that is all msgfmt notes
    assert [w for w in msgfmt_check(pot).splitlines() if "'Language'" not in w] == []
    # a new language started from the template with gettext's own tool
    po = brief_folder / "seed.de.po"
    subprocess.run(["msginit", "--no-translator", "-l", "de", "-i", str(pot), "-o", str(po)], check=True, capture_output=True)
    run = _cli("translate", "update", brief, "--locale", "de")
    assert run.returncode == 0 and ": up to date; 0 translated" in run.stdout, run


def test_export_never_overwrites_translations(brief_folder):
    brief = brief_folder / "seed.json"
    po = brief_folder / "seed.ru.po"
    assert _cli("translate", "export", brief, "--locale", "ru", "-o", po).returncode == 0
    catalog = _read(po)
    catalog.get("Sergey Lavrov", context="actor").string = "Сергей Лавров"
    po.write_bytes(pofiles.dumps(catalog))
    before = po.read_bytes()
    run = _cli("translate", "export", brief, "-o", po)  # a template over a translated catalog
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "holds 1 translation that a template would replace" in run.stderr
    assert po.read_bytes() == before
    run = _cli("translate", "export", brief, "--locale", "ru", "-o", po)  # a PO over it: merged
    assert run.returncode == 0 and _read(po).get("Sergey Lavrov", context="actor").string == "Сергей Лавров"
    run = _cli("translate", "update", brief, "--locale", "xx-nonsense")
    assert run.returncode == 2 and "unknown locale" in run.stderr and run.stderr.count("\n") == 1


def test_written_headers_are_real(brief_folder):
    brief = brief_folder / "seed.json"
    assert _cli("translate", "update", brief, "--locale", "ar").returncode == 0
    text = (brief_folder / "seed.ar.po").read_text(encoding="utf-8")
    header = dict(re.findall(r'^"([A-Za-z-]+): (.*)\\n"$', text.split("\n\n", 1)[0], flags=re.M))
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d\+0000", header["PO-Revision-Date"])
    assert header["Language"] == "ar" and header["Plural-Forms"].startswith("nplurals=6;")
    assert header["Language-Team"] == "" and header["Last-Translator"] == ""
    assert not re.search(r"FULL NAME|EMAIL@ADDRESS|LL@li\.org|YEAR-MO-DA|CHARSET", text)


# --- msgfmt accepts every catalog the project ships -------------------------------------

def test_msgfmt_accepts_every_shipped_catalog():
    shipped = sorted(ROOT.glob("seeds/*.po")) + sorted(ROOT.glob("translations/*/LC_MESSAGES/messages.po"))
    assert len(shipped) == 10
    for path in shipped:
        assert msgfmt_check(path) == "", path
    pot = ROOT / "translations" / "messages.pot"
    assert [w for w in msgfmt_check(pot).splitlines() if "'Language'" not in w] == []


# --- a language the package does not ship ------------------------------------------------

def test_a_new_language_renders_with_its_ui_in_english_marked(brief_folder):
    from briefdoc.model.errors import InputError
    from briefdoc.pipeline import render_locale, update_catalog

    brief = brief_folder / "seed.json"
    with pytest.raises(InputError, match=r"locale 'de' is not shipped and has no catalog for .*translate update"):
        render_locale("de", brief)
    assert render_locale("fr-CA", brief) == "fr_CA"
    update_catalog(brief, "de")
    assert render_locale("de_AT", brief) == "de_AT"
    path = brief_folder / "seed.de.po"
    catalog = _read(path)
    catalog.get("Sergey Lavrov", context="actor").string = "Sergei Lawrow"
    path.write_bytes(pofiles.dumps(catalog))
    out = brief_folder / "seed.de.html"
    run = _cli("render", brief, "--locale", "de", "-f", "html", "-o", out)
    assert run.returncode == 0, run.stderr
    warnings = run.stderr.splitlines()
    assert len(warnings) == 2 and "de: " in warnings[0] and "UI strings shown in English, marked" in warnings[0]
    assert "--translations-dir" in warnings[0] and "content items not translated" in warnings[1]
    html = out.read_text(encoding="utf-8")
    assert '<html lang="de"' in html
    assert '<h2><span lang="en" dir="ltr">Key points</span></h2>' in html
    assert "Sergei Lawrow" in html and "28. Februar 2023" in html  # content from the catalog, dates from CLDR
    # attributes hold plain text
    assert 'aria-label="Timeline"' in html and '<meta name="description" content="Briefing document: ' in html
    # the user's own UI catalog
    ui = brief_folder / "ui"
    run = subprocess.run([sys.executable, "-m", "briefdoc.localize.catalogs", "init", "de", "--dir", ui],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    ui_po = ui / "de" / "LC_MESSAGES" / "messages.po"
    assert msgfmt_check(ui_po) == ""
    catalog = _read(ui_po)
    catalog.get("Key points").string = "Kernpunkte"
    ui_po.write_bytes(pofiles.dumps(catalog, width=100, sort=True, locations=False))
    run = _cli("render", brief, "--locale", "de", "-f", "html", "-o", out, "--translations-dir", ui)
    assert run.returncode == 0, run.stderr
    html = out.read_text(encoding="utf-8")
    assert "<h2>Kernpunkte</h2>" in html and '<h2><span lang="en" dir="ltr">Quotes</span></h2>' in html
    assert "not in its UI catalog" in run.stderr


def test_ui_fallback_marks_only_what_is_missing():
    from briefdoc.localize import ui
    from briefdoc.localize.localizer import Localizer

    ru = Localizer("ru")
    assert type(ru.gettext("Timeline")) is str and ru.gettext("Timeline") == "Хронология"
    missing = ru.gettext("A string no catalog has")
    assert missing == "A string no catalog has" and not missing.translated
    assert missing.__html__() == '<span lang="en" dir="ltr">A string no catalog has</span>'
    ar = Localizer("ar").gettext("Another missing string")
    assert ar.__html__() == '<span lang="en" dir="ltr">Another missing string</span>'
    assert type(Localizer("en_US").gettext("Timeline")) is str  # English is the source: nothing to mark
    assert not ui.has_catalog("de") and ui.has_catalog("fr_CA") and ui.has_catalog("en_GB")


@pytest.mark.slow
def test_a_new_language_renders_a_pdf(brief_folder):
    from pypdf import PdfReader

    brief = brief_folder / "seed.json"
    assert _cli("translate", "update", brief, "--locale", "de").returncode == 0
    out = brief_folder / "seed.de.pdf"
    run = _cli("render", brief, "--locale", "de", "--layout", "memo", "-o", out)
    assert run.returncode == 0, run.stderr
    assert str(PdfReader(out).trailer["/Root"]["/Lang"]) == "de"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "28. Februar 2023" in text and "key points" in text.lower()


# --- a brief JSON finds its seed's catalogs ----------------------------------------------

def test_brief_json_remembers_its_seed(seed_copy, tmp_path):
    from briefdoc.localize.content import translator_for, untranslated
    from briefdoc.model.briefjson import load_brief
    from briefdoc.pipeline import brief_from, translation_status

    out = tmp_path / "work" / "brief.json"
    out.parent.mkdir()
    run = _cli("extract", seed_copy, "-o", out)
    assert run.returncode == 0, run.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["article"]["seed"] == f"../seeds/{SEED.name}"
    pdf = tmp_path / "json.ru.pdf"
    run = _cli("render", out, "--locale", "ru", "--layout", "memo", "-o", pdf)
    assert run.returncode == 0 and "warning" not in run.stderr, run.stderr  # no item falls back to English
    # the same document as from the seed, and it embeds the same brief.json (the seed's path is not in it)
    from briefdoc.render.layouts import get as get_layout
    from briefdoc.render.pdf import render_pdf

    brief = brief_from(seed_copy)
    direct = render_pdf(brief, get_layout("memo"), "ru", content=translator_for(brief, "ru", seed_copy))
    assert pdf.read_bytes() == direct
    assert all(st.progress.complete for st in translation_status(out))
    # moved without its seed: the brief still renders, its items fall back, marked and reported
    alone = tmp_path / "alone.json"
    shutil.copy(out, alone)
    moved = load_brief(alone)
    tr = translator_for(moved, "ru", alone)
    assert tr.catalog_path is None and untranslated(moved, tr)


def test_schema_describes_the_seed():
    run = _cli("schema")
    seed = json.loads(run.stdout)["$defs"]["Article"]["properties"]["seed"]
    assert "relative to the folder of this JSON" in seed["description"]


def test_a_brief_from_a_seed_has_no_seed_field(seed_brief):
    from briefdoc.model.briefjson import dumps

    assert '"seed"' not in dumps(seed_brief)


# --- any edit: the merge never drops a translation ------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def _seed_catalog(locale="fr"):
    """Part of a seed catalog (60 live entries, 20 obsolete): enough kinds and texts,
    and a fuzzy search (difflib, over every translated entry) per changed message stays quick."""
    catalog = _read(SEED.with_name(f"{SEED.stem}.{locale}.po"))
    for m in [m for m in catalog if m.id][60:]:
        catalog.delete(m.id, context=m.context)
    for k in list(catalog.obsolete)[20:]:
        del catalog.obsolete[k]
    return catalog


_CATALOG = None


def _edited_template(draw_ops):
    """A template made from the seed catalog's live and obsolete messages, each kept,
    dropped, or edited (words dropped, swapped, added, its kind changed), plus new ones."""
    from babel.messages.catalog import Catalog

    global _CATALOG
    if _CATALOG is None:
        _CATALOG = _seed_catalog()
    template = Catalog(fuzzy=False)
    messages = [m for m in _CATALOG if m.id] + list(_CATALOG.obsolete.values())
    for m, (op, i, kind) in zip(messages, draw_ops):
        words = m.id.split()
        if op == "drop":
            continue
        if op == "edit" and len(words) > 2:
            j = i % len(words)
            words = words[:j] + words[j + 1:] if i % 3 == 0 else words[:j] + ["indeed"] + words[j:] if i % 3 == 1 else \
                words[:j] + words[j:][::-1][:1] + words[j + 1:]
        context = ["sentence", "quote", "position", "event", "key point"][kind] if op == "rekind" else m.context
        template.add(" ".join(words), "", context=context)
    template.add("A sentence that no earlier version had.", "", context="sentence")
    return template


# Mostly kept, as after a real edit: every changed message costs a fuzzy search (difflib) over the catalog.
OPS = st.sampled_from(["keep"] * 12 + ["drop", "edit", "rekind"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(OPS, st.integers(0, 60), st.integers(0, 4)), min_size=150, max_size=150),
       st.booleans())
def test_merge_never_drops_a_translation(ops, twice):
    catalog = _seed_catalog()
    before = _strings(catalog)
    template = _edited_template(ops)
    pofiles.merge(catalog, template)
    if twice:  # and again, after a round trip through the file
        catalog = pofiles.read(pofiles.dumps(catalog))
        pofiles.merge(catalog, _edited_template(list(reversed(ops))))
    after = _strings(pofiles.read(pofiles.dumps(catalog)))
    assert [s for s in before if s not in after] == []
    # every live entry is the template's, and every fuzzy one names what it was guessed from
    assert {pofiles.key(m) for m in catalog if m.id} == {pofiles.key(m) for m in template if m.id} or twice
    assert all(m.previous_id for m in catalog if m.id and m.fuzzy and pofiles.key(m) not in
               {pofiles.key(o) for o in _CATALOG if o.id and o.fuzzy})


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 40), st.sampled_from(["delete", "swap", "word"])), min_size=1, max_size=4))
def test_any_edit_to_the_seed_loses_no_translation(tmp_path_factory, edits):
    """Random edits to the seed itself (sentences deleted, paragraphs swapped, words
    changed), the real extraction, then update: every earlier msgstr is still there."""
    from briefdoc.pipeline import update_catalog

    folder = tmp_path_factory.mktemp("seed")
    seed = folder / SEED.name
    shutil.copy(SEED, seed)
    shutil.copy(SEED.with_name(f"{SEED.stem}.ru.po"), folder / f"{SEED.stem}.ru.po")
    text = SEED.read_text(encoding="utf-8")
    front_end = text.index("\n---\n", 4) + 5
    front, paragraphs = text[:front_end], text[front_end:].split("\n")
    for i, how in edits:
        i %= len(paragraphs) - 1
        if how == "delete" and len(paragraphs) > 3:
            del paragraphs[i]
        elif how == "swap":
            paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
        elif how == "word":
            words = paragraphs[i].split(" ")
            if len(words) > 3:
                words[len(words) // 2] = "reportedly"
                paragraphs[i] = " ".join(words)
    seed.write_text(front + "\n".join(paragraphs), encoding="utf-8")
    before = _strings(_read(folder / f"{SEED.stem}.ru.po"))
    update_catalog(seed, "ru")
    after = _strings(_read(folder / f"{SEED.stem}.ru.po"))
    assert [s for s in before if s not in after] == []
    assert msgfmt_check(folder / f"{SEED.stem}.ru.po") == ""
