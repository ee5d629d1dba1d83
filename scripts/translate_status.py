#!/usr/bin/env python3
"""Translation coverage, for a lead to re-check after the extractors change.

    .venv/bin/python scripts/translate_status.py            # every seed, every locale
    .venv/bin/python scripts/translate_status.py -v         # and the items missing
    .venv/bin/python scripts/translate_status.py seeds/000_3362ed2f4686983c.md --locale ru

UI catalogs: translated entries against the current sources. Content: the share
of each seed's brief items (as extracted now) that its catalogs translate,
directly or through the sentence entries. Exit status 1 when anything is missing;
then `python scripts/seed_translations.py` lists what to add to the tables.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from briefdoc.localize import catalogs, content, locales  # noqa: E402
from briefdoc.pipeline import brief_from, seed_files  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("seeds", nargs="*", type=Path)
    ap.add_argument("--locale", help="one locale (default: every shipped one)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the untranslated items")
    args = ap.parse_args(argv)
    wanted = [locales.negotiate(args.locale)] if args.locale else [loc for loc in locales.shipped_locales() if loc != locales.SOURCE_LOCALE]
    incomplete = 0
    print("UI catalogs")
    for loc, (done, total) in catalogs.stats().items():
        if loc in wanted:
            print(f"  {loc:<4} {done:>4}/{total:<4} {100 * done / total:6.1f}%")
            incomplete += done < total
    seeds = args.seeds or seed_files(ROOT / "seeds")
    for seed in seeds:
        brief = brief_from(seed)
        print(f"content of {seed.name} ({len(brief.key_points)} key points, {len(brief.actors)} actors, "
              f"{len(brief.positions)} positions, {len(brief.quotes)} quotes, {len(brief.timeline)} events)")
        for loc in wanted:
            cov = content.coverage(brief, loc, seed)
            how = {}
            tr = content.translator_for(brief, loc, seed)
            for item in content.content_items(brief):
                found = tr.lookup(item.kind, item.text)
                if found:
                    how[found[1]] = how.get(found[1], 0) + 1
            detail = ", ".join(f"{k} {v}" for k, v in sorted(how.items()))
            where = cov.catalog.name if cov.catalog else "no catalog"
            print(f"  {loc:<4} {cov.translated:>4}/{cov.total:<4} {cov.percent:6.1f}%  {where}  ({detail})")
            if args.verbose:
                for item in cov.missing:
                    print(f"         missing {item.kind}: {item.text}")
            incomplete += cov.translated < cov.total
    return 1 if incomplete else 0


if __name__ == "__main__":
    sys.exit(main())
