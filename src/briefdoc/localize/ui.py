"""UI catalogs: the gettext translations of the strings layouts and the code print
("Key points", "Page 1 of 2"), read from the shipped translations/ folder and from
folders a user gives (``--translations-dir``). A string no catalog translates is
shown in English, marked as untranslated content is (marked.ui_fallback)."""

from __future__ import annotations

import contextlib
import io
import threading
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from . import locales
from .locales import SOURCE_LOCALE, fallback_chain
from .marked import ui_fallback

# Folders of UI catalogs a user supplies, tried before the shipped ones (see use_catalog_dirs).
_user_dirs: tuple[Path, ...] = ()
# only_catalog_dirs: this thread reads its UI catalogs from these folders alone.
_only = threading.local()


def use_catalog_dirs(dirs) -> None:
    """Read UI catalogs from ``dirs`` (each holding <locale>/LC_MESSAGES/messages.po,
    as translations/ does) before the shipped ones: a user's own language, or
    their own wording of a shipped one."""
    global _user_dirs
    _user_dirs = tuple(Path(d) for d in dirs)


@contextlib.contextmanager
def only_catalog_dirs(dirs):
    """In this block, this thread reads UI catalogs from ``dirs`` alone, neither the
    user's folders nor the shipped one: a build's worker on a cluster renders with the
    catalogs the build sent it, as they are where the build runs."""
    previous = getattr(_only, "dirs", None)
    _only.dirs = tuple(Path(d) for d in dirs)
    try:
        yield
    finally:
        _only.dirs = previous


def catalog_dirs() -> tuple[Path, ...]:
    """Where UI catalogs are looked for, first first: the user's folders, then the shipped one."""
    only = getattr(_only, "dirs", None)
    if only is not None:
        return only
    return _user_dirs + (locales.translations_dir(),)


def catalog_file(folder: Path, locale: str) -> Path | None:
    """``folder``'s catalog for exactly ``locale`` (messages.po, or a compiled messages.mo alone)."""
    base = Path(folder) / locale / "LC_MESSAGES"
    for name in ("messages.po", "messages.mo"):
        if (base / name).is_file():
            return base / name
    return None


def _load_catalog(folder: Path, locale: str):
    """gettext Translations for exactly ``locale``'s catalog in ``folder``, or None."""
    base = Path(folder) / locale / "LC_MESSAGES"
    po, mo = base / "messages.po", base / "messages.mo"
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


class EnglishFallback(NullTranslations):
    """The end of a locale's chain of UI catalogs: the English source string, marked
    (marked.ui_fallback), for anything no catalog translates. ``shown`` records the
    strings it gave, for the command's warning."""

    def __init__(self, locale: str):
        super().__init__()
        self.locale = locale
        self.shown: dict[str, None] = {}

    def _mark(self, message: str):
        self.shown[message] = None
        return ui_fallback(message, self.locale)

    def gettext(self, message):
        return self._mark(message)

    def ngettext(self, singular, plural, n):
        return self._mark(singular if n == 1 else plural)

    def pgettext(self, context, message):
        return self._mark(message)

    def npgettext(self, context, singular, plural, n):
        return self._mark(singular if n == 1 else plural)

    # Babel aliases these to the base class's methods, and Jinja2 calls them first.
    ugettext, ungettext, upgettext, unpgettext = gettext, ngettext, pgettext, npgettext


@lru_cache(maxsize=None)
def _translations(locale: str, dirs: tuple[Path, ...]):
    first = None
    for candidate in fallback_chain(locale):
        if candidate == SOURCE_LOCALE:
            return first if first is not None else NullTranslations()
        for folder in dirs:
            found = _load_catalog(folder, candidate)
            if found is None:
                continue
            if first is None:
                first = found
            else:
                first.add_fallback(found)
    marker = EnglishFallback(locale)
    if first is None:
        return marker
    first.add_fallback(marker)
    return first


def ui_translations(locale: str):
    """The UI catalog for ``locale`` (gettext Translations), falling back along
    fallback_chain() ("fr_CA" -> "fr"), each step in the user's folders first, and
    finally to the English source strings, marked (an English locale is the
    source itself: nothing is marked).

    Reads <folder>/<locale>/LC_MESSAGES/messages.mo, compiling the .po in memory
    when the .mo is missing or older than the .po."""
    return _translations(locale, catalog_dirs())


ui_translations.cache_clear = _translations.cache_clear


def has_catalog(locale: str) -> bool:
    """Whether some UI catalog (the user's or a shipped one) serves ``locale``."""
    if fallback_chain(locale)[-1] == SOURCE_LOCALE:
        return True
    return any(catalog_file(d, c) for c in fallback_chain(locale) for d in catalog_dirs())


def fallback_report(locale: str) -> str | None:
    """One warning line about the UI strings shown in English for ``locale`` (in
    this process), or None."""
    tr = ui_translations(locale)
    while tr is not None and not isinstance(tr, EnglishFallback):
        tr = getattr(tr, "_fallback", None)
    if tr is None or not tr.shown:
        return None
    n = len(tr.shown)
    first = next(iter(tr.shown))
    if has_catalog(locale):
        why = "not in its UI catalog"
    else:
        why = f"no UI catalog for {locale}; give one with --translations-dir DIR (DIR/{locale}/LC_MESSAGES/messages.po)"
    return f"{locale}: {n} UI string{'s' if n != 1 else ''} shown in English, marked ({why}); first: {first!r}"
