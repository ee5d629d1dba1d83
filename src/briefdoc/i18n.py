"""Locales, UI catalogs and locale-aware formatting: the layer between a Brief and
a layout. Templates get a Localizer (``l10n``) and a ContentTranslator (``tr``) and
never format dates or numbers, or translate content, themselves."""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .errors import BriefdocError, InputError

SOURCE_LOCALE = "en"
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "translations"
RTL_LANGUAGES = {"ar", "he", "fa", "ur", "ps", "ckb", "dv", "yi", "sd", "ug"}
# CLDR supplemental measurementData, paperSize "US-Letter"; every other territory uses A4.
LETTER_TERRITORIES = {"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"}
# The kinds of content a template translates with tr(kind, text), in the order a catalog lists them.
CONTENT_KINDS = ("title", "key point", "actor", "actor title", "position", "quote", "event")


def translations_dir() -> Path:
    return TRANSLATIONS_DIR


def shipped_locales() -> list[str]:
    """The source locale plus every locale with a UI catalog in translations/."""
    found = sorted(p.parent.parent.name for p in translations_dir().glob("*/LC_MESSAGES/messages.po"))
    return [SOURCE_LOCALE] + [loc for loc in found if loc != SOURCE_LOCALE]


def _parse_tag(requested: str):
    """A babel Locale for a user's locale tag ("fr-CA", "fr_ca", "fr_CA.UTF-8",
    "az-Latn-AZ"), or None when it is not a locale."""
    from babel import Locale, UnknownLocaleError

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


def resolve(requested: str) -> str:
    """``requested`` as a canonical locale identifier ("en-us" -> "en_US"), checked
    to be served by a shipped locale. Unlike negotiate() it keeps the territory,
    which decides formats and the page size (Letter for en_US)."""
    negotiate(requested)  # raises for a locale that is not shipped
    loc = _parse_tag(requested)
    return str(loc) if loc is not None else requested.strip()


def _load_catalog(locale: str):
    """gettext Translations for exactly ``locale``'s messages.po, or None."""
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    folder = translations_dir() / locale / "LC_MESSAGES"
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
    from babel.support import NullTranslations

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
    return "rtl" if locale.replace("-", "_").split("_")[0].lower() in RTL_LANGUAGES else "ltr"


def page_size(locale: str) -> str:
    """The default paper size for ``locale``'s territory: "Letter" where CLDR says
    US-Letter is used (en_US, fr_CA, es_MX...), "A4" elsewhere and when the locale
    names no territory."""
    loc = _parse_tag(locale)
    return "Letter" if loc is not None and loc.territory in LETTER_TERRITORIES else "A4"


# Bidi: strong left-to-right characters and what may sit between two of them in one LTR run.
def _is_strong_ltr(ch: str) -> bool:
    return unicodedata.bidirectional(ch) == "L"


def ltr_runs(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that read left to right: runs starting and ending with a
    strong LTR character (Latin letters), with the spaces, digits and punctuation
    between such characters ("Nikol Pashinyan", "EU-Armenia"). Digits alone are
    left to the bidi algorithm, which places them correctly."""
    runs: list[tuple[int, int]] = []
    start = last = None
    for i, ch in enumerate(text):
        bidi = unicodedata.bidirectional(ch)
        if bidi == "L":
            if start is None:
                start = i
            last = i
        elif bidi in ("R", "AL"):
            if start is not None:
                runs.append((start, last + 1))
            start = last = None
    if start is not None:
        runs.append((start, last + 1))
    return runs


def isolate_ltr(text: str, *, markup: bool = True) -> str:
    """``text`` with every LTR run isolated, for an RTL document: as HTML
    (``<bdi dir="ltr">`` around each run, the rest escaped) or, with
    ``markup=False``, as plain text with Unicode isolates (LRI ... PDI)."""
    out, pos = [], 0
    for start, end in ltr_runs(text):
        run = text[start:end]
        if markup:
            out.append(html.escape(text[pos:start], quote=False))
            out.append(f'<bdi dir="ltr">{html.escape(run, quote=False)}</bdi>')
        else:
            out.append(text[pos:start])
            out.append("\u2066" + run + "\u2069")
        pos = end
    out.append(html.escape(text[pos:], quote=False) if markup else text[pos:])
    return "".join(out)


@lru_cache(maxsize=1)
def _english_territories() -> dict[str, str]:
    """English territory name (casefolded) -> CLDR territory code."""
    from babel import Locale

    names = {name.casefold(): code for code, name in Locale("en").territories.items() if code.isalpha()}
    # Names the news uses that are not CLDR's English names.
    names.update({"the eu": "EU", "eu": "EU", "the european union": "EU", "the united states": "US",
                  "usa": "US", "us": "US", "the uk": "GB", "uk": "GB", "britain": "GB", "great britain": "GB",
                  "the netherlands": "NL", "holland": "NL", "turkey": "TR", "the vatican": "VA"})
    return names


def territory_code(english_name: str) -> str | None:
    """The CLDR territory code for an English country name ("Armenia" -> "AM")."""
    return _english_territories().get(" ".join(english_name.split()).casefold())


def _html(value) -> str:
    """``value`` as HTML: its own markup when it has some, else escaped."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value), quote=False)


class Localizer:
    """Formatting and UI strings for one locale, as templates use them (``l10n``).

    ``locale`` may be any tag a shipped locale serves ("fr_CA" uses the French
    catalog, Canadian formats); ``catalog_locale`` is the shipped one."""

    def __init__(self, locale: str):
        from babel import Locale

        loc = _parse_tag(locale)
        self.locale = str(loc) if loc is not None else locale
        self.babel_locale = loc if loc is not None else Locale.parse(SOURCE_LOCALE)
        try:
            self.catalog_locale = negotiate(self.locale)
        except InputError:
            self.catalog_locale = SOURCE_LOCALE
        self.translations = ui_translations(self.locale)
        self.dir = direction(self.locale)
        self.lang = self.locale.replace("_", "-")
        self.page_size = page_size(self.locale)

    @property
    def rtl(self) -> bool:
        return self.dir == "rtl"

    # UI strings
    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self.translations.pgettext(context, message)

    def count(self, n: int, singular: str, plural: str) -> str:
        """A counted phrase in the right plural form, ``{n}`` replaced by the
        localized number: ``count(3, "{n} quote", "{n} quotes")`` -> "3 цитаты".
        The strings must be in the catalog: use the named helpers below from
        templates (their strings are extracted from this file)."""
        return self.ngettext(singular, plural, n).replace("{n}", self.number(n))

    def counted(self, what: str, n: int) -> str:
        """"3 quotes", "1 actor"... for section headers and summaries; ``what`` is
        one of "quote", "key point", "actor", "position", "event", "page"."""
        # Each message is spelled out so that the catalog extractor sees it.
        if what == "quote":
            # Translators: a count of quotes, e.g. in the quotes section header.
            message = self.ngettext("{n} quote", "{n} quotes", n)
        elif what == "key point":
            # Translators: a count of key points (the main facts of the article).
            message = self.ngettext("{n} key point", "{n} key points", n)
        elif what == "actor":
            # Translators: a count of actors: people, organizations and countries that act in the article.
            message = self.ngettext("{n} actor", "{n} actors", n)
        elif what == "position":
            # Translators: a count of positions: what a party said it wants or opposes.
            message = self.ngettext("{n} position", "{n} positions", n)
        elif what == "event":
            # Translators: a count of dated events in the timeline.
            message = self.ngettext("{n} event", "{n} events", n)
        elif what == "page":
            # Translators: a count of printed pages.
            message = self.ngettext("{n} page", "{n} pages", n)
        else:
            raise ValueError(f"counted(): unknown item kind {what!r}")
        return message.replace("{n}", self.number(n))

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
        """ "February 28, 2023", "28 февраля 2023 г.", "2023 թ. փետրվարի 28"."""
        from babel.dates import format_date

        return "" if value is None else format_date(value, format="long", locale=self.babel_locale)

    def date_short(self, value: dt.date | None) -> str:
        from babel.dates import format_date

        return "" if value is None else format_date(value, format="short", locale=self.babel_locale)

    def partial_date(self, value: str) -> str:
        """A timeline date in this locale: a day ("2023-02-28"), a month, a year, an
        ISO week or its weekend (as the range of days, "Feb 20 – 26, 2023") or a
        quarter ("Q1 2023", "1-й кв. 2023 г.")."""
        from babel.dates import format_date, format_interval, format_skeleton

        from .brief import date_bounds

        first, last = date_bounds(value)
        if "-W" in value:
            return format_interval(first, last, "yMMMd", locale=self.babel_locale)
        if "-Q" in value:
            return format_skeleton("yQQQ", first, locale=self.babel_locale)
        parts = value.split("-")
        if len(parts) == 3:
            return format_date(first, format="medium", locale=self.babel_locale)
        if len(parts) == 2:
            return format_skeleton("yMMMM", first, locale=self.babel_locale)
        return format_skeleton("y", first, locale=self.babel_locale)

        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            return format_date(dt.date(*parts), format="medium", locale=self.babel_locale)
        if len(parts) == 2:
            return format_skeleton("yMMMM", dt.date(parts[0], parts[1], 1), locale=self.babel_locale)
        return format_skeleton("y", dt.date(parts[0], 1, 1), locale=self.babel_locale)

    def number(self, value) -> str:
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.babel_locale)

    def percent(self, value: float) -> str:
        from babel.numbers import format_percent

        return format_percent(value, locale=self.babel_locale)

    def list(self, items, style: str = "standard"):
        """Items joined as this locale joins a list: "Russia, Azerbaijan, and
        Armenia", "Россия, Азербайджан и Армения". Items with markup (translated
        content in an RTL document) keep it: the result is then Markup."""
        from babel.lists import format_list
        from markupsafe import Markup

        items = [i for i in items if i is not None and str(i) != ""]
        if not items:
            return ""
        if not any(hasattr(i, "__html__") for i in items):
            return format_list([str(i) for i in items], style=style, locale=self.babel_locale)
        # Join placeholders, then put each item's HTML in its place.
        marks = [f"\ue000{k}\ue001" for k in range(len(items))]
        joined = html.escape(format_list(marks, style=style, locale=self.babel_locale), quote=False)
        for mark, item in zip(marks, items):
            joined = joined.replace(mark, _html(item))
        return Markup(joined)

    def language_name(self, code: str) -> str:
        """A language's name in this locale ("hy" -> "армянский")."""
        from babel import Locale

        try:
            return Locale.parse(code.replace("-", "_")).get_display_name(self.babel_locale) or code
        except Exception:
            return code

    def territory_name(self, code: str) -> str:
        """A territory's CLDR name in this locale ("AZ" -> "Azərbaycan")."""
        return self.babel_locale.territories.get(code.upper(), code)

    def party_name(self, english_name: str) -> str | None:
        """The name of a party that the extractor knows (extractors/actors.py PARTIES)
        in this locale, or None."""
        names = {
            "Democratic Party": self.pgettext("political party", "Democratic Party"),
            "Republican Party": self.pgettext("political party", "Republican Party"),
            "Labour Party": self.pgettext("political party", "Labour Party"),
            "Conservative Party": self.pgettext("political party", "Conservative Party"),
            "Liberal Democrats": self.pgettext("political party", "Liberal Democrats"),
            "Scottish National Party": self.pgettext("political party", "Scottish National Party"),
        }
        return names.get(english_name)

    def country_name(self, english_name: str) -> str | None:
        """An English country name in this locale, from CLDR ("Armenia" ->
        "Армения"), or None when CLDR does not know it."""
        code = territory_code(english_name)
        return None if code is None else self.babel_locale.territories.get(code)

    def bidi(self, text):
        """``text`` as HTML in which Latin names and other LTR runs are isolated
        (``<bdi dir="ltr">``) in an RTL document, so that their punctuation and
        order stay right; in an LTR document, just the escaped text."""
        from markupsafe import Markup

        if text is None:
            return Markup("")
        if hasattr(text, "__html__") and not isinstance(text, Translated):
            return Markup(text.__html__())
        if isinstance(text, Translated):
            return Markup(text.__html__())
        return Markup(isolate_ltr(str(text)) if self.rtl else html.escape(str(text), quote=False))

    def quote(self, text):
        """Text in this locale's quotation marks (“…” in English, «…» in Russian).
        Translated content keeps its markup: the result is then Markup."""
        from markupsafe import Markup

        # Translators: the quotation marks around a quote; keep {text}.
        marks = self.pgettext("quotation marks", "“{text}”")
        if hasattr(text, "__html__"):
            before, _, after = marks.partition("{text}")
            return Markup(html.escape(before, quote=False) + text.__html__() + html.escape(after, quote=False))
        return marks.replace("{text}", "" if text is None else str(text))


class Translated(str):
    """A piece of brief content in the reader's language. ``translated`` is False
    when no translation was found and the source text stands in for it;
    ``original`` is always the source text (a translated quote keeps it);
    ``lang`` is the language of the text shown and ``how`` says where the
    translation came from ("catalog", "sentences", "cldr", "source", "fuzzy",
    "missing").

    In a template, ``{{ t }}`` gives HTML: the escaped text, with LTR runs isolated
    when the document is right to left, and untranslated text wrapped in a span
    carrying its own language and direction."""

    translated: bool
    original: str
    lang: str
    how: str
    rtl_document: bool

    def __new__(cls, text: str, *, translated: bool, original: str, lang: str = "", how: str = "", rtl_document: bool = False):
        obj = super().__new__(cls, text)
        obj.translated = translated
        obj.original = original
        obj.lang = lang
        obj.how = how or ("catalog" if translated else "missing")
        obj.rtl_document = rtl_document
        return obj

    @property
    def dir(self) -> str:
        return direction(self.lang) if self.lang else "auto"

    def __html__(self) -> str:
        text = str(self)
        if not self.translated and self.lang:
            # Source text standing in: mark its language (hyphenation, PDF /Lang)
            # and isolate its direction from an RTL page.
            return f'<span lang="{self.lang}" dir="{self.dir}">{html.escape(text, quote=False)}</span>'
        if self.rtl_document:
            return isolate_ltr(text)
        return html.escape(text, quote=False)


class MissingTranslationError(BriefdocError):
    """A content item has no translation and the user asked for complete ones."""

    exit_code = 2


class ContentTranslator:
    """Translates brief content (title, key points, positions, quotes, events,
    actor names and titles) for one locale. Called from templates as
    ``tr(kind, text)``; kinds: "title", "key point", "position", "quote",
    "event", "actor", "actor title".

    Lookup order: the content catalog's exact entry for (kind, text); for any
    item whose text is one or more whole sentences of the article, the
    catalog's "sentence" entries put together; for an actor that is a country,
    the CLDR territory name, and for a party the extractor knows, the UI catalog's
    name. Otherwise the source text stands in, marked
    untranslated, and is recorded in ``missing`` (or, with ``strict``, raises
    MissingTranslationError).

    Without a content catalog, content in the brief's own language stays as it is
    (``translated`` True) and content for any other locale falls back to the
    source text, marked untranslated."""

    def __init__(self, locale: str, source_language: str = "en", messages: dict | None = None, *,
                 sentences: dict | None = None, strict: bool = False, catalog_path: Path | None = None,
                 fuzzy_used: int = 0):
        self.locale = locale
        self.source_language = source_language
        self.messages = messages or {}  # (kind, source text) -> translation
        self.sentences = sentences if sentences is not None else {
            text: tr for (kind, text), tr in self.messages.items() if kind == "sentence"
        }
        self.strict = strict
        self.catalog_path = catalog_path
        self.fuzzy_used = fuzzy_used
        self.missing: list[tuple[str, str]] = []
        self.rtl_document = direction(locale) == "rtl"
        self._localizer: Localizer | None = None

    @property
    def same_language(self) -> bool:
        return self.locale.replace("-", "_").split("_")[0] == self.source_language.replace("-", "_").split("_")[0]

    def _l10n(self) -> Localizer:
        if self._localizer is None:
            self._localizer = Localizer(self.locale)
        return self._localizer

    def lookup(self, kind: str, text: str) -> tuple[str, str] | None:
        """(translation, how) for ``text`` of ``kind``, or None."""
        found = self.messages.get((kind, text))
        if found:
            return found, "catalog"
        if kind != "sentence" and self.sentences:
            composed = compose_from_sentences(text, self.sentences)
            if composed:
                return composed, "sentences"
        if kind == "actor":
            name = self._l10n().country_name(text)
            if name:
                return name, "cldr"
            name = self._l10n().party_name(text)
            if name and name != text:
                return name, "catalog"
        return None

    def __call__(self, kind: str, text: str | None) -> Translated:
        if text is None:
            text = ""
        rtl = self.rtl_document
        if self.same_language or not text.strip():
            return Translated(text, translated=True, original=text, lang=self.locale.replace("_", "-"), how="source", rtl_document=rtl)
        found = self.lookup(kind, text)
        if found:
            return Translated(found[0], translated=True, original=text, lang=self.locale.replace("_", "-"), how=found[1], rtl_document=rtl)
        if (kind, text) not in self.missing:
            self.missing.append((kind, text))
        if self.strict:
            raise MissingTranslationError(
                f"{self.locale}: no translation for {kind} {_short(text)!r}"
                + (f" in {self.catalog_path}" if self.catalog_path else "")
                + "; translate it or drop --require-complete"
            )
        return Translated(text, translated=False, original=text, lang=self.source_language, how="missing", rtl_document=rtl)

    def report(self) -> str | None:
        """One warning line about the items that fell back to the source text, or None."""
        if not self.missing or self.same_language:
            return None
        kind, text = self.missing[0]
        n = len(self.missing)
        where = f" (catalog: {self.catalog_path})" if self.catalog_path else " (no content catalog found)"
        return (f"{self.locale}: {n} content item{'s' if n != 1 else ''} not translated, shown in the source "
                f"language{where}; first: {kind} {_short(text)!r}")


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# Sentences: the article's text cut where a sentence ends. Deterministic and
# independent of the NLP pipeline, so that a content catalog keeps working when
# the extractors change.
_QUOTE_CHARS = "\"'“”‘’«»„‟‹›"
_SENTENCE_END = re.compile(r"""(?<=[.!?…])[\"'”’»)\]]*(?=\s+["'“‘«(\[]?[A-Z0-9])""")
_ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Prof|Sen|Rep|Gov|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|No|vs|etc|i\.e|e\.g)|\b[A-Z])\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, paragraph by paragraph (a line
    is a paragraph); the quotation marks that close a sentence belong to it."""
    out: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        base, body = para.start(), para.group()
        start = 0
        cuts = []
        for m in _SENTENCE_END.finditer(body):
            if _ABBREVIATIONS.search(body[start:m.start()]):
                continue
            cuts.append((start, m.end()))
            start = m.end()
        cuts.append((start, len(body)))
        for s, e in cuts:
            seg = body[s:e]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg) - len(seg.rstrip())
            if seg.strip():
                out.append((base + s + lead, base + e - trail))
    return out


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (see split_sentences)."""
    return [text[s:e] for s, e in split_sentences(text)]


_LEADING_MARKS = re.compile(f"^[\\s{_QUOTE_CHARS}]+")
# Closing marks at the end, also before the sentence's final stop: Russian and
# Armenian close the quote before the full stop (»., »։), French after a space (. »).
_TRAILING_MARKS = re.compile(f"[\\s{_QUOTE_CHARS}]*[{_QUOTE_CHARS}]\\s*(?=[.!?…։]?\\s*$)")


def _strip_marks(text: str) -> str:
    """``text`` without the quotation marks that open or close it."""
    return _TRAILING_MARKS.sub("", _LEADING_MARKS.sub("", text.strip())).strip()


def compose_from_sentences(text: str, translations: dict[str, str]) -> str | None:
    """A translation of ``text`` put together from whole-sentence translations,
    when ``text`` is one sentence or several consecutive ones (quotation marks
    at the ends aside: a quote's text stands without them); None otherwise.

    ``translations`` maps each sentence's source text to its translation."""
    target = " ".join(text.split())
    if not target:
        return None
    exact = translations.get(text) or translations.get(target)
    if exact:
        return exact
    index = _sentence_index(tuple(sorted(translations.items())))
    rest = _strip_marks(target)
    parts: list[str] = []
    while rest:
        hit = None
        for src in index:
            if rest.startswith(src) and (len(rest) == len(src) or rest[len(src)] == " ") and (hit is None or len(src) > len(hit)):
                hit = src
        if hit is None:
            return None
        parts.append(index[hit])
        rest = rest[len(hit):].lstrip()
    return " ".join(parts) if parts else None


@lru_cache(maxsize=32)
def _sentence_index(items: tuple) -> dict[str, str]:
    """Sentence text without end quotation marks -> its translation, likewise
    without them (a quote's text is shown inside the locale's own marks)."""
    index: dict[str, str] = {}
    for src, tr in items:
        key = _strip_marks(" ".join(src.split()))
        if key and tr:
            index[key] = _strip_marks(tr)
    return index
