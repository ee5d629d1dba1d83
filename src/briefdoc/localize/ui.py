"""UI catalogs: the gettext translations of the strings layouts and the code print
("Key points", "Page 1 of 2"), read from the shipped translations/ folder."""

from __future__ import annotations

import io
from functools import lru_cache

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from . import locales
from .locales import SOURCE_LOCALE, fallback_chain


def _load_catalog(locale: str):
    """gettext Translations for exactly ``locale``'s messages.po, or None."""
    folder = locales.translations_dir() / locale / "LC_MESSAGES"
    po, mo = folder / "messages.po", folder / "messages.mo"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fh:
            return Translations(fh, domain="messages")
    if not po.exists():
        return None
    # No compiled catalog yet (or an older one): compile in memory, fuzzy entries left out.
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=locale)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return Translations(buf, domain="messages")


@lru_cache(maxsize=None)
def ui_translations(locale: str):
    """The UI catalog for ``locale`` (gettext Translations), falling back along
    fallback_chain() ("fr_CA" -> "fr") and finally to the English source strings.

    Reads translations/<locale>/LC_MESSAGES/messages.mo, compiling the .po in
    memory when the .mo is missing or older than the .po."""
    first = None
    for candidate in fallback_chain(locale):
        if candidate == SOURCE_LOCALE:
            break
        found = _load_catalog(candidate)
        if found is None:
            continue
        if first is None:
            first = found
        else:
            first.add_fallback(found)
    return first if first is not None else NullTranslations()
