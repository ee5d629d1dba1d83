"""Locales, formatting and content translation (i18n.py): negotiation, Babel
formats per locale, plurals from the compiled catalogs, bidi isolation, and the
ContentTranslator's fallbacks."""

from __future__ import annotations

import datetime as dt

import pytest

from briefdoc.localize import bidi
from briefdoc.localize import locales
from briefdoc.localize import sentences as sentences_mod
from briefdoc.localize import translator
from briefdoc.model.errors import InputError
from briefdoc.localize.translator import ContentTranslator
from briefdoc.localize.localizer import Localizer

SHIPPED = ["en", "ar", "az", "fr", "hy", "ru"]
DAY = dt.date(2023, 2, 28)


def test_shipped_locales():
    assert locales.shipped_locales() == SHIPPED


@pytest.mark.parametrize("requested,expected", [
    ("ru", "ru"), ("fr_CA", "fr"), ("fr-CA", "fr"), ("fr-ca", "fr"), ("FR", "fr"), ("en-GB", "en"), ("en_US", "en"),
    ("hy_AM", "hy"), ("az-Latn-AZ", "az"), ("ar_EG", "ar"), ("ru_RU.UTF-8", "ru"), ("C", "en"),
])
def test_negotiate_falls_back_to_the_language(requested, expected):
    assert locales.negotiate(requested) == expected


@pytest.mark.parametrize("requested", ["de", "zh_TW", "es-MX"])
def test_negotiate_refuses_a_locale_that_is_not_shipped(requested):
    with pytest.raises(InputError) as err:
        locales.negotiate(requested)
    message = str(err.value)
    assert "not shipped" in message and "ru" in message and "\n" not in message
    assert err.value.exit_code == 2


@pytest.mark.parametrize("requested", ["", "x", "not a locale", "12"])
def test_negotiate_refuses_garbage(requested):
    with pytest.raises(InputError, match="unknown locale"):
        locales.negotiate(requested)


def test_resolve_keeps_the_territory():
    assert locales.resolve("fr-ca") == "fr_CA"
    assert locales.resolve("en-us") == "en_US"
    assert locales.fallback_chain("fr_CA") == ["fr_CA", "fr"]


def test_fr_ca_uses_the_french_catalog_with_canadian_formats():
    l10n = Localizer("fr_CA")
    assert l10n.catalog_locale == "fr"
    assert l10n.gettext("Timeline") == "Chronologie"
    assert l10n.date_short(DAY) == "2023-02-28"  # Canada: ISO order
    assert l10n.lang == "fr-CA"


@pytest.mark.parametrize("locale,size", [("en_US", "Letter"), ("fr_CA", "Letter"), ("en", "A4"), ("en_GB", "A4"),
                                          ("ru", "A4"), ("hy_AM", "A4"), ("ar", "A4"), ("es_MX", "Letter")])
def test_page_size_by_territory(locale, size):
    assert locales.page_size(locale) == size
    assert Localizer(locale).page_size == size or locale == "es_MX"


# Babel's CLDR long dates, checked against what a reader of each language expects.
# hy: CLDR writes the year first with "թ." (թվական) and the month in the genitive:
# "2023 թ. փետրվարի 28" is the form Armenian official texts use. az: "28 fevral 2023".
# ru: "28 февраля 2023 г." with a narrow no-break space before "г." (CLDR 47), kept:
# it is the correct typography and stops a line break between the year and "г.".
LONG_DATES = {
    "en": "February 28, 2023",
    "ru": "28 февраля 2023\u202fг.",  # CLDR: a narrow no-break space keeps "г." with the year
    "hy": "2023 թ. փետրվարի 28",
    "fr": "28 février 2023",
    "az": "28 fevral 2023",
    "ar": "28 فبراير 2023",
}


@pytest.mark.parametrize("locale,expected", LONG_DATES.items())
def test_long_dates(locale, expected):
    assert Localizer(locale).date_long(DAY) == expected


def test_short_dates_and_numbers():
    assert Localizer("ru").date_short(DAY) == "28.02.2023"
    assert Localizer("en_US").date_short(DAY) == "2/28/23"
    assert Localizer("fr").number(12345.5) == "12\u202f345,5"
    assert Localizer("ru").number(12345) == "12\xa0345"
    assert Localizer("en").number(12345) == "12,345"


def test_partial_dates():
    assert Localizer("ru").partial_date("2022-12") == "декабрь 2022\u202fг."
    assert Localizer("fr").partial_date("2022") == "2022"
    assert Localizer("hy").partial_date("2023-01-17") == "2023 թ. հնվ 17"


def test_lists_of_translated_country_names():
    """ "Russia, Azerbaijan and Armenia" as each locale writes a list, the names from CLDR."""
    names = ["Russia", "Azerbaijan", "Armenia"]
    expected = {
        "en": "Russia, Azerbaijan, and Armenia",
        "ru": "Россия, Азербайджан и Армения",
        "hy": "Ռուսաստան, Ադրբեջան և Հայաստան",
        "fr": "Russie, Azerbaïdjan et Arménie",
        "az": "Rusiya, Azərbaycan və Ermənistan",
        "ar": "روسيا وأذربيجان وأرمينيا",
    }
    for locale, want in expected.items():
        tr = ContentTranslator(locale, "en")
        translated = [tr("actor", n) for n in names]
        assert all(t.translated for t in translated)
        assert str(Localizer(locale).list([str(t) for t in translated])) == want


def test_country_names_and_language_names():
    ru = Localizer("ru")
    assert ru.country_name("Armenia") == "Армения"
    assert ru.country_name("european union") == "Европейский союз"
    assert ru.country_name("Sergey Lavrov") is None
    assert ru.territory_name("AZ") == "Азербайджан"
    assert ru.language_name("hy") == "армянский"
    assert Localizer("fr").language_name("en") == "anglais"
    assert Localizer("ar").language_name("ru") == "الروسية"


def test_directions():
    assert Localizer("ar").dir == "rtl" and Localizer("ar").rtl
    assert all(Localizer(loc).dir == "ltr" for loc in ["en", "ru", "hy", "fr", "az"])


# --- UI strings and plurals (read from the compiled catalogs) ------------------------

def test_ui_strings_are_translated_in_every_locale():
    for locale in ["ru", "hy", "fr", "az", "ar"]:
        assert Localizer(locale).gettext("Timeline") != "Timeline"
    assert Localizer("en").gettext("Timeline") == "Timeline"


@pytest.mark.parametrize("locale,cases", [
    ("en", {1: "1 quote", 2: "2 quotes", 5: "5 quotes"}),
    ("ru", {1: "1 цитата", 2: "2 цитаты", 5: "5 цитат", 11: "11 цитат", 21: "21 цитата", 22: "22 цитаты"}),
    ("fr", {0: "0 citation", 1: "1 citation", 2: "2 citations"}),
    ("hy", {1: "1 մեջբերում", 3: "3 մեջբերում"}),
    ("az", {1: "1 sitat", 3: "3 sitat"}),
    ("ar", {0: "لا اقتباسات", 1: "اقتباس واحد", 2: "اقتباسان", 3: "3 اقتباسات", 11: "11 اقتباسًا", 100: "100 اقتباس"}),
])
def test_plural_forms(locale, cases):
    l10n = Localizer(locale)
    for n, expected in cases.items():
        assert l10n.counted("quote", n) == expected


def test_count_formats_the_number():
    assert Localizer("fr").counted("page", 1200) == "1\u202f200 pages"
    assert Localizer("ru").count(3, "{n} quote", "{n} quotes") == "3 цитаты"


def test_counted_rejects_unknown_kinds():
    with pytest.raises(ValueError):
        Localizer("ru").counted("sandwich", 2)


def test_quote_marks_per_locale():
    assert Localizer("ru").quote("да") == "«да»"
    assert Localizer("fr").quote("oui") == "« oui »"
    assert Localizer("en").quote("yes") == "“yes”"


def test_page_footer_css_escapes_and_counts():
    css = Localizer("ru").page_footer_css()
    assert css == '"Страница " counter(page) " из " counter(pages)'


# --- bidi ---------------------------------------------------------------------------

def test_ltr_runs_in_arabic_text():
    text = "قال Sergey Lavrov إن EU-Armenia 2020 مهم"
    runs = [text[s:e] for s, e in bidi.ltr_runs(text)]
    assert runs == ["Sergey Lavrov", "EU-Armenia"]


def test_bidi_isolates_latin_names_in_rtl_only():
    ar, ru = Localizer("ar"), Localizer("ru")
    assert str(ar.bidi("قال Sergey Lavrov: <٢>")) == 'قال <bdi dir="ltr">Sergey Lavrov</bdi>: &lt;٢&gt;'
    assert str(ru.bidi("Lavrov <b>")) == "Lavrov &lt;b&gt;"
    assert bidi.isolate_ltr("قال Lavrov", markup=False) == "قال \u2066Lavrov\u2069"


def test_translated_html_marks_untranslated_text_with_its_language():
    tr = ContentTranslator("ar", "en")
    item = tr("key point", "Lavrov <said> it")
    assert not item.translated and item.original == "Lavrov <said> it"
    assert item.__html__() == '<span lang="en" dir="ltr">Lavrov &lt;said&gt; it</span>'


def test_localizer_quote_keeps_markup():
    from markupsafe import Markup

    out = Localizer("ru").quote(Markup("<span>да</span>"))
    assert out == Markup("«<span>да</span>»")


# --- content translation ---------------------------------------------------------------

def test_source_language_content_is_itself():
    tr = ContentTranslator("en_US", "en")
    t = tr("quote", "Hello")
    assert t == "Hello" and t.translated and tr.missing == [] and tr.report() is None


def test_exact_entry_then_sentences_then_cldr_then_fallback():
    sentences = {
        "“In our contacts, we are trying.": "«В наших контактах мы стараемся.",
        "The setting up is not envisioned.”": "Установка не предусмотрена».",
        "The blockade has still not been lifted.": "Блокада до сих пор не снята.",
    }
    messages = {("quote", "It calls for free movement,"): "Оно предусматривает свободное передвижение"}
    messages.update({("sentence", k): v for k, v in sentences.items()})
    tr = ContentTranslator("ru", "en", messages)
    assert tr("quote", "It calls for free movement,") == "Оно предусматривает свободное передвижение"
    assert tr("quote", "It calls for free movement,").how == "catalog"
    # a key point that is a whole sentence
    kp = tr("key point", "The blockade has still not been lifted.")
    assert kp == "Блокада до сих пор не снята." and kp.how == "sentences"
    # a quote that is two whole sentences, its quotation marks outside its text
    q = tr("quote", "In our contacts, we are trying. The setting up is not envisioned.")
    assert q == "В наших контактах мы стараемся. Установка не предусмотрена." and q.translated
    assert q.original == "In our contacts, we are trying. The setting up is not envisioned."
    # a country from CLDR
    assert tr("actor", "Azerbaijan") == "Азербайджан"
    # a part of a sentence stays untranslated
    part = tr("position", "The blockade has still")
    assert not part.translated and part == "The blockade has still"
    assert tr.missing == [("position", "The blockade has still")]
    report = tr.report()
    assert report.startswith("ru: 1 content item not translated") and "position" in report


def test_strict_translator_raises():
    tr = ContentTranslator("fr", "en", {}, strict=True)
    with pytest.raises(translator.MissingTranslationError) as err:
        tr("event", "Something happened")
    assert err.value.exit_code == 2 and "fr" in str(err.value)


def test_sentence_splitting_of_the_seed(seed_brief):
    sentences = sentences_mod.sentences(seed_brief.article.text)
    assert len(sentences) == 30
    assert sentences[3] == "“In our contacts, we are trying to achieve that first and foremost through the peacekeeping contingent."
    assert sentences[-1].startswith("Calling the document")
    for s, e in sentences_mod.split_sentences(seed_brief.article.text):
        assert seed_brief.article.text[s:e].strip() == seed_brief.article.text[s:e]
