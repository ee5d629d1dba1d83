"""briefdoc: news articles to print-ready, translated PDF briefs.

Public API: :func:`read_article`, :func:`extract`, :func:`load_brief`,
:func:`render_brief`. The stages are the subpackages ``read``, ``extract``,
``localize``, ``render`` and ``build`` over the shared ``model``; the API
functions import them on first use, so that ``import briefdoc`` (and
``briefdoc --help``) loads neither spaCy nor WeasyPrint."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .model.version import __version__

__all__ = ["__version__", "extract", "read_article", "load_brief", "render_brief"]

# The API's arguments are checked first: a wrong type is a TypeError and a value no
# file could hold (a lone surrogate, a NUL in a path) a ValueError, each naming the
# function and the argument, rather than an AttributeError from deep inside a stage.
# Bad files and bad content are InputError, as on the command line.


def _text(function: str, name: str, value, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str):
        want = "a str or None" if optional else "a str"
        raise TypeError(f"briefdoc.{function}(): {name} must be {want}, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"briefdoc.{function}(): {name} holds a lone surrogate (U+{ord(value[exc.start]):04X}) at "
                         f"index {exc.start}, which is not text; decode the input with errors='replace'") from None


def _path(function: str, value) -> Path:
    if not isinstance(value, (str, os.PathLike)) or isinstance(value, bytes):
        raise TypeError(f"briefdoc.{function}(): path must be a str or a path, not {type(value).__name__}")
    text = os.fspath(value)
    if not isinstance(text, str):
        raise TypeError(f"briefdoc.{function}(): path must be a str or a path, not a bytes path")
    if "\0" in text:
        raise ValueError(f"briefdoc.{function}(): path holds a NUL character; no file has such a name")
    try:
        os.fsencode(text)
    except UnicodeEncodeError as exc:
        raise ValueError(f"briefdoc.{function}(): path {text!r} cannot be a file name on this system "
                         f"({exc.reason} at index {exc.start})") from None
    return Path(text)


def read_article(path: str | Path):
    """Read a seed (text, Markdown or HTML, optional YAML front matter) into an Article.
    TypeError or ValueError for a path that is not one; InputError for a bad file."""
    p = _path("read_article", path)
    # the stage loads on first use: importing briefdoc loads neither spaCy nor WeasyPrint
    from .read.article import read_article as _read

    return _read(p)


def extract(text: str, *, published: dt.date | None = None, title: str | None = None):
    """Extract a Brief (key points, actors, quotes, positions, timeline) from article text. Without a
    ``title``, the headline at the head of the text, not a byline or credit line ("" when it has none).
    TypeError for arguments of the wrong type, ValueError for text that is not text
    (a lone surrogate) or longer than an article may be (ARTICLE_LIMIT characters)."""
    # the model (pydantic) loads on first use too: `briefdoc --help` imports this package
    from .model.brief import ARTICLE_LIMIT

    _text("extract", "text", text)
    _text("extract", "title", title, optional=True)
    if len(text) > ARTICLE_LIMIT:
        raise ValueError(f"briefdoc.extract(): text is {len(text):,} characters, over the {ARTICLE_LIMIT:,} "
                         "limit for one article; split it")
    if isinstance(published, dt.datetime):
        published = published.date()
    elif published is not None and not isinstance(published, dt.date):
        raise TypeError(f"briefdoc.extract(): published must be a datetime.date or None, not {type(published).__name__}")
    # the stage loads on first use: importing briefdoc loads neither spaCy nor WeasyPrint
    from .extractors import extract as _extract
    from .read.byline import headline

    return _extract(text, published=published, title=headline(text)[0] if title is None else title)


def load_brief(path: str | Path):
    """Read a Brief from its JSON file, validated against the schema. TypeError or
    ValueError for a path that is not one; InputError for a bad file."""
    p = _path("load_brief", path)
    # the stage loads on first use: importing briefdoc loads neither spaCy nor WeasyPrint
    from .model.briefjson import load_brief as _load

    return _load(p)


def render_brief(brief, *, layout: str = "brief", locale: str = "en", format: str = "pdf", **options) -> bytes | str:
    """Render a Brief with a layout in a locale: PDF bytes, or HTML text. TypeError or
    ValueError for arguments that are not a Brief, a layout name, a locale, "pdf" or
    "html"; InputError for an unknown layout or locale; RenderError when the layout
    fails or runs past the render limits (render/limits.py)."""
    # the model (pydantic) loads on first use too: `briefdoc --help` imports this package
    from .model.brief import Brief

    if not isinstance(brief, Brief):
        raise TypeError(f"briefdoc.render_brief(): brief must be a Brief (from extract() or load_brief()), "
                        f"not {type(brief).__name__}")
    _text("render_brief", "layout", layout)
    _text("render_brief", "locale", locale)
    if format not in ("pdf", "html"):
        raise ValueError(f"briefdoc.render_brief(): format must be 'pdf' or 'html', not {format!r}")
    # the stage loads on first use: importing briefdoc loads neither spaCy nor WeasyPrint
    from .localize.locales import negotiate
    from .render.html import render_html
    from .render.layouts import get as get_layout
    from .render.pdf import render_pdf

    lay = get_layout(layout)
    loc = negotiate(locale)
    if format == "html":
        return render_html(brief, lay, loc, **options)
    return render_pdf(brief, lay, loc, **options)
