"""render: the HTML a layout makes, and the helpers behind it (no PDF here)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from briefdoc.render import axis as axis_mod
from briefdoc.render import context
from briefdoc.render import html as html_mod
from briefdoc.render import layouts
from briefdoc.render import pdf as pdf_mod
from briefdoc.localize.translator import ContentTranslator
from briefdoc.localize.localizer import Localizer




def test_paragraph_numbers_are_lines(seed_brief):
    text = seed_brief.article.text
    assert context.paragraph_number(text, 0) == 1
    second = text.index("Lavrov, who was visiting Baku")
    assert context.paragraph_number(text, second) == 2
    assert context.paragraph_number(text, second - 1) == 1  # the newline ends paragraph 1
    last = text.index("Calling the document")
    assert context.paragraph_number(text, last) == len([ln for ln in text.split("\n") if ln.strip()])


def test_timeline_axis_places_events_by_date_and_mirrors_for_rtl(seed_brief):
    axis = axis_mod.timeline_axis(seed_brief.timeline, Localizer("en"), width_mm=170)
    starts = [m.start for m in axis.marks]
    assert starts == sorted(starts) and len(starts) == 8
    assert starts[0] < 5 and starts[-1] > 95  # 2020-11-09 at the start, 2023-02-28 at the end
    assert all("left:" in m.span_style for m in axis.marks)
    # labels in one lane never overlap
    for a in axis.marks:
        for b in axis.marks:
            if a is not b and a.lane == b.lane:
                assert abs(a.start - b.start) > 3 or a.anchor_end != b.anchor_end
    rtl = axis_mod.timeline_axis(seed_brief.timeline, Localizer("ar"), width_mm=170)
    assert all("right:" in m.span_style for m in rtl.marks)
    assert [m.lane for m in rtl.marks] == [m.lane for m in axis.marks]


def test_partial_dates_cover_their_period():
    assert axis_mod.date_range("2022") == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert axis_mod.date_range("2022-12") == (dt.date(2022, 12, 1), dt.date(2022, 12, 31))
    assert axis_mod.date_range("2023-02") == (dt.date(2023, 2, 1), dt.date(2023, 2, 28))
    assert axis_mod.date_range("2023-W09") == (dt.date(2023, 2, 27), dt.date(2023, 3, 5))
    assert axis_mod.date_range("2023-Q2") == (dt.date(2023, 4, 1), dt.date(2023, 6, 30))


def test_telling_quotes_take_speakers_in_turn(seed_brief):
    quotes = context.telling_quotes(seed_brief, 3, 260)
    assert len(quotes) == 3 and len({q.start for q in quotes}) == 3
    assert {q.speaker for q in quotes} == {"sergey-lavrov", "jeyhum-bayramov"}
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


def test_excerpt_keeps_translated_marks():
    t = ContentTranslator("ru", "en")("quote", "One sentence here. Another one that is long enough to cut.")
    short = context.excerpt(t, 30)
    assert short.endswith("…") and len(short) <= 32
    assert short.translated is False and short.original == t.original


@pytest.mark.parametrize("lang,expected", [("en", True), ("ru", True), ("fr", True), ("hy", False), ("ar", False), ("az", False)])
def test_hyphenation_only_where_pyphen_has_the_language(lang, expected):
    assert (lang in context.hyphenation_languages(lang)) is expected


def test_html_hyphenation_and_page_css(seed_brief):
    html = html_mod.render_html(seed_brief, layouts.get("brief"), "ru")
    assert ":lang(ru), :lang(en) { hyphens: auto; }" in html
    assert "size: A4" in html and "counter(pages)" in html
    html_hy = html_mod.render_html(seed_brief, layouts.get("brief"), "hy")
    assert ":lang(hy)" not in html_hy
    html_ar = html_mod.render_html(seed_brief, layouts.get("brief"), "ar")
    assert '<html lang="ar" dir="rtl">' in html_ar
    assert "@top-right { content: string(doctitle); }" in html_ar  # running title mirrored
    assert ":lang(en)" not in html_ar  # no hyphens inside right-to-left lines


def test_pdf_date_from_source_date_epoch_or_article(seed_brief, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert context.pdf_datetime(seed_brief) == dt.datetime(2023, 2, 28, tzinfo=dt.timezone.utc)
    undated = seed_brief.model_copy(update={"article": seed_brief.article.model_copy(update={"published": None})})
    assert context.pdf_datetime(undated) == context.FIXED_EPOCH
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert context.pdf_datetime(seed_brief) == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.timezone.utc)


class Recording(ContentTranslator):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.asked: list[tuple[str, str]] = []

    def __call__(self, kind, text):
        self.asked.append((kind, text))
        return super().__call__(kind, text)


@pytest.mark.parametrize("name", ["memo", "brief", "handout"])
def test_every_piece_of_content_goes_through_tr(seed_brief, name):
    tr = Recording("ru", "en")
    html = html_mod.render_html(seed_brief, layouts.get(name), "ru", content=tr, fit=0)
    kinds = {k for k, _ in tr.asked}
    assert {"title", "key point", "quote", "event", "actor"} <= kinds
    if name != "memo":
        assert {"position", "actor title"} <= kinds
    # untranslated content is marked and explained once
    assert 'class="untranslated"' in html and html.count('class="legend"') == 1


def test_translated_quote_shows_the_original(seed_brief):
    q = seed_brief.quotes[10]
    tr = ContentTranslator("ru", "en", {("quote", q.text): "Во всех наших действиях мы руководствуемся принципом «не навреди»."})
    html = html_mod.render_html(seed_brief, layouts.get("brief"), "ru", content=tr)
    assert "Во всех наших действиях" in html
    i = html.index("Во всех наших действиях")
    assert 'class="original"' in html[i:i + 600] and "do no harm" in html[i:i + 800]


def test_no_css_goes_through_autoescape(seed_brief):
    for name in ("memo", "brief", "handout"):
        html = html_mod.render_html(seed_brief, layouts.get(name), "ru", fit=0)
        style = html[html.index("<style>"):html.index("</style>")]
        assert "&#34;" not in style and "&quot;" not in style
        assert '"Noto Serif"' in style and '"DejaVu Serif"' in style


def test_sources_appendix_gives_paragraphs(seed_brief):
    html = html_mod.render_html(seed_brief, layouts.get("brief"), "en")
    appendix = html[html.index('class="provenance"'):]
    paras = re.findall(r"¶ (\d+)", appendix)
    n_items = len(seed_brief.key_points) + len(seed_brief.positions) + len(seed_brief.quotes) + len(seed_brief.timeline)
    assert len(paras) == n_items
    text = seed_brief.article.text
    assert paras[0] == str(context.paragraph_number(text, seed_brief.key_points[0].start))


def test_memo_shrinks_its_selection_to_one_page(seed_brief):
    long = seed_brief.model_copy(update={"key_points": seed_brief.key_points * 5})
    html, document = html_mod.fitted(long, layouts.get("memo"), "en", None)
    assert len(document.pages) == 1


@pytest.mark.parametrize("locale,size", [("en", (595, 842)), ("en_US", (612, 792)), ("fr_CA", (612, 792)), ("ar", (595, 842))])
def test_builtin_layouts_print_on_the_locales_paper(seed_brief, locale, size):
    """A4 for a locale without territory, US Letter where CLDR says Letter is used;
    the memo still fits on its one page."""
    import io

    import pypdf

    pdf = pdf_mod.render_pdf(seed_brief, layouts.get("memo"), locale, variant="none", attach_json=False)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_a_layout_with_a_fixed_page_size_keeps_it(tmp_path, seed_brief):
    import shutil

    folder = tmp_path / "memo"
    shutil.copytree(layouts.get("memo").path, folder)
    toml = folder / "layout.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('page_size = "locale"', 'page_size = "A5"'), encoding="utf-8")
    lay = layouts.get("memo", [tmp_path])
    assert "size: A5;" in html_mod.render_html(seed_brief, lay, "en_US", fit=0)
    toml.write_text(toml.read_text(encoding="utf-8").replace('page_size = "A5"', 'page_size = "Tabloid"'), encoding="utf-8")
    with pytest.raises(layouts.InputError, match="page_size 'Tabloid'.*'locale'"):
        layouts.get("memo", [tmp_path])


@pytest.mark.parametrize("locale,week,quarter", [
    ("en", "Feb 20 – 26, 2023", "Q1 2023"),
    ("fr", "20–26 févr. 2023", "T1 2023"),
    ("ru", "20—26 февр. 2023 г.", "1-й кв. 2023 г."),
])
def test_weeks_and_quarters_in_the_locale(locale, week, quarter):
    """CLDR's interval and quarter formats (Babel); spaces normalised (CLDR uses thin ones)."""
    l10n = Localizer(locale)

    def norm(s):
        return " ".join(s.replace("\u2009", " ").replace("\u202f", " ").split())

    assert norm(l10n.partial_date("2023-W08")) == week
    assert norm(l10n.partial_date("2023-Q1")) == quarter


def test_a_week_on_the_timeline_graphic_spans_its_days(seed_brief):
    from briefdoc.model.brief import Event

    base = seed_brief.timeline[0]
    week = Event(**(base.model_dump() | {"date": "2023-W08"}))
    day = Event(**(base.model_dump() | {"date": "2023-02-28"}))
    axis = axis_mod.timeline_axis([week, day], Localizer("en"))
    marks = {m.event.date: m for m in axis.marks}
    assert marks["2023-W08"].end - marks["2023-W08"].start > 0  # a span, not a point
    assert marks["2023-W08"].end < marks["2023-02-28"].start  # 20-26 February lies before the 28th
    assert "Feb 20" in marks["2023-W08"].label


@pytest.mark.parametrize("locale,years,months,days,mixed", [
    ("en", "2010 – 2016", "March – May 2021", "Sep 16 – 19, 2016", "March 2021 – May 10, 2021"),
    ("ru", "2010—2016", "март — май 2021 г.", "16—19 сент. 2016 г.", "март 2021 г. — 10 мая 2021 г."),
    ("hy", "2010–2016", "2021 թ․ մարտ – մայիս", "16–19 սեպ, 2016 թ.", "2021 թ․ մարտ – 2021 թ. մյս 10"),
    ("fr", "2010–2016", "mars – mai 2021", "16–19 sept. 2016", "mars 2021 – 10 mai 2021"),
    ("az", "2010–2016", "mart–may 2021", "16 – 19 sen 2016", "mart 2021 – 10 may 2021"),
    ("ar", "2010–2016", "مارس – مايو 2021", "16–19 سبتمبر 2016", "مارس 2021 – 10\u200f/05\u200f/2021"),
])
def test_date_ranges_in_every_locale(locale, years, months, days, mixed):
    """A range of two dates as CLDR writes an interval (Babel); of two kinds, each date in the locale's
    interval pattern. Spaces normalised (CLDR uses thin and no-break ones)."""
    l10n = Localizer(locale)

    def norm(s):
        return " ".join(s.replace("\u2009", " ").replace("\u202f", " ").replace("\xa0", " ").split())

    assert norm(l10n.partial_date("2010/2016")) == years
    assert norm(l10n.partial_date("2021-03/2021-05")) == months
    assert norm(l10n.partial_date("2016-09-16/2016-09-19")) == days
    assert norm(l10n.partial_date("2021-03/2021-05-10")) == mixed


def test_a_range_on_the_timeline_graphic_spans_from_its_first_day_to_its_last(seed_brief):
    from briefdoc.model.brief import Event

    base = seed_brief.timeline[0]
    years = Event(**(base.model_dump() | {"date": "2010/2016"}))
    days = Event(**(base.model_dump() | {"date": "2022-09-16/2022-09-19"}))
    axis = axis_mod.timeline_axis([years, days], Localizer("en"))
    marks = {m.event.date: m for m in axis.marks}
    assert axis_mod.date_range("2010/2016") == (dt.date(2010, 1, 1), dt.date(2016, 12, 31))
    assert marks["2010/2016"].end - marks["2010/2016"].start > 50  # six years of a twelve-year axis
    assert marks["2010/2016"].partial and not marks["2022-09-16/2022-09-19"].partial
    assert "2010 – 2016" in marks["2010/2016"].label.replace("\u2009", " ")
