"""Comparing what different articles write: names folded across transliterations
("Sergey", "Sergei", "Серге́й" are one), words reduced for overlap, similarity."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

# Russian (and Ukrainian) Cyrillic in the common English transliteration.
_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
     "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "i", "ye", "g"]))

# Spellings that transliterations of one name vary between, mapped to one form
# (applied in order, after accents are dropped): Dzhabarov/Jabarov, Mikhail/Michail,
# Aleksandr/Alexandr, Yevgeny/Evgeny/Jevgenij, Sergey/Sergei/Serguei, Bayramov/Bairamov.
_FOLDS = [
    ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("ch", "h"), ("ck", "k"), ("ph", "f"), ("ks", "x"),
    ("cs", "x"), ("ou", "u"), ("w", "v"), ("q", "k"), ("y", "i"), ("ij", "i"), ("ji", "i"),
]


@lru_cache(maxsize=4096)
def fold(word: str) -> str:
    """A name's spelling reduced to what its transliterations share: lower case, no
    accents, Cyrillic in Latin letters, the usual variant spellings made one, doubled
    letters single. "Sergey" and "Sergei", "Aliyev" and "Aliev" fold alike."""
    s = unicodedata.normalize("NFKD", word.lower())
    s = "".join(_CYRILLIC.get(c, c) for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^a-z]", "", s)
    for a, b in _FOLDS:
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    if len(s) > 3 and s[0] == "i" and s[1] in "aeou":  # Yevgeny/Evgeny, Iuri/Uri stay apart otherwise
        s = s[1:]
    return s


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, counted only up to ``limit`` + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def same_spelling(a: str, b: str, *, loose: bool = False) -> bool:
    """Whether two words are one name's spellings: they fold alike or, with ``loose``
    and six letters or more, differ by one letter (Jeyhun/Ceyhun, Lavrov/Lavroff)."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    return loose and min(len(fa), len(fb)) >= 6 and edit_distance(fa, fb, 1) <= 1


# Words that carry no content when comparing two reports of one thing.
STOPWORDS = frozenset("""
a an the and or but nor of to in on at by for from with without into onto over under about after before during
since until than as that this these those there here it its it's he she they them his her their him we our us
you your i me my is are was were be been being has have had do does did will would shall should can could may
might must not no so such also only just very more most less some any all each both other another which who whom
whose what when where why how said says say told tell according while then now still already yet again even
""".split())


def words(text: str) -> list[str]:
    """The words of ``text``, lower case, accents and punctuation dropped."""
    s = unicodedata.normalize("NFKD", text.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.findall(r"[^\W_]+", s)


def stem(word: str) -> str:
    """A crude English stem, enough to match "talks"/"talk", "signed"/"signing"."""
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_words(text: str, drop: frozenset[str] | set[str] = frozenset()) -> set[str]:
    """The stems of ``text``'s content words (no stop words, no numbers, none of ``drop``)."""
    return {stem(w) for w in words(text) if w not in STOPWORDS and w not in drop and not w.isdigit() and len(w) > 1}


def overlap(a: set[str], b: set[str]) -> float:
    """The overlap coefficient: shared words over the smaller set's size."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def sequence_ratio(a: list[str], b: list[str]) -> float:
    """How alike two word sequences are (difflib's ratio)."""
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def contains(longer: list[str], shorter: list[str]) -> bool:
    """Whether ``shorter`` occurs in ``longer`` as a run of words."""
    n = len(shorter)
    if not n or n > len(longer):
        return False
    first = shorter[0]
    return any(longer[i] == first and longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def slug(name: str) -> str:
    """An actor id from a name: "Sergey Lavrov" -> "sergey-lavrov"."""
    s = unicodedata.normalize("NFKD", name.lower())
    s = "".join(_CYRILLIC.get(c, c) for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "actor"


def assign(batches, score, new):
    """Group items article by article: each batch (one article's items) is matched
    against the groups made so far, best pairs first, at most one item of the article
    to a group (an article does not report one thing twice); an item that fits no
    group starts one. ``score(item, group)`` is None when the item does not fit;
    ``new(item)`` makes a group; a group's ``add(item)`` takes an item in."""
    groups: list = []
    for batch in batches:
        pairs = sorted(((s, -i, -j) for i, item in enumerate(batch) for j, g in enumerate(groups)
                        if (s := score(item, g)) is not None), reverse=True)
        placed: set[int] = set()
        taken: set[int] = set()
        for _, i, j in pairs:
            i, j = -i, -j
            if i in placed or j in taken:
                continue
            groups[j].add(batch[i])
            placed.add(i)
            taken.add(j)
        for i, item in enumerate(batch):
            if i not in placed:
                groups.append(new(item))
    return groups
