"""Building many briefs: seeds x layouts x locales into out/<seed>/<layout>.<locale>.pdf."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import BriefdocError, InputError

SEED_SUFFIXES = {".md", ".txt", ".html", ".htm", ".markdown"}


def find_seeds(paths: list[Path]) -> list[Path]:
    """Seed files from files and folders, in name order."""
    seeds: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            seeds.extend(sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in SEED_SUFFIXES))
        elif p.is_file():
            seeds.append(p)
        else:
            raise InputError(f"{p}: no such file or folder; check the seed path")
    if not seeds:
        raise InputError(f"no seed files in {', '.join(map(str, paths))}; add .md, .txt or .html articles")
    return seeds


def run_build(seeds, *, layouts=None, locales=None, out_dir=Path("out"), layouts_dirs=()) -> int:
    """Render everything; return the number of failed outputs."""
    from . import i18n
    from . import layouts as layouts_mod
    from .article import read_article
    from .extract import extract
    from .render import render_pdf, write_atomic

    available = layouts_mod.discover(layouts_dirs)
    chosen_layouts = [layouts_mod.get(name, layouts_dirs) for name in layouts] if layouts else list(available.values())
    chosen_locales = [i18n.negotiate(loc) for loc in locales] if locales else i18n.shipped_locales()
    seed_files = find_seeds(list(seeds))
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out_dir}: cannot create the output folder ({exc.strerror})") from None
    failed = 0
    for seed in seed_files:
        try:
            article = read_article(seed)
            brief = extract(article.text, article=article)
        except BriefdocError as exc:
            print(f"briefdoc: failed: {seed}: {exc}", file=sys.stderr)
            failed += len(chosen_layouts) * len(chosen_locales)
            continue
        target = out_dir / seed.stem
        target.mkdir(parents=True, exist_ok=True)
        for lay in chosen_layouts:
            for loc in chosen_locales:
                path = target / f"{lay.name}.{loc}.pdf"
                try:
                    write_atomic(path, render_pdf(brief, lay, loc))
                    print(path)
                except BriefdocError as exc:
                    print(f"briefdoc: failed: {path}: {exc}", file=sys.stderr)
                    failed += 1
    return failed
