"""HTML to plain text, for articles saved from the web. Nothing is executed or
fetched: script, style, iframe and similar elements are dropped with their content,
and tags (img, link, object...) are dropped without looking at their URLs.

A saved news page is mostly not the article: menus, share buttons, advertisements,
"Read more" boxes, captions. When the page marks its article (``<article>``, or
``<main>``), only the largest such element is read; asides, captions and blocks whose
class or id names page furniture ("share", "advert", "related", "newsletter") are
dropped wherever they are. The page's own metadata gives the headline (``og:title``,
else the article's ``<h1>``, else ``<title>``) and the publication date
(``article:published_time``, JSON-LD ``datePublished``, ``<time datetime>``)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from ..model.brief import ARTICLE_LIMIT
from ..model.errors import InputError

# Elements dropped with everything inside them.
_SKIP = {"script", "style", "iframe", "noscript", "template", "svg", "math", "object", "head", "nav", "footer", "select",
         "button", "textarea", "frameset", "noframes", "noembed", "aside", "figcaption", "form", "dialog"}
# Elements that never have content or an end tag: they must not open a skipped region.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "frame", "keygen"}
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article", "header", "pre", "hr", "dd", "dt", "figcaption", "caption", "main", "aside", "table", "ul", "ol", "dl", "figure", "time"}
# Words in a class or id that name page furniture, not article text ("share-bar", "ad-slot", "related_links").
_FURNITURE = {"share", "sharing", "social", "advert", "advertisement", "ad", "ads", "adslot", "related", "newsletter",
              "promo", "subscribe", "subscription", "comments", "comment", "cookie", "cookies", "breadcrumb",
              "breadcrumbs", "sidebar", "recommended", "outbrain", "taboola", "paywall", "sponsored"}
# Meta names of the publication date, and of the headline.
_DATE_META = {"article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "date",
              "dc.date.issued", "dc.date", "dcterms.created", "parsely-pub-date", "sailthru.date", "publication_date"}
_TITLE_META = {"og:title", "twitter:title"}
_ISO_DAY = re.compile(r"\s*(\d{4})-(\d\d)-(\d\d)")
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"(\d{4}-\d\d-\d\d)')


def _furniture(attrs) -> bool:
    for name, value in attrs:
        if name in ("class", "id") and value:
            if any(w in _FURNITURE for w in re.split(r"[\s_-]+", value.lower())):
                return True
        if name == "role" and value in ("complementary", "navigation", "banner", "contentinfo"):
            return True
        if name == "aria-hidden" and value == "true":
            return True
    return False


def _day(value: str | None) -> dt.date | None:
    m = _ISO_DAY.match(value or "")
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


class _Open:
    """The open elements of one kind of region (the skipped ones), innermost last,
    with where each tag stands in the stack: closing the innermost ``tag`` and all
    left open inside it costs only the elements it removes (linear in the input,
    however deep the nesting or however many stray end tags)."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.where: dict[str, list[int]] = {}

    def __bool__(self) -> bool:
        return bool(self.stack)

    def push(self, tag: str) -> None:
        self.where.setdefault(tag, []).append(len(self.stack))
        self.stack.append(tag)

    def close(self, tag: str, outermost: bool = False) -> None:
        """Close the innermost (or outermost) open ``tag`` and everything opened inside it."""
        places = self.where.get(tag)
        if not places:
            return
        cut = places[0] if outermost else places[-1]
        while len(self.stack) > cut:
            self.where[self.stack.pop()].pop()


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.meta_title: str | None = None
        self.meta_date: dt.date | None = None
        self.time_date: dt.date | None = None
        self._skipping = _Open()  # the open skipped elements
        self._in_title = False
        # the article elements: [tag, start, end] with start and end indices into parts, and their h1 texts
        self.articles: list[list] = []
        self._open_articles: dict[str, list[int]] = {"article": [], "main": []}
        self._h1: list[str] | None = None
        self.h1s: list[tuple[int, str]] = []  # (part index, text)

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            self._meta(dict(attrs))
        if tag == "title":
            self._in_title = True
        elif tag == "body":
            # An unclosed <head> (common in saved pages) must not swallow the body.
            self._skipping.close("head", outermost=True)
        elif tag in _VOID:
            if tag in _BLOCK and not self._skipping:
                self.parts.append("\n")
        elif self._skipping:
            self._skipping.push(tag)  # kept so that the skipped element's own end tag is found
        elif tag in _SKIP or _furniture(attrs):
            self._skipping.push(tag)
        else:
            if tag == "time" and self.time_date is None:
                self.time_date = _day(dict(attrs).get("datetime"))
            if tag in ("article", "main"):
                self.articles.append([tag, len(self.parts), None])
                self._open_articles[tag].append(len(self.articles) - 1)
            if tag == "h1" and self._h1 is None:
                self._h1 = []
            if tag in _BLOCK:
                self.parts.append("\n")

    def _meta(self, attrs: dict) -> None:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = attrs.get("content")
        if not content:
            return
        if key in _DATE_META and self.meta_date is None:
            self.meta_date = _day(content)
        elif key in _TITLE_META and self.meta_title is None:
            self.meta_title = re.sub(r"\s+", " ", content).strip() or None

    def handle_startendtag(self, tag, attrs):
        if tag == "meta":
            self._meta(dict(attrs))
        # <svg/>, <script/>, <br/>: nothing opens.
        if tag in _BLOCK and not self._skipping:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif self._skipping:
            self._skipping.close(tag)  # it and anything left open inside it
        else:
            if tag == "h1" and self._h1 is not None:
                self.h1s.append((len(self.parts), re.sub(r"\s+", " ", "".join(self._h1)).strip()))
                self._h1 = None
            if tag in _BLOCK:
                self.parts.append("\n")
            if tag in ("article", "main") and self._open_articles[tag]:
                self.articles[self._open_articles[tag].pop()][2] = len(self.parts)

    def handle_data(self, data):
        if self._in_title:
            self.title.append(data)
        elif not self._skipping:
            self.parts.append(data)
            if self._h1 is not None:
                self._h1.append(data)


@dataclass
class Page:
    title: str | None
    text: str
    published: dt.date | None


# a marked article shorter than this is a teaser, not the story
_MIN_ARTICLE_CHARS = 200


def read_page(source: str) -> Page:
    """The article of a saved web page: its headline, its text with one paragraph per
    line, and the publication date its metadata states (None when it states none).
    InputError for a page over the article limit (ARTICLE_LIMIT characters): saved
    pages are bigger than their article, but not by that much."""
    if len(source) > ARTICLE_LIMIT:
        raise InputError(f"<html>: {len(source):,} characters is over the {ARTICLE_LIMIT / 1e6:.0f} MB limit for one "
                         "article; save only the article's page, or its text")
    parser = _Text()
    parser.feed(source)
    parser.close()
    parts = parser.parts
    span = (0, len(parts))
    best = 0
    # The text each marked article holds, from running totals (one pass, however many articles).
    upto = list(itertools.accumulate((len(p.strip()) for p in parts), initial=0))
    for _tag, s, e in parser.articles:
        e = len(parts) if e is None else e
        size = upto[e] - upto[s]
        if size >= _MIN_ARTICLE_CHARS and size > best:
            best, span = size, (s, e)
    # convert_charrefs already decoded entities; decoding again would turn a
    # literal "&lt;" written in the article into "<".
    text = "".join(parts[span[0]:span[1]])
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    body = "\n".join(line for line in lines if line)
    page_title = re.sub(r"\s+", " ", "".join(parser.title)).strip() or None
    h1 = next((t for i, t in parser.h1s if span[0] <= i <= span[1] and t), None)
    title = parser.meta_title or h1 or page_title
    ld = _LD_DATE.search(source)
    published = parser.meta_date or (_day(ld.group(1)) if ld else None) or parser.time_date
    return Page(title=title, text=body, published=published)


def html_to_text(source: str) -> tuple[str | None, str]:
    """Return (title or None, text with one paragraph per line)."""
    page = read_page(source)
    return page.title, page.text
