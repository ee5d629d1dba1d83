#!/usr/bin/env python3
"""Write the seeds' content catalogs (seeds/<stem>.<locale>.po) from the current
extraction and the hand translations in scripts/translations/<stem>.py.

    .venv/bin/python scripts/seed_translations.py                 # every seed with a table
    .venv/bin/python scripts/seed_translations.py seeds/000_3362ed2f4686983c.md --locales ru,fr
    .venv/bin/python scripts/seed_translations.py SEED --brief brief.json   # use a reviewed brief

Each catalog holds the brief's items (what `briefdoc translate export` writes),
every sentence of the article (context "sentence"), every passage in quotation
marks, and every other entry of the table (kept so that a later extraction that
finds slightly different items still finds them). An item takes the table entry
with its text (and kind, when the entry names one); an item that is one or more
whole sentences is put together from the sentence entries; anything else is left
untranslated and listed here, so that a translator can add it to the table and
run this again. Exit status 1 when something is left untranslated.
"""

from __future__ import annotations

import argparse
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from briefdoc.localize import content  # noqa: E402
from briefdoc.localize.localizer import Localizer  # noqa: E402
from briefdoc.localize.sentences import _strip_marks, compose_from_sentences  # noqa: E402

LOCALES = ("ru", "hy", "fr", "az", "ar")
TABLES = ROOT / "scripts" / "translations"
NBSP = "\u00a0"


def french_typography(text: str) -> str:
    """No-break spaces inside « » and before : ; ? ! (French rules)."""
    text = text.replace("« ", "«" + NBSP).replace(" »", NBSP + "»")
    for mark in ":;?!":
        text = text.replace(" " + mark, NBSP + mark)
    return text


class Table:
    """The hand translations of one seed, looked up by (kind, English text)."""

    def __init__(self, path: Path):
        self.path = path
        self.entries = runpy.run_path(str(path))["ENTRIES"]
        self.by_kind: dict[tuple[str, str], dict] = {}
        self.by_text: dict[str, dict] = {}
        for e in self.entries:
            self.by_kind[(e.get("kind") or "", e["en"])] = e
            self.by_text.setdefault(e["en"], e)

    def translation(self, entry: dict, locale: str) -> str | None:
        if "compose" in entry:
            parts = []
            for unit in entry["compose"]:
                found = self.by_text.get(unit)
                tr = self.translation(found, locale) if found else None
                if not tr:
                    return None
                parts.append(_strip_marks(tr))
            text = " ".join(parts)
        else:
            text = entry.get(locale)
        if text and locale == "fr":
            text = french_typography(text)
        return text or None

    def sentences(self, locale: str) -> dict[str, str]:
        return {e["en"]: t for e in self.entries if e.get("kind") == "sentence" and (t := self.translation(e, locale))}

    def lookup(self, kind: str, text: str, locale: str) -> tuple[str | None, str]:
        entry = self.by_kind.get((kind, text)) or self.by_kind.get(("", text))
        if entry is None and kind != "sentence":
            entry = next((e for k, e in self.by_kind.items() if k[1] == text and e.get("kind") != "fragment"), None)
        if entry is not None:
            tr = self.translation(entry, locale)
            if tr:
                return tr, entry.get("note", "")
        if kind != "sentence":
            composed = compose_from_sentences(text, self.sentences(locale))
            if composed:
                return composed, "Put together from the sentence translations."
        return None, ""


def write_seed(seed: Path, locales, brief_path: Path | None = None) -> int:
    from babel.messages.catalog import Catalog  # noqa: F401  (babel is a dependency)

    from briefdoc.pipeline import brief_from

    table_path = TABLES / f"{seed.stem}.py"
    if not table_path.is_file():
        print(f"{seed}: no table {table_path.relative_to(ROOT)}; skipped")
        return 0
    table = Table(table_path)
    brief = brief_from(brief_path or seed)
    items = {(i.kind, i.text) for i in content.content_items(brief)}
    left = 0
    for locale in locales:
        catalog = content.export_catalog(brief, locale, sentences=True, source_name=seed.name)
        catalog.last_translator = "briefdoc translators"
        catalog.language_team = f"{Localizer(locale).language_name(locale)} <briefdoc translators>"
        # The table's other entries: robustness against a changed extraction.
        for e in table.entries:
            kind = e.get("kind") or ""
            if kind == "fragment" or catalog.get(e["en"], context=kind) is not None:
                continue
            catalog.add(e["en"], "", context=kind, auto_comments=["Not in the current extraction; kept for later ones."])
        missing = []
        for m in catalog:
            if not m.id:
                continue
            tr, note = table.lookup(m.context or "", m.id, locale)
            if tr:
                m.string = tr
                if note and note not in m.auto_comments:
                    m.auto_comments.append(note)
            elif (m.context, m.id) in items:
                missing.append((m.context, m.id))
        out = seed.with_name(f"{seed.stem}.{locale}.po")
        content.write_catalog(catalog, out)
        done = sum(1 for k in items if catalog.get(k[1], context=k[0]) is not None and catalog.get(k[1], context=k[0]).string)
        print(f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: {done}/{len(items)} brief items translated, {len(catalog)} entries")
        for kind, text in missing:
            print(f"    untranslated {kind}: {text}")
        left += len(missing)
    return left


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("seeds", nargs="*", type=Path, help="seed files (default: every seed with a table)")
    ap.add_argument("--locales", default=",".join(LOCALES))
    ap.add_argument("--brief", type=Path, help="a brief JSON to use instead of extracting (one seed only)")
    args = ap.parse_args(argv)
    seeds = args.seeds or sorted(p for p in (ROOT / "seeds").iterdir()
                                 if p.suffix in (".md", ".txt", ".html") and (TABLES / f"{p.stem}.py").is_file())
    locales = [loc.strip() for loc in args.locales.split(",") if loc.strip()]
    left = sum(write_seed(s.resolve(), locales, args.brief) for s in seeds)
    if left:
        print(f"{left} item(s) left untranslated: add them to the tables in {TABLES.relative_to(ROOT)} and run again")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
