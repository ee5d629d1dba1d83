"""Countries: names (CLDR via Babel), common variants, capitals and nationality adjectives;
international bodies and their seats.

The tables are data files in ``data/en/countries/`` (``countries.txt`` is the capital and
adjective table, a general list written for all countries commonly in the news, not for any
one article).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import babel

from . import lexicon


def _forms(field: str) -> list[str]:
    """The forms in a data file's field, separated by ", " ("Afghan, Afghans")."""
    return [f.strip() for f in field.split(", ") if f.strip()]


# ISO code -> (nationality adjectives / plural demonyms, capitals or seats of government)
_TABLE = {code: (_forms(adjs), _forms(caps[0]) if caps else []) for code, adjs, *caps in lexicon.rows("countries/countries")}

# Common English names besides CLDR's.
_VARIANTS = {code: _forms(names) for code, names in lexicon.table("countries/variants").items()}

# The name shown where CLDR's is not the one English news uses.
_DISPLAY = lexicon.table("countries/display_names")

# Parts of a state that news names as places of that state (name or adjective -> the state's code).
_PARTS = {code: (_forms(parts), _forms(adjs)) for code, parts, adjs in lexicon.rows("countries/parts")}

# International bodies that news names as actors: (name, other names and abbreviations, institutions).
_BODIES = tuple((name, _forms(others), _forms(parts[0]) if parts else [])
                for name, others, *parts in lexicon.rows("countries/bodies"))

# Seats of an international body that news uses for the body, not for the host country: seat -> body.
_SEATS = lexicon.table("countries/seats")

_NOT_COUNTRIES = lexicon.words("countries/not_countries")

# Territory names that are also common words or first names.
_AMBIGUOUS = lexicon.words("countries/ambiguous")

# Country names that are also the name of a U.S. state: (the state's postal abbreviations, the
# words that tell the country in its own news).
_US_STATES = {name: (set(_forms(abbrevs)), set(_forms(own)))
              for name, abbrevs, own in lexicon.rows("countries/us_states")}


def us_state_homonym(text: str):
    """(the state's abbreviations, the country's own words) for a country name that is also a
    U.S. state's ("Georgia"), else None."""
    return _US_STATES.get(text.strip())


def _unaccented(text: str) -> str:
    """The text without accents ("Sao Tome")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slug(text: str) -> str:
    """An id made of a name: lower case, unaccented, words joined by "-"."""
    s = _unaccented(text).lower()
    s = re.sub(r"[’'`]", "", s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


@lru_cache(maxsize=1)
def tables() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """(name -> code, capital -> code, adjective -> code, code -> display name); keys lowercased."""
    names: dict[str, str] = {}
    display: dict[str, str] = {}
    for code, name in babel.Locale("en").territories.items():
        if len(code) != 2 or not code.isalpha() or code in _NOT_COUNTRIES:
            continue
        short = re.sub(r"\s*\(.*?\)", "", name).strip()
        display[code] = short if " - " not in short else name
        for n in {name, short}:
            if " - " in n:
                continue
            # "Bosnia & Herzegovina" is written "Bosnia and Herzegovina", "St. Lucia" "Saint Lucia",
            # "São Tomé" also "Sao Tome"
            for form in {n, n.replace(" & ", " and ")}:
                for f in {form, form.replace("St. ", "Saint "), _unaccented(form)}:
                    names.setdefault(f.lower(), code)
    display.update(_DISPLAY)
    for code, vs in _VARIANTS.items():
        for v in vs:
            names.setdefault(v.lower(), code)
            if v.lower().startswith("the "):
                names.setdefault(v.lower()[4:], code)
    capitals: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    for code, (parts, adjs) in _PARTS.items():
        for n in parts:
            names.setdefault(n.lower(), code)
        for a in adjs:
            adjectives.setdefault(a.lower(), code)
    for code, (adjs, caps) in _TABLE.items():
        for a in adjs:
            adjectives[a.lower()] = code
        for c in caps:
            capitals[c.lower()] = code
    return names, capitals, adjectives, display


def country_of_name(text: str) -> str | None:
    """The ISO code of a country's name ("the Netherlands"), or None."""
    names = tables()[0]
    t = text.strip()
    if t.lower().startswith("the "):
        t = t[4:]
    return names.get(t.lower())


def country_of_adjective(text: str) -> str | None:
    """The ISO code of a nationality adjective or demonym ("Azerbaijani"), or None."""
    return tables()[2].get(text.strip().lower())


def display_name(code: str) -> str:
    """The name a country is shown with."""
    return tables()[3].get(code, code)


def is_ambiguous(text: str) -> bool:
    """A territory name that is also a common word or a first name ("Chad")."""
    return text in _AMBIGUOUS


@lru_cache(maxsize=1)
def _bodies() -> tuple[dict[str, str], dict[str, str]]:
    """(lowercased name or abbreviation -> body name, lowercased short name -> body name)."""
    names: dict[str, str] = {}
    short: dict[str, str] = {}
    for name, others, _parts in _BODIES:
        for n in [name, *others]:
            names[n.lower()] = name
            if n.replace(".", "").isupper() and len(n.replace(".", "")) <= 5:
                short[n.lower()] = name
    return names, short


def body_of_name(text: str) -> str | None:
    """The international body a name stands for ("EU", "the European Union", "U.N."), by its
    own name."""
    t = text.strip()
    if t.lower().startswith("the "):
        t = t[4:]
    return _bodies()[0].get(t.lower())


def body_of_part(text: str) -> str | None:
    """The international body an institution belongs to: one listed as its part ("European
    Commission", "the Security Council"), or one whose short name comes first ("UN Security
    Council", "U.N. General Assembly", "EU Commission")."""
    t = text.strip()
    if t.lower().startswith("the "):
        t = t[4:]
    for name, _others, parts in _BODIES:
        if any(t.lower() == p.lower() for p in parts):
            return name
    first = t.split(" ", 1)
    if len(first) == 2 and first[0].lower() in _bodies()[1] and first[1][:1].isupper():
        return _bodies()[1][first[0].lower()]
    return None


def body_of_seat(text: str) -> str | None:
    """The international body a seat stands for ("Brussels": the European Union)."""
    return _SEATS.get(text.strip().lower())


def is_part(text: str) -> bool:
    """A name or adjective of a part of a state ("Scotland", "Welsh"), not of the state itself."""
    low = text.strip().lower()
    return any(low in {w.lower() for w in parts + adjs} for parts, adjs in _PARTS.values())
