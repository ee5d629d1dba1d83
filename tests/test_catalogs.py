"""UI catalogs: the shipped ones are complete and current (what `make test`
checks), they compile and load, `check` reports a stale, fuzzy, untranslated
or broken catalog, and `update` merges as msgmerge does, keeping fuzzy matches
and obsolete entries (on a temporary copy of the repository)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefdoc.localize import catalogs as catalogs_mod

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ["ar", "az", "fr", "hy", "ru"]


@pytest.fixture()
def repo(tmp_path):
    """A copy of what the catalog tools read: babel.cfg, sources, layouts, translations."""
    for name in ("src", "layouts", "translations"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copy(ROOT / "babel.cfg", tmp_path / "babel.cfg")
    return tmp_path


def _po(repo: Path, locale: str) -> Path:
    return repo / "translations" / locale / "LC_MESSAGES" / "messages.po"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_shipped_catalogs_are_complete_and_current():
    assert catalogs_mod.problems() == []


def test_every_promised_locale_has_a_catalog():
    assert sorted(catalogs_mod.locale_catalogs()) == LOCALES


def test_stats_are_complete():
    for locale, (done, total) in catalogs_mod.stats().items():
        assert total > 10 and done == total, locale


def test_plural_forms_per_language(repo):
    from babel.messages.pofile import read_po

    expected = {"ru": 3, "ar": 6, "fr": 3, "hy": 2, "az": 2}
    for locale, n in expected.items():
        with _po(repo, locale).open("rb") as fh:
            catalog = read_po(fh, locale=locale)
        assert catalog.num_plurals == n
        plurals = [m for m in catalog if isinstance(m.id, (list, tuple))]
        assert plurals, "no plural message in the catalog"
        for m in plurals:
            assert len(m.string) == n and all(m.string), (locale, m.id)


def test_translator_comments_reach_the_catalog():
    pot = (ROOT / "translations" / "messages.pot").read_text(encoding="utf-8")
    assert "#. the quotation marks around a quote; keep {text}." in pot
    assert "#. a count of quotes" in pot


def test_compile_writes_loadable_catalogs(repo):
    from babel.support import Translations

    written = catalogs_mod.compile_all(repo)
    assert sorted(p.parent.parent.name for p in written) == LOCALES
    for mo in written:
        with mo.open("rb") as fh:
            t = Translations(fh, domain="messages")
        assert t.gettext("Timeline") != "Timeline"
    with (repo / "translations/ru/LC_MESSAGES/messages.mo").open("rb") as fh:
        ru = Translations(fh)
    assert ru.ngettext("{n} quote", "{n} quotes", 5) == "{n} цитат"
    with (repo / "translations/ar/LC_MESSAGES/messages.mo").open("rb") as fh:
        ar = Translations(fh)
    assert [ar.ngettext("{n} quote", "{n} quotes", n) for n in (0, 1, 2, 3, 11, 100)] == [
        "لا اقتباسات", "اقتباس واحد", "اقتباسان", "{n} اقتباسات", "{n} اقتباسًا", "{n} اقتباس"]


def test_copy_is_clean(repo):
    assert catalogs_mod.problems(repo) == []


def test_new_source_string_makes_catalogs_stale(repo):
    _edit(repo / "src/briefdoc/localize/localizer.py", '        message = self.gettext("Page {page} of {pages}")',
          '        message = self.gettext("Page {page} of {pages}")\n        self.gettext("A brand new string")')
    found = catalogs_mod.problems(repo)
    assert any("messages.pot is stale" in p for p in found)
    assert any("ru/LC_MESSAGES/messages.po: stale (1 missing, 0 obsolete)" in p for p in found)
    # update brings it in, untranslated: still a problem until translated
    catalogs_mod.update(repo, quiet=True)
    found = catalogs_mod.problems(repo)
    assert not any("stale" in p for p in found)
    assert sum("untranslated entry 'A brand new string'" in p for p in found) == len(LOCALES)


def test_new_template_string_makes_catalogs_stale(repo):
    template = next((repo / "layouts").glob("*/template.html.j2"))
    template.write_text(template.read_text(encoding="utf-8") + '\n{{ _("Annex") }}\n', encoding="utf-8")
    assert any("stale" in p for p in catalogs_mod.problems(repo))


def test_fuzzy_and_untranslated_entries_are_reported(repo):
    _edit(_po(repo, "fr"), 'msgid "Timeline"\nmsgstr "Chronologie"', '#, fuzzy\nmsgid "Timeline"\nmsgstr "Chronologie"')
    _edit(_po(repo, "hy"), 'msgid "Quotes"\nmsgstr "Մեջբերումներ"', 'msgid "Quotes"\nmsgstr ""')
    found = catalogs_mod.problems(repo)
    assert any("fr/LC_MESSAGES/messages.po: fuzzy entry 'Timeline'" in p for p in found)
    assert any("hy/LC_MESSAGES/messages.po: untranslated entry 'Quotes'" in p for p in found)
    assert len(found) == 2


def test_missing_plural_form_is_reported(repo):
    text = _po(repo, "ru").read_text(encoding="utf-8")
    start = text.index('msgid "{n} quote"')
    block_end = text.index("\n\n", start)
    block = text[start:block_end]
    broken = block.replace('msgstr[2] "{n} цитат"', 'msgstr[2] ""')
    _po(repo, "ru").write_text(text.replace(block, broken), encoding="utf-8")
    assert any("untranslated entry '{n} quote'" in p for p in catalogs_mod.problems(repo))


def test_wrong_placeholder_is_reported(repo):
    _edit(_po(repo, "az"), 'msgstr "Səhifə {page} / {pages}"', 'msgstr "Səhifə {sehife} / {pages}"')
    assert any("placeholder {sehife} is not in the source" in p for p in catalogs_mod.problems(repo))


def test_wrong_plural_header_is_reported(repo):
    path = _po(repo, "ar")
    text = path.read_text(encoding="utf-8")
    start = text.index('"Plural-Forms:')
    end = text.index('\\n"', start) + 3
    path.write_text(text[:start] + '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' + text[end:], encoding="utf-8")
    assert any("nplurals=2, ar needs 6" in p for p in catalogs_mod.problems(repo))


def test_missing_locale_and_missing_pot_are_reported(repo):
    shutil.rmtree(repo / "translations" / "hy")
    assert any("translations/hy/LC_MESSAGES/messages.po is missing" in p for p in catalogs_mod.problems(repo))
    (repo / "translations" / "messages.pot").unlink()
    assert catalogs_mod.problems(repo) == ["translations/messages.pot is missing; run 'python -m briefdoc.localize.catalogs update'"]


def _msgfmt_check(path: Path) -> str:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.fail("msgfmt is not installed: apt-get install gettext (make setup does; remove .stamps/apt first)")
    run = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stderr.strip()


def test_obsolete_entries_are_kept_and_do_not_fail_the_check(repo):
    with _po(repo, "ru").open("a", encoding="utf-8") as fh:
        fh.write('\n#~ msgid "Gone"\n#~ msgstr "Ушло"\n')
    assert catalogs_mod.problems(repo) == []
    catalogs_mod.update(repo, quiet=True)
    assert '#~ msgid "Gone"\n#~ msgstr "Ушло"' in _po(repo, "ru").read_text(encoding="utf-8")
    catalogs_mod.update(repo, quiet=True, ignore_obsolete=True)
    assert "Gone" not in _po(repo, "ru").read_text(encoding="utf-8")


def test_update_keeps_a_changed_string_as_fuzzy_and_a_removed_one_as_obsolete(repo):
    from briefdoc.localize import pofiles

    source = repo / "src/briefdoc/localize/localizer.py"
    _edit(source, 'self.gettext("Page {page} of {pages}")', 'self.gettext("Page {page} of {pages} in all")')
    templates = [t for t in (repo / "layouts").rglob("*.j2") if '_("Date")' in t.read_text(encoding="utf-8")]
    assert templates
    for template in templates:  # "Date" is no longer a UI string anywhere
        template.write_text(template.read_text(encoding="utf-8").replace('_("Date")', '"Date"'), encoding="utf-8")
    old = {loc: pofiles.read(_po(repo, loc).read_bytes()) for loc in LOCALES}
    catalogs_mod.update(repo, quiet=True)
    found = catalogs_mod.problems(repo)
    assert sorted(found) == sorted(f"translations/{loc}/LC_MESSAGES/messages.po: fuzzy entry 'Page {{page}} of {{pages}} in all'; "
                                   "review it and remove the fuzzy flag" for loc in LOCALES)
    for loc in LOCALES:
        catalog = pofiles.read(_po(repo, loc).read_bytes())
        page = catalog.get("Page {page} of {pages} in all")
        assert page.fuzzy and page.previous_id == ["Page {page} of {pages}"]
        assert page.string == old[loc].get("Page {page} of {pages}").string  # the translation, kept for review
        assert catalog.obsolete["Date"].string == old[loc].get("Date").string
        assert _msgfmt_check(_po(repo, loc)) == ""
    text = _po(repo, "fr").read_text(encoding="utf-8")
    assert '#, fuzzy, python-brace-format\n#| msgid "Page {page} of {pages}"\nmsgid "Page {page} of {pages} in all"\n' in text \
        or '#, fuzzy\n#| msgid "Page {page} of {pages}"\nmsgid "Page {page} of {pages} in all"\n' in text
    # the compiled catalog leaves the fuzzy entry out: the string is shown in English until reviewed
    catalogs_mod.compile_all(repo)
    from babel.support import Translations

    with (repo / "translations/fr/LC_MESSAGES/messages.mo").open("rb") as fh:
        assert Translations(fh).gettext("Page {page} of {pages} in all") == "Page {page} of {pages} in all"


def test_placeholder_headers_are_reported(repo):
    _edit(_po(repo, "hy"), '"PO-Revision-Date: 2026-11-27 14:09+0000\\n"', '"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"')
    _edit(_po(repo, "az"), '"Language-Team: \\n"', '"Language-Team: LANGUAGE <LL@li.org>\\n"')
    found = catalogs_mod.problems(repo)
    assert any("hy/LC_MESSAGES/messages.po: PO-Revision-Date is not a date" in p for p in found)
    assert any("az/LC_MESSAGES/messages.po: Language-Team is a placeholder" in p for p in found)


def test_msgfmt_accepts_the_shipped_and_updated_catalogs(repo):
    for loc in LOCALES:
        assert _msgfmt_check(ROOT / "translations" / loc / "LC_MESSAGES" / "messages.po") == ""
    catalogs_mod.update(repo, quiet=True)
    for loc in LOCALES:
        assert _msgfmt_check(_po(repo, loc)) == ""
    # a template leaves Language to msginit, Poedit or Weblate: the one thing msgfmt notes
    for pot in (ROOT / "translations" / "messages.pot", repo / "translations" / "messages.pot"):
        assert [w for w in _msgfmt_check(pot).splitlines() if "'Language'" not in w] == []


def test_update_rewrites_nothing_when_nothing_changed(repo):
    files = sorted((repo / "translations").rglob("*.po*"))
    before = {p: p.read_bytes() for p in files}
    catalogs_mod.update(repo, quiet=True)
    assert {p: p.read_bytes() for p in files} == before


def test_init_starts_a_catalog_with_babel_plural_forms(repo):
    path = catalogs_mod.init("de", repo)
    text = path.read_text(encoding="utf-8")
    assert "nplurals=2" in text and 'msgid "Timeline"' in text
    assert any("de/LC_MESSAGES/messages.po: untranslated entry" in p for p in catalogs_mod.problems(repo))


def test_check_command_exit_status():
    run = subprocess.run([sys.executable, "-m", "briefdoc.localize.catalogs", "check"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "complete and current" in run.stdout
