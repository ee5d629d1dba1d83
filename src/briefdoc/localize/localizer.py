"""Formatting for one locale, as templates use it (``l10n``): UI strings, dates,
numbers, lists, quotation marks, country and language names. Templates never
format dates or numbers themselves."""

from __future__ import annotations

import datetime as dt
import html
import re

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from markupsafe import Markup

from ..model.brief import date_bounds, is_range
from ..model.errors import InputError
from .bidi import isolate_ltr
from .locales import SOURCE_LOCALE, _parse_tag, direction, negotiate, page_size, territory_code
from .ui import ui_translations


def css_string(value: str) -> str:
    """``value`` as a quoted CSS string, every character that could end it escaped."""
    out = []
    for ch in value:
        if ch in '"\\' or ord(ch) < 32 or ch in "<>&" or ord(ch) == 127:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'



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
        return "" if value is None else format_date(value, format="long", locale=self.babel_locale)

    def date_short(self, value: dt.date | None) -> str:
        return "" if value is None else format_date(value, format="short", locale=self.babel_locale)

    def partial_date(self, value: str) -> str:
        """A timeline date in this locale: a day ("2023-02-28"), a month, a year, an
        ISO week or its weekend (as the range of days, "Feb 20 – 26, 2023"), a
        quarter ("Q1 2023", "1-й кв. 2023 г.") or a range of two of these ("2010 –
        2016", "March – May 2021", "Sep 16 – 19, 2016", "16–19 сент. 2016 г.")."""
        if is_range(value):
            return self._date_range(value)
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

    # A range of two days, months or years: CLDR's interval of that skeleton ("Sep 16 – 19, 2016").
    _RANGE_SKELETONS = {10: "yMMMd", 7: "yMMMM", 4: "y"}

    def _date_range(self, value: str) -> str:
        """A range of two timeline dates: as CLDR writes an interval when both are days, months or
        years; else each date as ``partial_date`` writes it, in the locale's interval pattern."""
        first, _, last = value.partition("/")
        skeleton = self._RANGE_SKELETONS.get(len(first)) if len(first) == len(last) and "-W" not in first \
            and "-Q" not in first else None
        if skeleton is not None:
            start, end = date_bounds(value)
            return format_interval(start, end, skeleton, locale=self.babel_locale)
        pattern = self.babel_locale.interval_formats.get(None) or "{0} – {1}"
        return pattern.replace("{0}", self.partial_date(first)).replace("{1}", self.partial_date(last))

    def number(self, value) -> str:
        return format_decimal(value, locale=self.babel_locale)

    def percent(self, value: float) -> str:
        return format_percent(value, locale=self.babel_locale)

    def list(self, items, style: str = "standard"):
        """Items joined as this locale joins a list: "Russia, Azerbaijan, and
        Armenia", "Россия, Азербайджан и Армения". Items with markup (translated
        content in an RTL document) keep it: the result is then Markup."""
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
        if text is None:
            return Markup("")
        if hasattr(text, "__html__"):  # markup, or translated content (it isolates its own runs)
            return Markup(text.__html__())
        return Markup(isolate_ltr(str(text)) if self.rtl else html.escape(str(text), quote=False))

    def quote(self, text):
        """Text in this locale's quotation marks (“…” in English, «…» in Russian).
        Translated content keeps its markup: the result is then Markup."""
        # Translators: the quotation marks around a quote; keep {text}.
        marks = self.pgettext("quotation marks", "“{text}”")
        if hasattr(text, "__html__"):
            before, _, after = marks.partition("{text}")
            return Markup(html.escape(before, quote=False) + text.__html__() + html.escape(after, quote=False))
        return marks.replace("{text}", "" if text is None else str(text))
