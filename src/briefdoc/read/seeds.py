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


# What briefdoc's own HTML carries (layouts/base.html.j2): a rendering, never an article.
GENERATOR = b'<meta name="generator" content="briefdoc'
_HEAD_BYTES = 32_768


def is_rendering(path: Path) -> bool:
    """``path`` is HTML that briefdoc rendered (``render --format html``, ``preview``):
    its head says so."""
    if Path(path).suffix.lower() not in (".html", ".htm"):
        return False
    try:
        with open(path, "rb") as fh:
            return GENERATOR in fh.read(_HEAD_BYTES)
    except OSError:
        return False  # reading it as a seed says why


def find_seeds(paths: list[Path]) -> list[Path]:
    """Seed files from files and folders, in name order; in a folder, briefdoc's own
    renderings are not seeds (a file named alone that is one is an InputError)."""
    seeds: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            seeds.extend(sorted(f for f in p.iterdir()
                                if f.is_file() and f.suffix.lower() in SEED_SUFFIXES and not is_rendering(f)))
        elif p.is_file():
            if is_rendering(p):
                raise InputError(f"{p}: is HTML that briefdoc rendered, not an article; give the article it was made from")
            seeds.append(p)
        else:
            raise InputError(f"{p}: no such file or folder; check the seed path")
    if not seeds:
        raise InputError(f"no seed files in {', '.join(map(str, paths))}; add .md, .txt or .html articles")
    return seeds
