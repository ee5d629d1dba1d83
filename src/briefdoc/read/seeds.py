"""Which files are seeds: the articles a build reads from files and folders."""

from __future__ import annotations

import os
from pathlib import Path

from ..model.brief import ARTICLE_LIMIT
from ..model.errors import InputError

SEED_SUFFIXES = {".md", ".txt", ".html", ".htm", ".markdown"}
MAX_BYTES = ARTICLE_LIMIT  # the limit for one article file: about 300,000 words, far more than any news article


def read_limited(path: Path, limit: int = MAX_BYTES) -> bytes | None:
    """The bytes of the file at ``path``, or None when it holds more than ``limit``:
    a bigger file is never read whole (its size is checked first), and a pipe, a
    device or a /proc file, whose size says nothing, is read only one byte past the
    limit. OSError as open() and read() raise it."""
    with open(path, "rb") as fh:
        if os.fstat(fh.fileno()).st_size > limit:
            return None
        data = fh.read(limit + 1)
    return None if len(data) > limit else data


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
