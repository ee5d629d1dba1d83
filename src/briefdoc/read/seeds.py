"""Which files are seeds: the articles a build reads from files and folders."""

from __future__ import annotations

from pathlib import Path

from ..model.errors import InputError

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
