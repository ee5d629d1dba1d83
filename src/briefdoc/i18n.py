"""Locales, UI catalogs and locale-aware formatting: the layer between a Brief and
a layout. Templates get a Localizer and never format dates or numbers themselves."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

from .errors import InputError

SOURCE_LOCALE = "en"
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "translations"
RTL_LANGUAGES = {"ar", "he", "fa", "ur"}


def translations_dir() -> Path:
    return TRANSLATIONS_DIR


def shipped_locales() -> list[str]:
    """The source locale plus every locale with a UI catalog in translations/."""
    found = sorted(p.parent.parent.name for p in translations_dir().glob("*/LC_MESSAGES/messages.po"))
    return [SOURCE_LOCALE] + [loc for loc in found if loc != SOURCE_LOCALE]


def negotiate(requested: str) -> str:
    """The shipped locale that serves ``requested`` ("fr_CA" -> "fr", "en-GB" -> "en").

    Raises InputError naming the shipped locales when none fits."""
    from babel import Locale, UnknownLocaleError

    shipped = shipped_locales()
    tag = requested.strip().replace("-", "_")
    if tag in shipped:
        return tag
    try:
        loc = Locale.parse(tag)
    except (ValueError, UnknownLocaleError):
        raise InputError(f"unknown locale {requested!r}; shipped locales: {', '.join(shipped)}") from None
    for candidate in (str(loc), loc.language):
        if candidate in shipped:
            return candidate
    raise InputError(f"locale {requested!r} is not shipped; choose one of: {', '.join(shipped)}")


@lru_cache(maxsize=None)
def ui_translations(locale: str):
    """The compiled UI catalog for ``locale`` (gettext Translations).

    Reads translations/<locale>/LC_MESSAGES/messages.mo, compiling the .po in
    memory when the .mo is missing or older than the .po."""
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import NullTranslations, Translations

    if locale == SOURCE_LOCALE:
        return NullTranslations()
    folder = translations_dir() / locale / "LC_MESSAGES"
    po, mo = folder / "messages.po", folder / "messages.mo"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fh:
            return Translations(fh, domain="messages")
    if not po.exists():
        return NullTranslations()
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=locale)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return Translations(buf, domain="messages")


def css_string(value: str) -> str:
    """``value`` as a quoted CSS string, every character that could end it escaped."""
    out = []
    for ch in value:
        if ch in '"\\' or ord(ch) < 32 or ch in "<>&" or ord(ch) == 127:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def direction(locale: str) -> str:
    return "rtl" if locale.split("_")[0] in RTL_LANGUAGES else "ltr"


class Localizer:
    """Formatting and UI strings for one locale, as templates use them."""

    def __init__(self, locale: str):
        from babel import Locale

        self.locale = locale
        self.babel_locale = Locale.parse(locale)
        self.translations = ui_translations(locale)
        self.dir = direction(locale)
        self.lang = locale.replace("_", "-")

    # UI strings
    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self.translations.pgettext(context, message)

    def page_footer_css(self) -> str:
        """A CSS ``content`` value for the localized "page X of Y" footer."""
        # Translators: page footer; {page} and {pages} become the page number and the page count.
        message = self.gettext("Page {page} of {pages}")
        parts = []
        for piece in re.split(r"(\{page\}|\{pages\})", message):
            if piece == "{page}":
                parts.append("counter(page)")
            elif piece == "{pages}":
                parts.append("counter(pages)")
            elif piece:
                parts.append(css_string(piece))
        return " ".join(parts) or "counter(page)"

    # Formatting
    def date_long(self, value: dt.date | None) -> str:
        from babel.dates import format_date

        return "" if value is None else format_date(value, format="long", locale=self.babel_locale)

    def date_short(self, value: dt.date | None) -> str:
        from babel.dates import format_date

        return "" if value is None else format_date(value, format="short", locale=self.babel_locale)

    def partial_date(self, value: str) -> str:
        """A timeline date ("2023-02-28", "2023-02" or "2023") in this locale."""
        from babel.dates import format_date, format_skeleton

        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            return format_date(dt.date(*parts), format="medium", locale=self.babel_locale)
        if len(parts) == 2:
            return format_skeleton("yMMMM", dt.date(parts[0], parts[1], 1), locale=self.babel_locale)
        return format_skeleton("y", dt.date(parts[0], 1, 1), locale=self.babel_locale)

    def number(self, value) -> str:
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.babel_locale)

    def list(self, items) -> str:
        from babel.lists import format_list

        items = [str(i) for i in items]
        return format_list(items, locale=self.babel_locale) if items else ""

    def language_name(self, code: str) -> str:
        from babel import Locale

        try:
            return Locale.parse(code).get_display_name(self.babel_locale) or code
        except Exception:
            return code

    def quote(self, text: str) -> str:
        """Text in this locale's quotation marks (“…” in English, «…» in Russian)."""
        # Translators: the quotation marks around a quote; keep {text}.
        return self.pgettext("quotation marks", "“{text}”").replace("{text}", text)


class Translated(str):
    """A piece of brief content in the reader's language. ``translated`` is False
    when no translation was found and the source text stands in for it;
    ``original`` is always the source text (a translated quote keeps it)."""

    translated: bool
    original: str

    def __new__(cls, text: str, *, translated: bool, original: str):
        obj = super().__new__(cls, text)
        obj.translated = translated
        obj.original = original
        return obj


class ContentTranslator:
    """Translates brief content (title, key points, positions, quotes, events,
    actor names and titles) for one locale. Called from templates as
    ``tr(kind, text)``; kinds: "title", "key point", "position", "quote",
    "event", "actor", "actor title".

    Without a content catalog, content in the brief's own language stays as it is
    (``translated`` True) and content for any other locale falls back to the
    source text, marked untranslated."""

    def __init__(self, locale: str, source_language: str = "en", messages: dict | None = None):
        self.locale = locale
        self.source_language = source_language
        self.messages = messages or {}  # (kind, source text) -> translation
        self.missing: list[tuple[str, str]] = []

    @property
    def same_language(self) -> bool:
        return self.locale.split("_")[0] == self.source_language.split("_")[0]

    def __call__(self, kind: str, text: str | None) -> Translated:
        if text is None:
            text = ""
        if self.same_language or not text.strip():
            return Translated(text, translated=True, original=text)
        found = self.messages.get((kind, text))
        if found:
            return Translated(found, translated=True, original=text)
        self.missing.append((kind, text))
        return Translated(text, translated=False, original=text)
