"""Locales: which are shipped, how a user's tag ("fr-CA", "fr_CA.UTF-8") is read and
negotiated to one of them, and what a locale decides besides its strings: text
direction, paper size, the CLDR territory names."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError

from ..model.errors import InputError
from ..model.resources import TRANSLATIONS, data_dir

SOURCE_LOCALE = "en"
RTL_LANGUAGES = {"ar", "he", "fa", "ur", "ps", "ckb", "dv", "yi", "sd", "ug"}
# CLDR supplemental measurementData, paperSize "US-Letter"; every other territory uses A4.
LETTER_TERRITORIES = {"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"}


def translations_dir() -> Path:
    """The shipped UI catalogs: translations/<locale>/LC_MESSAGES/messages.po."""
    return data_dir(TRANSLATIONS)

def shipped_locales() -> list[str]:
    """The source locale plus every locale with a UI catalog in translations/."""
    found = sorted(p.parent.parent.name for p in translations_dir().glob("*/LC_MESSAGES/messages.po"))
    return [SOURCE_LOCALE] + [loc for loc in found if loc != SOURCE_LOCALE]


def _parse_tag(requested: str):
    """A babel Locale for a user's locale tag ("fr-CA", "fr_ca", "fr_CA.UTF-8",
    "az-Latn-AZ"), or None when it is not a locale."""
    tag = (requested or "").strip()
    tag = tag.split(".", 1)[0].split("@", 1)[0].replace("-", "_")  # POSIX "fr_CA.UTF-8@euro"
    if not tag:
        return None
    if tag in ("C", "POSIX"):
        tag = SOURCE_LOCALE
    parts = tag.split("_")
    # Babel wants "fr_CA" / "az_Latn_AZ": language lower, script title, territory upper.
    norm = [parts[0].lower()] + [p.title() if len(p) == 4 else p.upper() for p in parts[1:]]
    try:
        return Locale.parse("_".join(norm))
    except (ValueError, UnknownLocaleError):
        return None


def fallback_chain(locale: str) -> list[str]:
    """The catalog locales to try for ``locale``, most specific first:
    "fr_CA" -> ["fr_CA", "fr"]; "az_Latn_AZ" -> ["az_Latn_AZ", "az_AZ", "az_Latn", "az"]."""
    loc = _parse_tag(locale)
    if loc is None:
        return [locale]
    chain = [str(loc)]
    if loc.script and loc.territory:
        chain.append(f"{loc.language}_{loc.territory}")
    if loc.script:
        chain.append(f"{loc.language}_{loc.script}")
    elif loc.territory:
        pass
    chain.append(loc.language)
    out: list[str] = []
    for c in chain:
        if c not in out:
            out.append(c)
    return out


def negotiate(requested: str) -> str:
    """The shipped locale whose catalogs serve ``requested`` ("fr_CA" -> "fr",
    "en-GB" -> "en", "ru" -> "ru").

    Raises InputError naming the shipped locales when none fits (a locale that is
    not shipped never silently falls back to English)."""
    shipped = shipped_locales()
    tag = (requested or "").strip()
    if tag in shipped:
        return tag
    loc = _parse_tag(tag)
    if loc is None:
        raise InputError(f"unknown locale {requested!r}; shipped locales: {', '.join(shipped)}")
    for candidate in fallback_chain(str(loc)):
        if candidate in shipped:
            return candidate
    raise InputError(f"locale {requested!r} is not shipped; choose one of: {', '.join(shipped)}")


def canonical(requested: str) -> str:
    """A user's locale tag as a CLDR identifier ("de-at" -> "de_AT"), shipped or
    not; InputError when it is no locale."""
    loc = _parse_tag(requested)
    if loc is None:
        raise InputError(f"unknown locale {requested!r}; give a language tag such as de, fr_CA or pt-BR")
    return str(loc)


def resolve(requested: str, available=()) -> str:
    """``requested`` as a canonical locale identifier ("en-us" -> "en_US"), checked
    to be served by a shipped locale or, for a language the package does not ship,
    by one of ``available`` (locales that have a catalog for what is rendered: a
    content catalog beside the brief, a UI catalog the user gives). Unlike
    negotiate() it keeps the territory, which decides formats and the page size
    (Letter for en_US)."""
    try:
        negotiate(requested)
    except InputError:
        loc = _parse_tag(requested)
        if loc is None or not set(fallback_chain(str(loc))) & set(available):
            raise
    loc = _parse_tag(requested)
    return str(loc) if loc is not None else requested.strip()


def direction(locale: str) -> str:
    return "rtl" if locale.replace("-", "_").split("_")[0].lower() in RTL_LANGUAGES else "ltr"


def page_size(locale: str) -> str:
    """The default paper size for ``locale``'s territory: "Letter" where CLDR says
    US-Letter is used (en_US, fr_CA, es_MX...), "A4" elsewhere and when the locale
    names no territory."""
    loc = _parse_tag(locale)
    return "Letter" if loc is not None and loc.territory in LETTER_TERRITORIES else "A4"



@lru_cache(maxsize=1)
def _english_territories() -> dict[str, str]:
    """English territory name (casefolded) -> CLDR territory code."""
    names = {name.casefold(): code for code, name in Locale("en").territories.items() if code.isalpha()}
    # Names the news uses that are not CLDR's English names.
    names.update({"the eu": "EU", "eu": "EU", "the european union": "EU", "the united states": "US",
                  "usa": "US", "us": "US", "the uk": "GB", "uk": "GB", "britain": "GB", "great britain": "GB",
                  "the netherlands": "NL", "holland": "NL", "turkey": "TR", "the vatican": "VA"})
    return names


def territory_code(english_name: str) -> str | None:
    """The CLDR territory code for an English country name ("Armenia" -> "AM")."""
    return _english_territories().get(" ".join(english_name.split()).casefold())
