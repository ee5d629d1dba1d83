"""Hostile input, second round (issue 22): hypothesis fuzzing of the readers and of
the template context, under the render limits (render/limits.py: the same time and
memory limits a render runs under; render_html applies them itself, the readers are
run through them here) and a time budget linear in the input's size.

Example counts are small (the whole suite must stay well under ten minutes); the
inputs are repeated blocks so that a reader that is not linear shows at once."""

from __future__ import annotations

import datetime as dt
import re
import time
import warnings
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefdoc.model.brief import LANGUAGE_TAG
from briefdoc.model.errors import BriefdocError, InputError, RenderError

FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Per character: today's readers need about 2 microseconds (HTMLParser) on these
# inputs; a quadratic one needs seconds for a few hundred kilobytes.
SECONDS_PER_CHAR = 25e-6


def within_limits(fn, *args):
    """``fn(*args)`` under the render limits, and the seconds it took."""
    from briefdoc.render.limits import limited

    started = time.perf_counter()
    result = limited("fuzz", fn, *args)
    return result, time.perf_counter() - started


# --- readers ---------------------------------------------------------------------------------

TOKENS = ["<article>", "</article>", "<main>", "</main>", "<svg>", "</svg>", "<g>", "</g>", "<head>", "<body>", "<p>", "</p>",
          "<aside>", "</aside>", "<div class='share-bar'>", "<div>", "</div>", "<h1>", "</h1>", "<title>", "</title>",
          "<time datetime='2023-02-28'>", "<meta property='og:title' content='T &amp; U'>", "<br>", "<br/>", "<svg/>",
          "&amp;", "&", "&#", "&#0;", "&#x110000;", "&eacute", "&lt;", "&notin;", "<!--", "-->", "<![CDATA[", "<!doctype html>",
          "<noscript>", "</noscript>", "<a href='javascript:x'>", "</a>", "Lavrov said so. ", "“We are ready,” he said. ",
          "Ереван ", "\n", " ", "<", ">", "</", "<x-evil onerror=alert(1)>"]
BLOCK = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=40).map("".join)
PAGES = st.tuples(BLOCK, st.integers(500, 10_000), BLOCK).map(lambda t: "<html><body>" + t[0] * t[1] + t[2])


@settings(FUZZ, max_examples=20)
@given(PAGES)
def test_read_page_is_linear_under_the_limits(page):
    from briefdoc.read.htmltext import read_page

    page = page[:1_900_000]
    result, seconds = within_limits(read_page, page)
    assert isinstance(result.text, str)
    assert "\n\n" not in result.text  # one paragraph a line
    assert seconds < 0.5 + SECONDS_PER_CHAR * len(page), (len(page), seconds)


BYTES = st.tuples(st.binary(min_size=1, max_size=60), st.integers(2_000, 30_000)).map(lambda t: t[0] * t[1])


@FUZZ
@given(st.one_of(BYTES, PAGES.map(lambda p: p.encode("utf-8"))))
def test_decode_and_parse_are_linear_under_the_limits(data):
    from briefdoc.read.article import decode, parse

    data = data[:1_900_000]

    def read():
        try:
            return parse(decode(data, "x.md"), "x.md")
        except InputError as exc:
            assert "\n" not in str(exc)
            return None

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a DecodeWarning is fine here
        article, seconds = within_limits(read)
    assert article is None or article.text.strip()
    assert seconds < 1 + SECONDS_PER_CHAR * len(data), (len(data), seconds)


# --- the template context -----------------------------------------------------------------------

INJECTIONS = ["<x-evil onerror=alert(1)>", "\"><x-evil>", "'><x-evil>", "</style><x-evil>", "</title><x-evil>", "&", "&amp;",
              "{{ 7*7 }}", "{% raw %}", "@import url(x);", "\u202e", "”", "«", "\x00", "\x07", "\u2028"]
PIECE = st.lists(st.one_of(st.sampled_from(INJECTIONS), st.text(max_size=12)), max_size=6).map("".join)
LANGUAGES = st.sampled_from(["en", "ru", "ar", "hy", "fr", "pt-BR", "zh-Hant-TW", "en_US", "xx", "Klingon"])
URLS = st.one_of(st.none(), st.sampled_from(["https://example.org/a?b=c&d=\"e\"<x-evil>", "mailto:desk@example.org?subject='x'",
                                             "http://example.org/</style><x-evil>"]))


def brief_of(pieces, names, title, source, language, url):
    from briefdoc.model.brief import Actor, Article, Brief, Event, KeyPoint, Quote

    text, spans = "", []
    for piece in [p for p in pieces if p.strip()]:
        text += "\n" if text else ""
        spans.append((len(text), len(text) + len(piece), piece))
        text += piece
    text += "\nOn Tuesday it ended."
    tuesday = text.index("Tuesday")
    actors = [Actor(id=f"a{i}", name=n or "X", kind="person", title=n[::-1] or None) for i, n in enumerate(names)]
    quotes = [Quote(start=s, end=e, text=p, speaker=actors[0].id if actors else None) for s, e, p in spans[:2]]
    return Brief(
        article=Article(title=title, source=source or None, url=url, language=language,
                        published=dt.date(2023, 2, 28), text=text),
        key_points=[KeyPoint(start=s, end=e, text=p) for s, e, p in spans],
        actors=actors, quotes=quotes,
        timeline=[Event(start=tuesday, end=tuesday + 7, date="2023-02-28", expression="Tuesday", event="it ended",
                        event_start=tuesday + 8, event_end=tuesday + 16)],
    )


BRIEFS = st.builds(brief_of, st.lists(PIECE, max_size=5), st.lists(PIECE, max_size=3), PIECE, PIECE, LANGUAGES, URLS)


class _Elements(HTMLParser):
    """The elements and attributes of an HTML document, as a browser would see them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((tag, k, v) for k, v in attrs)


@pytest.fixture(scope="module")
def all_layouts():
    from briefdoc.render import layouts

    return list(layouts.discover().values())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(brief=BRIEFS, locale=st.sampled_from(["en", "ar", "fr"]))
def test_any_context_reaches_html_escaped_under_the_limits(all_layouts, brief, locale):
    from briefdoc.localize.content import translator_for
    from briefdoc.model.briefjson import dumps, loads
    from briefdoc.render.html import render_html

    brief = loads(dumps(brief).encode("utf-8"), "b.json")  # as an edited brief JSON would come
    for lay in all_layouts:
        started = time.perf_counter()
        try:
            html = render_html(brief, lay, locale, content=translator_for(brief, locale), fit=0)
        except RenderError as exc:  # a missing glyph or such: one line, exit 3
            assert exc.exit_code == 3 and "\n" not in str(exc)
            continue
        assert time.perf_counter() - started < 10
        doc = _Elements()
        doc.feed(html)
        assert "x-evil" not in doc.tags and "script" not in doc.tags
        assert doc.tags.count("style") == 1 and doc.tags.count("title") == 1
        for tag, name, value in doc.attrs:
            assert not name.startswith("on"), (tag, name, value)
            if name == "lang":
                assert re.fullmatch(LANGUAGE_TAG, value or ""), value
            if name == "href":
                assert re.match(r"(?i)(https?://|mailto:|#)", value or ""), value
        css = html.split("<style>", 1)[1].split("</style>", 1)[0]
        for rule in re.findall(r":lang\(([^)]*)\)", css):
            assert re.fullmatch(LANGUAGE_TAG, rule), rule


# --- what the sandbox lets a template build -------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(width=st.one_of(st.integers(0, 20_000), st.integers(10**6, 10**12)),
       form=st.sampled_from(["'%{w}s' % 'x'", "'%.{w}f' % 1.5", "'%{w}d'|format(1)", "'{{:>{w}}}'.format(1)",
                             "'{{:.{w}f}}'.format(1.5)", "'x' * {w}", "'x'|center({w})", "'x'.rjust({w})"]))
def test_sandbox_builds_small_values_and_refuses_huge_ones(width, form):
    from jinja2.sandbox import SecurityError

    from briefdoc.render.sandbox import MAX_STRING, MAX_WIDTH, LayoutSandbox

    env = LayoutSandbox(autoescape=True)
    source = "{{ (" + form.format(w=width) + ")|length }}"
    limit = MAX_STRING if form.startswith("'x' *") else MAX_WIDTH
    started = time.perf_counter()
    try:
        out = env.from_string(source).render()
    except SecurityError:
        assert width > limit
    else:
        assert width <= limit and int(out) >= min(width, 1)
    assert time.perf_counter() - started < 2
