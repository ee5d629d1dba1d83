"""UI catalogs: extract, update, compile and check, as pybabel does, with the
project's mapping (babel.cfg) and keywords in one place.

    python -m briefdoc.localize.catalogs update        # sources -> messages.pot -> each messages.po
    python -m briefdoc.localize.catalogs update --ignore-obsolete   # ... and drop the #~ entries
    python -m briefdoc.localize.catalogs init LOCALE   # start translations/LOCALE/LC_MESSAGES/messages.po
    python -m briefdoc.localize.catalogs init LOCALE --dir DIR   # a user's own: DIR/LOCALE/LC_MESSAGES/messages.po
    python -m briefdoc.localize.catalogs compile       # each messages.po -> messages.mo
    python -m briefdoc.localize.catalogs check         # fail if stale, untranslated, fuzzy or broken
    python -m briefdoc.localize.catalogs stats         # translated entries per locale

``update`` merges as msgmerge does (pofiles.merge): a changed string becomes a
fuzzy entry with its previous msgid, a removed one an obsolete (#~) entry, so no
translation is lost; ``check`` fails until the fuzzy and untranslated entries are
reviewed (obsolete ones are kept on purpose and do not fail it).

Every function takes the folder that holds translations/ (default: the one the
package reads, i.e. the checkout's top level, or the installed package for
``stats``) so that tests can run them on a copy. Extracting the template reads
the sources and babel.cfg, so ``update`` and ``check`` need a checkout.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural

from . import pofiles
from .locales import translations_dir

# The locales the project promises (README, issue 5): `check` fails when one has no catalog.
REQUIRED_LOCALES = ("ru", "hy", "fr", "az", "ar")
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}
SOURCE_DIRS = ("src", "layouts")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _paths(root: Path | None) -> tuple[Path, Path, Path]:
    root = Path(root) if root is not None else translations_dir().parent
    return root, root / "translations", root / "translations" / "messages.pot"


def extract_template(root: Path | None = None):
    """A fresh Catalog of every UI string in the code and the layouts."""
    root, _, _ = _paths(root)
    with open(root / "babel.cfg", encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    catalog = Catalog(project="briefdoc", version="0.1.0", copyright_holder="briefdoc", charset="utf-8",
                      header_comment=TEMPLATE_HEADER, fuzzy=False)
    for sub in SOURCE_DIRS:
        if not (root / sub).is_dir():
            continue
        # patterns in babel.cfg are relative to the repository root
        sub_map = [(pat[len(sub) + 1:], m) for pat, m in method_map if pat.startswith(sub + "/")]
        sub_opts = {pat[len(sub) + 1:]: o for pat, o in options_map.items() if pat.startswith(sub + "/")}
        for filename, lineno, message, comments, context in extract_from_dir(
            root / sub, sub_map, sub_opts, keywords=KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True
        ):
            catalog.add(message, None, [(f"{sub}/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def _header(locale: str) -> str:
    name = Locale.parse(locale).english_name
    return (f"# {name} translations of briefdoc's UI strings (layouts and code).\n"
            "# This file is distributed under the same license as the briefdoc package.\n"
            "# Update: python -m briefdoc.localize.catalogs update (see TRANSLATORS.md).")


TEMPLATE_HEADER = ("# Template of briefdoc's UI strings (layouts and code), for starting a language.\n"
                   "# This file is distributed under the same license as the briefdoc package.\n"
                   "# Regenerate: python -m briefdoc.localize.catalogs update (see TRANSLATORS.md).")


def _read(path: Path, locale: str | None = None):
    return pofiles.read(path.read_bytes(), locale=locale)


def _write(path: Path, catalog, *, template: bool = False) -> None:
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(pofiles.dumps(catalog, width=100, sort=True, locations=False, template=template))
    tmp.replace(path)


def locale_catalogs(root: Path | None = None) -> dict[str, Path]:
    _, translations, _ = _paths(root)
    return {p.parent.parent.name: p for p in sorted(translations.glob("*/LC_MESSAGES/messages.po"))}


def _key(m):
    return (m.context, m.id if isinstance(m.id, str) else tuple(m.id))


def _ids(catalog) -> set:
    return {_key(m) for m in catalog if m.id}


def _strings(m) -> list[str]:
    return list(m.string) if isinstance(m.string, (list, tuple)) else [m.string]


def update(root: Path | None = None, quiet: bool = False, ignore_obsolete: bool = False) -> None:
    """Extract the template and merge it into each locale's catalog as msgmerge
    does: new entries untranslated, changed ones fuzzy with their previous msgid,
    removed ones obsolete (dropped only with ``ignore_obsolete``). A file is
    rewritten only when something in it changed."""
    root, _, pot = _paths(root)
    template = extract_template(root)
    if not pot.exists() or _ids(_read(pot)) != _ids(template) or _fingerprint(_read(pot)) != _fingerprint(template):
        _write(pot, template, template=True)
    for locale, path in locale_catalogs(root).items():
        catalog = _read(path, locale)
        result = pofiles.merge(catalog, template)
        dropped = len(catalog.obsolete) if ignore_obsolete else 0
        if dropped:
            catalog.obsolete.clear()
        if result.changed or dropped:
            _write(path, catalog)
        if not quiet:
            what = result.summary() + (f", {dropped} obsolete dropped" if dropped else "") if result.changed or dropped else "up to date"
            print(f"{path.relative_to(root)}: {what}")


def _fingerprint(catalog) -> list:
    # comments as one text: a long one is written wrapped, and read back a line each
    return sorted((repr(m.id), m.context or "", " ".join(m.auto_comments), sorted(m.flags)) for m in catalog if m.id)


def init(locale: str, root: Path | None = None, folder: Path | None = None) -> Path:
    """Start a catalog for ``locale`` from the template, with Babel's plural forms:
    in translations/ or, with ``folder``, a user's folder of UI catalogs (what
    ``render --translations-dir`` reads), from the template the package ships."""
    root, translations, pot = _paths(root)
    path = (Path(folder) if folder is not None else translations) / locale / "LC_MESSAGES" / "messages.po"
    if path.exists():
        raise SystemExit(f"catalogs: {path} exists; run 'update' instead (or merge {pot} into it with msgmerge)")
    template = _read(pot) if pot.exists() else extract_template(root)
    created = pofiles.now()
    catalog = Catalog(locale=locale, project="briefdoc", version="0.1.0", copyright_holder="briefdoc", charset="utf-8",
                      fuzzy=False, header_comment=_header(locale), creation_date=created, revision_date=created)
    for m in template:
        if m.id:
            catalog.add(m.id, None, m.locations, flags=m.flags - {"fuzzy"}, auto_comments=m.auto_comments, context=m.context)
    path.parent.mkdir(parents=True, exist_ok=True)
    _write(path, catalog)
    return path


def compile_all(root: Path | None = None) -> list[Path]:
    """Compile each messages.po into messages.mo (fuzzy entries left out)."""
    written = []
    for locale, path in locale_catalogs(root).items():
        catalog = _read(path, locale)
        mo = path.with_suffix(".mo")
        tmp = mo.with_suffix(".mo.part")
        with tmp.open("wb") as fh:
            write_mo(fh, catalog, use_fuzzy=False)
        tmp.replace(mo)
        written.append(mo)
    return written


def _placeholder_problems(m) -> list[str]:
    """Brace placeholders ({n}, {text}) the translation invents or, for a
    non-plural message, drops: both break formatting at run time."""
    ids = [m.id] if isinstance(m.id, str) else list(m.id)
    want = set().union(*(set(_PLACEHOLDER.findall(i)) for i in ids))
    out = []
    strings = _strings(m)
    for s in strings:
        if not s:
            continue
        have = set(_PLACEHOLDER.findall(s))
        if have - want:
            out.append(f"placeholder {{{sorted(have - want)[0]}}} is not in the source")
        # A plural form may leave {n} out ("one quote", Arabic "two quotes" as a dual word).
        elif isinstance(m.id, str) and want - have:
            out.append(f"placeholder {{{sorted(want - have)[0]}}} is missing")
    return out


def problems(root: Path | None = None, required: tuple[str, ...] = REQUIRED_LOCALES) -> list[str]:
    """Everything that makes the catalogs unfit to ship, one line each."""
    root, _, pot = _paths(root)
    fix = "run 'python -m briefdoc.localize.catalogs update'"
    if not pot.exists():
        return [f"{pot.relative_to(root)} is missing; {fix}"]
    found: list[str] = []
    template = extract_template(root)
    want = _ids(template)
    if _ids(_read(pot)) != want:
        found.append(f"{pot.relative_to(root)} is stale against the sources; {fix}")
    catalogs = locale_catalogs(root)
    for locale in required:
        if locale not in catalogs:
            found.append(f"translations/{locale}/LC_MESSAGES/messages.po is missing; run 'python -m briefdoc.localize.catalogs init {locale}'")
    for locale, path in catalogs.items():
        rel = path.relative_to(root)
        try:
            catalog = _read(path, locale)
        except Exception as exc:  # a broken file must be reported, not crash the check
            found.append(f"{rel}: cannot be read ({exc})")
            continue
        have = _ids(catalog)
        if have != want:
            missing, extra = len(want - have), len(have - want)
            found.append(f"{rel}: stale ({missing} missing, {extra} obsolete); {fix}")
        found += [f"{rel}: {problem}" for problem in header_problems(catalog)]
        expected = get_plural(locale)
        if catalog.num_plurals != expected.num_plurals:
            found.append(f"{rel}: Plural-Forms has nplurals={catalog.num_plurals}, {locale} needs {expected.num_plurals} ({expected.plural_expr})")
        if catalog.fuzzy:
            found.append(f"{rel}: the header is marked fuzzy; review it and remove the flag")
        for m in catalog:
            if not m.id:
                continue
            strings = _strings(m)
            label = m.id if isinstance(m.id, str) else m.id[0]
            where = f"{label!r}" + (f" (context {m.context!r})" if m.context else "")
            if m.fuzzy:
                found.append(f"{rel}: fuzzy entry {where}; review it and remove the fuzzy flag")
            elif not all(strings):
                found.append(f"{rel}: untranslated entry {where}")
            if isinstance(m.id, (list, tuple)) and len(strings) != expected.num_plurals:
                found.append(f"{rel}: {where} has {len(strings)} plural forms, {locale} needs {expected.num_plurals}")
            for err in _placeholder_problems(m):
                found.append(f"{rel}: {where}: {err}")
        for message, errs in catalog.check():
            for err in errs:
                found.append(f"{rel}: {message.id!r}: {err}")
    return found


def header_problems(catalog) -> list[str]:
    """What ``msgfmt --check``, Poedit or Weblate would warn about in a catalog's
    header: a placeholder revision date, translator or team, no Language, no Plural-Forms."""
    found = []
    revised = catalog.revision_date
    if not hasattr(revised, "year"):
        found.append("PO-Revision-Date is not a date; set it to the time of the last revision")
    if not catalog.locale_identifier:
        found.append("the header has no Language")
    if not catalog._num_plurals:
        found.append("the header has no Plural-Forms")
    for name, value in (("Last-Translator", catalog.last_translator), ("Language-Team", catalog.language_team)):
        if value and any(p in value for p in ("FULL NAME", "EMAIL@ADDRESS", "LL@li.org", "LANGUAGE")):
            found.append(f"{name} is a placeholder ({value!r}); fill it in or leave it empty")
    return found


def stats(root: Path | None = None) -> dict[str, tuple[int, int]]:
    """locale -> (translated, total) UI entries, counting against the current
    sources: an entry missing from a stale catalog counts as untranslated."""
    root, _, pot = _paths(root)
    template = _read(pot) if pot.exists() else extract_template(root)
    want = _ids(template)
    out = {}
    for locale, path in locale_catalogs(root).items():
        catalog = _read(path, locale)
        done = sum(1 for m in catalog if m.id and _key(m) in want and not m.fuzzy and all(_strings(m)))
        out[locale] = (done, len(want))
    return out


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "check"
    if cmd == "update" and set(argv[1:]) <= {"--ignore-obsolete"}:
        update(ignore_obsolete="--ignore-obsolete" in argv)
    elif cmd == "init" and len(argv) == 4 and argv[2] == "--dir":
        print(f"created {init(argv[1], folder=Path(argv[3]))}")
    elif cmd == "init" and len(argv) == 2:
        print(f"created {init(argv[1])}")
    elif cmd == "compile":
        compile_all()
    elif cmd == "stats":
        for locale, (done, total) in stats().items():
            print(f"{locale:<6} {done:>4}/{total:<4} {100 * done / total if total else 100:5.1f}%")
    elif cmd == "check":
        issues = problems()
        for line in issues:
            print(f"catalogs: {line}", file=sys.stderr)
        if issues:
            print(f"catalogs: {len(issues)} problem(s); see above", file=sys.stderr)
            return 1
        print(f"catalogs: {len(locale_catalogs())} locales complete and current")
    else:
        print("usage: python -m briefdoc.localize.catalogs update [--ignore-obsolete]|init LOCALE [--dir DIR]|compile|check|stats", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
