"""briefdoc: news articles to print-ready, translated PDF briefs.

Public API: :func:`read_article`, :func:`extract`, :func:`load_brief`,
:func:`render_brief`. (The modules ``briefdoc.extractors`` and ``briefdoc.render``
hold the stages; the API functions are named apart from them so that importing a
module never replaces a function.) Heavy libraries (spaCy, WeasyPrint) load on first use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

__version__ = "0.1.0"

__all__ = ["__version__", "extract", "read_article", "load_brief", "render_brief"]


def read_article(path: str | Path):
    """Read a seed (text, Markdown or HTML, optional YAML front matter) into an Article."""
    from .article import read_article as _read

    return _read(path)


def extract(text: str, *, published: dt.date | None = None, title: str | None = None):
    """Extract a Brief (key points, actors, quotes, positions, timeline) from article text."""
    from .extractors import extract as _extract

    return _extract(text, published=published, title=title)


def load_brief(path: str | Path):
    """Read a Brief from its JSON file, validated against the schema."""
    from .briefio import load_brief as _load

    return _load(path)


def render_brief(brief, *, layout: str = "brief", locale: str = "en", format: str = "pdf", **options) -> bytes | str:
    """Render a Brief with a layout in a locale: PDF bytes, or HTML text."""
    from . import i18n, layouts
    from . import render as _render

    lay = layouts.get(layout)
    loc = i18n.negotiate(locale)
    if format == "html":
        return _render.render_html(brief, lay, loc, **options)
    return _render.render_pdf(brief, lay, loc, **options)
