"""UI catalogs: extract, update, compile and check, as pybabel does, with the
project's mapping (babel.cfg) and keywords in one place.

    python -m briefdoc.catalogs update    # sources -> messages.pot -> each messages.po
    python -m briefdoc.catalogs compile   # each messages.po -> messages.mo
    python -m briefdoc.catalogs check     # fail if stale, untranslated or fuzzy
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}
SOURCE_DIRS = ("src", "layouts")


def extract_template():
    """A fresh Catalog of every UI string in the code and the layouts."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with open(ROOT / "babel.cfg", encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    catalog = Catalog(project="briefdoc", version="0.1.0", copyright_holder="briefdoc", msgid_bugs_address="", charset="utf-8")
    for sub in SOURCE_DIRS:
        # patterns in babel.cfg are relative to the repository root
        sub_map = [(pat[len(sub) + 1:], m) for pat, m in method_map if pat.startswith(sub + "/")]
        sub_opts = {pat[len(sub) + 1:]: o for pat, o in options_map.items() if pat.startswith(sub + "/")}
        for filename, lineno, message, comments, context in extract_from_dir(
            ROOT / sub, sub_map, sub_opts, keywords=KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True
        ):
            catalog.add(message, None, [(f"{sub}/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def _read(path: Path, locale: str | None = None):
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        return read_po(fh, locale=locale)


def _write(path: Path, catalog) -> None:
    from babel.messages.pofile import write_po

    with path.open("wb") as fh:
        write_po(fh, catalog, width=100, sort_output=True, no_location=True, omit_header=False)


def locale_catalogs() -> dict[str, Path]:
    return {p.parent.parent.name: p for p in sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))}


def _ids(catalog) -> set:
    return {(m.context, m.id if isinstance(m.id, str) else tuple(m.id)) for m in catalog if m.id}


def update() -> None:
    template = extract_template()
    _write(POT, template)
    for locale, path in locale_catalogs().items():
        catalog = _read(path, locale)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        _write(path, catalog)
        print(f"updated {path.relative_to(ROOT)}")


def compile_all() -> None:
    from babel.messages.mofile import write_mo

    for locale, path in locale_catalogs().items():
        catalog = _read(path, locale)
        mo = path.with_suffix(".mo")
        tmp = mo.with_suffix(".mo.part")
        with tmp.open("wb") as fh:
            write_mo(fh, catalog, use_fuzzy=False)
        tmp.replace(mo)


def problems() -> list[str]:
    """Everything that makes the catalogs unfit to ship, one line each."""
    found: list[str] = []
    template = extract_template()
    want = _ids(template)
    if not POT.exists():
        return [f"{POT.relative_to(ROOT)} is missing; run 'python -m briefdoc.catalogs update'"]
    if _ids(_read(POT)) != want:
        found.append(f"{POT.relative_to(ROOT)} is stale against the sources; run 'python -m briefdoc.catalogs update'")
    for locale, path in locale_catalogs().items():
        catalog = _read(path, locale)
        rel = path.relative_to(ROOT)
        have = _ids(catalog)
        if have != want:
            missing, extra = len(want - have), len(have - want)
            found.append(f"{rel}: stale ({missing} missing, {extra} obsolete); run 'python -m briefdoc.catalogs update'")
        for m in catalog:
            if not m.id:
                continue
            strings = m.string if isinstance(m.string, (list, tuple)) else [m.string]
            if m.fuzzy:
                found.append(f"{rel}: fuzzy entry {m.id!r}; review it and remove the fuzzy flag")
            elif not all(strings):
                found.append(f"{rel}: untranslated entry {m.id!r}")
            elif isinstance(m.id, (list, tuple)) and len(strings) != catalog.num_plurals:
                found.append(f"{rel}: {m.id[0]!r} has {len(strings)} plural forms, {locale} needs {catalog.num_plurals}")
        errors = list(catalog.check())
        for message, errs in errors:
            for err in errs:
                found.append(f"{rel}: {message.id!r}: {err}")
    return found


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "check"
    if cmd == "update":
        update()
    elif cmd == "compile":
        compile_all()
    elif cmd == "check":
        issues = problems()
        for line in issues:
            print(f"catalogs: {line}", file=sys.stderr)
        if issues:
            return 1
        print(f"catalogs: {len(locale_catalogs())} locales complete and current")
    else:
        print("usage: python -m briefdoc.catalogs update|compile|check", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
