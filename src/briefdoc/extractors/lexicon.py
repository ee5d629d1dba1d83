"""The extractors' word lists and tables, kept as data files under ``data/<language>/``
(as spaCy keeps its language data and HeidelTime its patterns), read once per process.

Lists that several extractors share sit at the top of ``data/en/``; an extractor's
own are in a folder named after it (``time/months`` is ``data/en/time/months.txt``).
A data file is UTF-8 text, one entry per line; ``#`` starts a comment, blank lines
are skipped. A list (:func:`words`, :func:`ordered`, :func:`pattern`) has one word or
phrase per line; a table (:func:`table`, :func:`rows`) has fields separated by `` | ``,
the first one the key. An entry or key that occurs twice in one file is an error:
a table written twice is a table edited in one place and not the other."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

LANGUAGE = "en"
SEPARATOR = " | "


class LexiconError(ValueError):
    """A data file that cannot be used: missing, or with an entry twice."""


@lru_cache(maxsize=None)
def _entries(name: str, language: str = LANGUAGE) -> tuple[str, ...]:
    path = resources.files(__package__).joinpath("data", language, *f"{name}.txt".split("/"))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"no data file {language}/{name}.txt in briefdoc.extractors") from None
    return parse(text, f"{language}/{name}.txt")


def parse(text: str, where: str) -> tuple[str, ...]:
    """The entries of a data file's ``text``; LexiconError naming ``where`` when a key
    occurs twice."""
    entries = []
    seen: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        key = line.split(SEPARATOR, 1)[0].strip()
        if key in seen:
            raise LexiconError(f"{where}: {key!r} is listed twice")
        seen.add(key)
        entries.append(line)
    return tuple(entries)


def ordered(name: str) -> tuple[str, ...]:
    """The entries of a list, in the file's order."""
    return _entries(name)


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The entries of a list, as a set."""
    return frozenset(_entries(name))


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a table: each line's fields, stripped."""
    return tuple(tuple(field.strip() for field in entry.split(SEPARATOR)) for entry in _entries(name))


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, str]:
    """A two-column table as a dict: key -> value."""
    out = {}
    for row in rows(name):
        if len(row) != 2:
            raise LexiconError(f"{LANGUAGE}/{name}.txt: {row[0]!r} has {len(row)} fields, not 2 (key | value)")
        out[row[0]] = row[1]
    return out


@lru_cache(maxsize=None)
def pattern(name: str) -> str:
    """A regular expression alternation of a list's entries, longest first (so that
    "Sept" is tried before "Sep"), each escaped; spaces match any run of spaces."""
    alternatives = sorted(_entries(name), key=lambda e: (-len(e), e))
    return "(?:" + "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in alternatives) + ")"


def names(language: str = LANGUAGE) -> list[str]:
    """Every data file of ``language``, by name ("honorifics", "time/months"), for
    tests that load them all."""
    folder = resources.files(__package__) / "data" / language
    found = []

    def walk(node, prefix: str) -> None:
        for child in node.iterdir():
            if child.is_dir():
                walk(child, f"{prefix}{child.name}/")
            elif child.name.endswith(".txt"):
                found.append(prefix + child.name[:-4])

    walk(folder, "")
    return sorted(found)
